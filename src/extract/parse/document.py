"""A layout to a Document: records, metadata, and the units it derives."""
from __future__ import annotations

import re
from functools import lru_cache

from ..layout import Layout, provenance
from ..models import Diagnostic, Document
from ..profiles.definition import Profile
from ..profiles.tries import trie_regex
from . import metadata
from .bodies import bodies
from .records import RecordParser
from .units import Unit

@lru_cache(maxsize=1)
def own_names() -> re.Pattern:
    """Any municipality's or province's name: a table column headed by one holds that
    municipality's own figures (`Oegstgeest | Nederland`)."""
    names = {form.lower() for body in bodies() for form in (body.name, *body.forms)}
    return re.compile(trie_regex([[re.escape(c) for c in name] for name in sorted(names)]), re.IGNORECASE)


def record_parser(layout: Layout, profile: Profile | None = None) -> tuple[RecordParser, list[str]]:
    """The parser for a layout, told what the page says it is before its tables are read (a
    year header without labels per year is split into realised and target years by the
    edition); and the text lines it reads. The profile is detected from the text unless given."""
    parser = RecordParser(layout, profile=profile, own=own_names())
    lines = [u.text for u in parser.units if isinstance(u, Unit)]
    first = metadata.detect(lines, layout.source_file, {}, layout.title, municipality=False)
    parser.edition.year, parser.edition.kind = first.year, first.kind
    return parser, lines


def parse_layout(layout: Layout, document_id: str, sha256: str, profile: Profile | None = None) -> Document:
    parser, lines = record_parser(layout, profile)
    result = parser.run()
    meta = metadata.detect(lines, layout.source_file, result.header_years, layout.title)
    programme = meta.programme
    for pa in result.policy_areas:
        pa.programme = programme
    values_by_indicator: dict[str, list] = {}
    for v in result.values:
        values_by_indicator.setdefault(v.indicator_key, []).append(v)
    for ind in result.indicators:
        ind.unit = infer_unit(ind.name, ind.note, values_by_indicator.get(ind.key, []), ind.unit_label)
    doc = Document(
        document_id=document_id, source_file=layout.source_file, sha256=sha256,
        format=layout.format, kind=meta.kind, year=meta.year, municipality=meta.municipality,
        programme=programme, title=meta.title or layout.title,
        policy_areas=result.policy_areas, goals=result.goals, performances=result.performances,
        indicators=result.indicators, values=result.values, comparison_values=result.comparisons,
        diagnostics=list(layout.diagnostics) + result.diagnostics, profile=parser.profile.name,
    )
    if not doc.goals and not doc.indicators and not doc.performances:
        if result.seen:
            where = "; ".join(f"{what} at {provenance(layout.source_file, origin, '').location()}"
                              for what, origin in result.seen[:5])
            more = f" (and {len(result.seen) - 5} more)" if len(result.seen) > 5 else ""
            doc.diagnostics.append(Diagnostic(
                severity="warning", code="records_not_read",
                message=f"goal or indicator sections were seen but no record was read: {where}{more}",
                location=layout.source_file))
            doc.status = "partial"
        else:
            doc.diagnostics.append(Diagnostic(severity="info", code="no_records",
                                              message="no goals or indicators found",
                                              location=layout.source_file))
    return doc


def infer_unit(name: str, note: str | None, values, label: str | None = None) -> str | None:
    """The unit of an indicator from its values, its printed unit (an Eenheid column) and its
    wording: '%', 'score', '€', 'aantal', 'dagen', 'kg'."""
    units = {v.unit for v in values if v.unit}
    if len(units) == 1:
        return units.pop()
    if label:
        low = label.lower().strip()
        if low.startswith(("%", "percentage", "in %")) or low.endswith("(%)"):
            return "%"
        if low.startswith(("aantal", "fte")):
            return "aantal"
        if "euro" in low or low.startswith(("€", "kosten", "per 1.000 euro", "per duizend euro")):
            return "€"
        if low.startswith(("kg", "kilo", "hoeveelheid")):
            return "kg"
        if low.startswith(("tussen de 1 en 10", "rapportcijfer", "score", "cijfer")):
            return "score"
    text = f"{name} {note or ''}".lower()
    if text.startswith(("percentage", "aandeel", "procent")) or "percentage" in text.split()[:3]:
        return "%"
    if any(w in text for w in ("schaalscore", "rapportcijfer", "schaal van")) or \
            re.search(r"\b(?:score|cijfer)\b", name.lower()):
        return "score"
    if text.startswith(("aantal", "het aantal")):
        return "aantal"
    if any(w in text for w in ("euro", "bedrag", "kosten per")):
        return "€"
    if any(w in text for w in ("dagen", "doorlooptijd")):
        return "dagen"
    return None
