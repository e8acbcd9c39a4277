"""`extract compare`: the seeds (annual report 2017 vs budget 2019), the restated/renamed pair in
samples/editions, and every change kind on small built editions."""
from __future__ import annotations

import csv

import pytest

import extract
from conftest import SAMPLES, run_cli
from extract.checks.comparison import CHANGE_COLUMNS
from extract.checks.matching import pair_records, similarity
from extract.models import Document, Goal, Indicator, IndicatorValue, Performance, PolicyArea, Provenance

OLD_2017 = SAMPLES / "002_28e5dc0f656876b6.txt"      # Jaarstukken 2017, 9A + 9B
NEW_2019 = SAMPLES / "000_77f27bb01ce9e9d5.txt"      # Programmabegroting 2019, 9A
PAIR = (SAMPLES / "editions" / "begroting-2020-8c-sport.txt", SAMPLES / "editions" / "begroting-2021-8c-sport.txt")


def edition(kind="begroting", year=2020, goals=None, perfs=None, inds=None, values=(), doc_id=None) -> Document:
    """A built edition: goals/perfs {code: title}, inds {code: (name, unit, source)}, values
    [(code, kind, year, raw)]. Parents follow from the codes."""
    goals = goals if goals is not None else {"9A1": "Sociale binding is hoog"}
    perfs = perfs if perfs is not None else {"9A1.1": "Organiseren van voorzieningen"}
    inds = inds if inds is not None else {"9A1.a": ("Percentage vrijwilligers", "%", "Stadsenquête")}
    lines = iter(range(1, 10_000))

    def prov():
        return Provenance(source_file=f"{kind}-{year}.txt", line_start=next(lines))
    areas = sorted({c[:2] for c in goals})
    return Document(
        document_id=doc_id or f"{kind}-{year}", source_file=f"{kind}-{year}.txt", sha256="", format="text",
        kind=kind, year=year,
        policy_areas=[PolicyArea(code=a, title=f"Terrein {a}", provenance=prov()) for a in areas],
        goals=[Goal(code=c, policy_area_code=c[:2], title=t, provenance=prov()) for c, t in goals.items()],
        performances=[Performance(code=c, goal_code=c.split(".")[0] if "." in c else c[:3], title=t,
                                  provenance=prov()) for c, t in perfs.items()],
        indicators=[Indicator(code=c, goal_code=c.split(".")[0], name=n, unit=u, source=s, provenance=prov())
                    for c, (n, u, s) in inds.items()],
        values=[IndicatorValue.from_raw(c, k, y, raw, prov()) for c, k, y, raw in values])


def plain(df):
    """A typed frame's cells as plain Python values (pd.NA as None, Int64 as int)."""
    return df.astype(object).where(df.notna(), None)


def rows(df, *changes):
    sel = df[df["change"].isin(changes)] if changes else df
    return [tuple(r) for r in plain(sel[["change", "record_type", "code", "kind", "year", "old", "new"]])
            .itertuples(index=False)]


def test_seeds_annual_report_2017_vs_budget_2019():
    df = extract.compare(OLD_2017, NEW_2019)
    assert list(df.columns) == CHANGE_COLUMNS
    assert df.attrs["areas"] == ["9A"]
    assert "restated" not in set(df["change"])          # realised 2015-2017 agree
    assert set(df["change"]) == {"only_old", "only_new", "target"}
    assert rows(df, "only_old", "only_new") == [
        ("only_old", "value", "9A1.a", "realisatie", 2014, "5,8", None),
        ("only_old", "value", "9A1.b", "realisatie", 2014, "33%", None),
        ("only_new", "value", "9A1.c", "realisatie", 2013, None, "32%"),
        ("only_new", "value", "9A1.f", "realisatie", 2013, None, "20%"),
        ("only_old", "policy_area", "9B", None, None, "Preventie", None)]
    targets = df[df["change"] == "target"]
    assert len(targets) == 6 + 16                           # 2017 of the report, 2019-2022 of the budget
    row = plain(targets[(targets["code"] == "9A1.f") & (targets["year"] == 2017)]).iloc[0]
    assert (row["old"], row["new"], row["realised"]) == ("24%", None, "18%")   # promised vs realised
    assert (row["old_value"], row["new_value"], row["realised_value"]) == (24.0, None, 18.0)
    assert set(targets[targets["new"].notna()]["year"]) == {2019, 2020, 2021, 2022}


