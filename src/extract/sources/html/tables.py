"""Tables of a budget web page as grids of cells (HTML source, `sources/html`): `<table>` with rowspan/colspan, tables a CMS builds
from `<div>`s (ARIA roles or table/row/cell classes), and indicator "cards" written as `<dl>`.

Expansion puts every cell at its row and column; the copies a span makes are marked `spanned`
(the parser reads content from the original only, header labels and column alignment from all).
Money tables (Lasten / Baten / Saldo per prestatie) are recognised so the source can leave them
out: their rows repeat performance codes next to amounts.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bs4 import Tag

from ...layout import MAX_CELLS, MAX_COLSPAN, Block, Cell, Line, Origin
from ...models import Diagnostic
from ...profiles.codes import leading_code
from ...profiles.columns import header_tokens
from ...profiles.money import is_money_header
from ...models.values import clean_text, parse_cell
from .content import class_tokens
from .paths import ElementPaths

CellLines = Callable[[Tag], list[Line]]


_LAYOUT_MARKERS = frozenset({"table", "h1", "h2", "h3", "h4", "h5", "h6"})
_GRID_ROLES = frozenset({"table", "grid", "treegrid"})
_ROW_TOKENS = frozenset({"row", "tr", "table-row", "tablerow", "tabel-rij", "rij", "trow"})
_GRID_TOKENS = frozenset({"table", "tabel", "div-table", "divtable", "data-table", "datatable",
                          "grid-table", "tabular", "css-table"})
_HEAD_TOKENS = frozenset({"thead", "head", "header", "table-head", "table-header", "th",
                          "columnheader", "heading"})
_GROUP_TOKENS = frozenset({"thead", "tbody", "tfoot", "head", "body", "table-head", "table-body",
                           "rowgroup"})


@dataclass(slots=True)
class RawCell:
    """A cell as written: its element, spans and whether it is a header cell."""

    el: Tag
    rowspan: int = 1
    colspan: int = 1
    header: bool = False


def _tokens(el: Tag) -> set[str]:
    return set(class_tokens(el, with_id=False))


def _span(el: Tag, *names: str) -> int:
    """A span attribute as an int >= 0 (0 = to the end of the table, as HTML's rowspan=0)."""
    for name in names:
        value = el.get(name)
        if isinstance(value, str):
            m = re.match(r"\s*(\d{1,6})", value)
            if m:
                return int(m.group(1))
    return 1


# -- <table> ----------------------------------------------------------------------------------

def is_layout_table(table: Tag) -> bool:
    """A table used to lay out a page (old CMSs): role=presentation, or a narrow table (two
    columns, or three columns and a few rows) whose cells hold headings or further tables. Its
    cells are read as page sections, not as a grid. A wider table with a heading or a small
    table in a cell stays a data table (an indicator name set as `<h4>`)."""
    role = table.get("role")
    if isinstance(role, str) and role.lower() in ("presentation", "none"):
        return True
    if not any(isinstance(d, Tag) and d.name in _LAYOUT_MARKERS for d in table.descendants):
        return False
    rows = table_rows(table)
    width = max((sum(1 for c in tr.children if isinstance(c, Tag) and c.name in ("td", "th")) for tr in rows),
                default=0)
    return width <= 2 or (width <= 3 and len(rows) <= 4)


def table_rows(table: Tag) -> list[Tag]:
    """The `<tr>`s of this table (not of tables inside it): head rows, body rows, foot rows."""
    head: list[Tag] = []
    body: list[Tag] = []
    foot: list[Tag] = []
    for child in table.children:
        if not isinstance(child, Tag):
            continue
        if child.name == "tr":
            body.append(child)
        elif child.name in ("thead", "tbody", "tfoot"):
            target = head if child.name == "thead" else foot if child.name == "tfoot" else body
            target.extend(tr for tr in child.children if isinstance(tr, Tag) and tr.name == "tr")
    return head + body + foot


def layout_cells(table: Tag) -> list[Tag]:
    """The cells of a layout table in reading order."""
    return [c for tr in table_rows(table) for c in tr.children if isinstance(c, Tag) and c.name in ("td", "th")]


def table_raw_rows(table: Tag) -> list[list[RawCell]]:
    out = []
    for tr in table_rows(table):
        in_head = tr.parent is not None and tr.parent.name == "thead"
        cells = [RawCell(c, _span(c, "rowspan"), _span(c, "colspan"), c.name == "th" or in_head)
                 for c in tr.children if isinstance(c, Tag) and c.name in ("td", "th")]
        out.append(cells)
    return out


# -- div grids --------------------------------------------------------------------------------

def _is_row(el: Tag) -> bool:
    if el.get("role") == "row":
        return True
    return any(t in _ROW_TOKENS or t.endswith(("-row", "__row")) for t in _tokens(el))


def is_div_grid(el: Tag) -> bool:
    """An element a CMS renders as a table without `<table>`: role=table/grid, or a table class,
    holding rows (role=row or a row class) of at least two cells."""
    if el.name in ("table", "tr", "td", "th", "ul", "ol", "dl"):
        return False
    role = el.get("role")
    tokens = _tokens(el)
    if not ((isinstance(role, str) and role.lower() in _GRID_ROLES)
            or tokens & _GRID_TOKENS or any(t.endswith(("-table", "-tabel", "__table")) for t in tokens)):
        return False
    if el.find("table") is not None:
        return False
    rows = grid_rows(el)
    return bool(rows) and max(len(cells) for _, cells in rows) >= 2


def grid_rows(el: Tag, depth: int = 0) -> list[tuple[Tag, list[Tag]]]:
    """Rows of a div grid with their cell elements, found through row-group wrappers."""
    out: list[tuple[Tag, list[Tag]]] = []
    for child in el.children:
        if not isinstance(child, Tag):
            continue
        if _is_row(child):
            out.append((child, [c for c in child.children if isinstance(c, Tag)]))
        elif depth < 3:
            out.extend(grid_rows(child, depth + 1))
    return out


def _is_head(el: Tag) -> bool:
    role = el.get("role")
    if isinstance(role, str) and role.lower() == "columnheader":
        return True
    return bool(_tokens(el) & _HEAD_TOKENS) or any(t.endswith(("-head", "-header", "__head", "__header"))
                                                   for t in _tokens(el))


def div_raw_rows(el: Tag) -> list[list[RawCell]]:
    out = []
    for row, cells in grid_rows(el):
        group = row.parent if row.parent is not el else None
        head_row = _is_head(row) or (group is not None and bool(_tokens(group) & _GROUP_TOKENS)
                                     and _is_head(group))
        out.append([RawCell(c, _span(c, "aria-rowspan", "data-rowspan", "rowspan"),
                            _span(c, "aria-colspan", "data-colspan", "colspan"),
                            head_row or _is_head(c)) for c in cells])
    return out


# -- expansion --------------------------------------------------------------------------------

def expand(raw_rows: list[list[RawCell]], paths: ElementPaths, cell_lines: CellLines,
           notes: list[Diagnostic], where: Origin, location: str) -> list[list[Cell]]:
    """Place every cell at its row and column; spans become `spanned` copies. Rows are padded
    to the table's width with empty cells so columns line up."""
    grid: list[dict[int, Cell]] = []
    pending: dict[int, tuple[Cell, int]] = {}  # column -> (copy, rows still covered)
    total = 0
    for r, raw_row in enumerate(raw_rows):
        placed: dict[int, Cell] = {}
        col = 0
        for raw in raw_row:
            col = _take_pending(pending, placed, col, None)
            origin = paths.origin(raw.el)
            cell = Cell(lines=cell_lines(raw.el), origin=origin, header=raw.header)
            colspan = max(1, min(raw.colspan, MAX_COLSPAN))
            rowspan = raw.rowspan if raw.rowspan > 0 else len(raw_rows) - r
            rowspan = max(1, min(rowspan, len(raw_rows) - r))
            copy = Cell(lines=cell.lines, origin=origin, header=raw.header, spanned=True)
            for k in range(colspan):
                pending.pop(col, None)  # overlapping spans: the cell written later wins
                placed[col] = cell if k == 0 else copy
                if rowspan > 1:
                    pending[col] = (copy, rowspan - 1)
                col += 1
        for c in sorted(k for k in pending if k >= col):
            _take_pending(pending, placed, c, c)
        total += len(placed)
        if total > MAX_CELLS:
            notes.append(Diagnostic(severity="warning", code="table_too_large",
                                    message=f"table has more than {MAX_CELLS} cells; read its first {r} rows",
                                    location=location))
            break
        grid.append(placed)
    grid = [placed for placed in grid if placed]
    width = max((max(p) + 1 for p in grid), default=0)
    # padded, the grid is width x rows cells: one row of 100,000 cells over many short rows
    # would pad them all to that width
    fits = MAX_CELLS // max(width, 1)
    if len(grid) > max(fits, 1) and total <= MAX_CELLS:
        notes.append(Diagnostic(severity="warning", code="table_too_large",
                                message=f"table is {width} columns wide: {width * len(grid)} cells padded, "
                                        f"more than {MAX_CELLS}; read its first {max(fits, 1)} rows",
                                location=location))
    return [[placed.get(c) or Cell(lines=[], origin=where) for c in range(width)] for placed in grid[:max(fits, 1)]]


def _take_pending(pending: dict[int, tuple[Cell, int]], placed: dict[int, Cell], col: int,
                  upto: int | None) -> int:
    """Put the copies of cells spanning down from rows above into this row, from `col` on
    (up to `upto`); returns the first column left free."""
    while col in pending and (upto is None or col <= upto):
        copy, left = pending[col]
        placed[col] = copy
        if left <= 1:
            del pending[col]
        else:
            pending[col] = (copy, left - 1)
        col += 1
    return col


def grid_block(raw_rows: list[list[RawCell]], el: Tag, paths: ElementPaths, cell_lines: CellLines,
               notes: list[Diagnostic], source_file: str) -> Block | None:
    """A table block from raw rows, or None when it has no cells."""
    origin = paths.origin(el)
    rows = expand(raw_rows, paths, cell_lines, notes, origin, f"{source_file}, {origin.element or el.name}")
    if not rows:
        return None
    return Block("table", rows=rows, origin=origin)


# -- indicator cards as <dl> --------------------------------------------------------------------

def _label_types(text: str) -> set[str]:
    return {t for t, _, _ in header_tokens(text)}


def dl_groups(dl: Tag) -> list[tuple[Tag, list[Tag]]]:
    """(dt, its dd's) of a description list, through `<div>` wrappers, in document order. A
    nested `<dl>` is not entered: its terms are its own (and each list is walked once, however
    deep lists nest); nor is a `<dt>` or `<dd>`."""
    groups: list[tuple[Tag, list[Tag]]] = []
    stack = [iter(dl.children)]
    while stack:
        el = next(stack[-1], None)
        if el is None:
            stack.pop()
            continue
        if not isinstance(el, Tag) or el.name == "dl":
            continue
        if el.name == "dt":
            groups.append((el, []))
        elif el.name == "dd" and groups:
            groups[-1][1].append(el)
        # a term or a description is read whole as its cell: one nested in it is part of its
        # text, not a term of its own (fuzz #12555 of seed 2033: 58,610 <dd> nested in one
        # another, each read again inside every one around it: 24 s for 0.24 MB)
        if el.name not in ("dt", "dd"):
            stack.append(iter(el.children))
    return groups


MAX_CARD_TERMS = 60  # an indicator card has a label per figure and a source, not hundreds


def card_block(dl: Tag, title: Block | None, paths: ElementPaths, cell_lines: CellLines) -> tuple[Block | None, bool]:
    """An indicator card (`<dt>Realisatie</dt><dd>5,7 (2015)</dd>...<dt>Bron</dt>...`) as a
    one-row indicator table. The name comes from a `<dt>Indicator</dt>` or from `title`, the
    block just before the list when it starts with an indicator code. Returns (block, whether
    `title` was used); (None, False) when the list is not such a card."""
    groups = dl_groups(dl)
    if len(groups) > MAX_CARD_TERMS:  # no card: a list of terms (nested ones repeat their text)
        return None, False
    types = [_label_types(clean_text(dt.get_text(" "))) for dt, _ in groups]
    if sum(1 for t in types if t & {"r", "s", "b"}) < 2:
        return None, False
    named = any("ind" in t for t in types)
    used_title = False
    header: list[Cell] = []
    data: list[Cell] = []
    if not named:
        first = title.lines[0].text if title is not None and title.lines else ""
        cl = leading_code(clean_text(first)) if first else None
        if cl is None or cl.code.kind != "indicator":
            return None, False
        header.append(Cell(lines=[Line("Effectindicator", title.origin)], origin=title.origin, header=True))
        data.append(Cell(lines=list(title.lines), origin=title.origin))
        used_title = True
    for dt, dds in groups:
        origin = paths.origin(dt)
        header.append(Cell(lines=cell_lines(dt), origin=origin, header=True))
        lines = [line for dd in dds for line in cell_lines(dd)]
        data.append(Cell(lines=lines, origin=paths.origin(dds[0]) if dds else origin))
    return Block("table", rows=[header, data], origin=paths.origin(dl)), used_title


# -- money tables -----------------------------------------------------------------------------

def is_money_table(rows: list[list[Cell]]) -> bool:
    """Lasten / Baten / Saldo tables: a money header, no indicator words, amounts in the body."""
    head = " ".join(c.text for row in rows[:2] for c in row)
    if not is_money_header(head):
        return False
    amounts = numbers = 0
    for row in rows[1:]:
        for cell in row[1:]:
            text = clean_text(cell.text)
            if cell.spanned or not text:
                continue
            amounts += 1
            if parse_cell(text).status in ("number", "empty"):
                numbers += 1
    return amounts > 0 and numbers >= 0.6 * amounts
