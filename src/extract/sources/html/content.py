"""Where the content of a CMS page is, and what around it is chrome (HTML source, `sources/html`).

Budget sites wrap the text users saved in navigation, a site header and footer, cookie banners,
menus, "Ga naar boven" links, share and "download als pdf" widgets. Those are taken out of the
tree before it is read; the breadcrumb is kept apart (it names the programme and the policy area)
and given back as one line `Home / Beleidsbegroting / ... / Beleidsterrein 9A ...`.
"""
from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import CData, PreformattedString

from ...models.values import clean_text
from ...profiles.codes import mentions_code
from .paths import ElementPaths

# Elements that never hold page text.
NON_TEXT_TAGS = frozenset({
    "script", "style", "noscript", "template", "head", "title", "meta", "link", "svg", "math",
    "iframe", "object", "embed", "canvas", "select", "option", "optgroup", "datalist", "input",
    "textarea", "img", "picture", "source", "video", "audio", "track", "map", "area", "param",
})
_SECTIONING = frozenset({"main", "article", "section"})
_CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "menu", "menubar",
                           "dialog", "alertdialog", "complementary"})
_CHROME_TOKEN = re.compile(
    r"(?:^|[-_])(?:cookie\w*|cookies|consent\w*|gdpr|nav|navbar|navigation|mainnav|subnav|menu\w*|"
    r"submenu|megamenu|skip\w*|skiplinks?|share\w*|sharing|social\w*|printbutton|download\w*|pdf|"
    r"totop|to-top|backtotop|naar-boven|scroll-?top|toolbar|readspeaker|searchbox|search|zoek\w*|"
    r"sitemap|footer-?links)(?:[-_]|$)")
_HIDDEN_TOKEN = re.compile(r"^(?:sr-only|visually-?hidden|screen-?reader-text|element-invisible|a11y-hidden|"
                           r"visuallyhidden|show-for-sr|hide-text)$")
_BREADCRUMB = re.compile(r"breadcrumb|kruimel|crumbs?\b|u bent hier|you are here", re.IGNORECASE)
_CONTENT_IDS = re.compile(r"^(?:content|main|main-?content|page-?content|inhoud|primary|article|"
                          r"contentwrapper|content-?main)$", re.IGNORECASE)
_SEPARATOR = re.compile(r"^[\s>/»›|·•\-–]*$")
_CRUMB_SPLIT = re.compile(r"\s[>/|]\s|[»›]")
_LOOSE_TEXT = re.compile(r"\S")
_CRUMB_LABEL = re.compile(r"^(?:u bent hier|you are here|kruimelpad|breadcrumbs?)\s*:?\s*", re.IGNORECASE)


def class_tokens(el: Tag, with_id: bool = True) -> list[str]:
    """The lower-cased classes of an element (and its id): what CMS templates name parts by."""
    classes = el.get("class") or []
    if isinstance(classes, str):
        classes = classes.split()
    ident = el.get("id") if with_id else None
    return [t.lower() for t in list(classes) + ([ident] if isinstance(ident, str) else []) for t in t.split()]


def text_sizes(root: Tag, strip: bool = False) -> dict[int, int]:
    """The length of the text of every element under `root` (by `id`), in one pass from the
    leaves up, so that asking it of nested elements costs nothing more. With `strip`, the length
    `get_text(" ", strip=True)` would have, give or take a separator."""
    sizes: dict[int, int] = {}
    stack: list[tuple[Tag, bool]] = [(root, False)]
    while stack:
        el, done = stack.pop()
        if not done:
            stack.append((el, True))
            stack.extend((c, False) for c in el.contents if isinstance(c, Tag))
            continue
        total = 0
        for c in el.contents:
            if isinstance(c, Tag):
                total += sizes[id(c)]
            elif _is_text(c):
                total += (len(c.strip()) + 1 if c.strip() else 0) if strip else len(c)
        sizes[id(el)] = total
    return sizes


def _is_text(node) -> bool:
    """A text node `get_text` counts (not a comment, doctype or processing instruction)."""
    return isinstance(node, NavigableString) and (not isinstance(node, PreformattedString) or isinstance(node, CData))


def is_hidden_helper(el: Tag, sizes: dict[int, int] | None = None) -> bool:
    """Screen-reader-only helper text and decorative elements hidden from assistive tech. A
    collapsed accordion panel is marked aria-hidden too, and holds the explanations: hidden
    elements with real text stay. `sizes` (`text_sizes(..., strip=True)` of a tree holding
    `el`) saves reading the text again."""
    if el.get("aria-hidden") == "true":
        size = sizes[id(el)] - 1 if sizes is not None and id(el) in sizes else len(el.get_text(" ", strip=True))
        return size < 40
    return any(_HIDDEN_TOKEN.match(t) for t in class_tokens(el))


def is_breadcrumb(el: Tag) -> bool:
    if not isinstance(el, Tag) or el.name in NON_TEXT_TAGS:
        return False
    attrs = " ".join(class_tokens(el) + [str(el.get("aria-label") or ""), str(el.get("itemtype") or "")])
    return bool(_BREADCRUMB.search(attrs))


def _in_section(el: Tag) -> bool:
    """Whether `el` is or sits inside main/article/section: its header and footer are content."""
    return any(p.name in _SECTIONING or p.get("role") == "main" for p in [el, *el.parents] if isinstance(p, Tag))


