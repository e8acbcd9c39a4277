"""Writers: the batch's normalized CSV tables, one JSON file per document, the JSON Schema."""
from .csv_tables import TABLES, table_rows, write_tables
from .json_docs import write_document_json
from .schema import document_schema, write_schema

__all__ = ["TABLES", "table_rows", "write_tables", "write_document_json", "document_schema", "write_schema"]
