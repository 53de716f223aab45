"""PDF files with a text layer: page text from pypdf, reflowed into paragraphs.

pypdf gives one line per printed line and rarely a blank line between paragraphs, so a
paragraph ends at a line clearly shorter than a full one, or before a numbered clause.
"""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path

import pypdf

from compare.errors import InputError
from compare.readers.base import Block, RawDocument
from compare.readers.text import group_lines, join_lines, starts_item

# pypdf logs repairs of damaged files; the reader reports what matters as one InputError.
logging.getLogger("pypdf").setLevel(logging.ERROR)

_PDF_HEADER = b"%PDF-"  # within the first 1024 bytes, says the PDF standard
# A page number alone on a page's first or last line: "3", "- 3 -", "[3]".
_PAGE_NUMBER = re.compile(r"[-–—\s(\[]*\d{1,4}[-–—\s)\]]*")
# "Full" line length: this quantile of line lengths, so a few long lines in small print
# (footnotes) do not make every body line look short.
_FULL_QUANTILE = 0.8
_SHORT_LINE = 0.7  # share of a full line below which a line ends its paragraph


class PdfReader:
    """Reads .pdf; a PDF without a text layer (a scan) is refused, since it needs OCR."""

    def read(self, path: Path) -> RawDocument:
        lines = [line for page in _page_texts(path) for line in _body_lines(page)]
        if not any(lines):
            raise InputError(path, "no text layer (scanned PDF?); run OCR first")
        full = _full_line_length(lines)
        groups = group_lines(
            lines,
            starts_block=starts_item,
            ends_block=lambda line: len(line) < _SHORT_LINE * full,
        )
        return RawDocument(path, "pdf", tuple(Block(join_lines(group)) for group in groups))


def _page_texts(path: Path) -> list[str]:
    data = path.read_bytes()
    if _PDF_HEADER not in data[:1024]:
        raise InputError(path, "not a PDF file (no %PDF- header)")
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        locked = reader.is_encrypted and not reader.decrypt("")
        pages = [] if locked else [page.extract_text() for page in reader.pages]
    # pypdf raises its own errors, but also ValueError, KeyError and others on damaged files.
    except Exception as exc:
        raise InputError(path, f"damaged or not a PDF ({exc})") from exc
    if locked:
        raise InputError(path, "password-protected PDF; save a copy without a password first")
    return pages


def _body_lines(page_text: str) -> list[str]:
    """A page's stripped lines, minus a page number on the first or last line."""
    lines = page_text.strip().splitlines()
    for edge in (0, -1):
        if lines and _PAGE_NUMBER.fullmatch(lines[edge]):
            del lines[edge]
    return [line.strip() for line in "\n".join(lines).strip().splitlines()]


def _full_line_length(lines: list[str]) -> int:
    lengths = sorted(len(line) for line in lines if line)
    return lengths[int(_FULL_QUANTILE * (len(lengths) - 1))]
