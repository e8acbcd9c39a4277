"""A small top-down layout engine on a reportlab canvas, for the sample PDFs and the benchmark.

It draws what annual reports and budgets print: a running header and page-number footer,
headings, wrapped paragraphs, the two-column Doel | Prestatie table (the goal cell spanning and
vertically centred across its performance rows), indicator tables (wrapped names, a header split
over two lines, values centred in the row, a Bron column, page breaks with or without a repeated
header) and money tables. Three table styles: `seed` (shaded header, horizontal rules only),
`grid` (every cell ruled) and `plain` (whitespace only).

Development only: needs reportlab (the `dev` extra). Coordinates here run top-down from the top
edge of the page; `_y` turns them into reportlab's bottom-up ones.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

REG, BOLD = "Helvetica", "Helvetica-Bold"
PORTRAIT, LANDSCAPE = A4, landscape(A4)


@dataclass
class GoalRow:
    """A goal and its performances: texts, or explicit lines (to wrap as a real report did)."""

    goal: str | list[str]
    performances: list[str | list[str]]


@dataclass
class IndicatorRow:
    name: str | list[str]
    values: list[str | list[str]]  # one entry per value column; a list = lines in the cell
    source: str | list[str] = ""


@dataclass
class GoalBand:
    """A full-width `Doel 9A1 ...` row inside an indicator table."""

    text: str


@dataclass
class IndicatorTable:
    groups: list[tuple[str, list[str]]]  # ("Realisatie", ["2014", ...]); no years: one column
    rows: list[IndicatorRow | GoalBand]
    name_label: str = "Effectindicator"
    source_label: str | None = "Bron"
    name_width: float = 200
    value_width: float = 40
    source_width: float = 85
    repeat_header: bool = True
    value_valign: str = "middle"  # or "top"
    group_widths: dict[str, float] = field(default_factory=dict)  # label -> width of its columns
    break_after: int | None = None  # start a new page after this many rows (a forced page break)


@dataclass
class MoneyTable:
    columns: list[str]
    rows: list[tuple[str, list[str], bool]]  # (label, amounts, bold)


@dataclass
class Style:
    rules: str = "seed"  # seed | grid | plain
    size: float = 9
    leading: float = 11.5
    pad: float = 3
    shade: tuple[float, float, float] = (0.82, 0.89, 0.95)


@dataclass
class Flow:
    path: str
    header_left: str
    header_right: str
    first_page: int = 1
    margin: float = 56
    style: Style = field(default_factory=Style)

    def __post_init__(self) -> None:
        self.c = canvas.Canvas(self.path, pagesize=PORTRAIT, invariant=1)
        self.page_no = self.first_page
        self.pagesize = PORTRAIT
        self._open_page()

    # -- pages -------------------------------------------------------------------------------
    @property
    def width(self) -> float:
        return self.pagesize[0] - 2 * self.margin

    @property
    def bottom(self) -> float:
        return self.pagesize[1] - 62

    def _y(self, top: float) -> float:
        return self.pagesize[1] - top

    def _open_page(self) -> None:
        self.c.setPageSize(self.pagesize)
        w = self.pagesize[0]
        self.text(self.margin, 30, self.header_left, REG, 8)
        self.text(w - self.margin - stringWidth(self.header_right, REG, 8), 30, self.header_right, REG, 8)
        self.c.setLineWidth(0.4)
        self.c.line(self.margin, self._y(42), w - self.margin, self._y(42))
        self.y = 62.0

    def _close_page(self) -> None:
        num = str(self.page_no)
        self.text((self.pagesize[0] - stringWidth(num, REG, 8)) / 2, self.pagesize[1] - 38, num, REG, 8)
        self.c.showPage()

    def new_page(self, pagesize=None) -> None:
        self._close_page()
        self.page_no += 1
        if pagesize is not None:
            self.pagesize = pagesize
        self._open_page()

    def need(self, height: float) -> bool:
        """Start a new page unless `height` fits; True when a page was started."""
        if self.y + height > self.bottom:
            self.new_page()
            return True
        return False

    def save(self) -> None:
        self._close_page()
        self.c.save()

    # -- text --------------------------------------------------------------------------------
    def text(self, x: float, top: float, s: str, font: str = REG, size: float = 9) -> None:
        """Draw `s` with the top of its line box at `top`."""
        self.c.setFont(font, size)
        self.c.drawString(x, self._y(top + size * 0.8), s)

    def wrap(self, s: str | list[str], font: str, size: float, width: float) -> list[str]:
        return list(s) if isinstance(s, list) else simpleSplit(s, font, size, width)

    def heading(self, s: str, size: float = 13, before: float = 8, after: float = 6) -> None:
        self.need(before + size * 3)
        self.y += before
        self.text(self.margin, self.y, s, BOLD, size)
        self.y += size * 1.25 + after

    def para(self, s: str | list[str], size: float = 9, font: str = REG, after: float = 6,
             indent: float = 0, leading: float | None = None) -> None:
        leading = leading or size * 1.28
        for line in self.wrap(s, font, size, self.width - indent):
            self.need(leading)
            self.text(self.margin + indent, self.y, line, font, size)
            self.y += leading
        self.y += after

    def space(self, points: float) -> None:
        self.y += points

    # -- rules -------------------------------------------------------------------------------
    def hline(self, x0: float, x1: float, top: float, width: float = 0.5) -> None:
        self.c.setLineWidth(width)
        self.c.line(x0, self._y(top), x1, self._y(top))

    def box(self, x: float, top: float, w: float, h: float, fill=None, stroke: bool = True) -> None:
        if fill is not None:
            self.c.setFillColorRGB(*fill)
        self.c.setLineWidth(0.5)
        self.c.rect(x, self._y(top + h), w, h, stroke=1 if stroke else 0, fill=1 if fill is not None else 0)
        self.c.setFillColorRGB(0, 0, 0)

    # -- Doel | Prestatie ----------------------------------------------------------------------
    def goal_table(self, goals: list[GoalRow], goal_width: float = 165, snap: bool = True,
                   labels: tuple[str, str] = ("Doel", "Prestatie"), break_after: int | None = None,
                   repeat_header: bool = True) -> None:
        st = self.style
        x0, x1 = self.margin, self.margin + goal_width
        perf_w = self.width - goal_width
        head_h = st.leading + 2 * st.pad
        self.need(head_h + 4 * st.leading)
        self._goal_header(x0, x1, perf_w, head_h, labels)
        for count, g in enumerate(goals):
            if count and count == break_after:  # a forced page break between two goals
                self.new_page()
                if repeat_header:
                    self._goal_header(x0, x1, perf_w, head_h, labels)
            perf_lines = [self.wrap(p, REG, st.size, perf_w - 2 * st.pad) for p in g.performances]
            heights = [len(ls) * st.leading + 2 * st.pad for ls in perf_lines]
            goal_lines = self.wrap(g.goal, REG, st.size, goal_width - 2 * st.pad)
            goal_h = len(goal_lines) * st.leading
            heights[-1] += max(0.0, goal_h + 2 * st.pad - sum(heights))
            total = sum(heights)
            if self.need(total) and repeat_header:
                self._goal_header(x0, x1, perf_w, head_h, labels)
            top = self.y
            gy = top + (total - goal_h) / 2
            if snap:  # Word snaps nothing, but many reports put the goal on a performance's line
                gy = top + st.pad + round((gy - top - st.pad) / st.leading) * st.leading
            for k, line in enumerate(goal_lines):
                self.text(x0 + st.pad, gy + k * st.leading + 1.5, line, REG, st.size)
            y = top
            for lines, h in zip(perf_lines, heights):
                for k, line in enumerate(lines):
                    self.text(x1 + st.pad, y + st.pad + k * st.leading + 1.5, line, REG, st.size)
                if st.rules == "seed":
                    self.hline(x1, x0 + self.width, y + h, 0.3)
                elif st.rules == "grid":
                    self.box(x1, y, perf_w, h)
                y += h
            if st.rules == "seed":
                self.hline(x0, x0 + self.width, top + total, 0.6)
            elif st.rules == "grid":
                self.box(x0, top, goal_width, total)
            self.y = top + total
        self.y += 10

    def _goal_header(self, x0: float, x1: float, perf_w: float, h: float, labels: tuple[str, str]) -> None:
        st = self.style
        if st.rules == "seed":
            self.box(x0, self.y, self.width, h, fill=st.shade, stroke=False)
        elif st.rules == "grid":
            self.box(x0, self.y, x1 - x0, h, fill=st.shade)
            self.box(x1, self.y, perf_w, h, fill=st.shade)
        self.text(x0 + st.pad, self.y + st.pad + 1.5, labels[0], BOLD, st.size)
        self.text(x1 + st.pad, self.y + st.pad + 1.5, labels[1], BOLD, st.size)
        self.y += h

    # -- indicator tables --------------------------------------------------------------------
    def indicator_table(self, t: IndicatorTable) -> None:
        st = self.style
        cols = self._indicator_columns(t)
        head_h = 2 * st.leading + 2 * st.pad
        self.need(head_h + 3 * st.leading)
        self._indicator_header(t, cols, head_h)
        for count, row in enumerate(t.rows):
            if count and count == t.break_after:
                self.new_page()
                if t.repeat_header:
                    self._indicator_header(t, cols, head_h)
            if isinstance(row, GoalBand):
                lines = self.wrap(row.text, BOLD, st.size, cols[-1][1] - cols[0][0] - 2 * st.pad)
                h = len(lines) * st.leading + 2 * st.pad
                if self.need(h + st.leading) and t.repeat_header:
                    self._indicator_header(t, cols, head_h)
                if st.rules != "plain":
                    self.box(cols[0][0], self.y, cols[-1][1] - cols[0][0], h, fill=(0.93, 0.93, 0.93),
                             stroke=st.rules == "grid")
                for k, line in enumerate(lines):
                    self.text(cols[0][0] + st.pad, self.y + st.pad + k * st.leading + 1.5, line, BOLD, st.size)
                self.y += h
                continue
            cells = [self.wrap(row.name, REG, st.size, cols[0][1] - cols[0][0] - 2 * st.pad)]
            cells += [v if isinstance(v, list) else [v] for v in row.values]
            if t.source_label is not None:
                cells.append(self.wrap(row.source, REG, st.size, cols[-1][1] - cols[-1][0] - 2 * st.pad))
            n = max(len(c) for c in cells)
            h = n * st.leading + 2 * st.pad
            if self.need(h) and t.repeat_header:
                self._indicator_header(t, cols, head_h)
            for k, (cell, (cx0, cx1)) in enumerate(zip(cells, cols)):
                dy = 0.0
                if 0 < k <= len(row.values) and t.value_valign == "middle":
                    dy = (n - len(cell)) * st.leading / 2
                for j, line in enumerate(cell):
                    top = self.y + st.pad + dy + j * st.leading + 1.5
                    if 0 < k <= len(row.values):  # values centred in their column
                        x = (cx0 + cx1 - stringWidth(line, REG, st.size)) / 2
                    else:
                        x = cx0 + st.pad
                    self.text(x, top, line, REG, st.size)
                if st.rules == "grid":
                    self.box(cx0, self.y, cx1 - cx0, h)
            if st.rules == "seed":
                self.hline(cols[0][0], cols[-1][1], self.y + h, 0.3)
            self.y += h
        self.y += 4

    def _indicator_columns(self, t: IndicatorTable) -> list[tuple[float, float]]:
        x = self.margin
        cols = [(x, x + t.name_width)]
        x += t.name_width
        for label, years in t.groups:
            w = t.group_widths.get(label, t.value_width)
            for _ in years or [""]:
                cols.append((x, x + w))
                x += w
        if t.source_label is not None:
            cols.append((x, x + t.source_width))
        return cols

    def _indicator_header(self, t: IndicatorTable, cols: list[tuple[float, float]], h: float) -> None:
        st = self.style
        left, right = cols[0][0], cols[-1][1]
        spans = []
        k = 1
        for label, years in t.groups:
            span = cols[k:k + max(1, len(years))]
            spans.append((label, years, span))
            k += len(span)
        # shading and rules first, text on top
        if st.rules == "seed":
            self.box(left, self.y, right - left, h, fill=st.shade, stroke=False)
        elif st.rules == "grid":
            self.box(cols[0][0], self.y, cols[0][1] - cols[0][0], h, fill=st.shade)
            if t.source_label is not None:
                self.box(cols[-1][0], self.y, cols[-1][1] - cols[-1][0], h, fill=st.shade)
            for _label, years, span in spans:
                gx0, gx1 = span[0][0], span[-1][1]
                if years:
                    self.box(gx0, self.y, gx1 - gx0, h / 2, fill=st.shade)
                    for cx0, cx1 in span:
                        self.box(cx0, self.y + h / 2, cx1 - cx0, h / 2, fill=st.shade)
                else:
                    self.box(gx0, self.y, gx1 - gx0, h, fill=st.shade)
        mid = self.y + (h - st.leading) / 2 + 1.5
        line1, line2 = self.y + st.pad + 1.5, self.y + st.pad + st.leading + 1.5
        self.text(cols[0][0] + st.pad, mid, t.name_label, BOLD, st.size)
        if t.source_label is not None:
            self.text(cols[-1][0] + st.pad, mid, t.source_label, BOLD, st.size)
        for label, years, span in spans:
            gx0, gx1 = span[0][0], span[-1][1]
            if years:
                self.text((gx0 + gx1 - stringWidth(label, BOLD, st.size)) / 2, line1, label, BOLD, st.size)
                for (cx0, cx1), year in zip(span, years):
                    self.text((cx0 + cx1 - stringWidth(year, BOLD, st.size)) / 2, line2, year, BOLD, st.size)
            else:
                self.text((gx0 + gx1 - stringWidth(label, BOLD, st.size)) / 2, mid, label, BOLD, st.size)
        if st.rules == "seed":
            self.hline(left, right, self.y + h, 0.6)
        self.y += h

    # -- money -------------------------------------------------------------------------------
    def money_table(self, t: MoneyTable, label_width: float = 190) -> None:
        st = self.style
        col_w = (self.width - label_width) / len(t.columns)
        self.need(4 * st.leading)
        note = "Bedragen x € 1.000"
        self.text(self.margin + self.width - stringWidth(note, REG, 7.5), self.y, note, REG, 7.5)
        self.y += st.leading
        for k, col in enumerate(t.columns):
            lines = simpleSplit(col, BOLD, st.size, col_w - 4)
            for j, line in enumerate(lines):
                x = self.margin + label_width + (k + 1) * col_w - 2 - stringWidth(line, BOLD, st.size)
                self.text(x, self.y + j * st.leading, line, BOLD, st.size)
        self.y += 2 * st.leading + 2
        self.hline(self.margin, self.margin + self.width, self.y - 2, 0.5)
        for label, amounts, bold in t.rows:
            self.need(st.leading)
            font = BOLD if bold else REG
            self.text(self.margin + 2, self.y, label, font, st.size)
            for k, amount in enumerate(amounts):
                x = self.margin + label_width + (k + 1) * col_w - 2 - stringWidth(amount, font, st.size)
                self.text(x, self.y, amount, font, st.size)
            self.y += st.leading
        self.y += 8
