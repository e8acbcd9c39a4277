"""The HTML source on small pages: encodings, entities, main content and chrome, breadcrumbs,
table expansion (rowspan/colspan), div grids, dl cards, lists, money tables and pages without
goals."""
from __future__ import annotations

import codecs

import pytest
from conftest import ROOT

import extract
from extract.layout import Layout
from extract.sources.html.page import read_html

PAGES_WITHOUT_GOALS = sorted((ROOT / "tests" / "data" / "html").glob("*.html"))


def layout_of(body: str | bytes, head: str = "") -> Layout:
    data = body if isinstance(body, bytes) else f"<html><head>{head}</head><body>{body}</body></html>".encode()
    return read_html("page.html", data, "page.html")


def texts(layout: Layout) -> list[str]:
    return [b.text for b in layout.blocks]


def convert_page(tmp_path, html: str, name: str = "page.html"):
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return extract.convert(path)


# -- encodings and characters ------------------------------------------------------------------

def test_declared_latin1_is_read_as_windows_1252_like_a_browser():
    data = '<html><head><meta charset="iso-8859-1"></head><body><p>€ 1,50 – “stijging”</p></body></html>'
    layout = layout_of(data.encode("cp1252"))
    assert texts(layout) == ["€ 1,50 – “stijging”"]
    assert layout.diagnostics == []


def test_http_equiv_charset_and_bom():
    page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body><p>Stadsenquête</p></body></html>'
    assert texts(layout_of(page.encode("cp1252"))) == ["Stadsenquête"]
    # a BOM wins over the declaration (the page was re-saved as UTF-8 without fixing the meta tag)
    assert texts(layout_of(codecs.BOM_UTF8 + page.encode("utf-8"))) == ["Stadsenquête"]


def test_wrong_declaration_is_reported_and_the_text_still_read():
    page = '<html><head><meta charset="utf-8"></head><body><p>Stadsenquête cliënten</p></body></html>'
    layout = layout_of(page.encode("cp1252"))
    assert texts(layout) == ["Stadsenquête cliënten"]
    assert [d.code for d in layout.diagnostics] == ["encoding_mismatch"]


def test_undeclared_legacy_encoding_is_detected_with_a_warning():
    page = "<html><body><p>Het re\u00efntegreren van cli\u00ebnten kost \u20ac 5</p></body></html>"
    layout = layout_of(page.encode("cp1252"))
    assert texts(layout) == ["Het reïntegreren van cliënten kost € 5"]
    assert [d.code for d in layout.diagnostics] == ["encoding_guessed"]


def test_xhtml_with_an_xml_declaration():
    page = ('<?xml version="1.0" encoding="iso-8859-1"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml">'
            '<head><title>Jaarstukken 2019</title></head><body>\n<p>Caf\u00e9 \u20ac 5</p></body></html>')
    layout = layout_of(page.encode("cp1252"))
    assert layout.title == "Jaarstukken 2019"
    assert [(b.text, b.origin.line) for b in layout.blocks] == [("Café € 5", 4)]


def test_entities_nbsp_soft_hyphens_and_white_space_are_normalised():
    layout = layout_of("<p>Caf&eacute;&nbsp;&nbsp;bus&shy;verbindingen\n   en\u200b wijk\u00adteams</p>")
    assert texts(layout) == ["Café busverbindingen en wijkteams"]


# -- content and chrome --------------------------------------------------------------------------

def test_chrome_is_left_out_and_main_content_kept():
    body = """
    <div id="cookie-consent"><p>Wij gebruiken cookies.</p><button>Akkoord</button></div>
    <header><nav><a href="/">Home</a><a href="/p">Programma's</a></nav></header>
    <div class="sidebar-menu"><p>Zie ook de paragrafen</p></div>
    <main><header><h1>Beleidsterrein 9A Sociale binding</h1></header>
      <a class="naar-boven" href="#top">Ga naar boven</a>
      <p>Tekst <span class="sr-only">(opent in nieuw venster)</span>van de pagina.</p>
      <p><a href="/x.pdf">Download als pdf (1,2 MB)</a></p>
      <div class="share"><a>Deel deze pagina</a></div>
      <footer><p>Laatst gewijzigd: 1 oktober 2018</p></footer>
    </main>
    <footer><p>Gemeente Leiden</p></footer>"""
    layout = layout_of(body)
    assert texts(layout) == ["Beleidsterrein 9A Sociale binding", "Tekst van de pagina.", "Laatst gewijzigd: 1 oktober 2018"]
    assert layout.blocks[0].kind == "heading" and layout.blocks[0].level == 1


