"""Render a `spec.Report` as a flat OpenDocument text (.fodt) and convert it to PDF with
LibreOffice (`soffice --headless --convert-to pdf`), as budgets written in a word processor are
made: merged goal cells (number-rows-spanned, centred), repeated table header rows, a page
header and a page-number footer, embedded subset fonts. Development only: needs
libreoffice-writer."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

from prose import paragraphs
from spec import Area, Report

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"')

STYLES = """
<office:font-face-decls>
 <style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" style:font-family-generic="swiss"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="9.5pt" fo:language="nl" fo:country="NL"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0pt" fo:margin-bottom="5pt"/></style:style>
 <style:style style:name="Title" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="8pt"/><style:text-properties fo:font-size="17pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="H2" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="12pt" fo:margin-bottom="6pt"/><style:text-properties fo:font-size="13pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="H3" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="8pt" fo:margin-bottom="4pt"/><style:text-properties fo:font-size="10.5pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="Strong" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="4pt" fo:margin-bottom="1pt"/><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="Cell" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0pt" fo:margin-bottom="0pt"/><style:text-properties fo:font-size="9pt"/></style:style>
 <style:style style:name="CellNum" style:family="paragraph" style:parent-style-name="Cell">
  <style:paragraph-properties fo:text-align="end"/></style:style>
 <style:style style:name="CellHead" style:family="paragraph" style:parent-style-name="Cell">
  <style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="CellHeadNum" style:family="paragraph" style:parent-style-name="CellHead">
  <style:paragraph-properties fo:text-align="end"/></style:style>
 <style:style style:name="Small" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="1pt"/><style:text-properties fo:font-size="7.5pt"/></style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.1cm"
   fo:margin-bottom="1.1cm" fo:margin-left="2.2cm" fo:margin-right="2.2cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0.5cm" fo:margin-bottom="0.5cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.5cm" fo:margin-top="0.5cm"/></style:footer-style>
 </style:page-layout>
 <style:style style:name="Tab" style:family="table"><style:table-properties style:width="16.6cm" table:align="left"
   fo:margin-bottom="0.2cm"/></style:style>
 <style:style style:name="C" style:family="table-cell"><style:table-cell-properties fo:padding="0.07cm"
   fo:border="0.5pt solid #7f8c99" style:vertical-align="top"/></style:style>
 <style:style style:name="CM" style:family="table-cell"><style:table-cell-properties fo:padding="0.07cm"
   fo:border="0.5pt solid #7f8c99" style:vertical-align="middle"/></style:style>
 <style:style style:name="CH" style:family="table-cell"><style:table-cell-properties fo:padding="0.07cm"
   fo:border="0.5pt solid #7f8c99" fo:background-color="#d2e3f2" style:vertical-align="middle"/></style:style>
 {columns}
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">
  <style:header><text:p text:style-name="Small">{header}</text:p></style:header>
  <style:footer><text:p text:style-name="Small">Pagina <text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>
 </style:master-page>
