"""Indicator-table headers read by meaning: each column's role (name, number, group, unit,
period, a value of some kind, comparison, source, other) from the profile's column words.

A header arrives as cells (a grid's header row, or one cell per line of web text) or as one line
of labels (`Nr. Taakveld Indicator Eenheid Periode Werkelijk Begroting 2022 Bron`, also run
together: `IndicatorNulmetingDoelstelling 2017Realisatie 2017Ambitie 2018`). Years bind to the
label they stand under or beside: `Realisatie 2020`, a row of labels over a row of years
(`Realisatie Begroting Begroting` / `2017 2018 2019`), a label over a run of years. A year with no
label (`Onderwerp Indicatoren 2018 2019 2020`) is a bare year column, realised or target by the
edition (`resolve_bare_years`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..profiles.columns import VALUE_ROLES, ColumnWords, Token

# roles whose cells hold the figures of a row
FIGURE_ROLES = VALUE_ROLES + ("year",)
_SPACE_RUN = re.compile(r"\s+")


@dataclass(frozen=True)
class ColumnSpec:
    role: str              # name number group unit period source other kind_row, or a value role:
                           # realisatie streefwaarde nulmeting waarde comparison, or 'year' (bare)
    year: int | None = None
    label: str = ""        # the header as printed

    @property
    def figure(self) -> bool:
        return self.role in FIGURE_ROLES

    def describe(self) -> str:
        year = f" {self.year}" if self.year is not None else ""
        label = f" '{self.label}'" if self.label and self.role in ("comparison", "other") else ""
        return f"{self.role}{year}{label}"


def describe(columns: list[ColumnSpec]) -> str:
    """The columns as `extract inspect` shows them: `name | unit | realisatie 2020 | ...`."""
    return " | ".join(c.describe() for c in columns)


@dataclass
class _Label:
    role: str
    years: list[int]
    label: str


def _cell_label(toks: list[Token], text: str) -> _Label | list[int] | None:
    """One header cell: its label (role, years printed with it), or only years, or nothing."""
    roles = [t for t in toks if t.role != "year"]
    years = [t.year for t in toks if t.role == "year"]
    if not roles:
        return years or None
    first = roles[0]
    label = _SPACE_RUN.sub(" ", text).strip()
    if first.year is not None:   # R2017
        return _Label(first.role, [first.year], label)
    # a word the profile calls 'other' next to a value word (`Begroting PB`) does not hide it
    role = next((t.role for t in roles if t.role in VALUE_ROLES), None) if first.role == "other" else None
    return _Label(role or first.role, years, label)


def columns_from_cells(cells: list[str], words: ColumnWords, own: re.Pattern | None = None,
                       bind_years: bool = True, memo: dict | None = None) -> list[ColumnSpec]:
    """Columns of a header given one text per column (in order). `own` matches labels that name
    the municipality itself (`Oegstgeest`): a column of its own values. Name labels before the
    name column's own (`Beleidsindicatoren` over `Indicator`) are the table's title. With
    `bind_years` a year in a cell of its own belongs to the label before it (web text prints
    `Begroting` and `2022` as two cells of one column); without, each cell is a column (a grid).
    `memo` (text -> what the cell says, for these words and `own`) keeps each cell's reading
    for a caller that reads overlapping headers (a header tried from each cell of a run)."""
    lead = 0
    while lead + 1 < len(cells) and _is_name(cells[lead], words) and _is_name(cells[lead + 1], words):
        lead += 1
    cells = cells[lead:]
    if memo is None:
        items = [_header_cell(text, words, own) for text in cells]
    else:
        items = []
        for text in cells:
            if text not in memo:
                memo[text] = _header_cell(text, words, own)
            items.append(memo[text])
    if not bind_years:
        out: list[ColumnSpec] = []
        for it in items:
            if isinstance(it, list):
                out.append(ColumnSpec("year", it[0], str(it[0])) if len(it) == 1 else ColumnSpec("other", None, ""))
            else:
                out.extend(_bind_years([it]))
        return _first_is_name(out)
    return _first_is_name(_bind_years(items))


def _header_cell(text: str, words: ColumnWords, own: re.Pattern | None) -> _Label | list[int] | None:
    """What one header cell says: a label, years only, or nothing (a blank cell)."""
    item = _cell_label(words.tokens(text), text)
    if item is None and own is not None and text.strip() and own.fullmatch(text.strip()):
        item = _Label("waarde", [], text.strip())
    if item is None and text.strip():
        item = _Label("other", [], _SPACE_RUN.sub(" ", text).strip())
    return item


def _is_name(text: str, words: ColumnWords) -> bool:
    toks = words.tokens(text)
    return bool(toks) and toks[0].role == "name"


def columns_from_line(text: str, words: ColumnWords) -> list[ColumnSpec]:
    """Columns of a header printed on one line: each word starts a column; years after a value
    word belong to it (one column per year), years after any other word are bare year columns."""
    items: list[_Label | list[int] | None] = []
    for t in words.tokens(text):
        if t.role == "year":
            last = items[-1] if items else None
            if isinstance(last, _Label) and last.role in VALUE_ROLES:
                last.years.append(t.year)
            elif isinstance(last, list):
                last.append(t.year)
            else:
                items.append([t.year])
        else:
            items.append(_Label(t.role, [t.year] if t.year is not None else [], t.text))
    out: list[ColumnSpec] = []
    for item in items:
        if isinstance(item, list):
            out.extend(ColumnSpec("year", y, str(y)) for y in item)
        elif item.role in VALUE_ROLES and len(item.years) > 1:
            out.extend(ColumnSpec(item.role, y, f"{item.label} {y}") for y in item.years)
        else:
            out.append(ColumnSpec(item.role, item.years[0] if item.years else None,
                                  f"{item.label} {item.years[0]}" if item.years else item.label))
    return out


def _first_is_name(columns: list[ColumnSpec]) -> list[ColumnSpec]:
    """A header with no name column names its rows in the first column (`Omschrijving`,
    `Onderwerp` over the indicators' names)."""
    if columns and not any(c.role == "name" for c in columns) and columns[0].role in ("other", "group"):
        return [replace(columns[0], role="name")] + columns[1:]
    return columns


def _bind_years(items: list[_Label | list[int] | None]) -> list[ColumnSpec]:
    """Years in cells of their own bind to the labels before them: a run of year cells as long
    as the run of undated value labels before it pairs up with them in order (a row of labels
    over a row of years); a year cell right after an undated label dates it; a year cell after
    a dated one repeats its label (`Realisatie 2018` `2019`); any other is a bare year."""
    out: list[ColumnSpec] = []
    k = 0
    while k < len(items):
        item = items[k]
        if isinstance(item, list):
            run = []
            while k < len(items) and isinstance(items[k], list):
                run.extend(items[k])
                k += 1
            undated = [n for n, c in enumerate(out) if c.role in VALUE_ROLES and c.year is None]
            if len(run) > 1 and len(run) == len(undated):
                for n, year in zip(undated, run):
                    out[n] = replace(out[n], year=year, label=f"{out[n].label} {year}")
                continue
            last = out[-1] if out else None
            for year in run:
                if last is not None and last.role in VALUE_ROLES and last.year is None:
                    out[-1] = last = replace(last, year=year, label=f"{last.label} {year}")
                elif last is not None and last.role in VALUE_ROLES:
                    last = ColumnSpec(last.role, year, f"{last.label.rsplit(' ', 1)[0]} {year}")
                    out.append(last)
                else:
                    out.append(ColumnSpec("year", year, str(year)))
            continue
        if item is None:
            out.append(ColumnSpec("other", None, ""))
        elif item.role in VALUE_ROLES and len(item.years) > 1:
            out.extend(ColumnSpec(item.role, y, f"{item.label}") for y in item.years)
        else:
            out.append(ColumnSpec(item.role, item.years[0] if item.years else None, item.label))
        k += 1
    return out


def resolve_bare_years(columns: list[ColumnSpec], edition_year: int | None,
                       edition_kind: str) -> tuple[list[ColumnSpec], bool]:
    """Bare year columns by the edition: all realised in an annual report; in a budget realised
    before its year and targets from its year on. Returns the columns and whether bare years
    were left undecided (no edition kind or year to decide by)."""
    if not any(c.role == "year" for c in columns):
        return columns, False
    out = []
    undecided = False
    for c in columns:
        if c.role != "year":
            out.append(c)
        elif edition_kind == "jaarstukken":
            out.append(replace(c, role="realisatie"))
        elif edition_kind == "begroting" and edition_year is not None:
            out.append(replace(c, role="realisatie" if c.year < edition_year else "streefwaarde"))
        else:
            out.append(c)
            undecided = True
    return out, undecided
