"""Running rules: over one document (`run_rules`) or over editions (`check`, a DataFrame).

Both take Documents: the library API (`extract.check`, `api/analysis.py`) reads paths and calls
`check`; conversion runs the conversion-time subset through `validate`. The terminal report of the
findings is the CLI's (`cli/terminal.py`).
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ..models import Document
from .findings import FINDING_COLUMNS, SEVERITY_RANK, Finding
from .frames import text, typed_frame
from .keys import code_key, document_list
from .rules import RULES, RULES_BY_ID, Rule

if TYPE_CHECKING:
    import pandas as pd


# the dtype of each column of findings.csv (FINDING_COLUMNS, in order)
FINDING_DTYPES = {**text("rule", "severity", "document_id", "source_file", "record_type", "code", "kind"),
                  "year": "Int64", **text("message", "location"), "page": "Int64", "line_start": "Int64",
                  "line_end": "Int64", **text("element", "bbox", "raw_text")}


def run_rules(doc: Document, rules: Sequence[Rule] = RULES) -> list[Finding]:
    """Every finding of `rules` on `doc`, in rule order then document order."""
    return [Finding(rule.id, rule.severity, doc.document_id, doc.source_file, hit)
            for rule in rules for hit in rule.func(doc)]


class UnknownRule(ValueError):
    """A rule id that is not in RULES."""


def select_rules(ids: Iterable[str] | None = None, skip: Iterable[str] = ()) -> list[Rule]:
    """The rules named by `ids` (all when None) minus those in `skip`; unknown ids raise
    UnknownRule (a ValueError) listing the known ones."""
    wanted = list(ids) if ids is not None else [r.id for r in RULES]
    unknown = [i for i in [*wanted, *skip] if i not in RULES_BY_ID]
    if unknown:
        raise UnknownRule(f"unknown rule {', '.join(unknown)}; known rules: {', '.join(RULES_BY_ID)}")
    return [r for r in RULES if r.id in set(wanted) - set(skip)]


def finding_order(f: Finding) -> tuple:
    h = f.hit
    return (f.document_id, SEVERITY_RANK[f.severity], f.rule, code_key(h.code), h.kind or "",
            h.year or 0, f.location)


def check(documents: Iterable[Document] | Document, rules: Sequence[Rule] | None = None) -> "pd.DataFrame":
    """Check every document of `documents` against `rules` (all when None). One row per
    finding, columns FINDING_COLUMNS typed as FINDING_DTYPES (text `string`, year, page and
    lines `Int64`), sorted by document, severity, rule and code; `df.attrs['documents']` is the
    number of documents checked."""
    docs = document_list(documents)
    findings = [f for doc in docs for f in run_rules(doc, RULES if rules is None else rules)]
    findings.sort(key=finding_order)
    df = typed_frame([f.row() for f in findings], FINDING_DTYPES)
    df.attrs["documents"] = len(docs)
    return df
