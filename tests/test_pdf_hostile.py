"""Hostile PDFs: encrypted, corrupt, truncated, image-only (no text layer), and the sample PDFs
with bytes flipped or cut off. Every file yields output or a failed document with a diagnostic
(file, reason), within the time limit, and no traceback escapes."""
from __future__ import annotations

import random
import time
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES, run_cli
from fuzzing.pdfbuild import pdf_bytes

import extract

PDFS = sorted((SAMPLES / "pdf").glob("*.pdf"))
DATA = ROOT / "tests" / "data" / "pdf"
LIMIT = 20.0  # seconds per document in these tests


def image_only_pdf() -> bytes:
    """One page holding a picture and no text: what a scanner makes."""
    pixels = bytes(range(0, 256, 16)) * 4
    content = b"q 400 0 0 600 100 100 cm /Im1 Do Q"
    return pdf_bytes([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
         b"/Resources << /XObject << /Im1 5 0 R >> >> >>"),
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length %d >>\nstream\n" % len(pixels) + pixels + b"\nendstream",
    ])


def text_pdf(media_boxes: list[bytes]) -> bytes:
    """Pages of text (a goal table row each), with the given MediaBox arrays."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    kids = []
    for k, box in enumerate(media_boxes):
        content = b"BT /F1 10 Tf 72 700 Td (9A%d Inwoners doen mee) Tj ET" % (k + 1)
        kids.append(len(objects) + 1)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox %s /Contents %d 0 R "
                       b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (box, len(objects) + 2, len(objects) + 3))
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % n for n in kids), len(kids))
    return pdf_bytes(objects)


def _failed_with(doc, *words: str) -> str:
    assert doc.status == "failed"
    errors = [d for d in doc.diagnostics if d.severity == "error"]
    assert errors, doc.diagnostics
    message = errors[0].message
    assert all(w in message for w in words), message
    assert errors[0].location.startswith(doc.source_file)
    return message


def test_encrypted_pdf_says_so():
    _failed_with(extract.convert(DATA / "encrypted.pdf"), "encrypted")


def test_image_only_pdf_needs_ocr(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(image_only_pdf())
    _failed_with(extract.convert(path), "no text layer: scanned PDFs need OCR, which is not supported")


def test_corrupt_pdf_says_so(tmp_path):
    path = tmp_path / "corrupt.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(random.Random(4).getrandbits(8) for _ in range(3000)))
    _failed_with(extract.convert(path), "PDF")


def test_empty_and_not_a_pdf_say_so(tmp_path):
    (tmp_path / "empty.pdf").write_bytes(b"")
    (tmp_path / "note.pdf").write_bytes(b"Beleidsterrein 9A, zie de website")
    _failed_with(extract.convert(tmp_path / "empty.pdf"), "empty file")
    _failed_with(extract.convert(tmp_path / "note.pdf"), "not a PDF")


def test_truncated_pdf_gives_output_or_a_reason(tmp_path):
    data = (SAMPLES / "pdf" / "jaarstukken-2017-9a-9b-leiden-seed002.pdf").read_bytes()
    for cut in (20, len(data) // 3, len(data) - 40):
        path = tmp_path / f"cut{cut}.pdf"
        path.write_bytes(data[:cut])
        doc = extract.convert(path)
        if doc.status == "failed":
            _failed_with(doc, "truncated PDF")
        else:
            assert doc.format == "pdf"


def test_truncated_pdf_keeps_its_complete_pages(tmp_path):
    data = (SAMPLES / "pdf" / "jaarstukken-2017-9a-9b-leiden-seed002.pdf").read_bytes()
    path = tmp_path / "download.pdf"
    path.write_bytes(data[:len(data) * 95 // 100])
    doc = extract.convert(path)
    assert doc.status == "ok"
    assert {g.code for g in doc.goals} == {"9A1", "9B1", "9B2"}
    assert any(d.code == "truncated_file" and d.severity == "warning" for d in doc.diagnostics)


def test_a_page_pdfplumber_cannot_list_does_not_take_the_others_down(tmp_path):
    path = tmp_path / "box.pdf"
    path.write_bytes(text_pdf([b"[0 0 595 842]", b"[0 0 595]", b"[0 0 595 842]"]))
    doc = extract.convert(path, pdf_engine="pdfplumber")
    assert doc.status == "ok"
    assert {g.code for g in doc.goals} >= {"9A1", "9A3"}
    assert any(d.code == "unreadable_page" and "page 2" in d.location for d in doc.diagnostics)
    doc = extract.convert(path)  # pdfium reads the page with a broken MediaBox as a default page
    assert doc.status == "ok" and {g.code for g in doc.goals} == {"9A1", "9A2", "9A3"}


def test_a_pathological_file_becomes_a_timeout_diagnostic(monkeypatch):
    """A page that never finishes (simulated: a page read forever) stops at the limit."""
    import extract.sources.pdf.document as pdf_source

    def forever(*args, **kwargs):
        while True:
            time.sleep(0.01)

    monkeypatch.setattr(pdf_source._Stream, "_page", forever)
    doc = extract.convert(SAMPLES / "pdf" / "jaarstukken-2019-3abc-onderwijs-money-tables.pdf", timeout=0.5)
    assert doc.status == "failed"
    assert doc.diagnostics[0].code == "timeout"
    assert "jaarstukken-2019-3abc" in doc.diagnostics[0].location


def mutations(data: bytes, seed: int) -> list[tuple[str, bytes]]:
    """Cut-off copies and copies with bytes flipped, the same for the same seed."""
    rng = random.Random(seed)
    out = [(f"cut{n}", data[:n]) for n in (len(data) // 4, len(data) // 2, len(data) * 9 // 10, len(data) - 200)]
    for k, flips in enumerate((1, 1, 2, 3, 5, 8, 20, 60)):
        flipped = bytearray(data)
        for _ in range(flips):
            i = rng.randrange(len(flipped))
            flipped[i] ^= 1 << rng.randrange(8)
        out.append((f"flip{k}", bytes(flipped)))
    return out


@pytest.mark.parametrize("sample", PDFS, ids=[p.stem[:30] for p in PDFS])
def test_flipped_and_truncated_bytes_never_escape(sample: Path, tmp_path):
    for name, data in mutations(sample.read_bytes(), seed=len(sample.name)):
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(data)
        start = time.monotonic()
        doc = extract.convert(path, timeout=LIMIT)
        assert time.monotonic() - start < LIMIT + 5, name
        assert doc.status in ("ok", "partial", "failed"), name
        if doc.status == "failed":
            assert doc.diagnostics and doc.diagnostics[0].message, name


def test_cli_reports_broken_pdfs_without_a_traceback(tmp_path):
    data = (SAMPLES / "pdf" / "jaarstukken-2017-9a-9b-leiden-seed002.pdf").read_bytes()
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "cut.pdf").write_bytes(data[:len(data) // 2])
    (tmp_path / "in" / "scan.pdf").write_bytes(image_only_pdf())
    (tmp_path / "in" / "locked.pdf").write_bytes((DATA / "encrypted.pdf").read_bytes())
    (tmp_path / "in" / "empty.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    result = run_cli("convert", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--timeout", "30")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert "scanned PDFs need OCR" in result.stderr
    assert "encrypted" in result.stderr
