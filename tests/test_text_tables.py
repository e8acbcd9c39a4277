"""Indicator tables printed as text, read by their header's meaning: the header words and the
years they bind, rows on one line (spaces or run together), a group label or unit beside the
name, rows that lost cells, bare year columns by the edition, and a page whose goal and
indicator sections gave no record."""
from __future__ import annotations

import pytest
from conftest import ROOT, convert_text

from extract.parse.header import ColumnSpec, columns_from_cells, columns_from_line, resolve_bare_years
from extract.parse.line_rows import split_group, split_row, split_unit
from extract.profiles import registry

BBV = registry.get("bbv")


def roles(columns):
    return [(c.role, c.year) for c in columns]


def test_header_words_and_the_years_they_bind():
    line = columns_from_line("IndicatorNulmetingDoelstelling 2017Realisatie 2017Ambitie 2018", BBV.columns)
    assert roles(line) == [("name", None), ("nulmeting", None), ("streefwaarde", 2017), ("realisatie", 2017),
                           ("streefwaarde", 2018)]
    bbv = columns_from_line("Nr. Taakveld Indicator Eenheid Periode Werkelijk Begroting 2022 Bron Beschrijving", BBV.columns)
    assert roles(bbv) == [("number", None), ("group", None), ("name", None), ("unit", None), ("period", None),
                          ("realisatie", None), ("streefwaarde", 2022), ("source", None), ("other", None)]
    # a row of labels over a row of years pairs them in order
    cells = ["Effectindicatoren", "Realisatie", "Begroting", "Begroting", "2017", "2018", "2019"]
    assert roles(columns_from_cells(cells, BBV.columns)) == [("name", None), ("realisatie", 2017),
                                                            ("streefwaarde", 2018), ("streefwaarde", 2019)]
    # web text prints `Begroting` and `2022` as two cells of one column; a grid's year cell is a column
    assert roles(columns_from_cells(["Indicator", "Begroting", "2022"], BBV.columns)) == [("name", None), ("streefwaarde", 2022)]
    assert roles(columns_from_cells(["Indicator", "Nulmeting", "2020"], BBV.columns, bind_years=False)) == [
        ("name", None), ("nulmeting", None), ("year", 2020)]


@pytest.mark.parametrize("kind, year, expected", [
    ("jaarstukken", 2023, ["realisatie", "realisatie"]),
    ("begroting", 2023, ["realisatie", "streefwaarde"]),
])
def test_bare_year_columns_by_the_edition(kind, year, expected):
    columns = [ColumnSpec("name"), ColumnSpec("year", 2022), ColumnSpec("year", 2023)]
    resolved, undecided = resolve_bare_years(columns, year, kind)
    assert [c.role for c in resolved[1:]] == expected and not undecided
    _, undecided = resolve_bare_years(columns, None, "other")
    assert undecided


def test_rows_on_one_line_spaced_or_run_together():
    spaced = split_row("1 0 Formatie Fte per 1.000 inwoners 2022 6,0 6,2 Eigen gegevens", 3)
    assert (spaced.name, spaced.figures, spaced.rest) == ("1 0 Formatie Fte per 1.000 inwoners", ["2022", "6,0", "6,2"],
                                                          "Eigen gegevens")
    glued = split_row("Percentage gerealiseerde inkomsten-99,3%100%98,1%Eigen statistiek / doorlopend", 4)
    assert (glued.name, glued.figures, glued.rest) == ("Percentage gerealiseerde inkomsten", ["-", "99,3%", "100%", "98,1%"],
                                                       "Eigen statistiek / doorlopend")
    assert split_row("30%30%35% (meting 2016)32%", 4).figures == ["30%", "30%", "35% (meting 2016)", "32%"]
    assert split_row("Realisatie bezuinigingennb100%100%90%Eigen statistiek", 4).name == "Realisatie bezuinigingen"
    assert split_row("% Van de uitstroom dat binnen 1 jaar weer instroomt", 2) is None  # `ja` in `jaar` is no figure
    assert split_row("Weerstandsratio2,82,9>12,9Naris, doorlopend", 4) is None      # cannot be told apart


def test_a_group_label_and_a_unit_beside_the_name():
    text = "Kwaliteit openbaar bestuur Opkomst verkiezingen Tweede Kamer"
    assert split_group(text, text, required=True) == ("Kwaliteit openbaar bestuur", "Opkomst verkiezingen Tweede Kamer")
    assert split_group("Opkomst verkiezingen Provinciale Staten", "Opkomst verkiezingen Provinciale Staten",
                       required=False) == (None, "Opkomst verkiezingen Provinciale Staten")
    raw = "Emissie van broeikasgassen  Totale emissie broeikasgassen"
    assert split_group(" ".join(raw.split()), raw, required=False) == ("Emissie van broeikasgassen", "Totale emissie broeikasgassen")
    assert split_unit("Formatie Fte per 1.000 inwoners", BBV.unit_words) == ("Formatie", "Fte per 1.000 inwoners")


