"""Malformed and hostile HTML: truncated pages, unclosed tags, binary junk, a 50 MB page, deep
nesting, absurd spans. Each gives diagnostics (or a failed document), never a traceback or a
hang; and a property test feeds mangled versions of the sample pages."""
from __future__ import annotations

import re
import tempfile
import unicodedata
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import ROOT, SAMPLES, run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import extract
from extract.sources.html.content import NON_TEXT_TAGS
from extract.sources.html.encoding import decode_html
from extract.sources.html.limits import check_text

PAGES = sorted((SAMPLES / "html").glob("*.html"))
SEED = SAMPLES / "html" / "000-begroting-2019-9a-sociale-binding.html"


# A hang guard, not a speed test (speed is measured in bench/html_bench.py): a page that
# took this long would come back as a failed document with a `timeout` diagnostic.
HANG_LIMIT = 120


FUZZ = ROOT / "tests" / "data" / "fuzz"


def convert_bytes(tmp_path: Path, data: bytes, name: str = "page.html"):
    path = tmp_path / name
    path.write_bytes(data)
    doc = extract.convert(path, timeout=HANG_LIMIT)
    assert "timeout" not in [d.code for d in doc.diagnostics]
    return doc


def test_truncated_pages_keep_what_they_hold(tmp_path):
    data = SEED.read_bytes()
    for cut in range(len(data) // 23, len(data), len(data) // 23):  # (0 bytes: an empty file fails)
        doc = convert_bytes(tmp_path, data[:cut])
        assert doc.status in ("ok", "partial")
    half = convert_bytes(tmp_path, data[: data.index(b"Effectindicatoren bij")])
    assert len(half.performances) == 4 and not half.indicators


def test_unclosed_tags_are_recovered(tmp_path):
    doc = convert_bytes(tmp_path, b"<html><body><table><tr><td>Effectindicator<td>Realisatie<td>Bron"
                                  b"<tr><td>9A1.a Aantal vrijwilligers<td>5,7 (2015)<td>Stadsenquete</table><p>9A1 Doel <b>vet <i>schuin")
    assert [(i.code, i.source) for i in doc.indicators] == [("9A1.a", "Stadsenquete")]
    assert [(v.year, str(v.value)) for v in doc.values] == [(2015, "5.7")]


def test_binary_junk_fails_alone_with_an_error_diagnostic(tmp_path):
    junk = tmp_path / "in" / "junk.html"
    junk.parent.mkdir()
    junk.write_bytes(bytes(range(256)) * 4000)
    (tmp_path / "in" / "seed.html").write_bytes(SEED.read_bytes())
    r = run_cli("convert", str(tmp_path / "in"), "--out", str(tmp_path / "out"))
    assert r.returncode == 1
    assert "Traceback" not in r.stdout + r.stderr
    assert "junk.html" in r.stderr and "binary data" in r.stderr
    doc = extract.convert(junk)
    assert doc.status == "failed" and doc.diagnostics[0].severity == "error"


def test_a_50_mb_page_is_read_without_hanging(tmp_path):
    data = SEED.read_bytes()
    inline_image = b'<img src="data:image/png;base64,' + b"QUJD" * 12_500_000 + b'">'
    doc = convert_bytes(tmp_path, data.replace(b'<main id="inhoud">', b'<main id="inhoud">' + inline_image))
    assert len(doc.values) == 40 and doc.diagnostics == []  # the image is not text: nothing is lost
    filler = b"".join(b"<p>Lorem ipsum dolor sit amet %d, consectetur adipiscing elit.</p>\n" % i for i in range(800_000))
    doc = convert_bytes(tmp_path, data.replace(b"</article>", filler + b"</article>"))
    assert len(doc.values) == 40
    assert [d.code for d in doc.diagnostics] == ["page_truncated"]


def test_a_50_mb_text_node_is_cut(tmp_path):
    doc = convert_bytes(tmp_path, b"<html><body><main><p>" + b"x" * 50_000_000 + b"</p></main></body></html>")
    assert [d.code for d in doc.diagnostics] == ["page_truncated", "no_records"]


def test_deep_nesting_is_read_as_text_with_a_warning(tmp_path):
    doc = convert_bytes(tmp_path, b"<html><body>" + b"<div><span>" * 40_000 + b"9A1 Sociale binding is hoog")
    assert doc.status == "ok"
    assert [g.code for g in doc.goals] == ["9A1"]
    assert "deep_nesting" in [d.code for d in doc.diagnostics]


def test_thousands_of_unclosed_sections_nest_no_deeper_than_the_bound(tmp_path):
    """bs4 relinks every new element by walking up its open ancestors: 4,000 unclosed sections
    nested 12,000 deep made that quadratic (a 7 MB fuzz page: 30 s in bs4). Deeper elements now
    open as siblings at `MAX_TREE_DEPTH`, so the tree stays shallow and is still read as markup."""
    from extract.sources.html.limits import MAX_TREE_DEPTH
    from extract.sources.html.page import parse_markup
    page = FUZZ / "html-thousands-of-unclosed-sections-nested-deep.html"
    soup, flattened, first = parse_markup(page.read_text(encoding="utf-8"))
    assert flattened > 10_000 and first == "div"
    assert max(len(list(el.parents)) for el in soup.find_all(True)) <= MAX_TREE_DEPTH + 1
    doc = extract.convert(page)
    assert doc.status == "ok"
    [deep] = [d for d in doc.diagnostics if d.code == "deep_nesting"]
    assert deep.severity == "warning" and page.name in deep.location
    # every performance the code grammar can name (two-digit goal numbers) is read as markup
    assert [p.code for p in doc.performances] == [f"5C{k}.1" for k in range(1, 100)]
    assert doc.performances[-1].title == "Onderhouden van het park 99"


def test_a_page_of_hundreds_of_thousands_of_tags_is_cut_to_its_first_max_tags(tmp_path):
    """Each element costs ~35 us from bs4 through the walk: a fuzz page of 400,000 list items in
    2 MB of markup took 15 s. The markup is cut before its MAX_TAGS+1-th tag, with a warning."""
    from extract.sources.html.limits import MAX_TAGS
    head = b"<html><head><title>Programmabegroting 2019</title></head><body><main><h2>9A1 Sociale binding is hoog</h2>"
    doc = convert_bytes(tmp_path, head + b"<ul><li>x</li></ul>" * 150_000 + b"<h2>9A2 Te laat</h2></main></body></html>")
    assert [g.code for g in doc.goals] == ["9A1"]
    [cut] = [d for d in doc.diagnostics if d.code == "page_truncated"]
    assert cut.severity == "warning" and f"at most {MAX_TAGS:,} tags" in cut.message
    assert doc.status == "ok"


def test_absurd_spans_are_bounded(tmp_path):
    doc = convert_bytes(tmp_path, b"<table>" + b'<tr><td rowspan="65534" colspan="100000">x</td></tr>' * 3000 + b"</table>")
    assert "table_too_large" in [d.code for d in doc.diagnostics]


def test_empty_and_blank_pages(tmp_path):
    empty = convert_bytes(tmp_path, b"")
    assert empty.status == "failed" and [(d.code, d.message) for d in empty.diagnostics] == [("empty_file", "empty file")]
    for data in (b"   \n", b"<html></html>", b"<!-- only a comment -->", b"<html><body><script>x()</script></body></html>"):
        doc = convert_bytes(tmp_path, data)
        assert doc.status == "ok" and [d.code for d in doc.diagnostics] == ["no_records"], data


# -- mangled sample pages ---------------------------------------------------------------------------

_WORK = Path(tempfile.mkdtemp(prefix="extract-html-hypothesis-"))
_CLOSING = [b"</td>", b"</tr>", b"</p>", b"</table>", b"</thead>", b"</li>", b"</div>", b"</main>", b">", b"<"]


@st.composite
def mangled_pages(draw) -> bytes:
    data = draw(st.sampled_from(PAGES)).read_bytes()
    for _ in range(draw(st.integers(1, 4))):
        n = len(data)
        at = draw(st.integers(0, n))
        what = draw(st.sampled_from(["truncate", "delete", "duplicate", "insert", "drop_tag", "swap"]))
        if what == "truncate":
            data = data[:at]
        elif what == "delete":
            data = data[:at] + data[at + draw(st.integers(1, 2000)):]
        elif what == "duplicate":
            data = data[:at] + data[at:at + draw(st.integers(1, 3000))] + data[at:]
        elif what == "insert":
            data = data[:at] + draw(st.binary(min_size=1, max_size=64)) + data[at:]
        elif what == "drop_tag":
            data = data.replace(draw(st.sampled_from(_CLOSING)), b"")
        else:
            other = draw(st.integers(0, n))
            a, b = sorted((at, other))
            data = data[b:] + data[a:b] + data[:a]
    return data


def _visible(data: bytes) -> str:
    """The text a browser would show of a page, decoded the way the source decodes it, without
    white space."""
    text, _ = decode_html(data, "page.html")
    soup = BeautifulSoup(check_text(text, "page.html"), "lxml")
    for el in soup.find_all(NON_TEXT_TAGS - {"head"}):  # a broken head can hold the body
        el.extract()
    text = soup.get_text()
    text = unicodedata.normalize("NFC", text).replace("\u00ad", "").replace("\u200b", "").replace("\ufeff", "")
    return re.sub(r"\s+", "", text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mangled_pages())
def test_mangled_pages_never_raise_and_values_come_from_the_page(data):
    path = _WORK / "mangled.html"
    path.write_bytes(data)
    doc = extract.convert(path)  # must not raise, whatever the bytes
    if doc.status == "failed":
        assert doc.diagnostics and doc.diagnostics[0].severity == "error"
        return
    visible = _visible(data)
    for value in doc.values:
        # a value is its cell's lines joined: each piece is text of the page (lines of one cell
        # need not be adjacent in the page text when chrome between them was left out)
        assert all(piece in visible for piece in value.raw.split()), value.raw
    for indicator in doc.indicators:  # its code, or (none printed) its name, is text of the page
        assert re.sub(r"\s+", "", indicator.code or indicator.name.rstrip("*")) in visible


def test_one_very_wide_row_does_not_pad_every_row_to_its_width(tmp_path):
    """A fuzzed row of 100,000 cells over short rows padded them all to its width (millions of
    empty cells): the padded grid is bounded too, with a warning."""
    from extract.layout import MAX_CELLS
    wide = "<tr>" + "<td>x</td>" * 20_000 + "</tr>"
    short = "<tr><td>9A1.a Aantal</td><td>5</td></tr>" * 200
    doc = convert_bytes(tmp_path, f"<html><body><h1>Begroting 2024</h1><table>{wide}{short}</table></body></html>".encode())
    notes = [d for d in doc.diagnostics if d.code == "table_too_large"]
    assert notes and "20000 columns wide" in notes[0].message
    assert str(MAX_CELLS // 20_000) in notes[0].message


def test_a_declared_charset_is_read_after_white_space_and_quotes_and_a_run_of_spaces_is_none():
    from extract.sources.html.encoding import declared_label
    assert declared_label(b"<meta charset = ' Windows-1252'>") == "windows-1252"
    assert declared_label(b'<meta http-equiv="Content-Type" content="text/html; charset=utf-8">') == "utf-8"
    assert declared_label(b"<meta charset=" + b" " * 4000 + b"!") is None


def test_a_description_nested_in_a_description_is_part_of_it_not_read_again():
    """Fuzz #12555 of seed 2033 nested 58,610 `<dd>` in one another (through unclosed spans) in an
    indicator card: each was collected as a description of the term and read again inside every
    one around it (24 s for 0.24 MB; `html-card-of-descriptions-nested-in-one-another.html`).
    A term or description is read whole; what is nested in it is its text."""
    from extract.sources.html.tables import dl_groups
    dl = BeautifulSoup("<dl><div><dt>Realisatie</dt><dd>5<span><dd>6<span><dd>7</dd></span></dd></span></dd></div>"
                       "<dt>Streefwaarde</dt><dd>8</dd></dl>", "lxml").dl
    groups = dl_groups(dl)
    assert [(dt.get_text(), [dd.get_text() for dd in dds]) for dt, dds in groups] == [
        ("Realisatie", ["567"]), ("Streefwaarde", ["8"])]
