"""Layout blocks to the flat stream of text units the record parser walks.

A unit is one line of text with its origin, the group it belongs to (a paragraph, a table cell,
a heading) and whether it starts that group. Tables recognised as indicator tables are kept
whole (`TableUnit`) for the grid parser; other tables are read cell by cell, row by row,
skipping the copies made by rowspan/colspan.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..layout import Block, Layout, Origin
from ..models.values import clean_text
from ..profiles.codes import leading_code


@dataclass(slots=True)
class Unit:
    text: str
    origin: Origin
    group: int          # paragraph / cell / heading id
    first: bool         # first line of its group
    heading: int = 0    # heading level when the unit is a heading
    cell: bool = False  # comes from a table cell


@dataclass(slots=True)
class TableUnit:
    block: Block
    group: int


_HEADER_WORDS = re.compile(r"effectindicator|indicator|realisatie|streefwaarde|bron", re.IGNORECASE)


def is_indicator_grid(block: Block) -> bool:
    """A table whose header names indicator columns and whose rows carry indicator codes."""
    header_text = " ".join(c.text for row in block.rows[:3] for c in row)
    if len(set(m.lower() for m in _HEADER_WORDS.findall(header_text))) < 2:
        return False
    for row in block.rows:
        for cell in row[:2]:
            if cell.lines:
                cl = leading_code(clean_text(cell.lines[0].text))
                if cl and cl.code.kind == "indicator":
                    return True
    return False


def build_units(layout: Layout) -> list[Unit | TableUnit]:
    units: list[Unit | TableUnit] = []
    group = 0
    for block in layout.blocks:
        group += 1
        if block.kind == "table":
            if is_indicator_grid(block):
                units.append(TableUnit(block, group))
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
        units.append(Unit(text, line.origin, group, first, heading, cell))
        first = False
