"""The library's public face: typed (py.typed ships), every public name and method documented,
and the document JSON valid against the JSON Schema that describes every field."""
from __future__ import annotations

import inspect
import json

import pytest

import extract
from conftest import ROOT


def _undocumented(obj, name: str) -> list[str]:
    missing = [] if (obj.__doc__ or "").strip() else [name]
    if inspect.isclass(obj):
        for attr, member in vars(obj).items():
            func = member.fget if isinstance(member, property) else member
            if not attr.startswith("_") and callable(func) and not (func.__doc__ or "").strip():
                missing.append(f"{name}.{attr}")
    return missing


def test_every_public_name_and_method_has_a_docstring():
    from extract.api.runs import Batch
    from extract.report import write_report
    from extract.writers import output
    names = {name: getattr(extract, name) for name in extract.__all__ if callable(getattr(extract, name))}
    names.update({"Batch": Batch, "extract.report.write_report": write_report,
                  **{f"writers.output.{n}": getattr(output, n) for n in output.__all__
                     if callable(getattr(output, n))}})
    missing = [m for name, obj in names.items() for m in _undocumented(obj, name)]
    assert not missing


def test_the_package_says_it_is_typed():
    assert (ROOT / "src" / "extract" / "py.typed").is_file()
    assert '"py.typed"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def test_the_schema_has_a_stable_id_and_describes_every_field():
    schema = json.loads((ROOT / "schemas" / "document.schema.json").read_text(encoding="utf-8"))
    assert schema["$id"] == "urn:extract:schema:document:v1"
    assert extract.__version__ not in schema["$id"]
    undescribed = [f"{model}.{field}" for model, definition in [("Document", schema), *schema["$defs"].items()]
                   for field, spec in definition.get("properties", {}).items() if not spec.get("description")]
    assert not undescribed
    assert schema["$defs"]["IndicatorValue"]["properties"]["kind"]["enum"] == ["realisatie", "streefwaarde",
                                                                             "nulmeting", "waarde"]


def test_every_golden_document_json_is_valid_against_the_schema():
    jsonschema = pytest.importorskip("jsonschema")    # comes with the report extra (altair)
    schema = json.loads((ROOT / "schemas" / "document.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    documents = sorted((ROOT / "tests" / "golden" / "samples" / "json").rglob("*.json"))
    assert len(documents) > 30
    for path in documents:
        errors = [e.message for e in validator.iter_errors(json.loads(path.read_text(encoding="utf-8")))]
        assert not errors, (path.name, errors[:3])
