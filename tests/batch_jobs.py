"""Conversion functions the batch tests hand to `extract.api.runs.run` in place of
`extract.api.conversion.convert`: importable by name, so a worker process can run them."""
from __future__ import annotations

import os

from extract.api.conversion import convert


def dies_on_crash_me(path, **kwargs):
    """Convert, except that the worker dies on a file named crash-me* (as a segfault would)."""
    if os.path.basename(str(path)).startswith("crash-me"):
        os._exit(70)
    return convert(path, **kwargs)
