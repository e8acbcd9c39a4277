"""Indicator tables printed as text, read by their header's meaning — the tables of documents
whose indicators carry no code.

Three printings are read:
- one cell per line (web pages saved as text): a header of one label per cell, then rows of as
  many cells; a row that lost cells is placed where the cells' kinds allow (a unit and a source
  with no figures), else its figures are reported (`ambiguous_row`), never guessed;
- one row per line, cells separated by spaces or run together (`line_rows`);
- one row per value kind under a header of years (`Type 2020 2022` / `Realisatie 67 % - -`),
  the indicator's name and `Bron:` above the header.
`TextTables.at(i)` says whether a table starts at unit i and reads it into `PlacedRow`s.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..layout import Origin
from ..models.memo import remember_short
from ..profiles import sections
from ..profiles.codes import leading_code
from ..profiles.columns import Token
from ..profiles.definition import Profile
from .header import ColumnSpec, columns_from_cells, columns_from_line, describe
from .indicators import is_value_cell
from .line_rows import figures_only, split_group, split_loose, split_row, split_unit
from .cell_rows import BRON_LINE, MARKER, ROW_NUMBER, YEAR, Cell, cell_kind, segment
from .placed import PlacedCell, PlacedRow
from .units import Stream, Unit

MAX_CELLS = 20_000        # cells read for one table: a bound on the work per table (no report's table has a
                          # thousand rows); the rest is read as what follows it, with a table_too_large warning
MAX_HEADER_CELLS = 60     # label cells of one header: more columns than any indicator table has
MAX_HEADER_TRIES = 8      # starts tried in one run of label cells: a header starts at most this many
                          # cells into its run (a failed try is followed by one from the next cell;
                          # each reads the run to its end, so trying every start of a run of 60
                          # labels read 1,800 header cells)
_YEAR_LABEL = re.compile(r"^(?:19|20)\d\d\s*:$")
_NOTE = re.compile(r"^(?:\d{1,2}[.)]\s+\S+\s+\S+|nb\s*:\s*\S|n\.b\.\s*:\s*\S)", re.IGNORECASE)
_DESCRIPTION_LABEL = re.compile(r"^(?:omschrijving|toelichting|definitie|beschrijving)\s*:?$", re.IGNORECASE)
_WORD_SPLIT = re.compile(r"[\s/]+")
_WORDS = re.compile(r"[a-zà-ÿ]+")
_SIZE_CLASS = r"(?:[\d.]+\s*(?:[-–]|tot)\s*[\d.]+|[<>]\s*[\d.]+|inwoners|gemeenten|gemiddeld|van|en)"


@dataclass
class TextTable:
    columns: list[ColumnSpec]
    rows: list[PlacedRow]
    start: int                  # unit index of the header
    end: int                    # unit index after the table
    roles: dict[int, str] = field(default_factory=dict)   # unit index -> what it was read as
    notes: list[tuple[str, str, str, Origin, str]] = field(default_factory=list)  # diagnostics
    footnotes: list[tuple[str, str, Origin]] = field(default_factory=list)       # (marker, text, where)


def _cell_sort(profile: Profile):
    """A cell's kind (`cell_kind`) and, for text, its look: 'unit' for text that reads as a unit
    (`Aantal per 1.000 woningen`, `%`, `Kg/inwoner`), 'source' for text that names a source
    (`CBS`, `Gezondheidsmonitor`), else ''. Answers by text, remembered for short texts."""
    units, sources = profile.unit_words, profile.source_words

    def sort(text: str) -> tuple[str, str]:
        kind = cell_kind(text)
        if kind != "text":
            return kind, ""
        low = text.lower().strip()
        first = _WORD_SPLIT.split(low, maxsplit=1)[0]
        short = len(low.split()) <= 5 or " per " in low   # `Aantal per 1.000 woningen`, not a long name
        if (first in units and short) or low in ("%", "€") or low.startswith(("per ", "in ")):
            return kind, "unit"
        words = set(_WORDS.findall(low))
        if words & sources or any(low.endswith(w) for w in ("monitor", "enquête", "peiling")):
            return kind, "source"
        return kind, ""
    return remember_short(50_000)(sort)


class TextTables:
    def __init__(self, stream: Stream, profile: Profile, own: re.Pattern | None = None):
        self.stream = stream
        self.profile = profile
        self.words = profile.columns
        self.own = own
        names = own.pattern if own is not None else r"(?!x)x"
        self.allow = re.compile(r"(?:" + names + "|" + _SIZE_CLASS + r")(?:\s+" + _SIZE_CLASS + r")*",
                                re.IGNORECASE)
        # What a unit is, remembered: a table is tried from each of its header's lines, and a
        # failed try must not make the next one read the same cells again (a run of a thousand
        # `Nr.` lines was quadratic). The stream does not change while it is read.
        self._cell_memo: dict[tuple[int, bool], Cell | None] = {}
        self._stop_memo: dict[int, bool] = {}
        self._run_memo: dict[tuple[int, bool], int] = {}   # label cells from a unit on
        self._header_memo: dict[int, bool] = {}
        self._tries: dict[tuple[int, bool], int] = {}   # failed header starts by the end of their run
        self._header_cells: dict[str, object] = {}      # what a header cell's text says (columns_from_cells)
        self._sort = _cell_sort(profile)   # a cell's kind and look by its text (a report repeats its cells)
        self._plans: dict = {}   # segmentations by the shape of a table's cells (segment)

    # -- where a table starts ----------------------------------------------------------------
    def labels(self, text: str):
        """The header labels a line is made of (None: it holds other text)."""
        toks = self.words.label_only(text, self.allow)
        if toks is None and self.own is not None and len(text) <= 60 and self.own.fullmatch(text.strip()):
            return [Token("waarde", text, 0, len(text))]
        return toks

    def at(self, i: int) -> TextTable | None:
        u = self.stream.unit(i)
        if u is None or len(u.text) > 200:
            return None
        toks = self.labels(u.text)
        if not toks:
            return None
        roles = [t.role for t in toks]
        figures = [r for r in roles if r in ("realisatie", "streefwaarde", "nulmeting", "waarde", "comparison", "year")]
        if "kind_row" in roles and "year" in roles:
            return self._kind_table(i, u)
        if len(toks) >= 3 and figures and ({"name", "group", "number"} & set(roles)) and roles[0] != "year":
            return self._line_table(i, u)
        if roles[0] == "name" or (roles[0] in ("number",) and len(toks) == 1):
            return self._cell_table(i, u)
        if roles[0] in ("group", "other") and len(toks) == 1:
            # `Omschrijving` / `Onderwerp` over the names, when figure labels follow
            nxt = self.stream.unit(i + 1)
            labels = self.labels(nxt.text) if nxt is not None else None
            if labels and any(t.role in ("realisatie", "streefwaarde", "nulmeting", "year") for t in labels):
                return self._cell_table(i, u)
        return None

    def _coded(self, j: int) -> bool:
        """Rows that start with a Leiden-style code are read by the code-driven reader (the
        first unit after the header's label lines)."""
        while (v := self.stream.unit(j)) is not None and self.labels(v.text):
            j += 1
        if v is None or not self.profile.leiden_codes:
            return False
        cl = leading_code(v.text)
        return cl is not None and cl.code.kind in ("indicator", "goal")

    def _stop(self, u: Unit | None, prose: bool = True) -> bool:
        """A unit that ends a table printed as text (with `prose`, also a long sentence)."""
        if u is None or u.heading:
            return True
        t = u.text
        note = sections.footnote(t)
        return bool(sections.is_section_heading(t) or self.profile.is_heading(t)
                    or (note and not is_value_cell(note[1]) and not MARKER.match(t)) or _NOTE.match(t)
                    or (prose and len(t) > 120 and sections.ends_sentence(t))
                    or self.profile.codes.goal_line(t) or (self.profile.leiden_codes and leading_code(t)))

    # -- one cell per line --------------------------------------------------------------------
    def _cell_at(self, j: int, by_group: bool) -> Cell | None:
        """The cell starting at unit j: its paragraph (by_group) or its line."""
        key = (j, by_group)
        if key not in self._cell_memo:
            self._cell_memo[key] = self._read_cell(j, by_group)
        return self._cell_memo[key]

    def _label_run(self, j: int, by_group: bool) -> int:
        """How many label cells follow one another from unit j on. Remembered for every cell
        of the run, so that asking it from each line of a run costs the run once."""
        walked: list[tuple[int, bool]] = []
        key = (j, by_group)
        while key not in self._run_memo:
            cell = self._cell_at(key[0], by_group)
            if cell is None or not self.labels(cell.text):
                self._run_memo[key] = 0
                break
            walked.append(key)
            key = (cell.units[-1] + 1, by_group)
        count = self._run_memo[key]
        for k in reversed(walked):
            count += 1
            self._run_memo[k] = count
        return self._run_memo[(j, by_group)]

    def _read_cell(self, j: int, by_group: bool) -> Cell | None:
        u = self.stream.unit(j)
        if u is None:
            return None
        units = [j]
        k = j + 1
        if by_group:
            while (v := self.stream.unit(k)) is not None and v.group == u.group and not v.first:
                units.append(k)
                k += 1
        elif _YEAR_LABEL.match(u.text) and self.stream.unit(k) is not None:
            units.append(k)   # `2021:` over its figure: one cell on two lines
        lines = [self.stream.unit(n) for n in units]
        text = "\n".join(v.text for v in lines)
        kind, looks = self._sort(text)
        return Cell(text, "\n".join(v.raw or v.text for v in lines), lines[0].origin, lines[-1].origin,
                     units, kind, looks)

    def _cells_from(self, j: int, by_group: bool) -> tuple[list[Cell], int]:
        """Cells from unit j on, up to a unit that ends the table."""
        cells: list[Cell] = []
        while j < len(self.stream) and len(cells) < MAX_CELLS:
            u = self.stream.unit(j)
            if u is not None and self.profile.is_chrome(u.text):
                j += 1
                continue
            if self._ends(j, u, first=not cells):
                break
            cell = self._cell_at(j, by_group)
            cells.append(cell)
            j = cell.units[-1] + 1
        return cells, j

    def _ends(self, j: int, u: Unit | None, first: bool) -> bool:
        """Does unit j end the cells of a table (`_stop`; after the first cell, another
        header too)?"""
        if j not in self._stop_memo:
            self._stop_memo[j] = self._stop(u)
        if self._stop_memo[j] or first:
            return self._stop_memo[j]
        if j not in self._header_memo:
            self._header_memo[j] = self.at_header(j)
        return self._header_memo[j]

    def starts_line_table(self, j: int) -> bool:
        """A one-line header (`IndicatorNulmetingR2016...`) at unit j."""
        u = self.stream.unit(j)
        toks = self.labels(u.text) if u is not None and len(u.text) <= 200 else None
        return bool(toks) and len(toks) >= 3 and toks[0].role != "year"

    def at_header(self, j: int) -> bool:
        """A unit that starts another table's header."""
        u = self.stream.unit(j)
        if u is None:
            return False
        toks = self.labels(u.text)
        return bool(toks) and (toks[0].role == "name" or "kind_row" in {t.role for t in toks})

    def _cell_table(self, i: int, u: Unit) -> TextTable | None:
        nxt = self.stream.unit(i + 1)
        by_group = nxt is not None and nxt.group != u.group
        if self._label_run(i, by_group) > MAX_HEADER_CELLS:
            return None   # no table has so many columns: a run of labels (tried from each of its lines)
        header: list[Cell] = []
        j = i
        while (cell := self._cell_at(j, by_group)) is not None and self.labels(cell.text):
            header.append(cell)
            j = cell.units[-1] + 1
        tried = self._tries.get((j, by_group), 0)
        if tried >= MAX_HEADER_TRIES:
            return None
        table = self._header_table(i, header, j, by_group)
        if table is None:
            self._tries[(j, by_group)] = tried + 1
        return table

    def _header_table(self, i: int, header: list[Cell], j: int, by_group: bool) -> TextTable | None:
        """The table under the header cells from unit i (its cells end before unit j)."""
        if self._coded(j):
            return None
        cells, end = self._cells_from(j, by_group)
        texts = [c.text for c in header]
        # a year in a cell of its own: the label before it dated (`Begroting` `2022`), or a
        # column of its own (`Nulmeting` `2020` `2021`) — whichever the rows under it fit best
        best = None
        readings = []
        for bind in (True, False):
            columns = columns_from_cells(texts, self.words, self.own, bind_years=bind, memo=self._header_cells)
            if len(columns) < 2 or not any(c.figure for c in columns) or columns in readings:
                continue
            readings.append(columns)
            rows, score = segment(cells, columns, with_score=True, merge=not by_group, memo=self._plans)
            if best is None or score > best[2]:
                best = (columns, rows, score)
        if best is None:
            return None
        columns, rows, _score = best
        table = TextTable(columns, [], i, end)
        for c in header:
            for n in c.units:
                table.roles[n] = "indicator header"
        table.roles[i] = "indicator header: " + describe(columns)
        for row in rows:
            if row is None:
                continue
            table.rows.append(row.placed)
            for n in row.units:
                table.roles[n] = f"indicator row '{row.placed.name[:40]}'"
        if len(cells) >= MAX_CELLS:
            table.notes.append(("warning", "table_too_large", f"indicator table of more than {MAX_CELLS} cells; "
                                f"read its first {MAX_CELLS}, the rest as text after it", cells[-1].origin,
                                cells[-1].text))
        used = {n for r in rows if r is not None for n in r.units}
        for c in cells:
            if not set(c.units) & used:
                table.notes.append(("info", "unplaced_text", f"table cell not placed in a row: {c.text[:120]}",
                                    c.origin, c.text))
        return table if table.rows else None

    # -- one row per line ---------------------------------------------------------------------
    def _line_table(self, i: int, u: Unit) -> TextTable | None:
        columns = columns_from_line(u.text, self.words)
        nxt = self.stream.unit(i + 1)
        if self._coded(i + 1) or (nxt is not None and self.labels(nxt.text)):
            return None   # coded rows, or a header going on over more lines: the code-driven reader
        figures = [c for c in columns if c.figure or c.role == "period"]
        n = len(figures)
        names = [k for k, c in enumerate(columns) if c.role == "name"]
        before = columns[:names[0]] if names else []
        has_unit = any(c.role == "unit" for c in columns)
        has_source = any(c.role == "source" for c in columns)
        table = TextTable(columns, [], i, i + 1, roles={i: "indicator header: " + describe(columns)})
        pending: list[tuple[int, Unit]] = []
        source: tuple[int, Unit] | None = None
        first = True
        j = i + 1
        cells = 0   # cells read so far, bounded as a cell table's (MAX_CELLS)
        while j < len(self.stream):
            if cells >= MAX_CELLS:
                last = self.stream.unit(j - 1) or u
                table.notes.append(("warning", "table_too_large", f"indicator table of more than {MAX_CELLS} "
                                    f"cells; read its first {len(table.rows)} rows, the rest as text after it",
                                    last.origin, last.text))
                break
            v = self.stream.unit(j)
            if v is not None and self.profile.is_chrome(v.text):
                j += 1
                continue
            if self._stop(v, prose=False) or self.at_header(j):
                break
            if BRON_LINE.match(v.text):
                source = (j, v)
                j += 1
                continue
            found = split_row(v.text, n)
            if found is None and pending and figures_only(v.text):
                # the row's figures on a line of their own, run together past telling apart
                name = " ".join(p.text for _, p in pending)
                row = PlacedRow(name, pending[0][1].origin, v.origin, "\n".join([p.text for _, p in pending] + [v.text]),
                                source=source[1].text if source else None)
                row.problems.append(f"the figures '{v.text}' run together: cannot tell where one cell ends; "
                                    f"values not placed")
                table.rows.append(row)
                for k in [k for k, _ in pending] + ([source[0]] if source else []) + [j]:
                    table.roles[k] = f"indicator row '{name[:40]}' (figures not placed)"
                cells += 1 + len(pending)
                pending, source = [], None
                first = False
                j += 1
                continue
            if found is None:
                if pending and len(pending) >= 3:
                    break
                pending.append((j, v))
                j += 1
                continue
            name = found.name
            units = [j]
            if pending and not name:
                name = " ".join(p.text for _, p in pending)
                units = [k for k, _ in pending] + units
                origin = pending[0][1].origin
            else:
                self._loose(table, pending, has_source)
                origin = v.origin
            pending = []
            code = unit = None
            words = name.split()
            group_read = False
            for col in before:   # a row number and a group number (taakveld) before the name
                if words and ROW_NUMBER.match(words[0]) and col.role in ("number", "group"):
                    w = words.pop(0)
                    code = w if col.role == "number" else code
                    group_read = group_read or col.role == "group"
            name = " ".join(words)
            if any(c.role == "group" for c in before) and not group_read:
                _group, name = split_group(name, v.raw or v.text, required=first)
            if has_unit:
                name, unit = split_unit(name, self.profile.unit_words)
            src = found.rest if has_source else None
            if source is not None and not src:
                src = source[1].text
                units.append(source[0])
            source = None
            row = PlacedRow(name, origin, v.origin, "\n".join(self.stream.unit(k).text for k in sorted(units)),
                            code=code, unit=unit, source=src)
            for col, raw in zip(figures, found.figures):
                if col.role == "period":
                    row.period = int(raw) if YEAR.match(raw) else None
                else:
                    row.cells.append(PlacedCell(col, raw, v.origin))
            table.rows.append(row)
            cells += 1 + n
            for k in units:
                table.roles[k] = f"indicator row '{name[:40]}'"
            first = False
            j += 1
        used = self._loose(table, pending, has_source)
        table.end = next((k for k, _ in pending if k not in used), j)
        return table if table.rows else None

    def _loose(self, table: TextTable, pending: list[tuple[int, Unit]], has_source: bool) -> set[int]:
        """Lines under a one-line header that held a name and figures that cannot be told
        apart (`Weerstandsratio2,82,9>12,9Naris`): the indicator is kept, its figures reported.
        Returns the units so read."""
        used = set()
        for k, v in pending:
            loose = split_loose(v.text)
            if loose is None:
                continue
            name, figures, rest = loose
            row = PlacedRow(name, v.origin, v.origin, v.text, source=rest if has_source and rest else None)
            row.problems.append(f"the figures '{figures}' run together: cannot tell where one cell "
                                f"ends; values not placed")
            table.rows.append(row)
            table.roles[k] = f"indicator row '{name[:40]}' (figures not placed)"
            used.add(k)
        return used

    # -- one row per value kind ---------------------------------------------------------------
    def _kind_table(self, i: int, u: Unit) -> TextTable | None:
        years = [t.year for t in self.words.tokens(u.text) if t.role == "year"]
        columns = [ColumnSpec("year", y, str(y)) for y in years]
        table = TextTable(columns, [], i, i + 1, roles={i: "indicator header (one row per kind): " + describe(columns)})
        name, source, top = self._name_above(i)
        if name is None:
            return None
        j = i + 1
        rows: list[tuple[str, list[str], Unit]] = []
        while (v := self.stream.unit(j)) is not None and not self._stop(v):
            found = split_row(v.text, len(years))
            if found is None or not found.name:
                break
            toks = self.words.tokens(found.name)
            role = next((t.role for t in toks if t.role in ("realisatie", "streefwaarde", "nulmeting",
                                                            "waarde", "comparison")), None)
            if role is None and self.own is not None and self.own.match(found.name):
                role = "waarde"
            if role is None:
                break
            rows.append((role, found.figures, v))
            table.roles[j] = f"{role} row"
            j += 1
        if not rows:
            return None
        first = self.stream.unit(name[0])
        row = PlacedRow(first.text, first.origin, rows[-1][2].origin,
                        "\n".join([first.text] + ([source[1].text] if source else []) + [r[2].text for r in rows]),
                        source=source[1].text if source else None)
        for role, figures, v in rows:
            label = v.text.split()[0]
            for col, raw in zip(columns, figures):
                row.cells.append(PlacedCell(ColumnSpec(role, col.year, label), raw, v.origin))
        table.rows.append(row)
        table.roles[name[0]] = f"indicator name '{first.text[:40]}'"
        if source:
            table.roles[source[0]] = "indicator source"
        table.start = top
        table.end = j
        return table

    def _name_above(self, i: int) -> tuple[tuple[int] | None, tuple[int, Unit] | None, int]:
        """The indicator's name above a one-row-per-kind header: the first line of its block (a
        short line, before a description under `Omschrijving`), and its `Bron:` line."""
        source = None
        block: list[int] = []
        j = i - 1
        while j >= 0 and len(block) < 12:
            v = self.stream.unit(j)
            if v is None or self._stop(v) or split_row(v.text, 2) is not None and not BRON_LINE.match(v.text):
                break
            if BRON_LINE.match(v.text):
                if source is None:
                    source = (j, v)
            elif not self.profile.is_chrome(v.text):
                block.insert(0, j)
            j -= 1
        names = []
        for k in block:
            t = self.stream.unit(k).text
            if _DESCRIPTION_LABEL.match(t):
                break
            if len(t) <= 150 and not sections.ends_sentence(t):
                names.append(k)
        if not names:
            return None, source, i
        return (names[0],), source, names[0]
