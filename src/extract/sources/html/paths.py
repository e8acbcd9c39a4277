"""CSS-like element paths for HTML provenance (HTML source, `sources/html`):
`main > div.content > table:nth-of-type(2) > tr:nth-of-type(3) > td:nth-of-type(2)`.

A path starts below `<body>` or at the nearest ancestor with an id (`div#content > ...`), so it
stays short and works as a selector in the browser's developer tools. Paths are cached per
element (by identity: bs4's own hash serialises the whole subtree).
"""
from __future__ import annotations

import re

from bs4 import Tag

from ...layout import Origin

_SAFE_NAME = re.compile(r"^[A-Za-z_][\w-]*$")
_ROOTS = {"body", "html", "[document]"}
_MAX_SEGMENTS = 24  # deeper paths keep their last steps after an ellipsis


class ElementPaths:
    """Computes and caches the path of each element of one parsed page."""

    def __init__(self, lines: dict[int, int] | None = None) -> None:
        # element id -> (its last path segments, whether earlier segments were left out)
        self._steps: dict[int, tuple[tuple[str, ...], bool]] = {}
        self._positions: dict[int, dict[int, tuple[int, int]]] = {}
        self._lines = lines or {}  # element id -> source line where it starts (`source_lines`)

    def origin(self, el: Tag | None) -> Origin:
        """Where `el` is: its path and, when known, the source line it starts on."""
        if el is None:
            return Origin()
        return Origin(line=self._lines.get(id(el)), element=self.path(el))

    def path(self, el: Tag | None) -> str | None:
        if el is None or el.name in _ROOTS:
            return None
        steps, elided = self._steps_of(el)
        return ("… > " if elided else "") + " > ".join(steps)

    def _steps_of(self, el: Tag) -> tuple[tuple[str, ...], bool]:
        """The segments of `el`'s path, built from its nearest ancestor already known (one
        walk up, then down again caching every ancestor: no recursion, deep trees are fine)."""
        chain: list[Tag] = []
        node: Tag | None = el
        while node is not None and node.name not in _ROOTS and id(node) not in self._steps:
            chain.append(node)
            node = node.parent
        steps, elided = self._steps[id(node)] if node is not None and id(node) in self._steps else ((), False)
        for item in reversed(chain):
            segment, anchored = self._segment(item)
            if anchored:
                steps, elided = (segment,), False
            else:
                steps = steps + (segment,)
                if len(steps) > _MAX_SEGMENTS:
                    steps, elided = steps[-_MAX_SEGMENTS:], True
            self._steps[id(item)] = (steps, elided)
        return steps, elided

    def keep_position(self, el: Tag) -> None:
        """Note where `el` sits among its siblings before it is taken out of the tree, so the
        paths of the elements that stay still count it (paths describe the page as saved)."""
        self._position(el)

    def _segment(self, el: Tag) -> tuple[str, bool]:
        """One step of a path, and whether it is anchored by an id (the path stops there)."""
        ident = el.get("id")
        if isinstance(ident, str) and _SAFE_NAME.match(ident):
            return f"{el.name}#{ident}", True
        segment = el.name
        classes = el.get("class") or []
        first = next((c for c in classes if _SAFE_NAME.match(c)), None)
        if first:
            segment += f".{first}"
        index, count = self._position(el)
        if count > 1:
            segment += f":nth-of-type({index})"
        return segment, False

    def _position(self, el: Tag) -> tuple[int, int]:
        """(1-based index among siblings of the same tag, number of such siblings)."""
        parent = el.parent
        if parent is None:
            return 1, 1
        table = self._positions.get(id(parent))
        if table is None:
            counts: dict[str, int] = {}
            order: list[tuple[Tag, int]] = []
            for child in parent.children:
                if isinstance(child, Tag):
                    counts[child.name] = counts.get(child.name, 0) + 1
                    order.append((child, counts[child.name]))
            table = {id(child): (k, counts[child.name]) for child, k in order}
            self._positions[id(parent)] = table
        return table.get(id(el), (1, 1))
