"""Positioned words grouped into text lines, and a page's ruling lines: the base of the shared
geometry (`sources/geometry`).

A `Word` is a piece of text with its box (points from the page's top-left), size and weight,
whoever placed it: the PDF source (`sources/pdf/words`, from pdfplumber) or layout text
(`sources/text/layout`, from character columns). Words sharing a baseline become one `TextLine`
(the cells of a table row included: the table readers split them by column later). `Rulings`
are the thin lines and rectangle edges a table is drawn with; table readers use them for column
and row boundaries where a report draws them.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ...layout import Origin


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
        return min([w.top for w in self.words])

    @property
    def bottom(self) -> float:
        return max([w.bottom for w in self.words])

    @property
    def x0(self) -> float:
        return min([w.x0 for w in self.words])

    @property
    def x1(self) -> float:
        return max([w.x1 for w in self.words])

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def middle(self) -> float:
        """The vertical centre."""
        return (self.top + self.bottom) / 2


@dataclass(slots=True)
class TextLine(WordBox):
    """Words on one baseline, left to right. Its text and size are worked out once (the block
    reader asks for them several times a line); a line's words are complete once `group_lines`
    has made it."""

    words: list[Word]
    page: int
    _text: str | None = field(default=None, init=False, repr=False, compare=False)
    _size: float | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def size(self) -> float:
        if self._size is None:
            words = self.words
            first = words[0].size
            if all(w.size == first for w in words):  # the common case, without counting
                self._size = round(first, 1)
            else:
                self._size = max(Counter(round(w.size, 1) for w in words).items(), key=lambda kv: (kv[1], kv[0]))[0]
        return self._size

    @property
    def bold(self) -> bool:
        return all(w.bold for w in self.words)

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = join_words(self.words)
        return self._text

    def box(self) -> tuple[float, float, float, float]:
        """(x0, top, x1, bottom) of the words, unrounded."""
        return words_box(self.words)

    def origin(self, element: str | None = None) -> Origin:
        return words_origin(self.words, self.page, element)


def join_words(words: list[Word]) -> str:
    return " ".join(w.text for w in words)


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


def words_box(words: list[Word]) -> tuple[float, float, float, float]:
    """(x0, top, x1, bottom) around some words (at least one), unrounded."""
    if len(words) == 1:
        w = words[0]
        return w.x0, w.top, w.x1, w.bottom
    return (min([w.x0 for w in words]), min([w.top for w in words]),
            max([w.x1 for w in words]), max([w.bottom for w in words]))


def boxes_origin(boxes: list[tuple[float, float, float, float]], page: int,
                 element: str | None = None) -> Origin:
    """Page and the box (rounded to 0.1 pt) around some (x0, top, x1, bottom) boxes."""
    if len(boxes) == 1:
        x0, top, x1, bottom = boxes[0]
    else:
        x0, top = min([b[0] for b in boxes]), min([b[1] for b in boxes])
        x1, bottom = max([b[2] for b in boxes]), max([b[3] for b in boxes])
    return Origin(page=page, element=element, bbox=(round(x0, 1), round(top, 1), round(x1, 1), round(bottom, 1)))


def words_origin(words: list[Word], page: int, element: str | None = None) -> Origin:
    """Page and bounding box (points from the page's top-left) of some words."""
    if not words:
        return Origin(page=page, element=element)
    return boxes_origin([words_box(words)], page, element)


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
