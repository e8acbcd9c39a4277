"""Mutators of HTML markup (str -> str): deep and unclosed tags, huge tables and absurd
row/column spans, lying charsets and XML declarations, chrome wrappers, CMS div tables and dl
cards in bulk, entity and `<br>` storms, attribute storms, unclosed comments and scripts, the
page skeleton taken away, and growth to megabytes. The text mutators (`mutate_text`) apply to
markup too; these know its tags."""
from __future__ import annotations

import random
import re

from .mutate_text import pick

CHARSETS = ["idna", "punycode", "undefined", "utf-7", "utf-16", "utf-32", "rot13", "hex", "base64", "zlib",
            "unicode_escape", "raw_unicode_escape", "uu", "bz2", "cp037", "cp1026", "iso-2022-jp", "hz",
            "utf-8-sig", "x-user-defined", "bogus-charset", "", "utf8", "UTF-8", "iso-8859-1", "windows-1252",
            "koi8-r", "shift_jis", "gb18030", "big5", "mac-roman", "cp65001", "latin_1", "ascii", "utf-16le",
            "palmos", "ptcp154", "kz1048", "mbcs", "oem", "charmap", "1", "\u00e9", "utf-8;", "utf-32-be"]
NEST_TAGS = ["div", "span", "b", "i", "ul><li", "ol><li", "table><tr><td", "dl><dd", "blockquote", "section",
             "article", "main", "font", "a", "p", "td", "tr", "li", "h2", "details><summary>x</summary",
             "div role=\"main\"", "div id=\"content\"", "div class=\"nav\"", "div aria-hidden=\"true\"",
             "div class=\"breadcrumb\"", "div role=\"table\"><div role=\"row\"><div role=\"cell\"",
             "nav", "header", "aside", "footer", "div class=\"menu\""]
SPANS = ["0", "-1", "1", "2", "3", "1000", "65534", "65535", "100000", "1000000000", "99999999999999999999",
         "abc", "2.5", "", "1e3", " 3 ", "+2", "0x10", "٣", "3px", "-0"]
ENTITIES = ["&amp;", "&#0;", "&#x110000;", "&#xD800;", "&nbsp;", "&#9999999999;", "&#", "&#x;", "&shy;",
            "&zwnj;", "&lt;", "&gt;td&lt;", "&#128512;", "&NotARealEntity;", "&#x202E;", "&#12;", "&#x1F;"]
CHROME_CLASSES = ["nav", "menu", "cookie-banner", "share", "footer-links", "skiplinks", "breadcrumb",
                  "sr-only", "visually-hidden", "download-pdf", "toolbar", "search"]



def _body_span(html: str) -> tuple[int, int]:
    """Where the body's content starts and ends (the whole text when there is no body)."""
    low = html.lower()
    a, b = low.find("<body"), low.rfind("</body>")
    if a < 0 or b < 0:
        return 0, len(html)
    return html.find(">", a) + 1, b

def _tag_positions(html: str) -> list[int]:
    return [m.end() for m in re.finditer(r">", html)] or [0]


def _body_pos(rng: random.Random, html: str) -> int:
    positions = _tag_positions(html)
    low = html.lower()
    start = low.find("<body")
    inside = [p for p in positions if p > start] if start >= 0 else positions
    return rng.choice(inside or positions)


def _insert(html: str, at: int, piece: str) -> str:
    return html[:at] + piece + html[at:]


