"""The reference PDF engine (`--pdf-engine pdfplumber`, `sources/pdf`): positioned words and
rulings of each page read with pdfplumber, with damage reported instead of raised.

pdfium copies the document into a clean PDF first (it repairs what it can: a damaged
cross-reference table), which pdfplumber opens once and reads page by page, releasing each page
as it goes. When pdfplumber cannot even list that copy's pages (a damaged page dictionary), each
page is copied and read on its own, so the good pages survive. A page that pdfplumber or pdfminer
fails on is an `unreadable_page` warning; the same kind of exception raised by our own code is an
`internal_error` (`sources/faults`): a bug, never passed off as a damaged page. The time limit and
out-of-memory go on up, even where pdfplumber wrapped them in its own exception.

About ten times slower than the default pdfium engine (`pdfium_page`), and the reference it is
tested against: both give the same records on every sample PDF.
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
from ..geometry.words import Rulings, Word
from .words import page_rulings, page_words

# What pdfminer raises on malformed content: its own errors and the plain ones its parser lets
# through on broken streams. A page that raises one is reported and skipped, unless our own code
# raised it (`faults`): then it is a bug, reported as one.
MALFORMED = (PDFException, PSException, PdfminerException, MalformedPDFException, ValueError, LookupError,
             TypeError, AttributeError, AssertionError, struct.error, zlib.error, ArithmeticError,
             UnicodeError, RecursionError, NotImplementedError, pdfium.PdfiumError)
# The packages that parse the file: an exception they raise is damage in the file.
PDF_LIBRARIES = ("pdfminer", "pdfplumber", "pypdfium2")


class PlumberPages:
    """pdfplumber's view of the pages of a pdfium document, one page at a time."""

    name = "pdfplumber"

    def __init__(self, pdf: pdfium.PdfDocument, diagnostics: list[Diagnostic], source_file: str):
        self.pdf, self.diagnostics, self.source_file = pdf, diagnostics, source_file
        self.doc = None
        self.pages: list | None = None
        self.single = False  # the whole copy cannot be listed: page by page
        self._log = _quiet_pdfminer()
        self._log.__enter__()

    def _open(self) -> None:
        if self.pages is not None or self.single:
            return
        got = self._open_copy(_copy(self.pdf, list(range(len(self.pdf)))), None)
        if got is None:
            self.single = True
        else:
            self.doc, self.pages = got

    def _open_copy(self, data: bytes, page: int | None):
        """(pdfplumber document, its pages), None when pdfplumber cannot open or list them, or
        `()` when our own code failed (reported)."""
        try:
            doc = pdfplumber.open(io.BytesIO(data))
            return doc, doc.pages
        except MALFORMED as exc:
            pass_on_interruptions(exc)
            where = raised_in_our_code(exc, PDF_LIBRARIES)
            if where is None:
                return None
            self.diagnostics.append(internal_error(exc, where, self.source_file, page))
            raise SourceError(f"cannot read the PDF: {exc}") from exc

    def read(self, index: int, page: pdfium.PdfPage, textpage: pdfium.PdfTextPage) -> tuple[list[Word], int, Rulings]:
        """The words, the number of rotated words left out, and the rulings of a page; raises
        what reading it raised (MALFORMED: reported by the caller)."""
        self._open()
        if self.single:
            got = self._open_copy(_copy(self.pdf, [index]), index + 1)
            if got is None:
                raise _Unlisted("pdfplumber cannot list the page")
            doc, pages = got
            try:
                return self._page(pages[0])
            finally:
                _close(doc)
        assert self.pages is not None
        return self._page(self.pages[index])

    def _page(self, page) -> tuple[list[Word], int, Rulings]:
        try:
            words, rotated = page_words(page)
            return words, rotated, page_rulings(page)
        except MALFORMED as exc:
            pass_on_interruptions(exc)
            raise
        finally:
            page.close()

    def close(self) -> None:
        if self.doc is not None:
            _close(self.doc)
            self.doc = None
        self._log.__exit__(None, None, None)


class _Unlisted(PDFException):
    """pdfplumber cannot list a page: damage in the file."""


def _close(doc) -> None:
    doc.flush_cache()
    doc.stream.close()  # not doc.close(): it lists the pages again, which may raise


def _copy(pdf: pdfium.PdfDocument, pages: list[int]) -> bytes:
    """A new PDF holding only the given pages (0-based), for pdfplumber."""
    try:
        sub = pdfium.PdfDocument.new()
        try:
            sub.import_pages(pdf, pages)
            buffer = io.BytesIO()
            sub.save(buffer)
            return buffer.getvalue()
        finally:
            sub.close()
    except pdfium.PdfiumError as exc:
        raise SourceError(f"cannot copy the pages for pdfplumber: {exc}") from exc


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


def unreadable_page(source_file: str, page: int, reason: str) -> Diagnostic:
    return Diagnostic(severity="warning", code="unreadable_page", message=f"page {page} could not be read: {reason}",
                      location=f"{source_file}, page {page}",
                      provenance=Provenance(source_file=source_file, page=page))


def page_failure(exc: BaseException, source_file: str, page: int) -> Diagnostic:
    """What reading `page` failing with `exc` says: damage in the file (`unreadable_page`) when a
    PDF library raised it, a bug (`internal_error`) when our own code did."""
    where = raised_in_our_code(exc, PDF_LIBRARIES)
    if where is not None and not isinstance(exc, _Unlisted):
        return internal_error(exc, where, source_file, page)
    if isinstance(exc, _Unlisted):
        return unreadable_page(source_file, page, str(exc))
    return unreadable_page(source_file, page, f"{type(exc).__name__}: {str(exc)[:200]}")