</office:master-styles>
"""


def _p(style: str, text: str) -> str:
    return f'<text:p text:style-name="{style}">{escape(text)}</text:p>'


def _cell(style: str, paras: list[str], para_style: str = "Cell", rows: int = 1, cols: int = 1) -> str:
    span = (f' table:number-rows-spanned="{rows}"' if rows > 1 else "") + (
        f' table:number-columns-spanned="{cols}"' if cols > 1 else "")
    return f'<table:table-cell table:style-name="{style}"{span}>{"".join(_p(para_style, t) for t in paras)}</table:table-cell>'


COVERED = "<table:covered-table-cell/>"


def _columns(name: str, widths: list[float]) -> tuple[str, str]:
    """(automatic styles, table-column elements) for column widths in cm."""
    styles, cols = [], []
    for k, w in enumerate(widths):
        styles.append(f'<style:style style:name="{name}{k}" style:family="table-column">'
                      f'<style:table-column-properties style:column-width="{w}cm"/></style:style>')
        cols.append(f'<table:table-column table:style-name="{name}{k}"/>')
    return "".join(styles), "".join(cols)


def goal_table(area: Area, cols: str) -> str:
    rows = ['<table:table-header-rows><table:table-row>', _cell("CH", ["Doel"], "CellHead"),
            _cell("CH", ["Prestatie"], "CellHead"), "</table:table-row></table:table-header-rows>"]
    for g in area.goals:
        for k, p in enumerate(g.perfs):
            goal = _cell("CM", [f"{g.code} {g.title}"], rows=len(g.perfs)) if k == 0 else COVERED
            rows.append(f"<table:table-row>{goal}{_cell('C', [f'{p.code} {p.title}'])}</table:table-row>")
    return f'<table:table table:name="doelen{area.code}" table:style-name="Tab">{cols}{"".join(rows)}</table:table>'


def indicator_table(area: Area, cols: str) -> str:
    t = area.indicators
    assert t is not None
    width = 2 + sum(max(1, len(years)) for _label, years in t.groups)
    top = [_cell("CH", ["Effectindicator"], "CellHead", rows=2)]
    low = [COVERED]
    for label, years in t.groups:
        if years:
            top.append(_cell("CH", [label], "CellHeadNum", cols=len(years)) + COVERED * (len(years) - 1))
            low += [_cell("CH", [y], "CellHeadNum") for y in years]
        else:
            top.append(_cell("CH", [label], "CellHeadNum", rows=2))
            low.append(COVERED)
    top.append(_cell("CH", ["Bron"], "CellHead", rows=2))
    low.append(COVERED)
    rows = [(f"<table:table-header-rows><table:table-row>{''.join(top)}</table:table-row>"
             f"<table:table-row>{''.join(low)}</table:table-row></table:table-header-rows>")]
    for row in t.rows:
        if isinstance(row, str):
            rows.append(f"<table:table-row>{_cell('C', [row], 'CellHead', cols=width)}{COVERED * (width - 1)}"
                        "</table:table-row>")
            continue
        cells = [_cell("C", [f"{row.code} {row.name}"])]
        cells += [_cell("C", v if isinstance(v, list) else [v], "CellNum") for v in row.values]
        cells.append(_cell("C", [row.source]))
        rows.append(f"<table:table-row>{''.join(cells)}</table:table-row>")
    return f'<table:table table:name="indicatoren{area.code}" table:style-name="Tab">{cols}{"".join(rows)}</table:table>'


def report_fodt(report: Report, filler: dict[str, int]) -> str:
    goal_styles, goal_cols = _columns("G", [5.6, 11.0])
    body = [_p("Title", f"Programma {report.programme}")]
    ind_styles = ""
    for area in report.areas:
        body.append(_p("H2", f"Beleidsterrein {area.code} {area.title}"))
        body += [_p("Standard", t) for t in area.intro]
        body.append(_p("H3", f"Doelen en prestaties bij {area.code} {area.title}"))
        body.append(goal_table(area, goal_cols))
        if area.explained():
            body.append(_p("H3", "Toelichting op de prestaties"))
            for p in area.explained():
                body += [_p("Strong", f"{p.code} {p.title}"), _p("Standard", p.explanation or "")]
        if filler.get(area.code):
            body.append(_p("H3", f"Ontwikkelingen in {report.year}"))
            body += [_p("Standard", t) for t in paragraphs(filler[area.code], seed=5)]
        if area.indicators is not None:
            n = sum(max(1, len(years)) for _label, years in area.indicators.groups)
            ind_styles, ind_cols = _columns("I", [5.0] + [2.3] + [1.45] * (n - 1) + [2.5])
            body.append(_p("H3", f"Effectindicatoren bij {area.code} {area.title}"))
            body.append(indicator_table(area, ind_cols))
            body += [_p("Small", fn) for fn in area.indicators.footnotes]
    styles = STYLES.replace("{columns}", goal_styles + ind_styles).replace(
        "{header}", escape(f"{report.title} - Gemeente {report.municipality}"))
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS} office:version="1.2" '
            f'office:mimetype="application/vnd.oasis.opendocument.text">{styles}'
            f'<office:body><office:text>{"".join(body)}</office:text></office:body></office:document>\n')


def render_pdf(report: Report, out: Path, filler: dict[str, int] | None = None) -> None:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        raise SystemExit("LibreOffice is needed for this sample: apt-get install libreoffice-writer-nogui")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / (out.stem + ".fodt")
        src.write_text(report_fodt(report, filler or {}), encoding="utf-8")
        subprocess.run([exe, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", "pdf",
                        "--outdir", tmp, str(src)], check=True, capture_output=True, timeout=180)
        shutil.copyfile(Path(tmp) / (out.stem + ".pdf"), out)
