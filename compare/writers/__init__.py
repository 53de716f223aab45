"""Writers: one module per output format, each turning library results into a file's text.

`write_output` picks the writer by the file's suffix and writes atomically, so an interrupted
run never leaves a half-written file in place of a good one.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from compare.errors import TilmashError
from compare.writers.targets import folder_of, output_format


def atomic_write(path: Path, data: str | bytes) -> None:
    """Write text (as UTF-8) or bytes to path through a temporary file in the same folder and a
    rename. A failure (a full disk, a read-only folder) is one line naming the path."""
    path = Path(path)
    folder = folder_of(path)
    if not folder.is_dir():
        raise TilmashError(f"{path}: folder {folder} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tilmash-tmp", dir=folder)
    except OSError as error:
        raise _cannot_write(path, error) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the usual permissions
        os.replace(tmp, path)
    except OSError as error:
        Path(tmp).unlink(missing_ok=True)
        raise _cannot_write(path, error) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _cannot_write(path: Path, error: OSError) -> TilmashError:
    return TilmashError(f"{path}: cannot write it ({error.strerror or error})")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_output(path: Path, formats: dict[str, Callable[[], str | bytes]]) -> str:
    """Write whichever of `formats` (suffix -> text maker) the path's suffix names."""
    suffix = output_format(path, formats)
    atomic_write(Path(path), formats[suffix]())
    return suffix
