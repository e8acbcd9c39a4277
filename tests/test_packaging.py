"""What `pip install .` (not editable) puts in the package: every file the code reads."""
from __future__ import annotations

import fnmatch
import tomllib

from conftest import ROOT


def test_every_data_file_of_the_package_is_listed_as_package_data():
    """A non-editable install carries only the .py files and what package-data lists: the
    profiles' .toml files were missing, and every text document then failed to convert."""
    globs = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["extract"]
    package = ROOT / "src" / "extract"
    data = [p.relative_to(package).as_posix() for p in package.rglob("*")
            if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts]
    assert data, "no data files found"
    missing = [f for f in data if not any(fnmatch.fnmatch(f, g) for g in globs)]
    assert not missing, f"not listed in [tool.setuptools.package-data]: {missing}"
