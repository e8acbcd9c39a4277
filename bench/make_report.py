#!/usr/bin/env python3
"""Generate the benchmark's annual reports, in three shapes (`--shape`):

- `sparse`: about 400 pages of prose chapters and money tables with the goal and indicator
  section of seed 002 (9A, 9B) and of the onderwijs sample (3A-3C) in the middle: the relevant
  pages are few;
- `headings`: the same, with a policy-area heading (`Beleidsterrein 9A Sociale binding en
  participatie`) at the top of every page, as reports that repeat the chapter's heading do;
- `sections`: a running header naming the programme and policy area on every page
  (`Programma 9 Maatschappelijke ondersteuning | Beleidsterrein 9A ...`) and about 60 policy
  areas, each with prose, a Doel | Prestatie table, an indicator table and a money table.

Written to bench/_work/ (git-ignored) as `jaarstukken-<pages>[-<shape>].pdf`.

    .venv/bin/python bench/make_report.py [--shape sparse|headings|sections] [--pages 400] [--out PATH]

Development only: needs reportlab (the `dev` extra).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "samples" / "pdf"))

import contents
import render_rl
import seed002
from flow import Flow, GoalRow, IndicatorRow, IndicatorTable, MoneyTable, Style
from prose import paragraphs

WORK = ROOT / "bench" / "_work"
DEFAULT_OUT = WORK / "jaarstukken-400.pdf"
SHAPES = ("sparse", "headings", "sections")
PROGRAMMES = ["Bestuur en dienstverlening", "Veiligheid", "Onderwijs", "Verkeer en vervoer", "Openbare ruimte",
              "Werk en inkomen", "Economie en cultuur", "Sport en recreatie", "Maatschappelijke ondersteuning",
              "Wonen en stedelijke ontwikkeling"]
AREAS = ["Dienstverlening", "Openbare orde", "Onderwijshuisvesting", "Bereikbaarheid", "Groen en water",
         "Participatie", "Cultuur", "Sportaccommodaties", "Zorg en welzijn", "Woningbouw", "Duurzaamheid",
         "Economische zaken"]


def report_path(shape: str, pages: int) -> Path:
    return WORK / (f"jaarstukken-{pages}.pdf" if shape == "sparse" else f"jaarstukken-{pages}-{shape}.pdf")
CHAPTERS = ["Inleiding", "Paragraaf lokale heffingen", "Paragraaf weerstandsvermogen en risicobeheersing",
            "Paragraaf onderhoud kapitaalgoederen", "Paragraaf financiering", "Paragraaf bedrijfsvoering",
            "Paragraaf verbonden partijen", "Paragraaf grondbeleid", "Jaarrekening", "Balans en toelichting",
            "Overzicht van baten en lasten", "Single information single audit", "Taakvelden"]


def money(k: int) -> MoneyTable:
    rows = [("Lasten", [], True)]
    for j in range(8):
        base = 1000 + 137 * ((k * 7 + j * 13) % 50)
        rows.append((f"Taakveld {k % 9}.{j + 1} onderdeel {j + 1}", [f"{base:,}".replace(",", "."),
                     f"{base + 120:,}".replace(",", "."), f"{base + 75:,}".replace(",", "."), "45"], False))
    rows.append(("Saldo van baten en lasten", ["12.345", "12.980", "12.700", "280"], True))
    return MoneyTable(["Rekening 2016", "Begroting 2017 na wijziging", "Realisatie 2017", "Verschil"], rows)


def filler(flow: Flow, until_page: int, seed: int) -> None:
    """Chapters of prose with a money table now and then, until `until_page` is reached."""
    k = seed
    while flow.page_no < until_page:
        flow.heading(CHAPTERS[k % len(CHAPTERS)], 13)
        for j, text in enumerate(paragraphs(14, seed=k, sentences=6)):
            flow.para(text)
            if j % 5 == 4:
                flow.heading("Wat heeft het gekost?", 11)
                flow.money_table(money(k + j))
            if flow.page_no >= until_page:
                break
        k += 1


class HeadedFlow(Flow):
    """A flow that prints the policy area's heading at the top of every page."""

    area_heading = "Beleidsterrein 9A Sociale binding en participatie"

    def _open_page(self) -> None:
        super()._open_page()
        self.text(self.margin, self.y, self.area_heading, "Helvetica-Bold", 13)
        self.y += 13 * 1.25 + 6


