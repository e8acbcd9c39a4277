"""The fuzz campaign: each input in a child process forked from a warm parent, with a CPU time
limit and a memory limit; what went wrong is bucketed by place, and the figures are kept.

A child writes its input to the work folder, sets its limits (RLIMIT_CPU: the limit plus what
it has used so far; RLIMIT_AS: the parent's address space plus the memory limit), converts and
checks it (`child.check_file`) and sends the result back through a pipe. At the CPU limit the
kernel's SIGXCPU makes faulthandler write the child's Python stack before it dies: the place of
a hang is the innermost frame of our package on that stack. The wall clock is only a backstop
for a child stuck without using CPU (a busy machine slows children down, and that is no hang):
a child whose CPU time did not move for a whole wall period (a multiple of the CPU limit) gets
SIGUSR1 (the same stack dump), then SIGKILL.
"""
from __future__ import annotations

import faulthandler
import json
import os
import re
import resource
import select
import signal
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .child import check_file, warm_up
from .inputs import Corpus, FuzzInput, Plan, make_input

MB = 1_000_000
FAILING = ("escaped", "internal_error", "no_reason", "writer", "cli", "nondeterministic", "out_of_memory",
           "hang", "memory_limit", "crash")
_STACK_FRAME = re.compile(r'File "(?P<file>[^"]+)", line (?P<line>\d+) in (?P<func>\S+)')


@dataclass(frozen=True)
class Limits:
    cpu_seconds: float = 10.0     # convert's CPU time; more is a hang
    memory_mb: int = 2048         # address space a child may add to the parent's
    wall_factor: float = 4.0      # a child that uses no CPU for wall_factor x cpu_seconds (+30 s) is stuck
    cli_every: int = 10           # every n-th input also goes through `extract convert`
    twice_every: int = 25         # every n-th input (below 200 KB) is converted twice and compared
    write: bool = True            # write each document's JSON and CSV tables, as `extract convert` does


@dataclass
class Outcome:
    """One input's result, as the parent saw it."""

    index: int
    fmt: str
    label: str
    size: int
    cpu: float | None
    status: str | None
    peak_mb: float
    problems: list[dict]
    diagnostics: list[str] = field(default_factory=list)  # the codes of the document's diagnostics


@dataclass
class Bucket:
    kind: str
    type: str
    place: str
    count: int = 0
    examples: list[tuple[int, int, str, str]] = field(default_factory=list)  # (size, index, label, detail)
    lines: set[int] = field(default_factory=set)


