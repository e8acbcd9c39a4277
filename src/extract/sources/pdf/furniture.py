"""Running page headers and footers, and page numbers, of PDF pages (`sources/pdf`): left out of
the layout.

A line in the top or bottom band of a page is furniture when it is a bare page number
(`212`, `- 12 -`, `Pagina 3 van 10`, `3/10`) or when the same text (digits aside) stands in the
same strip of the page on a good share of the document's other pages. The other pages are
looked at through pdfium (a sample of up to 16), so this works when pdfplumber opened only the
few pages that matter.
"""
from __future__ import annotations

import re

import pypdfium2 as pdfium

from ..geometry.words import TextLine

MAX_SAMPLES = 16
BAND = 0.09  # the top and bottom 9% of a page hold its running header and footer
_PAGE_NUMBER = re.compile(r"^(?:pagina|page|blz\.?|p\.)?\s*[-–]?\s*\d{1,4}\s*[-–]?(?:\s*(?:van|of|/)\s*\d{1,4})?$",
                          re.IGNORECASE)


def _key(text: str) -> str:
    """Order-free shape of a line: digits collapsed (page numbers differ), white space removed."""
    return "".join(sorted(re.sub(r"\d+", "#", re.sub(r"\s+", "", text))))


class RunningText:
    """Text that stands in the same strip of the page (same distance from the top edge) on many
    sampled pages of the document."""

    def __init__(self, pdf: pdfium.PdfDocument, texts: list[str]):
        with_text = [i for i, t in enumerate(texts) if t.strip()]
        step = max(1, len(with_text) // MAX_SAMPLES)
        self.samples: list[tuple[int, pdfium.PdfTextPage, float]] = []  # (page index, text, height)
        for i in with_text[::step][:MAX_SAMPLES]:
            try:
                page = pdf[i]
                self.samples.append((i, page.get_textpage(), page.get_mediabox()[3]))
            except pdfium.PdfiumError:
                continue

    def recurs(self, index: int, text: str, top: float, bottom: float) -> bool:
        """Does `text`, at [top, bottom] (points from the top) of page `index`, stand in the same
        strip on at least a third of the other sampled pages (two at least, unless the document
        has only two or three pages)?"""
        others = [s for s in self.samples if s[0] != index]
        if not others:
            return False
        want = _key(text)
        same = 0
        for _i, textpage, height in others:
            try:
                found = textpage.get_text_bounded(-10_000, height - bottom - 1.5, 10_000, height - top + 1.5)
            except pdfium.PdfiumError:
                continue
            same += _key(found) == want
        return same >= max(1 if len(others) < 3 else 2, len(others) / 3)

    def close(self) -> None:
        for _i, textpage, _h in self.samples:
            textpage.close()
        self.samples = []


def drop_furniture(lines: list[TextLine], height: float, index: int, running: RunningText | None,
                   dropped: dict[str, int]) -> list[TextLine]:
    """The lines of a page without its running header, footer and page number; what was left
    out is counted in `dropped` (text -> times)."""
    kept = []
    for line in lines:
        in_band = line.bottom <= height * BAND or line.top >= height * (1 - BAND)
        text = line.text
        if in_band and (_PAGE_NUMBER.match(text.strip()) or
                        (running is not None and running.recurs(index, text, line.top, line.bottom))):
            dropped[text] = dropped.get(text, 0) + 1
            continue
        kept.append(line)
    return kept


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.match(text.strip()))
