"""PDF inputs for the fuzz suite: generated documents (pages of goal and indicator tables,
thousands of blank pages, image-only, huge or degenerate page boxes, cyclic and deep page trees,
pages dense with words) and mutators of PDF bytes (removed xref, object garbage, lying stream
lengths, page boxes, a fake /Encrypt, content streams inflated, mutated and deflated again).
Generators take `rng`, mutators `(rng, data)`; both return `(data, label)`."""
from __future__ import annotations

import random
import re
import zlib

from . import mutate_text
from .pdfbuild import FONT, document, pdf_bytes, report_page, stream, text_content

BOXES = [b"[0 0 1e9 1e9]", b"[0 0 99999999 99999999]", b"[0 0 0 0]", b"[0 0 -595 -842]", b"[595 842 0 0]",
         b"[0 0 3 3]", b"[0 0 14400 14400]", b"[0 0 595]", b"[]", b"[0 0 1e400 842]", b"[0 0 595 842 7 7]",
         b"[-1e9 -1e9 1e9 1e9]", b"[0 0 595.5.5 842]", b"(box)", b"[0 0 nan 842]", b"[0 0 2147483648 842]"]


# --- generated documents ----------------------------------------------------------------------

def gen_report(rng):
    pages = rng.choice([1, 2, 5, 40])
    compress = rng.random() < 0.5
    return document([report_page(rng.choice([2, 5, 20]), offset=k * 20) for k in range(pages)],
                    compress=compress), f"gen_report({pages} pages)"


def gen_blank(rng):
    pages = rng.choice([10, 500, 2000, 6000])
    return document([b""] * pages), f"gen_blank({pages} pages)"


def gen_image_only(rng):
    pages = rng.choice([1, 3, 50])
    return document([b"q 400 0 0 600 100 100 cm /Im1 Do Q"] * pages, images=True), f"gen_image_only({pages})"


def gen_huge_box(rng):
    box = rng.choice(BOXES)
    return document([report_page(3)], media_box=box), f"gen_huge_box({box.decode()})"


def gen_dense(rng, most_words: int = 30000):
    words = min(most_words, rng.choice([500, 5000, 30000]))
    stacked = rng.random() < 0.3
    lines = []
    for k in range(words):
        if stacked:
            x, y = 100.0, 400.0
        else:
            x, y = 20 + (k % 12) * 47.0, 820 - (k // 12) % 400 * 2.0
        lines.append((x, y, rng.choice([2, 4, 9]), rng.choice(["9A1.1", "5,7", "33%", "Bron", "-", "Doel", "9A1.a"])))
    return document([text_content(lines)], compress=True), f"gen_dense({words} words{', stacked' if stacked else ''})"


def gen_far_text(rng):
    coords = rng.choice([(1e7, 1e7), (-5000, -5000), (300, 1e9), (1e-9, 1e-9), (300, -1e6)])
    content = text_content([(coords[0], coords[1], 10, "9A1 Doel buiten de pagina"), (72, 700, 10, "9A1.1 Binnen")])
    if rng.random() < 0.5:
        content = b"q %s cm\n" % rng.choice([b"0 1 -1 0 0 0", b"1e6 0 0 1e6 0 0", b"0 0 0 0 0 0", b"-1 0 0 -1 595 842",
                                           b"0.7 0.7 -0.7 0.7 0 0"]) + content + b"\nQ"
    return document([content]), f"gen_far_text({coords})"


def gen_page_tree(rng):
    kind = rng.choice(["cycle", "self-parent", "deep", "count-lies", "kids-missing"])
    content = stream(report_page(2))
    if kind == "deep":
        depth = rng.choice([50, 500, 5000])
        objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
        for d in range(depth):
            n = len(objects) + 1
            objects.append(b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % (n + 1))
        page = len(objects) + 1
        objects.append(b"<< /Type /Page /MediaBox [0 0 595 842] /Contents %d 0 R /Resources << /Font << /F1 %d 0 R >> >> >>"
                       % (page + 1, page + 2))
        objects += [content, FONT]
        return pdf_bytes(objects), f"gen_page_tree(deep {depth})"
    kids = {"cycle": b"[3 0 R 2 0 R]", "self-parent": b"[3 0 R 3 0 R]", "count-lies": b"[3 0 R]",
            "kids-missing": b"[3 0 R 99 0 R 1 0 R]"}[kind]
    count = b"1000000000" if kind == "count-lies" else b"2"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids %s /Count %s >>" % (kids, count),
               b"<< /Type /Page /Parent %s /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"
               % (b"3 0 R" if kind == "self-parent" else b"2 0 R"),
               content, FONT]
    return pdf_bytes(objects), f"gen_page_tree({kind})"


GENERATORS = [(gen_report, 4), (gen_blank, 1), (gen_image_only, 1), (gen_huge_box, 2), (gen_dense, 1.5),
              (gen_far_text, 1), (gen_page_tree, 2)]


# --- mutators of PDF bytes ---------------------------------------------------------------------

_XREF = re.compile(rb"xref\s*\n.*?(?=trailer)", re.DOTALL)
_OBJ = re.compile(rb"(\d+)\s+0\s+obj\b(.*?)endobj", re.DOTALL)
_STREAM = re.compile(rb"(<<(?:(?!>>\s*stream).)*?>>)\s*stream\r?\n(.*?)\r?\nendstream", re.DOTALL)


