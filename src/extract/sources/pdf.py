"""PDF source: annual reports (jaarstukken) and printable budgets to the common layout.

1. pypdfium2 opens the file (encrypted, corrupt and empty files stop here with a reason) and
   reads the plain text of every page; pages that can hold goals or indicators, and their
   neighbours, are copied into a small PDF (`pdf_prefilter`). A scan without a text layer stops
   here too.
2. pdfplumber reads the positioned words and rulings of only those pages (`pdf_words`); running
   headers, footers and page numbers are left out (`pdf_furniture`).
3. The lines of each page become headings, paragraphs and tables (`pdf_page`, `pdf_tables`,
   `pdf_columns`): the Doel | Prestatie table and indicator tables as grids of cells, across
   page breaks; money tables left out.

Every line carries its page and the box of its words, which become the provenance of records.
"""
from __future__ import annotations

import io
import logging
import re
import struct
import zlib
from contextlib import contextmanager

import pdfplumber
import pypdfium2 as pdfium
from pdfminer.pdfexceptions import PDFException
from pdfminer.psexceptions import PSException
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from ..layout import Layout
from ..models import Diagnostic
from . import SourceError
from .pdf_furniture import RunningText, drop_furniture, is_page_number
from .pdf_page import PageReader
from .pdf_prefilter import TextPass, candidate_pages, check_text_layer, extract_pages, open_pdf, text_pass
from .pdf_words import Rulings, TextLine, body_size, group_lines, page_rulings, page_words

# What pdfminer raises on malformed content: its own errors and the plain ones its parser lets
# through on broken streams. A page that raises one is reported and skipped.
MALFORMED = (PDFException, PSException, PdfminerException, MalformedPDFException, ValueError, KeyError,
             TypeError, AttributeError, IndexError, AssertionError, struct.error, zlib.error, OverflowError,
             UnicodeError, RecursionError, NotImplementedError)
_KIND = re.compile(r"begroting|jaarstukken|jaarverslag|jaarrekening|rapportage|nota\b", re.IGNORECASE)


def read_pdf(path: str, data: bytes, source_file: str) -> Layout:
    pdf, repaired = open_pdf(data)
    running: RunningText | None = None
    try:
        tp = text_pass(pdf)
        try:
            check_text_layer(tp)
        except SourceError as exc:
            if repaired:  # the cut left page objects but none of their text
                raise SourceError(f"{repaired.split(';')[0]}; no text is left in its complete pages") from exc
            raise
        layout = Layout(source_file=source_file, format="pdf")
        if repaired:
            layout.diagnostics.append(Diagnostic(severity="warning", code="truncated_file", message=repaired,
                                                 location=source_file))
        _page_diagnostics(tp, layout, source_file)
        pages = candidate_pages(tp.texts)
        if not pages:
            layout.diagnostics.append(Diagnostic(
                severity="info", code="no_candidate_pages",
                message=f"none of the {tp.n_pages} pages mentions goals, performances or indicators",
                location=source_file))
            return layout
        running = RunningText(pdf, tp.texts)
        try:
            sub = extract_pages(pdf, pages)
        except pdfium.PdfiumError as exc:
            raise SourceError(f"cannot copy the relevant pages: {exc}") from exc
        dropped: dict[str, int] = {}
        page_lines = _read_pages(sub, pages, running, dropped, layout, source_file)
        reader = PageReader(body_size([ln for _p, lines, _r in page_lines for ln in lines]), source_file)
        for number, lines, rulings in page_lines:
            reader.read(lines, rulings, number)
        layout.blocks = reader.blocks
        layout.diagnostics.extend(reader.diagnostics)
        layout.title = _title(pdf, dropped)
        if dropped:
            example = max(dropped, key=lambda t: (dropped[t], t))
            layout.diagnostics.append(Diagnostic(
                severity="info", code="page_furniture_removed",
                message=f"left out {sum(dropped.values())} running header/footer lines such as '{example}'",
                location=source_file))
        return layout
    finally:
        if running is not None:
            running.close()
        pdf.close()


def _page_diagnostics(tp: TextPass, layout: Layout, source_file: str) -> None:
    if tp.scanned:
        pages = ", ".join(map(str, tp.scanned[:10])) + (" ..." if len(tp.scanned) > 10 else "")
        layout.diagnostics.append(Diagnostic(
            severity="warning", code="no_text_layer",
            message=f"{len(tp.scanned)} page(s) without a text layer (scanned: OCR is not supported): {pages}",
            location=f"{source_file}, page {tp.scanned[0]}"))
    for page, reason in tp.unreadable.items():
        layout.diagnostics.append(Diagnostic(severity="warning", code="unreadable_page",
                                             message=f"page {page} could not be read: {reason}",
                                             location=f"{source_file}, page {page}"))


def _read_pages(sub: bytes, pages: list[int], running: RunningText, dropped: dict[str, int], layout: Layout,
                source_file: str) -> list[tuple[int, list[TextLine], Rulings]]:
    """(page number, lines without furniture, rulings) of each page pdfplumber can read."""
    with _quiet_pdfminer():
        return _read_pages_quietly(sub, pages, running, dropped, layout, source_file)


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


def _read_pages_quietly(sub: bytes, pages: list[int], running: RunningText, dropped: dict[str, int],
                        layout: Layout, source_file: str) -> list[tuple[int, list[TextLine], Rulings]]:
    out = []
    try:
        doc = pdfplumber.open(io.BytesIO(sub))
    except MALFORMED as exc:
        _pass_on_interruptions(exc)
        raise SourceError(f"pdfplumber cannot read the PDF: {type(exc).__name__}: {exc}") from exc
    with doc:
        for k, index in enumerate(pages):
            number = index + 1
            try:
                page = doc.pages[k]
            except MALFORMED as exc:
                _unreadable(layout, source_file, number, exc)
                continue
            try:
                words, rotated = page_words(page)
                rulings = page_rulings(page)
                upright = not (page.rotation or 0) % 360
                lines = drop_furniture(group_lines(words, number), float(page.height), index,
                                       running if upright else None, dropped)
            except MALFORMED as exc:
                _unreadable(layout, source_file, number, exc)
                continue
            finally:
                page.close()
            if rotated:
                layout.diagnostics.append(Diagnostic(
                    severity="info", code="rotated_text_left_out",
                    message=f"left out {rotated} words set at an angle on page {number}",
                    location=f"{source_file}, page {number}"))
            out.append((number, lines, rulings))
    return out


def _pass_on_interruptions(exc: BaseException) -> None:
    """pdfplumber wraps whatever reading a page raises in PdfminerException: what is not a
    malformed file (the conversion's time limit, MemoryError) goes on up as itself."""
    inner = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else None
    if isinstance(inner, BaseException) and not isinstance(inner, MALFORMED):
        raise inner


def _unreadable(layout: Layout, source_file: str, page: int, exc: BaseException) -> None:
    _pass_on_interruptions(exc)
    layout.diagnostics.append(Diagnostic(
        severity="warning", code="unreadable_page",
        message=f"page {page} could not be read: {type(exc).__name__}: {str(exc)[:200]}",
        location=f"{source_file}, page {page}"))


def _title(pdf: pdfium.PdfDocument, dropped: dict[str, int]) -> str | None:
    """The document title: the PDF's Title when it names the document, else the running header."""
    try:
        title = (pdf.get_metadata_dict().get("Title") or "").strip()
    except pdfium.PdfiumError:
        title = ""
    if title and _KIND.search(title):
        return title
    for text in sorted(dropped, key=lambda t: -dropped[t]):
        if not is_page_number(text) and _KIND.search(text):
            return text
    return None
