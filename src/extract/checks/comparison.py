"""Comparing two editions (`extract compare OLD NEW`): what was added, removed, renamed,
renumbered or moved, which realised values were restated, which targets moved.

A check across editions: a pure function over Documents (`compare(old_docs, new_docs)`, a
DataFrame). The library API (`extract.compare`, `api/analysis.py`) reads paths into Documents
and calls it; the terminal report is the CLI's (`cli/terminal.py`).

Documents are matched by policy area (the newest document of a side when it has several for one
area); policy areas in only one side are listed, not compared, and two editions that share no
policy area raise NothingToCompare. Within the compared areas, records are matched by code
(indicators printed without a code by their key), then by wording (`matching.pair_records`),
and values by indicator (through that matching), kind and year. Values without a figure (`-`,
n.b., n.v.t., p.m.) count as absent.

Changes (one row each in changes.csv):
  added, removed          a goal, performance or indicator in only one edition
  renamed                 same code, other wording (with its similarity, at least 0.5)
  replaced                same code, wording so different (similarity below 0.5) that the code
                          now stands for another record: its values are not compared
  renumbered              matched by wording under another code, same parent
  reparented              matched, but under another goal (or policy area)
  restated                realised value for the same indicator and year that differs
  target_changed          target for the same indicator and year that differs
  source_changed, unit_changed
Listings (what a user wants to see beside the changes):
  only_old, only_new      a value one edition gives and the other does not: for editions of
                          the same kind only within the years the other edition covers (a
                          window sliding by a year is no news); across kinds (budget vs annual
                          report) every such realised value
  target                  across kinds, every target of both, with the realised value of that
                          year when either edition has it (target promised vs value realised)
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from ..models import Document, Goal, Indicator, IndicatorValue, Performance, Provenance
from .frames import text, typed_frame
from .keys import code_key, document_list, edition_label, figure, has_figure, policy_area_of, publication_order, shown
from .matching import Pair, normalise, pair_records

if TYPE_CHECKING:
    import pandas as pd

CHANGES = ("added", "removed", "renumbered", "reparented", "renamed", "replaced", "restated", "target_changed",
           "source_changed", "unit_changed")
LISTINGS = ("only_old", "only_new", "target")
RECORD_TYPES = ("policy_area", "goal", "performance", "indicator", "value")
REPLACED_BELOW = 0.5   # a same-code pair less alike than this is another record under the old code


class NothingToCompare(ValueError):
    """Two editions that share no policy area: every record would be `added` or `removed`."""


@dataclass
class Change:
    """One row of changes.csv."""

    change: str
    record_type: str
    policy_area_code: str
    code: str | None
    old_code: str | None = None      # filled when the old code differs
    kind: str | None = None          # realisatie / streefwaarde, for values
    year: int | None = None
    old: str | None = None           # the old text: wording, parent, source, or a value as printed
    new: str | None = None
    old_value: Decimal | None = None  # for values: the numbers of `old`, `new` and `realised`
    new_value: Decimal | None = None
    similarity: float | None = None
    realised: str | None = None      # for `target` rows: the realised value of that year
    realised_value: Decimal | None = None
    message: str = ""
    old_document_id: str | None = None
    new_document_id: str | None = None
    old_location: str | None = None
    new_location: str | None = None

    def order(self) -> tuple:
        return (code_key(self.policy_area_code), RECORD_TYPES.index(self.record_type), code_key(self.code),
                self.kind or "", self.year or 0, (CHANGES + LISTINGS).index(self.change))


CHANGE_COLUMNS = list(Change.__dataclass_fields__)
# the dtype of each column of changes.csv (CHANGE_COLUMNS, in order)
CHANGE_DTYPES = {**text("change", "record_type", "policy_area_code", "code", "old_code", "kind"), "year": "Int64",
                 **text("old", "new"), "old_value": "Float64", "new_value": "Float64", "similarity": "Float64",
                 "realised": "string", "realised_value": "Float64",
                 **text("message", "old_document_id", "new_document_id", "old_location", "new_location")}


def record_code(record: Goal | Performance | Indicator) -> str | None:
    """The code a record is matched and listed by: its printed code (an indicator printed
    without one: its key)."""
    return record.code if record.code or not isinstance(record, Indicator) else record.key


@dataclass
class Side:
    """One edition's records in the compared policy areas, and the document of each area."""

    documents: dict[str, Document]
    goals: list[Goal]
    performances: list[Performance]
    indicators: list[Indicator]
    values: dict[str, list[IndicatorValue]]   # by indicator key
    areas: dict[int, str]                      # id(record) -> its policy area

    def document_of(self, area: str) -> Document | None:
        return self.documents.get(area)

    def area(self, record: Goal | Performance | Indicator) -> str:
        return self.areas[id(record)]


