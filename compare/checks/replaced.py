"""Replaced or mistranslated words: a concept the other versions render and one version lacks.

Evidence is the lexicon's (see checks.counterparts): with three languages, two versions hold a
pair of words the lexicon links and the third holds neither word's counterparts. One such
concept lacking is a replaced word (or two, MAX_LACKS: a word rendered loosely often lacks its
counterpart beside the replaced one); more are the gap check's (a dropped phrase). The
finding names the lacking version and the words it lacks, and points at the word of that
version that stands there instead: one whose own counterparts are missing everywhere else, or
else the word at the same relative place in the sentence.

With two versions the lack alone does not say which one is at fault: a word put in another's
place leaves each version without the other's counterpart, or leaves the right one looking
lacking when only the new word is known. The version at fault is the one holding the word that
is unusual where it stands (checks.collocations): of the words no other version accounts for,
the one whose neighbours are least often its neighbours elsewhere in the text. When the other
version holds such a word with no support at all and the lacking version's words all have some,
the other version is named, with that word; so it is when the word whose counterpart is lacking
has no support itself and the lacking version has a word in its place (a word put in by
mistake is the one out of place, and the version that lacks its counterpart is the faithful
one; a version with nothing in its place left a word out). A version lacking two concepts is
named only when one of the two versions holds a word with no support (a replaced word is out
of place; a word rendered freely is not). With two versions, a version lacking one concept is
not named either when every word of it that no other version accounts for stands where its
neighbours stand elsewhere in the text: that is a free rendering, not a replaced word. A word
rendered otherwise (checks.counterparts) lacks nothing: another rendering is not a replaced word.

With two versions the confidence a finding prints is the share of such findings that proved
real (CALIBRATION); a lack two versions confirm (three or more versions) prints the word's
strength, capped at 0.95, not yet measured.
"""

from __future__ import annotations

from collections.abc import Sequence

from compare.checks import counterparts
from compare.checks.base import Finding, Span, UnitText
from compare.checks.collocations import Pairs, group_pairs, intrudes, support
from compare.checks.counterparts import (
    Lack,
    LexiconCheck,
    UnitEvidence,
    Word,
    quoted,
    word_span,
)
from compare.checks.similarity import text_of, version_keys

MAX_LACKS = 2  # concepts a version may lack for one replaced word (a second is often loose)
# The least reliability of the word a flag rests on when two versions are compared, tuned on
# the laws' tune half (bench/laws_drift.py): lower than for a lack two versions confirm, since
# with two versions a lack where every word stands in its usual company is passed over.
MIN_STRENGTH = 0.75
CONFIRMED_STRENGTH = counterparts.MIN_STRENGTH  # a lack two versions confirm (tuned on NTREX dev)
STRONG = 0.9  # the strength above which a two-version finding is more often real
# With two versions, the share of findings real by what the finding rests on (the word at
# fault is the other version's, `intruder`; a stand-in was found in the lacking version; or
# neither) and whether its strength is STRONG or more, as (real + 1) / (findings + 2) of what
# bench/word_confidence.py --check replaced --drift --half tune counted (the tune half of the
# 12 smallest laws, a content word replaced by one from another law in one unit in twenty;
# 1,022 findings, 107 real: on the injected unit, naming its version): intruder 16/321,
# 12/142; stand-in 18/276, 61/230; neither 0/37, 0/16.
CALIBRATION = {
    "intruder": (0.05, 0.09),
    "stand-in": (0.07, 0.27),
    "neither": (0.03, 0.06),
}


def calibrated(lack: Lack, intruder: bool, found: bool) -> float:
    """The confidence of a finding resting on `lack` (see CALIBRATION): `intruder`, the word
    at fault is the other version's; `found`, a stand-in was found."""
    if len(lack.holders) > 1:
        return round(min(0.95, lack.strength), 2)
    rests = "intruder" if intruder else "stand-in" if found else "neither"
    return CALIBRATION[rests][lack.strength >= STRONG]


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


