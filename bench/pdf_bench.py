#!/usr/bin/env python3
"""PDF conversion speed and memory on a 400-page annual report, against bare pdfplumber.

    .venv/bin/python bench/pdf_bench.py [--rounds N] [REPORT.pdf]

Without a file it converts bench/_work/jaarstukken-400.pdf, generating it first with
bench/make_report.py (needs reportlab, the `dev` extra). In the same run, each in a fresh child
process pinned to one core, it measures:

- ours: `extract.convert(report)`, the whole conversion (pypdfium2 text pass over every page,
  pdfplumber on the candidate pages, parsing, checks), and the child's peak RSS;
- bare: `pdfplumber.open(report)` and `page.extract_words()` for every page (pages closed as it
  goes), the least any pdfplumber-only reader does.

Imports are done before the clock starts in both. Prints pages per second, the ratio
ours / bare (best of N rounds each, alternating), and peak memory. Acceptance: ratio <= 0.25 and
peak memory <= 400 MB. Not part of the test suite.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "bench" / "_work" / "jaarstukken-400.pdf"

CHILD = r"""
import json, os, resource, sys, time
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
path, mode = sys.argv[1], sys.argv[2]
import pdfplumber
import extract
import extract.sources.pdf.document  # noqa: F401  (imported before the clock, like pdfplumber)
start = time.perf_counter()
if mode == "ours":
    doc = extract.convert(path, timeout=None)
    info = {"status": doc.status, "goals": len(doc.goals), "indicators": len(doc.indicators),
            "values": len(doc.values)}
else:
    words = 0
    with pdfplumber.open(path) as pdf:
        pages = len(pdf.pages)
        for page in pdf.pages:
            words += len(page.extract_words())
            page.close()
    info = {"pages": pages, "words": words}
info["seconds"] = time.perf_counter() - start
info["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(info))
"""


def run_child(path: Path, mode: str) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    out = subprocess.run([sys.executable, "-c", CHILD, str(path), mode], capture_output=True, text=True,
                         env=env, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def page_count(path: Path) -> int:
    import pypdfium2 as pdfium
    pdf = pdfium.PdfDocument(path.read_bytes())
    try:
        return len(pdf)
    finally:
        pdf.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("report", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--rounds", type=int, default=2, help="runs of each, alternating; the best counts")
    args = ap.parse_args()
    if not args.report.exists():
        if args.report != DEFAULT:
            ap.error(f"{args.report}: no such file")
        sys.path.insert(0, str(ROOT / "bench"))
        from make_report import make
        make(DEFAULT, 400)
    pages = page_count(args.report)
    ours, bare = [], []
    for _ in range(args.rounds):
        ours.append(run_child(args.report, "ours"))
        bare.append(run_child(args.report, "bare"))
    best_ours = min(ours, key=lambda r: r["seconds"])
    best_bare = min(bare, key=lambda r: r["seconds"])
    ratio = best_ours["seconds"] / best_bare["seconds"]
    peak = max(r["peak_mb"] for r in ours)
    print(f"report: {args.report} ({pages} pages)")
    print(f"ours:   {best_ours['seconds']:.2f} s  {pages / best_ours['seconds']:.0f} pages/s  "
          f"peak {peak:.0f} MB  (goals {best_ours['goals']}, indicators {best_ours['indicators']}, "
          f"values {best_ours['values']}, status {best_ours['status']})")
    print(f"bare pdfplumber extract_words: {best_bare['seconds']:.2f} s  {pages / best_bare['seconds']:.0f} pages/s  "
          f"peak {max(r['peak_mb'] for r in bare):.0f} MB  ({best_bare['words']} words)")
    print(f"ratio ours/bare: {ratio:.3f} (target <= 0.25)   peak memory: {peak:.0f} MB (target <= 400)")
    return 0 if ratio <= 0.25 and peak <= 400 else 1


if __name__ == "__main__":
    sys.exit(main())
