"""Dutch value cells: the one place where `5,7`, `12,5%`, `12.400`, `-`, `n.v.t.`, `< 20%`,
`10.126**` and `5,7 (2015)` become exact numbers (Decimal) with their qualifiers.

`parse_cell(raw)` never raises: text it cannot read as a number is kept as a qualitative value
with its raw text, never turned into an invented number.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Literal

from .memo import remember_short

Status = Literal["number", "empty", "not_available", "not_applicable", "pm", "qualitative"]

_COMPARATORS = {
    "<": "<", ">": ">", "≤": "<=", "≥": ">=", "<=": "<=", ">=": ">=", "=<": "<=", "=>": ">=",
    "=": "=", "±": "~", "~": "~", "ca.": "~", "ca": "~", "circa": "~", "ongeveer": "~",
    "minimaal": ">=", "min.": ">=", "maximaal": "<=", "max.": "<=", "minder dan": "<",
    "meer dan": ">", "tenminste": ">=", "ten minste": ">=",
}
_EMPTY = {"-", "–", "—", "‒", "−", "--", ""}
_NOT_AVAILABLE = {"n.b.", "n.b", "nb", "nb.", "onbekend", "nog niet bekend", "niet bekend", "?", "n.n.b.", "nnb",
                  "x", ".", "geen data", "geen gegevens"}
_NOT_APPLICABLE = {"nvt", "n.v.t.", "n.v.t", "nvt.", "n.t.b.", "ntb", "niet van toepassing", "geen meting", "n.m."}
_PM = {"pm", "p.m.", "p.m", "pm."}

# Searched, not matched from the start: `^(.*?)\s*\(` retries the white space before the
# bracket from every position of a long run (quadratic); the body is what stands before.
_YEAR_SUFFIX = re.compile(r"\((?:meting |gemeten in |datajaar |peiljaar |stand )?"
                          r"(?P<year>(?:19|20)\d\d)\)\s*(?P<tail>\**)\s*$", re.IGNORECASE)
_LEADING_MARKERS = re.compile(r"^(?P<markers>\*+)\s*(?P<body>\S.*)$")
_YEAR_PREFIX = re.compile(r"^(?P<year>(?:19|20)\d\d)\s*[:=]\s*(?P<body>\S.*)$")
_MARKER_DIGIT = re.compile(r"\(\d\)$")
_COMPARATOR_RE = re.compile(
    r"^(?P<cmp><=|>=|=<|=>|≤|≥|<|>|=|±|~|ca\.?|circa|ongeveer|minimaal|min\.|maximaal|max\.|"
    r"minder dan|meer dan|tenminste|ten minste)\s*(?P<rest>.*)$", re.IGNORECASE)
_NUMBER_RE = re.compile(
    r"^(?P<sign>[-−+]?)\s*(?P<cur>€\s*)?(?P<num>\d[\d.,\s]*\d|\d)\s*(?P<unit>%|procent|€|kg|ton|ha|km|fte|dagen|uur)?$", re.IGNORECASE)


@dataclass(frozen=True)
class CellValue:
    """One value cell read the Dutch way. `value` is None whenever the cell holds no number."""

    raw: str
    value: Decimal | None
    status: Status
    unit: str | None = None          # '%' or '€' when the cell says so
    comparator: str | None = None    # '<', '<=', '>', '>=', '=', '~'
    qualifier: str | None = None     # qualitative text such as 'stijging' or 'n.v.t.'
    year: int | None = None          # from `5,7 (2015)`
    markers: str = ""                # footnote markers glued to the value: '*', '**'


_NOISE = str.maketrans({"\u00ad": None, "\u200b": None, "\ufeff": None,
                        "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\t": " "})
_NOISY = re.compile("[" + "".join(chr(c) for c in _NOISE) + "]")
_SPACE_RUN = re.compile(r" {2,}")


def clean_text(text: str) -> str:
    """Normalise the typographic noise of web pages and PDFs: NBSP, soft hyphens, zero-width
    characters, compatibility forms; collapses runs of white space. (Called for every cell and
    line, often more than once: one translate and at most one regex pass.)"""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
        if _NOISY.search(text):   # translate looks every character up: only for text that has noise
            text = text.translate(_NOISE)
    elif "\t" in text:
        text = text.replace("\t", " ")
    if "  " in text:
        text = _SPACE_RUN.sub(" ", text)
    return text.strip()


def parse_decimal(text: str) -> Decimal | None:
    """A Dutch number without unit: `5,7` -> 5.7, `12.400` -> 12400, `1.234,5` -> 1234.5.
    A dot followed by a group of exactly three digits is a thousands separator; any other dot
    is read as a decimal point (`5.7`), as web pages sometimes write it. None if not a number."""
    if " " in text.strip():
        # a space may only group thousands (`12 400`); `5 7` is two numbers, not 57
        if not re.fullmatch(r"\d{1,3}(?: \d{3})+(?:[.,]\d+)?", text.strip()):
            return None
    t = text.replace(" ", "")
    if not t or not re.fullmatch(r"\d[\d.,]*", t) or t[-1] in ".,":
        return None
    if "," in t:
        if t.count(",") > 1:
            return None
        intpart, frac = t.split(",")
        if "." in intpart and not _valid_thousands(intpart):
            return None
        t = intpart.replace(".", "") + "." + frac
    elif "." in t:
        if _valid_thousands(t):
            t = t.replace(".", "")
        elif t.count(".") > 1:
            return None
    try:
        return Decimal(t)
    except InvalidOperation:
        return None


def _valid_thousands(t: str) -> bool:
    groups = t.split(".")
    return (
        len(groups) > 1
        and 1 <= len(groups[0]) <= 3
        and not (groups[0].startswith("0"))
        and all(len(g) == 3 and g.isdigit() for g in groups[1:])
    )


def trailing_markers(text: str) -> tuple[str, str]:
    """`10.126**` -> ('10.126', '**'): the footnote marks (`*`, `**`, `¹²³`, `(1)`) a value ends
    with, and what stands before them. String operations, linear in the text (a regex
    `^(.*?)\\s*(\\*+)?\\s*$` backtracks cubically on long runs of spaces or stars)."""
    core = text.rstrip()
    if core.endswith("*"):
        body = core.rstrip("*")
    elif core.endswith(("¹", "²", "³")):
        body = core.rstrip("¹²³")
    elif _MARKER_DIGIT.search(core[-3:]):
        body = core[:-3]
    else:
        return core, ""
    return body.rstrip(), core[len(body):]


@remember_short(16384)
def parse_cell(raw: str) -> CellValue:
    """Read one value cell. Never raises. (Remembered: a report prints the same few cells, `-`,
    `n.b.`, `85%`, thousands of times, and a CellValue is frozen.)"""
    text = clean_text(raw or "")
    body = text
    year: int | None = None
    m = _YEAR_SUFFIX.search(body)
    markers = ""
    if m:
        body, year = body[:m.start()].rstrip(), int(m.group("year"))
        markers = m.group("tail") or ""
    elif (m := _YEAR_PREFIX.match(body)):
        body, year = m.group("body"), int(m.group("year"))
    rest, glued = trailing_markers(body)
    if glued and rest:
        body, markers = rest, glued + markers
    m = _LEADING_MARKERS.match(body)
    if m:
        body, markers = m.group("body"), m.group("markers") + markers
    low = body.lower().strip()
    if low in _EMPTY:
        return CellValue(text, None, "empty", year=year, markers=markers)
    if low in _NOT_AVAILABLE:
        return CellValue(text, None, "not_available", qualifier=body, year=year, markers=markers)
    if low in _NOT_APPLICABLE:
        return CellValue(text, None, "not_applicable", qualifier=body, year=year, markers=markers)
    if low in _PM:
        return CellValue(text, None, "pm", qualifier=body, year=year, markers=markers)
    comparator = None
    m = _COMPARATOR_RE.match(body)
    if m and m.group("rest"):
        comparator = _COMPARATORS[m.group("cmp").lower()]
        body = m.group("rest").strip()
    m = _NUMBER_RE.match(body)
    if m:
        number = parse_decimal(m.group("num"))
        if number is not None:
            if m.group("sign") in ("-", "−"):
                number = -number
            unit = m.group("unit").lower() if m.group("unit") else None
            if unit == "procent":
                unit = "%"
            if m.group("cur"):
                unit = "€"
            return CellValue(text, number, "number", unit=unit, comparator=comparator,
                             year=year, markers=markers)
    return CellValue(text, None, "qualitative", qualifier=text, comparator=comparator,
                     year=year, markers=markers)


# A token of a value row in PDF text (`33% 32% - 34% 6,0`): used to split a line of values
# from the indicator name before it and the source after it.
VALUE_TOKEN = re.compile(
    r"^(?:(?:[<>≤≥~±]=?)?[-−+]?€?\d[\d.,]*%?|[-–—]|n\.?b\.?|n\.?v\.?t\.?|p\.?m\.?|nnb|ntb|x|"
    r"stijging|daling|stabiel|gelijk|toename|afname|behoud|ja|nee)(?:\((?:19|20)\d\d\))?\**$",
    re.IGNORECASE)
_CMP_TOKENS = {"<", ">", "<=", ">=", "≤", "≥", "~", "±", "€", "ca.", "circa"}
_YEAR_TOKEN = re.compile(r"^\((?:19|20)\d\d\)\**$")


@remember_short(32768, longest=60)
def is_value_token(token: str) -> bool:
    """A value cell's token (`33%`, `5,7`, `n.b.`, `-`, `stijging`)? (Remembered: asked of every
    word of every line of layout text, and the same few tokens come back.)"""
    return bool(VALUE_TOKEN.match(token))


def value_tokens(text: str) -> list[str]:
    """Split a line into tokens, keeping `< 20%`, `12,5 %`, `€ 1.500` and `5,7 (2015)` whole."""
    return list(value_token_runs(text)[0])


@remember_short(32768)
def value_token_runs(text: str) -> tuple[tuple[str, ...], tuple[tuple[int, int], ...]]:
    """A line's value tokens (as value_tokens) and the runs of value tokens among them, as
    (start, end) index pairs. (Remembered: a report repeats its value lines by the thousand,
    and the parser asks of each line once per reader.)"""
    out: list[str] = []
    for tok in text.split():
        if out:
            prev = out[-1]
            joined = prev + tok
            if prev.lower() in _CMP_TOKENS and is_value_token(joined):
                out[-1] = prev + " " + tok
                continue
            if tok == "%" and is_value_token(joined):
                out[-1] = prev + " " + tok
                continue
            if _YEAR_TOKEN.match(tok) and is_value_token(prev.replace(" ", "")):
                out[-1] = prev + " " + tok
                continue
        out.append(tok)
    runs: list[tuple[int, int]] = []
    start = None
    for k, tok in enumerate(out):
        if is_value_token(tok.replace(" ", "")):
            if start is None:
                start = k
        elif start is not None:
            runs.append((start, k))
            start = None
    if start is not None:
        runs.append((start, len(out)))
    return tuple(out), tuple(runs)


def find_value_run_tokens(text: str, n: int) -> tuple[str, list[str], str] | None:
    """Split `name 5,8 5,7 - 5,8 6,0 Veiligheidsmonitor` into (name, n value tokens, source).
    The run is the last run of at least n value tokens; its last n tokens are the values (a
    number in the name, like `1 tot 10`, stays in the name)."""
    if n <= 0:
        return None
    tokens, runs = value_token_runs(text)
    for first, end in reversed(runs):
        if end - first >= n:
            start = end - n
            return " ".join(tokens[:start]), list(tokens[start:end]), " ".join(tokens[end:])
    return None


def format_decimal(value: Decimal | None) -> str:
    """Dot decimal, no exponent, no thousands separator: the CSV form of a value."""
    if value is None:
        return ""
    return format(value, "f")
