"""Writers: the batch's tables (CSV with datapackage.json, Parquet, DuckDB; `output.write_outputs`
picks the formats), their catalogue (`tables.py`), typed DataFrames of them, one JSON file per
document, the JSON Schema."""
from .csv_tables import table_rows, write_tables
from .json_docs import write_document_json
from .output import FORMATS, MissingExtra, UnknownFormat, parse_formats, require_formats, write_outputs
from .schema import document_schema, write_schema
from .tables import TABLES

__all__ = ["FORMATS", "TABLES", "MissingExtra", "UnknownFormat", "document_schema", "parse_formats",
           "require_formats", "table_rows", "write_document_json", "write_outputs", "write_schema", "write_tables"]
