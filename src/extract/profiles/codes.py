"""Record codes: policy area `9A`, goal `9A1`, performance `9A1.1`, indicator `9A1.a`.

Typing slips seen on real pages are read as what they mean: `5.C1.1` is `5C1.1`, `7A1. 3` is
`7A1.3`, `8C3.` is `8C3`. Leiden's 2025 numbering (`2A101` for performance 1 of goal 2A1) is
read too. A code glued to the text before it (`...zorg9B2 Gezondheid...`) is found by `split_fused`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ..models.memo import remember_short

CodeKind = Literal["policy_area", "goal", "performance", "indicator"]

_CORE = (
    r"(?P<pa>\d{1,2})\.?(?P<letter>[A-Z])"
    r"(?:(?P<goal3>\d)(?P<perf3>\d\d)(?![\d.])"          # 2A101 (Leiden 2025)
    r"|(?P<goal>\d{1,2})"
    r"(?:\.\s?(?P<perf>\d{1,2})(?![\d,])|\.(?P<ind>[a-z])(?![a-zA-Z]))?)"
)
# A code at the start of a line, optionally after a label word, followed by its text.
_LEADING = re.compile(
    r"^\s*(?:[•·\-–]\s*|[*+o]\s+)?(?P<label>(?:Prestatie|Doel|Effectindicator|Indicator|Beleidsterrein)\s+)?"
    + _CORE + r"(?P<dot>\.)?(?=\s|$|:)\s*:?\s*(?P<rest>.*)$", re.DOTALL)
# A policy area line: `Beleidsterrein 9A Sociale binding` or a bare `5A Verharde openbare ruimte`.
_POLICY_AREA = re.compile(
    r"^\s*(?:(?P<label>Beleidsterrein|Taakveld|Beleidsveld)\s+)?(?P<pa>\d{1,2})\s?(?P<letter>[A-Z])(?:\s*[:.\-–]\s*|\s+)"
    r"(?P<title>[A-ZÀ-Ý][^\n]*)$")  # stripped after: `[^\n]*?\s*$` is quadratic in a run of spaces
_EMBEDDED = re.compile(r"(?<![\w.])(?=\d{1,2}[A-Z]\d{1,3}(?:\.\d{1,2}|\.[a-z])?\s+[A-ZÀ-Ý('\"])|(?<=[a-zà-ÿ)])(?=\d{1,2}[A-Z]\d(?:\.\d{1,2})?\s+[A-ZÀ-Ý])")


@dataclass(frozen=True, slots=True)
class Code:
    text: str          # normalised: 9A, 9A1, 9A1.1, 9A1.a
    kind: CodeKind
    policy_area: str | None  # 9A (None in grammars without policy areas)
    goal: str | None   # 9A1 for goals, performances and indicators

    def parent(self) -> str | None:
        if self.kind in ("performance", "indicator"):
            return self.goal
        if self.kind == "goal":
            return self.policy_area
        return None


@dataclass(frozen=True, slots=True)
class CodeLine:
    code: Code
    label: str | None  # 'Prestatie', 'Doel', ... when the line starts with one
    rest: str          # the text after the code


def _code_from_match(m: re.Match) -> Code:
    pa = f"{m.group('pa')}{m.group('letter')}"
    if m.group("goal3") is not None:
        goal = f"{pa}{m.group('goal3')}"
        return Code(f"{pa}{m.group('goal3')}{m.group('perf3')}", "performance", pa, goal)
    goal = f"{pa}{m.group('goal')}"
    if m.group("perf") is not None:
        return Code(f"{goal}.{int(m.group('perf'))}", "performance", pa, goal)
    if m.group("ind") is not None:
        return Code(f"{goal}.{m.group('ind')}", "indicator", pa, goal)
    return Code(goal, "goal", pa, goal)


@remember_short(32768)  # the readers of a line each ask it, the pass over column widths first (a
# CodeLine is frozen: safe to share); a report of up to ~30,000 distinct lines keeps all its answers
def leading_code(text: str) -> CodeLine | None:
    """The record code a line starts with, if any (`9A1.1 Organiseren ...`)."""
    m = _LEADING.match(text)
    if not m:
        return None
    label = (m.group("label") or "").strip() or None
    if label == "Beleidsterrein":
        return None
    return CodeLine(_code_from_match(m), label, m.group("rest").strip())


def parse_code(text: str) -> Code | None:
    """A code on its own (`9A1.a`, `9A1`, `9A`), or None."""
    text = text.strip()
    m = re.fullmatch(_CORE + r"\.?", text)
    if m:
        return _code_from_match(m)
    m = re.fullmatch(r"(\d{1,2})\s?([A-Z])", text)
    if m:
        pa = m.group(1) + m.group(2)
        return Code(pa, "policy_area", pa, None)
    return None


def policy_area_line(text: str, max_title: int = 90) -> tuple[str, str, bool] | None:
    """(code, title, labelled) for `Beleidsterrein 9A Title` or a bare short `9A Title` line."""
    m = _POLICY_AREA.match(text)
    if not m:
        return None
    title = m.group("title").strip()
    labelled = bool(m.group("label"))
    if not labelled and (len(title) > max_title or title.endswith((".", ":", ";", ","))):
        return None
    return f"{m.group('pa')}{m.group('letter')}", title, labelled


@remember_short(4096)
def _fused(text: str) -> tuple[str, ...]:
    return tuple(_split_fused(text))


def split_fused(text: str) -> list[str]:
    """Split a line where further codes start inside it, glued or after a space:
    `2B4 Handhaven openbare orde2B4.1 Handhaven horecaregelgeving` -> two parts."""
    return list(_fused(text))


def _split_fused(text: str) -> list[str]:
    cuts = [m.start() for m in _EMBEDDED.finditer(text) if m.start() > 0]
    if not cuts:
        return [text]
    parts, start = [], 0
    for cut in cuts:
        parts.append(text[start:cut].strip())
        start = cut
    parts.append(text[start:].strip())
    return [p for p in parts if p]


# A record code anywhere in running text: 9A1, 9A1.1 (also `9A1. 1`), 9A1.a, 2A101 (a policy
# area alone is not one).
_IN_TEXT = re.compile(r"(?<![\w.])\d{1,2}\.?[A-Z]\d{1,3}(?:\.\s?\d{1,2}|\.[a-z])?(?![\w])")
_START = re.compile(r"^\s*\d{1,2}\.?[A-Z]\d")


def mentions_code(text: str) -> bool:
    """Does a record code (goal, performance or indicator) stand anywhere in `text`?"""
    return bool(_IN_TEXT.search(text))


def starts_like_code(text: str) -> bool:
    """Does `text` start the way a goal, performance or indicator code does (`9A1`, `9A1.1`,
    `5.C1`)? A cheap test; `leading_code` reads the code itself."""
    return bool(_START.match(text))
