"""Fact-level scoring of converted output against gold files, as ../shared/tools/score.py does
(copied here so the tests do not depend on ../shared). A gold file `<case>.gold.json` names its
input in `source_file`, beside it."""
from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path


def norm(s) -> str:
    if s is None:
        return ""
    s = unicodedata.normalize("NFC", str(s))
    s = re.sub(r"[\u2018\u2019\u201a\u201b\u2032`´]", "'", s)
    s = re.sub(r"[\u201c\u201d\u201e\u201f\u2033\"]", "'", s)
    s = s.replace("\u00ad", "").replace("\u2013", "-").replace("\u2014", "-")
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"[\s*¹²³.]+$", "", s)
    return s.casefold()


def dec(v):
    if v is None:
        return None
    t = str(v).strip().replace("%", "").replace(" ", "")
    if t == "":
        return None
    if "," in t and "." not in t:
        t = t.replace(",", ".")
    try:
        return Decimal(t).normalize()
    except InvalidOperation:
        return None


def gold_facts(g: dict) -> set:
    f = set()
    for a in g.get("policy_areas", []):
        f.add(("policy_area", a["code"], norm(a["title"])))
    for x in g.get("goals", []):
        f.add(("goal", x["code"], norm(x["title"])))
    for p in g.get("performances", []):
        f.add(("performance", p["code"], norm(p["title"])))
        f.add(("performance_goal", p["code"], p["goal"]))
        if "explanation_starts" in p:
            f.add(("explanation", p["code"], "ok"))
    for i in g.get("indicators", []):
        f.add(("indicator", ind_id(i.get("code"), i["name"]), norm(i["name"])))
        if i.get("source"):
            f.add(("indicator_source", ind_id(i.get("code"), i["name"]), norm(i["source"])))
    for v in g.get("values", []):
        d = dec(v.get("value"))
        if d is not None:
            f.add(("value", value_key(v), str(d)))
    return f


def ind_id(code, name) -> str:
    """An indicator's identity: its printed code, or (no code printed) its normalised name."""
    return code if code else "name:" + norm(name)


def value_key(v: dict) -> str:
    ind = v["indicator"] if v.get("indicator") else "name:" + norm(v.get("indicator_name"))
    return f'{ind}|{v["kind"]}|{v["year"]}'


def _read(out: Path, name: str) -> list[dict]:
    p = out / name
    if not p.exists():
        return []
    with p.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def got_facts(out: Path, gold_by_source: dict) -> dict:
    docs = {r.get("document_id"): Path(r.get("source_file", "")).name for r in _read(out, "documents.csv")}
    facts = defaultdict(set)
    expl = {}

    def key(r):
        return docs.get(r.get("document_id"))

    for r in _read(out, "policy_areas.csv"):
        facts[key(r)].add(("policy_area", r.get("code"), norm(r.get("title"))))
    for r in _read(out, "goals.csv"):
        facts[key(r)].add(("goal", r.get("code"), norm(r.get("title"))))
    for r in _read(out, "performances.csv"):
        k = key(r)
        facts[k].add(("performance", r.get("code"), norm(r.get("title"))))
        facts[k].add(("performance_goal", r.get("code"), r.get("goal_code")))
        expl[(k, r.get("code"))] = norm(r.get("explanation"))
    ids = {}  # (document, indicator key) -> identity
    for r in _read(out, "indicators.csv"):
        k = key(r)
        i = ind_id(r.get("code"), r.get("name"))
        ids[(k, r.get("key") or r.get("code"))] = i
        facts[k].add(("indicator", i, norm(r.get("name"))))
        if r.get("source"):
            facts[k].add(("indicator_source", i, norm(r.get("source"))))
    for r in _read(out, "indicator_values.csv"):
        d = dec(r.get("value"))
        if d is not None and str(r.get("year") or "").strip():
            ref = r.get("indicator_key") or r.get("indicator_code")
            facts[key(r)].add(("value", f'{ids.get((key(r), ref), ref)}|{r.get("kind")}|{r.get("year")}', str(d)))
    for src, g in gold_by_source.items():
        for p in g.get("performances", []):
            if "explanation_starts" in p:
                e = expl.get((src, p["code"]), "")
                if e.startswith(norm(p["explanation_starts"])) and e.endswith(norm(p["explanation_ends"])):
                    facts[src].add(("explanation", p["code"], "ok"))
    return facts


