"""Opening a PDF with pypdfium2 (`sources/pdf`), or saying why it cannot be opened: empty,
not a PDF, encrypted, corrupt, no pages; a truncated file (a download cut short) is rebuilt from
its complete objects first (`repair`), so the pages before the cut can still be read.

A file is opened from its path: pdfium reads the parts it needs when it needs them, so a report
of thousands of pages is never held in memory as a whole. Only a file that does not open (not a
PDF, encrypted, damaged, truncated) is read into memory, to be judged and repaired as content
given as bytes is, with the same reasons.
"""
from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium

from .. import SourceError
from .repair import rebuild_truncated

PdfSource = bytes | Path  # the content, or the file pdfium reads it from


def open_pdf(source: PdfSource) -> tuple[pdfium.PdfDocument, str | None]:
    """pdfium's view of the file and a note when it had to be repaired (a truncated file whose
    complete pages are read), or SourceError saying why there is none."""
    if isinstance(source, Path):
        return _open_file(source)
    data = source
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


def _open_file(path: Path) -> tuple[pdfium.PdfDocument, str | None]:
    """The file opened by pdfium from its path; one that does not open is judged from its bytes."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(1024)
        pdf = _from_path(path) if b"%PDF-" in head else None
        return (pdf, None) if pdf is not None else open_pdf(path.read_bytes())
    except OSError as exc:
        raise SourceError(f"cannot read file: {exc.strerror or exc}") from exc


def _from_path(path: Path) -> pdfium.PdfDocument | None:
    try:
        # absolute: pypdfium2 expands a leading `~`, which in a relative path is a file's name
        pdf = pdfium.PdfDocument(path.absolute())
    except pdfium.PdfiumError:
        return None  # encrypted, damaged or truncated: `open_pdf` says which from the bytes
    return _checked(pdf)


def reopener(source: PdfSource) -> Callable[[], pdfium.PdfDocument]:
    """A function that opens the same document afresh (what pdfium parsed of the last one is
    freed when it is closed). Made before the file is first opened: a file that has changed on
    disk since (size, modification time, inode) is a SourceError, not pages of two versions."""
    if not isinstance(source, Path):
        return lambda: open_pdf(source)[0]
    stamp = _stamp(source)

    def again() -> pdfium.PdfDocument:
        if _stamp(source) != stamp:
            raise SourceError("the file changed while it was being read")
        return open_pdf(source)[0]
    return again


def _stamp(path: Path) -> tuple | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns, st.st_ino, st.st_dev


def _checked(pdf: pdfium.PdfDocument) -> pdfium.PdfDocument:
    if len(pdf) == 0:
        pdf.close()
        raise SourceError("the PDF has no pages (truncated or corrupt file)")
    return pdf


def reason_of(message: str) -> str:
    m = re.search(r"PDFium: ([^)]*)", message)
    return m.group(1).strip() if m else message
