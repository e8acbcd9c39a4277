"""The text source: text saved from a budget web page or extracted from a PDF.

`plain.read_text` is the entry: paragraphs, headings and pipe tables (`plain`), tables drawn with
rules (`ruled`), and text that keeps a PDF's layout in spaces (`layout`, read through the shared
geometry of `sources/geometry` like a PDF page).
"""
