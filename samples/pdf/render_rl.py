"""Render a `spec.Report` with reportlab through `flow.Flow`, the way an annual report lays out
a policy area: heading, Doel | Prestatie table, explanations, indicator table with footnotes,
money table. Per-area options place areas on new pages, the indicator table on a landscape page,
or push a table down so that it breaks across pages."""
from __future__ import annotations

from dataclasses import dataclass, field

from flow import (
    BOLD,
    LANDSCAPE,
    PORTRAIT,
    Flow,
    GoalBand,
    GoalRow,
    IndicatorRow,
    IndicatorTable,
    MoneyTable,
)
from prose import paragraphs
from spec import Area, Report


@dataclass
class Options:
    landscape_indicators: set[str] = field(default_factory=set)  # area codes
    new_page_before: set[str] = field(default_factory=set)
    filler_before_indicators: dict[str, int] = field(default_factory=dict)  # area -> paragraphs
    repeat_header: bool = True
    name_width: float = 200
    value_width: float = 40
    source_width: float = 85
    goal_width: float = 165
    snap_goal: bool = True
    value_valign: str = "middle"
    group_widths: dict[str, float] = field(default_factory=lambda: {"Streefwaarde": 58})
    break_after: dict[str, int] = field(default_factory=dict)  # area -> indicator rows before a page break
    break_after_goals: dict[str, int] = field(default_factory=dict)  # area -> goals before a page break


def draw_area(flow: Flow, report: Report, area: Area, opt: Options) -> None:
    if area.code in opt.new_page_before:
        flow.new_page()
    flow.heading(f"Beleidsterrein {area.code} {area.title}", 13)
    for text in area.intro:
        flow.para(text)
    flow.heading(f"Doelen en prestaties bij {area.code} {area.title}", 10.5, before=2)
    flow.goal_table([GoalRow(f"{g.code} {g.title}", [f"{p.code} {p.title}" for p in g.perfs]) for g in area.goals],
                    goal_width=opt.goal_width, snap=opt.snap_goal,
                    break_after=opt.break_after_goals.get(area.code), repeat_header=opt.repeat_header)
    explained = area.explained()
    if explained:
        flow.heading("Toelichting bij de prestatieverantwoording:" if report.kind == "jaarstukken"
                     else "Toelichting op de prestaties", 9.5, before=0, after=2)
        for p in explained:
            flow.para(f"{p.code} {p.title}", font=BOLD, after=1)
            flow.para(p.explanation or "", after=6)
    filler = paragraphs(opt.filler_before_indicators.get(area.code, 0), seed=len(area.code) * 7)
    if filler:
        flow.heading(f"Ontwikkelingen in {report.year}", 10.5, before=2)
    for text in filler:
        flow.para(text)
    if area.indicators is not None:
        landscape = area.code in opt.landscape_indicators
        if landscape:
            flow.new_page(LANDSCAPE)
        t = area.indicators
        flow.heading(f"Effectindicatoren bij {area.code} {area.title}", 10.5, before=2)
        rows = [GoalBand(r) if isinstance(r, str) else IndicatorRow(f"{r.code} {r.name}", r.values, r.source) for r in t.rows]
        flow.indicator_table(IndicatorTable(groups=t.groups, rows=rows, name_width=opt.name_width,
                                            value_width=opt.value_width, source_width=opt.source_width,
                                            repeat_header=opt.repeat_header, value_valign=opt.value_valign,
                                            group_widths=opt.group_widths,
                                            break_after=opt.break_after.get(area.code)))
        for note in t.footnotes:
            flow.para(note, size=7.5, after=1)
        flow.space(8)
        if landscape:
            flow.new_page(PORTRAIT)
    if area.money is not None:
        flow.heading("Wat heeft het gekost?" if report.kind == "jaarstukken" else "Wat mag het kosten?", 11)
        flow.money_table(MoneyTable(area.money.columns, area.money.rows))


def render(report: Report, path: str, opt: Options | None = None, first_page: int = 1, style=None) -> None:
    opt = opt or Options()
    kwargs = {"style": style} if style is not None else {}
    flow = Flow(path, report.title, f"Gemeente {report.municipality}", first_page=first_page, **kwargs)
    flow.heading(f"Programma {report.programme}", 16, before=0, after=8)
    for area in report.areas:
        draw_area(flow, report, area, opt)
    flow.save()
