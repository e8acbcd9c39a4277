"""A picture of what the PDF reader saw on one page and what the parser made of it (`extract
inspect FILE --page N --image page.png`), as pdfplumber's `debug_tablefinder` draws its table
finder: the page rendered by pdfplumber (`Page.to_image`, pypdfium2 underneath), with

  the words pdfplumber found            thin grey boxes
  the ruling lines and rectangle edges  grey lines
  the table cells our PDF source built  blue boxes
  the records the parser placed         filled boxes coloured by kind (legend in the corner)

so a record that is missing or wrong can be traced to a word, a ruling or a cell boundary.

Part of the library API (`api/`): it converts the file as `extract convert` does (`conversion`)
and reads its layout again (`sources`) for the table cells; the drawing is pdfplumber's and
Pillow's.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..layout import Layout
from ..models import Document, Provenance
from ..sources import SourceError, read_layout
from .conversion import convert

__all__ = ["COLOURS", "NotAPdf", "PagePicture", "SourceError", "draw_page"]

# record kind -> (outline, fill with alpha)
COLOURS: dict[str, tuple[str, tuple[int, int, int, int]]] = {
    "policy area": ("#4d4d4d", (77, 77, 77, 60)),
    "goal": ("#1b7837", (27, 120, 55, 70)),
    "performance": ("#e08214", (224, 130, 20, 70)),
    "indicator": ("#762a83", (118, 42, 131, 60)),
    "realised value": ("#d6604d", (214, 96, 77, 90)),
    "target": ("#2166ac", (33, 102, 172, 90)),
    "other value": ("#b8860b", (184, 134, 11, 90)),
    "comparison value": ("#999999", (153, 153, 153, 90)),
}
WORD_COLOUR, RULING_COLOUR, CELL_COLOUR = "#b0b0b0", "#808080", "#4393c3"


class NotAPdf(ValueError):
    """--image asked for a file that is not a PDF, or a page it does not have."""


@dataclass
class PagePicture:
    """What was drawn: the page, the image file, and how many of each thing."""

    page: int
    path: Path
    words: int = 0
    rulings: int = 0
    cells: int = 0
    records: dict[str, int] = field(default_factory=dict)


def placed_records(doc: Document, page: int) -> list[tuple[str, Provenance]]:
    """The records of `doc` read on `page` that have a box, with their kind."""
    found: list[tuple[str, Provenance]] = []
    kinds = {"realisatie": "realised value", "streefwaarde": "target"}
    groups = [("policy area", doc.policy_areas), ("goal", doc.goals), ("performance", doc.performances),
              ("indicator", doc.indicators)]
    for kind, records in groups:
        found += [(kind, r.provenance) for r in records]
    found += [(kinds.get(v.kind, "other value"), v.provenance) for v in doc.values]
    found += [("comparison value", v.provenance) for v in doc.comparison_values]
    return [(k, p) for k, p in found if p.page == page and p.bbox]


def table_cells(layout: Layout, page: int) -> list[tuple[float, float, float, float]]:
    """The boxes of the table cells the source built on `page`."""
    return [c.origin.bbox for b in layout.blocks if b.kind == "table" for row in b.rows for c in row
            if not c.spanned and c.origin.page == page and c.origin.bbox]


def draw_page(path: str | Path, page: int, image: str | Path, resolution: int = 110) -> PagePicture:
    """Draw page `page` (1-based) of the PDF `path` into the PNG `image`. Raises NotAPdf for
    another format or a page out of range, SourceError when the file cannot be read."""
    import pdfplumber
    path, image = Path(path), Path(image)
    data = path.read_bytes()
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise NotAPdf(f"{path}: --image draws PDF pages; this file is not a PDF")
    doc = convert(path)
    layout = read_layout(path, data, str(path))
    with pdfplumber.open(path) as pdf:
        if not 1 <= page <= len(pdf.pages):
            raise NotAPdf(f"{path}: no page {page} (the file has {len(pdf.pages)})")
        p = pdf.pages[page - 1]
        picture = PagePicture(page, image)
        im = p.to_image(resolution=resolution)
        words = p.extract_words()
        im.draw_rects(words, stroke=WORD_COLOUR, fill=(0, 0, 0, 0), stroke_width=1)
        edges = p.edges
        im.draw_lines(edges, stroke=RULING_COLOUR, stroke_width=1)
        cells = table_cells(layout, page)
        im.draw_rects(cells, stroke=CELL_COLOUR, fill=(0, 0, 0, 0), stroke_width=2)
        records = placed_records(doc, page)
        for kind, prov in records:
            outline, fill = COLOURS[kind]
            im.draw_rect(prov.bbox, stroke=outline, fill=fill, stroke_width=2)
            picture.records[kind] = picture.records.get(kind, 0) + 1
        canvas = _with_legend(im.annotated, [k for k in COLOURS if k in picture.records], resolution / 72)
        image.parent.mkdir(parents=True, exist_ok=True)
        canvas.save(image, format="PNG")
        picture.words, picture.rulings, picture.cells = len(words), len(edges), len(cells)
    return picture


def _with_legend(page_image, kinds: list[str], scale: float):
    """The picture with a key of the colours in a margin on its right."""
    from PIL import Image, ImageDraw
    rows = ["word", "ruling", "table cell", *kinds]
    size = max(10, int(9 * scale))
    margin = int(120 * scale)
    canvas = Image.new("RGB", (page_image.width + margin, page_image.height), "white")
    canvas.paste(page_image.convert("RGB"), (0, 0))
    draw = ImageDraw.Draw(canvas, "RGBA")
    x0, y0 = page_image.width + 10, 10
    for i, name in enumerate(rows):
        y = y0 + i * (size + 6)
        if name in COLOURS:
            outline, fill = COLOURS[name]
            draw.rectangle((x0, y, x0 + size, y + size), fill=fill, outline=outline, width=2)
        else:
            colour = {"word": WORD_COLOUR, "ruling": RULING_COLOUR, "table cell": CELL_COLOUR}[name]
            draw.rectangle((x0, y, x0 + size, y + size), outline=colour, width=2)
        draw.text((x0 + size + 5, y), name, fill=(0, 0, 0, 255))
    return canvas
