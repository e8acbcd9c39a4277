"""The manifest of an output folder: what `extract convert` wrote there, from which inputs, so a
rerun converts only what changed and removes what is no longer its own.

`OUT/manifest.json` has one entry per document in input order: its id and input (`source_file`
as named, sha256, size and modification time), the `extractor` (the package version and a
fingerprint of its code, profiles and readers: any change to them converts everything again)
and the `options` that shape the output (the profile), the document's summary (status, counts,
diagnostics by severity, pages) and the `outputs` it owns (`json/<id>.json`) with their sha256;
then the tables the run wrote. An input is reused when its entry names the same source file,
content, extractor and options and its JSON is still the bytes written; a failure that says
nothing about the file (`worker_crashed`, `timeout`) is converted again.

While a run goes, each finished document is appended as one line to `OUT/.manifest.journal`
(after its JSON was written atomically), so a run killed at any moment is resumed by the next
(`load` reads the manifest and then the journal; a torn last line is ignored). `save` writes the
manifest atomically and drops the journal. Files are removed only when the manifest says they
are ours and they still hold the bytes we wrote; everything else in OUT is left as it is.
A lock on the folder itself (`flock`, released by the system whatever way the run ends) keeps two
runs from writing one folder at once.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..writers.atomic import write_atomic

MANIFEST, JOURNAL = "manifest.json", ".manifest.journal"
FORMAT = 1
# the libraries whose version can change what a document converts to
READERS = ("pdfplumber", "pdfminer.six", "pypdfium2", "beautifulsoup4", "lxml", "pydantic")


class OutputBusy(RuntimeError):
    """Another run is writing into the same output folder."""


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """`<version>+<fingerprint>`: the package version and a sha256 of the package's own files
    (code, profiles, data) and of the readers' versions."""
    from importlib import metadata
    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    for f in sorted(root.rglob("*")):
        if f.is_file() and "__pycache__" not in f.parts and f.suffix not in (".pyc", ".pyo"):
            h.update(f.relative_to(root).as_posix().encode() + b"\0" + f.read_bytes() + b"\0")
    for name in READERS:
        try:
            h.update(f"{name}={metadata.version(name)}\0".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{name}=none\0".encode())
    try:
        version = metadata.version("extract")
    except metadata.PackageNotFoundError:
        version = "unknown"
    return f"{version}+{h.hexdigest()[:16]}"


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _dump(data: object) -> bytes:
    return (json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


@dataclass
class Removed:
    path: str      # relative to OUT
    reason: str


class Manifest:
    """The last run's entries (`previous`, by document id) and this run's (`entries`)."""

    def __init__(self, out: Path, extractor: str, options: dict):
        self.out, self.extractor, self.options = Path(out), extractor, options
        self.previous: dict[str, dict] = {}
        self.previous_tables: dict[str, str] = {}
        self.entries: dict[str, dict] = {}
        self._journal = None
        self._lock = None

    # --- reading --------------------------------------------------------------------------

    @classmethod
    def open(cls, out: str | Path, extractor: str, options: dict) -> "Manifest":
        """The manifest of `out`, locked for this run, with the last run's entries loaded and
        the temporary files of a killed write cleared."""
        m = cls(Path(out), extractor, options)
        m.out.mkdir(parents=True, exist_ok=True)
        m._take_lock()
        m._load()
        m._clear_temporaries()
        return m

    def _take_lock(self) -> None:
        import fcntl
        self._lock = os.open(self.out, os.O_RDONLY)
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(self._lock)
            self._lock = None
            raise OutputBusy(f"another extract convert is writing into {self.out}") from None

    def _load(self) -> None:
        try:
            data = json.loads((self.out / MANIFEST).read_bytes())
        except (OSError, ValueError):
            data = {}
        if isinstance(data, dict) and data.get("format") == FORMAT:
            self.previous = {e["document_id"]: e for e in data.get("documents", []) if isinstance(e, dict)}
            self.previous_tables = dict(data.get("tables", {}))
        try:
            lines = (self.out / JOURNAL).read_bytes().splitlines()
        except OSError:
            lines = []
        for line in lines:
            try:
                entry = json.loads(line)
            except ValueError:
                continue  # the torn last line of a killed run
            if isinstance(entry, dict) and "document_id" in entry:
                self.previous[entry["document_id"]] = entry

    def _clear_temporaries(self) -> None:
        """Remove the temporary files an atomic write killed midway left (`.<name>.*.tmp`)."""
        for folder in [self.out, *(p for p in (self.out / "json").rglob("*") if p.is_dir())]:
            for tmp in folder.glob(".*.tmp"):
                tmp.unlink(missing_ok=True)

    def cached_sha256(self, document_id: str, source_file: str, st: os.stat_result) -> str | None:
        """The recorded sha256 of an input whose size and modification time are unchanged."""
        e = self.previous.get(document_id)
        if e and e.get("source_file") == source_file and e.get("size") == st.st_size \
                and e.get("mtime_ns") == st.st_mtime_ns:
            return e.get("sha256")
        return None

    def reusable(self, document_id: str, source_file: str, sha256: str) -> dict | None:
        """The last run's entry for this input when its outputs can be used as they are."""
        e = self.previous.get(document_id)
        if not e or e.get("retry") or (e.get("source_file"), e.get("sha256"), e.get("extractor"), e.get("options")) \
                != (source_file, sha256, self.extractor, self.options):
            return None
        for rel, sha in e.get("outputs", {}).items():
            try:
                if file_sha256(self.out / rel) != sha:
                    return None
            except OSError:
                return None
        return e

    # --- writing --------------------------------------------------------------------------

    def entry(self, document_id: str, source_file: str, sha256: str, st: os.stat_result | None,
              summary: dict, outputs: dict[str, str]) -> dict:
        return {"document_id": document_id, "source_file": source_file, "sha256": sha256,
                "size": st.st_size if st else None, "mtime_ns": st.st_mtime_ns if st else None,
                "extractor": self.extractor, "options": self.options, "outputs": outputs, **summary}

    def record(self, entry: dict, journal: bool = True) -> None:
        """Keep `entry` for this run (and, for a document converted now, journal it at once)."""
        self.entries[entry["document_id"]] = entry
        if journal:
            if self._journal is None:
                self._journal = open(self.out / JOURNAL, "ab")
            self._journal.write(json.dumps(entry, sort_keys=True, ensure_ascii=False).encode("utf-8") + b"\n")
            self._journal.flush()

    def stale(self, keep: Iterable[str], tables: dict[str, str]) -> list[Removed]:
        """Remove the outputs of the last run's documents not in `keep` (ids) and its tables this
        run did not write; only files that still hold the bytes written are removed."""
        removed = []
        kept = set(keep)
        owned: list[tuple[str, str, str]] = []
        for doc_id, e in sorted(self.previous.items()):
            if doc_id not in kept:
                reason = f"its input {e.get('source_file')} is no longer converted"
                owned.extend((rel, sha, reason) for rel, sha in e.get("outputs", {}).items())
        owned.extend((rel, sha, "no longer written") for rel, sha in self.previous_tables.items() if rel not in tables)
        for rel, sha, reason in owned:
            path = self.out / rel
            try:
                if file_sha256(path) != sha:
                    continue  # changed since we wrote it: not ours any more
            except OSError:
                continue
            path.unlink()
            removed.append(Removed(rel, reason))
            _prune(path.parent, self.out)
        return removed

    def save(self, order: list[str], tables: dict[str, str], extra: dict) -> Path:
        """Write the manifest: the entries of `order` (ids in input order) that exist, the tables
        and `extra` (duplicates, unsupported inputs); then drop the journal."""
        data = {"format": FORMAT, "extractor": self.extractor, "options": self.options,
                "documents": [self.entries[i] for i in order if i in self.entries], "tables": tables, **extra}
        path = self.out / MANIFEST
        write_atomic(path, _dump(data))
        if self._journal is not None:
            self._journal.close()
            self._journal = None
        (self.out / JOURNAL).unlink(missing_ok=True)
        return path

    def foreign(self, tables: dict[str, str]) -> list[str]:
        """Files in OUT (and OUT/json) this run does not own: left untouched, and said so."""
        owned = set(tables) | {MANIFEST} | {rel for e in self.entries.values() for rel in e.get("outputs", {})}
        found = [p for p in self.out.iterdir() if p.is_file() and not p.name.startswith(".")]
        if (self.out / "json").is_dir():
            found += [p for p in (self.out / "json").rglob("*") if p.is_file() and not p.name.startswith(".")]
        return sorted(rel for rel in (p.relative_to(self.out).as_posix() for p in found) if rel not in owned)

    def close(self) -> None:
        if self._journal is not None:
            self._journal.close()
            self._journal = None
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None


def _prune(folder: Path, out: Path) -> None:
    """Remove the folders under OUT/json that a removal left empty."""
    json_root = out / "json"
    while folder != json_root and json_root in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
