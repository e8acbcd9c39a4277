"""Indicator series over any number of editions (`extract series`): one row per indicator, kind
and year, the table an analyst plots.

Editions are put in publication order (the budget for Y in the autumn of Y-1, the annual report
for Y in the spring of Y+1). A row's value is that of the latest edition reporting it; the
editions that report it are listed; when they disagree the row is flagged `conflict` and
`values_by_edition` lists each value with its editions. Values without a figure (`-`, n.b.,
n.v.t., p.m.) and values without a year are left out. Indicators are keyed by municipality and
key (the printed code; a slug of the name for an indicator printed without one).

A check across editions: a pure function over Documents (`series(docs)`, a DataFrame). The
library API (`extract.series`, `api/analysis.py`) reads paths into Documents and calls it; the
terminal report is the CLI's (`cli/terminal.py`).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..models import Document, Indicator, IndicatorValue
from .frames import text, typed_frame
from .keys import code_key, document_list, edition_label, figure, has_figure, policy_area_of, publication_order, shown

if TYPE_CHECKING:
    import pandas as pd

# the columns of indicator_series.csv and the dtype of each
SERIES_DTYPES = {**text("municipality", "policy_area_code", "indicator_code", "indicator_key", "indicator_name",
                        "unit", "kind"), "year": "Int64", "value": "Float64",
                 **text("raw", "status", "editions", "document_ids"), "n_editions": "Int64", "conflict": "boolean",
                 "values_by_edition": "string"}
SERIES_COLUMNS = list(SERIES_DTYPES)
KIND_ORDER = {"realisatie": 0, "streefwaarde": 1}


@dataclass
class Point:
    """One indicator, kind and year, with what every edition said about it (oldest first)."""

    municipality: str
    indicator: Indicator
    policy_area: str
    kind: str
    year: int
    reports: list[tuple[Document, IndicatorValue]] = field(default_factory=list)

    def row(self) -> dict:
        latest = self.reports[-1][1]
        docs = list({d.document_id: d for d, _ in self.reports}.values())
        by_figure: dict[tuple, list[tuple[Document, IndicatorValue]]] = defaultdict(list)
        for d, v in self.reports:
            by_figure[figure(v)].append((d, v))
        conflict = len(by_figure) > 1
        values = "; ".join(f"{shown(group[0][1])} ({', '.join(edition_label(d) for d, _ in group)})"
                           for group in by_figure.values()) if conflict else None
        return {"municipality": self.municipality, "policy_area_code": self.policy_area,
                "indicator_code": self.indicator.code, "indicator_key": self.indicator.key,
                "indicator_name": self.indicator.name,
                "unit": self.indicator.unit, "kind": self.kind, "year": self.year, "value": latest.value,
                "raw": shown(latest), "status": latest.status,
                "editions": "; ".join(edition_label(d) for d in docs),
                "document_ids": "; ".join(d.document_id for d in docs),
                "n_editions": len(docs), "conflict": conflict, "values_by_edition": values}

    def order(self) -> tuple:
        return (self.municipality, code_key(self.indicator.code or self.indicator.key), KIND_ORDER.get(self.kind, 9),
                self.year)


def series_points(docs: Iterable[Document]) -> list[Point]:
    """Every indicator/kind/year reported by `docs`, with the reporting editions in
    publication order; the indicator's name and unit are those of the latest edition."""
    points: dict[tuple, Point] = {}
    latest: dict[tuple[str, str], Indicator] = {}
    for doc in sorted((d for d in docs if d.status != "failed"), key=publication_order):
        municipality = doc.municipality or ""
        indicators = {i.key: i for i in doc.indicators}
        for ind in doc.indicators:
            latest[(municipality, ind.key)] = ind
        for v in doc.values:
            ind = indicators.get(v.indicator_key)
            if ind is None or v.year is None or not has_figure(v):
                continue
            key = (municipality, v.indicator_key, v.kind, v.year)
            point = points.setdefault(key, Point(municipality, ind, policy_area_of(ind.code, doc), v.kind, v.year))
            point.reports.append((doc, v))
    for point in points.values():
        point.indicator = latest[(point.municipality, point.indicator.key)]
    return sorted(points.values(), key=Point.order)


def series(documents: Iterable[Document] | Document) -> "pd.DataFrame":
    """The indicator series of all editions in `documents`: one row per indicator, kind and
    year, columns SERIES_COLUMNS typed as SERIES_DTYPES, sorted by municipality, code, kind and
    year. `value` is the number as Float64 (missing for qualitative values, whose text is in
    `raw`); `conflict` is boolean. `df.attrs['editions']` lists the editions in publication
    order."""
    docs = document_list(documents)
    df = typed_frame([p.row() for p in series_points(docs)], SERIES_DTYPES)
    df.attrs["editions"] = [f"{edition_label(d)} ({d.document_id})" for d in sorted(docs, key=publication_order)]
    return df
