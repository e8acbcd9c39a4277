"""Running page headers and footers, and page numbers, of PDF pages (`sources/pdf`): left out of
the layout.

A line in the top or bottom band of a page is furniture when it is a bare page number
(`212`, `- 12 -`, `Pagina 3 van 10`, `3/10`) or when the same text (digits aside) stands in the
same strip of the page on a good share of the document's other pages. The other pages are
looked at through pdfium (a sample of up to 16 pages spread over the document), so a page is
judged before the pages after it are read.
"""
from __future__ import annotations

import re
from collections import Counter

import pypdfium2 as pdfium

from ..geometry.words import TextLine

MAX_SAMPLES = 16
SAMPLE_TRIES = 5   # pages tried per stretch for a sample with text
MAX_DISTINCT = 64  # texts kept in the count of what was left out; further page numbers share one entry
OTHER_NUMBERS = "#"
BAND = 0.09  # the top and bottom 9% of a page hold its running header and footer
_PAGE_NUMBER = re.compile(r"^(?:pagina|page|blz\.?|p\.)?\s*[-–]?\s*\d{1,4}\s*[-–]?(?:\s*(?:van|of|/)\s*\d{1,4})?$",
                          re.IGNORECASE)


def _key(text: str) -> str:
    """Order-free shape of a line: digits collapsed (page numbers differ), white space removed."""
    return "".join(sorted(re.sub(r"\d+", "#", re.sub(r"\s+", "", text))))


def sample_pages(pdf: pdfium.PdfDocument, limit: int = MAX_SAMPLES, tries: int = SAMPLE_TRIES) -> list[int]:
    """Up to `limit` page indices spread evenly over the document: the first page with text
    among the first `tries` pages of each of `limit` equal stretches (every page with text of a
    short document). Bounded: a long document without text, or whose pages fail to load (a
    damaged page tree makes pdfium's every failed load slower than the last), is not read whole
    for a sample before it is read."""
    n = len(pdf)
    step = max(1, n // limit)
    out: list[int] = []
    for start in range(0, n, step):
        if len(out) == limit:
            break
        for i in range(start, min(n, start + step, start + tries)):
            if _has_text(pdf, i):
                out.append(i)
                break
    return out


def _has_text(pdf: pdfium.PdfDocument, index: int) -> bool:
    try:
        page = pdf[index]
    except pdfium.PdfiumError:
        return False
    try:
        textpage = page.get_textpage()
        try:
            return bool(textpage.get_text_range().strip())
        finally:
            textpage.close()
    except pdfium.PdfiumError:
        return False
    finally:
        page.close()


class RunningText:
    """Text that stands in the same strip of the page (same distance from the top edge) on many
    sampled pages of the document."""

    def __init__(self, pdf: pdfium.PdfDocument, samples: list[int]):
        # per sampled page: its height and the characters of its top and bottom bands with their
        # tight boxes (top, bottom from the page top): all that is needed of it, so no text page
        # is held open while the document is read
        self.samples: list[tuple[int, float, list[tuple[float, float, str]]]] = []
        self._seen: dict[tuple, bool] = {}
        self.bands: dict[int, Counter] = {}  # sample page -> the characters of its bands
        from .pdfium_page import tight_boxes
        for i in samples:
            try:
                page = pdf[i]
                try:
                    height = page.get_mediabox()[3]
                    textpage = page.get_textpage()
                    try:
                        codes, boxes = tight_boxes(textpage)
                    finally:
                        textpage.close()
                finally:
                    page.close()
            except pdfium.PdfiumError:
                continue
            chars = []
            for code, (left, right, bottom, top) in zip(codes.tolist(), boxes.tolist()):
                ch = chr(code)
                if not ch.isspace() and right >= left:
                    chars.append((height - top, height - bottom, ch))
            self.samples.append((i, height, chars))
        self.indices = {i for i, _h, _c in self.samples}

    def recurs(self, index: int, text: str, top: float, bottom: float) -> bool:
        """Does `text`, at [top, bottom] (points from the top) of page `index`, stand in the same
        strip on at least a third of the other sampled pages (two at least, unless the document
        has only two or three pages)?"""
        want = _key(text)
        others = [s for s in self.samples if s[0] != index]
        if not others:
            return False
        need = max(1 if len(others) < 3 else 2, len(others) / 3)
        # a cheap test first: a sampled page can hold the text in its band only if its bands have
        # all of the text's characters (most lines near the page edge are prose, in none)
        if not self.bands:
            self._read_bands()
        counts = Counter(want)
        holding = sum(1 for i, _h, _c in others
                      if all(self.bands.get(i, {}).get(ch, 0) >= k for ch, k in counts.items()))
        if holding < need:
            return False
        memo = (want, round(top, 1), round(bottom, 1), index if index in self.indices else -1)
        if memo not in self._seen:
            if len(self._seen) > 256:  # bounded: memory stays flat over a long document
                self._seen.clear()
            self._seen[memo] = self._recurs(others, need, want, top, bottom)
        return self._seen[memo]

    def _recurs(self, others: list, need: float, want: str, top: float, bottom: float) -> bool:
        """The text of each other sampled page in the strip [top - 1.5, bottom + 1.5]: the
        characters whose box meets it (as pdfium's `get_text_bounded` takes them)."""
        lo, hi = top - 1.5, bottom + 1.5
        same = 0
        for _i, _height, chars in others:
            found = "".join(ch for t, b, ch in chars if t < hi and b > lo)
            same += _key(found) == want
        return same >= need

    def _read_bands(self) -> None:
        margin = 3.0  # wider than the strip `_recurs` reads, so the test with them never errs
        for i, height, chars in self.samples:
            self.bands[i] = Counter(_key("".join(ch for t, b, ch in chars
                                                 if t < height * BAND + margin or b > height * (1 - BAND) - margin)))
            chars[:] = [c for c in chars if c[0] < height * BAND + margin or c[1] > height * (1 - BAND) - margin]

    def close(self) -> None:
        self.samples = []


def drop_furniture(lines: list[TextLine], height: float, index: int, running: RunningText | None,
                   dropped: dict[str, int]) -> list[TextLine]:
    """The lines of a page without its running header, footer and page number; what was left
    out is counted in `dropped` (text -> times)."""
    kept = []
    for line in lines:
        in_band = line.bottom <= height * BAND or line.top >= height * (1 - BAND)
        text = line.text
        number = in_band and bool(_PAGE_NUMBER.match(text.strip()))
        if number or (in_band and running is not None and running.recurs(index, text, line.top, line.bottom)):
            if number and text not in dropped and len(dropped) >= MAX_DISTINCT:
                text = OTHER_NUMBERS  # a long document's page numbers are counted, not kept one by one
            dropped[text] = dropped.get(text, 0) + 1
            continue
        kept.append(line)
    return kept


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.match(text.strip()))
