"""The default PDF engine (`sources/pdf`): the positioned words and ruling lines of a page read
straight from pdfium, as the shared geometry's `Word` and `Rulings` (`sources/geometry/words`).

pdfplumber (the reference engine, `plumber`) gets its words from pdfminer, which interprets the
page in Python and builds a dict per character: ~100 ms a page. pdfium has already laid out
every character when it loads a text page, so here each character costs one C call for its box
and one for its text object, written straight into numpy arrays, and the rest is vectorised:

- characters: their code points (one `FPDFText_GetText` call), *loose* boxes (the x of
  `FPDFText_GetLooseCharBox` is pdfminer's: origin to origin + advance), and per text object
  (not per character) the font size scaled by the text matrix, the baseline and the font's
  descent, so that top and bottom are pdfminer's (`bottom = baseline - descent`, `top = bottom -
  size`), and the font name (bold is read from it, as for pdfplumber);
- words: pdfplumber's `extract_words(x_tolerance=1.5, y_tolerance=2.5, extra_attrs=["size",
  "fontname"])` rule, vectorised: runs of characters of one font and size (in content order) are
  clustered into lines by their top, sorted by x, and split at spaces, at a gap wider than 1.5 pt,
  at a step back or a change of line. Characters pdfium generated (spaces, line ends it inserted
  from the geometry) are dropped: the geometry decides, as in pdfplumber;
- rulings: the segments of every path object (forms included, with their matrices), as
  pdfplumber's `page.edges` (lines, rectangle edges, polyline segments).

Coordinates are pdfplumber's: points down from the top of the MediaBox (a /Rotate page turned
as displayed).
"""
from __future__ import annotations

import ctypes
import math
import re
from functools import lru_cache

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as raw

from ..geometry.words import Rulings, Word

