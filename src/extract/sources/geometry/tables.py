"""The two tables of a goals section, rebuilt from positioned words into grids of cells (part of
the shared geometry, `sources/geometry`: for PDF pages and layout text alike).

- The Doel | Prestatie table: two columns split at the boundary under the header; each cell
  starts at a code (or a ruling, or a gap); the goal cell, vertically centred across its
  performance rows and sharing baselines with them, becomes the first cell of its first row with
  spanned copies in the others (as HTML's rowspan).
- The indicator table: columns from its header (`columns`), one row per indicator code, a
  `Doel 9A1 ...` band as a row spanning all columns, wrapped names and cells kept line by line.

Both stop where the table ends (a footnote, a heading, prose running across the columns, a wide
gap) and can go on on the next page (`TableState`), with or without a repeated header.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...layout import Block, Cell, Line, Origin
from ...profiles import sections
from ...profiles.codes import leading_code, policy_area_line
from .vocabulary import is_header_line, names_indicator_table
from .columns import (
    Column,
    Grid,
    boundaries,
    boundary,
    centred_runs,
    phrases,
    word_spans,
)
from .words import (
    Rulings,
    TextLine,
    Word,
    WordBox,
    join_hyphenated,
    join_words,
    words_origin,
)

_UPPER = re.compile(r"^[A-ZÀ-Ý0-9'\"‘“(]")


@dataclass
class TableState:
    """A table that reached the bottom of its page and may go on on the next one."""

    kind: str  # 'goal' | 'indicator'
    block: Block
    number: int
    header: list[str]  # the header's texts, to recognise it when it is repeated
    size: float  # the table's type size
    columns: list[Column] = field(default_factory=list)  # indicator table: from its header
    anchor: tuple[Word, Word] | None = None  # Doel | Prestatie table: its header words
    grid: Grid | None = None
    page: int = 0
    spans: list[tuple[float, float]] = field(default_factory=list)  # x-extents of body words so far


# -- where tables start ----------------------------------------------------------------------

def goal_header(line: TextLine) -> tuple[Word, Word] | None:
    """`Doel      Prestatie` (two header phrases far apart): the last word of each."""
    if len(line.words) < 2 or not sections.is_goal_column(line.words[0].text):
        return None  # the goal label is one word: no phrase split needed to say no
    ph = phrases(line, 0, gap=1.5)
    if len(ph) == 2 and sections.is_goal_column(ph[0].text) and sections.is_performance_column(ph[1].text):
        return ph[0].words[-1], ph[1].words[0]
    return None


def indicator_header(lines: list[TextLine], i: int, size: float) -> int | None:
    """If an indicator table header starts at line i, the index of its first body line: a run
    of lines made only of header words and years (`Effectindicator`, `Realisatie`, `2014`,
    `Streefwaarde`, `Bron`), naming an indicator column and a value column."""
    j = i
    while j < len(lines) and j - i < 5 and _header_line(lines[j], size):
        j += 1
    if j == i:
        return None
    text = " ".join(line.text for line in lines[i:j])
    if not names_indicator_table(text):
        return None
    return j


MAX_HEADER_WORDS = 80  # words on one header line: more than any indicator table's columns


def _header_line(line: TextLine, size: float) -> bool:
    """Header words only (a `Doel` column label first allowed), at most MAX_HEADER_WORDS."""
    if len(line.words) > MAX_HEADER_WORDS or line.size >= size * 1.12:
        return False
    rest = sections.without_goal_label(line.text)
    return not rest or is_header_line(rest)


def ends_table(line: TextLine, prev: TextLine | None, size: float) -> bool:
    """Lines that cannot be part of a table body: a footnote, a heading, a section or policy-area
    line, a new table's header, or text after a wide gap that does not start a row."""
    text = line.text
    if leading_code(text) is not None and line.size < size * 1.12:
        return False
    if sections.footnote(text) or line.size >= size * 1.12 or line.size <= size * 0.85:
        return True
    if sections.is_section_heading(text) or sections.goals_intro(text) or goal_header(line) is not None:
        return True
    pa = policy_area_line(text)
    if pa and pa[2]:
        return True
    return prev is not None and line.top - prev.bottom > 2.2 * size


