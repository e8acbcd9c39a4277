"""Where a batch's jobs run: in this process, in a local pool of worker processes, or on a Dask
cluster (`extract[dask]`, see `api/cluster.py`). All three run the same job (`jobs.run_tasks`)
and hand back the same `Done`s, so the output does not depend on the executor.

The local pool is pebble's `ProcessPool` (a well-kept library for exactly this): unlike the
standard `ProcessPoolExecutor`, whose whole pool breaks (`BrokenProcessPool`) when one worker
dies, pebble fails only the task that worker held (`ProcessExpired`) and starts a new worker,
and it kills a worker that overruns a task's time limit. Workers are forked from a
`forkserver` that has imported the converter once (a fork from this process, which runs the
pool's threads, could deadlock), and ignore Ctrl-C: the batch stops them itself.

An executor `submit`s a list of tasks (one job) and reports finished jobs from `completed`:
their `Done`s, or a `Lost` when the worker died or hung (the batch then retries the job's tasks
one by one, so only the document that kills a worker is lost).
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent import futures
from dataclasses import dataclass
from typing import Any, Protocol

from .jobs import Done, Lost, Options, Task, job_limit, run_tasks

# imported by the fork server once, so every worker starts with the converter loaded
PRELOAD = ["extract.api.conversion", "extract.api.jobs", "extract.sources.pdf.document",
           "extract.sources.html.page", "extract.sources.text.plain"]


class Executor(Protocol):
    workers: int

    def submit(self, tasks: Sequence[Task]) -> Any: ...

    def completed(self, handles: Sequence[Any], timeout: float) -> list[tuple[Any, list[Done] | Lost]]: ...

    def running(self, handles: Sequence[Any]) -> list[Any]: ...

    def close(self, kill: bool = False) -> None: ...


@dataclass(eq=False)
class _Pending:
    tasks: list[Task]


class InProcess:
    """Jobs run here, one at a time, when `completed` is asked (`--jobs 1`): nothing to start, and
    a test can patch the converter. A crash of a native library ends the run, which then
    resumes from its manifest."""

    workers = 1

    def __init__(self, convert: Callable, options: Options):
        self.convert, self.options = convert, options
        self._ran: dict[int, list[Done]] = {}

    def submit(self, tasks: Sequence[Task]) -> Any:
        return _Pending(list(tasks))

    def completed(self, handles: Sequence[Any], timeout: float) -> list[tuple[Any, list[Done] | Lost]]:
        first = handles[0]
        return [(first, run_tasks(self.convert, first.tasks, self.options))]

    def running(self, handles: Sequence[Any]) -> list[Any]:
        return list(handles[:1])

    def close(self, kill: bool = False) -> None:
        pass


def _describe_exit(exc: BaseException) -> str:
    code = getattr(exc, "exitcode", None)
    if code is not None and code < 0:
        import signal
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit status {code}" if code is not None else str(exc)


class LocalPool:
    """`workers` processes on this machine (pebble's ProcessPool)."""

    def __init__(self, workers: int, convert: Callable, options: Options):
        import multiprocessing

        from pebble import ProcessPool
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)
        self.workers, self.convert, self.options = workers, convert, options
        self.pool = ProcessPool(max_workers=workers, context=context)

    def submit(self, tasks: Sequence[Task]) -> Any:
        return self.pool.schedule(run_tasks, args=(self.convert, list(tasks), self.options),
                                  timeout=job_limit(tasks, self.options))

    def completed(self, handles: Sequence[Any], timeout: float) -> list[tuple[Any, list[Done] | Lost]]:
        from pebble import ProcessExpired
        done, _ = futures.wait(handles, timeout=timeout, return_when=futures.FIRST_COMPLETED)
        out: list[tuple[Any, list[Done] | Lost]] = []
        for f in done:
            try:
                out.append((f, f.result()))
            except ProcessExpired as exc:
                out.append((f, Lost("worker_crashed", f"the worker converting it died ({_describe_exit(exc)})")))
            except futures.TimeoutError:
                out.append((f, Lost("timeout", "the worker converting it did not stop at the time limit "
                                               "and was killed")))
            except Exception as exc:  # a result that could not come back: the job is lost, not the batch
                out.append((f, Lost("worker_crashed", f"the worker's result was lost ({type(exc).__name__}: {exc})")))
        return out

    def running(self, handles: Sequence[Any]) -> list[Any]:
        return [h for h in handles if h.running()]

    def close(self, kill: bool = False) -> None:
        if kill:
            self.pool.stop()
        else:
            self.pool.close()
        self.pool.join()


def executor_for(kind: str, workers: int, convert: Callable, options: Options,
                 scheduler: str | None = None) -> Executor:
    """The executor `kind` ('local' or 'dask') with `workers` processes; 'local' with one worker
    runs in this process."""
    if kind == "dask":
        from .cluster import DaskCluster
        return DaskCluster(workers, convert, options, scheduler)
    if workers <= 1:
        return InProcess(convert, options)
    return LocalPool(workers, convert, options)
