"""JSON Schema of the document JSON, generated from the models (pydantic)."""
from __future__ import annotations

import json
from pathlib import Path

from ..models import Document
from .atomic import write_atomic

SCHEMA_FILE = "document.schema.json"


def document_schema() -> dict:
    schema = Document.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://github.com/extract/extract/schemas/document.schema.json"
    return schema


def schema_bytes() -> bytes:
    return (json.dumps(document_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")


def write_schema(folder: Path) -> Path:
    path = Path(folder) / SCHEMA_FILE
    write_atomic(path, schema_bytes())
    return path
