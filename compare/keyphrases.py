"""Words grouped by inflection, and the key phrases a set of texts keeps coming back to.

The stemmers in compare.stem give each word several forms (Kazakh keeps every stripping
step), and two inflections of one word do not always end on the same last form ("Қазақстан"
-> "қазақс", "Қазақстанда" -> "қазақстан"). A `Lexicon` joins every word that shares a form
of three letters or more with another word of the same texts, so counts, phrases and
substitutions are keyed by word families, not by one stem that may overshoot. Keys are
comparable only within one lexicon (one language, one set of texts).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from compare.lang.rules import (
    ENGLISH_FUNCTION_WORDS,
    KAZAKH_FUNCTION_WORDS,
    RUSSIAN_FUNCTION_WORDS,
)
from compare.stem import tokens

if TYPE_CHECKING:
    from scipy.cluster.hierarchy import DisjointSet

_MIN_FORM = 3  # shorter shared forms ("ой", "ел") join unrelated words
# A stemmer may cut one inflection a letter shorter than another ("оралманы" -> "оралма",
# "оралманов" -> "оралман"); forms of at least this length that differ by a final letter join.
_MIN_OVERSHOT = 5
# Anything but spaces and hyphens between two words ends a phrase.
_PHRASE_BREAK = re.compile(r"[^\s\-‐–—'’]")


def _set(text: str) -> frozenset[str]:
    """A set from white-space-separated words: long lists stay readable."""
    return frozenset(text.split())


# Words that never make a key phrase on their own or at its edges: the function words the
# language identifier uses, plus the connectives and fillers of officialese and news.
STOP_WORDS: dict[str, frozenset[str]] = {
    "kk": KAZAKH_FUNCTION_WORDS
    | _set(
        """
        да де та те ғана ғой оның олардың соның осының сондай ақ қатар сәйкес ретінде жөнінде
        тиіс мүмкін бір екі үш жыл жылы жылғы жылдың жылдары жылдарға тағы өз өзі
        өзінің кез келген басқа қазіргі болу болған болатын болмаса бола табылады жатыр
        арасында ішінде кезде кезінде сайын бері соң қарай дейінгі атты деген дегенмен
        """
    ),
    "ru": RUSSIAN_FUNCTION_WORDS
    | _set(
        """
        не ни он от этот эта эти этого этой этих тот та те того том той тех свой своей своих
        его ее её их ему им них ней нем быть является являются году года годы лет также ещё
        еще более менее может могут должен должны очень который которая которое которой
        которому котором всех всего весь вся всем такой такие таких др г гг
        """
    ),
    "en": ENGLISH_FUNCTION_WORDS
    | _set(
        """
        a an as also its into than then these those which whose while over under more most
        such other any all each some been being may might must should could said says year
        years one two three new s
        """
    ),
}


@dataclass(frozen=True)
class Word:
    """One word of a text: its family key, its surface and whether a phrase may run into it."""

    key: str
    text: str
    start: int
    end: int
    joined: bool  # nothing but spaces or hyphens separates it from the word before
    stop: bool


class Lexicon:
    """Word families of one language, learnt from the texts given (see the module docstring)."""

    def __init__(self, texts: Iterable[str], lang: str) -> None:
        # imported here: 0.8 s that runs without term tracking need not pay
        from scipy.cluster.hierarchy import DisjointSet

        self.lang = lang
        families = DisjointSet()
        for text in texts:
            for token in tokens(text, lang):
                self._join(
                    families, [f for f in token.forms if len(f) >= _MIN_FORM] or [token.stem]
                )
        for form in list(families):
            if len(form) > _MIN_OVERSHOT and form[:-1] in families:
                families.merge(form[:-1], form)
        # The shortest form names its family.
        self._family = {
            form: min(family, key=lambda f: (len(f), f))
            for family in families.subsets()
            for form in family
        }

    @staticmethod
    def _join(families: DisjointSet, forms: Sequence[str]) -> None:
        for form in forms:
            families.add(form)
        for other in forms[1:]:
            families.merge(forms[0], other)

    def key_of(self, forms: Iterable[str], stem: str) -> str:
        """The family of a word with these forms; a word never seen keys by its own stem."""
        for form in sorted(forms, key=len):
            if form in self._family:
                return self._family[form]
        return stem

    def words(self, text: str) -> list[Word]:
        """The words of `text`, keyed by family, in text order."""
        stop = STOP_WORDS.get(self.lang, frozenset())
        out: list[Word] = []
        for token in tokens(text, self.lang):
            gap = text[out[-1].end : token.start] if out else ""
            out.append(
                Word(
                    key=self.key_of(token.forms, token.stem),
                    text=text[token.start : token.end],
                    start=token.start,
                    end=token.end,
                    joined=bool(out) and not _PHRASE_BREAK.search(gap),
                    stop=token.word in stop or len(token.word) < 2,
                )
            )
        return out

    def key(self, phrase: str) -> tuple[str, ...]:
        """The family keys of a phrase's words: equal keys name one term in any inflection."""
        return tuple(word.key for word in self.words(phrase))


@dataclass(frozen=True)
class KeyPhrase:
    """A phrase of one to three content words that recurs in the texts."""

    key: tuple[str, ...]
    text: str  # its most frequent surface form
    count: int


def phrases_in(words: Sequence[Word], max_words: int) -> Iterable[tuple[int, int]]:
    """(start, end) word ranges of every run of up to `max_words` joined content words."""
    for i in range(len(words)):
        for j in range(i, min(i + max_words, len(words))):
            if words[j].stop or (j > i and not words[j].joined):
                break
            yield i, j + 1


def key_phrases(
    texts: Iterable[str],
    lexicon: Lexicon,
    *,
    max_words: int = 3,
    min_count: int = 2,
    limit: int = 30,
) -> list[KeyPhrase]:
    """The phrases the texts repeat most, longer phrases weighted up.

    A phrase that only ever occurs inside a longer kept one (at least 3/4 of its
    occurrences) is left out: "migration policy" stands for "policy" when that is all
    "policy" ever is.
    """
    counts: Counter[tuple[str, ...]] = Counter()
    surfaces: dict[tuple[str, ...], Counter[str]] = {}
    for text in texts:
        words = lexicon.words(text)
        for i, j in phrases_in(words, max_words):
            key = tuple(w.key for w in words[i:j])
            counts[key] += 1
            surfaces.setdefault(key, Counter())[text[words[i].start : words[j - 1].end]] += 1
    ranked = sorted(
        (k for k, n in counts.items() if n >= min_count),
        key=lambda k: (-counts[k] * (1 + 0.5 * (len(k) - 1)), k),
    )
    kept: list[tuple[str, ...]] = []
    for key in ranked:
        if len(kept) == limit:
            break
        if any(_inside(key, longer) and counts[longer] >= 0.75 * counts[key] for longer in kept):
            continue
        kept.append(key)
    return [KeyPhrase(k, _usual(surfaces[k]), counts[k]) for k in kept]


def _inside(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    n = len(short)
    return n < len(long) and any(long[i : i + n] == short for i in range(len(long) - n + 1))


def _usual(forms: Counter[str]) -> str:
    """The most frequent surface form, the shortest among equals."""
    return min(forms, key=lambda f: (-forms[f], len(f), f))
