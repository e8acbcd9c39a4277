"""Document metadata (kind, edition year, municipality or province, programme) against every gold
file's `document` object, and the rules behind it on small made-up pages."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import get_args

import pytest
from conftest import ROOT, SAMPLES, SHARED

import extract
from extract.models.records import Kind
from extract.parse import bodies
from extract.parse.metadata import detect
from extract.profiles import documents as vocab


def _gold_files() -> list[Path]:
    files = sorted(SAMPLES.rglob("*.gold.json"))
    if SHARED.is_dir():
        files += sorted((SHARED / "seeds").glob("*.gold.json"))
        files += sorted((SHARED / "corpus").glob("*/*.gold.json"))
    return files


def _id(path: Path) -> str:
    return path.relative_to(SHARED if SHARED in path.parents else ROOT).as_posix()


# What the page does not say: Utrecht's annual-report pages name their programme only in the
# file name's topic words (`...-bewoners-en-bestuur`), which lose its capitals.
KNOWN = {"109_utrecht-jaarverslag-2016-bewoners-en-bestuur.gold.json": {"programme"},
         "110_utrecht-jaarverslag-2017-bewoners-en-bestuur.gold.json": {"programme"}}


def _programme(gold: str) -> str:
    # The PDF samples' gold writes the programme with its number (`5 Beheer openbare ruimte`),
    # the shared gold the name only (`Programma 2. Leefomgeving` -> `Leefomgeving`); the output
    # follows the shared gold.
    return re.sub(r"^\d{1,2}[a-z]?\.?\s+", "", gold)


@pytest.mark.parametrize("gold_file", _gold_files(), ids=_id)
def test_document_metadata_equals_gold(gold_file: Path):
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    want = gold["document"]
    doc = extract.convert(gold_file.parent / gold["source_file"])
    got = {"kind": doc.kind, "year": doc.year, "municipality": doc.municipality, "programme": doc.programme}
    fields = [f for f in ("kind", "year", "municipality", "programme") if f in want]
    known = KNOWN.get(gold_file.name, set())
    expected = {f: _programme(want[f]) if f == "programme" and want[f] else want[f] for f in fields}
    wrong = {f: (expected[f], got[f]) for f in fields if expected[f] != got[f] and f not in known}
    assert not wrong, f"(gold, got) per field: {wrong}"
    for f in known:
        if expected.get(f) == got[f]:
            pytest.fail(f"{f} now matches the gold: drop it from KNOWN")


def look(text: str, source: str = "page.txt", header_years=None, title=None):
    lines = [s for s in text.strip("\n").splitlines()]
    return detect(lines, source, header_years or {}, title)


# --- names -----------------------------------------------------------------------------------

def test_names_list_is_complete_and_current():
    names = bodies.municipalities()
    assert len(names) == 342 and len(set(names)) == 342
    for name in ("Leudal", "Tytsjerksteradiel", "Bergen (NH)", "Bergen (L)", "Voorne aan Zee", "Dijk en Waard",
                 "Land van Cuijk", "Maashorst", "Eemsdelta", "'s-Hertogenbosch", "Den Haag"):
        assert name in names
    for gone in ("Brielle", "Hellevoetsluis", "Westvoorne", "Weesp", "Beemster", "Heerhugowaard", "Uden",
                 "Haaren", "Appingedam", "Bergen"):
        assert gone not in names
    provinces = bodies.provinces()
    assert len(provinces) == 12 and "Provincie Fryslân" in provinces and "Provincie Noord-Holland" in provinces


@pytest.mark.parametrize("text, source, want", [
    ("Programmabegroting 2024\nGemeente 's-Hertogenbosch\nTekst over de stad.", "page.txt", "'s-Hertogenbosch"),
    ("Jaarstukken 2019 's-Hertogenbosch\nWat wilden we bereiken?", "page.txt", "'s-Hertogenbosch"),
    ("Wat willen we bereiken?\nEen schone stad.", "017_s-hertogenbosch-jaarverslag-2019-bewegen.txt", "'s-Hertogenbosch"),
    ("Begroting 2022\nDe gemeente Den Bosch investeert in sport.", "page.txt", "'s-Hertogenbosch"),
    ("Begroting 2021 gemeente Alphen aan den Rijn\nIn Alphen aan den Rijn wonen veel mensen.", "page.txt",
     "Alphen aan den Rijn"),
    ("Jaarverslag 2020\nSúdwest-Fryslân is een grote gemeente. In Súdwest-Fryslân wonen 90.000 mensen.", "page.txt",
     "Súdwest-Fryslân"),
    ("Begroting 2023\nGemeente Bergen (NH)\nDe kust.", "page.txt", "Bergen (NH)"),
    ("Begroting 2023\nDe kust.", "bergen-nh-begroting-2023.txt", "Bergen (NH)"),
    ("Begroting 2023\nDe Maas.", "bergen-l-begroting-2023.txt", "Bergen (L)"),
    ("Bijlage 7. Prestatie indicatoren BBV\nProgramma 1", "112_fryslan-jaarstukken-2023-prestatie-indicatoren-bbv.txt",
     "Provincie Fryslân"),
    ("Begroting 2024 Provincie Noord-Holland\nGedeputeerde Staten stellen voor.", "page.txt", "Provincie Noord-Holland"),
    ("Begroting 2024\nProvinciale Staten van Fryslân besluiten. Gedeputeerde Staten voeren uit.", "page.txt",
     "Provincie Fryslân"),
    # a bare name both share goes to the municipality, unless the page reads as the province's
    ("Begroting 2018\nGroningen groeit. In Groningen wonen studenten.", "page.txt", "Groningen"),
    ("Begroting 2018\nDe gemeenteraad van Groningen besluit, samen met de provincie Groningen.", "page.txt",
     "Groningen"),
    ("Begroting 2018\nProvinciale Staten besluiten; Gedeputeerde Staten van Groningen voeren uit.", "page.txt",
     "Provincie Groningen"),
    ("Begroting 2018\nDe stad.", "126_groningen-begroting-2017-afvalinzameling.txt", "Groningen"),
    ("Begroting 2023\nHet landschap.", "provincie-utrecht-begroting-2023.txt", "Provincie Utrecht"),
    ("Begroting 2023\nGS stellen PS voor de wegen te verbreden.", "utrecht-begroting-2023.txt", "Provincie Utrecht"),
    # site names and titles
    ("Welkom op lisse.begroting-2021.nl\nWat gaan we doen?", "page.txt", "Lisse"),
    ("Begroting 2021 - www.denhaag.nl\nDe stad.", "page.txt", "Den Haag"),
    ("Programmabegroting 2024\nDe gemeente 's-Gravenhage.", "page.txt", "Den Haag"),
    ("Begroting 2021\nDe stad.", "Programmabegroting_2021_Gemeente_Leiden.pdf", "Leiden"),
    # an everyday word is no mention; the name named as the municipality is
    ("Begroting 2021\nBest practices uit het land. Goes it alone.", "page.txt", None),
    ("Begroting 2021\nGemeente Best\nBest practices.", "page.txt", "Best"),
    ("Programmabegroting 2024\nBeleidsterrein 7B Onderwijs\nAlle kinderen gaan naar school.", "page.txt", None),
    ("Begroting 2024\nBergen van regenwater in de wijk. Bergen kost ruimte.", "page.txt", None),
    ("Begroting 2024 Provinsje Fryslân\nDe provincie.", "page.txt", "Provincie Fryslân"),
])
def test_municipality(text, source, want):
    assert look(text, source).municipality == want


def test_title_name_outweighs_mentions_of_neighbours():
    text = ("Jaarstukken 2019 Gemeente Teylingen\nSamen met Lisse en Hillegom in HLTsamen. "
            "Lisse en Hillegom doen mee. Lisse ook.\nWat hebben we bereikt?")
    assert look(text).municipality == "Teylingen"


def test_the_municipality_of_a_long_report_that_names_its_neighbours():
    page = ["Programma 3 Economie", "De gemeente Leiden werkt samen met Leiderdorp, Oegstgeest en Katwijk aan "
            "de regionale economie; Leidenaren en bezoekers profiteren daarvan.", "Realisatie 2019 12,5%"] * 50
    lines = page * 400  # 400 pages (its speed is measured by bench/, not here)
    meta = detect(lines, "report.pdf", {})
    assert meta.municipality == "Leiden"


# --- kind and year -----------------------------------------------------------------------------

@pytest.mark.parametrize("title, kind, year", [
    ("Programmabegroting 2024", "begroting", 2024),
    ("Beleidsbegroting 2019", "begroting", 2019),
    ("Ontwerpbegroting 2025", "begroting", 2025),
    ("Meerjarenbegroting 2024-2027", "begroting", 2024),
    ("Begroting 2021 Lisse", "begroting", 2021),
    ("Jaarstukken 2019 's-Hertogenbosch", "jaarstukken", 2019),
    ("Jaarverslag 2016", "jaarstukken", 2016),
    ("Jaarrekening 2022", "jaarstukken", 2022),
    ("Jaarverslag en jaarrekening 2021", "jaarstukken", 2021),
    ("Programmaverantwoording 2020", "jaarstukken", 2020),
    ("Voorjaarsnota 2023", "voorjaarsnota", 2023),
    ("Najaarsnota 2023", "najaarsnota", 2023),
    ("Kadernota 2025", "kadernota", 2025),
    ("Tweede bestuursrapportage 2022", "bestuursrapportage", 2022),
    ("Burap 2021", "bestuursrapportage", 2021),
    ("1e Turap 2020", "bestuursrapportage", 2020),
    ("Tussenrapportage 2019", "bestuursrapportage", 2019),
    ("Kwartaalrapportage 2024", "kwartaalrapportage", 2024),
    ("1e Voortgangsrapportage 2020", "voortgangsrapportage", 2020),
    ("Gemeente Leiden - Programmabegroting 2019", "begroting", 2019),
    ("Bijlage college producten, kosten en prestatie PB2024", "begroting", 2024),
    ("Zoetermeer - Programmabegroting 2024", "begroting", 2024),
    ("Gemeente Lisse | Jaarverslag 2019", "jaarstukken", 2019),
    ("Jaarstukken2019", "jaarstukken", 2019),
    ("Bestuursrapportage 2023-I", "bestuursrapportage", 2023),
    ("Begrotingswijziging 2022", "other", None),
    ("Begroting 2023 is sluitend.", "other", None),
    ("Begroting 2022 - 51 % 51 %", "other", None),
])
def test_kind_and_year_from_the_title(title, kind, year):
    meta = look(f"{title}\nBeleidsterrein 1A Bestuur")
    assert (meta.kind, meta.year) == (kind, year)


def test_every_kind_has_a_publication_offset_and_is_in_the_model():
    kinds = set(get_args(Kind))
    assert kinds == set(vocab.KINDS) == set(vocab.PUBLICATION_OFFSET)
    schema = json.loads((ROOT / "schemas" / "document.schema.json").read_text(encoding="utf-8"))
    assert set(schema["properties"]["kind"]["enum"]) == kinds
    order = sorted(kinds - {"other"}, key=lambda k: vocab.PUBLICATION_OFFSET[k])
    assert order.index("kadernota") < order.index("begroting") < order.index("voorjaarsnota") \
        < order.index("najaarsnota") < order.index("jaarstukken")


def test_a_column_header_is_not_a_title():
    text = "Indicator\nEenheid\nRealisatie 2020\nBegroting 2022\nBegroting 2023\nBron"
    meta = look(text, "106_drimmelen-jaarstukken-2022-basisset.txt")
    assert (meta.kind, meta.year) == ("jaarstukken", 2022)
    assert look("Begroting\n2022\nBron", "jaarverslag-2017.txt").kind == "jaarstukken"


def test_site_name_gives_kind_and_year():
    assert (look("leiden.begroting-2024.nl\nBeleidsterrein 1A").kind, look("leiden.begroting-2024.nl").year) \
        == ("begroting", 2024)


@pytest.mark.parametrize("text, kind, year", [
    # an annual report realises the year it had a target for
    ("Indicator\nNulmeting\nDoelstelling 2019\nRealisatie 2019\nAmbitie 2022", "jaarstukken", 2019),
    ("IndicatorNulmetingR2016B2017R2017StatusBron/Frequentie", "jaarstukken", 2017),
    # a budget reports realised figures up to two years before it, and sets targets from its year on
    ("Realisatie\nBegroting\nBegroting\nBegroting\n2017\n2018\n2019\n2020", "begroting", 2019),
    ("Indicator\nEenheid\nRealisatie\n2020\nRealisatie\n2021\nBegroting\n2022\nBegroting\n2023", "begroting", 2023),
    ("Topindicator | R2017 | B2018 | B2019 | Bron", "begroting", 2019),
])
def test_kind_and_year_from_the_indicator_header(text, kind, year):
    meta = look(text)
    assert (meta.kind, meta.year) == (kind, year)


def test_parser_header_years_of_a_budget():
    meta = look("Beleidsterrein 9A\nDoel", header_years={"realisatie": [], "streefwaarde": [2019, 2020, 2021, 2022]})
    assert (meta.kind, meta.year) == ("begroting", 2019)


@pytest.mark.parametrize("cue, kind", [
    ("Wat wilden we bereiken?", "jaarstukken"),
    ("Wat hebben we bereikt?", "jaarstukken"),
    ("Wat heeft het gekost?", "jaarstukken"),
    ("Wat gaan we daarvoor doen?", "begroting"),
    ("Wat mag het kosten?", "begroting"),
])
def test_kind_from_the_section_cues(cue, kind):
    assert look(f"Beleidsterrein 1A Bestuur\n{cue}\nTekst.").kind == kind


def test_cue_lines_are_those_a_cue_starts_line_by_line():
    """The cues are searched for in the joined text at once: the lines found are those each
    cue matches at the start of, stripped, in order — also after white space, in any case,
    with a year, and never in the middle of a line."""
    from extract.parse import metadata
    from extract.profiles import documents as vocab
    texts = [line for f in sorted(ROOT.joinpath("samples").rglob("*.txt"))
             for line in f.read_text(encoding="utf-8", errors="replace").splitlines()]
    texts += ["  Wat hebben we in 2019 bereikt?", "WAT MAG HET KOSTEN", "\tIn 2020 gaan we", "In 2020 gaan weg",
              "Tekst: wat gaan we doen", "\u00a0Wat gaan we er voor doen in 2021"]
    want = [s for s in (t.strip() for t in texts) if any(rx.match(s) for _, rx in vocab.CUES)]
    assert len(want) > 6 and "Tekst: wat gaan we doen" not in want and "In 2020 gaan weg" not in want
    assert list(metadata._cue_lines(texts)) == want
    assert list(metadata._cue_lines(["a\nWat mag het kosten", "Wat mag het kosten"])) == ["Wat mag het kosten"]


def test_the_page_decides_before_the_file_name_and_a_weak_cue_after_it():
    assert look("Jaarstukken 2019\nTekst.", "begroting-2020.txt").kind == "jaarstukken"
    assert look("Wat willen we bereiken?\nTekst.", "jaarverslag-2019.txt").kind == "jaarstukken"
    assert look("Wat willen we bereiken?\nTekst.").kind == "begroting"


# --- programme ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, want", [
    ("Begroting 2021\nProgramma 2 Leefomgeving\nBeleidsindicatoren", "Leefomgeving"),
    ("Programma 2. Leefomgeving\nBeleidsindicatoren", "Leefomgeving"),
    ("Programma 1: Werk en inkomen\nTekst", "Werk en inkomen"),
    ("Programma 1 Werk en inkomen\nDeelprogramma 1.2 Inkomen en armoedeverlichting", "Werk en inkomen"),
    ("Jaarstukken 2019\nProgramma's\nSport en recreatie\nWat wilden we bereiken?", "Sport en recreatie"),
    ("Begroting 2018\nSport en bewegen\n5.1 Sportieve infrastructuur en faciliteren verenigingen", "Sport en bewegen"),
    ("Begroting 2017\n9.2: Afvalinzameling en -verwerking\nInleiding", "Afvalinzameling en -verwerking"),
    ("Bewoners en Bestuur\nUtrecht is een aantrekkelijke stad voor bewoners en bezoekers met een moderne overheid.",
     "Bewoners en Bestuur"),
    ("Home / Beleidsbegroting / Programmaplan / Maatschappelijke Ondersteuning / Beleidsterrein 9A Sociale binding",
     "Maatschappelijke Ondersteuning"),
    ("Home / Programmabegroting 2022 / Veiligheid / Beleidsterrein 2B Sociale veiligheid", "Veiligheid"),
    ("Home / Beleidsbegroting / Programmaplan / Programma 3 Economie", "Economie"),
    ("U bent hier: Home > Beleidsbegroting > Onderwijs, Sport en Cultuur > Beleidsterrein 8B Cultureel erfgoed",
     "Onderwijs, Sport en Cultuur"),
    ("1. Home\n2. Beleidsbegroting\n3. Programmaplan\n4. Maatschappelijke Ondersteuning\n5. Beleidsterrein 9A Sociale",
     "Maatschappelijke Ondersteuning"),
    ("Home / Jaarstukken 2021 / Programma's / Sport en recreatie / Sportaccommodaties", "Sport en recreatie"),
    # no programme: a topic, a section, an indicator set, a programme without a name
    ("Basisset beleidsindicatoren\nInleiding Basisset beleidsindicatoren\nHet Besluit Begroting en Verantwoording.", None),
    ("Wat willen we bereiken?\nAfval wordt goed gescheiden", None),
    ("Prestatie-indicatoren Programma 1\nLeerwinst", None),
    ("Beleidsindicatoren\nProgramma 1\nIndicator", None),
    ("Ga naar boven\nBeleidsterrein 8C Sport\nDoelen en prestaties bij 8C Sport", None),
    ("Programma van eisen voor de nieuwe school\nTekst", None),
    ("Programma 1 | Veiligheid\nTekst", "Veiligheid"),
    # a table of contents, a menu of programmes, a report of several programmes: none of them
    ("Inhoud\nProgramma 1 Bestuur ........ 12\nProgramma 2 Veiligheid ........ 20", None),
    ("Programma 1 Bestuur\nProgramma 2 Veiligheid\nProgramma 3 Economie", None),
    ("Jaarverslag 2020\nProgramma 1 Bestuur\nTekst over bestuur.\nProgramma 2 Veiligheid\nTekst.", None),
    ("Afval wordt goed gescheiden\nDe gemeente heeft een wettelijke plicht tot inzameling en verwerking van afval.", None),
])
def test_programme(text, want):
    assert look(text).programme == want