def test_a_chrome_looking_wrapper_holding_codes_is_kept():
    layout = layout_of('<div class="content menu-open"><p>9A1.1 Organiseren van activiteiten</p></div>')
    assert texts(layout) == ["9A1.1 Organiseren van activiteiten"]


def test_breadcrumbs_become_one_line_joined_with_slashes():
    lists = layout_of('<nav class="breadcrumb"><ol><li><a>Home</a></li><li><a>Beleidsbegroting</a></li>'
                      '<li>Beleidsterrein 9A Sociale binding</li></ol></nav><main><p>Tekst</p></main>')
    assert texts(lists)[0] == "Home / Beleidsbegroting / Beleidsterrein 9A Sociale binding"
    loose = layout_of('<div id="kruimelpad">U bent hier: <a>Home</a> &gt; <a>Programma 2 Veiligheid</a> &gt; '
                      'Beleidsterrein 2B Sociale veiligheid</div><p>Tekst</p>')
    assert texts(loose)[0] == "Home / Programma 2 Veiligheid / Beleidsterrein 2B Sociale veiligheid"
    wrapped = layout_of('<div class="crumbs"><div class="inner"><a>Home</a> › <a>Werk</a> › <span>6A Werk</span></div></div>')
    assert texts(wrapped)[0] == "Home / Werk / 6A Werk"


def test_title_is_the_part_of_the_title_naming_the_document():
    assert layout_of("<p>x</p>", "<title>9A Sociale binding | Programmabegroting 2019 | Leiden</title>").title == "Programmabegroting 2019"
    assert layout_of("<p>x</p>", "<title>Sociale binding</title>").title == "Sociale binding"
    assert layout_of("<h1>Jaarstukken 2020</h1><p>x</p>").title == "Jaarstukken 2020"


def test_list_items_are_blocks_and_link_lists_are_left_out():
    layout = layout_of("<ul><li>Eerste punt</li><li>Tweede <b>punt</b><ul><li>genest</li></ul></li></ul>"
                       "<ul><li><a>Inleiding</a></li><li><a>Programma 1</a></li><li><a>Paragrafen</a></li></ul>")
    assert texts(layout) == ["Eerste punt", "Tweede punt", "genest"]


def test_br_splits_lines_and_pre_keeps_them():
    layout = layout_of("<p>regel een<br>regel twee<br/><br>regel drie</p><pre>a  b\nc</pre>")
    assert [[line.text for line in b.lines] for b in layout.blocks] == [["regel een", "regel twee", "regel drie"], ["a b", "c"]]


def test_headings_by_tag_and_by_role():
    layout = layout_of('<h3>Titel <br>met regel</h3><div role="heading" aria-level="4">Kop</div>')
    assert [(b.kind, b.level, b.text) for b in layout.blocks] == [("heading", 3, "Titel met regel"), ("heading", 4, "Kop")]


def test_every_line_names_its_element():
    layout = layout_of('<div id="content"><div class="a"><p>een</p><p>twee</p></div><table><tr><td>x</td><td><p>y</p></td></tr></table></div>')
    lines = [(line.text, line.origin.element) for b in layout.blocks
             for line in (b.lines or [ln for row in b.rows for c in row for ln in c.lines])]
    assert lines == [("een", "div#content > div.a > p:nth-of-type(1)"), ("twee", "div#content > div.a > p:nth-of-type(2)"),
                     ("x", "div#content > table > tr > td:nth-of-type(1)"),
                     ("y", "div#content > table > tr > td:nth-of-type(2) > p")]


def test_no_line_numbers_when_bs4_and_lxml_trees_differ():
    # text after a stray </html>: bs4 keeps a second <html>, lxml drops it; lines are left out
    # rather than given to the wrong elements
    layout = layout_of(b"<div>een</div></html>drie<html><p>twee</p>")
    assert texts(layout) == ["een", "drie", "twee"]
    assert all(b.origin.line is None for b in layout.blocks)
    assert layout_of("<p>een</p>\n<p>twee</p>").blocks[1].origin.line == 2


# -- tables --------------------------------------------------------------------------------------

def grid(layout: Layout, k: int = 0) -> list[list[str]]:
    table = [b for b in layout.blocks if b.kind == "table"][k]
    return [[("*" if c.spanned else "") + c.text for c in row] for row in table.rows]


def test_rowspan_and_colspan_are_expanded_into_marked_copies():
    layout = layout_of("""<table>
      <tr><th rowspan="2">Indicator</th><th colspan="2">Realisatie</th><th rowspan="2">Bron</th></tr>
      <tr><th>2019</th><th>2020</th></tr>
      <tr><td rowspan="0">A</td><td>1</td><td>2</td><td>x</td></tr>
      <tr><td>3</td><td>4</td><td>y</td></tr>
    </table>""")
    assert grid(layout) == [["Indicator", "Realisatie", "*Realisatie", "Bron"], ["*Indicator", "2019", "2020", "*Bron"],
                            ["A", "1", "2", "x"], ["*A", "3", "4", "y"]]
    table = layout.blocks[0]
    assert table.rows[0][0].header and not table.rows[2][0].header


