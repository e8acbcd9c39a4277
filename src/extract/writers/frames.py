"""A pandas DataFrame (findings, changes, series) as a CSV file, in the same form as the
convert tables: UTF-8, `\n` line ends, empty cells for missing values, exact decimals."""
from __future__ import annotations

import math
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from ..models.values import format_decimal
from .atomic import write_atomic
from .csv_tables import render_csv

if TYPE_CHECKING:
    import pandas as pd


def csv_cell(value: object) -> object:
    """One cell as the CSV shows it: '' for None/NaN, decimals without exponent, booleans as
    true/false."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, Decimal):
        return format_decimal(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def frame_csv(df: "pd.DataFrame") -> bytes:
    columns = [str(c) for c in df.columns]
    rows = ({c: csv_cell(v) for c, v in zip(columns, record)} for record in df.itertuples(index=False))
    return render_csv(columns, rows)


def write_frame(path: Path, df: "pd.DataFrame") -> Path:
    """Write `df` to `path` atomically."""
    write_atomic(Path(path), frame_csv(df))
    return Path(path)
