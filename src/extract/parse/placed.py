"""Indicator rows placed in columns read by meaning, and the records they make.

Every table reader that knows which column each cell of a row belongs to (a grid without codes,
a table printed as text) hands a `PlacedRow` to `record_row`, which makes the indicator (its key
the printed code, else a slug of its name), its values — realised values and targets by year,
undated baselines and targets kept undated — and the comparison figures (Nederland, provincie,
benchmark) that are not the municipality's own.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..layout import Origin, provenance
from ..models import ComparisonValue, Indicator, IndicatorValue
from ..models.values import clean_text, parse_cell
from .found import Found, Marker
from .header import ColumnSpec
from .indicators import split_markers

# a footnote number glued to a name (`Hernieuwbare elektriciteit1`, `Vestigingen (van bedrijven)4`)
_GLUED_NOTE = re.compile(r"(?<=[a-zà-ÿ)])(?P<n>\d{1,2})$")
_UNIT_WORDS = re.compile(r"(?:^|\s)(?:m|km|ha)\d$")
_SOURCE_LABEL = re.compile(r"^\s*bron(?:nen)?\s*[:.]?\s*", re.IGNORECASE)


@dataclass
class PlacedCell:
    column: ColumnSpec
    raw: str
    origin: Origin


@dataclass
class PlacedRow:
    name: str
    origin: Origin                       # where the row starts (its name)
    end: Origin
    raw: str                             # the row as read, for provenance
    code: str | None = None
    goal: str | None = None
    unit: str | None = None              # the unit as printed (an Eenheid column)
    period: int | None = None            # the year a Periode column gives the row's values
    source: str | None = None
    cells: list[PlacedCell] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)   # values that could not be placed
    unread: list = field(default_factory=list)           # (column, text, cell) of columns not read


def slug(name: str) -> str:
    """A stable key from an indicator's name: lower case, no accents, words joined by '-'."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text[:80].rstrip("-") or "indicator"


def clean_name(name: str) -> tuple[str, str]:
    """The name without footnote marks (`*`, `¹`, a glued `1`) and the marks."""
    name, markers = split_markers(clean_text(name))
    m = _GLUED_NOTE.search(name)
    if m and not _UNIT_WORDS.search(name):
        return name[:m.start()].rstrip(), m.group("n")
    return name, markers


def _figure_year(column: ColumnSpec, raw: str, period: int | None) -> tuple[str, int | None]:
    """The value kind and year of a figure cell: a year printed in the cell (`24% (2019)`,
    `2021: € 290`) wins; else the column's; else the row's period for realised values. A
    baseline with a year is the realised value of that year; an undated one stays a baseline."""
    cell_year = parse_cell(raw).year
    year = cell_year if cell_year is not None else column.year
    kind = column.role
    if kind == "nulmeting":
        return ("realisatie", year) if year is not None else ("nulmeting", None)
    if kind == "waarde":
        year = year if year is not None else period
        return ("realisatie", year) if year is not None else ("waarde", None)
    if kind == "realisatie" and year is None:
        year = period
    return kind, year


def key_for(found: Found, code: str | None, name: str) -> str:
    """The row's key: its code, else a slug of its name; a second indicator of another name
    with the same slug gets `-2`, `-3`."""
    if code:
        return code
    base = slug(name)
    key, n = base, 2
    while key in found.indicators and found.indicators[key].name != name:
        key = f"{base}-{n}"
        n += 1
    return key


def _source(text: str | None) -> tuple[str | None, str]:
    """A source cell: its text without a `Bron:` label and footnote marks; a cell holding only
    a mark (`*`) points to a footnote that names the source."""
    if not text:
        return None, ""
    text = clean_text(_SOURCE_LABEL.sub("", text))
    if re.fullmatch(r"[*¹²³⁴⁵⁶⁷⁸⁹]+", text):
        return None, text
    source, markers = split_markers(text)
    return source or None, markers


