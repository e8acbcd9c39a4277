"""Source line numbers for the elements of a bs4 tree (HTML provenance, `sources/html`).

bs4's lxml tree builder does not pass on where an element starts; lxml's own tree does
(`sourceline`, from libxml2). Both come from the same libxml2 HTML parser, so parsing the same
text again with lxml (in C, a fraction of bs4's time) gives the same elements in the same order.
The lines are used only when the two trees agree element for element; on pages where they do not
(bs4 keeps a second `<html>` of a pasted page, lxml drops it), elements get no line rather than
a wrong one.
"""
from __future__ import annotations

import re

from bs4 import BeautifulSoup
from lxml import etree

# lxml refuses a str that declares an encoding; the declaration holds no elements (and no line
# breaks, so taking it out keeps the lines)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>\n]*\?>")


def element_lines(text: str, soup: BeautifulSoup) -> dict[int, int]:
    """`id(tag) -> line` for every element of `soup`, or {} when lxml's tree differs."""
    if not text.strip():
        return {}
    try:
        root = etree.fromstring(_XML_DECLARATION.sub("", text, count=1), etree.HTMLParser(huge_tree=True))
    except (etree.XMLSyntaxError, etree.ParserError, ValueError):
        return {}
    if root is None:
        return {}
    theirs = [el for el in root.iter() if isinstance(el.tag, str)]
    ours = soup.find_all(True)
    if len(theirs) != len(ours):
        return {}
    lines: dict[int, int] = {}
    for tag, el in zip(ours, theirs):
        if tag.name != el.tag:
            return {}
        if el.sourceline:
            lines[id(tag)] = el.sourceline
    return lines
