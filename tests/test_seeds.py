"""The seed documents (samples/) against their hand-written gold files: every fact, nothing extra."""
from __future__ import annotations

from conftest import SAMPLES, run_cli
from scoring import load_golds, score


def test_seed_gold_files_score_perfectly(tmp_path):
    golds = load_golds(sorted(SAMPLES.glob("*.gold.json")))
    assert len(golds) == 2
    result = run_cli("convert", *[g["_input"] for g in golds.values()], "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    s = score(tmp_path, golds)
    assert s.misses == []
    assert s.f1 == 1.0 and s.macro == 1.0
