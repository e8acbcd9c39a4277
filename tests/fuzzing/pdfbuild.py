"""A minimal PDF writer for the fuzz suite: pages of text, blank pages, an image-only page, odd
page boxes and page trees, with a correct xref table (mutators then break it on purpose)."""
from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence

FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def pdf_bytes(objects: Sequence[bytes], root: int = 1, version: bytes = b"1.4") -> bytes:
    """A PDF of `objects` (object N is objects[N - 1]) with an xref table and a trailer."""
    out = bytearray(b"%PDF-" + version + b"\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


def stream(data: bytes, compress: bool = False, extra: bytes = b"") -> bytes:
    if compress:
        data = zlib.compress(data)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def escape(text: str) -> bytes:
    raw = text.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def text_content(lines: Iterable[tuple[float, float, float, str]]) -> bytes:
    """A content stream showing each (x, y, size, text) line in Helvetica."""
    parts = [b"BT"]
    for x, y, size, text in lines:
        parts.append(b"/F1 %.2f Tf 1 0 0 1 %.2f %.2f Tm (%s) Tj" % (size, x, y, escape(text)))
    parts.append(b"ET")
    return b"\n".join(parts)


def document(contents: Sequence[bytes], media_box: bytes = b"[0 0 595 842]", compress: bool = False,
             images: bool = False) -> bytes:
    """A PDF whose page k shows content stream contents[k] (Helvetica as /F1; with `images`
    an 8x8 grey picture as /Im1)."""
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", FONT]
    image_ref = b""
    if images:
        pixels = bytes(range(0, 256, 4))
        objects.append(stream(pixels, extra=b" /Type /XObject /Subtype /Image /Width 8 /Height 8 "
                                            b"/ColorSpace /DeviceGray /BitsPerComponent 8"))
        image_ref = b" /XObject << /Im1 %d 0 R >>" % len(objects)
    kids = []
    for content in contents:
        objects.append(stream(content, compress))
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox %s /Contents %d 0 R "
                       b"/Resources << /Font << /F1 3 0 R >>%s >> >>" % (media_box, len(objects), image_ref))
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    return pdf_bytes(objects)


def report_page(codes: int = 3, offset: int = 0) -> bytes:
    """One page of a goal table and an indicator table, in the shape of an annual report."""
    lines: list[tuple[float, float, float, str]] = [(72, 790, 14, "Beleidsterrein 9A Sociale binding"),
                                                    (72, 760, 10, "Doel"), (300, 760, 10, "Prestatie")]
    y = 740.0
    for k in range(1, codes + 1):
        goal = f"9A{k + offset}"
        lines.append((72, y, 10, f"{goal} Inwoners doen mee aan de samenleving"))
        lines.append((300, y, 10, f"{goal}.1 Organiseren van een passend aanbod"))
        y -= 16
    lines.append((72, y - 10, 10, "Effectindicator"))
    for x, word in ((300, "Realisatie"), (450, "Streefwaarde"), (530, "Bron")):
        lines.append((x, y - 10, 10, word))
    y -= 26
    for k in range(1, codes + 1):
        lines.append((72, y, 9, f"9A{k + offset}.a Aandeel vrijwilligers"))
        for j, value in enumerate(("33%", "32%", "35%")):
            lines.append((300 + 45 * j, y, 9, value))
        lines.append((450, y, 9, "34%"))
        lines.append((530, y, 9, "Monitor"))
        y -= 14
    return text_content(lines)
