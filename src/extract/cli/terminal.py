"""What the commands print: plain-text tables (aligned columns, long cells shortened), the
summary line of a converted document, the progress and report of a batch, the reports of check,
compare and series, and the trace of `extract inspect`.

Presentation, in the CLI layer: it reads the results of the library API (Documents, a batch's
outcomes, DataFrames, trace lines) and returns or prints text; nothing here converts, checks or
writes files.

The progress bar is tqdm's: one small pure-Python package without dependencies that imports in a
few hundredths of a second (only when a bar is shown), draws on stderr, and prints lines above
the bar as they come (`external_write_mode`), which is all a batch needs; rich would draw the same
with several packages more to install and import.
"""
from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import pandas as pd

    from ..api.runs import Batch
    from ..api.tracing import TraceLine

TOTALS = ("goals", "performances", "indicators", "values", "diagnostics")


def records(df: "pd.DataFrame") -> list[dict]:
    """The rows of a typed frame as dicts, a missing cell (pd.NA) as None."""
    return df.astype(object).where(df.notna(), None).to_dict("records")


def shorten(text: object, width: int) -> str:
    """The cell as one line of at most `width` characters (an ellipsis marks a cut)."""
    s = "" if text is None else " ".join(str(text).split())
    if s in ("None", "nan", "<NA>"):
        return ""
    return s if len(s) <= width else s[: max(width - 1, 0)] + "…"


def text_table(headers: Sequence[str], rows: Sequence[Sequence[object]], max_width: int = 60,
               indent: str = "  ") -> str:
    """Rows under headers, columns padded to their widest cell (at most `max_width`); the
    last column is not padded."""
    cells = [[shorten(c, max_width) for c in row] for row in rows]
    widths = [max([len(h)] + [len(r[k]) for r in cells]) for k, h in enumerate(headers)]

    def line(values: Sequence[str]) -> str:
        padded = [v.ljust(w) for v, w in zip(values[:-1], widths[:-1])] + [values[-1]]
        return (indent + "  ".join(padded)).rstrip()

    out = [line(list(headers)), line(["-" * w for w in widths])]
    out.extend(line(r) for r in cells)
    return "\n".join(out)


# --- convert ----------------------------------------------------------------------------------

class Summarised(Protocol):
    """A converted document or a batch's outcome of one (`api.jobs.Done`)."""

    source_file: str
    status: str

    def counts(self) -> dict[str, int]: ...


def summary_line(doc: Summarised) -> str:
    """One converted document: `file: status  goals n, performances n, ...`."""
    c = doc.counts()
    return (f"{doc.source_file}: {doc.status}  goals {c['goals']}, performances {c['performances']}, "
            f"indicators {c['indicators']}, values {c['values']}, diagnostics {c['diagnostics']}")


def total_line(docs: Sequence[Summarised], out: object) -> str:
    """The last line of `extract convert`: documents (failed, reused), record counts and the
    diagnostics by severity."""
    totals = {k: sum(d.counts()[k] for d in docs) for k in TOTALS}
    failed = sum(1 for d in docs if d.status == "failed")
    reused = sum(1 for d in docs if getattr(d, "reused", False))
    by_severity = {s: sum(getattr(d, "severities", {}).get(s, 0) for d in docs) for s in ("error", "warning", "info")}
    severities = f" ({by_severity['error']} errors, {by_severity['warning']} warnings, {by_severity['info']} info)" \
        if totals["diagnostics"] else ""
    return (f"total: {len(docs)} documents ({failed} failed{f', {reused} reused' if reused else ''}), "
            f"goals {totals['goals']}, performances {totals['performances']}, indicators {totals['indicators']}, "
            f"values {totals['values']}, diagnostics {totals['diagnostics']}{severities} -> {out}")


def batch_report(batch: "Batch", verbose: bool = False) -> tuple[list[str], list[str]]:
    """What `extract convert` prints after the documents, before the total: (lines for stdout,
    lines for stderr). Unsupported inputs, duplicates, removed outputs and notes always; skipped
    files and the reused documents one by one with `verbose`, else counted."""
    out: list[str] = []
    err: list[str] = [f"error: {p}" for p in batch.problems]
    err += [f"unsupported: {u.path}: {u.reason}" for u in batch.unsupported]
    for first, others in batch.duplicates.items():
        out.append(f"duplicate: {', '.join(others)} byte-identical to {first} (converted once, as {first})")
    if verbose:
        out += [f"skipped: {s.path}: {s.reason}" for s in batch.skipped]
        out += [f"{summary_line(d)}  (reused)" for d in batch.outcomes if d.reused]
    elif batch.skipped:
        out.append(f"skipped: {len(batch.skipped)} files that are not inputs (-v lists them)")
    if batch.reused and not verbose:
        out.append(f"reused: {batch.reused} unchanged documents from the last run (--force converts them again)")
    out += [f"removed: {r.path} ({r.reason})" for r in batch.removed]
    if batch.foreign:
        shown = ", ".join(batch.foreign[:5]) + (f" and {len(batch.foreign) - 5} more" if len(batch.foreign) > 5 else "")
        out.append(f"note: not written by this run, left as they are: {shown}")
    out += [f"note: {n}" for n in batch.notes]
    if batch.interrupted:
        err.append(f"interrupted: the tables hold the {len(batch.outcomes)} documents done; run again to go on")
    return out, err


