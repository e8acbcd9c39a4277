"""`extract convert`, `extract schema` and `extract inspect`: files in, records out.

CLI layer: each command makes one call of the library API (`api/conversion.py`,
`api/tracing.py`) and prints with `terminal.py`; the library is imported when the command runs.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ..api.limits import DEFAULT_TIMEOUT
from ..api.inputs import suffix_list
from .options import CONTEXT, jobs_option, out_option, progress_for


@click.command("convert", context_settings=CONTEXT, help=f"""Convert PATHS (files, or folders searched
    recursively for {suffix_list()}) into OUT/documents.csv, policy_areas.csv, goals.csv,
    performances.csv, indicators.csv, indicator_values.csv, comparison_values.csv, diagnostics.csv,
    OUT/json/<document_id>.json and OUT/manifest.json.

    \b
    A document's id is its path relative to the folder named (a file named itself: its name),
    so the same file always gets the same id. A rerun into the same OUT converts only inputs
    that changed (the manifest keys on path, sha256, extractor version and profile), removes
    the outputs of inputs gone, and leaves files it did not write alone; a run that was
    killed or interrupted goes on where it stopped. Byte-identical inputs are converted once.
    Content no reader reads (Office documents, ZIP archives) is reported as unsupported, an
    empty file fails.

    \b
    Prints one line per document as it is done, then the skipped, unsupported and duplicate
    files, and a total. Exit status: 0 when every document converted, 1 when some failed or
    were unsupported (the others are still written), 2 on usage errors, 130 when interrupted
    (Ctrl-C: the tables hold what was done).""")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@out_option("out", "Output folder for the CSV tables, json/<document_id>.json and manifest.json.")
@jobs_option("Processes to convert with.", show_default="0 = one per core; never more than the cores")
@click.option("--timeout", default=DEFAULT_TIMEOUT, show_default=True, type=click.FloatRange(min=0),
              help="Seconds one document may take before it is reported as failed (0 = no limit).")
@click.option("--include", multiple=True, metavar="GLOB",
              help="Convert only files matching GLOB (repeatable; without '/' matched against the file name, "
                   "with '/' against the path relative to the folder named).")
@click.option("--exclude", multiple=True, metavar="GLOB", help="Leave out files matching GLOB (repeatable; as --include).")
@click.option("--profile", metavar="NAME|FILE.toml",
              help="Read every document as this shape (see `extract profiles`); default: detected per document.")
@click.option("--format", "formats", default="csv", show_default=True, metavar="csv,parquet,duckdb",
              callback=lambda ctx, param, value: _formats(value),
              help="Table formats, comma-separated: csv (with datapackage.json), parquet (OUT/<table>.parquet), "
                   "duckdb (OUT/extract.duckdb).")
@click.option("--force", is_flag=True, help="Convert every input again, even those unchanged since the last run.")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where to convert: worker processes here, or dask.distributed (pip install 'extract[dask]').")
@click.option("--scheduler", metavar="ADDRESS", help="With --executor dask: the scheduler of an existing cluster "
              "(tcp://HOST:PORT; default: a local cluster of --jobs workers).")
@click.option("--quiet", "-q", is_flag=True, help="Print only the total and failures.")
@click.option("--verbose", "-v", is_flag=True, help="Also list skipped files and reused documents one by one.")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar on stderr (default: on a terminal, for more than one document).")
@click.option("--pdf-engine", type=click.Choice(["pdfium", "pdfplumber"]), default="pdfium", show_default=True,
              help="How PDF pages are read: pdfium (fast) or pdfplumber (the reference, ~10x slower).")
def convert_command(paths: tuple[Path, ...], out: Path, jobs: int, timeout: float, include: tuple[str, ...],
                    exclude: tuple[str, ...], profile: str | None, formats: tuple[str, ...], force: bool, executor: str, scheduler: str | None,
                    quiet: bool, verbose: bool, progress: bool | None, pdf_engine: str) -> None:
    from ..api.cluster import DaskError
    from ..api.conversion import ProfileError, convert_batch
    from ..api.manifest import OutputBusy
    from .terminal import batch_report, total_line
    if scheduler and executor != "dask":
        raise click.UsageError("--scheduler needs --executor dask")
    reporter = progress_for("converting", show=progress if progress is not None else None, quiet=quiet,
                            to_stdout=True)
    try:
        batch = convert_batch(paths, jobs=jobs, timeout=timeout or None, out=out, include=include, exclude=exclude,
                              profile=profile, force=force, executor=executor, scheduler=scheduler, keep=False,
                              progress=reporter, formats=formats, pdf_engine=pdf_engine)
    except ProfileError as exc:
        raise click.UsageError(str(exc)) from None
    except (OutputBusy, DaskError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    lines, errors = batch_report(batch, verbose)
    for line in errors:
        click.echo(line, err=True)
    if not batch.outcomes and not batch.interrupted:
        click.echo(f"error: no input files found ({suffix_list()})", err=True)
        sys.exit(2)
    for line in lines:
        click.echo(line)
    click.echo(total_line(batch.outcomes, out))
    for done in batch.failed:
        for error in done.errors:
            click.echo(f"failed: {error}", err=True)
    if batch.interrupted:
        sys.exit(130)
    sys.exit(1 if batch.failed or batch.problems or batch.unsupported else 0)


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
@click.option("--width", default=None, type=click.IntRange(min=0),
              help="Cut lines to this many characters (0 = do not cut).  [default: the terminal's width, 160 "
                   "when not a terminal]")
@click.option("--page", type=click.IntRange(min=1), default=None, help="Only this page (PDF).")
@click.option("--image", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="With --page: draw the page into this PNG with the words, ruling lines, table cells and "
                   "the records placed, coloured by kind (PDF).")
def inspect_command(path: Path, width: int | None, page: int | None, image: Path | None) -> None:
    """Show how PATH was read: every line of the layout its source made (with page, line or
    element), and what the parser took it for — policy area, goal, performance, explanation
    of a performance, indicator header or row, footnote, or text not placed. Use it to see why
    a record is missing or wrong. With --page N --image page.png, also draw that page of a PDF
    as the reader saw it. Exit status 1 when the file cannot be read, 2 on usage errors (--image
    without --page, a file that is not a PDF, a page it does not have)."""
    import shutil
    from ..api.tracing import SourceError, trace
    from .terminal import trace_text
    if image is not None and page is None:
        raise click.UsageError("--image needs --page N")
    if image is not None:
        from ..api.page_picture import NotAPdf, draw_page
        try:
            picture = draw_page(path, page, image)
        except NotAPdf as exc:
            raise click.UsageError(str(exc)) from None
        except (SourceError, OSError) as exc:
            click.echo(f"error: {path}: {exc}", err=True)
            sys.exit(1)
        placed = ", ".join(f"{kind} {n}" for kind, n in picture.records.items()) or "no records"
        click.echo(f"wrote {picture.path}: page {page}, {picture.words} words, {picture.rulings} ruling lines, "
                   f"{picture.cells} table cells; placed: {placed}")
    try:
        lines = trace(path)
    except (SourceError, OSError) as exc:
        click.echo(f"error: {path}: {exc}", err=True)
        sys.exit(1)
    if page is not None:
        lines = [t for t in lines if t.page == page]
    if width is None:
        width = shutil.get_terminal_size((160, 24)).columns
    click.echo(trace_text(lines, width or None))


@click.command("profiles", context_settings=CONTEXT)
def profiles_command() -> None:
    """List the document shapes (profiles) extract knows: their name, what they describe and
    the file they are defined in. `extract convert --profile NAME` forces one; by default each
    document's is detected from its text (the general `bbv` profile when no other fits)."""
    from ..api.shapes import DEFAULT, known_profiles
    from .terminal import profile_table
    click.echo(profile_table(known_profiles(), DEFAULT))
