"""The inputs of a batch: which files under the paths named are converted, and under which id.

**Document ids** are stable: a file found under a folder named on the command line gets its
path relative to that folder, a file named itself its file name; with `/` between folders, the
suffix kept and Unicode in NFC form. So `extract convert budgets/` gives
`budgets/2020/begroting.pdf` the id `2020/begroting.pdf`, and `extract convert
budgets/2020/begroting.pdf` the id `begroting.pdf` (as `extract convert budgets/2020/` does):
a file's id never depends on what else is in the batch, and `begroting.html` and `begroting.pdf`
side by side keep ids of their own. Two paths named that would give one id to two different
files (`a/x.txt b/x.txt`) are refused for the second, naming both (`id_clash`): name their
common folder instead.

**What is an input**: files with one of the registry's suffixes (`sources.SUFFIXES`), under the
folders named (recursively; hidden files and folders, `.name`, are not looked at) or named
themselves, that pass `--include`/`--exclude` (globs: a pattern without `/` is matched against
the file name, one with `/` against the path relative to the folder named). The rest are
`skipped` (with the reason). Content no reader reads (Office documents, ZIP archives, images:
`sources.not_an_input`) is `unsupported` whatever the file is called, and a `.docx` in a folder
is reported so too rather than skipped in silence.
"""
from __future__ import annotations

import fnmatch
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..sources import SUFFIXES, not_an_input, suffix_list

__all__ = ["HEAD", "Input", "Inputs", "Passed", "collect", "document_id", "suffix_list"]

HEAD = 4096  # bytes read to recognise content no reader reads


@dataclass(frozen=True)
class Input:
    """A file to convert: where it is (`path`, as found from the path named) and its id."""

    path: Path
    document_id: str

    @property
    def source_file(self) -> str:
        return str(self.path)


@dataclass(frozen=True)
class Passed:
    """A file that is not converted, and why (`reason`)."""

    path: Path
    reason: str


@dataclass
class Inputs:
    """What `collect` found: the inputs in a stable order, the files `skipped` (not inputs by
    name), the `unsupported` ones (content no reader reads) and the `problems` (paths that do
    not exist, ids claimed twice)."""

    files: list[Input] = field(default_factory=list)
    skipped: list[Passed] = field(default_factory=list)
    unsupported: list[Passed] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def document_id(relative: str | Path) -> str:
    """The id of a file at `relative` (its path relative to the folder named, or its name)."""
    return unicodedata.normalize("NFC", Path(relative).as_posix())


def _matches(relative: str, patterns: Sequence[str]) -> bool:
    name = relative.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatchcase(relative if "/" in p else name, p) for p in patterns)


def _head(path: Path) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read(HEAD)
    except OSError:
        return b""  # unreadable: the conversion reports it


def _candidates(p: Path, ignore: Path | None) -> Iterable[tuple[Path, str]]:
    """(file, path relative to `p`) under a folder `p`, sorted, not descending into hidden
    folders or the folder `ignore` (the output folder)."""
    found = []
    stack = [p]
    while stack:
        folder = stack.pop()
        try:
            entries = list(folder.iterdir())
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir():
                if ignore is None or entry.resolve() != ignore:
                    stack.append(entry)
            elif entry.is_file():
                found.append((entry, entry.relative_to(p).as_posix()))
    return sorted(found, key=lambda fr: fr[1])


def collect(paths: Iterable[str | Path], *, include: Sequence[str] = (), exclude: Sequence[str] = (),
            ignore: str | Path | None = None) -> Inputs:
    """The inputs under `paths` (files, and folders searched recursively), in the order named
    and, within a folder, by relative path. A file met twice is kept once; `ignore` is a folder
    not searched (the output folder inside an input folder)."""
    out = Inputs()
    seen: set[Path] = set()
    owner: dict[str, Path] = {}
    ignored = Path(ignore).resolve() if ignore is not None else None
    for p in map(Path, paths):
        if p.is_dir():
            found, named = _candidates(p, ignored), False
        elif p.is_file():
            found, named = [(p, p.name)], True
        else:
            out.problems.append(f"{p}: no such file or folder")
            continue
        for f, relative in found:
            key = f.resolve()
            if key in seen:
                continue
            seen.add(key)
            if (include and not _matches(relative, include)) or _matches(relative, exclude):
                out.skipped.append(Passed(f, "left out by --include/--exclude"))
                continue
            readable = f.suffix.lower() in SUFFIXES or (named and not f.suffix)
            unsupported = not_an_input(_head(f), images=readable or named)
            if unsupported:
                out.unsupported.append(Passed(f, unsupported))
                continue
            if not readable:
                out.skipped.append(Passed(f, f"not an input format ({f.suffix or 'no suffix'}; "
                                             f"inputs are {suffix_list()})" if named else
                                             f"not an input format ({f.suffix or 'no suffix'})"))
                if named:
                    out.unsupported.append(out.skipped.pop())
                continue
            doc_id = document_id(relative)
            if doc_id in owner:
                out.problems.append(f"{f}: id_clash: {owner[doc_id]} has the same document id {doc_id!r} "
                                    f"(ids are paths relative to the folder named): name their common folder")
                continue
            owner[doc_id] = f
            out.files.append(Input(f, doc_id))
    return out
