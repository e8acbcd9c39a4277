"""Rules on the numbering of codes within one document: duplicates, gaps, order.

Goals are numbered within their policy area (9A1, 9A2), performances within their goal (9A1.1,
9A1.2; or 2A101, 2A102 in Leiden's 2025 numbering) and indicators by letter (9A1.a, 9A1.b).
Codes of other shapes are not numbered this way and are left alone.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from ..models import Document, Provenance
from ..profiles.codes import parse_code
from .findings import Hit


@dataclass(frozen=True)
class Numbered:
    """A record's place in its parent's numbering: 9A1.3 is number 3 under 9A1."""

    record_type: str
    code: str
    parent: str
    number: int
    provenance: Provenance


def _records(doc: Document) -> Iterator[tuple[str, str, Provenance]]:
    for g in doc.goals:
        yield "goal", g.code, g.provenance
    for p in doc.performances:
        yield "performance", p.code, p.provenance
    for i in doc.indicators:
        if i.code:   # an indicator without a printed code has no number to check
            yield "indicator", i.code, i.provenance


def numbered(record_type: str, code: str, provenance: Provenance) -> Numbered | None:
    """The number of a record under its parent, or None for codes of another shape."""
    parsed = parse_code(code)
    if parsed is None or parsed.kind != record_type:
        return None
    parent = parsed.policy_area if record_type == "goal" else parsed.goal
    suffix = code[len(parent):].lstrip(".")
    if record_type == "indicator":
        return Numbered(record_type, code, parent, ord(suffix) - ord("a") + 1, provenance) if len(suffix) == 1 else None
    return Numbered(record_type, code, parent, int(suffix), provenance) if suffix.isdigit() else None


def _siblings(doc: Document) -> dict[tuple[str, str], list[Numbered]]:
    """Numbered records grouped by (record type, parent), in document order."""
    groups: dict[tuple[str, str], list[Numbered]] = defaultdict(list)
    for record_type, code, prov in _records(doc):
        n = numbered(record_type, code, prov)
        if n is not None:
            groups[(record_type, n.parent)].append(n)
    return groups


def _code_for(sibling: Numbered, number: int) -> str:
    """The code number `number` would have, in the style of its sibling's code."""
    if sibling.record_type == "indicator":
        return f"{sibling.parent}.{chr(ord('a') + number - 1)}"
    if sibling.record_type == "goal":
        return f"{sibling.parent}{number}"
    if sibling.code.startswith(sibling.parent + "."):
        return f"{sibling.parent}.{number}"
    return f"{sibling.parent}{number:02d}"


def duplicate_codes(doc: Document) -> Iterator[Hit]:
    """Two records of one type with the same code."""
    groups: dict[tuple[str, str], list[Provenance]] = defaultdict(list)
    for record_type, code, prov in _records(doc):
        groups[(record_type, code)].append(prov)
    for (record_type, code), provs in groups.items():
        if len(provs) > 1:
            yield Hit(record_type, code, f"{len(provs)} {record_type}s have the code {code}", tuple(provs))


def numbering_gaps(doc: Document) -> Iterator[Hit]:
    """A number missing before the highest one used under a parent (9A1.1, 9A1.3: no 9A1.2)."""
    for (record_type, parent), sibs in _siblings(doc).items():
        present = {s.number for s in sibs}
        by_number = sorted(sibs, key=lambda s: s.number)
        for missing in sorted(set(range(1, max(present) + 1)) - present):
            before = [s for s in by_number if s.number < missing][-1:]
            after = [s for s in by_number if s.number > missing][:1]
            around = before + after
            code = _code_for(sibs[0], missing)
            between = " and ".join(s.code for s in around)
            yield Hit(record_type, code, f"{record_type} {code} is missing in the numbering under {parent} "
                      f"(next to {between})", tuple(s.provenance for s in around))


def numbering_order(doc: Document) -> Iterator[Hit]:
    """A record that comes after a higher-numbered sibling in the document."""
    for (record_type, parent), sibs in _siblings(doc).items():
        highest: Numbered | None = None
        for s in sibs:
            if highest is not None and s.number < highest.number:
                yield Hit(record_type, s.code, f"{record_type} {s.code} comes after {highest.code} in the document",
                          (s.provenance, highest.provenance))
            if highest is None or s.number > highest.number:
                highest = s