def remove_xref(rng, data):
    how = rng.choice(["table", "startxref", "trailer", "all"])
    if how == "table":
        return _XREF.sub(b"", data), "remove_xref(table)"
    if how == "startxref":
        return re.sub(rb"startxref\s*\d+", b"startxref\n%d" % rng.choice([0, 9, len(data) * 2, 10 ** 12]), data), \
            "remove_xref(startxref lies)"
    if how == "trailer":
        return re.sub(rb"trailer\s*<<.*?>>", b"", data, flags=re.DOTALL), "remove_xref(trailer)"
    cut = data.rfind(b"xref")
    return (data[:cut] if cut > 0 else data), "remove_xref(all)"


def object_garbage(rng, data):
    objects = list(_OBJ.finditer(data))
    if not objects:
        return data + bytes(rng.randrange(256) for _ in range(200)), "object_garbage(appended)"
    m = rng.choice(objects)
    how = rng.choice(["random", "truncate", "duplicate", "swap-type", "null"])
    body = m.group(2)
    if how == "random":
        new = bytes(rng.randrange(256) for _ in range(rng.choice([1, 50, len(body) or 1])))
    elif how == "truncate":
        new = body[: rng.randrange(len(body) + 1)]
    elif how == "duplicate":
        extra = b"\n%s 0 obj\n%s\nendobj\n" % (m.group(1), bytes(rng.randrange(256) for _ in range(64)))
        return data[: m.end()] + extra + data[m.end():], f"object_garbage(duplicate {int(m.group(1))})"
    elif how == "swap-type":
        new = re.sub(rb"/Type\s*/\w+", rng.choice([b"/Type /Page", b"/Type /Pages", b"/Type /Catalog", b"/Type /Font"]),
                     body)
    else:
        new = b" null "
    return data[: m.start(2)] + new + data[m.end(2):], f"object_garbage({how} {int(m.group(1))})"


def lying_length(rng, data):
    def one(m: re.Match) -> bytes:
        return b"/Length %d" % rng.choice([0, 1, int(m.group(1)) * 2, 10 ** 9, -5])
    return re.sub(rb"/Length\s+(\d+)(?!\s+\d+\s+R)", one, data, count=rng.choice([1, 100])), "lying_length"


def page_boxes(rng, data):
    box = rng.choice(BOXES)
    out = re.sub(rb"/MediaBox\s*\[[^\]]*\]", b"/MediaBox " + box, data)
    if rng.random() < 0.4:
        out = out.replace(b"/Type /Page ", b"/Type /Page /Rotate %s /UserUnit %s " % (
            rng.choice([b"90", b"45", b"-270", b"1e9", b"x"]), rng.choice([b"1", b"1e6", b"0", b"-1"])), 1)
    return out, f"page_boxes({box.decode()})"


def fake_encrypt(rng, data):
    enc = b"/Encrypt << /Filter /Standard /V 2 /R 3 /Length 128 /P -4 /O (x) /U (y) >>"
    out = re.sub(rb"trailer\s*<<", b"trailer\n<< " + enc, data, count=1)
    if out == data:
        out = data + b"\ntrailer\n<< " + enc + b" /Root 1 0 R >>\n%%EOF\n"
    return out, "fake_encrypt"


def _content_mutation(rng: random.Random, content: bytes) -> tuple[bytes, str]:
    text = content.decode("latin-1")
    choice = rng.random()
    if choice < 0.25:
        text = re.sub(r"(-?\d+(?:\.\d+)?) Tf", lambda m: f"{rng.choice(['0', '-10', '1e6', '0.01', '400'])} Tf", text)
        label = "font sizes"
    elif choice < 0.5:
        text = re.sub(r"-?\d+\.?\d*", lambda m: rng.choice([m.group(0), m.group(0), "1e9", "-1e9", "0", "nan"]), text)
        label = "numbers"
    else:
        mutator = rng.choice([mutate_text.delete_lines, mutate_text.duplicate_lines, mutate_text.swap_lines,
                              mutate_text.shuffle_lines, mutate_text.storm, mutate_text.huge_number])
        text, label = mutator(rng, text, 2_000_000)
    return text.encode("latin-1", "replace"), label


def mutate_content(rng, data):
    """Inflate one stream (FlateDecode or plain), mutate it, deflate it again with a fitting
    /Length (the xref offsets after it go stale, as in an edited file)."""
    streams = list(_STREAM.finditer(data))
    if not streams:
        return data, "mutate_content(no streams)"
    m = rng.choice(streams)
    header, raw = m.group(1), m.group(2)
    compressed = b"FlateDecode" in header
    try:
        content = zlib.decompress(raw) if compressed else raw
    except zlib.error:
        return data, "mutate_content(not inflatable)"
    if b"/Subtype /Image" in header or b"/Subtype/Image" in header:
        return data, "mutate_content(image)"
    new, label = _content_mutation(rng, content)
    body = zlib.compress(new) if compressed else new
    header = re.sub(rb"/Length\s+\d+(?:\s+\d+\s+R)?", b"/Length %d" % len(body), header, count=1)
    return data[: m.start()] + header + b"\nstream\n" + body + b"\nendstream" + data[m.end():], \
        f"mutate_content({label})"


def junk_around(rng, data):
    junk = bytes(rng.randrange(256) for _ in range(rng.choice([10, 1000])))
    where = rng.choice(["before", "after", "no-eof"])
    if where == "before":
        return junk + data, "junk_around(before)"
    if where == "after":
        return data + junk, "junk_around(after)"
    return data.replace(b"%%EOF", b""), "junk_around(no %%EOF)"


PDF_MUTATORS = [(remove_xref, 2), (object_garbage, 3), (lying_length, 1), (page_boxes, 1.5), (fake_encrypt, 0.5),
                (mutate_content, 4), (junk_around, 1)]
