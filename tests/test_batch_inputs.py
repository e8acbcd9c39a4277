"""What a batch takes as input and the ids it gives: one list of formats (registry, help and
README agree), --include/--exclude, skipped and unsupported files counted and listed, empty files
failed, byte-identical inputs converted once, ids from the path relative to the folder named."""
from __future__ import annotations

import csv
import re
import zipfile
from pathlib import Path

import extract
from conftest import ROOT, SAMPLES, run_cli
from extract.api.inputs import collect
from extract.sources import SUFFIXES, suffix_list

SEED = SAMPLES / "000_77f27bb01ce9e9d5.txt"
SEED_TEXT = SEED.read_bytes()


def _ids(out: Path) -> list[str]:
    with open(out / "documents.csv", encoding="utf-8", newline="") as fh:
        return [row["document_id"] for row in csv.DictReader(fh)]


def _docx(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return path


def test_help_readme_and_registry_name_the_same_formats():
    assert suffix_list() == ".pdf .html .htm .xhtml .txt .text .md" and set(SUFFIXES) == set(suffix_list().split())
    help_text = " ".join(run_cli("convert", "--help").stdout.split())
    assert f"searched recursively for {suffix_list()}" in help_text
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    named = re.search(r"folders are searched recursively for ((?:`\.\w+`,? ?(?:and )?)+)", readme)
    assert named, "the README's Converting section names the formats"
    assert re.findall(r"`(\.\w+)`", named.group(1)) == suffix_list().split()


def test_ids_are_paths_relative_to_the_folder_named_and_the_same_alone(tmp_path):
    tree = tmp_path / "budgets"
    (tree / "2020").mkdir(parents=True)
    (tree / "2020" / "begroting.txt").write_bytes(SEED_TEXT)
    (tree / "2020" / "begroting.html").write_bytes(b"<html><body><p>9A1 Inwoners doen mee</p></body></html>")
    (tree / "jaarstukken.txt").write_bytes(SEED_TEXT.replace(b"2019", b"2018"))
    assert run_cli("convert", str(tree), "--out", str(tmp_path / "all")).returncode == 0
    assert _ids(tmp_path / "all") == ["2020/begroting.html", "2020/begroting.txt", "jaarstukken.txt"]
    assert (tmp_path / "all" / "json" / "2020" / "begroting.txt.json").is_file()
    # the file alone, and its folder: the same id as a file named by itself gets its name
    assert run_cli("convert", str(tree / "2020" / "begroting.txt"), "--out", str(tmp_path / "alone")).returncode == 0
    assert run_cli("convert", str(tree / "2020"), "--out", str(tmp_path / "folder")).returncode == 0
    assert _ids(tmp_path / "alone") == ["begroting.txt"]
    assert _ids(tmp_path / "folder") == ["begroting.html", "begroting.txt"]
    assert extract.convert(tree / "2020" / "begroting.txt").document_id == "begroting.txt"


def test_two_files_never_share_an_id(tmp_path):
    for town in ("leiden", "delft"):
        (tmp_path / town).mkdir()
        (tmp_path / town / "begroting.txt").write_bytes(SEED_TEXT.replace(b"Leiden", town.encode()))
    r = run_cli("convert", str(tmp_path / "leiden"), str(tmp_path / "delft"), "--out", str(tmp_path / "out"))
    assert r.returncode == 1
    assert re.search(r"delft/begroting\.txt: id_clash: .*leiden/begroting\.txt has the same document id "
                     r"'begroting\.txt'.*name their common folder", r.stderr), r.stderr
    assert _ids(tmp_path / "out") == ["begroting.txt"]          # the first is converted all the same
    assert run_cli("convert", str(tmp_path), "--out", str(tmp_path / "both")).returncode == 0
    assert _ids(tmp_path / "both") == ["delft/begroting.txt", "leiden/begroting.txt"]


def test_include_and_exclude_globs(tmp_path):
    (tmp_path / "in" / "archief").mkdir(parents=True)
    for name in ("begroting-2020.txt", "jaarstukken-2019.txt", "archief/begroting-2010.txt"):
        (tmp_path / "in" / name).write_bytes(SEED_TEXT + name.encode())
    found = collect([tmp_path / "in"], include=["begroting-*"])
    assert [i.document_id for i in found.files] == ["archief/begroting-2010.txt", "begroting-2020.txt"]
    found = collect([tmp_path / "in"], exclude=["archief/*"])
    assert [i.document_id for i in found.files] == ["begroting-2020.txt", "jaarstukken-2019.txt"]
    assert [s.reason for s in found.skipped] == ["left out by --include/--exclude"]
    r = run_cli("convert", str(tmp_path / "in"), "--include", "*.txt", "--exclude", "jaarstukken*", "-v",
                "--out", str(tmp_path / "out"))
    assert r.returncode == 0
    assert _ids(tmp_path / "out") == ["archief/begroting-2010.txt", "begroting-2020.txt"]
    assert re.search(r"skipped: .*jaarstukken-2019\.txt: left out by --include/--exclude", r.stdout)


def test_skipped_and_unsupported_files_are_counted_and_listed(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "seed.txt").write_bytes(SEED_TEXT)
    (folder / "notes.csv").write_text("a,b\n", encoding="utf-8")
    (folder / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 20)
    _docx(folder / "begroting.docx")
    _docx(folder / "renamed.txt")                      # an Office document whatever its name
    (folder / ".hidden.txt").write_bytes(SEED_TEXT)     # hidden: not looked at
    r = run_cli("convert", str(folder), "--out", str(tmp_path / "out"))
    assert r.returncode == 1                           # the unsupported ones fail the run, the rest is written
    assert _ids(tmp_path / "out") == ["seed.txt"]
    assert re.search(r"unsupported: .*begroting\.docx: a Word document \(\.docx\), not a supported input", r.stderr)
    assert re.search(r"unsupported: .*renamed\.txt: a Word document", r.stderr)
    assert "skipped: 2 files that are not inputs (-v lists them)" in r.stdout
    assert "hidden" not in r.stdout + r.stderr
    verbose = run_cli("convert", str(folder), "--out", str(tmp_path / "out"), "-v")
    assert re.search(r"skipped: .*notes\.csv: not an input format \(\.csv\)", verbose.stdout)
    assert re.search(r"skipped: .*logo\.png: not an input format \(\.png\)", verbose.stdout)
    # named by itself, an unsupported file is reported the same way
    alone = run_cli("convert", str(folder / "renamed.txt"), "--out", str(tmp_path / "o2"))
    assert alone.returncode == 2 and "a Word document" in alone.stderr and "no input files found" in alone.stderr
    doc = extract.convert(folder / "renamed.txt")
    assert doc.status == "failed" and doc.diagnostics[0].code == "unsupported_format"


def test_an_empty_file_fails_with_empty_file(tmp_path):
    (tmp_path / "empty.html").write_bytes(b"")
    r = run_cli("convert", str(tmp_path / "empty.html"), "--out", str(tmp_path / "out"))
    assert r.returncode == 1
    assert r.stdout.splitlines()[0].endswith("empty.html: failed  goals 0, performances 0, indicators 0, values 0, "
                                             "diagnostics 1")
    assert re.search(r"failed: .*empty\.html: empty file", r.stderr)


def test_byte_identical_inputs_are_converted_once_and_reported_with_the_others(tmp_path):
    folder = tmp_path / "in"
    (folder / "kopie").mkdir(parents=True)
    for name in ("a.txt", "kopie/a.txt", "kopie/b.txt"):
        (folder / name).write_bytes(SEED_TEXT)
    r = run_cli("convert", str(folder), "--out", str(tmp_path / "out"))
    assert r.returncode == 0
    assert _ids(tmp_path / "out") == ["a.txt"]
    [line] = [ln for ln in r.stdout.splitlines() if ln.startswith("duplicate:")]
    assert re.fullmatch(r"duplicate: \S*kopie/a\.txt, \S*kopie/b\.txt byte-identical to \S*in/a\.txt "
                        r"\(converted once, as \S*in/a\.txt\)", line), line
    assert r.stdout.splitlines()[-1].startswith("total: 1 documents (0 failed)")
