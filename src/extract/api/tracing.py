"""See a parse: every line of the layout a source made of a file, with what the parser read it as
(policy area, goal, performance, explanation of ..., indicator ..., footnote, or not placed).
Like pdfplumber's debug_tablefinder, it shows what the finder saw.

Part of the library API (`api/`): `trace` runs a source (`sources/`) and the record parser
(`parse/records.py`) over one file and pairs each unit with its role; `extract inspect` prints
the trace (`cli/terminal.py`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..layout import Origin
from ..parse.document import record_parser
from ..parse.units import TableUnit
from ..sources import SourceError, read_layout

__all__ = ["SourceError", "TraceLine", "trace"]


@dataclass(frozen=True)
class TraceLine:
    """One line of the trace: where (page, line, element, shortened), what the parser read it
    as, the text; `page` the PDF page it is on (None elsewhere)."""

    location: str
    role: str
    text: str
    page: int | None = None


_NTH = re.compile(r":nth-of-type\((\d+)\)")


def _where(origin: Origin) -> str:
    parts = []
    if origin.page is not None:
        parts.append(f"p{origin.page}")
    if origin.line is not None:
        parts.append(f"l{origin.line}")
    if origin.element:
        parts.append(_short_element(origin.element))
    return " ".join(parts)


def _short_element(path: str, keep: int = 3) -> str:
    """The last steps of a long HTML element path, `:nth-of-type(n)` written `[n]`
    (`… > tbody > tr[3] > td[2]`): enough to find the element, short enough to leave room for
    the text."""
    steps = [_NTH.sub(r"[\1]", step) for step in path.split(" > ")]
    return " > ".join(steps) if len(steps) <= keep else "… > " + " > ".join(steps[-keep:])


def trace(path: str | Path) -> list[TraceLine]:
    """The parser's reading of a file, unit by unit. Raises SourceError for unreadable files."""
    path = Path(path)
    layout = read_layout(path, path.read_bytes(), str(path))
    parser, _lines = record_parser(layout)   # as conversion reads it (edition, profile)
    parser.run()
    out: list[TraceLine] = [TraceLine("", f"profile {parser.profile.name}", parser.profile.title)]
    for unit, role in zip(parser.units, parser.roles):
        if isinstance(unit, TableUnit):
            for row in unit.block.rows:
                cells = " | ".join(c.text.replace("\n", " / ") for c in row if not c.spanned)
                origin = row[0].origin if row else unit.block.origin
                out.append(TraceLine(_where(origin), role, cells, origin.page))
        else:
            out.append(TraceLine(_where(unit.origin), role, unit.text, unit.origin.page))
    return out
