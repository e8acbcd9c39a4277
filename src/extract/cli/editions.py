"""`extract check`, `extract compare` and `extract series`: rules within and across editions.

CLI layer: each command makes one call of the library API (`api/analysis.py`), which reads the
editions, runs the checks and writes the CSV; the command prints the report (`terminal.py`),
turns unreadable paths and unknown rules into usage errors (exit 2) and applies its --fail-on
gate (exit 1). The library is imported when the command runs.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from .options import CONTEXT, jobs_option, max_rows_option, out_option, progress_for

if TYPE_CHECKING:
    from ..api.editions import EditionsError

def _unreadable(exc: "EditionsError") -> NoReturn:
    """Exit 2 naming each path that could not be read (or that none held a document)."""
    for line in exc.lines():
        click.echo(f"error: {line}", err=True)
    sys.exit(2)


@click.command("check", context_settings=CONTEXT)
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@out_option("out", "Folder to write findings.csv into.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default="error",
              show_default=True, help="Exit 1 when there is a finding of this severity or worse.")
@click.option("--rule", "rules", multiple=True, metavar="ID", help="Run only this rule (repeatable).")
@click.option("--skip", "skip", multiple=True, metavar="ID", help="Do not run this rule (repeatable).")
@click.option("--list-rules", is_flag=True, help="List the rules with their severity and exit.")
@max_rows_option("Findings shown on the terminal (all are in findings.csv).")
@jobs_option()
def check_command(paths: tuple[Path, ...], out: Path, fail_on: str, rules: tuple[str, ...], skip: tuple[str, ...],
                  list_rules: bool, max_rows: int, jobs: int) -> None:
    """Check the records of each edition in PATHS against rules within one edition: goals,
    performances and indicators without a parent, duplicate codes, gaps and disorder in
    numbering, missing sources and units, values out of range for their unit, realised values
    dated after the edition year, targets dated before it, indicators without values, empty
    goals.

    \b
    Writes OUT/findings.csv: one row per finding with rule, severity (error/warning/info),
    the record keys (document_id, record_type, code, kind, year), a message, and the location
    and provenance (page, lines, raw text) of the records involved. Prints the findings as a
    table and a count per severity.

    \b
    Exit status: 0 when no finding reaches --fail-on (default: no errors), 1 when one does,
    2 on usage errors (unknown path or rule, no PATHS).
    """
    from ..api.analysis import RULES, SEVERITY_RANK, EditionsError, UnknownRule, check
    from .terminal import check_summary, rules_table
    if list_rules:
        click.echo(rules_table(RULES))
        return
    if not paths:
        raise click.UsageError("give at least one PATH (or --list-rules)")
    try:
        findings = check(paths, rules, skip=skip, jobs=jobs, out=out, progress=progress_for("reading"))
    except UnknownRule as exc:
        raise click.UsageError(str(exc)) from None
    except EditionsError as exc:
        _unreadable(exc)
    click.echo(check_summary(findings, max_rows))
    click.echo(f"-> {findings.attrs['written']}")
    limit = SEVERITY_RANK.get(fail_on)
    failing = limit is not None and any(SEVERITY_RANK[s] <= limit for s in findings["severity"])
    sys.exit(1 if failing else 0)


@click.command("compare", context_settings=CONTEXT)
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@out_option("out", "Folder to write changes.csv into.")
@click.option("--fail-on", type=click.Choice(["never", "restatement", "change"]), default="never", show_default=True,
              help="Exit 1 when a realised value was restated (restatement) or on any change (change).")
@max_rows_option("Rows shown per table on the terminal (all are in changes.csv).")
@jobs_option()
def compare_command(old: Path, new: Path, out: Path, fail_on: str, max_rows: int, jobs: int) -> None:
    """Compare edition OLD with edition NEW (each an input file, a folder of inputs, or an
    output folder of `extract convert`): budget vs budget, annual report vs annual report, or
    budget vs annual report. Documents are matched by policy area, records by code and, where
    codes were renumbered (2A1.1 -> 2A101), by similar wording (similarity >= 0.8).

    \b
    Writes OUT/changes.csv, one row per change, with columns change, record_type
    (policy_area/goal/performance/indicator/value), policy_area_code, code, old_code, kind,
    year, old, new (as printed), old_value, new_value (their numbers), similarity, realised,
    realised_value, message, and the document ids and locations on both sides.
    Changes:
      added, removed     goal, performance or indicator in only one edition
      renamed            same code, other wording (similarity >= 0.5 says how alike)
      replaced           same code, wording so different (similarity < 0.5) that the code
                         now stands for another record; its values are not compared
      renumbered         matched by wording under another code, same parent
      reparented         matched, under another goal or policy area (old/new: the parents)
      restated           realised value of the same indicator and year that differs
      target_changed     target of the same indicator and year that differs
      source_changed, unit_changed
    Listings beside the changes:
      only_old, only_new values (realisatie or streefwaarde) one edition gives and the other
                         does not: between editions of one kind only for years the other
                         covers; between a budget and an annual report every realised value
      target             budget vs annual report: every target of both, with the realised
                         value of that year (target promised vs value realised)
    A policy area in only one edition is listed (only_old/only_new) and not compared. Values
    without a figure (-, n.b., n.v.t., p.m.) count as absent; identical values give no row.

    \b
    Exit status: 0, or 1 with --fail-on restatement when a realised value was restated
    (--fail-on change: when there is any change); 2 on usage errors and when OLD and NEW share
    no policy area (nothing to compare).
    """
    from ..api.analysis import CHANGES, EditionsError, NothingToCompare, compare
    from .terminal import compare_summary
    try:
        changes = compare(old, new, jobs=jobs, out=out, progress=progress_for("reading"))
    except EditionsError as exc:
        _unreadable(exc)
    except NothingToCompare as exc:
        click.echo(f"error: {old} and {new}: {exc}", err=True)
        sys.exit(2)
    click.echo(compare_summary(changes, max_rows))
    click.echo(f"-> {changes.attrs['written']}")
    kinds = set(changes["change"])
    failing = {"never": False, "restatement": "restated" in kinds, "change": bool(kinds & set(CHANGES))}[fail_on]
    sys.exit(1 if failing else 0)


@click.command("series", context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@out_option("out", "Folder to write indicator_series.csv into.")
@click.option("--fail-on-conflict", is_flag=True, help="Exit 1 when editions disagree on a value.")
@max_rows_option("Conflicts shown on the terminal (all rows are in indicator_series.csv).")
@jobs_option()
def series_command(paths: tuple[Path, ...], out: Path, fail_on_conflict: bool, max_rows: int, jobs: int) -> None:
    """Merge the indicator values of any number of editions in PATHS (input files, folders of
    inputs, or output folders of `extract convert`) into one series per indicator.

    \b
    Writes OUT/indicator_series.csv: one row per indicator, kind (realisatie/streefwaarde) and
    year, with municipality, policy_area_code, indicator_code, indicator_key, indicator_name,
    unit, the value (of the latest edition reporting it; raw text and status beside it), the
    editions and document_ids that report it (in publication order), n_editions, and conflict
    = true when editions disagree, with values_by_edition listing each value and its
    editions. Values without a
    figure (-, n.b., n.v.t., p.m.) are left out. Prints the editions, counts and conflicts.

    \b
    Exit status: 0 (1 with --fail-on-conflict when editions disagree), 2 on usage errors.
    """
    from ..api.analysis import EditionsError, series
    from .terminal import series_summary
    try:
        table = series(paths, jobs=jobs, out=out, progress=progress_for("reading"))
    except EditionsError as exc:
        _unreadable(exc)
    click.echo(series_summary(table, max_rows))
    click.echo(f"-> {table.attrs['written']}")
    sys.exit(1 if fail_on_conflict and table["conflict"].any() else 0)
