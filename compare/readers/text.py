"""Plain text and Markdown files, and the paragraph rules the other readers share.

Corpus files hold one paragraph per line with blank lines between; hand-wrapped files break
each paragraph into short lines. Both come out as one block per paragraph. Markdown comes out
as its text: quote marks, emphasis, links and inline HTML (the anchors Markdown mirrors of
adilet.zan.kz put before every article, `<a id="st1"></a>`) are left out.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from compare.lang.split import tidy_space
from compare.readers.adilet import adilet_blocks
from compare.readers.base import Block, RawDocument, normalize_space
from compare.readers.encoding import decode_bytes

# A file with a longer line is not hard-wrapped, so its lines are paragraphs on their own.
_WRAP_WIDTH = 100
_MD_HEADING = re.compile(r"#{1,6}\s+(.+?)(?:\s+#+)?")
_MD_QUOTE = re.compile(r"^(?:>\s?)+")  # "> " and "> > " before a quoted line
_MD_TEXT = ("text", "code_inline", "softbreak", "hardbreak")  # the inline tokens that are text
# List bullets and clause numbers: "- ", "• ", "1. ", "2.1. ", "2.1 ", "3) ", "а) ".
_ITEM = re.compile(r"(?:[-*+•–—]|\d+(?:\.\d+)*[.)]|\d+(?:\.\d+)+|[a-zа-яәғқңөұүһі]\))\s")


class TextReader:
    """Reads .txt and .md; Markdown `#` headings become blocks labelled "heading"."""

    def read(self, path: Path) -> RawDocument:
        text, encoding = decode_bytes(path.read_bytes(), path)
        suffix = path.suffix.lower()
        raw = text.splitlines()
        lines = [line.strip() for line in raw]
        if suffix == ".md":
            lines = [_MD_QUOTE.sub("", line) for line in lines]
        layout = adilet_blocks(raw) if suffix == ".txt" else None
        blocks = tuple(layout if layout is not None else _blocks(lines, suffix == ".md"))
        return RawDocument(path=path, format=suffix[1:], blocks=blocks, encoding=encoding)


def starts_item(line: str) -> bool:
    """Whether a line opens a list item or a numbered clause, which always starts a new block."""
    return _ITEM.match(line) is not None


def join_lines(lines: Iterable[str], typed: bool = False) -> str:
    """Join the lines of one paragraph, undoing hyphens that split a lowercase word ("миг-рация").

    A hyphen between other characters ("Алматы-Астана", "2020-2025") is kept, without a space.
    With `typed` (text the author typed, not extracted from a layout) spaces inside a line stay.
    """
    text = ""
    for line in lines:
        if text.endswith("\u00ad"):
            text = text[:-1] + line
        elif text.endswith("-") and text[-2:-1].isalnum():
            split_word = text[-2].islower() and line[:1].islower()
            text = (text[:-1] if split_word else text) + line
        else:
            text = f"{text} {line}"
    return tidy_space(text) if typed else normalize_space(text)


def group_lines(
    lines: Iterable[str],
    starts_block: Callable[[str], bool],
    ends_block: Callable[[str], bool],
) -> Iterator[list[str]]:
    """Split stripped lines into paragraphs: at blank lines, before `starts_block` lines and
    after `ends_block` lines."""
    group: list[str] = []
    for line in lines:
        if group and (not line or starts_block(line)):
            yield group
            group = []
        if line:
            group.append(line)
            if ends_block(line):
                yield group
                group = []
    if group:
        yield group


def _blocks(lines: list[str], markdown: bool) -> Iterator[Block]:
    """In a hard-wrapped file blank lines end paragraphs; otherwise every line is one."""

    def heading(line: str) -> re.Match[str] | None:
        return _MD_HEADING.fullmatch(line) if markdown else None

    wrapped = "" in lines and max(map(len, lines)) <= _WRAP_WIDTH
    groups = group_lines(
        lines,
        starts_block=lambda line: bool(heading(line)) or starts_item(line),
        ends_block=lambda line: bool(heading(line)) or not wrapped,
    )
    for group in groups:
        match = heading(group[0])
        if match:
            yield Block(normalize_space(markdown_text(match[1])), "heading")
        else:
            text = join_lines(group, typed=True)
            text = markdown_text(text) if markdown else text
            if text:  # a line of inline HTML only (an anchor) is no paragraph
                yield Block(text)


@functools.cache
def _markdown():
    """CommonMark with inline HTML recognised, so that it can be left out; imported when a
    Markdown file is first read (plain text needs no parser)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark")


def markdown_text(source: str) -> str:
    """The text of one Markdown paragraph: emphasis, code and links without their marks, inline
    HTML left out (with the space on one side of it, so no double space is left behind)."""
    out: list[str] = []
    dropped = False
    for token in _markdown().parseInline(source)[0].children or ():
        if token.type == "html_inline":
            dropped = True
        elif token.type in _MD_TEXT:
            piece = token.content or " "  # a line break is a space
            if dropped and (not out or out[-1].endswith(" ")):
                piece = piece.lstrip(" ")
            out.append(piece)
            dropped = False
    return "".join(out).strip()