@dataclass
class Report:
    """What a campaign found: inputs tried, buckets, the slowest inputs and peak memory."""

    seed: int
    limits: Limits
    tried: int = 0
    by_format: dict[str, int] = field(default_factory=dict)
    statuses: dict[str, int] = field(default_factory=dict)
    buckets: dict[tuple[str, str, str], Bucket] = field(default_factory=dict)
    slowest: Outcome | None = None
    slowest_per_mb: Outcome | None = None   # among inputs of at least PER_MB_FLOOR
    peak: Outcome | None = None
    idle_peak_mb: float = 0.0
    bytes_in: int = 0
    largest: int = 0
    started: float = field(default_factory=time.monotonic)
    elapsed: float = 0.0

    PER_MB_FLOOR = 250_000

    def add(self, out: Outcome, keep: int = 3) -> None:
        self.tried += 1
        self.by_format[out.fmt] = self.by_format.get(out.fmt, 0) + 1
        self.statuses[out.status or "-"] = self.statuses.get(out.status or "-", 0) + 1
        self.bytes_in += out.size
        self.largest = max(self.largest, out.size)
        if out.cpu is not None:
            if self.slowest is None or out.cpu > (self.slowest.cpu or 0):
                self.slowest = out
            if out.size >= self.PER_MB_FLOOR and (self.slowest_per_mb is None or
                                                  out.cpu / out.size > self.slowest_per_mb.cpu / self.slowest_per_mb.size):
                self.slowest_per_mb = out
        if self.peak is None or out.peak_mb > self.peak.peak_mb:
            self.peak = out
        for p in out.problems:
            key = (p["kind"], p.get("type", "-"), p.get("place", "?"))
            bucket = self.buckets.setdefault(key, Bucket(*key))
            bucket.count += 1
            if p.get("line"):
                bucket.lines.add(p["line"])
            bucket.examples.append((out.size, out.index, out.label, p.get("detail", "")))
            bucket.examples.sort()
            del bucket.examples[keep:]

    @property
    def failures(self) -> int:
        return sum(b.count for b in self.buckets.values() if b.kind in FAILING)

    def lines(self) -> list[str]:
        secs = time.monotonic() - self.started if not self.elapsed else self.elapsed
        fmt = ", ".join(f"{k} {v}" for k, v in sorted(self.by_format.items()))
        st = ", ".join(f"{k} {v}" for k, v in sorted(self.statuses.items()))
        out = [f"fuzz seed {self.seed}: {self.tried} inputs ({fmt}), {self.bytes_in / MB:.0f} MB in all, "
               f"largest {self.largest / MB:.1f} MB, {secs:.0f} s ({self.tried / max(secs, 1e-9):.1f} inputs/s)",
               f"  documents: {st}",
               f"  limits: {self.limits.cpu_seconds:g} s CPU per input, {self.limits.memory_mb} MB memory"]
        kinds: dict[str, int] = {}
        for b in self.buckets.values():
            kinds[b.kind] = kinds.get(b.kind, 0) + b.count
        out.append("  found: " + (", ".join(f"{k} {v}" for k, v in sorted(kinds.items())) or "nothing"))
        for b in sorted(self.buckets.values(), key=lambda b: (b.kind, -b.count)):
            lines = ",".join(map(str, sorted(b.lines)[:6]))
            out.append(f"  [{b.kind}] {b.count} x {b.type} at {b.place}" + (f" (line {lines})" if lines else ""))
            for size, index, label, detail in b.examples[:2]:
                out.append(f"      {size / 1000:.1f} KB {label[:150]}")
                if detail:
                    out.append(f"        {detail.splitlines()[0][:160] if detail.strip() else ''}")
        if self.slowest is not None:
            s = self.slowest
            out.append(f"  slowest input: {s.cpu:.2f} s CPU, {s.size / MB:.2f} MB ({s.label[:120]})")
        if self.slowest_per_mb is not None:
            s = self.slowest_per_mb
            out.append(f"  slowest per MB (inputs >= {self.PER_MB_FLOOR / MB:g} MB): {s.cpu / (s.size / MB):.2f} s/MB, "
                       f"{s.cpu:.2f} s for {s.size / MB:.2f} MB ({s.label[:120]})")
        if self.peak is not None:
            p = self.peak
            out.append(f"  peak memory: {p.peak_mb:.0f} MB resident in one child ({p.peak_mb - self.idle_peak_mb:.0f} MB "
                       f"over an idle child), input of {p.size / MB:.2f} MB ({p.label[:120]})")
        return out

    def as_json(self) -> dict:
        def outcome(o: Outcome | None) -> dict | None:
            return None if o is None else {"index": o.index, "label": o.label, "size": o.size, "cpu": o.cpu,
                                           "peak_mb": o.peak_mb}
        return {"seed": self.seed, "tried": self.tried, "by_format": self.by_format, "statuses": self.statuses,
                "failures": self.failures, "bytes_in": self.bytes_in, "largest": self.largest,
                "elapsed": self.elapsed, "idle_peak_mb": self.idle_peak_mb,
                "slowest": outcome(self.slowest), "slowest_per_mb": outcome(self.slowest_per_mb),
                "peak": outcome(self.peak),
                "buckets": [{"kind": b.kind, "type": b.type, "place": b.place, "count": b.count,
                             "lines": sorted(b.lines), "examples": b.examples} for b in self.buckets.values()]}


