"""The same documents rendered a little differently (no blank lines between cells, CRLF,
indentation, non-breaking spaces, extra blank lines, windows-1252) must give the same facts."""
from __future__ import annotations

import json
import re

import pytest

from conftest import SAMPLES, SHARED, run_cli
from scoring import load_golds, score

VARIANTS = {
    "no_blank_lines": lambda t: re.sub(r"\n\s*\n", "\n", t),
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "indented": lambda t: "\n".join("   " + line + "  " for line in t.split("\n")),
    "nbsp": lambda t: t.replace(" van ", " van\u00a0").replace(" de ", "\u00a0de "),
    "extra_blank_lines": lambda t: t.replace("\n\n", "\n\n\n"),
}


def _gold_sets():
    sets = [SAMPLES / "000_77f27bb01ce9e9d5.gold.json", SAMPLES / "002_28e5dc0f656876b6.gold.json", SAMPLES / "text"]
    corpus = SHARED / "corpus" / "leiden-web"
    if corpus.exists():
        sets.append(corpus)
    return load_golds(sets)


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_variant_scores_like_the_original(variant, tmp_path):
    golds = _gold_sets()
    folder = tmp_path / "in"
    folder.mkdir()
    for name, g in golds.items():
        text = open(g["_input"], encoding="utf-8", newline="").read()
        (folder / name).write_bytes(VARIANTS[variant](text).encode("utf-8"))
        g = {k: v for k, v in g.items() if k != "_input"}
        (folder / name.replace(".txt", ".gold.json")).write_text(json.dumps(g), encoding="utf-8")
    golds = load_golds([folder])
    out = tmp_path / "out"
    r = run_cli("convert", str(folder), "--out", str(out))
    assert r.returncode == 0, r.stderr
    s = score(out, golds)
    assert s.misses == []


def test_windows_1252_text_is_read(tmp_path):
    text = (SAMPLES / "000_77f27bb01ce9e9d5.txt").read_text(encoding="utf-8")
    page = tmp_path / "page.txt"
    page.write_bytes(text.replace("•", "-").encode("windows-1252"))
    import extract
    doc = extract.convert(page)
    assert any(d.code == "encoding_guessed" for d in doc.diagnostics)
    assert next(i for i in doc.indicators if i.code == "9A1.c").source == "Stadsenquête"
