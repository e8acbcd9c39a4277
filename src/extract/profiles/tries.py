"""Many words in one regex, as a trie (`profiles`): header words, municipality names.

Python's `re` tries the alternatives of `a|b|c...` one after the other at every position, so a
list of a hundred words costs microseconds a character. Factored by common prefixes, the engine
follows only the letters that can come next. A longer continuation is tried before a word's end,
so the longest word wins, as in an alternation listed longest first.
"""
from __future__ import annotations


def trie_regex(words: list[list[str]]) -> str:
    """One alternation for `words`, each a list of regex atoms (an escaped letter, a class);
    `(?!)` (matching nothing) when there are none."""
    trie: dict = {}
    for atoms in words:
        node = trie
        for a in atoms:
            node = node.setdefault(a, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [a + build(child) for a, child in sorted(node.items(), key=lambda kv: kv[0], reverse=True) if a]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return f"(?:{build(trie)})" if trie else "(?!)"
