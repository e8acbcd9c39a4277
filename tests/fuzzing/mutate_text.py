"""Mutators of text (str -> str), for text inputs and for the markup of HTML inputs: deleted,
duplicated and swapped lines, random and invisible unicode, NULs and control characters, huge
numbers, storms of codes, `%`, `*` and other tokens, very long lines, runs of spaces, form feeds,
odd line ends, pipe and ruled tables, layout text, and growth to megabytes.

Each mutator takes `(rng, text, budget)` and returns `(text, label)`: `budget` is the most
characters the result may have; the label names the mutation and its parameters, for reports.
"""
from __future__ import annotations

import random
import re
from collections.abc import Callable

Mutator = Callable[[random.Random, str, int], tuple[str, str]]

INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\ufeff", "\u200e", "\u200f", "\u202a", "\u202b",
             "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u00a0", "\u2007", "\u202f",
             "\u2028", "\u2029", "\u0085", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\u034f", "\ufe0f",
             "\U000e0001", "\u180e", "\u3000", "\u2000", "\u200a"]
CONTROLS = ["\x00", "\x01", "\x07", "\x08", "\x1b", "\x7f", "\x80", "\x9b", "\x9f", "\ufffd", "\ufffe", "\uffff"]
LOOKALIKES = ["９Ａ１", "٩A١", "९A१", "9Α1", "9А1", "¹", "²", "³", "⁴", "½", "Ⅸ", "ﬁ", "ǅ", "İ", "ß", "ẞ", "ŉ",
              "Å", "e\u0301", "\u0301" * 50, "ﷺ", "𝟗𝐀𝟏", "🇳🇱", "👍🏽", "𒐫", "\U0010fffd", "\ue000"]
STORM_TOKENS = ["9A1.1 ", "9A1", "9A1.a ", "9A", "%", "*", "**", "-", "–", "|", " | ", "(2015)", "5,7 ",
                "5,7(2015)", "n.v.t. ", "€", "< ", "≥", ".", ",", "Doel ", "Prestatie ", "Effectindicator ",
                "Realisatie ", "Streefwaarde ", "Bron ", "2019 ", "+---", "─", "│", "┼", "\t", "  ", "#", "<br>",
                "Wat willen we bereiken? ", "x", "1", "0,", "1.000", "9A1.1", "Beleidsterrein 9A ", "(", ")",
                "Bron: ", "*) ", "¹", "'", "\"", "\\", "&", "&amp;", "<", ">", "a-", "9A1.", "2A101 ", "1.1.2 ",
                "Doel 1", "Nr. ", "(21) ", "Nederland ", "Totaal ", "Lasten ", "€ 1.000 ", "- ", "Realisatie\t"]
HUGE_NUMBERS = ["9" * 20, "9" * 400, "9" * 5000, "1" + "0" * 100000, "1." + ".".join(["000"] * 2000),
                "1," + "0" * 4000, "0," + "0" * 5000 + "1", "-" + "9" * 300, "99999", "(99999)", "(1900)",
                "1e999999", "NaN", "Infinity", "-0", "0,0", "12.400.000.000.000.000.000", "5,7" * 1000,
                "1" * 64 + "%", "€ " + "9" * 500, "(2015)" * 300, "9.99", "٥٫٧", "5,7 (20155)"]


# The share of size parameters drawn from the big end (tens of thousands of repeats, 100 KB
# runs): enough to meet every super-linear path, few enough to keep a campaign quick.
BIG = 0.06


def pick(rng: random.Random, small: list, big: list):
    """A parameter from `small`, or (with probability BIG) from `big`."""
    return rng.choice(big if rng.random() < BIG else small)


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _span(rng: random.Random, n: int, most: int | None = None) -> tuple[int, int]:
    if n <= 1:
        return 0, n
    start = rng.randrange(n)
    length = 1 + int(rng.paretovariate(1.2)) if most is None else rng.randint(1, most)
    return start, min(n, start + length)


def _pos(rng: random.Random, text: str) -> int:
    return rng.randint(0, len(text))


def _insert(text: str, at: int, piece: str) -> str:
    return text[:at] + piece + text[at:]


