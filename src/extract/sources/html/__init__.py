"""The HTML source: a saved or crawled budget web page to the common layout.

`page.read_html` is the entry. The stages: `encoding` (bytes to text), `limits` (junk and giant
pages), `content` (where the content is, what is chrome, the breadcrumb), `source_lines` and
`paths` (provenance of every element), `blocks` (the content walked into headings, paragraphs and
tables) and `tables` (tables, div-grids and cards as grids of cells).
"""
