"""The output formats of a batch's tables, for the library and the CLI: csv (with
datapackage.json), parquet, duckdb (`extract.writers.output`). `require_formats` checks a
choice before a batch is converted: an unknown name raises UnknownFormat, a format whose library
is not installed MissingExtra (naming the pip extra)."""
from __future__ import annotations

from ..writers.output import FORMATS, MissingExtra, UnknownFormat, parse_formats, require_formats, write_outputs

__all__ = ["FORMATS", "MissingExtra", "UnknownFormat", "parse_formats", "require_formats", "write_outputs"]
