"""The limits of a conversion: the time one document may take and the processes a batch uses.

Part of the library API (`api/`); standard library only, so the CLI can show the defaults in its
help without importing the converter.
"""
from __future__ import annotations

import gc
import os
import signal
import threading
from contextlib import contextmanager

DEFAULT_TIMEOUT = 300.0


class ConversionTimeout(Exception):
    pass


@contextmanager
def time_limit(seconds: float | None):
    """Raise ConversionTimeout after `seconds` (POSIX, main thread; otherwise no limit)."""
    if not seconds or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum, frame):
        raise ConversionTimeout(f"conversion took longer than {seconds:g} s")

    old = signal.signal(signal.SIGALRM, handler)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


@contextmanager
def collector_paused(pause: bool = True):
    """Python's cyclic garbage collector off while a document is read (`pause`): a report of
    millions of lines makes millions of objects that all live to the end, and the collector
    walked them again and again (30 % of the time of a 7 MB text). Not for PDFs, whose pages
    leave cycles behind one by one. Left as it was when it was already off. On the way out, the
    objects made are put in the oldest generation unwalked."""
    if not pause or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        # what the conversion made lives on (it is the document): straight to the oldest
        # generation, where the collector meets it only in a full collection, instead of a young
        # one that the next collections walk whole (and then promote: one pass over millions of
        # objects, charged to whatever the caller does next, e.g. the writers). Not when the
        # program keeps objects frozen itself: unfreezing would give it back its own.
        if gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        gc.enable()


def cores() -> int:
    """The cores this process may run on (its CPU affinity, else the machine's count): the most
    worker processes a batch starts."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1
