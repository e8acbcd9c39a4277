"""The command line: help everywhere, summaries, exit codes, errors that name the file."""
from __future__ import annotations

import csv
import json
import shutil
import sys
from pathlib import Path

import click
import pytest

from conftest import ROOT, SAMPLES, run_cli, run_cli_process
from extract.cli import cli
from extract.writers.schema import SCHEMA_FILE, schema_bytes


def test_every_command_has_help():
    assert run_cli("--help").returncode == 0
    for name, command in cli.commands.items():
        assert command.help and len(command.help) > 40, f"{name} needs a help text"
        r = run_cli(name, "--help")
        assert r.returncode == 0 and "Usage:" in r.stdout, name
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.help, f"{name} {param.opts} needs help"


def test_convert_prints_a_summary_per_document_and_a_total(tmp_path):
    r = run_cli("convert", str(SAMPLES / "000_77f27bb01ce9e9d5.txt"), "--out", str(tmp_path))
    assert r.returncode == 0
    lines = r.stdout.strip().splitlines()
    assert lines[0].endswith("ok  goals 1, performances 4, indicators 6, values 40, diagnostics 0")
    assert lines[-1].startswith("total: 1 documents (0 failed), goals 1, performances 4, indicators 6, values 40")
    for table in ["documents", "policy_areas", "goals", "performances", "indicators", "indicator_values", "diagnostics"]:
        assert (tmp_path / f"{table}.csv").exists()
    doc = json.loads((tmp_path / "json" / "000_77f27bb01ce9e9d5.txt.json").read_text(encoding="utf-8"))
    assert doc["values"][0]["value"] == "5.7"  # exact decimal, as a string


def test_broken_file_fails_alone_and_is_reported(tmp_path):
    bad = tmp_path / "in" / "broken.pdf"
    bad.parent.mkdir()
    bad.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj garbage")
    (tmp_path / "in" / "seed.txt").write_bytes((SAMPLES / "000_77f27bb01ce9e9d5.txt").read_bytes())
    out = tmp_path / "out"
    r = run_cli("convert", str(tmp_path / "in"), "--out", str(out))
    assert r.returncode == 1
    assert "Traceback" not in r.stderr + r.stdout
    assert "broken.pdf" in r.stderr
    with open(out / "documents.csv", encoding="utf-8") as fh:
        docs = {row["document_id"]: row for row in csv.DictReader(fh)}
    assert docs["broken.pdf"]["document_status"] == "failed"
    assert docs["seed.txt"]["document_status"] == "ok" and docs["seed.txt"]["n_goals"] == "1"
    with open(out / "diagnostics.csv", encoding="utf-8") as fh:
        diags = [row for row in csv.DictReader(fh) if row["document_id"] == "broken.pdf"]
    assert diags and diags[0]["severity"] == "error" and "broken.pdf" in diags[0]["location"]


def test_usage_errors_exit_2(tmp_path):
    assert run_cli("convert").returncode == 2
    assert run_cli("convert", str(tmp_path / "nothing-here")).returncode == 2
    assert run_cli("frobnicate").returncode == 2


def test_no_goals_page_gives_one_info_diagnostic(tmp_path):
    page = tmp_path / "toc.txt"
    page.write_text("Inhoudsopgave\n\nProgramma 1 Bestuur\nProgramma 2 Veiligheid\n", encoding="utf-8")
    r = run_cli("convert", str(page), "--out", str(tmp_path / "out"))
    assert r.returncode == 0
    with open(tmp_path / "out" / "diagnostics.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [(d["severity"], d["message"]) for d in rows] == [("info", "no goals or indicators found")]


def test_checked_in_schema_is_current():
    path = ROOT / "schemas" / SCHEMA_FILE
    assert path.exists(), "run: extract schema"
    assert path.read_bytes() == schema_bytes(), "schemas/ is stale: run `extract schema`"


def test_schema_command_writes_the_schema(tmp_path):
    r = run_cli("schema", "--out", str(tmp_path))
    assert r.returncode == 0
    assert (tmp_path / SCHEMA_FILE).read_bytes() == schema_bytes()


def test_inspect_shows_what_each_line_was_read_as():
    r = run_cli("inspect", str(SAMPLES / "002_28e5dc0f656876b6.txt"), "--width", "0")
    assert r.returncode == 0
    lines = r.stdout.splitlines()
    assert any("goal 9B1 + performance 9B1.1" in line for line in lines)
    assert any(line.split()[1:3] == ["goal", "9A1"] and "inwoners" not in line for line in lines)
    assert any("explanation of 9A1.4" in line and "Met name basisfunctie 3" in line for line in lines)
    assert any("footnote **" in line for line in lines)
    assert run_cli("inspect", str(SAMPLES / "missing.txt")).returncode == 2


def _installed_script() -> str:
    script = Path(sys.executable).parent / "extract"
    found = str(script) if script.exists() else shutil.which("extract")
    if not found:
        pytest.skip("the `extract` console script is not installed")
    return found


def test_python_m_extract_runs_in_a_new_process(tmp_path):
    r = run_cli_process("--version")
    assert r.returncode == 0 and r.stdout.strip() == "extract, version 0.1.0"
    r = run_cli_process("convert", str(SAMPLES / "000_77f27bb01ce9e9d5.txt"), "--out", str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip().splitlines()[-1].startswith("total: 1 documents (0 failed), goals 1")
    assert (tmp_path / "json" / "000_77f27bb01ce9e9d5.txt.json").exists()


def test_the_installed_console_script_sets_exit_codes(tmp_path):
    """The `extract` script of pyproject (`extract.cli:main`), in a new process: 1 when a
    document failed (no traceback, the file named), 2 on usage errors."""
    script = [_installed_script()]
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4\n1 0 obj garbage")
    r = run_cli_process("convert", str(bad), "--out", str(tmp_path / "out"), command=script)
    assert r.returncode == 1 and "broken.pdf" in r.stderr and "Traceback" not in r.stderr + r.stdout
    assert run_cli_process("frobnicate", command=script).returncode == 2
    r = run_cli_process("--help", command=script)
    assert r.returncode == 0 and "Usage: extract" in r.stdout
