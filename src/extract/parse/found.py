"""What the parser has found in one document so far: the records by code, the values, the
diagnostics, and the footnotes under indicator tables with the markers that point to them.

`Found` is the one declared structure the parser's collaborators (record lines, explanations,
indicator rows, grid tables) write into; `result()` hands it over as a `ParseResult`.
"""
from __future__ import annotations

from bisect import bisect_left

import re
from dataclasses import dataclass, field

from ..layout import Origin, provenance
from ..models import ComparisonValue, Diagnostic, Goal, Indicator, IndicatorValue, Performance, PolicyArea
from ..models.values import clean_text
from ..profiles.codes import Code
from .indicators import Row, split_markers
from .units import Unit

_PAREN_NOTE = re.compile(r"^\((?P<note>[^()]*)\)$")
# a scale note left on the name's line: `Schaalscore sociale cohesie (op een schaal van 1 tot 10)`
_SOURCE_LABEL = re.compile(r"^\s*bron(?:nen)?\s*[:.]?\s*", re.IGNORECASE)
_SCALE_NOTE = re.compile(r"\s*\((?P<note>(?:op )?(?:een )?schaal van [^()]*)\)\s*(?P<markers>\**)$", re.IGNORECASE)


@dataclass
class ParseResult:
    policy_areas: list[PolicyArea]
    goals: list[Goal]
    performances: list[Performance]
    indicators: list[Indicator]
    values: list[IndicatorValue]
    diagnostics: list[Diagnostic]
    header_years: dict[str, list[int]]
    comparisons: list[ComparisonValue] = field(default_factory=list)
    seen: list = field(default_factory=list)   # (what, origin) of goal/indicator sections seen


@dataclass
class Marker:
    """A footnote mark (`*`, `**`) after an indicator's name, source or value."""

    indicator: str   # the indicator's key
    table: int
    marker: str
    origin: Origin
    where: str = "name"  # 'source': the source cell held only the mark, the footnote is the source


