"""`extract report PATH... --out report/`: a static HTML report of the editions given, viewed
without a network (open `report/index.html` from disk).

  index.html              the editions (status, records, diagnostics) and the policy areas
  areas/<area>.html       per indicator: a chart of realised values and targets over the years
                          across all editions (disagreements ringed), its source, and a table of
                          what each edition printed, each figure linked to the file and page it
                          was read from
  documents/<doc>.html    per document: its diagnostics, the findings of `extract check`, and
                          its records with where each was read
  assets/                 the stylesheet and the Vega JavaScript the charts are drawn with

Inputs are read as `check`, `compare` and `series` read them (input files, folders, convert
outputs: `api.editions`). The same inputs give the same bytes.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..api.editions import as_documents
from ..checks.keys import edition_label, shown
from ..checks.run import run_rules
from ..models import Document, Provenance
from ..writers.atomic import write_atomic
from .charts import chart_spec, javascript_bundle
from .histories import Area, History, areas, disagreement, histories, is_conflict, kind_name
from .pages import STYLE, render, spec_json


@dataclass
class Report:
    """What was written: the folder, its pages, and how many charts and documents."""

    out: Path
    pages: list[Path] = field(default_factory=list)
    charts: int = 0
    documents: int = 0
    indicators: int = 0

    @property
    def index(self) -> Path:
        return self.out / "index.html"


class MissingExtra(ImportError):
    """The report's libraries are not installed; the message names the pip extra."""


def require_libraries() -> None:
    """Raise MissingExtra unless altair and vl-convert import."""
    try:
        import altair  # noqa: F401
        import vl_convert  # noqa: F401
    except ImportError as exc:
        raise MissingExtra(f"extract report needs altair and vl-convert-python ({exc.name} is missing): "
                           "pip install 'extract[report]'") from exc


def slug(text: str) -> str:
    return re.sub(r"[^\w.-]+", "_", text).strip("_") or "_"


class Site:
    """The report's files: where each page lives and how pages link to each other and to the
    input files."""

    def __init__(self, out: Path, documents: list[Document]):
        self.out = out
        self.documents = documents
        self.doc_pages: dict[str, str] = {}
        for doc in documents:
            name, n = slug(doc.document_id), 2
            while f"documents/{name}.html" in self.doc_pages.values():
                name, n = f"{slug(doc.document_id)}-{n}", n + 1
            self.doc_pages[doc.document_id] = f"documents/{name}.html"

    def area_page(self, area: Area) -> str:
        return f"areas/{slug(area.municipality or 'municipality')}-{slug(area.code or 'none')}.html"

    def source_href(self, p: Provenance | str, page_dir: str) -> str:
        """A link from a page in `page_dir` to the input file (at the page, for a PDF)."""
        source = p if isinstance(p, str) else p.source_file
        href = os.path.relpath(Path(source).resolve(), (self.out / page_dir).resolve()).replace(os.sep, "/")
        page = None if isinstance(p, str) else p.page
        return f"{href}#page={page}" if page else href

    def write(self, name: str, text: str) -> Path:
        path = self.out / name
        write_atomic(path, text.encode("utf-8"))
        return path


def _severities(doc: Document) -> dict[str, int]:
    return {s: sum(1 for d in doc.diagnostics if d.severity == s) for s in ("error", "warning", "info")}


def _document_rows(site: Site, root: str) -> list[dict]:
    return [{"doc": d, "href": root + site.doc_pages[d.document_id], "edition": edition_label(d),
             "severities": _severities(d)} for d in site.documents]


def _history_view(site: Site, h: History, n: int) -> dict:
    editions, points = h.table()
    spec = chart_spec(h)
    rows = []
    for point, by_doc in points:
        cells = []
        for doc in editions:
            v = by_doc.get(doc.document_id)
            cells.append(v and {"printed": shown(v), "href": site.source_href(v.provenance, "areas"),
                                "where": v.provenance.location()})
        conflict = is_conflict(point)
        rows.append({"kind": kind_name(point.kind), "year": point.year, "cells": cells,
                     "conflict": disagreement(point) if conflict else ""})
    return {"history": h, "anchor": slug(h.key), "spec": spec and spec_json(spec),
            "spec_id": spec and f"spec-{n}", "conflicts": len(h.conflicts()), "rows": rows,
            "editions": [{"edition": edition_label(d), "document_id": d.document_id,
                          "href": "../" + site.doc_pages[d.document_id]} for d in editions]}


def _records(site: Site, doc: Document) -> list[dict]:
    found = [("policy area", a.code, a.title, a.provenance) for a in doc.policy_areas]
    found += [("goal", g.code, g.title, g.provenance) for g in doc.goals]
    found += [("performance", p.code, p.title, p.provenance) for p in doc.performances]
    found += [("indicator", i.code or i.key, i.name, i.provenance) for i in doc.indicators]
    return [{"type": t, "code": c, "text": text, "anchor": slug(f"{t}-{c}"), "where": p.location(),
             "href": site.source_href(p, "documents")} for t, c, text, p in found]


def write_document_page(site: Site, doc: Document) -> Path:
    findings = [{"severity": f.severity, "rule": f.rule, "code": f.hit.code, "message": f.hit.message,
                 "where": f.location} for f in run_rules(doc)]
    diagnostics = [{"d": d, "where": d.location,
                    "href": site.source_href(d.provenance, "documents") if d.provenance else None}
                   for d in doc.diagnostics]
    return site.write(site.doc_pages[doc.document_id], render(
        "document", title=doc.document_id, root="../", crumbs=[], charts=False, doc=doc, edition=edition_label(doc),
        source_href=site.source_href(doc.source_file, "documents"), diagnostics=diagnostics, findings=findings,
        records=_records(site, doc)))


def write_report(inputs: Iterable[str | Path | Document] | str | Path, out: str | Path, *, jobs: int = 1) -> Report:
    """Write the report of the editions in `inputs` (paths as `extract check` reads them, or
    Documents) into the folder `out`. Raises EditionsError for unreadable paths."""
    require_libraries()
    docs = as_documents(inputs, jobs=jobs)
    out = Path(out)
    site = Site(out, docs)
    found = histories(docs)
    grouped = areas(docs, found)
    report = Report(out, documents=len(docs), indicators=len(found))
    report.pages.append(site.write("assets/report.css", STYLE))
    if found:
        report.pages.append(site.write("assets/vega-embed.js", javascript_bundle()))
    area_rows, n = [], 0
    for area in grouped:
        views = []
        for h in area.histories:
            n += 1
            views.append(_history_view(site, h, n))
        report.charts += sum(1 for v in views if v["spec"])
        href = site.area_page(area)
        area_rows.append({"area": area, "href": href, "conflicts": sum(v["conflicts"] for v in views)})
        report.pages.append(site.write(href, render(
            "area", title=f"{area.name} · {area.municipality}" if area.municipality else area.name, root="../",
            crumbs=[], charts=any(v["spec"] for v in views), histories=views)))
    for doc in docs:
        report.pages.append(write_document_page(site, doc))
    report.pages.append(site.write("index.html", render(
        "index", title="Indicators over the editions", root="", crumbs=[], charts=False, areas=area_rows,
        documents=_document_rows(site, ""), n_indicators=len(found),
        n_conflicts=sum(r["conflicts"] for r in area_rows))))
    return report
