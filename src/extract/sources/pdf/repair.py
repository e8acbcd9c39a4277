"""Truncated PDFs (a download cut short), for the PDF source's first pass (`sources/pdf`): give the objects that made it a new cross-reference
table, page tree and trailer, so the pages before the cut can still be read.

A PDF's index (xref table, trailer) sits at its end, so a cut-off file cannot be opened at all,
though most of its pages are there. The complete `N G obj ... endobj` objects are found by
scanning; the page objects among them get a fresh page tree. Time and memory grow with the
file and the objects found in it, never with the object numbers it claims. Objects packed in compressed object
streams (PDF 1.5+) cannot be found this way: such a file stays unreadable.
"""
from __future__ import annotations

import re
from bisect import bisect_left

_OBJ = re.compile(rb"(?<![\d])(\d{1,7})\s+(\d{1,5})\s+obj\b")
_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
_ENDOBJ = re.compile(rb"endobj")


def complete_objects(data: bytes) -> dict[int, tuple[int, int, int]]:
    """Object number -> (generation, start, end) of every object that ends with `endobj`."""
    found: dict[int, tuple[int, int, int]] = {}
    matches = list(_OBJ.finditer(data))
    ends = [m.start() for m in _ENDOBJ.finditer(data)]
    e = 0
    for k, m in enumerate(matches):
        start = m.start()
        e = bisect_left(ends, start, e)  # the first endobj after this header (starts only grow)
        if e == len(ends):
            break
        end = ends[e]
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
    out += cross_references(offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (root + 1, root, xref)
    return bytes(out), len(pages)


def cross_references(offsets: dict[int, tuple[int, int]]) -> bytes:
    """An xref table of the objects at `offsets` (number -> (generation, offset)): one subsection
    per run of consecutive numbers, so it is as big as the objects found, not as their highest
    number (a cut file whose one object is numbered 9999999 gets three entries, not ten million)."""
    numbers = sorted(offsets)
    out = bytearray(b"xref\n")
    if not numbers or numbers[0] != 0:
        out += b"0 1\n0000000000 65535 f \n"  # object 0 heads the free list
    run: list[int] = []
    for n in numbers + [-1]:
        if run and n != run[-1] + 1:
            out += b"%d %d\n" % (run[0], len(run))
            out += b"".join(b"%010d %05d n \n" % (offsets[k][1], offsets[k][0]) for k in run)
            run = []
        run.append(n)
    return bytes(out)
