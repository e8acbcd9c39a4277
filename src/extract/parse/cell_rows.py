"""Rows of an indicator table printed one cell per line: the cells under a header split into
rows by the segmentation that fits the columns best — full rows preferred, a row that lost cells
placed by its cells' kinds (a value, a year, a unit, a source, a footnote mark), a sub-row of
figures under a row whose name, unit and source span it. With `merge` (web text saved without
blank lines) a name or text cell may run over up to three lines. Linear in the cells: each
possible row start aligns once.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..layout import Origin
from ..models.values import parse_cell
from ..profiles import sections
from .header import ColumnSpec
from .indicators import is_value_cell
from .placed import PlacedCell, PlacedRow

BRON_LINE = re.compile(r"^\s*bron(?:nen)?\s*:\s*\S", re.IGNORECASE)
MARKER = re.compile(r"^[*¹²³⁴⁵⁶⁷⁸⁹]+$")
YEAR = re.compile(r"^(?:19|20)\d\d$")
ROW_NUMBER = re.compile(r"^\d{1,3}$")


@dataclass
class Cell:
    text: str
    raw: str
    origin: Origin
    end: Origin
    units: list[int]
    kind: str = ""              # marker bron year int value text
    looks: str = ""             # for text: 'unit' or 'source' when its words say so


def cell_kind(text: str) -> str:
    t = text.strip()
    if MARKER.match(t):
        return "marker"
    if BRON_LINE.match(t):
        return "bron"
    if YEAR.match(t):
        return "year"
    if ROW_NUMBER.match(t):
        return "int"
    if is_value_cell(t) or parse_cell(t).year is not None and len(t) < 40:
        return "value"
    return "text"


@dataclass
class _Row:
    placed: PlacedRow
    units: list[int]


def _fit(kind: str, short: bool, col: ColumnSpec, looks: str = "") -> float:
    """How well a cell of this kind fits a column of this role (`short`: at most 40 characters;
    `looks`: the cell's words read as a unit or a source)."""
    role = col.role
    if kind == "text" and looks and role in ("unit", "source"):
        return 3.0 if looks == role else 1.0
    if kind == "bron":
        return -20.0
    if role == "period":
        return 3.0 if kind == "year" else -5.0
    if col.figure:
        if kind in ("value", "year", "int"):
            return 2.0
        if kind == "marker":
            return -6.0
        return 0.0 if short else -4.0
    if role == "unit":
        return {"text": 2.0, "value": -3.0, "marker": -4.0}.get(kind, -2.0)
    if role == "source":
        return {"text": 2.0, "marker": 2.0, "value": -4.0}.get(kind, -3.0)
    if role == "number":
        return 2.0 if kind == "int" else -5.0
    return 0.0


def _goes_on(first: Cell, second: Cell) -> bool:
    """Two lines of one cell (web text saved without blank lines): text going on in lower case
    (`... in de leeftijd van 15` / `t/m 64 jaar`), or a label and its text (`...:` / `Het ...`)."""
    if first.kind != "text" or second.kind != "text":
        return False
    if first.text.rstrip().endswith(":"):
        return True   # `Kwalitatief goede uitvoering Wet WOZ:` / `Het percentage bezwaren ...`
    return (second.text[:1].islower() or second.text[:1] == "(") and not sections.ends_sentence(first.text)


def _spans(links: list[bool], a: int) -> list[int]:
    """How many lines the cell at `a` may take: 1, or up to 3 lines that go on (`links[i]`: line
    i + 1 goes on from line i, asked once per table)."""
    spans = [1]
    while len(spans) < 3 and a + spans[-1] - 1 < len(links) and links[a + spans[-1] - 1]:
        spans.append(spans[-1] + 1)
    return spans


def _joined(cells: list[Cell]) -> Cell:
    if len(cells) == 1:
        return cells[0]
    return Cell(" ".join(c.text for c in cells), "\n".join(c.raw for c in cells), cells[0].origin, cells[-1].end,
                 [n for c in cells for n in c.units], cells[0].kind, cells[0].looks)


class _Alignment:
    """The best placements of cells[start:start+a] into the row's columns, for every a up to
    `limit`, from one pass (so a row's every possible length costs one alignment, not one each).
    `fits[i][b]` is how well cell i fits column b, `skips[b]` the cost of leaving b empty."""

    def __init__(self, count: int, start: int, limit: int, fits, skips, figure, more: list[list[int]] | None):
        n = min(limit, count - start)
        m = len(skips)
        NEG = float("-inf")
        best = [[NEG] * (m + 1) for _ in range(n + 1)]
        gaps = [[0] * (m + 1) for _ in range(n + 1)]     # columns left empty on the best path
        back: list[list[tuple[int, int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
        best[0][0] = 0.0
        for a in range(n + 1):
            row_best, row_gaps, row_back = best[a], gaps[a], back[a]
            if a < n:
                fit = fits[start + a]
                spans = more[start + a] if more is not None else ()
                next_best, next_gaps, next_back = best[a + 1], gaps[a + 1], back[a + 1]
            else:
                fit = None
            for b in range(m):
                here = row_best[b]
                if here == NEG:
                    continue
                s = here - skips[b]   # column b left empty
                if s > row_best[b + 1]:
                    row_best[b + 1], row_back[b + 1], row_gaps[b + 1] = s, (a, b, -1), row_gaps[b] + 1
                if fit is not None:
                    s = here + fit[b]
                    if s > next_best[b + 1]:
                        next_best[b + 1], next_back[b + 1], next_gaps[b + 1] = s, (a, b, b), row_gaps[b]
                    if spans and not figure[b]:
                        for span in spans:
                            if a + span > n:
                                break
                            s = here + fit[b] - 0.5 * (span - 1)
                            if s > best[a + span][b + 1]:
                                best[a + span][b + 1], back[a + span][b + 1] = s, (a, b, b)
                                gaps[a + span][b + 1] = row_gaps[b]
        self.n, self.m, self.back = n, m, back
        # by a, for the first a cells: the best placement's score, and whether every column got a cell
        self.finals = [row[m] for row in best]
        self.complete = [row[m] == 0 for row in gaps]

    def placements(self, a: int) -> list[tuple[int, int, int]]:
        """(column, first, last + 1) of each cell, for the first `a` cells."""
        where = []
        b = self.m
        while (a, b) != (0, 0):
            pa, pb, col = self.back[a][b]
            if col >= 0:
                where.append((col, pa, a))
            a, b = pa, pb
        return list(reversed(where))


MEMO_CELLS = 1_000   # tables of at most this many cells keep their segmentation in a memo
MEMO_PLANS = 2_000   # segmentations a memo keeps (emptied when full)


def segment(cells: list[Cell], columns: list[ColumnSpec], with_score: bool = False, merge: bool = False,
            memo: dict | None = None):
    """Split the cells under a header into rows: the segmentation that fits the columns best
    (full rows preferred; rows that lost cells placed by their cells' kinds). With `merge` (web
    text without blank lines) a name or text cell may run over two lines. With `with_score`
    also how well (to compare readings of the header).

    The segmentation reads of each cell only its sort (kind, look, whether it is short) and
    whether the next line goes on from it; `memo` (one per document) keeps it by those, so the
    tables of a report that share a shape (an indicator table per programme, of three rows of
    four figures) are segmented once."""
    name_at = next((k for k, c in enumerate(columns) if c.role == "name"), 0)
    pre, post = columns[:name_at], columns[name_at + 1:]
    n = len(cells)
    # a row takes at most one line per column, plus one per line that goes on from the one before
    # (counted once per table: the work stays linear in the cells)
    links = tuple(merge and _goes_on(cells[a], cells[a + 1]) for a in range(n - 1))
    sorts = tuple((c.kind, c.looks, len(c.text) <= 40, len(c.text) <= 250) for c in cells)
    key = (sorts, links, tuple(columns), merge)
    plan = memo.get(key) if memo is not None else None
    if plan is None:
        plan = _plan(sorts, links, pre, post, merge)
        if memo is not None and n <= MEMO_CELLS:
            if len(memo) >= MEMO_PLANS:
                memo.clear()
            memo[key] = plan
    path, score = plan
    figure_cols = [c for c in post if c.figure or c.role == "period"]
    rows: list[_Row | None] = []
    last: _Row | None = None
    for c in path:
        if c[0] == "skip":
            rows.append(None)
        elif c[0] == "row":
            _, code, q, start, end, where, after = c
            last = _make_row(cells, code, q, start, end, where, after, post)
            rows.append(last)
        else:
            _, p, end = c
            if last is not None:
                rows.append(_sub_row(cells[p:end], last, figure_cols, range(p, end), cells))
            else:
                rows.append(None)
    return (rows, score) if with_score else rows


def _plan(sorts: tuple, links: tuple, pre: list[ColumnSpec], post: list[ColumnSpec], merge: bool):
    """The best segmentation of cells of these sorts ((kind, look, at most 40 characters, at
    most 250) each) and links, as the path of choices from the first cell (`skip`, a `row`, a
    `sub` row), and its score."""
    figure_cols = [c for c in post if c.figure or c.role == "period"]
    n = len(sorts)
    NEG = float("-inf")
    best = [NEG] * (n + 1)
    choice: list[tuple | None] = [None] * (n + 1)
    best[n] = 0.0
    goes = [0] * (n + 1)
    for a in range(n - 1):
        goes[a + 1] = goes[a] + links[a]
    goes[n] = goes[n - 1] if n else 0
    more = [_spans(links, a)[1:] for a in range(n)] if merge else None   # longer spans from each line
    figure = [c.figure for c in post]
    skips = [1.0 if f else 1.5 for f in figure]
    kinds = [s[0] for s in sorts]
    fits = [[_fit(kind, short, col, looks) for col in post] for kind, looks, short, _ in sorts]
    bron = [k == "bron" for k in kinds] + [False]   # a source cell ends a row (and is its source)
    aligned: dict[int, _Alignment] = {}   # by first cell; only those a row start can still reach
    reach = 5 + len(pre)
    numbered = any(c.role == "number" for c in pre)
    numbers = len([c for c in pre if c.role == "number"]) if pre else 0
    for p in range(n - 1, -1, -1):
        aligned.pop(p + reach, None)
        # a cell not placed
        best[p], choice[p] = best[p + 1] - 3.0, ("skip",)
        q = p
        code = None
        if kinds[q] == "int" and q + 1 < n and kinds[q + 1] == "text" and not numbered:
            code, q = q, q + 1   # a row number before the name (`1 Absoluut verzuim`)
        q += numbers
        if q < n and kinds[q] == "text" and sorts[q][3]:
            for span in ((1, *more[q]) if more is not None else (1,)):
                start = q + span
                window = min(n, start + 3 * len(post))
                width = len(post) + (goes[window] - goes[start] if merge else 0)
                alignment = aligned.get(start)
                if alignment is None:   # the rows of p, p + 1 and p + 2 may start at one cell
                    alignment = aligned[start] = _Alignment(n, start, width, fits, skips, figure, more)
                finals, complete = alignment.finals, alignment.complete
                lead = -0.5 * (span - 1) - (3.0 if sorts[q][1] else 0.0)
                for k in range(alignment.n + 1):   # rows of k cells from start (none past the last)
                    score = finals[k]
                    if score == NEG:
                        continue
                    end = start + k
                    total = (4.0 if complete[k] else 1.0) + lead + score
                    if bron[end]:
                        total += 2.0
                        after = end + 1
                    else:
                        after = end
                    if total + best[after] > best[p]:
                        best[p], choice[p] = total + best[after], ("row", code, q, start, end,
                                                                   (alignment, k), after)
        if choice[p][0] == "row":   # keep the placements, not the alignment's tables
            *head, (alignment, k), after = choice[p]
            choice[p] = (*head, tuple(alignment.placements(k)), after)
        if p > 0 and len(figure_cols) >= 2 and p + len(figure_cols) <= n and all(
                kinds[p + k] in ("value", "year", "int") for k in range(len(figure_cols))):
            end = p + len(figure_cols)
            if 3.0 + best[end] > best[p]:
                best[p], choice[p] = 3.0 + best[end], ("sub", p, end)
    path = []
    p = 0
    while p < n:
        c = choice[p]
        path.append(c)
        p = p + 1 if c[0] == "skip" else c[6] if c[0] == "row" else c[2]
    return tuple(path), (best[0] if n else 0.0)


def _make_row(cells, code, q, start, end, where, after, post) -> _Row:
    name = _joined(cells[q:start])
    row = PlacedRow(" ".join(name.text.split("\n")), name.origin, cells[max(q, after - 1)].end,
                    "\n".join(c.text for c in cells[(code if code is not None else q):after]),
                    code=cells[code].text.strip() if code is not None else None)
    units = list(name.units) + (list(cells[code].units) if code is not None else [])
    placed = {}
    for col_index, first, last in where:
        cell = _joined(cells[start + first:start + last])
        placed[col_index] = cell
        units.extend(cell.units)
    figures_present = any(post[k].figure for k in placed)
    figures_missing = any(c.figure and k not in placed for k, c in enumerate(post))
    for k, cell in sorted(placed.items()):
        col = post[k]
        if col.role == "unit":
            row.unit = " ".join(cell.text.split())
        elif col.role == "source":
            row.source = " ".join(cell.text.split())
        elif col.role == "period":
            row.period = int(cell.text) if YEAR.match(cell.text.strip()) else None
        elif col.figure and not (figures_present and figures_missing):
            row.cells.append(PlacedCell(col, cell.text, cell.origin))
    if figures_present and figures_missing:
        got = [placed[k].text.replace("\n", " ") for k in sorted(placed) if post[k].figure]
        want = [c.describe() for c in post if c.figure]
        row.problems.append(f"{len(got)} value cells for {len(want)} columns ({', '.join(want)}): cannot "
                            f"tell which column is empty; values not placed: {' | '.join(got)}")
    if after > end:
        row.source = row.source or cells[end].text
        units.extend(cells[end].units)
    return _Row(row, units)


def _sub_row(part, parent: _Row, figure_cols, indices, cells) -> _Row:
    """Cells under a row whose name, unit and source cells span them (`2024 2020 169 170`)."""
    p = parent.placed
    row = PlacedRow(p.name, part[0].origin, part[-1].end, "\n".join(c.text for c in part), code=p.code,
                    unit=p.unit, source=p.source)
    units = []
    for cell, col in zip(part, figure_cols):
        units.extend(cell.units)
        if col.role == "period":
            row.period = int(cell.text) if YEAR.match(cell.text.strip()) else None
        else:
            row.cells.append(PlacedCell(col, cell.text, cell.origin))
    return _Row(row, units)
