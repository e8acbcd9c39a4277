"""`datapackage.json` beside the CSV tables: a Frictionless Tabular Data Package describing every
table (its fields typed and described, enums for kinds and statuses, primary and foreign keys), so
that open-data portals, `frictionless validate` and other tools read the bundle without guessing.

The descriptor is made from the table catalogue (`tables.py`), which the Parquet and DuckDB
writers read too; the tests validate it, and the CSVs against it, with the frictionless library.

A foreign key is declared when every row of the batch holds it: values always name an indicator
of their document, but a performance may name a goal its document lacks (an orphan, reported as
`orphan_performance`), and an indicator printed without a code has no goal. A batch with such rows
gets the key left out, and the resource's description says which key and how many rows, so the
package stays valid and says what does not join.
"""
from __future__ import annotations

import json
from pathlib import Path

from .atomic import write_atomic
from .tables import TABLES, Column, ForeignKey, Table

DATA_PACKAGE_FILE = "datapackage.json"

_TYPES = {"string": "string", "integer": "integer", "decimal": "number", "boolean": "boolean", "bbox": "string"}
_BBOX_PATTERN = r"-?\d+(\.\d+)? -?\d+(\.\d+)? -?\d+(\.\d+)? -?\d+(\.\d+)?"


def field_descriptor(column: Column) -> dict:
    """The Table Schema field of a column."""
    field: dict = {"name": column.name, "type": _TYPES[column.type], "description": column.description}
    constraints: dict = {}
    if column.required:
        constraints["required"] = True
    if column.enum:
        constraints["enum"] = list(column.enum)
    if column.type == "bbox":
        constraints["pattern"] = _BBOX_PATTERN
        field["description"] += " Written as four numbers separated by spaces."
    if column.type == "boolean":
        field.update(trueValues=["true"], falseValues=["false"])
    if constraints:
        field["constraints"] = constraints
    return field


def broken_rows(fk: ForeignKey, rows: list[dict], referenced: list[dict]) -> int:
    """How many `rows` do not hold `fk`: a value missing in the referenced table, or only some of
    its fields empty (frictionless skips a row only when all of them are)."""
    keys = {tuple(r[f] for f in fk.reference) for r in referenced}
    broken = 0
    for r in rows:
        cells = tuple(r.get(f) for f in fk.fields)
        if all(c is None for c in cells):
            continue
        if any(c is None for c in cells) or cells not in keys:
            broken += 1
    return broken


def holding_keys(table: Table, rows: dict[str, list[dict]]) -> tuple[list[ForeignKey], list[str]]:
    """The foreign keys of `table` every row holds, and a note on each one left out."""
    held, notes = [], []
    for fk in table.foreign_keys:
        broken = broken_rows(fk, rows[table.name], rows[fk.table])
        if broken:
            notes.append(f"Not declared: the foreign key ({', '.join(fk.fields)}) -> {fk.table}, which {broken} "
                         f"row{'s' if broken > 1 else ''} of this batch do{'es' if broken == 1 else ''} not hold.")
        else:
            held.append(fk)
    return held, notes


def resource_descriptor(table: Table, rows: dict[str, list[dict]]) -> dict:
    """The data resource of one CSV table, with the foreign keys the batch holds."""
    keys, notes = holding_keys(table, rows)
    schema: dict = {"fields": [field_descriptor(c) for c in table.columns], "missingValues": [""]}
    if table.primary_key:
        schema["primaryKey"] = list(table.primary_key)
    if keys:
        schema["foreignKeys"] = [{"fields": list(fk.fields),
                                  "reference": {"resource": fk.table, "fields": list(fk.reference)}} for fk in keys]
    return {"name": table.name, "path": f"{table.name}.csv", "profile": "tabular-data-resource",
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "description": " ".join([table.description, *notes]), "schema": schema}


def data_package(rows: dict[str, list[dict]]) -> dict:
    """The descriptor of a batch's CSV tables (`rows`: the batch's rows per table)."""
    return {
        "profile": "tabular-data-package",
        "name": "extract-batch",
        "title": "Goals, performances and effect indicators of Dutch municipal budget documents",
        "description": "Written by extract convert: one row per document, policy area, goal, performance, "
                       "indicator, value and diagnostic, each record with where it was read (file, page, lines, "
                       "element, bounding box) and the text it was read from.",
        "resources": [resource_descriptor(t, rows) for t in TABLES.values()],
    }


def write_data_package(out: Path, rows: dict[str, list[dict]]) -> Path:
    """Write OUT/datapackage.json for the batch's CSV tables."""
    path = Path(out) / DATA_PACKAGE_FILE
    text = json.dumps(data_package(rows), indent=2, ensure_ascii=False) + "\n"
    write_atomic(path, text.encode("utf-8"))
    return path
