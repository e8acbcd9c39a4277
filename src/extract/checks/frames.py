"""Typed DataFrames of the checks' results (findings, changes, series): each column gets the
pandas dtype its values have, not `object` — text `string`, years, pages and counts `Int64`,
values and similarities `Float64`, flags `boolean` — with `pd.NA` for a missing cell. The exact
decimals stay in the Documents; the CSV of a frame prints each float by its shortest form (5.7)."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd


def typed_frame(rows: Sequence[Mapping], dtypes: Mapping[str, str]) -> "pd.DataFrame":
    """`rows` as a DataFrame with the columns of `dtypes`, in its order, each of its dtype
    (Decimal values become floats for a Float64 column; '' is missing in a column of numbers)."""
    import pandas as pd
    data = {}
    for name, dtype in dtypes.items():
        cells = [r.get(name) for r in rows]
        if dtype != "string":
            cells = [None if isinstance(v, str) and v == "" else v for v in cells]
        if dtype == "Float64":
            cells = [float(v) if isinstance(v, Decimal) else v for v in cells]
        data[name] = pd.Series(cells, dtype=dtype)
    return pd.DataFrame(data, columns=list(dtypes))


def text(*names: str) -> dict[str, str]:
    return dict.fromkeys(names, "string")
