"""Bytes of an HTML page to text (HTML source, `sources/html`; on top of `sources/decoding`): BOM,
then the charset the page declares (`<meta charset>`, `<meta http-equiv="Content-Type">`,
`<?xml encoding?>`), then UTF-8, then detection.

Declared labels are read the way browsers read them (the WHATWG encoding labels): a page that
says `iso-8859-1` or `us-ascii` is decoded as windows-1252, so its `€` and curly quotes survive.
A declared charset is used only when it is a text encoding that reads ASCII as ASCII (the
declaration itself was read that way); one Python has no codec for, or that cannot be a page's
charset (`idna`, `punycode`, `utf-7`, EBCDIC...), is passed over with an `encoding_guessed`
warning naming it, and the page is read as UTF-8 or by detection.
"""
from __future__ import annotations

import codecs
import re

from ...models import Diagnostic
from ..decoding import decode_bytes

# (?:["']\s*)? and not ["']?\s*: two white-space runs side by side split a long run every way
_META_CHARSET = re.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*(?:["']\s*)?(?P<cs>[A-Za-z0-9._:-]+)""", re.IGNORECASE)
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
# Codecs that decode ASCII as ASCII and still are no charset of a page: they transform text.
_NOT_CHARSETS = frozenset({"idna", "punycode", "undefined", "unicode-escape", "raw-unicode-escape", "utf-7"})
_ASCII = bytes(range(0x20, 0x7F)) + b"\t\n\r"


def declared_label(data: bytes) -> str | None:
    """The charset label the page declares in its first 4 KB, lower-cased, or None."""
    head = data[:_SNIFF_BYTES]
    m = _XML_DECL.search(head) or _META_CHARSET.search(head)
    if not m:
        return None
    return m.group("cs").decode("ascii", "replace").strip().lower()


def usable_codec(label: str) -> str | None:
    """The Python codec a declared label names, read as browsers read it, or None when there is
    none or it cannot be the charset of a page."""
    label = _BROWSER_LABELS.get(label, label)
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    if info.name in _NOT_CHARSETS or not getattr(info, "_is_text_encoding", True):
        return None
    try:
        ascii_compatible = _ASCII.decode(info.name) == _ASCII.decode("ascii")
    except (UnicodeError, LookupError, ValueError):
        return None
    return info.name if ascii_compatible else None


def declared_encoding(data: bytes) -> str | None:
    """The Python codec for the charset the page declares in its first 4 KB, or None."""
    label = declared_label(data)
    return usable_codec(label) if label is not None else None


def decode_html(data: bytes, source_file: str) -> tuple[str, list[Diagnostic]]:
    """The page as text, with a warning when the declared charset does not fit its bytes or
    cannot be used at all."""
    label = declared_label(data)
    declared = usable_codec(label) if label is not None else None
    if label is not None and declared is None and not _has_bom(data):
        text, guessed = decode_bytes(data, source_file)
        how = guessed[0].message.rsplit("read as ", 1)[-1] if guessed else "utf-8"
        return text, [Diagnostic(severity="warning", code="encoding_guessed",
                                 message=f"the page declares the charset {label[:40]!r}, which cannot be used "
                                         f"to read a page; read as {how}",
                                 location=source_file)]
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
    except (UnicodeError, LookupError, ValueError):
        return False
    return True
