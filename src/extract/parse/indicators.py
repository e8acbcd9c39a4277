"""Indicator tables: the column model read from the header, and rows read against it.

Three renderings of the same table are read here:
- a grid (HTML, PDF, pipe tables): cells sit in known columns;
- web-page text: one cell per line, realised values as `5,7 (2015)` lines in one cell;
- PDF text: the values of a row on one line after the (wrapped) name, the source after them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..layout import Origin
from ..models.values import clean_text, find_value_run_tokens, is_value_token, parse_cell, value_token_runs, value_tokens
from ..profiles.columns import header_tokens

_YEAR_ENTRY = re.compile(r"^\S.*\((?:19|20)\d\d\)\s*\**$|^(?:19|20)\d\d\s*[:=]\s*\S")


@dataclass(frozen=True, slots=True)
class Column:
    kind: str              # 'realisatie' | 'streefwaarde' | 'other' (prognose, landelijk gemiddelde...)
    year: int | None       # None: the cell holds `value (year)` entries
    incell: bool = False


@dataclass(slots=True)
class ColumnModel:
    values: list[Column]
    source: bool = True    # a Bron column after the values

    @property
    def width(self) -> int:
        return len(self.values)


@dataclass(slots=True)
class ValueCell:
    column: Column
    raw: str
    origin: Origin
    year: int | None = None


@dataclass(slots=True)
class Row:
    """One indicator row as read, before it becomes records."""

    name_lines: list[str] = field(default_factory=list)
    note: str | None = None
    cells: list[ValueCell] = field(default_factory=list)
    source: str | None = None
    source_origin: Origin | None = None
    problems: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Group:
    kind: str
    years: list[int] = field(default_factory=list)


def column_model(tokens: list[tuple[str, str, bool]], hint_incell: bool | None = None,
                 edition_year: int | None = None, edition_kind: str = "other") -> ColumnModel:
    """Build the column model from header tokens in reading order: (type, text, attached), type
    one of ind/r/s/b/u/y; `attached` marks a year that directly follows its label in the same
    cell or paragraph (`Streefwaarde 2018`). Each label starts a slot, in header order, so
    interleaved headers (`Realisatie 2019 | Streefwaarde 2019 | ...`) keep their order; years
    on a line of their own (the lower header row) fill the slots that have none."""
    slots: list[_Group] = []
    bare: list[int] = []
    source = False
    last_label: _Group | None = None
    for typ, text, attached in tokens:
        if typ in ("r", "s", "o"):
            kind = {"r": "realisatie", "s": "streefwaarde", "o": "other"}[typ]
            if slots and slots[-1].kind == kind and not slots[-1].years:
                last_label = slots[-1]  # the same label repeated (a spanning header)
            else:
                last_label = _Group(kind)
                slots.append(last_label)
        elif typ == "y":
            if attached and last_label is not None:
                last_label.years.append(int(text))
            else:
                bare.append(int(text))
                last_label = None
        else:
            if typ == "b":
                source = True
            last_label = None
    if not slots:
        slots = [_Group("realisatie")]
    kinds = {g.kind for g in slots}
    every = [y for g in slots for y in g.years] + bare
    if {"realisatie", "streefwaarde"} <= kinds and len(slots) == 2 and len(every) == len(set(every)) + 1 \
            and every.count(max(every)) == 2:
        # `Realisatie 2014..2017 | Streefwaarde 2017` whatever order the years came out in:
        # the one year named twice is the target year, all years are realised years
        real = next(g for g in slots if g.kind == "realisatie")
        target = next(g for g in slots if g.kind == "streefwaarde")
        real.years, target.years, bare = sorted(set(every)), [max(every)], []
    lacking = [g for g in slots if not g.years]
    if bare:
        if len(lacking) == 1:
            lacking[0].years = bare
        elif len(lacking) >= 2:
            runs = _ascending_runs(bare)
            if len(runs) == len(lacking):
                for g, run in zip(lacking, runs):
                    g.years = run
            elif hint_incell is not False and lacking[0].kind == "realisatie":
                lacking[1].years = bare  # realised values carry their own year in the cell
            elif edition_year is not None:
                # a budget sets targets from its own year on; an annual report realises its year
                realised = (lambda y: y <= edition_year) if edition_kind == "jaarstukken" else (lambda y: y < edition_year)
                for g in lacking[:2]:
                    g.years = [y for y in bare if realised(y) == (g.kind == "realisatie")]
            else:
                lacking[-1].years = bare
        else:
            slots[-1].years.extend(bare)
    values: list[Column] = []
    for g in slots:
        if g.years:
            values.extend(Column(g.kind, y) for y in g.years)
        else:
            values.append(Column(g.kind, None, incell=True))
    return ColumnModel(values, source)


def _ascending_runs(years: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for y in years:
        if runs and y > runs[-1][-1]:
            runs[-1].append(y)
        else:
            runs.append([y])
    return runs


def grid_columns(header_rows: list[list[str]], edition_year: int | None = None) -> tuple[list[tuple[str, Column | None]], bool]:
    """Column roles of a grid table from its header rows (already expanded for colspan):
    for each column index ('name'|'value'|'source'|'other', Column)."""
    width = max(len(r) for r in header_rows)
    roles: list[tuple[str, Column | None]] = []
    incell_hint = False
    tokens: dict[tuple[str, ...], list] = {}  # a colspan's copies repeat one header: read it once
    for col in range(width):
        raw = tuple(r[col] if col < len(r) else "" for r in header_rows)
        toks = tokens.get(raw)
        if toks is None:
            toks = tokens[raw] = header_tokens(" ".join(s for s in map(clean_text, raw) if s))
        types = {t for t, _, _ in toks}
        years = [int(x) for t, x, _ in toks if t == "y"]
        if "ind" in types:
            roles.append(("name", None))
        elif "b" in types:
            roles.append(("source", None))
        elif types & {"r", "s", "o"}:
            kind = "streefwaarde" if "s" in types else "realisatie" if "r" in types else "other"
            if years:
                roles.append(("value", Column(kind, years[-1])))
            else:
                roles.append(("value", Column(kind, None, incell=True)))
                incell_hint = True
        elif years and roles and roles[-1][0] == "value" and roles[-1][1] is not None:
            roles.append(("value", Column(roles[-1][1].kind, years[-1])))
        elif col == 0:
            roles.append(("name", None))
        else:
            roles.append(("other", None))
    return roles, incell_hint


def split_markers(text: str) -> tuple[str, str]:
    """`Stadsenquête*` -> ('Stadsenquête', '*'). String operations, linear (the regex
    `^(.*?)\\s*(\\*+)$` it replaces backtracked quadratically on runs of spaces or stars)."""
    text = text.strip()
    body = text.rstrip("*")
    if body.strip() and len(body) < len(text):
        return body.strip(), text[len(body):]
    return text, ""


def is_value_cell(text: str) -> bool:
    """A cell that reads as a value, or as realised values with their years."""
    return is_year_entry(text) or parse_cell(text).status != "qualitative"


def is_year_entry(text: str) -> bool:
    """A realised value with its year in one cell line: `5,7 (2015)`."""
    return bool(_YEAR_ENTRY.match(text)) and parse_cell(text).year is not None


def assign_cells(model: ColumnModel, cells: list[tuple[str, Origin]], row: Row) -> int:
    """Assign web-text cells (one per line) to the columns; returns how many cells were used.
    Cells beyond the row's width are left for the caller (text after the table)."""
    used = 0
    values = model.values
    pos = 0
    col_index = 0
    # in-cell realised values: consecutive `x (year)` lines
    while col_index < len(values):
        col = values[col_index]
        if col.incell:
            entries = []
            while pos < len(cells) and is_year_entry(cells[pos][0]):
                entries.append(cells[pos])
                pos += 1
            if entries:
                for raw, origin in entries:
                    row.cells.append(ValueCell(col, raw, origin, parse_cell(raw).year))
            elif pos < len(cells):
                raw, origin = cells[pos]
                pos += 1
                row.cells.append(ValueCell(col, raw, origin, parse_cell(raw).year))
            col_index += 1
            continue
        break
    remaining_cols = values[col_index:]
    need = len(remaining_cols) + (1 if model.source else 0)
    rest = cells[pos:]
    if rest and len(remaining_cols) >= 2:
        # the remaining values on one line (`70% 75% 75% 75% Parkeerbedrijf`) after in-cell entries
        found = find_value_run_tokens(rest[0][0], len(remaining_cols))
        if found and not found[0]:
            _name, tokens, source = found
            for col, raw in zip(remaining_cols, tokens):
                row.cells.append(ValueCell(col, raw, rest[0][1], col.year))
            used = pos + 1
            if source:
                row.source, row.source_origin = source, rest[0][1]
            elif model.source and len(rest) > 1 and source_like(rest[1][0]):
                row.source, row.source_origin = rest[1]
                used += 1
            return used
    if len(rest) >= need:
        for col, (raw, origin) in zip(remaining_cols, rest):
            row.cells.append(ValueCell(col, raw, origin, col.year))
        if model.source:
            row.source, row.source_origin = rest[len(remaining_cols)]
        used = pos + need
    elif len(rest) == len(remaining_cols) and all(is_value_cell(raw) for raw, _ in rest):
        # every value, no source: the source column stands elsewhere (a block after the table)
        for col, (raw, origin) in zip(remaining_cols, rest):
            row.cells.append(ValueCell(col, raw, origin, col.year))
        used = pos + len(rest)
    else:
        # fewer cells than columns: empty cells were lost; keep the source, place no values
        got = list(rest)
        if model.source and got and not is_value_cell(got[-1][0]):
            row.source, row.source_origin = got.pop()
        if got:
            row.problems.append(
                f"{len(got)} value cells for {len(remaining_cols)} columns "
                f"({', '.join(_col_label(c) for c in remaining_cols)}): cannot tell which column "
                f"is empty; values not placed: {' | '.join(r for r, _ in got)}")
        used = len(cells)
    return used


