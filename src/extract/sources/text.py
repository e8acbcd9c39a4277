"""Plain-text source: text saved from a budget web page or extracted from a PDF.

Blank lines separate paragraphs; `| a | b |` rows (pages saved as text/markdown) become tables;
`#` lines become headings. Every line keeps its 1-based line number.
"""
from __future__ import annotations

import re

from ..layout import Block, Cell, Layout, Line, Origin
from .decoding import decode_bytes

_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$|^[^|]+(\s\|\s[^|]*)+$")
_PIPE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)


def read_text(path: str, data: bytes, source_file: str) -> Layout:
    text, diagnostics = decode_bytes(data, source_file)
    layout = Layout(source_file=source_file, format="text", diagnostics=diagnostics)
    layout.blocks = text_blocks(text)
    return layout


def text_blocks(text: str) -> list[Block]:
    """Split text into paragraph, heading and pipe-table blocks."""
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks: list[Block] = []
    para: list[Line] = []
    table_rows: list[tuple[int, str]] = []

    def flush_para() -> None:
        if para:
            blocks.append(Block("paragraph", lines=list(para), origin=para[0].origin.span(para[-1].origin)))
            para.clear()

    def flush_table() -> None:
        if not table_rows:
            return
        if len(table_rows) == 1 and not table_rows[0][1].strip().startswith("|"):
            # one line with a pipe is text, not a table
            number, line = table_rows[0]
            para.append(Line(line.rstrip(), Origin(line=number)))
        else:
            blocks.append(_pipe_table(table_rows))
        table_rows.clear()

    for number, line in enumerate(raw_lines, start=1):
        if _PIPE_ROW.match(line) and line.count("|") >= 1 and not _looks_like_prose_pipe(line):
            if not table_rows:
                flush_para()
            table_rows.append((number, line))
            continue
        flush_table()
        if not line.strip():
            flush_para()
            continue
        m = _MD_HEADING.match(line)
        if m:
            flush_para()
            origin = Origin(line=number)
            blocks.append(Block("heading", lines=[Line(m.group(2), origin)], level=len(m.group(1)), origin=origin))
            continue
        para.append(Line(line.rstrip(), Origin(line=number)))
    flush_table()
    flush_para()
    return blocks


def _looks_like_prose_pipe(line: str) -> bool:
    # "Home | Begroting" style breadcrumbs inside prose are still rows; a long sentence with one
    # pipe is not.
    return line.count("|") == 1 and len(line) > 200


def _pipe_table(rows: list[tuple[int, str]]) -> Block:
    out: list[list[Cell]] = []
    for number, line in rows:
        if _PIPE_SEPARATOR.match(line):
            continue
        body = line.strip()
        if body.startswith("|"):
            body = body[1:]
        if body.endswith("|"):
            body = body[:-1]
        cells = []
        for col, part in enumerate(body.split("|"), start=1):
            origin = Origin(line=number, element=f"row {len(out) + 1} col {col}")
            lines = [Line(t.strip(), origin) for t in _BR.split(part) if t.strip()]
            cells.append(Cell(lines=lines, origin=origin))
        out.append(cells)
    first, last = rows[0][0], rows[-1][0]
    return Block("table", rows=out, origin=Origin(line=first, line_end=last))
