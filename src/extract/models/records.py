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
    model_config = ConfigDict(extra="forbid", validate_assignment=False, use_attribute_docstrings=True)


class Provenance(_Model):
    """Where a record came from: file, page (PDF), line range (text), element path (HTML),
    bounding box (PDF, points from the page's top-left), and the raw text it was parsed from."""

    source_file: str
    """The input file the record was read from, as given to extract."""
    page: int | None = None
    """PDF page number (1-based) the record was read on; empty for HTML and text."""
    line_start: int | None = None
    """First line of the text (or of the HTML source) the record was read from."""
    line_end: int | None = None
    """Last line of the text the record was read from."""
    element: str | None = None
    """HTML element path (a CSS selector) or table cell the record was read from."""
    bbox: tuple[float, float, float, float] | None = None
    """PDF bounding box of the record: x0, top, x1, bottom in points from the page's top-left."""
    raw: str = ""
    """The text the record was parsed from, as printed."""

    def location(self) -> str:
        """Where, readably: `file, page 3, lines 12-14, element`."""
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
    """error (the document or part of it could not be read), warning (a record is doubtful) or info."""
    code: str
    """What kind of problem: a stable identifier such as ambiguous_row or orphan_performance."""
    message: str
    """The problem in words, naming the records and cells involved."""
    location: str = ""
    """Where: file, page, lines, element, as one readable string."""
    provenance: Provenance | None = None
    """Where, as a Provenance (when the problem has a place in the file)."""


class PolicyArea(_Model):
    """A policy area (beleidsterrein, `9A`) of a programme."""

    code: str
    """The policy area's code as printed (9A)."""
    title: str
    """The policy area's title (Sociale binding en participatie)."""
    programme: str | None = None
    """The programme the policy area belongs to, when the document names it."""
    provenance: Provenance
    """Where the policy area's heading was read."""


class Goal(_Model):
    """A goal (doel, `9A1`): what the municipality wants to achieve (Wat willen we bereiken?)."""

    code: str
    """The goal's code as printed (9A1), or a number given to it when the document numbers goals."""
    policy_area_code: str | None
    """Code of the policy area the goal belongs to (the prefix of its code)."""
    title: str
    """The goal as worded in the document."""
    description: str | None = None
    """Text explaining the goal, when the document gives one."""
    provenance: Provenance
    """Where the goal was read."""


class Performance(_Model):
    """A performance (prestatie, `9A1.1`): what it does for a goal (Wat gaan we daarvoor doen?)."""

    code: str
    """The performance's code as printed (9A1.1: the goal's code and a number)."""
    goal_code: str | None
    """Code of the goal the performance belongs to (the prefix of its code)."""
    title: str
    """The performance as worded in the document."""
    explanation: str | None = None
    """The paragraph explaining the performance (Wat gaan we daarvoor doen?)."""
    provenance: Provenance
    """Where the performance's title was read."""
    explanation_provenance: Provenance | None = None
    """Where the explanation was read."""


class Indicator(_Model):
    """An effect (or performance) indicator. `code` is the code printed for it, None when the
    document prints none; `key` identifies it within the document either way (the code, or a
    slug of its name) and is what its values point to."""

    code: str | None
    """The indicator's code as printed (9A1.a); empty when the document prints none."""
    key: str = ""
    """Identifies the indicator within the document: its code, or a slug of its name when no code is
    printed. Values point to it with indicator_key."""
    goal_code: str | None
    """Code of the goal the indicator belongs to (the prefix of its code); empty when unknown."""
    name: str
    """The indicator's name as printed, without footnote marks."""
    note: str | None = None
    """Notes on the indicator: text in parentheses under its name and the footnotes its marks point to."""
    unit: str | None = None
    """The unit the values are in, normalised: %, score, aantal, € or dagen."""
    unit_label: str | None = None  # the unit as printed (an Eenheid column: `per 1.000 inwoners`)
    """The unit as printed (an Eenheid column: per 1.000 inwoners)."""
    source: str | None = None
    """Where the figures come from (the Bron column: Veiligheidsmonitor)."""
    provenance: Provenance
    """Where the indicator's row was read."""

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
    fields = dict(year=year if year is not None else cell.year, value=cell.value, raw=cell.raw,
                  status=cell.status)
    # the optional fields only when the cell has them: pydantic validates what is passed, and
    # one value is made for every cell of a report's indicator tables
    if cell.unit is not None:
        fields["unit"] = cell.unit
    if cell.comparator is not None:
        fields["comparator"] = cell.comparator
    if cell.qualifier is not None:
        fields["qualifier"] = cell.qualifier
    if cell.markers:
        fields["markers"] = cell.markers
    return fields


