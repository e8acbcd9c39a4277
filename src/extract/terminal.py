"""Plain-text tables for the terminal summaries of check, compare and series: aligned
columns, long cells shortened, no dependency beyond the standard library."""
from __future__ import annotations

from collections.abc import Sequence


def shorten(text: object, width: int) -> str:
    """The cell as one line of at most `width` characters (an ellipsis marks a cut)."""
    s = "" if text is None else " ".join(str(text).split())
    if s in ("None", "nan"):
        return ""
    return s if len(s) <= width else s[: max(width - 1, 0)] + "…"


def text_table(headers: Sequence[str], rows: Sequence[Sequence[object]], max_width: int = 60,
               indent: str = "  ") -> str:
    """Rows under headers, columns padded to their widest cell (at most `max_width`); the
    last column is not padded."""
    cells = [[shorten(c, max_width) for c in row] for row in rows]
    widths = [max([len(h)] + [len(r[k]) for r in cells]) for k, h in enumerate(headers)]

    def line(values: Sequence[str]) -> str:
        padded = [v.ljust(w) for v, w in zip(values[:-1], widths[:-1])] + [values[-1]]
        return (indent + "  ".join(padded)).rstrip()

    out = [line(list(headers)), line(["-" * w for w in widths])]
    out.extend(line(r) for r in cells)
    return "\n".join(out)
