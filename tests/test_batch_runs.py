"""Batches at scale: an unchanged rerun converts nothing and writes the same bytes; outputs of
inputs gone are removed and nothing else is touched; a run killed (SIGKILL) at any point and run
again gives the bytes of a run never stopped; Ctrl-C writes what was done and exits 130; a dying
worker costs only its document; the Dask executor writes what the local pool writes."""
from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from batch_jobs import dies_on_crash_me
from conftest import ROOT, SAMPLES, run_cli
from extract.api.conversion import convert
from extract.api.inputs import collect
from extract.api.jobs import Options
from extract.api.runs import run, worker_count

SEED = SAMPLES / "000_77f27bb01ce9e9d5.txt"


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def inputs(tmp_path) -> Path:
    """A batch of text, HTML and PDF samples (copied, so the test may change them)."""
    folder = tmp_path / "in"
    for sub in ("text", "html", "pdf", "editions"):
        shutil.copytree(SAMPLES / sub, folder / sub, ignore=shutil.ignore_patterns("*.py", "*.gold.json"))
    return folder


def _convert(folder: Path, out: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "extract", "convert", str(folder), "--out", str(out), *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=600)


def _converted(out: Path) -> int:
    """How many documents the journal or manifest of `out` holds as done."""
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return len(manifest["documents"])


def test_an_unchanged_rerun_converts_nothing_and_writes_the_same_bytes(inputs, tmp_path):
    out = tmp_path / "out"
    first = run_cli("convert", str(inputs), "--out", str(out), "--jobs", "2")
    assert first.returncode == 0, first.stderr
    before = _files(out)
    mtimes = {p: p.stat().st_mtime_ns for p in (out / "json").rglob("*.json")}
    again = run_cli("convert", str(inputs), "--out", str(out), "--jobs", "2")
    assert again.returncode == 0
    n = len(mtimes)
    assert f"reused: {n} unchanged documents from the last run" in again.stdout
    assert again.stdout.splitlines()[-1].startswith(f"total: {n} documents (0 failed, {n} reused)")
    assert not [ln for ln in again.stdout.splitlines() if ": ok  goals" in ln]     # nothing converted
    assert {p: p.stat().st_mtime_ns for p in mtimes} == mtimes                      # no JSON rewritten
    assert _files(out) == before
    forced = run_cli("convert", str(inputs), "--out", str(out), "--force")
    assert "reused" not in forced.stdout and _files(out) == before


def test_a_changed_input_is_converted_again_and_a_removed_ones_outputs_are_gone(inputs, tmp_path):
    out = tmp_path / "out"
    assert run_cli("convert", str(inputs), "--out", str(out)).returncode == 0
    (out / "findings.csv").write_text("rule\n", encoding="utf-8")       # a file convert did not write
    (out / "json" / "mine.json").write_text("{}", encoding="utf-8")
    changed = inputs / "text" / "4a-verkeer-pipe-tables.txt"
    changed.write_bytes(changed.read_bytes().replace(b"Programmabegroting 2022", b"Programmabegroting 2023"))
    (inputs / "editions" / "begroting-2020-8c-sport.txt").unlink()
    r = run_cli("convert", str(inputs), "--out", str(out))
    assert r.returncode == 0
    converted = [ln for ln in r.stdout.splitlines() if ": ok  goals" in ln]
    assert len(converted) == 1 and "4a-verkeer-pipe-tables.txt" in converted[0]
    assert "removed: json/editions/begroting-2020-8c-sport.txt.json (its input " in r.stdout
    assert not (out / "json" / "editions" / "begroting-2020-8c-sport.txt.json").exists()
    assert "note: not written by this run, left as they are: findings.csv, json/mine.json" in r.stdout
    assert (out / "findings.csv").read_text(encoding="utf-8") == "rule\n" and (out / "json" / "mine.json").exists()
    with open(out / "documents.csv", encoding="utf-8") as fh:
        rows = {row["document_id"]: row for row in csv.DictReader(fh)}
    assert "editions/begroting-2020-8c-sport.txt" not in rows
    assert rows["text/4a-verkeer-pipe-tables.txt"]["document_year"] == "2023"
    # and the result is what a first run of the changed inputs gives
    fresh = tmp_path / "fresh"
    assert run_cli("convert", str(inputs), "--out", str(fresh)).returncode == 0
    mine = {k: v for k, v in _files(out).items() if k not in ("findings.csv", "json/mine.json")}
    assert mine == _files(fresh)