class BatchProgress:
    """A batch's progress on the terminal: with `bar`, a bar on stderr (documents n/N, pages/s,
    the file in work, elapsed and time left, estimated from the size of what is left); lines
    per document as they finish through `echo` (only failures when `quiet`)."""

    def __init__(self, bar: bool, quiet: bool = False, label: str = "converting",
                 echo: Callable[[str], None] | None = None):
        self.show_bar, self.quiet, self.label = bar, quiet, label
        self.echo = echo or (lambda line: print(line, flush=True))
        self.bar = None
        self.total = self.done = self.pages = 0
        self.current = ""
        self.began = time.monotonic()

    def start(self, total: int, cost: int, reused: Sequence) -> None:
        self.total, self.done, self.began = total, len(reused), time.monotonic()
        if self.show_bar:
            from tqdm import tqdm
            tqdm.monitor_interval = 0  # no monitor thread
            self.bar = tqdm(total=max(cost, 1), file=sys.stderr, dynamic_ncols=True, mininterval=0.2,
                            bar_format="{desc} {percentage:3.0f}%|{bar:16}| [{elapsed} elapsed, {remaining} left{postfix}]")
            self._describe()

    def working(self, files: Sequence[str]) -> None:
        current = files[0] if files else ""
        if self.bar is not None and current != self.current:
            self.current = current
            self._describe()
            self.bar.refresh()

    def finished(self, done, cost: int) -> None:
        self.done += 1
        self.pages += done.pages
        if not self.quiet or done.status == "failed":
            self._print(summary_line(done))
        if self.bar is not None:
            self._describe()
            self.bar.update(cost)

    def _describe(self) -> None:
        elapsed = max(time.monotonic() - self.began, 1e-6)
        self.bar.set_description_str(f"{self.label} {self.done}/{self.total}", refresh=False)
        name = self.current.rsplit("/", 1)[-1]
        self.bar.set_postfix_str(f"{self.pages / elapsed:.1f} pages/s" + (f", {shorten(name, 40)}" if name else ""),
                                 refresh=False)

    def _print(self, line: str) -> None:
        if self.bar is not None:
            with self.bar.external_write_mode():
                self.echo(line)
        else:
            self.echo(line)

    def close(self) -> None:
        if self.bar is not None:
            self.current = ""
            self._describe()
            self.bar.refresh()
            self.bar.close()
            self.bar = None


def _fit_location(location: str, width: int) -> str:
    """A trace location in `width` characters: its page and line (`p3 l27`) kept, the element
    path shortened from its start (its last steps name the cell)."""
    if len(location) <= width:
        return location
    head = re.match(r"(?:[pl]\d+ )*", location).group(0)
    room = width - len(head) - 1
    return head + "…" + location[len(location) - room:] if room > 0 else location[:width]


