"""The content of a web page as layout blocks (HTML source, `sources/html`): headings,
paragraphs and tables.

Each block-level element (`<p>`, `<div>` text, `<li>`, `<dt>`, `<dd>`, ...) becomes a paragraph
block, `<br>` ends a line inside it, `<h1>`-`<h6>` become headings with their level, tables and
div-grids become table blocks whose cells keep their line structure (`<p>`, `<br>`, `<li>`: one
line each, so `5,7 (2015)` entries stay apart). Lists of links only (a table of contents, a
"zie ook" menu) are left out, like the money tables. Every line names its element.
"""
from __future__ import annotations

import re

from bs4 import NavigableString, Tag
from bs4.element import PreformattedString

from ...layout import Block, Line
from ...models import Diagnostic, Provenance
from ...models.values import clean_text
from ...profiles.codes import starts_like_code
from .content import NON_TEXT_TAGS
from .paths import ElementPaths
from .tables import (
    card_block,
    div_raw_rows,
    grid_block,
    is_div_grid,
    is_layout_table,
    is_money_table,
    layout_cells,
    table_raw_rows,
)

BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
    "header", "hgroup", "hr", "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
    "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    "h1", "h2", "h3", "h4", "h5", "h6",
})
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
MAX_DEPTH = 120  # deeper markup is read as plain text (Python's recursion has limits)
_WHITESPACE = re.compile(r"[ \t\n\r\f\v]+")
# Lines that are page furniture, not content, when they stand alone.
_CHROME_LINE = re.compile(
    r"^(?:(?:ga |terug )?naar (?:boven|het begin|top)|(?:back )?to top|top|"
    r"download(?:en)?(?: deze pagina| dit hoofdstuk| als| in)?(?: als)? ?\(?pdf\)?(?:\s*\(.*\))?|"
    r"printen|print(?: deze pagina)?|deel(?: deze pagina| dit)?|delen|lees voor|voorlezen|"
    r"sluiten|menu|zoeken)\s*[↑▲^]?$", re.IGNORECASE)


def _is_text(node: object) -> bool:
    return isinstance(node, NavigableString) and not isinstance(node, PreformattedString)


def normalise(text: str) -> str:
    """Rendered text of an inline run: HTML white space collapsed, then clean_text (NBSP, soft
    hyphens, zero-width characters, NFC)."""
    return clean_text(_WHITESPACE.sub(" ", text))


def is_link_list(el: Tag) -> bool:
    """A list whose items are nothing but links (at least three) and start with no record code:
    a table of contents or a menu the CMS left inside the content."""
    items = [li for li in el.children if isinstance(li, Tag) and li.name == "li"]
    if len(items) < 3:
        return False
    for li in items:
        text = normalise(li.get_text())
        links = normalise(" ".join(a.get_text() for a in li.find_all("a")))
        if not text or text.replace(" ", "") != links.replace(" ", "") or starts_like_code(text):
            return False
    return True


def block_lines(blocks: list[Block]) -> list[Line]:
    """All lines of blocks in reading order (a table's cells row by row, copies skipped)."""
    out: list[Line] = []
    for block in blocks:
        if block.kind == "table":
            out.extend(line for row in block.rows for cell in row if not cell.spanned for line in cell.lines)
        else:
            out.extend(block.lines)
    return out


