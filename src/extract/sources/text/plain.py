"""The entry of the text source (`sources/text`): text saved from a budget web page or extracted
from a PDF.

Blank lines separate paragraphs; `| a | b |` rows (pages saved as text/markdown) become tables;
`#` lines become headings. Tables drawn with rules go to `ruled`, text that keeps a PDF's layout in spaces to `layout`. Every
line keeps its 1-based line number.
"""
from __future__ import annotations

import re

from ...layout import Block, Cell, Layout, Line, Origin
from ...models import Diagnostic
from ..decoding import decode_bytes
from .layout import is_layout_text, layout_blocks
from .ruled import RULE_START, is_rule, ruled_table, table_end

# Matched against stripped lines, with possessive runs of white space: adjacent `\s*` that can
# share a run of spaces backtrack quadratically in it.
_PIPE_SEPARATOR = re.compile(r"^\|?\s*+:?-{2,}+:?\s*+(?:\|\s*+:?-{2,}+:?\s*+)*+\|?$")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*)$")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
# what text browsers print for widgets (`(BUTTON) 6A1.1 ...` of an accordion, `[IMG]`)
_WIDGET = re.compile(r"\((?:BUTTON|IMG|INLINE|FORM)\)\s*|\[(?:BUTTON|IMG|INLINE|FORM|\d+)\]\s*")


# A paragraph's rows: none, and never added to (one empty tuple for all, not a list per paragraph).
_NO_ROWS = ()
# An Origin made from all its fields at once: the named tuple's own constructor is a Python
# function with keyword defaults, and one is made for every line of a text.
_new_origin = tuple.__new__

# what the first visible character of a rule or heading line is (a pipe row has a `|` anywhere)
_MARKED_START = frozenset(RULE_START + "#")

_PAGE_NUMBER = re.compile(r"^(?:pagina|page|blz\.?)?\s*#{1,4}(?:\s*(?:van|of|/)\s*#{1,4})?$", re.IGNORECASE)


def read_text(path: str, data: bytes, source_file: str) -> Layout:
    text, diagnostics = decode_bytes(data, source_file)
    layout = Layout(source_file=source_file, format="text", diagnostics=diagnostics)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for k, line in enumerate(lines):   # most lines hold neither: the two passes only where they may act
        if "(" in line or "[" in line:
            line = _WIDGET.sub("", line)
        if "**" in line:
            line = _starred_heading(line)
        lines[k] = line
    pages = _page_numbers(lines)
    if pages:
        dropped = _drop_page_furniture(lines, pages)
        if dropped:
            example = next(iter(dropped))
            layout.title = next((t for t in dropped if not _PAGE_NUMBER.match(_shape(t))), None)
            layout.diagnostics.append(Diagnostic(
                severity="info", code="page_furniture_removed",
                message=f"left out {sum(dropped.values())} running header/footer lines such as '{example}'",
                location=source_file))
    if is_layout_text(lines):
        layout.blocks, found = layout_blocks(lines, pages, source_file)
        layout.diagnostics.extend(found)
    else:
        layout.blocks = text_blocks(lines, pages, source_file, layout.diagnostics)
    return layout


def _starred_heading(line: str) -> str:
    """A heading html2text prints between stars (`**** 2B1.1 Uitvoeren van ... ****`) without
    them; any other line as it is."""
    text = line.strip()
    inner = text.lstrip("*")
    if len(text) - len(inner) < 2 or not inner[:1].isspace():
        return line
    title = inner.rstrip("*")
    if len(inner) - len(title) < 2 or not title[-1:].isspace() or not title.strip():
        return line
    return title.strip()


def _heading(line: str) -> tuple[int, str] | None:
    """(level, text) of a markdown heading (`## Doelen`, closing hashes left out), or None."""
    m = _MD_HEADING.match(line)
    if not m:
        return None
    return len(m.group(1)), m.group(2).rstrip().rstrip("#").rstrip()


def _page_numbers(lines: list[str]) -> list[int] | None:
    """Page of each line when the text keeps the form feeds (pdftotext does); else None."""
    if not any("\f" in line for line in lines):
        return None
    page, out = 1, []
    for k, line in enumerate(lines):
        if "\f" in line:
            page += line.count("\f")
            lines[k] = line.replace("\f", "")
        out.append(page)
    return out


_WHITE_RUN = re.compile(r"\s+")
_DIGIT = re.compile(r"\d")


def _shape(line: str) -> str:
    return _DIGIT.sub("#", _WHITE_RUN.sub(" ", line).strip())


