"""The normalized CSV tables of a batch. UTF-8, `\n` line ends, documents in input order and
records in document order, so the same input gives the same bytes."""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from ..models import PROVENANCE_COLUMNS, Document, provenance_columns
from ..models.values import format_decimal
from .atomic import write_atomic

TABLES: dict[str, list[str]] = {
    "documents": ["document_id", "source_file", "sha256", "format", "kind", "year", "municipality",
                  "programme", "title", "status", "profile", "policy_areas", "goals", "performances", "indicators",
                  "values", "diagnostics"],
    "policy_areas": ["document_id", "code", "title", "programme"] + PROVENANCE_COLUMNS,
    "goals": ["document_id", "policy_area_code", "code", "title", "description"] + PROVENANCE_COLUMNS,
    "performances": ["document_id", "goal_code", "code", "title", "explanation"] + PROVENANCE_COLUMNS,
    "indicators": ["document_id", "goal_code", "code", "key", "name", "note", "unit", "unit_label",
                   "source"] + PROVENANCE_COLUMNS,
    "indicator_values": ["document_id", "indicator_code", "indicator_key", "kind", "year", "value", "raw",
                         "status", "unit", "comparator", "qualifier", "markers"] + PROVENANCE_COLUMNS,
    "comparison_values": ["document_id", "indicator_code", "indicator_key", "label", "year", "value", "raw",
                          "status", "unit", "comparator", "qualifier", "markers"] + PROVENANCE_COLUMNS,
    "diagnostics": ["document_id", "severity", "code", "message", "location"],
}


def table_rows(doc: Document) -> dict[str, list[dict]]:
    d = doc.document_id
    counts = doc.counts()
    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    rows["documents"].append({
        "document_id": d, "source_file": doc.source_file, "sha256": doc.sha256, "format": doc.format,
        "kind": doc.kind, "year": doc.year, "municipality": doc.municipality, "programme": doc.programme,
        "title": doc.title, "status": doc.status, "profile": doc.profile, "policy_areas": len(doc.policy_areas), **counts})
    for a in doc.policy_areas:
        rows["policy_areas"].append({"document_id": d, "code": a.code, "title": a.title,
                                     "programme": a.programme, **provenance_columns(a.provenance)})
    for g in doc.goals:
        rows["goals"].append({"document_id": d, "policy_area_code": g.policy_area_code, "code": g.code,
                              "title": g.title, "description": g.description, **provenance_columns(g.provenance)})
    for p in doc.performances:
        rows["performances"].append({"document_id": d, "goal_code": p.goal_code, "code": p.code,
                                     "title": p.title, "explanation": p.explanation, **provenance_columns(p.provenance)})
    for i in doc.indicators:
        rows["indicators"].append({"document_id": d, "goal_code": i.goal_code, "code": i.code, "key": i.key,
                                   "name": i.name, "note": i.note, "unit": i.unit, "unit_label": i.unit_label,
                                   "source": i.source, **provenance_columns(i.provenance)})
    for table, figures in (("indicator_values", doc.values), ("comparison_values", doc.comparison_values)):
        for v in figures:
            rows[table].append({
                "document_id": d, "indicator_code": v.indicator_code, "indicator_key": v.indicator_key,
                "kind": getattr(v, "kind", None), "label": getattr(v, "label", None), "year": v.year,
                "value": format_decimal(v.value), "raw": v.raw, "status": v.status, "unit": v.unit,
                "comparator": v.comparator, "qualifier": v.qualifier, "markers": v.markers,
                **provenance_columns(v.provenance)})
    for x in doc.diagnostics:
        rows["diagnostics"].append({"document_id": d, "severity": x.severity, "code": x.code,
                                    "message": x.message, "location": x.location})
    return rows


def render_csv(columns: list[str], rows: Iterable[dict]) -> bytes:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    w.writeheader()
    for r in rows:
        w.writerow({k: ("" if r.get(k) is None else r.get(k)) for k in columns})
    return buf.getvalue().encode("utf-8")


def write_tables(out: Path, documents: Iterable[Document]) -> list[Path]:
    merged: dict[str, list[dict]] = {name: [] for name in TABLES}
    for doc in documents:
        for name, rows in table_rows(doc).items():
            merged[name].extend(rows)
    written = []
    for name, columns in TABLES.items():
        path = Path(out) / f"{name}.csv"
        write_atomic(path, render_csv(columns, merged[name]))
        written.append(path)
    return written
