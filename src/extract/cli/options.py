"""Click settings and the options several commands share (`--out`, `--jobs`, `--max-rows`)."""
from __future__ import annotations

from pathlib import Path

import click

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def out_option(default: str, help: str):
    return click.option("--out", "-o", "out", default=default, show_default=True,
                        type=click.Path(path_type=Path, file_okay=False), help=help)


def jobs_option(help: str = "Processes to convert inputs with.", **kwargs):
    return click.option("--jobs", "-j", default=0, type=click.IntRange(min=0), help=help, **kwargs)


def max_rows_option(help: str):
    return click.option("--max-rows", default=50, show_default=True, type=click.IntRange(min=0), help=help)
