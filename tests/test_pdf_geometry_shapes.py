"""The shared geometry on shapes other than Leiden's and on header spans (issues 9 and 10):
indicator tables found by any profile's header words, rows without codes split by rulings and
line spacing, a column's kind from the label whose span covers it, two header words one space
apart in layout text, and the PDF source leaving out the paragraphs of pages with nothing to
read (memory flat in the page count)."""
from __future__ import annotations

from fuzzing.pdfbuild import pdf_bytes as _pdf
from test_pdf_layout import line, word

import extract
from extract.sources.geometry.columns import Grid, header_columns
from extract.sources.geometry.tables import indicator_header, uncoded_row_lines
from extract.sources.geometry.vocabulary import holds_records, is_header_line, names_indicator_table
from extract.sources.geometry.words import Rulings, TextLine
from extract.sources.text.layout import segments


def test_headers_of_other_municipalities_open_an_indicator_table():
    for text in ("Indicator Eenheid Realisatie Realisatie Begroting Begroting Nederland Bron",
                 "Naam Eenheid Aantal", "Effectindicator(en) Behaald Beoogd", "Beleidsindicator Periode Waarde Bron"):
        assert is_header_line(text), text
        assert names_indicator_table(text), text
    assert is_header_line("Effectindicator Realisatie Streefwaarde Bron")  # Leiden's, as before
    assert not is_header_line("De gemeente werkt aan een sterke sociale basis")
    assert not names_indicator_table("Realisatie 2019 Begroting 2020")  # a money table's header: no name column
    header = [line(100, ("Naam", 60), ("Eenheid", 220), ("Aantal", 320)),
              line(112, ("Inwoners", 60), ("aantal", 220), ("125.000", 320))]
    assert indicator_header(header, 0, 9.0) == 1


def test_realisatie_over_four_years_and_streefwaarde_on_the_next_line_over_the_last():
    """Issue 10: `Realisatie` centred over 2016-2019 on the first header line, `Streefwaarde`
    over only the last column on the second: 2019 realised, then 2019 the target."""
    header = [line(100, ("Realisatie", 325)),
              line(110, ("Effectindicator", 53), ("Streefwaarde", 438), ("Bron", 498)),
              line(120, ("2016", 268), ("2017", 313), ("2018", 358), ("2019", 403), ("2019", 456))]
    cols = header_columns(header)
    assert [(c.text, c.label) for c in cols] == [
        ("Effectindicator", None), ("2016", "Realisatie"), ("2017", "Realisatie"), ("2018", "Realisatie"),
        ("2019", "Realisatie"), ("2019", "Streefwaarde"), ("Bron", None)]
    # both labels on one line: each takes the run it is centred over (as before)
    same_line = [line(100, ("Realisatie", 310), ("Streefwaarde", 438)),
                 line(110, ("Effectindicator", 53), ("Bron", 520)),
                 line(120, ("2016", 268), ("2017", 313), ("2018", 358), ("2019", 403), ("2019", 456))]
    assert [c.label for c in header_columns(same_line)][1:6] == ["Realisatie"] * 4 + ["Streefwaarde"]


def test_a_label_in_a_ruled_cell_covers_the_columns_between_its_rulings():
    # `Realisatie` drawn in a cell over 2016-2018 only, though its text sits nearer 2017-2019
    header = [line(100, ("Realisatie", 330), ("Streefwaarde", 430)),
              line(112, ("Indicator", 53), ("2016", 268), ("2017", 313), ("2018", 358), ("2019", 403),
                   ("Bron", 498))]
    rulings = Rulings(vertical=[(260.0, 98, 110), (392.0, 98, 122), (480.0, 98, 122)])
    cols = header_columns(header, rulings)
    assert [c.label for c in cols] == [None, "Realisatie", "Realisatie", "Realisatie", "Streefwaarde", None]


def test_two_header_words_closer_than_a_word_gap_are_two_columns():
    header = [line(100, ("Effectindicator", 53), ("Realisatie", 300)),
              line(110, ("2019", 290), ("2020", 330)),
              TextLine([word("Streefwaarde", 380, 100), word("Bron", 437, 100)], 1)]
    texts = [c.text for c in header_columns(sorted(header, key=lambda ln: ln.top))]
    assert "Bron" in texts and "Streefwaarde Bron" not in texts
    layout = [t for _a, _b, t in segments("Effectindicator        Streefwaarde Bron")]
    assert layout == ["Effectindicator", "Streefwaarde", "Bron"]
    assert [t for _a, _b, t in segments("Effectindicator   Landelijk gemiddelde")] == ["Effectindicator",
                                                                                        "Landelijk gemiddelde"]


