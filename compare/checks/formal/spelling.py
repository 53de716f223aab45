"""Words that the language's Hunspell dictionary does not know.

Only what is likely a typo, with the word meant close by, is flagged (minor): words with a
capital (names, abbreviations, sentence starts), short words, words beside digits, words in
another alphabet, words that another version of the group also has in either alphabet (names,
terms: "akimat", "акимат") and words the version uses more than once (its own terms) are left
alone.

The Kazakh dictionary (hunspell-kk) knows stems but few of the forms an agglutinative
language builds from them: on NTREX one Kazakh word in five is unknown to it. A Kazakh word
therefore counts as known when a dictionary (Kazakh, or Russian for loanwords) knows a stem
of it, at least half of the word; and an unknown Kazakh word is flagged only when it is one
letter away from a known word that the same version uses elsewhere ("оқрымандар" beside
"оқырмандар"), which is a typo, not a form the dictionary lacks.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence

from anyascii import anyascii
from rapidfuzz.distance import DamerauLevenshtein

from compare.checks.base import Finding, UnitText
from compare.checks.formal.base import FormalCheck, span
from compare.checks.formal.scripts import script_of
from compare.lang.formal import ALPHABETS, KAZAKH_VOICED_FINALS
from compare.lang.spelling import Speller, speller, to_stderr

_WORD = re.compile(r"(?<![\w\-.@/])[^\W\d_]+(?:['’][^\W\d_]+)*(?![\w@/]|\.\w)")
_SCRIPT = {"kk": "cyrillic", "ru": "cyrillic", "en": "latin"}
_ALSO = {"kk": ("ru",)}  # dictionaries that also vouch for a language's words
_MIN_LENGTH = 3
_STEM_SHARE = 0.5  # the shortest Kazakh stem that vouches for a word, as a share of the word
_MIN_STEM = 3


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def _ends(word: str, size: int | None = None) -> tuple[tuple[int, str, str], ...]:
    """What a word is filed under: its length (or `size`) with its first letter, and with its
    last. A word one typo away from a word of three letters or more keeps its first letter or
    its last (a typo changes one letter or two side by side), and its length is one more or
    less at most."""
    size = len(word) if size is None else size
    return (size, word[0], ""), (size, "", word[-1])


def _by_ends(words: Iterable[str]) -> dict[tuple[int, str, str], list[str]]:
    """The words under each of their _ends."""
    out: dict[tuple[int, str, str], list[str]] = {}
    for word in words:
        for end in _ends(word):
            out.setdefault(end, []).append(word)
    return out


class SpellingCheck(FormalCheck):
    """Flags lower-case words unknown to the kk, ru or en Hunspell dictionary."""

    name = "spelling"

    def __init__(self, langs=None, announce: Callable[[str], None] = to_stderr) -> None:
        super().__init__(langs)
        self.announce = announce
        self._common: dict[str, set[str]] = {}
        # Each version's words by _ends: a word's near words are a few of a long law's thousands.
        self._vocabulary: dict[str, dict[tuple[int, str, str], list[str]]] = {}

    def run(self, units: Sequence[UnitText]) -> list[Finding]:
        counts: dict[str, Counter[str]] = {}
        for unit in units:
            for key, text in unit.texts.items():
                counts.setdefault(key, Counter()).update(_words(text))
        self._vocabulary = {key: _by_ends(c) for key, c in counts.items()}
        # Words of other versions count in any alphabet: "akimat" is "акимат" in Latin letters.
        self._common = {
            key: {w for w, n in c.items() if n > 1}
            | {anyascii(w) for other, oc in counts.items() if other != key for w in oc}
            for key, c in counts.items()
        }
        return super().run(units)

    def check_unit(self, unit: UnitText) -> list[Finding]:
        findings = []
        for key, text in unit.texts.items():
            lang = self.lang(key)
            if lang not in _SCRIPT:
                continue
            spellers = [speller(code, self.announce) for code in (lang, *_ALSO.get(lang, ()))]
            if spellers[0] is None:
                continue
            known = [s for s in spellers if s is not None]
            for match in _WORD.finditer(text):
                word = match.group().replace("’", "'")
                if self._skip(word, key, lang) or _known(word, lang, known):
                    continue
                fix = self._fix(word, key, lang, known)
                if fix is None:
                    continue
                findings.append(
                    self.finding(
                        unit,
                        [key],
                        f"{word!r} is not in the {lang} dictionary"
                        + (f"; the text has {fix!r} elsewhere." if lang == "kk" else "."),
                        [span(unit, key, match.start(), match.end())],
                        kind="spelling",
                        confidence=0.5,
                        suggestion=f"{fix!r}?" if fix else None,
                    )
                )
        return findings

    def _skip(self, word: str, key: str, lang: str) -> bool:
        # Cheapest first: most words of a long text are used more than once (its own words).
        common = self._common.get(key, ())
        return (
            len(word) < _MIN_LENGTH
            or word.lower() != word
            or word in common
            or any(script_of(c) != _SCRIPT[lang] for c in word if c != "'")
            or anyascii(word) in common
        )

    def _fix(self, word: str, key: str, lang: str, known: list[Speller]) -> str | None:
        """The word meant, if the word looks like a typo of it: for Kazakh, a known word of the
        same version one letter away (the first in alphabetical order); otherwise the first
        word one letter away that the dictionary knows (an unknown word with none is a rare
        word or a form the dictionary lacks: "инклюзивными", "карильона"). Trying those words
        takes a few milliseconds where Hunspell's own suggestions take 0.1-0.3 s a word."""
        if lang != "kk":
            return next(
                (w for w in one_letter_away(word, ALPHABETS[lang]) if known[0].spell(w)), None
            )
        filed = self._vocabulary.get(key, {})
        may = {
            other
            for size in (len(word) - 1, len(word), len(word) + 1)
            for end in _ends(word, size)
            for other in filed.get(end, ())
        }
        near = (
            other
            for other in sorted(may)
            if DamerauLevenshtein.distance(word, other, score_cutoff=1) == 1
            and _known(other, lang, known)
        )
        return next(near, None)


def one_letter_away(word: str, alphabet: str) -> Iterator[str]:
    """Words one typo from `word`, likeliest first: two letters swapped, a letter dropped, a
    letter replaced, a letter added."""
    cuts = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    yield from (a + b[1] + b[0] + b[2:] for a, b in cuts if len(b) > 1 and b[0] != b[1])
    yield from (a + b[1:] for a, b in cuts if b)
    yield from (a + c + b[1:] for a, b in cuts if b for c in alphabet if c != b[0])
    yield from (a + c + b for a, b in cuts for c in alphabet)


def _known(word: str, lang: str, spellers: list[Speller]) -> bool:
    """Whether a dictionary knows the word, or for Kazakh a stem of at least half of it (the
    stem's last consonant as the dictionary spells it: "аймағ" as "аймақ")."""
    if any(s.spell(word) for s in spellers):
        return True
    if lang != "kk":
        return False
    shortest = max(_MIN_STEM, -(-len(word) * _STEM_SHARE // 1))
    for end in range(len(word) - 1, int(shortest) - 1, -1):
        stem = word[:end]
        plain = stem[:-1] + KAZAKH_VOICED_FINALS.get(stem[-1], stem[-1])
        forms = (stem,) if plain == stem else (stem, plain)
        if any(s.spell(form) for s in spellers for form in forms):
            return True
    return False
