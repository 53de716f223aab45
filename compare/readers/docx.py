"""Word .docx files: body paragraphs and table cells in document order."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import docx
from docx.document import Document
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from compare.errors import InputError
from compare.lang.split import tidy_space
from compare.readers.base import Block, RawDocument

_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # old binary Word .doc (and .xls, .ppt)
_ZIP_MAGIC = b"PK"


class DocxReader:
    """Reads .docx; paragraphs in Heading or Title styles become blocks labelled "heading"."""

    def read(self, path: Path) -> RawDocument:
        document = _open(path, path.read_bytes())
        return RawDocument(path, "docx", tuple(_blocks(document)))


def _open(path: Path, data: bytes) -> Document:
    try:
        return docx.Document(io.BytesIO(data))
    # python-docx lets zipfile, KeyError, ValueError and lxml errors escape on damaged files.
    except Exception as exc:
        raise InputError(path, _why_unreadable(data)) from exc


def _why_unreadable(data: bytes) -> str:
    if data.startswith(_OLE_MAGIC):
        return "an old binary Word .doc file, not .docx; save it as .docx in Word first"
    if not data.startswith(_ZIP_MAGIC):
        return "not a .docx file (a .docx is a ZIP package; this is not one)"
    return "damaged .docx, or a ZIP package that is not a Word document"


def _blocks(container: Document | _Cell) -> Iterator[Block]:
    for item in container.iter_inner_content():
        if isinstance(item, Paragraph):
            text = tidy_space(item.text)  # spaces the author typed stay
            if text:
                yield Block(text, "heading" if _is_heading(item) else None)
        else:
            yield from _table_blocks(item)


def _table_blocks(table: Table) -> Iterator[Block]:
    """Each cell once, row by row; a merged cell appears in every row and column it spans."""
    seen = set()  # the cells' XML elements; kept alive, so identity is stable
    for row in table.rows:
        for cell in row.cells:
            if cell._tc not in seen:
                seen.add(cell._tc)
                yield from _blocks(cell)


def _is_heading(paragraph: Paragraph) -> bool:
    style = paragraph.style
    name = (style.name or "").lower() if style is not None else ""
    return name.startswith(("heading", "title"))
