"""A run of a batch: plan what to convert, convert it on an executor, write what came back.

1. Plan: every input's sha256 (taken from the manifest when size and modification time are
   unchanged); byte-identical inputs are converted once, the others reported as its duplicates;
   with an output folder, an input whose manifest entry still holds (`manifest.reusable`) is
   reused and not converted (`force` converts everything).
2. Convert: the rest as jobs on the executor (`executors.py`), the largest documents first and
   the small ones batched per job so a worker's per-job overhead stays small against its work.
   A job whose worker died or hung is tried again document by document; the document that kills
   its worker alone is lost (`worker_crashed` naming the file). As each job comes back, each
   document's JSON is written (atomically) and journalled in the manifest: memory stays flat in
   the number of documents, and a run killed at any point resumes where it stopped.
3. Write: the tables rebuilt from the documents' JSON in input order (`writers.write_outputs`,
   one call, in the formats asked, whatever was reused), so the bytes never depend on what was reused or on the order
   the jobs finished; outputs of inputs gone are removed; the manifest saved.

Ctrl-C (KeyboardInterrupt) stops the workers, and step 3 runs for what was done
(`Batch.interrupted`). `progress` is told of the start, the files in work, and each document.
"""
from __future__ import annotations

import hashlib
import os
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from ..models import Document
from ..writers import write_outputs
from ..writers.atomic import write_atomic
from .executors import Executor, executor_for
from .inputs import Inputs, Passed
from .jobs import Done, Lost, Options, Task, lost
from .limits import cores
from .manifest import Manifest, Removed, extractor_version, file_sha256

if TYPE_CHECKING:
    import pandas as pd

# Cost of a byte, per format, against a PDF's: what the scheduler sorts and batches by.
COST = {".pdf": 1, ".html": 2, ".htm": 2, ".xhtml": 2}
TEXT_COST = 4
PER_WORKER = 8            # jobs per worker the work is cut into, at least
SMALL = 64 * 1024         # cost below which a document shares its job with others
MAX_PER_JOB = 64


@dataclass
class Batch:
    """The outcome of a batch. `documents` (in input order; kept unless the batch was run with
    `keep=False`), `outcomes` (one `Done` per document: status, counts, errors, whether reused),
    `problems` (paths that give no document), `skipped` and `unsupported` files, `duplicates`
    (a converted file's source -> the byte-identical files not converted again), `removed`
    (outputs of the last run deleted), `foreign` (files in OUT this run does not own, left as
    they are), `notes`, and `interrupted` (Ctrl-C: the tables hold what was done)."""

    documents: list[Document] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    outcomes: list[Done] = field(default_factory=list)
    skipped: list[Passed] = field(default_factory=list)
    unsupported: list[Passed] = field(default_factory=list)
    duplicates: dict[str, list[str]] = field(default_factory=dict)
    removed: list[Removed] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    interrupted: bool = False
    workers: int = 1

    @property
    def failed(self) -> list[Done]:
        """The documents of the batch that failed (status 'failed')."""
        return [d for d in self.outcomes if d.status == "failed"]

    @property
    def reused(self) -> int:
        """How many documents were taken unchanged from the last run (the manifest)."""
        return sum(1 for d in self.outcomes if d.reused)

    def to_frames(self) -> "dict[str, pd.DataFrame]":
        """The batch's tables as typed pandas DataFrames, one per table (`documents`, `goals`,
        `indicator_values`, ...), with the columns of the CSV tables (see `extract.writers.frames`)."""
        from ..writers.frames import batch_frames
        return batch_frames(self.documents)

    def write(self, out: str | Path, formats: str | Iterable[str] = ("csv",)) -> list[Path]:
        """Write the batch's tables into `out` in `formats` (csv, parquet, duckdb; see
        `extract.writers.output`); returns the files written."""
        return write_outputs(out, self.documents, formats)


class Progress(Protocol):
    def start(self, total: int, cost: int, reused: Sequence[Done]) -> None: ...

    def working(self, files: Sequence[str]) -> None: ...

    def finished(self, done: Done, cost: int) -> None: ...

    def close(self) -> None: ...


