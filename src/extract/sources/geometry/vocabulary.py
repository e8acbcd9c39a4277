"""The header words the shared geometry finds indicator tables by (`sources/geometry`): those of
every profile (`profiles/data/*.toml`, `[columns]`), so that a table of any municipality is
found before the parser knows which profile the document has — `Indicator | Eenheid |
Realisatie 2020 | Begroting 2023 | Nederland | Bron`, `Naam | Eenheid | Aantal`,
`Effectindicator(en) | Behaald 2015 | Beoogd 2017` as well as Leiden's `Effectindicator |
Realisatie | Streefwaarde | Bron`. Leiden's own words (`profiles/columns`) are always included.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...models.memo import remember_short
from ...profiles import columns as leiden
from ...profiles import registry

_VALUE = {"realisatie", "streefwaarde", "nulmeting", "waarde", "comparison", "year"}
_SPAN_ROLES = {"realisatie", "streefwaarde", "nulmeting", "waarde"}


@lru_cache(maxsize=1)
def _words():
    return [p.columns for p in registry.profiles().values()]


def header_roles(text: str) -> tuple[str, ...] | None:
    """The column roles (and `year`s) of a text made only of header words, under the profile
    whose words cover it best; None when no profile's words cover all of it."""
    best: tuple[str, ...] | None = None
    for words in _words():
        toks = words.label_only(text)
        if toks is not None and (best is None or len(toks) > len(best)):
            best = tuple(t.role for t in toks)
    return best


def is_header_line(text: str) -> bool:
    """Header words and years only (Leiden's words, or any profile's)."""
    first = text.split(None, 1)[0] if text.strip() else ""
    if not first or not _may_start_header(first):
        return False  # a header line starts with a header word or a year: most lines stop here
    return leiden.is_header_line(text) or header_roles(text) is not None


def _may_start_header(word: str) -> bool:
    if word[:1].isdigit():   # a year, or a header word that starts with a digit (`0-meting`): not a value or code
        return bool(_YEAR_FIRST.match(word)) or word[0] in _digit_starts()
    return (role_of(word) is not None or role_of(word.strip("()|*:,;-")) is not None
            or leiden.is_header_line(word) or header_roles(word) is not None)


def names_indicator_table(text: str) -> bool:
    """Header text naming an indicator (name) column and a value, year or source column."""
    if leiden.names_indicator_table(text):
        return True
    for words in _words():
        roles = {t.role for t in words.tokens(text)}
        if "name" in roles and roles & (_VALUE | {"source"}):
            return True
    return False


@remember_short(32768, longest=60)
def role_of(word: str) -> str | None:
    """The column role one header word names under any profile (`Bron` -> source).
    (Remembered: layout text asks it of every word on every line.)"""
    key = _key(word)
    if not any(key.startswith(k) for k in _starts().get(key[:3], ())):
        return None  # not a header word: most words stop here
    for words in _words():
        role = words.role_of(word)
        if role is not None:
            return role
    return None


def _key(word: str) -> str:
    return "".join(word.lower().split()).replace("-", "").replace("–", "")


_YEAR_FIRST = re.compile(r"(?:19|20)\d\d(?!\d)")


@lru_cache(maxsize=1)
def _digit_starts() -> frozenset[str]:
    """The digits some profile's header word starts with."""
    return frozenset(k[0] for k in _starts() if k[:1].isdigit())


@lru_cache(maxsize=1)
def _starts() -> dict[str, tuple[str, ...]]:
    """Every profile's header-word keys by their first three letters."""
    out: dict[str, set[str]] = {}
    for words in _words():
        for key in words.roles:
            out.setdefault(key[:3], set()).add(key)
    return {k: tuple(v) for k, v in out.items()}


def is_group_label(text: str) -> bool:
    """A header phrase that can stand over a run of year columns: Leiden's `Realisatie`,
    `Streefwaarde`, or a value word of any profile (`Begroting`, `Behaald`, `Beoogd`)."""
    return leiden.is_group_label(text) or role_of(text) in _SPAN_ROLES


def holds_records(text: str) -> bool:
    """A line that a record can be read from or that opens a goal or indicator section: a
    record code at its start (Leiden's `9A1.1`, a profile's `Doel 1`, `Activiteit 2.3`,
    `E1.2.1`), `Doelen en prestaties bij 9A`, `Wat willen we bereiken?`, `Beleidsindicatoren`."""
    from ...profiles import sections
    from ...profiles.codes import leading_code
    if leading_code(text) is not None or sections.goals_intro(text) or sections.record_section(text):
        return True
    for profile in registry.profiles().values():
        codes = profile.codes
        if codes.goal_line(text) or codes.performance_line(text) or codes.indicator_code(text):
            return True
    return False