@dataclass
class Score:
    tp: dict = field(default_factory=lambda: defaultdict(int))
    fp: dict = field(default_factory=lambda: defaultdict(int))
    fn: dict = field(default_factory=lambda: defaultdict(int))
    misses: list = field(default_factory=list)

    def tally(self, src: str, want: set, have: set) -> None:
        """Count one document's facts: found, missing, extra."""
        for f in want:
            if f in have:
                self.tp[f[0]] += 1
            else:
                self.fn[f[0]] += 1
                self.misses.append((src, "missing", f))
        for f in have - want:
            self.fp[f[0]] += 1
            self.misses.append((src, "extra", f))

    @property
    def f1(self) -> float:
        t = sum(self.tp.values())
        p = t / max(1, t + sum(self.fp.values()))
        r = t / max(1, t + sum(self.fn.values()))
        return 2 * p * r / max(1e-9, p + r)

    @property
    def macro(self) -> float:
        per = []
        for t in {t for t in set(self.tp) | set(self.fn) if self.tp[t] + self.fn[t] > 0}:
            p = self.tp[t] / max(1, self.tp[t] + self.fp[t])
            r = self.tp[t] / max(1, self.tp[t] + self.fn[t])
            per.append(2 * p * r / max(1e-9, p + r))
        return sum(per) / max(1, len(per))


def load_golds(paths) -> dict[str, dict]:
    golds = {}
    for p in map(Path, paths):
        files = sorted(p.rglob("*gold.json")) if p.is_dir() else [p]
        for gp in files:
            g = json.loads(gp.read_text(encoding="utf-8"))
            g["_input"] = str(gp.parent / g["source_file"])
            golds[g["source_file"]] = g
    return golds


def score(out: Path, golds: dict[str, dict]) -> Score:
    got = got_facts(Path(out), golds)
    s = Score()
    for src, g in golds.items():
        skip = {value_key(v) for v in g.get("values", []) if dec(v.get("value")) is None}
        vague = {ind_id(i.get("code"), i["name"]) for i in g.get("indicators", []) if i.get("ambiguous")}
        want = gold_facts(g)
        have = {f for f in got.get(src, set())
                if not (f[0] == "value" and (f[1] in skip or f[1].rsplit("|", 2)[0] in vague))}
        s.tally(src, want, have)
    return s


def comparison_score(out: Path, golds: dict[str, dict]) -> Score:
    """The figures of `comparison_values.csv` against the gold files' `comparison_values`
    (indicator, column label, year, value), as facts."""
    docs = {r.get("document_id"): Path(r.get("source_file", "")).name for r in _read(out, "documents.csv")}
    names = {(r["document_id"], r.get("key") or r.get("code")): ind_id(r.get("code"), r.get("name"))
             for r in _read(out, "indicators.csv")}
    got = defaultdict(set)
    for r in _read(out, "comparison_values.csv"):
        d = dec(r.get("value"))
        if d is not None:
            ind = names.get((r["document_id"], r.get("indicator_key")), r.get("indicator_key"))
            got[docs.get(r["document_id"])].add(("comparison", f'{ind}|{norm(r.get("label"))}|{r.get("year") or ""}', str(d)))
    s = Score()
    for src, g in golds.items():
        want = set()
        for c in g.get("comparison_values", []):
            d = dec(c.get("value"))
            if d is not None:
                ind = c["indicator"] if c.get("indicator") else "name:" + norm(c.get("indicator_name"))
                want.add(("comparison", f'{ind}|{norm(c.get("column"))}|{c.get("year") or ""}', str(d)))
        have = got.get(src, set())
        s.tally(src, want, have)
    return s
