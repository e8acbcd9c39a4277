"""Positioned words of a PDF page, grouped into text lines, and the page's ruling lines.

pdfplumber gives every word with its box, font and size. Words sharing a baseline become one
`TextLine` (the cells of a table row included: the table readers split them by column later).
Rulings are the thin lines and rectangle edges a table is drawn with; table readers use them
for column and row boundaries where a report draws them.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..layout import Origin

_BOLD = re.compile(r"bold|black|heavy|semibold|demi|,b\b", re.IGNORECASE)


@dataclass(slots=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


class WordBox:
    """The box around the `words` of a line, phrase or cell."""

    __slots__ = ()
    words: list[Word]

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def middle(self) -> float:
        """The vertical centre."""
        return (self.top + self.bottom) / 2


@dataclass(slots=True)
class TextLine(WordBox):
    """Words on one baseline, left to right."""

    words: list[Word]
    page: int

    @property
    def size(self) -> float:
        return max(Counter(round(w.size, 1) for w in self.words).items(), key=lambda kv: (kv[1], kv[0]))[0]

    @property
    def bold(self) -> bool:
        return all(w.bold for w in self.words)

    @property
    def text(self) -> str:
        return join_words(self.words)

    def origin(self, element: str | None = None) -> Origin:
        return words_origin(self.words, self.page, element)


def join_words(words: list[Word]) -> str:
    return " ".join(w.text for w in words)


_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
_HYPHENATED = re.compile(r"[a-zà-ÿ]-$")
_NOT_JOINED = {"en", "of", "tot", "noch", "en/of"}  # `zorg- en welzijnsinstellingen` keeps its hyphen


def join_hyphenated(texts: list[str]) -> list[tuple[str, int]]:
    """Lines with a word hyphenated at the line end (`maatschappe-` / `lijke`) joined into one;
    each result with the index of the last line it took in."""
    out: list[tuple[str, int]] = []
    for k, text in enumerate(texts):
        first = text.split(" ", 1)[0]
        if out and _HYPHENATED.search(out[-1][0]) and first[:1].islower() and first.lower() not in _NOT_JOINED:
            out[-1] = (out[-1][0][:-1] + text, k)
        else:
            out.append((text, k))
    return out


def words_origin(words: list[Word], page: int, element: str | None = None) -> Origin:
    """Page and bounding box (points from the page's top-left) of some words."""
    if not words:
        return Origin(page=page, element=element)
    box = (round(min(w.x0 for w in words), 1), round(min(w.top for w in words), 1),
           round(max(w.x1 for w in words), 1), round(max(w.bottom for w in words), 1))
    return Origin(page=page, element=element, bbox=box)


@dataclass(slots=True)
class Rulings:
    """Drawn lines of a page: vertical (x, top, bottom) and horizontal (y, x0, x1) segments."""

    vertical: list[tuple[float, float, float]] = field(default_factory=list)
    horizontal: list[tuple[float, float, float]] = field(default_factory=list)

    def vertical_between(self, lo: float, hi: float, top: float, bottom: float) -> list[float]:
        """x of vertical rulings strictly between lo and hi that cover part of [top, bottom]."""
        return sorted({round(x, 1) for x, t, b in self.vertical
                       if lo < x < hi and min(b, bottom) - max(t, top) > 2})

    def horizontal_between(self, top: float, bottom: float, x0: float, x1: float) -> bool:
        """Is a horizontal ruling drawn between two text lines, across [x0, x1]?"""
        return any(top < y < bottom and a <= x0 + 2 and b >= x1 - 2 for y, a, b in self.horizontal)


def page_words(page) -> tuple[list[Word], int]:
    """The upright words of a pdfplumber page, and how many rotated words were left out."""
    if _drawn_twice(page.chars):  # fake bold: the same glyphs drawn twice would read `DDooeell`
        page = page.dedupe_chars()
    raw = page.extract_words(x_tolerance=1.5, y_tolerance=2.5, keep_blank_chars=False,
                             use_text_flow=False, extra_attrs=["size", "fontname"])
    words, rotated = [], 0
    for w in raw:
        if not w.get("upright", True):
            rotated += 1
            continue
        text = w["text"].replace("\u00a0", " ").translate(_LIGATURES).strip()
        if text:
            words.append(Word(text, float(w["x0"]), float(w["x1"]), float(w["top"]), float(w["bottom"]),
                              float(w.get("size") or (w["bottom"] - w["top"])),
                              bool(_BOLD.search(str(w.get("fontname", ""))))))
    return words, rotated


def _drawn_twice(chars: list[dict]) -> bool:
    """Does any glyph stand twice at (almost) the same place? A cheap test, so that pdfplumber's
    slower `dedupe_chars` runs only on pages that need it."""
    seen: set[tuple[str, int, int]] = set()
    for c in chars:
        key = (c["text"], round(float(c["x0"])), round(float(c["top"])))
        if key in seen and not c["text"].isspace():
            return True
        seen.add(key)
    return False


def page_rulings(page) -> Rulings:
    """Thin lines and the edges of drawn rectangles (cell borders, thin filled bars). The edges
    of large filled areas (shading) count too: shaded header cells mark column edges."""
    r = Rulings()
    for edge in page.edges:
        x0, x1, top, bottom = float(edge["x0"]), float(edge["x1"]), float(edge["top"]), float(edge["bottom"])
        if edge.get("orientation") == "v" or (x1 - x0 < 1.5 and bottom - top > 3):
            r.vertical.append(((x0 + x1) / 2, top, bottom))
        elif edge.get("orientation") == "h" or (bottom - top < 1.5 and x1 - x0 > 3):
            r.horizontal.append(((top + bottom) / 2, x0, x1))
    return r


def group_lines(words: list[Word], page: int) -> list[TextLine]:
    """Words on one baseline (within a third of the font size) form a line; lines top-down."""
    lines: list[TextLine] = []
    for w in sorted(words, key=lambda w: (round(w.bottom, 1), w.x0)):
        if lines and abs(lines[-1].words[-1].bottom - w.bottom) <= max(1.0, 0.3 * min(w.size, lines[-1].words[-1].size)):
            lines[-1].words.append(w)
        else:
            lines.append(TextLine([w], page))
    for line in lines:
        line.words.sort(key=lambda w: w.x0)
    return lines


def body_size(lines: list[TextLine]) -> float:
    """The font size most characters are set in: what a heading is bigger than."""
    counts: Counter = Counter()
    for line in lines:
        for w in line.words:
            counts[round(w.size, 1)] += len(w.text)
    return counts.most_common(1)[0][0] if counts else 10.0
