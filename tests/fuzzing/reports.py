"""Large reports of repeated real structure, for the scaling tests: the text and HTML samples
one after another, each copy's codes moved to another policy area (`mutate_text.renumber`), until
the report has the size asked for."""
from __future__ import annotations

import re

from .inputs import ROOT
from .mutate_text import renumber

TEXT_SEEDS = ["samples/000_77f27bb01ce9e9d5.txt", "samples/002_28e5dc0f656876b6.txt",
              "samples/text/8c-sport-jaarstukken-pdftext.txt", "samples/text/4a-verkeer-pipe-tables.txt",
              "samples/text/9a-tab-separated-browser-copy.txt"]
HTML_SEEDS = ["samples/html/000-begroting-2019-9a-sociale-binding.html",
              "samples/html/begroting-2022-2b-sociale-veiligheid-rowspan.html",
              "samples/html/begroting-2023-6a-werk-div-layout.html",
              "samples/html/jaarstukken-2021-5c-openbaar-groen-voetnoten.html"]


def text_report(size: int) -> bytes:
    """A text report of about `size` bytes: the text samples repeated, renumbered."""
    seeds = [(ROOT / p).read_text(encoding="utf-8") + "\n\n" for p in TEXT_SEEDS]
    return _repeat(seeds, size).encode("utf-8")


def _body(html: str) -> str:
    m = re.search(r"<body[^>]*>(.*)</body>", html, re.DOTALL | re.IGNORECASE)
    body = m.group(1) if m else html
    main = re.search(r"<main[^>]*>(.*)</main>", body, re.DOTALL | re.IGNORECASE)
    return main.group(1) if main else body


def html_report(size: int) -> bytes:
    """One web page of about `size` bytes: the main content of the HTML samples repeated,
    renumbered, inside one page with a header, navigation and footer."""
    seeds = [_body((ROOT / p).read_text(encoding="utf-8")) for p in HTML_SEEDS]
    head = ('<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Programmabegroting 2024 | '
            'Gemeente Leiden</title></head><body><header class="site-header"><nav><ul><li><a href="/">Home</a></li>'
            '</ul></nav></header><main id="inhoud">')
    tail = '</main><footer class="site-footer"><p>Gemeente Leiden</p></footer></body></html>'
    return (head + _repeat(seeds, size - len(head) - len(tail)) + tail).encode("utf-8")


def _repeat(units: list[str], size: int) -> str:
    out: list[str] = []
    total, k = 0, 0
    while total < size:
        piece = renumber(units[k % len(units)], k)
        out.append(piece)
        total += len(piece.encode("utf-8"))
        k += 1
    return "".join(out)
