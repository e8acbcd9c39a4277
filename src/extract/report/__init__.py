"""The report: a static HTML site of the editions given (`extract report PATH... --out DIR`), with
a chart per indicator of its realised values and targets across the editions, and a page per
document with its diagnostics (`website.py`). Above the library API in the flow (it reads editions
with `api.editions`), below the CLI; needs the `report` extra (altair, vl-convert)."""
from .website import MissingExtra, Report, write_report

__all__ = ["MissingExtra", "Report", "write_report"]
