"""Layout blocks to the flat stream of text units the record parser walks.

A unit is one line of text with its origin, the group it belongs to (a paragraph, a table cell,
a heading) and whether it starts that group. Tables recognised as indicator tables are kept
whole (`TableUnit`) for the grid parser; other tables are read cell by cell, row by row,
skipping the copies made by rowspan/colspan. `Stream` wraps the units with the questions the
parser's readers ask about them (where a row ends, whether a code's title is on the next line).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..layout import Block, Layout, Origin
from ..models.values import clean_text
from ..profiles import sections
from ..profiles.codes import CodeLine, leading_code, policy_area_line
from ..profiles.columns import is_header_line, starts_header
from .indicators import is_value_cell


@dataclass(slots=True)
class Unit:
    text: str
    origin: Origin
    group: int          # paragraph / cell / heading id
    first: bool         # first line of its group
    heading: int = 0    # heading level when the unit is a heading
    cell: bool = False  # comes from a table cell
    raw: str = ""       # the line as the source gave it (runs of spaces kept)


@dataclass(slots=True)
class TableUnit:
    block: Block
    group: int
    coded: bool = True   # rows carry Leiden-style codes (else: read by the header's meaning)


def row_texts(row) -> list[str]:
    """The clean text of each cell of a row; a span's copies (which share the cell's lines) are
    cleaned once, so a cell spanning many columns costs one cell's work."""
    seen: dict[int, str] = {}
    out = []
    for c in row:
        if not c.lines:
            out.append("")
            continue
        text = seen.get(id(c.lines))
        if text is None:
            text = seen[id(c.lines)] = clean_text(c.text)
        out.append(text)
    return out


_HEADER_WORDS = re.compile(r"effectindicator|indicator|realisatie|streefwaarde|bron", re.IGNORECASE)


def is_indicator_grid(block: Block) -> bool:
    """A table whose header names indicator columns and whose rows carry indicator codes."""
    header_text = " ".join(c.text for row in block.rows[:3] for c in row if not c.spanned)
    if len(set(m.lower() for m in _HEADER_WORDS.findall(header_text))) < 2:
        return False
    for row in block.rows:
        for cell in row[:2]:
            if cell.lines:
                cl = leading_code(clean_text(cell.lines[0].text))
                if cl and cl.code.kind == "indicator":
                    return True
    return False


def build_units(layout: Layout, names_table=None) -> list[Unit | TableUnit]:
    """The units of a layout. Indicator grids stay whole: those with Leiden-style codes, and
    those `names_table(block)` recognises by their header (read by meaning)."""
    units: list[Unit | TableUnit] = []
    group = 0
    for block in layout.blocks:
        group += 1
        if block.kind == "table":
            if is_indicator_grid(block):
                units.append(TableUnit(block, group))
                continue
            if names_table is not None and names_table(block):
                units.append(TableUnit(block, group, coded=False))
                continue
            for row in block.rows:
                for cell in row:
                    if cell.spanned:
                        continue
                    group += 1
                    _add_lines(units, cell.lines, group, cell=True)
            continue
        heading = block.level if block.kind == "heading" else 0
        _add_lines(units, block.lines, group, heading=heading)
    return units


def _add_lines(units: list, lines, group: int, heading: int = 0, cell: bool = False) -> None:
    first = True
    for line in lines:
        text = clean_text(line.text)
        if not text:
            continue
        units.append(Unit(text, line.origin, group, first, heading, cell, line.text))
        first = False


class Stream:
    """The units of a document with the questions the parser's readers ask about them."""

    def __init__(self, units: list[Unit | TableUnit]):
        self.units = units
        self._ends: dict[str, bool] = {}   # row_end of a text (a heading always ends): asked again and again

    def __len__(self) -> int:
        return len(self.units)

    def __getitem__(self, i: int) -> Unit | TableUnit:
        return self.units[i]

    def unit(self, i: int) -> Unit | None:
        """The text unit at `i`; None past the end or for a table."""
        if 0 <= i < len(self.units):
            u = self.units[i]
            return u if isinstance(u, Unit) else None
        return None

    def row_end(self, v: Unit | TableUnit | None) -> bool:
        """A unit that cannot belong to the indicator row or footnote before it."""
        if v is None or isinstance(v, TableUnit):
            return True
        if v.heading:
            return True
        t = v.text
        end = self._ends.get(t)
        if end is None:
            end = self._ends[t] = bool(
                leading_code(t) or sections.is_section_heading(t) or sections.footnote(t)
                or starts_header(t) or (policy_area_line(t) or (None, None, False))[2]
                or sections.goals_intro(t))
        return end

    def title_after(self, i: int, cl: CodeLine) -> Unit | None:
        """The next unit when a code stands alone and its text follows as plain text."""
        if cl.rest:
            return None
        nxt = self.unit(i + 1)
        if nxt is None or leading_code(nxt.text) or self.row_end(nxt) or is_value_cell(nxt.text) \
                or sections.is_goal_table_header(nxt.text) or is_header_line(nxt.text):
            return None
        return nxt
