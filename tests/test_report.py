"""`extract report PATH... --out DIR`: a static HTML report, viewed without a network: per
indicator a chart of realised values and targets across the editions (disagreements marked),
what each edition printed linked to where it was read, a page per document with its
diagnostics. Rendered in headless Chromium: the charts are drawn, the page is not blank, the
console stays silent."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import SAMPLES, run_cli

pytest.importorskip("altair")             # the test extra installs the report extra
EDITIONS = SAMPLES / "editions"


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report")
    r = run_cli("report", str(EDITIONS), str(SAMPLES / "000_77f27bb01ce9e9d5.txt"),
                str(SAMPLES / "002_28e5dc0f656876b6.txt"), "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("report: 5 documents, ")
    return out


def _html(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_the_index_links_every_area_and_document_page(report):
    index = _html(report / "index.html")
    links = re.findall(r'href="([^"#]+)"', index)
    assert "areas/Leiden-8C.html" in links and "areas/Leiden-9A.html" in links
    documents = [link for link in links if link.startswith("documents/")]
    assert len(documents) == 5
    for link in links:
        assert (report / link).is_file(), link


def test_nothing_is_fetched_from_the_network(report):
    for page in report.rglob("*.html"):
        text = _html(page)
        assert not re.findall(r'(?:src|href)="(?:https?:)?//', text), page
        assert "<script src=\"../assets/vega-embed.js\"></script>" in text or "data-chart=" not in text
    bundle = (report / "assets" / "vega-embed.js").read_text(encoding="utf-8")
    assert "window.vegaEmbed=" in bundle


def test_a_restated_value_is_marked_in_chart_and_table(report):
    page = _html(report / "areas" / "Leiden-8C.html")
    section = page[page.index('id="8C1.c"'):]
    section = section[:section.index("</section>")]
    spec = json.loads(re.search(r'<script type="application/json" id="spec-\d+">(.*?)</script>', section, re.S)
                      .group(1).replace("<\\/", "</"))
    rows = spec["data"]["values"]
    restated = [r for r in rows if r["conflict"]]
    assert {(r["year"], r["printed"], r["edition"]) for r in restated} == {
        (2018, "432.000", "begroting 2020"), (2018, "428.500", "begroting 2021")}
    assert len(spec["layer"]) == 3                                   # line, points, the ring
    assert 'class="conflict" title="editions disagree: 432.000 (begroting 2020); 428.500 (begroting 2021)"' in section
    # every figure links to the file it was read from (relative to the page)
    cell = re.search(r'<a href="([^"]+)" title="([^"]+)">428.500</a>', section)
    assert cell.group(1).endswith("samples/editions/begroting-2021-8c-sport.txt")
    assert cell.group(2).endswith("begroting-2021-8c-sport.txt, line 87")
    assert (report / "areas" / cell.group(1)).resolve() == (EDITIONS / "begroting-2021-8c-sport.txt").resolve()


def test_a_document_page_lists_its_diagnostics_and_findings(report):
    page = _html(report / "documents" / "jaarstukken-2019-9a-fouten.txt.html")
    assert "Diagnostics (2)" in page and "orphan_performance" in page and "value_out_of_range" in page
    assert "140% is outside 0-100" in page
    assert re.search(r"Findings of extract check \(\d+\)", page)
    assert '<td>goal</td><td>9A1</td>' in page


def test_the_report_is_the_same_bytes_for_the_same_inputs(report, tmp_path):
    r = run_cli("report", str(EDITIONS), str(SAMPLES / "000_77f27bb01ce9e9d5.txt"),
                str(SAMPLES / "002_28e5dc0f656876b6.txt"), "--out", str(tmp_path))
    assert r.returncode == 0

    def files(folder: Path) -> dict[str, bytes]:
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
    assert files(tmp_path) == files(report)


def test_report_usage_errors(tmp_path):
    assert run_cli("report").returncode == 2
    r = run_cli("report", str(tmp_path / "missing"), "--out", str(tmp_path / "r"))
    assert r.returncode == 2 and "missing" in r.stderr


def test_a_missing_extra_is_named(monkeypatch, tmp_path):
    import sys
    monkeypatch.setitem(sys.modules, "altair", None)
    r = run_cli("report", str(EDITIONS), "--out", str(tmp_path))
    assert r.returncode == 2 and "pip install 'extract[report]'" in r.stderr


# --- in a browser ------------------------------------------------------------------------------

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--virtual-time-budget=10000"]


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("CI must have Chromium (.ci/run installs Debian's chromium)")
        pytest.skip("no Chromium here (apt-get install chromium)")
    return found


def browse(page: Path, tmp_path: Path, *what: str, height: int = 1600) -> subprocess.CompletedProcess:
    """Open `page` in headless Chromium with a fresh profile, the console logged to stderr."""
    return subprocess.run([chromium(), *CHROMIUM_FLAGS, f"--window-size=1100,{height}",
                           f"--user-data-dir={tmp_path / 'profile'}",
                           "--enable-logging=stderr", "--v=0", *what, page.resolve().as_uri()],
                          capture_output=True, text=True, timeout=180)


@pytest.mark.parametrize("area", ["Leiden-8C", "Leiden-9A"])
def test_chromium_draws_every_chart_without_console_messages(report, tmp_path, area):
    page = report / "areas" / f"{area}.html"
    charts = _html(page).count('class="chart" data-chart=')
    assert charts >= 2
    r = browse(page, tmp_path, "--dump-dom")
    assert r.returncode == 0, r.stderr[-2000:]
    dom = r.stdout
    assert 'data-chart-errors="0"' in dom
    assert dom.count('class="marks"') == charts                      # one drawn SVG per chart
    assert dom.count("mark-symbol role-mark layer_1_marks") == charts  # the points of every chart
    assert dom.count("mark-line role-mark layer_0_marks") >= charts    # and its lines (one per kind)
    console = [line for line in r.stderr.splitlines() if ":CONSOLE" in line]
    assert not console, console


def test_chromium_screenshot_shows_the_charts(report, tmp_path):
    from PIL import Image
    shot = tmp_path / "shot.png"
    r = browse(report / "areas" / "Leiden-8C.html", tmp_path, f"--screenshot={shot}", height=2400)
    assert r.returncode == 0 and shot.is_file(), r.stderr[-2000:]
    image = Image.open(shot).convert("RGB")
    colours = image.getcolors(maxcolors=1 << 20)
    assert len(colours) > 50                                          # not a blank page
    near = {"realised": (0xb2, 0x18, 0x2b), "target": (0x21, 0x66, 0xac), "ring": (0xff, 0x7f, 0x00)}
    for name, rgb in near.items():
        hits = sum(n for n, c in colours if sum(abs(a - b) for a, b in zip(c, rgb)) < 40)
        assert hits > 30, f"no {name} marks drawn"
