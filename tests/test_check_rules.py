"""Every rule of `extract check` with a case that breaks it and a case that does not, and the
conversion-time subset (`validate`) built from the same rule functions."""
from __future__ import annotations

import pytest

from extract.checks import RULES, RULES_BY_ID, check, run_rules, select_rules, validate
from extract.models import (Diagnostic, Document, Goal, Indicator, IndicatorValue, Performance, PolicyArea,
                            Provenance)


def prov(line: int = 1) -> Provenance:
    return Provenance(source_file="t.txt", line_start=line, line_end=line, raw=f"line {line}")


def make_doc(goals=("9A1",), perfs=("9A1.1",), inds=None, values=(), *, kind="jaarstukken", year=2019,
             areas=("9A",), status="ok") -> Document:
    """A document with the given codes. `inds` maps code -> (name, unit, source); by default one
    indicator 9A1.a with a value so that no rule fires."""
    if inds is None:
        inds = {"9A1.a": ("Percentage inwoners dat mantelzorg verleent", "%", "Stadsenquête")}
        values = values or [("9A1.a", "realisatie", 2018, "18%")]
    line = iter(range(1, 10_000))
    return Document(
        document_id="doc", source_file="t.txt", sha256="", format="text", kind=kind, year=year, status=status,
        policy_areas=[PolicyArea(code=a, title="Sociale binding", provenance=prov(next(line))) for a in areas],
        goals=[Goal(code=g, policy_area_code=g[:2], title=f"Doel {g}", provenance=prov(next(line))) for g in goals],
        performances=[Performance(code=p, goal_code=p.split(".")[0] if "." in p else p[:3], title=f"Prestatie {p}",
                                  provenance=prov(next(line))) for p in perfs],
        indicators=[Indicator(code=c, goal_code=c.split(".")[0], name=n, unit=u, source=s, provenance=prov(next(line)))
                    for c, (n, u, s) in inds.items()],
        values=[IndicatorValue.from_raw(c, k, y, raw, prov(next(line))) for c, k, y, raw in values],
    )


def hits(rule_id: str, doc: Document) -> list:
    return list(RULES_BY_ID[rule_id].func(doc))


def test_the_baseline_document_breaks_no_rule():
    assert run_rules(make_doc()) == []


def test_rules_have_unique_ids_known_severities_and_summaries():
    assert len(RULES_BY_ID) == len(RULES)
    for r in RULES:
        assert r.severity in ("error", "warning", "info") and r.summary


def test_document_failed():
    failed = make_doc(goals=(), perfs=(), inds={}, status="failed")
    failed.diagnostics.append(Diagnostic(severity="error", code="unreadable_source", message="encrypted PDF"))
    [h] = hits("document_failed", failed)
    assert "encrypted PDF" in h.message
    assert hits("document_failed", make_doc()) == []


def test_orphan_performance():
    [h] = hits("orphan_performance", make_doc(perfs=("9A1.1", "9A2.1")))
    assert (h.record_type, h.code) == ("performance", "9A2.1") and "no goal 9A2" in h.message
    assert hits("orphan_performance", make_doc(goals=("9A1", "9A2"), perfs=("9A1.1", "9A2.1"))) == []


def test_orphan_indicator():
    inds = {"9A2.a": ("Aantal vrijwilligers", "aantal", "Stadsenquête")}
    [h] = hits("orphan_indicator", make_doc(inds=inds, values=[("9A2.a", "realisatie", 2018, "12")]))
    assert (h.record_type, h.code) == ("indicator", "9A2.a")
    assert hits("orphan_indicator", make_doc()) == []


def test_duplicate_code():
    [h] = hits("duplicate_code", make_doc(perfs=("9A1.1", "9A1.1")))
    assert h.code == "9A1.1" and len(h.provenances) == 2
    assert hits("duplicate_code", make_doc(perfs=("9A1.1", "9A1.2"))) == []


@pytest.mark.parametrize("name,unit,raw,broken", [
    ("Percentage inwoners dat mantelzorg verleent", "%", "140%", True),
    ("Percentage inwoners dat mantelzorg verleent", "%", "-3%", True),
    ("Percentage inwoners dat mantelzorg verleent", "%", "100%", False),
    ("Groei van het aantal banen in procenten", "%", "-3%", False),   # a change may be negative
    ("Schaalscore sociale cohesie (op een schaal van 1 tot 10)", "score", "11", True),
    ("Schaalscore sociale cohesie (op een schaal van 1 tot 10)", "score", "5,8", False),
    ("Schaalscore tevredenheid (op een schaal van 1 tot 5)", "score", "5,8", True),
    ("Rapportcijfer voor de kwaliteit van de sportaccommodaties", "score", "0,5", True),
    ("Aantal bezoekers zwembaden", "aantal", "-400", True),
    ("Aantal bezoekers zwembaden", "aantal", "432.000", False),
])
def test_value_out_of_range(name, unit, raw, broken):
    doc = make_doc(inds={"9A1.a": (name, unit, "Stadsenquête")}, values=[("9A1.a", "realisatie", 2018, raw)])
    found = hits("value_out_of_range", doc)
    assert bool(found) == broken
    if broken:
        assert found[0].kind == "realisatie" and found[0].year == 2018 and raw in found[0].message


