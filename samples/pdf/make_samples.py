#!/usr/bin/env python3
"""Make the sample PDFs in samples/pdf/ and their gold files (development only).

    .venv/bin/pip install -e '.[dev]'      # reportlab
    apt-get install libreoffice-writer-nogui chromium   # for the two rendered samples
    .venv/bin/python samples/pdf/make_samples.py [--only NAME]

The PDFs are checked in, so neither the tests nor CI need reportlab, LibreOffice or Chromium.
The reportlab PDFs come out byte for byte the same each time; LibreOffice and Chromium stamp
dates and ids, so re-making those two changes their bytes (and sha256): regenerate the golden
files afterwards (EXTRACT_UPDATE_GOLDEN=1 pytest tests/test_golden.py).
The seed-002 reproduction's gold is the seed's gold with `source_file` changed; the others'
golds follow from their `spec.Report` (see spec.gold). Also writes the encrypted PDF the hostile
input tests use (tests/data/pdf/).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import contents
import render_rl
import seed002
from flow import Style
from spec import Report, gold

ROOT = HERE.parent.parent
SEED_GOLD = ROOT.parent / "shared" / "seeds" / "002_28e5dc0f656876b6.gold.json"
TEST_DATA = ROOT / "tests" / "data" / "pdf"


def write_gold(data: dict, pdf_name: str) -> None:
    path = HERE / (Path(pdf_name).stem + ".gold.json")
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def make_seed() -> None:
    seed002.render(str(HERE / seed002.FILE))
    g = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    g["source_file"] = seed002.FILE
    write_gold(g, seed002.FILE)


def make_reportlab(report: Report, opt: render_rl.Options, **kwargs) -> None:
    render_rl.render(report, str(HERE / report.file), opt, **kwargs)
    write_gold(gold(report), report.file)


def make_rendered(report: Report, renderer: str, filler: dict[str, int]) -> None:
    if renderer == "libreoffice":
        from render_fodt import render_pdf
    else:
        from render_html import render_pdf
    render_pdf(report, HERE / report.file, filler)
    write_gold(gold(report), report.file)


def make_encrypted() -> None:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas
    TEST_DATA.mkdir(parents=True, exist_ok=True)
    enc = pdfencrypt.StandardEncryption("geheim", ownerPassword="eigenaar", strength=128)
    c = canvas.Canvas(str(TEST_DATA / "encrypted.pdf"), encrypt=enc, invariant=1)
    c.drawString(72, 760, "Beleidsterrein 9A Sociale binding en participatie")
    c.showPage()
    c.save()


JOBS = {
    "seed002": make_seed,
    "veiligheid": lambda: make_reportlab(contents.veiligheid_2018(), render_rl.Options(
        filler_before_indicators={"2A": 3}), style=Style(rules="plain"), first_page=31),
    "verharding": lambda: make_reportlab(contents.verharding_2019(), render_rl.Options(
        name_width=170, value_width=46, source_width=85, group_widths={"Realisatie": 62}),
        style=Style(rules="grid"), first_page=77),
    "economie": lambda: make_reportlab(contents.economie_2016(), render_rl.Options(
        landscape_indicators={"7A"}, name_width=260, value_width=55, source_width=120, snap_goal=False,
        group_widths={"Streefwaarde": 70}),
        first_page=102),
    "onderwijs": lambda: make_reportlab(contents.onderwijs_2019(), render_rl.Options(
        repeat_header=False, new_page_before={"3C"}, filler_before_indicators={"3B": 2},
        break_after={"3B": 3}, break_after_goals={"3B": 1}), first_page=45),
    # prose before the indicator tables so that they break across pages (a row split by the
    # break in LibreOffice, the <thead> repeated by Chromium)
    "libreoffice": lambda: make_rendered(contents.parkeren_2020(), "libreoffice", {"4C": 6}),
    "chromium": lambda: make_rendered(contents.inkomen_2020(), "chromium", {"6B": 4}),
    "encrypted": make_encrypted,
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", action="append", choices=sorted(JOBS), help="make only these")
    args = ap.parse_args()
    for name in args.only or JOBS:
        JOBS[name]()
        print("made", name)


if __name__ == "__main__":
    main()
