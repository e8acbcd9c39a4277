"""The record parser: walks the unit stream and finds policy areas, goals, performances, their
explanations and indicator tables.

Codes drive it. The first time a goal or performance code starts a line, that line defines the
record (its title may wrap over the next lines); a later line starting with the same code opens
the record's explanation. A record belongs to the goal whose code is its prefix, wherever it
appears — which is what makes the scrambled two-column table of PDF text readable.

State is declared, not shared: `Found` holds the records and diagnostics, `Explanations` the
explanation being read, `IndicatorReader` the indicator table being read (`TableState`), and
`Reading` what this parser itself keeps between lines (a title that may go on, a goal whose
description may follow).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..layout import Layout
from ..models.memo import remember_short
from ..profiles import registry, sections
from ..profiles.codes import CodeLine, leading_code, policy_area_line, split_fused
from ..profiles.columns import starts_header
from ..profiles.definition import Profile
from .explanations import Explanations
from .found import Found, ParseResult
from .indicator_rows import Edition, IndicatorReader
from .grid_meaning import GridReader
from .header import describe
from .numbered import NumberedGoals
from .text_tables import TextTables
from .titles import OpenTitle, column_widths, detect_wrapped, pick_continued
from .units import Stream, TableUnit, Unit, build_units

# Lines at most this long are asked once per text whether a reader may take them (a report
# repeats its value cells, dashes and years by the thousand); a longer line goes to the readers.
_GATED_UP_TO = 80

# A line with a letter or a digit: every kind of line but prose has one (a heading, a code, a
# header, a table's first line); punctuation alone (`,`, `#`, `-`) skips the readers.
_WORDY = re.compile(r"[^\W_]")


@dataclass
class Reading:
    open: OpenTitle | None = None      # records whose title may go on
    goal_text: str | None = None   # a goal whose table cell may hold a description


def layout_text(layout: Layout, limit: int = 5_000_000) -> str:
    """A layout's text (up to `limit` characters), to detect its profile by: a long report's
    records may come late. Detection stops counting a mark after a few matches, so this stays
    cheap."""
    parts, size = [], 0
    for block in layout.blocks:
        text = block.text
        parts.append(text)
        size += len(text)
        if size >= limit:
            break
    return "\n".join(parts)[:limit]


class RecordParser:
    def __init__(self, layout: Layout, edition: Edition | None = None, profile: Profile | None = None,
                 own: "re.Pattern | None" = None):
        self.profile = profile or registry.detect(layout_text(layout))
        self.grids = GridReader(self.profile, own)
        self.stream = Stream(build_units(layout, self.grids.names_table))
        self.units = self.stream.units
        self.found = Found(layout.source_file)
        self.edition = edition or Edition()
        self.text_tables = TextTables(self.stream, self.profile, own)
        self.numbered = NumberedGoals(self.stream, self.found, self.profile, self.text_tables)
        self.wrapped = detect_wrapped(self.units)
        self.widths = column_widths(self.units)
        self.explanations = Explanations(self.stream, self.found, self.wrapped)
        self.tables = IndicatorReader(self.stream, self.found, self.edition, self.profile.columns, own,
                                      self.profile.codes)
        self.reading = Reading()
        self.roles: list[str] = []  # what each unit was read as: `extract inspect` shows it
        self._marks: dict[int, str] = {}  # roles set for units a step consumed beyond its first
        # the kinds of line a unit is tried as, in turn (chosen once: a step is taken for every
        # line; functions, not bound methods, so the parser holds no cycle to itself)
        self._readers = _CODED_READERS if self.profile.leiden_codes else _NUMBERED_READERS
        self._may_take = _reader_gate(self.profile.leiden_codes, self.text_tables, self.numbered)

    # -- main loop ---------------------------------------------------------------------------
    def run(self) -> ParseResult:
        i = 0
        while i < len(self.units):
            u = self.units[i]
            if isinstance(u, TableUnit):
                self.close()
                self.found.seen.append(("indicator table", u.block.origin))
                if u.coded:
                    self.tables.take_grid(u)
                else:
                    grid = self.grids.read(u.block)
                    self.tables.take_text_table(grid, self.numbered.goal_for_table(i), grid.goals)
                self.roles.append("indicator table (grid)" if u.coded else
                                  "indicator table (grid): " + describe(grid.columns))
                i += 1
                continue
            if self._at_rest():
                j = self._prose_run(i)
                if j > i:
                    self.roles.extend(["text (not placed)"] * (j - i))
                    i = j
                    continue
            self.role = "text (not placed)"
            j = self.step(i, u)
            if j == i + 1 and not self._marks:
                self.roles.append(self.role)   # most steps read one unit as their own role
            else:
                self.roles.extend(self._marks.pop(k, self.role) for k in range(i, j))
                self._marks.clear()
            i = j
        self.explanations.end()
        self.found.link_footnotes()
        self.found.confirm_policy_areas()
        return self.found.result()

    def _at_rest(self) -> bool:
        """Nothing is being read that a line of prose could go on with or end: no explanation,
        no title that may go on, no goal description, no footnotes under a table."""
        r = self.reading
        return (r.open is None and r.goal_text is None and self.explanations.draft is None
                and not self.tables.state.in_notes)

    def _prose_run(self, i: int) -> int:
        """At rest, the end of the run of units from `i` on that `step` would read as prose
        one by one, changing nothing: text units that are no page chrome and that no reader
        may take (the gate of `step`). A report's runs of value cells and dashes cost one
        loop."""
        units, may_take, chrome = self.units, self._may_take, self.profile.is_chrome
        wordy, n = _WORDY.search, len(units)
        while i < n:
            u = units[i]
            if not isinstance(u, Unit):
                break
            text = u.text
            if chrome(text) or (wordy(text) and (len(text) > _GATED_UP_TO or may_take(text))):
                break
            i += 1
        return i

    def mark(self, i: int, role: str) -> None:
        """The role of unit `i`, consumed by the current step but read as something else than
        the step's own role."""
        self._marks[i] = role

    def close(self, notes: bool = False, goal_text: bool = False) -> None:
        """Leave what was being read: the explanation and a title that may go on; with `notes`
        also the footnotes under an indicator table, with `goal_text` a goal's description."""
        self.explanations.end()
        self.reading.open = None
        if notes:
            self.tables.state.in_notes = False
        if goal_text:
            self.reading.goal_text = None

    def step(self, i: int, u: Unit) -> int:
        """Read the unit at `i` (and any that belong with it); returns the index of the next."""
        if self.tables.state.in_notes:
            role = self.tables.footnote_line(u)
            if role is not None:
                self.role = role
                return i + 1
        if self.profile.is_chrome(u.text):
            self.role = "page chrome"
            return i + 1
        text = u.text
        if not _WORDY.search(text):   # no letter or digit: only prose or a title goes on with it
            return self._plain_text(i, u)
        if len(text) <= _GATED_UP_TO and not self._may_take(text):
            return self._plain_text(i, u)   # no reader takes this text, whatever was read before
        for read in self._readers:
            j = read(self, i, u)
            if j is not None:
                return j
        return self._plain_text(i, u)

    # -- the kinds of line -------------------------------------------------------------------
    def _text_table(self, i: int, u: Unit) -> int | None:
        """An indicator table printed as text whose rows carry no code."""
        t = self.text_tables.at(i)
        if t is None:
            return None
        self.found.seen.append(("indicator table", u.origin))
        self.close()
        self.tables.take_text_table(t, self.numbered.goal_for_table(t.start))
        for k, role in t.roles.items():
            if k < i and k < len(self.roles):
                self.roles[k] = role   # the name and source above a one-row-per-kind table
            elif k != i:
                self.mark(k, role)
        self.role = t.roles.get(i, "indicator table")
        return t.end

    def _numbered(self, i: int, u: Unit) -> int | None:
        """A numbered goal or performance of the profile's grammar (`Doelstelling 1:`, `1.1`)."""
        read = self.numbered.read(i, u)
        if read is None:
            return None
        j, roles = read
        self.close(notes=True)
        for k, role in roles.items():
            self.mark(k, role)
        self.role = roles.get(i, "goal")
        return j

    def _policy_area(self, i: int, u: Unit) -> int | None:
        """`Beleidsterrein 9A Title`, or `Doelen en prestaties bij 9A Title`."""
        pa = policy_area_line(u.text)
        if pa and pa[2]:
            self.close(notes=True)
            self.found.define_policy_area(pa[0], pa[1], u)
            self.role = f"policy area {pa[0]}"
            return i + 1
        intro = sections.goals_intro(u.text)
        if intro:
            self.close(notes=True)
            if intro[1]:
                self.found.define_policy_area(intro[0], intro[1], u)
            self.role = f"goals of {intro[0]}"
            return i + 1
        return None

    def _indicator_header(self, i: int, u: Unit) -> int | None:
        if not starts_header(u.text):
            return None
        self.found.seen.append(("indicator table header", u.origin))
        self.close()
        self.role = "indicator header"
        return self.tables.parse_header(i)

    def _code(self, i: int, u: Unit) -> int | None:
        cl = leading_code(u.text)
        return self.code_line(i, u, cl) if cl is not None else None

    def _bare_policy_area(self, i: int, u: Unit) -> int | None:
        """A bare `5A Verharde openbare ruimte` line: a policy area only if records of it follow."""
        pa = policy_area_line(u.text)
        if not pa or self.explanations.draft is not None or pa[0] in self.found.policy_areas \
                or pa[0] in self.found.pa_candidates:
            return None
        self.reading.open = None
        self.found.pa_candidates[pa[0]] = (pa[1], u)
        self.role = f"policy area {pa[0]} (if goals of it follow)"
        return i + 1

    def _section_heading(self, i: int, u: Unit) -> int | None:
        if not (sections.is_section_heading(u.text) or sections.is_goal_table_header(u.text)):
            return None
        kind = sections.record_section(u.text)
        if kind:
            self.found.seen.append((f"{kind} heading '{u.text}'", u.origin))
        self.close(notes=not sections.footnote(u.text), goal_text=True)
        self.role = "section heading"
        return i + 1

    def _plain_text(self, i: int, u: Unit) -> int:
        """A title going on, an explanation, a goal description, or prose."""
        if self.explanations.ends_at_heading(u):
            self.explanations.end()
        r = self.reading
        if r.open is not None and u.group == r.open.group and not r.open.full and self.continues(r.open.last, u):
            self.extend_title(r.open, u)
            return i + 1
        r.open = None
        if self.explanations.draft is not None:
            self.explanations.add(u)
            self.role = f"explanation of {self.explanations.code}"
            return i + 1
        if r.goal_text is not None and self._next_is_record_of(i, r.goal_text):
            self.found.append_text(self.found.goals[r.goal_text], "description", u.text)
            self.role = f"description of {r.goal_text}"
            return i + 1
        r.goal_text = None
        if self.tables.state.in_notes:
            # text right under an indicator table that is neither a footnote nor a heading:
            # perhaps a cell the row did not take
            self.found.diag("info", "unplaced_text", f"text after an indicator table not placed: {u.text[:120]}",
                            u.origin, u.text)
            self.tables.state.in_notes = False
        return i + 1

    def _next_is_record_of(self, i: int, goal: str) -> bool:
        for j in range(i + 1, min(i + 8, len(self.units))):
            v = self.stream.unit(j)
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

    # -- code lines ---------------------------------------------------------------------------
    def code_line(self, i: int, u: Unit, cl: CodeLine) -> int:
        code = cl.code
        found = self.found
        if code.kind == "indicator":
            self.close()
            self.role = f"indicator {code.text}"
            return self.tables.parse_row(i, u, cl)
        if cl.label == "Doel" and code.kind == "goal":
            # `Doel 9A1 ...` row in an indicator table, or a goal heading
            self.close()
            if code.text not in found.goals and cl.rest:
                found.define(code, cl.rest, u)
                self.reading.open = OpenTitle([("goal", code.text, u.text)], u.group)
            self.role = f"goal {code.text} (table row)"
            return i + 1
        known = found.goals if code.kind == "goal" else found.performances
        if code.text in known:
            parts = split_fused(cl.rest)
            inner = leading_code(parts[1]) if len(parts) > 1 else None
            if inner is not None and inner.code.kind == "indicator" and inner.code.goal == code.text:
                # a goal column beside its first indicator row (`2B1 Inwoners ... 2B1.a Percentage ...`)
                return self.code_line(i, Unit(parts[1], u.origin, u.group, u.first, u.heading, u.cell), inner)
            self.close()
            self.role = f"explanation of {code.text} (heading)"
            return self.explanations.start(i, u, cl)
        self.close(notes=True)
        title_unit = self.stream.title_after(i, cl)
        if title_unit is not None:
            # a code in a cell of its own (`9A1.1`), its title in the next one
            found.define(code, title_unit.text, u)
            record = found.record(code.kind, code.text)
            record.provenance.raw += "\n" + title_unit.text
            record.provenance.line_end = title_unit.origin.line
            self.reading.open = OpenTitle([(code.kind, code.text, f"{code.text} {title_unit.text}")], title_unit.group)
            self.role = f"{code.kind} {code.text}"
            self.mark(i + 1, f"{code.kind} {code.text} (title)")
            return i + 2
        return self._fused(i, u, cl)

    def _fused(self, i: int, u: Unit, cl: CodeLine) -> int:
        """A line defining a record, possibly with more records' cells fused onto it
        (`9B1 Burgers zijn ... 9B1.1 Organiseren ...`)."""
        code = cl.code
        found = self.found
        parts = split_fused(cl.rest)
        found.define(code, parts[0], u)
        fragments = [(code.kind, code.text, f"{code.text} {parts[0]}")]
        for k, part in enumerate(parts[1:], start=1):
            sub = leading_code(part)
            if sub is not None and sub.code.kind == "indicator" and self.tables.model is not None:
                # a goal cell beside its first indicator row: the rest of the line is that row
                self.role = f"goal {code.text} + indicator {sub.code.text}"
                rest = " ".join(parts[k:])
                return self.tables.parse_row(i, Unit(rest, u.origin, u.group, u.first, u.heading, u.cell),
                                             leading_code(rest))
            if sub is None or sub.code.kind == "indicator":
                found.diag("warning", "unplaced_text", f"text inside a table line not placed: {part[:120]}",
                           u.origin, part)  # the part, not the line: one line can hold thousands
                continue
            store = found.goals if sub.code.kind == "goal" else found.performances
            if sub.code.text in store:
                found.diag("warning", "repeated_code", f"{sub.code.text} appears again inside a table line",
                           u.origin, part)
                continue
            found.define(sub.code, sub.rest, u, part)   # its part as its raw: a line can hold thousands
            fragments.append((sub.code.kind, sub.code.text, part))
        self.reading.open = OpenTitle(fragments, u.group)
        self.role = " + ".join(f"{kind} {c}" for kind, c, _ in fragments)
        self.reading.goal_text = code.text if code.kind == "goal" and len(parts) == 1 else None
        return i + 1

    def extend_title(self, open_: OpenTitle, u: Unit) -> None:
        kind, code, _last = pick_continued(open_.candidates, u.text, self.widths)
        open_.candidates = [(kind, code, u.text)]
        open_.lines += 1
        self.role = f"{kind} {code} (title goes on)"
        record = self.found.record(kind, code)
        if record is None:
            return
        record.title = sections.join_wrapped(record.title, u.text)
        p = record.provenance
        p.raw = p.raw + "\n" + u.text
        if u.origin.line is not None:
            p.line_end = u.origin.line


