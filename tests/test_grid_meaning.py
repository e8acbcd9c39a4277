"""Grids without Leiden codes (HTML tables, pipe tables), read by the header's meaning: goal rows
and several headers in one grid, a code in a cell of its own, region rows, and a cell holding a
whole page's text (regression: it became an indicator named after the page)."""
from __future__ import annotations

from conftest import ROOT, convert_text

import extract

DATA = ROOT / "tests" / "data"


def test_goal_rows_and_headers_inside_one_pipe_table(tmp_path):
    doc = convert_text(tmp_path, "Begroting 2019\n\n"
                   "5.1 | Goede voorzieningen | |||\n---|---|---|---|\nTopindicator | R2017 | B2019 | Bron |\n"
                   "Tevredenheid sportvoorzieningen | 70% | 71% | Stadspeiling |\n"
                   "5.2 | Een breder bereik | |||\nSubindicator | R2017 | B2019 | Bron |\n"
                   "Deelname Cultuurmenu | - | 100% | Eigen statistiek |\n", "begroting-2019.txt")
    assert [(g.code, g.title) for g in doc.goals] == [("5.1", "Goede voorzieningen"), ("5.2", "Een breder bereik")]
    assert [(i.name, i.goal_code, i.source) for i in doc.indicators] == [
        ("Tevredenheid sportvoorzieningen", "5.1", "Stadspeiling"), ("Deelname Cultuurmenu", "5.2", "Eigen statistiek")]
    assert [(v.kind, v.year, v.raw) for v in doc.values] == [("realisatie", 2017, "70%"), ("streefwaarde", 2019, "71%"),
                                                             ("realisatie", 2017, "-"), ("streefwaarde", 2019, "100%")]


def test_a_code_in_a_cell_of_its_own_shifts_the_row(tmp_path):
    doc = convert_text(tmp_path, "Effectindicator | Bron | Realisatie 2015 | Doelstelling 2020 | |\n"
                   "E1.2.1 | Reputatie onder Nederlanders | Merkenonderzoek | 3e positie | 2e positie |\n")
    [ind] = doc.indicators
    assert (ind.code, ind.key, ind.name, ind.source) == ("E1.2.1", "E1.2.1", "Reputatie onder Nederlanders", "Merkenonderzoek")
    assert [(v.kind, v.year, v.raw) for v in doc.values] == [("realisatie", 2015, "3e positie"),
                                                             ("streefwaarde", 2020, "2e positie")]


def test_a_cell_holding_a_whole_page_is_not_an_indicator():
    doc = extract.convert(DATA / "regressions" / "grid-cell-holding-a-whole-page.html")
    assert [i.name for i in doc.indicators] == ["Aantal banen per 1.000 inwoners"]
    assert any(d.code == "unplaced_row" and "Regel 0 van een hele pagina" in d.message for d in doc.diagnostics)


def test_a_hierarchical_number_before_a_name_is_the_indicators_code(tmp_path):
    doc = convert_text(tmp_path, "Begroting 2023\n\nIndicator | Realisatie 2021 | Begroting 2023 | Bron\n---|---|---|---\n"
                   "4.1.2.1 Percentage inwoners dat sport | 51% | 55% | GGD\n"
                   "Aantal sportverenigingen | 40 | 42 | Eigen registratie\n", "begroting-2023.txt")
    assert [(i.code, i.key, i.name) for i in doc.indicators] == [
        ("4.1.2.1", "4.1.2.1", "Percentage inwoners dat sport"),
        (None, "aantal-sportverenigingen", "Aantal sportverenigingen")]
    assert {v.indicator_key for v in doc.values} == {"4.1.2.1", "aantal-sportverenigingen"}
