"""The per-document job of a batch, as a worker runs it: files in, JSON bytes and a summary out.

A `Task` names one input (index in the batch, id, path; the content itself when the worker may
not see the file, as on a Dask cluster). `run_tasks` converts a list of them in a worker, one
after the other, with the conversion function it is handed (`extract.api.conversion.convert`,
passed by reference so this module needs not import it), and returns a `Done` per task: the
document's JSON exactly as `json/<id>.json` holds it, and what the batch reports of it (status,
counts, diagnostics by severity, error lines, pages). The worker serialises the document, so the
process that gathers the results only writes bytes.

Anything unexpected becomes a failed document (`internal_error`, naming where our code raised);
`crashed` and `timed_out` make the failed document of a task whose worker died or hung.
"""
from __future__ import annotations

import hashlib
import os
import resource
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..models import Diagnostic, Document, Provenance
from ..sources import SUFFIXES
from ..sources.faults import raised_in_our_code
from ..writers.json_docs import document_json
from .manifest import file_sha256

SEVERITIES = ("error", "warning", "info")
# failures that say nothing about the file (the machine, the pool): a rerun tries it again
TRANSIENT = ("worker_crashed", "timeout")
GRACE = 30.0  # seconds past a job's time limit before its worker is killed


@dataclass(frozen=True)
class Options:
    """The conversion options a batch hands every job; all of them shape the output, so they key
    the manifest's reuse (`key`). `profile` is a profile name or a .toml file (None: detected)."""

    timeout: float | None = None
    profile: str | None = None
    pdf_engine: str | None = None  # None: the default (pdfium)

    def key(self) -> dict:
        """What of the options decides the output (the timeout does not)."""
        key: dict = {"profile": self.profile}
        if self.pdf_engine not in (None, "pdfium"):
            key["pdf_engine"] = self.pdf_engine
        if self.profile and self.profile.endswith(".toml") and Path(self.profile).is_file():
            key["profile_sha256"] = hashlib.sha256(Path(self.profile).read_bytes()).hexdigest()
        return key


@dataclass(frozen=True)
class Task:
    index: int
    document_id: str
    path: str
    size: int = 0
    data: bytes | None = None   # the content, when the worker cannot read `path`

    @property
    def source_file(self) -> str:
        return self.path


@dataclass
class Done:
    """One converted document as the batch reports it; `json` is its JSON file's bytes."""

    index: int
    document_id: str
    source_file: str
    sha256: str
    status: str
    json: bytes
    count: dict[str, int] = field(default_factory=dict)
    severities: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)   # "location: message" of each error
    pages: int = 1
    retry: bool = False      # failed for a reason outside the file: convert it again next run
    peak_kb: int = 0         # the worker's peak resident memory after this document
    pid: int = 0             # the worker's process id
    cpu_s: float = 0.0       # the worker's CPU seconds (user + system) after this document
    reused: bool = False     # taken from the last run's output, not converted

    def counts(self) -> dict[str, int]:
        return self.count

    def document(self) -> Document:
        return Document.model_validate_json(self.json)


def failed_document(doc_id: str, source: str, sha: str, fmt: str, code: str, message: str,
                    page: int | None = None) -> Document:
    """A document that could not be converted: status failed, one error naming file and reason."""
    prov = Provenance(source_file=source, page=page)
    return Document(document_id=doc_id, source_file=source, sha256=sha,
                    format=fmt if fmt in ("html", "pdf", "text") else "text", status="failed",
                    diagnostics=[Diagnostic(severity="error", code=code, message=message,
                                            location=prov.location(), provenance=prov)])


def raised_at(exc: BaseException) -> str | None:
    """Where `exc` was raised in this package: the innermost frame of its traceback that is ours,
    as `extract/parse/grid.py:87 in grid_row` (None when no frame is ours)."""
    where = raised_in_our_code(exc, libraries=())
    return str(where) if where is not None else None


def _format(path: str) -> str:
    return SUFFIXES.get(Path(path).suffix.lower(), "text")