# -- cells -----------------------------------------------------------------------------------

@dataclass
class _Draft(WordBox):
    """A cell being collected: its words line by line."""

    lines: list[list[Word]]

    @property
    def words(self) -> list[Word]:
        return [w for line in self.lines for w in line]

    @property
    def text(self) -> str:
        return " ".join(join_words(line) for line in self.lines)


def make_cell(lines: list[list[Word]], page: int, element: str) -> Cell:
    """A layout cell; every line carries the cell's box, so a record read from the cell has the
    box of all its words."""
    lines = [line for line in lines if line]
    origin = words_origin([w for line in lines for w in line], page, element)
    texts = join_hyphenated([join_words(line) for line in lines])
    return Cell([Line(text, origin) for text, _last in texts], origin)


def extend_cell(cell: Cell, lines: list[list[Word]], page: int) -> None:
    """Add the rest of a cell that a page break split (a row LibreOffice or Word let run on)."""
    more = make_cell(lines, page, cell.origin.element or "")
    if not cell.lines:
        cell.origin = more.origin
    cell.lines.extend(more.lines)


def _copy(cell: Cell, element: str) -> Cell:
    origin = Origin(cell.origin.page, element=element, bbox=cell.origin.bbox)
    return Cell(list(cell.lines), origin, header=cell.header, spanned=True)


# -- Doel | Prestatie -------------------------------------------------------------------------

def goal_grid(header: tuple[Word, Word], body: list[TextLine], rulings: Rulings,
              more: list[tuple[float, float]] = ()) -> Grid:
    left, right = header
    spans = sorted(word_spans(body) + list(more))
    top = body[0].top if body else left.bottom
    bottom = body[-1].bottom if body else left.bottom
    bound = boundary(left.x1, right.x0 + 1.0, spans, rulings, top, bottom)
    return Grid([Column([]), Column([])], [bound])


def table_body(lines: list[TextLine], start: int, size: float) -> int:
    """End (exclusive) of the body lines of a table starting at `start`: before the first line
    that `ends_table` or starts another indicator table."""
    k = start
    while k < len(lines):
        prev = lines[k - 1] if k > start else None
        if ends_table(lines[k], prev, size) or indicator_header(lines, k, size) is not None:
            break
        k += 1
    return k


def cut_at_prose(lines: list[TextLine], grid: Grid, band=lambda line: False) -> int:
    """How many lines come before the first that runs across a column boundary (prose)."""
    for k, line in enumerate(lines):
        if not band(line) and any(grid.straddles(w) for w in line.words):
            return k
    return len(lines)


def _column_drafts(lines: list[TextLine], grid: Grid, col: int, rulings: Rulings, x0: float,
                   x1: float) -> list[_Draft]:
    """The cells of one column: a new cell at a code, at a ruling, or after a gap before a line
    starting in upper case."""
    drafts: list[_Draft] = []
    prev: list[Word] | None = None
    for line in lines:
        words = [w for w in line.words if grid.column_of(w) == col]
        if not words:
            continue
        text = join_words(words)
        new = prev is None or leading_code(text) is not None
        if not new and prev is not None:
            gap_top, gap_bottom = max(w.bottom for w in prev), min(w.top for w in words)
            new = rulings.horizontal_between(gap_top, gap_bottom, x0, x1) or (
                gap_bottom - gap_top > 0.9 * words[0].size and bool(_UPPER.match(text)))
        if new:
            drafts.append(_Draft([words]))
        else:
            drafts[-1].lines.append(words)
        prev = words
    return drafts


