"""The invented (but plausible, Leiden-style) contents of the sample reports other than the seed
reproduction. Each function returns a `spec.Report`; make_samples.py renders them."""
from __future__ import annotations

from spec import Area, Goal, Ind, Indicators, Money, Perf, Report

R4 = [("Realisatie", ["2015", "2016", "2017", "2018"]), ("Streefwaarde", ["2018"])]


def veiligheid_2018() -> Report:
    """Whitespace-only tables; the indicator table breaks over two pages with its header repeated."""
    goals = [
        Goal("2A1", "Leiden is een veilige stad voor inwoners en bezoekers", [
            Perf("2A1.1", "Uitvoeren van het integraal veiligheidsplan 2015-2018"),
            Perf("2A1.2", "Inzetten van cameratoezicht in het uitgaansgebied en rond de stations",
                 "Het cameratoezicht in de Haarlemmerstraat is in mei uitgebreid met vier camera's. In de "
                 "nachten van het weekend kijkt een toezichthouder live mee, zodat de politie sneller ter "
                 "plaatse is. De evaluatie laat zien dat het aantal geweldsincidenten in het gebied daalde."),
            Perf("2A1.3", "Handhaven van de openbare orde bij evenementen en in de binnenstad"),
        ]),
        Goal("2A2", "Inwoners voelen zich veilig in hun eigen buurt", [
            Perf("2A2.1", "Ondersteunen van buurtpreventieteams en buurtapps"),
            Perf("2A2.2", "Aanpakken van woninginbraken met een wijkgerichte aanpak",
                 "In de Merenwijk en de Stevenshof zijn voorlichtingsavonden gehouden over inbraakpreventie. "
                 "Woningen rond een inbraak kregen een bezoek van een buurtagent en een vrijwilliger. Het "
                 "aantal woninginbraken is met een vijfde gedaald."),
        ]),
        Goal("2A3", "De aanpak van ondermijnende criminaliteit is versterkt", [
            Perf("2A3.1", "Toepassen van het Bibob-beleid bij vergunningverlening in de horeca"),
            Perf("2A3.2", "Samenwerken met politie, justitie en het Regionaal Informatie- en Expertisecentrum"),
        ]),
    ]
    ind = Indicators(R4, [
        "Doel 2A1 Leiden is een veilige stad voor inwoners en bezoekers",
        Ind("2A1.a", "Aantal geregistreerde misdrijven per 1.000 inwoners", ["78", "74", "71", "69", "70"], "Politie"),
        Ind("2A1.b", "Aantal geweldsmisdrijven in het uitgaansgebied", ["212", "198", "187", "175", "180"], "Politie"),
        Ind("2A1.c", "Rapportcijfer voor de veiligheid in de binnenstad*", ["6,4", "6,6", "6,5", "6,8", "6,7"],
            "Veiligheidsmonitor"),
        Ind("2A1.d", "Percentage bezoekers dat zich 's avonds veilig voelt in de binnenstad",
            ["71%", "-", "74%", "-", "75%"], "Stadsenquête"),
        "Doel 2A2 Inwoners voelen zich veilig in hun eigen buurt",
        Ind("2A2.a", "Percentage inwoners dat zich wel eens onveilig voelt in de eigen buurt",
            ["31%", "29%", "30%", "27%", "28%"], "Veiligheidsmonitor"),
        Ind("2A2.b", "Aantal woninginbraken", ["1.012", "934", "871", "702", "850"], "Politie"),
        Ind("2A2.c", "Aantal actieve buurtpreventieteams", ["14", "17", "21", "24", "20"], "Gemeente Leiden"),
        Ind("2A2.d", "Rapportcijfer voor de aanpak van de gemeente van criminaliteit en overlast in de buurt*",
            ["5,9", "6,0", "6,0", "6,2", "6,2"], "Veiligheidsmonitor"),
        "Doel 2A3 De aanpak van ondermijnende criminaliteit is versterkt",
        Ind("2A3.a", "Aantal Bibob-onderzoeken bij aanvragen van horecavergunningen",
            ["12", "19", "26", "31", "30"], "Gemeente Leiden"),
        Ind("2A3.b", "Percentage Bibob-adviezen binnen de wettelijke termijn afgerond",
            ["88%", "91%", "95%", "97%", "95%"], "Gemeente Leiden"),
    ], footnotes=["*Op een schaal van 1 tot 10"], notes={"*": "Op een schaal van 1 tot 10"})
    area = Area("2A", "Openbare orde en veiligheid", goals, ind,
                intro=[("Leiden wil een veilige stad zijn, waar inwoners en bezoekers zich thuis voelen. "
                        "Het integraal veiligheidsplan geeft de prioriteiten: overlast en geweld in het "
                        "uitgaansgebied, woninginbraken en ondermijnende criminaliteit.")])
    return Report("jaarstukken-2018-2a-veiligheid-whitespace.pdf", "Jaarstukken 2018", "jaarstukken", 2018,
                  "Leiden", "2 Veiligheid", [area])


