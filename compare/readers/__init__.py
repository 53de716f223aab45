"""Read a user's file into a RawDocument, so nothing after this package looks at file formats.

One module per format, each with a reader object; the registry below picks one by suffix.
A new format is a new module plus one entry in `_READERS`.
"""

from __future__ import annotations

import importlib
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
from compare.readers.structure import label_blocks

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
    """What a format module provides: a way to read one file.

    `read` may raise InputError for problems in the content, and OSError for problems
    reaching the file, which `read_document` turns into InputError.
    """

    def read(self, path: Path) -> RawDocument: ...


# Each suffix's module and reader. A module is imported when a file of its format is first
# read: python-docx, BeautifulSoup and pypdf take most of a second to import, which a run on
# text files need not pay.
_READERS: dict[str, tuple[str, str]] = {
    ".txt": ("text", "TextReader"),
    ".md": ("text", "TextReader"),
    ".html": ("html", "HtmlReader"),
    ".htm": ("html", "HtmlReader"),
    ".docx": ("docx", "DocxReader"),
    ".pdf": ("pdf", "PdfReader"),
}
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(_READERS)


def _reader(suffix: str) -> Reader | None:
    """The reader of files with this suffix (lower case), or None for an unsupported one."""
    if suffix not in _READERS:
        return None
    module, name = _READERS[suffix]
    return getattr(importlib.import_module(f"compare.readers.{module}"), name)()


def read_document(path: Path | str) -> RawDocument:
    """Read a .txt, .md, .html, .htm, .docx or .pdf file into blocks of text.

    Every problem with the file (missing, unreadable, empty, damaged, wrong format) raises
    InputError naming the file; the file is only ever opened for reading.
    """
    path = Path(path)
    with _opening(path):
        reader = _reader(path.suffix.lower())
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