def _drop_page_furniture(lines: list[str], pages: list[int]) -> dict[str, int]:
    """Blank out running headers/footers: lines among the first or last three of a page that
    recur (digits aside) on at least half of the pages, and bare page numbers. Returns what was
    left out, with counts."""
    by_page: dict[int, list[int]] = {}
    for k, line in enumerate(lines):
        if line.strip():
            by_page.setdefault(pages[k], []).append(k)
    edges = {p: ks[:3] + ks[-3:] for p, ks in by_page.items()}
    seen: dict[str, set[int]] = {}
    shapes = {k: _shape(lines[k]) for ks in edges.values() for k in ks}
    for p, ks in edges.items():
        for k in ks:
            seen.setdefault(shapes[k], set()).add(p)
    need = max(2, (len(by_page) + 1) // 2)
    dropped: dict[str, int] = {}
    for p, ks in edges.items():
        for k in set(ks):
            shape = shapes[k]
            if _PAGE_NUMBER.match(shape) or (len(seen[shape]) >= need and len(shape) <= 120):
                text = _WHITE_RUN.sub(" ", lines[k]).strip()
                dropped[text] = dropped.get(text, 0) + 1
                lines[k] = ""
    return dropped


def text_blocks(raw_lines: list[str], pages: list[int] | None = None, source_file: str = "",
                notes: list[Diagnostic] | None = None) -> list[Block]:
    """Split lines into paragraph, heading, ruled-table and pipe-table blocks."""
    blocks: list[Block] = []
    para: list[Line] = []
    table_rows: list[tuple[int, str]] = []

    def flush_para() -> None:
        nonlocal para
        if para:
            origin = para[0].origin if len(para) == 1 else para[0].origin.span(para[-1].origin)
            blocks.append(Block("paragraph", para, _NO_ROWS, 0, origin))
            para = []

    def flush_table() -> None:
        if not table_rows:
            return
        if len(table_rows) == 1 and not table_rows[0][1].strip().startswith("|"):
            # one line with a pipe is text, not a table
            number, line = table_rows[0]
            para.append(Line(line.rstrip(), Origin(page=_page(pages, number), line=number)))
        else:
            blocks.append(_pipe_table(table_rows))
        table_rows.clear()

    skip_to = 0
    for number, line in enumerate(raw_lines, start=1):
        if number <= skip_to:
            continue
        s = line.strip()
        if s and s[0] not in _MARKED_START and "|" not in s:
            # most lines: no rule, pipe or heading can start here (each needs one of these marks)
            if table_rows:
                flush_table()
            para.append(Line(line.rstrip(), _new_origin(Origin, (pages[number - 1] if pages else None, number,
                                                                 None, None, None))))
            continue
        if not s:   # a blank line: neither a rule nor a row; it ends a table and a paragraph
            if table_rows:
                flush_table()
            flush_para()
            continue
        if is_rule(line):
            end = table_end(raw_lines, number - 1)
            if end > number - 1:
                flush_table()
                flush_para()
                blocks.append(ruled_table(raw_lines[number - 1:end], number, lambda n: _page(pages, n),
                                          source_file, notes))
                skip_to = end
                continue
        if _is_pipe_row(line) and not _looks_like_prose_pipe(line):
            if not table_rows:
                flush_para()
            table_rows.append((number, line))
            continue
        flush_table()
        heading = _heading(line)
        if heading:
            flush_para()
            origin = Origin(page=_page(pages, number), line=number)
            blocks.append(Block("heading", lines=[Line(heading[1], origin)], level=heading[0], origin=origin))
            continue
        para.append(Line(line.rstrip(), Origin(page=_page(pages, number), line=number)))
    flush_table()
    flush_para()
    return blocks


def _page(pages: list[int] | None, number: int) -> int | None:
    return pages[number - 1] if pages else None


def _is_pipe_row(line: str) -> bool:
    """A row of a pipe table: `| a | b |`, `a | b`, a markdown separator `---|---`, or a row whose
    empty cells were printed as bare pipes (`5.1 | Title | ||||||`). Linear in the line."""
    s = line.strip()
    if "|" not in s:
        return False
    return (len(s) > 1 and s.startswith("|") and s.endswith("|")) or " | " in s or bool(_PIPE_SEPARATOR.match(s))


def _looks_like_prose_pipe(line: str) -> bool:
    # "Home | Begroting" style breadcrumbs inside prose are still rows; a long sentence with one
    # pipe is not.
    return line.count("|") == 1 and len(line) > 200


def _pipe_table(rows: list[tuple[int, str]]) -> Block:
    out: list[list[Cell]] = []
    for number, line in rows:
        body = line.strip()
        if _PIPE_SEPARATOR.match(body):
            continue
        if body.startswith("|"):
            body = body[1:]
        if body.endswith("|"):
            body = body[:-1]
        cells = []
        row = len(out) + 1
        for col, part in enumerate(body.split("|"), start=1):
            # positional: a row of a pipe table is made for every cell of a report's tables
            origin = Origin(None, number, None, f"row {row} col {col}")
            texts = _BR.split(part) if "<" in part else (part,)
            cells.append(Cell([Line(t, origin) for t in map(str.strip, texts) if t], origin))
        out.append(cells)
    first, last = rows[0][0], rows[-1][0]
    return Block("table", rows=out, origin=Origin(line=first, line_end=last))
