"""The entry of the PDF source (`sources/pdf`): annual reports (jaarstukken) and printable
budgets to the common layout.

1. pypdfium2 opens the file, from its path: pdfium reads what it needs as it goes, and the file
   is never held in memory whole (`opening`; encrypted, corrupt and empty files stop here with a
   reason; a truncated one is rebuilt by `repair`).
2. Every page is read, in order, by the engine: positioned words and ruling lines, from pdfium's
   characters and path objects (`pdfium_page`, the default) or from pdfplumber (`plumber`, the
   reference, `--pdf-engine pdfplumber`). No page is skipped: an indicator table needs no code or
   keyword to be found. Running headers, footers and page numbers are left out (`furniture`).
3. The shared geometry (`sources/geometry`) turns the lines of each page into headings,
   paragraphs and tables: the Doel | Prestatie table and indicator tables as grids of cells,
   across page breaks; money tables left out.

Pages are streamed: each page's words and lines are released once its blocks are made, so the
memory a conversion needs does not grow with the words of the pages read; and the pages are
read from a pdfium document opened afresh every `_Stream.REOPEN_EVERY` pages, since pdfium
keeps what it parsed of every page read until its document is closed. (What is left to grow
is pdfium's page lookup: to find page i in a flat page tree it parses the dictionaries of the
pages before it, ~2 KB a page.) What must be known
before the first page (the body type size, the running headers) is read off a sample of up to
16 pages spread over the document (every page of a short one).

Every line carries its page and the box of its words, which become the provenance of records.
A page that the PDF libraries cannot read is an `unreadable_page` warning; an exception raised by
our own code is an `internal_error` (a bug, not damage in the file: `sources/faults`).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pypdfium2 as pdfium

from ...layout import Layout
from ...models import Diagnostic, Provenance
from ...profiles.documents import DOCUMENT_KIND_WORDS
from .. import SourceError
from ..geometry.blocks import PageReader
from ...profiles.codes import policy_area_line
from ..geometry.vocabulary import holds_records
from ..geometry.words import Rulings, TextLine, group_lines
from .furniture import OTHER_NUMBERS, RunningText, drop_furniture, is_page_number, sample_pages
from .plumber import MALFORMED, page_failure, pass_on_interruptions, unreadable_page
from .opening import open_pdf, reason_of, reopener

from .. import PDF_ENGINES as ENGINES

DEFAULT_ENGINE = ENGINES[0]

PageLines = tuple[int, list[TextLine], Rulings]
_PROGRAMME = re.compile(r"^(?:programma|thema|hoofdstuk|deelprogramma)\b", re.IGNORECASE)  # (1-based page number, lines, rulings)


def engine_pages(engine: str, pdf: pdfium.PdfDocument, diagnostics: list[Diagnostic], source_file: str):
    if engine == "pdfplumber":
        from .plumber import PlumberPages
        return PlumberPages(pdf, diagnostics, source_file)
    if engine == "pdfium":
        from .pdfium_page import PdfiumPages
        return PdfiumPages(pdf, diagnostics, source_file)
    raise ValueError(f"unknown PDF engine {engine!r}: choose one of {', '.join(ENGINES)}")


def read_pdf(path: str, data: bytes | None, source_file: str, pdf_engine: str | None = None) -> Layout:
    """The layout of the PDF `data`, or of the file at `path` when `data` is None (read by pdfium
    from the file: the content is not held in memory)."""
    engine = pdf_engine or DEFAULT_ENGINE
    if engine not in ENGINES:
        raise ValueError(f"unknown PDF engine {engine!r}: choose one of {', '.join(ENGINES)}")
    source = data if data is not None else Path(path)
    again = reopener(source)
    pdf, repaired = open_pdf(source)
    running: RunningText | None = None
    pages = None
    try:
        layout = Layout(source_file=source_file, format="pdf")
        read_diagnostics: list[Diagnostic] = []
        pages = engine_pages(engine, pdf, read_diagnostics, source_file)
        samples = sample_pages(pdf)
        running = RunningText(pdf, samples)
        reopen = again if engine == "pdfium" and not repaired else None
        stream = _Stream(pdf, pages, running, read_diagnostics, source_file, reopen)
        metadata_title = _metadata_title(pdf)  # read now: the stream may close `pdf` (`_Stream`)
        reader = PageReader(stream.body_size(samples), source_file)
        geometry_failures: list[Diagnostic] = []
        keep = _Keep(reader)
        for number, lines, rulings in stream:
            start = len(reader.blocks)
            _read_page(reader, lines, rulings, number, geometry_failures, source_file)
            keep.page(number, start, lines)
        keep.done()
        reader.finish()
        if not stream.pages_with_text:
            _no_text(stream, repaired)
        if repaired:
            layout.diagnostics.append(Diagnostic(severity="warning", code="truncated_file", message=repaired,
                                                 location=source_file))
        _page_diagnostics(stream, layout, source_file)
        layout.diagnostics.extend(read_diagnostics)
        layout.diagnostics.extend(geometry_failures)
        layout.blocks = reader.blocks
        layout.diagnostics.extend(reader.diagnostics)
        layout.title = _title(metadata_title, stream.dropped)
        if keep.left_out:
            layout.diagnostics.append(Diagnostic(
                severity="info", code="prose_left_out",
                message=f"left out the text of {keep.left_out} page(s) with no table, record or goal or indicator "
                        f"section on them or the pages beside them (headings naming a programme or policy "
                        f"area kept)",
                location=source_file))
        if stream.dropped:
            dropped = stream.dropped
            example = max((t for t in dropped if t != OTHER_NUMBERS), key=lambda t: (dropped[t], t))
            layout.diagnostics.append(Diagnostic(
                severity="info", code="page_furniture_removed",
                message=f"left out {sum(dropped.values())} running header/footer lines such as '{example}'",
                location=source_file))
        return layout
    finally:
        if pages is not None:
            pages.close()
        if running is not None:
            running.close()
        pdf.close()


class _Keep:
    """What of the pages read goes into the layout: every page's tables and headings, and the
    paragraphs of the first pages (title, municipality) and of pages that hold a table, a
    record line or a goal or indicator section heading, or stand beside one. The paragraphs of
    the other pages (a chapter of prose) are left out, and so are their headings except those
    that place what follows (programme, policy area, record section), so that the layout, and
    the parser's memory, grow with what a document has to say, not with its page count."""

    FIRST = 2  # pages kept whole at the start

    def __init__(self, reader: PageReader):
        self.reader = reader
        self.pending: list[tuple[int, int, bool]] = []  # (page, first block, relevant), the last two
        self.left_out = 0

    def page(self, number: int, start: int, lines: list[TextLine]) -> None:
        blocks = self.reader.blocks
        relevant = any(b.kind == "table" for b in blocks[start:]) \
            or (self.reader.state is not None and self.reader.state.page == number) \
            or any(holds_records(line.text) for line in lines)
        self.pending.append((number, start, relevant))
        if len(self.pending) == 3:
            self._settle(self.pending[0][2] or self.pending[2][2])

    def done(self) -> None:
        if len(self.pending) >= 2:
            self._settle(self.pending[0][2])
        if self.pending:
            self.pending = [(0, 0, False)] + self.pending
            self._settle(False)

    def _settle(self, neighbour: bool) -> None:
        """Decide on the middle page of the three pending ones."""
        number, start, relevant = self.pending[1]
        blocks = self.reader.blocks
        end = self.pending[2][1] if len(self.pending) > 2 else len(blocks)
        if not (relevant or neighbour or number <= self.FIRST):
            kept = [b for b in blocks[start:end] if b.kind == "table" or (b.kind == "heading" and _structure(b))]
            if len(kept) < end - start:
                self.left_out += 1
                blocks[start:end] = kept
                shift = end - start - len(kept)
                self.pending[2:] = [(n, s - shift, r) for n, s, r in self.pending[2:]]
        self.pending.pop(0)


