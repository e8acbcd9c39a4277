"""Money sections and tables: the words that make a heading, a note or a table header about money
(*Wat mag het kosten?*, *Lasten en baten*, *Bedragen x € 1.000*, *Lasten / Baten / Saldo*).

The sources leave such sections out, so that their amounts and `Realisatie 2019` columns are
never read as indicators.
"""
from __future__ import annotations

import re

# A heading that opens a money section.
_HEADING = re.compile(r"^(?:wat (?:mag het|heeft het) (?:kosten|gekost)|lasten en baten|"
                      r"overzicht (?:van )?(?:baten|lasten))", re.IGNORECASE)
# The note over a money table: `Bedragen x € 1.000`, `(x € 1000)`.
_NOTE = re.compile(r"bedragen\s*(?:x|×)\s*€|(?:x|×)\s*€\s*1\.?000", re.IGNORECASE)
# Words of a money table's header cells (`x\s*(?:€\s*)?1`, not `x\s*€?\s*1`: two white-space runs
# side by side split a long run every way, quadratic).
_HEADER = re.compile(r"\b(?:lasten|baten|saldo|bedragen|x\s*€|€\s*x|x\s*(?:€\s*)?1\.?000|raming|"
                     r"primitieve|begroting\s+(?:19|20)\d\d|rekening\s+(?:19|20)\d\d|mutaties?)\b", re.IGNORECASE)
# Header words of an indicator table: with these, money words (`raming`) do not make a money table.
_INDICATOR_HEADER = re.compile(r"indicator|streefwaarde|\bbron\b", re.IGNORECASE)


def is_money_heading(text: str) -> bool:
    """`Wat mag het kosten?`, `Wat heeft het gekost?`, `Lasten en baten`, `Overzicht van baten ...`."""
    return bool(_HEADING.match(text))


def has_money_note(text: str) -> bool:
    """Does the line hold the `Bedragen x € 1.000` note of a money table?"""
    return bool(_NOTE.search(text))


def is_money_header(text: str) -> bool:
    """A table header (its first rows' text) about money and not about indicators."""
    return bool(_HEADER.search(text)) and not _INDICATOR_HEADER.search(text)
