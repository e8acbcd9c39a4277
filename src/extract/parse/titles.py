"""Titles that wrap: which record a line goes on with. In the scrambled two-column Doel |
Prestatie table of PDF text a line continues one of the cells of the line before — the one left
dangling, the one it fits (goal column lines are short), the fullest for its column.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..profiles import sections
from ..profiles.codes import leading_code, split_fused
from .units import Unit


@dataclass
class OpenTitle:
    """Records whose title may continue on the next line: one, or several when a line held
    fused cells (`9B1 Burgers ... 9B1.1 Organiseren ...`). `last` is each one's text on the
    line so far (code included)."""

    candidates: list[tuple[str, str, str]]  # (kind, code, last text)
    group: int
    lines: int = 1  # lines the title has run over so far

    # A title wrapped over more lines than this is no title: what follows is read as text (a
    # run of 100,000 short lines made one title that grew by copying, quadratically).
    MAX_LINES = 12

    @property
    def full(self) -> bool:
        return self.lines >= self.MAX_LINES

    @property
    def last(self) -> str:
        return self.candidates[-1][2]


def pick_continued(candidates: list[tuple[str, str, str]], text: str, widths: dict[str, int]) -> tuple[str, str, str]:
    """Which of the cells on the line before does a wrapped line continue? In the two-column
    Doel | Prestatie table of PDF text, the one left dangling (a comma, a word like `van`),
    else the one the line fits (goal column lines are short), else the one whose line is
    fullest for its column, else the last."""
    if len(candidates) == 1:
        return candidates[0]
    dangling = [c for c in candidates if _dangles(c[2])]
    if len(dangling) == 1:
        return dangling[0]
    fits = [c for c in candidates if len(text) <= widths.get(c[0], 10**6) * 1.15]
    if len(fits) == 1:
        return fits[0]

    def fullness(c: tuple[str, str, str]) -> float:
        return len(c[2]) / max(1, widths.get(c[0], len(c[2])))

    best = max(candidates, key=fullness)
    if fullness(best) - fullness(candidates[-1]) > 0.2:
        return best
    return candidates[-1]


_DANGLING_WORDS = {"van", "de", "het", "een", "en", "of", "voor", "op", "met", "aan", "in", "die", "dat",
                   "te", "tot", "door", "bij", "naar", "om", "over", "uit", "als", "is", "zijn", "worden",
                   "wordt", "ook", "niet", "haar", "hun", "der", "den", "waarin", "waar", "zodat", "omdat"}


def _dangles(text: str) -> bool:
    words = text.rstrip().split()
    return bool(words) and (text.rstrip().endswith((",", "-", "–", "/", "&")) or words[-1].lower() in _DANGLING_WORDS)


def column_widths(units) -> dict[str, int]:
    """The longest code-led cell text per record kind: how wide the goal and performance
    columns of a table rendered as text are."""
    widths: dict[str, int] = {}
    for u in units:
        if not isinstance(u, Unit):
            continue
        cl = leading_code(u.text)
        if cl is None or cl.code.kind not in ("goal", "performance"):
            continue
        for k, part in enumerate(split_fused(cl.rest)):
            if k == 0:
                kind, frag = cl.code.kind, f"{cl.code.text} {part}"
            else:
                sub = leading_code(part)
                if sub is None:
                    continue
                kind, frag = sub.code.kind, part
            widths[kind] = max(widths.get(kind, 0), len(frag))
    return widths


def detect_wrapped(units) -> bool:
    """Text from a PDF wraps sentences over lines; web-page text keeps one paragraph a line.
    Wrapped when several lines inside a paragraph start in lower case."""
    count = 0
    prev = None
    for u in units:
        if isinstance(u, Unit):
            if prev is not None and not u.first and u.group == prev.group and sections.LOWER_START.match(u.text):
                count += 1
            prev = u
        else:
            prev = None
    return count >= 2