class BlockWalker:
    """Walks an element tree into blocks. Loose text belongs to the nearest block element."""

    def __init__(self, paths: ElementPaths, notes: list[Diagnostic], source_file: str):
        self.paths = paths
        self.notes = notes
        self.source_file = source_file
        self.blocks: list[Block] = []
        self._lines: list[Line] = []
        self._parts: list[str] = []
        self._owner: Tag | None = None

    # -- the line buffer ------------------------------------------------------------------------
    def _end_line(self) -> None:
        if not self._parts:
            return
        text = normalise("".join(self._parts))
        self._parts.clear()
        if text and not (len(text) <= 60 and _CHROME_LINE.match(text)):
            self._lines.append(Line(text, self.paths.origin(self._owner)))

    def flush(self) -> None:
        self._end_line()
        if self._lines:
            self.blocks.append(Block("paragraph", lines=self._lines, origin=self._lines[0].origin))
            self._lines = []

    # -- walking --------------------------------------------------------------------------------
    def walk(self, el: Tag, depth: int = 0) -> None:
        """Read `el`'s children into blocks, `el` owning its loose text."""
        self.flush()
        saved, self._owner = self._owner, el
        self._children(el, depth)
        self.flush()
        self._owner = saved

    def _children(self, el: Tag, depth: int) -> None:
        if depth > MAX_DEPTH:
            self._flatten(el)
            return
        for child in el.children:
            if _is_text(child):
                self._parts.append(str(child))
            elif not isinstance(child, Tag) or child.name in NON_TEXT_TAGS:
                continue
            elif child.name == "br":
                self._end_line()
            elif child.name in BLOCK_TAGS or child.get("role") == "heading":
                self.flush()
                self._block(child, depth + 1)
            else:
                self._children(child, depth + 1)  # inline: its text joins the current line

    def _block(self, el: Tag, depth: int) -> None:
        name = el.name
        level = _HEADINGS.get(name) or (_aria_level(el) if el.get("role") == "heading" else 0)
        if level:
            self._heading(el, level, depth)
        elif name == "table":
            self._table(el, depth)
        elif name in ("ul", "ol", "menu", "dir") and is_link_list(el):
            return
        elif name == "dl":
            self._description_list(el, depth)
        elif name == "pre":
            for text in el.get_text().splitlines():
                self._parts.append(text)
                self._end_line()
            self.flush()
        elif name == "hr":
            return
        elif is_div_grid(el):
            self._emit_grid(div_raw_rows(el), el, depth)
        else:
            self.walk(el, depth)

    def _flatten(self, el: Tag) -> None:
        """Markup nested too deep to walk: its text, one line per text node."""
        if not any(d.code == "deep_nesting" for d in self.notes):
            self.notes.append(Diagnostic(
                severity="warning", code="deep_nesting",
                message=f"markup nested deeper than {MAX_DEPTH} elements; read as plain text there",
                location=f"{self.source_file}, {self.paths.path(el)}",
                provenance=Provenance(source_file=self.source_file, element=self.paths.path(el))))
        for text in el.get_text("\n").splitlines():
            self._parts.append(text)
            self._end_line()

    def lines_of(self, el: Tag, depth: int) -> list[Line]:
        """The lines of an element read on its own (a table cell, a heading)."""
        sub = BlockWalker(self.paths, self.notes, self.source_file)
        sub.walk(el, depth + 1)
        return block_lines(sub.blocks)

    def _heading(self, el: Tag, level: int, depth: int) -> None:
        lines = self.lines_of(el, depth)
        if not lines:
            return
        text = " ".join(line.text for line in lines)
        origin = self.paths.origin(el)
        self.blocks.append(Block("heading", lines=[Line(text, origin)], level=level, origin=origin))

    def _table(self, el: Tag, depth: int) -> None:
        if is_layout_table(el):
            for cell in layout_cells(el):
                self.walk(cell, depth + 1)
            return
        caption = el.find("caption", recursive=False)
        if caption is not None:
            self.walk(caption, depth + 1)
        self._emit_grid(table_raw_rows(el), el, depth)

    def _emit_grid(self, raw_rows, el: Tag, depth: int) -> None:
        block = grid_block(raw_rows, el, self.paths, lambda cell: self.lines_of(cell, depth),
                           self.notes, self.source_file)
        if block is not None and not is_money_table(block.rows):
            self.blocks.append(block)

    def _description_list(self, el: Tag, depth: int) -> None:
        title = self.blocks[-1] if self.blocks and self.blocks[-1].kind != "table" else None
        card, used_title = card_block(el, title, self.paths, lambda cell: self.lines_of(cell, depth))
        if card is None:
            self.walk(el, depth)
            return
        if used_title:
            self.blocks.pop()
        self.blocks.append(card)


def _aria_level(el: Tag) -> int:
    """A heading level from `aria-level` (1-6), else 2. A few decimal digits only: `isdigit`
    also takes `²`, which int() refuses, and int() refuses more than 4,300 digits."""
    value = el.get("aria-level")
    m = re.fullmatch(r"\s*(\d{1,3})\s*", value) if isinstance(value, str) else None
    if m:
        return max(1, min(6, int(m.group(1))))
    return 6 if isinstance(value, str) and re.fullmatch(r"\s*\d+\s*", value) else 2