def _rows(lines, rulings=Rulings(), bound=200.0):
    return [[ln.text for ln in group] for group in uncoded_row_lines(lines, Grid([], [bound]), rulings)]


def test_uncoded_rows_split_where_a_ruling_runs_across_the_name_column():
    lines = [line(100, ("Gemiddelde WOZ-waarde", 53), ("348", 260)),
             line(111, ("Nieuw gebouwde", 53), ("11,1", 260)),
             line(122, ("woningen", 53)),
             line(133, ("Demografische druk", 53), ("73,6%", 260))]
    rulings = Rulings(horizontal=[(110.0, 50, 200), (132.0, 50, 200)])
    assert _rows(lines, rulings) == [["Gemiddelde WOZ-waarde 348"], ["Nieuw gebouwde 11,1", "woningen"],
                                     ["Demografische druk 73,6%"]]


def test_uncoded_rows_split_where_the_space_between_lines_widens():
    lines = [line(100, ("Percentage inwoners dat zich", 53), ("Veiligheidsmonitor", 400)),
             line(110.5, ("81%", 260)),
             line(121, ("veilig voelt in de eigen buurt", 53)),
             line(137.5, ("Aantal woninginbraken per", 53), ("Politie", 400)),
             line(148, ("4,2", 260)),
             line(158.5, ("1.000 woningen", 53))]
    assert _rows(lines) == [["Percentage inwoners dat zich Veiligheidsmonitor", "81%", "veilig voelt in de eigen buurt"],
                            ["Aantal woninginbraken per Politie", "4,2", "1.000 woningen"]]


def test_evenly_set_uncoded_rows_start_where_a_name_starts():
    lines = [line(100, ("Aantal woninginbraken per", 53), ("Politie", 400)),
             line(110, ("4,2", 260)),
             line(120, ("1.000 woningen", 53)),
             line(130, ("Tevredenheid over het groen", 53), ("6,9", 260))]
    assert _rows(lines) == [["Aantal woninginbraken per Politie", "4,2", "1.000 woningen"],
                            ["Tevredenheid over het groen 6,9"]]


def test_record_lines_of_any_profile():
    for text in ("9A1.1 Organiseren van een passend aanbod", "Doel 1: Inwoners doen mee",
                 "Activiteit 2.3 Uitvoeren van het plan", "Doelen en prestaties bij 9A Sociale binding",
                 "Wat willen we bereiken?", "Beleidsindicatoren"):
        assert holds_records(text), text
    assert not holds_records("De gemeente werkt samen met maatschappelijke partners.")


def _text_pdf(pages: list[list[str]]) -> bytes:
    """A PDF with the given lines of text on each page (Helvetica 10, 14 pt apart)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    kids = []
    for lines in pages:
        ops = b"".join(b"BT /F1 10 Tf 72 %d Td (%s) Tj ET\n" % (700 - 14 * k, text.encode("latin-1"))
                       for k, text in enumerate(lines))
        kids.append(len(objects) + 1)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                       b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (len(objects) + 2, len(objects) + 3))
        objects.append(b"<< /Length %d >>\nstream\n" % len(ops) + ops + b"\nendstream")
        objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % n for n in kids), len(kids))
    return _pdf(objects)


def test_paragraphs_of_pages_with_nothing_to_read_are_left_out(tmp_path):
    prose = ["De gemeente werkt samen met maatschappelijke partners aan een sterke sociale basis.",
             "In het afgelopen jaar is de samenwerking met de regiogemeenten verder verstevigd."]
    pages = [[f"Pagina {k + 1} tekst"] + prose for k in range(12)]
    pages[7] = ["9A1 Inwoners doen mee aan de samenleving", "9A1.1 Organiseren van activiteiten in de wijk"]
    path = tmp_path / "lang.pdf"
    path.write_bytes(_text_pdf(pages))
    from extract.sources import read_layout
    layout = read_layout(path, path.read_bytes(), str(path))
    kept = sorted({b.origin.page for b in layout.blocks if b.kind == "paragraph"})
    assert kept == [1, 2, 7, 8, 9]  # the first pages, and the record page with those beside it
    assert any(d.code == "prose_left_out" and "9 page(s)" not in d.message and "7 page(s)" in d.message
               for d in layout.diagnostics), layout.diagnostics
    doc = extract.convert(path)
    assert [p.code for p in doc.performances] == ["9A1.1"]
