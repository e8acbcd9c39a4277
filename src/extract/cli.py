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


def main() -> None:
    cli(prog_name="extract")


if __name__ == "__main__":
    main()
