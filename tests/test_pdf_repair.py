"""Rebuilding a truncated PDF costs what the file holds, not what its object numbers claim."""
from __future__ import annotations

import tracemalloc

import pypdfium2 as pdfium

import extract
from extract.sources.pdf.repair import cross_references, rebuild_truncated

# 110 bytes, cut before its xref; its one page object claims the number 9999999. Sizing the
# rebuilt xref by that number took ten million entries (480 MB, seconds) for one page.
HUGE_NUMBER = (b"%PDF-1.4\n9999999 0 obj\n<< /Type /Page /MediaBox [0 0 595 842] >>\nendobj\n"
               b"1 0 obj\n<< /Length 0 >>\nendobj\n2 0 obj")


def test_a_huge_object_number_does_not_size_the_rebuilt_xref():
    assert len(HUGE_NUMBER) == 110
    tracemalloc.start()
    try:
        rebuilt = rebuild_truncated(HUGE_NUMBER)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 2_000_000, f"peak {peak} bytes"
    assert rebuilt is not None
    data, pages = rebuilt
    assert pages == 1 and len(data) < 1_000
    assert data.count(b" n \n") == 4  # objects 1 and 9999999, the page tree and the catalog


def test_a_sparse_numbering_rebuilds_into_a_pdf_pdfium_reads():
    # (pdfium before pypdfium2 5 refuses numbers near ten million, whatever the xref says)
    rebuilt = rebuild_truncated(HUGE_NUMBER.replace(b"9999999 0 obj", b"  99999 0 obj"))
    assert rebuilt is not None
    pdf = pdfium.PdfDocument(rebuilt[0])
    try:
        assert len(pdf) == 1
    finally:
        pdf.close()


def test_such_a_file_converts_to_a_reason(tmp_path):
    path = tmp_path / "cut.pdf"
    path.write_bytes(HUGE_NUMBER)
    doc = extract.convert(path)
    assert doc.status == "failed"
    assert "truncated PDF" in doc.diagnostics[0].message


def test_the_xref_has_one_subsection_per_run_of_numbers():
    table = cross_references({1: (0, 10), 2: (0, 20), 7: (1, 30)})
    assert table == (b"xref\n0 1\n0000000000 65535 f \n"
                     b"1 2\n0000000010 00000 n \n0000000020 00000 n \n"
                     b"7 1\n0000000030 00001 n \n")