def source_like(text: str) -> bool:
    """A short line that can be a source (`Veiligheidsmonitor`, `CBS / Waarstaatjegemeente`),
    not the lower-case rest of a wrapped name, a sentence or a value."""
    text = text.strip()
    return (0 < len(text) <= 60 and not text[:1].islower() and not re.search(r"[.!?:;]$", text)
            and not is_value_cell(text))


def _col_label(col: Column) -> str:
    return f"{col.kind} {col.year if col.year is not None else '(in cell)'}"


def read_value_line(model: ColumnModel, text: str, origin: Origin, row: Row) -> str | None:
    """A PDF-text line holding a row's values (`33% 32% 35% 34% 34% Veiligheidsmonitor`),
    possibly after the end of the name. Returns the name text before the values ('' if none),
    or None if the line holds no such run. An in-cell realised column takes a `5,7 (2015)` token."""
    n = model.width
    found = find_value_run_tokens(text, n)
    if not found:
        return None
    name, tokens, source = found
    if n == 1 and not name and not source:
        return None  # a lone value is a web-text cell, not a PDF row
    if model.values[0].incell:
        # more `5,7 (2015)` entries of the in-cell column before the run belong to it too
        before = value_tokens(name)
        extra: list[str] = []
        while before and is_year_entry(before[-1]):
            extra.insert(0, before.pop())
        if extra:
            name = " ".join(before)
            for raw in extra:
                row.cells.append(ValueCell(model.values[0], raw, origin, parse_cell(raw).year))
    for col, raw in zip(model.values, tokens):
        year = parse_cell(raw).year if col.incell else col.year
        row.cells.append(ValueCell(col, raw, origin, year))
    if source:
        row.source, row.source_origin = source, origin
    return name


_DIGIT = re.compile(r"\d")


def split_value_run(text: str, least: int = 2) -> tuple[str, str] | None:
    """A line split before its first run of at least `least` figures (`46% 47% 48%` after a
    name; a dash or `n.b.` between two numbers, as in `18 - 23 jaar`, breaks the run): (text
    before, the run and what follows); None when it has no such run."""
    tokens = value_token_runs(text)[0]
    run = 0
    for k, tok in enumerate(tokens):
        run = run + 1 if _DIGIT.search(tok) and is_value_token(tok.replace(" ", "")) else 0
        if run >= least:
            start = k - least + 1
            return " ".join(tokens[:start]), " ".join(tokens[start:])
    return None


def add_year_entries(model: ColumnModel, text: str, origin: Origin, row: Row) -> bool:
    """More `5,7 (2015)` entries of an in-cell realised column on a line after the values line.
    True if the whole line was such entries."""
    col = next((c for c in model.values if c.incell), None)
    if col is None:
        return False
    tokens = value_token_runs(text)[0]
    if not tokens or not all(is_year_entry(t) for t in tokens):
        return False
    for t in tokens:
        row.cells.append(ValueCell(col, t, origin, parse_cell(t).year))
    return True
