"""extract: Dutch municipal budget documents in, validated records of goals, performances and
effect indicators out.

    import extract
    doc = extract.convert("samples/000_77f27bb01ce9e9d5.txt")
    doc.goals, doc.performances, doc.indicators, doc.values, doc.diagnostics
"""
from __future__ import annotations

__version__ = "0.1.0"

from .convert import convert, convert_batch  # noqa: E402
from .checks import check  # noqa: E402
from .compare import compare  # noqa: E402
from .series import series  # noqa: E402
from .models import (Diagnostic, Document, Goal, Indicator, IndicatorValue, Performance,  # noqa: E402
                     PolicyArea, Provenance)

__all__ = ["convert", "convert_batch", "check", "compare", "series", "Document", "PolicyArea", "Goal", "Performance", "Indicator",
           "IndicatorValue", "Diagnostic", "Provenance", "__version__"]
