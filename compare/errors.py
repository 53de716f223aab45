"""Errors a user can cause and fix: the command line prints them as one line and exits 2."""

from pathlib import Path


class TilmashError(Exception):
    """A problem with the user's input or setup, reported without a traceback."""


class InputError(TilmashError):
    """A file that cannot be read as a document; the message names the file and the problem."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{path}: {problem}")
