"""Reading the text lines of pages, in page order, into layout blocks: the last step of the shared
geometry (`sources/geometry`), for PDF pages and layout text alike.

Each page is walked top-down: an indicator-table header or a `Doel | Prestatie` header starts a
table (`tables`); a money section (`Wat heeft het gekost?`, amounts × € 1.000) is left out so
that its amounts and `Realisatie 2019` columns are never read as indicators; the other lines are
grouped into headings (larger or bold type) and paragraphs (by the space between lines). A table
that reaches the bottom of a page goes on at the top of the next, whether or not the header is
repeated there.
"""
from __future__ import annotations

import re

from ...layout import Block, Line
from ...models import Diagnostic, Provenance
from ...profiles import sections
from ...profiles.codes import leading_code, policy_area_line
from ...profiles.money import has_money_note, is_money_heading
from .columns import Column, Grid, header_columns, word_spans
from .tables import (
    TableState,
    band_test,
    cut_at_prose,
    goal_grid,
    goal_header,
    goal_rows,
    has_goal_column,
    header_rows,
    indicator_grid,
    indicator_header,
    indicator_rows,
    table_body,
)
from .words import (
    Rulings,
    boxes_origin,
    TextLine,
    Word,
    join_hyphenated,
    join_words,
    words_origin,
)

MONEY_NOTES = 25  # money tables noted one by one; the rest in one note (`finish`)
_AMOUNT = re.compile(r"^[-−]?(?:\d{1,3}(?:\.\d{3})+|\d{1,4})(?:,\d+)?$")


