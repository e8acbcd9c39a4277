"""Findings: what a rule reports about the records of one document.

A rule yields `Hit`s (which records, what is wrong); the runner turns each into a `Finding` with
the rule's id and severity and the document it is about. A finding becomes a row of
findings.csv (`FINDING_COLUMNS`) or, at conversion time, a Diagnostic on the document.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..models import PROVENANCE_COLUMNS, Diagnostic, Provenance, provenance_columns

RecordType = str  # 'document', 'policy_area', 'goal', 'performance', 'indicator', 'value'

SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}

FINDING_COLUMNS = ["rule", "severity", "document_id", "source_file", "record_type", "code", "kind",
                   "year", "message", "location"] + PROVENANCE_COLUMNS


@dataclass(frozen=True)
class Hit:
    """One place a rule is broken: the record(s) involved and a message naming them."""

    record_type: RecordType
    code: str
    message: str
    provenances: tuple[Provenance, ...] = ()
    kind: str | None = None     # realisatie / streefwaarde, for values
    year: int | None = None


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    document_id: str
    source_file: str
    hit: Hit = field(compare=False)

    @property
    def location(self) -> str:
        """Where the records involved are, `; `-separated; the document when none is known."""
        return "; ".join(p.location() for p in self.hit.provenances) or self.source_file

    def row(self) -> dict:
        """The findings.csv row: record keys, message, and the first record's provenance."""
        h = self.hit
        first = h.provenances[0] if h.provenances else None
        return {"rule": self.rule, "severity": self.severity, "document_id": self.document_id,
                "source_file": self.source_file, "record_type": h.record_type, "code": h.code,
                "kind": h.kind, "year": h.year, "message": h.message, "location": self.location,
                **provenance_columns(first)}

    def diagnostic(self, cap: str | None = None) -> Diagnostic:
        """The finding as a document diagnostic; `cap` lowers the severity to at most it."""
        severity = self.severity
        if cap and SEVERITY_RANK[severity] < SEVERITY_RANK[cap]:
            severity = cap
        first = self.hit.provenances[0] if self.hit.provenances else None
        return Diagnostic(severity=severity, code=self.rule, message=self.hit.message,
                          location=self.location, provenance=first)
