"""Dutch value cells: every form the documents use, read exactly (Decimal) or kept as text."""
from __future__ import annotations

from decimal import Decimal

import pytest

from extract.models.values import find_value_run_tokens, format_decimal, is_value_token, parse_cell, parse_decimal

D = Decimal


@pytest.mark.parametrize("raw, value, unit", [
    ("5,7", D("5.7"), None),
    ("6,0", D("6.0"), None),
    ("12,5%", D("12.5"), "%"),
    ("12,5 %", D("12.5"), "%"),
    ("33%", D("33"), "%"),
    ("12.400", D("12400"), None),
    ("22.442", D("22442"), None),
    ("432.000", D("432000"), None),
    ("1.234,5", D("1234.5"), None),
    ("100.000.000", D("100000000"), None),
    ("5.7", D("5.7"), None),  # a dot not followed by three digits is a decimal point
    ("0.750", D("0.750"), None),  # a leading zero cannot start a thousands group
    ("-3,5", D("-3.5"), None),
    ("€ 1.500", D("1500"), "€"),
    ("25 procent", D("25"), "%"),
])
def test_numbers(raw, value, unit):
    cell = parse_cell(raw)
    assert cell.status == "number"
    assert cell.value == value and isinstance(cell.value, Decimal)
    assert cell.unit == unit
    assert cell.raw == raw.strip()


@pytest.mark.parametrize("raw, status", [
    ("-", "empty"), ("–", "empty"), ("—", "empty"), ("", "empty"), ("  ", "empty"),
    ("n.b.", "not_available"), ("nb", "not_available"), ("x", "not_available"),
    ("nvt", "not_applicable"), ("n.v.t.", "not_applicable"), ("n.v.t", "not_applicable"),
    ("pm", "pm"), ("p.m.", "pm"),
])
def test_no_figure(raw, status):
    cell = parse_cell(raw)
    assert cell.status == status
    assert cell.value is None


@pytest.mark.parametrize("raw, value, markers", [
    ("10.126**", D("10126"), "**"),
    ("32%*", D("32"), "*"),
    ("7,3*", D("7.3"), "*"),
    ("n.b.*", None, "*"),
])
def test_footnote_markers_glued_to_values(raw, value, markers):
    cell = parse_cell(raw)
    assert cell.value == value
    assert cell.markers == markers


@pytest.mark.parametrize("raw, value, year", [
    ("5,7 (2015)", D("5.7"), 2015),
    ("32% (2013)", D("32"), 2013),
    ("7,3 (2017)*", D("7.3"), 2017),
    ("- (2016)", None, 2016),
])
def test_value_with_year(raw, value, year):
    cell = parse_cell(raw)
    assert cell.value == value
    assert cell.year == year


@pytest.mark.parametrize("raw, comparator, value, unit", [
    ("< 20%", "<", D("20"), "%"),
    ("<20%", "<", D("20"), "%"),
    ("≥ 80%", ">=", D("80"), "%"),
    (">= 7,0", ">=", D("7.0"), None),
    ("≤ 5", "<=", D("5"), None),
    ("> 1.000", ">", D("1000"), None),
    ("ca. 300", "~", D("300"), None),
    ("minimaal 75%", ">=", D("75"), "%"),
])
def test_comparators(raw, comparator, value, unit):
    cell = parse_cell(raw)
    assert (cell.comparator, cell.value, cell.unit) == (comparator, value, unit)


@pytest.mark.parametrize("raw", ["stijging", "gelijk of hoger", "daling", "70-80%", "1,2,3", "zie toelichting"])
def test_qualitative_text_is_kept_not_invented(raw):
    cell = parse_cell(raw)
    assert cell.status == "qualitative"
    assert cell.value is None
    assert cell.qualifier == raw


def test_parse_decimal_rejects_non_numbers():
    for t in ["", "abc", "1,", "1.2.3,4,5", "12.34.5"]:
        assert parse_decimal(t) is None


def test_format_decimal_is_plain():
    assert format_decimal(D("401000")) == "401000"
    assert format_decimal(D("6.0")) == "6.0"
    assert format_decimal(D("1E+3")) == "1000"
    assert format_decimal(None) == ""


@pytest.mark.parametrize("token, ok", [
    ("33%", True), ("5,8", True), ("-", True), ("n.v.t.", True), ("10.126**", True), ("<20%", True),
    ("Veiligheidsmonitor", False), ("cohesie*", False), ("2B4", False),
])
def test_value_tokens(token, ok):
    assert is_value_token(token) is ok


def test_value_run_in_a_pdf_line():
    name, values, source = find_value_run_tokens("Schaalscore sociale cohesie* 5,8 5,7 5,9 5,8 6,0 Veiligheidsmonitor", 5)
    assert name == "Schaalscore sociale cohesie*"
    assert values == ["5,8", "5,7", "5,9", "5,8", "6,0"]
    assert source == "Veiligheidsmonitor"


def test_a_space_groups_thousands_only():
    assert parse_cell("12 400").value == D("12400")
    assert parse_cell("1 234,5").value == D("1234.5")
    cell = parse_cell("5 7")  # a cell split over two lines: no invented 57
    assert cell.value is None and cell.status == "qualitative"


def test_year_before_the_value():
    cell = parse_cell("2021: 180")
    assert (cell.year, cell.value) == (2021, D("180"))


