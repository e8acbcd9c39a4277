"""The long fuzz campaign of issue 13: hostile text, HTML and PDF inputs made from the samples,
each converted in a child process with a CPU time and a memory limit.

    .venv/bin/python bench/fuzz.py                       # 100,000 inputs, seed 1, 2 processes
    nice -n 10 .venv/bin/python bench/fuzz.py --inputs 20000 --seed 7 --jobs 2
    .venv/bin/python bench/fuzz.py --only 1234 --seed 1  # input 1234 of seed 1 again, kept in --work
    .venv/bin/python bench/fuzz.py --files tests/data/fuzz  # files as they are (regression samples)

Prints inputs tried, what went wrong bucketed by place (exceptions escaping `convert`,
`internal_error` diagnostics, failed documents without a reason, writer and CLI errors, native
crashes, hangs over the CPU limit and inputs over the memory limit), the slowest input, the
slowest time per MB and peak memory; writes report.json, log.jsonl and the failing inputs under
--work (default bench/_work/fuzz/). Exit status 1 when anything was found. Not part of the test
suite: tests/test_fuzz.py runs a short seeded campaign.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from fuzzing.campaign import Limits, campaign, check_files  # noqa: E402
from fuzzing.inputs import SHORT_PLAN, Corpus, Plan, make_input  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--inputs", type=int, default=100_000, help="inputs to try (default 100000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--start", type=int, default=0, help="number of the first input")
    ap.add_argument("--jobs", type=int, default=2, help="children at a time")
    ap.add_argument("--cpu-limit", type=float, default=10.0, help="CPU seconds per input (default 10)")
    ap.add_argument("--memory-limit", type=int, default=2048, help="MB a child may use (default 2048)")
    ap.add_argument("--max-mb", type=float, default=10.0, help="largest input in MB (default 10)")
    ap.add_argument("--formats", default="text,html,pdf", help="formats to make (default text,html,pdf)")
    ap.add_argument("--grow", type=float, default=Plan().grow_share,
                    help=f"share of inputs grown to megabytes (default {Plan().grow_share})")
    ap.add_argument("--short", action="store_true",
                    help="the plan of the short run in tests/test_fuzz.py (inputs up to 0.3 MB, 1%% grown, "
                         "dense PDF pages of 5000 words at most)")
    ap.add_argument("--only", type=int, help="write input N of the seed to --work and run it alone")
    ap.add_argument("--files", nargs="*", type=Path, help="run these files (or folders) as they are")
    ap.add_argument("--work", type=Path, default=ROOT / "bench" / "_work" / "fuzz")
    args = ap.parse_args(argv)
    limits = Limits(cpu_seconds=args.cpu_limit, memory_mb=args.memory_limit)
    shares = dict(Plan().formats)
    plan = Plan(formats=tuple((f, shares[f]) for f in args.formats.split(",")), max_bytes=int(args.max_mb * 1e6),
                grow_share=args.grow)
    if args.short:
        plan = SHORT_PLAN
    if args.files is not None:
        files = [f for p in args.files for f in (sorted(p.rglob("*.*")) if p.is_dir() else [p])
                 if f.suffix.lower() in (".txt", ".html", ".htm", ".pdf", ".md")]
        bad = 0
        for out in check_files(files, args.work / "files", limits, args.jobs):
            flag = "FAIL" if out.problems else "ok"
            bad += bool(out.problems)
            print(f"{flag:4} {out.cpu or 0:6.2f} s {out.peak_mb:5.0f} MB {out.status or '-':8} {out.label}")
            for p in out.problems:
                print(f"     [{p['kind']}] {p.get('type')} at {p.get('place')}: {p.get('detail', '')[:200]}")
        print(f"{len(files)} files, {bad} with problems")
        return 1 if bad else 0
    if args.only is not None:
        item = make_input(args.seed, args.only, Corpus.from_samples(), plan)
        args.work.mkdir(parents=True, exist_ok=True)
        path = args.work / f"input-{args.seed}-{args.only}{item.suffix}"
        path.write_bytes(item.data)
        print(f"{item.label}\n-> {path} ({len(item.data)} bytes)")
        return main(["--files", str(path), "--work", str(args.work), "--cpu-limit", str(args.cpu_limit),
                     "--memory-limit", str(args.memory_limit), "--jobs", "1"])
    last = [time.monotonic()]

    def progress(report) -> None:
        if time.monotonic() - last[0] > 60:
            last[0] = time.monotonic()
            print(f"  ... {report.tried} inputs, {report.failures} problems", flush=True)
            (args.work / "report.txt").write_text("\n".join(report.lines()) + "\n(still running)\n")

    report = campaign(args.seed, args.inputs, args.work, limits, plan, jobs=args.jobs, start=args.start,
                      progress=progress, log=args.work / "log.jsonl")
    text = "\n".join(report.lines())
    print(text)
    (args.work / "report.json").write_text(json.dumps(report.as_json(), indent=1))
    (args.work / "report.txt").write_text(text + "\n")
    return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main())
