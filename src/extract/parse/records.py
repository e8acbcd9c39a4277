"""The record parser: walks the unit stream and finds policy areas, goals, performances, their
explanations and indicator tables.

Codes drive it. The first time a goal or performance code starts a line, that line defines the
record (its title may wrap over the next lines); a later line starting with the same code opens
the record's explanation. A record belongs to the goal whose code is its prefix, wherever it
appears — which is what makes the scrambled two-column table of PDF text readable.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..layout import Layout, Origin, provenance
from ..models import Diagnostic, Goal, Indicator, IndicatorValue, Performance, PolicyArea
from ..profiles import sections
from ..profiles.codes import Code, CodeLine, leading_code, policy_area_line, split_fused
from .explanations import Explanations, ExplanationDraft
from .grid import parse_grid
from ..profiles.columns import is_header_line, starts_header
from .indicators import ColumnModel, is_value_cell
from .indicator_rows import IndicatorRows
from .units import TableUnit, Unit, build_units



@dataclass
class _Open:
    """Records whose title may continue on the next line: one, or several when a line held
    fused cells (`9B1 Burgers ... 9B1.1 Organiseren ...`). `last` is each one's text on the
    line so far (code included)."""

    candidates: list[tuple[str, str, str]]  # (kind, code, last text)
    group: int

    @property
    def last(self) -> str:
        return self.candidates[-1][2]


@dataclass
class ParseResult:
    policy_areas: list[PolicyArea]
    goals: list[Goal]
    performances: list[Performance]
    indicators: list[Indicator]
    values: list[IndicatorValue]
    diagnostics: list[Diagnostic]
    header_years: dict[str, list[int]]


class RecordParser(IndicatorRows, Explanations):
    def __init__(self, layout: Layout, edition_year: int | None = None):
        self.src = layout.source_file
        self.units = build_units(layout)
        self.edition_year = edition_year
        self.edition_kind = "other"
        self.wrapped = _detect_wrapped(self.units)
        self.widths = _column_widths(self.units)
        self.policy_areas: dict[str, PolicyArea] = {}
        self.goals: dict[str, Goal] = {}
        self.performances: dict[str, Performance] = {}
        self.indicators: dict[str, Indicator] = {}
        self.values: list[IndicatorValue] = []
        self.diagnostics: list[Diagnostic] = []
        self.model: ColumnModel | None = None
        self.table_id = 0
        self.footnotes: dict[int, dict[str, tuple[str, Origin]]] = {}
        self.markers: list[tuple[str, int, str, Origin]] = []  # (indicator code, table, markers, where)
        self.footnote_open: tuple[int, str] | None = None  # (table id, marker) being continued
        self.in_table_notes = False
        self.open: _Open | None = None
        self.expl: ExplanationDraft | None = None
        self.goal_text: str | None = None  # goal whose table cell may hold a description
        self.header_years: dict[str, list[int]] = {"realisatie": [], "streefwaarde": []}
        self.pa_candidates: dict[str, tuple[str, Unit]] = {}
        self.sourceless: dict[int, list[tuple[str, Diagnostic]]] = {}  # rows without a source, per table
        self.roles: list[str] = []  # what each unit was read as: `extract inspect` shows it
        self.role = ""

    # -- helpers -----------------------------------------------------------------------------
    def diag(self, severity: str, code: str, message: str, origin: Origin | None, raw: str = "") -> None:
        prov = provenance(self.src, origin, raw) if origin is not None else None
        self.diagnostics.append(Diagnostic(severity=severity, code=code, message=message,
                                           location=prov.location() if prov else self.src,
                                           provenance=prov))

    def _unit(self, i: int) -> Unit | None:
        if 0 <= i < len(self.units):
            u = self.units[i]
            return u if isinstance(u, Unit) else None
        return None

    # -- main loop ---------------------------------------------------------------------------
    def run(self) -> ParseResult:
        i = 0
        while i < len(self.units):
            u = self.units[i]
            if isinstance(u, TableUnit):
                self.end_explanation()
                self.open = None
                parse_grid(self, u)
                self.roles.append("indicator table (grid)")
                i += 1
                continue
            self.role = "text (not placed)"
            j = self.step(i, u)
            self.roles.extend([self.role] * (j - i))
            i = j
        self.end_explanation()
        self.link_footnotes()
        self.confirm_policy_areas()
        return ParseResult(list(self.policy_areas.values()), list(self.goals.values()),
                           list(self.performances.values()), list(self.indicators.values()),
                           self.values, self.diagnostics, self.header_years)

    def step(self, i: int, u: Unit) -> int:
        text = u.text
        # footnotes under an indicator table
        if self.in_table_notes:
            fn = sections.footnote(text)
            if fn:
                self.add_footnote(fn[0], fn[1], u.origin)
                self.role = f"footnote {fn[0]}"
                return i + 1
            if self.footnote_open and not u.first and not self._row_end(u):
                self.role = f"footnote {self.footnote_open[1]}"

                tid, marker = self.footnote_open
                old, origin = self.footnotes[tid][marker]
                self.footnotes[tid][marker] = (old + " " + text, origin)
                return i + 1
            self.footnote_open = None
        # policy areas
        pa = policy_area_line(text)
        if pa and pa[2]:
            self.end_explanation()
            self.open = None
            self.in_table_notes = False
            self.define_policy_area(pa[0], pa[1], u)
            self.role = f"policy area {pa[0]}"
            return i + 1
        intro = sections.goals_intro(text)
        if intro:
            self.end_explanation()
            self.open = None
            self.in_table_notes = False
            if intro[1]:
                self.define_policy_area(intro[0], intro[1], u)
            self.role = f"goals of {intro[0]}"
            return i + 1
        # indicator table header
        if starts_header(text):
            self.end_explanation()
            self.open = None
            self.role = "indicator header"
            return self.parse_header(i)
        cl = leading_code(text)
        if cl is not None:
            return self.code_line(i, u, cl)
        if pa and self.expl is None and pa[0] not in self.policy_areas and pa[0] not in self.pa_candidates:
            # a bare `5A Verharde openbare ruimte` line: a policy area only if records of it follow
            self.open = None
            self.pa_candidates[pa[0]] = (pa[1], u)
            self.role = f"policy area {pa[0]} (if goals of it follow)"
            return i + 1
        if sections.is_section_heading(text) or sections.is_goal_table_header(text):
            self.end_explanation()
            self.open = None
            self.goal_text = None
            if not sections.footnote(text):
                self.in_table_notes = False
            self.role = "section heading"
            return i + 1
        if u.heading and self.expl is not None and self.expl.heading_level and u.heading <= self.expl.heading_level:
            self.end_explanation()
        # plain text: a title going on, an explanation, a goal description, or prose
        if self.open is not None and u.group == self.open.group and self.continues(self.open.last, u):
            self.extend_title(self.open, u)
            return i + 1
        self.open = None
        if self.expl is not None:
            self.expl.lines.append((text, u.first))
            self.expl.end = u.origin
            self.role = f"explanation of {self.expl.code}"
            return i + 1
        if self.goal_text is not None and self._next_is_record_of(i, self.goal_text):
            goal = self.goals[self.goal_text]
            goal.description = (goal.description + "\n" if goal.description else "") + text
            self.role = f"description of {self.goal_text}"
            return i + 1
        self.goal_text = None
        if self.in_table_notes:
            # text right under an indicator table that is neither a footnote nor a heading:
            # perhaps a cell the row did not take
            self.diag("info", "unplaced_text", f"text after an indicator table not placed: {text[:120]}",
                      u.origin, text)
            self.in_table_notes = False
        return i + 1

    def confirm_policy_areas(self) -> None:
        """Bare policy-area lines count when goals of that area were found."""
        used = {g.policy_area_code for g in self.goals.values()}
        for code, (title, u) in self.pa_candidates.items():
            if code in used and code not in self.policy_areas:
                self.define_policy_area(code, title, u)

    def _next_is_record_of(self, i: int, goal: str) -> bool:
        for j in range(i + 1, min(i + 8, len(self.units))):
            v = self._unit(j)
            if v is None:
                return False
            cl = leading_code(v.text)
            if cl is not None:
                return cl.code.goal == goal and cl.code.kind == "performance"
        return False

    def continues(self, prev: str, u: Unit) -> bool:
        if u.first or leading_code(u.text) or sections.is_section_heading(u.text):
            return False
        if sections.LOWER_START.match(u.text):
            return True
        return self.wrapped and not sections.ends_sentence(prev)

    # -- records -----------------------------------------------------------------------------
    def define_policy_area(self, code: str, title: str, u: Unit) -> None:
        if code in self.policy_areas:
            return
        title = re.sub(r"\s+", " ", title).strip(" :-–")
        self.policy_areas[code] = PolicyArea(code=code, title=title,
                                             provenance=provenance(self.src, u.origin, u.text))

    def code_line(self, i: int, u: Unit, cl: CodeLine) -> int:
        code = cl.code
        if code.kind == "indicator":
            self.end_explanation()
            self.open = None
            self.role = f"indicator {code.text}"
            return self.parse_indicator_row(i, u, cl)
        if cl.label == "Doel" and code.kind == "goal":
            # `Doel 9A1 ...` row in an indicator table, or a goal heading
            self.end_explanation()
            self.open = None
            if code.text not in self.goals and cl.rest:
                self.define(code, cl.rest, u)
                self.open = _Open([("goal", code.text, u.text)], u.group)
            self.role = f"goal {code.text} (table row)"
            return i + 1
        known = self.goals if code.kind == "goal" else self.performances
        if code.text in known:
            parts = split_fused(cl.rest)
            inner = leading_code(parts[1]) if len(parts) > 1 else None
            if inner is not None and inner.code.kind == "indicator" and inner.code.goal == code.text:
                # a goal column beside its first indicator row (`2B1 Inwoners ... 2B1.a Percentage ...`)
                return self.code_line(i, Unit(parts[1], u.origin, u.group, u.first, u.heading, u.cell), inner)
            self.end_explanation()
            self.open = None
            self.role = f"explanation of {code.text} (heading)"
            return self.start_explanation(i, u, cl)
        self.end_explanation()
        self.in_table_notes = False
        title_unit = self._title_on_next_line(i, cl)
        if title_unit is not None:
            # a code in a cell of its own (`9A1.1`), its title in the next one
            self.define(code, title_unit.text, u)
            record = self.goals[code.text] if code.kind == "goal" else self.performances[code.text]
            record.provenance.raw += "\n" + title_unit.text
            record.provenance.line_end = title_unit.origin.line
            self.open = _Open([(code.kind, code.text, f"{code.text} {title_unit.text}")], title_unit.group)
            self.role = f"{code.kind} {code.text}"
            self.roles.append(self.role)
            return i + 2
        parts = split_fused(cl.rest)
        self.define(code, parts[0], u)
        fragments = [(code.kind, code.text, f"{code.text} {parts[0]}")]
        for k, part in enumerate(parts[1:], start=1):
            sub = leading_code(part)
            if sub is not None and sub.code.kind == "indicator" and self.model is not None:
                # a goal cell beside its first indicator row: the rest of the line is that row
                self.role = f"goal {code.text} + indicator {sub.code.text}"
                rest = " ".join(parts[k:])
                return self.parse_indicator_row(i, Unit(rest, u.origin, u.group, u.first, u.heading, u.cell),
                                                leading_code(rest))
            if sub is None or sub.code.kind == "indicator":
                self.diag("warning", "unplaced_text", f"text inside a table line not placed: {part[:120]}",
                          u.origin, u.text)
                continue
            store = self.goals if sub.code.kind == "goal" else self.performances
            if sub.code.text in store:
                self.diag("warning", "repeated_code", f"{sub.code.text} appears again inside a table line",
                          u.origin, u.text)
                continue
            self.define(sub.code, sub.rest, u)
            fragments.append((sub.code.kind, sub.code.text, part))
        self.open = _Open(fragments, u.group)
        self.role = " + ".join(f"{kind} {c}" for kind, c, _ in fragments)
        self.goal_text = code.text if code.kind == "goal" and len(parts) == 1 else None
        return i + 1

    def _title_on_next_line(self, i: int, cl: CodeLine) -> Unit | None:
        """The next unit when a code stands alone and its text follows as plain text."""
        if cl.rest:
            return None
        nxt = self._unit(i + 1)
        if nxt is None or leading_code(nxt.text) or self._row_end(nxt) or is_value_cell(nxt.text) \
                or sections.is_goal_table_header(nxt.text) or is_header_line(nxt.text):
            return None
        return nxt

    def define(self, code: Code, title: str, u: Unit) -> None:
        title = title.strip(" :.-–") if title.endswith((":", " -")) else title.strip()
        prov = provenance(self.src, u.origin, u.text)
        if not title:
            self.diag("warning", "missing_title", f"{code.text} has no title", u.origin, u.text)
        if code.kind == "goal":
            self.goals[code.text] = Goal(code=code.text, policy_area_code=code.policy_area,
                                         title=title, provenance=prov)
        else:
            self.performances[code.text] = Performance(code=code.text, goal_code=code.goal,
                                                       title=title, provenance=prov)

    def extend_title(self, open_: _Open, u: Unit) -> None:
        kind, code, _last = self.pick_continued(open_.candidates, u.text)
        open_.candidates = [(kind, code, u.text)]
        self.role = f"{kind} {code} (title goes on)"
        record = self.goals.get(code) if kind == "goal" else self.performances.get(code)
        if record is None:
            return
        record.title = sections.join_wrapped(record.title, u.text)
        p = record.provenance
        p.raw = p.raw + "\n" + u.text
        if u.origin.line is not None:
            p.line_end = u.origin.line

    def pick_continued(self, candidates: list[tuple[str, str, str]], text: str) -> tuple[str, str, str]:
        """Which of the cells on the line before does a wrapped line continue? In the two-column
        Doel | Prestatie table of PDF text, the one left dangling (a comma, a word like `van`),
        else the one the line fits (goal column lines are short), else the one whose line is
        fullest for its column, else the last."""
        if len(candidates) == 1:
            return candidates[0]
        dangling = [c for c in candidates if _dangles(c[2])]
        if len(dangling) == 1:
            return dangling[0]
        fits = [c for c in candidates if len(text) <= self.widths.get(c[0], 10**6) * 1.15]
        if len(fits) == 1:
            return fits[0]

        def fullness(c: tuple[str, str, str]) -> float:
            return len(c[2]) / max(1, self.widths.get(c[0], len(c[2])))

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


def _column_widths(units) -> dict[str, int]:
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


def _detect_wrapped(units) -> bool:
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
