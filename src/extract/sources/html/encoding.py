"""Bytes of an HTML page to text (HTML source, `sources/html`; on top of `sources/decoding`): BOM,
then the charset the page declares (`<meta charset>`, `<meta http-equiv="Content-Type">`,
`<?xml encoding?>`), then UTF-8, then detection.

Declared labels are read the way browsers read them (the WHATWG encoding labels): a page that
says `iso-8859-1` or `us-ascii` is decoded as windows-1252, so its `€` and curly quotes survive.
"""
from __future__ import annotations

import codecs
import re

from ...models import Diagnostic
from ..decoding import decode_bytes

_META_CHARSET = re.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*(?P<cs>[A-Za-z0-9._:-]+)""", re.IGNORECASE)
_XML_DECL = re.compile(rb"""^\s*<\?xml\b[^>]*\bencoding\s*=\s*["'](?P<cs>[A-Za-z0-9._:-]+)""", re.IGNORECASE)
# Labels browsers treat as another encoding than Python's codec of the same name.
_BROWSER_LABELS = {
    "iso-8859-1": "windows-1252", "iso8859-1": "windows-1252", "latin1": "windows-1252",
    "latin-1": "windows-1252", "l1": "windows-1252", "cp819": "windows-1252", "ibm819": "windows-1252",
    "us-ascii": "windows-1252", "ascii": "windows-1252", "ansi_x3.4-1968": "windows-1252",
    "iso-8859-9": "windows-1254", "latin5": "windows-1254",
    "utf-16": "utf-8", "utf-16le": "utf-8", "utf-16be": "utf-8",  # a meta tag cannot declare UTF-16
    "x-user-defined": "windows-1252",
}
_SNIFF_BYTES = 4096


def declared_encoding(data: bytes) -> str | None:
    """The Python codec for the charset the page declares in its first 4 KB, or None."""
    head = data[:_SNIFF_BYTES]
    m = _XML_DECL.search(head) or _META_CHARSET.search(head)
    if not m:
        return None
    label = m.group("cs").decode("ascii", "replace").strip().lower()
    label = _BROWSER_LABELS.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_html(data: bytes, source_file: str) -> tuple[str, list[Diagnostic]]:
    """The page as text, with a warning when the declared charset does not fit its bytes."""
    declared = declared_encoding(data)
    if declared and not _has_bom(data) and not _decodes(data, declared):
        text, _ = decode_bytes(data, source_file)
        return text, [Diagnostic(severity="warning", code="encoding_mismatch",
                                 message=f"the page declares {declared} but its bytes are not valid "
                                         f"{declared}; read as UTF-8 or by detection instead",
                                 location=source_file)]
    return decode_bytes(data, source_file, declared)


def _has_bom(data: bytes) -> bool:
    return data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True