def _groups(lefts: list[_Draft], rights: list[_Draft]) -> list[int | None]:
    """For each performance (or indicator) cell, the goal cell it belongs to: by code where both
    have codes, else by a contiguous split that centres each goal cell on its rows."""
    codes = [leading_code(d.text) for d in lefts]
    if lefts and all(c is not None and c.code.kind == "goal" for c in codes):
        by_goal = {c.code.text: k for k, c in enumerate(codes) if c is not None}
        out: list[int | None] = []
        for d in rights:
            cl = leading_code(d.text)
            out.append(by_goal.get(cl.code.goal) if cl is not None and cl.code.kind != "goal" else None)
        if any(o is not None for o in out):
            return out
    return _centred_split(lefts, rights)


def _centred_split(lefts: list[_Draft], rights: list[_Draft]) -> list[int | None]:
    out: list[int | None] = [None] * len(rights)
    runs = centred_runs([d.middle for d in lefts], [d.top for d in rights], [d.bottom for d in rights])
    for j, (a, b) in enumerate(runs):
        for k in range(a, b):
            out[k] = j
    return out


def goal_rows(lines: list[TextLine], grid: Grid, rulings: Rulings, page: int, number: int,
              first_row: int, carry: list[Cell] | None = None) -> list[list[Cell]]:
    """Rows [goal cell, performance cell] of a Doel | Prestatie table body. `carry` is the last
    row of the page before, which text at the top of this page without a code goes on."""
    if not lines:
        return []
    x0 = min(line.x0 for line in lines)
    x1 = max(line.x1 for line in lines)
    lefts = _column_drafts(lines, grid, 0, rulings, x0, grid.bounds[0])
    rights = _column_drafts(lines, grid, 1, rulings, grid.bounds[0], x1)
    if carry is not None:
        for k, drafts in ((0, lefts), (1, rights)):
            if drafts and leading_code(drafts[0].text) is None and not carry[k].spanned:
                extend_cell(carry[k], drafts.pop(0).lines, page)
    owner = _groups(lefts, rights)
    # goal cells no performance belongs to still get a row, in their place top-down
    items: list[tuple[float, int, int | None]] = [(d.top, k, owner[k]) for k, d in enumerate(rights)]
    used = {o for o in owner if o is not None}
    items += [(d.top, -1, j) for j, d in enumerate(lefts) if j not in used]
    items.sort(key=lambda it: (it[0], it[1]))
    rows: list[list[Cell]] = []
    placed: dict[int, Cell] = {}
    for _top, k, j in items:
        r = first_row + len(rows)
        el = f"table {number} row {r} col"
        if j is None:
            left = Cell([], Origin(page, element=f"{el} 1"))
        elif j in placed:
            left = _copy(placed[j], f"{el} 1")
        else:
            left = placed[j] = make_cell(lefts[j].lines, page, f"{el} 1")
        right = make_cell(rights[k].lines, page, f"{el} 2") if k >= 0 else Cell([], Origin(page, element=f"{el} 2"))
        rows.append([left, right])
    return rows


# -- indicator tables -------------------------------------------------------------------------

def is_band(line: TextLine) -> bool:
    """A `Doel 9A1 ...` line across an indicator table."""
    cl = leading_code(line.text)
    return cl is not None and cl.code.kind == "goal"


def has_goal_column(columns: list[Column]) -> bool:
    """`Doel | Effectindicator | ...`: a goal column before the indicators (its cell spans the
    goal's indicator rows), instead of `Doel 9A1 ...` bands across the table."""
    return len(columns) > 2 and bool(columns[0].phrases) and sections.is_goal_column(columns[0].text)


def band_test(columns: list[Column]):
    """The test for band lines of a table with these columns (none with a goal column)."""
    return (lambda line: False) if has_goal_column(columns) else is_band


