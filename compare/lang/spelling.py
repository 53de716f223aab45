"""Hunspell dictionaries for kk, ru and en, found on the system and loaded once per process.

The binding is pyhunspell (PyPI "hunspell", the `spell` extra), which wraps the C++ library:
it loads the three Debian dictionaries in about a second and looks a word up in microseconds,
where the pure-Python spylls takes 14 s to load them. A missing binding or dictionary is said
once, on stderr, and spelling is then not checked in that language.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Protocol

from compare.lang.formal import (
    HUNSPELL_DICTIONARIES,
    HUNSPELL_FOLDERS,
    HUNSPELL_PACKAGES,
    HUNSPELL_PATH_ENV,
)


class Speller(Protocol):
    """What the spelling check asks a dictionary."""

    def spell(self, word: str) -> bool: ...


def to_stderr(message: str) -> None:
    """Say something to the user without disturbing the report on stdout."""
    print(message, file=sys.stderr)


def dictionary_folders() -> list[Path]:
    """Where dictionaries are looked for: $TILMASH_HUNSPELL_PATH, then the usual system folders."""
    extra = os.environ.get(HUNSPELL_PATH_ENV, "")
    return [Path(p) for p in extra.split(os.pathsep) if p] + [Path(p) for p in HUNSPELL_FOLDERS]


def find_dictionaries(lang: str) -> list[Path]:
    """The .dic files (each with its .aff beside it) found for a language."""
    found = []
    for name in HUNSPELL_DICTIONARIES.get(lang, ()):
        for folder in dictionary_folders():
            dic = folder / f"{name}.dic"
            if dic.is_file() and dic.with_suffix(".aff").is_file():
                found.append(dic)
                break
    return found


class Dictionaries:
    """A language's dictionaries as one: a word is known if any knows it."""

    def __init__(self, spellers: list[Speller]) -> None:
        self._spellers = spellers

    def spell(self, word: str) -> bool:
        return any(s.spell(word) for s in self._spellers)


def speller(lang: str, announce: Callable[[str], None] = to_stderr) -> Speller | None:
    """The language's dictionaries, or None (said once per process) when none can be loaded."""
    return _load(lang, announce)


@cache
def _load(lang: str, announce: Callable[[str], None]) -> Speller | None:
    found = find_dictionaries(lang)
    if not found:
        names = " or ".join(HUNSPELL_DICTIONARIES.get(lang, (lang,)))
        announce(
            f"note: no Hunspell dictionary {names} for {lang!r} (Debian: apt install "
            f"{HUNSPELL_PACKAGES.get(lang, 'hunspell-' + lang)}; or set {HUNSPELL_PATH_ENV}); "
            f"spelling in {lang} is not checked"
        )
        return None
    binding = _binding(announce)
    if binding is None:
        return None
    return Dictionaries([binding.HunSpell(str(d), str(d.with_suffix(".aff"))) for d in found])


@cache
def _binding(announce: Callable[[str], None]):
    try:
        import hunspell
    except ImportError:
        announce(
            "note: the Hunspell binding is not installed (pip install 'tilmash[spell]'; it "
            "builds against libhunspell-dev); spelling is not checked"
        )
        return None
    return hunspell
