"""The HTML sample pages (samples/html/) against their gold files, seed 000 read as HTML and as
text, and the provenance every record carries: an element path that finds the element in the
page as saved, and the raw text it was parsed from."""
from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup
from conftest import SAMPLES, run_cli
from scoring import got_facts, load_golds, score

import extract

HTML = SAMPLES / "html"
SEED_HTML = HTML / "000-begroting-2019-9a-sociale-binding.html"
PAGES = sorted(HTML.glob("*.html"))


def test_html_samples_score_perfectly(tmp_path):
    golds = load_golds([HTML])
    assert len(golds) >= 8 and len(golds) == len(PAGES)
    result = run_cli("convert", *[g["_input"] for g in golds.values()], "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    s = score(tmp_path, golds)
    assert s.misses == []
    assert s.f1 == 1.0 and s.macro == 1.0


def test_seed_000_gives_the_same_facts_as_html_and_as_text(tmp_path):
    seed = json.loads((SAMPLES / "000_77f27bb01ce9e9d5.gold.json").read_text(encoding="utf-8"))
    as_html = json.loads(SEED_HTML.with_suffix("").with_suffix(".gold.json").read_text(encoding="utf-8"))
    assert {**as_html, "source_file": seed["source_file"]} == seed  # the same gold, only the file differs
    golds = load_golds([SAMPLES / "000_77f27bb01ce9e9d5.gold.json", SEED_HTML.with_suffix(".gold.json")])
    result = run_cli("convert", *[g["_input"] for g in golds.values()], "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    facts = got_facts(tmp_path, golds)
    assert facts[SEED_HTML.name] == facts["000_77f27bb01ce9e9d5.txt"]
    assert score(tmp_path, golds).f1 == 1.0


def test_seed_000_as_html_has_the_documents_metadata():
    doc = extract.convert(SEED_HTML)
    assert (doc.format, doc.kind, doc.year, doc.municipality, doc.programme) == (
        "html", "begroting", 2019, "Leiden", "Maatschappelijke Ondersteuning")
    assert doc.title == "Programmabegroting 2019"
    assert doc.diagnostics == []


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_every_record_names_its_element_and_raw_text(page):
    doc = extract.convert(page)
    soup = BeautifulSoup(page.read_bytes(), "lxml")
    records = [*doc.policy_areas, *doc.goals, *doc.performances, *doc.indicators, *doc.values]
    assert records
    for record in records:
        prov = record.provenance
        assert prov.source_file == str(page) and prov.raw.strip(), record
        assert prov.element, record
        el = soup.select_one(prov.element)
        assert el is not None, f"{prov.element} finds nothing in {page.name}"
        text = _squash(extract.models.values.clean_text(el.get_text()))
        code = getattr(record, "code", None) or getattr(record, "indicator_code", None)
        if hasattr(record, "indicator_code"):
            assert _squash(record.raw) in text, (record.raw, prov.element)
        elif code:
            assert code in text, (code, prov.element)
        else:  # an indicator without a printed code: its element holds its name
            assert _squash(record.name) in text, (record.name, prov.element)


def test_records_carry_the_source_line_of_their_element():
    doc = extract.convert(SEED_HTML)
    lines = SEED_HTML.read_text(encoding="utf-8").splitlines()
    value = doc.values[0]
    assert value.raw == "5,7 (2015)" and "5,7 (2015)" in lines[value.provenance.line_start - 1]
    goal = doc.goals[0]
    assert "9A1 Sociale binding" in lines[goal.provenance.line_start - 1]
    assert goal.provenance.location().startswith(f"{SEED_HTML}, line {goal.provenance.line_start}, main#inhoud")


def test_explanations_name_where_they_start():
    doc = extract.convert(SEED_HTML)
    perf = next(p for p in doc.performances if p.code == "9A1.2")
    assert perf.explanation_provenance is not None
    assert perf.explanation_provenance.element.endswith("div.field:nth-of-type(3) > p:nth-of-type(2)")
    assert perf.explanation.startswith("Het tegengaan van eenzaamheid")