def _structure(block) -> bool:
    """A heading that places what follows: a programme or policy area (`Programma 9 ...`,
    `Beleidsterrein 9A ...`), or one that holds a record or opens a record section."""
    text = block.text
    return bool(_PROGRAMME.match(text)) or bool(policy_area_line(text)) or holds_records(text)


class _Stream:
    """The lines of every page in order, read by the engine one page at a time; what the pages
    say about themselves (scanned, unreadable, rotated text) is noted on the way."""

    REOPEN_EVERY = 200  # pages: pdfium keeps what it parsed of a document until it is closed

    def __init__(self, pdf: pdfium.PdfDocument, engine, running: RunningText, diagnostics: list[Diagnostic],
                 source_file: str, reopen=None):
        self.pdf, self.engine, self.running = pdf, engine, running
        self.reopen = reopen  # a fresh pdfium document of the same file, to read pages from
        self.reading = pdf
        self.diagnostics, self.source_file = diagnostics, source_file
        self.scanned: list[int] = []             # 1-based pages with images but no text
        self.unreadable: dict[int, str] = {}     # 1-based page -> reason pdfium gave
        self.pages_with_text = 0                 # pages pdfium finds characters on
        self.dropped: dict[str, int] = {}        # running header/footer text -> times left out
        self._cache: dict[int, PageLines | None] = {}

    def body_size(self, samples: list[int]) -> float:
        """The font size most characters of the sampled pages are set in: what a heading is
        bigger than. The sampled pages are kept for the stream, not read twice."""
        counts: Counter = Counter()
        for index in samples:
            got = self._cache[index] = self._page(index)
            for line in (got[1] if got else []):
                for w in line.words:
                    counts[round(w.size, 1)] += len(w.text)
        return counts.most_common(1)[0][0] if counts else 10.0

    def __iter__(self) -> Iterator[PageLines]:
        n = len(self.pdf)
        try:
            for index in range(n):
                if self.reopen is not None and index and index % self.REOPEN_EVERY == 0:
                    if self.reading is self.pdf:  # one document open at a time: its page tree
                        self.reading = None        # costs memory with the page count
                        self.pdf.close()
                    self._switch(None)
                    _release_freed_memory()
                    self._switch(self.reopen())
                got = self._cache.pop(index) if index in self._cache else self._page(index)
                if got is not None:
                    yield got
        finally:
            self._switch(None)

    def _switch(self, pdf: pdfium.PdfDocument) -> None:
        """Read the next pages from `pdf`, closing the copy read so far (not the original)."""
        if self.reading is not None and self.reading is not self.pdf:
            self.reading.close()
        self.reading = pdf

    def _page(self, index: int) -> PageLines | None:
        number = index + 1
        try:
            page = self.reading[index]
        except pdfium.PdfiumError as exc:
            self.unreadable[number] = _reason(exc)
            return None
        textpage = None
        try:
            try:
                textpage = page.get_textpage()
                has_text = bool(textpage.count_chars())
            except pdfium.PdfiumError as exc:
                self.unreadable[number] = _reason(exc)
                return None
            if not has_text:
                if _has_images(page):
                    self.scanned.append(number)
                return None
            self.pages_with_text += 1
            try:
                words, rotated, rulings = self.engine.read(index, page, textpage)
                x0, y0, x1, y1 = page.get_mediabox()
                height = y1 - y0 if page.get_rotation() % 180 == 0 else x1 - x0
                upright = not page.get_rotation() % 360
                lines = drop_furniture(group_lines(words, number), float(height), index,
                                       self.running if upright else None, self.dropped)
            except MALFORMED as exc:
                pass_on_interruptions(exc)
                self.diagnostics.append(page_failure(exc, self.source_file, number))
                return None
        finally:
            if textpage is not None:
                textpage.close()
            page.close()
        if rotated:
            self.diagnostics.append(Diagnostic(
                severity="info", code="rotated_text_left_out",
                message=f"left out {rotated} words set at an angle on page {number}",
                location=f"{self.source_file}, page {number}",
                provenance=Provenance(source_file=self.source_file, page=number)))
        return number, lines, rulings


