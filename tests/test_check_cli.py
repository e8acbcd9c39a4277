"""`extract check` as a pipeline gate: findings.csv, the terminal table, exit codes."""
from __future__ import annotations

import csv

from conftest import SAMPLES, run_cli

FAULTY = SAMPLES / "editions" / "jaarstukken-2019-9a-fouten.txt"
SEEDS = [SAMPLES / "000_77f27bb01ce9e9d5.txt", SAMPLES / "002_28e5dc0f656876b6.txt"]


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_check_fails_on_percentage_140_and_orphan_performance(tmp_path):
    r = run_cli("check", str(FAULTY), "--out", str(tmp_path))
    assert r.returncode == 1, r.stderr
    assert "orphan_performance" in r.stdout and "9A2.1" in r.stdout
    assert "value_out_of_range" in r.stdout and "140%" in r.stdout
    assert "2 errors, 0 warnings, 0 info in 1 document" in r.stdout
    rows = read_csv(tmp_path / "findings.csv")
    assert [(x["rule"], x["severity"], x["code"]) for x in rows] == [
        ("orphan_performance", "error", "9A2.1"), ("value_out_of_range", "error", "9A1.b")]
    value = rows[1]
    assert (value["kind"], value["year"], value["line_start"], value["raw_text"]) == ("realisatie", "2019", "70", "140%")
    assert "jaarstukken-2019-9a-fouten.txt, line 70" in value["location"]


def test_check_passes_on_the_seeds_and_reads_a_convert_output(tmp_path):
    r = run_cli("check", *map(str, SEEDS), "--out", str(tmp_path / "a"))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "no findings" in r.stdout
    assert run_cli("convert", str(FAULTY), "--out", str(tmp_path / "conv")).returncode == 0
    r = run_cli("check", str(tmp_path / "conv"), "--out", str(tmp_path / "b"))
    assert r.returncode == 1
    assert [x["rule"] for x in read_csv(tmp_path / "b" / "findings.csv")] == ["orphan_performance", "value_out_of_range"]


def test_fail_on_and_rule_selection(tmp_path):
    only_warnings = ["--skip", "orphan_performance", "--skip", "value_out_of_range", "--skip", "numbering_gap"]
    r = run_cli("check", str(FAULTY), "--out", str(tmp_path), *only_warnings)
    assert r.returncode == 0
    r = run_cli("check", str(FAULTY), "--out", str(tmp_path), "--rule", "missing_unit", "--fail-on", "warning")
    assert r.returncode == 0  # both indicators have a unit
    r = run_cli("check", str(FAULTY), "--out", str(tmp_path), "--fail-on", "never")
    assert r.returncode == 0


def test_fail_on_warning(tmp_path):
    page = tmp_path / "begroting.txt"
    page.write_text(FAULTY.read_text(encoding="utf-8").replace("\nStadsenquête\n", "\n\n"), encoding="utf-8")
    r = run_cli("check", str(page), "--out", str(tmp_path), "--skip", "orphan_performance",
                "--skip", "value_out_of_range")
    assert r.returncode == 0 and "missing_source" in r.stdout
    r = run_cli("check", str(page), "--out", str(tmp_path), "--skip", "orphan_performance",
                "--skip", "value_out_of_range", "--fail-on", "warning")
    assert r.returncode == 1


def test_check_usage_errors(tmp_path):
    assert run_cli("check").returncode == 2
    assert run_cli("check", str(tmp_path / "missing.txt"), "--out", str(tmp_path)).returncode == 2
    r = run_cli("check", str(FAULTY), "--rule", "nope", "--out", str(tmp_path))
    assert r.returncode == 2 and "unknown rule nope" in r.stderr
    r = run_cli("check", "--list-rules")
    assert r.returncode == 0 and "value_out_of_range" in r.stdout and "error" in r.stdout


def test_findings_are_deterministic(tmp_path):
    for name in ("a", "b"):
        assert run_cli("check", str(FAULTY), *map(str, SEEDS), "--out", str(tmp_path / name)).returncode == 1
    assert (tmp_path / "a" / "findings.csv").read_bytes() == (tmp_path / "b" / "findings.csv").read_bytes()


def test_edition_samples_convert_exactly_as_their_gold_files_say(tmp_path):
    from scoring import load_golds, score
    golds = load_golds([SAMPLES / "editions"])
    assert len(golds) == 3
    assert run_cli("convert", *[g["_input"] for g in golds.values()], "--out", str(tmp_path)).returncode == 0
    s = score(tmp_path, golds)
    assert s.misses == [] and s.f1 == 1.0
