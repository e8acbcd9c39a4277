"""Click settings and the options several commands share (`--out`, `--jobs`, `--max-rows`), and
the progress a command shows while it converts inputs."""
from __future__ import annotations

from pathlib import Path

import click

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def out_option(default: str, help: str):
    return click.option("--out", "-o", "out", default=default, show_default=True,
                        type=click.Path(path_type=Path, file_okay=False), help=help)


def jobs_option(help: str = "Processes to convert inputs with (0 = one per core; never more than the cores).",
                **kwargs):
    return click.option("--jobs", "-j", default=0, type=click.IntRange(min=0), help=help, **kwargs)


def progress_for(label: str, show: bool | None = None, quiet: bool = True, to_stdout: bool = False):
    """The progress of a command converting inputs: a bar on stderr when `show` (default: when
    stderr is a terminal), lines per document (only failures when `quiet`) on stdout or stderr."""
    import sys

    from .terminal import BatchProgress
    bar = sys.stderr.isatty() if show is None else show
    return BatchProgress(bar, quiet=quiet, label=label, echo=lambda line: click.echo(line, err=not to_stdout))


def max_rows_option(help: str):
    return click.option("--max-rows", default=50, show_default=True, type=click.IntRange(min=0), help=help)
