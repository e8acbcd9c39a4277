"""Converting files: one document (`convert`) or a batch (`convert_batch`), errors as data.

The library API's entry to the pipeline: a source reads the file into a layout (`sources/`), the
parser makes a Document of it (`parse/`), the conversion-time rules add their diagnostics
(`checks/at_conversion.py`), and a batch given an `out` folder is written as CSV tables and JSON
(`writers/`). The CLI's `extract convert` is one call of `convert_batch`.

A file that cannot be read or parsed becomes a Document with status 'failed' and an error
diagnostic naming the file, the page when known, and the reason; the rest of the batch goes on.
A bug met while converting one file (`internal_error`) names where in the package it was raised.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..checks.at_conversion import validate
from ..models import Diagnostic, Document, Provenance
from ..parse.document import parse_layout
from ..profiles import registry
from ..profiles.definition import Profile
from ..sources import SUFFIXES, SourceError, read_layout
from ..sources.faults import raised_in_our_code
from ..writers import write_document_json, write_outputs, write_schema
from .limits import DEFAULT_TIMEOUT, ConversionTimeout, default_jobs, time_limit

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["DEFAULT_TIMEOUT", "Batch", "ConversionTimeout", "convert", "convert_batch", "default_jobs",
           "document_id_for", "find_inputs", "iter_convert", "raised_at", "unique_ids", "write_schema"]


def find_inputs(paths: Iterable[str | Path]) -> tuple[list[Path], list[str]]:
    """Files named, and files under folders named (recursively: .html, .htm, .pdf, .txt), in a
    stable order. Returns (files, problems) where problems name paths that do not exist."""
    files: list[Path] = []
    problems: list[str] = []
    seen: set[Path] = set()
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted((f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES
                            and not f.name.endswith(".gold.json") and not _hidden(f, p)),
                           key=lambda f: f.as_posix())
        elif p.is_file():
            if p.suffix and p.suffix.lower() not in SUFFIXES:
                problems.append(f"{p}: not a supported input (.html, .htm, .pdf, .txt)")
                continue
            found = [p]
        else:
            problems.append(f"{p}: no such file or folder")
            continue
        for f in found:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                files.append(f)
    return files, problems


def _hidden(f: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in f.relative_to(root).parts)


def document_id_for(path: Path) -> str:
    return re.sub(r"[^\w.-]+", "_", path.stem) or "document"


def convert(path: str | Path, *, document_id: str | None = None, timeout: float | None = None,
            source_file: str | None = None, profile: "str | Profile | None" = None) -> Document:
    """Convert one file to a Document. Never raises for bad input: problems are diagnostics and
    the status says 'failed' when nothing could be read. `profile` (a name, a .toml path or a
    Profile) forces the document shape; by default it is detected from the text (raises
    ProfileError for an unknown one)."""
    shape = registry.get(profile) if isinstance(profile, str) else profile
    path = Path(path)
    source = source_file or str(path)
    doc_id = document_id or document_id_for(path)
    fmt = SUFFIXES.get(path.suffix.lower(), "text")
    try:
        data = path.read_bytes()
    except OSError as exc:
        return _failed(doc_id, source, "", fmt, "unreadable_file", f"cannot read file: {exc.strerror or exc}")
    sha = hashlib.sha256(data).hexdigest()
    try:
        with time_limit(timeout):
            layout = read_layout(path, data, source)
            doc = parse_layout(layout, doc_id, sha, profile=shape)
            doc.diagnostics.extend(validate(doc))
    except SourceError as exc:
        return _failed(doc_id, source, sha, fmt, "unreadable_source", str(exc), page=exc.page)
    except ConversionTimeout as exc:
        return _failed(doc_id, source, sha, fmt, "timeout", str(exc))
    except RecursionError:
        return _failed(doc_id, source, sha, fmt, "parse_error", "document nesting too deep to parse")
    except MemoryError:
        return _failed(doc_id, source, sha, fmt, "parse_error", "out of memory while parsing")
    if any(d.severity == "error" for d in doc.diagnostics):
        doc.status = "partial"
    return doc


def _failed(doc_id: str, source: str, sha: str, fmt: str, code: str, message: str,
            page: int | None = None) -> Document:
    prov = Provenance(source_file=source, page=page)
    return Document(document_id=doc_id, source_file=source, sha256=sha,
                    format=fmt if fmt in ("html", "pdf", "text") else "text", status="failed",
                    diagnostics=[Diagnostic(severity="error", code=code, message=message,
                                            location=prov.location(), provenance=prov)])


def raised_at(exc: BaseException) -> str | None:
    """Where `exc` was raised in this package: the innermost frame of its traceback that is ours,
    as `extract/parse/grid.py:87 in grid_row` (None when no frame is ours). The form the sources'
    own internal_error uses (`sources/faults.py`)."""
    where = raised_in_our_code(exc, libraries=())
    return str(where) if where is not None else None


def _convert_guarded(args: tuple[str, str, float | None, str, str | None]) -> Document:
    """The per-file job: anything unexpected becomes a failed document, not a dead batch."""
    path, doc_id, timeout, source, profile = args
    try:
        return convert(path, document_id=doc_id, timeout=timeout, source_file=source, profile=profile)
    except Exception as exc:  # the batch boundary: report the bug as data, go on with the rest
        where = raised_at(exc)
        return _failed(doc_id, source, "", SUFFIXES.get(Path(path).suffix.lower(), "text"),
                       "internal_error", f"{type(exc).__name__}: {exc}" + (f" at {where}" if where else ""))


@dataclass
class Batch:
    """The documents of a batch, in input order, and the paths that gave none (`problems`)."""

    documents: list[Document] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def failed(self) -> list[Document]:
        return [d for d in self.documents if d.status == "failed"]

    def to_frames(self) -> "dict[str, pd.DataFrame]":
        """The batch's tables as typed pandas DataFrames, one per table (`documents`, `goals`,
        `indicator_values`, ...), with the columns of the CSV tables (see `extract.writers.frames`)."""
        from ..writers.frames import batch_frames
        return batch_frames(self.documents)

    def write(self, out: str | Path, formats: str | Iterable[str] = ("csv",)) -> list[Path]:
        """Write the batch's tables into `out` in `formats` (csv, parquet, duckdb; see
        `extract.writers.output`); returns the files written."""
        return write_outputs(out, self.documents, formats)


def unique_ids(files: list[Path]) -> list[str]:
    """Document ids from file names, made unique within the batch with the parent folder."""
    ids = [document_id_for(f) for f in files]
    counts: dict[str, int] = {}
    for i in ids:
        counts[i] = counts.get(i, 0) + 1
    out = []
    used: set[str] = set()
    for f, i in zip(files, ids):
        candidate = i
        if counts[i] > 1:
            candidate = document_id_for(Path(f.parent.name + "_" + f.name)) if f.parent.name else i
            n = 2
            base = candidate
            while candidate in used:
                candidate = f"{base}-{n}"
                n += 1
        used.add(candidate)
        out.append(candidate)
    return out


def iter_convert(files: list[Path], *, jobs: int = 1, timeout: float | None = DEFAULT_TIMEOUT,
                 profile: str | None = None) -> Iterator[Document]:
    """Convert files in order, in `jobs` processes; yields documents in input order. `profile`
    (a name or .toml path) forces the document shape of every file."""
    ids = unique_ids(files)
    tasks = [(str(f), i, timeout, str(f), profile) for f, i in zip(files, ids)]
    if jobs <= 1 or len(tasks) <= 1:
        for t in tasks:
            yield _convert_guarded(t)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(_convert_guarded, tasks, chunksize=1)


def convert_batch(paths: Iterable[str | Path], *, jobs: int = 1, timeout: float | None = DEFAULT_TIMEOUT,
                  out: str | Path | None = None, on_document: Callable[[Document], None] | None = None,
                  profile: str | None = None, formats: str | Iterable[str] = ("csv",)) -> Batch:
    """Convert every input under `paths` (files, and folders searched recursively) in input
    order, in `jobs` processes (0: one per core for large batches). With `out`, each document's
    JSON is written to OUT/json/ as it is converted and the CSV tables to OUT/ at the end, as
    `extract convert` does. `on_document` is called with each document as it is done. The
    batch's `problems` name the paths that do not exist or are not inputs. `profile` forces the
    document shape (a name or .toml path; ProfileError when unknown). `formats`: the table
    formats to write (csv, parquet, duckdb; `Batch.write`)."""
    if profile is not None:
        registry.get(profile)   # an unknown profile is a usage error, before any work
    files, problems = find_inputs(paths)
    batch = Batch(problems=problems)
    for doc in iter_convert(files, jobs=jobs or default_jobs(len(files)), timeout=timeout, profile=profile):
        if out is not None:
            write_document_json(Path(out), doc)
        batch.documents.append(doc)
        if on_document:
            on_document(doc)
    if out is not None:
        batch.write(out, formats)
    return batch
