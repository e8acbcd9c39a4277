"""Section headings of budget pages and the words that open and close their parts."""
from __future__ import annotations

import re

# Headings that end an explanation or a table: the three W questions, indicator and money
# sections, navigation left in saved pages.
_SECTION = re.compile(
    r"^(?:effectindicatoren|prestatie-?indicatoren|beleidsindicatoren|indicatoren\b|"
    r"verbonden partijen|wat mag het kosten|wat heeft het gekost|wat willen we bereiken|"
    r"wat hebben we bereikt|wat gaan we (?:daar|er)?(?:voor )?doen|wat hebben we (?:daar|er)?(?:voor )?gedaan|"
    r"analyse (?:van )?(?:de )?(?:verschillen|afwijkingen)|kengetallen|(?:relevante )?beleidsnota'?s|reserves\b|"
    r"mutaties\b|bijlagen?\b|hoe meten we|"
    r"toelichting\b|doelen en prestaties|financi[eë]n|financieel|lasten en baten|overzicht (?:van )?(?:baten|lasten)|"
    r"ontwikkelingen\b|risico'?s\b|investeringen\b|ga naar boven|inleiding\b|beleidsterrein\b|"
    r"programma \d|bestaand beleid|nieuw beleid|taakvelden|beleidskaders?\b|begroting per prestatie|"
    r"meer informatie|downloads?\b|deel dit|print\b)", re.IGNORECASE)
_ALWAYS = re.compile(r"^een overzicht van (?:de )?realisatie", re.IGNORECASE)
_GOAL_TABLE_HEADER = re.compile(r"^(?:doel(?:en|stelling)?|prestaties?|doel\s*prestaties?|prestaties?\s*doel)$", re.IGNORECASE)
_GOALS_INTRO = re.compile(r"^doelen en prestaties (?:bij|van|voor)\s+(?P<pa>\d{1,2}\s?[A-Z])\b\s*(?P<title>.*)$", re.IGNORECASE)
_FOOTNOTE = re.compile(r"^(?P<marker>\*{1,4}|[¹²³])\s*(?P<text>\S.*)$")
_SENTENCE_END = re.compile(r"[.!?:;]['\"’”)]?$")
LOWER_START = re.compile(r"^[a-zà-ÿ]")  # a line that goes on from the one before


def is_section_heading(text: str) -> bool:
    if _ALWAYS.match(text):
        return True
    return len(text) <= 120 and bool(_SECTION.match(text)) and not text.endswith((",",))


def is_goal_table_header(text: str) -> bool:
    return bool(_GOAL_TABLE_HEADER.match(text.strip()))


def goals_intro(text: str) -> tuple[str, str] | None:
    """`Doelen en prestaties bij 9A Sociale binding` -> ('9A', 'Sociale binding')."""
    m = _GOALS_INTRO.match(text.strip())
    if not m:
        return None
    return m.group("pa").replace(" ", ""), m.group("title").strip()



def footnote(text: str) -> tuple[str, str] | None:
    m = _FOOTNOTE.match(text.strip())
    if not m:
        return None
    return m.group("marker"), m.group("text").strip()


_NOT_JOINED = {"en", "of", "tot", "en/of"}  # `kunst- en cultuur` keeps its space


def join_wrapped(before: str, after: str) -> str:
    """Join a line wrapped in a PDF cell or paragraph to the next: with a space, except after a
    hyphen that breaks a compound (`Wmo-` / `voorzieningen` -> `Wmo-voorzieningen`)."""
    before, after = before.rstrip(), after.strip()
    return f"{before}{wrap_separator(before[-2:], after)}{after}".strip()


def wrap_separator(before_end: str, after: str) -> str:
    """What joins a wrapped line to the stripped line `after`, from the last two characters of
    the text before it: nothing after a hyphen that breaks a compound, else a space. (A
    paragraph of thousands of wrapped lines is joined piece by piece with it, not by copying
    the text so far for every line.)"""
    if _COMPOUND_BREAK.fullmatch(before_end[-2:]) and LOWER_START.match(after) \
            and after.split(" ", 1)[0] not in _NOT_JOINED:
        return ""
    return " "


_COMPOUND_BREAK = re.compile(r"\w-")


def ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text.strip()))


# The words of a page that holds goals, performances or indicators: the sections and table
# headers they stand under.
_RECORD_WORDS = re.compile(r"effectindicator|prestatie-?indicator|beleidsindicator|streefwaarde|wat willen we bereiken|"
                           r"wat hebben we bereikt|doelen en prestaties|beleidsterrein|\bdoel\b.{0,40}\bprestatie",
                           re.IGNORECASE)
# The two header cells of a Doel | Prestatie table, and a `Doel` label before other header words.
_GOAL_COLUMN = re.compile(r"^doel(?:en|stelling(?:en)?)?$", re.IGNORECASE)
_PERFORMANCE_COLUMN = re.compile(r"^prestaties?$", re.IGNORECASE)
_GOAL_LABEL_FIRST = re.compile(r"^doel(?:en|stelling(?:en)?)?(?:\s+|$)", re.IGNORECASE)


def mentions_record_words(text: str) -> bool:
    """Does a page's text use the words of goal, performance or indicator sections
    (`Effectindicator`, `Wat willen we bereiken`, `Doelen en prestaties`, `Streefwaarde`)?"""
    return bool(_RECORD_WORDS.search(text))


def is_goal_column(text: str) -> bool:
    """The header of a goal column: `Doel`, `Doelen`, `Doelstelling(en)`."""
    return bool(_GOAL_COLUMN.match(text))


def is_performance_column(text: str) -> bool:
    """The header of a performance column: `Prestatie`, `Prestaties`."""
    return bool(_PERFORMANCE_COLUMN.match(text))


def without_goal_label(text: str) -> str:
    """A header line without the `Doel` column label it starts with."""
    return _GOAL_LABEL_FIRST.sub("", text)


# Headings that open a goal or an indicator section: a page with one of them and no record read
# is reported (`records_not_read`), never a quiet `ok`.
_GOAL_SECTION = re.compile(r"^(?:wat (?:willen|wilden) we bereiken|doelen(?: en prestaties)?\b|doelstellingen\b|"
                           r"beleidsdoelen\b)", re.IGNORECASE)
_INDICATOR_SECTION = re.compile(r"^(?:(?:effect|prestatie|beleids|verplichte |wettelijke )?-?indicatoren\b|"
                                r"kengetallen\b|basisset beleidsindicatoren)", re.IGNORECASE)


def record_section(text: str) -> str | None:
    """'goal' or 'indicator' when `text` is a heading that opens such a section."""
    t = text.strip()
    if len(t) > 80:
        return None
    if _GOAL_SECTION.match(t):
        return "goal"
    if _INDICATOR_SECTION.match(t):
        return "indicator"
    return None
