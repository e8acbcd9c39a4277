"""One JSON file per document: the Document model, values as exact decimal strings."""
from __future__ import annotations

from pathlib import Path

from ..models import Document
from .atomic import write_atomic


def document_json(doc: Document) -> bytes:
    # bytes straight from the serializer: a large document's JSON is not held twice (str, then bytes)
    return doc.__pydantic_serializer__.to_json(doc, indent=2) + b"\n"


def write_document_json(out: Path, doc: Document) -> Path:
    path = Path(out) / "json" / f"{doc.document_id}.json"
    write_atomic(path, document_json(doc))
    return path
