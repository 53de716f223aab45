"""Latin or Greek letters inside Cyrillic words and Cyrillic letters inside Latin words, and whole
words typed in look-alike letters of the wrong alphabet ("pecypc" for "ресурс", "Λ" for "Л").

Such words look right and read wrong: search, spelling and term checks miss them. The fix is
the look-alike mapping of `compare.lang.rules`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from compare.checks.base import Finding, UnitText
from compare.checks.formal.base import FormalCheck, present, span
from compare.lang.rules import CYRILLIC_TO_LATIN, GREEK_TO_CYRILLIC, LATIN_TO_CYRILLIC
from compare.lang.script import profile
from compare.lang.spelling import speller

_LETTERS = re.compile(r"[^\W\d_]+")
_SCRIPT_OF_LANG = {"kk": "cyrillic", "ru": "cyrillic", "en": "latin"}
_FIX = {"cyrillic": (LATIN_TO_CYRILLIC, GREEK_TO_CYRILLIC), "latin": (CYRILLIC_TO_LATIN,)}
# Dictionaries that tell whether a disguised word is a real word of the text's script, and
# whether it is a real word as it stands.
_DICTIONARIES = {"cyrillic": ("kk", "ru"), "latin": ("en",)}
_NEIGHBOURS = 3  # words either side that give the script of a mixed-language version
_MIN_DISGUISED = 3  # shorter all-Latin words in Cyrillic text are units, symbols, initials
_SYSTEMATIC = 5  # words with the same swapped letter that make it one finding for the version
Swap = tuple[tuple[str, str], ...]  # (letter typed, letter meant) pairs of a word's fix


# The letters script_of gives each script: most words are wholly in their text's script, which
# one match tells, where the script of each letter was looked up for each of a law's 150,000;
# and most texts have no letter outside it (_FOREIGN), which one search tells for all its words.
_RANGES = {"cyrillic": "\u0400-\u04ff", "latin": "\x00-\x7f\u00c0-\u024f"}
_WHOLLY = {script: re.compile(f"[{letters}]+") for script, letters in _RANGES.items()}
_FOREIGN = {script: re.compile(rf"[^\W\d_{letters}]") for script, letters in _RANGES.items()}


def script_of(char: str) -> str:
    """'cyrillic', 'latin', 'greek' or 'other' for one letter."""
    code = ord(char)
    if 0x0400 <= code <= 0x04FF:
        return "cyrillic"
    if char.isascii() or 0x00C0 <= code <= 0x024F:
        return "latin"
    if 0x0370 <= code <= 0x03FF:
        return "greek"
    return "other"


def refit(word: str, script: str) -> str | None:
    """The word with its other-script look-alikes replaced by `script` letters, or None when
    some letter has no look-alike."""
    fixed = word
    for table in _FIX.get(script, ()):
        fixed = fixed.translate(table)
    if not all(script_of(c) == script for c in fixed):
        return None
    # A capital look-alike inside a lower-case word stands for a small letter ("ТоΛық").
    return "".join(
        c.lower() if c != o and i and fixed[i - 1].islower() else c
        for i, (c, o) in enumerate(zip(fixed, word, strict=True))
    )


def _surrounding(matches: list[re.Match[str]], i: int) -> str:
    """The script of the words around the i-th word, for a version in several languages (a
    reference list quoting Russian and English titles)."""
    near = matches[max(i - _NEIGHBOURS, 0) : i] + matches[i + 1 : i + 1 + _NEIGHBOURS]
    return profile(" ".join(m.group() for m in near)).main_script


def _known(word: str, langs: tuple[str, ...]) -> bool:
    """Whether any of the languages' dictionaries knows the word (False without dictionaries)."""
    return any((s := speller(lang)) is not None and s.spell(word) for lang in langs)


