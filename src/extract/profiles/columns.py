"""Indicator-table column words: the labels a header cell or line is read by.

`header_tokens` turns a header text into (type, text, attached) tokens, type one of
ind (the name column), r (realised), s (target), o (other: prognosis, average...), b (source),
u (unit), y (a year). The words are vocabulary shared by the sources (which find table headers)
and the parser (which builds the column model from them).
"""
from __future__ import annotations

import re

_LABELS = re.compile(
    r"(?P<ind>(?:effect|prestatie|beleids)?-?indicator(?:en)?|maatstaf)"
    r"|(?P<r>realisatie(?:s|waarde)?|gerealiseerd|werkelijk|resultaat|nulmeting|uitgangswaarde|basiswaarde)"
    r"|(?P<s>streefwaarde(?:n)?|doelstelling|streven|norm|target|ambitie)"
    r"|(?P<b>bron(?:nen)?)"
    r"|(?P<o>prognose|verwachting|raming|landelijk(?: gemiddelde)?|gemiddelde|trend|referentie|benchmark)"
    r"|(?P<u>eenheid)"
    r"|(?P<y>(?:19|20)\d\d)", re.IGNORECASE)
_LABEL_ONLY = re.compile(
    r"^(?:\s|[-/|,]|doel(?:en)?|(?:effect|prestatie|beleids)?-?indicator(?:en)?|maatstaf|realisatie(?:s|waarde)?|gerealiseerd|"
    r"werkelijk|resultaat|nulmeting|uitgangswaarde|basiswaarde|streefwaarde(?:n)?|doelstelling|streven|norm|"
    r"target|ambitie|bron(?:nen)?|eenheid|prognose|verwachting|raming|landelijk|gemiddelde|trend|"
    r"referentie|benchmark|"
    r"(?:19|20)\d\d|t/m|jaar)+$", re.IGNORECASE)

def is_header_line(text: str) -> bool:
    """A line made only of indicator-table header words and years (`RealisatieEffectindicator`)."""
    return bool(_LABEL_ONLY.match(text)) and bool(_LABELS.search(text))


def starts_header(text: str) -> bool:
    t = text.strip().lower()
    return is_header_line(text) and ("indicator" in t or "maatstaf" in t)


def header_tokens(text: str, attached_start: bool = False) -> list[tuple[str, str, bool]]:
    """Tokens of one header line or cell. A year is attached when a label precedes it in the
    same text (or `attached_start`: the text continues a label from the line before)."""
    out = []
    prev_label = attached_start
    for m in _LABELS.finditer(text):
        typ = m.lastgroup or ""
        out.append((typ, m.group(0), typ == "y" and prev_label))
        prev_label = typ in ("r", "s", "o") or (typ == "y" and prev_label)
    return out


# A value label that can stand over several year columns (`Realisatie` over `2014 2015 2016`).
_GROUP_LABEL = re.compile(r"^(?:realisatie(?:s|waarde)?|gerealiseerd|werkelijk|resultaat|nulmeting|"
                          r"uitgangswaarde|basiswaarde|streefwaarde(?:n)?|doelstelling|streven|norm|target|"
                          r"ambitie|begroting|raming)$", re.IGNORECASE)
_NAME_COLUMN = re.compile(r"indicator|maatstaf", re.IGNORECASE)
_VALUE_COLUMN = re.compile(r"realisatie|streefwaarde|(?:19|20)\d\d|bron", re.IGNORECASE)


def is_group_label(text: str) -> bool:
    """A header phrase that can label a run of year columns (`Realisatie`, `Streefwaarde`)."""
    return bool(_GROUP_LABEL.match(text))


def names_indicator_table(text: str) -> bool:
    """Header text that names an indicator column and a value column (realised, target, year or
    source): an indicator table's header."""
    return bool(_NAME_COLUMN.search(text)) and bool(_VALUE_COLUMN.search(text))
