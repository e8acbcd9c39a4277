"""Indicator-table column words: the labels a header cell or line is read by.

`header_tokens` turns a header text into (type, text, attached) tokens, type one of
ind (the name column), r (realised), s (target), o (other: prognosis, average...), b (source),
u (unit), y (a year). The words are vocabulary shared by the sources (which find table headers)
and the parser (which builds the column model from them).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .tries import trie_regex

_LABELS = re.compile(
    r"(?P<ind>(?:effect|prestatie|beleids)?-?indicator(?:en)?|maatstaf)"
    r"|(?P<r>realisatie(?:s|waarde)?|gerealiseerd|werkelijk|resultaat|nulmeting|uitgangswaarde|basiswaarde)"
    r"|(?P<s>streefwaarde(?:n)?|doelstelling|streven|norm|target|ambitie)"
    r"|(?P<b>bron(?:nen)?)"
    r"|(?P<o>prognose|verwachting|raming|landelijk(?: gemiddelde)?|gemiddelde|trend|referentie|benchmark)"
    r"|(?P<u>eenheid)"
    r"|(?P<y>(?:19|20)\d\d)", re.IGNORECASE)
_LABEL_ONLY = re.compile(
    r"^(?:\s|[-/|,]|doel(?:en)?|(?:effect|prestatie|beleids)?-?indicator(?:en)?|maatstaf|realisatie(?:s|waarde)?|gerealiseerd|"
    r"werkelijk|resultaat|nulmeting|uitgangswaarde|basiswaarde|streefwaarde(?:n)?|doelstelling|streven|norm|"
    r"target|ambitie|bron(?:nen)?|eenheid|prognose|verwachting|raming|landelijk|gemiddelde|trend|"
    r"referentie|benchmark|"
    r"(?:19|20)\d\d|t/m|jaar)+$", re.IGNORECASE)

def is_header_line(text: str) -> bool:
    """A line made only of indicator-table header words and years (`RealisatieEffectindicator`)."""
    return bool(_LABEL_ONLY.match(text)) and bool(_LABELS.search(text))


def starts_header(text: str) -> bool:
    t = text.strip().lower()
    return is_header_line(text) and ("indicator" in t or "maatstaf" in t)


def header_tokens(text: str, attached_start: bool = False) -> list[tuple[str, str, bool]]:
    """Tokens of one header line or cell. A year is attached when a label precedes it in the
    same text (or `attached_start`: the text continues a label from the line before)."""
    out = []
    prev_label = attached_start
    for m in _LABELS.finditer(text):
        typ = m.lastgroup or ""
        out.append((typ, m.group(0), typ == "y" and prev_label))
        prev_label = typ in ("r", "s", "o") or (typ == "y" and prev_label)
    return out


# A value label that can stand over several year columns (`Realisatie` over `2014 2015 2016`).
_GROUP_LABEL = re.compile(r"^(?:realisatie(?:s|waarde)?|gerealiseerd|werkelijk|resultaat|nulmeting|"
                          r"uitgangswaarde|basiswaarde|streefwaarde(?:n)?|doelstelling|streven|norm|target|"
                          r"ambitie|begroting|raming)$", re.IGNORECASE)
_NAME_COLUMN = re.compile(r"indicator|maatstaf", re.IGNORECASE)
_VALUE_COLUMN = re.compile(r"realisatie|streefwaarde|(?:19|20)\d\d|bron", re.IGNORECASE)


def is_group_label(text: str) -> bool:
    """A header phrase that can label a run of year columns (`Realisatie`, `Streefwaarde`)."""
    return bool(_GROUP_LABEL.match(text))


def names_indicator_table(text: str) -> bool:
    """Header text that names an indicator column and a value column (realised, target, year or
    source): an indicator table's header."""
    return bool(_NAME_COLUMN.search(text)) and bool(_VALUE_COLUMN.search(text))


# -- column words of a profile -------------------------------------------------------------
ROLES = ("name", "number", "group", "unit", "period", "realisatie", "streefwaarde", "nulmeting",
         "waarde", "comparison", "source", "other", "kind_row")
VALUE_ROLES = ("realisatie", "streefwaarde", "nulmeting", "waarde", "comparison")
_SEPARATORS = re.compile(r"^[\s\-–/|,&()*:.;¹²³⁴⁵⁶⁷⁸⁹⁰'\"]*$")


def _alternation(words: list[str]) -> tuple[str, set[str]]:
    """One case-insensitive regex for all header `words`, their parts joined by an optional
    space or dash (a trie: a list of 100 words tried in turn cost ~0.6 µs a character), and the
    characters a word can start with."""
    sep = r"[\s\-–]?"
    atoms, firsts = [], set()
    for word in words:
        parts = re.split(r"[\s\-–]+", word.strip().lower())
        chars = [a for k, part in enumerate(parts) for a in ([sep] if k else []) + [re.escape(c) for c in part]]
        if chars:
            atoms.append(chars)
            firsts.add(chars[0])
    return trie_regex(atoms), firsts


_WORD_GAPS = re.compile(r"[\s\-–]+")


def _word_key(text: str) -> str:
    return _WORD_GAPS.sub("", text.lower())


@dataclass(frozen=True)
class Token:
    """One header word (role) or year found in a header text, with where it stands."""

    role: str          # one of ROLES, or 'year'
    text: str
    start: int
    end: int
    year: int | None = None   # the year a `R2017` token or a year token names