def test_short_rows_are_padded_and_spans_past_the_end_cut():
    layout = layout_of('<table><tr><td>a</td><td rowspan="5">b</td><td>c</td></tr><tr><td>d</td></tr></table>')
    assert grid(layout) == [["a", "b", "c"], ["d", "*b", ""]]


def test_cells_keep_their_line_structure():
    layout = layout_of("<table><tr><td><p>5,7 (2015)</p><p>5,9 (2016)<br>5,8 (2017)</p></td>"
                       "<td><ul><li>een</li><li>twee</li></ul></td><td><span>12</span>.<span>400</span></td></tr></table>")
    table = layout.blocks[0]
    assert [[line.text for line in c.lines] for c in table.rows[0]] == [
        ["5,7 (2015)", "5,9 (2016)", "5,8 (2017)"], ["een", "twee"], ["12.400"]]


def test_caption_tfoot_and_thead_order():
    layout = layout_of("<table><caption>Effectindicatoren</caption><tfoot><tr><td>* noot</td></tr></tfoot>"
                       "<tbody><tr><td>rij</td></tr></tbody><thead><tr><th>kop</th></tr></thead></table>")
    assert texts(layout)[0] == "Effectindicatoren"
    assert grid(layout) == [["kop"], ["rij"], ["* noot"]]


def test_layout_tables_are_read_as_sections():
    layout = layout_of('<table role="presentation"><tr><td><h2>Doelen</h2><p>9A1 Doel</p></td><td><p>Zijbalk</p></td></tr></table>')
    assert [b.kind for b in layout.blocks] == ["heading", "paragraph", "paragraph"]


def test_a_heading_in_a_cell_of_a_wide_table_keeps_it_a_grid():
    layout = layout_of("<table><tr><th>Effectindicator</th><th>Realisatie 2020</th><th>Streefwaarde 2022</th><th>Bron</th></tr>"
                       "<tr><td><h4>9A1.a Aantal</h4></td><td>5</td><td>6</td><td>CBS</td></tr></table>")
    assert grid(layout)[1] == ["9A1.a Aantal", "5", "6", "CBS"]


def test_div_grid_with_roles_and_aria_colspan():
    layout = layout_of("""<div role="table">
      <div role="rowgroup"><div role="row"><div role="columnheader">Indicator</div><div role="columnheader">Realisatie 2020</div><div role="columnheader">Bron</div></div></div>
      <div role="rowgroup"><div role="row"><div role="cell" aria-colspan="3">Doel 6A1 Werk</div></div>
      <div role="row"><div role="cell">6A1.a Netto arbeidsparticipatie</div><div role="cell">67%</div><div role="cell">CBS</div></div></div>
    </div>""")
    assert grid(layout) == [["Indicator", "Realisatie 2020", "Bron"], ["Doel 6A1 Werk", "*Doel 6A1 Werk", "*Doel 6A1 Werk"],
                            ["6A1.a Netto arbeidsparticipatie", "67%", "CBS"]]
    assert layout.blocks[0].rows[0][0].header


def test_div_grid_by_classes_but_not_a_page_grid():
    classed = layout_of('<div class="tabel"><div class="rij"><span>a</span><span>b</span></div><div class="rij"><span>c</span><span>d</span></div></div>')
    assert grid(classed) == [["a", "b"], ["c", "d"]]
    bootstrap = layout_of('<div class="container"><div class="row"><div class="col-8"><p>inhoud</p></div><div class="col-4"><p>zijbalk</p></div></div></div>')
    assert [b.kind for b in bootstrap.blocks] == ["paragraph", "paragraph"]


def test_indicator_card_in_a_dl_becomes_a_one_row_table():
    layout = layout_of("<h4>9A1.a Schaalscore sociale cohesie</h4><dl><dt>Realisatie</dt><dd>5,7 (2015)</dd><dd>5,9 (2016)</dd>"
                       "<dt>Streefwaarde 2019</dt><dd>6,0</dd><dt>Bron</dt><dd>Veiligheidsmonitor</dd></dl>")
    assert [b.kind for b in layout.blocks] == ["table"]
    assert grid(layout) == [["Effectindicator", "Realisatie", "Streefwaarde 2019", "Bron"],
                            ["9A1.a Schaalscore sociale cohesie", "5,7 (2015)\n5,9 (2016)", "6,0", "Veiligheidsmonitor"]]


