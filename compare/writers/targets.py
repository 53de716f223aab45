"""Output paths checked before any work starts: never an input file (by path or by inode, so
no relative path, `..`, symlink or hard link slips through), never a folder, and in a folder
that exists (or can be made) and can be written."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from compare.errors import TilmashError


def output_format(path: Path, suffixes: Iterable[str]) -> str:
    """The format a path's suffix names, if it is one of `suffixes`."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in suffixes:
        names = ", ".join(f".{s}" for s in suffixes)
        raise TilmashError(f"{path}: unknown output format; use one of {names}")
    return suffix


def folder_of(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet)
        return a.resolve() == b.resolve()


def _writable_folder(path: Path, folder: Path) -> None:
    if not os.access(folder, os.W_OK | os.X_OK):
        raise TilmashError(f"{path}: cannot write in folder {folder} (permission denied)")


def check_output(path: Path, inputs: Sequence[Path], *, new_folder: bool = False) -> None:
    """Refuse an output that is a folder, is one of `inputs`, or cannot be written. With
    `new_folder` its folder may be missing, to be created: the nearest existing one is checked."""
    path = Path(path)
    if path.is_dir():
        raise TilmashError(f"{path}: is a folder; give a file name")
    for source in inputs:
        if _same_file(path, Path(source)):
            raise TilmashError(
                f"{path}: is the input file {source}; tilmash never writes over its inputs, "
                "give another output name"
            )
    folder = folder_of(path)
    if new_folder:
        while not folder.exists() and folder != folder.parent:
            folder = folder_of(folder)
    if not folder.is_dir():
        problem = "is a file, not a folder" if folder.exists() else "does not exist"
        raise TilmashError(f"{path}: folder {folder} {problem}")
    _writable_folder(path, folder)