def _reader_gate(leiden_codes: bool, text_tables: TextTables, numbered: NumberedGoals):
    """Whether a reader of `_CODED_READERS` (with `leiden_codes`) or `_NUMBERED_READERS` may take
    a line of a text, in any state of the parser: each reader's first question, which it asks
    of the text alone; False only when every reader would return None. Remembered per text (the
    answer depends on the text and the profile only); holds no reference to the parser."""
    labels = text_tables.labels

    def numbered_may_take(text: str) -> bool:
        return bool(labels(text) or numbered.may_take(text) or sections.is_section_heading(text)
                    or sections.is_goal_table_header(text))

    def coded_may_take(text: str) -> bool:
        return bool(numbered_may_take(text) or policy_area_line(text) or sections.goals_intro(text)
                    or starts_header(text) or leading_code(text) is not None)

    return remember_short(50_000, longest=_GATED_UP_TO)(coded_may_take if leiden_codes else numbered_may_take)


# the kinds of line RecordParser.step tries a unit as, in turn, under a profile with Leiden codes and without
_CODED_READERS = (RecordParser._text_table, RecordParser._numbered, RecordParser._policy_area,
                  RecordParser._indicator_header, RecordParser._code, RecordParser._bare_policy_area,
                  RecordParser._section_heading)
_NUMBERED_READERS = (RecordParser._text_table, RecordParser._numbered, RecordParser._section_heading)