def test_remembered_answers_are_kept_for_short_texts_only_and_bounded():
    """`remember_short`: a text asked again is not computed again when it is short; a long one
    is computed each time and never kept; a full table of answers starts again (bounded)."""
    from extract.models.memo import remember_short
    calls: list[str] = []

    @remember_short(3, longest=5)
    def upper(text: str) -> str:
        calls.append(text)
        return text.upper()

    assert [upper("ab"), upper("ab"), upper("abcdefgh"), upper("abcdefgh")] == ["AB", "AB", "ABCDEFGH", "ABCDEFGH"]
    assert calls == ["ab", "abcdefgh", "abcdefgh"]
    answers = upper.__self__
    for text in ("c", "d", "e", "f"):
        upper(text)
    assert len(answers) <= 3 and "abcdefgh" not in answers
    assert upper("f") == "F" and calls.count("f") == 1


def test_a_value_made_from_a_cell_holds_every_field_of_the_cell():
    """`from_raw` passes the optional fields of a cell only when it has them: each value is the
    one made with every field of the parsed cell (equal, and dumped to the same JSON)."""
    from extract.models import ComparisonValue, IndicatorValue, Provenance
    from extract.models.values import parse_cell
    p = Provenance(source_file="a.txt", line_start=3, line_end=3, raw="x")
    cells = ["7,3", "-", "n.b.", "< 5%", "≥ 80 %", "10.126**", "5,7 (2015)", "pm", "goed", "€ 1.200", "12 km", ""]
    for raw in cells:
        c = parse_cell(raw)
        for key in ("", "9A1.a-2"):
            full = IndicatorValue(indicator_code="9A1.a", indicator_key=key or "9A1.a", kind="realisatie",
                                  year=2019 if c.year is None else c.year, value=c.value, raw=c.raw,
                                  status=c.status, unit=c.unit, comparator=c.comparator, qualifier=c.qualifier,
                                  markers=c.markers, provenance=p)
            got = IndicatorValue.from_raw("9A1.a", "realisatie", 2019 if c.year is None else None, raw, p, key)
            assert got == full and got.model_dump_json() == full.model_dump_json(), raw
        full = ComparisonValue(indicator_code="9A1.a", indicator_key="9A1.a", label="Nederland", year=2019,
                               value=c.value, raw=c.raw, status=c.status, unit=c.unit, comparator=c.comparator,
                               qualifier=c.qualifier, markers=c.markers, provenance=p)
        got = ComparisonValue.from_raw("9A1.a", "9A1.a", "Nederland", 2019, raw, p)
        if c.year is None:
            assert got == full, raw
    assert any(parse_cell(r).comparator for r in cells) and any(parse_cell(r).markers for r in cells)
    assert any(parse_cell(r).unit for r in cells) and any(parse_cell(r).qualifier for r in cells)


def test_clean_text_translates_noise_only_where_there_is_some():
    """clean_text skips the translation of text with none of the noise characters; it gives what
    normalising, translating every character and collapsing spaces gives, for every noise
    character alone and among others, in ASCII and non-ASCII text."""
    import re
    import unicodedata

    from extract.models.values import _NOISE, clean_text

    def reference(text):
        return re.sub(r" {2,}", " ", unicodedata.normalize("NFC", text).translate(_NOISE)).strip()

    noise = [chr(c) for c in _NOISE]
    texts = ["Percentage leerlingen", "  91%\t(2022) ", "Café", "Cafe\u0301", "l\u0080eer\x00lingen ë", "€ 1.200"]
    texts += [f"{a}{n}{b}" for n in noise for a in ("", "x ", "ë ") for b in ("", " y", "\u00a0z")]
    texts += ["".join(noise), "ë" + "".join(noise) * 3 + "ë"]
    assert [clean_text(t) for t in texts] == [reference(t) for t in texts]


def _value_run_reference(text: str, n: int):
    """find_value_run_tokens as it was written before its runs were remembered: the last run of
    at least n value tokens, cut to its last n."""
    from extract.models.values import value_tokens
    tokens = value_tokens(text)
    flags = [is_value_token(t.replace(" ", "")) for t in tokens]
    best, i = None, 0
    while i < len(tokens):
        if not flags[i]:
            i += 1
            continue
        j = i
        while j < len(tokens) and flags[j]:
            j += 1
        if j - i >= n:
            best = (j - n, j)
        i = j
    if best is None:
        return None
    start, end = best
    return " ".join(tokens[:start]), tokens[start:end], " ".join(tokens[end:])


def test_remembered_value_runs_answer_as_the_plain_scan_on_every_sample_line():
    """The value runs of a line are remembered; each answer (the copy handed out included) is
    the plain scan's, for every line of the samples and some made ones, asked twice."""
    from pathlib import Path
    samples = Path(__file__).resolve().parent.parent / "samples"
    lines = {line for p in sorted(samples.rglob("*.txt")) for line in p.read_text(encoding="utf-8").splitlines()}
    lines |= {"5,8 5,7 Bron 6 7 8", "a 1 2 b 3 c 4 5 6", "< 20% 12,5 % € 1.500 5,7 (2015) x", "", "- - -"}
    for line in sorted(lines):
        for n in (1, 2, 3, 5):
            want = _value_run_reference(line, n)
            got = find_value_run_tokens(line, n)
            assert got == want, (line, n)
            if got is not None:
                got[1].append("changed")  # a caller's list is its own: the remembered runs stay
                assert find_value_run_tokens(line, n) == want, (line, n)
