"""Text renderings beyond the seeds: pipe tables (pages saved as markdown) and PDF text with page
breaks, running headers and a two-column table whose cells fuse onto one line."""
from __future__ import annotations

from conftest import SAMPLES, run_cli
from scoring import load_golds, score


def test_text_samples_score_perfectly(tmp_path):
    golds = load_golds([SAMPLES / "text"])
    assert len(golds) >= 2
    result = run_cli("convert", *[g["_input"] for g in golds.values()], "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    s = score(tmp_path, golds)
    assert s.misses == []
    assert s.f1 == 1.0 and s.macro == 1.0


def test_running_headers_and_page_numbers_are_left_out():
    import extract
    doc = extract.convert(SAMPLES / "text" / "8c-sport-jaarstukken-pdftext.txt")
    expl = next(p for p in doc.performances if p.code == "8C1.1").explanation
    assert "Gemeente Leiden" not in expl and "87" not in expl.split()
    assert "Door extra marketingactiviteiten" in expl  # the sentence goes on across the page break
    assert any(d.code == "page_furniture_removed" for d in doc.diagnostics)
    goal = next(g for g in doc.goals if g.code == "8C1")
    assert goal.provenance.page == 1
