"""Golden files: the full output of `extract convert samples/` (every CSV table and every
document's JSON) must equal the checked-in files in tests/golden/samples/.

After an intended change in the output, regenerate them and review the diff:

    EXTRACT_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from conftest import ROOT, run_cli

GOLDEN = ROOT / "tests" / "golden" / "samples"
UPDATE = os.environ.get("EXTRACT_UPDATE_GOLDEN") == "1"


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_samples_output_equals_golden_files(tmp_path):
    out = tmp_path / "out"
    result = run_cli("convert", "samples", "--out", str(out))
    assert result.returncode in (0, 1), result.stderr
    produced = _files(out)
    if UPDATE:
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for name, data in produced.items():
            (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / name).write_bytes(data)
    expected = _files(GOLDEN) if GOLDEN.exists() else {}
    missing = sorted(set(produced) - set(expected))
    stale = sorted(set(expected) - set(produced))
    assert not missing, f"no golden file for {missing}: run EXTRACT_UPDATE_GOLDEN=1 pytest tests/test_golden.py"
    assert not stale, f"golden files no longer produced: {stale}"
    for name in sorted(produced):
        assert produced[name] == expected[name], f"{name} differs from tests/golden/samples/{name}"


def test_conversion_is_deterministic(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    assert run_cli("convert", "samples/text", "samples/000_77f27bb01ce9e9d5.txt", "--out", str(a)).returncode == 0
    assert run_cli("convert", "samples/text", "samples/000_77f27bb01ce9e9d5.txt", "--out", str(b), "--jobs", "2").returncode == 0
    assert _files(a) == _files(b)
    assert not [p for p in a.rglob("*.tmp")]
