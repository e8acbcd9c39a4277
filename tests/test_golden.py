"""Golden files: the full output of `extract convert samples/` (every CSV table and every
document's JSON) must equal the checked-in files in tests/golden/samples/.

After an intended change in the output, regenerate them, review the diff and run again:

    EXTRACT_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
    git diff tests/golden/
    .venv/bin/python -m pytest tests/test_golden.py

The regenerating run fails on purpose (it compared nothing), so it can never pass unnoticed.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, run_cli

GOLDEN = ROOT / "tests" / "golden" / "samples"
UPDATE_SWITCH = "EXTRACT_UPDATE_GOLDEN"


def _files(folder: Path, manifest: bool = True) -> dict[str, bytes]:
    """Every file under `folder` by relative name; without `manifest.json` when not `manifest`
    (it holds the inputs' modification times and the code's fingerprint: not golden)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and (manifest or p.relative_to(folder).as_posix() != "manifest.json")}


def check_golden(produced: dict[str, bytes], golden: Path, update: bool = False) -> None:
    """Assert that `produced` (relative name -> bytes) equals the files under `golden`. With
    `update`, replace the golden files by `produced` and fail, saying they must be reviewed."""
    if update:
        shutil.rmtree(golden, ignore_errors=True)
        for name, data in produced.items():
            (golden / name).parent.mkdir(parents=True, exist_ok=True)
            (golden / name).write_bytes(data)
        shown = golden.relative_to(ROOT) if golden.is_relative_to(ROOT) else golden
        pytest.fail(f"{UPDATE_SWITCH}=1: regenerated {len(produced)} golden files in {shown}; nothing was "
                    f"compared. Review the diff (git diff {shown}), then run the tests again without "
                    f"{UPDATE_SWITCH}.", pytrace=False)
    expected = _files(golden) if golden.exists() else {}
    missing = sorted(set(produced) - set(expected))
    stale = sorted(set(expected) - set(produced))
    assert not missing, f"no golden file for {missing}: run {UPDATE_SWITCH}=1 pytest tests/test_golden.py"
    assert not stale, f"golden files no longer produced: {stale}"
    for name in sorted(produced):
        assert produced[name] == expected[name], f"{name} differs from {golden / name}"


def test_samples_output_equals_golden_files(tmp_path):
    out = tmp_path / "out"
    result = run_cli("convert", "samples", "--out", str(out))
    assert result.returncode in (0, 1), result.stderr
    check_golden(_files(out, manifest=False), GOLDEN, update=os.environ.get(UPDATE_SWITCH) == "1")


def test_regenerating_golden_files_fails_the_run(tmp_path):
    golden = tmp_path / "golden"
    (golden / "gone.csv").parent.mkdir(parents=True)
    (golden / "gone.csv").write_bytes(b"old\n")
    produced = {"goals.csv": b"code\n9A1\n", "json/doc.json": b"{}\n"}
    with pytest.raises(pytest.fail.Exception, match="regenerated 2 golden files .* Review the diff"):
        check_golden(produced, golden, update=True)
    assert _files(golden) == produced                  # written, the stale file removed
    check_golden(produced, golden)                     # and a run without the switch compares them


def test_a_missing_or_different_golden_file_fails(tmp_path):
    golden = tmp_path / "golden"
    golden.mkdir()
    (golden / "goals.csv").write_bytes(b"code\n9A1\n")
    with pytest.raises(AssertionError, match=r"no golden file for \['json/doc.json'\]"):
        check_golden({"goals.csv": b"code\n9A1\n", "json/doc.json": b"{}\n"}, golden)
    with pytest.raises(AssertionError, match="goals.csv differs"):
        check_golden({"goals.csv": b"code\n9A2\n"}, golden)
    with pytest.raises(AssertionError, match="no longer produced"):
        check_golden({}, golden)


def test_conversion_is_deterministic(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    assert run_cli("convert", "samples/text", "samples/000_77f27bb01ce9e9d5.txt", "--out", str(a)).returncode == 0
    assert run_cli("convert", "samples/text", "samples/000_77f27bb01ce9e9d5.txt", "--out", str(b), "--jobs", "2").returncode == 0
    assert _files(a) == _files(b)
    assert not [p for p in a.rglob("*.tmp")]
