"""Indicator rows printed on one line: cells separated by spaces (`1 0 Formatie Fte per 1.000
inwoners 2022 6,0 6,2 Eigen gegevens`) or run together (`Dekkingspercentage risicoprofiel>
90%>95%> 70%>95%Naris, doorlopend`, `30%30%35% (meting 2016)32%`).

`split_row(text, n)` finds the n figures of the line and the text before and after them, or says
why it cannot (`Weerstandsratio2,82,9>12,9Naris`: the figures run together with no way to tell
where one ends). Every step is linear in the line (lines over `MAX_LINE` characters are not
rows).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..models.values import find_value_run_tokens

MAX_LINE = 600

# one figure, run together with the next: a number (with comparator, currency, %, a year in
# brackets after it) or a word that stands for a figure
_NUMBER = (r"(?:(?:[<>≤≥]=?|=<|=>|[~±])\s?)?{minus}(?:€\s?)?(?<![\d.,])\d+(?:[.,]\d+)*(?![\d])(?:\s?%)?"
           r"(?:\s?\((?:meting |datajaar |peiljaar |gemeten in )?(?:19|20)\d\d\))?\**")
_WORD = r"(?:n\.v\.t\.?|nvt|n\.b\.?|nnb|nb|ntb|n\.t\.b\.|p\.m\.|pm|ja|nee)(?-i:(?![a-zà-ÿ]))|[-–—]"
_FIGURE = _NUMBER.format(minus="[-−]?") + "|" + _WORD
_FIGURES = {}  # n -> compiled pattern of a line with n figures run together
_NAME_END = r"[^\s<>≤≥=~±\-–—−(]"   # a name does not end in a comparator, a dash or a bracket
_SPLIT_LOOSE = re.compile(
    r"^(?P<name>.*?[A-Za-zÀ-ÿ)\]*])(?P<figures>[\d<>≤≥=,.%\s\-–−]*\d[\d<>≤≥=,.%\s\-–−]*)"
    r"(?P<rest>[A-Za-zÀ-ÿ].*)?$")


@dataclass
class LineRow:
    name: str            # the text before the figures ('' when the line holds only figures)
    figures: list[str]   # exactly n figures, as printed
    rest: str            # the text after them (a source, a description)
    glued: bool = False  # the cells ran together


def _figures_pattern(n: int) -> re.Pattern:
    if n not in _FIGURES:
        _FIGURES[n] = re.compile(
            r"^(?:(?P<name>.*" + _NAME_END + r"))?\s*(?P<figures>(?:\s*(?:" + _FIGURE + r")){" + str(n) + r"})"
            r"\s*(?P<rest>[A-Za-zÀ-ÿ(].*)?$", re.IGNORECASE)
    return _FIGURES[n]


# a number, the same without its minus (`-99,3%` can be a dash and 99,3%), a word or a dash
_ALTERNATIVES = [re.compile(r"\s*(?:" + alt + r")", re.IGNORECASE)
                 for alt in (_NUMBER.format(minus="[-−]?"), _NUMBER.format(minus=""), _WORD)]


def _cut(text: str, n: int) -> list[str] | None:
    """`text` cut into exactly n figures (the first way that works; each (position, count)
    tried once, so the work is linear in the text times n)."""
    failed: set[tuple[int, int]] = set()

    def cut(pos: int, k: int) -> list[str] | None:
        if k == 0:
            return [] if not text[pos:].strip() else None
        if (pos, k) in failed:
            return None
        for alt in _ALTERNATIVES:
            m = alt.match(text, pos)
            if m and m.end() > pos:
                rest = cut(m.end(), k - 1)
                if rest is not None:
                    return [m.group(0).strip()] + rest
        failed.add((pos, k))
        return None

    return cut(0, n)


def split_row(text: str, n: int) -> LineRow | None:
    """The line as name, n figures and what follows; None when it does not hold n figures."""
    if n <= 0 or len(text) > MAX_LINE:
        return None
    found = find_value_run_tokens(text, n)
    if found is not None:
        name, tokens, rest = found
        return LineRow(name.strip(), tokens, rest.strip())
    m = _figures_pattern(n).match(text)
    if m is None:
        return None
    figures = _cut(m.group("figures"), n)
    if figures is None:
        return None
    return LineRow((m.group("name") or "").strip(), figures, (m.group("rest") or "").strip(), glued=True)


_ANY_FIGURE = re.compile(_FIGURE, re.IGNORECASE)


def figures_only(text: str) -> bool:
    """A line of nothing but figures (run together or not)."""
    return len(text) <= MAX_LINE and any(c.isdigit() for c in text) and not _ANY_FIGURE.sub("", text).strip()


def split_loose(text: str) -> tuple[str, str, str] | None:
    """(name, figures as printed, rest) of a line whose figures cannot be told apart."""
    if len(text) > MAX_LINE:
        return None
    m = _SPLIT_LOOSE.match(text)
    if m is None or not m.group("name").strip():
        return None
    return m.group("name").strip(), m.group("figures").strip(), (m.group("rest") or "").strip()


# -- names printed before the figures ----------------------------------------------------------
_CAPITAL = re.compile(r"(?<=\s)(?=[A-ZÀ-Ý%€])")


def split_group(text: str, raw: str, required: bool) -> tuple[str | None, str]:
    """A group label glued before the name (`Kwaliteit openbaar bestuur Opkomst verkiezingen`):
    where the source left a run of spaces, or — `required`, on the first row under a header with
    a group column — at the first capital after a word in lower case (else after the first word)."""
    parts = re.split(r"\s{2,}", raw.strip())
    if len(parts) >= 2:
        head = " ".join(parts[0].split())
        if text.startswith(head) and len(head) < len(text):
            return head, text[len(head):].strip()
    if not required:
        return None, text
    cuts = [m.start() for m in _CAPITAL.finditer(text)]
    for cut in cuts:
        before = text[:cut].rstrip()
        last = before.split()[-1] if before.split() else ""
        if last[:1].islower() or last.endswith(")"):
            return before, text[cut:]
    if cuts:
        return text[:cuts[0]].rstrip(), text[cuts[0]:]
    return None, text


def split_unit(text: str, unit_words: frozenset[str]) -> tuple[str, str | None]:
    """The name and the unit printed after it (`Formatie Fte per 1.000 inwoners`): the unit
    starts at the first later word that begins a unit phrase (`Fte`, `Aantal`, `%`, `Kosten`),
    written with a capital or as a symbol."""
    words = text.split()
    for k in range(1, len(words)):
        w = words[k]
        if (w[:1].isupper() or w[:1] in "%€") and w.lower().strip(",:") in unit_words:
            return " ".join(words[:k]), " ".join(words[k:])
    return text, None