def verharding_2019() -> Report:
    """Budget with fully ruled tables; realised values in one cell as `7,1 (2015)` lines."""
    goals = [
        Goal("5A1", "De openbare ruimte is schoon, heel en veilig", [
            Perf("5A1.1", "Onderhouden van wegen, fietspaden en trottoirs volgens het beheerplan",
                 "In 2019 worden de Lammenschansweg en de Morsweg opnieuw geasfalteerd. Het onderhoud "
                 "wordt waar mogelijk gecombineerd met de vervanging van riolering, zodat de overlast voor "
                 "bewoners beperkt blijft."),
            Perf("5A1.2", "Vervangen van openbare verlichting door ledverlichting"),
            Perf("5A1.3", "Verwijderen van zwerfvuil en legen van afvalbakken in de binnenstad"),
        ]),
        Goal("5A2", "Bewoners zijn betrokken bij hun straat", [
            Perf("5A2.1", "Ondersteunen van bewonersinitiatieven voor groen en schoon in de straat"),
            Perf("5A2.2", "Afhandelen van meldingen openbare ruimte binnen de afgesproken termijn",
                 "Meldingen komen binnen via de app, het webformulier en de telefoon. Het streven is om "
                 "negen van de tien meldingen binnen vijf werkdagen af te handelen."),
        ]),
    ]
    groups = [("Realisatie", []), ("Streefwaarde", ["2019", "2020", "2021", "2022"])]
    ind = Indicators(groups, [
        Ind("5A1.a", "Rapportcijfer voor het onderhoud van straten en stoepen*",
            [["6,1 (2015)", "6,3 (2017)"], "6,5", "6,5", "6,6", "6,6"], "Stadsenquête"),
        Ind("5A1.b", "Percentage wegen dat voldoet aan het onderhoudsniveau basis",
            [["82% (2016)", "85% (2017)"], "90%", "90%", "92%", "92%"], "Beheersysteem wegen"),
        Ind("5A1.c", "Aantal lichtmasten met ledverlichting", [["3.450 (2017)"], "5.000", "6.500", "8.000", "9.200"],
            "Gemeente Leiden"),
        Ind("5A2.a", "Percentage meldingen binnen vijf werkdagen afgehandeld",
            [["84% (2016)", "87% (2017)"], "90%", "90%", "90%", "90%"], "Meldingensysteem"),
        Ind("5A2.b", "Aantal bewonersinitiatieven voor de openbare ruimte",
            [["41 (2016)", "56 (2017)"], "stijging", "stijging", "stijging", "stijging"], "Gemeente Leiden"),
    ], footnotes=["*Op een schaal van 1 tot 10"], notes={"*": "Op een schaal van 1 tot 10"})
    area = Area("5A", "Verharde openbare ruimte", goals, ind)
    return Report("begroting-2019-5a-verharding-ruled.pdf", "Programmabegroting 2019", "begroting", 2019,
                  "Leiden", "5 Beheer openbare ruimte", [area])


