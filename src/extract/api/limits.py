"""The limits of a conversion: the time one document may take and the processes a batch uses.

Part of the library API (`api/`); standard library only, so the CLI can show the defaults in its
help without importing the converter.
"""
from __future__ import annotations

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


def cores() -> int:
    """The cores this process may run on (its CPU affinity, else the machine's count): the most
    worker processes a batch starts."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1
