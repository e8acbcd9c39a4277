"""Guards that keep hostile web pages cheap (HTML source, `sources/html`): binary junk, control characters, and pages of tens of
megabytes (inline images and scripts, or a crawl gone wrong).

bs4 builds its tree in Python at roughly 1 MB/s, so a big page is first slimmed with linear
string scans (scripts, styles, comments and `data:` URIs go: none of them is text), and what is
still too big is cut to a window around the main content, with a warning saying so.
"""
from __future__ import annotations

import re

from ...models import Diagnostic
from .. import SourceError

SLIM_OVER = 1_000_000     # characters: slim pages bigger than this
MAX_CHARS = 2_000_000     # characters of markup handed to bs4 at most
MAX_TAGS = 100_000        # tags handed to bs4 at most (a real budget page has a few thousand;
                          # each element costs ~35 us from bs4 through the walk)
MAX_TREE_DEPTH = 100      # elements nested deeper are opened higher (below the walker's own depth bound)
_LEAD = 100_000           # markup kept before the main content (breadcrumb, title)
_SAMPLE = 100_000
_CONTROLS = dict.fromkeys([c for c in range(32) if chr(c) not in "\t\n\r\f"] + [0x7F])
_JUNK = {**_CONTROLS, 0xFFFD: None}  # control characters and decoding replacements
_DATA_URI = re.compile(r"data:[^\"'\s>)]{256,}")
_MAIN_START = re.compile(r"<main\b|role\s*=\s*[\"']?main|<article\b|id\s*=\s*[\"']?(?:content|main|inhoud)\b",
                         re.IGNORECASE)


def check_text(text: str, source_file: str) -> str:
    """The text without control characters; SourceError when it is mostly binary data."""
    sample = text[:_SAMPLE]
    if sample:
        junk = len(sample) - len(sample.translate(_JUNK))
        if junk > 0.05 * len(sample):
            raise SourceError(f"{source_file} is not an HTML page: it holds binary data "
                              f"({100 * junk / len(sample):.0f}% control characters)")
    return text.translate(_CONTROLS)


def _drop_between(text: str, opener: str, closer: str) -> str:
    """Remove every `opener ... closer` span (case-insensitive, linear; an unclosed one runs to
    the end, as a browser reads it)."""
    low = text.lower()
    out: list[str] = []
    pos = 0
    while True:
        start = low.find(opener, pos)
        if start < 0:
            out.append(text[pos:])
            break
        out.append(text[pos:start])
        end = low.find(closer, start + len(opener))
        if end < 0:
            break
        pos = end + len(closer)
    return "".join(out)


def slim(text: str) -> str:
    """The markup without scripts, styles, comments and long data URIs."""
    for opener, closer in (("<!--", "-->"), ("<script", "</script>"), ("<style", "</style>")):
        text = _drop_between(text, opener, closer)
    return _DATA_URI.sub("data:", text)


def limit_size(text: str, source_file: str) -> tuple[str, list[Diagnostic]]:
    """Markup small enough for bs4: slimmed when big, then cut to a window that starts a little
    before the main content (keeping `<head>` for the title) of at most MAX_CHARS characters,
    and to its first MAX_TAGS tags. A cut is reported."""
    size = len(text)
    slimmed = slim(text) if size > SLIM_OVER else text
    markup, start = _window(slimmed) if len(slimmed) > MAX_CHARS else (slimmed, 0)
    if markup.count("<") > MAX_TAGS:
        markup = _first_tags(markup, MAX_TAGS)
    if markup is slimmed:
        return markup, []
    return markup, [Diagnostic(
        severity="warning", code="page_truncated",
        message=f"page is {size / 1e6:.1f} million characters; read {len(markup) / 1e6:.1f} million of it "
                f"(from character {start}, at most {MAX_TAGS:,} tags), the rest was left out",
        location=source_file)]


def _window(text: str) -> tuple[str, int]:
    """`<head>` and MAX_CHARS characters from a little before the main content; and where they start."""
    low_head = text[:_LEAD].lower()
    head_end = low_head.find("</head>")
    head = text[:head_end + len("</head>")] if head_end >= 0 else ""
    m = _MAIN_START.search(text)
    start = max(len(head), (m.start() if m else 0) - _LEAD)
    if start > len(head):
        start = max(len(head), text.rfind("<", 0, start + 1))  # begin at a tag
    end = start + MAX_CHARS
    last_open, last_close = text.rfind("<", start, end), text.rfind(">", start, end)
    if last_open > max(last_close, start):
        end = last_open  # do not cut inside a tag
    return head + text[start:end], start


def _first_tags(text: str, n: int) -> str:
    """The markup before its (n+1)-th tag."""
    pos = -1
    for _ in range(n + 1):
        pos = text.find("<", pos + 1)
        if pos < 0:
            return text
    return text[:pos]
