"""What a document is: kind (begroting, jaarstukken, ...), edition year, municipality, programme.

Read from the page itself first (title lines, breadcrumb, the words of its sections, the years in
its indicator header), then from the file name, which crawls often make descriptive.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

_KINDS = [
    ("voortgangsrapportage", re.compile(r"voortgangsrapportage", re.I)),
    ("bestuursrapportage", re.compile(r"bestuursrapportage|\bburap\b|najaarsnota|voorjaarsnota|tussenrapportage|\bturap\b", re.I)),
    ("jaarstukken", re.compile(r"jaarstukken|jaarverslag|jaarrekening|programmaverantwoording", re.I)),
    ("begroting", re.compile(r"programmabegroting|beleidsbegroting|\bbegroting\b", re.I)),
]
_TITLE = re.compile(
    r"^(?:\d+e\s+)?(?P<kind>programmabegroting|begroting|jaarstukken|jaarverslag|jaarrekening|"
    r"voortgangsrapportage|bestuursrapportage|najaarsnota|voorjaarsnota)\s*(?P<year>(?:19|20)\d\d)?\b", re.I)
_CUES = [
    ("jaarstukken", re.compile(r"^toelichting (?:bij|op) de prestatieverantwoording|^wat hebben we (?:daar|er)?(?:voor )?gedaan", re.I)),
    ("bestuursrapportage", re.compile(r"^toelichting doelenboom", re.I)),
    ("begroting", re.compile(r"^wat gaan we (?:daar|er)?(?:voor )?doen(?: in (?P<year>(?:19|20)\d\d))?|^in (?P<year2>(?:19|20)\d\d) gaan we\b", re.I)),
]
_PROGRAMME = re.compile(r"^(?:.* / )?programma\s+\d{1,2}[a-z]?\s*[:.\-–]?\s*(?P<name>[A-ZÀ-Ý][^/]{2,80}?)(?: / .*)?$", re.I)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


@dataclass
class Metadata:
    kind: str = "other"
    year: int | None = None
    municipality: str | None = None
    programme: str | None = None
    title: str | None = None


@lru_cache(maxsize=1)
def municipalities() -> tuple[str, ...]:
    text = resources.files("extract").joinpath("data/municipalities.txt").read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _kind_of(text: str) -> str | None:
    for kind, rx in _KINDS:
        if rx.search(text):
            return kind
    return None


def detect(lines: list[str], source_file: str, header_years: dict[str, list[int]],
           layout_title: str | None = None, municipality: bool = True) -> Metadata:
    """What the document is. `municipality=False` skips the name search over the whole text
    (for the quick look at kind and year before the tables are read)."""
    meta = Metadata()
    head = lines[:40]
    # 1. a title line: `Programmabegroting 2024`, `1e Voortgangsrapportage 2020`
    for line in ([layout_title] if layout_title else []) + head:
        m = _TITLE.match(line.strip())
        if m and len(line) < 80:
            meta.kind = _kind_of(m.group("kind")) or meta.kind
            meta.title = line.strip()
            if m.group("year"):
                meta.year = int(m.group("year"))
            break
    # 2. breadcrumb: `Home / Beleidsbegroting / Programmaplan / Veiligheid / Beleidsterrein 2A ...`
    for line in head:
        if line.count(" / ") >= 2 or line.count(" > ") >= 2:
            parts = [p.strip() for p in re.split(r"\s+[/>]\s+", line)]
            if meta.kind == "other":
                meta.kind = _kind_of(line) or "other"
            for k, part in enumerate(parts):
                if re.match(r"beleidsterrein\b", part, re.I) and k > 0:
                    prev = parts[k - 1]
                    if not re.match(r"programmaplan|home|beleidsbegroting|programmabegroting", prev, re.I):
                        meta.programme = prev
            break
    if meta.programme is None:
        for line in head:
            m = _PROGRAMME.match(line.strip())
            if m:
                meta.programme = m.group("name").strip()
                break
    # 3. cues in the text
    cue_year = None
    for line in lines:
        for kind, rx in _CUES:
            m = rx.match(line.strip())
            if m:
                if meta.kind == "other":
                    meta.kind = kind
                y = m.groupdict().get("year") or m.groupdict().get("year2")
                if y and kind == meta.kind and cue_year is None:
                    cue_year = int(y)
    # 4. the file name
    name = Path(source_file).stem.lower()
    if meta.kind == "other":
        meta.kind = _kind_of(name.replace("-", " ").replace("_", " ")) or "other"
    # 5. the years of the indicator header
    real, target = header_years.get("realisatie", []), header_years.get("streefwaarde", [])
    if meta.kind == "other" and real and len(target) == 1 and target[0] == max(real):
        meta.kind = "jaarstukken"
    if meta.year is None:
        if cue_year is not None:
            meta.year = cue_year
        elif meta.kind == "jaarstukken" and len(target) == 1:
            meta.year = target[0]
        elif meta.kind == "begroting" and target:
            meta.year = min(target)
    if meta.year is None:
        m = _YEAR.search(name)
        if m:
            meta.year = int(m.group(1))
    if municipality:
        meta.municipality = _municipality(lines, name)
    return meta


@lru_cache(maxsize=2)
def _name_pattern(lower: bool = False) -> re.Pattern:
    """One pattern for all municipality names (longest first), also matching the start of a
    compound or demonym (`Leidenaren`, `LeideninCijfers`) through the optional suffix group."""
    names = sorted((n.lower() if lower else n for n in municipalities()), key=len, reverse=True)
    alternation = "|".join(re.escape(n) for n in names)
    return re.compile(r"(?<![^\W_])(?P<name>" + alternation + r")(?P<suffix>[a-z]*)(?![^\W_])")


def _municipality(lines: list[str], name: str) -> str | None:
    """The municipality a document is about: `gemeente X`, else the name mentioned most
    (compounds such as `Leidenaren` count half), a name in the file name counting extra."""
    text = "\n".join(lines)[:200_000]
    names = set(municipalities())
    m = re.search(r"\b[Gg]emeente\s+((?:'s-)?[A-Z][\w'-]+(?:\s(?:aan|op|en|den|de)\s[A-Z][\w'-]+)?)", text)
    if m:
        for candidate in (m.group(1), m.group(1).split()[0]):
            if candidate in names:
                return candidate
    scores: dict[str, float] = {}
    for hit in _name_pattern().finditer(text):
        n = hit.group("name")
        if len(n) < 4:
            continue
        if hit.group("suffix"):
            if len(n) >= 5:
                scores[n] = scores.get(n, 0) + 0.5
        else:
            scores[n] = scores.get(n, 0) + 1
    by_lower = {n.lower(): n for n in names}
    for hit in _name_pattern(lower=True).finditer(name):
        n = by_lower[hit.group("name")]
        if len(n) >= 4 and not hit.group("suffix"):
            scores[n] = scores.get(n, 0) + 2
    if not scores:
        return None
    return max(sorted(scores), key=lambda n: scores[n])
