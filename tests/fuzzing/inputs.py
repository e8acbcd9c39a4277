"""The fuzz inputs: input number N of a seed is always the same bytes, whatever else runs.

`Corpus` holds the seed documents (every text, HTML and PDF sample under `samples/` and
`tests/data/`, plus generated PDFs); `Plan` says how inputs are drawn (formats and their
shares, the largest input, how often an input is grown to megabytes); `make_input` draws one.
"""
from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import mutate_bytes, mutate_html, mutate_pdf, mutate_text

ROOT = Path(__file__).resolve().parents[2]
SUFFIX = {"text": ".txt", "html": ".html", "pdf": ".pdf"}


@dataclass(frozen=True)
class FuzzInput:
    index: int
    fmt: str
    seed: str            # the sample (or generator) it was made from
    steps: tuple[str, ...]
    data: bytes
    suffix: str

    @property
    def label(self) -> str:
        return f"#{self.index} {self.fmt} {self.seed}: {' + '.join(self.steps) or 'as is'}"


@dataclass(frozen=True)
class Plan:
    formats: tuple[tuple[str, float], ...] = (("text", 0.45), ("html", 0.42), ("pdf", 0.13))
    max_bytes: int = 10_000_000     # no input is larger (growth and storms are capped)
    grow_share: float = 0.015       # inputs grown to 0.1-7 MB of repeated structure
    mutations: tuple[int, int] = (1, 4)
    lying_suffix: float = 0.04      # a PDF named .txt, a web page named .pdf ...
    pdf_words: int = 30000          # most words on a generated dense PDF page


# The short run of the test suite: small inputs, few grown, and dense PDF pages of at most 5000
# words (pdfplumber spends ~50 us per glyph: a page of 30,000 words takes over 10 s in it alone,
# an open finding for the PDF source, see tests/data/fuzz/open/).
SHORT_PLAN = Plan(max_bytes=300_000, grow_share=0.01, pdf_words=5000)


def _text_of(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("windows-1252", errors="replace")


@dataclass
class Corpus:
    text: list[tuple[str, str]] = field(default_factory=list)
    html: list[tuple[str, str]] = field(default_factory=list)
    pdf: list[tuple[str, bytes]] = field(default_factory=list)

    @classmethod
    def from_samples(cls, roots: list[Path] | None = None) -> "Corpus":
        roots = roots or [ROOT / "samples", ROOT / "tests" / "data" / "html", ROOT / "tests" / "data" / "pdf"]
        corpus = cls()
        for root in roots:
            for path in sorted(root.rglob("*")):
                suffix = path.suffix.lower()
                if not path.is_file() or "fuzz" in path.parts:
                    continue
                if suffix == ".txt":
                    corpus.text.append((path.name, _text_of(path.read_bytes())))
                elif suffix in (".html", ".htm"):
                    corpus.html.append((path.name, _text_of(path.read_bytes())))
                elif suffix == ".pdf":
                    corpus.pdf.append((path.name, path.read_bytes()))
        return corpus

    def files(self) -> list[tuple[str, str, bytes]]:
        """(format, name, bytes) of every seed, for warming up."""
        return ([("text", n, t.encode()) for n, t in self.text] + [("html", n, t.encode()) for n, t in self.html]
                + [("pdf", n, d) for n, d in self.pdf])


def _weighted(rng: random.Random, items: list[tuple[Callable, float]]) -> Callable:
    return rng.choices([f for f, _ in items], weights=[w for _, w in items])[0]


def _count(rng: random.Random, plan: Plan) -> int:
    low, high = plan.mutations
    return min(high, low + int(rng.expovariate(1.0)))


def _text_steps(rng, text, plan, others, html: bool) -> tuple[str, list[str]]:
    steps = []
    pool = mutate_text.TEXT_MUTATORS + (mutate_html.HTML_MUTATORS * 2 if html else [])
    for _ in range(_count(rng, plan)):
        if rng.random() < 0.06:
            text, label = mutate_text.splice(rng, text, plan.max_bytes, others)
        else:
            text, label = _weighted(rng, pool)(rng, text, plan.max_bytes)
        steps.append(label)
        if len(text) > plan.max_bytes:
            text = text[: plan.max_bytes]
            steps.append("capped")
    if rng.random() < plan.grow_share:
        text, label = (mutate_html.grow_html if html else mutate_text.grow)(rng, text, plan.max_bytes)
        steps.append(label)
    return text, steps


def make_input(seed: int, index: int, corpus: Corpus, plan: Plan) -> FuzzInput:
    rng = random.Random(f"{seed}/{index}")
    fmt = rng.choices([f for f, _ in plan.formats], weights=[w for _, w in plan.formats])[0]
    steps: list[str] = []
    if fmt == "pdf":
        if rng.random() < 0.4 or not corpus.pdf:
            generate = _weighted(rng, mutate_pdf.GENERATORS)
            data, label = (generate(rng, plan.pdf_words) if generate is mutate_pdf.gen_dense else generate(rng))
            name = label.split("(")[0]
            steps.append(label)
        else:
            name, data = rng.choice(corpus.pdf)
        for _ in range(_count(rng, plan) - (1 if steps else 0)):
            mutator = _weighted(rng, mutate_pdf.PDF_MUTATORS + mutate_bytes.BYTE_MUTATORS)
            data, label = mutator(rng, data)
            steps.append(label)
    else:
        pool = corpus.text if fmt == "text" else corpus.html
        name, text = rng.choice(pool)
        text, steps = _text_steps(rng, text, plan, [t for _, t in pool], html=fmt == "html")
        if rng.random() < (0.35 if fmt == "text" else 0.15):
            data, how = mutate_bytes.encode(rng, text)
            steps.append(f"encode({how})")
        else:
            data = text.encode("utf-8", "surrogateescape")
        if rng.random() < 0.12:
            data, label = _weighted(rng, mutate_bytes.BYTE_MUTATORS)(rng, data)
            steps.append(label)
    data = data[: plan.max_bytes]
    suffix = SUFFIX[fmt]
    if rng.random() < plan.lying_suffix:
        suffix = rng.choice([".txt", ".html", ".htm", ".pdf", ".md"])
        steps.append(f"named {suffix}")
    return FuzzInput(index, fmt, name, tuple(steps), data, suffix)