@dataclass(frozen=True)
class ColumnWords:
    """The header words of a profile's indicator tables and the column role each names."""

    roles: dict[str, str]                  # word key -> role
    year_prefix: dict[str, str]            # 'R' -> 'realisatie'
    pattern: re.Pattern
    # texts already read (every line of a report is asked about, and headers, labels and value
    # rows repeat): text -> tokens, (text, allow) -> label_only
    _memo: dict = field(default_factory=dict, compare=False, repr=False)
    _word_roles: dict = field(default_factory=dict, compare=False, repr=False)  # a header word as matched -> role
    MEMO_SIZE, MEMO_TEXT = 20_000, 200   # entries kept at most; longer texts are not kept
    LABELS_AT_MOST = 1_000   # characters of a text made only of header words (longer: never one)

    @classmethod
    def from_table(cls, table: dict) -> "ColumnWords":
        roles: dict[str, str] = {}
        words: list[str] = []
        prefixes = {k.upper(): v for k, v in table.get("year_prefix", {}).items()}
        for role, entries in table.items():
            if role == "year_prefix":
                continue
            if role not in ROLES:
                raise ValueError(f"unknown column role '{role}' (known: {', '.join(ROLES)})")
            for word in entries:
                key = _word_key(word)
                if roles.get(key, role) != role:
                    raise ValueError(f"'{word}' is listed under both {roles[key]} and {role}")
                roles[key] = role
                words.append(word)
        for prefix, role in prefixes.items():
            if role not in VALUE_ROLES or len(prefix) != 1:
                raise ValueError(f"year_prefix {prefix} = {role}: needs one letter and a value role")
        alternatives, firsts = _alternation(words)
        start = r"(?-i:(?<![a-zà-ÿ])|(?=[A-ZÀ-Ý]))"
        end = r"(?-i:(?![a-zà-ÿ]))"
        body = []
        if prefixes:
            body.append(r"(?P<pyear>(?-i:[" + "".join(prefixes) + r"])(?:19|20)\d\d)(?!\d)")
        if alternatives:
            body.append(start + r"(?P<word>" + alternatives + r"(?:\(en\)|\(s\)|en|s)?)" + end)
        body.append(r"(?<!\d)(?P<year>(?:19|20)\d\d)(?!\d)")
        # Every token starts with one of these characters: one class test turns away the other
        # positions of a line before the engine tries the branches there (on layout text, with
        # its runs of spaces, scanning costs 2.4 times less).
        lead = "".join(sorted(firsts | set(re.escape(p) for p in prefixes) | {"1", "2"}))
        return cls(roles, prefixes, re.compile("(?=[" + lead + "])(?:" + "|".join(body) + ")", re.IGNORECASE))

    def role_of(self, word: str) -> str | None:
        try:
            return self._word_roles[word]
        except KeyError:
            pass
        role = self._role_of(word)
        if len(self._word_roles) < self.MEMO_SIZE:
            self._word_roles[word] = role
        return role

    def _role_of(self, word: str) -> str | None:
        key = _word_key(word)
        if key in self.roles:
            return self.roles[key]
        for suffix in ("(en)", "(s)", "en", "s"):
            if key.endswith(suffix) and key[: -len(suffix)] in self.roles:
                return self.roles[key[: -len(suffix)]]
        return None

    def tokens(self, text: str) -> list[Token]:
        """The header words and years of `text`, in order."""
        got = self._memo.get(text)
        if got is None:
            got = self._remember(text, tuple(self._scan(text)))
        return list(got)

    def _remember(self, key, value, longest: int = MEMO_TEXT):
        if len(key if isinstance(key, str) else key[0]) > longest:
            return value
        if len(self._memo) >= self.MEMO_SIZE:
            self._memo.clear()
        self._memo[key] = value
        return value

    def _scan(self, text: str):
        """The tokens of `text`, one at a time (label_only stops at the first word that is none)."""
        for m in self.pattern.finditer(text):
            kind = m.lastgroup
            if kind == "year":
                yield Token("year", m.group(0), m.start(), m.end(), int(m.group("year")))
            elif kind == "pyear":
                t = m.group("pyear")
                yield Token(self.year_prefix[t[0].upper()], t, m.start(), m.end(), int(t[1:]))
            else:
                role = self.role_of(m.group("word"))
                if role is not None:
                    yield Token(role, m.group(0), m.start(), m.end())

    def label_only(self, text: str, allow: re.Pattern | None = None) -> list[Token] | None:
        """The tokens of `text` when it holds nothing but header words, years and separators
        (and what `allow` matches, e.g. municipality names); else None."""
        # by the pattern's text: a Pattern's own hash reads all its compiled code, every time
        key = (text, allow.pattern, allow.flags) if allow is not None else (text, None, 0)
        got = self._memo.get(key, self)
        if got is not self:
            return None if got is None else list(got)
        got = self._label_only(text, allow)
        # a "no" is kept for any text that was read (a long line of prose repeats as well)
        if got is None:
            self._remember(key, None, self.LABELS_AT_MOST)
        else:
            self._remember(key, tuple(got))
        return got

    def _label_only(self, text: str, allow: re.Pattern | None) -> list[Token] | None:
        if len(text) > self.LABELS_AT_MOST:
            return None   # a storm of separators and years is no header, and scanning it costs
        toks: list[Token] = []
        pos = 0
        for t in self._scan(text):
            if not self._separates(text[pos:t.start], allow):
                return None   # prose: no need to read the rest of it
            toks.append(t)
            pos = t.end
        if not toks or not self._separates(text[pos:], allow):
            return None
        return toks

    @staticmethod
    def _separates(gap: str, allow: re.Pattern | None) -> bool:
        return not gap or bool(_SEPARATORS.match(gap)) or bool(allow and allow.fullmatch(gap.strip(" -/|,&()")))
