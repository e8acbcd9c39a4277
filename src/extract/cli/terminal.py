"""What the commands print: plain-text tables (aligned columns, long cells shortened), the
summary line of a converted document, the reports of check, compare and series, and the trace of
`extract inspect`.

Presentation, in the CLI layer: it reads the results of the library API (Documents, DataFrames,
trace lines) and returns text; nothing here converts, checks or writes files.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from ..api.tracing import TraceLine
    from ..models import Document

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

def summary_line(doc: "Document") -> str:
    """One converted document: `file: status  goals n, performances n, ...`."""
    c = doc.counts()
    return (f"{doc.source_file}: {doc.status}  goals {c['goals']}, performances {c['performances']}, "
            f"indicators {c['indicators']}, values {c['values']}, diagnostics {c['diagnostics']}")


def total_line(docs: Sequence["Document"], out: object) -> str:
    """The last line of `extract convert`: documents, failures and record counts of the batch."""
    totals = {k: sum(d.counts()[k] for d in docs) for k in TOTALS}
    failed = sum(1 for d in docs if d.status == "failed")
    return (f"total: {len(docs)} documents ({failed} failed), goals {totals['goals']}, "
            f"performances {totals['performances']}, indicators {totals['indicators']}, "
            f"values {totals['values']}, diagnostics {totals['diagnostics']} -> {out}")


def trace_text(lines: "list[TraceLine]", width: int | None = 160) -> str:
    """The trace of `extract inspect`: location, role and text per line, cut to `width`."""
    loc = max((len(t.location) for t in lines), default=0)
    role = max((len(t.role) for t in lines), default=0)
    rows = []
    for t in lines:
        row = f"{t.location:<{loc}}  {t.role:<{role}}  {t.text}"
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
