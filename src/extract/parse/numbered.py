"""Numbered goals and performances of a profile's grammar (`Doelstelling 1:`, `Subdoelstelling
1.1:`, `Prestatie-indicatoren 1.1 Title`, `Activiteit 2.3`), and a bare `7.1 Title` line where an
indicator table follows it. Goals without a number are prose, not records.

`NumberedGoals` also knows which goal an indicator table stands under: the last goal line before
it — unless goal lines came one after another with nothing between them (a collapsed list of
headings), which says nothing about the table after the last one.
"""
from __future__ import annotations

import re

from ..profiles import sections
from ..profiles.codes import Code
from ..profiles.definition import Profile
from .found import Found
from .units import Stream, Unit

# a goal label glued onto the text before it (`...in duizenden euro'sDoelstelling 1`): the match
# starts at the label's capital (a pattern that starts with a character class is searched for
# that class; one that starts with a look-behind is tried at every position of every line)
_GLUED = re.compile(r"[A-Z](?<=[a-zà-ÿ'’.][A-Z])(?=[a-z]+\s*\d)")
# a line that is only a label (`Subdoelstelling`, `Subdoelstelling(en)`), or a label glued to the
# title it labels (`DoelstellingUtrecht wordt ...`)
_LABEL = re.compile(r"^(?:sub)?doel(?:stelling)?(?:\(?en\)?)?$", re.IGNORECASE)
_LABEL_GLUED = re.compile(r"^(?:Sub)?[Dd]oel(?:stelling)?(?=[A-ZÀ-Ý])")


class NumberedGoals:
    def __init__(self, stream: Stream, found: Found, profile: Profile, tables):
        self.stream = stream
        self.found = found
        self.codes = profile.codes
        self.tables = tables
        self.goal: str | None = None     # the goal the text is under
        self.last_at = -2                # unit index of the last goal line
        self.run = False                 # goal lines followed one another

    def goal_for_table(self, i: int) -> str | None:
        """The goal an indicator table starting at unit i stands under."""
        return None if self.run else self.goal

    def _goal(self, i: int, code: str, title: str, u: Unit, roles: dict[int, str]) -> int:
        j = i + 1
        if not title:
            title, j = self._title_after(i, roles)
        if code not in self.found.goals:
            self.found.define(Code(code, "goal", None, code), title, u)
        self.run = self.last_at == i - 1
        self.last_at = j - 1
        self.goal = code
        roles[i] = f"goal {code}"
        return j

    def _title_after(self, i: int, roles: dict[int, str]) -> tuple[str, int]:
        """A goal number on its own: its title is the next line that is not only a label word."""
        j = i + 1
        while j <= i + 3 and (v := self.stream.unit(j)) is not None:
            if _LABEL.match(v.text):
                j += 1
                continue
            if self.codes.goal_line(v.text) or sections.is_section_heading(v.text):
                break
            roles[j] = "goal title"
            return _LABEL_GLUED.sub("", v.text), j + 1
        return "", i + 1

    def may_take(self, text: str) -> bool:
        """Can `read` take a line of this text, in any state? (False: it returns None.)"""
        return self.codes.may_start(text) or any(self.codes.goal_line(text[cut.start():]) is not None
                                                 for cut in _GLUED.finditer(text))

    def read(self, i: int, u: Unit) -> tuple[int, dict[int, str]] | None:
        roles: dict[int, str] = {}
        text = u.text
        if self.codes.may_start(text):
            m = self.codes.goal_line(text)
            if m is not None:
                return self._goal(i, m[0], m[1], u, roles), roles
            m = self.codes.performance_line(text)
            if m is not None and m[1]:
                code = m[0]
                if code not in self.found.performances:
                    parent = code.rsplit(".", 1)[0] if "." in code else None
                    self.found.define(Code(code, "performance", None,
                                           parent if parent in self.found.goals else self.goal), m[1], u)
                roles[i] = f"performance {code}"
                return i + 1, roles
            m = self.codes.goal_before(text)
            if m is not None and not sections.is_section_heading(m[1]) and self._table_follows(i):
                return self._goal(i, m[0], m[1], u, roles), roles
        for cut in _GLUED.finditer(text):
            tail = text[cut.start():]
            m = self.codes.goal_line(tail)
            if m is not None and not m[1]:
                roles[i] = f"goal {m[0]} (after text)"
                return self._goal(i, m[0], "", u, roles), roles
        return None

    def _table_follows(self, i: int) -> bool:
        """An indicator table starts within the next three units (or a grid is next)."""
        for j in range(i + 1, min(i + 4, len(self.stream))):
            if self.stream.unit(j) is None:
                return True   # a grid table
            if self.tables.at_header(j) or self.tables.starts_line_table(j):
                return True
        return False