def indicator_grid(columns: list[Column], body: list[TextLine], rulings: Rulings,
                   more: list[tuple[float, float]] = ()) -> tuple[Grid, int]:
    """The grid of an indicator table body, and how many body lines belong to it."""
    band = band_test(columns)
    cells = [line for line in body if not band(line)]
    grid = Grid(columns, boundaries(columns, cells, rulings, more))
    keep = cut_at_prose(body, grid, band)
    if keep < len(body):  # prose below the table spoilt the whitespace: again without it
        cells = [line for line in body[:keep] if not band(line)]
        grid = Grid(columns, boundaries(columns, cells, rulings, more))
        keep = cut_at_prose(body, grid, band)
    return grid, keep


def header_rows(columns: list[Column], header: list[TextLine], page: int, number: int) -> list[list[Cell]]:
    """The header as one or two rows: group labels above their year columns (spanned copies
    after the first), leaf texts below; a column without a label fills both rows."""
    origin = words_origin([w for line in header for w in line.words], page, f"table {number} header")
    two = any(c.label for c in columns)
    top: list[Cell] = []
    low: list[Cell] = []
    for c in columns:
        leaf = Cell([Line(c.text, origin)], origin, header=True)
        if not two:
            top.append(leaf)
        elif c.label:
            top.append(Cell([Line(c.label, origin)], origin, header=True, spanned=not c.label_first))
            low.append(leaf)
        else:
            top.append(leaf)
            low.append(Cell([Line(c.text, origin)], origin, header=True, spanned=True))
    return [top, low] if two else [top]


def indicator_rows(lines: list[TextLine], grid: Grid, rulings: Rulings, page: int, number: int, first_row: int,
                   carry: list[Cell] | None = None) -> list[list[Cell]]:
    """One row per indicator code (and per `Doel` band); the lines after a code line, until the
    next, belong to its row; lines before the first code line to the last row of the page
    before (`carry`: a row split by the page break), else to the first row. With a goal column,
    its cells are read apart and put in the rows of their goal."""
    goal_col = has_goal_column(grid.columns)
    name = 1 if goal_col else 0
    band = band_test(grid.columns)
    width = len(grid.columns)
    if lines and not any(band(line) or _code_in(line, grid, name) == "indicator" for line in lines):
        return _uncoded_rows(lines, grid, rulings, page, number, first_row, carry)
    drafts: list[tuple[bool, list[TextLine]]] = []
    for line in lines:
        if band(line):
            drafts.append((True, [line]))
        elif _code_in(line, grid, name) == "indicator" or not drafts:
            drafts.append((False, [line]))
        else:
            drafts[-1][1].append(line)  # a wrapped name, a value line, a band's second line
    if drafts and not drafts[0][0] and _code_in(drafts[0][1][0], grid, name) != "indicator":
        if carry is not None and len(carry) == width and not carry[-1].spanned and not carry[0].header:
            for k, (cell, words) in enumerate(zip(carry, _per_column(drafts.pop(0)[1], grid))):
                if words and not (goal_col and k == 0):
                    extend_cell(cell, words, page)
        elif len(drafts) > 1:  # values printed above the code line
            drafts[1] = (drafts[1][0], drafts[0][1] + drafts[1][1])
            drafts.pop(0)
    rows: list[list[Cell]] = []
    for is_band_row, row_lines in drafts:
        r = first_row + len(rows)
        el = f"table {number} row {r} col"
        if is_band_row:
            first = make_cell([line.words for line in row_lines], page, f"{el} 1")
            rows.append([first] + [_copy(first, f"{el} {k + 1}") for k in range(1, width)])
            continue
        per_col = _per_column(row_lines, grid)
        rows.append([make_cell([] if goal_col and k == 0 else per_col[k], page, f"{el} {k + 1}")
                     for k in range(width)])
    if goal_col and rows:
        _place_goal_cells(lines, grid, rulings, page, rows, [d[1] for d in drafts])
    return rows


