"""Truncated PDFs (a download cut short), for the PDF source's first pass (`sources/pdf`): give the objects that made it a new cross-reference
table, page tree and trailer, so the pages before the cut can still be read.

A PDF's index (xref table, trailer) sits at its end, so a cut-off file cannot be opened at all,
though most of its pages are there. The complete `N G obj ... endobj` objects are found by
scanning; the page objects among them get a fresh page tree. Objects packed in compressed object
streams (PDF 1.5+) cannot be found this way: such a file stays unreadable.
"""
from __future__ import annotations

import re

_OBJ = re.compile(rb"(?<![\d])(\d{1,7})\s+(\d{1,5})\s+obj\b")
_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def complete_objects(data: bytes) -> dict[int, tuple[int, int, int]]:
    """Object number -> (generation, start, end) of every object that ends with `endobj`."""
    found: dict[int, tuple[int, int, int]] = {}
    matches = list(_OBJ.finditer(data))
    for k, m in enumerate(matches):
        start = m.start()
        end = data.find(b"endobj", start)
        if end == -1:
            break
        following = matches[k + 1].start() if k + 1 < len(matches) else len(data)
        if end <= following:  # else this object was cut and the endobj is a later one's
            found[int(m.group(1))] = (int(m.group(2)), start, end + len(b"endobj"))
    return found


def rebuild_truncated(data: bytes) -> tuple[bytes, int] | None:
    """(a readable PDF, how many pages it has) from a truncated one, or None when no complete
    page object is left."""
    objects = complete_objects(data)
    pages = sorted((start, n) for n, (_g, start, end) in objects.items() if _PAGE.search(data, start, end))
    if not pages:
        return None
    out = bytearray(data[:max(end for _g, _s, end in objects.values())])
    out += b"\n"
    offsets = {n: (gen, start) for n, (gen, start, _e) in objects.items()}
    tree, root = max(objects) + 1, max(objects) + 2
    offsets[tree] = (0, len(out))
    kids = b" ".join(b"%d %d R" % (n, objects[n][0]) for _s, n in pages)
    out += b"%d 0 obj\n<< /Type /Pages /Kids [%s] /Count %d >>\nendobj\n" % (tree, kids, len(pages))
    offsets[root] = (0, len(out))
    out += b"%d 0 obj\n<< /Type /Catalog /Pages %d 0 R >>\nendobj\n" % (root, tree)
    xref = len(out)
    out += b"xref\n0 %d\n" % (root + 1)
    for n in range(root + 1):
        if n in offsets:
            gen, start = offsets[n]
            out += b"%010d %05d n \n" % (start, gen)
        else:
            out += b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (root + 1, root, xref)
    return bytes(out), len(pages)
