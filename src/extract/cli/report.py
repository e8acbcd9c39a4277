"""`extract report PATH... --out DIR`: the static HTML report of the editions in PATHS.

CLI layer: one call of the report (`extract.report.write_report`, which reads the editions with
the library API); unreadable paths and a missing `report` extra are usage errors (exit 2)."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .options import CONTEXT, jobs_option, out_option


@click.command("report", context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@out_option("report", "Folder to write the report into (open DIR/index.html).")
@jobs_option()
def report_command(paths: tuple[Path, ...], out: Path, jobs: int) -> None:
    """Write a static HTML report of the editions in PATHS (input files, folders of inputs, or
    output folders of `extract convert`) into OUT, to open from disk without a network.

    \b
    OUT/index.html          the editions and policy areas
    OUT/areas/*.html        per indicator: a chart of realised values and targets over the
                            years across all editions (years the editions disagree on ringed
                            in orange), its source, and what each edition printed, linked to the
                            file and page it was read from
    OUT/documents/*.html    per document: diagnostics, findings of `extract check`, records
    OUT/assets/             stylesheet and the charts' JavaScript (Vega, from vl-convert)

    \b
    Needs the report extra: pip install 'extract[report]'. Exit status: 0, 2 on usage errors
    (unreadable PATHS, the extra missing).
    """
    from ..api.editions import EditionsError
    from ..report import MissingExtra, write_report
    try:
        report = write_report(paths, out, jobs=jobs)
    except MissingExtra as exc:
        raise click.UsageError(str(exc)) from None
    except EditionsError as exc:
        for line in exc.lines():
            click.echo(f"error: {line}", err=True)
        sys.exit(2)
    click.echo(f"report: {report.documents} documents, {report.indicators} indicators, {report.charts} charts, "
               f"{len(report.pages)} files -> {report.index}")
