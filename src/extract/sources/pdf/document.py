"""The entry of the PDF source (`sources/pdf`): annual reports (jaarstukken) and printable
budgets to the common layout.

1. pypdfium2 opens the file (encrypted, corrupt and empty files stop here with a reason; a
   truncated one is rebuilt by `repair`) and reads the plain text of every page; pages that can
   hold goals or indicators, and their neighbours, are copied into a small PDF (`prefilter`).
   A scan without a text layer stops here too.
2. pdfplumber reads the positioned words and rulings of only those pages (`plumber`, `words`);
   running headers, footers and page numbers are left out (`furniture`).
3. The shared geometry (`sources/geometry`) turns the lines of each page into headings,
   paragraphs and tables: the Doel | Prestatie table and indicator tables as grids of cells,
   across page breaks; money tables left out.

Every line carries its page and the box of its words, which become the provenance of records.
A page that pdfplumber cannot read is an `unreadable_page` warning; an exception raised by our
own code is an `internal_error` (a bug, not damage in the file: `sources/faults`).
"""
from __future__ import annotations

import pypdfium2 as pdfium

from ...layout import Layout
from ...models import Diagnostic, Provenance
from ...profiles.documents import DOCUMENT_KIND_WORDS
from .. import SourceError
from ..geometry.blocks import PageReader
from ..geometry.words import Rulings, TextLine, body_size
from .furniture import RunningText, is_page_number
from .plumber import MALFORMED, page_failure, read_pages, unreadable_page
from .prefilter import (
    TextPass,
    candidate_pages,
    check_text_layer,
    open_pdf,
    text_pass,
)



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
        dropped: dict[str, int] = {}
        page_lines = read_pages(pdf, pages, running, dropped, layout.diagnostics, source_file)
        reader = PageReader(body_size([ln for _p, lines, _r in page_lines for ln in lines]), source_file)
        for number, lines, rulings in page_lines:
            _read_page(reader, lines, rulings, number, layout, source_file)
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


def _read_page(reader: PageReader, lines: list[TextLine], rulings: Rulings, number: int, layout: Layout,
               source_file: str) -> None:
    """The blocks of one page; a bug in the geometry is an internal error on that page, and the
    next page starts afresh."""
    try:
        reader.read(lines, rulings, number)
    except MALFORMED as exc:
        layout.diagnostics.append(page_failure(exc, source_file, number))
        reader.forget_open_table()


def _page_diagnostics(tp: TextPass, layout: Layout, source_file: str) -> None:
    if tp.scanned:
        pages = ", ".join(map(str, tp.scanned[:10])) + (" ..." if len(tp.scanned) > 10 else "")
        layout.diagnostics.append(Diagnostic(
            severity="warning", code="no_text_layer",
            message=f"{len(tp.scanned)} page(s) without a text layer (scanned: OCR is not supported): {pages}",
            location=f"{source_file}, page {tp.scanned[0]}",
            provenance=Provenance(source_file=source_file, page=tp.scanned[0])))
    layout.diagnostics.extend(unreadable_page(source_file, page, reason) for page, reason in tp.unreadable.items())


def _title(pdf: pdfium.PdfDocument, dropped: dict[str, int]) -> str | None:
    """The document title: the PDF's Title when it names the document, else the running header."""
    try:
        title = (pdf.get_metadata_dict().get("Title") or "").strip()
    except pdfium.PdfiumError:
        title = ""
    if title and DOCUMENT_KIND_WORDS.search(title):
        return title
    for text in sorted(dropped, key=lambda t: -dropped[t]):
        if not is_page_number(text) and DOCUMENT_KIND_WORDS.search(text):
            return text
    return None
