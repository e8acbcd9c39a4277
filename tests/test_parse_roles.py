"""What `extract inspect` shows comes from the parser's roles: one role per unit, each naming
what that unit was read as (regression: a code in a cell of its own, its title in the next,
appended a role twice and shifted every later label by one)."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SAMPLES
from extract.parse.document import record_parser
from extract.sources import read_layout

TEXT_SAMPLES = sorted(p for p in SAMPLES.rglob("*.txt"))


def _roles(path: Path) -> list[tuple[str, str]]:
    layout = read_layout(path, path.read_bytes(), str(path))
    parser, _ = record_parser(layout)
    parser.run()
    assert len(parser.roles) == len(parser.units)
    return [(getattr(u, "text", "<table>"), role) for u, role in zip(parser.units, parser.roles)]


@pytest.mark.parametrize("path", TEXT_SAMPLES, ids=lambda p: p.name)
def test_one_role_per_unit(path):
    _roles(path)


def test_code_in_own_cell_labels_the_code_and_its_title_then_the_next_line():
    roles = dict(_roles(SAMPLES / "text" / "7b-onderwijs-codes-in-own-cells-prognose-column.txt"))
    assert roles["7B1"] == "goal 7B1"
    assert roles["Alle kinderen gaan naar school"] == "goal 7B1 (title)"
    assert roles["7B1.1"] == "performance 7B1.1"
    assert roles["Handhaven van de leerplicht"] == "performance 7B1.1 (title)"
    assert roles["Bestrijden van voortijdig schoolverlaten"] == "performance 7B1.2 (title)"
    assert roles["Effectindicatoren bij 7B Onderwijs"] == "section heading"


def test_the_reader_gate_turns_away_only_lines_no_reader_takes():
    """A short line the parser's gate turns away goes straight to prose: under every built-in
    profile, every line of the text samples the gate turns away is one that each of the
    profile's readers returns None for (the gate asks each reader's first question once per
    text; a repeated value cell then costs one lookup instead of seven readers)."""
    from extract.layout import Block, Layout, Line, Origin
    from extract.models.values import clean_text
    from extract.parse import records
    from extract.parse.records import RecordParser
    from extract.parse.units import Unit
    from extract.profiles import registry
    texts = sorted({clean_text(line) for f in TEXT_SAMPLES
                    for line in f.read_text(encoding="utf-8", errors="replace").splitlines()} - {""})
    texts += ["7,3", "-", "2019", "Doel 1: Meer banen", "1.1 Wij doen", "Realisatie 2020", "8C1.a Aantal"]
    layout = Layout(source_file="gate.txt", format="text",
                    blocks=[Block("paragraph", [Line(t, Origin(None, k))]) for k, t in enumerate(texts, 1)])
    turned_away = 0
    for name in registry.profiles():
        parser = RecordParser(layout, profile=registry.get(name))
        for i, u in enumerate(parser.units):
            if isinstance(u, Unit) and len(u.text) <= records._GATED_UP_TO and not parser._may_take(u.text):
                turned_away += 1
                for read in parser._readers:
                    assert read(parser, i, u) is None, (name, u.text, read.__name__)
    assert turned_away > len(texts)


def _with_value_runs(path: Path) -> bytes:
    """A sample with runs of bare value cells, dashes and years put between its paragraphs."""
    out = []
    for k, line in enumerate(path.read_text(encoding="utf-8", errors="replace").split("\n")):
        out.append(line)
        if not line.strip() and k % 3 == 0:
            out.extend(["7,3", "", "-", "", "2019", "", "12 %", ""])
    return "\n".join(out).encode("utf-8")


@pytest.mark.parametrize("path", TEXT_SAMPLES + sorted(SAMPLES.rglob("*.html"))[:6], ids=lambda p: p.name)
@pytest.mark.parametrize("runs", [False, True], ids=["as-is", "value-runs"])
def test_a_run_of_prose_read_at_once_reads_as_line_by_line(path, runs, monkeypatch):
    """The parser at rest reads a run of lines no reader may take in one loop: the roles and
    records are those of reading them one step at a time (on each sample, and on each text
    sample with runs of value cells put between its paragraphs)."""
    from extract.parse.records import RecordParser
    if runs and path.suffix != ".txt":
        pytest.skip("value runs are put into texts")
    data = _with_value_runs(path) if runs else path.read_bytes()

    def parsed():
        layout = read_layout(path, data, str(path))
        parser, _ = record_parser(layout)
        result = parser.run()
        return parser.roles, result

    roles, result = parsed()
    monkeypatch.setattr(RecordParser, "_prose_run", lambda self, i: i)
    assert parsed() == (roles, result)


def test_a_goal_label_glued_onto_the_text_before_it_starts_a_goal():
    """`...in duizenden euro'sDoelstelling 1` (a PDF's text run together): the goal starts at the
    glued label's capital, wherever the text before it ends in a letter, quote or dot; the cut
    points are those of the look-behind form of the pattern on every sample line."""
    import re as _re
    from extract.layout import Block, Layout, Line, Origin
    from extract.parse import numbered
    from extract.parse.records import RecordParser
    from extract.profiles import registry
    reference = _re.compile(r"(?<=[a-zà-ÿ'’.])(?=[A-Z][a-z]+(?:\s*\d))")
    texts = [line for f in TEXT_SAMPLES for line in f.read_text(encoding="utf-8", errors="replace").splitlines()]
    texts += ["in duizenden euro'sDoelstelling 1", "x.Doel 2", "aAb3Cd 4", "éDoelstelling 3", "Doelstelling 4"]
    for text in texts:
        assert [m.start() for m in numbered._GLUED.finditer(text)] == [m.start() for m in reference.finditer(text)], text
    layout = Layout(source_file="glued.txt", format="text", blocks=[
        Block("paragraph", [Line("Lasten in duizenden euro'sDoelstelling 1", Origin(None, 1))]),
        Block("paragraph", [Line("Meer mensen aan het werk", Origin(None, 3))])])
    parser = RecordParser(layout, profile=registry.get("bbv"))
    result = parser.run()
    assert [(g.code, g.title) for g in result.goals] == [("1", "Meer mensen aan het werk")]
    assert parser.roles[:2] == ["goal 1", "goal title"]


@pytest.mark.parametrize("origin, until", [
    ((None, 3, None, None, None), None), ((None, 3, None, None, None), (None, 5, None, None, None)),
    ((2, None, None, None, (1.0, 2.0, 3.0, 4.0)), None), ((None, 7, None, "div > p", None), None)])
def test_a_provenance_holds_every_field_of_its_origin(origin, until):
    """`provenance` of a text line leaves its empty fields out of the call: the record is the
    same as one made with every field (equal, and dumped to the same JSON)."""
    from extract.layout import Origin, provenance
    from extract.models import Provenance
    o = Origin(*origin)
    span = o.span(Origin(*until)) if until else o
    full = Provenance(source_file="a.txt", page=span.page, line_start=span.line,
                      line_end=span.line_end if span.line_end is not None else span.line,
                      element=span.element, bbox=span.bbox, raw="7,3")
    got = provenance("a.txt", o, "7,3", Origin(*until) if until else None)
    assert got == full and got.model_dump_json() == full.model_dump_json()
    assert (got.line_start, got.line_end) == ((3, 3) if origin[1] == 3 and not until else
                                              (3, 5) if until else (origin[1], origin[1]))
