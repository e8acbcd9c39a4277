"""The batch's tables join cleanly and read typed: one name per meaning across tables (the joins
users make have no `_x`/`_y` columns), no column named like a DataFrame attribute, counts
prefixed, the scorer's columns kept; `Batch.to_frames()` gives typed DataFrames of the CSV's rows."""
from __future__ import annotations

import csv
from decimal import Decimal

import pandas as pd
import pytest

import extract
from conftest import SAMPLES
from extract.writers.tables import DROPPED, RENAMED, TABLES

# what ../shared/tools/score.py and users' scripts read: these names must stay
SCORER_COLUMNS = {
    "documents": ["document_id", "source_file"],
    "policy_areas": ["document_id", "code", "title"],
    "goals": ["document_id", "code", "title"],
    "performances": ["document_id", "goal_code", "code", "title", "explanation"],
    "indicators": ["document_id", "goal_code", "code", "name", "source", "key"],
    "indicator_values": ["document_id", "indicator_code", "indicator_key", "kind", "year", "value", "raw"],
}


@pytest.fixture(scope="module")
def batch():
    return extract.convert_batch([SAMPLES])


@pytest.fixture(scope="module")
def frames(batch):
    return batch.to_frames()


def test_the_scorers_columns_are_kept():
    for table, columns in SCORER_COLUMNS.items():
        assert set(columns) <= set(TABLES[table].column_names), table


def test_no_column_is_named_like_a_dataframe_attribute():
    attributes = set(dir(pd.DataFrame))
    clashes = sorted(f"{t.name}.{c}" for t in TABLES.values() for c in t.column_names if c in attributes)
    assert not clashes


def test_counts_are_prefixed_and_the_old_names_are_gone():
    assert [c for c in TABLES["documents"].column_names if c.startswith("n_")] == [
        "n_policy_areas", "n_goals", "n_performances", "n_indicators", "n_values", "n_comparison_values",
        "n_diagnostics"]
    for table, renamed in RENAMED.items():
        names = TABLES[table].column_names
        for old, new in renamed.items():
            assert new in names and (old not in names or old in SCORER_COLUMNS.get(table, [])), (table, old)
    for table, dropped in DROPPED.items():
        assert not set(dropped) & set(TABLES[table].column_names)


def test_values_indicators_and_documents_join_without_suffixes(frames):
    joined = (frames["indicator_values"]
              .merge(frames["indicators"], left_on=["document_id", "indicator_key"], right_on=["document_id", "key"])
              .merge(frames["documents"], on="document_id"))
    assert len(joined) == len(frames["indicator_values"])
    assert not [c for c in joined.columns if c.endswith(("_x", "_y"))]
    assert {"kind", "document_kind", "year", "document_year", "unit", "value_unit", "status",
            "document_status", "value_page", "indicator_page"} <= set(joined.columns)


def test_performances_and_goals_join_on_their_keys_with_distinct_provenance(frames):
    joined = frames["performances"].merge(frames["goals"], left_on=["document_id", "goal_code"],
                                          right_on=["document_id", "code"], suffixes=("", "_goal"))
    # code and title are the scorer's names in both tables; everything else is apart
    assert sorted(c for c in joined.columns if c.endswith("_goal")) == ["code_goal", "title_goal"]


def test_diagnostics_have_page_line_and_element_columns(frames):
    diags = frames["diagnostics"]
    assert {"page", "line_start", "line_end", "element", "location"} <= set(diags.columns)
    money = diags[diags["diagnostic_code"] == "money_table_left_out"]
    assert list(money["page"]) == [1, 3]
    orphan = diags[diags["diagnostic_code"] == "orphan_performance"].iloc[0]
    assert orphan["line_start"] == 20 and pd.isna(orphan["page"])


def test_frames_are_typed(frames):
    values = frames["indicator_values"]
    assert values["year"].dtype == "Int64" and values["value"].dtype == "Float64"
    assert values["kind"].dtype == "string" and values["value_page"].dtype == "Int64"
    assert frames["documents"]["n_goals"].dtype == "Int64"
    assert not [f"{name}.{c}" for name, df in frames.items() for c in df.columns
                if df[c].dtype == object and not c.endswith("_bbox")]


def test_frames_hold_the_rows_of_the_csv(batch, frames, tmp_path):
    batch.write(tmp_path)
    for name, df in frames.items():
        with open(tmp_path / f"{name}.csv", encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        assert list(df.columns) == list(rows[0]) if rows else True
        assert len(df) == len(rows), name
    values = frames["indicator_values"]
    with open(tmp_path / "indicator_values.csv", encoding="utf-8", newline="") as fh:
        printed = [r["value"] for r in csv.DictReader(fh)]
    assert [None if pd.isna(v) else Decimal(str(float(v))) for v in values["value"]] == \
        [Decimal(p) if p else None for p in printed]


def test_the_readme_names_every_column_and_every_renaming():
    from conftest import ROOT
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    output = readme[readme.index("### Output"):readme.index("### Diagnostics")]
    for table in TABLES.values():
        row = next(line for line in output.splitlines() if line.startswith(f"| `{table.name}.csv` |"))
        prefixed = [c for c in table.column_names if c.endswith(("_page", "_line_start", "_line_end", "_element",
                                                                   "_bbox", "_raw_text")) and c != "line_start"]
        for column in table.column_names:
            assert column in row or column in prefixed, (table.name, column)
    for table, renamed in RENAMED.items():
        for old, new in renamed.items():
            if not new.endswith(("_page", "_line_start", "_line_end", "_element", "_bbox", "_raw_text")):
                assert f"{old} → {new}" in output, (table, old, new)


def test_check_compare_and_series_give_typed_frames_without_attribute_names():
    from test_compare import PAIR
    frames = {"findings": extract.check([SAMPLES / "editions"]), "changes": extract.compare(*PAIR),
              "series": extract.series(list(PAIR))}
    attributes = set(dir(pd.DataFrame))
    for name, df in frames.items():
        assert len(df), name
        assert not [c for c in df.columns if df[c].dtype == object], name
        assert not set(df.columns) & attributes, name
    assert frames["findings"]["year"].dtype == "Int64" and frames["findings"]["line_start"].dtype == "Int64"
    assert frames["changes"]["old_value"].dtype == "Float64" and frames["changes"]["similarity"].dtype == "Float64"
    assert frames["series"]["conflict"].dtype == "boolean"


def test_cells_the_csv_writes_as_they_are_are_text_numbers_or_empty(batch):
    """The CSV writer sends only decimal, boolean and bbox cells through csv_text: every other
    cell of every table of the samples is a str, an int (no bool) or None, which the csv module
    writes as csv_text would."""
    from extract.writers.csv_tables import _CONVERTED, batch_rows, csv_text
    rows = batch_rows(batch.documents)
    seen = 0
    for name, table in TABLES.items():
        for column in table.columns:
            if column.type in _CONVERTED:
                continue
            for row in rows[name]:
                value = row.get(column.name)
                assert value is None or type(value) in (str, int), (name, column.name, value)
                assert csv_text(value) == ("" if value is None else str(value))
                seen += 1
    assert seen > 1000
