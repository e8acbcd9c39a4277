"""An indicator's history over the editions given: every realised value and target each edition
printed for each year, which edition is the latest for a year, and where editions disagree (a
restatement, or a target that moved). What the report charts and tabulates per indicator.

Built on the series of the checks (`checks.indicator_series.series_points`: one point per
municipality, indicator key, kind and year, with the reporting editions in publication order).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..checks.indicator_series import Point, series_points
from ..checks.keys import code_key, edition_label, figure, publication_order, shown
from ..models import Document, Indicator, IndicatorValue

KIND_NAMES = {"realisatie": "realised", "streefwaarde": "target"}


def kind_name(kind: str) -> str:
    return KIND_NAMES.get(kind, kind)


@dataclass
class History:
    """One indicator of one municipality over the editions: its latest wording, and its points
    (kind and year) in the order of the series."""

    municipality: str
    policy_area: str
    indicator: Indicator
    points: list[Point] = field(default_factory=list)

    @property
    def key(self) -> str:
        return self.indicator.key

    @property
    def label(self) -> str:
        """How the indicator is named on the page: `9A1.a Schaalscore sociale cohesie`."""
        return f"{self.indicator.code} {self.indicator.name}" if self.indicator.code else self.indicator.name

    def conflicts(self) -> list[Point]:
        """The points editions disagree on."""
        return [p for p in self.points if is_conflict(p)]

    def editions(self) -> list[Document]:
        """The documents that report this indicator, in publication order."""
        docs = {d.document_id: d for p in self.points for d, _ in p.reports}
        return sorted(docs.values(), key=publication_order)

    def chart_rows(self) -> list[dict]:
        """One row per edition's figure with a number: what the chart draws. `latest` marks the
        figure of the latest edition for its year, `conflict` a year editions disagree on."""
        rows = []
        for p in self.points:
            conflict = is_conflict(p)
            for i, (doc, v) in enumerate(p.reports):
                if v.value is None:
                    continue
                rows.append({"year": p.year, "kind": kind_name(p.kind), "value": float(v.value),
                             "printed": shown(v), "edition": edition_label(doc), "document": doc.document_id,
                             "latest": i == len(p.reports) - 1, "conflict": conflict,
                             "editions_say": disagreement(p) if conflict else ""})
        return rows

    def table(self) -> tuple[list[Document], list[tuple[Point, dict[str, IndicatorValue]]]]:
        """The editions (columns) and per point the value each edition printed (by document id)."""
        return self.editions(), [(p, {d.document_id: v for d, v in p.reports}) for p in self.points]


def is_conflict(point: Point) -> bool:
    return len({figure(v) for _, v in point.reports}) > 1


def disagreement(point: Point) -> str:
    """What the editions said, grouped by figure: `432.000 (begroting 2020); 428.500 (begroting 2021)`."""
    groups: dict[tuple, list[tuple[Document, IndicatorValue]]] = defaultdict(list)
    for d, v in point.reports:
        groups[figure(v)].append((d, v))
    return "; ".join(f"{shown(g[0][1])} ({', '.join(edition_label(d) for d, _ in g)})" for g in groups.values())


def histories(documents: Iterable[Document]) -> list[History]:
    """Every indicator's history, in the order of the series (municipality, code)."""
    found: dict[tuple[str, str], History] = {}
    for p in series_points(documents):
        h = found.get((p.municipality, p.indicator.key))
        if h is None:
            h = found[(p.municipality, p.indicator.key)] = History(p.municipality, p.policy_area, p.indicator)
        h.points.append(p)
    return list(found.values())


@dataclass
class Area:
    """A policy area of a municipality: its title (from the latest edition naming it) and the
    histories of its indicators."""

    municipality: str
    code: str
    title: str
    histories: list[History]

    @property
    def name(self) -> str:
        return " ".join(x for x in (self.code, self.title) if x) or "without a policy area"


def areas(documents: list[Document], found: list[History]) -> list[Area]:
    """The histories grouped by municipality and policy area, in code order."""
    titles: dict[tuple[str, str], str] = {}
    for doc in sorted(documents, key=publication_order):
        for a in doc.policy_areas:
            titles[(doc.municipality or "", a.code)] = a.title
    grouped: dict[tuple[str, str], list[History]] = defaultdict(list)
    for h in found:
        grouped[(h.municipality, h.policy_area)].append(h)
    return [Area(m, code, titles.get((m, code), ""), hs)
            for (m, code), hs in sorted(grouped.items(), key=lambda item: (item[0][0], code_key(item[0][1])))]
