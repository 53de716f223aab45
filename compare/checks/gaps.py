"""Dropped or added phrases inside a unit, located by the words whose counterparts are missing.

A version that lacks two or more concepts the other versions render (see checks.counterparts)
dropped a phrase: the finding quotes the stretch of another version those words span. Fewer of
them need be sure when they stand together: a run of another version's words with none between
them whose counterpart the version holds is a dropped phrase too when one of them is surely
missing and either MIN_WORDS of them are known to be missing or the run has RUN_WORDS words,
counting those nothing in the version accounts for (one clause cut from a long sentence leaves
such a run; words a free translation renders otherwise are scattered). So is a parenthetical
of another version, where the version has fewer of them, none of whose words it renders and
MIN_WORDS of whose concepts are known to be missing or unaccounted for (a bracket is one
phrase, however few of its words the lexicon is sure of). A version with two or
more words whose counterparts are missing from every other version added one. Words are
counted as concepts: a word said twice is one (a term repeated is not a phrase). An added
phrase is read only where three or more versions meet: with two, the words one adds are the
words the other lacks, a dropped phrase found from the other side when it is one (read on the
untouched laws, the added phrases of two versions were words of free renderings).

Two things a free rendering does are no dropped phrase (read on the untouched laws): a word
whose counterpart the lacking version says in the other half of a list's sentence (the
list's lead-in or its end: Kazakh says a Russian lead-in's predicate after the last sub-point)
is not lacking; and where each version lacks words of the other, only the one lacking more
concepts dropped a phrase.

The confidence a finding prints is the share of such findings that proved real (CALIBRATION),
by two features that tell a dropped phrase from a free rendering: how many concepts the version
lacks, and whether it is shorter than the run's versions are to each other (SHORTER). An added
phrase (three versions or more, not measured) reads the same table from the other side: the
words it adds and whether the other versions are the shorter.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from compare.checks.base import Finding, Span, UnitText
from compare.checks.counterparts import (
    MIN_STRENGTH,
    Forms,
    Lack,
    LexiconCheck,
    UnitEvidence,
    Word,
    content_words,
    quoted,
    rendered_in,
    strong_lacks,
)
from compare.checks.neighbours import list_partners
from compare.checks.similarity import text_of
from compare.lexicon.learn import Lexicon

_BRACKETED = re.compile(r"\([^()]*\)")  # a parenthetical
MIN_WORDS = 2  # concepts (dropped) or words (added) that make a phrase
RUN_WORDS = 4  # words of a run, known to be missing or unaccounted for, that make a phrase
ADDED_VERSIONS = 3  # versions a unit needs for a phrase one of them adds to be read
SHORTER = 0.9  # a version with fewer words than this share of what the run's ratio predicts
# The share of findings real, by [shorter][concepts lacking: 1, 2, 3, 4 or more], as (real + 1)
# / (findings + 2) of what bench/word_confidence.py --drift --half tune counted over seeds 0-5
# (2026-11; the tune half of the 12 smallest laws, a comma-delimited clause dropped from one
# unit in twenty; 2,496 findings, 815 real: on the injected unit, naming its version). Counted:
# not shorter 8/199, 54/850, 37/173, 58/119; shorter 11/89, 163/463, 128/201, 356/402. A
# finding on an untouched unit counts as noise there, as all 48 read on the untouched laws of
# that half were. A faithful translation has fewer real ones than one unit in twenty: there
# these shares are upper bounds.
CALIBRATION = {False: (0.04, 0.06, 0.22, 0.49), True: (0.13, 0.35, 0.64, 0.88)}


def concepts(words: Sequence[Word]) -> int:
    """How many concepts `words` stand for: a word said twice counts once."""
    return len({w.token.stem for w in words})


def calibrated(lacking: int, shorter: bool) -> float:
    """The share of findings real with `lacking` concepts lacking (see CALIBRATION)."""
    row = CALIBRATION[shorter]
    return row[min(max(lacking, 1), len(row)) - 1]


def words_in(unit: UnitText, key: str) -> int:
    """How many words one version of the unit has."""
    return len(text_of(unit, key).split())


def stretch(unit: UnitText, words: Sequence[Word]) -> Span:
    """The stretch of one version's text from the first to the last of `words`."""
    key = words[0].key
    start = min(w.token.start for w in words)
    end = max(w.token.end for w in words)
    return Span(key, start, end, text_of(unit, key)[start:end])


