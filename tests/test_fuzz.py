"""The fuzz suite in the test suite (issue 13): a short seeded campaign of hostile text, HTML and
PDF inputs, and the regression samples of every crash and hang the campaigns found.

Each input runs in a child process with a CPU time limit (10 s: over it is a hang) and a memory
limit; nothing may escape `extract.convert` or `extract convert`, no `internal_error`, and a
failed document names file and reason. The long campaign is `bench/fuzz.py` (see there)."""
from __future__ import annotations

from pathlib import Path

from conftest import ROOT
from fuzzing.campaign import Limits, campaign, check_files
from fuzzing.inputs import SHORT_PLAN

FUZZ_DATA = ROOT / "tests" / "data" / "fuzz"
SHORT_RUN = 2000
LIMITS = Limits(cpu_seconds=10.0, memory_mb=2048)

# What each regression sample must still say about itself (beside converting cleanly).
EXPECTED = {
    "html-charset-undefined.html": {"encoding_guessed"},
    "html-charset-punycode.html": {"encoding_guessed"},
    "html-charset-idna-xml-declaration.html": {"encoding_guessed"},
    "html-thousands-of-unclosed-sections-nested-deep.html": {"deep_nesting"},
    "text-layout-line-of-ten-thousand-repeats.txt": {"values_not_placed"},
    "text-uncoded-cell-table-of-eighty-thousand-cells.txt": {"table_too_large"},
    "text-line-table-of-sixty-thousand-year-entry-rows.txt": {"table_too_large"},
}


def test_short_seeded_campaign_finds_nothing(tmp_path):
    report = campaign(seed=13, count=SHORT_RUN, work=tmp_path, limits=LIMITS, plan=SHORT_PLAN, jobs=2,
                      keep_failures=False)
    text = "\n".join(report.lines())
    assert report.tried == SHORT_RUN
    assert set(report.by_format) == {"text", "html", "pdf"}
    assert report.failures == 0, text


def test_regression_samples_convert_cleanly(tmp_path):
    samples = sorted(p for p in FUZZ_DATA.iterdir() if p.suffix in (".txt", ".html", ".pdf"))
    assert len(samples) >= 10
    outcomes = {Path(o.label).name: o for o in check_files(samples, tmp_path, LIMITS)}
    assert set(outcomes) == {p.name for p in samples}
    for name, out in sorted(outcomes.items()):
        assert not out.problems, (name, out.problems)
        assert out.status in ("ok", "partial", "failed"), name
        assert EXPECTED.get(name, set()) <= set(out.diagnostics), (name, out.diagnostics)


def test_glyphs_drawn_twice_are_read_once(tmp_path):
    """Fake bold (every glyph drawn twice, a fraction of a point apart) reads as one word each;
    the page of 5,000 such words in `pdf-dense-page-glyphs-drawn-twice.pdf` took minutes when
    pdfplumber's `dedupe_chars` ordered its result with `list.index`."""
    from fuzzing.pdfbuild import document, text_content
    lines = [(72, 700, 10, "Beleidsterrein 9A Sociale binding"), (72.3, 700, 10, "Beleidsterrein 9A Sociale binding"),
             (72, 680, 10, "9A1 Inwoners doen mee"), (72.2, 680.2, 10, "9A1 Inwoners doen mee"),
             (300, 680, 10, "9A1.1 Organiseren van een aanbod"), (300.4, 680, 10, "9A1.1 Organiseren van een aanbod")]
    path = tmp_path / "bold.pdf"
    path.write_bytes(document([text_content(lines)]))
    import extract
    doc = extract.convert(path)
    assert [(g.code, g.title) for g in doc.goals] == [("9A1", "Inwoners doen mee")]
    assert [(p.code, p.title) for p in doc.performances] == [("9A1.1", "Organiseren van een aanbod")]


def test_source_wrapped_over_a_storm_of_short_lines_takes_a_few_pieces():
    """A source wrapped in its narrow column ('Gemeente' / 'Leid' / 'en') takes a few short lines,
    never a storm of them: fuzz #26703 of seed 2030 put 400,000 lines of '┼' after one, and
    appending each to the source cost 13 s (a string grown line by line)."""
    import extract
    doc = extract.convert(FUZZ_DATA / "text-source-wrapped-over-a-storm-of-short-lines.txt")
    row = next(i for i in doc.indicators if i.code == "6B2.b")
    assert row.source.startswith("Gemeente Leid")
    assert len(row.source.split()) <= 2 + 4
    assert [i.source for i in doc.indicators if i.code == "6B2.c"] == ["Vroegsignalering"]


