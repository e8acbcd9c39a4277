"""Profiles: a document shape is data. The built-in profiles load and are told apart from a
document's text; a new shape is added by a profile entry alone (no parser edit) and a page in it
is read; a broken profile file is an error naming the file and the key."""
from __future__ import annotations

import pytest
from conftest import ROOT, SAMPLES, SHARED, run_cli

import extract
from extract.profiles import registry
from extract.profiles.columns import ColumnWords
from extract.profiles.definition import ProfileError, from_dict

DATA = ROOT / "tests" / "data" / "profiles"


def test_the_builtin_profiles_load_and_are_listed():
    assert {"leiden", "bbv"} <= set(registry.profiles())
    result = run_cli("profiles")
    assert result.returncode == 0
    assert "leiden" in result.stdout and "bbv (default)" in result.stdout
    assert "profiles/data/bbv.toml" in result.stdout


def test_leiden_pages_and_other_municipalities_get_their_profile():
    assert extract.convert(SAMPLES / "000_77f27bb01ce9e9d5.txt").profile == "leiden"
    assert extract.convert(SAMPLES / "html" / "begroting-2024-hillegom-beleidsindicatoren-zonder-codes.html").profile == "bbv"
    if SHARED.exists():
        pages = sorted((SHARED / "corpus" / "other-web").glob("*.txt"))
        assert pages and {extract.convert(p).profile for p in pages} == {"bbv"}


