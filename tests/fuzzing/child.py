"""What a fuzz child does with one input file: `extract.convert` it, check what came back, write
it the way `extract convert` does, and (for some inputs) run the CLI on it and convert it twice.

`check_file` returns a small JSON-able dict; each problem in its `problems` list is a
`(kind, place, detail)` triple: `kind` says what went wrong (`escaped`, `internal_error`,
`no_reason`, `writer`, `cli`, `nondeterministic`, `out_of_memory`), `place` where in our code
(`extract/parse/indicators.py in split_markers`), so problems are bucketed by
`(kind, exception type, place)`.
"""
from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import tempfile
import time
import traceback
from pathlib import Path

_INTERNAL_AT = re.compile(r"(?P<type>\w+): .*? at (?P<file>extract/[\w/]+\.py):(?P<line>\d+) in (?P<func>\w+)", re.DOTALL)


def _place(exc: BaseException) -> tuple[str, int | None]:
    """The innermost frame of the traceback in our package (else the innermost of all)."""
    frames = list(traceback.walk_tb(exc.__traceback__))
    ours = [(f, n) for f, n in frames if f.f_globals.get("__name__", "").startswith("extract")]
    frame, line = (ours or frames or [(None, None)])[-1]
    if frame is None:
        return "?", None
    name = frame.f_globals.get("__name__", "?").replace(".", "/")
    return f"{name}.py in {frame.f_code.co_name}", line


def _exception(kind: str, exc: BaseException) -> dict:
    place, line = _place(exc)
    return {"kind": kind, "type": type(exc).__name__, "place": place, "line": line,
            "detail": f"{type(exc).__name__}: {str(exc)[:300]}",
            "traceback": "".join(traceback.format_exception(exc))[-3000:]}


def _problems_of(doc) -> list[dict]:
    out = []
    for d in doc.diagnostics:
        if d.code == "internal_error":
            m = _INTERNAL_AT.search(d.message)
            place = f"{m.group('file')} in {m.group('func')}" if m else "?"
            out.append({"kind": "internal_error", "type": m.group("type") if m else "?", "place": place,
                        "line": int(m.group("line")) if m else None, "detail": d.message[:400]})
        elif d.code == "parse_error" and "out of memory" in d.message:
            out.append({"kind": "out_of_memory", "type": "MemoryError", "place": "convert", "line": None,
                        "detail": d.message[:300]})
    if doc.status == "failed":
        errors = [d for d in doc.diagnostics if d.severity == "error"]
        named = [d for d in errors if d.message.strip() and (d.location or "").startswith(doc.source_file)]
        if not named:
            out.append({"kind": "no_reason", "type": "-", "place": "failed document", "line": None,
                        "detail": f"failed without an error naming {doc.source_file}: "
                                  f"{[(d.code, d.location) for d in doc.diagnostics][:5]}"})
    return out


def _run_cli(path: Path, out: Path, status: str) -> list[dict]:
    from extract.cli import cli
    stdout, stderr = io.StringIO(), io.StringIO()
    code = 0
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            cli.main(["convert", str(path), "--out", str(out), "--quiet", "--timeout", "0", "--jobs", "1",
                      "--no-progress"], prog_name="extract", standalone_mode=False)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    except BaseException as exc:  # the CLI must never let one escape: that is the finding
        return [_exception("cli", exc)]
    want = 1 if status == "failed" else 0
    problems = []
    if code != want:
        problems.append({"kind": "cli", "type": "exit", "place": "extract convert", "line": None,
                         "detail": f"exit status {code} for a {status} document (expected {want})"})
    if "Traceback" in stdout.getvalue() + stderr.getvalue():
        problems.append({"kind": "cli", "type": "traceback", "place": "extract convert", "line": None,
                         "detail": stderr.getvalue()[-500:]})
    return problems


def check_file(path: Path, scratch: Path, *, with_cli: bool, twice: bool, write: bool = True) -> dict:
    """Convert `path` and check the result; `scratch` is a folder for the writers' output
    (`write`: write the JSON and CSV tables too)."""
    import extract
    from extract.writers import write_document_json, write_tables
    result: dict = {"problems": [], "status": None, "cpu": None, "wall": None, "diagnostics": []}
    cpu, wall = time.process_time(), time.perf_counter()
    try:
        doc = extract.convert(path)
    except BaseException as exc:  # an exception escaping convert is what the fuzz suite looks for
        result["cpu"], result["wall"] = time.process_time() - cpu, time.perf_counter() - wall
        result["problems"].append(_exception("escaped", exc))
        return result
    result["cpu"], result["wall"] = time.process_time() - cpu, time.perf_counter() - wall
    result["status"] = doc.status
    result["diagnostics"] = sorted({d.code for d in doc.diagnostics})
    result["counts"] = [len(doc.goals), len(doc.performances), len(doc.indicators), len(doc.values)]
    result["problems"].extend(_problems_of(doc))
    out = Path(tempfile.mkdtemp(dir=scratch))
    try:
        try:
            if write:
                write_document_json(out, doc)
                write_tables(out, [doc])
        except Exception as exc:
            result["problems"].append(_exception("writer", exc))
        if twice:
            again = extract.convert(path)
            if again.model_dump_json() != doc.model_dump_json():
                result["problems"].append({"kind": "nondeterministic", "type": "-", "place": "convert", "line": None,
                                           "detail": "two conversions of the same file differ"})
        if with_cli:
            status, doc, again = doc.status, None, None   # the CLI converts on its own: as a user's run, without ours held
            result["problems"].extend(_run_cli(path, out / "cli", status))
    finally:
        shutil.rmtree(out, ignore_errors=True)
    return result


def warm_up(samples: list[Path], scratch: Path) -> None:
    """Import every reader and writer and run each once, so forked children start warm."""
    import extract.cli.convert  # noqa: F401
    import extract.sources.html.page  # noqa: F401
    import extract.sources.pdf.document  # noqa: F401
    import extract.sources.text.plain  # noqa: F401
    with open(os.devnull, "w") as sink, contextlib.redirect_stdout(sink):
        for path in samples:
            check_file(path, scratch, with_cli=True, twice=False)
