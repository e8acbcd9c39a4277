"""extract: Dutch municipal budget documents in, validated records of goals, performances and
effect indicators out.

    import extract
    doc = extract.convert("samples/000_77f27bb01ce9e9d5.txt")
    doc.goals, doc.performances, doc.indicators, doc.values, doc.diagnostics

The public names are bound on first use (PEP 562), so `import extract` and `extract --help` do
not load the converter, pandas or pdfplumber. They come from the library API (`extract.api`) and
the models (`extract.models`); the flow below them is models -> layout, profiles -> sources,
parse -> checks, writers -> api -> report -> cli.
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

__version__ = "0.1.0"

# public name -> the module that defines it
_EXPORTS = {
    "convert": "extract.api.conversion", "convert_batch": "extract.api.conversion",
    "check": "extract.api.analysis", "compare": "extract.api.analysis", "series": "extract.api.analysis",
    **{name: "extract.models" for name in ("Document", "PolicyArea", "Goal", "Performance", "Indicator",
                                           "IndicatorValue", "Diagnostic", "Provenance")},
}
_SUBPACKAGES = {"api", "checks", "cli", "layout", "models", "parse", "profiles", "report", "sources", "writers"}

__all__ = ["convert", "convert_batch", "check", "compare", "series", "Document", "PolicyArea", "Goal", "Performance",
           "Indicator", "IndicatorValue", "Diagnostic", "Provenance", "__version__"]

if TYPE_CHECKING:
    from .api.analysis import check, compare, series
    from .api.conversion import convert, convert_batch
    from .models import Diagnostic, Document, Goal, Indicator, IndicatorValue, Performance, PolicyArea, Provenance


def __getattr__(name: str):
    if name in _EXPORTS:
        value = getattr(import_module(_EXPORTS[name]), name)
    elif name in _SUBPACKAGES:
        value = import_module(f"{__name__}.{name}")
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS) | _SUBPACKAGES)
