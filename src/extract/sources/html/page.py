"""The entry of the HTML source (`sources/html`): a saved or crawled budget web page (CMS page
of a programmabegroting, jaarstukken or begrotingsapp site) to the common layout.

Steps: decode (BOM, declared charset, detection), guard against junk and giant pages, parse with
bs4 + lxml, keep the breadcrumb apart, take navigation and other chrome out, find the main
content, and walk it into blocks (`blocks`). Every line carries the CSS-like path of its
element (`Origin.element`), which becomes the provenance of the records parsed from it.
"""
from __future__ import annotations

import re

from bs4 import BeautifulSoup
from bs4.builder import ParserRejectedMarkup
from bs4.builder._lxml import LXMLTreeBuilder

from ...layout import Block, Layout, Line
from ...models import Diagnostic
from ...profiles.documents import DOCUMENT_KIND_WORDS
from .. import SourceError
from .blocks import BlockWalker, normalise
from .content import breadcrumb_items, content_root, find_breadcrumb, remove_chrome
from .encoding import decode_html
from .limits import MAX_TREE_DEPTH, check_text, limit_size
from .source_lines import element_lines
from .paths import ElementPaths

_TITLE_SEPARATORS = re.compile(r"(?<!\s)\s+[|\-–—:·»]\s+")  # from a run's start only: linear in a run of spaces


class _BoundedBuilder(LXMLTreeBuilder):
    """bs4's lxml tree builder, with elements nested at most `MAX_TREE_DEPTH` deep: a start tag
    below that closes the innermost open element first, so the element opens as its sibling.
    (Thousands of unclosed tags nest the tree that deep, and bs4 relinks each new element by
    walking up every open ancestor: quadratic. No real page nests a hundred levels.)"""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.flattened = 0      # start tags opened higher than they stood
        self.first_at = None    # the name of the first such tag

    def start(self, tag, attrib, nsmap={}):  # noqa: B006 (the signature bs4 calls)
        soup = self.soup
        if soup is not None and len(soup.tagStack) > MAX_TREE_DEPTH:
            soup.endData()
            soup.popTag()
            self.flattened += 1
            if self.first_at is None:
                self.first_at = tag
        super().start(tag, attrib, nsmap)


def parse_markup(text: str) -> tuple[BeautifulSoup, int, str | None]:
    """bs4 with the lxml parser (the one place the page is parsed); with the number of start
    tags that stood deeper than `MAX_TREE_DEPTH` and were opened higher, and the first one's name."""
    builder = _BoundedBuilder()
    try:
        soup = BeautifulSoup(text, builder=builder)
    except (ParserRejectedMarkup, ValueError) as exc:
        raise SourceError(f"the HTML parser rejected the page: {exc}") from exc
    return soup, builder.flattened, builder.first_at


def read_html(path: str, data: bytes, source_file: str) -> Layout:
    text, diagnostics = decode_html(data, source_file)
    text = check_text(text, source_file)
    markup, limits = limit_size(text, source_file)
    diagnostics.extend(limits)
    soup, flattened, first = parse_markup(markup)
    if flattened:
        diagnostics.append(Diagnostic(
            severity="warning", code="deep_nesting", location=source_file,
            message=f"{flattened} elements (the first a <{first}>) were nested more than {MAX_TREE_DEPTH} levels "
                    f"deep (unclosed tags); each was read as a sibling of the element it stood in"))
    layout = Layout(source_file=source_file, format="html", diagnostics=diagnostics)
    layout.title = page_title(soup)
    # source lines only when bs4 read the page as it is (a slimmed or cut page has other lines)
    paths = ElementPaths(element_lines(markup, soup) if markup is text else None)
    crumb = find_breadcrumb(soup)
    if crumb is not None:
        items = breadcrumb_items(crumb)
        if items:
            origin = paths.origin(crumb)
            layout.blocks.append(Block("paragraph", lines=[Line(" / ".join(items), origin)], origin=origin))
    remove_chrome(soup, keep=crumb, paths=paths)
    root = content_root(soup)
    walker = BlockWalker(paths, layout.diagnostics, source_file)
    walker.walk(root)
    layout.blocks.extend(walker.blocks)
    if layout.title is None:
        layout.title = next((b.text for b in layout.blocks if b.kind == "heading" and b.level == 1), None)
    return layout


def page_title(soup: BeautifulSoup) -> str | None:
    """The document title from `<title>`: the part naming the document (`Programmabegroting
    2019` of `Beleidsterrein 9A | Programmabegroting 2019 | Gemeente Leiden`), else all of it."""
    tag = soup.title
    if tag is None:
        return None
    title = normalise(tag.get_text())
    if not title:
        return None
    parts = [p.strip() for p in _TITLE_SEPARATORS.split(title) if p.strip()]
    return next((p for p in parts if DOCUMENT_KIND_WORDS.search(p)), title)
