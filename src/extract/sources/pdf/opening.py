"""Opening a PDF with pypdfium2 (`sources/pdf`), or saying why it cannot be opened: empty,
not a PDF, encrypted, corrupt, no pages; a truncated file (a download cut short) is rebuilt from
its complete objects first (`repair`), so the pages before the cut can still be read.
"""
from __future__ import annotations

import re

import pypdfium2 as pdfium

from .. import SourceError
from .repair import rebuild_truncated



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
            raise SourceError(f"truncated PDF: the file ends before its end-of-file marker ({reason_of(message)})") from exc
        if "format" in message.lower() or "file" in message.lower():
            raise SourceError(f"corrupt PDF: {reason_of(message)}") from exc
        raise SourceError(f"cannot open the PDF: {reason_of(message)}") from exc


def _checked(pdf: pdfium.PdfDocument) -> pdfium.PdfDocument:
    if len(pdf) == 0:
        pdf.close()
        raise SourceError("the PDF has no pages (truncated or corrupt file)")
    return pdf


def reason_of(message: str) -> str:
    m = re.search(r"PDFium: ([^)]*)", message)
    return m.group(1).strip() if m else message
