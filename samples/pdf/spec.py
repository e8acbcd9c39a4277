"""What a sample report holds, independent of how it is rendered (reportlab, LibreOffice,
Chromium), and the gold file that follows from it.

A `Report` is a list of policy areas, each with its goals and performances (the Doel | Prestatie
table), explanations of some performances, an indicator table with footnotes, and optionally a
money table. The gold is derived from the same data, so a sample and its gold cannot drift apart;
the extractor never sees this data, only the rendered PDF.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass
class Perf:
    code: str
    title: str
    explanation: str | None = None


@dataclass
class Goal:
    code: str
    title: str
    perfs: list[Perf]


@dataclass
class Ind:
    code: str
    name: str  # may end in footnote markers: `Schaalscore sociale cohesie*`
    values: list[str | list[str]]  # per value column; a list: `5,7 (2015)` lines in one cell
    source: str = ""


@dataclass
class Indicators:
    groups: list[tuple[str, list[str]]]  # ("Realisatie", ["2015", ...]); no years: in-cell
    rows: list[Ind | str]  # a str is a goal band: `Doel 2A1 ...`
    footnotes: list[str] = field(default_factory=list)  # `*Op een schaal van 1 tot 10`
    notes: dict[str, str] = field(default_factory=dict)  # marker -> note text (gold only)

    def columns(self) -> list[tuple[str, int | None]]:
        cols = []
        for label, years in self.groups:
            kind = "streefwaarde" if label.lower().startswith("streef") else "realisatie"
            cols.extend((kind, int(y)) for y in years) if years else cols.append((kind, None))
        return cols


@dataclass
class Money:
    columns: list[str]
    rows: list[tuple[str, list[str], bool]]


@dataclass
class Area:
    code: str
    title: str
    goals: list[Goal]
    indicators: Indicators | None = None
    intro: list[str] = field(default_factory=list)  # prose paragraphs before the goals
    money: Money | None = None

    def explained(self) -> list[Perf]:
        return [p for g in self.goals for p in g.perfs if p.explanation]


@dataclass
class Report:
    file: str
    title: str  # `Jaarstukken 2018`
    kind: str   # jaarstukken | begroting
    year: int
    municipality: str
    programme: str
    areas: list[Area]


_THOUSANDS = re.compile(r"^-?\d{1,3}(?:\.\d{3})+(?:,\d+)?$")
_DECIMAL = re.compile(r"^-?\d+(?:,\d+)?$")
_IN_CELL = re.compile(r"^(?P<value>.*?)\s*\((?P<year>(?:19|20)\d\d)\)$")


def gold_value(raw: str) -> str | None:
    """The exact number a cell holds, as the gold files write it; None when it holds none."""
    t = raw.strip().rstrip("*").replace("%", "").strip()
    if _THOUSANDS.match(t):
        t = t.replace(".", "")
    elif not _DECIMAL.match(t):
        return None
    return t.replace(",", ".")


def _words(text: str, n: int, last: bool = False) -> str:
    words = text.split()
    return " ".join(words[-n:] if last else words[:n])


def gold(report: Report) -> dict:
    """The gold file of a report, in the format of ../shared/seeds/*.gold.json."""
    g: dict = {"source_file": report.file,
               "document": {"kind": report.kind, "year": report.year, "municipality": report.municipality,
                            "programme": report.programme},
               "policy_areas": [], "goals": [], "performances": [], "indicators": [], "values": [],
               "explicitly_empty": []}
    for area in report.areas:
        g["policy_areas"].append({"code": area.code, "title": area.title})
        for goal in area.goals:
            g["goals"].append({"code": goal.code, "policy_area": area.code, "title": goal.title})
            for p in goal.perfs:
                entry = {"code": p.code, "goal": goal.code, "title": p.title}
                if p.explanation:
                    entry["explanation_starts"] = _words(p.explanation, 8)
                    entry["explanation_ends"] = _words(p.explanation, 5, last=True)
                g["performances"].append(entry)
        if area.indicators is not None:
            _gold_indicators(g, area.indicators)
    return g


def _gold_indicators(g: dict, table: Indicators) -> None:
    cols = table.columns()
    for row in table.rows:
        if isinstance(row, str):
            continue
        name = row.name.rstrip("*")
        markers = row.name[len(name):]
        entry = {"code": row.code, "goal": row.code.split(".")[0], "name": name}
        if markers and markers in table.notes:
            entry["note"] = table.notes[markers]
        if row.source:
            entry["source"] = row.source.rstrip("*")
        g["indicators"].append(entry)
        for (kind, year), cell in zip(cols, row.values):
            for raw in (cell if isinstance(cell, list) else [cell]):
                y = year
                m = _IN_CELL.match(raw)
                if year is None and m:
                    raw, y = m.group("value"), int(m.group("year"))
                key = {"indicator": row.code, "kind": kind, "year": y}
                if raw.strip() == "-":
                    g["explicitly_empty"].append(key)
                else:
                    g["values"].append({**key, "value": gold_value(raw)})
