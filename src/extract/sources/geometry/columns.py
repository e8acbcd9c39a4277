"""Column boundaries of a table on a page (shared geometry: PDF pages and layout text).

The header gives the columns: each leaf header phrase (`Effectindicator`, `2014`, `Bron`) is a
column; a label above several year columns (`Realisatie` over `2014 2015 2016 2017`) is assigned
to the contiguous run of years it is centred over. The boundary between two neighbouring columns
is a vertical ruling where the report draws one, else the widest vertical strip between their
header phrases that no word of the table body touches (whitespace), else the middle.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import pairwise

from . import vocabulary
from .words import Rulings, TextLine, Word, WordBox, join_words

_YEAR = re.compile(r"^(?:19|20)\d\d\*?$")


@dataclass(slots=True)
class Phrase(WordBox):
    """Words of one line close enough to belong to one cell."""

    words: list[Word]
    line: int

    @property
    def text(self) -> str:
        return join_words(self.words)


@dataclass
class Column:
    phrases: list[Phrase]           # the leaf header phrases stacked in this column, top-down
    label: str | None = None        # the group label above it (`Realisatie`)
    label_first: bool = False       # the label's first column (the others are spanned copies)

    @property
    def x0(self) -> float:
        return min(p.x0 for p in self.phrases)

    @property
    def x1(self) -> float:
        return max(p.x1 for p in self.phrases)

    @property
    def text(self) -> str:
        return " ".join(p.text for p in self.phrases)

    @property
    def is_year(self) -> bool:
        return bool(_YEAR.match(self.phrases[-1].text))


@dataclass
class Grid:
    columns: list[Column]
    bounds: list[float] = field(default_factory=list)  # len(columns) - 1 boundaries

    def column_of(self, word: Word) -> int:
        return bisect_right(self.bounds, word.centre)

    def straddles(self, word: Word) -> bool:
        """A word running across a boundary: prose, not a cell."""
        return any(word.x0 < b - 1.5 and word.x1 > b + 1.5 for b in self.bounds)


def phrases(line: TextLine, index: int, gap: float = 0.8) -> list[Phrase]:
    """Split a line into phrases where the space between words exceeds `gap` x font size."""
    out: list[Phrase] = []
    right = 0.0  # the phrase's x1, kept as it grows (asking `Phrase.x1` per word is quadratic)
    for w in line.words:
        if out and w.x0 - right <= gap * w.size:
            out[-1].words.append(w)
            right = max(right, w.x1)
        else:
            out.append(Phrase([w], index))
            right = w.x1
    return out


def header_columns(header: list[TextLine], rulings: Rulings | None = None) -> list[Column]:
    """The columns a (possibly two-level) header defines, left to right."""
    all_phrases = [p for k, line in enumerate(header) for p in _label_split(phrases(line, k))]
    years = [p for p in all_phrases if _YEAR.match(p.text)]
    labels = [p for p in all_phrases if _is_group_label(p, years)]
    leaves = [p for p in all_phrases if not any(p is q for q in labels)]
    columns = _stack(leaves)
    _assign_labels(labels, [c for c in columns if c.is_year], rulings,
                   [(c.x0 + c.x1) / 2 for c in columns if not c.is_year])
    return columns


def _label_split(found: list[Phrase]) -> list[Phrase]:
    """Header phrases split between two words that each name a column (`Streefwaarde Bron`
    set closer than a word gap), unless together they are one label (`Landelijk gemiddelde`)."""
    out: list[Phrase] = []
    for p in found:
        words = p.words
        start = 0
        for k in range(1, len(words)):
            a, b = words[k - 1].text, words[k].text
            if (vocabulary.role_of(a) not in (None, "year") and vocabulary.role_of(b) not in (None, "year")
                    and vocabulary.role_of(f"{a} {b}") is None and not _YEAR.match(b)):
                out.append(Phrase(words[start:k], p.line))
                start = k
        out.append(Phrase(words[start:], p.line) if start else p)
    return out


def _is_group_label(p: Phrase, years: list[Phrase]) -> bool:
    """`Realisatie` above year phrases that it overlaps (widened by half the space between
    neighbouring years): a label over several columns, not a column of its own."""
    if not vocabulary.is_group_label(p.text):
        return False
    below = sorted((y for y in years if y.line > p.line), key=lambda y: y.x0)
    if not below:
        return False
    gaps = [b.x0 - a.x1 for a, b in pairwise(below) if b.x0 > a.x1]
    widen = min(gaps) / 2 if gaps else 0.0
    return any(y.x0 - widen < p.x1 and y.x1 + widen > p.x0 for y in below)


def _stack(leaves: list[Phrase]) -> list[Column]:
    """Leaf phrases that overlap horizontally are one column (a header cell over two lines)."""
    columns: list[Column] = []
    for p in sorted(leaves, key=lambda p: p.x0):
        if columns and p.x0 < columns[-1].x1 - 1:
            columns[-1].phrases.append(p)
            columns[-1].phrases.sort(key=lambda q: q.line)
        else:
            columns.append(Column([p]))
    return columns


def _assign_labels(labels: list[Phrase], year_cols: list[Column], rulings: Rulings | None = None,
                   others: list[float] = ()) -> None:
    """Give each label the year columns its horizontal span covers (header spans):

    - a label in a ruled cell covers the year columns between the cell's vertical rulings;
    - with labels on more than one header line, a label on a lower line covers only the year
      columns under it (`Streefwaarde` over the last `2019`), and those of the top line share
      the rest;
    - labels of one line share their year columns in contiguous runs, each centred over its run
      as well as possible (`Realisatie` centred over 2014-2017 covers all four).
    """
    labels = sorted(labels, key=lambda p: p.x0)
    free = list(range(len(year_cols)))
    if rulings is not None:
        for label in list(labels):
            span = _ruled_span(label, rulings)
            if span is None or any(span[0] < x < span[1] for x in others):
                continue  # not ruled, or a box around more than value columns (a shaded header)
            covered = [k for k in free if span[0] < (year_cols[k].x0 + year_cols[k].x1) / 2 < span[1]]
            if covered:
                _label(year_cols, covered, label)
                labels.remove(label)
                free = [k for k in free if k not in covered]
    lines = sorted({p.line for p in labels})
    for line in reversed(lines[1:]):  # lower label lines: what lies under each label
        for label in [p for p in labels if p.line == line]:
            under = [k for k in free if year_cols[k].x0 < label.x1 and year_cols[k].x1 > label.x0]
            if not under and free:
                under = [min(free, key=lambda k: abs((year_cols[k].x0 + year_cols[k].x1) / 2 - label.centre))]
            if under:
                _label(year_cols, under, label)
                labels.remove(label)
                free = [k for k in free if k not in under]
    cols = [year_cols[k] for k in free]
    runs = centred_runs([p.centre for p in labels], [c.x0 for c in cols], [c.x1 for c in cols])
    for j, (a, b) in enumerate(runs):
        _label(cols, list(range(a, b)), labels[j])


def _label(cols: list[Column], which: list[int], label: Phrase) -> None:
    for n, k in enumerate(which):
        cols[k].label = label.text
        cols[k].label_first = n == 0


def _ruled_span(label: Phrase, rulings: Rulings) -> tuple[float, float] | None:
    """The x-extent of the drawn cell a label stands in: the nearest vertical rulings left and
    right of it that run past its middle; None when the header is not ruled there."""
    middle = label.middle
    xs = [x for x, top, bottom in rulings.vertical if top - 1 <= middle <= bottom + 1]
    left = [x for x in xs if x <= label.x0 + 1]
    right = [x for x in xs if x >= label.x1 - 1]
    if not left or not right:
        return None
    return max(left), min(right)


MAX_RUN_STEPS = 400_000  # DP steps (labels x items x items) before the nearest-centre split


def centred_runs(targets: list[float], starts: list[float], ends: list[float]) -> list[tuple[int, int]]:
    """Split items 0..n-1 (in order, item k from starts[k] to ends[k]) into one non-empty
    contiguous run (a, b) per target, minimising the sum over runs of |target - middle of the
    run|: how a label centred over columns, or a goal cell centred across its performance
    rows, finds what it spans. [] when there are no targets or more targets than items.

    The exact split costs targets x items^2 steps; past MAX_RUN_STEPS (a header of hundreds
    of year columns, which no report prints) each item goes to its nearest target instead, so
    the work stays linear in what a hostile input repeats."""
    n, m = len(starts), len(targets)
    if not n or not m or m > n:
        return []
    if m == 1:
        return [(0, n)]
    if m == n:
        return [(k, k + 1) for k in range(n)]
    if m * n * n > MAX_RUN_STEPS:
        runs = _nearest_runs(targets, starts, ends)
        if runs is not None:
            return runs
        step = n / m  # some target is nearest to nothing: an even split
        return [(round(j * step), round((j + 1) * step)) for j in range(m)]
    inf = float("inf")
    best = [[inf] * (n + 1) for _ in range(m + 1)]
    cut = [[0] * (n + 1) for _ in range(m + 1)]
    best[0][0] = 0.0
    for j in range(1, m + 1):
        target, before, row, cuts = targets[j - 1], best[j - 1], best[j], cut[j]
        for b in range(j, n + 1):
            end = ends[b - 1]
            for a in range(j - 1, b):
                c = before[a] + abs(target - (starts[a] + end) / 2)
                if c < row[b]:
                    row[b], cuts[b] = c, a
    runs: list[tuple[int, int]] = []
    b = n
    for j in range(m, 0, -1):
        a = cut[j][b]
        runs.append((a, b))
        b = a
    return runs[::-1]


def _nearest_runs(targets: list[float], starts: list[float], ends: list[float]) -> list[tuple[int, int]] | None:
    """Each item to the target nearest its middle, kept in order; None when a target gets none."""
    owners: list[int] = []
    j = 0
    for a, b in zip(starts, ends):
        middle = (a + b) / 2
        while j + 1 < len(targets) and abs(targets[j + 1] - middle) <= abs(targets[j] - middle):
            j += 1  # one pass over both: owners only move right
        owners.append(j)
    if len(set(owners)) < len(targets):
        return None
    runs: list[tuple[int, int]] = []
    for k, j in enumerate(owners):
        if runs and len(runs) - 1 == j:
            runs[-1] = (runs[-1][0], k + 1)
        else:
            runs.append((k, k + 1))
    return runs


def word_spans(lines: list[TextLine]) -> list[tuple[float, float]]:
    return [(w.x0, w.x1) for line in lines for w in line.words]


def boundaries(columns: list[Column], body: list[TextLine], rulings: Rulings,
               more: list[tuple[float, float]] = ()) -> list[float]:
    """The x of the boundary between each pair of neighbouring columns, from the body lines
    (and `more` word spans: rows of the same table on the page before)."""
    if not body:
        top = bottom = 0.0
    else:
        top, bottom = body[0].top, body[-1].bottom
    spans = sorted(word_spans(body) + list(more))
    out: list[float] = []
    for a, b in pairwise(columns):
        out.append(boundary(a.x1, b.x0, spans, rulings, top, bottom))
    return out


def boundary(lo: float, hi: float, spans: list[tuple[float, float]], rulings: Rulings,
             top: float, bottom: float) -> float:
    """A boundary between x=lo and x=hi: a ruling there, else the middle of the widest strip no
    word covers, else the middle."""
    if hi <= lo:
        return (lo + hi) / 2
    ruled = rulings.vertical_between(lo, hi, top, bottom)
    if ruled:
        middle = (lo + hi) / 2
        return min(ruled, key=lambda x: abs(x - middle))
    gap = widest_gap(spans, lo, hi)
    return (gap[0] + gap[1]) / 2 if gap else (lo + hi) / 2


def widest_gap(spans: list[tuple[float, float]], lo: float, hi: float) -> tuple[float, float] | None:
    """The widest interval inside [lo, hi] that none of the (sorted) spans covers."""
    best: tuple[float, float] | None = None
    cursor = lo
    for x0, x1 in spans:
        if x1 <= cursor:
            continue
        if x0 >= hi:
            break
        if x0 > cursor and (best is None or x0 - cursor > best[1] - best[0]):
            best = (cursor, x0)
        cursor = max(cursor, x1)
        if cursor >= hi:
            return best
    if hi > cursor and (best is None or hi - cursor > best[1] - best[0]):
        best = (cursor, hi)
    return best
