"""Editions: the documents `check`, `compare` and `series` work on, and their order in time.

An argument may be an input file, a folder of inputs (converted in memory, as `extract convert`
would), the output folder of `extract convert` (a folder holding `documents.csv` and `json/`,
read back from its JSON without reconverting), or one `json/<document>.json` file of it.
"""
from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from pydantic import ValidationError

from .convert import DEFAULT_TIMEOUT, Batch, default_jobs, find_inputs, iter_convert
from .models import Document

# When an edition is published, as a fraction of a year: the budget for year Y comes out in
# the autumn of Y-1, a progress report during Y, the annual report in the spring of Y+1.
_PUBLISHED = {"begroting": -0.25, "voortgangsrapportage": 0.5, "bestuursrapportage": 0.6,
              "jaarstukken": 1.4, "other": 0.0}


def is_convert_output(folder: Path) -> bool:
    """True for a folder written by `extract convert` (documents.csv beside json/)."""
    return (folder / "documents.csv").is_file() and (folder / "json").is_dir()


def load_editions(paths: Iterable[str | Path], *, jobs: int = 1,
                  timeout: float | None = DEFAULT_TIMEOUT) -> Batch:
    """Read every document named by `paths`: convert outputs from their JSON, other inputs by
    converting them (in `jobs` processes; 0: one per core for large batches). A document met twice (same id and content) is kept once. The batch's
    `problems` name the paths that could not be read."""
    out = Batch()
    inputs: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir() and is_convert_output(p):
            _read_output(p, out)
        elif p.is_file() and p.suffix.lower() == ".json":
            _read_json(p, out)
        else:
            inputs.append(p)
    if inputs:
        files, problems = find_inputs(inputs)
        out.problems.extend(problems)
        out.documents.extend(iter_convert(files, jobs=jobs or default_jobs(len(files)), timeout=timeout))
    seen: set[tuple[str, str]] = set()
    unique = []
    for doc in out.documents:
        key = (doc.document_id, doc.sha256)
        if key not in seen:
            seen.add(key)
            unique.append(doc)
    out.documents = unique
    return out


def as_documents(inputs: Iterable[str | Path | Document] | str | Path | Document) -> list[Document]:
    """Documents from a mix of Documents and paths, for the library functions; paths that
    cannot be read raise FileNotFoundError naming them."""
    if isinstance(inputs, (str, Path, Document)):
        inputs = [inputs]
    docs: list[Document] = []
    paths: list[str | Path] = []
    for item in inputs:
        (docs if isinstance(item, Document) else paths).append(item)
    if paths:
        loaded = load_editions(paths)
        if loaded.problems:
            raise FileNotFoundError("; ".join(loaded.problems))
        docs.extend(loaded.documents)
    return docs


def _read_output(folder: Path, out: Batch) -> None:
    with open(folder / "documents.csv", encoding="utf-8", newline="") as fh:
        ids = [row["document_id"] for row in csv.DictReader(fh)]
    for doc_id in ids:
        _read_json(folder / "json" / f"{doc_id}.json", out)


def _read_json(path: Path, out: Batch) -> None:
    try:
        out.documents.append(Document.model_validate_json(path.read_bytes()))
    except OSError as exc:
        out.problems.append(f"{path}: cannot read: {exc.strerror or exc}")
    except ValidationError as exc:
        out.problems.append(f"{path}: not a document JSON written by extract convert "
                            f"({exc.error_count()} validation errors)")


def publication_order(doc: Document) -> tuple[float, str]:
    """A sort key that puts editions in the order they were published (budget 2019, autumn
    2018, comes after annual report 2017, spring 2018); documents without a year first."""
    if doc.year is None:
        return (float("-inf"), doc.document_id)
    return (doc.year + _PUBLISHED.get(doc.kind, 0.0), doc.document_id)


def edition_label(doc: Document) -> str:
    """A short human name for an edition: `begroting 2019`, `jaarstukken 2017`."""
    year = f" {doc.year}" if doc.year is not None else ""
    return f"{doc.kind}{year}"
