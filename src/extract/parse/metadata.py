"""What a document is: kind (begroting, jaarstukken, ...), edition year, the municipality or
province it is of, programme, title.

Read from the page itself first (title lines, site names, breadcrumb, the words of its sections,
the years in its indicator header), then from the file name, which crawls often make
descriptive. The words are the document vocabulary (`profiles.documents`); the names of the 342
municipalities and 12 provinces are data (`data/municipalities.txt`, `data/provinces.txt`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..profiles import documents as vocab
from ..profiles.columns import is_header_line
from ..profiles.sections import is_section_heading
from .bodies import _OWNER_FORM, _plain, municipality_of

HEAD = 40             # lines a title, breadcrumb or programme heading is looked for in
COLUMN_LINES = 400    # lines the indicator header years are looked for in

_KINDS = [(kind, re.compile("|".join(words), re.IGNORECASE)) for kind, words in vocab.KIND_WORDS.items()]
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
# Any cue at all at the start of a line of the text (its groups unnamed: cues may share a
# group's name; each cue's `^` is the line's start after its white space): one search over the
# joined lines instead of a strip and a match per line
_ANY_CUE = re.compile(r"^[^\S\n]*(?:" + "|".join(
    f"(?:{re.sub(r'[(][?]P<[a-z0-9_]+>', '(?:', rx.pattern).replace('|^', '|').removeprefix('^')})"
    for _, rx in vocab.CUES) + ")", re.IGNORECASE | re.MULTILINE)
assert all(p.startswith("^") and p.count("^") == p.count("|^") + 1 for p in (rx.pattern for _, rx in vocab.CUES))


@dataclass
class Metadata:
    kind: str = "other"
    year: int | None = None
    municipality: str | None = None
    programme: str | None = None
    title: str | None = None


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
    head = [s for s in (line.strip() for line in lines[:HEAD]) if s]
    titles = ([layout_title.strip()] if layout_title and layout_title.strip() else []) + head
    _read_titles(meta, titles)
    crumbs = _breadcrumb(head)
    if crumbs:
        _read_breadcrumb(meta, crumbs)
    if meta.programme is None:
        meta.programme = _programme_heading(lines, head)
    # cues in the text: `Wat hebben we bereikt?`, `Wat gaan we doen in 2019`
    cue_year = None
    for s in _cue_lines(lines):
        if meta.kind != "other" and cue_year is not None:
            break   # nothing a later cue says changes either
        for kind, rx in vocab.CUES:
            m = rx.match(s)
            if m:
                if meta.kind == "other":
                    meta.kind = kind
                y = m.groupdict().get("year") or m.groupdict().get("year2")
                if y and kind == meta.kind and cue_year is None:
                    cue_year = int(y)
    # the file name: `017_s-hertogenbosch-jaarverslag-2019-bewegen`, `pb2024-programma-1`
    stem = Path(source_file).stem
    name = _plain(stem, "-")
    if meta.kind == "other":
        meta.kind = _kind_of(name.replace("-", " ")) or next(
            (kind for kind, rx in vocab.ABBREVIATED if rx.search(name.upper())), "other")
    # the years of the indicator header (the parser's, else the header cells it did not read)
    real, target = list(header_years.get("realisatie", [])), list(header_years.get("streefwaarde", []))
    if not real or not target:
        scanned_real, scanned_target = _column_years(lines[:COLUMN_LINES])
        real, target = real or scanned_real, target or scanned_target
    column_kind, column_year = _from_columns(real, target, meta.kind)
    if meta.kind == "other":
        meta.kind = column_kind or next((kind for kind, rx in vocab.WEAK_CUES
                                         if any(rx.match(line.strip()) for line in lines[:COLUMN_LINES])), "other")
    if meta.year is None:
        meta.year = cue_year if cue_year is not None else column_year if meta.kind == column_kind else None
    if meta.year is None:
        m = _YEAR.search(name)
        meta.year = int(m.group(1)) if m else None
    if municipality:
        meta.municipality = municipality_of(lines, titles, stem, _title_of)
    return meta


def _cue_lines(lines: list[str]):
    """The lines a cue starts (stripped), in order."""
    text = "\n".join(lines)
    if text.count("\n") != len(lines) - 1:   # a line of several lines: line by line
        yield from (s for s in (line.strip() for line in lines) if _ANY_CUE.match(s))
        return
    for m in _ANY_CUE.finditer(text):
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        yield text[start:end if end >= 0 else len(text)].strip()


# --- kind, year and title ---------------------------------------------------------------------

def _read_titles(meta: Metadata, titles: list[str]) -> None:
    """Kind, year and title from the first title line (`Programmabegroting 2024`, `Gemeente
    Leiden - Jaarstukken 2019`), an abbreviated edition (`PB2024`) or a site name
    (`lisse.begroting-2021.nl`); the year from the first title of that kind naming one."""
    for i, line in enumerate(titles):
        found = _title_of(line, titles, i)
        if found is None:
            continue
        kind, year = found
        if meta.kind == "other":
            meta.kind = kind
            meta.title = None if vocab.HOST.search(line) else line
        if kind == meta.kind and year is not None:
            meta.year = year
            return


def _title_of(line: str, lines: list[str], i: int) -> tuple[str, int | None] | None:
    if len(line) >= 100:
        return None
    m = vocab.TITLE.match(line)
    if m:
        year = int(m.group("year")) if m.group("year") else None
        rest = m.group("rest").strip()
        bare = not rest
        if year is None and vocab.TITLE_NEEDS_YEAR.match(m.group("kind")):
            m = None
        elif rest.endswith(".") or re.search(r"[%€]|\d,\d", rest):
            m = None  # a sentence (`Begroting 2023 is sluitend.`) or a row of values
        elif bare and _in_header(lines, i):
            m = None  # a `Begroting 2022` cell of an indicator table's header
        if m:
            return _kind_of(m.group("kind")) or "other", year
    for kind, rx in vocab.ABBREVIATED:
        a = rx.search(line)
        if a:
            return kind, int(a.group("year"))
    for host in vocab.HOST.finditer(line):
        for label in host.group("host").lower().split("."):
            h = vocab.HOST_LABEL.match(label)
            if h:
                return _kind_of(h.group("kind")) or "other", int(h.group("year"))
    return None


def _in_header(lines: list[str], i: int) -> bool:
    """True when line i sits among indicator-table header cells (years, column words)."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(lines):
            s = lines[j]
            if vocab.BARE_YEAR.match(s) or vocab.COLUMN_YEAR.match(s) or is_header_line(s):
                return True
    return False