def test_a_row_that_lost_a_value_cell_keeps_its_indicator_and_places_no_value(tmp_path):
    doc = convert_text(tmp_path, "Begroting 2022\n\nIndicator\n\nRealisatie 2020\n\nRealisatie 2021\n\nBegroting 2022\n\nBron\n\n"
                   "Aantal banen\n\n412\n\n430\n\n440\n\nCBS\n\nAantal vestigingen\n\n98\n\nLISA\n", "begroting-2022.txt")
    assert [i.name for i in doc.indicators] == ["Aantal banen", "Aantal vestigingen"]
    assert [(v.indicator_key, v.year) for v in doc.values] == [("aantal-banen", 2020), ("aantal-banen", 2021), ("aantal-banen", 2022)]
    problem = next(d for d in doc.diagnostics if d.code == "ambiguous_row")
    assert "Aantal vestigingen" in problem.message and "98" in problem.message


def test_sections_seen_without_records_make_the_document_partial(tmp_path):
    doc = convert_text(tmp_path, "Begroting 2022\n\nWat willen we bereiken?\n\nEen schone stad.\n\nBeleidsindicatoren\n\n"
                   "De cijfers volgen.\n")
    assert doc.status == "partial"
    warning = next(d for d in doc.diagnostics if d.code == "records_not_read")
    assert "Wat willen we bereiken?" in warning.message and "line 3" in warning.message
    quiet = convert_text(tmp_path, "Nieuws\n\nDe gemeente opent een bibliotheek.\n", "news.txt")
    assert quiet.status == "ok" and [d.code for d in quiet.diagnostics] == ["no_records"]


def test_web_text_without_blank_lines_reads_cells_that_run_over_lines(tmp_path):
    """Saved without blank lines, a cell's lines are lines like any other: a unit that goes on
    in lower case, a label ending in `:` and its text, `2021:` over its figure."""
    doc = convert_text(tmp_path, "Begroting 2023\nIndicator\nEenheid\nRealisatie 2021\nBegroting 2023\nNL\nBron\n"
                   "Vestigingen (van bedrijven)\nAantal per 1.000 inwoners in de leeftijd van 15\nt/m 64 jaar\n"
                   "155,9\n160\n2021:\n165,1\nLISA\n"
                   "Kwalitatief goede uitvoering Wet WOZ:\nHet percentage bezwaren\nIn %\n1%\n3%\n\n2021:\n2%\n"
                   "Waarderingskamer\n", "begroting-2023.txt")
    assert [(i.name, i.unit_label, i.source) for i in doc.indicators] == [
        ("Vestigingen (van bedrijven)", "Aantal per 1.000 inwoners in de leeftijd van 15 t/m 64 jaar", "LISA"),
        ("Kwalitatief goede uitvoering Wet WOZ: Het percentage bezwaren", "In %", "Waarderingskamer")]
    assert [(c.label, c.year, str(c.value)) for c in doc.comparison_values] == [("NL", 2021, "165.1"), ("NL", 2021, "2")]


def test_an_uncoded_table_printed_twice_gives_its_comparison_figures_once(tmp_path):
    """A fuzz input repeated a cell-per-line budget 9,000 times: the values of the repeated
    uncoded indicators were recorded once, but every copy added its comparison figures again
    (20,000 records held, 1.9 GB in all)."""
    from conftest import SAMPLES
    text = (SAMPLES / "text" / "bbv-begroting-2024-een-cel-per-regel-zonder-witregels.txt").read_text(encoding="utf-8")
    once = convert_text(tmp_path, text, "once.txt")
    twice = convert_text(tmp_path, text + "\n" + text, "twice.txt")
    assert once.comparison_values
    assert [(c.indicator_key, c.label, c.year, c.raw) for c in twice.comparison_values] == \
        [(c.indicator_key, c.label, c.year, c.raw) for c in once.comparison_values]
    assert len(twice.values) == len(once.values)


