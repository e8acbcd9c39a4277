"""`extract inspect FILE --page N --image page.png`: the page drawn with the words, ruling lines,
table cells and the records placed, coloured by kind; and an inspect whose columns fit the width."""
from __future__ import annotations

import pytest

from conftest import SAMPLES, run_cli

PDF = SAMPLES / "pdf" / "jaarstukken-2017-9a-9b-leiden-seed002.pdf"
HTML = SAMPLES / "html" / "begroting-2022-2b-sociale-veiligheid-rowspan.html"


def test_the_page_picture_marks_every_record_placed_on_it_in_its_colour(tmp_path):
    from PIL import Image

    import extract
    from extract.api.page_picture import draw_page
    picture = draw_page(PDF, 1, tmp_path / "page.png", resolution=72)
    assert picture.records == {"policy area": 2, "goal": 2, "performance": 5, "indicator": 6,
                               "realised value": 24, "target": 6}
    assert picture.words > 300 and picture.rulings > 10 and picture.cells > 20
    image = Image.open(tmp_path / "page.png").convert("RGB")
    assert image.width > 595 and image.height == 842          # the page at 72 dpi, a legend beside it
    goal = next(g for g in extract.convert(PDF).goals if g.code == "9A1")
    x0, top, x1, bottom = goal.provenance.bbox
    box = [image.getpixel((x, y)) for x in range(int(x0) + 3, int(x1) - 3, 3)
           for y in range(int(top) + 3, int(bottom) - 2)]
    greenish = [px for px in box if px[1] > px[0] + 10 and px[1] > px[2] + 5]
    assert len(greenish) > len(box) * 0.6                     # the goal's box is filled with its colour
    blank = [image.getpixel((x, 10)) for x in range(0, 500, 25)]
    assert set(blank) == {(255, 255, 255)}                     # and the page around it is not


def test_cli_draws_the_page_and_prints_that_pages_trace(tmp_path):
    r = run_cli("inspect", str(PDF), "--page", "2", "--image", str(tmp_path / "p2.png"), "--width", "120")
    assert r.returncode == 0, r.stderr
    first, *trace = r.stdout.splitlines()
    assert first.startswith(f"wrote {tmp_path / 'p2.png'}: page 2, ") and "goal" in first
    assert (tmp_path / "p2.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert trace and all(line.startswith("p2") for line in trace)


@pytest.mark.parametrize("args, message", [
    (["--image", "x.png"], "--image needs --page N"),
    (["--page", "1", "--image", "x.png"], "this file is not a PDF"),
])
def test_image_usage_errors(tmp_path, args, message):
    r = run_cli("inspect", str(HTML), *args)
    assert r.returncode == 2 and message in r.stderr


def test_a_page_the_pdf_does_not_have_is_a_usage_error(tmp_path):
    r = run_cli("inspect", str(PDF), "--page", "9", "--image", str(tmp_path / "p.png"))
    assert r.returncode == 2 and "no page 9 (the file has 2)" in r.stderr


@pytest.mark.parametrize("width", [80, 120])
def test_html_inspect_fits_the_width_and_leaves_the_text_readable(width):
    r = run_cli("inspect", str(HTML), "--width", str(width))
    assert r.returncode == 0
    lines = r.stdout.splitlines()
    assert all(len(line) <= width for line in lines)
    goal = next(line for line in lines if "goal 2B1" in line)
    assert goal.startswith("l30 ") and "td[1]" in goal               # line kept, element path shortened
    assert goal.index("2B1 Inwoners") <= width // 2 + 4               # the text starts by the middle
