"""The batch's tables as one DuckDB database (OUT/extract.duckdb: the `duckdb` extra), with the
same tables, columns and rows as the CSV, typed as the Parquet files (DECIMAL values, BIGINT
years, ENUM kinds and statuses), the primary keys, the foreign keys the batch holds (as in
datapackage.json), and every table and column commented with its description.

The rows are loaded through Arrow (`parquet.arrow_table`), so the decimals stay exact. The file is
built under a temporary name and renamed into place. Its content is the same for the same input;
its bytes need not be (DuckDB's storage format is its own)."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .data_package import holding_keys
from .parquet import arrow_table, import_duckdb
from .tables import TABLES, Column, Table

DATABASE_FILE = "extract.duckdb"

_SQL_TYPES = {"string": "VARCHAR", "integer": "BIGINT", "boolean": "BOOLEAN", "bbox": "DOUBLE[4]"}


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def enum_types() -> dict[tuple[str, ...], str]:
    """One ENUM type per set of allowed values, named for the first column that has it."""
    types: dict[tuple[str, ...], str] = {}
    for table in TABLES.values():
        for c in table.columns:
            if c.enum and c.enum not in types:
                name = f"{c.name}_enum"
                types[c.enum] = name if name not in types.values() else f"{table.name}_{c.name}_enum"
    return types


def _column_sql(column: Column, arrow_field, enums: dict[tuple[str, ...], str]) -> str:
    if column.enum:
        sql_type = enums[column.enum]
    elif column.type == "decimal":
        sql_type = f"DECIMAL({arrow_field.type.precision}, {arrow_field.type.scale})"
    else:
        sql_type = _SQL_TYPES[column.type]
    return f"{column.name} {sql_type}" + (" NOT NULL" if column.required else "")


def create_table_sql(table: Table, arrow, rows: dict[str, list[dict]], enums: dict[tuple[str, ...], str]) -> str:
    parts = [_column_sql(c, arrow.schema.field(c.name), enums) for c in table.columns]
    if table.primary_key:
        parts.append(f"PRIMARY KEY ({', '.join(table.primary_key)})")
    for fk in holding_keys(table, rows)[0]:
        parts.append(f"FOREIGN KEY ({', '.join(fk.fields)}) REFERENCES {fk.table} ({', '.join(fk.reference)})")
    return f"CREATE TABLE {table.name} (\n  " + ",\n  ".join(parts) + "\n)"


def write_duckdb(out: Path, rows: dict[str, list[dict]]) -> Path:
    """Write OUT/extract.duckdb holding every table of the catalogue."""
    duckdb = import_duckdb()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    target = out / DATABASE_FILE
    folder = Path(tempfile.mkdtemp(prefix=f".{DATABASE_FILE}.", dir=out))
    path = folder / DATABASE_FILE
    try:
        con = duckdb.connect(str(path))
        try:
            enums = enum_types()
            for values, name in enums.items():
                con.execute(f"CREATE TYPE {name} AS ENUM ({', '.join(map(_quote, values))})")
            for name, table in TABLES.items():
                arrow = arrow_table(table, rows[name])
                con.execute(create_table_sql(table, arrow, rows, enums))
                con.register("batch_rows", arrow)
                con.execute(f"INSERT INTO {name} SELECT * FROM batch_rows")
                con.unregister("batch_rows")
                con.execute(f"COMMENT ON TABLE {name} IS {_quote(table.description)}")
                for c in table.columns:
                    con.execute(f"COMMENT ON COLUMN {name}.{c.name} IS {_quote(c.description)}")
            con.execute("CHECKPOINT")
        finally:
            con.close()
        os.replace(path, target)
    finally:
        for leftover in folder.iterdir():
            leftover.unlink()
        folder.rmdir()
    return target