def _area(record: Goal | Performance | Indicator, doc: Document) -> str:
    if isinstance(record, Goal):
        return record.policy_area_code or policy_area_of(record.code, doc)
    return policy_area_of(record.goal_code or record.code, doc)


def documents_by_area(docs: Iterable[Document]) -> tuple[dict[str, Document], list[str]]:
    """The document to compare for each policy area: the newest one covering it. Notes say
    which areas had more than one."""
    covering: dict[str, list[Document]] = defaultdict(list)
    for doc in docs:
        if doc.status == "failed":
            continue
        areas = {a.code for a in doc.policy_areas}
        areas |= {_area(r, doc) for r in [*doc.goals, *doc.performances, *doc.indicators]}
        for area in areas:
            covering[area].append(doc)
    chosen, notes = {}, []
    for area, docs_ in sorted(covering.items(), key=lambda item: code_key(item[0])):
        docs_.sort(key=publication_order)
        chosen[area] = docs_[-1]
        if len(docs_) > 1:
            notes.append(f"{area}: {len(docs_)} documents, compared {docs_[-1].document_id} "
                         f"({edition_label(docs_[-1])})")
    return chosen, notes


def _side(documents: dict[str, Document], areas: set[str]) -> Side:
    """The records of `documents` in `areas`, each from the document chosen for its area."""
    side = Side(documents, [], [], [], defaultdict(list), {})
    for doc in {d.document_id: d for d in documents.values()}.values():
        def take(records: list) -> list:
            kept = []
            for r in records:
                area = _area(r, doc)
                if area in areas and documents.get(area) is doc:
                    side.areas[id(r)] = area
                    kept.append(r)
            return kept
        side.goals += take(doc.goals)
        side.performances += take(doc.performances)
        inds = take(doc.indicators)
        side.indicators += inds
        keys = {i.key for i in inds}
        for v in doc.values:
            if v.indicator_key in keys:
                side.values[v.indicator_key].append(v)
    return side


def _location(p: Provenance | None) -> str | None:
    return p.location() if p else None


