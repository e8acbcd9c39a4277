"""Explanations: the text under a performance's repeated code (`Toelichting`), and a goal's.

The heading repeats the performance's code and (some form of) its title; the title may run on
into the text (`9A1.3 Bevorderen ... ondersteuning Betrokkenheid van cliënten ...`), wrap over
lines, or differ a little from the table's. The explanation runs until the next code line or
section heading.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from ..layout import Origin, provenance
from ..profiles import sections
from ..profiles.codes import CodeLine, leading_code
from .found import Found
from .units import Stream, Unit

_UPPER_START = re.compile(r"^[A-ZÀ-Ý0-9'\"‘“]")
_SPACES = re.compile(r"\s+")


@dataclass
class ExplanationDraft:
    kind: str  # 'performance' | 'goal'
    code: str
    lines: list[tuple[str, bool]] = field(default_factory=list)  # (text, starts paragraph)
    start: Origin | None = None
    end: Origin | None = None
    heading_level: int = 0


class Explanations:
    """Collects the explanation being read (`draft`) and hands it to its record in `found` when
    it ends."""

    def __init__(self, stream: Stream, found: Found, wrapped: bool):
        self.stream = stream
        self.found = found
        self.wrapped = wrapped
        self.draft: ExplanationDraft | None = None

    @property
    def code(self) -> str | None:
        return self.draft.code if self.draft is not None else None

    def start(self, i: int, u: Unit, cl: CodeLine) -> int:
        """A line repeating a known code opens its explanation; returns the index after the
        heading (the repeated title may wrap over the next lines)."""
        code = cl.code
        if code.kind == "goal":
            self.draft = ExplanationDraft("goal", code.text, start=u.origin, end=u.origin, heading_level=u.heading)
            return i + 1
        title = self.found.performances[code.text].title
        lines = [cl.rest]
        origins = [u.origin]
        j = i + 1
        while len(lines) < 4:
            v = self.stream.unit(j)
            if v is None or v.group != u.group or v.first or leading_code(v.text):
                break
            lines.append(v.text)
            origins.append(v.origin)
            j += 1
        self.draft = ExplanationDraft("performance", code.text, start=u.origin, end=u.origin, heading_level=u.heading)
        used, remainder = _match_title(title, lines)
        if used == 0:
            first = cl.rest
            if not first:
                return i + 1  # title follows on the next line; treated as text if not similar
            if _similar_heading(first, title):
                return i + 1
            self.draft.lines.append((first, True))
            return i + 1
        if remainder and _UPPER_START.match(remainder):
            self.draft.lines.append((remainder, True))
        self.draft.end = origins[used - 1]
        return i + used

    def add(self, u: Unit) -> None:
        assert self.draft is not None
        self.draft.lines.append((u.text, u.first))
        self.draft.end = u.origin

    def ends_at_heading(self, u: Unit) -> bool:
        """A heading of the explanation's level or higher ends it."""
        d = self.draft
        return bool(d is not None and u.heading and d.heading_level and u.heading <= d.heading_level)

    def end(self) -> None:
        e = self.draft
        self.draft = None
        if e is None or not e.lines:
            return
        text = _join_lines(e.lines, self.wrapped)
        if not text:
            return
        raw = "\n".join(t for t, _ in e.lines)
        prov = provenance(self.found.src, e.start or Origin(), raw, e.end)
        if e.kind == "performance":
            perf = self.found.performances[e.code]
            if perf.explanation:
                self.found.append_text(perf, "explanation", text)
            else:
                perf.explanation = text
                perf.explanation_provenance = prov
        else:
            self.found.append_text(self.found.goals[e.code], "description", text)


def _norm(text: str) -> str:
    return _SPACES.sub(" ", text.casefold()).strip()


def _match_title(title: str, lines: list[str]) -> tuple[int, str]:
    """How many of `lines` the known title covers from the start, and the text left after it on
    the last covered line. (0, '') when the lines do not start with the title."""
    want = _norm(title)
    if not want:
        return 0, ""
    for k, line in enumerate(lines):
        have = _norm(line)
        if want.startswith(have) and len(have) < len(want) and have:
            want = want[len(have):].strip()
            continue
        if have.startswith(want):
            # map the normalised prefix length back onto the cleaned line (white space is single)
            cleaned = _SPACES.sub(" ", line).strip()
            rest = cleaned[len(want):].strip()
            return k + 1, rest
        return 0, ""
    return 0, ""


def _similar_heading(text: str, title: str) -> bool:
    a, b = _norm(text), _norm(title)
    if len(a) > 1.5 * len(b) + 20:
        return False
    ta, tb = set(re.findall(r"\w+", a)), set(re.findall(r"\w+", b))
    overlap = len(ta & tb) / max(1, len(tb))
    return overlap >= 0.6 or SequenceMatcher(None, a, b).ratio() >= 0.75


def _join_lines(lines: list[tuple[str, bool]], wrapped: bool) -> str:
    """The paragraphs of an explanation, wrapped lines joined (`sections.join_wrapped`, piece by
    piece: linear in the text however many lines a paragraph has)."""
    out: list[list[str]] = []     # the pieces of each paragraph
    end = ""                      # the last two characters of the paragraph so far
    for text, first in lines:
        if out and wrapped and (not first or sections.LOWER_START.match(text)):
            piece = text.strip()
            if piece:
                joined = sections.wrap_separator(end, piece) + piece
                out[-1].append(joined)
                end = (end + joined)[-2:]
        else:
            out.append([text.rstrip()])
            end = text.rstrip()[-2:]
    return "\n".join(t.strip() for t in ("".join(p) for p in out) if t.strip())
