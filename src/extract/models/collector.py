"""Python's cyclic garbage collector paused over work that makes millions of objects and no
cycles: reading a long report (whose objects all live on, as the document) and writing its
tables (whose rows are dropped again). Standard library only."""
from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import TypeVar

T = TypeVar("T")


@contextmanager
def collector_paused(pause: bool = True, *, keep: bool = True) -> Iterator[None]:
    """The cyclic collector off inside (`pause`): a report of millions of lines makes millions of
    objects, and the collector walked the live ones again and again (30 % of the time of a 7 MB
    text, 20 % of writing its tables). Not for PDFs, whose pages leave cycles behind one by one.
    Left as it was when it was already off. `keep`: what was made inside lives on (it is the
    document): on the way out it goes to the oldest generation unwalked."""
    if not pause or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        # what the conversion made lives on: straight to the oldest generation, where the
        # collector meets it only in a full collection, instead of a young one that the next
        # collections walk whole (and then promote: one pass over millions of objects, charged to
        # whatever the caller does next, e.g. the writers). Not when the program keeps objects
        # frozen itself: unfreezing would give it back its own.
        if keep and gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        gc.enable()


def without_collector(func: Callable[..., T]) -> Callable[..., T]:
    """`func` run with the collector paused, keeping nothing (a writer: its rows are dropped)."""
    @wraps(func)
    def run(*args, **kwargs) -> T:
        with collector_paused(keep=False):
            return func(*args, **kwargs)
    return run
