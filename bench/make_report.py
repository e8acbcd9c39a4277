#!/usr/bin/env python3
"""Generate the benchmark's annual report: about 400 pages (prose chapters and money tables)
with the goal and indicator section of seed 002 (9A, 9B) and of the onderwijs sample (3A-3C)
in the middle, as a real jaarstukken PDF has them. Written to bench/_work/ (git-ignored).

    .venv/bin/python bench/make_report.py [--pages 400] [--out bench/_work/jaarstukken-400.pdf]

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
from flow import Flow, MoneyTable, Style
from prose import paragraphs

DEFAULT_OUT = ROOT / "bench" / "_work" / "jaarstukken-400.pdf"
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


def make(out: Path, pages: int) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    flow = Flow(str(out), "Jaarstukken 2017", "Gemeente Leiden", first_page=1, margin=50,
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=400)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()
    print("made", make(args.out, args.pages))


if __name__ == "__main__":
    main()