def _column_years(lines: list[str]) -> tuple[list[int], list[int]]:
    """Realised and target years of indicator-table header cells the parser did not read as a
    header: `Realisatie 2020` (or `Realisatie` / `2020` on two lines), a run of column words
    followed by as many years, `R2017 | B2018 | B2019`."""
    real: set[int] = set()
    target: set[int] = set()

    def add(m: re.Match, year: str) -> None:
        (real if m.group("r") else target).add(int(year))

    strip = [line.strip() for line in lines]
    i = 0
    while i < len(strip):
        s = strip[i]
        glued = list(vocab.GLUED_COLUMN_YEAR.finditer(s))
        if len(glued) >= 2:
            for g in glued:
                add(g, g.group("year"))
        m = vocab.COLUMN_YEAR.match(s)
        if not m:
            i += 1
            continue
        if m.group("year"):
            add(m, m.group("year"))
            i += 1
            continue
        labels = []
        while i < len(strip) and (lm := vocab.COLUMN_YEAR.match(strip[i])) and not lm.group("year"):
            labels.append(lm)
            i += 1
        years = []
        while i < len(strip) and vocab.BARE_YEAR.match(strip[i]):
            years.append(strip[i])
            i += 1
        if len(years) == len(labels):
            for lm, y in zip(labels, years):
                add(lm, y)
        elif years:
            add(labels[-1], years[0])  # `Realisatie` / `2018`: the last label owns the year after it
    return sorted(real), sorted(target)


def _from_columns(real: list[int], target: list[int], kind: str) -> tuple[str | None, int | None]:
    """Kind and edition year the header years point to. An annual report realises the year it
    also had a target for (`Doelstelling 2019 | Realisatie 2019`); a budget sets targets after
    its last realised year, from its own year on, and reports realised figures up to two years
    before it (`Realisatie 2017 | Begroting 2018 | Begroting 2019 ...` is the budget 2019)."""
    if real and target and max(real) in target:
        return "jaarstukken", max(real)
    if kind == "jaarstukken":
        if len(target) == 1:
            return "jaarstukken", target[0]
        return "jaarstukken", None
    if target and (not real or max(real) < min(target)):
        year = min(target)
        if real:
            year = min(max(year, max(real) + 2), max(target))
        return "begroting", year
    return None, None


# --- programme ---------------------------------------------------------------------------------

_CRUMB_SPLIT = re.compile(r"\s+[/>»]\s+|\s+\|\s+")