def unusual(
    pairs: Pairs,
    unit: UnitText,
    keys: Sequence[str],
    evidence: UnitEvidence,
    langs: dict[str, str],
) -> Word | None:
    """Of the words of versions `keys` that no other version matches or accounts for, the
    least usual where it stands (see checks.collocations)."""
    words = [
        w
        for key in keys
        for w in (*evidence.unmatched.get(key, ()), *evidence.unaccounted.get(key, ()))
    ]
    return min(words, key=lambda w: usual(pairs, unit, w, langs), default=None)


def usual(pairs: Pairs, unit: UnitText, word: Word, langs: dict[str, str]) -> int:
    """A word's support where it stands (see checks.collocations)."""
    return support(pairs, unit, word.key, langs[word.key], word.token.start)


class ReplacedWordCheck(LexiconCheck):
    """Flags a version lacking one concept that the other versions render (see module doc).

    `min_strength`: the least reliability of the words that lack their counterpart;
    `confirmed_strength`: the same for a concept two versions hold (three languages).
    Keys of UnitText.texts are languages unless `langs` maps them to one.
    """

    name = "replaced"
    threshold_names = ("min_strength", "confirmed_strength")
    default_strength = MIN_STRENGTH
    confirmed_strength: float = CONFIRMED_STRENGTH

    def run(self, units: Sequence[UnitText]) -> list[Finding]:
        """One finding per unit: where two versions each lack one concept (two languages: a
        word put in another's place breaks the lexicon both ways), the surer lack, on the
        version that holds the less usual word (see module doc)."""
        keys = version_keys(units)
        langs = {k: self.langs.get(k, k) for k in keys}
        pairs = group_pairs(units, keys, langs)
        best: dict[int, tuple[float, UnitText, str, UnitEvidence, Lack, int]] = {}
        for unit, key, found, lacks in self.lacking(units):
            lacks = [
                lack
                for lack in lacks
                if len(lack.holders) == 1 or lack.strength >= self.confirmed_strength
            ]
            if 1 <= len(lacks) <= MAX_LACKS and lacks[0].strength > best.get(unit.unit, (-1.0,))[0]:
                best[unit.unit] = (lacks[0].strength, unit, key, found, lacks[0], len(lacks))
        out = []
        for _, unit, key, found, lack, n in best.values():
            theirs = unusual(pairs, unit, lack.holders, found, langs)
            mine = unusual(pairs, unit, (key,), found, langs)
            if (
                len(lack.holders) == 1
                and usual(pairs, unit, lack.words[0], langs) == 0
                and stand_in(unit, key, lack, found) is not None
            ):
                out.append(self._added(unit, key, lack, lack.words[0], found))
            elif (
                len(lack.holders) == 1
                and theirs is not None
                and mine is not None
                and intrudes(pairs, unit, langs, word_span(unit, theirs), word_span(unit, mine))
            ):
                out.append(self._added(unit, key, lack, theirs, found))
            elif (mine is not None and usual(pairs, unit, mine, langs) == 0) or (
                n == 1 and (mine is None or len(lack.holders) > 1)
            ):
                out.append(self._finding(unit, key, lack, found))
        return out

    def _added(
        self, unit: UnitText, key: str, lack: Lack, intruder: Word, evidence: UnitEvidence
    ) -> Finding:
        """The version holding `intruder` is at fault: its word has no counterpart in `key`
        and stands where it seldom stands elsewhere in the text."""
        word = word_span(unit, intruder)
        instead = stand_in(unit, key, lack, evidence)
        message = (
            f"{intruder.key} '{word.text}' has no counterpart in {key} and seldom stands beside "
            "these words elsewhere in the text"
        )
        if instead is not None:
            message += f"; it may stand in place of what {key} renders as '{instead.text}'"
        return Finding(
            check=self.name,
            severity="minor",
            confidence=calibrated(lack, True, instead is not None),
            unit=unit.unit,
            langs=(intruder.key, key),
            message=message + ".",
            spans=(word,) + ((instead,) if instead else ()),
            details={
                "kind": "replaced",
                "lang": intruder.key,
                "lacks": {key: instead.text if instead else None},
                "word": word.text,
                "strength": round(lack.strength, 3),
                "intruder": True,
                "stand_in": instead is not None,
            },
        )

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
            confidence=calibrated(lack, False, instead is not None),
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
                "intruder": False,
                "stand_in": instead is not None,
            },
        )
