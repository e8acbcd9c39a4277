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
