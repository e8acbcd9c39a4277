"""The two PDF engines: pdfium (the default) against pdfplumber (the reference). On every sample
PDF both give the same records, field by field; boxes may differ by rounding (pdfium keeps
character boxes in single precision), by at most half a point."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from conftest import SAMPLES, run_cli

from extract.api.conversion import convert
from extract.sources import read_layout

PDFS = sorted((SAMPLES / "pdf").glob("*.pdf"))
RECORDS = ("policy_areas", "goals", "performances", "indicators", "values", "comparison_values")
BOX_TOLERANCE = 0.5


def _records(path: Path, engine: str) -> dict:
    doc = json.loads(convert(path, pdf_engine=engine).model_dump_json())
    return {k: doc[k] for k in RECORDS} | {"status": doc["status"], "kind": doc["kind"], "year": doc["year"]}


def _differences(a, b, where: str = "") -> list[str]:
    """Where two JSON values differ; boxes (4 numbers under `bbox`) within the tolerance."""
    if isinstance(a, dict) and isinstance(b, dict):
        out = [f"{where}.{k}: only in one" for k in set(a) ^ set(b)]
        for k in a.keys() & b.keys():
            if k == "bbox" and a[k] and b[k]:
                if max(abs(x - y) for x, y in zip(a[k], b[k])) > BOX_TOLERANCE:
                    out.append(f"{where}.bbox: {a[k]} != {b[k]}")
            else:
                out += _differences(a[k], b[k], f"{where}.{k}")
        return out
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return [f"{where}: {len(a)} != {len(b)} items"]
        return [d for k, (x, y) in enumerate(zip(a, b)) for d in _differences(x, y, f"{where}[{k}]")]
    return [] if a == b else [f"{where}: {a!r} != {b!r}"]


@pytest.mark.parametrize("sample", PDFS, ids=[p.stem[:40] for p in PDFS])
def test_both_engines_give_the_same_records(sample: Path):
    reference = _records(sample, "pdfplumber")
    fast = _records(sample, "pdfium")
    assert sum(len(reference[k]) for k in RECORDS) > 0
    assert _differences(reference, fast) == []


def test_the_default_engine_is_pdfium_and_an_unknown_one_is_refused():
    sample = PDFS[0]
    data = sample.read_bytes()
    assert read_layout(sample, data, str(sample)).blocks == read_layout(sample, data, str(sample),
                                                                          pdf_engine="pdfium").blocks
    with pytest.raises(ValueError, match="unknown PDF engine"):
        read_layout(sample, data, str(sample), pdf_engine="mupdf")


def test_cli_takes_the_engine(tmp_path):
    sample = SAMPLES / "pdf" / "jaarstukken-2017-9a-9b-leiden-seed002.pdf"
    for engine in ("pdfium", "pdfplumber"):
        out = tmp_path / engine
        result = run_cli("convert", str(sample), "--out", str(out), "--pdf-engine", engine, "--quiet")
        assert result.returncode == 0, result.stderr
    def values(engine: str) -> list[tuple]:
        with open(tmp_path / engine / "indicator_values.csv", encoding="utf-8") as f:
            return [(r["indicator_key"], r["kind"], r["year"], r["value"], r["raw"]) for r in csv.DictReader(f)]

    assert values("pdfium") == values("pdfplumber") and len(values("pdfium")) == 30
    result = run_cli("convert", str(sample), "--out", str(tmp_path / "x"), "--pdf-engine", "mupdf")
    assert result.returncode == 2
