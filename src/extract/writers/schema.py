"""JSON Schema of the document JSON, generated from the models (pydantic): every field described
(the models' field docstrings), with a stable `$id` that names the schema's version, not the
package's: it changes only when the JSON changes incompatibly."""
from __future__ import annotations

import json
from pathlib import Path

from ..models import Document
from .atomic import write_atomic

SCHEMA_FILE = "document.schema.json"
SCHEMA_VERSION = 1
SCHEMA_ID = f"urn:extract:schema:document:v{SCHEMA_VERSION}"


def _one_line(node: object) -> None:
    """Descriptions on one line (the docstrings they come from are wrapped)."""
    if isinstance(node, dict):
        if isinstance(node.get("description"), str):
            node["description"] = " ".join(node["description"].split())
        for value in node.values():
            _one_line(value)
    elif isinstance(node, list):
        for value in node:
            _one_line(value)


def document_schema() -> dict:
    """The JSON Schema (draft 2020-12) of one `json/<document_id>.json` file."""
    schema = Document.model_json_schema(mode="serialization")
    _one_line(schema)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    return schema


def schema_bytes() -> bytes:
    return (json.dumps(document_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")


def write_schema(folder: Path) -> Path:
    path = Path(folder) / SCHEMA_FILE
    write_atomic(path, schema_bytes())
    return path
