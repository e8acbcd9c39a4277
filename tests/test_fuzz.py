"""The fuzz suite in the test suite (issue 13): a short seeded campaign of hostile text, HTML and
PDF inputs, and the regression samples of every crash and hang the campaigns found.

Each input runs in a child process with a CPU time limit (10 s: over it is a hang) and a memory
limit; nothing may escape `extract.convert` or `extract convert`, no `internal_error`, and a
failed document names file and reason. The long campaign is `bench/fuzz.py` (see there)."""
from __future__ import annotations

from pathlib import Path

from conftest import ROOT
from fuzzing.campaign import Limits, campaign, check_files
from fuzzing.inputs import Plan

FUZZ_DATA = ROOT / "tests" / "data" / "fuzz"
SHORT_RUN = 2000
LIMITS = Limits(cpu_seconds=10.0, memory_mb=2048)

# What each regression sample must still say about itself (beside converting cleanly).
EXPECTED = {
    "html-charset-undefined.html": {"encoding_guessed"},
    "html-charset-punycode.html": {"encoding_guessed"},
    "html-charset-idna-xml-declaration.html": {"encoding_guessed"},
}


def test_short_seeded_campaign_finds_nothing(tmp_path):
    plan = Plan(max_bytes=300_000, grow_share=0.01)
    report = campaign(seed=13, count=SHORT_RUN, work=tmp_path, limits=LIMITS, plan=plan, jobs=2,
                      keep_failures=False)
    text = "\n".join(report.lines())
    assert report.tried == SHORT_RUN
    assert set(report.by_format) == {"text", "html", "pdf"}
    assert report.failures == 0, text


def test_regression_samples_convert_cleanly(tmp_path):
    samples = sorted(p for p in FUZZ_DATA.iterdir() if p.suffix in (".txt", ".html", ".pdf"))
    assert len(samples) >= 10
    outcomes = {Path(o.label).name: o for o in check_files(samples, tmp_path, LIMITS)}
    assert set(outcomes) == {p.name for p in samples}
    for name, out in sorted(outcomes.items()):
        assert not out.problems, (name, out.problems)
        assert out.status in ("ok", "partial", "failed"), name
        assert EXPECTED.get(name, set()) <= set(out.diagnostics), (name, out.diagnostics)
