"""The 342 municipalities and 12 provinces: the names they go by and the forms they are written
in (`data/municipalities.txt`, `data/provinces.txt`), and which one a document is about (title
lines, site names, `gemeente X`, the names mentioned most, the file name). One compiled pattern
over a bounded text: cheap for a 400-page report.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..profiles import documents as vocab
from ..profiles.tries import trie_regex

TEXT_LIMIT = 200_000  # characters of a document the names are counted in
HEAD = 40             # lines a title is looked for in


# --- municipality or province ------------------------------------------------------------------

@dataclass(frozen=True)
class Body:
    """A municipality or province: the name it goes by and the forms it is written in."""
    name: str
    forms: tuple[str, ...]
    province: bool = False
    everyday: frozenset[str] = frozenset()  # forms (plain) that are also everyday words: Best, Bergen


def _read_bodies(file: str, province: bool) -> list[Body]:
    text = resources.files("extract").joinpath(f"data/{file}").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        marked = [f.strip() for f in line.split("|") if f.strip()]
        forms = tuple(f.lstrip("~") for f in marked)
        everyday = frozenset(_plain(f) for f in marked if f.startswith("~"))
        out.append(Body(forms[0], forms, province, everyday))
    return out


@lru_cache(maxsize=1)
def bodies() -> tuple[Body, ...]:
    """Every municipality, then every province."""
    return tuple(_read_bodies("municipalities.txt", False) + _read_bodies("provinces.txt", True))


def municipalities() -> tuple[str, ...]:
    return tuple(b.name for b in bodies() if not b.province)


def provinces() -> tuple[str, ...]:
    return tuple(b.name for b in bodies() if b.province)


def _plain(text: str, sep: str = " ") -> str:
    """Lowercase without accents and apostrophes, other non-alphanumerics as `sep`:
    `'s-Hertogenbosch` -> `s hertogenbosch`, `Súdwest-Fryslân` -> `sudwest fryslan`."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['’‘`´]", "", text)
    return re.sub(r"[^a-z0-9]+", sep, text).strip(sep)


_DEBUG = False
_OWNER_FORM = re.compile(vocab.OWNER_WORD + r"\s+", re.IGNORECASE)


def _index(key, owner_forms: bool) -> dict[str, tuple[int, ...]]:
    out: dict[str, list[int]] = {}
    for i, b in enumerate(bodies()):
        for f in b.forms:
            if owner_forms or not _OWNER_FORM.match(f):
                found = out.setdefault(key(f), [])
                if i not in found:
                    found.append(i)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _forms() -> dict[str, tuple[int, ...]]:
    """Each written form, plain (`s hertogenbosch`), to the bodies it may name (a form on two
    lines, `bergen`, names both). `Provincie X` forms are left to the owner word."""
    return _index(_plain, owner_forms=False)


@lru_cache(maxsize=1)
def _squashed() -> dict[str, tuple[int, ...]]:
    """Forms without spaces (`denhaag`, `shertogenbosch`, `provinciefryslan`): site names and
    file names write them so."""
    return _index(lambda f: _plain(f, ""), owner_forms=True)


def _atom(c: str) -> str:
    """The regex for one character of a name as printed: accents optional, a space or hyphen
    as any run of either, the apostrophe of `'s-` optional."""
    if c in " -":
        return r"[\s\-]+"
    if c in "'’‘`´":
        return r"['’‘`´]?"
    base = "".join(ch for ch in unicodedata.normalize("NFD", c) if not unicodedata.combining(ch))
    if base != c:
        return f"[{c}{base}]"
    return re.escape(c)


def _form_atoms(form: str, ignore_case: bool) -> list[str]:
    atoms = [_atom(c) for c in form]
    # `De Bilt`, `Het Hogeland`, `Den Haag`: the article is often lower case in running text
    m = re.match(r"^(De|Het|Den)\s", form)
    if m and not ignore_case:
        atoms[0] = f"[{form[0]}{form[0].lower()}]"
    return atoms


@lru_cache(maxsize=2)
def _name_pattern(ignore_case: bool = False) -> re.Pattern:
    """One pattern for every form of every name, with the owner word before it (`gemeente X`,
    `Provincie Y`) and the start of a compound or demonym after it (`Leidenaren`). Case-sensitive
    for running text (names are capitalised), ignoring case for title lines."""
    forms = sorted({f for b in bodies() for f in b.forms if not _OWNER_FORM.match(f)}, key=len, reverse=True)
    alternation = trie_regex([_form_atoms(f, ignore_case) for f in forms])
    owner = r"(?P<owner>\b[Gg]emeente|\b[Pp]rovincie)\s+(?:van\s+)?"
    return re.compile(rf"(?:{owner})?(?<![^\W_])(?P<name>{alternation})(?P<suffix>[a-zà-ÿ]*)(?![^\W_])",
                      re.IGNORECASE if ignore_case else 0)


