"""Indicator tables that arrive as grids (HTML, PDF, pipe tables): header rows give the column
roles, each data row is read cell by cell. `read_grid` returns what it found, in table order —
goals named in the table, indicator rows, footnotes, and notes on what it could not place — and
the parser records them."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..layout import Origin
from ..models.values import clean_text
from ..profiles import sections
from ..profiles.codes import Code, leading_code
from ..profiles.columns import is_header_line
from .indicators import Column, ColumnModel, Row, ValueCell, grid_columns, is_year_entry
from .units import TableUnit, Unit, row_texts


@dataclass
class GridGoal:
    """A goal named in an indicator table (a `Doel 9A1 ...` row, or a goal column whose cell
    spans the goal's indicator rows): defines the goal if the page did not already."""

    code: Code
    title: str
    unit: Unit


@dataclass
class GridIndicator:
    code: Code
    name_lines: list[str]
    row: Row
    start: Origin
    end: Origin
    raw: str


@dataclass
class GridFootnote:
    marker: str
    text: str
    origin: Origin


@dataclass
class GridNote:
    """Something the grid reader saw but could not place: a diagnostic to record."""

    severity: str
    code: str
    message: str
    origin: Origin
    raw: str


GridItem = GridGoal | GridIndicator | GridFootnote | GridNote


@dataclass
class GridTable:
    model: ColumnModel          # the value columns, for rows of the table that follow as lines
    columns: list[Column]       # every value column the header names
    source_column: bool
    items: list[GridItem] = field(default_factory=list)


def _code_kind(text: str) -> str | None:
    cl = leading_code(text)
    return cl.code.kind if cl is not None else None


def _row_code(text: str) -> bool:
    return _code_kind(text) in ("indicator", "goal")


def read_grid(tu: TableUnit, edition_year: int | None) -> GridTable:
    rows = tu.block.rows
    header: list[list[str]] = []
    start = 0
    for start, row in enumerate(rows):
        texts = row_texts(row)
        if any(_row_code(t) for t in texts[:2]):
            break
        header.append(texts)
    else:
        start = len(rows)
    roles, _incell = grid_columns(header or [[]], edition_year)
    has_source = any(r == "source" for r, _ in roles)
    columns = [col for role, col in roles if role == "value" and col is not None]
    table = GridTable(ColumnModel(list(columns), has_source), columns, has_source)
    for row in rows[start:]:
        table.items.extend(_grid_row(row, roles))
    table.items.extend(_unread_columns(header, rows[start:], roles))
    return table


def _unread_columns(header: list[list[str]], rows, roles) -> list[GridNote]:
    """A column the table has but no record takes (a `Toelichting` or `Nr.` column): one info
    diagnostic per table naming it, so its content is not dropped silently."""
    out = []
    for k, (role, _col) in enumerate(roles):
        if role != "other":
            continue
        filled = [r[k] for r in rows if k < len(r) and not r[k].spanned and clean_text(r[k].text)]
        if not filled:
            continue
        label = " ".join(clean_text(h[k]) for h in header if k < len(h) and clean_text(h[k])) or f"column {k + 1}"
        out.append(GridNote("info", "column_not_read", f"indicator table column '{label}' is not read "
                            f"({len(filled)} filled cells)", filled[0].origin, clean_text(filled[0].text)))
    return out


def _goal_cell(cell) -> GridGoal | None:
    cl = leading_code(clean_text(cell.lines[0].text)) if cell.lines else None
    if cl is not None and cl.code.kind == "goal" and cl.rest:
        title = " ".join([cl.rest] + [clean_text(line.text) for line in cell.lines[1:]])
        return GridGoal(cl.code, title, Unit(cl.rest, cell.origin, 0, True))
    return None


def _grid_row(row, roles) -> list[GridItem]:
    texts = row_texts(row)
    kinds = [_code_kind(t) for t in texts[:2]]
    code_at = next((k for k, kind in enumerate(kinds) if kind == "indicator"), None)
    if code_at is None:
        code_at = next((k for k, kind in enumerate(kinds) if kind == "goal"), None)
    if code_at is None:
        joined = " ".join(t for k, t in enumerate(texts) if t and not row[k].spanned)
        fn = sections.footnote(joined)
        if fn:
            return [GridFootnote(fn[0], fn[1], row[0].origin)]
        if joined and not is_header_line(joined):
            return [GridNote("info", "unplaced_row", f"table row without a code: {joined[:120]}", row[0].origin, joined)]
        return []
    items: list[GridItem] = []
    for k in range(code_at + 1):
        if kinds[k] == "goal" and not row[k].spanned:
            goal = _goal_cell(row[k])
            if goal is not None:
                items.append(goal)
    cell = row[code_at]
    cl = leading_code(clean_text(cell.lines[0].text)) if cell.lines else None
    if cl is None or cl.code.kind != "indicator":
        return items
    r = Row()
    name_lines = [cl.rest] + [clean_text(line.text) for line in cell.lines[1:]]
    for k, c in enumerate(row):
        if k == code_at or k >= len(roles) or c.spanned:
            continue
        role, col = roles[k]
        kept = [line for line in c.lines if clean_text(line.text)]
        lines = [clean_text(line.text) for line in kept]
        if role == "value" and col is not None:
            if col.incell and lines and all(is_year_entry(t) for t in lines):
                for t, line in zip(lines, kept):
                    r.cells.append(ValueCell(col, t, line.origin, None))
            else:
                r.cells.append(ValueCell(col, " ".join(lines), c.origin, col.year))
        elif role == "source":
            r.source, r.source_origin = " ".join(lines), c.origin
        elif role == "name" and lines and k > code_at:
            name_lines.extend(lines)
    items.append(GridIndicator(cl.code, name_lines, r, cell.origin, row[-1].origin, " | ".join(texts)))
    return items