class Comparison:
    """Builds the changes between the records of two sides (the compared policy areas)."""

    def __init__(self, old: Side, new: Side):
        self.old, self.new = old, new
        self.changes: list[Change] = []

    def add(self, change: str, record_type: str, area: str, code: str, old_rec=None, new_rec=None,
            **fields) -> None:
        old_doc, new_doc = self.old.document_of(area), self.new.document_of(area)
        self.changes.append(Change(
            change, record_type, area, code, **fields,
            old_document_id=old_doc.document_id if old_doc and old_rec is not None else None,
            new_document_id=new_doc.document_id if new_doc and new_rec is not None else None,
            old_location=_location(getattr(old_rec, "provenance", None)),
            new_location=_location(getattr(new_rec, "provenance", None))))

    def records(self, record_type: str, pairs: list[Pair], text: Callable, parent: Callable,
                parent_map: dict[str, str]) -> dict[str, str]:
        """Changes of one record type; returns the map old code -> new code of matched pairs."""
        code_map: dict[str, str] = {}
        for p in pairs:
            rec = p.new if p.new is not None else p.old
            area = (self.new if p.new is not None else self.old).area(rec)
            code = record_code(rec)
            if p.old is None:
                self.add("added", record_type, area, code, new_rec=rec, new=text(rec),
                         message=f"{record_type} {code} is new: {text(rec)}")
                continue
            if p.new is None:
                self.add("removed", record_type, area, code, old_rec=rec, old=text(rec),
                         message=f"{record_type} {code} is gone: {text(rec)}")
                continue
            if replaced(p):
                self.add("replaced", record_type, area, code, p.old, p.new, old=text(p.old), new=text(p.new),
                         similarity=p.similarity,
                         message=f"{record_type} {code} now stands for another {record_type} (wording "
                                 f"similarity {p.similarity:.2f}): {text(p.old)} -> {text(p.new)}")
                continue
            code_map[p.old.code] = p.new.code
            old_code = p.old.code if p.old.code != p.new.code else None
            old_parent = parent(p.old)
            if parent_map.get(old_parent, old_parent) != parent(p.new):
                self.add("reparented", record_type, area, p.new.code, p.old, p.new, old_code=old_code,
                         old=old_parent, new=parent(p.new), similarity=p.similarity,
                         message=f"{record_type} {p.old.code} moved from {old_parent} to {parent(p.new)}"
                                 + (f" as {p.new.code}" if old_code else ""))
            elif old_code:
                self.add("renumbered", record_type, area, p.new.code, p.old, p.new, old_code=old_code,
                         old=p.old.code, new=p.new.code, similarity=p.similarity,
                         message=f"{record_type} {p.old.code} is now {p.new.code} (wording similarity "
                                 f"{p.similarity:.2f})")
            if normalise(text(p.old)) != normalise(text(p.new)):
                self.add("renamed", record_type, area, code, p.old, p.new, old_code=old_code,
                         old=text(p.old), new=text(p.new), similarity=p.similarity,
                         message=f"{record_type} {code} reworded (similarity {p.similarity:.2f})")
        return code_map

    def indicator_attributes(self, pairs: list[Pair[Indicator]]) -> None:
        for p in pairs:
            if p.old is None or p.new is None or replaced(p):
                continue
            area = self.new.area(p.new)
            old_code = p.old.code if p.old.code != p.new.code else None
            if normalise(p.old.source) != normalise(p.new.source):
                self.add("source_changed", "indicator", area, record_code(p.new), p.old, p.new, old_code=old_code,
                         old=p.old.source, new=p.new.source,
                         message=f"indicator {record_code(p.new)} source {p.old.source or '(none)'} -> "
                                 f"{p.new.source or '(none)'}")
            if p.old.unit and p.new.unit and p.old.unit != p.new.unit:
                self.add("unit_changed", "indicator", area, record_code(p.new), p.old, p.new, old_code=old_code,
                         old=p.old.unit, new=p.new.unit,
                         message=f"indicator {record_code(p.new)} unit {p.old.unit} -> {p.new.unit}")

    def values(self, pairs: list[Pair[Indicator]]) -> None:
        for p in pairs:
            if p.old is None or p.new is None or replaced(p):
                continue
            area = self.new.area(p.new)
            old_doc, new_doc = self.old.document_of(area), self.new.document_of(area)
            across = bool(old_doc and new_doc and old_doc.kind != new_doc.kind)
            old_vals, new_vals = self.old.values.get(p.old.key, []), self.new.values.get(p.new.key, [])
            realised = ValueTable(old_vals, new_vals, "realisatie")
            targets = ValueTable(old_vals, new_vals, "streefwaarde")
            code = record_code(p.new)
            for year in realised.years():
                self.value_pair(area, code, realised, year, "restated", across)
            for year in targets.years():
                if across:
                    self.target_listing(area, code, targets, realised, year)
                else:
                    self.value_pair(area, code, targets, year, "target_changed", across)

    def value_pair(self, area: str, code: str, table: "ValueTable", year: int, differ: str, across: bool) -> None:
        o, n = table.old.get(year), table.new.get(year)
        what = "realised value" if table.kind == "realisatie" else "target"
        fields = dict(kind=table.kind, year=year, old=o and shown(o), new=n and shown(n),
                      old_value=o and o.value, new_value=n and n.value)
        if o and n:
            if figure(o) != figure(n):
                self.add(differ, "value", area, code, o, n, **fields,
                         message=f"{code} {what} {year}: {shown(o)} -> {shown(n)}")
        elif o and (across or table.covered_by_new(year)):
            self.add("only_old", "value", area, code, o, None, **fields,
                     message=f"{code} {what} {year} {shown(o)} only in the old edition")
        elif n and (across or table.covered_by_old(year)):
            self.add("only_new", "value", area, code, None, n, **fields,
                     message=f"{code} {what} {year} {shown(n)} only in the new edition")

    def target_listing(self, area: str, code: str, targets: "ValueTable", realised: "ValueTable", year: int) -> None:
        o, n = targets.old.get(year), targets.new.get(year)
        actual = realised.best(year, prefer_new=self.new.document_of(area).kind == "jaarstukken")
        differs = bool(o and n and figure(o) != figure(n))
        parts = [f"old {shown(o)}" if o else None, f"new {shown(n)}" if n else None,
                 f"realised {shown(actual)}" if actual else None]
        self.add("target_changed" if differs else "target", "value", area, code, o, n, kind="streefwaarde",
                 year=year, old=o and shown(o), new=n and shown(n), realised=actual and shown(actual),
                 old_value=o and o.value, new_value=n and n.value, realised_value=actual and actual.value,
                 message=f"{code} target {year}: " + ", ".join(x for x in parts if x))


