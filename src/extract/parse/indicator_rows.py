"""Indicator rows in the unit stream: the header that sets the column model, each row's name,
note, values and source, footnotes under the table, and a Bron column printed as a block.
"""
from __future__ import annotations

import re

from ..layout import Origin, provenance
from ..models import Indicator, IndicatorValue
from ..models.values import clean_text
from ..profiles import sections
from ..profiles.codes import Code, CodeLine, leading_code, policy_area_line
from ..profiles.columns import header_tokens, is_header_line, starts_header
from .indicators import (ColumnModel, Row, add_year_entries, assign_cells, column_model, is_value_cell,
                         is_year_entry, read_value_line, source_like, split_markers)
from .units import TableUnit, Unit

_PAREN_NOTE = re.compile(r"^\((?P<note>[^()]*)\)$")
# a scale note left on the name's line: `Schaalscore sociale cohesie (op een schaal van 1 tot 10)`
_SCALE_NOTE = re.compile(r"\s*\((?P<note>(?:op )?(?:een )?schaal van [^()]*)\)\s*(?P<markers>\**)$", re.IGNORECASE)


class IndicatorRows:
    """The indicator part of the record parser (a mixin of RecordParser: it uses its units,
    model, indicators, values, footnotes and diagnostics)."""

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
                if k > 0 and is_value_cell(text):
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
            # the table's own footnotes, else those of a later table (a table continued on the
            # next page, with its header repeated, has its footnotes at the end)
            note = next((self.footnotes[t][marker] for t in sorted(self.footnotes)
                         if t >= table and marker in self.footnotes[t]), None)
            indicator = self.indicators.get(code)
            if note is None or indicator is None:
                if indicator is not None:
                    self.diag("info", "footnote_missing",
                              f"{code}: footnote marker '{marker}' has no footnote text on the page", origin)
                continue
            if indicator.note and note[0] in indicator.note:
                continue
            indicator.note = f"{indicator.note}; {note[0]}" if indicator.note else note[0]
