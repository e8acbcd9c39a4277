"""Render a `spec.Report` as an HTML page and print it to PDF with Chromium (`--print-to-pdf`),
as municipalities' web-to-PDF exports are made: a goal cell with rowspan and vertical-align
middle, an indicator table with a goal column (rowspan) whose <thead> Chromium repeats on every
page, and Chromium's own running header (date, title) and footer (URL, page x/y). Development
only: needs chromium."""
from __future__ import annotations

import html
import shutil
import subprocess
import tempfile
from pathlib import Path

from prose import paragraphs
from spec import Area, Report

CSS = """
@page { size: A4; margin: 16mm 15mm; }
body { font-family: 'Liberation Sans', Arial, sans-serif; font-size: 9.5pt; line-height: 1.3; }
h1 { font-size: 17pt; margin: 0 0 8pt; } h2 { font-size: 13pt; margin: 14pt 0 6pt; }
h3 { font-size: 10.5pt; margin: 10pt 0 4pt; } h4 { font-size: 9.5pt; margin: 6pt 0 2pt; }
p { margin: 0 0 6pt; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 6pt; font-size: 9pt; }
th { background: #d2e3f2; text-align: left; padding: 3pt 4pt; }
th.num { text-align: center; }
td { padding: 3pt 4pt; vertical-align: top; border-bottom: 0.5pt solid #9ab; }
td.goal { vertical-align: middle; border-right: 0.5pt solid #9ab; width: 34%; }
td.num { text-align: center; vertical-align: middle; white-space: nowrap; }
td.band { font-weight: bold; background: #eee; }
tr { page-break-inside: avoid; }
p.fn { font-size: 7.5pt; margin: 0 0 1pt; }
"""


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def area_html(report: Report, area: Area, filler: int, goal_column: bool = False) -> str:
    out = [f"<h2>Beleidsterrein {_e(area.code)} {_e(area.title)}</h2>"]
    out += [f"<p>{_e(p)}</p>" for p in area.intro]
    out.append(f"<h3>Doelen en prestaties bij {_e(area.code)} {_e(area.title)}</h3>")
    out.append("<table><thead><tr><th>Doel</th><th>Prestatie</th></tr></thead><tbody>")
    for g in area.goals:
        for k, p in enumerate(g.perfs):
            goal = f'<td class="goal" rowspan="{len(g.perfs)}">{_e(g.code)} {_e(g.title)}</td>' if k == 0 else ""
            out.append(f"<tr>{goal}<td>{_e(p.code)} {_e(p.title)}</td></tr>")
    out.append("</tbody></table>")
    explained = area.explained()
    if explained:
        out.append("<h3>Toelichting bij de prestatieverantwoording:</h3>")
        for p in explained:
            out.append(f"<h4>{_e(p.code)} {_e(p.title)}</h4><p>{_e(p.explanation or '')}</p>")
    if filler:
        out.append(f"<h3>Ontwikkelingen in {report.year}</h3>")
        out += [f"<p>{_e(t)}</p>" for t in paragraphs(filler, seed=3)]
    if area.indicators is not None:
        out.append(f"<h3>Effectindicatoren bij {_e(area.code)} {_e(area.title)}</h3>")
        out.append(indicator_table(area, goal_column))
        out += [f'<p class="fn">{_e(fn)}</p>' for fn in area.indicators.footnotes]
    return "\n".join(out)


def indicator_table(area: Area, goal_column: bool = False) -> str:
    """The indicator table; with `goal_column` the goals stand in a first column whose cells span
    their indicator rows (vertically centred), instead of `Doel ...` bands across the table."""
    t = area.indicators
    assert t is not None
    width = 2 + sum(max(1, len(years)) for _label, years in t.groups)
    top = ['<th rowspan="2">Doel</th>'] if goal_column else []
    top.append('<th rowspan="2">Effectindicator</th>')
    low = []
    for label, years in t.groups:
        if years:
            top.append(f'<th class="num" colspan="{len(years)}">{_e(label)}</th>')
            low += [f'<th class="num">{y}</th>' for y in years]
        else:
            top.append(f'<th class="num" rowspan="2">{_e(label)}</th>')
    top.append('<th rowspan="2">Bron</th>')
    out = [f"<table><thead><tr>{''.join(top)}</tr><tr>{''.join(low)}</tr></thead><tbody>"]
    for k, row in enumerate(t.rows):
        if isinstance(row, str):
            if not goal_column:
                out.append(f'<tr><td class="band" colspan="{width}">{_e(row)}</td></tr>')
            continue
        cells = [f"<td>{_e(row.code)} {_e(row.name)}</td>"]
        if goal_column and k > 0 and isinstance(t.rows[k - 1], str):
            n = next((m for m, r in enumerate(t.rows[k:]) if isinstance(r, str)), len(t.rows) - k)
            cells.insert(0, f'<td class="goal" rowspan="{n}">{_e(t.rows[k - 1].removeprefix("Doel "))}</td>')
        for v in row.values:
            text = "<br>".join(_e(x) for x in v) if isinstance(v, list) else _e(v)
            cells.append(f'<td class="num">{text}</td>')
        cells.append(f"<td>{_e(row.source)}</td>")
        out.append(f"<tr>{''.join(cells)}</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def report_html(report: Report, filler: dict[str, int], goal_column: bool) -> str:
    body = [f"<h1>Programma {_e(report.programme)}</h1>"]
    body += [area_html(report, a, filler.get(a.code, 0), goal_column) for a in report.areas]
    return (f'<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>{_e(report.title)} - '
            f"Gemeente {_e(report.municipality)}</title><style>{CSS}</style></head><body>\n"
            + "\n".join(body) + "\n</body></html>\n")


def render_pdf(report: Report, out: Path, filler: dict[str, int] | None = None, goal_column: bool = True) -> None:
    exe = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if exe is None:
        raise SystemExit("chromium is needed for this sample: apt-get install chromium")
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "jaarstukken.html"
        page.write_text(report_html(report, filler or {}, goal_column), encoding="utf-8")
        subprocess.run([exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                        f"--user-data-dir={tmp}/profile", f"--print-to-pdf={out}", page.as_uri()],
                       check=True, capture_output=True, timeout=120)