def economie_2016() -> Report:
    """A landscape page for a wide indicator table (five realised years)."""
    goals = [
        Goal("7A1", "Leiden heeft een sterke kenniseconomie", [
            Perf("7A1.1", "Ondersteunen van startende bedrijven in het Bio Science Park"),
            Perf("7A1.2", "Werken aan een aantrekkelijk vestigingsklimaat voor kennisinstellingen",
                 "Samen met de Universiteit Leiden en het LUMC is het programma Leiden Kennisstad "
                 "uitgevoerd. Er vestigden zich zeven nieuwe bedrijven op het park, vooral in de "
                 "farmaceutische sector."),
        ]),
        Goal("7A2", "De binnenstad is aantrekkelijk voor bezoekers en ondernemers", [
            Perf("7A2.1", "Uitvoeren van de binnenstadsvisie samen met ondernemers"),
            Perf("7A2.2", "Promoten van Leiden als toeristische bestemming via Leiden Marketing"),
            Perf("7A2.3", "Verminderen van de winkelleegstand in de aanloopstraten"),
        ]),
    ]
    groups = [("Realisatie", ["2012", "2013", "2014", "2015", "2016"]), ("Streefwaarde", ["2016"])]
    ind = Indicators(groups, [
        "Doel 7A1 Leiden heeft een sterke kenniseconomie",
        Ind("7A1.a", "Aantal bedrijven in het Bio Science Park", ["75", "79", "82", "88", "95", "90"],
            "Bio Science Park"),
        Ind("7A1.b", "Aantal banen in de kennisintensieve sector", ["16.100", "16.300", "16.800", "17.200",
                                                                     "17.900", "17.500"], "LISA"),
        "Doel 7A2 De binnenstad is aantrekkelijk voor bezoekers en ondernemers",
        Ind("7A2.a", "Aantal overnachtingen in Leidse hotels", ["262.000", "271.000", "289.000", "301.000",
                                                                 "324.000", "300.000"], "CBS"),
        Ind("7A2.b", "Percentage leegstaande winkelpanden in de binnenstad",
            ["7,9%", "8,4%", "7,1%", "6,2%", "5,8%", "6,0%"], "Locatus"),
        Ind("7A2.c", "Waardering van bezoekers voor de binnenstad als winkelgebied*",
            ["7,6", "-", "7,7", "-", "7,9", "7,8"], "Koopstromenonderzoek"),
    ], footnotes=["*Op een schaal van 1 tot 10; het onderzoek wordt eens in de twee jaar gehouden"],
        notes={"*": "Op een schaal van 1 tot 10; het onderzoek wordt eens in de twee jaar gehouden"})
    area = Area("7A", "Economie en toerisme", goals, ind,
                intro=[("Leiden is een kennisstad met een historische binnenstad. Het college zet in op "
                        "werkgelegenheid in de kenniseconomie en op een levendige binnenstad.")])
    return Report("jaarstukken-2016-7a-economie-landscape.pdf", "Jaarstukken 2016", "jaarstukken", 2016,
                  "Leiden", "7 Economie", [area])


def _money(area_rows: list[tuple[str, list[str]]]) -> Money:
    rows: list[tuple[str, list[str], bool]] = [("Lasten", [], True)]
    rows += [(label, amounts, False) for label, amounts in area_rows]
    rows += [("Totaal lasten", ["11.842", "12.310", "12.084", "226"], True),
             ("Baten", [], True), ("Rijksbijdragen onderwijs", ["-1.204", "-1.150", "-1.177", "27"], False),
             ("Saldo van baten en lasten", ["10.638", "11.160", "10.907", "253"], True)]
    return Money(["Rekening 2018", "Begroting 2019 na wijziging", "Realisatie 2019", "Verschil"], rows)


