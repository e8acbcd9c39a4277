"""The `extract` command, the top of the flow: a thin layer over the library API (`extract.api`).

Each command parses its options, makes one library call, prints what came back (`terminal.py`)
and turns the library's exceptions into CLI errors. Commands import the library when they run,
so `extract --help` loads click and nothing else of weight.

`convert.py`: convert, schema, inspect (one file or a batch in, CSV/JSON out); `editions.py`:
check, compare, series (over editions); `options.py`: shared options.

Exit codes: 0 success, 1 some documents failed (the rest are written) or a --fail-on gate
tripped, 2 usage errors.
"""
from __future__ import annotations

import click

from .. import __version__
from .convert import convert_command, inspect_command, profiles_command, schema_command
from .editions import check_command, compare_command, series_command
from .options import CONTEXT
from .report import report_command


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, prog_name="extract")
def cli() -> None:
    """Turn Dutch municipal budget documents (budget web pages as HTML or text, annual-report
    PDFs) into records of goals, performances and effect indicators, as CSV and JSON."""


for _command in (convert_command, schema_command, check_command, inspect_command, compare_command, series_command,
                 report_command, profiles_command):
    cli.add_command(_command)


def main() -> None:
    cli(prog_name="extract")
