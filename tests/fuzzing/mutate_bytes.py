"""How mutated text becomes bytes (the encoding, true or lying, with or without a BOM) and
byte-level mutators shared by every format: invalid UTF-8, flipped bits, truncation, zeroed
ranges. Each mutator takes `(rng, data)` and returns `(data, label)`."""
from __future__ import annotations

import codecs
import random

ENCODINGS = ["utf-8", "utf-8", "utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "utf-16-le", "utf-32",
             "windows-1252", "iso-8859-1", "cp437", "mac-roman", "cp037", "shift_jis", "utf-7", "lying-bom",
             "bom-in-middle", "double-bom"]
INVALID_UTF8 = [b"\x80", b"\xff", b"\xfe", b"\xc0\xaf", b"\xe0\x80\xaf", b"\xed\xa0\x80", b"\xed\xbf\xbf",
                b"\xf4\x90\x80\x80", b"\xf8\x88\x80\x80\x80", b"\xc3", b"\xe2\x82", b"\xf0\x9f\x98", b"\xc3\x28",
                b"\xa0\xa1", b"\x00"]


def encode(rng: random.Random, text: str) -> tuple[bytes, str]:
    how = rng.choice(ENCODINGS)
    if how == "utf-8-bom":
        return codecs.BOM_UTF8 + text.encode("utf-8", "surrogateescape"), how
    if how == "utf-16-le-bom":
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le", "surrogatepass"), how
    if how == "utf-16-be-bom":
        return codecs.BOM_UTF16_BE + text.encode("utf-16-be", "surrogatepass"), how
    if how == "lying-bom":
        bom = rng.choice([codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF8])
        return bom + text.encode("utf-8", "surrogateescape"), how
    if how == "bom-in-middle":
        data = text.encode("utf-8", "surrogateescape")
        at = rng.randrange(len(data) + 1)
        return data[:at] + codecs.BOM_UTF8 + data[at:], how
    if how == "double-bom":
        return codecs.BOM_UTF8 * 2 + text.encode("utf-8", "surrogateescape"), how
    if how == "utf-16-le":
        return text.encode("utf-16-le", "surrogatepass"), how
    if how == "utf-8":
        return text.encode("utf-8", "surrogateescape"), how
    return text.encode(how, "replace"), how


def invalid_utf8(rng, data):
    count = rng.choice([1, 5, 50, 2000])
    out = bytearray(data)
    for _ in range(count):
        at = rng.randint(0, len(out))
        out[at:at] = rng.choice(INVALID_UTF8)
    return bytes(out), f"invalid_utf8({count})"


def flip_bits(rng, data):
    if not data:
        return data, "flip_bits(empty)"
    count = rng.choice([1, 2, 8, 64, 512])
    out = bytearray(data)
    for _ in range(count):
        i = rng.randrange(len(out))
        out[i] ^= 1 << rng.randrange(8)
    return bytes(out), f"flip_bits({count})"


def random_bytes(rng, data):
    if not data:
        return data, "random_bytes(empty)"
    count = rng.choice([1, 8, 100, 1000])
    out = bytearray(data)
    for _ in range(count):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out), f"random_bytes({count})"


def truncate_bytes(rng, data):
    at = rng.randint(0, len(data))
    return data[:at], f"truncate_bytes({at})"


def zero_range(rng, data):
    if not data:
        return data, "zero_range(empty)"
    a = rng.randrange(len(data))
    b = min(len(data), a + rng.choice([1, 16, 256, 4096, len(data)]))
    fill = rng.choice([b"\x00", b"\xff", b" "])
    return data[:a] + fill * (b - a) + data[b:], f"zero_range({b - a}, {fill!r})"


BYTE_MUTATORS = [(invalid_utf8, 3), (flip_bits, 1), (random_bytes, 1), (truncate_bytes, 1), (zero_range, 1)]
