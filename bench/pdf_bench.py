#!/usr/bin/env python3
"""PDF conversion speed and memory on 400-page annual reports of three shapes, against bare
pdfplumber and bare pypdfium2 in the same run.

    .venv/bin/python bench/pdf_bench.py [--rounds N] [--shapes sparse,headings,sections]
                                        [--engine pdfium|pdfplumber] [--big 2000] [REPORT.pdf ...]

Without files it converts the three reports `bench/make_report.py` generates into the
git-ignored bench/_work/ (needs reportlab, the `dev` extra): `sparse` (a few relevant pages),
`headings` (a policy-area heading on every page), `sections` (a running header on every page and
~60 policy areas of prose, goal table, indicator table and money table). For each report, in
alternating rounds, each in a fresh child process pinned to one core, it measures:

- ours: `convert_batch([report], out=DIR)`, exactly what `extract convert REPORT --out DIR` runs
  (every page read, parsing, checks, the CSV tables and JSON written), and the child's peak RSS;
- bare pdfplumber: `pdfplumber.open(report)` and `page.extract_words()` for every page (pages
  closed as it goes), the least any pdfplumber-based reader does;
- bare pypdfium2: the plain text of every page (`get_textpage().get_text_range()`), the least
  any reader does.

Imports are done before the clock starts in all three. Wall time and CPU time are both taken
(on a shared machine the CPU time is the steadier one); the medians over the rounds count.
Then, with `--big N` (default 2000), the `sections` and `sparse` reports are made with N pages
and converted once to compare peak memory with the 400-page ones.

Acceptance (issue 10): ours / bare pdfplumber <= 0.15 on every shape, peak RSS <= 300 MB, and
the N-page reports' peak RSS no higher than the 400-page ones' (within 5 %, the noise of
`ru_maxrss` between runs). Exit status 0 when all hold. Not part of the test suite.

What the memory of the N-page reports is made of: the `sparse` one says as much as the 400-page
one (the same records; its layout keeps the same blocks), so what grows with its pages is only
pdfium's page lookup (~2 KB a page: to find page i of a flat page tree pdfium parses the
dictionaries of the pages before it). The `sections` one has N/400 times the policy areas and
records of the 400-page one: its layout, Document and written tables grow with them.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

CHILD = r"""
import json, os, resource, sys, time
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
path, mode, engine, out = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
import pdfplumber
import pypdfium2 as pdfium
import extract
from extract.api.conversion import convert_batch
import extract.sources.pdf.document  # noqa: F401  (imported before the clock, like pdfplumber)
import extract.sources.pdf.pdfium_page  # noqa: F401
import extract.sources.pdf.plumber  # noqa: F401
import extract.writers  # noqa: F401
info = {}
start, cpu = time.perf_counter(), time.process_time()
if mode == "ours":
    batch = convert_batch([path], out=out, timeout=None, pdf_engine=engine)
    doc = batch.documents[0]
    info = {"status": doc.status, "profile": doc.profile, "goals": len(doc.goals),
            "performances": len(doc.performances), "indicators": len(doc.indicators), "values": len(doc.values)}
elif mode == "bare":
    words = 0
    with pdfplumber.open(path) as pdf:
        pages = len(pdf.pages)
        for page in pdf.pages:
            words += len(page.extract_words())
            page.close()
    info = {"pages": pages, "words": words}
else:
    chars = 0
    pdf = pdfium.PdfDocument(path)
    for i in range(len(pdf)):
        page = pdf[i]
        textpage = page.get_textpage()
        chars += len(textpage.get_text_range())
        textpage.close()
        page.close()
    pdf.close()
    info = {"chars": chars}
