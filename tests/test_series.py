"""`extract series`: one row per indicator, kind and year over many editions, conflicts flagged."""
from __future__ import annotations

import csv
from decimal import Decimal

import extract
from conftest import SAMPLES, run_cli
from extract.checks.keys import publication_order
from extract.checks.indicator_series import SERIES_COLUMNS
from test_compare import PAIR, edition

SEEDS = [SAMPLES / "000_77f27bb01ce9e9d5.txt", SAMPLES / "002_28e5dc0f656876b6.txt"]


def test_seeds_give_one_row_per_indicator_year_kind_without_conflicts():
    df = extract.series(SEEDS)
    assert list(df.columns) == SERIES_COLUMNS
    keys = list(zip(df["indicator_code"], df["kind"], df["year"]))
    assert len(keys) == len(set(keys)) == 40
    assert not df["conflict"].any()
    c = df[(df["indicator_code"] == "9A1.c") & (df["kind"] == "realisatie")]
    assert list(c["year"]) == [2013, 2015, 2017]          # the '-' of 2014 and 2016 are no figures
    both = df[(df["indicator_code"] == "9A1.a") & (df["kind"] == "realisatie") & (df["year"] == 2016)].iloc[0]
    assert both["value"] == 5.9 and both["n_editions"] == 2
    assert both["editions"] == "jaarstukken 2017; begroting 2019"      # publication order
    assert both["raw"] == "5,9" and both["unit"] == "score" and both["policy_area_code"] == "9A"
    assert both["document_ids"] == "002_28e5dc0f656876b6.txt; 000_77f27bb01ce9e9d5.txt"


def test_disagreeing_editions_are_flagged_and_the_latest_value_kept():
    df = extract.series(list(PAIR))
    conflicts = df[df["conflict"]]
    assert list(zip(conflicts["indicator_code"], conflicts["kind"], conflicts["year"])) == [("8C1.c", "realisatie", 2018)]
    row = conflicts.iloc[0]
    assert row["value"] == 428500 and row["raw"] == "428.500"
    assert row["values_by_edition"] == "432.000 (begroting 2020); 428.500 (begroting 2021)"
    renamed = df[df["indicator_code"] == "8C1.b"].iloc[0]
    assert "gemeentelijke" in renamed["indicator_name"]                 # the latest wording


def test_values_without_figure_or_year_are_left_out_and_qualitative_kept():
    doc = edition(values=[("9A1.a", "realisatie", 2017, "n.b."), ("9A1.a", "realisatie", 2018, "-"),
                          ("9A1.a", "streefwaarde", 2020, "stijging"), ("9A1.a", "streefwaarde", None, "40%")])
    df = extract.series([doc])
    assert [(r.kind, r.year, r.value, r.raw, r.status) for r in df.astype(object).where(df.notna(), None)
            .itertuples()] == [("streefwaarde", 2020, None, "stijging", "qualitative")]


def test_equal_numbers_written_differently_do_not_conflict():
    a = edition(year=2020, values=[("9A1.a", "realisatie", 2018, "6,0")])
    b = edition(year=2021, values=[("9A1.a", "realisatie", 2018, "6")])
    assert not extract.series([a, b])["conflict"].any()


def test_the_series_frame_is_typed_and_its_csv_prints_exact_numbers(tmp_path):
    df = extract.series(list(PAIR), out=tmp_path)
    assert (df["year"].dtype, df["value"].dtype, df["n_editions"].dtype, df["conflict"].dtype) == (
        "Int64", "Float64", "Int64", "boolean")
    assert not [c for c in df.columns if df[c].dtype == object]
    with open(tmp_path / "indicator_series.csv", encoding="utf-8", newline="") as fh:
        printed = {(r["indicator_code"], r["kind"], r["year"]): r["value"] for r in csv.DictReader(fh)}
    assert printed[("8C1.c", "realisatie", "2018")] == "428500"
    docs = [extract.convert(p) for p in PAIR]
    exact = {(v.indicator_code, v.kind, str(v.year)): v.value for v in docs[1].values if v.value is not None}
    assert all(Decimal(printed[k]) == exact[k] for k in exact if k in printed)


def test_indicators_printed_without_a_code_are_followed_by_their_key():
    from extract.models import Indicator, IndicatorValue, Provenance
    docs = []
    for year, raw in ((2020, "61%"), (2021, "63%")):
        doc = edition(year=year, inds={})
        prov = Provenance(source_file=doc.source_file)
        doc.indicators = [Indicator(code=None, key="banen", goal_code=None, name="Banen", provenance=prov),
                          Indicator(code=None, key="bijstand", goal_code=None, name="Bijstand", provenance=prov)]
        doc.values = [IndicatorValue.from_raw(None, "realisatie", 2019, raw, prov, indicator_key="banen"),
                      IndicatorValue.from_raw(None, "realisatie", 2019, "5", prov, indicator_key="bijstand")]
        docs.append(doc)
    df = extract.series(docs)
    assert list(zip(df["indicator_key"], df["conflict"])) == [("banen", True), ("bijstand", False)]


def test_publication_order():
    docs = [edition("jaarstukken", 2019), edition("begroting", 2020), edition("begroting", 2019),
            edition("jaarstukken", 2018), edition("voortgangsrapportage", 2019)]
    ordered = [(d.kind, d.year) for d in sorted(docs, key=publication_order)]
    assert ordered == [("begroting", 2019), ("jaarstukken", 2018), ("voortgangsrapportage", 2019),
                       ("begroting", 2020), ("jaarstukken", 2019)]


def test_cli_series_writes_the_table_and_gates_on_conflict(tmp_path):
    r = run_cli("series", *map(str, SEEDS), "--out", str(tmp_path / "a"))
    assert r.returncode == 0, r.stderr
    assert "40 rows: 6 indicators" in r.stdout and "no conflicts" in r.stdout
    with open(tmp_path / "a" / "indicator_series.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 40 and {x["conflict"] for x in rows} == {"false"}
    assert run_cli("series", *map(str, PAIR), "--out", str(tmp_path / "b")).returncode == 0
    r = run_cli("series", *map(str, PAIR), "--out", str(tmp_path / "b"), "--fail-on-conflict")
    assert r.returncode == 1 and "1 conflict" in r.stdout and "432.000 (begroting 2020)" in r.stdout


def test_cli_series_reads_convert_output_and_is_deterministic(tmp_path):
    assert run_cli("convert", *map(str, SEEDS), "--out", str(tmp_path / "conv")).returncode == 0
    assert run_cli("series", str(tmp_path / "conv"), "--out", str(tmp_path / "a")).returncode == 0
    assert run_cli("series", *map(str, reversed(SEEDS)), "--out", str(tmp_path / "b")).returncode == 0
    a = (tmp_path / "a" / "indicator_series.csv").read_bytes()
    assert a == (tmp_path / "b" / "indicator_series.csv").read_bytes()
    assert run_cli("series").returncode == 2
    assert run_cli("series", str(tmp_path / "missing"), "--out", str(tmp_path)).returncode == 2