def _release_freed_memory() -> None:
    """Give the memory of the documents just closed back to the system (glibc keeps freed
    memory for reuse, so a document opened after another would add its page tree on top)."""
    try:
        import ctypes
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _reason(exc: BaseException) -> str:
    return reason_of(str(exc))


def _has_images(page: pdfium.PdfPage) -> bool:
    return any(True for _ in page.get_objects(filter=[pdfium.raw.FPDF_PAGEOBJ_IMAGE], max_depth=2))


def _no_text(stream: _Stream, repaired: str | None) -> None:
    """SourceError when no page has any text: a scan (images only) or an empty file."""
    if repaired:  # the cut left page objects but none of their text
        raise SourceError(f"{repaired.split(';')[0]}; no text is left in its complete pages")
    if stream.scanned:
        raise SourceError("no text layer: scanned PDFs need OCR, which is not supported")
    if stream.unreadable:
        page, reason = next(iter(stream.unreadable.items()))
        raise SourceError(f"no page could be read ({reason})", page=page)
    raise SourceError("no text on any page")


def _read_page(reader: PageReader, lines: list[TextLine], rulings: Rulings, number: int,
               failures: list[Diagnostic], source_file: str) -> None:
    """The blocks of one page; a bug in the geometry is an internal error on that page, and the
    next page starts afresh."""
    try:
        reader.read(lines, rulings, number)
    except MALFORMED as exc:
        failures.append(page_failure(exc, source_file, number))
        reader.forget_open_table()


def _page_diagnostics(stream: _Stream, layout: Layout, source_file: str) -> None:
    if stream.scanned:
        scanned = stream.scanned
        pages = ", ".join(map(str, scanned[:10])) + (" ..." if len(scanned) > 10 else "")
        layout.diagnostics.append(Diagnostic(
            severity="warning", code="no_text_layer",
            message=f"{len(scanned)} page(s) without a text layer (scanned: OCR is not supported): {pages}",
            location=f"{source_file}, page {scanned[0]}",
            provenance=Provenance(source_file=source_file, page=scanned[0])))
    layout.diagnostics.extend(unreadable_page(source_file, page, reason)
                              for page, reason in stream.unreadable.items())


def _metadata_title(pdf: pdfium.PdfDocument) -> str:
    try:
        return (pdf.get_metadata_dict().get("Title") or "").strip()
    except pdfium.PdfiumError:
        return ""


def _title(title: str, dropped: dict[str, int]) -> str | None:
    """The document title: the PDF's Title when it names the document, else the running header."""
    if title and DOCUMENT_KIND_WORDS.search(title):
        return title
    for text in sorted(dropped, key=lambda t: -dropped[t]):
        if text != OTHER_NUMBERS and not is_page_number(text) and DOCUMENT_KIND_WORDS.search(text):
            return text
    return None
