"""Tables drawn with rules in text (part of the text source, `sources/text`): box drawing (`┌─┬─┐ │ a │ b │ ├─┼─┤`, as w3m and other
text browsers print bordered HTML tables) and ASCII grids (`+---+---+ | a | b |`, as pandoc and
reStructuredText write them).

Column edges are where the rules have junctions; a row ends where a rule runs under it. A cell
with no rule under it in its column spans the next row too (the goal cell beside its
performances), so it becomes a cell and its spanned copies, as an HTML rowspan would.
"""
from __future__ import annotations

import re

from ...layout import MAX_CELLS, MAX_COLSPAN, Block, Cell, Line, Origin
from ...models import Diagnostic

_V = "│┃║|"
_H = "─━═-=~"
_J = "┌┐└┘├┤┬┴┼╔╗╚╝╠╣╦╩╬╞╡╪╟╢╫╋┏┓┗┛┣┫┳┻+"
# a rule line: only strokes, junctions and bars (a partial rule `│   ├────┤` under a spanning cell too)
_RULE = re.compile(rf"^\s*[{re.escape(_J + _V)}][{re.escape(_H + _J + _V)} ]*[{re.escape(_J + _V)}]\s*$")
RULE_START = _J + _V   # the first visible character of every rule and row line
_STARTS = frozenset(RULE_START)
_ROW = re.compile(rf"^\s*[{re.escape(_V + _J)}].*[{re.escape(_V + _J)}]\s*$")


def is_rule(line: str) -> bool:
    if line.lstrip()[:1] not in _STARTS:
        return False
    return bool(_RULE.match(line)) and sum(ch in _H for ch in line) >= 3 and any(ch in _J for ch in line)


def in_ruled_table(line: str) -> bool:
    """A rule or row line of a ruled table (not layout text, whatever its spaces)."""
    if line.lstrip()[:1] not in _STARTS:
        return False
    return is_rule(line) or bool(_ROW.match(line)) and line.rstrip()[-1:] in _STARTS


def table_end(lines: list[str], start: int) -> int:
    """End (exclusive) of a ruled table starting with the rule line at `start`, or `start`
    when there is none (a rule, at least one row, and a closing rule)."""
    k = start + 1
    last_rule = start
    while k < len(lines) and (is_rule(lines[k]) or _ROW.match(lines[k])):
        if is_rule(lines[k]):
            last_rule = k
        k += 1
    return last_rule + 1 if last_rule > start + 1 else start


def ruled_table(lines: list[str], first_number: int, page_of, source_file: str = "",
                notes: list[Diagnostic] | None = None) -> Block:
    """The table of `lines` (rules included), with line numbers from `first_number`. A line
    with a rule in some columns only (`│ is beschermd ├──────┤`) ends the rows of those columns;
    its text in the other columns goes on in their cells. The grid is bounded as every source's
    is (`layout.MAX_COLSPAN`, `layout.MAX_CELLS`): a rule of thousands of junctions does not copy
    a cell's text into thousands of columns, and a grid cut short says so in `notes`."""
    edges = sorted({k for line in lines if is_rule(line) for k, ch in enumerate(line) if ch in _J})
    columns = list(zip(edges, edges[1:]))
    bounds = [k for k, line in enumerate(lines) if any(_ruled(line, x0, x1) for x0, x1 in columns)]
    rows: list[list[Cell]] = []
    open_cells: dict[int, Cell] = {}  # the cell each column's text goes to, by first column
    cells = 0
    for r, (top, bottom) in enumerate(zip(bounds, bounds[1:])):
        if cells + len(columns) > MAX_CELLS:
            number, page = first_number + top, page_of(first_number + top)
            (notes if notes is not None else []).append(Diagnostic(severity="warning", code="table_too_large",
                                    message=f"table has more than {MAX_CELLS} cells; read its first {r} rows",
                                    location=f"{source_file}, {f'page {page}, ' if page else ''}line {number}"))
            break
        body = lines[top + 1:bottom]
        row: list[Cell] = []
        for c0, c1 in _groups(body, columns):
            x0, x1 = columns[c0][0], columns[c1][1]
            cell = open_cells.get(c0)
            new = r == 0 or cell is None or _ruled(lines[top], x0, x1)
            if new:
                number = first_number + top + 1
                cell = Cell(lines=[], origin=Origin(page=page_of(number), line=number,
                                                    element=f"row {r + 1} col {c0 + 1}"))
                open_cells[c0] = cell
                row.append(cell)
            else:
                row.append(Cell(lines=cell.lines, origin=cell.origin, spanned=True))
            copies = min(c1 - c0, MAX_COLSPAN - 1)
            row.extend(Cell(lines=cell.lines, origin=cell.origin, spanned=True) for _ in range(copies))
            row.extend(Cell(lines=[], origin=cell.origin) for _ in range(c1 - c0 - copies))
            # the boundary line's own text, where it has no rule in this cell's columns
            span = range(top if not new else top + 1, bottom)
            for k in span:
                text = _segment(lines[k], x0, x1)
                if text and not (k == top and _ruled(lines[k], x0, x1)):
                    n = first_number + k
                    cell.lines.append(Line(text, Origin(page=page_of(n), line=n, element=cell.origin.element)))
        rows.append(row)
        cells += len(row)
    first, last = first_number, first_number + len(lines) - 1
    return Block("table", rows=rows, origin=Origin(page=page_of(first), line=first, line_end=last))


def _groups(body: list[str], columns: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Runs of columns that are one cell in this row: an edge with no bar on any line of the
    row is crossed by the cell's text (a colspan)."""
    groups: list[tuple[int, int]] = []
    start = 0
    filled = [line for line in body if line.strip()]
    for c in range(1, len(columns) + 1):
        if c == len(columns):
            groups.append((start, c - 1))
            break
        edge = columns[c][0]
        if not filled or any(len(line) > edge and line[edge] in _V + _J for line in filled):
            groups.append((start, c - 1))
            start = c
    return groups


def _segment(line: str, x0: int, x1: int) -> str:
    text = line[x0 + 1:x1] if len(line) > x0 + 1 else ""
    return " ".join(text.strip(_V + " ").split())


def _ruled(line: str, x0: int, x1: int) -> bool:
    """Does the rule line run (horizontal strokes) between the two column edges?"""
    part = line[x0 + 1:x1]
    strokes = part.strip()
    # a stroke across the column, not a `-` standing in a cell
    return bool(strokes) and all(ch in _H + _J for ch in strokes) and len(strokes) >= 0.6 * len(part)