def trace_text(lines: "list[TraceLine]", width: int | None = 160) -> str:
    """The trace of `extract inspect`: location, role and text per line, within `width`
    characters (None: no limit). The location and role columns take at most a quarter of the
    width each (a long location keeps its end), so the text keeps at least half."""
    loc = max((len(t.location) for t in lines), default=0)
    role = max((len(t.role) for t in lines), default=0)
    if width is not None:
        loc, role = min(loc, max(12, width // 4)), min(role, max(12, width // 4))
    rows = []
    for t in lines:
        location = _fit_location(t.location, loc)
        row = f"{location:<{loc}}  {shorten(t.role, role):<{role}}  {t.text}"
        rows.append(row if width is None or len(row) <= width else row[: width - 1] + "…")
    return "\n".join(rows)


# --- check ------------------------------------------------------------------------------------

def where(row: dict) -> str:
    """The short place of a finding row: page and lines, without the file name."""
    parts = []
    if row.get("page") not in (None, ""):
        parts.append(f"p. {row['page']}")
    start, end = row.get("line_start"), row.get("line_end")
    if start not in (None, ""):
        parts.append(f"line {start}" if end in (None, "", start) else f"lines {start}-{end}")
    return " ".join(parts)


def check_summary(findings: "pd.DataFrame", max_rows: int = 50) -> str:
    """The terminal report of `extract check`: a table of findings (most severe first) and a
    count line (documents checked: `findings.attrs['documents']`)."""
    from ..api.analysis import SEVERITY_RANK
    documents = findings.attrs.get("documents", 0)
    c = {s: int((findings["severity"] == s).sum()) for s in SEVERITY_RANK}
    total = (f"{c['error']} errors, {c['warning']} warnings, {c['info']} info in {documents} "
             f"document{'s' if documents != 1 else ''}")
    if findings.empty:
        return f"no findings: {total}"
    rows = records(findings)
    rows.sort(key=lambda r: SEVERITY_RANK[r["severity"]])  # stable: document order within
    shown = rows[:max_rows]
    table = text_table(["severity", "rule", "document", "code", "where", "message"],
                       [[r["severity"], r["rule"], r["document_id"], r["code"], where(r), r["message"]]
                        for r in shown], max_width=90)
    more = f"\n  … {len(rows) - len(shown)} more findings in the CSV" if len(rows) > len(shown) else ""
    return f"{table}{more}\n{total}"


def rules_table(rules: Sequence) -> str:
    """`extract check --list-rules`: id, severity and what each rule checks."""
    return text_table(["rule", "severity", "checks"], [[r.id, r.severity, r.summary] for r in rules], max_width=100)


# --- compare ----------------------------------------------------------------------------------

def compare_summary(changes: "pd.DataFrame", max_rows: int = 50) -> str:
    """The terminal report of `extract compare`: the editions, the areas compared, a table of
    changes, and tables of the values in only one edition and of the targets."""
    from ..api.analysis import CHANGES
    a = changes.attrs
    out = [f"old: {', '.join(a.get('old', [])) or '-'}", f"new: {', '.join(a.get('new', [])) or '-'}",
           f"policy areas compared: {', '.join(a.get('areas', [])) or 'none'}"]
    out += [f"note: {n}" for n in a.get("notes", [])]
    rows = records(changes)
    areas_apart = [r for r in rows if r["record_type"] == "policy_area"]
    if areas_apart:
        out.append("not compared: " + ", ".join(f"{r['code']} only in {r['change'][5:]}" for r in areas_apart))

    def section(title: str, selected: list[dict], headers: list[str], cells) -> None:
        if not selected:
            return
        out.append(f"\n{title} ({len(selected)}):")
        out.append(text_table(headers, [cells(r) for r in selected[:max_rows]], max_width=60))
        if len(selected) > max_rows:
            out.append(f"  … {len(selected) - max_rows} more in the CSV")

    found = [r for r in rows if r["change"] in CHANGES]
    by_kind = {c: sum(1 for r in found if r["change"] == c) for c in CHANGES}
    out.append("changes: " + (", ".join(f"{k} {n}" for k, n in by_kind.items() if n) or "none"))
    section("changes", found, ["change", "type", "code", "old code", "kind", "year", "old", "new", "similarity"],
            lambda r: [r["change"], r["record_type"], r["code"], r["old_code"], r["kind"], r["year"], r["old"],
                       r["new"], r["similarity"]])
    section("values in only one edition", [r for r in rows if r["change"] in ("only_old", "only_new") and r["record_type"] == "value"],
            ["in", "code", "kind", "year", "value"],
            lambda r: [r["change"][5:], r["code"], r["kind"], r["year"], r["old"] or r["new"]])
    section("targets of both editions", [r for r in rows if r["change"] == "target"],
            ["code", "year", "old target", "new target", "realised"],
            lambda r: [r["code"], r["year"], r["old"], r["new"], r["realised"]])
    return "\n".join(out)


# --- series ---------------------------------------------------------------------------------

def series_summary(table: "pd.DataFrame", max_rows: int = 50) -> str:
    """The terminal report of `extract series`: editions in publication order, counts, and the
    conflicting rows."""
    editions = table.attrs.get("editions", [])
    conflicts = table[table["conflict"].fillna(False)]
    out = [f"editions (in publication order): {len(editions)}"] + [f"  {e}" for e in editions]
    out.append(f"{len(table)} rows: {table['indicator_key'].nunique()} indicators, "
               f"{int((table['kind'] == 'realisatie').sum())} realised values, "
               f"{int((table['kind'] == 'streefwaarde').sum())} targets; "
               + (f"{len(conflicts)} conflict{'s' if len(conflicts) > 1 else ''} (editions disagree)" if len(conflicts) else "no conflicts"))
    if len(conflicts):
        rows = records(conflicts.head(max_rows))
        out.append(text_table(["code", "kind", "year", "value", "values per edition"],
                              [[r["indicator_code"] or r["indicator_key"], r["kind"], r["year"], r["raw"],
                                r["values_by_edition"]] for r in rows],
                              max_width=100))
        if len(conflicts) > max_rows:
            out.append(f"  … {len(conflicts) - max_rows} more in the CSV")
    return "\n".join(out)


def profile_table(profiles: dict, default: str) -> str:
    """The known profiles: name, what they describe, where they are defined."""
    rows = [[name + (" (default)" if name == default else ""), p.title, p.path] for name, p in sorted(profiles.items())]
    return text_table(["profile", "shape", "defined in"], rows, max_width=90)