def delete_lines(rng, text, budget):
    lines = _lines(text)
    a, b = _span(rng, len(lines))
    return "\n".join(lines[:a] + lines[b:]), f"delete_lines({b - a})"


def duplicate_lines(rng, text, budget):
    lines = _lines(text)
    a, b = _span(rng, len(lines))
    copies = pick(rng, [1, 1, 2, 5], [50])
    at = rng.randrange(len(lines) + 1)
    block = lines[a:b] * copies
    return "\n".join(lines[:at] + block + lines[at:]), f"duplicate_lines({b - a}x{copies})"


def swap_lines(rng, text, budget):
    lines = _lines(text)
    swaps = rng.choice([1, 2, 5, 20])
    for _ in range(swaps):
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    return "\n".join(lines), f"swap_lines({swaps})"


def shuffle_lines(rng, text, budget):
    lines = _lines(text)
    a, b = _span(rng, len(lines), most=40)
    window = lines[a:b]
    rng.shuffle(window)
    return "\n".join(lines[:a] + window + lines[b:]), f"shuffle_lines({b - a})"


def random_unicode(rng, text, budget):
    count = pick(rng, [1, 5, 50], [500])
    pieces = []
    for _ in range(count):
        kind = rng.random()
        if kind < 0.4:
            pieces.append(chr(rng.choice([rng.randint(0x20, 0x2FF), rng.randint(0x300, 0xD7FF),
                                          rng.randint(0xE000, 0xFFFD), rng.randint(0x10000, 0x10FFFF)])))
        elif kind < 0.8:
            pieces.append(rng.choice(LOOKALIKES))
        else:
            pieces.append(chr(rng.randint(0xDC80, 0xDCFF)))  # a surrogate-escaped byte
    for piece in pieces:
        text = _insert(text, _pos(rng, text), piece)
    return text, f"random_unicode({count})"


def invisible(rng, text, budget):
    count = pick(rng, [1, 10, 100], [2000])
    char = rng.choice(INVISIBLE)
    mixed = rng.random() < 0.5
    for _ in range(count):
        text = _insert(text, _pos(rng, text), rng.choice(INVISIBLE) if mixed else char)
    return text, f"invisible({count}, {'mixed' if mixed else repr(char)})"


def controls(rng, text, budget):
    count = rng.choice([1, 3, 30, 300])
    for _ in range(count):
        text = _insert(text, _pos(rng, text), rng.choice(CONTROLS))
    return text, f"controls({count})"


def huge_number(rng, text, budget):
    spots = [m.span() for m in re.finditer(r"\d+(?:[.,]\d+)*%?", text)]
    number = pick(rng, HUGE_NUMBERS[:3] + HUGE_NUMBERS[6:], HUGE_NUMBERS)
    if not spots:
        return _insert(text, _pos(rng, text), number), "huge_number(inserted)"
    count = pick(rng, [1, 1, 3], [20])
    for a, b in sorted(rng.sample(spots, min(count, len(spots))), reverse=True):
        text = text[:a] + number + text[b:]
    return text, f"huge_number({number[:12]}..{len(number)} x{count})"


