"""The rules one edition is held to. Each rule is a plain function over a Document yielding
`Hit`s, registered with an id and a severity in `RULES`.

`extract check` runs every rule; conversion (`at_conversion.validate`) runs the rules marked `at_conversion`,
the same functions, with severities capped at warning (a data problem in the source is not a
failed extraction).
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from ..models import Document, Indicator, IndicatorValue, Performance
from .findings import Hit
from .keys import has_figure
from .numbering import duplicate_codes, numbering_gaps, numbering_order

MIN_YEAR, MAX_YEAR = 1990, 2100

RuleFunction = Callable[[Document], Iterator[Hit]]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str            # error / warning / info
    summary: str             # one line for `extract check --list-rules`
    func: RuleFunction
    at_conversion: bool = False


def document_failed(doc: Document) -> Iterator[Hit]:
    """The document could not be read at all, so none of its records can be checked."""
    if doc.status == "failed":
        reasons = "; ".join(d.message for d in doc.diagnostics if d.severity == "error")
        yield Hit("document", "", f"document could not be converted: {reasons or 'unknown reason'}")


def _orphans(doc: Document, record_type: str, records: list[Performance] | list[Indicator]) -> Iterator[Hit]:
    goals = {g.code for g in doc.goals}
    for r in records:
        if r.goal_code is not None and r.goal_code not in goals:   # a printed parent that is missing
            yield Hit(record_type, _id(r), f"{record_type} {_id(r)} has no goal {r.goal_code} in the document",
                      (r.provenance,))


def _id(record) -> str:
    """How a record is named in findings: its code, else (an indicator without one) its key."""
    return record.code or getattr(record, "key", "") or ""


def orphan_performance(doc: Document) -> Iterator[Hit]:
    return _orphans(doc, "performance", doc.performances)


def orphan_indicator(doc: Document) -> Iterator[Hit]:
    return _orphans(doc, "indicator", doc.indicators)


def goal_outside_policy_area(doc: Document) -> Iterator[Hit]:
    areas = {a.code for a in doc.policy_areas}
    for g in doc.goals:
        if g.policy_area_code and areas and g.policy_area_code not in areas:
            yield Hit("goal", g.code, f"goal {g.code} belongs to policy area {g.policy_area_code}, "
                      "which has no heading in the document", (g.provenance,))


def empty_goal(doc: Document) -> Iterator[Hit]:
    used = {p.goal_code for p in doc.performances} | {i.goal_code for i in doc.indicators}
    for g in doc.goals:
        if g.code not in used:
            yield Hit("goal", g.code, f"goal {g.code} has no performances and no indicators", (g.provenance,))


def missing_source(doc: Document) -> Iterator[Hit]:
    for i in doc.indicators:
        if not (i.source or "").strip():
            yield Hit("indicator", _id(i), f"indicator {_id(i)} names no source (Bron)", (i.provenance,))


def missing_unit(doc: Document) -> Iterator[Hit]:
    for i in doc.indicators:
        if not i.unit:
            yield Hit("indicator", _id(i), f"indicator {_id(i)} has no recognisable unit "
                      "(percentage, score, count, euros, days)", (i.provenance,))


def indicator_without_values(doc: Document) -> Iterator[Hit]:
    with_values = {v.indicator_key for v in doc.values}
    for i in doc.indicators:
        if i.key not in with_values:
            yield Hit("indicator", _id(i), f"indicator {_id(i)} has no realised or target values", (i.provenance,))


def _value_hit(v: IndicatorValue, message: str) -> Hit:
    return Hit("value", v.indicator_code or v.indicator_key, message, (v.provenance,), kind=v.kind, year=v.year)


def year_out_of_range(doc: Document) -> Iterator[Hit]:
    for v in doc.values:
        if v.year is not None and not (MIN_YEAR <= v.year <= MAX_YEAR):
            yield _value_hit(v, f"{v.indicator_code or v.indicator_key} {v.kind} year {v.year} is outside {MIN_YEAR}-{MAX_YEAR}")


_CHANGE_WORDS = re.compile(r"\b(groei|toename|afname|stijging|daling|verandering|ontwikkeling|mutatie)", re.I)
_SCALE = re.compile(r"schaal van (\d+) tot (\d+)", re.I)


def value_range(indicator: Indicator | None, unit: str | None) -> tuple[Decimal | None, Decimal | None] | None:
    """The (low, high) a value of this unit can take, None when there is no limit to check.
    Percentages 0-100 (unless the indicator measures a change), scores on their stated scale
    (a rapportcijfer 1-10), counts, days and euros not below 0."""
    text = f"{indicator.name} {indicator.note or ''}" if indicator else ""
    if unit == "%":
        return None if _CHANGE_WORDS.search(text) else (Decimal(0), Decimal(100))
    if unit == "score":
        m = _SCALE.search(text)
        if m:
            return Decimal(m.group(1)), Decimal(m.group(2))
        return (Decimal(1), Decimal(10)) if re.search(r"rapportcijfer|cijfer", text, re.I) else None
    if unit in ("aantal", "dagen", "€"):
        return None if _CHANGE_WORDS.search(text) else (Decimal(0), None)
    return None


def value_out_of_range(doc: Document) -> Iterator[Hit]:
    indicators = {i.key: i for i in doc.indicators}
    ranges: dict[tuple[str, str | None], tuple | None] = {}   # an indicator's values share its range
    for v in doc.values:
        if v.value is None:
            continue
        ind = indicators.get(v.indicator_key)
        unit = v.unit or (ind.unit if ind else None)
        key = (v.indicator_key if ind else "", unit)
        if key not in ranges:
            ranges[key] = value_range(ind, unit)
        limits = ranges[key]
        if limits is None:
            continue
        low, high = limits
        if (low is not None and v.value < low) or (high is not None and v.value > high):
            bounds = f"{low}-{high}" if high is not None else f"at least {low}"
            yield _value_hit(v, f"{v.indicator_code or v.indicator_key} {v.kind} {v.year}: {v.raw} is outside {bounds} "
                             f"for unit {unit}")


def realised_after_edition(doc: Document) -> Iterator[Hit]:
    """A realised value for a year the edition cannot know yet: after its year, or in its year
    for a budget (published before the year begins)."""
    if doc.year is None:
        return
    last = doc.year - 1 if doc.kind == "begroting" else doc.year
    for v in doc.values:
        if v.kind == "realisatie" and v.year is not None and v.year > last and has_figure(v):
            yield _value_hit(v, f"{v.indicator_code or v.indicator_key} realised value {v.raw} for {v.year} in the "
                             f"{doc.kind} {doc.year}, which can only report realised values up to {last}")


def target_before_edition(doc: Document) -> Iterator[Hit]:
    if doc.year is None:
        return
    for v in doc.values:
        if v.kind == "streefwaarde" and v.year is not None and v.year < doc.year and has_figure(v):
            yield _value_hit(v, f"{v.indicator_code or v.indicator_key} target {v.raw} for {v.year}, before the edition "
                             f"year {doc.year} of this {doc.kind}")


def duplicate_value(doc: Document) -> Iterator[Hit]:
    groups: dict[tuple, list[IndicatorValue]] = defaultdict(list)
    for v in doc.values:
        if v.year is not None:
            groups[(v.indicator_code or v.indicator_key, v.kind, v.year)].append(v)
    for (code, kind, year), vs in groups.items():
        if len(vs) > 1:
            yield Hit("value", code, f"{code} has {len(vs)} {kind} values for {year}: "
                      + ", ".join(v.raw for v in vs), tuple(v.provenance for v in vs), kind=kind, year=year)


RULES: list[Rule] = [
    Rule("document_failed", "error", "the document could not be converted", document_failed),
    Rule("orphan_performance", "error", "performance whose goal is not in the document",
         orphan_performance, at_conversion=True),
    Rule("orphan_indicator", "error", "indicator whose goal is not in the document",
         orphan_indicator, at_conversion=True),
    Rule("duplicate_code", "error", "two goals, performances or indicators with the same code", duplicate_codes),
    Rule("value_out_of_range", "error", "value outside what its unit allows (percentage 0-100, "
         "score on its scale, count not negative)", value_out_of_range, at_conversion=True),
    Rule("realised_after_edition", "error", "realised value dated after the edition year "
         "(in or after it, for a budget)", realised_after_edition),
    Rule("year_out_of_range", "warning", f"value dated outside {MIN_YEAR}-{MAX_YEAR}",
         year_out_of_range, at_conversion=True),
    Rule("duplicate_value", "warning", "two values for the same indicator, kind and year",
         duplicate_value, at_conversion=True),
    Rule("numbering_gap", "warning", "a number or letter missing in a run of codes (9A1.1, 9A1.3)",
         numbering_gaps),
    Rule("target_before_edition", "warning", "target dated before the edition year", target_before_edition),
    Rule("missing_source", "warning", "indicator without a source (Bron)", missing_source),
    Rule("missing_unit", "warning", "indicator without a recognisable unit", missing_unit),
    Rule("indicator_without_values", "warning", "indicator with no values at all", indicator_without_values),
    Rule("empty_goal", "warning", "goal with no performances and no indicators", empty_goal),
    Rule("numbering_order", "info", "codes out of order in the document (9A1.2 before 9A1.1)", numbering_order),
    Rule("goal_outside_policy_area", "info", "goal of a policy area that has no heading in the document",
         goal_outside_policy_area, at_conversion=True),
]

RULES_BY_ID: dict[str, Rule] = {r.id: r for r in RULES}
