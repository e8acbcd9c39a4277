"""Writing a batch's tables in the formats asked for: the one entry the library and the CLI call
(`write_outputs`), so every format gets the same rows.

  csv      OUT/<table>.csv and OUT/datapackage.json (the default)
  parquet  OUT/parquet/<table>.parquet, with real types (needs the `parquet` extra: pyarrow)
  duckdb   OUT/extract.duckdb, one database with the same tables, keys and types (the `duckdb` extra)
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..models import Document
from ..models.collector import without_collector
from .csv_tables import batch_rows, write_csv_tables
from .data_package import write_data_package
from .parquet import MissingExtra, import_duckdb, import_pyarrow

FORMATS = ("csv", "parquet", "duckdb")

__all__ = ["FORMATS", "MissingExtra", "UnknownFormat", "parse_formats", "require_formats", "write_outputs"]


class UnknownFormat(ValueError):
    """A table format that is not one of FORMATS."""


def parse_formats(formats: str | Iterable[str]) -> tuple[str, ...]:
    """Formats from `csv,parquet` or a list of names, in FORMATS order, each once; an unknown name
    raises UnknownFormat (a ValueError) naming the known ones."""
    names = formats.split(",") if isinstance(formats, str) else list(formats)
    names = [n.strip().lower() for n in names if n.strip()]
    unknown = [n for n in names if n not in FORMATS]
    if unknown or not names:
        raise UnknownFormat(f"unknown format {', '.join(unknown) or '(none)'}; formats: {', '.join(FORMATS)}")
    return tuple(f for f in FORMATS if f in names)


def require_formats(formats: str | Iterable[str]) -> tuple[str, ...]:
    """The formats parsed (`parse_formats`), after checking that their libraries import: raises
    MissingExtra (an ImportError naming the pip extra) before any work is done."""
    chosen = parse_formats(formats)
    if "parquet" in chosen or "duckdb" in chosen:
        import_pyarrow()
    if "duckdb" in chosen:
        import_duckdb()
    return chosen


@without_collector
def write_outputs(out: str | Path, documents: Iterable[Document],
                  formats: str | Iterable[str] = ("csv",)) -> list[Path]:
    """Write the tables of `documents` into `out` in each of `formats`; returns the files written."""
    chosen = parse_formats(formats)
    out = Path(out)
    rows = batch_rows(documents)
    written: list[Path] = []
    if "csv" in chosen:
        written += write_csv_tables(out, rows)
        written.append(write_data_package(out, rows))
    if "parquet" in chosen:
        from .parquet import write_parquet
        written += write_parquet(out, rows)
    if "duckdb" in chosen:
        from .database import write_duckdb
        written.append(write_duckdb(out, rows))
    return written
