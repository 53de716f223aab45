"""Read a user's file into a RawDocument, so nothing after this package looks at file formats.

One module per format, each with a reader object; the registry below picks one by suffix.
A new format is a new module plus one entry in `_READERS`.
"""

from __future__ import annotations

import stat
from dataclasses import replace
from pathlib import Path
from typing import Protocol

from compare.errors import InputError
from compare.readers.adilet import mark_apparatus
from compare.readers.base import Block, RawDocument
from compare.readers.docx import DocxReader
from compare.readers.html import HtmlReader
from compare.readers.pdf import PdfReader
from compare.readers.structure import label_blocks
from compare.readers.text import TextReader

__all__ = ["SUPPORTED_SUFFIXES", "Block", "RawDocument", "Reader", "read_document"]


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
    try:
        _check_regular_file(path)
        reader = _BY_SUFFIX.get(path.suffix.lower())
        if reader is None:
            kind = repr(path.suffix) if path.suffix else "(no suffix)"
            raise InputError(
                path, f"unsupported file type {kind}; supported: {', '.join(SUPPORTED_SUFFIXES)}"
            )
        document = reader.read(path)
        blocks = label_blocks(mark_apparatus(document.blocks))
        document = replace(document, blocks=tuple(blocks))
    except OSError as exc:
        raise InputError(path, _describe(exc)) from exc
    except RecursionError:
        raise InputError(path, "nested too deeply to read (markup inside markup)") from None
    if not document.blocks:
        raise InputError(path, "no text found (only whitespace or markup)")
    return document


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