X_TOLERANCE = 1.5
Y_TOLERANCE = 2.5
_BOLD = re.compile(r"bold|black|heavy|semibold|demi|,b\b", re.IGNORECASE)
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
_SPACES = np.array([ord(c) for c in " \t\r\n\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
                    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000\x0b\x0c\x1c\x1d\x1e\x1f\x85"], dtype=np.uint32)
# The descent (per 1000) pdfminer gives the standard fonts when a file uses them without a
# FontDescriptor (its `fontmetrics`); pdfium draws them with stand-ins of other proportions.
_STANDARD_DESCENT = {
    **{n: -207.0 for n in ("Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique",
                           "Arial", "Arial,Bold", "Arial,Italic", "Arial,BoldItalic")},
    **{n: -217.0 for n in ("Times-Roman", "Times-Bold", "Times-Italic", "Times-BoldItalic", "TimesNewRoman",
                           "TimesNewRoman,Bold", "TimesNewRoman,Italic", "TimesNewRoman,BoldItalic")},
    **{n: -194.0 for n in ("Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique", "CourierNew",
                           "CourierNew,Bold", "CourierNew,Italic", "CourierNew,BoldItalic")},
    "Symbol": 0.0, "ZapfDingbats": 0.0,
}
_IS_SPACE = np.zeros(0x3001, dtype=bool)
_IS_SPACE[_SPACES] = True
MAX_PATH_SEGMENTS = 200  # a path with more (a chart, a logo) gives no rulings


class _C:
    """pdfium's functions declared with plain pointer (int) arguments: no ctypes wrapper object
    per call, and results written straight into numpy buffers."""

    def __init__(self) -> None:
        from pypdfium2_raw.bindings import _libs
        lib = ctypes.CDLL(_libs["pdfium"]._name)
        V, I, F = ctypes.c_void_p, ctypes.c_int, ctypes.c_float

        def fn(name, args, res):
            f = getattr(lib, name)
            f.argtypes, f.restype = args, res
            return f

        self.box = fn("FPDFText_GetLooseCharBox", [V, I, V], I)
        self.tight_box = fn("FPDFText_GetCharBox", [V, I, V, V, V, V], I)
        self.text_object = fn("FPDFText_GetTextObject", [V, I], ctypes.c_size_t)  # 0 for none
        self.count = fn("FPDFText_CountChars", [V], I)
        self.get_text = fn("FPDFText_GetText", [V, I, I, V], I)
        self.unicode = fn("FPDFText_GetUnicode", [V, I], ctypes.c_uint)
        self.font_size = fn("FPDFText_GetFontSize", [V, I], ctypes.c_double)
        self.char_matrix = fn("FPDFText_GetMatrix", [V, I, V], I)
        self.char_origin = fn("FPDFText_GetCharOrigin", [V, I, V, V], I)
        self.obj_font = fn("FPDFTextObj_GetFont", [V], V)
        self.font_descent = fn("FPDFFont_GetDescent", [V, F, V], I)
        self.font_embedded = fn("FPDFFont_GetIsEmbedded", [V], I)
        name = "FPDFFont_GetBaseFontName" if hasattr(lib, "FPDFFont_GetBaseFontName") else "FPDFFont_GetFamilyName"
        self.font_name = fn(name, [V, V, ctypes.c_size_t], ctypes.c_size_t)
        self.count_objects = fn("FPDFPage_CountObjects", [V], I)
        self.get_object = fn("FPDFPage_GetObject", [V, I], V)
        self.form_count = fn("FPDFFormObj_CountObjects", [V], I)
        self.form_object = fn("FPDFFormObj_GetObject", [V, ctypes.c_ulong], V)
        self.obj_type = fn("FPDFPageObj_GetType", [V], I)
        self.obj_matrix = fn("FPDFPageObj_GetMatrix", [V, V], I)
        self.segments = fn("FPDFPath_CountSegments", [V], I)
        self.segment = fn("FPDFPath_GetPathSegment", [V, I], V)
        self.segment_point = fn("FPDFPathSegment_GetPoint", [V, V, V], I)
        self.segment_type = fn("FPDFPathSegment_GetType", [V], I)
        self.segment_close = fn("FPDFPathSegment_GetClose", [V], I)


@lru_cache(maxsize=1)
def _c() -> _C:
    return _C()


def _address(handle) -> int:
    return ctypes.cast(handle, ctypes.c_void_p).value or 0


def tight_boxes(textpage: pdfium.PdfTextPage) -> tuple[np.ndarray, np.ndarray]:
    """The code points and tight boxes (left, right, bottom, top; PDF space, y up) of every
    character of a text page, as pdfium's `get_text_bounded` tests them."""
    c = _c()
    tp = _address(textpage.raw)
    n = c.count(tp)
    if n <= 0:
        return np.zeros(0, dtype=np.uint32), np.zeros((0, 4))
    codes = PageGeometry._codes(None, c, tp, n)
    boxes = np.zeros((n, 4), dtype=np.float64)
    base = boxes.ctypes.data
    list(map(c.tight_box, [tp] * n, range(n), range(base, base + 32 * n, 32), range(base + 8, base + 32 * n, 32),
             range(base + 16, base + 32 * n, 32), range(base + 24, base + 32 * n, 32)))
    return codes, boxes


class PageGeometry:
    """The words and rulings of one pdfium page, in pdfplumber's coordinates."""

    def __init__(self, page: pdfium.PdfPage):
        self.page = page
        x0, y0, x1, y1 = page.get_mediabox()
        self.rotation = page.get_rotation() % 360
        self.box = (x0, y0, x1, y1)
        w, h = x1 - x0, y1 - y0
        self.width, self.height = (h, w) if self.rotation in (90, 270) else (w, h)
        self.fonts: dict[int, tuple[str, object]] = {}

    # -- coordinates ------------------------------------------------------------------------
    def _to_display(self, x, y):
        """PDF user space (x, y up) to pdfminer's rotated space, then y measured from the top."""
        x0, y0, x1, y1 = self.box
        r = self.rotation
        if r == 90:
            X, Y = y - y0, x1 - x
        elif r == 180:
            X, Y = x1 - x, y1 - y
        elif r == 270:
            X, Y = y1 - y, x - x0
        else:  # pdfplumber keeps the MediaBox offsets of an upright page
            return x, y1 - y
        return X, self.height - Y

    def _rotate(self, a: float, b: float, c: float, d: float) -> tuple[float, float, float, float]:
        """A text matrix's linear part as seen on the displayed page."""
        r = self.rotation
        if r == 90:
            return b, -a, d, -c
        if r == 180:
            return -a, -b, -c, -d
        if r == 270:
            return -b, a, -d, c
        return a, b, c, d

    # -- words ------------------------------------------------------------------------------
    def words(self, textpage: pdfium.PdfTextPage | None = None) -> tuple[list[Word], int]:
        """The upright words of the page, and how many words set at an angle were left out."""
        c = _c()
        own = textpage is None
        textpage = textpage or self.page.get_textpage()
        try:
            return self._words(c, _address(textpage.raw))
        finally:
            if own:
                textpage.close()

    def _words(self, c: _C, tp: int) -> tuple[list[Word], int]:
        n = c.count(tp)
        if n <= 0:
            return [], 0
        codes = self._codes(c, tp, n)
        objects = np.fromiter(map(c.text_object, [tp] * n, range(n)), dtype=np.uint64, count=n)
        real = objects != 0  # pdfium's generated spaces and line ends have no text object
        boxes = np.zeros((n, 4), dtype=np.float32)  # left, top, right, bottom (PDF space, y up)
        base = boxes.ctypes.data
        list(map(c.box, [tp] * n, range(n), range(base, base + 16 * n, 16)))
        uniq, first, inverse = np.unique(objects, return_index=True, return_inverse=True)
        info = np.zeros((len(uniq), 4), dtype=np.float64)  # size, bottom (from the top), upright, font
        names: list[str] = []
        for k, (obj, i) in enumerate(zip(uniq.tolist(), first.tolist())):
            if not obj:
                info[k] = (0.0, 0.0, 0.0, -1)
                continue
            size, bottom, upright, name = self._object(c, tp, obj, i)
            if name not in names:
                names.append(name)
            info[k] = (size, bottom, upright, names.index(name))
        per = info[inverse]
        keep = real & (per[:, 0] > 0)
        idx = np.nonzero(keep)[0]
        if not len(idx):
            return [], 0
        codes, per, boxes = codes[idx], per[idx], boxes[idx]
        # the loose box's corners on the displayed page give x; the object gives the baseline
        ax, at = self._to_display(boxes[:, 0].astype(np.float64), boxes[:, 3].astype(np.float64))
        bx, bt = self._to_display(boxes[:, 2].astype(np.float64), boxes[:, 1].astype(np.float64))
        x0, x1 = np.minimum(ax, bx), np.maximum(ax, bx)
        size, bottom = per[:, 0], per[:, 1]
        top = bottom - size
        upright = per[:, 2] > 0
        font = per[:, 3]
        space = _IS_SPACE[np.minimum(codes, len(_IS_SPACE) - 1)]
        rotated_words = self._count_rotated(codes[~upright], space[~upright])
        sel = np.nonzero(upright)[0]
        if not len(sel):
            return [], rotated_words
        codes, x0, x1, top, bottom, size, font, space = (v[sel] for v in (codes, x0, x1, top, bottom, size, font, space))
        if _drawn_twice(codes, x0, top, space):
            keep = _dedupe(codes, x0, top, size, font)
            codes, x0, x1, top, bottom, size, font, space = (v[keep] for v in
                                                             (codes, x0, x1, top, bottom, size, font, space))
        return _group_words(codes, x0, x1, top, bottom, size, font, space, names), rotated_words

    def _codes(self, c: _C, tp: int, n: int) -> np.ndarray:
        buf = np.zeros(n + 1, dtype=np.uint16)
        got = c.get_text(tp, 0, n, buf.ctypes.data)
        units = buf[:max(0, min(got - 1, n))]
        if len(units) == n and not np.any((units >= 0xD800) & (units < 0xE000)):
            return units.astype(np.uint32)
        return np.fromiter(map(c.unicode, [tp] * n, range(n)), dtype=np.uint32, count=n)

    def _object(self, c: _C, tp: int, obj: int, i: int) -> tuple[float, float, float, str]:
        """(size, bottom on the displayed page, upright, font name) of a text object,
        read at its first character `i`: pdfminer's char size is the font size times the text
        matrix's vertical scale, its bottom the baseline plus the (negative) descent."""
        m = (ctypes.c_float * 6)()
        c.char_matrix(tp, i, ctypes.addressof(m))
        a, b, cc, d = self._rotate(m[0], m[1], m[2], m[3])
        fs = c.font_size(tp, i)
        scale = (m[2] ** 2 + m[3] ** 2) ** 0.5
        size = fs * scale
        ox, oy = ctypes.c_double(), ctypes.c_double()
        c.char_origin(tp, i, ctypes.addressof(ox), ctypes.addressof(oy))
        font = c.obj_font(obj)
        name, descent = self._font(c, font, fs)
        upright = 1.0 if (a * d > 0 and b * cc <= 0) else 0.0
        _x, baseline = self._to_display(ox.value, oy.value)
        base = baseline - descent * scale  # the descent is negative: the bottom is below the baseline
        return size, base, upright, name

    def _font(self, c: _C, font: int, fs: float) -> tuple[str, float]:
        """The font's name and its descent at size `fs` (points, negative)."""
        if not font:
            return "", 0.0
        if font not in self.fonts:
            buf = ctypes.create_string_buffer(256)
            length = c.font_name(font, buf, 256)
            name = buf.raw[:max(0, min(length, 256) - 1)].decode("utf-8", "replace")
            # a standard font the file does not embed: pdfminer's metrics, not pdfium's stand-in
            standard = None if c.font_embedded(font) else _STANDARD_DESCENT.get(name.split("+")[-1])
            self.fonts[font] = (name, standard)
        name, standard = self.fonts[font]
        if standard is not None:
            return name, standard * fs / 1000
        d = ctypes.c_float()
        descent = d.value if c.font_descent(font, ctypes.c_float(fs), ctypes.addressof(d)) else 0.0
        return name, descent

    def _count_rotated(self, codes: np.ndarray, space: np.ndarray) -> int:
        """Words set at an angle: runs of characters between spaces."""
        if not len(codes):
            return 0
        starts = ~space & np.concatenate(([True], space[:-1]))
        return int(starts.sum())

    # -- rulings ----------------------------------------------------------------------------
    def rulings(self) -> Rulings:
        """Thin lines and the edges of drawn rectangles and polylines, as pdfplumber's
        `page_rulings` reads its `page.edges` (`plumber.words`)."""
        c = _c()
        r = Rulings()
        page = _address(self.page.raw)
        identity = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
        stack = [(c.get_object(page, k), identity) for k in range(c.count_objects(page))]
        m = (ctypes.c_float * 6)()
        px, py = ctypes.c_float(), ctypes.c_float()
        pm, pxa, pya = ctypes.addressof(m), ctypes.addressof(px), ctypes.addressof(py)
        while stack:
            obj, parent = stack.pop()
            if not obj:
                continue
            kind = c.obj_type(obj)
            if kind not in (raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM):
                continue
            c.obj_matrix(obj, pm)
            matrix = _compose(tuple(m), parent)
            if kind == raw.FPDF_PAGEOBJ_FORM:
                stack.extend((c.form_object(obj, k), matrix) for k in range(c.form_count(obj)))
                continue
            n = c.segments(obj)
            if n <= 1 or n > MAX_PATH_SEGMENTS:
                continue
            points: list[tuple[float, float]] = []
            start: tuple[float, float] | None = None
            subpaths: list[list[tuple[float, float]]] = []
            for k in range(n):
                seg = c.segment(obj, k)
                c.segment_point(seg, pxa, pya)
                t = c.segment_type(seg)
                a, b, cc, d, e, f = matrix
                p = (a * px.value + cc * py.value + e, b * px.value + d * py.value + f)
                if t == raw.FPDF_SEGMENT_MOVETO:
                    if len(points) > 1:
                        subpaths.append(points)
                    points, start = [p], p
                    continue
                points.append(p)
                if c.segment_close(seg) and start is not None:
                    points.append(start)
            if len(points) > 1:
                subpaths.append(points)
            for pts in subpaths:
                self._edges(pts, r)
        return r

    def _edges(self, pts: list[tuple[float, float]], r: Rulings) -> None:
        shown = [self._to_display(x, y) for x, y in pts]
        for (xa, ya), (xb, yb) in zip(shown, shown[1:]):
            x0, x1, top, bottom = min(xa, xb), max(xa, xb), min(ya, yb), max(ya, yb)
            if abs(xa - xb) < 0.01 and bottom - top > 0.01:
                r.vertical.append(((x0 + x1) / 2, top, bottom))
            elif abs(ya - yb) < 0.01 and x1 - x0 > 0.01:
                r.horizontal.append(((top + bottom) / 2, x0, x1))
            elif x1 - x0 < 1.5 and bottom - top > 3:
                r.vertical.append(((x0 + x1) / 2, top, bottom))
            elif bottom - top < 1.5 and x1 - x0 > 3:
                r.horizontal.append(((top + bottom) / 2, x0, x1))


def _compose(m: tuple, parent: tuple) -> tuple:
    """m then parent (PDF row-vector convention: p' = p · m · parent)."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = parent
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _drawn_twice(codes: np.ndarray, x0: np.ndarray, top: np.ndarray, space: np.ndarray) -> bool:
    """Does any glyph stand twice at (almost) the same place (fake bold)? As `plumber.words`:
    the same character at the same rounded x and top."""
    keep = ~space
    if keep.sum() < 2:
        return False
    key = ((codes[keep].astype(np.int64) << 32) | ((np.round(x0[keep]).astype(np.int64) & 0xFFFF) << 16)
           | (np.round(top[keep]).astype(np.int64) & 0xFFFF))
    key.sort()
    return bool(np.any(key[1:] == key[:-1]))


def _dedupe(codes, x0, top, size, font) -> np.ndarray:
    """Indices of the characters pdfplumber's `dedupe_chars(tolerance=1)` keeps: the first of
    characters with the same text, font and size within 1 pt of each other."""
    kept: list[int] = []
    # kept spots by character and 1-pt cell: a spot within 1 pt is in one of the 3 x 3 cells
    # around (scanning every kept spot of a character was quadratic: 10,000 zeros on a page)
    cells: dict[tuple, list[tuple[float, float]]] = {}
    for i in range(len(codes)):
        key = (int(codes[i]), float(size[i]), int(font[i]))
        x, t = float(x0[i]), float(top[i])
        if math.isfinite(x) and math.isfinite(t):
            cx, ct = math.floor(x), math.floor(t)
            home = (key, cx, ct)
            near = [(key, cx + dx, ct + dt) for dx in (-1, 0, 1) for dt in (-1, 0, 1)]
        else:  # never within 1 pt of anything (as NaN and infinite compare)
            home = (key, None, None)
            near = [home]
        if any(abs(px - x) <= 1 and abs(pt - t) <= 1 for cell in near for px, pt in cells.get(cell, ())):
            continue
        cells.setdefault(home, []).append((x, t))
        kept.append(i)
    return np.array(kept, dtype=np.int64)


def _group_words(codes, x0, x1, top, bottom, size, font, space, names: list[str]) -> list[Word]:
    """pdfplumber's word rule over characters in content order (see the module docstring)."""
    n = len(codes)
    order = np.arange(n)
    # runs of one (size, font) in content order: pdfplumber's groupby on the extra attributes
    change = np.ones(n, dtype=bool)
    change[1:] = (size[1:] != size[:-1]) | (font[1:] != font[:-1])
    run = np.cumsum(change)
    # lines within a run: tops clustered with a chained tolerance (cluster_objects)
    by_top = np.argsort(run * 1e5 + top, kind="stable")  # by run, then top (tops are < 1e5 points)
    t_sorted, r_sorted = top[by_top], run[by_top]
    new_line = np.ones(n, dtype=bool)
    new_line[1:] = (r_sorted[1:] != r_sorted[:-1]) | (t_sorted[1:] - t_sorted[:-1] > Y_TOLERANCE)
    line = np.empty(n, dtype=np.int64)
    line[by_top] = np.cumsum(new_line)
    # within a line: by x0, then x1, stable in content order
    key = line * 1e6 + x0
    s = np.argsort(key, kind="stable")
    ks = key[s]
    if np.any(ks[1:] == ks[:-1]):  # characters at the same x: x1 decides, as in pdfplumber
        s = np.lexsort((order, x1, x0, line))
    sx0, sx1, stop, ssp, sline = x0[s], x1[s], top[s], space[s], line[s]
    starts = ~ssp
    if n > 1:
        prev_space = np.concatenate(([True], ssp[:-1]))
        other_line = np.concatenate(([True], sline[1:] != sline[:-1]))
        back = np.concatenate(([True], sx0[1:] < sx0[:-1]))
        gap = np.concatenate(([True], sx0[1:] > sx1[:-1] + X_TOLERANCE))
        jump = np.concatenate(([True], np.abs(stop[1:] - stop[:-1]) > Y_TOLERANCE))
        starts &= prev_space | other_line | back | gap | jump
    chars = ~ssp
    if not chars.any():
        return []
    word_id = np.cumsum(starts) - 1  # meaningful where `chars`
    idx = np.nonzero(chars)[0]
    wid = word_id[idx]
    bounds = np.nonzero(np.concatenate(([True], wid[1:] != wid[:-1])))[0]
    cx0, cx1 = sx0[idx], sx1[idx]
    ctop, cbottom = stop[idx], bottom[s][idx]
    wx0 = np.minimum.reduceat(cx0, bounds)
    wx1 = np.maximum.reduceat(cx1, bounds)
    wtop = np.minimum.reduceat(ctop, bounds)
    wbottom = np.maximum.reduceat(cbottom, bounds)
    first = s[idx[bounds]]
    text = codes[s][idx].astype("<u4").tobytes().decode("utf-32-le", "replace")
    ends = np.append(bounds[1:], len(idx)).tolist()
    bold = [bool(_BOLD.search(name)) for name in names]
    sizes, fonts = size[first].tolist(), font[first].astype(np.int64).tolist()
    out: list[Word] = []
    for a, b, x0_, x1_, t0, b0, sz, f in zip(bounds.tolist(), ends, wx0.tolist(), wx1.tolist(), wtop.tolist(),
                                             wbottom.tolist(), sizes, fonts):
        t = text[a:b]
        if not t.isascii():
            t = t.translate(_LIGATURES).strip()
        if t:
            out.append(Word(t, x0_, x1_, t0, b0, sz, bold[f]))
    return out


class PdfiumPages:
    """The default engine's view of the pages of a pdfium document (as `plumber.PlumberPages`)."""

    name = "pdfium"

    def __init__(self, pdf: pdfium.PdfDocument, diagnostics: list, source_file: str):
        self.pdf = pdf

    def read(self, index: int, page: pdfium.PdfPage, textpage: pdfium.PdfTextPage) -> tuple[list[Word], int, Rulings]:
        geometry = PageGeometry(page)
        words, rotated = geometry.words(textpage)
        return words, rotated, geometry.rulings()

    def close(self) -> None:
        pass