def test_pair_reports_exactly_the_restated_value_and_the_renamed_indicator():
    df = extract.compare(*PAIR)
    assert rows(df) == [
        ("renamed", "indicator", "8C1.b", None, None,
         "Rapportcijfer van inwoners voor de kwaliteit van de sportaccommodaties",
         "Rapportcijfer van inwoners voor de kwaliteit van de gemeentelijke sportaccommodaties"),
        ("restated", "value", "8C1.c", "realisatie", 2018, "432.000", "428.500")]
    assert 0.8 < df.iloc[0]["similarity"] < 1
    assert df.iloc[1]["old_location"].endswith("begroting-2020-8c-sport.txt, line 88")


def test_cli_compare_pair_writes_changes_and_fails_on_restatement(tmp_path):
    r = run_cli("compare", *map(str, PAIR), "--out", str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert "changes: renamed 1, restated 1" in r.stdout and "428.500" in r.stdout
    with open(tmp_path / "changes.csv", encoding="utf-8", newline="") as fh:
        changes = list(csv.DictReader(fh))
    assert [(c["change"], c["record_type"], c["code"], c["similarity"]) for c in changes] == [
        ("renamed", "indicator", "8C1.b", "0.909"), ("restated", "value", "8C1.c", "")]
    # the printed values beside their numbers: 432.000 is four hundred thirty-two thousand
    assert [(c["old"], c["old_value"], c["new"], c["new_value"]) for c in changes[1:]] == [
        ("432.000", "432000", "428.500", "428500")]
    assert run_cli("compare", *map(str, PAIR), "--out", str(tmp_path), "--fail-on", "restatement").returncode == 1
    assert run_cli("compare", *map(str, PAIR), "--out", str(tmp_path), "--fail-on", "change").returncode == 1


def test_cli_compare_seeds_lists_values_and_targets(tmp_path):
    r = run_cli("compare", str(OLD_2017), str(NEW_2019), "--out", str(tmp_path), "--fail-on", "restatement")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "changes: none" in r.stdout
    assert "values in only one edition (4)" in r.stdout and "targets of both editions (22)" in r.stdout
    assert "not compared: 9B only in old" in r.stdout


def test_compare_reads_convert_outputs_and_is_deterministic(tmp_path):
    for side, path in zip(("old", "new"), PAIR):
        assert run_cli("convert", str(path), "--out", str(tmp_path / side)).returncode == 0
    assert run_cli("compare", str(tmp_path / "old"), str(tmp_path / "new"), "--out", str(tmp_path / "a")).returncode == 0
    assert run_cli("compare", *map(str, PAIR), "--out", str(tmp_path / "b")).returncode == 0
    a, b = (tmp_path / "a" / "changes.csv").read_bytes(), (tmp_path / "b" / "changes.csv").read_bytes()
    assert a == b and a.count(b"\n") == 3


def test_compare_usage_errors(tmp_path):
    assert run_cli("compare", str(PAIR[0])).returncode == 2
    assert run_cli("compare", str(PAIR[0]), str(tmp_path / "missing"), "--out", str(tmp_path)).returncode == 2


def test_added_and_removed_records():
    old = edition(perfs={"9A1.1": "Organiseren van voorzieningen", "9A1.2": "Ondersteunen van vrijwilligers"})
    new = edition(year=2021, perfs={"9A1.1": "Organiseren van voorzieningen", "9A1.3": "Bestrijden van eenzaamheid"})
    assert rows(extract.compare(old, new)) == [
        ("removed", "performance", "9A1.2", None, None, "Ondersteunen van vrijwilligers", None),
        ("added", "performance", "9A1.3", None, None, None, "Bestrijden van eenzaamheid")]


def test_renumbered_codes_are_matched_by_wording_with_their_similarity():
    old = edition(goals={"2A1": "Leiden is veilig"},
                  perfs={"2A1.1": "Handhaven openbare orde", "2A1.2": "Uitvoeren van het horecabeleid in de binnenstad"},
                  inds={})
    new = edition(year=2025, goals={"2A1": "Leiden is veilig"},
                  perfs={"2A101": "Handhaven openbare orde", "2A102": "Uitvoeren van horecabeleid in de binnenstad"},
                  inds={})
    df = extract.compare(old, new)
    got = [(r.change, r.code, r.old_code, r.similarity) for r in df.itertuples()]
    assert got[0] == ("renumbered", "2A101", "2A1.1", 1.0)
    assert got[1][:3] == ("renumbered", "2A102", "2A1.2") and 0.8 <= got[1][3] < 1
    assert got[2][:3] == ("renamed", "2A102", "2A1.2")
    assert len(got) == 3


def test_reparented_performance_and_indicator():
    old = edition(goals={"9A1": "Sociale binding is hoog", "9A2": "Mantelzorgers zijn ondersteund"},
                  perfs={"9A1.1": "Organiseren van voorzieningen", "9A1.2": "Ondersteunen van mantelzorgers"},
                  inds={"9A1.a": ("Percentage inwoners dat mantelzorg verleent", "%", "Stadsenquête")})
    new = edition(year=2021, goals={"9A1": "Sociale binding is hoog", "9A2": "Mantelzorgers zijn ondersteund"},
                  perfs={"9A1.1": "Organiseren van voorzieningen", "9A2.1": "Ondersteunen van mantelzorgers"},
                  inds={"9A2.a": ("Percentage inwoners dat mantelzorg verleent", "%", "Stadsenquête")})
    df = extract.compare(old, new)
    assert [(r.change, r.record_type, r.code, r.old_code, r.old, r.new) for r in df.itertuples()] == [
        ("reparented", "performance", "9A2.1", "9A1.2", "9A1", "9A2"),
        ("reparented", "indicator", "9A2.a", "9A1.a", "9A1", "9A2")]


def test_a_code_reused_for_an_unrelated_record_is_replaced_not_renamed():
    old = edition(goals={"9A1": "Sociale binding is hoog"})
    new = edition(year=2021, goals={"9A1": "Iedere Leidenaar doet mee"})
    df = extract.compare(old, new)
    [row] = rows(df)
    assert row == ("replaced", "goal", "9A1", None, None, "Sociale binding is hoog", "Iedere Leidenaar doet mee")
    assert df["similarity"].iloc[0] < 0.5
    assert "now stands for another goal" in df["message"].iloc[0]


def test_a_replaced_indicators_values_are_not_compared_as_restatements():
    old = edition(inds={"9A1.a": ("Percentage vrijwilligers", "%", "Stadsenquête")},
                  values=[("9A1.a", "realisatie", 2019, "32%")])
    new = edition(year=2021, inds={"9A1.a": ("Aantal bezoekers van de bibliotheek", "aantal", "Bibliotheek")},
                  values=[("9A1.a", "realisatie", 2019, "410.000")])
    assert [r[0] for r in rows(extract.compare(old, new))] == ["replaced"]


def test_a_reworded_record_at_half_similarity_or_more_is_renamed():
    old = edition(goals={"9A1": "Sociale binding en participatie zijn hoog"})
    new = edition(year=2021, goals={"9A1": "Sociale binding en participatie van inwoners is hoog"})
    [row] = rows(extract.compare(old, new))
    assert row[0] == "renamed"


def test_editions_without_a_common_policy_area_cannot_be_compared(tmp_path):
    from extract.checks.comparison import NothingToCompare
    old = edition(goals={"9A1": "Sociale binding is hoog"}, perfs={}, inds={})
    new = edition(year=2021, goals={"8C1": "Leidenaren sporten"}, perfs={}, inds={})
    with pytest.raises(NothingToCompare, match=r"share no policy area.*old: 9A; new: 8C"):
        extract.compare(old, new)
    r = run_cli("compare", str(SAMPLES / "editions" / "jaarstukken-2019-9a-fouten.txt"), str(PAIR[0]),
                "--out", str(tmp_path), "--fail-on", "change")
    assert r.returncode == 2
    assert "share no policy area, so nothing can be compared (old: 9A; new: 8C)" in r.stderr
    assert not (tmp_path / "changes.csv").exists()


def test_source_and_unit_changed():
    old = edition(inds={"9A1.a": ("Tevredenheid over de wijk", "score", "Stadsenquête*")})
    new = edition(year=2021, inds={"9A1.a": ("Tevredenheid over de wijk", "%", "Leiden in Cijfers")})
    assert rows(extract.compare(old, new)) == [
        ("source_changed", "indicator", "9A1.a", None, None, "Stadsenquête*", "Leiden in Cijfers"),
        ("unit_changed", "indicator", "9A1.a", None, None, "score", "%")]
    same = edition(year=2021, inds={"9A1.a": ("Tevredenheid over de wijk", None, "Stadsenquête")})
    assert rows(extract.compare(old, same)) == []      # footnote marker and an unknown unit are no change


def test_restated_and_target_changed_between_budgets():
    old = edition(values=[("9A1.a", "realisatie", 2017, "32%"), ("9A1.a", "realisatie", 2018, "33%"),
                          ("9A1.a", "streefwaarde", 2020, "35%"), ("9A1.a", "streefwaarde", 2021, "36%")])
    new = edition(year=2021, values=[("9A1.a", "realisatie", 2017, "32,0%"), ("9A1.a", "realisatie", 2018, "31%"),
                                     ("9A1.a", "realisatie", 2019, "34%"), ("9A1.a", "streefwaarde", 2021, "37%"),
                                     ("9A1.a", "streefwaarde", 2022, "38%")])
    assert rows(extract.compare(old, new)) == [   # 32% = 32,0%; 2019, 2020, 2022: the window moved
        ("restated", "value", "9A1.a", "realisatie", 2018, "33%", "31%"),
        ("target_changed", "value", "9A1.a", "streefwaarde", 2021, "36%", "37%")]


def test_value_missing_inside_the_other_editions_years_is_listed():
    old = edition(values=[("9A1.a", "realisatie", y, "32%") for y in (2015, 2016, 2017)])
    new = edition(year=2021, values=[("9A1.a", "realisatie", 2015, "32%"), ("9A1.a", "realisatie", 2016, "-"),
                                     ("9A1.a", "realisatie", 2017, "32%")])
    assert rows(extract.compare(old, new)) == [("only_old", "value", "9A1.a", "realisatie", 2016, "32%", None)]


def test_budget_vs_annual_report_lists_targets_with_realised_and_flags_moved_targets():
    budget = edition(year=2017, values=[("9A1.a", "realisatie", 2015, "30%"), ("9A1.a", "streefwaarde", 2017, "35%"),
                                        ("9A1.a", "streefwaarde", 2018, "36%")])
    report = edition(kind="jaarstukken", year=2017, values=[
        ("9A1.a", "realisatie", 2015, "31%"), ("9A1.a", "realisatie", 2017, "33%"),
        ("9A1.a", "streefwaarde", 2017, "34%")])
    df = extract.compare(budget, report)
    assert rows(df) == [
        ("restated", "value", "9A1.a", "realisatie", 2015, "30%", "31%"),
        ("only_new", "value", "9A1.a", "realisatie", 2017, None, "33%"),
        ("target_changed", "value", "9A1.a", "streefwaarde", 2017, "35%", "34%"),
        ("target", "value", "9A1.a", "streefwaarde", 2018, "36%", None)]
    assert df.iloc[2]["realised"] == "33%"


def test_newest_document_of_a_side_is_compared_for_an_area():
    old = [edition(year=2019, doc_id="b2019"), edition(year=2020, doc_id="b2020",
                                                       goals={"9A1": "Sociale binding is heel hoog"})]
    df = extract.compare(old, edition(year=2021, goals={"9A1": "Sociale binding is heel hoog"}))
    assert rows(df) == [] and "b2020" in df.attrs["notes"][0]


@pytest.mark.parametrize("a,b,expected", [
    ("Percentage inwoners \"Ik woon in een gezellige buurt\"", "percentage inwoners 'Ik woon in een gezellige buurt'", 1.0),
    ("Handhaven openbare orde", "Organiseren van verkiezingen", None),
])
def test_similarity_ignores_quotes_and_case(a, b, expected):
    s = similarity(a, b)
    assert s == expected if expected is not None else s < 0.8


def test_pair_records_prefers_code_then_best_wording():
    old = [("1", "alpha beta gamma"), ("2", "delta epsilon zeta")]
    new = [("9", "delta epsilon zeta!"), ("1", "something else"), ("8", "alpha beta gamma")]
    pairs = pair_records(old, new, code=lambda r: r[0], text=lambda r: r[1])
    got = {(p.old and p.old[0], p.new and p.new[0], p.by) for p in pairs}
    assert got == {("1", "1", "code"), ("2", "9", "wording"), (None, "8", None)}