def onderwijs_2019() -> Report:
    """Three policy areas in one file with money tables in between; the 3B indicator table goes on
    on the next page without its header."""
    a = Area("3A", "Onderwijshuisvesting", [
        Goal("3A1", "Leerlingen volgen onderwijs in goede en gezonde schoolgebouwen", [
            Perf("3A1.1", "Uitvoeren van het integraal huisvestingsplan onderwijs",
                 "De nieuwbouw van het Visser 't Hooft Lyceum is gestart. De renovatie van twee "
                 "basisscholen in de Tuinstadwijk is uitgesteld tot 2020 omdat de aanbesteding opnieuw moest."),
            Perf("3A1.2", "Verduurzamen van bestaande schoolgebouwen"),
        ]),
    ], Indicators([("Realisatie", ["2016", "2017", "2018", "2019"]), ("Streefwaarde", ["2019"])], [
        Ind("3A1.a", "Percentage schoolgebouwen met een frisse binnenlucht (klasse B of beter)",
            ["54%", "58%", "63%", "67%", "70%"], "Scholenmonitor"),
        Ind("3A1.b", "Aantal leerlingen in tijdelijke huisvesting", ["420", "385", "310", "295", "250"],
            "Gemeente Leiden"),
    ]), money=_money([("3A Onderwijshuisvesting", ["8.412", "8.730", "8.601", "129"]),
                      ("3B Onderwijsbeleid", ["3.430", "3.580", "3.483", "97"])]))
    b = Area("3B", "Onderwijsbeleid", [
        Goal("3B1", "Zoveel mogelijk jongeren behalen een startkwalificatie", [
            Perf("3B1.1", "Handhaven van de leerplicht en terugdringen van verzuim"),
            Perf("3B1.2", "Begeleiden van jongeren zonder startkwalificatie naar school of werk"),
        ]),
        Goal("3B2", "Kinderen krijgen een goede start in het onderwijs", [
            Perf("3B2.1", "Aanbieden van voorschoolse educatie aan peuters met een taalachterstand",
                 "Het bereik van de voorschoolse educatie is gestegen doordat consultatiebureaus ouders "
                 "actiever doorverwijzen. Alle locaties hebben een voldoende van de inspectie gekregen."),
            Perf("3B2.2", "Bestrijden van laaggeletterdheid in samenwerking met de bibliotheek"),
        ]),
    ], Indicators([("Realisatie", ["2016", "2017", "2018", "2019"]), ("Streefwaarde", ["2019"])], [
        "Doel 3B1 Zoveel mogelijk jongeren behalen een startkwalificatie",
        Ind("3B1.a", "Percentage voortijdig schoolverlaters", ["1,8%", "1,7%", "1,9%", "1,6%", "1,8%"], "DUO"),
        Ind("3B1.b", "Aantal absolute verzuimers", ["24", "19", "21", "17", "20"], "Leerplichtadministratie"),
        Ind("3B1.c", "Aantal relatief verzuimers", ["612", "588", "541", "503", "550"], "Leerplichtadministratie"),
        "Doel 3B2 Kinderen krijgen een goede start in het onderwijs",
        Ind("3B2.a", "Percentage doelgroeppeuters dat voorschoolse educatie volgt",
            ["78%", "81%", "84%", "88%", "85%"], "Monitor VVE"),
        Ind("3B2.b", "Percentage leerlingen met een taalachterstand in groep 3",
            ["14%", "13%", "13%", "12%", "12%"], "Monitor VVE"),
        Ind("3B2.c", "Aantal deelnemers aan taalcursussen van het Taalhuis", ["310", "355", "402", "468", "400"],
            "Bibliotheek Leiden"),
    ]), intro=[("Het onderwijsbeleid richt zich op kansengelijkheid. Samen met de schoolbesturen is de "
                "Lokale Educatieve Agenda vastgesteld.")],
        money=_money([("3B Onderwijsbeleid", ["3.430", "3.580", "3.483", "97"])]))
    c = Area("3C", "Leerlingenvervoer", [
        Goal("3C1", "Leerlingen die daar recht op hebben worden veilig naar school vervoerd", [
            Perf("3C1.1", "Uitvoeren van de verordening leerlingenvervoer"),
        ]),
    ], Indicators([("Realisatie", ["2016", "2017", "2018", "2019"]), ("Streefwaarde", ["2019"])], [
        Ind("3C1.a", "Aantal leerlingen met een vervoersvoorziening", ["402", "415", "398", "411", "400"],
            "Gemeente Leiden"),
        Ind("3C1.b", "Aantal klachten over het leerlingenvervoer", ["37", "29", "41", "22", "30"],
            "Klachtenregistratie"),
    ]))
    return Report("jaarstukken-2019-3abc-onderwijs-money-tables.pdf", "Jaarstukken 2019", "jaarstukken", 2019,
                  "Leiden", "3 Onderwijs", [a, b, c])


