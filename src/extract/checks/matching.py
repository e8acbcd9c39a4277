"""Matching the records of two editions: by code first, then by wording for what is left
(Leiden renumbered `2A1.1` to `2A101` in 2025; a performance can move to another goal).

Wording is compared after normalising case, quotes, punctuation and white space, with difflib's
SequenceMatcher ratio; pairs at or above the threshold (0.8) are matched, best first.

Part of `checks/` (across editions): `comparison` pairs goals, performances and indicators with it.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Generic, Literal, TypeVar

from .keys import code_key

T = TypeVar("T")

SIMILAR = 0.8

_NON_WORD = re.compile(r"[^\w%€]+")


def normalise(text: str | None) -> str:
    """Text reduced to what wording comparison should see: lower case, no accents' variants
    (NFC), punctuation and quotes as spaces, single spaces."""
    text = unicodedata.normalize("NFC", text or "").lower()
    return " ".join(_NON_WORD.sub(" ", text).split())


def similarity(a: str | None, b: str | None) -> float:
    """How alike two wordings are, 0-1 (1: equal once normalised), rounded to 3 decimals."""
    na, nb = normalise(a), normalise(b)
    if na == nb:
        return 1.0
    return round(SequenceMatcher(None, na, nb, autojunk=False).ratio(), 3)


@dataclass(frozen=True)
class Pair(Generic[T]):
    """A record of the old edition and its counterpart in the new one (either may be None:
    removed or added). `by` says how they were matched."""

    old: T | None
    new: T | None
    similarity: float | None = None
    by: Literal["code", "wording"] | None = None


def pair_records(old: Sequence[T], new: Sequence[T], code: Callable[[T], str], text: Callable[[T], str],
                 threshold: float = SIMILAR) -> list[Pair[T]]:
    """Pairs of old and new records: same code first; then, among the unmatched, the most
    similar wording at or above `threshold`; the rest unpaired. Sorted by code."""
    new_by_code: dict[str, T] = {}
    for r in new:
        new_by_code.setdefault(code(r), r)
    pairs: list[Pair[T]] = []
    used_new: set[int] = set()
    left_old: list[T] = []
    for r in old:
        match = new_by_code.get(code(r))
        if match is not None and id(match) not in used_new:
            used_new.add(id(match))
            pairs.append(Pair(r, match, similarity(text(r), text(match)), "code"))
        else:
            left_old.append(r)
    left_new = [r for r in new if id(r) not in used_new]
    candidates = sorted(((similarity(text(o), text(n)), i, j) for i, o in enumerate(left_old)
                         for j, n in enumerate(left_new)), key=lambda c: (-c[0], c[1], c[2]))
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    for score, i, j in candidates:
        if score < threshold:
            break
        if i in taken_old or j in taken_new:
            continue
        taken_old.add(i)
        taken_new.add(j)
        pairs.append(Pair(left_old[i], left_new[j], score, "wording"))
    pairs.extend(Pair(o, None) for i, o in enumerate(left_old) if i not in taken_old)
    pairs.extend(Pair(None, n) for j, n in enumerate(left_new) if j not in taken_new)
    pairs.sort(key=lambda p: code_key(code(p.new if p.new is not None else p.old)))
    return pairs
