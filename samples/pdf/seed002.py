"""The layout of seed 002 (Leiden, Jaarstukken 2017, policy area 9A and the start of 9B) as the
real annual-report PDF prints it: a two-column Doel | Prestatie table whose goal cell spans and is
vertically centred across its performance rows (sharing a baseline with some of them), the
explanation of 9A1.4, the indicator table with its header split over two lines (`Realisatie`
above `2014 2015 2016 2017`, `Streefwaarde` above `2017`), wrapped names and a Bron column,
footnotes under the table. The texts are those of ../shared/seeds/002_28e5dc0f656876b6.txt."""
from __future__ import annotations

from flow import BOLD, Flow, GoalBand, GoalRow, IndicatorRow, IndicatorTable, Style

FILE = "jaarstukken-2017-9a-9b-leiden-seed002.pdf"

EXPLANATION = [
    "Met name basisfunctie 3, versterken van vrijwilligers en vrijwilligersorganisaties, en 4, het bevorderen van",
    "vrijwilligerswerk, worden nu nog niet goed ingevuld. Het contactpunt voor vrijwillige inzet heeft niet kunnen",
    "werken aan verdere bekendmaking van mogelijkheden voor vrijwilligersondersteuning voor alle sectoren en",
    "inzet op nieuwe vrijwilligersdoelgroepen, omdat er te weinig capaciteit voor beschikbaar is. Door de grote",
    "veranderingen in het sociale domein is het beroep op vrijwilligers in zorg en welzijn de laatste jaren gegroeid;",
    "zowel landelijk als in Leiden. Ook worden hoge eisen gesteld aan het werk dat vrijwilligers doen, omdat de",
    "vragen complexer en langduriger zijn. Voldoende capaciteit om goede vrijwilligersondersteuning en werving",
    "van nieuwe vrijwilligersdoelgroepen te kunnen waarborgen is van groot belang hierbij.",
]

ROWS = [
    GoalBand("Doel 9A1 Sociale binding en participatie van inwoners is hoog"),
    IndicatorRow(["9A1.a Schaalscore sociale cohesie*"], ["5,8", "5,7", "5,9", "5,8", "6,0"], "Veiligheidsmonitor"),
    IndicatorRow(["9A1.b Percentage inwoners dat het eens is met de stelling",
                  "'Ik woon in een gezellige buurt waar mensen elkaar", "helpen en dingen samen doen'"],
                 ["33%", "32%", "35%", "34%", "34%"], "Veiligheidsmonitor"),
    IndicatorRow(["9A1.c Percentage Leidenaren dat vrijwilligerswerk doet**"], ["-", "32%", "-", "32%", "33%"],
                 "Stadsenquête"),
    IndicatorRow(["9A1.d Percentage inwoners dat kan terugvallen op", "mensen in de buurt als men hulp nodig heeft"],
                 ["-", "67%", "-", "68%", "69%"], "Stadsenquête"),
    IndicatorRow(["9A1.e Percentage inwoners - heb ik gedaan of ben ik toe", "bereid: 'het ondersteunen van buurtgenoten die hulp",
                  "nodig hebben'"], ["-", "48%", "-", "49%", "50%"], "Stadsenquête"),
    IndicatorRow(["9A1.f Percentage inwoners dat mantelzorg verleent"], ["-", "17%", "-", "18%", "24%"], "Stadsenquête"),
]


def render(path: str) -> None:
    flow = Flow(path, "Jaarstukken 2017", "Gemeente Leiden", first_page=212, margin=50,
                style=Style(size=8.5, leading=11))
    draw(flow)
    flow.save()


def draw(flow: Flow) -> None:
    """Draw 9A and the start of 9B where the flow stands (also used by the benchmark report)."""
    flow.heading("Beleidsterrein 9A Sociale binding en participatie", 13, before=0)
    flow.heading("Doelen en prestaties bij 9A Sociale binding en participatie", 10.5, before=2)
    flow.goal_table([GoalRow(["9A1 Sociale binding en participatie van", "inwoners is hoog"], [
        ["9A1.1 Organiseren van een passend voorzieningenaanbod dat aansluit op de sociale", "situatie van de wijk"],
        ["9A1.2 Organiseren van activiteiten die maatschappelijke participatie bevorderen en",
         "sociaal isolement voorkomen"],
        ["9A1.3 Bevorderen van cliëntbetrokkenheid en participatie op het gebied van",
         "maatschappelijke ondersteuning"],
        ["9A1.4 Opdracht geven voor het uitvoeren van de vijf basisfuncties voor lokale",
         "ondersteuning van vrijwilligerswerk"],
    ])], goal_width=160)
    flow.heading("Toelichting bij de prestatieverantwoording:", 9.5, before=0, after=2)
    flow.para("9A1.4 Opdracht geven voor het uitvoeren van de vijf basisfuncties voor lokale ondersteuning van "
              "vrijwilligerswerk", font=BOLD, after=1)
    flow.para(EXPLANATION, after=8)
    flow.heading("Effectindicatoren bij 9A Sociale binding en participatie", 10.5, before=2)
    flow.indicator_table(IndicatorTable(
        groups=[("Realisatie", ["2014", "2015", "2016", "2017"]), ("Streefwaarde", ["2017"])], rows=ROWS,
        name_width=226, value_width=34, source_width=80, group_widths={"Streefwaarde": 56}))
    flow.para("*Op een schaal van 1 tot 10", size=7.5, after=1)
    flow.para("**De cijfers in Leiden zijn lager dan de landelijke cijfers. Landelijke cijfers zijn lastig te "
              "vergelijken met de Leidse Stadsenquête, omdat de cijfers per onderzoek wisselen, afhankelijk "
              "van de vraagstelling en timing van het onderzoek.", size=7.5, after=8)
    flow.para("Een overzicht van realisatie- en streefwaarden van de indicatoren (ook uit vorige begrotingen) "
              "staat op LeideninCijfers.", after=10)
    flow.heading("Beleidsterrein 9B Preventie", 13)
    flow.heading("Doelen en prestaties bij 9B Preventie", 10.5, before=2)
    flow.goal_table([
        GoalRow(["9B1 Burgers zijn zo zelfredzaam mogelijk"], [
            ["9B1.1 Organiseren van een samenhangend aanbod van informatieverstrekking,",
             "advies en cliëntondersteuning"]]),
        GoalRow(["9B2 Gezondheidsproblemen worden", "voorkomen"], [
            ["9B2.1 Uitvoeren van wettelijke taken basisgezondheidszorg"],
            ["9B2.2 Uitvoeren van regionaal en lokaal gezondheidsbeleid"]]),
    ], goal_width=160)
