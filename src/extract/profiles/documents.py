"""Words that name a document: its kind (begroting, jaarstukken, ...) and when that kind is
published, the title lines and site names that carry kind and edition year, the section cues that
give a kind away, the words of programme headings, and what marks a province's documents.

`parse.metadata` holds the logic that reads a document with these words; the municipality and
province names are data (`data/municipalities.txt`, `data/provinces.txt`).
"""
from __future__ import annotations

import re

# Words that mark a text as naming the document (a title, a running header); the sources use it
# to pick the title out of `<title>` parts and PDF running text.
DOCUMENT_KIND_WORDS = re.compile(r"begroting|jaarstukken|jaarverslag|jaarrekening|rapportage|nota\b", re.IGNORECASE)

# The kinds of document and the words that name them, most specific first: a `Bestuursrapportage
# (wijziging programmabegroting)` is a bestuursrapportage, `Jaarverslag en jaarrekening` jaarstukken.
# Every word is a regex fragment matched case-insensitively; `KIND_WORD` below joins them.
KIND_WORDS: dict[str, tuple[str, ...]] = {
    "kadernota": ("kadernota", "kaderbrief", "perspectiefnota"),
    "voorjaarsnota": ("voorjaarsnota", "voorjaarsrapportage"),
    "najaarsnota": ("najaarsnota", "najaarsrapportage"),
    "kwartaalrapportage": ("kwartaalrapportage", "kwartaalrapport"),
    "voortgangsrapportage": ("voortgangsrapportage",),
    "bestuursrapportage": ("bestuursrapportage", r"\bburap\b", "tussenrapportage", r"\bturap\b",
                           r"tussentijdse\s+rapportage", r"(?:vier|acht|4|8)[\s-]?maands(?:rapportage|rapport)"),
    "jaarstukken": ("jaarstukken", "jaarverslag", "jaarrekening", "programmaverantwoording"),
    "begroting": ("programmabegroting", "beleidsbegroting", "ontwerpbegroting", "meerjarenbegroting",
                  "gemeentebegroting", "begroting"),
}
KINDS = tuple(KIND_WORDS) + ("other",)

# When an edition of each kind is published, in years from the start of its edition year: the
# budget for Y in the autumn of Y-1, the kadernota that frames it in the spring of Y-1, the
# voorjaarsnota in the spring of Y, progress and quarterly reports during Y, the najaarsnota in
# the autumn of Y, the annual report in the spring of Y+1. The editions' order in time
# (`checks.keys.publication_order`) reads it.
PUBLICATION_OFFSET: dict[str, float] = {
    "kadernota": -0.6, "begroting": -0.25, "voorjaarsnota": 0.4, "voortgangsrapportage": 0.5,
    "kwartaalrapportage": 0.55, "bestuursrapportage": 0.6, "najaarsnota": 0.8, "jaarstukken": 1.4,
    "other": 0.0,
}

KIND_WORD = "|".join(w for words in KIND_WORDS.values() for w in words)
YEAR = r"(?:19|20)\d\d"

# A title line naming the document: `Programmabegroting 2024`, `1e Voortgangsrapportage 2020`,
# `Tweede bestuursrapportage 2023`, `Programmabegroting 2024-2027`, `Jaarstukken 2019
# 's-Hertogenbosch`, `Gemeente Leiden - Programmabegroting 2019`. The year is optional for every
# kind word but a bare `Begroting` (without a year that is a column header, not a title).
_ORDINAL = r"(?:\d+\s?(?:e|ste|de)\s+|(?:eerste|tweede|derde|vierde)\s+)"
_OWNER = r"(?:[^|:–]{2,40}?\s[-–|:]\s+|(?:gemeente|provincie)\s+\S+(?:\s+\S+){0,3}?:\s*)"  # `Gemeente Leiden - `
TITLE = re.compile(
    rf"^{_OWNER}?{_ORDINAL}?(?P<kind>{KIND_WORD})(?![a-zà-ÿ])(?:\s+(?:en|&)\s+(?:{KIND_WORD}))?"
    rf"(?:[\s-]*(?P<year>{YEAR})(?!\d)(?:\s*[-–/]\s*{YEAR}(?!\d))?)?(?P<rest>.*)$", re.IGNORECASE)
# Kind words that name a title only with a year after them (alone they are column headers).
TITLE_NEEDS_YEAR = re.compile(r"^begroting$", re.IGNORECASE)
# An abbreviated edition anywhere in a head line: `PB2024`, `PB 2024` (programmabegroting).
ABBREVIATED = [("begroting", re.compile(rf"\bPB\s?(?P<year>{YEAR})\b"))]
# A site name carrying kind and year: `lisse.begroting-2021.nl`, `begroting2024.leiden.nl`.
HOST = re.compile(r"(?<![\w.@-])(?:https?://)?(?P<host>(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:nl|frl|eu|com))\b",
                  re.IGNORECASE)
HOST_LABEL = re.compile(rf"^(?P<kind>{KIND_WORD})-?(?P<year>{YEAR})$", re.IGNORECASE)

