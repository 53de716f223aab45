"""Replaced or mistranslated words: a concept the other versions render and one version lacks.

Evidence is the lexicon's (see checks.counterparts): with three languages, two versions hold a
pair of words the lexicon links and the third holds neither word's counterparts. One such
concept lacking is a replaced word; two or more are the gap check's (a dropped phrase). The
finding names the lacking version and the words it lacks, and points at the word of that
version that stands there instead: one whose own counterparts are missing everywhere else, or
else the word at the same relative place in the sentence.
"""

from __future__ import annotations

from collections.abc import Sequence

from compare.checks.base import Finding, Span, UnitText
from compare.checks.counterparts import (
    Lack,
    LexiconCheck,
    UnitEvidence,
    Word,
    quoted,
    word_span,
)
from compare.checks.similarity import text_of


def stand_in(unit: UnitText, key: str, lacking: Lack, evidence: UnitEvidence) -> Span | None:
    """The word of version `key` that seems to stand where the lacking concept should: one
    whose counterparts are missing from every other version, or else, of the words no other
    version accounts for, the one nearest the concept's place in the sentence."""
    unmatched = evidence.unmatched.get(key, ())
    if unmatched:
        return word_span(unit, max(unmatched, key=lambda w: w.reliability))
    loose = evidence.unaccounted.get(key, ())
    if not loose:
        return None
    holder = lacking.words[0]
    place = holder.token.start / max(len(text_of(unit, holder.key)), 1)
    length = max(len(text_of(unit, key)), 1)
    return word_span(unit, min(loose, key=lambda w: abs(w.token.start / length - place)))


class ReplacedWordCheck(LexiconCheck):
    """Flags a version lacking one concept that the other versions render (see module doc).

    `min_strength`: the least reliability of the words that lack their counterpart.
    Keys of UnitText.texts are languages unless `langs` maps them to one.
    """

    name = "replaced"
    threshold_names = ("min_strength",)

    def run(self, units: Sequence[UnitText]) -> list[Finding]:
        """One finding per unit: where two versions each lack one concept (two languages: a
        word put in another's place breaks the lexicon both ways), the surer lack."""
        best: dict[int, tuple[float, UnitText, str, UnitEvidence, Lack]] = {}
        for unit, key, found, lacks in self.lacking(units):
            if len(lacks) == 1 and lacks[0].strength > best.get(unit.unit, (-1.0,))[0]:
                best[unit.unit] = (lacks[0].strength, unit, key, found, lacks[0])
        return [
            self._finding(unit, key, lack, found) for _, unit, key, found, lack in best.values()
        ]

    def _finding(self, unit: UnitText, key: str, lack: Lack, evidence: UnitEvidence) -> Finding:
        instead = stand_in(unit, key, lack, evidence)
        words: Sequence[Word] = lack.words
        message = f"{key} has no counterpart of {quoted(words, unit)}"
        if instead is not None:
            message += f"; '{instead.text}' may stand in its place"
        spans = tuple(word_span(unit, w) for w in words) + ((instead,) if instead else ())
        return Finding(
            check=self.name,
            severity="minor",
            confidence=round(min(0.95, lack.strength), 2),
            unit=unit.unit,
            langs=(key, *lack.holders),
            message=message + ".",
            spans=spans,
            details={
                "kind": "replaced",
                "lang": key,
                "lacks": {w.key: word_span(unit, w).text for w in words},
                "word": instead.text if instead else None,
                "strength": round(lack.strength, 3),
            },
        )
