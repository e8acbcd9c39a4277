"""The PDF source: annual reports (jaarstukken) and printable budgets to the common layout.

The stages, in order: `opening` (pypdfium2 opens the file, with `repair` for a truncated one),
then every page, streamed: its positioned words and rulings from an engine — `pdfium_page` (the
default: pdfium's characters and path objects, grouped with numpy) or `plumber` (pdfplumber, the
reference; `words` turns its words into ours) — with the running headers and footers left out
(`furniture`), then the shared geometry (`sources/geometry`) turns the lines into blocks.
`document.read_pdf` is the entry that runs them.
"""