class ValueTable:
    """The values with a figure of one indicator and kind on both sides, by year, and the years
    each side covers (including its `-` cells)."""

    def __init__(self, old: list[IndicatorValue], new: list[IndicatorValue], kind: str):
        self.kind = kind
        self.old, self.old_span = self._by_year(old, kind)
        self.new, self.new_span = self._by_year(new, kind)

    @staticmethod
    def _by_year(values: list[IndicatorValue], kind: str) -> tuple[dict[int, IndicatorValue], tuple[int, int] | None]:
        years = [v.year for v in values if v.kind == kind and v.year is not None]
        figures: dict[int, IndicatorValue] = {}
        for v in values:
            if v.kind == kind and v.year is not None and has_figure(v):
                figures.setdefault(v.year, v)
        return figures, ((min(years), max(years)) if years else None)

    def years(self) -> list[int]:
        return sorted(set(self.old) | set(self.new))

    def covered_by_old(self, year: int) -> bool:
        return self.old_span is not None and self.old_span[0] <= year <= self.old_span[1]

    def covered_by_new(self, year: int) -> bool:
        return self.new_span is not None and self.new_span[0] <= year <= self.new_span[1]

    def best(self, year: int, prefer_new: bool) -> IndicatorValue | None:
        first, second = (self.new, self.old) if prefer_new else (self.old, self.new)
        return first.get(year) or second.get(year)


def compare_documents(old_docs: list[Document], new_docs: list[Document]) -> tuple[list[Change], list[str], list[str]]:
    """The changes from the old edition to the new, the policy areas compared, and notes on
    how documents were matched."""
    old_by_area, old_notes = documents_by_area(old_docs)
    new_by_area, new_notes = documents_by_area(new_docs)
    common = set(old_by_area) & set(new_by_area)
    if not common:
        raise NothingToCompare(
            "the editions share no policy area, so nothing can be compared (old: "
            f"{_areas(old_by_area)}; new: {_areas(new_by_area)})")
    cmp = Comparison(_side(old_by_area, common), _side(new_by_area, common))
    for area in sorted(set(old_by_area) ^ set(new_by_area), key=code_key):
        side, doc = ("only_old", old_by_area[area]) if area in old_by_area else ("only_new", new_by_area[area])
        heading = next((a for a in doc.policy_areas if a.code == area), None)
        title = heading.title if heading else ""
        record = ({"old_rec": heading or doc, "old": title} if side == "only_old"
                  else {"new_rec": heading or doc, "new": title})
        cmp.add(side, "policy_area", area, area, **record,
                message=f"policy area {area} {title} is only in the {side[5:]} edition ({doc.document_id}); "
                        "not compared")
    old, new = cmp.old, cmp.new
    goal_pairs = pair_records(old.goals, new.goals, lambda g: g.code, lambda g: g.title)
    goal_map = cmp.records("goal", goal_pairs, lambda g: g.title, lambda g: g.policy_area_code or "", {})
    perf_pairs = pair_records(old.performances, new.performances, lambda p: p.code, lambda p: p.title)
    cmp.records("performance", perf_pairs, lambda p: p.title, lambda p: p.goal_code or "", goal_map)
    ind_pairs = pair_records(old.indicators, new.indicators, record_code, lambda i: i.name)
    cmp.records("indicator", ind_pairs, lambda i: i.name, lambda i: i.goal_code or "", goal_map)
    cmp.indicator_attributes(ind_pairs)
    cmp.values(ind_pairs)
    cmp.changes.sort(key=Change.order)
    return cmp.changes, sorted(common, key=code_key), old_notes + new_notes


def compare(old: Iterable[Document] | Document, new: Iterable[Document] | Document) -> "pd.DataFrame":
    """The changes from edition `old` to edition `new` (each one Document or several): one row
    per change or listing, columns CHANGE_COLUMNS typed as CHANGE_DTYPES (old/new the text as
    printed, old_value/new_value/realised_value its number as Float64), sorted by policy area,
    record type, code, kind and year. Raises NothingToCompare when the editions share no policy
    area. `df.attrs` holds 'areas' (the policy areas compared), 'notes' (which document was
    compared for areas with several) and 'old'/'new' (the editions, as `kind year (document_id)`)."""
    old_docs, new_docs = document_list(old), document_list(new)
    changes, areas, notes = compare_documents(old_docs, new_docs)
    df = typed_frame([asdict(c) for c in changes], CHANGE_DTYPES)
    df.attrs.update(areas=areas, notes=notes, old=_editions(old_docs), new=_editions(new_docs))
    return df


def replaced(pair: Pair) -> bool:
    """A pair matched by code whose wording is so different that the code was reused."""
    return pair.by == "code" and pair.similarity is not None and pair.similarity < REPLACED_BELOW


def _areas(by_area: dict[str, Document]) -> str:
    return ", ".join(sorted(by_area, key=code_key)) or "none"


def _editions(docs: list[Document]) -> list[str]:
    return [f"{edition_label(d)} ({d.document_id})" for d in sorted(docs, key=publication_order)]
