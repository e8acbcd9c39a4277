"""A profile: what one family of budget documents looks like, as data.

A profile is a TOML file (`profiles/data/*.toml`, or any file given to `load`): its code grammar
(the patterns of numbered goals, performances and indicators, or Leiden's built-in grammar), the
words of its indicator-table headers and the kind of column each names, the headings that end
its sections, the page chrome to ignore, and the marks that tell it from other families.
Sources and the parser read the profile of the document they work on; a new municipality's shape
is a new profile entry, not a parser edit.
"""
from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..models.memo import remember_short
from .columns import ColumnWords


class ProfileError(ValueError):
    """A profile file that cannot be used (bad TOML, unknown key, a pattern that does not
    compile); the message names the file and the place."""


@dataclass(frozen=True)
class NumberedCodes:
    """Codes as labelled hierarchical numbers (`Doel 1`, `Subdoelstelling 1.1:`, `E1.2.1`).
    Each pattern has the named groups `code` and `title` and is matched at a line's start."""

    goal: tuple[re.Pattern, ...] = ()
    goal_before_table: re.Pattern | None = None
    performance: tuple[re.Pattern, ...] = ()
    indicator: tuple[re.Pattern, ...] = ()

    # the goal, goal-before-table and performance patterns as one: a line none of them can start
    # is turned away by one match (the parser asks every line), None when they cannot be joined
    _starts: re.Pattern | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", _joined((*self.goal, self.goal_before_table, *self.performance)))

    def may_start(self, text: str) -> bool:
        """Can a goal, goal-before-table or performance line start `text`? (False: none does.)"""
        return self._starts is None or self._starts.match(text) is not None

    @staticmethod
    def _first(patterns, text: str) -> tuple[str, str] | None:
        for p in patterns:
            m = p.match(text)
            if m:
                return m.group("code"), m.group("title").strip()
        return None

    def goal_line(self, text: str) -> tuple[str, str] | None:
        """(code, title) of a labelled goal line; title may be '' (it follows on the next line)."""
        return self._first(self.goal, text)

    def goal_before(self, text: str) -> tuple[str, str] | None:
        """(code, title) of a bare numbered line, a goal when an indicator table follows."""
        return self._first((self.goal_before_table,) if self.goal_before_table else (), text)

    def performance_line(self, text: str) -> tuple[str, str] | None:
        return self._first(self.performance, text)

    def indicator_code(self, text: str) -> tuple[str, str] | None:
        """(code, rest) when an indicator's name cell starts with its own code."""
        return self._first(self.indicator, text)


@dataclass(frozen=True)
class Profile:
    name: str
    title: str
    leiden_codes: bool                  # Leiden's built-in grammar drives the records
    codes: NumberedCodes
    columns: ColumnWords
    headings: tuple[str, ...] = ()      # extra headings that end a table or explanation
    chrome: re.Pattern | None = None    # whole lines of page chrome (navigation, print links)
    detect: tuple[tuple[re.Pattern, float], ...] = ()
    min_score: float = 1.0
    unit_words: frozenset[str] = frozenset()   # words that begin a unit after a name on one line
    source_words: frozenset[str] = frozenset()  # words that name a source (CBS, LISA, monitor)
    path: str = ""
    _heading_re: re.Pattern | None = field(default=None, repr=False, compare=False)
    _chrome_test: Callable[[str], bool] | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.chrome is not None:   # asked of every line, and a report repeats its lines: remembered
            chrome = self.chrome
            object.__setattr__(self, "_chrome_test", remember_short(50_000)(
                lambda text: bool(chrome.fullmatch(text.strip().lower()))))

    def is_chrome(self, text: str) -> bool:
        return self._chrome_test is not None and self._chrome_test(text)

    def is_heading(self, text: str) -> bool:
        """One of this profile's own section headings (the shared ones are in `sections`)."""
        if self._heading_re is None:
            return False
        return len(text) <= 120 and bool(self._heading_re.match(text.strip()))

    def score(self, text: str) -> float:
        """How strongly `text` shows this profile's marks (0 when none)."""
        total = 0.0
        for pattern, weight in self.detect:
            total += weight * min(20, sum(1 for _ in zip(range(20), pattern.finditer(text))))
        return total


_KEYS = {"name", "title", "leiden_codes", "detect", "min_score", "codes", "columns", "sections", "units", "sources", "extends"}
_CODE_KEYS = {"goal", "goal_before_table", "performance", "indicator"}
_SECTION_KEYS = {"headings", "chrome"}


_NAMED_GROUP = re.compile(r"\(\?P<\w+>")
_REFERS = re.compile(r"\(\?P=|\(\?\(|\\[1-9]")   # (?P=name), (?(1)...), \1


def _joined(patterns) -> re.Pattern | None:
    """One pattern matching where any of `patterns` matches at a text's start (their group names
    dropped, their case flag kept per part); None when they cannot be joined (a back-reference,
    a flag for the whole pattern inside it)."""
    parts = []
    for p in patterns:
        if p is None:
            continue
        if _REFERS.search(p.pattern) or p.flags & ~(re.IGNORECASE | re.UNICODE):
            return None   # a group referred to by name or number would change in the join
        body = _NAMED_GROUP.sub("(?:", p.pattern)
        parts.append(f"(?i:{body})" if p.flags & re.IGNORECASE else f"(?:{body})")
    if not parts:
        return re.compile(r"(?!)")
    try:
        return re.compile("|".join(parts))
    except re.error:
        return None


