"""The catalogue of the batch's tables: for every table its columns, with their type, meaning and
allowed values, its primary key and the keys it references.

One place for what the tables are: the CSV writer takes the column order from here, the data
package (`datapackage.json`), the Parquet files and the DuckDB database take the types, the
descriptions and the keys, and `to_frames` the pandas dtypes. A column that holds a model field
takes its description (and its enum, from the field's Literal type) from the model
(`extract.models`), so the JSON Schema and the tables say the same.

Names are chosen so that tables join without clashing: one name per meaning across tables
(`document_kind` of documents, `kind` of values), counts prefixed with `n_`, provenance columns
named for their record (`goal_page`, `value_line_start`), and no column named like a pandas
DataFrame attribute. The columns the scorer and users' scripts read (documents.source_file,
goals.code, goals.title, indicator_values.kind, ...) keep their names.
"""
from __future__ import annotations

import typing
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel

from ..models import (ComparisonValue, Diagnostic, Document, Goal, Indicator, IndicatorValue, Performance,
                      PolicyArea, Provenance)

ColumnType = Literal["string", "integer", "decimal", "boolean", "bbox"]


@dataclass(frozen=True)
class Column:
    """One column of a table: its name, type, meaning, allowed values, and whether every row has
    a value (`required`)."""

    name: str
    type: ColumnType
    description: str
    enum: tuple[str, ...] = ()
    required: bool = False


@dataclass(frozen=True)
class ForeignKey:
    """Columns of a table that name a row of another table (by that table's columns)."""

    fields: tuple[str, ...]
    table: str
    reference: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """One table of the batch: name (the file is `<name>.csv`), what a row is, its columns in
    order, its primary key and the foreign keys it may hold."""

    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[ForeignKey, ...] = field(default=())

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def _enum(annotation: object) -> tuple[str, ...]:
    """The values of a Literal annotation (also inside `X | None`), else ()."""
    if typing.get_origin(annotation) is Literal:
        return tuple(typing.get_args(annotation))
    for arg in typing.get_args(annotation):
        found = _enum(arg)
        if found:
            return found
    return ()


def of(model: type[BaseModel], name: str, type_: ColumnType = "string", *, column: str | None = None,
       required: bool = False) -> Column:
    """A column holding the field `name` of `model`: its description and enum from the model.
    `required`: every row has a value (keys, kinds, statuses; text may be empty)."""
    info = model.model_fields[name]
    return Column(column or name, type_, _clean(info.description), _enum(info.annotation), required)


DOCUMENT_ID = Column("document_id", "string", "The document the row belongs to (documents.document_id).",
                     required=True)


def provenance_columns(prefix: str, record: str, raw_text: bool = True) -> tuple[Column, ...]:
    """Where the record of a row came from, as columns named `<prefix>_page` etc."""
    cols = [of(Provenance, "page", "integer", column=f"{prefix}_page"),
            of(Provenance, "line_start", "integer", column=f"{prefix}_line_start"),
            of(Provenance, "line_end", "integer", column=f"{prefix}_line_end"),
            of(Provenance, "element", column=f"{prefix}_element"),
            of(Provenance, "bbox", "bbox", column=f"{prefix}_bbox")]
    if raw_text:
        cols.append(Column(f"{prefix}_raw_text", "string", f"The text the {record} was parsed from, as printed."))
    return tuple(cols)


def _counted(what: str, of_what: str) -> Column:
    return Column(f"n_{what}", "integer", f"Number of {of_what} found in the document.", required=True)


def _to_documents() -> ForeignKey:
    return ForeignKey(("document_id",), "documents", ("document_id",))


_FIGURE_NOTE = ("The cell's provenance text is `raw` (the JSON keeps it as provenance.raw).")


def _figure_columns(model: type[BaseModel]) -> tuple[Column, ...]:
    return (of(model, "value", "decimal"), of(model, "raw"), of(model, "status", required=True),
            of(model, "unit", column="value_unit"), of(model, "comparator"), of(model, "qualifier"),
            of(model, "markers"))