def storm(rng, text, budget):
    token = rng.choice(STORM_TOKENS)
    count = pick(rng, [10, 100, 1000], [10000, 100000, 400000])
    count = max(1, min(count, budget // max(1, len(token)) // 2))
    sep = rng.choice(["", "", " ", "\n"])
    piece = sep.join([token] * count)
    if rng.random() < 0.3:
        piece = "\n" + piece + "\n"
    return _insert(text, _pos(rng, text), piece), f"storm({token!r} x{count}, sep {sep!r})"


def long_line(rng, text, budget):
    lines = _lines(text)
    if rng.random() < 0.5:
        a, b = _span(rng, len(lines), most=len(lines))
        joined = " ".join(lines[a:b])
        return "\n".join(lines[:a] + [joined] + lines[b:]), f"long_line(join {b - a})"
    k = rng.randrange(len(lines))
    times = max(1, min(pick(rng, [10, 100, 1000], [10000, 100000]), budget // max(1, len(lines[k]) + 1) // 2))
    lines[k] = " ".join([lines[k]] * times)
    return "\n".join(lines), f"long_line(repeat x{times})"


def spaces(rng, text, budget):
    run = " " * pick(rng, [2, 8, 40, 200], [5000, 100000])
    count = pick(rng, [1, 10], [100])
    where = rng.choice(["words", "indent"])
    lines = _lines(text)
    for _ in range(count):
        k = rng.randrange(len(lines))
        if where == "indent":
            lines[k] = run + lines[k]
        else:
            words = lines[k].split(" ")
            i = rng.randrange(len(words))
            words[i] = words[i] + run
            lines[k] = " ".join(words)
    return "\n".join(lines), f"spaces({len(run)} x{count}, {where})"


def form_feeds(rng, text, budget):
    lines = _lines(text)
    count = pick(rng, [1, 3, 20], [1000])
    for _ in range(count):
        k = rng.randrange(len(lines))
        lines[k] = "\f" * rng.choice([1, 1, 2, 50]) + lines[k]
    return "\n".join(lines), f"form_feeds({count})"


def line_ends(rng, text, budget):
    end = rng.choice(["\r", "\r\n", "\u2028", "\n\r", "\r\r\n", "mixed"])
    if end == "mixed":
        lines = _lines(text)
        return "".join(line + rng.choice(["\n", "\r\n", "\r", "\u2028", "\x85"]) for line in lines), "line_ends(mixed)"
    return text.replace("\n", end), f"line_ends({end!r})"


def pipe_table(rng, text, budget):
    lines = _lines(text)
    if rng.random() < 0.2:
        cells = pick(rng, [50], [1000, 20000])
        row = "|" + "|".join(rng.choice(["9A1.a", "5,7", "-", "", "Bron", "2019"]) for _ in range(cells)) + "|"
        lines.insert(rng.randrange(len(lines) + 1), row)
        return "\n".join(lines), f"pipe_table(row of {cells} cells)"
    a, b = _span(rng, len(lines), most=60)
    out = []
    for line in lines[a:b]:
        parts = re.split(r"\s{2,}|\t", line.strip()) if rng.random() < 0.7 else line.split(" ")
        out.append("| " + " | ".join(parts) + " |")
        if rng.random() < 0.1:
            out.append("|" + "---|" * len(parts))
    return "\n".join(lines[:a] + out + lines[b:]), f"pipe_table({b - a} lines)"


def ruled_table(rng, text, budget):
    rows, cols = pick(rng, [(2, 2), (5, 3), (40, 6)], [(300, 2), (3, 200)])
    width = rng.choice([3, 12, 40])
    style = rng.choice(["box", "ascii"])
    h, v, cross = ("─", "│", "┼") if style == "box" else ("-", "|", "+")
    rule = cross + cross.join([h * width] * cols) + cross
    out = [rule]
    for r in range(rows):
        cells = [rng.choice(["9A1.a Aandeel", "5,7 (2015)", "-", "", "Bron", f"9A{r}.1"]).ljust(width)[:width]
                 for _ in range(cols)]
        out.append(v + v.join(cells) + v)
        if rng.random() < 0.5:
            out.append(rule if rng.random() < 0.9 else rule[: rng.randrange(len(rule))])
    lines = _lines(text)
    at = rng.randrange(len(lines) + 1)
    return "\n".join(lines[:at] + out + lines[at:]), f"ruled_table({rows}x{cols}, {style})"


def layout_text(rng, text, budget):
    """Lines as `pdftotext -layout` prints them: words at fixed columns."""
    lines = _lines(text)
    a, b = _span(rng, len(lines), most=len(lines))
    width = rng.choice([20, 40, 90, 400])
    out = []
    for line in lines[a:b]:
        words = line.split()
        out.append("".join(w.ljust(rng.choice([width // 4 or 1, width // 2 or 1, width])) for w in words))
    return "\n".join(lines[:a] + out + lines[b:]), f"layout_text({b - a} lines, width {width})"


def headings(rng, text, budget):
    lines = _lines(text)
    count = pick(rng, [1, 10], [1000])
    for _ in range(count):
        k = rng.randrange(len(lines))
        lines[k] = rng.choice(["#" * rng.randint(1, 9) + " ", "**** ", "(BUTTON) ", "[IMG] ", "* ", "- ",
                               "• "]) + lines[k] + rng.choice(["", " ****", " ##"])
    return "\n".join(lines), f"headings({count})"


def truncate(rng, text, budget):
    at = rng.randrange(len(text) + 1)
    return text[:at], f"truncate({at})"


def change_case(rng, text, budget):
    lines = _lines(text)
    a, b = _span(rng, len(lines), most=30)
    how = rng.choice(["upper", "lower", "swapcase", "title"])
    lines[a:b] = [getattr(line, how)() for line in lines[a:b]]
    return "\n".join(lines), f"change_case({how}, {b - a})"


def scramble_codes(rng, text, budget):
    def one(m: re.Match) -> str:
        code = m.group(0)
        if rng.random() < 0.5:
            return code
        choice = rng.random()
        if choice < 0.3:
            return code.replace(".", rng.choice([". ", "..", "", ".0", ". ."]), 1)
        if choice < 0.6:
            return "".join(rng.choice("0123456789") if c.isdigit() and rng.random() < 0.5 else c for c in code)
        if choice < 0.8:
            return code + rng.choice(["0", "1", "99", ".1", ".a", "A", "."])
        return rng.choice(["5.C1.1", "7A1. 3", "8C3.", "2A101", "99Z99.99", "0A0", "9A1.z", "10A10.10"])
    return re.sub(r"\d{1,2}\.?[A-Z]\d{0,3}(?:\.\s?\w{1,2})?", one, text), "scramble_codes"


def splice(rng, text, budget, others: list[str] | None = None):
    if not others:
        return text, "splice(none)"
    other = _lines(rng.choice(others))
    a, b = _span(rng, len(other), most=len(other))
    lines = _lines(text)
    at = rng.randrange(len(lines) + 1)
    return "\n".join(lines[:at] + other[a:b] + lines[at:]), f"splice({b - a} lines)"


_CODE = re.compile(r"(?<![\w.])(\d{1,2})([A-Z])(?=\d|\b)")


def renumber(text: str, copy: int) -> str:
    """The text with its policy-area codes moved to another programme and letter, so repeated
    copies hold distinct records (`9A1.1` -> `37K1.1`)."""
    pa = copy % (99 * 26)
    number, letter = pa // 26 + 1, chr(ord("A") + pa % 26)
    return _CODE.sub(lambda m: f"{number}{letter}", text)


def grow(rng, text, budget, target: int | None = None):
    """The text repeated (whole, or one block of it) to a target size, with its codes
    renumbered per copy (or, sometimes, not: thousands of repeated codes)."""
    target = min(budget, target or rng.choice([100_000, 500_000, 1_000_000, 3_000_000, 7_000_000]))
    lines = _lines(text)
    if rng.random() < 0.3 and len(lines) > 4:
        a, b = _span(rng, len(lines), most=len(lines) // 2)
        unit = "\n".join(lines[a:b]) + "\n"
        label = f"block {b - a} lines"
    else:
        unit = text + "\n\n"
        label = "whole"
    if not unit.strip():
        unit = "9A1.1 Organiseren\n"
    copies = max(1, target // max(1, len(unit)))
    numbered = rng.random() < 0.7
    body = "".join(renumber(unit, k) if numbered else unit for k in range(copies))
    return text + "\n" + body, f"grow({label} x{copies}{', renumbered' if numbered else ''})"


# (mutator, weight)
TEXT_MUTATORS: list[tuple[Mutator, float]] = [
    (delete_lines, 3), (duplicate_lines, 3), (swap_lines, 2), (shuffle_lines, 2), (random_unicode, 3),
    (invisible, 3), (controls, 2), (huge_number, 3), (storm, 4), (long_line, 2), (spaces, 2),
    (form_feeds, 1.5), (line_ends, 1), (pipe_table, 2), (ruled_table, 1.5), (layout_text, 2), (headings, 1),
    (truncate, 1), (change_case, 1), (scramble_codes, 2),
]
