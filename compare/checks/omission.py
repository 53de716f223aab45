"""Omissions and additions: passages with no counterpart, and clauses one version drops or adds.

A unit with an empty version is a passage the aligner found no counterpart for. Inside a unit
where every version has text, each clause is left out in turn (`leaveout`): a clause whose
removal brings its text closer to version y, but not to the third version, is one that y lacks
(omission in y); one whose removal brings it closer to all others is an addition. That evidence,
as a robust z-score against the document's clauses, is added to the length evidence (how much
shorter y is than the document's typical ratio says), so neither alone raises a flag.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from compare.align.params import AlignParams
from compare.checks.base import Check, Finding, UnitText, in_structure
from compare.checks.leaveout import Piece, budget_chars, gains, pieces_of, within_budget
from compare.checks.neighbours import Absence, list_seam, neighbour_gains
from compare.checks.phrases import word_count
from compare.checks.similarity import (
    PairScores,
    embed_versions,
    pair_scores,
    robust_z,
    text_of,
    version_keys,
)
from compare.checks.wording import names, names_verb, whole
from compare.readers.structure import heading_of

_SENTENCE_END = re.compile(r"[.!?…][\"'»”)]*\s*$")
_GAIN_SCALE_FLOOR = 0.01  # cosine changes smaller than this are noise whatever the document


@dataclass(frozen=True)
class Candidate:
    """A clause of `piece.span.lang` that version `lang` lacks (omission) or that only it has
    (addition, lang == piece's version)."""

    score: float
    kind: str
    lang: str
    piece: Piece


def _longer(pairs: dict[tuple[str, str], PairScores], row: int, key: str, others) -> float:
    """How much longer `key` is than each of `others` (the least of the length z-scores)."""
    values = [
        p.length[row] if p.a == key else -p.length[row]
        for p in pairs.values()
        if key in (p.a, p.b) and ({p.a, p.b} - {key}) <= set(others)
    ]
    return min(values)


def _held(gains) -> float | None:
    """The largest of the neighbour gains, rounded; None when one has no neighbour."""
    values = list(gains)
    if not values or not all(np.isfinite(values)):
        return None
    return round(max(values), 3)


def _elsewhere(gain: float | None, margin: float) -> bool:
    """Whether a neighbour holds the passage: leaving it out there moves away by > margin."""
    return gain is not None and gain < -margin


# Read on the untouched official texts of laws, an omission flag is rarely a slip of the
# translation (README, "Laws": none of the omission findings printed at 0.9 or more was), so in
# a structured text its confidence stays below that of the structure and numbers checks.
LAW_CONFIDENCE = 0.6


def _in_law(finding: Finding) -> Finding:
    """The finding with the confidence an omission flag has in a law (see LAW_CONFIDENCE)."""
    return replace(finding, confidence=min(finding.confidence, LAW_CONFIDENCE))


def _minor(finding: Finding) -> Finding:
    """The finding as a minor one, its confidence below any major's."""
    return replace(finding, severity="minor", confidence=min(finding.confidence, 0.6))


def _one_heading(unit: UnitText) -> bool:
    """Whether every version of the unit is the heading of one and the same division ("14-бап.
    Осы Заңды қолданысқа енгізу тәртібі" / "Статья 14. Порядок введения в действие настоящего
    Закона")."""
    found = {heading_of(text) for text in unit.texts.values()}
    return len(unit.texts) > 1 and len(found) == 1 and None not in found


def _heading(finding: Finding) -> Finding:
    """A clause finding on a heading, made minor: a title of a few words, phrased freely in
    each language, is no sentence the clause evidence is measured on."""
    note = " (minor: a heading of the same division in every version)."
    return _minor(replace(finding, message=finding.message.rstrip(".") + note))


def _direction(evidence: tuple[str, str, Piece, float]) -> tuple[str, str, str, bool]:
    """(kind, piece's version, other version, whether the piece is a run) of one evidence."""
    kind, other, piece, _ = evidence
    return kind, piece.span.lang, other, piece.run


class OmissionCheck(Check):
    """Flags empty counterparts and clauses that one version drops or adds.

    `major` / `minor`: thresholds on the summed evidence (clause z-score plus length z-score);
    `short_words`: a passage of fewer words (or without a sentence end) missing in a version is
    a heading or fragment, so a minor omission. `max_share`: a piece holding more of its
    sentence's words is not taken for what another version lacks; `plain_runs`: a sentence
    without clause marks is cut into this many runs of words (see leaveout.pieces_of). Measured
    on all NTREX documents with a clause dropped from 10% of units, the two found more drops
    (recall .56 vs .48) with fewer major flags on untouched units (2.3% vs 3.1%).
    `max_passages`: a unit with more passages than this in one version (more than the aligner
    links at once, so a unit where the versions disagree, as when one does not match the others
    at all) is not cut into clauses: a clause moves so long a text too little to measure, and
    the leave-one-out texts would grow with the square of the unit (None: no limit).
    `beside`: a passage is not omitted when, joined with a neighbouring unit of the same
    article and paragraph in both versions, leaving it out moves its version away from the
    other by more than this (its counterpart stands there; see checks.neighbours).
    `budget`: the leave-out embeds at most this many shortened characters per character of the
    group's text, or leaveout.LEAVEOUT_FLOOR when that is more (None: no limit); over it, the units
    left out are a spread sample and those whose length ratio is furthest from the document's
    (the length z-score that the clause evidence is added to), and the clause z-scores are
    read against the sample (see leaveout.within_budget). A whole leave-out costs 2-4 times
    the text of a law. With every check (the gap check finds most dropped clauses in a law),
    budgets of 0.25, 0.15 and 0.05 found the same dropped clauses on the tune half of the 12
    smallest laws; with the floor removed, 0.05 found one of 164 fewer than 0.15 (the omission
    check alone .152 against .232). The default of 0.05 halves what a long law's `check` embeds
    beyond its embedding pass (on law_on_banks about a hundredth of the whole leave-out,
    and fewer clause candidates for the neighbour test; README, "Laws").
    Keys of UnitText.texts are languages unless `langs` maps them to one.
    """

    name = "omission"
    threshold_names = (
        "k",
        "major",
        "minor",
        "short_words",
        "max_share",
        "plain_runs",
        "max_passages",
        "beside",
        "budget",
    )

    def __init__(
        self,
        encoder,
        langs: Mapping[str, str] | None = None,
        k: int = 1,
        major: float = 6.0,
        minor: float = 4.5,
        short_words: int = 5,
        max_share: float = 0.6,
        plain_runs: int = 3,
        max_passages: int | None = AlignParams.max_block,
        beside: float = 0.015,
        budget: float | None = 0.05,
    ) -> None:
        self.encoder = encoder
        self.langs = dict(langs or {})
        self.k, self.major, self.minor, self.short_words = k, major, minor, short_words
        self.max_share, self.plain_runs = max_share, plain_runs
        self.max_passages = max_passages
        self.beside = beside
        self.budget = budget

    def run(self, units: Sequence[UnitText]) -> list[Finding]:
        """Findings for the units of one document group, in unit order."""
        keys = version_keys(units)
        empty = {row: f for row, unit in enumerate(units) if (f := self._empty(unit, keys))}
        vectors = embed_versions(self.encoder, units, keys)
        pairs = pair_scores(units, vectors, self.k)
        pieces, sample = self.leaveout_pieces(units, keys, pairs)
        moved = gains(self.encoder, units, vectors, pieces)
        candidates = self._candidates(pieces, moved, keys, sample)
        best: dict[int, Candidate] = {}
        for c in candidates:
            c = Candidate(c.score + self._length(pairs, c, keys), c.kind, c.lang, c.piece)
            kept = best.get(c.piece.row)
            if c.score >= self.minor and (kept is None or c.score > kept.score):
                best[c.piece.row] = c
        absent = {row: self._absences(units[row], row, keys) for row in empty}
        absent |= {
            row: [Absence(row, c.piece.span, c.lang)]
            for row, c in best.items()
            if c.kind == "omission"
        }
        flat = [a for rows in absent.values() for a in rows]
        moved = dict(zip(flat, neighbour_gains(self.encoder, units, flat), strict=True))
        # How far leaving it out moves the unit joined with a neighbour closer to the other
        # version (all of a unit's absences must be held there; None: no neighbour).
        beside = {row: _held(moved[a] for a in rows) for row, rows in absent.items()}
        findings = [
            replace(f, details={**f.details, "beside": beside.get(row)}) for row, f in empty.items()
        ]
        findings += [self._clause(units[row], keys, c, beside.get(row)) for row, c in best.items()]
        kept = [f for f in findings if not _elsewhere(f.details["beside"], self.beside)]
        # A clause at a lead-in or an end of its list: one sentence whose words the languages
        # share out differently (list syntax), so minor at most. Joining the two barely moves so
        # long a text (the gains of the list-syntax majors read on the tune half of the laws
        # were +0.002 to +0.011), so the gain does not decide there. A whole passage without
        # counterpart is no list syntax: minor only when joining brings the versions closer.
        seams = {
            units[row].unit
            for row in {*empty, *best}
            if list_seam(units, row) and (row not in empty or _elsewhere(beside.get(row), 0.0))
        }
        kept = [_minor(f) if f.unit in seams else f for f in kept]
        # A heading numbered alike in every version: the leave-out of its few words reads a
        # free phrasing ("Осы Заңды қолданысқа енгізу тәртібі" / "Порядок введения в действие
        # настоящего Закона") as a dropped phrase, which the matching number contradicts.
        headings = {units[row].unit for row in best if _one_heading(units[row])}
        kept = [_heading(f) if f.unit in headings else f for f in kept]
        laws = {u.unit for u in units if in_structure(u)}
        return sorted((_in_law(f) if f.unit in laws else f for f in kept), key=lambda f: f.unit)

    @staticmethod
    def _absences(unit: UnitText, row: int, keys: list[str]) -> list[Absence]:
        """What a unit with empty versions lacks: each present version's whole text, per empty
        version."""
        have = [k for k in keys if text_of(unit, k)]
        return [Absence(row, whole(unit, h), e) for h in have for e in keys if e not in have]

    def _candidates(
        self, pieces: list[Piece], moved: np.ndarray, keys: list[str], sample: set[int]
    ) -> list[Candidate]:
        """Clause evidence as z-scores against the clauses of the `sample` rows: per piece, one
        omission candidate per other version and (with three versions or more) one addition
        candidate."""
        found = []
        for piece, row in zip(pieces, moved, strict=True):
            own = keys.index(piece.span.lang)
            for col, key in enumerate(keys):
                # Leaving out most of a sentence measures the sentence, not what another lacks.
                if col == own or piece.share > self.max_share:
                    continue
                # Only versions that stand to the clause's version as `key` does are compared:
                # a same-language version shares words, so its changes run larger.
                rest = [
                    row[c]
                    for c in range(len(keys))
                    if c not in (own, col) and self._same(keys[c], key, piece.span.lang)
                ]
                found.append(("omission", key, piece, row[col] - (np.mean(rest) if rest else 0)))
            if len(keys) > 2:
                found.append(("addition", piece.span.lang, piece, np.nanmin(row)))
        out = []
        # Evidence is compared within one direction (kind, clause's version, other version):
        # a pair in one language shares words, so its leave-one-out changes run larger. Clauses
        # and runs are compared apart: a run cut mid-phrase moves a text differently.
        for way in dict.fromkeys(map(_direction, found)):
            chosen = [f for f in found if _direction(f) == way]
            typical = np.array([f[2].row in sample for f in chosen])
            z = robust_z(np.array([f[3] for f in chosen], float), _GAIN_SCALE_FLOOR, typical)
            out += [
                Candidate(float(s), k, lang, p)
                for (k, lang, p, _), s in zip(chosen, z, strict=True)
            ]
        return out

    def pieces(self, units: Sequence[UnitText], keys: list[str]) -> list[Piece]:
        """The clauses to leave out in turn: those of units where every version has text and
        none holds more than `max_passages` passages."""
        limit = self.max_passages
        rows = [
            row
            for row, u in enumerate(units)
            if all(text_of(u, key) for key in keys)
            and (limit is None or all(len(p) <= limit for p in u.passages.values()))
        ]
        return pieces_of(units, rows, keys, self.plain_runs)

    def leaveout_pieces(
        self, units: Sequence[UnitText], keys: list[str], pairs
    ) -> tuple[list[Piece], set[int]]:
        """The pieces to leave out within `budget`, ranked by the length evidence, and the rows
        whose clauses say what is typical (see leaveout.within_budget)."""
        pieces = self.pieces(units, keys)
        lengths = np.abs([p.length for p in pairs.values()])
        evidence = np.nan_to_num(lengths).max(axis=0) if len(lengths) else np.zeros(len(units))
        return within_budget(units, pieces, evidence, budget_chars(units, keys, self.budget))

    def _same(self, a: str, b: str, source: str) -> bool:
        """Whether versions a and b are both, or both not, in the language of `source`."""
        lang = self.langs.get(source, source)
        return (self.langs.get(a, a) == lang) == (self.langs.get(b, b) == lang)

    @staticmethod
    def _length(pairs, c: Candidate, keys: list[str]) -> float:
        """Length evidence: the adding version is long, the omitting one short."""
        row = c.piece.row
        if c.kind == "addition":
            return _longer(pairs, row, c.lang, [k for k in keys if k != c.lang])
        return -_longer(pairs, row, c.lang, [c.piece.span.lang])

    def _clause(
        self, unit: UnitText, keys: list[str], c: Candidate, beside: float | None
    ) -> Finding:
        source = c.piece.span.lang
        others = [k for k in keys if k != c.lang]
        quoted, has = f"'{c.piece.span.text}'", "has"
        if c.piece.run:  # a stretch cut from a sentence: the words at fault lie in or near it
            quoted, has = f"words in or around {quoted}", "have"
        if c.kind == "addition":
            message = f"{c.lang} adds {quoted}, which {names(others)} do not have."
            suggestion = f"Check whether the {c.lang} text should say this."
        elif len(keys) > 2:
            message = f"{c.lang} lacks {quoted} ({source}), which {names(others)} have."
            suggestion = f"Check whether the {c.lang} text dropped this."
        else:
            what = quoted[:1].upper() + quoted[1:]
            message = f"{what} ({source}) {has} no counterpart in {c.lang}."
            suggestion = f"Check whether {c.lang} dropped this or {source} added it."
        return Finding(
            check=self.name,
            severity="major" if c.score >= self.major else "minor",
            confidence=round(float(np.clip(0.5 + (c.score - self.minor) / 10, 0.5, 0.95)), 2),
            unit=unit.unit,
            langs=tuple(keys),
            message=message,
            spans=(c.piece.span,),
            suggestion=suggestion,
            details={
                "kind": c.kind,
                "lang": c.lang,
                "score": round(float(c.score), 2),
                "beside": beside,
            },
        )

    def _empty(self, unit: UnitText, keys: list[str]) -> Finding | None:
        """A passage that some versions have and others leave empty."""
        have = [k for k in keys if text_of(unit, k)]
        empty = [k for k in keys if k not in have]
        if not have or not empty:
            return None
        full = all(
            word_count(text_of(unit, k)) >= self.short_words
            and _SENTENCE_END.search(text_of(unit, k))
            for k in have
        )
        if len(have) == 1 and len(keys) > 2:
            message = f"Only {have[0]} has this passage; {names(empty)} have no counterpart."
            lang = have[0]
        else:
            message = (
                f"{names_verb(empty, 'has', 'have')} no counterpart for this passage of "
                f"{names(have)}."
            )
            lang = empty[0] if len(empty) == 1 else None
        return Finding(
            check=self.name,
            severity="major" if full else "minor",
            confidence=0.95,
            unit=unit.unit,
            langs=tuple(keys),
            message=message,
            spans=tuple(whole(unit, k) for k in have),
            suggestion=f"Check whether {names(empty)} should translate this passage.",
            details={"kind": "missing passage", "lang": lang},
        )
