"""The PDF source's memory does not grow with the file: a PDF is opened by pdfium from its path
(never read into memory whole, hashed as a stream), and the pdfium document pages are read from
is opened afresh every `REOPEN_EVERY` pages, which frees what pdfium parsed of the pages read so
far. Peak memory itself is measured by `bench/pdf_bench.py --big`, not here."""
from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pypdfium2
import pytest
from conftest import SAMPLES

import extract
from extract.sources import SourceError, read_layout
from extract.sources.pdf import document, opening
from extract.writers.json_docs import document_json

SAMPLE = SAMPLES / "pdf" / "jaarstukken-2019-3abc-onderwijs-money-tables.pdf"  # 4 pages


@pytest.fixture
def opened(monkeypatch) -> list:
    """What every pdfium document is opened from."""
    sources: list = []
    real = pypdfium2.PdfDocument

    def recording(source, *args, **kwargs):
        sources.append(source)
        return real(source, *args, **kwargs)
    monkeypatch.setattr(pypdfium2, "PdfDocument", recording)
    return sources


def test_a_pdf_is_opened_from_its_path_and_never_read_whole(monkeypatch, tmp_path, opened):
    given = document_json(extract.convert(SAMPLE, data=SAMPLE.read_bytes()))
    opened.clear()
    real_read_bytes = Path.read_bytes

    def read_bytes(path):
        assert path.suffix != ".pdf", f"{path} read into memory"
        return real_read_bytes(path)
    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    assert document_json(extract.convert(SAMPLE)) == given
    batch = extract.convert_batch([SAMPLE], out=tmp_path / "out")
    assert document_json(batch.documents[0]) == given
    assert opened and all(isinstance(source, Path) for source in opened), opened
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["documents"][0]["pages"] == 4  # counted by pdfium from the file too
    assert manifest["documents"][0]["sha256"] == hashlib.sha256(real_read_bytes(SAMPLE)).hexdigest()


def test_pages_read_from_reopened_documents_give_the_same_layout(monkeypatch, opened):
    once = read_layout(SAMPLE, None, str(SAMPLE))
    assert len(opened) == 1
    opened.clear()
    monkeypatch.setattr(document._Stream, "REOPEN_EVERY", 1)
    again = read_layout(SAMPLE, None, str(SAMPLE))
    assert len(opened) == 4  # the first page from the document opened first, each other from a fresh one
    assert again.blocks == once.blocks and again.diagnostics == once.diagnostics and again.title == once.title


def test_a_file_that_changes_while_it_is_read_is_a_reason_not_mixed_pages(monkeypatch, tmp_path):
    path = tmp_path / "report.pdf"
    shutil.copyfile(SAMPLE, path)
    monkeypatch.setattr(document._Stream, "REOPEN_EVERY", 2)

    def rewritten() -> None:  # between the pages read from one document and those read from the next
        with open(path, "ab") as fh:
            fh.write(b"\n% appended\n")
    monkeypatch.setattr(document, "_release_freed_memory", rewritten)
    doc = extract.convert(path)
    assert doc.status == "failed"
    assert [d.message for d in doc.diagnostics] == ["the file changed while it was being read"]


def test_reopening_a_changed_file_raises(tmp_path):
    path = tmp_path / "report.pdf"
    shutil.copyfile(SAMPLE, path)
    again = opening.reopener(path)
    again().close()
    path.write_bytes(SAMPLE.read_bytes() + b"\n")
    with pytest.raises(SourceError, match="changed while it was being read"):
        again()


def test_a_file_that_does_not_open_is_judged_from_its_bytes(tmp_path):
    """Opened from the path or given as bytes, a damaged file gets the same reason."""
    data = SAMPLE.read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[:len(data) // 2])
    from_path = extract.convert(path)
    from_bytes = extract.convert(path, data=path.read_bytes())
    assert document_json(from_path) == document_json(from_bytes)
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    assert document_json(extract.convert(path)) == document_json(extract.convert(path, data=path.read_bytes()))
