"""The positioned words and ruling lines of one pdfplumber page, as the shared geometry's `Word`
and `Rulings` (`sources/geometry/words`).

Words set at an angle are counted and left out; a page whose glyphs are drawn twice (fake bold)
is de-duplicated first; ligatures and non-breaking spaces are undone. Bold is read from the font
name.
"""
from __future__ import annotations

import itertools
import re
from operator import itemgetter

from pdfplumber.utils import cluster_objects

from ..geometry.words import Rulings, Word

_BOLD = re.compile(r"bold|black|heavy|semibold|demi|,b\b", re.IGNORECASE)
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})


def page_words(page) -> tuple[list[Word], int]:
    """The upright words of a pdfplumber page, and how many rotated words were left out."""
    if _drawn_twice(page.chars):  # fake bold: the same glyphs drawn twice would read `DDooeell`
        page = _deduped(page)
    raw = page.extract_words(x_tolerance=1.5, y_tolerance=2.5, keep_blank_chars=False,
                             use_text_flow=False, extra_attrs=["size", "fontname"])
    words, rotated = [], 0
    for w in raw:
        if not w.get("upright", True):
            rotated += 1
            continue
        text = w["text"].replace("\u00a0", " ").translate(_LIGATURES).strip()
        if text:
            words.append(Word(text, float(w["x0"]), float(w["x1"]), float(w["top"]), float(w["bottom"]),
                              float(w.get("size") or (w["bottom"] - w["top"])),
                              bool(_BOLD.search(str(w.get("fontname", ""))))))
    return words, rotated


def _deduped(page):
    """The page without glyphs drawn twice: what pdfplumber's `dedupe_chars()` keeps (the same
    text, font and size within 1 pt), without its final `sorted(..., key=chars.index)`, which
    is quadratic in the glyphs of the page (seconds for a page of 25,000)."""
    chars = page.chars
    key = itemgetter("upright", "text", "fontname", "size")
    keep: set[int] = set()
    for _, group in itertools.groupby(sorted(chars, key=key), key=key):
        for y_cluster in cluster_objects(list(group), itemgetter("doctop"), 1):
            for x_cluster in cluster_objects(y_cluster, itemgetter("x0"), 1):
                keep.add(id(min(x_cluster, key=itemgetter("doctop", "x0"))))
    return page.filter(lambda obj: obj.get("object_type") != "char" or id(obj) in keep)


def _drawn_twice(chars: list[dict]) -> bool:
    """Does any glyph stand twice at (almost) the same place? A cheap test, so that pdfplumber's
    slower `dedupe_chars` runs only on pages that need it."""
    seen: set[tuple[str, int, int]] = set()
    for c in chars:
        key = (c["text"], round(float(c["x0"])), round(float(c["top"])))
        if key in seen and not c["text"].isspace():
            return True
        seen.add(key)
    return False


def page_rulings(page) -> Rulings:
    """Thin lines and the edges of drawn rectangles (cell borders, thin filled bars). The edges
    of large filled areas (shading) count too: shaded header cells mark column edges."""
    r = Rulings()
    for edge in page.edges:
        x0, x1, top, bottom = float(edge["x0"]), float(edge["x1"]), float(edge["top"]), float(edge["bottom"])
        if edge.get("orientation") == "v" or (x1 - x0 < 1.5 and bottom - top > 3):
            r.vertical.append(((x0 + x1) / 2, top, bottom))
        elif edge.get("orientation") == "h" or (bottom - top < 1.5 and x1 - x0 > 3):
            r.horizontal.append(((top + bottom) / 2, x0, x1))
    return r
