"""HTML conversion speed on one core: pages per second for the sample pages, and how the time
splits between bs4 + lxml building the tree and our own code (chrome removal, table expansion,
walking the tree into blocks, then the record parser and checks).

    .venv/bin/python bench/html_bench.py [--rounds N] [PAGES_OR_FOLDERS...]

All three are measured in the same run on the same pages: `BeautifulSoup(text, "lxml")` alone,
the HTML source alone (`read_html`, which includes that parse), and the whole `extract.convert`
(which includes reading the file). Not part of the test suite.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from bs4 import BeautifulSoup

import extract
from extract.sources.html.page import read_html
from extract.sources.html.encoding import decode_html
from extract.sources.html.limits import check_text, limit_size

ROOT = Path(__file__).resolve().parent.parent


def pin_one_core() -> str:
    """Run on one core, so the figure is per core whatever the machine."""
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"cpu {cpu}"
    return "one process"


def pages_in(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        out.extend(sorted(p.rglob("*.htm*")) if p.is_dir() else [p])
    return out


def markup_of(path: Path) -> str:
    """The text bs4 is given by the source (decoded, guarded, slimmed when big)."""
    text, _ = decode_html(path.read_bytes(), path.name)
    text, _ = limit_size(check_text(text, path.name), path.name)
    return text


def timed(fn, items, rounds: int) -> float:
    start = time.perf_counter()
    for _ in range(rounds):
        for item in items:
            fn(item)
    return time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=20, help="times each page is converted (default 20)")
    ap.add_argument("paths", nargs="*", default=[str(ROOT / "samples" / "html")],
                    help="pages or folders of pages (default samples/html)")
    args = ap.parse_args()
    where = pin_one_core()
    pages = pages_in(args.paths)
    if not pages:
        print("no pages found", file=sys.stderr)
        return 2
    size = sum(p.stat().st_size for p in pages)
    markups = [markup_of(p) for p in pages]
    data = [(str(p), p.read_bytes(), p.name) for p in pages]
    for p in pages:  # warm up: imports, regex compilation, file cache
        extract.convert(p)
    n = len(pages) * args.rounds
    t_bs4 = timed(lambda text: BeautifulSoup(text, "lxml"), markups, args.rounds)
    t_source = timed(lambda item: read_html(*item), data, args.rounds)
    t_convert = timed(extract.convert, pages, args.rounds)
    ours = t_convert - t_bs4
    print(f"HTML benchmark: {len(pages)} pages ({size / 1024:.0f} KB), {args.rounds} rounds, one core ({where})")
    print(f"extract.convert: {n} pages in {t_convert:.2f} s = {n / t_convert:.0f} pages/s "
          f"({1000 * t_convert / n:.1f} ms/page, {size * args.rounds / t_convert / 1e6:.2f} MB/s)")
    print(f"  bs4 + lxml parsing      {1000 * t_bs4 / n:6.2f} ms/page  {100 * t_bs4 / t_convert:5.1f} %")
    print(f"  our code                {1000 * ours / n:6.2f} ms/page  {100 * ours / t_convert:5.1f} %")
    print(f"    HTML source (rest)    {1000 * (t_source - t_bs4) / n:6.2f} ms/page  "
          f"{100 * (t_source - t_bs4) / t_convert:5.1f} %   chrome, content, tables, blocks, source lines")
    print(f"    parser and checks     {1000 * (t_convert - t_source) / n:6.2f} ms/page  "
          f"{100 * (t_convert - t_source) / t_convert:5.1f} %   records, values, validation")
    return 0


if __name__ == "__main__":
    sys.exit(main())
