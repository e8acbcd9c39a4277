"""Tables drawn with rules in text (box drawing, ASCII grids): cells, spans, rows."""
from __future__ import annotations

from extract.sources.text.ruled import in_ruled_table, is_rule, ruled_table, table_end

BOX = """\
┌──────────────┬──────────────────┐
│ Doel         │ Prestatie        │
├──────────────┼──────────────────┤
│ 8B1 Erfgoed  │ 8B1.1 Beschermen │
│ is beschermd ├──────────────────┤
│              │ 8B1.2 Beheren    │
├──────────────┴──────────────────┤
│ Doel 8B2 een rij over alles     │
└─────────────────────────────────┘""".split("\n")

ASCII = """\
+------+-------+
| a    | b     |
+======+=======+
| 1    | 2     |
| 3    |       |
+------+-------+""".split("\n")


def texts(block):
    return [[(c.text, c.spanned) for c in row] for row in block.rows]


def test_box_table_with_a_spanning_goal_cell_and_a_full_width_row():
    assert table_end(BOX, 0) == len(BOX)
    rows = texts(ruled_table(BOX, 10, lambda n: None))
    assert rows[0] == [("Doel", False), ("Prestatie", False)]
    assert rows[1] == [("8B1 Erfgoed\nis beschermd", False), ("8B1.1 Beschermen", False)]
    assert rows[2] == [("8B1 Erfgoed\nis beschermd", True), ("8B1.2 Beheren", False)]
    assert rows[3] == [("Doel 8B2 een rij over alles", False), ("Doel 8B2 een rij over alles", True)]


def test_ascii_grid_table():
    block = ruled_table(ASCII, 1, lambda n: 3)
    assert texts(block) == [[("a", False), ("b", False)], [("1\n3", False), ("2", False)]]
    assert block.rows[1][0].lines[1].origin.line == 5 and block.origin.page == 3


def test_what_is_not_a_ruled_table():
    assert not is_rule("-----") and not is_rule("| a | b |") and not is_rule("Tekst met - en +")
    assert table_end(["|---|---|", "| a | b |"], 0) == 0  # a markdown separator alone
    assert in_ruled_table("│ a │ b │") and not in_ruled_table("a      b")


def test_a_dash_in_a_cell_is_a_value_not_a_rule():
    table = """\
+--------+------+------+
| 9A1.a  | 33%  | -    |
|        | 34%  |      |
+--------+------+------+""".split("\n")
    rows = texts(ruled_table(table, 1, lambda n: None))
    assert rows == [[("9A1.a", False), ("33%\n34%", False), ("-", False)]]


def test_a_rule_of_thousands_of_junctions_copies_a_span_into_a_bounded_number_of_columns():
    """A fuzzed rule line repeated 1,000 times made 8,000 columns, and the cell of a short row
    below it was copied into every one: `block.text` of a 600 KB file ran out of 2 GB, and the
    header reading took minutes (`tests/data/fuzz/text-ruled-table-rule-of-thousands-of-junctions.txt`)."""
    from extract.layout import MAX_COLSPAN
    wide = "├" + "──┼" * 5000 + "──┤"
    lines = ["┌──┬──┐", "│ a │ b │", wide, "│ Doel 8B2 een rij over alles │", "└──┴──┘"]
    table = ruled_table(lines, 1, lambda n: None, "t.txt", [])
    assert [len(r) for r in table.rows] == [5001, 5001]
    assert all(sum(1 for c in r if c.lines) <= MAX_COLSPAN for r in table.rows)
    assert table.text.count("Doel 8B2") == 1 and table.text.count(" b") == 1


def test_a_ruled_table_beyond_the_cell_bound_is_cut_with_a_warning():
    from extract.layout import MAX_CELLS
    wide = "+" + "--+" * 1000
    rows = [wide] + [line for _ in range(MAX_CELLS // 1000 + 5) for line in ("|" + " x|" * 1000, wide)]
    notes = []
    table = ruled_table(rows, 1, lambda n: 3, "t.txt", notes)
    assert sum(map(len, table.rows)) <= MAX_CELLS
    assert [(d.code, d.severity) for d in notes] == [("table_too_large", "warning")]
    assert notes[0].location.startswith("t.txt, page 3, line ")
