"""Converting files: one document (`convert`) or a batch (`convert_batch`), errors as data.

The library API's entry to the pipeline: a source reads the file into a layout (`sources/`), the
parser makes a Document of it (`parse/`), the conversion-time rules add their diagnostics
(`checks/at_conversion.py`), and a batch given an `out` folder is written as CSV tables and JSON
(`writers/`). The CLI's `extract convert` is one call of `convert_batch`; what a batch's inputs
and ids are is `api/inputs.py`, how it runs (executors, reuse, resume) `api/runs.py`.

A file that cannot be read or parsed becomes a Document with status 'failed' and an error
diagnostic naming the file, the page when known, and the reason; the rest of the batch goes on.
An empty file fails with `empty file`, content no reader reads (an Office document, a ZIP) with
`unsupported_format`, whatever its name. A bug met while converting one file (`internal_error`)
names where in the package it was raised.
"""
from __future__ import annotations

import gc
import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..checks.at_conversion import validate
from ..models import Document
from ..models.collector import collector_paused
from ..parse.document import parse_layout
from ..profiles.definition import ProfileError
from ..sources import HEAD, SUFFIXES, SourceError, not_an_input, read_layout, sniff_format
from ..writers import write_schema
from .inputs import collect, document_id
from .jobs import Options, failed_document, raised_at
from .manifest import file_sha256
from .limits import DEFAULT_TIMEOUT, ConversionTimeout, time_limit
from .runs import Batch, Progress, run

if TYPE_CHECKING:
    from ..profiles import Profile

LARGE_PAGE = 1_000_000   # bytes of HTML from which its tree is collected before the parse

__all__ = ["DEFAULT_TIMEOUT", "Batch", "ConversionTimeout", "ProfileError", "convert", "convert_batch", "raised_at",
           "write_schema"]


def convert(path: str | Path, *, document_id: str | None = None, timeout: float | None = None,
            source_file: str | None = None, profile: "str | Profile | None" = None,
            data: bytes | None = None, pdf_engine: str | None = None) -> Document:
    """Convert one file to a Document. Never raises for bad input: problems are diagnostics and
    the status says 'failed' when nothing could be read. The id defaults to the file's name (as a
    batch names a file given by itself); `profile` is a profile, its name or a .toml file (default:
    detected); `data` is the file's content when already read; `pdf_engine`: `pdfium` (default) or
    `pdfplumber` (the reference, slower)."""
    path = Path(path)
    source = source_file or str(path)
    doc_id = document_id or _id(path)
    fmt = SUFFIXES.get(path.suffix.lower(), "text")
    if data is None:
        try:
            data, head, sha = _read(path)
        except OSError as exc:
            return failed_document(doc_id, source, "", fmt, "unreadable_file", f"cannot read file: {exc.strerror or exc}")
    else:
        head, sha = data[:HEAD], hashlib.sha256(data).hexdigest()
    if not head:
        return failed_document(doc_id, source, sha, fmt, "empty_file", "empty file")
    unsupported = not_an_input(head)
    if unsupported:
        return failed_document(doc_id, source, sha, fmt, "unsupported_format", unsupported)
    try:
        with time_limit(timeout), collector_paused(sniff_format(path, head) != "pdf"):
            layout = read_layout(path, data, source, pdf_engine=pdf_engine)
            if layout.format == "html" and data is not None and len(data) > LARGE_PAGE:
                gc.collect()   # the parsed page's tree, a web of cycles, is not needed any more
            doc = parse_layout(layout, doc_id, sha, _profile(profile))
            doc.diagnostics.extend(validate(doc))
    except SourceError as exc:
        return failed_document(doc_id, source, sha, fmt, "unreadable_source", str(exc), page=exc.page)
    except OSError as exc:  # a file read from its path (a PDF) that went away after it was hashed
        return failed_document(doc_id, source, sha, fmt, "unreadable_file", f"cannot read file: {exc.strerror or exc}")
    except ConversionTimeout as exc:
        return failed_document(doc_id, source, sha, fmt, "timeout", str(exc))
    except RecursionError:
        return failed_document(doc_id, source, sha, fmt, "parse_error", "document nesting too deep to parse")
    except MemoryError:
        return failed_document(doc_id, source, sha, fmt, "parse_error", "out of memory while parsing")
    if any(d.severity == "error" for d in doc.diagnostics):
        doc.status = "partial"
    return doc


def _read(path: Path) -> tuple[bytes | None, bytes, str]:
    """The file's content, its first bytes and its sha256. A PDF's content is left unread (None):
    the PDF source reads its pages from the file (`read_layout`), hashed here as a stream, so a
    report of thousands of pages is never held in memory whole."""
    with open(path, "rb") as fh:
        head = fh.read(HEAD)
    if sniff_format(path, head) == "pdf":
        return None, head, file_sha256(path)
    data = path.read_bytes()
    return data, data[:HEAD], hashlib.sha256(data).hexdigest()


def _id(path: Path) -> str:
    return document_id(path.name) or "document"


def _profile(profile: "str | Profile | None") -> "Profile | None":
    if profile is None or not isinstance(profile, str):
        return profile
    from ..profiles import registry
    return registry.get(profile)


def convert_batch(paths: Iterable[str | Path], *, jobs: int = 1, timeout: float | None = DEFAULT_TIMEOUT,
                  out: str | Path | None = None, include: Sequence[str] = (), exclude: Sequence[str] = (),
                  profile: str | None = None, force: bool = False, executor: str = "local",
                  scheduler: str | None = None, keep: bool = True, progress: Progress | None = None,
                  formats: str | Iterable[str] = ("csv",), pdf_engine: str | None = None) -> Batch:
    """Convert every input under `paths` (files, and folders searched recursively; `include` and
    `exclude` globs pick among them: `api/inputs.py`) in `jobs` processes (0: one per core; never
    more than the cores available), on this machine or, with `executor='dask'`, on a Dask cluster
    (`scheduler`: its address; default a local one). Documents come back in input order.

    With `out`, each document's JSON is written to OUT/json/<id>.json as it is converted, then the
    tables in `formats` (csv, parquet, duckdb; `Batch.write`) and OUT/manifest.json: a rerun reuses the documents whose input, extractor and
    options are unchanged (`force` converts them again) and removes the outputs of inputs gone.
    `keep=False` keeps no Document in memory (the batch's `outcomes` still summarise each).
    `progress` is told of each document as it is done. The batch's `problems` name the paths that
    gave no document. Raises `ProfileError` for an unknown profile, `OutputBusy` when another run
    writes into `out`."""
    _profile(profile)  # an unknown profile raises ProfileError before anything is converted
    inputs = collect(paths, include=include, exclude=exclude, ignore=out)
    return run(inputs, convert, out=out, jobs=jobs, executor=executor, scheduler=scheduler,
               options=Options(timeout=timeout, profile=profile, pdf_engine=pdf_engine), force=force, keep=keep, progress=progress,
               formats=formats)
