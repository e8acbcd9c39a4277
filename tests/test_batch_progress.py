"""The progress of a batch: documents n/N, pages/s, the file in work, elapsed and time left on
stderr; a line per document as it finishes (only failures with --quiet); the same bar in check,
compare and series when they convert inputs."""
from __future__ import annotations

import re
import shutil

import extract
from conftest import SAMPLES, run_cli
from extract.cli.terminal import BatchProgress


def _folder(tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(SAMPLES / "editions", folder, ignore=shutil.ignore_patterns("*.gold.json"))
    return folder


def test_convert_shows_a_bar_and_a_line_per_document_as_it_finishes(tmp_path):
    folder = _folder(tmp_path)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj garbage")
    r = run_cli("convert", str(folder), "--out", str(tmp_path / "out"), "--progress")
    assert r.returncode == 1
    assert re.search(r"converting 4/4 +100%\|.*\| \[\d\d:\d\d elapsed, \d\d:\d\d left, [\d.]+ pages/s\]", r.stderr), r.stderr
    lines = r.stdout.splitlines()
    assert sum(1 for ln in lines if re.search(r"\.(txt|pdf): (ok|failed)  goals", ln)) == 4
    quiet = run_cli("convert", str(folder), "--out", str(tmp_path / "q"), "--quiet", "--no-progress")
    assert [ln for ln in quiet.stdout.splitlines() if "goals" in ln and not ln.startswith("total")] == \
        [f"{folder / 'broken.pdf'}: failed  goals 0, performances 0, indicators 0, values 0, diagnostics 1"]
    assert "converting" not in quiet.stderr


def test_the_total_splits_diagnostics_by_severity(tmp_path):
    r = run_cli("convert", str(_folder(tmp_path)), "--out", str(tmp_path / "out"))
    assert re.search(r"diagnostics (\d+) \((\d+) errors, (\d+) warnings, (\d+) info\) -> ", r.stdout.splitlines()[-1])


def test_check_compare_and_series_show_progress_while_they_convert(tmp_path, capsys):
    folder = _folder(tmp_path)
    extract.check([folder], progress=BatchProgress(bar=True, quiet=True, label="reading"))
    assert re.search(r"reading 3/3 +100%", capsys.readouterr().err)
    extract.series([folder], progress=BatchProgress(bar=True, quiet=False, label="reading"))
    err_out = capsys.readouterr()
    assert re.search(r"reading 3/3", err_out.err) and "begroting-2021-8c-sport.txt: ok  goals" in err_out.out
    extract.compare(folder / "begroting-2020-8c-sport.txt", folder / "begroting-2021-8c-sport.txt",
                    progress=BatchProgress(bar=True, label="reading"))
    assert re.search(r"reading 1/1", capsys.readouterr().err)
