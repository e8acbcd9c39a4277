"""Sources: a file (HTML, PDF, text) to the common layout. One module per format."""
from __future__ import annotations

from pathlib import Path

from ..layout import Layout

SUFFIXES = {".html": "html", ".htm": "html", ".xhtml": "html", ".pdf": "pdf", ".txt": "text",
            ".text": "text", ".md": "text"}


class SourceError(Exception):
    """A file that cannot be read as its format (encrypted, corrupt, no text layer...).
    `page` names the page when the problem is on one."""

    def __init__(self, message: str, page: int | None = None):
        super().__init__(message)
        self.page = page


def sniff_format(path: str | Path, data: bytes) -> str:
    """The format by content first (a PDF named .txt is still a PDF), then by suffix."""
    head = data[:2048].lstrip()
    if data[:1024].find(b"%PDF-") != -1:
        return "pdf"
    low = head.lower()
    if low.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in low or b"<body" in low:
        return "html"
    suffix = Path(path).suffix.lower()
    return SUFFIXES.get(suffix, "text")


def read_layout(path: str | Path, data: bytes, source_file: str) -> Layout:
    fmt = sniff_format(path, data)
    if fmt == "pdf":
        from .pdf import read_pdf
        return read_pdf(str(path), data, source_file)
    if fmt == "html":
        from .html import read_html
        return read_html(str(path), data, source_file)
    from .text import read_text
    return read_text(str(path), data, source_file)
