"""`extract convert`, `extract schema` and `extract inspect`: files in, records out.

CLI layer: each command makes one call of the library API (`api/conversion.py`,
`api/tracing.py`) and prints with `terminal.py`; the library is imported when the command runs.
"""
from __future__ import annotations

import sys
from contextlib import nullcontext
from pathlib import Path

import click

from ..api.limits import DEFAULT_TIMEOUT
from .options import CONTEXT, jobs_option, out_option


@click.command("convert", context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@out_option("out", "Output folder for the CSV tables and json/<document>.json.")
@jobs_option("Processes to convert with.", show_default="0 = one per core for large batches")
@click.option("--timeout", default=DEFAULT_TIMEOUT, show_default=True, type=click.FloatRange(min=0),
              help="Seconds one document may take before it is reported as failed (0 = no limit).")
@click.option("--quiet", "-q", is_flag=True, help="Print only the total and failures.")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar (default: on a terminal, for more than 10 files).")
@click.option("--profile", "profile", default=None, metavar="NAME|FILE.toml",
              help="Read every document as this shape (see `extract profiles`); default: detected per document.")
@click.option("--format", "formats", default="csv", show_default=True, metavar="csv,parquet,duckdb",
              callback=lambda ctx, param, value: _formats(value),
              help="Table formats, comma-separated: csv (with datapackage.json), parquet (OUT/<table>.parquet), "
                   "duckdb (OUT/extract.duckdb).")
def convert_command(paths: tuple[Path, ...], out: Path, jobs: int, timeout: float, quiet: bool,
                    progress: bool | None, profile: str | None, formats: tuple[str, ...]) -> None:
    """Convert PATHS (files, or folders searched recursively for .html .htm .pdf .txt) into
    OUT/documents.csv, policy_areas.csv, goals.csv, performances.csv, indicators.csv,
    indicator_values.csv, diagnostics.csv and OUT/json/<document>.json.

    Prints one summary line per document and a total. Exit status: 0 when every document
    converted, 1 when some failed (the others are still written), 2 on usage errors.
    """
    from ..api.conversion import convert_batch, find_inputs
    from ..api.shapes import ProfileError, resolve_profile
    from .terminal import summary_line, total_line
    if profile is not None:
        try:
            resolve_profile(profile)
        except ProfileError as exc:
            raise click.UsageError(str(exc)) from None
    files, problems = find_inputs(paths)
    for p in problems:
        click.echo(f"error: {p}", err=True)
    if not files:
        click.echo("error: no input files found (.html, .htm, .pdf, .txt)", err=True)
        sys.exit(2)
    show_bar = progress if progress is not None else (sys.stderr.isatty() and len(files) > 10)
    bar_or_none = click.progressbar(length=len(files), label="converting", file=sys.stderr) if show_bar else nullcontext()
    with bar_or_none as bar:
        def done(doc) -> None:
            if bar is not None:
                bar.update(1)
            elif not quiet or doc.status == "failed":
                click.echo(summary_line(doc))
        batch = convert_batch(files, jobs=jobs, timeout=timeout or None, out=out, on_document=done, profile=profile,
                              formats=formats)
    if show_bar and not quiet:
        for doc in batch.documents:
            click.echo(summary_line(doc))
    click.echo(total_line(batch.documents, out))
    for doc in batch.failed:
        for d in doc.diagnostics:
            if d.severity == "error":
                click.echo(f"failed: {d.location}: {d.message}", err=True)
    sys.exit(1 if batch.failed or problems else 0)


def _formats(value: str) -> tuple[str, ...]:
    """--format parsed and its libraries checked, before anything is converted (usage error: 2)."""
    from ..api.outputs import MissingExtra, UnknownFormat, require_formats
    try:
        return require_formats(value)
    except (UnknownFormat, MissingExtra) as exc:
        raise click.BadParameter(str(exc), param_hint="--format") from None


@click.command("schema", context_settings=CONTEXT)
@out_option("schemas", "Folder to write document.schema.json into.")
def schema_command(out: Path) -> None:
    """Write the JSON Schema of the per-document JSON (generated from the models)."""
    from ..api.conversion import write_schema
    click.echo(f"wrote {write_schema(out)}")


@click.command("inspect", context_settings=CONTEXT)
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--width", default=160, show_default=True, type=click.IntRange(min=0),
              help="Cut lines to this many characters (0 = do not cut).")
def inspect_command(path: Path, width: int) -> None:
    """Show how PATH was read: every line of the layout its source made (with page, line or
    element), and what the parser took it for — policy area, goal, performance, explanation
    of a performance, indicator header or row, footnote, or text not placed. Use it to see why
    a record is missing or wrong. Exit status 1 when the file cannot be read."""
    from ..api.tracing import SourceError, trace
    from .terminal import trace_text
    try:
        lines = trace(path)
    except (SourceError, OSError) as exc:
        click.echo(f"error: {path}: {exc}", err=True)
        sys.exit(1)
    click.echo(trace_text(lines, width or None))


@click.command("profiles", context_settings=CONTEXT)
def profiles_command() -> None:
    """List the document shapes (profiles) extract knows: their name, what they describe and
    the file they are defined in. `extract convert --profile NAME` forces one; by default each
    document's is detected from its text (the general `bbv` profile when no other fits)."""
    from ..api.shapes import DEFAULT, known_profiles
    from .terminal import profile_table
    click.echo(profile_table(known_profiles(), DEFAULT))
