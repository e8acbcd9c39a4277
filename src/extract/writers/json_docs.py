"""One JSON file per document: the Document model, values as exact decimal strings."""
from __future__ import annotations

from pathlib import Path

from ..models import Document
from .atomic import write_atomic


def document_json(doc: Document) -> bytes:
    return (doc.model_dump_json(indent=2) + "\n").encode("utf-8")


def write_document_json(out: Path, doc: Document) -> Path:
    path = Path(out) / "json" / f"{doc.document_id}.json"
    write_atomic(path, document_json(doc))
    return path