class PageReader:
    """Collects the blocks of the pages it is given, in order."""

    def __init__(self, size: float, source_file: str):
        self.size = size  # the body text size of the document
        self.source_file = source_file
        self.blocks: list[Block] = []
        self.diagnostics: list[Diagnostic] = []
        self.state: TableState | None = None
        self.tables = 0
        self.money_open: int | None = None  # the page a money table ran to the bottom of
        self.money_tables = 0

    def read(self, lines: list[TextLine], rulings: Rulings, page: int) -> None:
        i = 0
        if self.state is not None and self.state.page == page - 1 and lines:
            i = self._go_on(lines, rulings, page)
        else:
            self.state = None
        if self.money_open == page - 1 and lines:
            i = self._money(lines, i, page)
        prose: list[TextLine] = []
        while i < len(lines):
            line = lines[i]
            j = indicator_header(lines, i, self.size)
            gh = goal_header(line) if j is None else None
            if j is not None or gh is not None or has_money_note(line.text):
                self._flush(prose)
                self.state = None
            if j is not None:
                i = self._indicator(lines, i, j, rulings, page)
            elif gh is not None:
                i = self._goal(lines, i + 1, gh, rulings, page)
            elif has_money_note(line.text):
                i = self._money(lines, i, page)
            else:
                prose.append(line)
                i += 1
                if is_money_heading(line.text):
                    self._flush(prose)
                    i = self._money(lines, i, page)
        if prose:
            self._flush(prose)
            self.state = None

    def forget_open_table(self) -> None:
        """Start the next page afresh: no table or money section left open (after a page whose
        reading stopped half-way)."""
        self.state = None
        self.money_open = None

    # -- tables ------------------------------------------------------------------------------
    def _indicator(self, lines: list[TextLine], i: int, j: int, rulings: Rulings, page: int,
                   state: TableState | None = None) -> int:
        """An indicator table with its header at lines[i:j]; with `state`, the header repeated
        on a new page. Returns the first line after the table."""
        columns = header_columns(lines[i:j], rulings)
        if state is None:
            self.tables += 1
            block = Block("table", rows=header_rows(columns, lines[i:j], page, self.tables),
                          origin=words_origin([w for ln in lines[i:j] for w in ln.words], page, f"table {self.tables}"))
            self.blocks.append(block)
            state = TableState("indicator", block, self.tables, _header_key(lines[i:j]), lines[i].size, columns)
        elif not _same_columns(columns, state.columns):
            state.spans = []  # another page geometry: the rows before say nothing about this one
        state.columns = columns
        return self._indicator_rows(lines, j, rulings, page, state)

    def _indicator_rows(self, lines: list[TextLine], j: int, rulings: Rulings, page: int, state: TableState) -> int:
        end = table_body(lines, j, state.size)
        grid, keep = indicator_grid(state.columns, lines[j:end], rulings, state.spans)
        end = j + keep
        carry = state.block.rows[-1] if state.page else None  # going on from the page before
        state.block.rows.extend(indicator_rows(lines[j:end], grid, rulings, page, state.number,
                                               len(state.block.rows) + 1, carry))
        band = band_test(state.columns)
        state.spans += word_spans([ln for ln in lines[j:end] if not band(ln)])
        return self._keep_open(state, grid, page, end, len(lines))

    def _goal(self, lines: list[TextLine], start: int, anchor: tuple[Word, Word], rulings: Rulings, page: int,
              state: TableState | None = None) -> int:
        """A Doel | Prestatie table whose body starts at `start` (after its header, or at the top
        of the page it goes on to)."""
        if state is None:
            self.tables += 1
            block = Block("table", origin=words_origin(list(anchor), page, f"table {self.tables}"))
            self.blocks.append(block)
            state = TableState("goal", block, self.tables, [anchor[0].text, anchor[1].text], anchor[1].size,
                               anchor=anchor)
        elif state.anchor is None or abs(anchor[1].x0 - state.anchor[1].x0) > 3:
            state.spans = []  # another page geometry
        state.anchor = anchor
        end = table_body(lines, start, state.size)
        grid = goal_grid(anchor, lines[start:end], rulings, state.spans)
        end = start + cut_at_prose(lines[start:end], grid)
        grid = goal_grid(anchor, lines[start:end], rulings, state.spans)
        carry = state.block.rows[-1] if state.page and state.block.rows else None
        state.block.rows.extend(goal_rows(lines[start:end], grid, rulings, page, state.number,
                                          len(state.block.rows) + 1, carry))
        state.spans += word_spans(lines[start:end])
        return self._keep_open(state, grid, page, end, len(lines))

    def _keep_open(self, state: TableState, grid: Grid, page: int, end: int, n_lines: int) -> int:
        """A table that runs to the bottom of the page may go on on the next."""
        state.grid, state.page = grid, page
        self.state = state if end == n_lines else None
        return end

    def _go_on(self, lines: list[TextLine], rulings: Rulings, page: int) -> int:
        """Continue the table left open on the previous page: after its repeated header, or
        straight on when the page starts with a row of it. Returns the first line not used."""
        st = self.state
        assert st is not None and st.grid is not None
        self.state = None
        if st.kind == "indicator":
            j = indicator_header(lines, 0, self.size)
            if j is not None:
                return self._indicator(lines, 0, j, rulings, page, st) if _header_key(lines[:j]) == st.header else 0
            name = 1 if has_goal_column(st.columns) else 0
            if band_test(st.columns)(lines[0]) or _code_kind(lines[0], st.grid, name) == "indicator":
                return self._indicator_rows(lines, 0, rulings, page, st)
            return 0
        gh = goal_header(lines[0])
        if gh is not None:
            return self._goal(lines, 1, gh, rulings, page, st)
        if st.anchor and (_code_kind(lines[0], st.grid, column=1) == "performance"
                          or _code_kind(lines[0], st.grid) == "goal"):
            return self._goal(lines, 0, st.anchor, rulings, page, st)
        return 0

    # -- money -------------------------------------------------------------------------------
    def _money(self, lines: list[TextLine], i: int, page: int) -> int:
        """Skip the lines of a money table (amounts, their column headers, row labels)."""
        k = i
        while k < len(lines) and _money_line(lines[k], self.size):
            k += 1
        self.money_open = page if k == len(lines) else None
        if k > i:
            self.money_tables += 1
            if self.money_tables <= MONEY_NOTES:
                self.diagnostics.append(Diagnostic(
                    severity="info", code="money_table_left_out",
                    message=f"left out a money table ({k - i} lines, amounts are not indicators) on page {page}",
                    location=f"{self.source_file}, page {page}",
                    provenance=Provenance(source_file=self.source_file, page=page)))
        return k

    def finish(self) -> None:
        """After the last page: the money tables left out past the first MONEY_NOTES in one note."""
        more = self.money_tables - MONEY_NOTES
        if more > 0:
            self.diagnostics.append(Diagnostic(
                severity="info", code="money_table_left_out",
                message=f"left out {more} more money tables (amounts are not indicators)",
                location=self.source_file))

    # -- prose -------------------------------------------------------------------------------
    def _flush(self, prose: list[TextLine]) -> None:
        self.blocks.extend(prose_blocks(prose, self.size))
        prose.clear()


