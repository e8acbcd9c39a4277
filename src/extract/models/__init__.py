"""The model layer: the records extract produces (Pydantic, `records`) and the one place Dutch
value cells become exact numbers (`values`). Every other stage depends on this one; it depends on
nothing of the package."""
from __future__ import annotations

from .records import (PROVENANCE_COLUMNS, ComparisonValue, Diagnostic, Document, Format, Goal, Indicator,
                      IndicatorValue, Kind, Performance, PolicyArea, Provenance, Severity, Status, ValueKind,
                      ValueStatus, provenance_columns)

__all__ = ["ComparisonValue", "Diagnostic", "Document", "Format", "Goal", "Indicator", "IndicatorValue", "Kind",
           "Performance", "PolicyArea", "Provenance", "Severity", "Status", "ValueKind", "ValueStatus",
           "PROVENANCE_COLUMNS", "provenance_columns"]
