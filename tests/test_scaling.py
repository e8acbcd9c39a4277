"""Conversion cost grows linearly with the size of a report (issue 13): a 1, 4 and 16 MB text
report and web page of repeated real structure (the samples, renumbered per copy), each
converted in a child process; the CPU time per MB of the larger ones must stay within twice
that of the 1 MB one. Only ratios within one run are compared, never absolute times.

A web page over two million characters is slimmed and cut around its main content (a
`page_truncated` warning, see `sources/html/limits.py`): for HTML the cost per MB is also
compared per MB of markup read, which must not grow either."""
from __future__ import annotations

import pytest
from fuzzing.campaign import Limits, check_files, idle_peak_mb
from fuzzing.reports import html_report, text_report

from extract.sources.html.limits import limit_size

MB = 1_000_000
SIZES = (1, 4, 16)
SLACK = 2.0
# a guard against a hang, not a speed limit: a linear 16 MB conversion takes a fraction of it
LIMITS = Limits(cpu_seconds=600, memory_mb=6144, cli_every=10 ** 9, twice_every=10 ** 9, write=False)


def _convert_all(tmp_path, make, suffix: str) -> dict[int, tuple[float, float, int]]:
    """(CPU seconds, peak MB, bytes) per size in MB, each size converted in its own child."""
    paths = []
    for mb in SIZES:
        path = tmp_path / f"report-{mb}mb{suffix}"
        path.write_bytes(make(mb * MB))
        paths.append(path)
    # the 1 MB report twice: the best of two is the steadier baseline
    outcomes = check_files([paths[0], *paths], tmp_path / "work", LIMITS, jobs=1)
    by_path: dict[str, list] = {}
    for out in outcomes:
        assert not out.problems, out.problems
        assert out.status == "ok"
        by_path.setdefault(out.label, []).append(out)
    return {mb: (min(o.cpu for o in by_path[str(p)]), max(o.peak_mb for o in by_path[str(p)]), p.stat().st_size)
            for mb, p in zip(SIZES, paths)}


def _per_mb(cost: dict[int, tuple[float, float, int]], read: dict[int, int] | None = None) -> dict[int, float]:
    return {mb: cpu / ((read or {}).get(mb, size) / MB) for mb, (cpu, _, size) in cost.items()}


@pytest.mark.parametrize("fmt", ["text", "html"])
def test_cost_per_mb_does_not_grow_with_size(fmt, tmp_path):
    make, suffix = (text_report, ".txt") if fmt == "text" else (html_report, ".html")
    cost = _convert_all(tmp_path, make, suffix)
    per_mb = _per_mb(cost)
    shown = ", ".join(f"{mb} MB: {per_mb[mb]:.2f} s/MB" for mb in SIZES)
    for mb in SIZES[1:]:
        assert per_mb[mb] <= SLACK * per_mb[1], f"{fmt}: CPU time per MB grows with size ({shown})"
    if fmt == "html":
        read = {mb: len(limit_size(make(mb * MB).decode("utf-8"), "page.html")[0].encode("utf-8")) for mb in SIZES}
        per_read = _per_mb(cost, read)
        shown = ", ".join(f"{mb} MB: {per_read[mb]:.2f} s per MB read" for mb in SIZES)
        for mb in SIZES[1:]:
            assert per_read[mb] <= SLACK * per_read[1], f"html: CPU time per MB read grows ({shown})"
    # nor may memory: what the child's peak resident set grows by per MB of input, from 4 to 16
    # MB against from 1 to 4. Increments, not peaks over an idle child: a child forked from a
    # large parent reuses the free heap it inherits, which hides the first megabytes' memory.
    peak = {mb: cost[mb][1] for mb in SIZES}
    low, high = (peak[4] - peak[1]) / 3, (peak[16] - peak[4]) / 12
    print(f"{fmt}: {shown}; peak memory " + ", ".join(f"{mb} MB: {peak[mb]:.0f} MB" for mb in SIZES)
          + f"; idle child {idle_peak_mb():.0f} MB")
    assert high <= SLACK * max(low, 1.0), \
        f"{fmt}: peak memory per MB grows ({low:.0f} MB per MB from 1 to 4 MB, {high:.0f} from 4 to 16)"
