"""datapackage.json beside the CSV tables: a valid Frictionless Tabular Data Package (checked with
the frictionless library, data included), every field typed and described, enums for kinds and
statuses, primary keys, and the foreign keys the batch holds."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLES, run_cli

frictionless = pytest.importorskip("frictionless")   # the test extra installs it

from extract.writers.tables import TABLES  # noqa: E402


@pytest.fixture(scope="module")
def samples_out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("samples")
    r = run_cli("convert", "samples", "--out", str(out), "--quiet")
    assert r.returncode in (0, 1), r.stderr
    return out


def _package(out: Path) -> dict:
    return json.loads((out / "datapackage.json").read_text(encoding="utf-8"))


def _resource(out: Path, name: str) -> dict:
    return next(r for r in _package(out)["resources"] if r["name"] == name)


def test_the_samples_package_validates_with_its_data(samples_out):
    report = frictionless.validate(samples_out / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    assert [t.name for t in report.tasks] == list(TABLES)


def test_every_field_is_typed_described_and_in_the_csv_order(samples_out):
    for resource in _package(samples_out)["resources"]:
        with open(samples_out / resource["path"], encoding="utf-8", newline="") as fh:
            header = next(csv.reader(fh))
        fields = resource["schema"]["fields"]
        assert [f["name"] for f in fields] == header
        for f in fields:
            assert f["type"] in ("string", "integer", "number", "boolean"), f
            assert len(f["description"]) > 15, f


def test_kinds_and_statuses_are_enums_and_years_integers(samples_out):
    def field(table: str, name: str) -> dict:
        return next(f for f in _resource(samples_out, table)["schema"]["fields"] if f["name"] == name)
    assert field("indicator_values", "kind")["constraints"]["enum"] == ["realisatie", "streefwaarde", "nulmeting",
                                                                       "waarde"]
    assert "qualitative" in field("indicator_values", "status")["constraints"]["enum"]
    assert field("documents", "document_kind")["constraints"]["enum"][:2] == ["begroting", "jaarstukken"]
    assert field("documents", "document_status")["constraints"]["enum"] == ["ok", "partial", "failed"]
    assert field("diagnostics", "severity")["constraints"]["enum"] == ["error", "warning", "info"]
    assert field("indicator_values", "year")["type"] == "integer"
    assert field("indicator_values", "value")["type"] == "number"
    assert field("documents", "n_goals")["type"] == "integer"


def test_primary_keys_and_the_keys_values_hold(samples_out):
    assert _resource(samples_out, "documents")["schema"]["primaryKey"] == ["document_id"]
    assert _resource(samples_out, "indicators")["schema"]["primaryKey"] == ["document_id", "key"]
    values = _resource(samples_out, "indicator_values")["schema"]["foreignKeys"]
    assert {"fields": ["document_id", "indicator_key"],
            "reference": {"resource": "indicators", "fields": ["document_id", "key"]}} in values
    # the samples' orphan performance (9A2.1 without goal 9A2) leaves that key out, and says so
    performances = _resource(samples_out, "performances")
    assert [fk["reference"]["resource"] for fk in performances["schema"]["foreignKeys"]] == ["documents"]
    assert "(document_id, goal_code) -> goals, which 1 row of this batch does not hold" in performances["description"]


def test_a_batch_that_holds_every_key_declares_the_chain_to_documents(tmp_path):
    r = run_cli("convert", str(SAMPLES / "000_77f27bb01ce9e9d5.txt"), "--out", str(tmp_path))
    assert r.returncode == 0
    refs = {res["name"]: sorted(fk["reference"]["resource"] for fk in res["schema"].get("foreignKeys", []))
            for res in _package(tmp_path)["resources"]}
    assert refs["indicator_values"] == ["documents", "indicators"]
    assert refs["indicators"] == ["documents", "goals"]
    assert refs["goals"] == ["documents", "policy_areas"]
    assert refs["performances"] == ["documents", "goals"]
    assert frictionless.validate(tmp_path / "datapackage.json").valid


def test_frictionless_finds_a_value_whose_indicator_is_not_there(tmp_path):
    """The keys are real: a value pointing to no indicator fails validation."""
    assert run_cli("convert", str(SAMPLES / "000_77f27bb01ce9e9d5.txt"), "--out", str(tmp_path)).returncode == 0
    path = tmp_path / "indicator_values.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",9A1.a,9A1.a,", ",9A1.a,9A1.z,", 1), encoding="utf-8")
    report = frictionless.validate(tmp_path / "datapackage.json")
    assert not report.valid
    assert [e[0] for e in report.flatten(["type"])] == ["foreign-key"]


def test_the_package_is_the_same_bytes_for_the_same_input(tmp_path, samples_out):
    assert run_cli("convert", "samples", "--out", str(tmp_path), "--quiet").returncode in (0, 1)
    assert (tmp_path / "datapackage.json").read_bytes() == (samples_out / "datapackage.json").read_bytes()
    assert (ROOT / "tests" / "golden" / "samples" / "datapackage.json").exists()
