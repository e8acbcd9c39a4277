"""The PDF source: annual reports (jaarstukken) and printable budgets to the common layout.

The stages, in order: `prefilter` (pypdfium2 opens the file, with `repair` for a truncated one,
reads every page's plain text and picks the pages that can hold records), `plumber` (pdfplumber
reads the positioned words (`words`) and rulings of only those pages, leaving the running
headers and footers out: `furniture`), then the shared geometry (`sources/geometry`) turns the
lines into blocks. `document.read_pdf` is the entry that runs them.
"""
