"""The record parser: walks the unit stream and finds policy areas, goals, performances, their
explanations and indicator tables.

Codes drive it. The first time a goal or performance code starts a line, that line defines the
record (its title may wrap over the next lines); a later line starting with the same code opens
the record's explanation. A record belongs to the goal whose code is its prefix, wherever it
appears — which is what makes the scrambled two-column table of PDF text readable.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from ..layout import Layout, Origin, provenance
from ..models import Diagnostic, Goal, Indicator, IndicatorValue, Performance, PolicyArea
from ..values import clean_text, parse_cell
from . import sections
from .codes import Code, CodeLine, leading_code, policy_area_line, split_fused
from .indicators import (ColumnModel, Row, add_year_entries, assign_cells, column_model,
                         header_tokens, is_header_line, is_year_entry, read_value_line,
                         source_like, split_markers, starts_header)
from .grid import parse_grid
from .units import TableUnit, Unit, build_units

_PAREN_NOTE = re.compile(r"^\((?P<note>[^()]*)\)$")
# a scale note left on the name's line: `Schaalscore sociale cohesie (op een schaal van 1 tot 10)`
_SCALE_NOTE = re.compile(r"\s*\((?P<note>(?:op )?(?:een )?schaal van [^()]*)\)\s*(?P<markers>\**)$", re.IGNORECASE)
_LOWER_START = re.compile(r"^[a-zà-ÿ]")
_UPPER_START = re.compile(r"^[A-ZÀ-Ý0-9'\"‘“]")


@dataclass
class _Explanation:
    kind: str  # 'performance' | 'goal'
    code: str
    lines: list[tuple[str, bool]] = field(default_factory=list)  # (text, starts paragraph)
    start: Origin | None = None
    end: Origin | None = None
    heading_level: int = 0


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


class RecordParser:
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
        self.expl: _Explanation | None = None
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
        if _LOWER_START.match(u.text):
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
        if nxt is None or leading_code(nxt.text) or self._row_end(nxt) or _is_value_cell(nxt.text) \
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
        record.title = (record.title + " " + u.text).strip()
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

    # -- explanations ------------------------------------------------------------------------
    def start_explanation(self, i: int, u: Unit, cl: CodeLine) -> int:
        code = cl.code
        if code.kind == "goal":
            self.expl = _Explanation("goal", code.text, start=u.origin, end=u.origin, heading_level=u.heading)
            return i + 1
        title = self.performances[code.text].title
        lines = [cl.rest]
        origins = [u.origin]
        j = i + 1
        while len(lines) < 4:
            v = self._unit(j)
            if v is None or v.group != u.group or v.first or leading_code(v.text):
                break
            lines.append(v.text)
            origins.append(v.origin)
            j += 1
        self.expl = _Explanation("performance", code.text, start=u.origin, end=u.origin, heading_level=u.heading)
        used, remainder = _match_title(title, lines)
        if used == 0:
            first = cl.rest
            if not first:
                return i + 1  # title follows on the next line; treated as text if not similar
            if _similar_heading(first, title):
                return i + 1
            self.expl.lines.append((first, True))
            return i + 1
        if remainder and _UPPER_START.match(remainder):
            self.expl.lines.append((remainder, True))
        self.expl.end = origins[used - 1]
        return i + used

    def end_explanation(self) -> None:
        e = self.expl
        self.expl = None
        if e is None or not e.lines:
            return
        text = _join_lines(e.lines, self.wrapped)
        if not text:
            return
        raw = "\n".join(t for t, _ in e.lines)
        prov = provenance(self.src, e.start or Origin(), raw, e.end)
        if e.kind == "performance":
            perf = self.performances[e.code]
            if perf.explanation:
                perf.explanation = perf.explanation + "\n" + text
            else:
                perf.explanation = text
                perf.explanation_provenance = prov
        else:
            goal = self.goals[e.code]
            goal.description = (goal.description + "\n" if goal.description else "") + text

    # -- indicator tables --------------------------------------------------------------------
    def parse_header(self, i: int) -> int:
        tokens: list[tuple[str, str, bool]] = []
        j = i
        prev_label_group: int | None = None
        while j < len(self.units):
            v = self._unit(j)
            if v is None or not is_header_line(v.text):
                break
            attached = prev_label_group == v.group and not v.first
            toks = header_tokens(v.text, attached_start=attached)
            tokens.extend(toks)
            prev_label_group = v.group if toks and toks[-1][0] in ("r", "s", "o") else None
            j += 1
        hint = self._incell_hint(j)
        self.model = column_model(tokens, hint_incell=hint, edition_year=self.edition_year,
                                  edition_kind=self.edition_kind)
        self.table_id += 1
        self.note_header_years(self.model.values)
        return j

    def _incell_hint(self, j: int) -> bool:
        for k in range(j, min(j + 12, len(self.units))):
            v = self._unit(k)
            if v is not None and is_year_entry(v.text):
                return True
        return False

    def note_header_years(self, columns) -> None:
        """Remember the years the indicator headers name: they date the edition."""
        for col in columns:
            years = self.header_years.get(col.kind)
            if years is not None and col.year is not None and col.year not in years:
                years.append(col.year)

    def _row_end(self, v: Unit | TableUnit | None) -> bool:
        if v is None or isinstance(v, TableUnit):
            return True
        t = v.text
        return bool(leading_code(t) or sections.is_section_heading(t) or sections.footnote(t)
                    or starts_header(t) or (policy_area_line(t) or (None, None, False))[2]
                    or sections.goals_intro(t) or v.heading)

    def parse_indicator_row(self, i: int, u: Unit, cl: CodeLine) -> int:
        """One indicator row: its name (wrapped lines, a note in parentheses), then either the
        values on a line of their own or after the name (PDF text), or one cell per line (web
        text). Returns the index of the first unit after the row."""
        code = cl.code
        model = self.model
        if model is None:
            model = ColumnModel([], source=True)
            self.diag("warning", "indicator_without_header",
                      f"indicator {code.text} found outside a table with a year header; values not placed",
                      u.origin, u.text)
        row = Row()
        name_lines: list[str] = []
        raws = [u.text]
        end = u.origin
        group = [(cl.rest, u.origin)]
        j = i + 1
        name_unit = self._title_on_next_line(i, cl)
        if name_unit is not None and name_unit.group != u.group:
            # the code in a cell of its own, the name in the next
            group = [(name_unit.text, name_unit.origin)]
            raws.append(name_unit.text)
            u = Unit(name_unit.text, u.origin, name_unit.group, True)
            j = i + 2
        group_start = j - 1  # the unit index of group[0]
        while (v := self._unit(j)) is not None and v.group == u.group and not v.first and not self._row_end(v):
            group.append((v.text, v.origin))
            j += 1
        found, cell_at = self._read_group(model, group, row, name_lines)
        named = group if cell_at is None else group[:cell_at]
        raws.extend(t for t, _ in named[1:])
        end = named[-1][1]
        if not found:
            if cell_at is not None:
                j = group_start + cell_at  # the cells start inside the group: read them from there
            cells: list[tuple[str, Origin]] = []
            k = j
            while k < len(self.units) and not self._row_end(self.units[k]):
                v = self.units[k]
                if not cells and model.width and read_value_line(model, v.text, v.origin, row) is not None:
                    row.cells.clear()
                    lines = [(v.text, v.origin)]
                    k += 1
                    while (w := self._unit(k)) is not None and w.group == v.group and not w.first \
                            and not self._row_end(w):
                        lines.append((w.text, w.origin))
                        k += 1
                    self._read_group(model, lines, row, name_lines)
                    raws.extend(t for t, _ in lines)
                    end = lines[-1][1]
                    found = True
                    break
                cells.append((v.text, v.origin))
                k += 1
            if found:
                j = k
            else:
                used = assign_cells(model, cells, row) if (model.width or model.source) else 0
                for text, origin in cells[:used]:
                    raws.append(text)
                    end = origin
                j = j + used
        self.record_indicator(code, name_lines, row, u.origin, end, "\n".join(raws))
        self.in_table_notes = True
        if row.source is not None and model.source:
            j = self._source_block(j, code.text)
        return j

    def _source_block(self, j: int, last: str) -> int:
        """A Bron column printed as a block under the table (PDF text read column by column):
        the rows before took no source, the last row took the block's first line. When the
        block holds exactly one source per row, the sources go to the rows in order."""
        pending = self.sourceless.get(self.table_id, [])
        if not pending:
            return j
        block: list[Unit] = []
        k = j
        while len(block) < len(pending) and (v := self._unit(k)) is not None and not self._row_end(v) \
                and source_like(v.text):
            block.append(v)
            k += 1
        after = self._unit(k)
        if len(block) != len(pending) or (after is not None and not self._row_end(after) and source_like(after.text)):
            return j
        sources = [self.indicators[last].source] + [b.text for b in block]
        for (code, diagnostic), source in zip(pending + [(last, None)], sources):
            self.indicators[code].source = split_markers(source)[0]
            if diagnostic is not None and diagnostic in self.diagnostics:
                self.diagnostics.remove(diagnostic)
        self.sourceless[self.table_id] = []
        return k

    def _read_group(self, model: ColumnModel, lines: list[tuple[str, Origin]], row: Row,
                    name_lines: list[str]) -> tuple[bool, int | None]:
        """Lines of one paragraph of a row: name lines until a line holding the row's values
        (PDF text: returns found=True; after it come `x (year)` entries of an in-cell realised
        column, or more name lines), or until a line that is a single value cell (web text saved
        without blank lines: returns its index)."""
        found = False
        for k, (text, origin) in enumerate(lines):
            if not found:
                pre = read_value_line(model, text, origin, row) if model.width else None
                if pre is not None:
                    found = True
                    if pre:
                        name_lines.append(pre)
                    continue
                if k > 0 and _is_value_cell(text):
                    return False, k
                name_lines.append(text)
            elif add_year_entries(model, text, origin, row):
                continue
            elif row.source is None and model.source and source_like(text):
                row.source, row.source_origin = text, origin  # the source on a line of its own
            elif row.source is not None and len(text) <= 15 and len(text.split()) <= 2 and source_like(text.title()):
                row.source = f"{row.source} {text}"  # a source wrapped in its narrow column
            else:
                name_lines.append(text)
        return found, None

    def record_indicator(self, code: Code, name_lines: list[str], row: Row, start: Origin,
                         end: Origin, raw: str) -> None:
        prov = provenance(self.src, start, raw, end)
        name_parts, notes = [], []
        for k, line in enumerate(name_lines):
            m = _PAREN_NOTE.match(line.strip())
            if k > 0 and m:
                notes.append(m.group("note").strip())
            elif line.strip():
                name_parts.append(line.strip())
        joined = " ".join(name_parts)
        m = _SCALE_NOTE.search(joined)
        if m and m.start() > 0:
            notes.insert(0, m.group("note").strip())
            joined = joined[:m.start()] + m.group("markers")
        name, name_markers = split_markers(joined)
        source, source_markers = split_markers(clean_text(row.source)) if row.source else (None, "")
        if code.text in self.indicators:
            self.diag("warning", "duplicate_indicator", f"indicator {code.text} appears twice; the first is kept",
                      start, raw)
        else:
            self.indicators[code.text] = Indicator(code=code.text, goal_code=code.goal, name=name,
                                                   note="; ".join(notes) or None, source=source or None,
                                                   provenance=prov)
        for marker, where in ((name_markers, "name"), (source_markers, "source")):
            if marker:
                self.markers.append((code.text, self.table_id, marker, start))
        other = [f"{cell.raw}" for cell in row.cells if cell.column.kind == "other"]
        if other:
            self.diag("info", "other_column", f"{code.text}: values in columns that are neither realisation "
                      f"nor target (prognosis, average...) not recorded: {' | '.join(other)}", start, raw)
        for cell in row.cells:
            if cell.column.kind == "other":
                continue
            vprov = provenance(self.src, cell.origin, cell.raw)
            value = IndicatorValue.from_raw(code.text, cell.column.kind, cell.year, cell.raw, vprov)
            if value.year is None:
                self.diag("warning", "value_without_year",
                          f"{code.text}: {cell.column.kind} value '{cell.raw}' has no year", cell.origin, cell.raw)
            if value.markers:
                self.markers.append((code.text, self.table_id, value.markers, cell.origin))
            self.values.append(value)
        for problem in row.problems:
            self.diag("warning", "ambiguous_row", f"{code.text}: {problem}", start, raw)
        if row.source is None and self.model is not None and self.model.source:
            self.diag("info", "no_source_cell", f"{code.text}: no source found in the row", start, raw)
            self.sourceless.setdefault(self.table_id, []).append((code.text, self.diagnostics[-1]))

    def add_footnote(self, marker: str, text: str, origin: Origin) -> None:
        notes = self.footnotes.setdefault(self.table_id, {})
        notes[marker] = (text, origin)
        self.footnote_open = (self.table_id, marker)

    def link_footnotes(self) -> None:
        seen: set[tuple[str, str]] = set()
        for code, table, marker, origin in self.markers:
            if (code, marker) in seen:
                continue
            seen.add((code, marker))
            note = self.footnotes.get(table, {}).get(marker)
            indicator = self.indicators.get(code)
            if note is None or indicator is None:
                if indicator is not None:
                    self.diag("info", "footnote_missing",
                              f"{code}: footnote marker '{marker}' has no footnote text on the page", origin)
                continue
            if indicator.note and note[0] in indicator.note:
                continue
            indicator.note = f"{indicator.note}; {note[0]}" if indicator.note else note[0]

_DANGLING_WORDS = {"van", "de", "het", "een", "en", "of", "voor", "op", "met", "aan", "in", "die", "dat",
                   "te", "tot", "door", "bij", "naar", "om", "over", "uit", "als", "is", "zijn", "worden",
                   "wordt", "ook", "niet", "haar", "hun", "der", "den", "waarin", "waar", "zodat", "omdat"}


def _is_value_cell(text: str) -> bool:
    return is_year_entry(text) or parse_cell(text).status != "qualitative"


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
            if prev is not None and not u.first and u.group == prev.group and _LOWER_START.match(u.text):
                count += 1
            prev = u
        else:
            prev = None
    return count >= 2


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.casefold()).strip()


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
            cleaned = re.sub(r"\s+", " ", line).strip()
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
    out: list[str] = []
    for text, first in lines:
        if out and wrapped and (not first or _LOWER_START.match(text)):
            out[-1] = out[-1] + " " + text
        else:
            out.append(text)
    return "\n".join(t.strip() for t in out if t.strip())
