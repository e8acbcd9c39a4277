"""The house: the package's import graph has no cycles and follows the layer order

    models -> layout, profiles -> sources, parse -> checks, writers -> api -> report -> cli

(a layer imports only the layers before it, as ALLOWED says); no module is named like a
standard-library module or shadowed by a name its package binds; `import extract` and
`extract --help` stay light."""
from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

import extract

PACKAGE = Path(extract.__file__).resolve().parent

# layer -> the layers it may import. `root` is extract/__init__.py and extract/__main__.py.
ALLOWED: dict[str, set[str]] = {
    "models": set(),
    "layout": {"models"},
    "profiles": {"models"},
    "sources": {"models", "layout", "profiles"},
    "parse": {"models", "layout", "profiles"},
    "checks": {"models", "profiles"},
    "writers": {"models"},
    "api": {"models", "layout", "profiles", "sources", "parse", "checks", "writers"},
    "report": {"models", "checks", "writers", "api"},   # the HTML report reads editions with the api
    "cli": {"api", "report", "models", "root"},         # root: `from .. import __version__`
    "root": {"api", "cli", "models"},
}

# Modules named like the standard library that are not ours to rename.
KNOWN_STDLIB_NAMES = {"html"}   # sources: the HTML source (owned by the sources package)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES: dict[str, Path] = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def is_package(name: str) -> bool:
    return MODULES[name].name == "__init__.py"


def layer(name: str) -> str:
    parts = name.split(".")
    return "root" if len(parts) == 1 or parts[1] == "__main__" else parts[1]


def imports_of(name: str) -> set[str]:
    """The modules of the package that `name` imports, anywhere in its code (module level,
    inside functions, under TYPE_CHECKING): `from X import y` counts as X.y when that is a module,
    else as X (whose `__init__` defines y); importing a module also runs the packages above it,
    which counts for those `name` is not inside of (they are running already)."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"), filename=str(MODULES[name]))
    own_package = name if is_package(name) else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = own_package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            # `from P import m` imports the module P.m; `from P import name` reads P itself
            submodules = {f"{target}.{alias.name}" for alias in node.names} & set(MODULES)
            found |= submodules
            if len(submodules) < len(node.names):
                found.add(target)
    ours = {t for t in found if t in MODULES}
    ancestors = set()          # the packages an import runs first, except those `name` is inside of
    for t in ours:
        parts = t.split(".")
        for i in range(1, len(parts)):
            parent = ".".join(parts[:i])
            if not name.startswith(parent + "."):
                ancestors.add(parent)
    return (ours | ancestors) - {name}


GRAPH: dict[str, set[str]] = {name: imports_of(name) for name in MODULES}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_graph_sees_relative_function_level_and_package_imports():
    assert {"extract.models", "extract.models.records"} <= GRAPH["extract.writers.csv_tables"] | GRAPH["extract.models"]
    assert "extract.api.conversion" in GRAPH["extract.cli.convert"]        # imported inside the command
    assert "extract.checks" in GRAPH["extract.api.conversion"]             # runs checks/__init__ first
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycles():
    found = cycles(GRAPH)
    assert not found, "import cycles: " + "; ".join(" <-> ".join(c) for c in found)


def test_imports_follow_the_layer_order():
    assert set(ALLOWED) == {layer(m) for m in MODULES}, "a package without a layer: add it to ALLOWED"
    wrong = sorted(f"{m} ({layer(m)}) imports {t} ({layer(t)})" for m, targets in GRAPH.items() for t in targets
                   if layer(t) != layer(m) and layer(t) not in ALLOWED[layer(m)])
    assert not wrong, "imports against the layer order:\n  " + "\n  ".join(wrong)


def test_no_module_is_named_like_the_standard_library():
    named = sorted(m for m in MODULES if m.rpartition(".")[2] in sys.stdlib_module_names
                   and m.rpartition(".")[2] not in KNOWN_STDLIB_NAMES)
    assert not named, f"modules named like the standard library: {named}"


@pytest.mark.parametrize("package", sorted(m for m in MODULES if is_package(m)))
def test_a_package_binds_no_name_over_its_submodules(package):
    """`import extract.api.conversion` gives the module, and `mock.patch("extract.x.y.name")`
    patches it: no package binds a function or class under the name of one of its modules."""
    pkg = importlib.import_module(package)
    for sub in sorted(m for m in MODULES if m.rpartition(".")[0] == package and m != "extract.__main__"):
        module = importlib.import_module(sub)
        attr = sub.rpartition(".")[2]
        assert getattr(pkg, attr) is module, f"{package}.{attr} is {getattr(pkg, attr)!r}, not the module {sub}"


def test_import_extract_and_help_load_no_heavy_dependency():
    """`import extract` and `extract --help` import neither pandas, pdfplumber nor pydantic."""
    probe = ("import sys, runpy\n"
             "import extract\n"
             "sys.argv = ['extract', '--help']\n"
             "try:\n    runpy.run_module('extract', run_name='__main__')\n"
             "except SystemExit:\n    pass\n"
             "print(sorted(m for m in ('pandas', 'pdfplumber', 'pydantic', 'extract.api.conversion') if m in sys.modules))")
    r = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "Usage: extract" in r.stdout
    assert r.stdout.strip().splitlines()[-1] == "[]"


def test_public_api_is_bound_on_first_use():
    import extract.api.analysis as analysis
    import extract.api.conversion as conversion
    assert (extract.convert, extract.convert_batch) == (conversion.convert, conversion.convert_batch)
    assert (extract.check, extract.compare, extract.series) == (analysis.check, analysis.compare, analysis.series)
    assert extract.Document is importlib.import_module("extract.models").Document
    assert set(extract.__all__) <= set(dir(extract))
    with pytest.raises(AttributeError):
        extract.no_such_name  # noqa: B018
