"""Text that keeps a PDF's layout in spaces (`pdftotext -layout`, copies from PDF viewers):
columns of a table stand at fixed character positions, separated by runs of spaces.

Such text is read like a PDF page: every word gets a box from its character column and line
number, and the shared geometry (`sources/geometry`: `PageReader`) rebuilds the Doel | Prestatie
and indicator tables from those positions, as it does from the positioned words of a real PDF.
"""
from __future__ import annotations

import re

from ...layout import Block, Line, Origin
from ..geometry.blocks import PageReader
from ...models.memo import remember_short
from ...models.values import is_value_token, value_tokens
from ...profiles.codes import starts_like_code
from ..geometry.vocabulary import role_of
from ..geometry.words import Rulings, TextLine, Word
from .ruled import in_ruled_table

CHAR_WIDTH = 5.0    # points per character column
LINE_HEIGHT = 12.0  # points per text line
FONT_SIZE = 10.0

_GAP = re.compile(r"\S {3,}\S")
_TOKEN = re.compile(r"\S+")


@remember_short(8192, longest=400)
def segments(line: str) -> tuple[tuple[int, int, str], ...]:
    """The phrases of a line as (start column, end column, text): words with single spaces
    between them stay together, except where a record code starts (`... mogelijk 9B1.1 ...`, a
    squeezed line joining two columns), around values, which are cells of their own
    (`6,0 6,0`, `75% Parkeerbedrijf`), and between two header words naming two columns.
    (Remembered: a report repeats its header, label and value lines.)"""
    return tuple(_segments(line))


def _segments(line: str):
    current: list[str] = []
    start = end = 0
    prev_value = False   # each word is asked once whether it is a value
    for m in _TOKEN.finditer(line):
        word = m.group(0)
        value = is_value_token(word)
        if current and (m.start() - end >= 2 or prev_value or value or starts_like_code(word)
                        or _two_labels(current[-1], word)):
            yield start, end, " ".join(current)
            current = []
        if not current:
            start = m.start()
        current.append(word)
        end = m.end()
        prev_value = value
    if current:
        yield start, end, " ".join(current)


def _two_labels(a: str, b: str) -> bool:
    """Two header words that each name a column, one space apart (`Streefwaarde Bron`): two
    cells, unless together they are one label (`Landelijk gemiddelde`)."""
    ra, rb = role_of(a), role_of(b)
    return ra not in (None, "year") and rb not in (None, "year") and role_of(f"{a} {b}") is None


def is_layout_text(lines: list[str]) -> bool:
    """Do enough lines hold text in columns (a run of three or more spaces between words)?"""
    filled = [line for line in lines if line.strip() and not in_ruled_table(line)]
    if len(filled) < 5:
        return False
    columned = sum(1 for line in filled if _GAP.search(line.strip()))
    return columned >= max(3, 0.15 * len(filled))


def layout_blocks(lines: list[str], pages: list[int] | None, source_file: str) -> tuple[list[Block], list]:
    """Blocks (with diagnostics) of layout-preserving text. The pages are read as one long
    page: a text's page breaks move its columns (each page is laid out on its own), so a table
    that goes on after a break is matched by its rows, not by the previous page's columns. The
    blank lines around a break count as one, and every origin names its real page and line."""
    keep = _visible_lines(lines, pages)
    text_lines: list[TextLine] = []  # one per visual line with words: they share one baseline
    real_line: list[int] = []  # visual line index -> line number in the text
    for number in keep:
        top = len(real_line) * LINE_HEIGHT
        bottom = top + FONT_SIZE
        real_line.append(number)
        words = [Word(text, start * CHAR_WIDTH, end * CHAR_WIDTH, top, bottom, FONT_SIZE, False)
                 for start, end, text in segments(lines[number - 1].expandtabs(8))]
        if words:
            text_lines.append(TextLine(words, 1))
    reader = PageReader(FONT_SIZE, source_file)  # every word is set in FONT_SIZE: the body size
    reader.read(text_lines, Rulings(), 1)
    reader.finish()
    blocks: list[Block] = []
    for block in reader.blocks:
        _to_text_origins(block, real_line, pages)
        if block.kind == "table" and _columns_merged(block):
            blocks.extend(_as_paragraphs(block, lines, pages))
        else:
            blocks.append(block)
    return blocks, reader.diagnostics


def _columns_merged(block: Block) -> bool:
    """A rebuilt table whose header found fewer columns than the rows have: a cell line holding
    several values (`78.400 80.100 81.000`). The text parser reads such rows better."""
    for row in block.rows:
        for cell in row[1:]:
            for line in cell.lines:
                tokens = value_tokens(line.text)
                if sum(1 for t in tokens if is_value_token(t.replace(" ", ""))) >= 2:
                    return True
    return False


def _as_paragraphs(block: Block, lines: list[str], pages: list[int] | None) -> list[Block]:
    """The text lines of a table as paragraphs (blank lines between), for the text parser."""
    first = block.origin.line or 1
    last = max([c.origin.line_end or c.origin.line or first for row in block.rows for c in row]
               + [line.origin.line or first for row in block.rows for c in row for line in c.lines] + [first])
    out: list[Block] = []
    para: list[Line] = []
    for number in range(first, last + 2):
        text = " ".join(lines[number - 1].split()) if number <= last else ""
        if text:
            para.append(Line(text, Origin(page=pages[number - 1] if pages else None, line=number)))
        elif para:
            out.append(Block("paragraph", lines=para, origin=para[0].origin.span(para[-1].origin)))
            para = []
    return out


def _visible_lines(lines: list[str], pages: list[int] | None) -> list[int]:
    """Line numbers to lay out: a run of blank lines counts as two at most, and as one where a
    page break falls inside it."""
    keep: list[int] = []
    run: list[int] = []
    last_page = None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            run.append(number)
            continue
        page = pages[number - 1] if pages else 1
        if run and keep:
            keep.extend(run[:1] if page != last_page else run[:2])
        run = []
        keep.append(number)
        last_page = page
    return keep


def _text_origin(origin: Origin, real_line: list[int], pages: list[int] | None) -> Origin:
    """A box in character columns and visual lines back to the page and line range of the text."""
    if origin.bbox is None:
        return origin
    first = real_line[min(int(origin.bbox[1] // LINE_HEIGHT), len(real_line) - 1)]
    last = real_line[min(int((origin.bbox[3] - FONT_SIZE) // LINE_HEIGHT), len(real_line) - 1)]
    page = pages[first - 1] if pages else None
    return Origin(page, first, last if last != first else None, origin.element)   # positional: one per line


def _to_text_origins(block: Block, real_line: list[int], pages: list[int] | None) -> None:
    block.origin = _text_origin(block.origin, real_line, pages)
    for line in block.lines:
        line.origin = _text_origin(line.origin, real_line, pages)
    for row in block.rows:
        for cell in row:
            cell.origin = _text_origin(cell.origin, real_line, pages)
            for line in cell.lines:
                line.origin = _text_origin(line.origin, real_line, pages)