class IndicatorValue(_Model):
    """A realised value or target of an indicator for a year (year None: printed undated)."""

    indicator_code: str | None
    """Code of the indicator the value belongs to; empty when the document prints none."""
    indicator_key: str = ""
    """Key of the indicator the value belongs to (indicators.key)."""
    kind: ValueKind
    """realisatie (realised), streefwaarde (target), nulmeting (a baseline printed without a year)
    or waarde (a value under no realised/target label)."""
    year: int | None
    """The year the value is about; empty when the document prints it undated."""
    value: Decimal | None
    """The number, exact, with a dot for decimals and no % or thousands separator; empty when the
    cell holds no number."""
    raw: str
    """The cell as printed (5,7 (2015); 33%; -; stijging)."""
    status: ValueStatus
    """What the cell held: number, empty (-), not_available (n.b.), not_applicable (n.v.t.), pm, or
    qualitative (text such as stijging)."""
    unit: str | None = None
    """A unit printed in the cell itself (% of 33%)."""
    comparator: str | None = None
    """A comparison printed before the number: <, <=, >, >= or ~ (≥ 80% is >= 80)."""
    qualifier: str | None = None
    """The text of a qualitative value (stijging, gelijk of hoger), never turned into a number."""
    markers: str = ""
    """Footnote marks glued to the value (** of 10.126**)."""
    provenance: Provenance
    """Where the cell was read."""

    @model_validator(mode="after")
    def _key_defaults_to_code(self) -> "IndicatorValue":
        if not self.indicator_key:
            self.indicator_key = self.indicator_code or ""
        return self

    @classmethod
    def from_raw(cls, indicator_code: str | None, kind: ValueKind, year: int | None, raw: str,
                 provenance: Provenance, indicator_key: str = "") -> "IndicatorValue":
        if indicator_key:
            return cls(indicator_code=indicator_code, indicator_key=indicator_key, kind=kind,
                       provenance=provenance, **_figure(raw, year))
        return cls(indicator_code=indicator_code, kind=kind, provenance=provenance, **_figure(raw, year))


class ComparisonValue(_Model):
    """A figure printed beside an indicator that is not the municipality's own: the Netherlands,
    the province, a size class of municipalities, a benchmark. `label` is its column or row
    label as printed (`Nederland`, `Gemeenten 100.000-300.000`)."""

    indicator_code: str | None
    """Code of the indicator the figure is printed beside; empty when the document prints none."""
    indicator_key: str
    """Key of the indicator the figure is printed beside (indicators.key)."""
    label: str
    """The column or row label as printed (Nederland, Provincie, Gemeenten 100.000-300.000)."""
    year: int | None
    """The year the figure is about; empty when printed undated."""
    value: Decimal | None
    """The number, exact (dot for decimals); empty when the cell holds no number."""
    raw: str
    """The cell as printed."""
    status: ValueStatus
    """What the cell held: number, empty, not_available, not_applicable, pm or qualitative."""
    unit: str | None = None
    """A unit printed in the cell itself."""
    comparator: str | None = None
    """A comparison printed before the number: <, <=, >, >= or ~."""
    qualifier: str | None = None
    """The text of a qualitative figure."""
    markers: str = ""
    """Footnote marks glued to the figure."""
    provenance: Provenance
    """Where the cell was read."""

    @classmethod
    def from_raw(cls, indicator_code: str | None, indicator_key: str, label: str, year: int | None,
                 raw: str, provenance: Provenance) -> "ComparisonValue":
        return cls(indicator_code=indicator_code, indicator_key=indicator_key, label=label,
                   provenance=provenance, **_figure(raw, year))


class Document(_Model):
    """One converted input file with every record found in it and its diagnostics."""

    document_id: str
    """Identifies the document within a batch (from its file name)."""
    source_file: str
    """The input file, as given to extract."""
    sha256: str
    """SHA-256 of the input file's bytes."""
    format: Format
    """How the file was read: html, pdf or text (recognised from its content)."""
    kind: Kind = "other"
    """The kind of edition: begroting (budget), jaarstukken (annual report), a progress report
    (voortgangsrapportage, bestuursrapportage, kwartaalrapportage), voorjaarsnota, najaarsnota,
    kadernota, or other."""
    year: int | None = None
    """The year the edition is about (the budget year; the year an annual report reports on)."""
    municipality: str | None = None
    """The municipality (or province) that published the document, when recognised."""
    programme: str | None = None
    """The programme the document covers, when it names one."""
    title: str | None = None
    """The document's title, when the source has one."""
    status: Status = "ok"
    """ok, partial (some of it could not be read: see the error diagnostics) or failed (nothing
    could be read)."""
    profile: str = ""  # the document shape (profile) it was read with
    """The document shape (profile) it was read with: leiden, bbv, ..."""
    policy_areas: list[PolicyArea] = Field(default_factory=list)
    """The policy areas (beleidsterreinen) found."""
    goals: list[Goal] = Field(default_factory=list)
    """The goals (Wat willen we bereiken?) found."""
    performances: list[Performance] = Field(default_factory=list)
    """The performances (Wat gaan we daarvoor doen?) found."""
    indicators: list[Indicator] = Field(default_factory=list)
    """The effect indicators found."""
    values: list[IndicatorValue] = Field(default_factory=list)
    """The indicators' realised values and targets."""
    comparison_values: list[ComparisonValue] = Field(default_factory=list)
    """Figures printed beside the indicators that are not the municipality's own (Nederland, provincie)."""
    diagnostics: list[Diagnostic] = Field(default_factory=list)
    """What the conversion could not read or place, and the rules records break."""

    def counts(self) -> dict[str, int]:
        """The number of goals, performances, indicators, values and diagnostics."""
        return {
            "goals": len(self.goals),
            "performances": len(self.performances),
            "indicators": len(self.indicators),
            "values": len(self.values),
            "diagnostics": len(self.diagnostics),
        }
