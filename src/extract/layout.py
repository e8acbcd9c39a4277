"""The common layout every source produces and the domain parser reads.

A source turns a file (HTML, PDF, text) into a `Layout`: an ordered list of blocks — headings,
paragraphs and tables (rows of cells) — each line carrying its `Origin` (page, line range,
element path, bounding box). The parser never looks at the file format, only at this.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from .models import Diagnostic, Provenance

BlockKind = Literal["heading", "paragraph", "table"]

# Bounds every source puts on the grid of one table (a hostile file, not a budget, exceeds them):
MAX_COLSPAN = 100    # columns one cell is copied into; the rest of a wider span is left empty
MAX_CELLS = 200_000  # cells of one table; a larger grid is cut, with a `table_too_large` warning


class Origin(NamedTuple):
    """Where a piece of layout sits in its file (a named tuple: one is made for every line of a
    file, and a frozen dataclass costs three times as much to make)."""

    page: int | None = None
    line: int | None = None
    line_end: int | None = None
    element: str | None = None
    bbox: tuple[float, float, float, float] | None = None

    def span(self, other: "Origin") -> "Origin":
        """The origin covering self up to other (line range, merged box, first element)."""
        line_end = other.line_end if other.line_end is not None else other.line
        bbox = self.bbox
        if bbox and other.bbox and self.page == other.page:
            bbox = (min(bbox[0], other.bbox[0]), min(bbox[1], other.bbox[1]),
                    max(bbox[2], other.bbox[2]), max(bbox[3], other.bbox[3]))
        return Origin(self.page, self.line, line_end if line_end != self.line else self.line_end,
                      self.element, bbox)


@dataclass(slots=True)
class Line:
    text: str
    origin: Origin = field(default_factory=Origin)


@dataclass(slots=True)
class Cell:
    lines: list[Line]
    origin: Origin = field(default_factory=Origin)
    header: bool = False
    spanned: bool = False  # a copy made by expanding rowspan/colspan; the original is elsewhere

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


@dataclass(slots=True)
class Block:
    kind: BlockKind
    lines: list[Line] = field(default_factory=list)  # heading and paragraph
    rows: list[list[Cell]] = field(default_factory=list)  # table
    level: int = 0  # heading level (1 = h1)
    origin: Origin = field(default_factory=Origin)

    @property
    def text(self) -> str:
        """The block's text; a table's row by row, each cell once (the copies a rowspan or colspan
        made are left out)."""
        if self.kind == "table":
            return "\n".join(" | ".join(c.text for c in row if not c.spanned) for row in self.rows)
        lines = self.lines
        return lines[0].text if len(lines) == 1 else "\n".join([line.text for line in lines])


@dataclass(slots=True)
class Layout:
    source_file: str
    format: Literal["html", "pdf", "text"]
    blocks: list[Block] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    title: str | None = None  # a document title the source found (<title>, PDF metadata)


def provenance(source_file: str, origin: Origin, raw: str, until: Origin | None = None) -> Provenance:
    """The Provenance of a record parsed from `raw`, found at `origin` (up to `until`)."""
    o = origin.span(until) if until is not None else origin
    line_end = o.line_end if o.line_end is not None else o.line
    if o.page is None and o.element is None and o.bbox is None:
        # a line of a text: the fields it leaves empty are not validated (one is made for every
        # value and diagnostic of a report)
        return Provenance(source_file=source_file, line_start=o.line, line_end=line_end, raw=raw)
    return Provenance(source_file=source_file, page=o.page, line_start=o.line, line_end=line_end,
                      element=o.element, bbox=o.bbox, raw=raw)