class ScriptsCheck(FormalCheck):
    """Flags words that mix alphabets and words disguised in another alphabet's look-alikes."""

    name = "scripts"

    def run(self, units: Sequence[UnitText]) -> list[Finding]:
        """Per word, except that a letter swapped for its look-alike in many words of a version
        (a Latin "i" for the Kazakh "і" all through a law) is one finding, at its first word."""
        found = [pair for unit in units for pair in self._unit(unit)]
        by_swap: dict[tuple[str, Swap], list[Finding]] = defaultdict(list)
        for finding, swap in found:
            if swap:
                by_swap[finding.langs[0], swap].append(finding)
        systematic = {k: fs for k, fs in by_swap.items() if len(fs) >= _SYSTEMATIC}
        out = []
        for finding, swap in found:
            same = systematic.get((finding.langs[0], swap))
            if not same:
                out.append(finding)
            elif finding is same[0]:
                out.append(self._systematic(same, swap))
        return out

    def check_unit(self, unit: UnitText) -> list[Finding]:
        return [finding for finding, _ in self._unit(unit)]

    def _unit(self, unit: UnitText) -> list[tuple[Finding, Swap]]:
        """Each flagged word with the letters its fix swaps (empty for a disguised word)."""
        found = []
        for key in present(unit):
            fixed = _SCRIPT_OF_LANG.get(self.lang(key))
            if fixed and not _FOREIGN[fixed].search(unit.texts[key]):
                continue  # every word is wholly in its script
            matches = list(_LETTERS.finditer(unit.texts[key]))
            for i, match in enumerate(matches):
                main = fixed or _surrounding(matches, i)
                flagged = self._word(unit, key, match, main)
                if flagged:
                    found.append(flagged)
        return found

    def _word(
        self, unit: UnitText, key: str, match: re.Match[str], main: str
    ) -> tuple[Finding, Swap] | None:
        word = match.group()
        wholly = _WHOLLY.get(main)
        if wholly and wholly.fullmatch(word):
            return None
        scripts = {script_of(c) for c in word}
        if scripts == {main} or "other" in scripts:
            return None
        swap: Swap = ()
        if len(scripts) > 1:
            counts = {s: sum(script_of(c) == s for c in word) for s in scripts}
            targets = sorted(scripts, key=lambda s: (-counts[s], s != main))
            fixed = next(filter(None, (refit(word, t) for t in targets)), None)
            kind, confidence = "mixed word", 0.9
            pairs = zip(word, fixed or word, strict=True)
            swap = tuple(sorted({(a, b) for a, b in pairs if a != b}))
        elif main in _FIX and self._disguised(word, scripts.pop(), main):
            fixed, kind, confidence = refit(word, main), "look-alike word", 0.8
        else:
            return None
        foreign = sorted({script_of(c) for c in word} - {script_of(c) for c in fixed or ""})
        what = " and ".join(foreign) if fixed else "several alphabets"
        finding = self.finding(
            unit,
            [key],
            f"{word!r} in {key} has letters from {what}"
            + (f": it reads as {fixed!r}." if fixed else "."),
            [span(unit, key, match.start(), match.end())],
            kind=kind,
            confidence=confidence if fixed else confidence - 0.3,
            suggestion=f"Retype as {fixed!r}." if fixed else None,
        )
        return finding, swap

    def _systematic(self, same: list[Finding], swap: Swap) -> Finding:
        first = same[0]
        key = first.langs[0]
        letters = ", ".join(f"{a!r} ({script_of(a)}) for {b!r}" for a, b in swap)
        return Finding(
            check=self.name,
            severity="minor",
            confidence=0.9,
            unit=first.unit,
            langs=first.langs,
            message=f"{key} has {letters} in {len(same)} words, from {first.spans[0].text!r} on.",
            spans=first.spans,
            suggestion=f"Replace {', '.join(f'{a!r} by {b!r}' for a, b in swap)} throughout {key}.",
            details={"kind": "mixed word", "words": len(same)},
        )

    def _disguised(self, word: str, script: str, main: str) -> bool:
        """A whole word in another alphabet that is a real word once its look-alikes are
        replaced ("pecypc"), or a Greek look-alike in Cyrillic text ("Λ")."""
        fixed = refit(word, main)
        if fixed is None:
            return False
        if script == "greek":
            return True
        if len(word) < _MIN_DISGUISED or word.isupper():  # "XXI", "CEO", "I"
            return False
        return _known(fixed, _DICTIONARIES[main]) and not _known(word, _DICTIONARIES[script])
