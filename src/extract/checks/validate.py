"""Validation at conversion time: the rules every converted document is held to. A broken rule
is a diagnostic on the document, never an exception."""
from __future__ import annotations

from collections import Counter

from ..models import Diagnostic, Document

MIN_YEAR, MAX_YEAR = 1990, 2100


def validate(doc: Document) -> list[Diagnostic]:
    out: list[Diagnostic] = []

    def add(severity: str, code: str, message: str, prov) -> None:
        out.append(Diagnostic(severity=severity, code=code, message=message,
                              location=prov.location() if prov else doc.source_file, provenance=prov))

    areas = {a.code for a in doc.policy_areas}
    goals = {g.code for g in doc.goals}
    for g in doc.goals:
        if g.policy_area_code and areas and g.policy_area_code not in areas:
            add("info", "goal_outside_policy_area",
                f"goal {g.code} belongs to policy area {g.policy_area_code}, which has no heading in the document",
                g.provenance)
    for p in doc.performances:
        if p.goal_code not in goals:
            add("warning", "orphan_performance", f"performance {p.code} has no goal {p.goal_code} in the document",
                p.provenance)
    for i in doc.indicators:
        if i.goal_code not in goals:
            add("warning", "orphan_indicator", f"indicator {i.code} has no goal {i.goal_code} in the document",
                i.provenance)
    units = {i.code: i.unit for i in doc.indicators}
    keys = Counter((v.indicator_code, v.kind, v.year) for v in doc.values if v.year is not None)
    reported = set()
    for v in doc.values:
        if v.year is not None and not (MIN_YEAR <= v.year <= MAX_YEAR):
            add("warning", "year_out_of_range", f"{v.indicator_code} {v.kind} year {v.year} is outside "
                f"{MIN_YEAR}-{MAX_YEAR}", v.provenance)
        if v.value is not None and (v.unit == "%" or units.get(v.indicator_code) == "%"):
            if not (0 <= v.value <= 100):
                add("warning", "percentage_out_of_range",
                    f"{v.indicator_code} {v.kind} {v.year}: {v.raw} is outside 0-100%", v.provenance)
        key = (v.indicator_code, v.kind, v.year)
        if v.year is not None and keys[key] > 1 and key not in reported:
            reported.add(key)
            add("warning", "duplicate_value",
                f"{v.indicator_code} has {keys[key]} {v.kind} values for {v.year}", v.provenance)
    return out