def make(out: Path, pages: int, shape: str = "sparse") -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    if shape == "sections":
        return _sections(out, pages)
    cls = HeadedFlow if shape == "headings" else Flow
    flow = cls(str(out), "Jaarstukken 2017", "Gemeente Leiden", first_page=1, margin=50,
               style=Style(size=8.5, leading=11))  # the seed section is laid out for this type
    filler(flow, pages // 2, seed=1)
    flow.new_page()
    seed002.draw(flow)
    report = contents.onderwijs_2019()
    for area in report.areas:
        render_rl.draw_area(flow, report, area, render_rl.Options(repeat_header=False))
    flow.new_page()
    filler(flow, pages, seed=100)
    flow.save()
    return out


def _sections(out: Path, pages: int) -> Path:
    """About one policy area per 6.7 pages: prose, Doel | Prestatie, indicators, money."""
    n_areas = max(1, round(pages * 60 / 400))
    flow = Flow(str(out), "Programma 1 Bestuur en dienstverlening", "Jaarstukken 2017 Gemeente Leiden",
                first_page=1, margin=50, style=Style(size=8.5, leading=11))
    per_area = pages / n_areas
    for k in range(n_areas):
        programme = k // 6 % len(PROGRAMMES) + 1
        code = f"{programme}{'ABCDEF'[k % 6]}"
        if k // 60:  # past 60 areas the codes go on in a second chapter numbering
            code = f"{programme + 10 * (k // 60)}{'ABCDEF'[k % 6]}"
        title = AREAS[k % len(AREAS)]
        flow.header_left = f"Programma {programme} {PROGRAMMES[programme - 1]}"
        flow.header_right = f"Beleidsterrein {code} {title}"
        if k:
            flow.new_page()
        flow.heading(f"Beleidsterrein {code} {title}", 13, before=0)
        for text in paragraphs(4, seed=k, sentences=6):
            flow.para(text, size=8.5)
        flow.heading(f"Doelen en prestaties bij {code} {title}", 10.5, before=2)
        flow.goal_table([GoalRow(f"{code}1 De gemeente werkt aan {title.lower()} voor alle inwoners", [
            f"{code}1.1 Uitvoeren van het programma {title.lower()} in de wijken",
            f"{code}1.2 Ondersteunen van partners bij {title.lower()}",
        ]), GoalRow(f"{code}2 Inwoners zijn tevreden over {title.lower()}", [
            f"{code}2.1 Verbeteren van de dienstverlening rond {title.lower()}",
        ])], goal_width=160)
        flow.heading(f"Effectindicatoren bij {code} {title}", 10.5, before=2)
        flow.indicator_table(IndicatorTable(
            groups=[("Realisatie", ["2014", "2015", "2016", "2017"]), ("Streefwaarde", ["2017"])],
            rows=[IndicatorRow(f"{code}1.a Percentage inwoners dat tevreden is over {title.lower()}",
                               [f"{50 + (k + j) % 30}%" for j in range(5)], "Stadsenquête"),
                  IndicatorRow(f"{code}1.b Aantal deelnemers aan activiteiten voor {title.lower()}",
                               [f"{1200 + 37 * ((k * 3 + j) % 40)}".replace("1", "1") for j in range(5)],
                               "Registratie"),
                  IndicatorRow(f"{code}2.a Rapportcijfer voor {title.lower()}",
                               [f"{6 + (k + j) % 3},{(k * 7 + j) % 10}" for j in range(5)], "Burgerpeiling")],
            name_width=215))
        flow.heading("Wat heeft het gekost?", 11)
        flow.money_table(money(k))
        seed = 1000 + k
        until = round((k + 1) * per_area)
        while flow.page_no < until:  # prose up to this area's share of the pages
            for text in paragraphs(6, seed=seed, sentences=6):
                flow.para(text, size=8.5)
                if flow.page_no >= until:
                    break
            seed += 1
    flow.save()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shape", choices=SHAPES, default="sparse")
    ap.add_argument("--pages", type=int, default=400)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    print("made", make(args.out or report_path(args.shape, args.pages), args.pages, args.shape))


if __name__ == "__main__":
    main()
