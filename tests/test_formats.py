"""`--format csv,parquet,duckdb`: Parquet files and one DuckDB database with the CSV's tables,
rows and keys, typed (decimal values, integer years), and the README's join examples."""
from __future__ import annotations

import csv
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLES, run_cli
from extract.writers.tables import TABLES

pa = pytest.importorskip("pyarrow")        # the test extra installs pyarrow and duckdb
duckdb = pytest.importorskip("duckdb")
import pyarrow.parquet as pq  # noqa: E402


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("formats")
    r = run_cli("convert", "samples", "--out", str(folder), "--quiet", "--format", "duckdb,csv,parquet")
    assert r.returncode in (0, 1), r.stderr
    return folder


def _csv_rows(out: Path, name: str) -> list[tuple]:
    with open(out / f"{name}.csv", encoding="utf-8", newline="") as fh:
        return [tuple(_norm(TABLES[name].column(c).type, v) for c, v in row.items()) for row in csv.DictReader(fh)]


def _norm(type_: str, value: object) -> object:
    """A cell as comparable across formats: '' is None (CSV cannot tell them apart), decimals by
    value, integers as int, a bbox as four numbers rounded as the CSV prints them."""
    if value is None or value == "":
        return None
    if type_ == "decimal":
        return Decimal(str(value))
    if type_ == "integer":
        return int(value)
    if type_ == "bbox":
        return tuple(round(float(x), 2) for x in (value.split() if isinstance(value, str) else value))
    return str(value)


def _typed_rows(name: str, records: list[dict]) -> list[tuple]:
    return [tuple(_norm(TABLES[name].column(c).type, r[c]) for c in TABLES[name].column_names) for r in records]


def test_parquet_files_hold_the_csv_rows_with_real_types(out):
    for name in TABLES:
        table = pq.read_table(out / f"{name}.parquet")
        assert table.column_names == TABLES[name].column_names
        assert _typed_rows(name, table.to_pylist()) == _csv_rows(out, name), name
    schema = pq.read_schema(out / "indicator_values.parquet")
    assert pa.types.is_decimal(schema.field("value").type)
    assert schema.field("year").type == pa.int64()
    assert schema.field("value_bbox").type == pa.list_(pa.float64(), 4)
    assert pq.read_schema(out / "documents.parquet").field("n_goals").type == pa.int64()
    assert b"The year the value is about" in schema.field("year").metadata[b"description"]


def test_a_value_keeps_its_exact_decimal_in_parquet(out):
    values = pq.read_table(out / "indicator_values.parquet").to_pylist()
    first = next(v for v in values if v["document_id"] == "000_77f27bb01ce9e9d5.txt")
    assert (first["raw"], first["value"], first["year"]) == ("5,7 (2015)", Decimal("5.70"), 2015)


def test_the_duckdb_database_holds_the_csv_rows_and_keys(out):
    con = duckdb.connect(str(out / "extract.duckdb"), read_only=True)
    try:
        for name in TABLES:
            cursor = con.execute(f"SELECT * FROM {name}")
            columns = [d[0] for d in cursor.description]
            assert columns == TABLES[name].column_names
            records = [dict(zip(columns, row)) for row in cursor.fetchall()]
            assert _typed_rows(name, records) == _csv_rows(out, name), name
        types = dict(con.execute("SELECT column_name, data_type FROM duckdb_columns() "
                                 "WHERE table_name = 'indicator_values'").fetchall())
        assert types["value"].startswith("DECIMAL(38,") and types["year"] == "BIGINT"
        assert types["kind"].startswith("ENUM(")
        constraints = con.execute("SELECT table_name, constraint_type, constraint_column_names FROM "
                                  "duckdb_constraints() WHERE constraint_type IN ('PRIMARY KEY', 'FOREIGN KEY')"
                                  ).fetchall()
        assert ("indicators", "PRIMARY KEY", ["document_id", "key"]) in constraints
        assert ("indicator_values", "FOREIGN KEY", ["document_id", "indicator_key"]) in constraints
        # the samples' orphan performance: no key to goals there (as in datapackage.json)
        assert not [c for c in constraints if c[0] == "performances" and c[2] == ["document_id", "goal_code"]]
        comment = con.execute("SELECT comment FROM duckdb_columns() WHERE table_name = 'documents' "
                              "AND column_name = 'document_kind'").fetchone()[0]
        assert comment.startswith("The kind of edition")
    finally:
        con.close()
    assert not list(out.glob(".extract.duckdb*")) and not list(out.glob("*.wal"))


def test_the_primary_key_is_enforced_in_duckdb(out, tmp_path):
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes((out / "extract.duckdb").read_bytes())
    con = duckdb.connect(str(copy))
    try:
        with pytest.raises(duckdb.ConstraintException):
            con.execute("INSERT INTO goals (document_id, code) SELECT document_id, code FROM goals LIMIT 1")
    finally:
        con.close()


def test_parquet_is_the_same_bytes_for_the_same_input(out, tmp_path):
    assert run_cli("convert", "samples", "--out", str(tmp_path), "--quiet", "--format", "parquet").returncode in (0, 1)
    for name in TABLES:
        assert (tmp_path / f"{name}.parquet").read_bytes() == (out / f"{name}.parquet").read_bytes(), name
    assert not list(tmp_path.glob("*.csv"))          # only the formats asked for


def test_an_unknown_format_is_a_usage_error(tmp_path):
    r = run_cli("convert", str(SAMPLES / "000_77f27bb01ce9e9d5.txt"), "--out", str(tmp_path), "--format", "csv,xlsx")
    assert r.returncode == 2
    assert "unknown format xlsx; formats: csv, parquet, duckdb" in r.stderr
    assert not list(tmp_path.iterdir())               # nothing converted


def test_a_missing_library_names_the_extra(monkeypatch):
    from extract.writers import output
    monkeypatch.setitem(sys.modules, "duckdb", None)   # import duckdb now raises ImportError
    with pytest.raises(output.MissingExtra, match=r"pip install 'extract\[duckdb\]'"):
        output.require_formats("csv,duckdb")
    assert output.require_formats("parquet,csv") == ("csv", "parquet")


def _readme_block(language: str, marker: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = readme.split("```" + language + "\n")[1:]
    return next(b.split("```")[0] for b in blocks if marker in b)


def test_the_readme_join_examples_run_and_give_no_suffixes(out):
    """The README's five-line pandas and DuckDB examples, run against this output folder."""
    pandas_code = _readme_block("python", "read_parquet").replace('"out/', f'"{out}/')
    r = subprocess.run([sys.executable, "-c", pandas_code + "\nprint(sorted(table.columns))"], capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "_x" not in r.stdout and "'document_kind'" in r.stdout and "'name'" in r.stdout
    sql = _readme_block("sql", "JOIN").replace("'out/", f"'{out}/")
    rows = duckdb.sql(sql).fetchall()
    assert rows and all(len(row) == len(rows[0]) for row in rows)
