"""Which alphabet a text is written in: the first, cheapest cut before any language model."""

from __future__ import annotations

import re
from dataclasses import dataclass

from compare.lang.rules import LATIN_TO_CYRILLIC

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


@dataclass(frozen=True)
class ScriptProfile:
    """Letter counts of a text after look-alike Latin letters inside Cyrillic words were fixed."""

    text: str
    cyrillic: int
    latin: int
    other: int

    @property
    def letters(self) -> int:
        return self.cyrillic + self.latin + self.other

    @property
    def main_script(self) -> str:
        """'cyrillic', 'latin' or 'other' by letter majority; 'other' when there are no letters."""
        if self.cyrillic > max(self.latin, self.other):
            return "cyrillic"
        if self.latin > self.other:
            return "latin"
        return "other"

    @property
    def share(self) -> float:
        """Share of letters in the main script: 1.0 for a single-script text."""
        if not self.letters:
            return 0.0
        return max(self.cyrillic, self.latin, self.other) / self.letters


def words(text: str) -> list[str]:
    """Lower-cased words (letters only, inner hyphens and apostrophes kept)."""
    return [w.lower() for w in _WORD.findall(text)]


def _fix_word(match: re.Match[str]) -> str:
    word = match.group()
    cyrillic = len(_CYRILLIC.findall(word))
    if cyrillic and cyrillic >= len(_LATIN.findall(word)):
        return word.translate(LATIN_TO_CYRILLIC)
    return word


def profile(text: str) -> ScriptProfile:
    """Count letters per script; Latin look-alikes in mostly Cyrillic words count as Cyrillic."""
    # Only a text with Latin letters can have look-alikes to fix (most kk and ru text has none).
    fixed = _WORD.sub(_fix_word, text) if _LATIN.search(text) else text
    letters = "".join(filter(str.isalpha, fixed))
    cyrillic = len(_CYRILLIC.findall(letters))
    latin = len(_LATIN.findall(letters))
    return ScriptProfile(fixed, cyrillic, latin, len(letters) - cyrillic - latin)
