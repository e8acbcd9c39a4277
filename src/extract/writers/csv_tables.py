"""The normalized tables of a batch: their rows (`table_rows`, typed Python values) and their CSV
form. UTF-8, `\n` line ends, documents in input order and records in document order, so the same
input gives the same bytes. The columns and their order are the catalogue's (`tables.py`)."""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from decimal import Decimal
from functools import cache
from pathlib import Path

from ..models import PROVENANCE_COLUMNS, Document, Provenance
from ..models.collector import without_collector
from ..models.values import format_decimal
from .atomic import write_atomic
from .tables import TABLES


@cache
def _where_keys(prefix: str, raw_text: bool) -> tuple[str, ...]:
    names = PROVENANCE_COLUMNS if raw_text else [n for n in PROVENANCE_COLUMNS if n != "raw_text"]
    return tuple(f"{prefix}_{n}" for n in names)


def _where(prefix: str, p: Provenance | None, raw_text: bool = True) -> dict:
    """The provenance columns of a record row (`goal_page`, ...); bbox as a tuple of four floats."""
    keys = _where_keys(prefix, raw_text)
    if p is None:
        return dict.fromkeys(keys)
    values = (p.page, p.line_start, p.line_end, p.element, p.bbox, p.raw) if raw_text else \
        (p.page, p.line_start, p.line_end, p.element, p.bbox)
    return dict(zip(keys, values))


def table_rows(doc: Document) -> dict[str, list[dict]]:
    """The rows `doc` gives each table, as dicts of typed values (str, int, Decimal, bool, a bbox
    tuple, or None), keyed by the catalogue's column names."""
    d = doc.document_id
    counts = doc.counts()
    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    rows["documents"].append({
        "document_id": d, "source_file": doc.source_file, "sha256": doc.sha256, "format": doc.format,
        "document_kind": doc.kind, "document_year": doc.year, "municipality": doc.municipality,
        "document_programme": doc.programme, "document_title": doc.title, "document_status": doc.status,
        "profile": doc.profile, "n_policy_areas": len(doc.policy_areas), "n_goals": counts["goals"],
        "n_performances": counts["performances"], "n_indicators": counts["indicators"],
        "n_values": counts["values"], "n_comparison_values": len(doc.comparison_values),
        "n_diagnostics": counts["diagnostics"]})
    for a in doc.policy_areas:
        rows["policy_areas"].append({"document_id": d, "code": a.code, "title": a.title, "programme": a.programme,
                                     **_where("policy_area", a.provenance)})
    for g in doc.goals:
        rows["goals"].append({"document_id": d, "policy_area_code": g.policy_area_code, "code": g.code,
                              "title": g.title, "description": g.description, **_where("goal", g.provenance)})
    for p in doc.performances:
        rows["performances"].append({"document_id": d, "goal_code": p.goal_code, "code": p.code, "title": p.title,
                                     "explanation": p.explanation, **_where("performance", p.provenance)})
    for i in doc.indicators:
        rows["indicators"].append({"document_id": d, "goal_code": i.goal_code, "code": i.code, "key": i.key,
                                   "name": i.name, "note": i.note, "unit": i.unit, "unit_label": i.unit_label,
                                   "source": i.source, **_where("indicator", i.provenance)})
    for table, figures in (("indicator_values", doc.values), ("comparison_values", doc.comparison_values)):
        own = table == "indicator_values"   # an IndicatorValue has a kind, a ComparisonValue a label
        for v in figures:
            rows[table].append({
                "document_id": d, "indicator_code": v.indicator_code, "indicator_key": v.indicator_key,
                "kind": v.kind if own else None, "label": None if own else v.label, "year": v.year,
                "value": v.value, "raw": v.raw, "status": v.status, "value_unit": v.unit,
                "comparator": v.comparator, "qualifier": v.qualifier, "markers": v.markers,
                **_where("value", v.provenance, raw_text=False)})
    for x in doc.diagnostics:
        p = x.provenance
        rows["diagnostics"].append({"document_id": d, "severity": x.severity, "diagnostic_code": x.code,
                                    "message": x.message, "location": x.location, "page": p and p.page,
                                    "line_start": p and p.line_start, "line_end": p and p.line_end,
                                    "element": p and p.element})
    return rows


@without_collector
def batch_rows(documents: Iterable[Document]) -> dict[str, list[dict]]:
    """The rows of every table for the documents, in document order."""
    merged: dict[str, list[dict]] = {name: [] for name in TABLES}
    for doc in documents:
        for name, rows in table_rows(doc).items():
            merged[name].extend(rows)
    return merged


def csv_text(value: object) -> str:
    """A typed cell as the CSV writes it: '' for None, decimals without exponent, booleans as
    true/false, a bbox as four numbers with two decimals."""
    kind = type(value)
    if kind is str:
        return value  # type: ignore[return-value]
    if value is None:
        return ""
    if kind is bool:
        return "true" if value else "false"
    if kind is Decimal:
        return format_decimal(value)  # type: ignore[arg-type]
    if kind is tuple:
        return " ".join(f"{x:.2f}" for x in value)  # type: ignore[attr-defined]
    return str(value)


def _csv_bytes(columns: list[str], lines: Iterable[list]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(columns)
    w.writerows(lines)   # None is written as an empty cell
    return buf.getvalue().encode("utf-8")


def render_csv(columns: list[str], rows: Iterable[dict]) -> bytes:
    """CSV of `rows` (dicts of cells) under `columns`; a missing or None cell is empty."""
    return _csv_bytes(columns, ([r.get(k) for k in columns] for r in rows))


# the column types whose cells csv_text writes otherwise than the csv module does (a string, an
# integer and None it writes as they are: str(), and '' for None)
_CONVERTED = frozenset({"decimal", "boolean", "bbox"})


def _csv_lines(table, rows: list[dict]):
    """The CSV cells of `rows` under the table's columns: only the decimal, boolean and bbox
    cells go through csv_text (a table of a million values has tens of millions of cells)."""
    columns = table.column_names
    converted = [k for k, c in enumerate(table.columns) if c.type in _CONVERTED]
    for r in rows:
        line = [r.get(k) for k in columns]
        for k in converted:
            if line[k] is not None:
                line[k] = csv_text(line[k])
        yield line


@without_collector
def write_csv_tables(out: Path, rows: dict[str, list[dict]]) -> list[Path]:
    """Write OUT/<table>.csv for every table of the catalogue from the batch's rows."""
    written = []
    for name, table in TABLES.items():
        path = Path(out) / f"{name}.csv"
        write_atomic(path, _csv_bytes(table.column_names, _csv_lines(table, rows[name])))
        written.append(path)
    return written


@without_collector
def write_tables(out: Path, documents: Iterable[Document]) -> list[Path]:
    """Write the CSV tables of `documents` into `out`."""
    return write_csv_tables(out, batch_rows(documents))