def _pages(doc: Document, data: bytes | None, path: str) -> int:
    """Pages of the input: a PDF's page count, a text's form feeds + 1, else 1. `data` is the
    content, or None to read it from `path` (a PDF opened by pdfium from the file, a text
    counted a block at a time: neither is held in memory whole)."""
    if data is not None and not data:
        return 1
    try:
        if doc.format == "pdf":
            return _pdf_pages(data if data is not None else Path(path).absolute())
        if doc.format == "text":
            return (data.count(b"\f") if data is not None else _form_feeds(Path(path))) + 1
    except OSError:
        return 1
    return 1


def _pdf_pages(source: bytes | Path) -> int:
    import pypdfium2
    try:
        pdf = pypdfium2.PdfDocument(source)
    except pypdfium2.PdfiumError:
        return 1
    try:
        return max(len(pdf), 1)
    finally:
        pdf.close()


def _form_feeds(path: Path) -> int:
    with open(path, "rb") as fh:
        return sum(block.count(b"\f") for block in iter(lambda: fh.read(1 << 20), b""))


def _sha256(data: bytes | None, path: str) -> str:
    """The sha256 of the content, or of the file at `path` read as a stream ("" when unreadable)."""
    if data is not None:
        return hashlib.sha256(data).hexdigest() if data else ""
    try:
        return file_sha256(Path(path))
    except OSError:
        return ""


def summarise(index: int, doc: Document, pages: int = 1) -> Done:
    """The Done of a converted document."""
    severities = {s: 0 for s in SEVERITIES}
    for d in doc.diagnostics:
        severities[d.severity] += 1
    retry = doc.status == "failed" and any(d.code in TRANSIENT for d in doc.diagnostics)
    return Done(index=index, document_id=doc.document_id, source_file=doc.source_file, sha256=doc.sha256,
                status=doc.status, json=document_json(doc), count=doc.counts(), severities=severities,
                errors=[f"{d.location}: {d.message}" for d in doc.diagnostics if d.severity == "error"],
                pages=pages, retry=retry)


def run_task(convert: Callable[..., Document], task: Task, options: Options) -> Done:
    """Convert one task; a bug becomes a failed document (`internal_error`), never a dead batch."""
    data = task.data  # None: convert reads the file (a PDF's pages from the file, as they are needed)
    try:
        doc = convert(task.path, document_id=task.document_id, timeout=options.timeout, profile=options.profile,
                      data=data, pdf_engine=options.pdf_engine)
        return summarise(task.index, doc, _pages(doc, data, task.path))
    except Exception as exc:  # the batch boundary: report the bug as data, go on with the rest
        where = raised_at(exc)
        sha = _sha256(data, task.path)
        doc = failed_document(task.document_id, task.path, sha, _format(task.path), "internal_error",
                              f"{type(exc).__name__}: {exc}" + (f" at {where}" if where else ""))
        return summarise(task.index, doc)


def run_tasks(convert: Callable[..., Document], tasks: Sequence[Task], options: Options) -> list[Done]:
    """The job a worker runs: each task in turn (a batch of small documents is one job)."""
    out = []
    for task in tasks:
        done = run_task(convert, task, options)
        usage = resource.getrusage(resource.RUSAGE_SELF)
        done.peak_kb, done.cpu_s, done.pid = usage.ru_maxrss, usage.ru_utime + usage.ru_stime, os.getpid()
        out.append(done)
    return out


@dataclass(frozen=True)
class Lost:
    """A job whose worker died (`worker_crashed`) or overran its time limit (`timeout`)."""

    code: str
    message: str


def job_limit(tasks: Sequence[Task], options: Options) -> float | None:
    """The time a job may take before its worker is killed: each document's limit and a grace."""
    return None if not options.timeout else sum(options.timeout + GRACE for _ in tasks)


def lost(task: Task, code: str, message: str, sha256: str = "") -> Done:
    """The failed document of a task whose worker died (`worker_crashed`) or hung (`timeout`)."""
    doc = failed_document(task.document_id, task.path, sha256, _format(task.path), code, message)
    return summarise(task.index, doc)
