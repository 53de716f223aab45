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

from compare.lang.formal import HUNSPELL_DICTIONARIES, HUNSPELL_FOLDERS, HUNSPELL_PATH_ENV


class Speller(Protocol):
    """What the spelling check asks a dictionary."""

    def spell(self, word: str) -> bool: ...

    def suggest(self, word: str) -> list[str]: ...


def to_stderr(message: str) -> None:
    """Say something to the user without disturbing the report on stdout."""
    print(message, file=sys.stderr)


def dictionary_folders() -> list[Path]:
    """Where dictionaries are looked for: $TILMASH_HUNSPELL_PATH, then the usual system folders."""
    extra = os.environ.get(HUNSPELL_PATH_ENV, "")
    return [Path(p) for p in extra.split(os.pathsep) if p] + [Path(p) for p in HUNSPELL_FOLDERS]


def find_dictionary(lang: str) -> Path | None:
    """The .dic file (with its .aff beside it) for a language, or None."""
    name = HUNSPELL_DICTIONARIES.get(lang)
    if name is None:
        return None
    for folder in dictionary_folders():
        dic = folder / f"{name}.dic"
        if dic.is_file() and dic.with_suffix(".aff").is_file():
            return dic
    return None


def speller(lang: str, announce: Callable[[str], None] = to_stderr) -> Speller | None:
    """The language's dictionary, or None (said once per process) when it cannot be loaded."""
    return _load(lang, announce)


@cache
def _load(lang: str, announce: Callable[[str], None]) -> Speller | None:
    dic = find_dictionary(lang)
    if dic is None:
        name = HUNSPELL_DICTIONARIES.get(lang, lang)
        announce(
            f"note: no Hunspell dictionary {name} for {lang!r} (Debian: apt install "
            f"hunspell-{lang if lang != 'en' else 'en-us'}; or set {HUNSPELL_PATH_ENV}); "
            f"spelling in {lang} is not checked"
        )
        return None
    binding = _binding(announce)
    return binding.HunSpell(str(dic), str(dic.with_suffix(".aff"))) if binding else None


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