def deep_nesting(rng, html, budget):
    tag = rng.choice(NEST_TAGS)
    depth = pick(rng, [50, 119, 120, 121, 500], [5000, 50000, 200000])
    depth = max(1, min(depth, budget // (2 * len(tag) + 6) // 2))
    closed = rng.random() < 0.5
    name = re.findall(r"<?(\w+)", tag)
    opener = f"<{tag}>"
    closer = "".join(f"</{n}>" for n in reversed(name)) if closed else ""
    at = _body_pos(rng, html)
    content = rng.choice(["9A1 Doel", "9A1.a Indicator 5,7", "tekst", ""])
    piece = opener * depth + content + closer * depth
    return _insert(html, at, piece), f"deep_nesting(<{tag}> x{depth}, {'closed' if closed else 'unclosed'})"


def drop_closers(rng, html, budget):
    share = rng.choice([0.1, 0.5, 1.0])
    kinds = rng.choice([None, "td", "tr", "table", "div", "p", "li", "main", "body", "html", "dd", "dt"])
    pattern = re.compile(r"</\s*%s\s*>" % (kinds or r"\w+"), re.IGNORECASE)
    out = pattern.sub(lambda m: "" if rng.random() < share else m.group(0), html)
    return out, f"drop_closers({kinds or 'any'}, {share})"


def break_tags(rng, html, budget):
    count = pick(rng, [1, 10, 100], [1000])
    chars = list(html)
    brackets = [i for i, c in enumerate(chars) if c in "<>"]
    for i in rng.sample(brackets, min(count, len(brackets))):
        chars[i] = rng.choice(["", "<", ">", "&lt;", "<<", "< ", "<!", "<?", "</", "\"", "'", "="])
    return "".join(chars), f"break_tags({count})"


def _cell(rng: random.Random, r: int, c: int) -> str:
    text = rng.choice([f"9A{r % 9 + 1}.a Aandeel {r}", "5,7 (2015)", "-", "", "Bron", "33%", f"9A{r}.{c}",
                       "Realisatie", "Streefwaarde 2024", "<p>5,7 (2015)</p><p>5,8 (2016)</p>", "n.v.t.",
                       "€ 1.000", "x" * 200])
    attrs = ""
    if rng.random() < 0.05:
        attrs += f' rowspan="{rng.choice(SPANS)}"'
    if rng.random() < 0.05:
        attrs += f' colspan="{rng.choice(SPANS)}"'
    return f"<td{attrs}>{text}</td>"


def huge_table(rng, html, budget):
    rows, cols = pick(rng, [(10, 5), (100, 6), (5, 40)], [(1000, 6), (20000, 3), (5, 2000), (300, 300), (60000, 1)])
    while rows * cols * 30 > budget and rows > 1:
        rows //= 2
    header = "<tr><th>Effectindicator</th>" + "".join(f"<th>{2014 + c}</th>" for c in range(cols - 1)) + "</tr>"
    body = "".join("<tr>" + "".join(_cell(rng, r, c) for c in range(cols)) + "</tr>" for r in range(rows))
    table = f"<table>{header}{body}</table>"
    return _insert(html, _body_pos(rng, html), table), f"huge_table({rows}x{cols})"


def spans(rng, html, budget):
    count = rng.choice([1, 5, 50, 10 ** 6])
    done = [0]

    def one(m: re.Match) -> str:
        if done[0] >= count or rng.random() < 0.5:
            return m.group(0)
        done[0] += 1
        attr = rng.choice(["rowspan", "colspan"])
        return f'{m.group(0)} {attr}="{rng.choice(SPANS)}"'
    return re.sub(r"<t[dh]\b", one, html, flags=re.IGNORECASE), f"spans({count})"


def lying_charset(rng, html, budget):
    charset = rng.choice(CHARSETS)
    html = re.sub(r"<meta[^>]*charset[^>]*>", "", html, flags=re.IGNORECASE)
    how = rng.choice(["meta", "http-equiv", "xml", "both"])
    meta = f'<meta charset="{charset}">' if how != "http-equiv" else \
        f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
    if how in ("xml", "both"):
        html = f'<?xml version="1.0" encoding="{charset}"?>\n' + html
    if how != "xml":
        head = html.lower().find("<head>")
        html = _insert(html, head + 6 if head >= 0 else 0, meta)
    return html, f"lying_charset({charset!r}, {how})"


def chrome_wrap(rng, html, budget):
    depth = pick(rng, [1, 3, 50], [2000, 20000])
    cls = rng.choice(CHROME_CLASSES)
    attr = rng.choice([f'class="{cls}"', 'role="navigation"', 'aria-hidden="true"', 'role="main"',
                       'id="content"', f'class="{cls}" aria-hidden="true"'])
    a, b = _body_span(html)
    inner = html[a:b]
    wrapped = f"<div {attr}>" * depth + inner + "</div>" * depth
    return html[:a] + wrapped + html[b:], f"chrome_wrap({attr}, x{depth})"


def div_tables(rng, html, budget):
    rows = pick(rng, [10, 100], [1000, 20000])
    cols = rng.choice([2, 4, 50])
    while rows * cols * 40 > budget and rows > 1:
        rows //= 2
    kind = rng.choice(["role", "class"])
    def div(name: str, inner: str) -> str:
        return f'<div role="{name}">{inner}</div>' if kind == "role" else f'<div class="{name}">{inner}</div>'
    body = "".join(div("row", "".join(div("cell", rng.choice(["9A1.a X", "5,7", "-", "Bron", ""]))
                                      for _ in range(cols))) for _ in range(rows))
    return _insert(html, _body_pos(rng, html), div("table", body)), f"div_tables({rows}x{cols}, {kind})"


def dl_cards(rng, html, budget):
    cards = pick(rng, [5, 50], [500, 20000])
    while cards * 160 > budget and cards > 1:
        cards //= 2
    items = []
    for k in range(cards):
        pairs = rng.choice([1, 3, 8])
        items.append("<dl>" + "".join(f"<dt>{rng.choice(['Realisatie', 'Streefwaarde 2024', 'Bron', f'9A1.{chr(97 + k % 26)} X'])}"
                                      f"</dt><dd>{rng.choice(['5,7', '-', 'x', ''])}</dd>" for _ in range(pairs)) + "</dl>")
    return _insert(html, _body_pos(rng, html), "".join(items)), f"dl_cards({cards})"


def entity_storm(rng, html, budget):
    entity = rng.choice(ENTITIES)
    count = max(1, min(pick(rng, [10, 1000], [100000]), budget // len(entity) // 2))
    return _insert(html, _body_pos(rng, html), entity * count), f"entity_storm({entity} x{count})"


def br_storm(rng, html, budget):
    tag = rng.choice(["<br>", "<br/>", "<p>", "<p></p>", "<li>", "<wbr>", "<hr>", "<b>x</b>", "<span> </span>",
                      "<td>", "<tr>", "<th>", "<dt>", "<dd>", "<img src=x>", "<input>", "<h1>", "<option>"])
    count = max(1, min(pick(rng, [10, 1000], [100000]), budget // len(tag) // 2))
    return _insert(html, _body_pos(rng, html), tag * count), f"br_storm({tag} x{count})"


def attribute_storm(rng, html, budget):
    kind = rng.choice(["many", "long-class", "long-value", "many-classes"])
    if kind == "many":
        attrs = " ".join(f'a{k}="{k}"' for k in range(pick(rng, [100], [10000])))
    elif kind == "long-class":
        attrs = 'class="' + "x" * pick(rng, [1000], [1_000_000]) + '"'
    elif kind == "long-value":
        attrs = 'title="' + "9A1 " * pick(rng, [1000], [200_000]) + '"'
    else:
        attrs = 'class="' + " ".join(rng.choice(CHROME_CLASSES + ["x", "content"]) for _ in range(pick(rng, [200], [20000]))) + '"'
    return _insert(html, _body_pos(rng, html), f"<div {attrs}>9A1 Doel</div>"), f"attribute_storm({kind})"


def unclosed(rng, html, budget):
    opener = rng.choice(["<!--", "<script>", "<style>", "<![CDATA[", "<textarea>", "<title>", "<xmp>", "<plaintext>",
                         "<noscript>", "<template>", "<svg>", "<math>", "<iframe>", "<select>", "<!DOCTYPE", "<?php",
                         "<a href=\"", "<div class='", "<table>", "<td>"])
    return _insert(html, _body_pos(rng, html), opener), f"unclosed({opener})"


def strip_skeleton(rng, html, budget):
    what = rng.choice(["html", "head", "body", "all", "doctype"])
    names = ["html", "head", "body"] if what == "all" else [what]
    out = html
    for name in names:
        out = re.sub(r"</?%s\b[^>]*>" % ("!doctype" if name == "doctype" else name), "", out, flags=re.IGNORECASE)
    return out, f"strip_skeleton({what})"


def inline_storm(rng, html, budget):
    count = max(1, min(pick(rng, [100, 1000], [10000, 100000]), budget // 30))
    tag = rng.choice(["b", "i", "span", "a", "em", "strong", "sup", "font"])
    words = "".join(f"<{tag}>{rng.choice(['9A1', '5,7', 'woord', ' ', '-', '%'])}</{tag}>" for _ in range(count))
    return _insert(html, _body_pos(rng, html), f"<p>{words}</p>"), f"inline_storm(<{tag}> x{count})"


def grow_html(rng, html, budget, target: int | None = None):
    """The body repeated to a target size (codes renumbered per copy, mostly)."""
    from .mutate_text import renumber
    target = min(budget, target or rng.choice([100_000, 500_000, 1_500_000, 3_000_000, 7_000_000]))
    a, b = _body_span(html)
    inner = html[a:b] or "<p>9A1 Doel</p>"
    copies = max(1, target // max(1, len(inner)))
    numbered = rng.random() < 0.7
    body = "".join(renumber(inner, k) if numbered else inner for k in range(copies))
    return html[:a] + body + html[b:], f"grow_html(x{copies}{', renumbered' if numbered else ''})"


HTML_MUTATORS = [
    (deep_nesting, 3), (drop_closers, 2), (break_tags, 2), (huge_table, 2), (spans, 3), (lying_charset, 4),
    (chrome_wrap, 2), (div_tables, 1.5), (dl_cards, 1.5), (entity_storm, 1.5), (br_storm, 2),
    (attribute_storm, 1), (unclosed, 2), (strip_skeleton, 1), (inline_storm, 1.5),
]
