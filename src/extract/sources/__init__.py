"""Sources: a file (HTML, PDF, text) to the common layout (`extract.layout`), the first stage.

One sub-package per format, each with one entry `read_<format>(path, data, source_file)`:

- `text/`: plain text with paragraphs, headings and pipe tables (`plain`), tables drawn with
  rules (`ruled`), text that keeps a PDF's layout in spaces (`layout`);
- `html/`: saved or crawled budget web pages;
- `pdf/`: annual reports and printable budgets;
- `geometry/`: positioned words to lines, columns, table grids and blocks, shared by `pdf/`
  and `text/layout`;
- `decoding`: bytes to text, shared by `text/` and `html/`.

`FORMATS` is the one registry: each format's name, file suffixes, how its content is recognised
and its reader, imported on first use (reading a text file does not import pdfplumber).
Sources read only the records (`extract.models`), the layout contract (`extract.layout`) and the
document vocabulary (`extract.profiles`); they never import the parser or later stages.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from ..layout import Layout


class SourceError(Exception):
    """A file that cannot be read as its format (encrypted, corrupt, no text layer...).
    `page` names the page when the problem is on one."""

    def __init__(self, message: str, page: int | None = None):
        super().__init__(message)
        self.page = page


@dataclass(frozen=True)
class Format:
    name: str
    suffixes: tuple[str, ...]
    reader: str                      # `module:function`, relative to this package
    sniff: Callable[[bytes], bool]   # does the content say it is this format, whatever its name?

    def read(self, path: str | Path, data: bytes, source_file: str) -> Layout:
        module, function = self.reader.split(":")
        return getattr(import_module(module, __name__), function)(str(path), data, source_file)


def _is_pdf(data: bytes) -> bool:
    return data[:1024].find(b"%PDF-") != -1


def _is_html(data: bytes) -> bool:
    low = data[:2048].lstrip().lower()
    return low.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in low or b"<body" in low


def _never(data: bytes) -> bool:
    return False


# In the order content is sniffed: a PDF that embeds markup is still a PDF.
FORMATS = (
    Format("pdf", (".pdf",), ".pdf.document:read_pdf", _is_pdf),
    Format("html", (".html", ".htm", ".xhtml"), ".html.page:read_html", _is_html),
    Format("text", (".txt", ".text", ".md"), ".text.plain:read_text", _never),
)
FALLBACK = "text"  # what a file is when neither its content nor its suffix says
_BY_NAME = {f.name: f for f in FORMATS}
SUFFIXES = {suffix: f.name for f in FORMATS for suffix in f.suffixes}


def sniff_format(path: str | Path, data: bytes) -> str:
    """The format by content first (a PDF named .txt is still a PDF), then by suffix."""
    for fmt in FORMATS:
        if fmt.sniff(data):
            return fmt.name
    return SUFFIXES.get(Path(path).suffix.lower(), FALLBACK)


def read_layout(path: str | Path, data: bytes, source_file: str) -> Layout:
    """The layout of a file, read by the reader of its format."""
    return _BY_NAME[sniff_format(path, data)].read(path, data, source_file)
