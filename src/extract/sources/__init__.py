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
and its reader, imported on first use (reading a text file does not import pdfplumber). The
suffixes are the inputs a folder is searched for (`SUFFIXES`, named in help and README);
`not_an_input` recognises content no reader reads (Office documents, ZIP archives, images),
whatever the file is called. Importing this package loads no reader and no pydantic, so the
command line can name the formats in its help.
Sources read only the records (`extract.models`), the layout contract (`extract.layout`) and the
document vocabulary (`extract.profiles`); they never import the parser or later stages.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from typing import TYPE_CHECKING

if TYPE_CHECKING:
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

    def read(self, path: str | Path, data: bytes, source_file: str, **options) -> "Layout":
        """Read with this format's reader; `options` are keywords only some readers take
        (`pdf_engine`), passed on when not None."""
        module, function = self.reader.split(":")
        given = {k: v for k, v in options.items() if v is not None}
        return getattr(import_module(module, __name__), function)(str(path), data, source_file, **given)


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


# Content that is a document, but not one of ours: (magic bytes, what it is). A ZIP is told
# apart by the first names it holds (Office Open XML, OpenDocument).
_ZIP_KINDS = ((b"word/", "a Word document (.docx)"), (b"xl/", "an Excel workbook (.xlsx)"),
              (b"ppt/", "a PowerPoint presentation (.pptx)"),
              (b"opendocument.text", "an OpenDocument text (.odt)"),
              (b"opendocument.spreadsheet", "an OpenDocument spreadsheet (.ods)"),
              (b"opendocument.presentation", "an OpenDocument presentation (.odp)"))
_MAGIC = ((b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an Office 97-2003 document (.doc, .xls, .ppt)"),
          (b"{\\rtf", "an RTF document"),
          (b"\x1f\x8b", "a gzip archive"), (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"), (b"Rar!", "a RAR archive"))
_IMAGES = ((b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
           (b"II*\x00", "a TIFF image"), (b"MM\x00*", "a TIFF image"))


HEAD = 4096  # the first bytes of a file tell its format (`sniff_format`) and what it is not (`not_an_input`)


def not_an_input(head: bytes, images: bool = True) -> str | None:
    """What the content is when it is a document or archive no reader reads (Office, ZIP, RTF,
    other archives; with `images`, pictures too), judged by its first bytes (4 KB are enough):
    None for content a reader may read."""
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return next((what for mark, what in _ZIP_KINDS if mark in head), "a ZIP archive") + ", not a supported input"
    for mark, what in _MAGIC + (_IMAGES if images else ()):
        if head.startswith(mark):
            return what + ", not a supported input"
    return None


def suffix_list() -> str:
    """The input suffixes as help and README name them: `.pdf .html .htm ...`."""
    return " ".join(SUFFIXES)


def sniff_format(path: str | Path, data: bytes) -> str:
    """The format by content first (a PDF named .txt is still a PDF), then by suffix. The first
    `HEAD` bytes of the content are enough."""
    for fmt in FORMATS:
        if fmt.sniff(data):
            return fmt.name
    return SUFFIXES.get(Path(path).suffix.lower(), FALLBACK)


PDF_ENGINES = ("pdfium", "pdfplumber")  # the PDF source's engines, the default first (`pdf/document`)


def read_layout(path: str | Path, data: bytes | None, source_file: str, *,
                pdf_engine: str | None = None) -> "Layout":
    """The layout of a file, read by the reader of its format. `data` is its content, or None
    to read it from `path`: a PDF is then read by pdfium from the file, page by page, and never
    held in memory whole. `pdf_engine` picks how a PDF's words are read: `pdfium` (the default)
    or `pdfplumber` (the reference, slower)."""
    if pdf_engine is not None and pdf_engine not in PDF_ENGINES:
        raise ValueError(f"unknown PDF engine {pdf_engine!r}: choose one of {', '.join(PDF_ENGINES)}")
    if data is None:
        with open(path, "rb") as fh:
            fmt = _BY_NAME[sniff_format(path, fh.read(HEAD))]
        if fmt.name != "pdf":
            data = Path(path).read_bytes()
    else:
        fmt = _BY_NAME[sniff_format(path, data)]
    return fmt.read(path, data, source_file, pdf_engine=pdf_engine if fmt.name == "pdf" else None)
