"""Indicator tables that arrive as grids (HTML, PDF, pipe tables): header rows give the column
roles, each data row is read cell by cell into the parser's records."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..models.values import clean_text
from ..profiles import sections
from ..profiles.codes import leading_code
from ..profiles.columns import is_header_line
from .indicators import ColumnModel, Row, ValueCell, grid_columns, is_year_entry
from .units import TableUnit, Unit

if TYPE_CHECKING:
    from .records import RecordParser


def _row_code(text: str) -> bool:
    return _code_kind(text) in ("indicator", "goal")


def parse_grid(parser: RecordParser, tu: TableUnit) -> None:
    rows = tu.block.rows
    header: list[list[str]] = []
    start = 0
    for start, row in enumerate(rows):
        texts = [clean_text(c.text) for c in row]
        if any(_row_code(t) for t in texts[:2]):
            break
        header.append(texts)
    else:
        start = len(rows)
    roles, _incell = grid_columns(header or [[]], parser.edition_year)
    parser.table_id += 1
    parser.note_header_years(col for _role, col in roles if col is not None)
    has_source = any(r == "source" for r, _ in roles)
    # rows of the same table that arrive as plain lines (after a page break) read by its columns
    parser.model = ColumnModel([col for role, col in roles if role == "value" and col is not None], has_source)
    for row in rows[start:]:
        grid_row(parser, row, roles, has_source)
    _report_unread_columns(parser, header, rows[start:], roles)
    parser.in_table_notes = True


def _report_unread_columns(parser: RecordParser, header: list[list[str]], rows, roles) -> None:
    """A column the table has but no record takes (a `Toelichting` or `Nr.` column): one info
    diagnostic per table naming it, so its content is not dropped silently."""
    for k, (role, _col) in enumerate(roles):
        if role != "other":
            continue
        filled = [r[k] for r in rows if k < len(r) and not r[k].spanned and clean_text(r[k].text)]
        if not filled:
            continue
        label = " ".join(clean_text(h[k]) for h in header if k < len(h) and clean_text(h[k])) or f"column {k + 1}"
        parser.diag("info", "column_not_read", f"indicator table column '{label}' is not read "
                    f"({len(filled)} filled cells)", filled[0].origin, clean_text(filled[0].text))


def _code_kind(text: str) -> str | None:
    cl = leading_code(text)
    return cl.code.kind if cl is not None else None


def _goal_cell(parser: RecordParser, cell) -> None:
    """A goal named in an indicator table (a `Doel 9A1 ...` row, or a goal column whose cell
    spans the goal's indicator rows): defines the goal if the page did not already."""
    cl = leading_code(clean_text(cell.lines[0].text)) if cell.lines else None
    if cl is not None and cl.code.kind == "goal" and cl.code.text not in parser.goals and cl.rest:
        unit = Unit(cl.rest, cell.origin, 0, True)
        parser.define(cl.code, " ".join([cl.rest] + [clean_text(line.text) for line in cell.lines[1:]]), unit)


def grid_row(parser: RecordParser, row, roles, has_source: bool) -> None:
    texts = [clean_text(c.text) for c in row]
    kinds = [_code_kind(t) for t in texts[:2]]
    code_at = next((k for k, kind in enumerate(kinds) if kind == "indicator"), None)
    if code_at is None:
        code_at = next((k for k, kind in enumerate(kinds) if kind == "goal"), None)
    if code_at is None:
        joined = " ".join(t for k, t in enumerate(texts) if t and not row[k].spanned)
        fn = sections.footnote(joined)
        if fn:
            parser.add_footnote(fn[0], fn[1], row[0].origin)
        elif joined and not is_header_line(joined):
            parser.diag("info", "unplaced_row", f"table row without a code: {joined[:120]}", row[0].origin, joined)
        return
    for k in range(code_at + 1):
        if kinds[k] == "goal" and not row[k].spanned:
            _goal_cell(parser, row[k])
    cell = row[code_at]
    cl = leading_code(clean_text(cell.lines[0].text)) if cell.lines else None
    if cl is None:
        return
    if cl.code.kind != "indicator":
        return
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
    raw = " | ".join(texts)
    parser.record_indicator(cl.code, name_lines, r, cell.origin, row[-1].origin, raw)
