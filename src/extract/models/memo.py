"""Remembered answers about short texts (`models`): the parser and the sources ask the same
question of the same cell, word or line again and again (a report repeats its headers, labels
and value cells), so pure functions of one text keep their answers, for short texts only. A
hostile line of megabytes is computed each time and never kept, so what a batch worker holds
stays bounded however long the lines of its documents are.

The answers live in a dict whose lookup is the function itself: a text asked before costs one
dict lookup in C, with no Python call around it (the readers ask millions of times in a large
report, where a wrapper function and an LRU cache cost a third of a second per million). A
text not asked before goes to `__missing__`, which computes the answer and keeps it when the
text is short; a full table of answers is emptied and starts again (a bound, not an LRU order:
the questions of a report repeat from its start to its end)."""
from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class _Answers(dict):
    """Answers of `fn` by text: `answers[text]` is `fn(text)`, kept when `text` is short."""
    __slots__ = ("fn", "maxsize", "longest")

    def __missing__(self, text):
        value = self.fn(text)
        if text is None or len(text) <= self.longest:
            if len(self) >= self.maxsize:
                self.clear()
            self[text] = value
        return value


def remember_short(maxsize: int, longest: int = 200) -> Callable[[Callable[[str], T]], Callable[[str], T]]:
    """Cache a function of one text (at most `maxsize` answers) for texts of at most `longest`
    characters (and None). The cached function is the bound lookup of its table of answers."""
    def wrap(fn: Callable[[str], T]) -> Callable[[str], T]:
        answers = _Answers()
        answers.fn, answers.maxsize, answers.longest = fn, maxsize, longest
        return answers.__getitem__
    return wrap