def _protected(el: Tag) -> bool:
    """Content a chrome-looking wrapper must not take with it: tables and record codes."""
    if el.find(["table", "main", "article"]) is not None:
        return True
    return mentions_code(el.get_text(" ")[:200_000])


def find_breadcrumb(soup: BeautifulSoup) -> Tag | None:
    """The outermost breadcrumb element of the page, if any."""
    return soup.find(is_breadcrumb)


def breadcrumb_items(el: Tag) -> list[str]:
    """The steps of a breadcrumb: its list items, else its child elements and the loose text
    between them split at separators (`Home > Begroting > Beleidsterrein 8B ...`); labels such
    as "U bent hier:" and the separators themselves are left out."""
    items = el.find_all("li")
    if items:
        texts = [li.get_text(" ") for li in items if li.find("li") is None]
    else:
        kids = [c for c in el.children if isinstance(c, Tag)]
        while len(kids) == 1 and el.find(string=_LOOSE_TEXT, recursive=False) is None:
            el = kids[0]  # a wrapper around the steps
            kids = [c for c in el.children if isinstance(c, Tag)]
        texts = []
        for child in el.children:
            if isinstance(child, Tag):
                texts.append(child.get_text(" "))
            elif isinstance(child, NavigableString) and not isinstance(child, PreformattedString):
                texts.extend(_CRUMB_SPLIT.split(str(child)))
    out: list[str] = []
    for text in texts:
        text = clean_text(re.sub(r"\s+", " ", text))
        text = _CRUMB_LABEL.sub("", text).strip(" >/»›|·")
        if text and not _SEPARATOR.match(text) and (not out or out[-1] != text):
            out.append(text)
    return out


def content_root(soup: BeautifulSoup) -> Tag:
    """The element holding the page's content: `<main>` (or role=main), else a content
    container by id, else the whole document (not only `<body>`: text after a stray `</html>`
    is still shown by browsers). A candidate must hold a fair share of the page's text."""
    sizes = text_sizes(soup)
    total = sizes[id(soup)]
    if total == 0:
        return soup
    mains: list[Tag] = []
    by_id: list[Tag] = []
    for el in soup.descendants:
        if isinstance(el, Tag):
            if el.name == "main" or el.get("role") == "main":
                mains.append(el)
            elif isinstance(ident := el.get("id"), str) and _CONTENT_IDS.match(ident):
                by_id.append(el)
    best, best_len = None, 0
    for el in mains or by_id:
        n = sizes[id(el)]
        if n > best_len:
            best, best_len = el, n
    if best is not None and best_len >= 0.3 * total:
        return best
    return soup


def remove_chrome(root: Tag, keep: Tag | None = None, paths: ElementPaths | None = None) -> int:
    """Take chrome, non-text elements and screen-reader helpers out of the tree under `root`
    (the breadcrumb `keep` too: it is read apart). One pass, top down, without descending into
    what goes; inside a chrome-looking wrapper that holds content only semantic chrome goes.
    Returns how many elements were removed."""
    doomed: list[Tag] = []
    sizes = text_sizes(root, strip=True)
    stack: list[tuple[Tag, bool, bool]] = [(root, _in_section(root), False)]
    while stack:
        el, sectioned, shielded = stack.pop()
        for child in el.children:
            if not isinstance(child, Tag):
                continue
            if child is keep or child.name in NON_TEXT_TAGS or is_hidden_helper(child, sizes):
                doomed.append(child)
                continue
            verdict = _chrome_verdict(child, sectioned, shielded)
            if verdict == "chrome":
                doomed.append(child)
                continue
            inner = sectioned or child.name in _SECTIONING or child.get("role") == "main"
            stack.append((child, inner, shielded or verdict == "shielded"))
    if paths is not None:
        for el in doomed:
            paths.keep_position(el)
    _take_out(doomed)
    return len(doomed)


def _take_out(elements: list[Tag]) -> None:
    """Extract elements from the tree, each parent's from its last child back with the index
    given: bs4 looks an element up among its siblings otherwise, and 10,000 of one parent's
    children taken out one by one cost quadratic time."""
    by_parent: dict[int, tuple[Tag, list[Tag]]] = {}
    for el in elements:
        if el.parent is not None:
            by_parent.setdefault(id(el.parent), (el.parent, []))[1].append(el)
    for parent, children in by_parent.values():
        going = {id(c) for c in children}
        for index in reversed([i for i, c in enumerate(parent.contents) if id(c) in going]):
            parent.contents[index].extract(_self_index=index)


def _chrome_verdict(el: Tag, sectioned: bool, shielded: bool) -> str:
    """'chrome', 'shielded' (looks like chrome but holds content) or 'content'. Semantic
    elements (`nav`, a page-level `header`/`footer`/`aside`) always are chrome; an element that
    only looks like it by role or class is kept when it holds a table or record codes."""
    if el.name == "nav":
        return "chrome"
    if el.name in ("header", "footer", "aside") and not sectioned:
        return "chrome"
    if shielded:
        return "content"
    role = el.get("role")
    looks = (isinstance(role, str) and role.lower() in _CHROME_ROLES) or any(
        _CHROME_TOKEN.search(t) for t in class_tokens(el))
    if not looks:
        return "content"
    return "shielded" if _protected(el) else "chrome"