def test_a_row_gathers_only_the_cells_it_can_take(monkeypatch):
    """A cell-per-line indicator row takes at most one cell per column (beside `5,7 (2015)`
    entries) and a source: fuzz #71044 of seed 2032 put 1.75 million value lines after one, and
    the row gathered every one of them to use six. The row reads as it does without them."""
    import extract
    from extract.parse import indicator_rows
    sizes = []
    real = indicator_rows.assign_cells
    monkeypatch.setattr(indicator_rows, "assign_cells",
                        lambda model, cells, row: sizes.append(len(cells)) or real(model, cells, row))
    doc = extract.convert(FUZZ_DATA / "text-cell-per-line-row-before-sixty-thousand-value-lines.txt")
    plain = extract.convert(ROOT / "samples" / "editions" / "begroting-2020-8c-sport.txt")
    assert sizes and max(sizes) <= 10
    def values(d):
        return [(v.indicator_code, v.kind, v.year, v.raw) for v in d.values]
    assert values(doc) == values(plain) and len(doc.values) >= 5
    assert [(i.code, i.source) for i in doc.indicators] == [(i.code, i.source) for i in plain.indicators]


def test_a_run_of_labels_is_tried_as_a_header_from_its_first_cells_only(monkeypatch, tmp_path):
    """A header starts within the first MAX_HEADER_TRIES cells of its run of label cells: fuzz
    #29917 of seed 2034 put runs of 60 `Nr.` lines (each a label) into a report, and a table
    was tried from each line of each run, reading the run to its end every time (1,800 header
    cells per run; 12.8 s for 3 MB). The sample (made from a sample report, with the fuzz input's
    `\\r\\r\\n` line ends) reads as it does without the run."""
    import extract
    from extract.parse import text_tables
    read = []
    real = text_tables.columns_from_cells
    monkeypatch.setattr(text_tables, "columns_from_cells",
                        lambda texts, *a, **k: read.append(len(texts)) or real(texts, *a, **k))
    doc = extract.convert(FUZZ_DATA / "text-run-of-sixty-labels-tried-from-each.txt")
    assert sum(read) <= 1_200, sum(read)   # eight starts of 60 cells, two readings each, and the rest
    sample = ROOT / "samples" / "text" / "pdftotext" / "jaarstukken-2019-3abc-onderwijs-money-tables.raw.txt"
    plain_path = tmp_path / "plain.txt"   # the sample with the same line ends, without the run
    plain_path.write_bytes(sample.read_bytes().replace(b"\n", b"\r\r\n"))
    plain = extract.convert(plain_path)
    def records(d):
        return ([(v.indicator_code, v.kind, v.year, v.raw) for v in d.values],
                [(i.code, i.name, i.source) for i in d.indicators], [(g.code, g.title) for g in d.goals])
    assert records(doc) == records(plain) and len(doc.values) >= 10


def test_records_of_one_fused_line_each_keep_their_own_part_as_raw():
    """A line holding many records (a table rendered as one line) gives each record after the
    first its own part as its raw text, not the whole line: fuzz #55287 of seed 2034 made a 5 MB
    line of 775 records, each of which (and each finding about it) carried the whole line, and
    the document's JSON (3.9 GB) aborted the process. Here 82 KB of one line gave 91 MB."""
    import extract
    path = FUZZ_DATA / "text-line-of-two-thousand-fused-records.txt"
    doc = extract.convert(path)
    records = doc.goals + doc.performances
    assert len(doc.performances) >= 900 and len(doc.goals) >= 90
    line = max(path.read_text(encoding="utf-8").splitlines(), key=len)
    assert sum(r.provenance.raw == line for r in records) == 1   # the first record of the line
    for r in records:
        assert r.provenance.raw == line or (len(r.provenance.raw) < 120 and r.provenance.raw.startswith(r.code)), r.code
    assert len(doc.model_dump_json()) < 20 * path.stat().st_size
