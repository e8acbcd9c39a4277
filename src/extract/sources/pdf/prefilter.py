"""The PDF source's fast first pass (`sources/pdf`), with pypdfium2: open it (or say why it cannot be opened), read
the plain text of every page, decide which pages can hold goals or indicators, and copy those
pages (with their neighbours, for tables that go on) into a small PDF for pdfplumber.

Reading positioned words with pdfplumber costs tens of milliseconds a page; pdfium's text costs a
fraction of that, so a 400-page annual report is scanned in about a second and only its dozen
relevant pages are read in detail. The copy also repairs what pdfium can repair (a damaged
cross-reference table), so pdfplumber gets a clean file; a truncated file is rebuilt first
(`repair`). The words that make a page a candidate are document vocabulary (`profiles`).
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

import pypdfium2 as pdfium

from ...profiles.codes import mentions_code
from ...profiles.sections import mentions_record_words
from .. import SourceError
from .repair import rebuild_truncated



@dataclass
class TextPass:
    pdf: pdfium.PdfDocument
    texts: list[str]
    scanned: list[int] = field(default_factory=list)  # 1-based pages with images but no text
    unreadable: dict[int, str] = field(default_factory=dict)  # 1-based page -> reason

    @property
    def n_pages(self) -> int:
        return len(self.texts)


def open_pdf(data: bytes) -> tuple[pdfium.PdfDocument, str | None]:
    """pdfium's view of the file and a note when it had to be repaired (a truncated file whose
    complete pages are read), or SourceError saying why there is none."""
    if not data.strip():
        raise SourceError("empty file")
    if b"%PDF-" not in data[:1024]:
        raise SourceError("not a PDF: the file does not start with %PDF-")
    try:
        return _checked(pdfium.PdfDocument(data)), None
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            raise SourceError("encrypted PDF: it needs a password to open") from exc
        if b"%%EOF" not in data[-2048:]:
            rebuilt = rebuild_truncated(data)
            if rebuilt is not None:
                try:
                    pdf = _checked(pdfium.PdfDocument(rebuilt[0]))
                except (pdfium.PdfiumError, SourceError):
                    pdf = None
                if pdf is not None:
                    return pdf, (f"truncated PDF: the file ends before its end-of-file marker; "
                                 f"read the {rebuilt[1]} complete page(s) before the cut")
            raise SourceError(f"truncated PDF: the file ends before its end-of-file marker ({_reason(message)})") from exc
        if "format" in message.lower() or "file" in message.lower():
            raise SourceError(f"corrupt PDF: {_reason(message)}") from exc
        raise SourceError(f"cannot open the PDF: {_reason(message)}") from exc


def _checked(pdf: pdfium.PdfDocument) -> pdfium.PdfDocument:
    if len(pdf) == 0:
        pdf.close()
        raise SourceError("the PDF has no pages (truncated or corrupt file)")
    return pdf


def _reason(message: str) -> str:
    m = re.search(r"PDFium: ([^)]*)", message)
    return m.group(1).strip() if m else message


def text_pass(pdf: pdfium.PdfDocument) -> TextPass:
    """The plain text of every page. Pages pdfium cannot load are noted, not fatal."""
    result = TextPass(pdf, [])
    for index in range(len(pdf)):
        try:
            page = pdf[index]
        except pdfium.PdfiumError as exc:
            result.unreadable[index + 1] = _reason(str(exc))
            result.texts.append("")
            continue
        try:
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            textpage.close()
            if not text.strip() and _has_images(page):
                result.scanned.append(index + 1)
        except pdfium.PdfiumError as exc:
            result.unreadable[index + 1] = _reason(str(exc))
            text = ""
        finally:
            page.close()
        result.texts.append(text)
    return result


def _has_images(page: pdfium.PdfPage) -> bool:
    return any(True for _ in page.get_objects(filter=[pdfium.raw.FPDF_PAGEOBJ_IMAGE], max_depth=2))


def check_text_layer(tp: TextPass) -> None:
    """SourceError when no page has any text: a scan (images only) or an empty file."""
    if any(t.strip() for t in tp.texts):
        return
    if tp.scanned:
        raise SourceError("no text layer: scanned PDFs need OCR, which is not supported")
    if tp.unreadable:
        page, reason = next(iter(tp.unreadable.items()))
        raise SourceError(f"no page could be read ({reason})", page=page)
    raise SourceError("no text on any page")


def candidate_pages(texts: list[str]) -> list[int]:
    """0-based pages that can hold goals or indicators, with the page before and after each
    (a table going on, a heading on the page before)."""
    hits = [i for i, t in enumerate(texts) if mentions_code(t) or mentions_record_words(t)]
    wanted = {j for i in hits for j in (i - 1, i, i + 1) if 0 <= j < len(texts) and texts[j].strip()}
    return sorted(wanted)


def extract_pages(pdf: pdfium.PdfDocument, indices: list[int]) -> bytes:
    """A new PDF holding only the given pages (0-based), for pdfplumber."""
    sub = pdfium.PdfDocument.new()
    try:
        sub.import_pages(pdf, indices)
        buffer = io.BytesIO()
        sub.save(buffer)
        return buffer.getvalue()
    finally:
        sub.close()
