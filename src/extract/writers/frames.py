"""Tables as pandas DataFrames, and DataFrames as CSV.

`batch_frames` gives the batch's tables (`Batch.to_frames()`) as typed DataFrames with the CSV's
columns: text as `string`, counts, years, pages and lines as `Int64`, values as `Float64`
(the exact decimals are in the CSV, JSON, Parquet and DuckDB outputs), flags as `boolean`, a
bbox as a tuple of four floats; missing cells are `pd.NA`. `write_frame` writes a DataFrame
(findings, changes, series) in the same CSV form as the convert tables: UTF-8, `\n` line ends,
empty cells for missing values, decimals without exponent."""
from __future__ import annotations

import math
import numbers
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from ..models import Document
from ..models.values import format_decimal
from .atomic import write_atomic
from .csv_tables import batch_rows, render_csv
from .tables import TABLES, Table

if TYPE_CHECKING:
    import pandas as pd

DTYPES = {"string": "string", "integer": "Int64", "decimal": "Float64", "boolean": "boolean", "bbox": "object"}


def table_frame(table: Table, rows: list[dict]) -> "pd.DataFrame":
    """One table's rows as a DataFrame with the catalogue's columns and dtypes."""
    import pandas as pd
    data = {}
    for c in table.columns:
        cells = [r.get(c.name) for r in rows]
        if c.type == "decimal":
            cells = [None if v is None else float(v) for v in cells]
        data[c.name] = pd.Series(cells, dtype=DTYPES[c.type]) if cells else pd.Series([], dtype=DTYPES[c.type])
    return pd.DataFrame(data, columns=table.column_names)


def batch_frames(documents: Iterable[Document]) -> "dict[str, pd.DataFrame]":
    """Every table of the batch as a typed DataFrame, keyed by table name."""
    rows = batch_rows(documents)
    return {name: table_frame(table, rows[name]) for name, table in TABLES.items()}


def csv_cell(value: object) -> object:
    """One cell as the CSV shows it: '' for None/NA/NaN, numbers without exponent (a float by
    its shortest form: 5.7, 12400), booleans as true/false."""
    import numpy as np
    import pandas as pd
    if value is None or value is pd.NA:
        return ""
    if isinstance(value, (bool, np.bool_)):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format_decimal(value)
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        f = float(value)
        if math.isnan(f):
            return ""
        text = format_decimal(Decimal(repr(f)))
        return text.rstrip("0").rstrip(".") if "." in text else text
    return value


def frame_csv(df: "pd.DataFrame") -> bytes:
    columns = [str(c) for c in df.columns]
    rows = ({c: csv_cell(v) for c, v in zip(columns, record)} for record in df.itertuples(index=False))
    return render_csv(columns, rows)


def write_frame(path: Path, df: "pd.DataFrame") -> Path:
    """Write `df` to `path` atomically."""
    write_atomic(Path(path), frame_csv(df))
    return Path(path)