info["seconds"] = time.perf_counter() - start
info["cpu"] = time.process_time() - cpu
info["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(info))
"""


def run_child(path: Path, mode: str, engine: str = "pdfium") -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    with tempfile.TemporaryDirectory() as out:
        done = subprocess.run([sys.executable, "-c", CHILD, str(path), mode, engine, out], capture_output=True,
                              text=True, env=env)
    if done.returncode:
        raise SystemExit(f"{mode} on {path} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def page_count(path: Path) -> int:
    import pypdfium2 as pdfium
    pdf = pdfium.PdfDocument(path)
    try:
        return len(pdf)
    finally:
        pdf.close()


def report(shape: str, pages: int) -> Path:
    from make_report import make, report_path
    path = report_path(shape, pages)
    if not path.exists():
        make(path, pages, shape)
    return path


def median(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("reports", nargs="*", type=Path)
    ap.add_argument("--rounds", type=int, default=3, help="alternating runs of each; the medians count")
    ap.add_argument("--shapes", default="sparse,headings,sections")
    ap.add_argument("--engine", default="pdfium", choices=["pdfium", "pdfplumber"])
    ap.add_argument("--big", type=int, default=2000, help="pages of the memory check's reports (0: skip it)")
    args = ap.parse_args()
    paths = args.reports or [report(shape, 400) for shape in args.shapes.split(",")]
    ok = True
    rows = []
    for path in paths:
        pages = page_count(path)
        ours, bare, text = [], [], []
        for _ in range(args.rounds):
            ours.append(run_child(path, "ours", args.engine))
            bare.append(run_child(path, "bare"))
            text.append(run_child(path, "text"))
        o_wall, o_cpu = median(ours, "seconds"), median(ours, "cpu")
        b_wall, b_cpu = median(bare, "seconds"), median(bare, "cpu")
        t_wall, t_cpu = median(text, "seconds"), median(text, "cpu")
        peak = max(r["peak_mb"] for r in ours)
        ratio_wall, ratio_cpu = o_wall / b_wall, o_cpu / b_cpu
        first = ours[0]
        print(f"{path.name} ({pages} pages), medians of {args.rounds} alternated rounds, engine {args.engine}")
        print(f"  ours (convert + write): {o_wall:6.2f} s wall {o_cpu:6.2f} s cpu  {pages / o_wall:5.0f} pages/s  "
              f"{1000 * o_wall / pages:5.1f} ms/page  peak {peak:.0f} MB  ({first['goals']} goals, "
              f"{first['performances']} performances, {first['indicators']} indicators, {first['values']} values, "
              f"profile {first['profile']}, {first['status']})")
        print(f"  bare pdfplumber extract_words: {b_wall:6.2f} s wall {b_cpu:6.2f} s cpu  {pages / b_wall:5.0f} pages/s  "
              f"({bare[0]['words']} words)")
        print(f"  bare pypdfium2 plain text:     {t_wall:6.2f} s wall {t_cpu:6.2f} s cpu  {pages / t_wall:5.0f} pages/s")
        print(f"  ratio ours / pdfplumber: {ratio_wall:.3f} wall, {ratio_cpu:.3f} cpu (target <= 0.15)   "
              f"ours / pypdfium2 text: {o_wall / t_wall:.1f}x wall, {o_cpu / t_cpu:.1f}x cpu")
        ok &= ratio_wall <= 0.15 and ratio_cpu <= 0.15 and peak <= 300
        rows.append((path, pages, peak))
    if args.big and not args.reports:
        for shape in [s for s in ("sections", "sparse") if s in args.shapes.split(",")]:
            small = next(peak for p, n, peak in rows if p == report(shape, 400))
            big = report(shape, args.big)
            got = run_child(big, "ours", args.engine)
            print(f"memory: {big.name} ({page_count(big)} pages): peak {got['peak_mb']:.0f} MB in "
                  f"{got['seconds']:.1f} s ({page_count(big) / got['seconds']:.0f} pages/s) vs {small:.0f} MB at 400 "
                  f"pages  ({got['indicators']} indicators, {got['values']} values)")
            ok &= got["peak_mb"] <= small * 1.05 and got["peak_mb"] <= 300
    print("acceptance:", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
