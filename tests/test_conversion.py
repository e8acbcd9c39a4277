"""The library's conversion entry (`extract.api.conversion`): a bug met while converting one file
becomes an `internal_error` that says where it was raised, and the module can be patched by name."""
from __future__ import annotations

import gc
import sys
import re
from pathlib import Path
from unittest import mock

import extract
import extract.api.conversion as conversion
from extract.models.collector import collector_paused
from conftest import SAMPLES, run_cli
from extract.parse.records import RecordParser
from extract.sources import SourceError

SEED = SAMPLES / "000_77f27bb01ce9e9d5.txt"
SRC = Path(conversion.__file__).resolve().parent.parent.parent   # src/


def _broken_run(self):
    raise KeyError("x")


def _internal_error(doc) -> str:
    [d] = [d for d in doc.diagnostics if d.code == "internal_error"]
    assert doc.status == "failed" and d.severity == "error" and str(SEED) in d.location
    return d.message


def test_internal_error_names_the_innermost_frame_of_the_package(monkeypatch):
    monkeypatch.setattr(RecordParser, "run", _broken_run)   # raised outside the package, called from it
    message = _internal_error(extract.convert_batch([SEED]).documents[0])
    m = re.fullmatch(r"KeyError: 'x' at (extract/parse/document\.py):(\d+) in parse_layout", message)
    assert m, message
    line = (SRC / m.group(1)).read_text(encoding="utf-8").splitlines()[int(m.group(2)) - 1]
    assert "parser.run()" in line


def test_internal_error_location_reaches_the_command_line(monkeypatch, tmp_path):
    monkeypatch.setattr(RecordParser, "run", _broken_run)
    r = run_cli("convert", str(SEED), "--out", str(tmp_path))
    assert r.returncode == 1
    assert re.search(r"failed: .*000_77f27bb01ce9e9d5\.txt: KeyError: 'x' at extract/parse/document\.py:\d+ in "
                     r"parse_layout", r.stderr), r.stderr


def test_raised_at_is_none_without_a_frame_of_the_package():
    try:
        _broken_run(None)
    except KeyError as exc:
        assert conversion.raised_at(exc) is None


def test_the_conversion_module_is_a_module_and_patchable_by_name():
    assert isinstance(extract.convert, type(_broken_run)) and extract.convert is conversion.convert
    with mock.patch("extract.api.conversion.read_layout", side_effect=SourceError("patched", page=3)):
        doc = extract.convert(SEED)
    assert doc.status == "failed" and doc.diagnostics[0].message == "patched" and "page 3" in doc.diagnostics[0].location


def test_what_a_conversion_made_goes_to_the_oldest_generation_unwalked():
    with collector_paused():
        made = [[] for _ in range(5000)]
    assert gc.isenabled()
    young = {id(o) for generation in (0, 1) for o in gc.get_objects(generation=generation)}
    assert not any(id(o) in young for o in made + [made])
    assert any(o is made for o in gc.get_objects(generation=2))


def test_a_program_s_own_frozen_objects_stay_frozen_through_a_conversion():
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with collector_paused():
            pass
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_writing_the_tables_runs_no_collection_and_leaves_the_collector_on(tmp_path):
    """The writers make a row per record and drop them again: the collector is paused while they
    run (it used to walk the document's objects again and again: 20 % of writing a 7 MB text's
    tables), and on again afterwards."""
    from extract.writers import write_tables
    doc = extract.convert(SEED)
    runs: list[str] = []   # a collection's innermost frame in the writers, or '' when outside them

    def counted(phase, info):
        if phase == "start":
            frame = sys._getframe(1)
            while frame is not None and "extract/writers" not in frame.f_code.co_filename.replace("\\", "/"):
                frame = frame.f_back
            runs.append(frame.f_code.co_name if frame is not None else "")

    gc.callbacks.append(counted)
    old = gc.get_threshold()
    gc.set_threshold(1)   # a collection on nearly every allocation, unless paused
    try:
        write_tables(tmp_path, [doc] * 20)
        [[] for _ in range(100)]
    finally:
        gc.set_threshold(*old)
        gc.callbacks.remove(counted)
    assert gc.isenabled()
    assert [r for r in runs if r] == []
    assert "" in runs   # the test would see them: outside the writers collections ran