def parkeren_2020() -> Report:
    """Rendered by LibreOffice from a flat ODT: merged goal cells, repeated header rows."""
    goals = [
        Goal("4C1", "Parkeren in de binnenstad is goed geregeld voor bewoners en bezoekers", [
            Perf("4C1.1", "Exploiteren van de parkeergarages Garenmarkt en Lammermarkt",
                 "De parkeergarage Garenmarkt opent in het voorjaar van 2020. Met de opening verdwijnen "
                 "ongeveer tweehonderd parkeerplaatsen op straat, zodat er ruimte komt voor groen."),
            Perf("4C1.2", "Uitgeven van parkeervergunningen voor bewoners en bedrijven"),
            Perf("4C1.3", "Handhaven van het betaald parkeren"),
        ]),
        Goal("4C2", "Fietsers kunnen hun fiets goed stallen bij stations en in de binnenstad", [
            Perf("4C2.1", "Uitbreiden van het aantal fietsparkeerplaatsen bij Leiden Centraal"),
            Perf("4C2.2", "Verwijderen van weesfietsen en foutgeparkeerde fietsen",
                 "Handhavers verwijderen fietsen die langer dan veertien dagen op dezelfde plek staan. "
                 "Eigenaren kunnen hun fiets ophalen in het fietsdepot aan de Willem de Zwijgerlaan."),
        ]),
    ]
    groups = [("Realisatie", []), ("Streefwaarde", ["2020", "2021", "2022", "2023"])]
    ind = Indicators(groups, [
        Ind("4C1.a", "Bezettingsgraad van de parkeergarages", [["61% (2017)", "64% (2018)"], "70%", "75%", "75%", "75%"],
            "Parkeerbedrijf"),
        Ind("4C1.b", "Percentage bewoners dat tevreden is over de parkeermogelijkheden in de eigen straat",
            [["52% (2017)"], "55%", "-", "57%", "-"], "Stadsenquête"),
        Ind("4C2.a", "Aantal fietsparkeerplaatsen bij Leiden Centraal", [["9.300 (2017)", "10.250 (2018)"], "11.500",
                                                                         "12.000", "12.000", "12.500"], "ProRail"),
        Ind("4C2.b", "Aantal verwijderde weesfietsen", [["3.120 (2017)", "2.870 (2018)"], "< 2.500", "< 2.500",
                                                        "< 2.000", "< 2.000"], "Gemeente Leiden"),
    ])
    area = Area("4C", "Parkeren", goals, ind)
    return Report("begroting-2020-4c-parkeren-libreoffice.pdf", "Programmabegroting 2020", "begroting", 2020,
                  "Leiden", "4 Bereikbaarheid", [area])


def inkomen_2020() -> Report:
    """Rendered by Chromium's print to PDF from HTML: rowspan goal cells, thead repeated."""
    goals = [
        Goal("6B1", "Inwoners met een laag inkomen kunnen meedoen in de samenleving", [
            Perf("6B1.1", "Verstrekken van de Leidse Regeling aan minima",
                 "Het gebruik van de Leidse Regeling is gestegen na een campagne in de wijken. Vooral "
                 "gezinnen met kinderen maakten vaker gebruik van de regeling voor sport en cultuur."),
            Perf("6B1.2", "Uitvoeren van de bijzondere bijstand"),
        ]),
        Goal("6B2", "Minder inwoners hebben problematische schulden", [
            Perf("6B2.1", "Bieden van schuldhulpverlening binnen vier weken na aanmelding"),
            Perf("6B2.2", "Vroegsignalering van betalingsachterstanden met woningcorporaties en energiebedrijven",
                 "Met drie woningcorporaties, het waterbedrijf en twee zorgverzekeraars zijn afspraken "
                 "gemaakt over het doorgeven van achterstanden. Inwoners krijgen binnen een week een "
                 "huisbezoek aangeboden."),
            Perf("6B2.3", "Geven van voorlichting over geldzaken op scholen"),
        ]),
    ]
    ind = Indicators([("Realisatie", ["2017", "2018", "2019", "2020"]), ("Streefwaarde", ["2020"])], [
        "Doel 6B1 Inwoners met een laag inkomen kunnen meedoen in de samenleving",
        Ind("6B1.a", "Percentage minima dat gebruikmaakt van de Leidse Regeling", ["42%", "45%", "47%", "51%", "50%"],
            "Gemeente Leiden"),
        Ind("6B1.b", "Aantal huishoudens met een inkomen tot 120% van het sociaal minimum",
            ["7.850", "7.720", "7.640", "7.910", "-"], "Minimamonitor"),
        "Doel 6B2 Minder inwoners hebben problematische schulden",
        Ind("6B2.a", "Aantal aanmeldingen voor schuldhulpverlening", ["812", "845", "901", "954", "n.v.t."],
            "Gemeente Leiden"),
        Ind("6B2.b", "Gemiddelde wachttijd tot het eerste gesprek (in dagen)*", ["24", "19", "15", "12", "14"],
            "Gemeente Leiden"),
        Ind("6B2.c", "Aantal signalen van vroegsignalering", ["-", "310", "688", "1.204", "1.000"],
            "Vroegsignalering"),
    ], footnotes=["*Gerekend vanaf de dag van aanmelding tot het eerste gesprek met een schuldhulpverlener"],
        notes={"*": "Gerekend vanaf de dag van aanmelding tot het eerste gesprek met een schuldhulpverlener"})
    area = Area("6B", "Inkomen en armoedebestrijding", goals, ind)
    return Report("jaarstukken-2020-6b-inkomen-chromium.pdf", "Jaarstukken 2020", "jaarstukken", 2020,
                  "Leiden", "6 Werk en inkomen", [area])