def cost_of(path: str, size: int) -> int:
    """The work a document is expected to be: its size, weighed by its format."""
    return max(size, 1) * COST.get(Path(path).suffix.lower(), TEXT_COST)


def task_cost(task: Task) -> int:
    return cost_of(task.path, task.size)


@dataclass
class _Planned:
    index: int
    document_id: str
    source_file: str
    sha256: str
    stat: os.stat_result | None

    @property
    def size(self) -> int:
        return self.stat.st_size if self.stat else 0


def jobs_of(tasks: Sequence[Task], workers: int) -> list[list[Task]]:
    """Tasks cut into jobs: by cost, largest first; a large document alone, small ones together
    up to a share of the work that keeps every worker busy to the end."""
    order = sorted(tasks, key=lambda t: (-task_cost(t), t.index))
    target = max(sum(map(task_cost, tasks)) // max(workers * PER_WORKER, 1), SMALL)
    jobs: list[list[Task]] = []
    current: list[Task] = []
    acc = 0
    for t in order:
        c = task_cost(t)
        if c >= target:
            jobs.append([t])
            continue
        current.append(t)
        acc += c
        if acc >= target or len(current) >= MAX_PER_JOB:
            jobs.append(current)
            current, acc = [], 0
    if current:
        jobs.append(current)
    return jobs


def worker_count(jobs: int, n_tasks: int, executor: str) -> tuple[int, str | None]:
    """Workers for `n_tasks` (`jobs` 0: one per core): at most the cores available (a note says
    so when fewer than asked), at most one per task."""
    available = cores()
    if executor == "dask":
        return max(1, jobs or available), None
    wanted = jobs or available
    note = f"--jobs {jobs}: {available} workers, the cores available" if jobs > available else None
    return max(1, min(wanted, available, n_tasks)), note


def _summary(done: Done) -> dict:
    return {"status": done.status, "counts": done.count, "severities": done.severities, "errors": done.errors,
            "pages": done.pages, "retry": done.retry}


def _reused(index: int, entry: dict) -> Done:
    return Done(index=index, document_id=entry["document_id"], source_file=entry["source_file"],
                sha256=entry["sha256"], status=entry["status"], json=b"", count=entry["counts"],
                severities=entry["severities"], errors=entry["errors"], pages=entry["pages"], reused=True)


def _stat(path: str) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None


def _sha(path: str) -> str:
    try:
        return file_sha256(Path(path))
    except OSError:
        return ""


class _Run:
    def __init__(self, inputs: Inputs, out: Path | None, options: Options, keep: bool,
                 progress: Progress | None, convert: Callable, formats: str | Iterable[str]):
        self.out, self.options, self.keep, self.progress, self.convert = out, options, keep, progress, convert
        self.formats = formats
        self.batch = Batch(problems=list(inputs.problems), skipped=list(inputs.skipped),
                           unsupported=list(inputs.unsupported))
        self.manifest = Manifest.open(out, extractor_version(), options.key()) if out is not None else None
        self.planned: list[_Planned] = []
        self.results: dict[int, Done] = {}
        self._plan(inputs)

    def _plan(self, inputs: Inputs) -> None:
        first: dict[str, str] = {}
        for inp in inputs.files:
            st = _stat(inp.source_file)
            sha = (self.manifest.cached_sha256(inp.document_id, inp.source_file, st)
                   if self.manifest is not None and st is not None else None) or _sha(inp.source_file)
            if sha and sha in first:
                self.batch.duplicates.setdefault(first[sha], []).append(inp.source_file)
                continue
            if sha:
                first[sha] = inp.source_file
            self.planned.append(_Planned(len(self.planned), inp.document_id, inp.source_file, sha, st))

    def tasks(self, force: bool) -> list[Task]:
        todo = []
        for p in self.planned:
            entry = None if force or self.manifest is None else \
                self.manifest.reusable(p.document_id, p.source_file, p.sha256)
            if entry is not None:
                self.manifest.record(entry, journal=False)
                self.results[p.index] = _reused(p.index, entry)
            else:
                todo.append(Task(p.index, p.document_id, p.source_file, size=p.size))
        return todo

    def finish(self, done: Done) -> None:
        p = self.planned[done.index]
        if self.manifest is not None:
            rel = f"json/{done.document_id}.json"
            write_atomic(self.out / rel, done.json)
            summary = _summary(done)
            if done.sha256 and done.sha256 != p.sha256:
                summary["retry"] = True  # the file changed while it was converted
            self.manifest.record(self.manifest.entry(p.document_id, p.source_file, p.sha256, p.stat, summary,
                                                     {rel: hashlib.sha256(done.json).hexdigest()}))
            if not self.keep:
                done.json = b""
        self.results[done.index] = done
        if self.progress is not None:
            self.progress.finished(done, cost_of(p.source_file, p.size))

    def execute(self, executor: Executor, todo: list[Task]) -> None:
        queue = deque(jobs_of(todo, executor.workers))
        inflight: dict[object, list[Task]] = {}
        cap = executor.workers * 2
        while queue or inflight:
            while queue and len(inflight) < cap:
                tasks = queue.popleft()
                inflight[executor.submit(tasks)] = tasks
            if self.progress is not None:
                self.progress.working([inflight[h][0].path for h in executor.running(list(inflight))])
            for handle, result in executor.completed(list(inflight), timeout=0.25):
                tasks = inflight.pop(handle)
                if isinstance(result, Lost):
                    if len(tasks) > 1:  # which document killed it? try them one by one
                        queue.extendleft([t] for t in reversed(tasks))
                        continue
                    t = tasks[0]
                    result = [lost(t, result.code, result.message, self.planned[t.index].sha256)]
                for done in result:
                    self.finish(done)

    def write(self) -> None:
        order = sorted(self.results)
        self.batch.outcomes = [self.results[i] for i in order]
        docs = (self._document(i) for i in order)
        if self.manifest is None:
            self.batch.documents = list(docs) if self.keep else []
            return
        written = write_outputs(self.out, docs, self.formats)
        tables = {Path(p).relative_to(self.out).as_posix(): file_sha256(Path(p)) for p in written}
        keep = [p.document_id for p in self.planned]
        if self.batch.interrupted:  # the last run's outputs of documents not reached stay owned
            for p in self.planned:
                if p.index not in self.results and p.document_id in self.manifest.previous:
                    self.manifest.record(self.manifest.previous[p.document_id], journal=False)
        self.batch.removed = self.manifest.stale(keep, tables)
        self.manifest.save(keep, tables, {"duplicates": self.batch.duplicates,
                                          "unsupported": {str(u.path): u.reason for u in self.batch.unsupported}})
        self.batch.foreign = self.manifest.foreign(tables)

    def _document(self, index: int) -> Document:
        done = self.results[index]
        data = done.json or (self.out / "json" / f"{done.document_id}.json").read_bytes()
        doc = Document.model_validate_json(data)
        if self.keep:
            self.batch.documents.append(doc)
        return doc

    def close(self) -> None:
        if self.manifest is not None:
            self.manifest.close()


def run(inputs: Inputs, convert: Callable, *, out: str | Path | None = None, jobs: int = 0,
        executor: str = "local", scheduler: str | None = None, options: Options = Options(),
        force: bool = False, keep: bool = True, progress: Progress | None = None,
        formats: str | Iterable[str] = ("csv",)) -> Batch:
    """Convert `inputs` with `convert` (see the module's docstring); with `out`, write the JSON,
    the tables (in `formats`) and the manifest there."""
    r = _Run(inputs, Path(out) if out is not None else None, options, keep, progress, convert, formats)
    try:
        todo = r.tasks(force)
        workers, note = worker_count(jobs, len(todo), executor)
        if note:
            r.batch.notes.append(note)
        r.batch.workers = workers
        if progress is not None:
            progress.start(len(r.planned), sum(map(task_cost, todo)),
                           [r.results[i] for i in sorted(r.results)])
        pool = executor_for(executor, workers, convert, options, scheduler) if todo else None
        try:
            if pool is not None:
                r.execute(pool, todo)
        except KeyboardInterrupt:
            r.batch.interrupted = True
        finally:
            if pool is not None:
                pool.close(kill=r.batch.interrupted)
            if progress is not None:
                progress.close()
        r.write()
    finally:
        r.close()
    return r.batch
