"""Passages left untranslated: a sentence in the wrong language, or the same words as another
version's text.

A version's sentences are identified one by one (`compare.lang.identify`), so one English
sentence left in a Kazakh paragraph is found. Text in none of kk, ru and en is named by
langdetect ("reads as fr"). Only versions declared in kk, ru or en are judged.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from compare.checks.base import Finding, UnitText
from compare.checks.formal.base import FormalCheck, present, span
from compare.checks.wording import names
from compare.corpus import KNOWN_LANGS
from compare.lang.identify import identify_unless
from compare.lang.models import name_language
from compare.lang.script import words
from compare.lang.split import split_sentences

_NON_SPACE = re.compile(r"\S+")
# A short quoted stretch is a name (an award "Алтын белгі", a programme, a company): the
# official versions keep it in its own language, so it is left out before identifying.
_QUOTED = re.compile(r"[\"«“„]([^\"«»“”„]{1,80})[\"»”“]")
_NAME_WORDS = 6
_MIN_WORDS = 4  # shorter sentences are names, titles, figures: too little to judge
_MIN_LETTERS = 20
_SURE = 0.75  # identification confidence above which a sentence is taken as written in its guess


def sentence_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """Where each sentence of `text` is (split_sentences collapses the white space inside):
    found in the text with its white space collapsed the same way, then mapped back."""
    pieces = list(_NON_SPACE.finditer(text))
    collapsed = " ".join(m[0] for m in pieces)
    starts = list(accumulate((len(m[0]) + 1 for m in pieces[:-1]), initial=0))

    def where(at: int) -> int:
        """The text's index of a collapsed character (or of the space after its piece)."""
        k = bisect_right(starts, at) - 1
        return pieces[k].start() + at - starts[k]

    spans, at = [], 0
    for sentence in split_sentences(text, lang):
        wanted = " ".join(sentence.split())
        found = collapsed.find(wanted, at) if wanted else -1
        if found >= 0:
            at = found + len(wanted)
            spans.append((where(found), where(at - 1) + 1))
    return spans


def without_names(sentence: str) -> str:
    """The sentence without its quoted names (short quoted stretches, see _QUOTED)."""
    return _QUOTED.sub(lambda m: " " if len(words(m[1])) <= _NAME_WORDS else m[0], sentence)


def _plain(text: str) -> str:
    """The text's words, with a space either side of each (whole words are found in it)."""
    return f" {' '.join(words(text))} "


class UntranslatedCheck(FormalCheck):
    """Flags sentences that read as another language or copy another version's text."""

    name = "untranslated"
    threshold_names = ("min_words", "sure")
    min_words = _MIN_WORDS
    sure = _SURE

    def check_unit(self, unit: UnitText) -> list[Finding]:
        keys = present(unit)
        plain = {key: _plain(unit.texts[key]) for key in keys}
        findings = []
        for key in keys:
            lang = self.lang(key)
            if lang not in KNOWN_LANGS:
                continue
            others = [k for k in keys if self.lang(k) != lang]
            for start, end in sentence_spans(unit.texts[key], lang):
                sentence = unit.texts[key][start:end]
                found = self._sentence(unit, key, lang, start, end, sentence, plain, others)
                if found:
                    findings.append(found)
        return findings

    def _sentence(self, unit, key, lang, start, end, sentence, plain, others) -> Finding | None:
        own = without_names(sentence)
        tokens = words(own)
        if len(tokens) < self.min_words or sum(map(len, tokens)) < _MIN_LETTERS:
            return None
        copied = [k for k in others if f" {' '.join(tokens)} " in plain[k]]
        # A sentence not copied is flagged only when its guess is sure (the model is then
        # asked about fewer sentences).
        guess = identify_unless(own, lang, at_least=0.0 if copied else self.sure)
        if guess is None:
            return None
        wrong = guess.confidence >= self.sure
        if not (copied or wrong):
            return None
        reads = guess.lang if guess.lang != "other" else name_language(sentence)
        said = f"reads as {reads}" if wrong and reads else "is not in " + lang
        message = f"A sentence in {key} {said}" + (
            f" and is the same as in {names(copied)}." if copied else "."
        )
        spans = [span(unit, key, start, end)]
        return self.finding(
            unit,
            [key, *copied],
            message,
            spans,
            kind="untranslated",
            confidence=max(guess.confidence if wrong else 0.0, 0.9 if copied else 0.0),
            severity="major" if copied or guess.confidence >= 0.9 else "minor",
            suggestion=f"Translate it into {lang}.",
        )