@dataclass(frozen=True)
class Draw:
    """Input `index` of `seed`, made in the child that converts it: making a grown input of
    megabytes costs as much as converting it, and the children run side by side while the
    parent only waits. The parent makes it again only to keep a failing one."""

    seed: int
    index: int
    corpus: Corpus
    plan: Plan

    def make(self) -> FuzzInput:
        return make_input(self.seed, self.index, self.corpus, self.plan)


# --- the child ------------------------------------------------------------------------------

def _child(item: FuzzInput | Path | Draw, work: Path, limits: Limits, write_fd: int) -> None:
    """Runs in the forked child; never returns."""
    code = 0
    try:
        if isinstance(item, Draw):
            item = item.make()
        os.setpgid(0, 0)
        sink = os.open(os.devnull, os.O_WRONLY)
        os.dup2(sink, 1)
        os.dup2(sink, 2)  # warnings of the libraries; what counts comes back through the pipe
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        stack = open(work / f"stack-{os.getpid()}.txt", "w")
        for sig in (signal.SIGXCPU, signal.SIGUSR1):
            signal.signal(sig, signal.SIG_DFL)
            faulthandler.register(sig, file=stack, all_threads=False, chain=True)
        if isinstance(item, Path):
            path, index = item, 0
        else:
            path, index = work / f"input-{item.index}{item.suffix}", item.index
            path.write_bytes(item.data)
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if limits.memory_mb:
            resource.setrlimit(resource.RLIMIT_AS, (_address_space() + limits.memory_mb * 2 ** 20, hard))
        used = resource.getrusage(resource.RUSAGE_SELF)
        spent = used.ru_utime + used.ru_stime
        # convert, the writers and (for some inputs) the CLI, which converts again
        budget = limits.cpu_seconds * (3 if index % limits.cli_every == 0 else 1.3)
        resource.setrlimit(resource.RLIMIT_CPU, (int(spent + budget) + 1, int(spent + budget) + 2))
        size = path.stat().st_size
        result = check_file(path, work, with_cli=index % limits.cli_every == 0,
                            twice=index % limits.twice_every == 0 and size < 200_000, write=limits.write)
        if not isinstance(item, Path):
            path.unlink()
            result["input"] = {"fmt": item.fmt, "label": item.label, "size": len(item.data)}
        os.write(write_fd, json.dumps(result).encode()[:60_000])
    except BaseException as exc:  # report the harness's own trouble rather than die silently
        try:
            os.write(write_fd, json.dumps({"harness_error": repr(exc)[:2000]}).encode())
        finally:
            code = 3
    finally:
        os._exit(code)


def _address_space() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[0]) * resource.getpagesize()