def test_realised_after_edition():
    def realised(year: int, raw: str = "18%", kind: str = "jaarstukken"):
        return make_doc(values=[("9A1.a", "realisatie", year, raw)], kind=kind, year=2019)
    [h] = hits("realised_after_edition", realised(2020))
    assert h.year == 2020 and "up to 2019" in h.message
    assert hits("realised_after_edition", realised(2019)) == []
    assert hits("realised_after_edition", realised(2020, "-")) == []     # no figure, no claim
    # a budget for 2019 is published in 2018: it cannot know the 2019 result
    assert len(hits("realised_after_edition", realised(2019, kind="begroting"))) == 1
    assert hits("realised_after_edition", realised(2018, kind="begroting")) == []


def test_target_before_edition():
    def target(year: int):
        return make_doc(values=[("9A1.a", "realisatie", 2017, "18%"), ("9A1.a", "streefwaarde", year, "20%")],
                        kind="begroting", year=2019)
    [h] = hits("target_before_edition", target(2018))
    assert h.kind == "streefwaarde" and h.year == 2018
    assert hits("target_before_edition", target(2019)) == []


def test_year_out_of_range():
    [h] = hits("year_out_of_range", make_doc(values=[("9A1.a", "realisatie", 1890, "18%")]))
    assert h.year == 1890
    assert hits("year_out_of_range", make_doc()) == []


def test_duplicate_value():
    doc = make_doc(values=[("9A1.a", "realisatie", 2018, "18%"), ("9A1.a", "realisatie", 2018, "19%")])
    [h] = hits("duplicate_value", doc)
    assert "18%, 19%" in h.message and len(h.provenances) == 2
    assert hits("duplicate_value", make_doc(values=[("9A1.a", "realisatie", 2017, "18%"),
                                                    ("9A1.a", "streefwaarde", 2017, "18%")])) == []


@pytest.mark.parametrize("goals,perfs,inds,missing", [
    (("9A1",), ("9A1.1", "9A1.3"), None, ["9A1.2"]),
    (("9A1", "9A3"), ("9A1.1",), None, ["9A2"]),
    (("2A1",), ("2A101", "2A103"), {}, ["2A102"]),                 # Leiden's 2025 numbering
    (("9A1",), ("9A1.1",), {"9A1.a": ("x", "%", "y"), "9A1.c": ("z", "%", "y")}, ["9A1.b"]),
    (("9A1",), ("9A1.2", "9A1.1"), None, []),                      # out of order is not a gap
])
def test_numbering_gap(goals, perfs, inds, missing):
    doc = make_doc(goals=goals, perfs=perfs, inds=inds, areas=("9A", "2A"))
    assert [h.code for h in hits("numbering_gap", doc)] == missing


def test_numbering_order():
    [h] = hits("numbering_order", make_doc(perfs=("9A1.2", "9A1.1", "9A1.3")))
    assert h.code == "9A1.1" and "after 9A1.2" in h.message
    assert hits("numbering_order", make_doc(perfs=("9A1.1", "9A1.2", "9A1.3"))) == []


def test_missing_source():
    [h] = hits("missing_source", make_doc(inds={"9A1.a": ("Percentage x", "%", None)}))
    assert h.code == "9A1.a"
    assert hits("missing_source", make_doc()) == []


def test_missing_unit():
    [h] = hits("missing_unit", make_doc(inds={"9A1.a": ("Bereik van de aanpak", None, "CBS")}))
    assert h.code == "9A1.a"
    assert hits("missing_unit", make_doc()) == []


def test_indicator_without_values():
    inds = {"9A1.a": ("Percentage x", "%", "CBS"), "9A1.b": ("Percentage y", "%", "CBS")}
    [h] = hits("indicator_without_values", make_doc(inds=inds, values=[("9A1.a", "realisatie", 2018, "1%")]))
    assert h.code == "9A1.b"
    assert hits("indicator_without_values", make_doc()) == []


def test_empty_goal():
    [h] = hits("empty_goal", make_doc(goals=("9A1", "9A2")))
    assert h.code == "9A2"
    assert hits("empty_goal", make_doc()) == []


def test_goal_outside_policy_area():
    [h] = hits("goal_outside_policy_area", make_doc(goals=("9A1", "9B1"), perfs=("9A1.1", "9B1.1")))
    assert h.code == "9B1"
    assert hits("goal_outside_policy_area", make_doc()) == []


def test_validate_runs_the_conversion_rules_capped_at_warning():
    doc = make_doc(perfs=("9A1.1", "9A2.1", "9A1.3"), values=[("9A1.a", "realisatie", 2018, "140%")])
    diags = validate(doc)
    assert sorted(d.code for d in diags) == ["orphan_performance", "value_out_of_range"]  # no numbering_gap
    assert all(d.severity == "warning" for d in diags)
    assert diags[0].provenance is not None and "t.txt, line" in diags[0].location


def test_check_returns_sorted_findings_with_keys_and_provenance():
    doc = make_doc(perfs=("9A1.1", "9A2.1"), values=[("9A1.a", "realisatie", 2018, "140%")],
                   inds={"9A1.a": ("Percentage x", "%", None)})
    df = check([doc])
    assert list(df["rule"]) == ["orphan_performance", "value_out_of_range", "missing_source"]
    assert list(df["severity"]) == ["error", "error", "warning"]
    row = df.iloc[1]
    assert (row["record_type"], row["code"], row["kind"], row["year"]) == ("value", "9A1.a", "realisatie", 2018)
    assert row["line_start"] is not None and row["raw_text"] and row["location"].startswith("t.txt, line")


def test_select_rules():
    assert [r.id for r in select_rules(["missing_unit", "empty_goal"])] == ["missing_unit", "empty_goal"]
    assert "missing_unit" not in [r.id for r in select_rules(skip=["missing_unit"])]
    with pytest.raises(ValueError, match="unknown rule nope"):
        select_rules(["nope"])