def test_a_new_shape_is_a_profile_entry_alone(tmp_path):
    page = DATA / "opgaven-page.txt"
    plain = extract.convert(page)
    assert not plain.indicators and not plain.goals  # no built-in profile knows `KPI | Meetwaarde | Mikpunt`
    doc = extract.convert(page, profile=str(DATA / "opgaven.toml"))
    assert doc.profile == "opgaven"
    assert [(g.code, g.title) for g in doc.goals] == [("3", "Een gezonde en groene stad")]
    assert [(i.name, i.source) for i in doc.indicators] == [("Bomen per 1.000 inwoners", "Boomregister"),
                                                             ("Ervaren hittestress (% inwoners)", "Stadsmonitor")]
    assert [(v.indicator_key, v.kind, v.year, str(v.value)) for v in doc.values] == [
        ("bomen-per-1-000-inwoners", "realisatie", 2022, "212"),
        ("bomen-per-1-000-inwoners", "streefwaarde", 2025, "230"),
        ("ervaren-hittestress-inwoners", "realisatie", 2022, "31"),
        ("ervaren-hittestress-inwoners", "streefwaarde", 2025, "25")]
    # the CLI takes the file too, and documents.csv says which profile was used
    result = run_cli("convert", str(page), "--profile", str(DATA / "opgaven.toml"), "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert ",opgaven," in (tmp_path / "documents.csv").read_text(encoding="utf-8")


def test_an_extending_profile_keeps_the_words_of_its_base():
    opgaven = registry.get(str(DATA / "opgaven.toml"))
    roles = {t.role for t in opgaven.columns.tokens("KPI Meetwaarde Realisatie Begroting Bron Herkomst")}
    assert roles == {"name", "realisatie", "streefwaarde", "source"}


@pytest.mark.parametrize("table, message", [
    ({"title": "x"}, "'name' must be a non-empty string"),
    ({"name": "x", "title": "x", "colour": 1}, "unknown key colour"),
    ({"name": "x", "title": "x", "columns": {"prijs": ["euro"]}}, "unknown column role 'prijs'"),
    ({"name": "x", "title": "x", "codes": {"goal": ["(?P<code>\\d+"]}}, "[codes] goal[0]: pattern does not compile"),
    ({"name": "x", "title": "x", "codes": {"goal": ["Doel (?P<code>\\d+)"]}}, "needs the named groups 'code' and 'title'"),
    ({"name": "x", "title": "x", "columns": {"name": ["bron"], "source": ["bron"]}}, "listed under both"),
])
def test_a_broken_profile_names_the_file_and_the_key(table, message):
    with pytest.raises(ProfileError) as err:
        from_dict(table, "my.toml")
    assert "my.toml" in str(err.value) and message in str(err.value)


def test_an_unknown_profile_is_a_usage_error(tmp_path):
    result = run_cli("convert", str(SAMPLES / "000_77f27bb01ce9e9d5.txt"), "--profile", "nope", "--out", str(tmp_path))
    assert result.returncode == 2
    assert "unknown profile 'nope'" in result.stderr and "bbv" in result.stderr
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "bad"\ntitle = "bad"\nextends = "nope"\n', encoding="utf-8")
    result = run_cli("convert", str(SAMPLES / "000_77f27bb01ce9e9d5.txt"), "--profile", str(bad), "--out", str(tmp_path))
    assert result.returncode == 2 and "extends unknown profile 'nope'" in result.stderr


def _listed_longest_first(words: ColumnWords, listed: list[str], text: str) -> list[tuple]:
    """The tokens the words gave when their regex listed every word, longest first (the reference
    for the letter trie that replaced it)."""
    import re as _re
    keys = sorted(set(listed), key=lambda w: (-len(w), w))
    alternatives = [r"[\s\-–]?".join(_re.escape(p) for p in _re.split(r"[\s\-–]+", w.strip())) for w in keys]
    rx = _re.compile(r"(?-i:(?<![a-zà-ÿ])|(?=[A-ZÀ-Ý]))(?P<word>(?:" + "|".join(alternatives)
                     + r")(?:\(en\)|\(s\)|en|s)?)(?-i:(?![a-zà-ÿ]))", _re.IGNORECASE)
    return [(m.start(), m.end()) for m in rx.finditer(text) if words.role_of(m.group("word"))]


def test_the_header_word_trie_finds_what_the_list_of_words_found():
    table = {"name": ["indicator", "effectindicator", "maatstaf"], "realisatie": ["realisatie", "rekening"],
             "streefwaarde": ["streefwaarde", "begroting", "beoogd"], "source": ["bron"],
             "comparison": ["Nederland", "landelijk gemiddelde", "gemeenten 100.000-300.000", "G4"],
             "other": ["prognose", "landelijk"]}
    words = ColumnWords.from_table(table)
    listed = [w for entries in table.values() for w in entries]
    lines = ["Effectindicator Realisatie 2019 Begroting 2021 Bron", "RealisatieEffectindicator",
             "Landelijk gemiddelde 2020", "landelijk-gemiddelde", "Gemeenten 100.000 - 300.000",
             "Gemeenten 100.000-300.000 Nederland G4", "indicatoren rekeningen", "begrotingstekort",
             "Nederlandse bron(nen)", "de prognoses van het landelijkgemiddelde", ""]
    for line in lines:
        got = [(t.start, t.end) for t in words.tokens(line) if t.role != "year"]
        assert got == _listed_longest_first(words, listed, line), line


def test_every_header_word_of_every_profile_is_found_behind_the_first_character_test():
    """The header-word pattern first tests the character a token can start with (the class is
    built from the words): each word of each built-in profile, and of a table whose words start
    with a digit, an accent or a sign, is still found as a token of its role, in any case,
    between other words, and the year forms too."""
    tables = [registry.get(name).columns for name in registry.profiles()]
    tables.append(ColumnWords.from_table({"comparison": ["100.000+ gemeenten", "Ééncijferig", "% inwoners", "(x 1000)"],
                                          "realisatie": ["realisatie"], "year_prefix": {"R": "realisatie"}}))
    for words in tables:
        for key, role in words.roles.items():
            for text in (key, key.upper(), f"- {key} / 2019"):
                found = [t.role for t in words.tokens(text)]
                assert role in found, (text, found)
    assert [(t.role, t.year) for t in tables[-1].tokens("R2019 2020")] == [("realisatie", 2019), ("year", 2020)]


def test_a_long_run_of_separators_is_never_scanned_for_header_words(monkeypatch):
    """A fuzz input put 2,000 stars inside every indicator row of a layout text: every such line
    was read as a possible header (stars separate header words), scanned for header words again
    and again (4.4 s for 540 KB). A text longer than LABELS_AT_MOST is no header."""
    scanned = []
    real = ColumnWords._scan
    monkeypatch.setattr(ColumnWords, "_scan", lambda self, text: scanned.append(len(text)) or real(self, text))
    words = registry.get("bbv").columns
    assert words.label_only("Realisatie " + "* " * 400) is not None
    assert words.label_only("Realisatie " + "* " * 3000) is None
    sample = ROOT / "tests" / "data" / "fuzz" / "text-star-storm-inside-indicator-rows.txt"
    doc = extract.convert(sample)
    assert doc.status == "ok" and len(doc.indicators) >= 5
    assert sum(n for n in scanned if n > ColumnWords.LABELS_AT_MOST) < sample.stat().st_size / 10


def test_the_joined_code_patterns_turn_away_only_lines_no_code_pattern_starts():
    """`NumberedCodes.may_start` (the goal, goal-before-table and performance patterns joined as
    one) says False only of lines that none of the patterns starts: on every line of the text
    samples, under every built-in profile and one with a case-blind pattern."""
    import re as _re
    from extract.profiles.definition import NumberedCodes
    lines = [line.strip() for f in sorted((ROOT / "samples").rglob("*.txt"))
             for line in f.read_text(encoding="utf-8", errors="replace").splitlines()]
    lines += ["Doel 1: Meer banen", "doel 2 minder armoede", "1.1 Wij doen", "Prestatie 1.2.3 Iets", "Tekst"]
    codes = [registry.get(name).codes for name in registry.profiles()]
    codes.append(NumberedCodes(goal=(_re.compile(r"doel\s+(?P<code>\d+)\s*(?P<title>.*)", _re.IGNORECASE),),
                               performance=(_re.compile(r"(?P<code>\d+\.\d+)\s+(?P<title>.*)"),)))
    turned_away = 0
    for c in codes:
        assert c._starts is not None
        for line in lines:
            if not c.may_start(line):
                turned_away += 1
                assert c.goal_line(line) is None and c.performance_line(line) is None and c.goal_before(line) is None, line
    assert turned_away > len(lines)
    assert codes[-1].may_start("DOEL 3 Iets") and not codes[-1].may_start("1 Iets")
