"""The records extract produces: Pydantic v2 models, each carrying its provenance.

Values are exact: `IndicatorValue.value` is a Decimal (serialised as a string in JSON), built
from the raw cell text by `extract.models.values.parse_cell`.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .values import parse_cell

Format = Literal["html", "pdf", "text"]
Kind = Literal["begroting", "jaarstukken", "voortgangsrapportage", "bestuursrapportage", "voorjaarsnota", "najaarsnota",
               "kadernota", "kwartaalrapportage", "other"]
# realisatie / streefwaarde: a realised value or a target of a year; nulmeting: a baseline
# printed without a year; waarde: a value of the municipality's own under no realised/target label
ValueKind = Literal["realisatie", "streefwaarde", "nulmeting", "waarde"]
ValueStatus = Literal["number", "empty", "not_available", "not_applicable", "pm", "qualitative"]
Severity = Literal["error", "warning", "info"]
Status = Literal["ok", "partial", "failed"]

# The flat form of a Provenance in a table row (convert's CSV tables, findings.csv).
PROVENANCE_COLUMNS = ["page", "line_start", "line_end", "element", "bbox", "raw_text"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Provenance(_Model):
    """Where a record came from: file, page (PDF), line range (text), element path (HTML),
    bounding box (PDF, points from the page's top-left), and the raw text it was parsed from."""

    source_file: str
    page: int | None = None
    line_start: int | None = None
    line_end: int | None = None
    element: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    raw: str = ""

    def location(self) -> str:
        parts = [self.source_file]
        if self.page is not None:
            parts.append(f"page {self.page}")
        if self.line_start is not None:
            lines = (f"line {self.line_start}" if self.line_end in (None, self.line_start)
                     else f"lines {self.line_start}-{self.line_end}")
            parts.append(lines)
        if self.element:
            parts.append(self.element)
        return ", ".join(parts)

    def columns(self) -> dict:
        """The provenance as the PROVENANCE_COLUMNS of a table row (bbox as four numbers)."""
        return {"page": self.page, "line_start": self.line_start, "line_end": self.line_end,
                "element": self.element, "bbox": " ".join(f"{x:.2f}" for x in self.bbox) if self.bbox else "",
                "raw_text": self.raw}


def provenance_columns(p: Provenance | None) -> dict:
    """The PROVENANCE_COLUMNS of a record row; empty cells when there is no provenance."""
    return p.columns() if p is not None else dict.fromkeys(PROVENANCE_COLUMNS, "")


class Diagnostic(_Model):
    """Something the parser saw but could not place, or a rule a record breaks."""

    severity: Severity
    code: str
    message: str
    location: str = ""
    provenance: Provenance | None = None


class PolicyArea(_Model):
    code: str
    title: str
    programme: str | None = None
    provenance: Provenance


class Goal(_Model):
    code: str
    policy_area_code: str | None
    title: str
    description: str | None = None
    provenance: Provenance


class Performance(_Model):
    code: str
    goal_code: str | None
    title: str
    explanation: str | None = None
    provenance: Provenance
    explanation_provenance: Provenance | None = None


class Indicator(_Model):
    """An effect (or performance) indicator. `code` is the code printed for it, None when the
    document prints none; `key` identifies it within the document either way (the code, or a
    slug of its name) and is what its values point to."""

    code: str | None
    key: str = ""
    goal_code: str | None
    name: str
    note: str | None = None
    unit: str | None = None
    unit_label: str | None = None  # the unit as printed (an Eenheid column: `per 1.000 inwoners`)
    source: str | None = None
    provenance: Provenance

    @model_validator(mode="after")
    def _key_defaults_to_code(self) -> "Indicator":
        if not self.key:
            self.key = self.code or ""
        return self


def _figure(raw: str, year: int | None) -> dict:
    """The fields of a value cell read the Dutch way: `value` exact (Decimal) or None when the
    cell holds no number, `raw` the cell as printed, `status` what it held; a year printed in
    the cell (`5,7 (2015)`) when none is given."""
    cell = parse_cell(raw)
    return dict(year=year if year is not None else cell.year, value=cell.value, raw=cell.raw,
                status=cell.status, unit=cell.unit, comparator=cell.comparator,
                qualifier=cell.qualifier, markers=cell.markers)


class IndicatorValue(_Model):
    """A realised value or target of an indicator for a year (year None: printed undated)."""

    indicator_code: str | None
    indicator_key: str = ""
    kind: ValueKind
    year: int | None
    value: Decimal | None
    raw: str
    status: ValueStatus
    unit: str | None = None
    comparator: str | None = None
    qualifier: str | None = None
    markers: str = ""
    provenance: Provenance

    @model_validator(mode="after")
    def _key_defaults_to_code(self) -> "IndicatorValue":
        if not self.indicator_key:
            self.indicator_key = self.indicator_code or ""
        return self

    @classmethod
    def from_raw(cls, indicator_code: str | None, kind: ValueKind, year: int | None, raw: str,
                 provenance: Provenance, indicator_key: str = "") -> "IndicatorValue":
        return cls(indicator_code=indicator_code, indicator_key=indicator_key, kind=kind,
                   provenance=provenance, **_figure(raw, year))


class ComparisonValue(_Model):
    """A figure printed beside an indicator that is not the municipality's own: the Netherlands,
    the province, a size class of municipalities, a benchmark. `label` is its column or row
    label as printed (`Nederland`, `Gemeenten 100.000-300.000`)."""

    indicator_code: str | None
    indicator_key: str
    label: str
    year: int | None
    value: Decimal | None
    raw: str
    status: ValueStatus
    unit: str | None = None
    comparator: str | None = None
    qualifier: str | None = None
    markers: str = ""
    provenance: Provenance

    @classmethod
    def from_raw(cls, indicator_code: str | None, indicator_key: str, label: str, year: int | None,
                 raw: str, provenance: Provenance) -> "ComparisonValue":
        return cls(indicator_code=indicator_code, indicator_key=indicator_key, label=label,
                   provenance=provenance, **_figure(raw, year))


class Document(_Model):
    """One converted input file with every record found in it and its diagnostics."""

    document_id: str
    source_file: str
    sha256: str
    format: Format
    kind: Kind = "other"
    year: int | None = None
    municipality: str | None = None
    programme: str | None = None
    title: str | None = None
    status: Status = "ok"
    profile: str = ""  # the document shape (profile) it was read with
    policy_areas: list[PolicyArea] = Field(default_factory=list)
    goals: list[Goal] = Field(default_factory=list)
    performances: list[Performance] = Field(default_factory=list)
    indicators: list[Indicator] = Field(default_factory=list)
    values: list[IndicatorValue] = Field(default_factory=list)
    comparison_values: list[ComparisonValue] = Field(default_factory=list)
    diagnostics: list[Diagnostic] = Field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {
            "goals": len(self.goals),
            "performances": len(self.performances),
            "indicators": len(self.indicators),
            "values": len(self.values),
            "diagnostics": len(self.diagnostics),
        }
