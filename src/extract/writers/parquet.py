"""The batch's tables as Parquet files (OUT/<table>.parquet, with pyarrow: the `parquet` extra),
typed as the catalogue says: text as string, years, pages, lines and counts as int64, values as
decimal128 (exact: the scale is the most decimals a value of the column has in the batch), a bbox
as a list of four doubles. Each field carries its description as metadata. The same rows as the
CSV, in the same order; the same input gives the same bytes."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from .atomic import write_atomic
from .tables import TABLES, Column, Table

if TYPE_CHECKING:
    import pyarrow as pa

DECIMAL_PRECISION = 38


class MissingExtra(ImportError):
    """An output format whose library is not installed; the message names the pip extra."""


def import_pyarrow():
    try:
        import pyarrow
    except ImportError as exc:
        raise MissingExtra("Parquet and DuckDB output need pyarrow: pip install 'extract[parquet]' "
                           "(or 'extract[duckdb]')") from exc
    return pyarrow


def import_duckdb():
    try:
        import duckdb
    except ImportError as exc:
        raise MissingExtra("DuckDB output needs duckdb: pip install 'extract[duckdb]'") from exc
    return duckdb


def decimal_scale(values: list[Decimal | None]) -> int:
    """The most digits after the point among `values` (0 for whole numbers or none)."""
    return max((max(0, -int(v.as_tuple().exponent)) for v in values if v is not None), default=0)


def arrow_type(column: Column, rows: list[dict]) -> "pa.DataType":
    pa = import_pyarrow()
    if column.type == "decimal":
        return pa.decimal128(DECIMAL_PRECISION, decimal_scale([r.get(column.name) for r in rows]))
    return {"string": pa.string(), "integer": pa.int64(), "boolean": pa.bool_(),
            "bbox": pa.list_(pa.float64(), 4)}[column.type]


def arrow_table(table: Table, rows: list[dict]) -> "pa.Table":
    """One table's rows as an Arrow table with the catalogue's types and descriptions."""
    pa = import_pyarrow()
    schema = pa.schema([pa.field(c.name, arrow_type(c, rows), nullable=not c.required,
                                 metadata={"description": c.description}) for c in table.columns],
                       metadata={"description": table.description})
    return pa.Table.from_pylist([{c: r.get(c) for c in table.column_names} for r in rows], schema=schema)


def write_parquet(out: Path, rows: dict[str, list[dict]]) -> list[Path]:
    """Write OUT/<table>.parquet for every table of the catalogue."""
    pa = import_pyarrow()
    import pyarrow.parquet as pq
    written = []
    for name, table in TABLES.items():
        sink = pa.BufferOutputStream()
        pq.write_table(arrow_table(table, rows[name]), sink)
        path = Path(out) / f"{name}.parquet"
        write_atomic(path, sink.getvalue().to_pybytes())
        written.append(path)
    return written
