"""Read a user's file into a RawDocument, so nothing after this package looks at file formats.

One module per format, each with a reader object; the registry below picks one by suffix.
A new format is a new module plus one entry in `_READERS`.
"""

from __future__ import annotations

import re
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Protocol

from compare.errors import InputError
from compare.readers.adilet import mark_apparatus
from compare.readers.base import Block, RawDocument
from compare.readers.bilingual import BilingualFile
from compare.readers.bilingual import read_bilingual as _read_bilingual
from compare.readers.docx import DocxReader
from compare.readers.html import HtmlReader
from compare.readers.pdf import PdfReader
from compare.readers.structure import label_blocks
from compare.readers.text import TextReader

__all__ = [
    "SUPPORTED_SUFFIXES",
    "BilingualFile",
    "Block",
    "RawDocument",
    "Reader",
    "read_bilingual",
    "read_document",
    "sniffed_suffix",
]


class Reader(Protocol):
    """What a format module provides: the suffixes it claims and a way to read one file.

    `read` may raise InputError for problems in the content, and OSError for problems
    reaching the file, which `read_document` turns into InputError.
    """

    suffixes: tuple[str, ...]

    def read(self, path: Path) -> RawDocument: ...


_READERS: tuple[Reader, ...] = (TextReader(), HtmlReader(), DocxReader(), PdfReader())
_BY_SUFFIX = {suffix: reader for reader in _READERS for suffix in reader.suffixes}
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(_BY_SUFFIX)


def read_document(path: Path | str) -> RawDocument:
    """Read a .txt, .md, .html, .htm, .docx or .pdf file into blocks of text.

    Every problem with the file (missing, unreadable, empty, damaged, wrong format) raises
    InputError naming the file; the file is only ever opened for reading.
    """
    path = Path(path)
    with _opening(path):
        reader = _BY_SUFFIX.get(path.suffix.lower())
        if reader is None:
            kind = repr(path.suffix) if path.suffix else "(no suffix)"
            raise InputError(
                path, f"unsupported file type {kind}; supported: {', '.join(SUPPORTED_SUFFIXES)}"
            )
        document = reader.read(path)
        blocks = label_blocks(mark_apparatus(document.blocks))
        document = replace(document, blocks=tuple(blocks))
    if not document.blocks:
        raise InputError(path, "no text found (only whitespace or markup)")
    return document


_MARKUP = (
    (b"<xliff", ".xlf"),
    (b"<tmx", ".tmx"),
    (b"<html", ".html"),
    (b"<!doctype html", ".html"),
)
_PO_ENTRY = re.compile(rb'^msgid\s+"', re.MULTILINE)


def sniffed_suffix(head: bytes) -> str:
    """The suffix that names what the first bytes of a nameless input (standard input) hold:
    .pdf, .docx, .xlf, .tmx, .html or .po, else .txt."""
    if head.startswith(b"%PDF"):
        return ".pdf"
    if head.startswith(b"PK\x03\x04"):
        return ".docx"
    lowered = head.lower()
    found = [(lowered.find(tag), suffix) for tag, suffix in _MARKUP if tag in lowered]
    if found:
        return min(found)[1]
    return ".po" if _PO_ENTRY.search(head) else ".txt"


def read_bilingual(path: Path) -> BilingualFile:
    """Read an XLIFF, TMX or PO file (see compare.readers.bilingual), refused as read_document
    refuses a file it cannot reach."""
    with _opening(path):
        return _read_bilingual(path)


@contextmanager
def _opening(path: Path) -> Iterator[None]:
    """Refuse what is not a regular file with content; a failure to reach the file, or markup
    nested too deeply to parse, is an InputError naming it."""
    try:
        _check_regular_file(path)
        yield
    except OSError as exc:
        raise InputError(path, _describe(exc)) from exc
    except RecursionError:
        raise InputError(path, "nested too deeply to read (markup inside markup)") from None


def _check_regular_file(path: Path) -> None:
    """Refuse directories, devices and pipes (reading a pipe can block) and empty files."""
    info = path.stat()
    if stat.S_ISDIR(info.st_mode):
        raise InputError(path, "is a directory, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(path, "not a regular file")
    if info.st_size == 0:
        raise InputError(path, "file is empty (0 bytes)")


def _describe(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return exc.strerror or str(exc)