def short(unit: UnitText, key: str, other: str, sizes: Mapping[str, int]) -> bool:
    """Whether version `key` of the unit has fewer words than SHORTER of what version `other`'s
    predict, by the two versions' words over the whole run (`sizes`)."""
    expected = words_in(unit, other) * sizes.get(key, 0) / max(sizes.get(other, 0), 1)
    return words_in(unit, key) < SHORTER * expected


def outweighed(finding: Finding, here: Sequence[Finding]) -> bool:
    """Whether the version a dropped phrase is missing from lacks as many concepts or more of the
    version `finding` names: each rendering the unit freely says what the other lacks, which is
    no dropped phrase unless one lacks more (a dropped clause, beside the free rendering)."""
    lang, other = finding.details["lang"], finding.spans[0].lang
    return any(
        g.details["kind"] == "dropped"
        and g.details["lang"] == other
        and g.spans[0].lang == lang
        and g.details["lacking"] >= finding.details["lacking"]
        for g in here
    )


class GapCheck(LexiconCheck):
    """Flags a phrase one version drops or adds (see module doc).

    `min_strength`: the least reliability of a word counted as evidence; `min_words`: concepts
    lacking (or words unmatched) that make a phrase. Keys of UnitText.texts are languages
    unless `langs` maps them to one.
    """

    name = "gap"
    threshold_names = ("min_strength", "min_words")

    def __init__(
        self,
        lexicon: Lexicon,
        langs: Mapping[str, str] | None = None,
        min_strength: float = MIN_STRENGTH,
        min_words: int = MIN_WORDS,
    ) -> None:
        super().__init__(lexicon, langs, min_strength)
        self.min_words = min_words

    def run(self, units: Sequence[UnitText]) -> list[Finding]:
        """Dropped and added phrases; a unit where one version dropped a phrase gets no added
        one (with two versions, the words one drops are the words the other adds)."""
        findings: dict[int, list[Finding]] = {}
        sizes: dict[str, int] = {}
        for unit in units:
            for key in unit.texts:
                sizes[key] = sizes.get(key, 0) + words_in(unit, key)
        rows = {unit.unit: row for row, unit in enumerate(units)}
        for unit, key, found, lacks in self.lacking(units):
            here = findings.setdefault(unit.unit, [])
            every = strong_lacks(found, key, 0.0)
            # the other half of a list's sentence, in the version lacking the words
            partners = list_partners(units, rows[unit.unit]) if every else []
            text = " ".join(text_of(units[r], key) for r in partners)
            elsewhere = Forms(content_words(text, self.langs.get(key, key))) if text else None
            lacks = [lack for lack in lacks if self.concept(lack.words[0], key, elsewhere)]
            holder = [lack.words[0] for lack in lacks]
            if concepts(holder) < self.min_words:
                every = [lack for lack in every if self.concept(lack.words[0], key, elsewhere)]
                lacks, holder = self.run_of(found, key, every)
            if not lacks:
                lacks, holder = self.bracketed(unit, found, key, every)
            if holder:
                lacking = concepts([lack.words[0] for lack in lacks])
                shorter = short(unit, key, holder[0].key, sizes)
                here.append(self._finding(unit, key, "dropped", holder, lacking, shorter))
                continue
            if len(found.lacks) < ADDED_VERSIONS:
                continue
            added = [w for w in found.unmatched.get(key, ()) if w.reliability >= self.min_strength]
            if concepts(added) >= self.min_words:
                longer = all(short(unit, k, key, sizes) for k in found.lacks if k != key)
                here.append(self._finding(unit, key, "added", added, concepts(added), longer))
        return [
            f
            for here in findings.values()
            for f in here
            if (f.details["kind"] == "dropped" and not outweighed(f, here))
            or not any(g.details["kind"] == "dropped" for g in here)
        ]

    def concept(self, word: Word, key: str, elsewhere: Forms | None) -> bool:
        """Whether version `key` lacking `word` counts as a concept dropped: not when `elsewhere`
        (the words of the other half of a list's sentence in version `key`) hold a counterpart:
        Kazakh says a Russian lead-in's predicate after the list."""
        lang, other = self.langs.get(word.key, word.key), self.langs.get(key, key)
        return elsewhere is None or not rendered_in(self.lexicon, word, lang, other, elsewhere)

    def run_of(
        self, evidence: UnitEvidence, key: str, lacks: Sequence[Lack]
    ) -> tuple[list[Lack], list[Word]]:
        """The longest run of another version's words that `key` renders none of (see module
        doc), `lacks` the concepts it lacks at any strength: the concepts it lacks there and all
        the run's words; ([], []) when no run has a sure lack and MIN_WORDS lacking concepts or
        RUN_WORDS words."""
        if not lacks:
            return [], []
        holder = lacks[0].words[0].key
        mine = {lack.words[0].token.start: lack for lack in lacks if lack.words[0].key == holder}
        loose = [w for w in evidence.unaccounted.get(holder, ()) if w.token.start not in mine]
        words = sorted(
            [*(lack.words[0] for lack in mine.values()), *loose], key=lambda w: w.token.start
        )
        held = sorted(evidence.matched.get((holder, key), ()))
        runs: list[list[Word]] = [[words[0]]]
        for word in words[1:]:
            after = runs[-1][-1].token.start
            if any(after < start < word.token.start for start in held):
                runs.append([word])
            else:
                runs[-1].append(word)
        for run in sorted(runs, key=len, reverse=True):
            lacking = [mine[w.token.start] for w in run if w.token.start in mine]
            if not any(lack.strength >= self.min_strength for lack in lacking):
                continue
            if concepts([lack.words[0] for lack in lacking]) >= self.min_words or (
                concepts(run) >= RUN_WORDS
            ):
                return lacking, run
        return [], []

    def bracketed(
        self, unit: UnitText, evidence: UnitEvidence, key: str, lacks: Sequence[Lack]
    ) -> tuple[list[Lack], list[Word]]:
        """A bracketed stretch of another version that version `key` renders none of, where
        `key` has fewer bracketed stretches: the concepts it lacks there (`lacks`: at any
        strength) and the stretch's words, MIN_WORDS concepts or more known to be missing or
        unaccounted for; ([], []) when there is none. A parenthetical ("(управляющим и т.п.)")
        is one phrase however few of its words the lexicon is sure of."""
        own = len(_BRACKETED.findall(text_of(unit, key)))
        for other in evidence.unaccounted:
            text = text_of(unit, other)
            if other == key or len(_BRACKETED.findall(text)) <= own:
                continue
            mine = {lack.words[0].token.start: lack for lack in lacks if lack.words[0].key == other}
            loose = [w for w in evidence.unaccounted[other] if w.token.start not in mine]
            words = sorted(
                [*(lack.words[0] for lack in mine.values()), *loose], key=lambda w: w.token.start
            )
            held = evidence.matched.get((other, key), frozenset())
            for stretch in _BRACKETED.finditer(text):
                inside = [w for w in words if stretch.start() < w.token.start < stretch.end()]
                if concepts(inside) >= self.min_words and not any(
                    stretch.start() < start < stretch.end() for start in held
                ):
                    return [mine[w.token.start] for w in inside if w.token.start in mine], inside
        return [], []

    def _finding(
        self,
        unit: UnitText,
        key: str,
        kind: str,
        words: Sequence[Word],
        lacking: int,
        shorter: bool,
    ) -> Finding:
        """A dropped (or added) phrase of `words`; `lacking`: the concepts it lacks (adds),
        `shorter`: whether the version lacking them is the shorter (see CALIBRATION)."""
        span = stretch(unit, words)
        if kind == "dropped":
            message = (
                f"{key} lacks a phrase: no counterpart of {quoted(words, unit)} in '{span.text}'"
            )
        else:
            message = f"{key} adds a phrase: {quoted(words, unit)} have no counterpart elsewhere"
        return Finding(
            check=self.name,
            severity="minor",
            confidence=calibrated(lacking, shorter),
            unit=unit.unit,
            langs=(key,) if kind == "added" else (key, span.lang),
            message=message + ".",
            spans=(span,),
            details={
                "kind": kind,
                "lang": key,
                "words": [w.token.word for w in words],
                "lacking": lacking,
                "shorter": shorter,
            },
        )
