"""Remembered answers about short texts (`models`): the parser and the sources ask the same
question of the same cell, word or line again and again (a report repeats its headers, labels
and value cells), so pure functions of one text keep their answers, for short texts only. A
hostile line of megabytes is computed each time and never kept, so what a batch worker holds
stays bounded however long the lines of its documents are."""
from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import TypeVar

T = TypeVar("T")


def remember_short(maxsize: int, longest: int = 200) -> Callable[[Callable[[str], T]], Callable[[str], T]]:
    """Cache a function of one text (least recently used, `maxsize` answers) for texts of at
    most `longest` characters (and None)."""
    def wrap(fn: Callable[[str], T]) -> Callable[[str], T]:
        cached = lru_cache(maxsize=maxsize)(fn)

        @wraps(fn)
        def call(text: str) -> T:
            return cached(text) if text is None or len(text) <= longest else fn(text)

        call.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
        return call
    return wrap
