from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"


@dataclass
class CliResult:
    """What a run of `extract ARGS` gave: exit status and the text of stdout and stderr."""

    returncode: int
    stdout: str
    stderr: str


def run_cli(*args: str, cwd: Path | None = None) -> CliResult:
    """Run `extract ARGS` in this process (click's CliRunner), from `cwd` (default: the
    checkout), as a user would see it: the exit status of sys.exit, stdout and stderr apart. An
    exception that escapes the command exits 1 with its traceback on stderr, as the interpreter
    would print it."""
    from extract.cli import cli
    with contextlib.chdir(cwd or ROOT):
        result = CliRunner().invoke(cli, list(args), prog_name="extract")
    stderr = result.stderr
    if result.exc_info and not isinstance(result.exception, SystemExit):
        stderr += "".join(traceback.format_exception(*result.exc_info))
    return CliResult(result.exit_code, result.stdout, stderr)


def run_cli_process(*args: str, cwd: Path | None = None, command: list[str] | None = None) -> subprocess.CompletedProcess:
    """Run `python -m extract ARGS` (or `command ARGS`) in a new interpreter: for the tests of the
    installed entry points."""
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run([*(command or [sys.executable, "-m", "extract"]), *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, env=env, timeout=600)


@pytest.fixture
def cli():
    return run_cli


def convert_text(folder: Path, text: str, name: str = "page.txt"):
    """Write `text` as `folder/name` and convert it (a page written in a test)."""
    import extract
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return extract.convert(path)
