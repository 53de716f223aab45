"""Meaning drift: a unit whose versions do not say the same thing.

Each pair of versions gets a margin (its cosine minus the best cosine either side has with
another unit of the document) divided by the document's median margin, so 1 is a typical unit
of this document and 0 or less means another sentence fits better. In laws (units with a
structure path) many correct units have a margin a little below 0, because a sentence sharing
their vocabulary fits about as well; there a unit is major only when its margin is also far
below the document's own spread of margins, and the confidence is what such majors proved to be
when read (LAW_CONFIDENCE). A version is
suspect when all its pairs are weak while the other versions still agree (the odd one out); with two
versions, or when no version stands out, the whole unit is named. The phrase of the suspect
whose removal brings it closest to the others is shown as the span (see `leaveout`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

import numpy as np

from compare.checks.base import Check, Finding, Span, UnitText, in_structure
from compare.checks.leaveout import budget_chars, gains, pieces_of, within_budget
from compare.checks.neighbours import list_seam
from compare.checks.similarity import (
    PairScores,
    embed_versions,
    pair_scores,
    text_of,
    version_keys,
)
from compare.checks.wording import names, whole


def weakest_version(
    pairs: dict[tuple[str, str], PairScores],
    row: int,
    keys: Sequence[str],
    langs: Mapping[str, str],
) -> tuple[float, str | None, float, float]:
    """(score, suspect, rest, standing) of one unit: the score of the weakest version (the
    best of its relative margins), that version when it may be the odd one out, how well the
    rest agree, and the best standing (robust z of the margin) of the weakest version's pairs.
    A version is never odd merely for being in another language than all the rest: two
    versions in one language always agree more than either does with a translation."""
    scores = {}
    for key in keys:
        own = [p.relative[row] for p in pairs.values() if key in (p.a, p.b)]
        rest = [p.relative[row] for p in pairs.values() if key not in (p.a, p.b)]
        standing = max(p.standing[row] for p in pairs.values() if key in (p.a, p.b))
        scores[key] = (max(own), min(rest) if rest else np.nan, standing)
    key = min(scores, key=lambda k: scores[k][0])
    others = {langs.get(k, k) for k in keys if k != key}
    alone = len(others) == 1 and langs.get(key, key) not in others and len(keys) > 2
    score, rest, standing = scores[key]
    return score, None if alone else key, rest, standing


# Read on the untouched official texts of 17 laws (README, "Laws"), none of the 22 meaning majors
# printed at 0.80-0.87 was a slip of the translation and 1 was a real difference (a rewritten
# edition); (1 + 1) / (22 + 2) rounds to 0.1. So in a structured text a meaning major prints
# that, and a minor half of it.
LAW_CONFIDENCE = 0.1
# The checks whose finding on the same unit confirms a meaning flag in a structured text: each
# reads other evidence (a clause left out, a number, a missing part, a word's counterpart).
CONFIRMING = frozenset({"omission", "numbers", "structure", "terms", "replaced", "gap"})


class MeaningCheck(Check):
    """Flags units whose versions match each other less than the document's other units do.

    `k`: neighbours a margin is taken against; `major` / `minor`: relative-margin thresholds;
    `far`: how many robust standard deviations below the document's typical margin a major
    unit's margin must also lie in a structured text;
    `odd`: how much better the other versions must agree among themselves for one version to
    be named; `min_words`: units whose longest version is shorter (keywords, names) carry too
    little text for an embedding to judge, and are left to the terms check; a unit with any
    version shorter (a fragment against a sentence) is minor at most. `budget`: the leave-out
    that finds the span embeds at most this many shortened characters per character of the
    group's text (see leaveout.budget_chars; None: no limit), spent on the lowest scores first;
    the other flagged units name their whole text. It only places the span (on law_on_banks
    0.05 leaves out 105 of the 496 flagged units that have clauses).
    Keys of UnitText.texts are languages unless `langs` maps them to one (two
    editions in one language: `langs={"2017": "ru", "2023": "ru"}`).
    """

    name = "meaning"
    threshold_names = ("k", "major", "minor", "far", "odd", "min_words", "budget")

    def __init__(
        self,
        encoder,
        langs: Mapping[str, str] | None = None,
        k: int = 1,
        major: float = 0.0,
        minor: float = 0.25,
        far: float = 3.0,
        odd: float = 0.5,
        min_words: int = 4,
        budget: float | None = 0.05,
    ) -> None:
        self.encoder = encoder
        self.langs = dict(langs or {})
        self.k, self.major, self.minor, self.odd = k, major, minor, odd
        self.far = far
        self.budget = budget
        self.min_words = min_words

    def run(self, units: Sequence[UnitText]) -> list[Finding]:
        """Findings for the units of one document group, judged against one another."""
        keys = version_keys(units)
        vectors = embed_versions(self.encoder, units, keys)
        pairs = pair_scores(units, vectors, self.k)
        flagged = []
        for row, unit in enumerate(units):
            present = [key for key in keys if text_of(unit, key)]
            if len(present) < 2 or max(len(text_of(unit, k).split()) for k in present) < (
                self.min_words
            ):
                continue
            score, suspect, rest, standing = weakest_version(pairs, row, present, self.langs)
            if not score <= self.minor:
                continue
            if suspect is None or len(present) < 3 or not rest - score >= self.odd:
                suspect = None
            if min(len(text_of(unit, k).split()) for k in present) < self.min_words:
                standing = 0.0  # a fragment ("1. Мыналар:") against a sentence: minor at most
            flagged.append((row, present, (score, standing), suspect))
        rows = [row for row, *_ in flagged]
        weakest = np.zeros(len(units))
        weakest[rows] = [-score for _, _, (score, _), _ in flagged]
        budget = budget_chars(units, keys, self.budget)
        pieces, _ = within_budget(units, pieces_of(units, rows, keys), weakest, budget, 0.0)
        moved = gains(self.encoder, units, vectors, pieces)
        return [
            self._finding(units[row], present, scores, suspect, pieces, moved, row, units)
            for row, present, scores, suspect in flagged
        ]

    def _severity(
        self, score: float, standing: float, structured: bool, seam: bool = False
    ) -> tuple[str, float]:
        """Major when another unit fits better; in a structured text (a law, whose numbered
        units repeat one another's wording) only when the margin is also `far` robust standard
        deviations below the document's, and never for a lead-in or the last unit of its list
        (`seam`: one sentence cut in two, whose words the languages share out differently).
        In free text the confidence follows the score; in a structured text it is the share
        of such majors found real when read (LAW_CONFIDENCE), a minor's half of that."""
        if not structured:
            confidence = 0.5 + 0.5 * (self.minor - score) / (self.minor - self.major)
            severity = "major" if score <= self.major else "minor"
            return severity, round(float(np.clip(confidence, 0.5, 0.99)), 2)
        distance = -standing / self.far if np.isfinite(standing) else 0.0
        major = score <= self.major and distance >= 1.0 and not seam
        return ("major", LAW_CONFIDENCE) if major else ("minor", LAW_CONFIDENCE / 2)

    def _finding(self, unit, present, scores, suspect, pieces, moved, row, units) -> Finding:
        score, standing = scores
        others = [key for key in present if key != suspect]
        span = self._span(unit, [suspect] if suspect else present, pieces, moved, row)
        if suspect:
            message = f"{suspect} does not say what {names(others)} say"
            suggestion = f"Compare the {suspect} text with the {names(others)} texts."
        else:
            message = f"{names(present)} do not say the same thing"
            suggestion = "Compare the versions sentence by sentence."
        if span != whole(unit, span.lang):
            message += f"; '{span.text}' ({span.lang}) has no clear counterpart"
        structured = in_structure(unit)
        seam = structured and list_seam(units, row)
        severity, confidence = self._severity(score, standing, structured, seam)
        return Finding(
            check=self.name,
            severity=severity,
            confidence=confidence,
            unit=unit.unit,
            langs=tuple(present),
            message=message + ".",
            spans=(span,),
            suggestion=suggestion,
            details={
                "kind": "drift",
                "lang": suspect,
                "score": round(float(score), 3),
                "standing": round(float(standing), 2),
            },
        )

    @staticmethod
    def _span(unit: UnitText, keys: Sequence[str], pieces, moved, row: int) -> Span:
        """The clause of `keys` whose removal brings its version closest to the others, or the
        whole text of the first key when no clause does."""
        best, gain = whole(unit, keys[0]), 0.0
        for piece, row_gains in zip(pieces, moved, strict=True):
            if piece.row == row and piece.span.lang in keys:
                value = float(np.nanmean(row_gains))
                if value > gain:
                    best, gain = piece.span, value
        return best


def confirmed_in_laws(findings: Sequence[Finding], units: Sequence[UnitText]) -> list[Finding]:
    """The findings with each meaning major on a unit of a structured text made minor unless
    another check that reads other evidence (CONFIRMING) flags the same unit. Alone, such a
    major proved noise when read on the untouched laws (a correct heading or short sentence
    that another of the law's sentences outscores), while a real change of meaning in a law
    usually shows in a clause, a number or a word as well (README, "Meaning confidence on
    laws")."""
    structured = {unit.unit for unit in units if in_structure(unit)}
    confirmed = {f.unit for f in findings if f.check in CONFIRMING}

    def alone(f: Finding) -> bool:
        return (
            f.check == MeaningCheck.name
            and f.severity == "major"
            and f.unit in structured
            and f.unit not in confirmed
        )

    note = " (minor: no other check confirms it, and in a law a meaning flag alone is seldom real)."
    return [
        replace(
            f, severity="minor", confidence=LAW_CONFIDENCE / 2, message=f.message.rstrip(".") + note
        )
        if alone(f)
        else f
        for f in findings
    ]
