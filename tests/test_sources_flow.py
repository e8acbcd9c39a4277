"""The sources stage: one registry picks the reader, readers load only when used, and the
sources read nothing of the stages after them."""
from __future__ import annotations

import ast
import subprocess
import sys
from importlib import import_module
from pathlib import Path

import pytest
from conftest import ROOT

import extract.sources as sources
from extract.sources import FORMATS, SUFFIXES, SourceError, read_layout, sniff_format

SOURCES = ROOT / "src" / "extract" / "sources"
ALLOWED = ("extract.sources", "extract.models", "extract.layout", "extract.profiles")


def _imports(path: Path) -> list[str]:
    """The extract modules a source file imports, as absolute names."""
    package = ".".join(path.parent.relative_to(ROOT / "src").parts)  # a module's or __init__'s package
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                out.append(".".join(base + ([node.module] if node.module else [])))
            elif node.module:
                out.append(node.module)
        elif isinstance(node, ast.Import):
            out.extend(alias.name for alias in node.names)
    return [name for name in out if name == "extract" or name.startswith("extract.")]


@pytest.mark.parametrize("path", sorted(SOURCES.rglob("*.py")), ids=lambda p: str(p.relative_to(SOURCES)))
def test_sources_import_only_models_layout_and_profiles(path):
    wrong = [name for name in _imports(path) if not any(name == a or name.startswith(a + ".") for a in ALLOWED)]
    assert not wrong, f"{path.relative_to(ROOT)} imports {wrong}"


def test_the_registry_names_every_format_once():
    assert [f.name for f in FORMATS] == ["pdf", "html", "text"]
    assert SUFFIXES == {".html": "html", ".htm": "html", ".xhtml": "html", ".pdf": "pdf", ".txt": "text",
                        ".text": "text", ".md": "text"}
    for fmt in FORMATS:  # every reader resolves
        module, function = fmt.reader.split(":")
        assert callable(getattr(import_module(module, sources.__name__), function))


def test_content_decides_before_the_suffix():
    assert sniff_format("report.txt", b"%PDF-1.7\n...") == "pdf"
    assert sniff_format("page.txt", b"  <!DOCTYPE html><html><body>x</body></html>") == "html"
    assert sniff_format("page.html", b"Beleidsterrein 9A") == "html"
    assert sniff_format("notes.md", b"# Doelen") == "text"
    assert sniff_format("data.bin", b"9A1 Inwoners doen mee") == "text"


def test_a_pdf_that_is_not_one_raises_a_source_error():
    with pytest.raises(SourceError, match="truncated PDF"):
        read_layout("cut.txt", b"%PDF-1.4\n1 0 obj", "cut.txt")  # sniffed as a PDF: the PDF reader says why


def test_reading_text_or_html_does_not_load_the_pdf_libraries():
    code = ("import sys\n"
            "from extract.sources import read_layout\n"
            "read_layout('a.txt', b'Beleidsterrein 9A Sociale binding\\n\\n9A1 Inwoners doen mee\\n', 'a.txt')\n"
            "read_layout('a.html', b'<html><body><h1>9A</h1><p>9A1 Inwoners</p></body></html>', 'a.html')\n"
            "print(sorted(m for m in ('pdfplumber', 'pdfminer', 'pypdfium2') if m in sys.modules))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