def record_row(found: Found, row: PlacedRow, table: int) -> str:
    """Make the records of one placed row; returns the indicator's key."""
    name, name_markers = clean_name(row.name)
    key = key_for(found, row.code, name)
    prov = provenance(found.src, row.origin, row.raw, row.end)
    source, source_markers = _source(row.source)
    existing = found.indicators.get(key)
    if existing is None:
        found.indicators[key] = Indicator(code=row.code, key=key, goal_code=row.goal, name=name,
                                          source=source or None, unit_label=row.unit, provenance=prov)
    elif row.code:
        found.diag("warning", "duplicate_indicator", f"indicator {key} appears twice; the first is kept",
                   row.origin, row.raw)
        return key
    elif existing.source is None and source:
        existing.source = source
    if name_markers:
        found.markers.append(Marker(key, table, name_markers, row.origin))
    if source_markers:
        found.markers.append(Marker(key, table, source_markers, row.origin, where="source"))
    seen = found.figures_of.setdefault(key, set())   # (kind, year, raw) already recorded, cells already read
    for cell in row.cells:
        if not clean_text(cell.raw):
            continue
        if cell.column.role == "comparison":
            cell_year = parse_cell(cell.raw).year
            year = cell_year if cell_year is not None else (cell.column.year or row.period)
            figure = ("comparison " + cell.column.label, year, cell.raw)
            if figure in seen:
                continue  # the same figure again (an uncoded indicator's table printed twice)
            seen.add(figure)
            found.comparisons.append(ComparisonValue.from_raw(row.code, key, cell.column.label, year, cell.raw,
                                                              provenance(found.src, cell.origin, cell.raw)))
            continue
        kind, year = _figure_year(cell.column, cell.raw, row.period)
        read = ("cell", kind, year, cell.raw)   # what the value is made of: seen, it is a value seen
        if read in seen:
            continue
        seen.add(read)
        value = IndicatorValue.from_raw(row.code, kind, year, cell.raw, provenance(found.src, cell.origin, cell.raw),
                                        indicator_key=key)
        if (value.kind, value.year, value.raw) in seen:
            continue  # the same figure again (a sub-row repeating its measurement)
        seen.add((value.kind, value.year, value.raw))
        if value.markers:
            found.markers.append(Marker(key, table, value.markers, cell.origin))
        found.values.append(value)
    for problem in row.problems:
        found.diag("warning", "ambiguous_row", f"{name}: {problem}", row.origin, row.raw)
    return key


_OWN_LABELS = re.compile(r"^(?:gemeente|eigen gemeente|de gemeente|provincie|onze gemeente)$", re.IGNORECASE)


def merge_region_rows(rows: list[PlacedRow], words, own: re.Pattern | None) -> list[PlacedRow]:
    """Rows labelled by whose figures they are, under an indicator's name row (`Percentage
    werkloze jongeren` / `Gemeente 1,2 1,1` / `Nederland 1,5 1,4`): the municipality's own row
    gives the indicator's values, the others are comparison figures with their label."""
    out: list[PlacedRow] = []
    parent: PlacedRow | None = None
    for row in rows:
        label = clean_text(row.name)
        toks = words.label_only(label) if label else None
        comparison = bool(toks) and all(t.role == "comparison" for t in toks)
        mine = bool(_OWN_LABELS.match(label) or (own is not None and own.fullmatch(label)))
        if parent is not None and (comparison or mine) and row.cells:
            for cell in row.cells:
                col = cell.column
                if comparison:
                    cell.column = ColumnSpec("comparison", col.year, label)
                parent.cells.append(cell)
            parent.end = row.end
            parent.raw += "\n" + row.raw
            parent.source = parent.source or row.source
            parent.unit = parent.unit or row.unit
            parent.period = parent.period or row.period
            continue
        out.append(row)
        parent = row if not row.cells else None
    return out


_BARE_YEAR = re.compile(r"^(?:19|20)\d\d$")


def label_columns(table) -> list[ColumnSpec]:
    """The table's columns, an undated value column whose every cell is a bare year (`Begroting`
    over `2023`, `2024`: the edition a sub-row is about) read as a label column, not figures."""
    out = []
    for col in table.columns:
        if col.role in ("realisatie", "streefwaarde", "waarde", "nulmeting") and col.year is None:
            cells = [c.raw.strip() for r in table.rows for c in r.cells if c.column == col and c.raw.strip()]
            if cells and all(_BARE_YEAR.match(c) for c in cells):
                for r in table.rows:
                    moved = [c for c in r.cells if c.column == col]
                    r.cells = [c for c in r.cells if c.column != col]
                    r.unread.extend((col, c.raw, c) for c in moved)
                col = ColumnSpec("other", None, col.label)
        out.append(col)
    return out
