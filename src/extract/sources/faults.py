"""Damage or bug: an exception raised while a source reads a file, told apart by where it was
raised.

Reading a damaged file makes the libraries that parse it (pdfminer, pdfplumber, pypdfium2) raise
plain `KeyError`s, `TypeError`s and the like, which is the input's fault: the source reports the
part it could not read and goes on. The very same exceptions raised by our own code are bugs and
must never pass for damage: they become an `internal_error` diagnostic (severity error, so the
document is `partial`) that names the file, the page and the code location where our package
raised it (`extract/sources/pdf/furniture.py:73 in drop_furniture`, the form the batch's own
`internal_error` uses).

Which one it was is read off the traceback: the innermost frame that belongs either to our package
or to one of the file's libraries decides (standard-library frames in between are passed over: a
`sorted()` or `statistics` call that fails on our data is still our bug).
"""
from __future__ import annotations

import traceback
from dataclasses import dataclass
from pathlib import Path

from ..models import Diagnostic

PACKAGE = __name__.split(".")[0]
_PACKAGE_DIR = Path(__file__).resolve().parent.parent


@dataclass(frozen=True, slots=True)
class CodeLocation:
    module: str      # extract.sources.pdf.furniture
    file: str        # extract/sources/pdf/furniture.py
    line: int
    function: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line} in {self.function}"


def _file(filename: str, module: str) -> str:
    path = Path(filename).resolve()
    if path.is_relative_to(_PACKAGE_DIR):
        return path.relative_to(_PACKAGE_DIR.parent).as_posix()
    return module.replace(".", "/") + ".py"


def _within(module: str, packages: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in packages)


def raised_in_our_code(exc: BaseException, libraries: tuple[str, ...]) -> CodeLocation | None:
    """Where in our package `exc` was raised, or None when one of `libraries` raised it."""
    for frame, line in reversed(list(traceback.walk_tb(exc.__traceback__))):
        module = frame.f_globals.get("__name__", "")
        if _within(module, libraries):
            return None
        if _within(module, (PACKAGE,)):
            return CodeLocation(module, _file(frame.f_code.co_filename, module), line, frame.f_code.co_name)
    return None


def internal_error(exc: BaseException, where: CodeLocation, source_file: str, page: int | None) -> Diagnostic:
    """The diagnostic of a bug in our code met while reading `source_file` (at `page`)."""
    place = f"{source_file}, page {page}" if page is not None else source_file
    return Diagnostic(
        severity="error", code="internal_error",
        message=(f"internal error reading {place}: {type(exc).__name__}: {str(exc)[:200]} at {where} "
                 f"(a bug in {PACKAGE}, not damage in the file)"),
        location=place)
