"""Editions: reading the documents `check`, `compare` and `series` work on.

An argument may be an input file, a folder of inputs (converted in memory, as `extract convert`
would), the output folder of `extract convert` (a folder holding `documents.csv` and `json/`,
read back from its JSON without reconverting), or one `json/<document>.json` file of it.

Part of the library API (`api/`): it loads, `api/analysis.py` then hands the Documents to the
checks (`extract.checks`), which never read paths. Their order in time (`publication_order`) is
a key of the checks (`checks/keys.py`).
"""
from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from pydantic import ValidationError

from ..models import Document
from .conversion import Batch, convert_batch
from .limits import DEFAULT_TIMEOUT
from .runs import Progress


class EditionsError(FileNotFoundError):
    """Paths that could not be read as editions: `problems` names each such path, `what` the
    argument they were given as (PATH, OLD, NEW); `found` counts the documents that were read.
    The message lists the problems, and says so when no document was found at all."""

    def __init__(self, problems: list[str], what: str = "PATH", found: int = 0):
        self.problems, self.what, self.found = list(problems), what, found
        super().__init__("; ".join(self.lines()))

    def lines(self) -> list[str]:
        return self.problems + ([] if self.found else [f"no documents found in {self.what}"])


def is_convert_output(folder: Path) -> bool:
    """True for a folder written by `extract convert` (documents.csv beside json/)."""
    return (folder / "documents.csv").is_file() and (folder / "json").is_dir()


def load_editions(paths: Iterable[str | Path], *, jobs: int = 1, timeout: float | None = DEFAULT_TIMEOUT,
                  progress: Progress | None = None) -> Batch:
    """Read every document named by `paths`: convert outputs from their JSON, other inputs by
    converting them (in `jobs` processes, 0: one per core; `progress` told of each). A document
    met twice (same id and content) is kept once. The batch's `problems` name the paths that could
    not be read; files of content no reader reads (`unsupported`) are no editions and left out."""
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
        converted = convert_batch(inputs, jobs=jobs, timeout=timeout, progress=progress)
        out.problems.extend(converted.problems)
        out.documents.extend(converted.documents)
    seen: set[tuple[str, str]] = set()
    unique = []
    for doc in out.documents:
        key = (doc.document_id, doc.sha256)
        if key not in seen:
            seen.add(key)
            unique.append(doc)
    out.documents = unique
    return out


def as_documents(inputs: Iterable[str | Path | Document] | str | Path | Document, *, jobs: int = 1,
                 what: str = "PATH", progress: Progress | None = None) -> list[Document]:
    """Documents from a mix of Documents and paths (paths read by `load_editions`, in `jobs`
    processes, `progress` told of each converted). Raises EditionsError when a path cannot be
    read, or when the paths were all that was given and they hold no document."""
    if isinstance(inputs, (str, Path, Document)):
        inputs = [inputs]
    docs: list[Document] = []
    paths: list[str | Path] = []
    for item in inputs:
        (docs if isinstance(item, Document) else paths).append(item)
    if paths:
        loaded = load_editions(paths, jobs=jobs, progress=progress)
        docs.extend(loaded.documents)
        if loaded.problems or not docs:
            raise EditionsError(loaded.problems, what, found=len(docs))
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