@dataclass
class _Running:
    item: FuzzInput | Path | Draw
    pid: int
    fd: int
    started: float
    chunks: list[bytes] = field(default_factory=list)
    signalled: bool = False
    checked: float = 0.0          # when its CPU time was last looked at
    cpu_seen: float = -1.0        # ... and what it was

    def cpu(self) -> float:
        """The child's CPU seconds so far (from /proc; -1 when it is gone)."""
        try:
            with open(f"/proc/{self.pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            return -1.0
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _hang_place(stack_file: Path) -> tuple[str, int | None]:
    """The innermost frame of our package in the stack faulthandler wrote (most recent first)."""
    try:
        text = stack_file.read_text(errors="replace")
    except OSError:
        return "no stack", None
    frames = list(_STACK_FRAME.finditer(text))
    for m in frames:
        path = m.group("file")
        if "/extract/" in path and "/fuzzing/" not in path:
            rel = path[path.rindex("/extract/") + 1:]
            return f"{rel} in {m.group('func')}", int(m.group("line"))
    if frames:
        m = frames[0]
        return f"{Path(m.group('file')).name} in {m.group('func')}", int(m.group("line"))
    return "no stack", None


def _outcome(job: _Running, status: int, rusage, limits: Limits, work: Path) -> Outcome:
    item = job.item
    peak = rusage.ru_maxrss / 1024
    stack = work / f"stack-{job.pid}.txt"
    raw = b"".join(job.chunks)
    result = None
    if raw:
        try:
            result = json.loads(raw)
        except ValueError:
            result = None
    if isinstance(item, Path):
        index, fmt, label, size = -1, item.suffix.lstrip("."), str(item), item.stat().st_size
    elif isinstance(item, Draw) and result is not None and "input" in result:
        index, (fmt, label, size) = item.index, (result["input"][k] for k in ("fmt", "label", "size"))
    else:
        made = item.make() if isinstance(item, Draw) else item   # the child died before saying
        index, fmt, label, size = made.index, made.fmt, made.label, len(made.data)
    problems: list[dict] = []
    cpu = status_doc = None
    diagnostics: list[str] = []
    if result is not None and "harness_error" not in result:
        problems, diagnostics = result["problems"], result["diagnostics"]
        cpu, status_doc = result["cpu"], result["status"]
        if cpu is not None and cpu > limits.cpu_seconds:
            problems.append({"kind": "hang", "type": f"> {limits.cpu_seconds:g} s", "place": f"convert ({fmt})",
                             "line": None, "detail": f"{cpu:.1f} s CPU"})
    elif os.WIFSIGNALED(status):
        sig = signal.Signals(os.WTERMSIG(status)).name
        place, line = _hang_place(stack)
        if sig in ("SIGXCPU", "SIGUSR1") or job.signalled:
            problems.append({"kind": "hang", "type": f"> {limits.cpu_seconds:g} s", "place": place, "line": line,
                             "detail": f"stopped by {sig} after {time.monotonic() - job.started:.0f} s"
                                       + (" (stuck: no CPU used for a whole period)" if job.signalled else "")})
        elif peak > 0.8 * limits.memory_mb:
            problems.append({"kind": "memory_limit", "type": sig, "place": place, "line": line,
                             "detail": f"died with {sig} at {peak:.0f} MB"})
        else:
            problems.append({"kind": "crash", "type": sig, "place": place, "line": line,
                             "detail": f"the child died of {sig}"})
    else:
        detail = result.get("harness_error") if result else f"exit status {os.WEXITSTATUS(status)}, no result"
        problems.append({"kind": "crash", "type": "harness", "place": "fuzz child", "line": None, "detail": str(detail)})
    stack.unlink(missing_ok=True)
    return Outcome(index, fmt, label, size, cpu, status_doc, peak, problems, diagnostics)


def run(items: Iterable[FuzzInput | Path | Draw], work: Path, limits: Limits, jobs: int = 2,
        on_outcome: Callable[[Outcome], None] | None = None) -> Iterator[Outcome]:
    """Run every item (a fuzz input, or a file as it is) in its own child, `jobs` at a time;
    yields outcomes as children finish."""
    work.mkdir(parents=True, exist_ok=True)
    pending = iter(items)
    running: dict[int, _Running] = {}
    exhausted = False
    wall = limits.cpu_seconds * limits.wall_factor + 30
    while running or not exhausted:
        while not exhausted and len(running) < jobs:
            item = next(pending, None)
            if item is None:
                exhausted = True
                break
            read_fd, write_fd = os.pipe()
            pid = os.fork()
            if pid == 0:
                os.close(read_fd)
                _child(item, work, limits, write_fd)
            os.close(write_fd)
            os.set_blocking(read_fd, False)
            running[pid] = _Running(item, pid, read_fd, time.monotonic(), checked=time.monotonic())
        if not running:
            break
        ready, _, _ = select.select([j.fd for j in running.values()], [], [], 0.05)
        for job in running.values():
            if job.fd in ready:
                _drain(job)
        while True:
            try:
                pid, status, rusage = os.wait4(-1, os.WNOHANG)
            except ChildProcessError:
                break
            if pid == 0:
                break
            job = running.pop(pid, None)
            if job is None:
                continue
            _drain(job)
            os.close(job.fd)
            out = _outcome(job, status, rusage, limits, work)
            if on_outcome:
                on_outcome(out)
            yield out
        now = time.monotonic()
        for job in running.values():
            if job.signalled:
                if now - job.checked > 5:
                    os.killpg(job.pid, signal.SIGKILL)
            elif now - job.checked > wall:
                cpu = job.cpu()
                if cpu <= job.cpu_seen:  # no CPU used for a whole period: stuck, not slow
                    job.signalled = True
                    os.kill(job.pid, signal.SIGUSR1)
                job.checked, job.cpu_seen = now, cpu


def _drain(job: _Running) -> None:
    while True:
        try:
            chunk = os.read(job.fd, 65536)
        except BlockingIOError:
            return
        if not chunk:
            return
        job.chunks.append(chunk)


def idle_peak_mb() -> float:
    """The peak resident memory of a child that does nothing: the floor under every figure."""
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    _, _, rusage = os.wait4(pid, 0)
    return rusage.ru_maxrss / 1024


def campaign(seed: int, count: int, work: Path, limits: Limits = Limits(), plan: Plan = Plan(), jobs: int = 2,
             start: int = 0, corpus: Corpus | None = None, keep_failures: bool = True,
             progress: Callable[[Report], None] | None = None, log: Path | None = None) -> Report:
    """Make inputs start..start+count-1 of `seed`, run each in a child, and report."""
    corpus = corpus or Corpus.from_samples()
    work.mkdir(parents=True, exist_ok=True)
    scratch = work / "warm"
    scratch.mkdir(exist_ok=True)
    warm_files = []
    for fmt, name, data in corpus.files():
        path = scratch / f"{fmt}-{name}"
        path.write_bytes(data)
        warm_files.append(path)
    warm_up(warm_files, scratch)
    shutil.rmtree(scratch, ignore_errors=True)
    report = Report(seed, limits)
    report.idle_peak_mb = idle_peak_mb()
    items = (Draw(seed, i, corpus, plan) for i in range(start, start + count))
    log_file = open(log, "a") if log else None
    try:
        for out in run(items, work / "run", limits, jobs):
            report.add(out)
            if log_file:
                log_file.write(json.dumps({"index": out.index, "fmt": out.fmt, "size": out.size, "cpu": out.cpu,
                                           "status": out.status, "peak_mb": round(out.peak_mb, 1),
                                           "problems": [(p["kind"], p.get("type"), p.get("place")) for p in out.problems],
                                           "label": out.label[:300]}) + "\n")
            if keep_failures and any(p["kind"] in FAILING for p in out.problems):
                _keep(out, seed, corpus, plan, work / "failures")
            if progress:
                progress(report)
    finally:
        if log_file:
            log_file.close()
    report.elapsed = time.monotonic() - report.started
    return report


def _keep(out: Outcome, seed: int, corpus: Corpus, plan: Plan, folder: Path) -> None:
    """Write a failing input (made again from its seed and number) for a closer look."""
    folder.mkdir(parents=True, exist_ok=True)
    item = make_input(seed, out.index, corpus, plan)
    kind = out.problems[0]["kind"] if out.problems else "x"
    (folder / f"{kind}-{out.index}{item.suffix}").write_bytes(item.data)
    (folder / f"{kind}-{out.index}.json").write_text(json.dumps({"label": out.label, "problems": out.problems}, indent=1))


def check_files(paths: list[Path], work: Path, limits: Limits = Limits(), jobs: int = 2) -> list[Outcome]:
    """Run files as they are (regression samples), each in a child with the limits."""
    warm_up([], work)
    return list(run(paths, work, limits, jobs))
