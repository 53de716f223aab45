"""HTML pages, such as a law saved from adilet.zan.kz: the main text, without the site around it."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, Tag
from bs4.dammit import EncodingDetector
from bs4.element import PreformattedString

from compare.readers.base import Block, RawDocument, normalize_space
from compare.readers.encoding import decode_bytes

_NEVER_TEXT = ("script", "style", "noscript", "template", "iframe", "svg", "object")
_SITE_CHROME = ("nav", "aside", "form", "menu", "button", "select")
_CHROME_ROLES = ["navigation", "banner", "contentinfo", "search", "complementary"]
# An id or class ending in one of these words ("main-menu", "navbar-nav") marks site chrome.
_CHROME_WORDS = frozenset({"menu", "nav", "navbar", "navigation", "breadcrumb", "breadcrumbs"})
# An id or class holding one of these words ("document-text", "content") marks a main candidate.
_MAIN_WORDS = frozenset({"text", "content", "document"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BLOCKS = _HEADINGS | {
    "address", "article", "blockquote", "body", "caption", "center", "dd", "div", "dl", "dt",
    "figcaption", "li", "main", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
}  # fmt: skip
# Main-container candidates with less than this share of the longest one's text are ignored.
_MAIN_SHARE = 0.8


class HtmlReader:
    """Reads .html and .htm; h1-h6 become blocks labelled "heading"."""

    def read(self, path: Path) -> RawDocument:
        data = path.read_bytes()
        declared = EncodingDetector.find_declared_encoding(data, is_html=True)
        text, encoding = decode_bytes(data, path, declared=declared)
        soup = BeautifulSoup(text, "lxml")
        _remove_site_chrome(soup)
        collector = _BlockCollector()
        collector.visit(_main_container(soup), label=None)
        return RawDocument(path, "html", tuple(collector.blocks), encoding)


def _remove_site_chrome(soup: BeautifulSoup) -> None:
    """Drop what is never document text: scripts, styles, menus, and page headers and footers.

    A <header> or <footer> inside an <article> or <main> belongs to the document and stays.
    """
    doomed = soup.find_all([*_NEVER_TEXT, *_SITE_CHROME])
    doomed += soup.find_all(role=_CHROME_ROLES)
    doomed += [tag for tag in soup.find_all(True) if _is_chrome(tag)]
    doomed += [
        tag
        for tag in soup.find_all(["header", "footer"])
        if tag.find_parent(["article", "main"]) is None
    ]
    for tag in doomed:
        if not tag.decomposed:  # already gone with an enclosing element
            tag.decompose()


def _main_container(soup: BeautifulSoup) -> Tag:
    """The element holding the document, or <body> when no element stands out.

    Candidates are <article>, <main> and elements whose id or class names text or content.
    Of those holding most of the text, <article> or <main> wins (it keeps the title that a
    page often puts beside an inner "content" element), else the deepest one (a page-wide
    "content" wrapper also holds sidebars).
    """
    candidates = [tag for tag in soup.find_all(True) if _is_semantic_main(tag) or _names_main(tag)]
    sized = [(len(tag.get_text(" ", strip=True)), tag) for tag in candidates]
    longest = max((size for size, _ in sized), default=0)
    if not longest:
        return soup.body or soup
    large = [tag for size, tag in sized if size >= _MAIN_SHARE * longest]
    semantic = [tag for tag in large if _is_semantic_main(tag)]
    return max(semantic or large, key=lambda tag: len(list(tag.parents)))


def _is_semantic_main(tag: Tag) -> bool:
    return tag.name in ("article", "main") or tag.get("role") == "main"


def _names_main(tag: Tag) -> bool:
    return any(_MAIN_WORDS.intersection(words) for words in _names(tag))


def _is_chrome(tag: Tag) -> bool:
    return tag.name not in ("html", "body") and any(
        words and words[-1] in _CHROME_WORDS for words in _names(tag)
    )


def _names(tag: Tag) -> list[list[str]]:
    """The lowercase words of an element's id and of each class.

    id="doc-text" class="main-menu big" gives [["doc", "text"], ["main", "menu"], ["big"]].
    """
    values = [tag.get("id") or "", *(tag.get("class") or [])]
    return [re.findall(r"[a-z]+", value.lower()) for value in values]


class _BlockCollector:
    """Walks the tree, cutting text into blocks at block-level elements and <br>."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._parts: list[str] = []

    def visit(self, node: Tag, label: str | None) -> None:
        for child in node.children:
            if isinstance(child, Tag):
                self._visit_tag(child, label)
            elif not isinstance(child, PreformattedString):  # comments, doctype, CDATA
                self._parts.append(str(child))

    def _visit_tag(self, tag: Tag, label: str | None) -> None:
        if tag.name == "br":
            self._flush(label)
        elif tag.name in _BLOCKS:
            inner_label = "heading" if tag.name in _HEADINGS else label
            self._flush(label)
            self.visit(tag, inner_label)
            self._flush(inner_label)
        else:
            self.visit(tag, label)

    def _flush(self, label: str | None) -> None:
        text = normalize_space("".join(self._parts))
        self._parts.clear()
        if text:
            self.blocks.append(Block(text, label))