def _uncoded_rows(lines: list[TextLine], grid: Grid, rulings: Rulings, page: int, number: int, first_row: int,
                  carry: list[Cell] | None) -> list[list[Cell]]:
    """The rows of an indicator table whose rows carry no code (other municipalities): row
    boundaries from the rulings drawn across the name column where the table has them, else from
    the space between lines (a row's own lines are set closer than two rows), else one row per
    line that starts a name. Wrapped names and cells stay line by line in their cell. Text at the
    top of a page with an empty name cell goes on the last row of the page before (`carry`)."""
    groups = uncoded_row_lines(lines, grid, rulings)
    width = len(grid.columns)
    if groups and carry is not None and len(carry) == width and not carry[0].header:
        first = _per_column(groups[0], grid)
        if not first[0]:
            for cell, words in zip(carry, first):
                if words:
                    extend_cell(cell, words, page)
            groups.pop(0)
    rows: list[list[Cell]] = []
    for group in groups:
        el = f"table {number} row {first_row + len(rows)} col"
        per_col = _per_column(group, grid)
        rows.append([make_cell(per_col[k], page, f"{el} {k + 1}") for k in range(width)])
    return rows


def uncoded_row_lines(lines: list[TextLine], grid: Grid, rulings: Rulings) -> list[list[TextLine]]:
    """The body lines of an uncoded indicator table grouped into rows (see `_uncoded_rows`)."""
    if not lines:
        return []
    x0 = min(line.x0 for line in lines)
    x1 = grid.bounds[0] if grid.bounds else max(line.x1 for line in lines)
    gaps = [(lines[k - 1].bottom, lines[k].top) for k in range(1, len(lines))]
    cuts = [rulings.horizontal_between(a, b, x0, x1) for a, b in gaps]
    if not any(cuts) and gaps:
        sizes = [line.size for line in lines]
        space = [b - a for a, b in gaps]
        tight = min(space)
        cuts = [d > tight + 0.3 * min(sizes[k], sizes[k + 1]) for k, d in enumerate(space)]
        if not any(cuts):  # evenly set: a row starts where a name does
            cuts = [_starts_name(line, grid) for line in lines[1:]]
    out = [[lines[0]]]
    for line, cut in zip(lines[1:], cuts):
        if cut:
            out.append([line])
        else:
            out[-1].append(line)
    return out


def _starts_name(line: TextLine, grid: Grid) -> bool:
    """A name cell starting with a capital (`1.000 woningen` goes on the name above)."""
    words = [w for w in line.words if grid.column_of(w) == 0]
    return bool(words) and words[0].text[:1].isupper()


def _place_goal_cells(lines: list[TextLine], grid: Grid, rulings: Rulings, page: int, rows: list[list[Cell]],
                      row_lines: list[list[TextLine]]) -> None:
    """Put each goal cell of a goal column in the first row of its goal (spanned copies in the
    others): by code, else centred on its rows, as in the Doel | Prestatie table."""
    x0 = min(line.x0 for line in lines)
    lefts = _column_drafts(lines, grid, 0, rulings, x0, grid.bounds[0])
    names = [_Draft([[w for ln in rl for w in ln.words if grid.column_of(w) == 1]]) for rl in row_lines]
    owner = _groups(lefts, [d if d.lines[0] else _Draft([rl[0].words]) for d, rl in zip(names, row_lines)])
    placed: dict[int, Cell] = {}
    for row, j in zip(rows, owner):
        if j is None:
            continue
        element = row[0].origin.element or ""
        if j in placed:
            row[0] = _copy(placed[j], element)
        else:
            row[0] = placed[j] = make_cell(lefts[j].lines, page, element)


def _per_column(lines: list[TextLine], grid: Grid) -> list[list[list[Word]]]:
    """The words of some lines by column, line by line."""
    out: list[list[list[Word]]] = [[] for _ in grid.columns]
    for line in lines:
        for k in range(len(out)):
            words = [w for w in line.words if grid.column_of(w) == k]
            if words:
                out[k].append(words)
    return out


def _code_in(line: TextLine, grid: Grid, column: int) -> str | None:
    """The kind of code the line's text in `column` starts with."""
    cl = leading_code(join_words([w for w in line.words if grid.column_of(w) == column]))
    return cl.code.kind if cl is not None else None
