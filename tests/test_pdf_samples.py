"""PDF sample reports (samples/pdf/, made by samples/pdf/make_samples.py with reportlab,
LibreOffice and Chromium) against their gold files, and what the PDF source promises about
them: provenance with page and box, running headers and page numbers left out, money tables
never read as indicators, tables across page breaks."""
from __future__ import annotations

import json

import pytest
from conftest import SAMPLES, SHARED, run_cli
from scoring import load_golds, score

import extract

PDFS = SAMPLES / "pdf"
SEED = "jaarstukken-2017-9a-9b-leiden-seed002"


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    golds = load_golds([PDFS])
    out = tmp_path_factory.mktemp("pdf")
    result = run_cli("convert", *[g["_input"] for g in golds.values()], "--out", str(out))
    assert result.returncode == 0, result.stderr
    return golds, out


def test_every_sample_pdf_scores_perfectly(converted):
    golds, out = converted
    assert len(golds) >= 7
    s = score(out, golds)
    assert s.misses == []
    assert s.f1 == 1.0 and s.macro == 1.0


def test_samples_come_from_word_processors_and_browsers_too():
    import pypdfium2 as pdfium
    producers = set()
    for p in PDFS.glob("*.pdf"):
        pdf = pdfium.PdfDocument(p.read_bytes())
        producers.add(pdf.get_metadata_dict().get("Producer", "").split()[0])
        pdf.close()
    assert {"LibreOffice", "Skia/PDF", "ReportLab"} <= producers


def test_seed_reproduction_gold_is_the_seed_gold():
    seed = SHARED / "seeds" / "002_28e5dc0f656876b6.gold.json"
    if not seed.exists():
        pytest.skip("../shared/seeds not present")
    want = json.loads(seed.read_text(encoding="utf-8"))
    have = json.loads((PDFS / f"{SEED}.gold.json").read_text(encoding="utf-8"))
    assert have.pop("source_file") == f"{SEED}.pdf"
    want.pop("source_file")
    assert have == want


@pytest.fixture(scope="module")
def seed_doc():
    return extract.convert(PDFS / f"{SEED}.pdf")


def test_records_carry_page_and_box(seed_doc):
    goal = next(g for g in seed_doc.goals if g.code == "9A1")
    assert goal.provenance.page == 1 and goal.provenance.bbox is not None
    x0, top, x1, bottom = goal.provenance.bbox
    assert x0 < x1 and top < bottom and bottom - top > 15  # the goal cell's two lines
    value = next(v for v in seed_doc.values if v.indicator_code == "9A1.b" and v.year == 2015)
    assert value.provenance.page == 1 and value.provenance.bbox is not None
    assert value.raw == "32%"
    nine_b = next(p for p in seed_doc.performances if p.code == "9B2.2")
    assert nine_b.provenance.page == 2
    assert all(r.provenance.bbox for r in [*seed_doc.goals, *seed_doc.performances, *seed_doc.indicators])


def test_goal_cell_centred_across_its_rows_keeps_its_title(seed_doc):
    titles = {g.code: g.title for g in seed_doc.goals}
    assert titles["9A1"] == "Sociale binding en participatie van inwoners is hoog"
    assert titles["9B2"] == "Gezondheidsproblemen worden voorkomen"
    perf = {p.code: p.title for p in seed_doc.performances}
    assert perf["9B2.1"] == "Uitvoeren van wettelijke taken basisgezondheidszorg"


def test_footnotes_are_linked_to_their_markers(seed_doc):
    notes = {i.code: i.note for i in seed_doc.indicators}
    assert notes["9A1.a"] == "Op een schaal van 1 tot 10"
    assert notes["9A1.c"].startswith("De cijfers in Leiden zijn lager")


def test_running_headers_and_page_numbers_are_left_out(seed_doc):
    texts = [p.explanation or "" for p in seed_doc.performances] + [g.title for g in seed_doc.goals]
    assert not any("Gemeente Leiden" in t or "212" in t.split() for t in texts)
    assert any(d.code == "page_furniture_removed" for d in seed_doc.diagnostics)
    assert seed_doc.kind == "jaarstukken" and seed_doc.year == 2017


def test_money_tables_are_never_indicators():
    doc = extract.convert(PDFS / "jaarstukken-2019-3abc-onderwijs-money-tables.pdf")
    assert {i.code[:2] for i in doc.indicators} == {"3A", "3B", "3C"}
    assert all(i.code.count(".") == 1 for i in doc.indicators)
    assert not [v for v in doc.values if v.raw in ("8.412", "11.842", "-1.204")]
    assert sum(d.code == "money_table_left_out" for d in doc.diagnostics) == 2


def test_table_split_over_pages_keeps_its_rows():
    doc = extract.convert(PDFS / "jaarstukken-2018-2a-veiligheid-whitespace.pdf")
    pages = {i.code: i.provenance.page for i in doc.indicators}
    assert len(pages) == 10 and len(set(pages.values())) == 2  # header repeated on the second page
    doc = extract.convert(PDFS / "jaarstukken-2019-3abc-onderwijs-money-tables.pdf")
    assert {i.code for i in doc.indicators if i.provenance.page == 3} >= {"3B2.a", "3B2.c"}  # no header
    goals = {g.code: g.provenance for g in doc.goals}  # the Doel | Prestatie table goes on, no header
    assert goals["3B1"].page == 1 and goals["3B2"].page == 2
    assert goals["3B1"].element.split(" row")[0] == goals["3B2"].element.split(" row")[0]


def test_row_split_by_a_page_break_is_joined():
    doc = extract.convert(PDFS / "begroting-2020-4c-parkeren-libreoffice.pdf")
    name = next(i.name for i in doc.indicators if i.code == "4C1.b")
    assert name.endswith("in de eigen straat")


def test_landscape_page_is_read():
    doc = extract.convert(PDFS / "jaarstukken-2016-7a-economie-landscape.pdf")
    values = {(v.indicator_code, v.kind, v.year): v.value for v in doc.values}
    assert str(values[("7A2.a", "realisatie", 2012)]) == "262000"
    assert str(values[("7A2.b", "streefwaarde", 2016)]) == "6.0"


def test_goal_column_of_an_indicator_table_spans_its_rows():
    doc = extract.convert(PDFS / "jaarstukken-2020-6b-inkomen-chromium.pdf")
    goals = {g.code: g.title for g in doc.goals}
    assert goals["6B2"] == "Minder inwoners hebben problematische schulden"
    assert {i.code: i.goal_code for i in doc.indicators}["6B2.c"] == "6B2"
    assert not [d for d in doc.diagnostics if d.code in ("unplaced_row", "orphan_indicator")]
