"""Bytes to text: BOM first, then UTF-8, then detection (bs4's UnicodeDammit). Shared by the text
source (`sources/text`) and the HTML source (`sources/html/encoding`)."""
from __future__ import annotations

import codecs

from bs4.dammit import UnicodeDammit

from ..models import Diagnostic

_BOMS = [
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]


def decode_bytes(data: bytes, source_file: str, declared: str | None = None) -> tuple[str, list[Diagnostic]]:
    """Decode with a BOM if present, else the declared encoding, else UTF-8, else a guess.
    A guess is reported as a warning diagnostic."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="replace"), []
    for encoding in ([declared] if declared else []) + ["utf-8"]:
        try:
            return data.decode(encoding), []
        except (UnicodeError, LookupError, ValueError):  # a codec that refuses these bytes, or no codec
            continue
    dammit = UnicodeDammit(data, ["utf-8", "windows-1252", "iso-8859-1"])
    encoding = dammit.original_encoding or "windows-1252"
    text = dammit.unicode_markup if dammit.unicode_markup is not None else data.decode("windows-1252", errors="replace")
    return text, [Diagnostic(severity="warning", code="encoding_guessed",
                             message=f"not valid UTF-8 and no declared encoding; read as {encoding}",
                             location=source_file)]
