"""Indicator tables that arrive as grids (HTML, pipe tables, PDF) and whose rows carry no
Leiden-style code: columns read by meaning from the header rows, one indicator per data row.

A grid may hold several tables under one another (`5.1 | Goal title` row, a header row, rows,
`5.2 | ...`, another header): a goal row names the goal the rows under it belong to, a header
row starts new columns. A row whose first cell is the indicator's own code (`E1.2.1 | Reputatie
...`) has its cells one place to the right of the header's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..layout import Block, Cell
from ..models.values import clean_text
from ..profiles import sections
from ..profiles.definition import Profile
from .header import ColumnSpec, columns_from_cells
from .placed import PlacedCell, PlacedRow
from .text_tables import TextTable
from .units import row_texts

_YEAR = re.compile(r"^(?:19|20)\d\d$")
MAX_NAME = 300   # characters: a longer name cell is not one indicator's name
_CODE_CELL = re.compile(r"^\d{1,2}(?:\.\d{1,2}){1,2}\.?$")


@dataclass
class GridGoalRow:
    code: str
    title: str
    cell: Cell


@dataclass
class MeaningGrid(TextTable):
    goals: list[tuple[int, GridGoalRow]] = field(default_factory=list)   # (row index, goal)


def _texts(row: list[Cell]) -> list[str]:
    return [clean_text(c.text) if c.lines and not c.spanned else "" for c in row]


class GridReader:
    def __init__(self, profile: Profile, own: re.Pattern | None = None):
        self.profile = profile
        self.words = profile.columns
        self.own = own

    def _label(self, text: str) -> bool:
        if not text:
            return True
        if self.words.label_only(text):
            return True
        return bool(self.own is not None and len(text) <= 60 and self.own.fullmatch(text))

    def is_header_row(self, row: list[Cell]) -> bool:
        filled = [t for t in row_texts(row) if t]
        distinct = set(filled)  # a span's copies are read once
        if len(filled) < 2 or not all(self._label(t) for t in distinct):
            return False
        roles = {t.role for text in distinct for t in self.words.tokens(text)}
        return bool(roles & {"name", "realisatie", "streefwaarde", "nulmeting", "year", "source", "kind_row"})

    def names_table(self, block: Block) -> bool:
        """A grid whose rows (within the first few) include a header naming an indicator column
        and a figure column."""
        for row in block.rows[:6]:
            if self.is_header_row(row):
                roles = {t.role for text in set(row_texts(row)) for t in self.words.tokens(text)}
                if "name" in roles and roles & {"realisatie", "streefwaarde", "nulmeting", "waarde", "year",
                                                "comparison"}:
                    return True
        return False

    def goal_row(self, texts: list[str]) -> tuple[str, str] | None:
        filled = [t for t in texts if t]
        if not filled or len(filled) > 2:
            return None
        joined = " ".join(filled)
        m = self.profile.codes.goal_line(joined) or self.profile.codes.goal_before(joined)
        if m and m[1] and not sections.is_section_heading(m[1]):
            return m
        if len(filled) == 2 and _CODE_CELL.match(filled[0]):
            return filled[0].rstrip("."), filled[1]
        return None

    def read(self, block: Block) -> MeaningGrid:
        rows = block.rows
        table = MeaningGrid([], [], 0, 0)
        columns: list[ColumnSpec] | None = None
        header: list[list[str]] = []
        k = 0
        while k < len(rows):
            row = rows[k]
            texts = _texts(row)
            if not any(texts):
                k += 1
                continue
            if self.is_header_row(row):
                header = []
                while k < len(rows) and self.is_header_row(rows[k]):
                    header.append(row_texts(rows[k]))
                    k += 1
                columns = self._columns(header)
                table.columns.extend(c for c in columns if c not in table.columns)
                continue
            goal = self.goal_row(texts)
            if goal is not None:
                table.goals.append((len(table.rows), GridGoalRow(goal[0], goal[1], row[0])))
                k += 1
                continue
            joined = " ".join(t for t in texts if t)
            note = sections.footnote(joined)
            if note is not None or columns is None:
                if note is None:
                    table.notes.append(("info", "unplaced_row", f"table row before any header: {joined[:120]}",
                                        row[0].origin, joined))
                else:
                    table.footnotes.append((note[0], note[1], row[0].origin))
                k += 1
                continue
            placed = self._row(row, texts, columns)
            if placed is not None:
                table.rows.append(placed)
            else:
                table.notes.append(("info", "unplaced_row", f"table row not read as an indicator: {joined[:120]}",
                                    row[0].origin, joined[:2000]))
            k += 1
        return table

    def _columns(self, header: list[list[str]]) -> list[ColumnSpec]:
        width = max(len(r) for r in header)
        per_column = []
        for col in range(width):
            parts = []
            for r in header:
                t = r[col] if col < len(r) else ""
                if t and (not parts or parts[-1] != t):
                    parts.append(t)
            per_column.append(" ".join(parts))
        return columns_from_cells(per_column, self.words, self.own, bind_years=False)

    def _row(self, row: list[Cell], texts: list[str], columns: list[ColumnSpec]) -> PlacedRow | None:
        name_at = next((k for k, c in enumerate(columns) if c.role == "name"), 0)
        code = None
        shift = 0
        first = texts[name_at] if name_at < len(texts) else ""
        own_code = self.profile.codes.indicator_code(first)
        if own_code is not None and not own_code[1] and name_at + 1 < len(texts) and texts[name_at + 1]:
            code, shift = own_code[0], 1          # the code in a cell of its own, the name in the next
        elif own_code is not None and own_code[1]:
            code, first = own_code[0], own_code[1]
        name_cell = row[name_at + shift] if name_at + shift < len(row) else row[0]
        name = " ".join((texts[name_at + shift] if shift else first).split())
        if not name or len(name) > MAX_NAME:
            return None   # no name, or a whole page's text in one cell: not an indicator
        placed = PlacedRow(name, name_cell.origin, row[-1].origin, " | ".join(t for t in texts if t), code=code)
        unread = []
        for k, col in enumerate(columns):
            if k == name_at:
                continue
            at = k + shift
            if at >= len(row) or row[at].spanned and col.role != "source":
                continue
            text = texts[at] if not row[at].spanned else clean_text(row[at].text)
            if not text:
                continue
            if col.role == "unit":
                placed.unit = " ".join(text.split())      # a wrapped cell's lines, on one line
            elif col.role == "source":
                placed.source = " ".join(text.split())
            elif col.role == "period":
                placed.period = int(text) if _YEAR.match(text) else None
            elif col.role == "number":
                placed.code = placed.code or text.rstrip(".")
            elif col.figure:
                placed.cells.append(PlacedCell(col, "\n".join(clean_text(line.text) for line in row[at].lines)
                                               or text, row[at].origin))
            else:
                unread.append((col, text, row[at]))
        placed.unread = unread
        return placed