@dataclass
class Found:
    src: str
    policy_areas: dict[str, PolicyArea] = field(default_factory=dict)
    goals: dict[str, Goal] = field(default_factory=dict)
    performances: dict[str, Performance] = field(default_factory=dict)
    indicators: dict[str, Indicator] = field(default_factory=dict)
    values: list[IndicatorValue] = field(default_factory=list)
    comparisons: list[ComparisonValue] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    footnotes: dict[int, dict[str, tuple[list[str], Origin]]] = field(default_factory=dict)  # per table: lines
    markers: list[Marker] = field(default_factory=list)
    # rows that found no source, per table: a Bron column printed as a block may still give them one
    sourceless: dict[int, list[tuple[str, Diagnostic]]] = field(default_factory=dict)
    header_years: dict[str, list[int]] = field(default_factory=lambda: {"realisatie": [], "streefwaarde": []})
    pa_candidates: dict[str, tuple[str, Unit]] = field(default_factory=dict)  # bare `5A Title` lines
    # goal and indicator headings and tables seen, whether or not records came of them
    seen: list[tuple[str, Origin]] = field(default_factory=list)
    figures_of: dict[str, set] = field(default_factory=dict)   # key -> (kind, year, raw) recorded, and ("cell", kind, year, raw) read
    withdrawn: set[int] = field(default_factory=set)  # ids of diagnostics taken back, dropped in result()
    # text going on in a record's field, by (id(record), field): (record, parts), joined in result()
    more_text: dict[tuple[int, str], tuple[object, list[str]]] = field(default_factory=dict)

    def diag(self, severity: str, code: str, message: str, origin: Origin | None, raw: str = "") -> Diagnostic:
        prov = provenance(self.src, origin, raw) if origin is not None else None
        d = Diagnostic(severity=severity, code=code, message=message,
                       location=prov.location() if prov else self.src, provenance=prov)
        self.diagnostics.append(d)
        return d

    # -- policy areas, goals, performances ---------------------------------------------------
    def define_policy_area(self, code: str, title: str, u: Unit) -> None:
        if code in self.policy_areas:
            return
        title = re.sub(r"\s+", " ", title).strip(" :-–")
        self.policy_areas[code] = PolicyArea(code=code, title=title,
                                             provenance=provenance(self.src, u.origin, u.text))

    def confirm_policy_areas(self) -> None:
        """Bare policy-area lines count when goals of that area were found."""
        used = {g.policy_area_code for g in self.goals.values()}
        for code, (title, u) in self.pa_candidates.items():
            if code in used and code not in self.policy_areas:
                self.define_policy_area(code, title, u)

    def define(self, code: Code, title: str, u: Unit, raw: str | None = None) -> None:
        """A goal or performance, defined by the first line that starts with its code (`raw`:
        the part of the line it was read from, when the line holds more records)."""
        title = title.strip(" :.-–") if title.endswith((":", " -")) else title.strip()
        raw = u.text if raw is None else raw
        prov = provenance(self.src, u.origin, raw)
        if not title:
            self.diag("warning", "missing_title", f"{code.text} has no title", u.origin, raw)
        if code.kind == "goal":
            self.goals[code.text] = Goal(code=code.text, policy_area_code=code.policy_area,
                                         title=title, provenance=prov)
        else:
            self.performances[code.text] = Performance(code=code.text, goal_code=code.goal,
                                                       title=title, provenance=prov)

    def record(self, kind: str, code: str) -> Goal | Performance | None:
        return self.goals.get(code) if kind == "goal" else self.performances.get(code)

    def note_header_years(self, columns) -> None:
        """Remember the years the indicator headers name: they date the edition."""
        for col in columns:
            years = self.header_years.get(getattr(col, "kind", None) or getattr(col, "role", None))
            if years is not None and col.year is not None and col.year not in years:
                years.append(col.year)

    # -- indicators --------------------------------------------------------------------------
    def record_indicator(self, code: Code, name_lines: list[str], row: Row, start: Origin,
                         end: Origin, raw: str, table: int, source_column: bool) -> None:
        """An indicator row as read: the indicator (name, note in parentheses, source), its
        values, the markers to link to footnotes, and what could not be placed."""
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
                                                   provenance=provenance(self.src, start, raw, end))
        for marker in (name_markers, source_markers):
            if marker:
                self.markers.append(Marker(code.text, table, marker, start))
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
                self.markers.append(Marker(code.text, table, value.markers, cell.origin))
            self.values.append(value)
        for problem in row.problems:
            self.diag("warning", "ambiguous_row", f"{code.text}: {problem}", start, raw)
        if row.source is None and source_column:
            d = self.diag("info", "no_source_cell", f"{code.text}: no source found in the row", start, raw)
            self.sourceless.setdefault(table, []).append((code.text, d))

    def give_sources(self, table: int, codes: list[str], sources: list[str]) -> None:
        """Sources found after the rows (a Bron column printed as a block): each code gets its
        source, and the `no_source_cell` diagnostics of those rows are withdrawn."""
        pending = dict(self.sourceless.get(table, []))
        for code, source in zip(codes, sources):
            if source:  # the last row may have kept no source (a repeated code keeps the first row's)
                self.indicators[code].source = split_markers(source)[0]
            d = pending.get(code)
            if d is not None:  # by identity, dropped once in result(): filtering per table is quadratic
                self.withdrawn.add(id(d))
        self.sourceless[table] = []

    # -- footnotes ---------------------------------------------------------------------------
    def add_footnote(self, table: int, marker: str, text: str, origin: Origin) -> None:
        self.footnotes.setdefault(table, {})[marker] = ([text], origin)

    def extend_footnote(self, table: int, marker: str, text: str) -> None:
        """A line going on with the footnote (its parts joined once, in link_footnotes)."""
        self.footnotes[table][marker][0].append(text)

    def link_footnotes(self) -> None:
        seen: set[tuple[str, str]] = set()
        # per marker, the tables that have its footnote (in order) and the footnote's text
        tables: dict[str, list[int]] = {}
        notes: dict[tuple[int, str], tuple[str, Origin]] = {}
        for t in sorted(self.footnotes):
            for marker, (parts, origin) in self.footnotes[t].items():
                tables.setdefault(marker, []).append(t)
                notes[t, marker] = (" ".join(parts), origin)
        for m in self.markers:
            if (m.indicator, m.marker) in seen:
                continue
            seen.add((m.indicator, m.marker))
            # the table's own footnotes, else those of a later table (a table continued on the
            # next page, with its header repeated, has its footnotes at the end)
            having = tables.get(m.marker, [])
            k = bisect_left(having, m.table)
            note = notes[having[k], m.marker] if k < len(having) else None
            indicator = self.indicators.get(m.indicator)
            if note is None or indicator is None:
                if indicator is not None:
                    self.diag("info", "footnote_missing",
                              f"{m.indicator}: footnote marker '{m.marker}' has no footnote text on the page",
                              m.origin)
                continue
            if m.where == "source" and not indicator.source:
                indicator.source = _SOURCE_LABEL.sub("", note[0]).strip() or None
                continue
            if indicator.note and note[0] in indicator.note:
                continue
            indicator.note = f"{indicator.note}; {note[0]}" if indicator.note else note[0]

    def append_text(self, record: Goal | Performance, name: str, text: str) -> None:
        """More text for a record's field (a goal's description, a performance's explanation),
        put after what it holds with a line break. The parts are joined once, in result():
        joining as they come copies the field each time (quadratic when a document repeats one
        goal's text thousands of times)."""
        entry = self.more_text.get((id(record), name))
        if entry is None:
            self.more_text[id(record), name] = (record, [text])
        else:
            entry[1].append(text)

    def result(self) -> ParseResult:
        for (_, name), (record, parts) in self.more_text.items():
            held = getattr(record, name)
            setattr(record, name, "\n".join([held, *parts] if held else parts))
        self.more_text.clear()
        if self.withdrawn:
            self.diagnostics[:] = [d for d in self.diagnostics if id(d) not in self.withdrawn]
            self.withdrawn.clear()
        return ParseResult(list(self.policy_areas.values()), list(self.goals.values()),
                           list(self.performances.values()), list(self.indicators.values()),
                           self.values, self.diagnostics, self.header_years, self.comparisons, self.seen)
