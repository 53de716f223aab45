"""Dropped phrases found by aligning the words of the versions with the encoder's own word
vectors, for free text where a lexicon learned from the run knows too few words.

The words of two versions of a unit are aligned as SimAlign does (Jalili Sabet et al. 2020):
mutual best match by the cosine of their vectors (compare.embed.words; each version's mean
word vector in the group taken off first, since the encoder's vectors share one large
direction), once more among the words left, pairs under THRESHOLD dropped. Where three or more
versions meet, a version dropped a phrase when another version holds a run of words none
aligned with it holding RUN_WORDS or more content words that a third version aligns with, and
which that third version does not align with it either: two versions agree on words the third
lacks. Two versions alone cannot tell a dropped phrase from a free rendering, so they are not
read; nor are units in a legal structure (laws), where the lexicon's gap check already finds
dropped phrases and a second pass of the model would cost more time than the check is worth.

The confidence a finding prints is the share of such findings that proved real (CALIBRATION),
by the run's content words and whether the version that lacks them is the shorter (as the gap
check reads it, compare.checks.gaps.short). A run of only RUN_WORDS words raises nothing unless
the version is the shorter (on NTREX dev, 1 of 76 such findings was real).
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from compare.checks.base import Check, Finding, Span, UnitText, in_structure
from compare.checks.gaps import short, words_in
from compare.checks.similarity import text_of, version_keys
from compare.stem import Token, tokens

THRESHOLD = 0.25  # least cosine of two aligned words
RUN_WORDS = 2  # content words of a run that make a dropped phrase
CONTENT = 4  # letters a word needs to count as a content word
MIN_VERSIONS = 3
# The share of findings real, by [the version is the shorter][the run's content words: 2, 3, 4
# or more], as (real + 1) / (findings + 2) of what bench/tokalign.py --calibrate counted on
# NTREX-128 dev (2026-11; a comma-delimited clause dropped from one unit in ten; 246 findings,
# 73 real: on the injected unit, naming its version). Counted: not shorter 1/76, 3/14, 1/3 (3
# and 4 or more read together: 4/17); shorter 13/82, 20/33, 35/38. A faithful translation has
# fewer real ones than one unit in ten: there these shares are upper bounds.
CALIBRATION = {False: (0.03, 0.26, 0.26), True: (0.17, 0.6, 0.9)}


@dataclass(frozen=True)
class Run:
    """Words of version `holder` none of which aligns with the version that lacks them;
    `shared`: how many are content words a third version aligns with and that one lacks too."""

    holder: str
    shared: int
    words: tuple[Token, ...]


def align(a: np.ndarray, b: np.ndarray, threshold: float) -> set[tuple[int, int]]:
    """Mutual-best pairs of rows of `a` and `b` (unit vectors) of cosine >= threshold, then
    again among the rows left (SimAlign's itermax, two rounds)."""
    if not len(a) or not len(b):
        return set()
    sim = a @ b.T
    pairs: set[tuple[int, int]] = set()
    free_a, free_b = np.ones(len(a), bool), np.ones(len(b), bool)
    for _ in range(2):
        masked = np.where(free_a[:, None] & free_b[None, :], sim, -np.inf)
        best_b, best_a = masked.argmax(1), masked.argmax(0)
        found = [
            (i, j)
            for i, j in enumerate(best_b)
            if free_a[i] and best_a[j] == i and masked[i, j] >= threshold
        ]
        for i, j in found:
            pairs.add((i, j))
            free_a[i], free_b[j] = False, False
    return pairs


def longest(n: int, to_a: set[int], shared: set[int]) -> tuple[int, list[int]]:
    """The most `shared` words in a run of words none of which is in `to_a`, and those words."""
    best: list[int] = []
    current: list[int] = []
    for w in range(n):
        if w in to_a:
            current = []
        elif w in shared:
            current.append(w)
            if len(current) > len(best):
                best = list(current)
    return len(best), best


def centred(vectors: Sequence[np.ndarray]) -> list[np.ndarray]:
    """The vectors with their mean (over all rows) taken off, as unit rows."""
    rows = [v for v in vectors if len(v)]
    if not rows:
        return list(vectors)
    mean = np.concatenate(rows).mean(0)
    out = []
    for v in vectors:
        moved = v - mean
        out.append(moved / np.linalg.norm(moved, axis=1, keepdims=True).clip(min=1e-9))
    return out


def dropped_runs(
    words: Mapping[str, tuple[Token, ...]], vectors: Mapping[str, np.ndarray], threshold: float
) -> dict[str, Run]:
    """Per version, the longest run (by shared content words) of another version's words it
    lacks and a third version holds (see module doc)."""
    keys = list(words)
    content = {k: [len(t.word) >= CONTENT for t in words[k]] for k in keys}
    links: dict[tuple[str, str], set[tuple[int, int]]] = {}
    for x, y in itertools.combinations(keys, 2):
        links[(x, y)] = align(vectors[x], vectors[y], threshold)
        links[(y, x)] = {(j, i) for i, j in links[(x, y)]}
    out = {}
    for a in keys:
        best = Run(a, 0, ())
        for b, c in itertools.permutations([k for k in keys if k != a], 2):
            to_a_b = {i for i, _ in links[(b, a)]}
            to_a_c = {j for j, _ in links[(c, a)]}
            shared = {
                i
                for i, j in links[(b, c)]
                if content[b][i] and content[c][j] and i not in to_a_b and j not in to_a_c
            }
            count, run = longest(len(words[b]), to_a_b, shared)
            if count > best.shared:
                best = Run(b, count, tuple(words[b][i] for i in run))
        out[a] = best
    return out


class WordAlignCheck(Check):
    """Flags a phrase one version drops, by aligning words with the encoder (see module doc).

    `encoder` must give word vectors (Encoder.word_vectors); `threshold`: least cosine of two
    aligned words; `run_words`: content words of a run that make a phrase (with the version
    the shorter; one more without). Keys of
    UnitText.texts are languages unless `langs` maps them to one.
    """

    name = "wordalign"
    threshold_names = ("threshold", "run_words")

    def __init__(
        self,
        encoder,
        langs: Mapping[str, str] | None = None,
        threshold: float = THRESHOLD,
        run_words: int = RUN_WORDS,
    ) -> None:
        self.encoder = encoder
        self.langs = dict(langs or {})
        self.threshold = threshold
        self.run_words = run_words

    def run(self, units: Sequence[UnitText]) -> list[Finding]:
        read = [u for u in units if readable(u)]
        if not read:
            return []
        keys = version_keys(read)
        texts = {k: [text_of(u, k) for u in read] for k in keys}
        sizes = {k: sum(words_in(u, k) for u in read) for k in keys}
        vectors = {
            k: centred(joined_word_vectors(self.encoder, [pieces(u, k) for u in read]))
            for k in keys
        }
        findings = []
        for row, unit in enumerate(read):
            here = [k for k in keys if texts[k][row]]
            words = {k: tokens(texts[k][row], self.langs.get(k, k)) for k in here}
            runs = dropped_runs(words, {k: vectors[k][row] for k in here}, self.threshold)
            lang = max(runs, key=lambda k: runs[k].shared)
            run = runs[lang]
            shorter = run.shared >= self.run_words and short(unit, lang, run.holder, sizes)
            if run.shared > self.run_words or shorter:
                real = CALIBRATION[shorter][min(max(run.shared, 2), 4) - 2]
                findings.append(self._finding(unit, lang, run, real, shorter))
        return findings

    def _finding(self, unit: UnitText, key: str, run: Run, real: float, shorter: bool) -> Finding:
        start, end = run.words[0].start, run.words[-1].end
        span = Span(run.holder, start, end, text_of(unit, run.holder)[start:end])
        quoted = ", ".join(f"'{t.word}'" for t in run.words)
        return Finding(
            check=self.name,
            severity="minor",
            confidence=real,
            unit=unit.unit,
            langs=(key, run.holder),
            message=(
                f"{key} may lack a phrase: no word of it aligns with {quoted} of {run.holder} "
                f"in '{span.text}', which the other versions align with each other."
            ),
            spans=(span,),
            details={
                "kind": "dropped",
                "lang": key,
                "words": [t.word for t in run.words],
                "holder": run.holder,
                "shorter": shorter,
            },
        )


def pieces(unit: UnitText, key: str) -> tuple[str, ...]:
    """A version's text as the passages it joins, whose word states the alignment's pass kept
    (Encoder.encode); whole where they do not make it up (a text changed after alignment, a
    unit built by hand)."""
    text = text_of(unit, key)
    parts = unit.passage_texts.get(key, ())
    return parts if parts and " ".join(parts) == text else (text,)


def joined_word_vectors(encoder, units: Sequence[tuple[str, ...]]) -> list[np.ndarray]:
    """Per unit, its pieces' word vectors in order: the words of the pieces joined with a
    space (no word spans a space), each read in its own piece."""
    distinct = list(dict.fromkeys(p for parts in units for p in parts))
    found = dict(zip(distinct, encoder.word_vectors(distinct), strict=True))
    return [np.concatenate([found[p] for p in parts]) for parts in units]


def readable(unit: UnitText) -> bool:
    """Whether the check reads the unit: MIN_VERSIONS versions with text, the text itself (not
    notes), outside a legal structure."""
    versions = sum(bool(text_of(unit, k)) for k in unit.texts)
    return versions >= MIN_VERSIONS and not unit.apparatus and not in_structure(unit)
