"""Running rules: over one document (`run_rules`) or over editions (`check`, a DataFrame)."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..keys import code_key
from ..models import Document
from .findings import FINDING_COLUMNS, SEVERITY_RANK, Finding
from .rules import RULES, RULES_BY_ID, Rule

if TYPE_CHECKING:
    import pandas as pd


def run_rules(doc: Document, rules: Sequence[Rule] = RULES) -> list[Finding]:
    """Every finding of `rules` on `doc`, in rule order then document order."""
    return [Finding(rule.id, rule.severity, doc.document_id, doc.source_file, hit)
            for rule in rules for hit in rule.func(doc)]


def select_rules(ids: Iterable[str] | None = None, skip: Iterable[str] = ()) -> list[Rule]:
    """The rules named by `ids` (all when None) minus those in `skip`; unknown ids raise
    ValueError listing the known ones."""
    wanted = list(ids) if ids is not None else [r.id for r in RULES]
    unknown = [i for i in [*wanted, *skip] if i not in RULES_BY_ID]
    if unknown:
        raise ValueError(f"unknown rule {', '.join(unknown)}; known rules: {', '.join(RULES_BY_ID)}")
    return [r for r in RULES if r.id in set(wanted) - set(skip)]


def finding_order(f: Finding) -> tuple:
    h = f.hit
    return (f.document_id, SEVERITY_RANK[f.severity], f.rule, code_key(h.code), h.kind or "",
            h.year or 0, f.location)


def check(inputs: Iterable[str | Path | Document] | str | Path | Document,
          rules: Sequence[Rule] | None = None) -> "pd.DataFrame":
    """Check every document of `inputs` (paths as `extract check` reads them, or Documents)
    against `rules` (all by default). One row per finding, columns FINDING_COLUMNS, sorted by
    document, severity, rule and code."""
    import pandas as pd

    from ..editions import as_documents
    findings = [f for doc in as_documents(inputs) for f in run_rules(doc, rules or RULES)]
    findings.sort(key=finding_order)
    return pd.DataFrame([f.row() for f in findings], columns=FINDING_COLUMNS, dtype=object)


def where(row: dict) -> str:
    """The short place of a finding row: page and lines, without the file name."""
    parts = []
    if row.get("page") not in (None, ""):
        parts.append(f"p. {row['page']}")
    start, end = row.get("line_start"), row.get("line_end")
    if start not in (None, ""):
        parts.append(f"line {start}" if end in (None, "", start) else f"lines {start}-{end}")
    return " ".join(parts)


def counts(findings: "pd.DataFrame") -> dict[str, int]:
    """Findings per severity, every severity present."""
    return {s: int((findings["severity"] == s).sum()) for s in SEVERITY_RANK}


def summary(findings: "pd.DataFrame", documents: int, max_rows: int = 50) -> str:
    """The terminal report of `extract check`: a table of findings (most severe first) and a
    count line."""
    from ..terminal import text_table
    c = counts(findings)
    total = (f"{c['error']} errors, {c['warning']} warnings, {c['info']} info in {documents} "
             f"document{'s' if documents != 1 else ''}")
    if findings.empty:
        return f"no findings: {total}"
    records = findings.to_dict("records")
    records.sort(key=lambda r: SEVERITY_RANK[r["severity"]])  # stable: document order within
    shown = records[:max_rows]
    table = text_table(["severity", "rule", "document", "code", "where", "message"],
                       [[r["severity"], r["rule"], r["document_id"], r["code"], where(r), r["message"]]
                        for r in shown], max_width=90)
    more = f"\n  … {len(records) - len(shown)} more findings in the CSV" if len(records) > len(shown) else ""
    return f"{table}{more}\n{total}"
