"""PDF source (not yet built: see the issue on annual-report PDFs)."""
from __future__ import annotations

from ..layout import Layout
from . import SourceError


def read_pdf(path: str, data: bytes, source_file: str) -> Layout:
    raise SourceError("PDF input is not supported yet; extract its text first")