def _same_columns(a: list[Column], b: list[Column]) -> bool:
    return len(a) == len(b) and all(abs(x.x0 - y.x0) <= 3 for x, y in zip(a, b))


def _header_key(header: list[TextLine]) -> list[str]:
    return sorted(w.text.lower() for line in header for w in line.words)


def _code_kind(line: TextLine, grid: Grid, column: int = 0) -> str | None:
    cl = leading_code(join_words([w for w in line.words if grid.column_of(w) == column]))
    return cl.code.kind if cl is not None else None


def _money_line(line: TextLine, size: float) -> bool:
    """A line of a money table: the `Bedragen x € 1.000` note, a row or column header where
    amounts (or years) make up a good part of the words, or a short label (`Lasten`, `Baten`)
    that is not a heading, a section or a record. Prose about the money stops the table."""
    text = line.text
    amounts = sum(bool(_AMOUNT.match(w.text)) for w in line.words)
    if has_money_note(text) or (amounts >= 2 and amounts >= len(line.words) / 4):
        return True
    if amounts and len(line.words) <= 4:
        return leading_code(text) is None
    if line.size >= size * 1.12 or len(line.words) > 4 or leading_code(text) is not None:
        return False
    pa = policy_area_line(text)
    return not (sections.is_section_heading(text) or sections.goals_intro(text) or (pa and pa[2])
                or goal_header(line) is not None)


def _style(line: TextLine, size: float) -> tuple[str, int]:
    """('heading', level) for larger or bold type, ('small', 0) for footnote type, else
    ('paragraph', 0)."""
    ratio = line.size / size if size else 1.0
    if ratio >= 1.15:
        return "heading", 1 if ratio >= 1.5 else 2 if ratio >= 1.3 else 3
    if line.bold and len(line.text) <= 160:
        return "heading", 4
    if ratio <= 0.9:
        return "small", 0
    return "paragraph", 0


def prose_blocks(lines: list[TextLine], size: float) -> list[Block]:
    """Headings and paragraphs: a new block where the type changes or the space between two
    lines is wider than a normal line gap."""
    blocks: list[Block] = []
    current: list[TextLine] = []
    current_style: tuple[str, int] | None = None

    def flush() -> None:
        if not current:
            return
        kind, level = current_style or ("paragraph", 0)
        out, first = [], 0
        page = current[0].page
        boxes = [ln.box() for ln in current]
        for text, last in join_hyphenated([ln.text for ln in current]):
            out.append(Line(text, boxes_origin(boxes[first:last + 1], page)))
            first = last + 1
        origin = boxes_origin(boxes, page)
        blocks.append(Block("heading" if kind == "heading" else "paragraph", lines=out, level=level,
                            origin=origin))
        current.clear()

    for line in lines:
        style = _style(line, size)
        if current and (style != current_style or line.top - current[-1].bottom > 0.6 * line.size):
            flush()
        current.append(line)
        current_style = style
    flush()
    return blocks
