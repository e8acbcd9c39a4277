"""The library's `check`, `compare` and `series`: read the editions named by paths (or take
Documents), run the checks over them, and optionally write their CSV.

Part of the library API (`api/`): reading is `api/editions.py`, the work is `extract.checks`
(pure functions over Documents), writing is `writers/frames.py`. `extract check`, `extract
compare` and `extract series` are one call each of these; their terminal reports are the CLI's.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .. import checks
from ..checks import RULES, Rule, UnknownRule, select_rules
from ..checks.comparison import CHANGE_COLUMNS, CHANGES, LISTINGS, NothingToCompare
from ..checks.findings import FINDING_COLUMNS, SEVERITY_RANK
from ..checks.indicator_series import SERIES_COLUMNS
from ..models import Document
from ..writers.frames import write_frame
from .editions import EditionsError, as_documents
from .runs import Progress

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["CHANGES", "CHANGE_COLUMNS", "CHANGES_FILE", "EditionsError", "FINDINGS_FILE", "FINDING_COLUMNS",
           "LISTINGS", "NothingToCompare", "RULES", "Rule", "SERIES_COLUMNS", "SERIES_FILE", "SEVERITY_RANK", "UnknownRule", "check",
           "compare", "series"]

Inputs = Iterable[str | Path | Document] | str | Path | Document

FINDINGS_FILE, CHANGES_FILE, SERIES_FILE = "findings.csv", "changes.csv", "indicator_series.csv"


def _written(df: "pd.DataFrame", out: str | Path | None, name: str) -> "pd.DataFrame":
    """`df`, written to OUT/name when `out` is given (the path in `df.attrs['written']`)."""
    if out is not None:
        df.attrs["written"] = write_frame(Path(out) / name, df)
    return df


def check(inputs: Inputs, rules: Sequence[Rule] | Iterable[str] | None = None, *, skip: Iterable[str] = (),
          jobs: int = 1, out: str | Path | None = None, progress: Progress | None = None) -> "pd.DataFrame":
    """Check every document of `inputs` (paths as `extract check` reads them, or Documents)
    against `rules` (Rules, or rule ids; all by default) minus the ids in `skip`. One row per
    finding, columns FINDING_COLUMNS, sorted by document, severity, rule and code;
    `df.attrs['documents']` counts the documents checked. With `out`, writes OUT/findings.csv.
    Unknown rule ids raise UnknownRule (before anything is read); unreadable paths raise
    EditionsError."""
    selected = _rules(rules, skip)
    return _written(checks.check(as_documents(inputs, jobs=jobs, progress=progress), selected), out, FINDINGS_FILE)


def _rules(rules: Sequence[Rule] | Iterable[str] | None, skip: Iterable[str]) -> list[Rule]:
    """The rules to run: Rules as given, or the rules named by ids (all when none), minus `skip`."""
    given = list(rules or [])
    if given and all(isinstance(r, Rule) for r in given):
        skipped = set(skip)
        return [r for r in given if r.id not in skipped]
    return select_rules(given or None, skip)


def compare(old: Inputs, new: Inputs, *, jobs: int = 1, out: str | Path | None = None,
            progress: Progress | None = None) -> "pd.DataFrame":
    """The changes from edition `old` to edition `new` (each paths as `extract compare` reads
    them, or Documents): one row per change or listing, columns CHANGE_COLUMNS (see
    `extract.checks.comparison.compare`). With `out`, writes OUT/changes.csv. Unreadable paths
    raise EditionsError naming OLD or NEW; editions that share no policy area raise
    NothingToCompare (a ValueError)."""
    old_docs = as_documents(old, jobs=jobs, what="OLD", progress=progress)
    new_docs = as_documents(new, jobs=jobs, what="NEW", progress=progress)
    return _written(checks.compare(old_docs, new_docs), out, CHANGES_FILE)


def series(inputs: Inputs, *, jobs: int = 1, out: str | Path | None = None,
           progress: Progress | None = None) -> "pd.DataFrame":
    """The indicator series of all editions in `inputs` (paths as `extract series` reads them,
    or Documents): one row per indicator, kind and year, columns SERIES_COLUMNS (see
    `extract.checks.indicator_series.series`). With `out`, writes OUT/indicator_series.csv.
    Unreadable paths raise EditionsError."""
    return _written(checks.series(as_documents(inputs, jobs=jobs, progress=progress)), out, SERIES_FILE)
