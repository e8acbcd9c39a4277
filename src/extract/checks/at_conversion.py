"""Validation at conversion time: the rules every converted document is held to. A broken rule
is a diagnostic on the document, never an exception. The rules are those of `extract check`
marked `at_conversion`; their severities are capped at warning here.

Part of `checks/`; the library's conversion (`api/conversion.py`) calls `validate` on every
document it parses."""
from __future__ import annotations

from ..models import Diagnostic, Document
from .rules import RULES
from .run import run_rules

CONVERSION_RULES = [r for r in RULES if r.at_conversion]


def validate(doc: Document) -> list[Diagnostic]:
    return [f.diagnostic(cap="warning") for f in run_rules(doc, CONVERSION_RULES)]