def test_other_description_lists_are_read_as_paragraphs():
    layout = layout_of("<dl><dt>9A1 Sociale binding</dt><dd>9A1.1 Organiseren</dd><dd>9A1.2 Bevorderen</dd></dl>")
    assert texts(layout) == ["9A1 Sociale binding", "9A1.1 Organiseren", "9A1.2 Bevorderen"]


def test_money_tables_are_left_out_but_indicator_tables_kept():
    money = layout_of("<table><tr><th>Prestatie (x € 1.000)</th><th>Lasten 2021</th><th>Baten 2021</th></tr>"
                      "<tr><td>9A1.1 Organiseren</td><td>412</td><td>-</td></tr></table>")
    assert money.blocks == []
    kept = layout_of("<table><tr><th>Effectindicator</th><th>Begroting 2021</th><th>Bron</th></tr>"
                     "<tr><td>9A1.a Aantal</td><td>412</td><td>CBS</td></tr></table>")
    assert len(grid(kept)) == 2


def test_footnotes_in_tfoot_are_linked_to_the_indicator(tmp_path):
    doc = convert_page(tmp_path, """<html><body><h2>Effectindicatoren bij 9A Sociale binding</h2><table>
      <thead><tr><th>Effectindicator</th><th>Realisatie 2020</th><th>Streefwaarde 2021</th><th>Bron</th></tr></thead>
      <tfoot><tr><td colspan="4">* Gemeten in het voorjaar.</td></tr></tfoot>
      <tbody><tr><td>9A1.a Percentage vrijwilligers</td><td>32%</td><td>33%</td><td>Stadsenquête*</td></tr></tbody>
    </table></body></html>""")
    (indicator,) = doc.indicators
    assert indicator.source == "Stadsenquête" and indicator.note == "Gemeten in het voorjaar."
    assert [(v.kind, v.year, str(v.value)) for v in doc.values] == [("realisatie", 2020, "32"), ("streefwaarde", 2021, "33")]


def test_goal_column_spanning_its_indicator_rows(tmp_path):
    doc = convert_page(tmp_path, """<html><body><table>
      <tr><th>Doel</th><th>Effectindicator</th><th>Realisatie 2020</th><th>Streefwaarde 2022</th><th>Bron</th></tr>
      <tr><td rowspan="2">2B1 Inwoners voelen zich veilig</td><td>2B1.a Percentage onveilig</td><td>24%</td><td>21%</td><td>VM</td></tr>
      <tr><td>2B1.b Rapportcijfer veiligheid</td><td>7,2</td><td>7,4</td><td>VM</td></tr>
    </table></body></html>""")
    assert [(g.code, g.title) for g in doc.goals] == [("2B1", "Inwoners voelen zich veilig")]
    assert [(i.code, i.name, i.source) for i in doc.indicators] == [
        ("2B1.a", "Percentage onveilig", "VM"), ("2B1.b", "Rapportcijfer veiligheid", "VM")]
    assert len(doc.values) == 4


# -- pages without goals ----------------------------------------------------------------------------

@pytest.mark.parametrize("page", PAGES_WITHOUT_GOALS, ids=lambda p: p.stem)
def test_pages_without_goals_give_no_records_and_one_info_diagnostic(page):
    doc = extract.convert(page)
    assert doc.status == "ok" and doc.format == "html"
    assert not (doc.policy_areas or doc.goals or doc.performances or doc.indicators or doc.values)
    assert [(d.severity, d.message) for d in doc.diagnostics] == [("info", "no goals or indicators found")]


def test_there_are_such_pages():
    assert {p.stem for p in PAGES_WITHOUT_GOALS} >= {"inhoudsopgave", "begroting-per-prestatie", "nieuws"}


def test_a_collapsed_accordion_panel_keeps_its_explanation(tmp_path):
    """Accordion panels are often marked aria-hidden while collapsed; their text is content."""
    doc = convert_page(tmp_path, """
<html><body><main><h1>Beleidsterrein 7A Jeugd</h1>
<table><tr><th>Doel</th><th>Prestatie</th></tr>
<tr><td>7A1 Een krachtige pedagogische samenleving</td><td>7A1.1 Betrekken van de jeugd via jeugdparticipatie</td></tr></table>
<button aria-expanded="false"><span aria-hidden="true">+</span> 7A1.1 Betrekken van de jeugd via jeugdparticipatie</button>
<div class="accordion__panel" aria-hidden="true"><p>In 2023 start de Kinderraad. Een groep 7 denkt mee over de stad.</p></div>
</main></body></html>""")
    perf = doc.performances[0]
    assert perf.explanation == "In 2023 start de Kinderraad. Een groep 7 denkt mee over de stad."
    assert "+" not in perf.title
