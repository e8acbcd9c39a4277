"""The geometry of the PDF source on made-up words: header columns and their labels, whitespace
boundaries, centred spans, the sampled pages, and the truncated-file repair."""
from __future__ import annotations

from conftest import SAMPLES

from extract.sources.geometry.columns import Grid, centred_runs, header_columns, widest_gap
from extract.sources.pdf.repair import rebuild_truncated
from extract.sources.geometry.words import TextLine, Word, group_lines, join_hyphenated


def word(text: str, x0: float, top: float, size: float = 9.0) -> Word:
    return Word(text, x0, x0 + 0.5 * size * len(text), top, top + size, size, True)


def line(top: float, *items: tuple[str, float]) -> TextLine:
    return TextLine([word(t, x, top) for t, x in items], 1)


def test_realisatie_centred_over_five_years_labels_all_five():
    years = [("2012", 300), ("2013", 355), ("2014", 410), ("2015", 465), ("2016", 520), ("2016", 585)]
    header = [line(100, ("Realisatie", 385), ("Streefwaarde", 560)),
              line(106, ("Effectindicator", 60), ("Bron", 650)),
              line(112, *years)]
    cols = header_columns(header)
    assert [c.text for c in cols] == ["Effectindicator", "2012", "2013", "2014", "2015", "2016", "2016", "Bron"]
    assert [c.label for c in cols] == [None] + ["Realisatie"] * 5 + ["Streefwaarde", None]
    assert [c.label_first for c in cols[1:7]] == [True, False, False, False, False, True]


def test_in_cell_realisatie_column_is_a_column_of_its_own():
    header = [line(100, ("Streefwaarde", 330)),
              line(106, ("Effectindicator", 60), ("Realisatie", 230), ("Bron", 500)),
              line(112, ("2019", 300), ("2020", 345), ("2021", 390), ("2022", 435))]
    cols = header_columns(header)
    assert [(c.text, c.label) for c in cols] == [
        ("Effectindicator", None), ("Realisatie", None), ("2019", "Streefwaarde"), ("2020", "Streefwaarde"),
        ("2021", "Streefwaarde"), ("2022", "Streefwaarde"), ("Bron", None)]


def test_widest_gap_is_the_column_gutter():
    spans = sorted([(50, 120), (123, 180), (185, 240), (50, 200), (262, 280)])
    assert widest_gap(spans, 100, 270) == (240, 262)
    assert widest_gap([(0, 500)], 100, 270) is None
    grid = Grid([], [251.0])
    assert grid.column_of(word("33%", 265, 0)) == 1 and grid.straddles(word("langewoordenreeks", 230, 0))


def test_centred_runs_find_what_each_cell_spans():
    centres = [10, 30, 50, 70, 90, 110]  # six rows; goal cells centred on rows 0-3 and 4-5
    runs = centred_runs([40, 100], centres, centres)
    assert runs == [(0, 4), (4, 6)]
    assert centred_runs([1, 2, 3], [0, 1], [0, 1]) == []
    assert centred_runs([40], centres, centres) == [(0, 6)]


def test_centred_runs_of_a_header_no_report_prints_stay_linear():
    # 30,000 year columns under three labels: past MAX_RUN_STEPS, each column goes to its
    # nearest label (the exact split would take 2.7e12 steps)
    xs = [float(k) for k in range(30_000)]
    runs = centred_runs([5_000.0, 15_000.0, 25_000.0], xs, xs)
    assert runs == [(0, 10_000), (10_000, 20_000), (20_000, 30_000)]
    # a label nearest to no column: an even split rather than an empty run
    apart = [10.0 * k for k in range(30_000)]
    assert centred_runs([0.0, 3.0, 4.0], apart, apart) == [(0, 10_000), (10_000, 20_000), (20_000, 30_000)]


def test_words_on_one_baseline_make_one_line_across_columns():
    words = [word("9B2", 50, 100), word("Gezondheidsproblemen", 70, 100.2), word("9B2.1", 220, 100.1),
             word("voorkomen", 50, 111.5)]
    lines = group_lines(words, 3)
    assert [ln.text for ln in lines] == ["9B2 Gezondheidsproblemen 9B2.1", "voorkomen"]


def test_pages_are_sampled_across_the_document_for_type_size_and_running_headers():
    import pypdfium2 as pdfium
    from extract.sources.pdf.furniture import sample_pages
    pdf = pdfium.PdfDocument.new()
    for _ in range(40):
        pdf.new_page(595, 842)
    assert sample_pages(pdf) == []  # no page has text
    pdf.close()
    short = pdfium.PdfDocument((SAMPLES / "pdf" / "jaarstukken-2019-3abc-onderwijs-money-tables.pdf").read_bytes())
    assert sample_pages(short) == [0, 1, 2, 3]  # every page of a short document
    short.close()


def test_a_long_document_without_text_is_not_read_whole_for_a_sample():
    """Fuzz seed 2036 #8058 (tests/data/fuzz/pdf-two-thousand-blank-pages-with-a-damaged-page-tree.pdf):
    2,000 blank pages whose page tree fails from page ~1,000 on, each failed load slower than the
    last. Sampling tried every page of every stretch before the document was read: twice the cost.
    Now at most SAMPLE_TRIES pages a stretch."""
    import pypdfium2 as pdfium
    from extract.sources.pdf.furniture import MAX_SAMPLES, SAMPLE_TRIES, sample_pages
    pdf = pdfium.PdfDocument.new()
    for _ in range(2000):
        pdf.new_page(595, 842)
    asked: list[int] = []

    class Counted:
        def __len__(self):
            return len(pdf)

        def __getitem__(self, index):
            asked.append(index)
            return pdf[index]

    assert sample_pages(Counted()) == []
    assert 0 < len(asked) <= MAX_SAMPLES * SAMPLE_TRIES
    pdf.close()


def test_truncated_file_gets_a_new_index():
    data = (SAMPLES / "pdf" / "jaarstukken-2018-2a-veiligheid-whitespace.pdf").read_bytes()
    rebuilt = rebuild_truncated(data[:len(data) * 9 // 10])
    assert rebuilt is not None and rebuilt[1] == 2
    assert rebuilt[0].rstrip().endswith(b"%%EOF")
    assert rebuild_truncated(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n") is None


def test_words_hyphenated_at_a_line_end_are_joined():
    lines = ["Organiseren van maatschappe-", "lijke participatie in zorg-", "en welzijnsinstellingen", "Noord-", "Holland"]
    assert [t for t, _last in join_hyphenated(lines)] == [
        "Organiseren van maatschappelijke participatie in zorg-", "en welzijnsinstellingen", "Noord-", "Holland"]