@lru_cache(maxsize=1)
def _file_pattern() -> re.Pattern:
    """Every form of every name as a file name writes it (`s-hertogenbosch`, `alphen-aan-den-rijn`)."""
    forms = sorted({_plain(f, "-") for b in bodies() for f in b.forms}, key=len, reverse=True)
    return re.compile(r"(?<![a-z0-9])(?P<name>" + "|".join(re.escape(f) for f in forms) + r")(?![a-z0-9])")


def _candidates(form: str, owner: str | None) -> list[int]:
    found = list(_forms().get(_plain(form), ()))
    if owner:
        province = owner.lower().startswith("provincie")
        found = [i for i in found if bodies()[i].province == province]
    return found


def municipality_of(lines: list[str], titles: list[str], stem: str, is_title) -> str | None:
    """The municipality or province a document is of: its name in a title line (weighs most),
    a site name, `gemeente X` / `Provincie Y`, the name mentioned most (compounds such as
    `Leidenaren` count half; a province's bare name counts half unless the text reads as a
    province's), and the file name. A bare name both bodies share (Groningen, Utrecht) goes to
    the municipality unless the text reads as a province's."""
    everyone = bodies()
    text = "\n".join(lines)[:TEXT_LIMIT]
    province_text = len(vocab.PROVINCE_WORDS.findall(text)) > len(vocab.MUNICIPALITY_WORDS.findall(text))
    scores: dict[int, float] = {}

    def add(indices, weight: float) -> None:
        for i in indices:
            w = weight
            if everyone[i].province and not province_text:
                w /= 2
            scores[i] = scores.get(i, 0.0) + w

    # title lines: `Jaarstukken 2019 's-Hertogenbosch`, `Gemeente Leiden - Programmabegroting 2019`
    for k, line in enumerate(titles[:HEAD]):
        if is_title(line, titles, k) or (_OWNER_FORM.match(line) and len(line) < 100):
            for hit in _name_pattern(ignore_case=True).finditer(line):
                if not hit.group("suffix"):
                    add(_candidates(hit.group("name"), hit.group("owner")), 8)
    # site names: `www.lisse.nl`, `leiden.begroting-2024.nl`, `s-hertogenbosch.jaarverslag2019.nl`
    for host in vocab.HOST.finditer(text):
        labels = host.group("host").lower().split(".")
        platform = any(vocab.HOST_LABEL.match(label) for label in labels)
        for label in labels[:-1]:
            add(_squashed().get(_plain(label, ""), ()), 3 if platform else 2)
    # mentions in the text
    for hit in _name_pattern().finditer(text):
        found = _candidates(hit.group("name"), hit.group("owner"))
        if hit.group("owner"):
            at_start = hit.start() == 0 or text[hit.start() - 1] == "\n"
            # `gemeente X` in a sentence is mostly the municipality itself, `provincie X` another body
            add(found, 3 if at_start else 1 if hit.group("owner").lower() == "provincie" else 2)
            continue
        found = [i for i in found if _plain(hit.group("name")) not in everyone[i].everyday]
        if not province_text and any(not everyone[i].province for i in found):
            found = [i for i in found if not everyone[i].province]  # a bare `Groningen` is the city
        if hit.group("suffix"):
            if len(hit.group("name")) >= 5:
                add(found, 0.5)
        else:
            add(found, 1)
    # the file name: `017_s-hertogenbosch-jaarverslag-2019-bewegen`, `denhaag_begroting2021`
    name = _plain(stem, "-")
    hits = list(_file_pattern().finditer(name))
    in_name = {i for hit in hits for i in _squashed().get(_plain(hit.group("name"), ""), ())}
    for hit in hits:
        name = name[:hit.start()] + "-" * len(hit.group(0)) + name[hit.end():]
    for token in name.split("-"):
        token = re.sub(r"^(?:gemeente|provincie)(?=[a-z]{3})", "", token)
        in_name.update(_squashed().get(token, ()) if len(token) >= 4 else ())
    for i in sorted(in_name):
        add([i], 1.5 if _plain(everyone[i].name) in everyone[i].everyday else 3)
    if not scores:
        return None
    if _DEBUG:
        print({everyone[i].name: v for i, v in sorted(scores.items(), key=lambda kv: -kv[1])})
    best = max(scores.values())
    tied = [i for i in scores if scores[i] == best]
    # ties: the first listed (municipalities before provinces, unless the text is a province's)
    return everyone[min(tied, key=lambda i: (everyone[i].province != province_text, i))].name
