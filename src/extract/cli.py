"""The `extract` command: a thin layer over the library. Exit codes: 0 success, 1 some documents
failed (the rest are written), 2 usage errors."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .convert import DEFAULT_TIMEOUT, default_jobs, find_inputs, iter_convert
from .models import Document
from .writers import write_document_json, write_schema, write_tables

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, prog_name="extract")
def cli() -> None:
    """Turn Dutch municipal budget documents (budget web pages as HTML or text, annual-report
    PDFs) into records of goals, performances and effect indicators, as CSV and JSON."""


def summary_line(doc: Document) -> str:
    c = doc.counts()
    return (f"{doc.source_file}: {doc.status}  goals {c['goals']}, performances {c['performances']}, "
            f"indicators {c['indicators']}, values {c['values']}, diagnostics {c['diagnostics']}")


@cli.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "-o", "out", default="out", show_default=True, type=click.Path(path_type=Path, file_okay=False),
              help="Output folder for the CSV tables and json/<document>.json.")
@click.option("--jobs", "-j", default=0, show_default="0 = one per core for large batches",
              type=click.IntRange(min=0), help="Processes to convert with.")
@click.option("--timeout", default=DEFAULT_TIMEOUT, show_default=True, type=click.FloatRange(min=0),
              help="Seconds one document may take before it is reported as failed (0 = no limit).")
@click.option("--quiet", "-q", is_flag=True, help="Print only the total and failures.")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar (default: on a terminal, for more than 10 files).")
def convert(paths: tuple[Path, ...], out: Path, jobs: int, timeout: float, quiet: bool, progress: bool | None) -> None:
    """Convert PATHS (files, or folders searched recursively for .html .htm .pdf .txt) into
    OUT/documents.csv, policy_areas.csv, goals.csv, performances.csv, indicators.csv,
    indicator_values.csv, diagnostics.csv and OUT/json/<document>.json.

    Prints one summary line per document and a total. Exit status: 0 when every document
    converted, 1 when some failed (the others are still written), 2 on usage errors.
    """
    files, problems = find_inputs(paths)
    for p in problems:
        click.echo(f"error: {p}", err=True)
    if not files:
        click.echo("error: no input files found (.html, .htm, .pdf, .txt)", err=True)
        sys.exit(2)
    jobs = jobs or default_jobs(len(files))
    show_bar = progress if progress is not None else (sys.stderr.isatty() and len(files) > 10)
    docs: list[Document] = []
    stream = iter_convert(files, jobs=jobs, timeout=timeout or None)
    if show_bar:
        with click.progressbar(stream, length=len(files), label="converting", file=sys.stderr) as bar:
            for doc in bar:
                docs.append(_written(doc, out))
    else:
        for doc in stream:
            docs.append(_written(doc, out))
            if not quiet or doc.status == "failed":
                click.echo(summary_line(doc))
    if show_bar and not quiet:
        for doc in docs:
            click.echo(summary_line(doc))
    write_tables(out, docs)
    totals = {k: sum(d.counts()[k] for d in docs) for k in ("goals", "performances", "indicators", "values", "diagnostics")}
    failed = [d for d in docs if d.status == "failed"]
    click.echo(f"total: {len(docs)} documents ({len(failed)} failed), goals {totals['goals']}, "
               f"performances {totals['performances']}, indicators {totals['indicators']}, "
               f"values {totals['values']}, diagnostics {totals['diagnostics']} -> {out}")
    for doc in failed:
        for d in doc.diagnostics:
            if d.severity == "error":
                click.echo(f"failed: {d.location}: {d.message}", err=True)
    sys.exit(1 if failed or problems else 0)


def _written(doc: Document, out: Path) -> Document:
    write_document_json(out, doc)
    return doc


@cli.command(context_settings=CONTEXT)
@click.option("--out", "-o", "out", default="schemas", show_default=True, type=click.Path(path_type=Path, file_okay=False),
              help="Folder to write document.schema.json into.")
def schema(out: Path) -> None:
    """Write the JSON Schema of the per-document JSON (generated from the models)."""
    path = write_schema(out)
    click.echo(f"wrote {path}")


# --- check, compare, series: validating editions -------------------------------------------

_INPUTS_HELP = ("Each PATH is an input file, a folder searched recursively for inputs (converted "
                "in memory), or an output folder of `extract convert` (read back from its json/).")


def _load(paths: tuple[Path, ...], jobs: int, what: str = "PATH") -> list[Document]:
    """The documents of `paths` (one loader for check, compare and series); exits 2 when a
    path does not exist or nothing could be read."""
    from .editions import load_editions
    editions = load_editions(paths, jobs=jobs)
    for p in editions.problems:
        click.echo(f"error: {p}", err=True)
    if editions.problems or not editions.documents:
        if not editions.documents:
            click.echo(f"error: no documents found in {what}", err=True)
        sys.exit(2)
    return editions.documents


@cli.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "-o", "out", default="out", show_default=True, type=click.Path(path_type=Path, file_okay=False),
              help="Folder to write findings.csv into.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default="error",
              show_default=True, help="Exit 1 when there is a finding of this severity or worse.")
@click.option("--rule", "rules", multiple=True, metavar="ID", help="Run only this rule (repeatable).")
@click.option("--skip", "skip", multiple=True, metavar="ID", help="Do not run this rule (repeatable).")
@click.option("--list-rules", is_flag=True, help="List the rules with their severity and exit.")
@click.option("--max-rows", default=50, show_default=True, type=click.IntRange(min=0),
              help="Findings shown on the terminal (all are in findings.csv).")
@click.option("--jobs", "-j", default=0, type=click.IntRange(min=0), help="Processes to convert inputs with.")
def check(paths: tuple[Path, ...], out: Path, fail_on: str, rules: tuple[str, ...], skip: tuple[str, ...],
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
    from .checks import RULES, select_rules
    from .checks.run import check as run_check, summary
    from .writers.frames import write_frame
    if list_rules:
        from .terminal import text_table
        click.echo(text_table(["rule", "severity", "checks"], [[r.id, r.severity, r.summary] for r in RULES],
                              max_width=100))
        return
    if not paths:
        raise click.UsageError("give at least one PATH (or --list-rules)")
    try:
        selected = select_rules(rules or None, skip)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    docs = _load(paths, jobs)
    findings = run_check(docs, selected)
    path = write_frame(out / "findings.csv", findings)
    click.echo(summary(findings, len(docs), max_rows))
    click.echo(f"-> {path}")
    ranks = {"error": 0, "warning": 1, "info": 2}
    limit = ranks.get(fail_on)
    failing = limit is not None and any(ranks[s] <= limit for s in findings["severity"])
    sys.exit(1 if failing else 0)


@cli.command(context_settings=CONTEXT)
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--width", default=160, show_default=True, type=click.IntRange(min=0),
              help="Cut lines to this many characters (0 = do not cut).")
def inspect(path: Path, width: int) -> None:
    """Show how PATH was read: every line of the layout its source made (with page, line or
    element), and what the parser took it for — policy area, goal, performance, explanation
    of a performance, indicator header or row, footnote, or text not placed. Use it to see why
    a record is missing or wrong. Exit status 1 when the file cannot be read."""
    from .inspect import render, trace
    from .sources import SourceError
    try:
        lines = trace(path)
    except (SourceError, OSError) as exc:
        click.echo(f"error: {path}: {exc}", err=True)
        sys.exit(1)
    click.echo(render(lines, width or None))


@cli.command(context_settings=CONTEXT)
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option("--out", "-o", "out", default="out", show_default=True, type=click.Path(path_type=Path, file_okay=False),
              help="Folder to write changes.csv into.")
@click.option("--fail-on", type=click.Choice(["never", "restatement", "change"]), default="never", show_default=True,
              help="Exit 1 when a realised value was restated (restatement) or on any change (change).")
@click.option("--max-rows", default=50, show_default=True, type=click.IntRange(min=0),
              help="Rows shown per table on the terminal (all are in changes.csv).")
@click.option("--jobs", "-j", default=0, type=click.IntRange(min=0), help="Processes to convert inputs with.")
def compare(old: Path, new: Path, out: Path, fail_on: str, max_rows: int, jobs: int) -> None:
    """Compare edition OLD with edition NEW (each an input file, a folder of inputs, or an
    output folder of `extract convert`): budget vs budget, annual report vs annual report, or
    budget vs annual report. Documents are matched by policy area, records by code and, where
    codes were renumbered (2A1.1 -> 2A101), by similar wording (similarity >= 0.8).

    \b
    Writes OUT/changes.csv, one row per change, with columns change, record_type
    (policy_area/goal/performance/indicator/value), policy_area, code, old_code, kind, year,
    old, new, similarity, realised, message, and the documents and locations on both sides.
    Changes:
      added, removed     goal, performance or indicator in only one edition
      renamed            same record, other wording (similarity says how alike)
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
    (--fail-on change: when there is any change); 2 on usage errors.
    """
    from .compare import CHANGES, summary
    from .compare import compare as run_compare
    from .writers.frames import write_frame
    old_docs, new_docs = _load((old,), jobs, "OLD"), _load((new,), jobs, "NEW")
    changes = run_compare(old_docs, new_docs)
    path = write_frame(out / "changes.csv", changes)
    click.echo(summary(changes, max_rows))
    click.echo(f"-> {path}")
    kinds = set(changes["change"])
    failing = {"never": False, "restatement": "restated" in kinds, "change": bool(kinds & set(CHANGES))}[fail_on]
    sys.exit(1 if failing else 0)


@cli.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "-o", "out", default="out", show_default=True, type=click.Path(path_type=Path, file_okay=False),
              help="Folder to write indicator_series.csv into.")
@click.option("--fail-on-conflict", is_flag=True, help="Exit 1 when editions disagree on a value.")
@click.option("--max-rows", default=50, show_default=True, type=click.IntRange(min=0),
              help="Conflicts shown on the terminal (all rows are in indicator_series.csv).")
@click.option("--jobs", "-j", default=0, type=click.IntRange(min=0), help="Processes to convert inputs with.")
def series(paths: tuple[Path, ...], out: Path, fail_on_conflict: bool, max_rows: int, jobs: int) -> None:
    """Merge the indicator values of any number of editions in PATHS (input files, folders of
    inputs, or output folders of `extract convert`) into one series per indicator.

    \b
    Writes OUT/indicator_series.csv: one row per indicator, kind (realisatie/streefwaarde) and
    year, with municipality, policy_area, indicator_code, indicator_name, unit, the value (of
    the latest edition reporting it; raw text and status beside it), the editions and
    documents that report it (in publication order), n_editions, and conflict = true when
    editions disagree, with `values` listing each value and its editions. Values without a
    figure (-, n.b., n.v.t., p.m.) are left out. Prints the editions, counts and conflicts.

    \b
    Exit status: 0 (1 with --fail-on-conflict when editions disagree), 2 on usage errors.
    """
    from .series import series as run_series, summary
    from .writers.frames import write_frame
    table = run_series(_load(paths, jobs))
    path = write_frame(out / "indicator_series.csv", table)
    click.echo(summary(table, max_rows))
    click.echo(f"-> {path}")
    sys.exit(1 if fail_on_conflict and table["conflict"].any() else 0)


def main() -> None:
    cli(prog_name="extract")


if __name__ == "__main__":
    main()
