"""Sample PDFs in shapes other than Leiden's, drawn with reportlab (`flow.Flow`), with their gold
files written from the same data:

- `begroting-2023-zeist-beleidsindicatoren-uncoded.pdf`: a programme budget of another
  municipality. Indicator tables without any code: `Indicator | Eenheid | Realisatie 2020 |
  Realisatie 2021 | Begroting 2022 | Begroting 2023 | Nederland | Bron` (every cell ruled; names,
  units and sources wrapped in their cells; the Nederland cell `2021: 8,7` a comparison figure),
  then `Effectindicator(en) | Behaald 2015 | Beoogd 2017` set in whitespace only, rows with no
  code, the name wrapped and the values centred in the row.
- `jaarstukken-2019-9c-gezondheid-header-spans.pdf`: a Leiden annual report whose indicator
  header puts `Realisatie` centred over four year columns on the first line and `Streefwaarde`
  over only the last column on the second, `2016 2017 2018 2019 2019` below: realised 2016-2019
  and a target for 2019. A source wrapped over two lines in its cell (`GGD` / `Gezondheidsmonitor`)
  is one source.

    .venv/bin/python samples/pdf/other_shapes.py      # writes the PDFs and .gold.json files

Development only: needs reportlab (the `dev` extra). The PDFs are checked in.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from reportlab.pdfbase.pdfmetrics import stringWidth

from flow import BOLD, REG, Flow, GoalRow, Style
from prose import paragraphs

UNCODED = "begroting-2023-zeist-beleidsindicatoren-uncoded.pdf"
SPANS = "jaarstukken-2019-9c-gezondheid-header-spans.pdf"


# -- a table drawn cell by cell -----------------------------------------------------------------

def table(flow: Flow, widths: list[float], header: list[list[str]], rows: list[list[list[str]]],
          ruled: bool, align: list[str] | None = None, size: float = 8.5, leading: float = 10.5) -> None:
    """Header cells (lines each) and body rows of cells (lines each) at the flow's position; a
    value cell centred vertically in its row, text cells from the top."""
    pad = 3.0
    xs = [flow.margin]
    for w in widths:
        xs.append(xs[-1] + w)
    align = align or ["left"] * len(widths)

    def row_height(cells: list[list[str]]) -> float:
        return max(len(c) for c in cells) * leading + 2 * pad

    h = row_height(header)
    flow.need(h + 3 * leading)
    top = flow.y
    if ruled:
        for k in range(len(widths)):
            flow.box(xs[k], top, widths[k], h, fill=(0.85, 0.9, 0.95))
    else:
        flow.hline(xs[0], xs[-1], top + h, 0.6)
    for k, cell in enumerate(header):
        for j, line in enumerate(cell):
            x = xs[k] + pad if align[k] == "left" else (xs[k] + xs[k + 1] - stringWidth(line, BOLD, size)) / 2
            flow.text(x, top + pad + j * leading + 1.5, line, BOLD, size)
    flow.y = top + h
    for cells in rows:
        h = row_height(cells)
        flow.need(h)
        top = flow.y
        n = max(len(c) for c in cells)
        for k, cell in enumerate(cells):
            dy = (n - len(cell)) * leading / 2 if align[k] == "centre" else 0.0
            for j, line in enumerate(cell):
                if align[k] == "centre":
                    x = (xs[k] + xs[k + 1] - stringWidth(line, REG, size)) / 2
                else:
                    x = xs[k] + pad
                flow.text(x, top + pad + dy + j * leading + 1.5, line, REG, size)
            if ruled:
                flow.box(xs[k], top, widths[k], h)
        flow.y = top + h
    flow.y += 8


# -- the uncoded programme budget ---------------------------------------------------------------

WOZ = "Gemiddelde WOZ-waarde"
WONINGEN = "Nieuw gebouwde woningen"
DRUK = "Demografische druk"
AFVAL = "Omvang huishoudelijk restafval"
UNCODED_ROWS = [
    # name lines, unit lines, R2020, R2021, B2022, B2023, Nederland lines, source lines
    ([WOZ], ["Duizend euro"], "348", "371", "363", "425", ["2021:", "290"], ["CBS"]),
    ([WONINGEN], ["Aantal per 1.000", "woningen"], "11,1", "5,1", "20,4", "8,1", ["2021:", "8,7"],
     ["Basisregistratie", "adressen en", "gebouwen"]),
    ([DRUK], ["%"], "73,6%", "73,6%", "73,6%", "74,0%", ["2021:", "70,1%"], ["CBS"]),
    (["Omvang huishoudelijk", "restafval"], ["Kg per inwoner"], "166", "158", "150", "140", ["2021:", "183"],
     ["CBS"]),
]
EFFECT_ROWS = [
    (["Percentage inwoners dat zich", "veilig voelt in de eigen buurt"], "81%", "85%", "Veiligheidsmonitor"),
    (["Aantal woninginbraken per", "1.000 woningen"], "4,2", "3,5", "Politie"),
    (["Tevredenheid over het groen in de wijk"], "6,9", "7,2", "Burgerpeiling"),
]


def make_uncoded() -> dict:
    flow = Flow(str(HERE / UNCODED), "Programmabegroting 2023", "Gemeente Zeist", first_page=41, margin=50,
                style=Style(size=8.5, leading=10.5))
    flow.heading("Programma 2 Leefomgeving", 16, before=0)
    for text in paragraphs(2, seed=23, sentences=5):
        flow.para(text, size=9)
    flow.heading("Wat willen we bereiken?", 11, before=2)
    flow.para("De gemeente Zeist wil een prettige en veilige woonomgeving voor alle inwoners, met voldoende "
              "betaalbare woningen en een schone openbare ruimte.", size=9)
    flow.heading("Beleidsindicatoren", 11, before=2)
    header = [["Indicator"], ["Eenheid"], ["Realisatie", "2020"], ["Realisatie", "2021"], ["Begroting", "2022"],
              ["Begroting", "2023"], ["Nederland"], ["Bron"]]
    rows = [[name, unit, [r20], [r21], [b22], [b23], nl, src] for name, unit, r20, r21, b22, b23, nl, src in UNCODED_ROWS]
    table(flow, [108, 70, 46, 46, 46, 46, 50, 83], header, rows, ruled=True,
          align=["left", "left", "centre", "centre", "centre", "centre", "centre", "left"])
    flow.para("Bron: waarstaatjegemeente.nl. De begrote waarden zijn de ambities van het college.", size=7.5)
    flow.heading("Wat gaan we daarvoor doen?", 11, before=4)
    for text in paragraphs(2, seed=24, sentences=4):
        flow.para(text, size=9)
    flow.heading("Effectindicatoren veiligheid", 11, before=2)
    header = [["Effectindicator(en)"], ["Behaald", "2015"], ["Beoogd", "2017"], ["Bron"]]
    rows = [[name, [got], [want], [src]] for name, got, want, src in EFFECT_ROWS]
    table(flow, [200, 60, 60, 100], header, rows, ruled=False, align=["left", "centre", "centre", "left"])
    for text in paragraphs(1, seed=25, sentences=4):
        flow.para(text, size=9)
    flow.save()
    indicators, values, comparisons = [], [], []
    units = {"Duizend euro": "€", "%": "%"}
    for name, unit, r20, r21, b22, b23, nl, src in UNCODED_ROWS:
        full = " ".join(name)
        ind = {"code": None, "goal": None, "name": full, "source": " ".join(src)}
        indicators.append(ind)
        for kind, year, raw in (("realisatie", 2020, r20), ("realisatie", 2021, r21),
                                ("streefwaarde", 2022, b22), ("streefwaarde", 2023, b23)):
            values.append({"indicator_name": full, "kind": kind, "year": year, "value": _number(raw)})
        comparisons.append({"indicator_name": full, "column": "Nederland", "year": int(nl[0].rstrip(":")),
                            "value": _number(nl[1]), "raw": "\n".join(nl)})
    for name, got, want, src in EFFECT_ROWS:
        full = " ".join(name)
        indicators.append({"code": None, "goal": None, "name": full, "source": src})
        values.append({"indicator_name": full, "kind": "realisatie", "year": 2015, "value": _number(got)})
        values.append({"indicator_name": full, "kind": "streefwaarde", "year": 2017, "value": _number(want)})
    return {
        "source_file": UNCODED,
        "document": {"kind": "begroting", "year": 2023, "municipality": "Zeist", "programme": "Leefomgeving"},
        "policy_areas": [], "goals": [], "performances": [],
        "indicators": indicators, "values": values, "explicitly_empty": [], "comparison_values": comparisons,
        "notes": ["No printed codes: every indicator has code null and is named by its name. Realisatie 2020/2021 "
                  "are realised, Begroting 2022/2023 targets; the Nederland cell '2021: 290' is a comparison "
                  "figure of 2021, never the municipality's own value. Wrapped names, units and sources are one "
                  "cell each. Behaald 2015 is realised, Beoogd 2017 a target."],
    }


# -- header spans ---------------------------------------------------------------------------------

SPAN_ROWS = [
    (["9C1.a Percentage volwassenen met overgewicht"], ["46%", "47%", "47%", "48%", "45%"], ["GGD", "Gezondheidsmonitor"]),
    (["9C1.b Percentage inwoners dat voldoet aan de", "beweegrichtlijn"], ["49%", "51%", "50%", "52%", "55%"],
     ["RIVM", "Sportmonitor"]),
    (["9C1.c Percentage jongeren dat wekelijks alcohol", "drinkt"], ["21%", "19%", "18%", "16%", "15%"],
     ["GGD", "Jeugdmonitor"]),
    (["9C1.d Ervaren gezondheid (rapportcijfer)"], ["7,4", "7,5", "7,4", "7,6", "7,5"], ["Stadsenquête"]),
]
SPAN_YEARS = ["2016", "2017", "2018", "2019"]


def make_spans() -> dict:
    st = Style(size=8.5, leading=10.5)
    flow = Flow(str(HERE / SPANS), "Jaarstukken 2019", "Gemeente Leiden", first_page=233, margin=50, style=st)
    flow.heading("Beleidsterrein 9C Gezondheid", 13, before=0)
    flow.heading("Doelen en prestaties bij 9C Gezondheid", 10.5, before=2)
    flow.goal_table([GoalRow("9C1 Inwoners leven gezond en voelen zich gezond", [
        "9C1.1 Uitvoeren van het preventieakkoord met de GGD",
        "9C1.2 Stimuleren van bewegen in de wijken",
    ])], goal_width=160)
    flow.heading("Effectindicatoren bij 9C Gezondheid", 10.5, before=2)
    # columns: name 205, four realised years 45 each, the target 60, source 100
    x = [flow.margin, flow.margin + 205]
    for _ in range(5):
        x.append(x[-1] + (60 if len(x) == 6 else 45))
    x.append(x[-1] + 100)
    top = flow.y
    lead, pad = st.leading, 3.0
    h = 3 * lead + 2 * pad
    flow.box(x[0], top, x[-1] - x[0], h, fill=st.shade, stroke=False)
    realised_mid = (x[1] + x[5]) / 2
    flow.text(realised_mid - stringWidth("Realisatie", BOLD, st.size) / 2, top + pad + 1.5, "Realisatie", BOLD, st.size)
    target_mid = (x[5] + x[6]) / 2
    flow.text(target_mid - stringWidth("Streefwaarde", BOLD, st.size) / 2, top + pad + lead + 1.5, "Streefwaarde",
              BOLD, st.size)
    flow.text(x[0] + pad, top + pad + lead + 1.5, "Effectindicator", BOLD, st.size)
    flow.text(x[6] + pad, top + pad + lead + 1.5, "Bron", BOLD, st.size)
    for k, year in enumerate(SPAN_YEARS + ["2019"]):
        mid = (x[1 + k] + x[2 + k]) / 2
        flow.text(mid - stringWidth(year, BOLD, st.size) / 2, top + pad + 2 * lead + 1.5, year, BOLD, st.size)
    flow.hline(x[0], x[-1], top + h, 0.6)
    flow.y = top + h
    for name, vals, src in SPAN_ROWS:
        n = max(len(name), len(src))
        rh = n * lead + 2 * pad
        rt = flow.y
        for j, line in enumerate(name):
            flow.text(x[0] + pad, rt + pad + j * lead + 1.5, line, REG, st.size)
        for k, v in enumerate(vals):
            mid = (x[1 + k] + x[2 + k]) / 2
            flow.text(mid - stringWidth(v, REG, st.size) / 2, rt + pad + (n - 1) * lead / 2 + 1.5, v, REG, st.size)
        for j, line in enumerate(src):
            flow.text(x[6] + pad, rt + pad + j * lead + 1.5, line, REG, st.size)
        flow.hline(x[0], x[-1], rt + rh, 0.3)
        flow.y = rt + rh
    flow.y += 6
    flow.para("Een overzicht van de realisatie- en streefwaarden staat op LeideninCijfers.", size=8.5)
    flow.save()
    indicators, values = [], []
    for name, vals, src in SPAN_ROWS:
        code, title = " ".join(name).split(" ", 1)
        indicators.append({"code": code, "goal": "9C1", "name": title, "source": " ".join(src)})
        for year, v in zip(SPAN_YEARS, vals[:4]):
            values.append({"indicator": code, "kind": "realisatie", "year": int(year), "value": _number(v)})
        values.append({"indicator": code, "kind": "streefwaarde", "year": 2019, "value": _number(vals[4])})
    return {
        "source_file": SPANS,
        "document": {"kind": "jaarstukken", "year": 2019, "municipality": "Leiden", "programme": None},
        "policy_areas": [{"code": "9C", "title": "Gezondheid"}],
        "goals": [{"code": "9C1", "policy_area": "9C", "title": "Inwoners leven gezond en voelen zich gezond"}],
        "performances": [
            {"code": "9C1.1", "goal": "9C1", "title": "Uitvoeren van het preventieakkoord met de GGD"},
            {"code": "9C1.2", "goal": "9C1", "title": "Stimuleren van bewegen in de wijken"}],
        "indicators": indicators, "values": values, "explicitly_empty": [],
        "notes": ["Realisatie (first header line) is centred over the four year columns 2016-2019 and covers all "
                  "four; Streefwaarde (second line) stands over the last column only: 2019 is realised in the "
                  "fourth column and a target in the fifth. GGD / Gezondheidsmonitor is one source."],
    }


def _number(raw: str) -> str:
    return raw.replace("%", "").replace(".", "").replace(",", ".").strip()


def write_gold(data: dict) -> None:
    path = HERE / (Path(data["source_file"]).stem + ".gold.json")
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main() -> None:
    for make in (make_uncoded, make_spans):
        write_gold(make())
        print("made", make.__name__)


if __name__ == "__main__":
    main()
