"""The shared geometry: positioned words to layout blocks, whoever placed the words.

Both the PDF source (`sources/pdf`, words from pdfium or pdfplumber) and layout-preserving text
(`sources/text/layout`, words placed by character column and line) hand their words here:

- `words`: `Word`, `TextLine` (words on one baseline), `Rulings` (drawn lines), `body_size`.
- `columns`: column boundaries of a table from its header, rulings and whitespace (`Grid`).
- `tables`: the Doel | Prestatie table and indicator tables rebuilt as grids of cells.
- `blocks`: `PageReader`, which walks the lines of each page into headings, paragraphs and
  tables (going on across page breaks) and leaves money tables out.

It depends only on the layout contract and the document vocabulary (`extract.profiles`).
"""