def _breadcrumb(head: list[str]) -> list[str] | None:
    """The parts of the breadcrumb: `Home / Beleidsbegroting / ... / Beleidsterrein 2A`, `U bent
    hier: Home > ...`, or a numbered list `1. Home`, `2. Beleidsbegroting`, ... (text browsers)."""
    for k, line in enumerate(head):
        if line.count(" / ") >= 2 or line.count(" > ") >= 2 or line.count(" » ") >= 2:
            return [p.strip() for p in _CRUMB_SPLIT.split(line) if p.strip()]
        if re.match(r"^1\.\s+(?:home|start)$", line, re.IGNORECASE):
            parts = []
            for n, nxt in enumerate(head[k:], 1):
                m = re.match(rf"^{n}\.\s+(.+)$", nxt)
                if not m:
                    break
                parts.append(m.group(1).strip())
            if len(parts) >= 3:
                return parts
    return None


def _read_breadcrumb(meta: Metadata, parts: list[str]) -> None:
    """Kind and year from its structure parts (`Beleidsbegroting`, `Programmabegroting 2022`);
    the programme: a `Programma 3 Economie` part, else the first part that is neither structure
    nor a policy area (`Home / Programma's / Werk en Inkomen / Beleidsterrein 6A Werk`)."""
    if meta.kind == "other":
        meta.kind = _kind_of(" ".join(parts)) or "other"
    if meta.year is None:
        for part in parts:
            m = vocab.TITLE.match(part)
            if m and m.group("year") and _kind_of(m.group("kind")) == meta.kind:
                meta.year = int(m.group("year"))
                break
    for part in parts:
        m = vocab.PROGRAMME.match(part)
        if m:
            meta.programme = m.group("name").strip()
            return
    for part in parts:
        if vocab.BREADCRUMB_AREA.match(part):
            return
        if vocab.BREADCRUMB_STRUCTURE.match(part) or _OWNER_FORM.match(part):
            continue
        if not vocab.NOT_A_PROGRAMME.search(part) and not part[0].isdigit() and re.search(r"[^\W\d_]{3}", part):
            meta.programme = part
        return


def _programme_line(m: re.Match) -> bool:
    """A programme heading, not a table-of-contents entry (`Programma 1 Bestuur ..... 12`) or a
    header line."""
    name = m.group("name")
    return not is_header_line(name) and not re.search(r"\.{3,}|…|\s\d{1,3}$", name)


def _programme_headings(lines: list[str]) -> set[str]:
    """The programmes a document has headings of (by number, else name)."""
    found = set()
    for line in lines:
        if "rogramma" not in line and "ROGRAMMA" not in line:
            continue   # `vocab.PROGRAMME` starts with the word: a line without it cannot match
        m = vocab.PROGRAMME.match(line.strip())
        if m and _programme_line(m):
            found.add(m.group("num") or m.group("name").strip().lower())
    return found


def _programme_heading(lines: list[str], head: list[str]) -> str | None:
    """A programme heading among the first lines (`Programma 2. Leefomgeving`); else the title
    after a `Programma's` line; else the page's first heading when it reads as a programme's
    name (a short title followed by text, a question or a sub-programme: `Sport en bewegen` /
    `5.1 Sportieve infrastructuur`), or a sub-programme heading (`9.2: Afvalinzameling`) when
    the page names nothing above it."""
    named = _programme_headings(lines)
    if len(named) == 1:  # a report of several programmes names none
        for k, line in enumerate(head):
            m = vocab.PROGRAMME.match(line)
            if m and _programme_line(m) and not any(
                    0 <= j < len(head) and vocab.PROGRAMME.match(head[j]) for j in (k - 1, k + 1)):
                return m.group("name").strip()  # not an entry of a menu of programmes
    for k, line in enumerate(head[:-1]):
        if vocab.PROGRAMME_LIST.match(line) and _heading_like(head[k + 1]):
            return head[k + 1]
    rest = [s for s in head if not vocab.NAVIGATION.match(s)]
    while rest and (_title_of(rest[0], rest, 0) or vocab.PROGRAMME_LIST.match(rest[0])):
        rest = rest[1:]
    if not rest:
        return None
    first, after = rest[0], rest[1] if len(rest) > 1 else ""
    sub = vocab.SUBPROGRAMME.match(first)
    if sub:
        return sub.group("name").strip()
    if _heading_like(first) and after and (
            _prose(after) or after.endswith("?") or is_section_heading(after) or vocab.SUBPROGRAMME.match(after)):
        return first
    return None


def _heading_like(s: str) -> bool:
    words = s.split()
    return (2 < len(s) <= 70 and len(words) <= 6 and s[0].isupper() and not s[0].isdigit()
            and not s.endswith((".", ":", ";", "?", "!", ",")) and not vocab.NOT_A_PROGRAMME.search(s)
            and not vocab.SENTENCE_WORDS.search(s)
            and not is_section_heading(s) and not is_header_line(s) and not _YEAR.search(s))


def _prose(s: str) -> bool:
    return len(s) >= 60 or (len(s) > 30 and s.endswith("."))