TABLES: dict[str, Table] = {t.name: t for t in (
    Table("documents", "One row per converted input file: the edition it is, how it was read, its status and "
          "the number of records found.",
          (Column("document_id", "string", _clean(Document.model_fields["document_id"].description), required=True),
           of(Document, "source_file"), of(Document, "sha256"), of(Document, "format", required=True),
           of(Document, "kind", column="document_kind", required=True),
           of(Document, "year", "integer", column="document_year"),
           of(Document, "municipality"), of(Document, "programme", column="document_programme"),
           of(Document, "title", column="document_title"),
           of(Document, "status", column="document_status", required=True),
           of(Document, "profile"),
           _counted("policy_areas", "policy areas"), _counted("goals", "goals"),
           _counted("performances", "performances"), _counted("indicators", "indicators"),
           _counted("values", "indicator values"), _counted("comparison_values", "comparison figures"),
           _counted("diagnostics", "diagnostics")),
          primary_key=("document_id",)),
    Table("policy_areas", "One row per policy area (beleidsterrein) of a document.",
          (DOCUMENT_ID, of(PolicyArea, "code", required=True), of(PolicyArea, "title"), of(PolicyArea, "programme"),
           *provenance_columns("policy_area", "policy area")),
          primary_key=("document_id", "code"), foreign_keys=(_to_documents(),)),
    Table("goals", "One row per goal (doel) of a document.",
          (DOCUMENT_ID, of(Goal, "policy_area_code"), of(Goal, "code", required=True), of(Goal, "title"),
           of(Goal, "description"),
           *provenance_columns("goal", "goal")),
          primary_key=("document_id", "code"),
          foreign_keys=(_to_documents(), ForeignKey(("document_id", "policy_area_code"), "policy_areas",
                                                     ("document_id", "code")))),
    Table("performances", "One row per performance (prestatie) of a document, with its explanation.",
          (DOCUMENT_ID, of(Performance, "goal_code"), of(Performance, "code", required=True), of(Performance, "title"),
           of(Performance, "explanation"), *provenance_columns("performance", "performance")),
          primary_key=("document_id", "code"),
          foreign_keys=(_to_documents(), ForeignKey(("document_id", "goal_code"), "goals", ("document_id", "code")))),
    Table("indicators", "One row per effect indicator of a document.",
          (DOCUMENT_ID, of(Indicator, "goal_code"), of(Indicator, "code"), of(Indicator, "key", required=True),
           of(Indicator, "name"), of(Indicator, "note"), of(Indicator, "unit"), of(Indicator, "unit_label"),
           of(Indicator, "source"), *provenance_columns("indicator", "indicator")),
          primary_key=("document_id", "key"),
          foreign_keys=(_to_documents(), ForeignKey(("document_id", "goal_code"), "goals", ("document_id", "code")))),
    Table("indicator_values", "One row per value cell of an indicator: a realised value, a target, a baseline. "
          + _FIGURE_NOTE,
          (DOCUMENT_ID, of(IndicatorValue, "indicator_code"), of(IndicatorValue, "indicator_key", required=True),
           of(IndicatorValue, "kind", required=True), of(IndicatorValue, "year", "integer"),
           *_figure_columns(IndicatorValue),
           *provenance_columns("value", "value", raw_text=False)),
          foreign_keys=(_to_documents(), ForeignKey(("document_id", "indicator_key"), "indicators",
                                                     ("document_id", "key")))),
    Table("comparison_values", "One row per figure printed beside an indicator that is not the municipality's "
          "own (Nederland, provincie, a size class, a benchmark). " + _FIGURE_NOTE,
          (DOCUMENT_ID, of(ComparisonValue, "indicator_code"), of(ComparisonValue, "indicator_key", required=True),
           of(ComparisonValue, "label", required=True), of(ComparisonValue, "year", "integer"),
           *_figure_columns(ComparisonValue),
           *provenance_columns("value", "figure", raw_text=False)),
          foreign_keys=(_to_documents(), ForeignKey(("document_id", "indicator_key"), "indicators",
                                                     ("document_id", "key")))),
    Table("diagnostics", "One row per diagnostic: what the conversion could not read or place, and the "
          "conversion-time rules a record breaks.",
          (DOCUMENT_ID, of(Diagnostic, "severity", required=True),
           of(Diagnostic, "code", column="diagnostic_code", required=True),
           of(Diagnostic, "message"), of(Diagnostic, "location"),
           Column("page", "integer", "PDF page the diagnostic is about."),
           Column("line_start", "integer", "First line (text, HTML source) the diagnostic is about."),
           Column("line_end", "integer", "Last line the diagnostic is about."),
           Column("element", "string", "HTML element path or table cell the diagnostic is about.")),
          foreign_keys=(_to_documents(),)),
)}

# The old name of every renamed column, per table (the README's migration note, and its test).
_PROVENANCE_PREFIX = {"policy_areas": "policy_area", "goals": "goal", "performances": "performance",
                      "indicators": "indicator", "indicator_values": "value", "comparison_values": "value"}
RENAMED: dict[str, dict[str, str]] = {
    "documents": {"kind": "document_kind", "year": "document_year", "programme": "document_programme",
                  "title": "document_title", "status": "document_status", "policy_areas": "n_policy_areas",
                  "goals": "n_goals", "performances": "n_performances", "indicators": "n_indicators",
                  "values": "n_values", "diagnostics": "n_diagnostics"},
    "indicator_values": {"unit": "value_unit"},
    "comparison_values": {"unit": "value_unit"},
    "diagnostics": {"code": "diagnostic_code"},
}
for _table, _prefix in _PROVENANCE_PREFIX.items():
    RENAMED.setdefault(_table, {}).update({old: f"{_prefix}_{old}" for old in ("page", "line_start", "line_end",
                                                                             "element", "bbox", "raw_text")
                                           if f"{_prefix}_{old}" in TABLES[_table].column_names})
# Columns left out: in the values tables `raw_text` held the same text as `raw` in every row.
DROPPED: dict[str, tuple[str, ...]] = {"indicator_values": ("raw_text",), "comparison_values": ("raw_text",)}
