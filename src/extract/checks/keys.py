"""Keys that line records up across editions: the natural order of codes (`9A1.2` before
`9A1.10`), the policy area a record belongs to, the figure a value carries, and the order in which
editions were published.

Part of `checks/` (rules within and across editions, over Documents): `comparison` and
`indicator_series` line records up with these keys; the rules sort findings by `code_key`.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from ..profiles.documents import PUBLICATION_OFFSET
from ..models import Document, IndicatorValue
from ..profiles.codes import parse_code

_PARTS = re.compile(r"(\d+)|([^\d]+)")
_YEAR_NOTE = re.compile(r"\s*\((?:19|20)\d\d\)")

# When an edition is published, as a fraction of a year (the budget for year Y in the autumn of
# Y-1, the annual report in the spring of Y+1, ...): document vocabulary.
_PUBLISHED = PUBLICATION_OFFSET

# Statuses that carry no figure: `-`, `n.b.`, `n.v.t.`, `p.m.`. They say "nothing that year".
NO_FIGURE = frozenset({"empty", "not_available", "not_applicable", "pm"})


def code_key(code: str | None) -> tuple:
    """Sort key for record codes: digits compare as numbers, so 9A1.2 < 9A1.10 < 9A2."""
    if not code:
        return ()
    # a run of digits by its value without int(), which refuses runs of over 4,300 digits
    return tuple((0, len(n.lstrip("0")), n.lstrip("0")) if n else (1, 0, s) for n, s in _PARTS.findall(code))


def policy_area_of(code: str | None, doc: Document | None = None) -> str:
    """The policy area (`9A`) a goal, performance or indicator code belongs to; for codes of
    another shape, the document's only policy area, else ''."""
    parsed = parse_code(code) if code else None
    if parsed is not None:
        return parsed.policy_area
    if doc is not None and len(doc.policy_areas) == 1:
        return doc.policy_areas[0].code
    return ""


def has_figure(v: IndicatorValue) -> bool:
    """True when the value states something for its year (a number or qualitative text)."""
    return v.status not in NO_FIGURE


def figure(v: IndicatorValue) -> tuple:
    """What two values must share to say the same thing: the number (6,0 equals 6) and its
    comparator, or the wording of a qualitative value."""
    if v.status == "number" and v.value is not None:
        return ("number", v.comparator or "", v.value.normalize() if v.value else Decimal(0))
    return (v.status, " ".join((v.qualifier or v.raw).lower().split()))


def shown(v: IndicatorValue) -> str:
    """A value as printed, without the `(2015)` some pages put after realised values."""
    return _YEAR_NOTE.sub("", v.raw).strip()


def publication_order(doc: Document) -> tuple[float, str]:
    """A sort key that puts editions in the order they were published (budget 2019, autumn
    2018, comes after annual report 2017, spring 2018); documents without a year first."""
    if doc.year is None:
        return (float("-inf"), doc.document_id)
    return (doc.year + _PUBLISHED.get(doc.kind, 0.0), doc.document_id)


def edition_label(doc: Document) -> str:
    """A short human name for an edition: `begroting 2019`, `jaarstukken 2017`."""
    year = f" {doc.year}" if doc.year is not None else ""
    return f"{doc.kind}{year}"


def document_list(documents: Iterable[Document] | Document) -> list[Document]:
    """One Document or several as a list. The checks work on Documents only: paths are read by
    the library API (`extract.check`, `extract.compare`, `extract.series`)."""
    docs = [documents] if isinstance(documents, Document) else list(documents)
    for d in docs:
        if not isinstance(d, Document):
            raise TypeError(f"expected a Document, got {type(d).__name__} {d!r}: read paths with "
                            "extract.check / extract.compare / extract.series")
    return docs