def test_row_values_that_do_not_fit_the_header_are_reported_not_named():
    """Five values under a header of seven year columns: not placed (no year can be trusted),
    reported as values_not_placed with the row's text, and kept out of the indicator's name
    (they were folded into it silently before)."""
    import extract
    from conftest import ROOT

    doc = extract.convert(ROOT / "tests" / "data" / "regressions" / "text-row-values-fewer-than-year-columns.txt")
    assert doc.values == []
    names = {i.code: i.name for i in doc.indicators}
    assert names == {"9C1.a": "Percentage volwassenen met overgewicht GGD Gezondheidsmonitor",
                     "9C1.d": "Ervaren gezondheid (rapportcijfer)"}
    unplaced = [d for d in doc.diagnostics if d.code == "values_not_placed"]
    assert [d.message for d in unplaced] == [
        "indicator 9C1.a: values '46% 47% 47% 48% 45%' do not fit the 7 value columns of the header; not placed",
        "indicator 9C1.d: values '7,4 7,5 7,4 7,6 7,5 Stadsenquête' do not fit the 7 value columns of the header; "
        "not placed"]
    assert all(d.severity == "warning" and d.provenance is not None for d in unplaced)


def test_a_table_printed_again_makes_no_value_twice(tmp_path, monkeypatch):
    """An uncoded indicator's table printed again gives its figures once, and the repeated cells
    are turned away before a value (and its provenance) is made of them: a report of the same
    page forty times makes the values of one page, not forty pages' worth thrown away."""
    import extract
    from extract.models import records
    page = (ROOT / "samples" / "text" / "bbv-begroting-2024-een-cel-per-regel-zonder-witregels.txt").read_text()
    path = tmp_path / "forty.txt"
    path.write_text("\n\n".join([page] * 40))
    made = []
    real = records.IndicatorValue.from_raw.__func__
    monkeypatch.setattr(records.IndicatorValue, "from_raw",
                        classmethod(lambda cls, *a, **k: made.append(a) or real(cls, *a, **k)))
    once = extract.convert(ROOT / "samples" / "text" / "bbv-begroting-2024-een-cel-per-regel-zonder-witregels.txt")
    made.clear()
    doc = extract.convert(path)
    assert [(v.indicator_key, v.kind, v.year, v.raw) for v in doc.values] == [
        (v.indicator_key, v.kind, v.year, v.raw) for v in once.values]
    assert len(once.values) > 0 and len(made) == len(doc.values)


def test_header_cells_read_once_however_often_a_header_is_tried(monkeypatch):
    """A header is tried from each cell of a run of labels and read twice (years bound or not);
    each cell's text is read once for the table reader (`memo`), and the columns are the same
    as without it."""
    from extract.parse import header
    texts = ["Nr.", "Indicator", "Nulmeting", "Realisatie", "2022", "Begroting", "2024", "Eenheid", "Bron"]
    plain = [columns_from_cells(texts[k:], BBV.columns, bind_years=b) for k in range(4) for b in (True, False)]
    read = []
    real = header._header_cell
    monkeypatch.setattr(header, "_header_cell", lambda text, *a: read.append(text) or real(text, *a))
    memo: dict = {}
    kept = [columns_from_cells(texts[k:], BBV.columns, bind_years=b, memo=memo) for k in range(4) for b in (True, False)]
    assert kept == plain
    assert sorted(read) == sorted(texts)   # each once, though read in eight headers


def test_segmentations_kept_by_shape_change_no_record(tmp_path, monkeypatch):
    """A table's segmentation is kept by the shape of its cells (their sorts and links): every
    text sample gives the same document with the memo as without it, and a page whose table
    is printed again is segmented once per reading of its header, not once per printing."""
    import extract
    from extract.parse import cell_rows

    samples = sorted((ROOT / "samples" / "text").rglob("*.txt")) + sorted((ROOT / "tests" / "data").rglob("text-*.txt"))
    assert len(samples) > 20
    kept = {p: extract.convert(p).model_dump_json() for p in samples}
    monkeypatch.setattr(cell_rows, "MEMO_CELLS", -1)   # nothing kept: every table planned afresh
    for p in samples:
        assert extract.convert(p).model_dump_json() == kept[p], p.name
    monkeypatch.undo()
    planned = []
    real = cell_rows._plan
    monkeypatch.setattr(cell_rows, "_plan", lambda *a: planned.append(1) or real(*a))
    page = (ROOT / "samples" / "text" / "bbv-begroting-2024-een-cel-per-regel-zonder-witregels.txt").read_text()
    convert_text(tmp_path, page, "once.txt")
    once = len(planned)
    doc = convert_text(tmp_path, "\n\n".join([page] * 30), "thirty.txt")
    assert len(doc.values) > 0 and once > 0 and len(planned) <= 2 * once, (once, len(planned))