# Section cues that give the kind away, as (kind, pattern matched at a line's start). A year in
# the cue (`Wat gaan we doen in 2019`, `In 2019 gaan we`) is the edition year of a budget.
CUES = [
    ("jaarstukken", re.compile(
        r"^toelichting (?:bij|op) de prestatieverantwoording|^wat hebben we (?:daar|er)?(?:voor )?gedaan|"
        r"^wat hebben we (?:in (?P<year>" + YEAR + r") )?bereikt|^wat wilden we bereiken|^wat heeft het gekost",
        re.IGNORECASE)),
    ("bestuursrapportage", re.compile(r"^toelichting doelenboom", re.IGNORECASE)),
    ("begroting", re.compile(
        r"^wat gaan we (?:daar|er)?(?:voor )?doen(?: in (?P<year>" + YEAR + r"))?|^in (?P<year2>" + YEAR
        + r") gaan we\b|^wat mag het kosten", re.IGNORECASE)),
]
# A cue too common to decide against the file name: budgets ask it, and so do many other reports.
WEAK_CUES = [("begroting", re.compile(r"^wat willen we bereiken", re.IGNORECASE))]

# Indicator-table column words, for the edition year when the parser found no year header:
# realised (`Realisatie 2020`, `R2017`) and target or budgeted (`Begroting 2023`, `B2019`).
REALISED_WORD = r"realisatie|rekening|werkelijk|behaald|resultaat"
TARGET_WORD = r"begroting|streefwaarde(?:n)?|doelstelling|ambitie|beoogd|norm"
COLUMN_YEAR = re.compile(
    rf"^(?:(?P<r>{REALISED_WORD})|(?P<t>{TARGET_WORD}))\s*(?P<year>{YEAR})?$", re.IGNORECASE)
GLUED_COLUMN_YEAR = re.compile(rf"(?<![A-Za-z])(?:(?P<r>R)|(?P<t>B))(?P<year>{YEAR})(?!\d)")
BARE_YEAR = re.compile(rf"^{YEAR}$")

# Programme headings: `Programma 2 Leefomgeving`, `Programma 1. Werk en inkomen`, `Programma 5:
# Modern bestuur`, `Programma Wonen`; a sub-programme `Deelprogramma 1.2 Inkomen` or `9.2:
# Afvalinzameling` (its name is the programme only when the page names no programme).
PROGRAMME = re.compile(
    r"^(?:PROGRAMMA|[Pp]rogramma)\s+(?:(?P<num>\d{1,2}[a-z]?)\s*[:.\-–|]?\s*)?(?P<name>[A-ZÀ-Ý][^/|>]{2,80}?)\s*$")
SUBPROGRAMME = re.compile(
    r"^(?:[Dd]eelprogramma\s+)?(?P<num>\d{1,2}\.\d{1,2})\s*[:.\-–]?\s+(?P<name>[A-ZÀ-Ý][^|]{2,80}?)\s*$")
# A line that lists the programmes and is followed by one's title (`Programma's` / `Sport en recreatie`).
PROGRAMME_LIST = re.compile(r"^(?:programma'?s|programmaplan|programmaverantwoording|beleidsbegroting|"
                            r"programma'?s en paragrafen)$", re.IGNORECASE)
# Breadcrumb parts that are structure, not a programme: home, the document, its chapters.
BREADCRUMB_STRUCTURE = re.compile(
    rf"^(?:home|start|hoofdpagina|u bent hier:?.*|inleiding|paragrafen|bijlagen|programma'?s(?: en paragrafen)?|"
    rf"programmaplan|beleidsbegroting|programmabegroting|programmaverantwoording|jaarverslag|"
    rf"(?:{KIND_WORD})(?:\s+{YEAR})?)$", re.IGNORECASE)
BREADCRUMB_AREA = re.compile(r"^(?:beleidsterrein|beleidsveld|taakveld|deelprogramma|onderwerp)\b", re.IGNORECASE)
# Navigation a saved page starts with, skipped when looking for its first heading.
NAVIGATION = re.compile(r"^(?:ga naar boven|naar de inhoud|terug naar navigatie\b.*|pdf opties|print|deel deze pagina|"
                        r"zoeken\b.*|menu|accepteren.*|home)$", re.IGNORECASE)
# A first heading that is the page's topic, not a programme: indicator sets, chapters, annexes.
NOT_A_PROGRAMME = re.compile(
    r"indicator|doelstelling|doelen\b|bijlage|inleiding|paragra|overzicht|inhoud|toelichting|samenvatting|"
    r"voorwoord|leeswijzer|financi[eë]le|financieel|begroting|jaarstukken|jaarverslag|kengetallen|basisset|taakveld|wat\s",
    re.IGNORECASE)

# Words of a sentence (verbs, pronouns): a first line holding one is a goal or a statement, not a
# programme's name (`Afval wordt goed gescheiden`).
SENTENCE_WORDS = re.compile(r"\b(?:wordt|worden|is|zijn|was|waren|heeft|hebben|kan|kunnen|blijft|blijven|gaat|gaan|"
                            r"moet|moeten|wil|willen|we|wij|ons|onze|u|uw)\b", re.IGNORECASE)

# Words of a province's documents (its council and executive), against a municipality's.
PROVINCE_WORDS = re.compile(r"\b(?:[Pp]rovinciale [Ss]taten|[Gg]edeputeerde [Ss]taten|[Ss]tatenleden|[Gg]edeputeerde|GS|PS)\b")
MUNICIPALITY_WORDS = re.compile(r"\b(?:gemeenteraad|raadsleden|burgemeester en wethouders|college van b\s?&\s?w|"
                                r"wethouder)\b", re.IGNORECASE)
# The words before a name that say whose document it is: `Gemeente Leiden`, `provincie Utrecht`.
OWNER_WORD = r"(?:gemeente|provincie)"
