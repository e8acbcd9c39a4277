"""A bug in our own code is never passed off as a damaged page: an exception raised by our PDF
code while a page is read is an `internal_error` (severity error, document `partial`) naming the
file, the page and the code location; only what the PDF libraries raise stays `unreadable_page`."""
from __future__ import annotations

import io
import re

from conftest import SAMPLES
from test_pdf_hostile import text_pdf

import extract
import extract.sources.geometry.blocks as geometry_blocks
import extract.sources.pdf.furniture as furniture
import extract.sources.pdf.document as pdf_document
import extract.sources.pdf.plumber as plumber
from extract.sources.faults import raised_in_our_code
from extract.sources.geometry.words import group_lines
from pdfminer.psparser import PSEOF, PSBaseParser

SAMPLE = SAMPLES / "pdf" / "jaarstukken-2017-9a-9b-leiden-seed002.pdf"


def _internal_errors(doc):
    return [d for d in doc.diagnostics if d.code == "internal_error"]


def test_a_key_error_of_our_code_is_an_internal_error_not_a_damaged_page(monkeypatch):
    def broken(words, page):
        raise KeyError("x0")

    monkeypatch.setattr(pdf_document, "group_lines", broken)
    doc = extract.convert(SAMPLE)
    assert not [d for d in doc.diagnostics if d.code == "unreadable_page"], doc.diagnostics
    errors = _internal_errors(doc)
    assert errors and all(d.severity == "error" for d in errors)
    first = errors[0]
    assert first.location == f"{SAMPLE}, page 1"
    assert str(SAMPLE) in first.message and "page 1" in first.message
    assert "KeyError: 'x0'" in first.message
    # the frame of our package where it was raised: module file:line and function
    assert re.search(r"at extract/sources/pdf/document\.py:\d+ in _page\b", first.message), first.message
    assert doc.status == "partial"


def test_the_location_is_the_frame_of_our_code_that_raised(monkeypatch):
    """A TypeError deep in our furniture code names that function, not the page loop."""
    monkeypatch.setattr(furniture, "BAND", None)  # height * None: a TypeError in drop_furniture
    doc = extract.convert(SAMPLE)
    errors = _internal_errors(doc)
    assert errors, doc.diagnostics
    assert re.search(r"TypeError: .* at extract/sources/pdf/furniture\.py:\d+ in drop_furniture\b",
                     errors[0].message), errors[0].message
    assert doc.status == "partial"
    assert not [d for d in doc.diagnostics if d.code == "unreadable_page"]


def test_a_bug_in_the_shared_geometry_is_an_internal_error_of_its_page(monkeypatch):
    def broken(lines, size):
        raise IndexError("list index out of range")

    monkeypatch.setattr(geometry_blocks, "prose_blocks", broken)
    doc = extract.convert(SAMPLE)  # the conversion goes on: a result, not a traceback
    errors = _internal_errors(doc)
    assert errors, doc.diagnostics
    assert re.search(r"page \d+$", errors[0].location)
    assert "IndexError" in errors[0].message and "extract/sources/geometry/blocks.py:" in errors[0].message
    assert doc.status == "partial"


def test_damage_in_the_file_stays_an_unreadable_page(tmp_path):
    path = tmp_path / "box.pdf"
    path.write_bytes(text_pdf([b"[0 0 595 842]", b"[0 0 595]", b"[0 0 595 842]"]))
    doc = extract.convert(path, pdf_engine="pdfplumber")  # pdfium reads that page
    assert doc.status == "ok"
    assert any(d.code == "unreadable_page" and d.severity == "warning" for d in doc.diagnostics)
    assert not _internal_errors(doc)


def test_who_raised_is_read_off_the_traceback():
    try:
        group_lines([None], 1)  # our code failing on what it was given
    except AttributeError as exc:
        where = raised_in_our_code(exc, plumber.PDF_LIBRARIES)
    assert where is not None and where.module == "extract.sources.geometry.words"
    assert str(where).startswith("extract/sources/geometry/words.py:")
    try:
        PSBaseParser(io.BytesIO(b"")).nexttoken()  # pdfminer at the end of a damaged stream
    except PSEOF as exc:
        assert raised_in_our_code(exc, plumber.PDF_LIBRARIES) is None
