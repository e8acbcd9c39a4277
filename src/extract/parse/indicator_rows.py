"""Indicator rows in the unit stream: the header that sets the column model, each row's name,
note, values and source, footnotes under the table, a Bron column printed as a block, and
indicator tables that arrive as grids. `IndicatorReader` keeps the state of the table being read
(`TableState`) and records what it reads into `Found`.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..layout import Origin
from ..profiles import sections
from ..profiles.codes import Code, CodeLine
from ..profiles.columns import header_tokens, is_header_line
from .found import Found
from .grid import GridFootnote, GridGoal, GridIndicator, GridNote, read_grid
from .header import resolve_bare_years
from .placed import label_columns, merge_region_rows, record_row
from .text_tables import TextTable
from .indicators import (ColumnModel, Row, add_year_entries, assign_cells, column_model, is_value_cell,
                         is_year_entry, read_value_line, source_like, split_value_run)
from .units import Stream, TableUnit, Unit

_SOURCE_WRAPS = 4  # a source wrapped in its narrow column: at most so many more short lines


@dataclass
class Edition:
    """What the document says it is, before its tables are read: a year header without labels
    per year is split into realised and target years by it."""

    year: int | None = None
    kind: str = "other"


@dataclass
class TableState:
    model: ColumnModel | None = None          # the columns of the indicator table being read
    table: int = 0                            # its number in the document (footnotes are per table)
    in_notes: bool = False                    # just after a table: footnotes may follow
    footnote_open: tuple[int, str] | None = None  # (table, marker) of a footnote that may go on


class IndicatorReader:
    def __init__(self, stream: Stream, found: Found, edition: Edition, words=None, own=None, codes=None):
        self.stream = stream
        self.found = found
        self.edition = edition
        self.state = TableState()
        self.words = words    # the profile's column words (region rows under a name row)
        self.own = own
        self.codes = codes    # the profile's numbered codes (an indicator's own code in its name)

    @property
    def model(self) -> ColumnModel | None:
        return self.state.model

    def take_grid(self, tu: TableUnit) -> None:
        """An indicator table that arrived as a grid: record what it holds."""
        table = read_grid(tu, self.edition.year)
        st = self.state
        st.table += 1
        self.found.note_header_years(table.columns)
        # rows of the same table that arrive as plain lines (after a page break) read by its columns
        st.model = table.model
        for item in table.items:
            if isinstance(item, GridIndicator):
                self.found.record_indicator(item.code, item.name_lines, item.row, item.start, item.end,
                                            item.raw, st.table, table.source_column)
            elif isinstance(item, GridGoal):
                if item.code.text not in self.found.goals:
                    self.found.define(item.code, item.title, item.unit)
            elif isinstance(item, GridFootnote):
                self.add_footnote(item.marker, item.text, item.origin)
            elif isinstance(item, GridNote):
                self.found.diag(item.severity, item.code, item.message, item.origin, item.raw)
        st.in_notes = True

    def take_text_table(self, t: TextTable, goal: str | None, goals=()) -> None:
        """An indicator table whose rows are placed in columns by meaning (printed as text, or a
        grid without Leiden codes). `goals`: (row index, goal row) of goals named inside it."""
        st = self.state
        st.table += 1
        st.model = None
        resolved, undecided = resolve_bare_years(label_columns(t), self.edition.year, self.edition.kind)
        by_old = dict(zip(t.columns, resolved))
        origin = self.stream.unit(t.start).origin if self.stream.unit(t.start) else None
        if undecided:
            years = ", ".join(str(c.year) for c in resolved if c.role == "year")
            self.found.diag("warning", "ambiguous_column",
                            f"year columns {years} carry no realised/target label and the document's kind "
                            f"and year do not tell which they are; their values are not placed", origin)
        self.found.note_header_years(c for c in resolved if c.role in ("realisatie", "streefwaarde"))
        if self.words is not None:
            t.rows[:] = merge_region_rows(t.rows, self.words, self.own)
        starts = {k: g for k, g in goals}
        unread: dict[str, list] = {}
        for n, row in enumerate(t.rows):
            if not row.code and self.codes is not None:
                own = self.codes.indicator_code(row.name)   # `4.1.2.1 Percentage ...`: its own code
                if own is not None and own[1]:
                    row.code, row.name = own
            if n in starts:
                g = starts[n]
                if g.code not in self.found.goals:
                    self.found.define(Code(g.code, "goal", None, g.code), g.title, Unit(g.title, g.cell.origin, 0, True))
                goal = g.code
            row.goal = row.goal or goal
            row.cells = [replace(cell, column=by_old.get(cell.column, cell.column)) for cell in row.cells
                         if by_old.get(cell.column, cell.column).role != "year"]
            record_row(self.found, row, st.table)
            for col, text, cell in row.unread:
                unread.setdefault(col.label or col.role, []).append((text, cell))
        for label, cells in unread.items():
            self.found.diag("info", "column_not_read", f"indicator table column '{label}' is not read "
                            f"({len(cells)} filled cells)", cells[0][1].origin, cells[0][0])
        for k, g in goals:
            if k >= len(t.rows) and g.code not in self.found.goals:
                self.found.define(Code(g.code, "goal", None, g.code), g.title, Unit(g.title, g.cell.origin, 0, True))
        for severity, code, message, where, raw in t.notes:
            self.found.diag(severity, code, message, where, raw)
        for marker, text, where in t.footnotes:
            self.add_footnote(marker, text, where)
        st.in_notes = True

    def add_footnote(self, marker: str, text: str, origin: Origin) -> None:
        self.found.add_footnote(self.state.table, marker, text, origin)
        self.state.footnote_open = (self.state.table, marker)

    def footnote_line(self, u: Unit) -> str | None:
        """Under an indicator table: a footnote (`* Bron: ...`) or a line going on with the one
        before. Returns the role of the line, or None when it is neither (and the notes end)."""
        st = self.state
        fn = sections.footnote(u.text)
        if fn:
            self.add_footnote(fn[0], fn[1], u.origin)
            return f"footnote {fn[0]}"
        if st.footnote_open and not u.first and not self.stream.row_end(u):
            table, marker = st.footnote_open
            self.found.extend_footnote(table, marker, u.text)
            return f"footnote {marker}"
        st.footnote_open = None
        return None

    def parse_header(self, i: int) -> int:
        tokens: list[tuple[str, str, bool]] = []
        j = i
        prev_label_group: int | None = None
        while j < len(self.stream):
            v = self.stream.unit(j)
            if v is None or not is_header_line(v.text):
                break
            attached = prev_label_group == v.group and not v.first
            toks = header_tokens(v.text, attached_start=attached)
            tokens.extend(toks)
            prev_label_group = v.group if toks and toks[-1][0] in ("r", "s", "o") else None
            j += 1
        hint = self._incell_hint(j)
        st = self.state
        st.model = column_model(tokens, hint_incell=hint, edition_year=self.edition.year,
                                edition_kind=self.edition.kind)
        st.table += 1
        self.found.note_header_years(st.model.values)
        return j

    def _incell_hint(self, j: int) -> bool:
        for k in range(j, min(j + 12, len(self.stream))):
            v = self.stream.unit(k)
            if v is not None and is_year_entry(v.text):
                return True
        return False

    def parse_row(self, i: int, u: Unit, cl: CodeLine) -> int:
        """One indicator row: its name (wrapped lines, a note in parentheses), then either the
        values on a line of their own or after the name (PDF text), or one cell per line (web
        text). Returns the index of the first unit after the row."""
        code = cl.code
        model = self.model
        if model is None:
            model = ColumnModel([], source=True)
            self.found.diag("warning", "indicator_without_header",
                      f"indicator {code.text} found outside a table with a year header; values not placed",
                      u.origin, u.text)
        row = Row()
        name_lines: list[str] = []
        raws = [u.text]
        end = u.origin
        group = [(cl.rest, u.origin)]
        j = i + 1
        name_unit = self.stream.title_after(i, cl)
        if name_unit is not None and name_unit.group != u.group:
            # the code in a cell of its own, the name in the next
            group = [(name_unit.text, name_unit.origin)]
            raws.append(name_unit.text)
            u = Unit(name_unit.text, u.origin, name_unit.group, True)
            j = i + 2
        group_start = j - 1  # the unit index of group[0]
        while (v := self.stream.unit(j)) is not None and v.group == u.group and not v.first and not self.stream.row_end(v):
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
            # assign_cells takes at most one cell that is no `5,7 (2015)` entry per column, and
            # the source: once that many are gathered, more cannot change what it takes (a row
            # over a million value lines gathered them all, to use six)
            most, plain = len(model.values) + 1, 0
            k = j
            while k < len(self.stream) and not self.stream.row_end(self.stream[k]) and plain < most:
                v = self.stream[k]
                if not cells and model.width and read_value_line(model, v.text, v.origin, row) is not None:
                    row.cells.clear()
                    lines = [(v.text, v.origin)]
                    k += 1
                    while (w := self.stream.unit(k)) is not None and w.group == v.group and not w.first \
                            and not self.stream.row_end(w):
                        lines.append((w.text, w.origin))
                        k += 1
                    self._read_group(model, lines, row, name_lines)
                    raws.extend(t for t, _ in lines)
                    end = lines[-1][1]
                    found = True
                    break
                cells.append((v.text, v.origin))
                plain += not is_year_entry(v.text)
                k += 1
            if found:
                j = k
            else:
                used = assign_cells(model, cells, row) if (model.width or model.source) else 0
                for text, origin in cells[:used]:
                    raws.append(text)
                    end = origin
                j = j + used
        if not row.cells and model.width:
            name_lines = self._unplaced_values(code, model, name_lines, u.origin)
        self.found.record_indicator(code, name_lines, row, u.origin, end, "\n".join(raws),
                                    self.state.table, self.model is not None and self.model.source)
        self.state.in_notes = True
        if row.source is not None and model.source:
            j = self._source_block(j, code.text)
        return j

    def _unplaced_values(self, code: Code, model: ColumnModel, name_lines: list[str], origin: Origin) -> list[str]:
        """A row whose values did not fit the header (five values under seven year columns):
        each name line holding a run of values is reported, and the run (with what follows it)
        kept out of the name."""
        kept: list[str] = []
        for text in name_lines:
            split = split_value_run(text)
            if split is None:
                kept.append(text)
                continue
            self.found.diag("warning", "values_not_placed",
                            f"indicator {code.text}: values '{split[1][:80]}' do not fit the "
                            f"{model.width} value columns of the header; not placed", origin, text)
            if split[0]:
                kept.append(split[0])
        return kept

    def _source_block(self, j: int, last: str) -> int:
        """A Bron column printed as a block under the table (PDF text read column by column):
        the rows before took no source, the last row took the block's first line. When the
        block holds exactly one source per row, the sources go to the rows in order."""
        pending = self.found.sourceless.get(self.state.table, [])
        if not pending:
            return j
        block: list[Unit] = []
        k = j
        while len(block) < len(pending) and (v := self.stream.unit(k)) is not None and not self.stream.row_end(v) \
                and source_like(v.text):
            block.append(v)
            k += 1
        after = self.stream.unit(k)
        if len(block) != len(pending) or (after is not None and not self.stream.row_end(after) and source_like(after.text)):
            return j
        sources = [self.found.indicators[last].source] + [b.text for b in block]
        self.found.give_sources(self.state.table, [code for code, _ in pending] + [last], sources)
        return k

    def _read_group(self, model: ColumnModel, lines: list[tuple[str, Origin]], row: Row,
                    name_lines: list[str]) -> tuple[bool, int | None]:
        """Lines of one paragraph of a row: name lines until a line holding the row's values
        (PDF text: returns found=True; after it come `x (year)` entries of an in-cell realised
        column, or more name lines), or until a line that is a single value cell (web text saved
        without blank lines: returns its index)."""
        found = False
        wraps = 0  # pieces of a source wrapped in its column: a few, never a storm of lines
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
            elif row.source is not None and wraps < _SOURCE_WRAPS and len(text) <= 15 and len(text.split()) <= 2 \
                    and source_like(text.title()):
                row.source = f"{row.source} {text}"  # a source wrapped in its narrow column
                wraps += 1
            else:
                name_lines.append(text)
        return found, None
