"""The PDF source's second pass (`sources/pdf`): pdfplumber on the pages the prefilter chose: positioned words and rulings, page by page,
with damage reported instead of raised.

The chosen pages are copied by pdfium into one small PDF and read in one go. When pdfplumber
cannot even list that copy's pages (a damaged page dictionary), each page is copied and read on
its own, so the good pages survive. A page that pdfplumber or pdfminer fails on is an
`unreadable_page` warning; the same kind of exception raised by our own code is an
`internal_error` (`sources/faults`): a bug, never passed off as a damaged page. The time limit
and out-of-memory go on up, even where pdfplumber wrapped them in its own exception.
"""
from __future__ import annotations

import io
import logging
import struct
import zlib
from contextlib import contextmanager

import pdfplumber
import pypdfium2 as pdfium
from pdfminer.pdfexceptions import PDFException
from pdfminer.psexceptions import PSException
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from ...models import Diagnostic, Provenance
from .. import SourceError
from ..faults import internal_error, raised_in_our_code
from .furniture import RunningText, drop_furniture
from .prefilter import extract_pages
from ..geometry.words import Rulings, TextLine, group_lines
from .words import page_rulings, page_words

# What pdfminer raises on malformed content: its own errors and the plain ones its parser lets
# through on broken streams. A page that raises one is reported and skipped, unless our own code
# raised it (`faults`): then it is a bug, reported as one.
MALFORMED = (PDFException, PSException, PdfminerException, MalformedPDFException, ValueError, LookupError,
             TypeError, AttributeError, AssertionError, struct.error, zlib.error, ArithmeticError,
             UnicodeError, RecursionError, NotImplementedError)
# The packages that parse the file: an exception they raise is damage in the file.
PDF_LIBRARIES = ("pdfminer", "pdfplumber", "pypdfium2")

PageLines = tuple[int, list[TextLine], Rulings]  # (1-based page number, lines, rulings)


def read_pages(pdf: pdfium.PdfDocument, pages: list[int], running: RunningText, dropped: dict[str, int],
               diagnostics: list[Diagnostic], source_file: str) -> list[PageLines]:
    """The lines (running headers and footers left out, counted in `dropped`) and rulings of
    each of `pages` (0-based) that pdfplumber can read."""
    reader = _Reader(running, dropped, diagnostics, source_file)
    with _quiet_pdfminer():
        out = reader.read(_copy(pdf, pages), pages)
        if out is None:  # the copy's page list is damaged: page by page, so good pages survive
            out = []
            for index in pages:
                one = reader.read(_copy(pdf, [index]), [index])
                if one is None:
                    reader.unreadable(index + 1, "pdfplumber cannot list the page")
                out.extend(one or [])
    return out


def _copy(pdf: pdfium.PdfDocument, pages: list[int]) -> bytes:
    try:
        return extract_pages(pdf, pages)
    except pdfium.PdfiumError as exc:
        raise SourceError(f"cannot copy the relevant pages: {exc}") from exc


@contextmanager
def _quiet_pdfminer():
    """pdfminer logs a warning for every damaged operator it skips; the damage is reported as a
    diagnostic instead, so its log stays out of the user's terminal while we read."""
    log = logging.getLogger("pdfminer")
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        yield
    finally:
        log.setLevel(level)


def pass_on_interruptions(exc: BaseException) -> None:
    """pdfplumber wraps whatever reading a page raises in PdfminerException: what is not a
    malformed file (the conversion's time limit, MemoryError) goes on up as itself."""
    inner = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else None
    if isinstance(inner, BaseException) and not isinstance(inner, MALFORMED):
        raise inner


class _Reader:
    def __init__(self, running: RunningText, dropped: dict[str, int], diagnostics: list[Diagnostic],
                 source_file: str):
        self.running, self.dropped = running, dropped
        self.diagnostics, self.source_file = diagnostics, source_file

    def read(self, data: bytes, pages: list[int]) -> list[PageLines] | None:
        """Read a copy holding `pages`; None when pdfplumber cannot open it or list its pages."""
        try:
            doc = pdfplumber.open(io.BytesIO(data))
            plumber_pages = doc.pages
        except MALFORMED as exc:
            pass_on_interruptions(exc)
            where = raised_in_our_code(exc, PDF_LIBRARIES)
            if where is None:
                return None
            page = pages[0] + 1 if len(pages) == 1 else None
            self.diagnostics.append(internal_error(exc, where, self.source_file, page))
            return []
        out = []
        try:
            for page, index in zip(plumber_pages, pages):
                got = self._page(page, index)
                if got is not None:
                    out.append(got)
        finally:
            doc.flush_cache()
            doc.stream.close()  # not doc.close(): it lists the pages again, which may raise
        return out

    def _page(self, page, index: int) -> PageLines | None:
        number = index + 1
        try:
            words, rotated = page_words(page)
            rulings = page_rulings(page)
            upright = not (page.rotation or 0) % 360
            lines = drop_furniture(group_lines(words, number), float(page.height), index,
                                   self.running if upright else None, self.dropped)
        except MALFORMED as exc:
            pass_on_interruptions(exc)
            self.diagnostics.append(page_failure(exc, self.source_file, number))
            return None
        finally:
            page.close()
        if rotated:
            self.diagnostics.append(Diagnostic(
                severity="info", code="rotated_text_left_out",
                message=f"left out {rotated} words set at an angle on page {number}",
                location=f"{self.source_file}, page {number}",
                provenance=Provenance(source_file=self.source_file, page=number)))
        return number, lines, rulings

    def unreadable(self, page: int, reason: str) -> None:
        self.diagnostics.append(unreadable_page(self.source_file, page, reason))


def unreadable_page(source_file: str, page: int, reason: str) -> Diagnostic:
    return Diagnostic(severity="warning", code="unreadable_page", message=f"page {page} could not be read: {reason}",
                      location=f"{source_file}, page {page}",
                      provenance=Provenance(source_file=source_file, page=page))


def page_failure(exc: BaseException, source_file: str, page: int) -> Diagnostic:
    """What reading `page` failing with `exc` says: damage in the file (`unreadable_page`) when a
    PDF library raised it, a bug (`internal_error`) when our own code did."""
    where = raised_in_our_code(exc, PDF_LIBRARIES)
    if where is not None:
        return internal_error(exc, where, source_file, page)
    return unreadable_page(source_file, page, f"{type(exc).__name__}: {str(exc)[:200]}")