def _compile(pattern: str, where: str, flags: int = 0) -> re.Pattern:
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise ProfileError(f"{where}: pattern does not compile: {exc}") from None


def _check_keys(table: dict, allowed: set[str], where: str) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise ProfileError(f"{where}: unknown key {', '.join(unknown)} (known: {', '.join(sorted(allowed))})")


def from_dict(data: dict, path: str = "<profile>") -> Profile:
    """A profile from its TOML table; ProfileError names the file and key of a problem."""
    _check_keys(data, _KEYS, path)
    for key in ("name", "title"):
        if not isinstance(data.get(key), str) or not data[key]:
            raise ProfileError(f"{path}: '{key}' must be a non-empty string")
    codes = data.get("codes", {})
    _check_keys(codes, _CODE_KEYS, f"{path} [codes]")

    def patterns(key: str) -> tuple[re.Pattern, ...]:
        out = []
        for k, p in enumerate(codes.get(key, [])):
            rx = _compile(p, f"{path} [codes] {key}[{k}]")
            if "code" not in rx.groupindex or "title" not in rx.groupindex:
                raise ProfileError(f"{path} [codes] {key}[{k}]: needs the named groups 'code' and 'title'")
            out.append(rx)
        return tuple(out)

    before = codes.get("goal_before_table")
    numbered = NumberedCodes(
        goal=patterns("goal"), performance=patterns("performance"), indicator=patterns("indicator"),
        goal_before_table=_compile(before, f"{path} [codes] goal_before_table") if before else None)
    try:
        columns = ColumnWords.from_table(data.get("columns", {}))
    except ValueError as exc:
        raise ProfileError(f"{path} [columns]: {exc}") from None
    sections = data.get("sections", {})
    _check_keys(sections, _SECTION_KEYS, f"{path} [sections]")
    headings = tuple(h.lower() for h in sections.get("headings", []))
    chrome = sections.get("chrome", [])
    detect = []
    for k, entry in enumerate(data.get("detect", [])):
        if not isinstance(entry, dict) or "pattern" not in entry:
            raise ProfileError(f"{path} detect[{k}]: needs a 'pattern' (and a 'weight')")
        detect.append((_compile(entry["pattern"], f"{path} detect[{k}]"), float(entry.get("weight", 1.0))))
    heading_re = (re.compile(r"^(?:" + "|".join(re.escape(h) for h in sorted(headings, key=len, reverse=True))
                             + r")\b[?:]?", re.IGNORECASE) if headings else None)
    return Profile(
        name=data["name"], title=data["title"], leiden_codes=bool(data.get("leiden_codes", False)),
        codes=numbered, columns=columns, headings=headings,
        chrome=_compile("|".join(f"(?:{c})" for c in chrome), f"{path} [sections] chrome") if chrome else None,
        detect=tuple(detect), min_score=float(data.get("min_score", 1.0)), path=path,
        unit_words=frozenset(w.lower() for w in data.get("units", {}).get("start", [])),
        source_words=frozenset(w.lower() for w in data.get("sources", {}).get("words", [])),
        _heading_re=heading_re)


def read_table(path: str | Path) -> dict:
    """The TOML table of a profile file; ProfileError names the file and the problem."""
    path = Path(path)
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ProfileError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"{path}: not valid TOML: {exc}") from None


def _word(word: str) -> str:
    return re.sub(r"[\s\-–]+", "", word.lower())


def extend(base: dict, data: dict) -> dict:
    """A profile table on top of the one it `extends`: its word and pattern lists come first,
    then the base's; its other keys replace the base's."""
    out = {k: v for k, v in base.items() if k not in ("name", "title", "detect", "min_score")}
    for key, value in data.items():
        if key == "extends":
            continue
        if key == "columns" and isinstance(value, dict) and isinstance(out.get(key), dict):
            # a word the profile lists under a role is taken from the base's other roles
            mine = {_word(w) for words in value.values() if isinstance(words, list) for w in words}
            out[key] = {role: ([w for w in words if _word(w) not in mine] if isinstance(words, list) else words)
                        for role, words in out[key].items()}
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            merged = dict(out[key])
            for k, v in value.items():
                old = merged.get(k)
                if isinstance(v, list) and isinstance(old, list):
                    merged[k] = v + [x for x in old if x not in v]
                elif isinstance(v, dict) and isinstance(old, dict):
                    merged[k] = {**old, **v}
                else:
                    merged[k] = v
            out[key] = merged
        else:
            out[key] = value
    return out


def load(path: str | Path, bases: dict[str, dict] | None = None) -> Profile:
    """Read a profile file (TOML). With `extends = "NAME"` it adds to that profile's table
    (`bases`: the tables of the known profiles by name)."""
    data = read_table(path)
    base_name = data.get("extends")
    if base_name:
        if not bases or base_name not in bases:
            known = ", ".join(sorted(bases or {}))
            raise ProfileError(f"{path}: extends unknown profile '{base_name}' (known: {known})")
        data = extend(bases[base_name], data)
    return from_dict(data, str(path))
