"""Converting files: one document (`convert`) or a batch (`convert_batch`), errors as data.

A file that cannot be read or parsed becomes a Document with status 'failed' and an error
diagnostic naming the file, the page when known, and the reason; the rest of the batch goes on.
"""
from __future__ import annotations

import hashlib
import os
import re
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .checks import validate
from .models import Diagnostic, Document, Provenance
from .parse.document import parse_layout
from .sources import SUFFIXES, SourceError, read_layout

DEFAULT_TIMEOUT = 300.0


class ConversionTimeout(Exception):
    pass


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


@contextmanager
def _time_limit(seconds: float | None):
    """Raise ConversionTimeout after `seconds` (POSIX, main thread; otherwise no limit)."""
    if not seconds or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum, frame):
        raise ConversionTimeout(f"conversion took longer than {seconds:g} s")

    old = signal.signal(signal.SIGALRM, handler)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def convert(path: str | Path, *, document_id: str | None = None, timeout: float | None = None,
            source_file: str | None = None) -> Document:
    """Convert one file to a Document. Never raises for bad input: problems are diagnostics and
    the status says 'failed' when nothing could be read."""
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
        with _time_limit(timeout):
            layout = read_layout(path, data, source)
            doc = parse_layout(layout, doc_id, sha)
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


def _convert_guarded(args: tuple[str, str, float | None, str]) -> Document:
    """The per-file job: anything unexpected becomes a failed document, not a dead batch."""
    path, doc_id, timeout, source = args
    try:
        return convert(path, document_id=doc_id, timeout=timeout, source_file=source)
    except Exception as exc:  # the batch boundary: report the bug as data, go on with the rest
        return _failed(doc_id, source, "", SUFFIXES.get(Path(path).suffix.lower(), "text"),
                       "internal_error", f"{type(exc).__name__}: {exc}")


@dataclass
class Batch:
    documents: list[Document] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def failed(self) -> list[Document]:
        return [d for d in self.documents if d.status == "failed"]


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


def iter_convert(files: list[Path], *, jobs: int = 1, timeout: float | None = DEFAULT_TIMEOUT) -> Iterator[Document]:
    """Convert files in order, in `jobs` processes; yields documents in input order."""
    ids = unique_ids(files)
    tasks = [(str(f), i, timeout, str(f)) for f, i in zip(files, ids)]
    if jobs <= 1 or len(tasks) <= 1:
        for t in tasks:
            yield _convert_guarded(t)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(_convert_guarded, tasks, chunksize=1)


def convert_batch(paths: Iterable[str | Path], *, jobs: int = 1, timeout: float | None = DEFAULT_TIMEOUT,
                  on_document: Callable[[Document], None] | None = None) -> Batch:
    files, problems = find_inputs(paths)
    batch = Batch(problems=problems)
    for doc in iter_convert(files, jobs=jobs, timeout=timeout):
        batch.documents.append(doc)
        if on_document:
            on_document(doc)
    return batch


def default_jobs(n_files: int) -> int:
    return max(1, min(os.cpu_count() or 1, n_files // 4 or 1))
