"""The Dask executor (`extract convert --executor dask`, the `extract[dask]` extra): the batch's
jobs on dask.distributed, a `LocalCluster` of worker processes by default or the cluster whose
scheduler is named (`--scheduler tcp://HOST:PORT`).

Each job is `jobs.run_tasks`, as in the local pool, with the files' contents sent along (the
workers need not see the input folder), and the `Done`s come back to this process, which writes
every file: the output is the same, byte for byte, as the local pool's. A worker that dies is
replaced by Dask, which gives its job to another worker; a job that has killed workers
repeatedly fails with `KilledWorker`, which the batch reports as `worker_crashed` (after trying
the job's documents one by one). Dask runs jobs in worker threads, where the per-document
`--timeout` cannot interrupt a conversion: a job past its time limit is reported as `timeout`
here and its worker left to finish it.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from .jobs import Done, Lost, Options, Task, job_limit, run_tasks


class DaskError(RuntimeError):
    """Dask is not installed, or the scheduler cannot be reached."""


class DaskCluster:
    def __init__(self, workers: int, convert: Callable, options: Options, scheduler: str | None = None):
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise DaskError("--executor dask needs dask.distributed: pip install 'extract[dask]'") from None
        self.convert, self.options, self.workers = convert, options, workers
        self.cluster = None
        try:
            if scheduler:
                self.client = Client(scheduler, timeout=30)
            else:
                self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                            dashboard_address=None, silence_logs=logging.ERROR)
                self.client = Client(self.cluster)
        except OSError as exc:
            raise DaskError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from None
        if scheduler:
            self.workers = max(1, sum(w.get("nthreads", 1) for w in self.client.scheduler_info()["workers"].values()))
        self._started: dict[Any, tuple[float, float | None]] = {}

    def submit(self, tasks: Sequence[Task]) -> Any:
        shipped = [t if t.data is not None else replace(t, data=_content(t.path)) for t in tasks]
        future = self.client.submit(run_tasks, self.convert, shipped, self.options, pure=False)
        self._started[future.key] = (time.monotonic(), job_limit(tasks, self.options))
        return future

    def completed(self, handles: Sequence[Any], timeout: float) -> list[tuple[Any, list[Done] | Lost]]:
        from distributed import wait
        from distributed.scheduler import KilledWorker
        try:
            wait(list(handles), timeout=timeout, return_when="FIRST_COMPLETED")
        except TimeoutError:
            pass
        out: list[tuple[Any, list[Done] | Lost]] = []
        now = time.monotonic()
        for f in handles:
            if f.done():
                try:
                    out.append((f, f.result()))
                except KilledWorker as exc:
                    out.append((f, Lost("worker_crashed", f"the Dask workers converting it died ({exc})")))
                except Exception as exc:  # a job the cluster could not run: lost, not the batch
                    out.append((f, Lost("worker_crashed", f"the Dask job failed ({type(exc).__name__}: {exc})")))
            elif _overran(self._started[f.key], now):
                f.cancel()
                out.append((f, Lost("timeout", "the Dask job did not finish within the time limit")))
            else:
                continue
            self._started.pop(f.key, None)
        return out

    def running(self, handles: Sequence[Any]) -> list[Any]:
        return [h for h in handles if h.status == "pending"][: self.workers]

    def close(self, kill: bool = False) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _overran(started: tuple[float, float | None], now: float) -> bool:
    since, limit = started
    return limit is not None and now - since > limit


def _content(path: str) -> bytes | None:
    try:
        return Path(path).read_bytes()
    except OSError:
        return None  # the worker's convert reports the unreadable file by its path