def test_a_run_killed_at_any_point_resumes_to_the_bytes_of_a_clean_run(inputs, tmp_path):
    clean = tmp_path / "clean"
    assert _convert(inputs, clean, "--jobs", "2").returncode == 0
    expected = _files(clean)
    out = tmp_path / "out"
    done_before = -1
    for delay in (1.0, 2.0, 3.0, 4.5):
        proc = subprocess.Popen([sys.executable, "-m", "extract", "convert", str(inputs), "--out", str(out),
                                 "--jobs", "2"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)
        time.sleep(delay)
        os.killpg(proc.pid, signal.SIGKILL)      # the run and its workers, at once
        proc.wait()
        partial = [p for p in out.rglob("*.json") if p.stat().st_size == 0]
        assert not partial, partial                   # nothing visible half-written
        done = len(list((out / "json").rglob("*.json"))) if (out / "json").exists() else 0
        assert done >= done_before
        done_before = done
    r = _convert(inputs, out, "--jobs", "2")
    assert r.returncode == 0, r.stderr
    assert _files(out) == expected
    assert not list(out.glob(".manifest.journal"))


def test_ctrl_c_writes_the_tables_of_what_was_done_and_exits_130(inputs, tmp_path):
    # enough documents that the run is still going when the first one is journalled, however
    # fast a machine converts (Ctrl-C comes then, not after a fixed delay)
    many = inputs / "many"
    many.mkdir()
    for k in range(200):
        (many / f"page-{k:03d}.txt").write_bytes(SEED.read_bytes() + f"\n{k}\n".encode())
    out = tmp_path / "out"
    # SIGINT as a terminal leaves it: a test run started in the background of a script inherits
    # SIGINT ignored, and a Python started so never raises KeyboardInterrupt
    proc = subprocess.Popen([sys.executable, "-m", "extract", "convert", str(inputs), "--out", str(out), "--jobs", "2"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (out / ".manifest.journal").exists():
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGINT)               # as a terminal sends Ctrl-C to the whole group
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr
    assert "interrupted: the tables hold the" in stderr and "Traceback" not in stderr
    with open(out / "documents.csv", encoding="utf-8") as fh:
        written = len(list(csv.DictReader(fh)))
    assert 0 < written == _converted(out)
    assert stdout.splitlines()[-1].startswith(f"total: {written} documents")
    assert _convert(inputs, out, "--jobs", "2").returncode == 0
    clean = tmp_path / "clean"
    assert _convert(inputs, clean, "--jobs", "1").returncode == 0
    assert _files(out) == _files(clean)


def test_a_worker_that_dies_costs_only_its_document(inputs, tmp_path):
    (inputs / "text" / "crash-me.txt").write_bytes(SEED.read_bytes() + b"\n")
    out = tmp_path / "out"
    batch = run(collect([inputs]), dies_on_crash_me, out=out, jobs=2, options=Options(timeout=60), keep=False)
    [lost] = batch.failed
    assert lost.document_id == "text/crash-me.txt"
    assert lost.errors == [f"{inputs / 'text' / 'crash-me.txt'}: the worker converting it died (exit status 70)"]
    assert all(d.status == "ok" for d in batch.outcomes if d is not lost) and len(batch.outcomes) > 20
    with open(out / "diagnostics.csv", encoding="utf-8") as fh:
        [row] = [r for r in csv.DictReader(fh) if r["diagnostic_code"] == "worker_crashed"]
    assert row["document_id"] == "text/crash-me.txt"
    # the next run tries it again (a crash says nothing about the file), and reuses the rest
    again = run(collect([inputs]), convert, out=out, jobs=2, keep=False)
    assert not again.failed and again.reused == len(again.outcomes) - 1


def test_workers_are_capped_at_the_cores_available():
    cores = len(os.sched_getaffinity(0))
    assert worker_count(99, 1000, "local") == (cores, f"--jobs 99: {cores} workers, the cores available")
    assert worker_count(0, 1000, "local") == (cores, None)
    assert worker_count(2, 1, "local")[0] == 1


def test_the_dask_executor_writes_the_bytes_of_the_local_pool(inputs, tmp_path):
    pytest.importorskip("distributed")
    local, dask = tmp_path / "local", tmp_path / "dask"
    assert run_cli("convert", str(inputs), "--out", str(local), "--jobs", "2").returncode == 0
    r = run_cli("convert", str(inputs), "--out", str(dask), "--jobs", "2", "--executor", "dask")
    assert r.returncode == 0, r.stderr
    assert _files(dask) == _files(local)
