"""Where a text renders something without the expected words, found by embedding its phrases.

A unit's text is cut into windows of one to three words that neither cross punctuation nor
begin or end on a stop word. Each window is embedded and scored against reference texts (a
glossary term, the words the other languages used); the best window counts as the rendering
only when it stands out from the unit's other windows. The same scoring, with another
language's window as the reference, finds the counterparts of a phrase across languages.

Thresholds were measured with multilingual-e5-small on the trilingual abstract in
documents/kaliaskarova-2022 (units 2-9, its 7 keyword concepts). A window's score is the mean
of its cosine to the concept's term in its own language and its mean cosine to the terms the
other languages used in the unit. In the 20 cases where a language's own aligned text was
searched (holding the term, or rendering it otherwise), the best window's robust z-score ran
1.0-11.3 and its margin over the median 0.036-0.120; in 119 null cases (another unit's text,
without the concept) z ran 0.9-7.4 (median 1.8) and the margin 0.010-0.060 (median 0.024).
The two thresholds together keep 80% of the real cases, both renderings without a glossary
term among them ('психикалық ағымына' z 3.4 / margin 0.036, 'specialists' 2.3 / 0.062), and
18% of the null ones: a localised rendering is a lead for the reader, not a proof.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from compare.checks.base import Check, Span, UnitText
from compare.glossary import Glossary
from compare.keyphrases import STOP_WORDS
from compare.robust import median_spread
from compare.stem import Token, find_term, tokens

MAX_WORDS = 3
# The best window must have a robust z-score (against the text's windows) of at least MIN_Z
# and beat their median cosine by MIN_MARGIN (see the module docstring for the measurements).
MIN_Z = 2.25
MIN_MARGIN = 0.03
# A counterpart of a phrase in another language of the same aligned unit is expected to be
# there, so its best window needs only a margin. Measured on units 3-9 of the same abstract:
# every two-word window of each language against the other languages' windows of its own unit
# (372 cases) and of the other units (2232 null cases): the best window's margin over the
# median was at least 0.05 in 71% of the own-unit cases and in 21% of the null ones.
COUNTERPART_MIN_Z = 0.0
COUNTERPART_MIN_MARGIN = 0.05
# A shorter window scoring within this of the best is preferred: the words that carry it.
SHORTER_WITHIN = 0.005
MIN_WINDOWS = 5  # fewer windows give no distribution to stand out from
# A word of a rendering met in more units than this is the language's everyday vocabulary
# (kk "ел", country), not a wording chosen for the concept, and is not traced.
MAX_RECURRENCES = 3
# Anything but spaces and hyphens between two words ends a window.
_BREAK = re.compile(r"[^\s\-‐–—]")


@dataclass(frozen=True)
class Query:
    """A text to search and what to search it for: groups of reference texts, each group
    weighing equally (a window's score is the mean over groups of its mean cosine in each)."""

    lang: str
    text: str
    references: tuple[tuple[str, ...], ...]


def _stop(token: Token, lang: str) -> bool:
    return token.word in STOP_WORDS.get(lang, frozenset()) or len(token.word) < 2


def _joined(text: str, run: Sequence[Token]) -> bool:
    return not any(_BREAK.search(text[a.end : b.start]) for a, b in pairwise(run))


def windows(text: str, lang: str) -> list[Span]:
    """The phrases of one to MAX_WORDS words of `text` that begin and end on content words."""
    words = tokens(text, lang)
    found = []
    for i in range(len(words)):
        for run in (words[i : i + n] for n in range(1, MAX_WORDS + 1) if i + n <= len(words)):
            if not _joined(text, run):
                break
            if not _stop(run[0], lang) and not _stop(run[-1], lang):
                found.append(
                    Span(lang, run[0].start, run[-1].end, text[run[0].start : run[-1].end])
                )
    return found


def pick(
    spans: Sequence[Span],
    scores: np.ndarray,
    min_z: float = MIN_Z,
    min_margin: float = MIN_MARGIN,
) -> Span | None:
    """The window that stands out by robust z-score and margin over the median (the shortest
    within SHORTER_WITHIN of the best), or None."""
    if len(spans) < MIN_WINDOWS:
        return None
    best = int(np.argmax(scores))
    median, spread = median_spread(scores)
    margin = float(scores[best]) - median
    if margin < min_margin or margin < min_z * spread:
        return None
    close = [i for i in range(len(spans)) if scores[i] >= scores[best] - SHORTER_WITHIN]
    return spans[min(close, key=lambda i: (spans[i].end - spans[i].start, -scores[i]))]


def localise(
    encoder, queries: Sequence[Query], min_z: float = MIN_Z, min_margin: float = MIN_MARGIN
) -> list[Span | None]:
    """For each query, the window of its text that stands out for its references (see pick);
    one encoder call for every window and reference of every query."""
    spans = [windows(q.text, q.lang) for q in queries]
    texts = list(
        dict.fromkeys(
            [s.text for found in spans for s in found]
            + [t for q in queries for group in q.references for t in group]
        )
    )
    vectors = dict(zip(texts, encoder.encode(texts), strict=True)) if texts else {}
    return [
        pick(found, _scores(found, query, vectors), min_z, min_margin) if found else None
        for query, found in zip(queries, spans, strict=True)
    ]


def _scores(spans: Sequence[Span], query: Query, vectors: dict[str, np.ndarray]) -> np.ndarray:
    """Each window's mean over reference groups of its mean cosine to the group's texts."""
    matrix = np.array([vectors[s.text] for s in spans])
    groups = [np.array([vectors[t] for t in group]) for group in query.references if group]
    return np.mean([(matrix @ refs.T).mean(axis=1) for refs in groups], axis=0)


def around(text: str, lang: str, start: int, before: int, after: int) -> Span:
    """The window of `text` from `before` words before the word at `start` to `after` words
    after it, cut short where a phrase ends."""
    words = tokens(text, lang)
    i = next(k for k, t in enumerate(words) if t.start == start)
    lo, hi = i, i
    while lo > max(0, i - before) and _joined(text, words[lo - 1 : lo + 1]):
        lo -= 1
    while hi < min(len(words) - 1, i + after) and _joined(text, words[hi : hi + 2]):
        hi += 1
    return Span(lang, words[lo].start, words[hi].end, text[words[lo].start : words[hi].end])


@dataclass(frozen=True)
class Reuse:
    """A rendering's word met again in another unit: the window there shaped like the
    rendering, and the counterparts of that window in the unit's other languages."""

    unit: int
    span: Span
    counterparts: tuple[Span, ...]


def recurrences(
    units: Sequence[UnitText], skip: Collection[int], rendering: Span
) -> list[tuple[UnitText, Span]]:
    """Units (but those in `skip`) whose text in the rendering's language has one of its
    content words in any inflection, with the window there shaped like the rendering; words
    met in more than MAX_RECURRENCES units are passed over."""
    lang = rendering.lang
    words = tokens(rendering.text, lang)
    seen: dict[int, tuple[UnitText, Span]] = {}
    for at, word in enumerate(words):
        found = [
            (unit, matches[0].start)
            for unit in units
            if unit.unit not in skip
            and (matches := find_term(word.word, unit.texts.get(lang, ""), lang))
        ]
        if _stop(word, lang) or len(found) > MAX_RECURRENCES:
            continue
        for unit, start in found:
            window = around(unit.texts[lang], lang, start, at, len(words) - 1 - at)
            seen.setdefault(unit.unit, (unit, window))
    return [seen[n] for n in sorted(seen)]


def trace(
    encoder, units: Sequence[UnitText], renderings: Sequence[tuple[Collection[int], Span]]
) -> list[list[Reuse]]:
    """For each (units to skip, rendering), the other units that reuse its wording, with the
    counterparts of each reuse localised in the unit's other languages; one encoder call."""
    places = [recurrences(units, skip, rendering) for skip, rendering in renderings]
    queries = [
        Query(lang, unit.texts[lang], ((span.text,),))
        for found in places
        for unit, span in found
        for lang in _other_langs(unit, span.lang)
    ]
    counterparts = iter(localise(encoder, queries, COUNTERPART_MIN_Z, COUNTERPART_MIN_MARGIN))
    return [
        [
            Reuse(unit.unit, span, tuple(filter(None, (next(counterparts) for _ in others))))
            for unit, span in found
            for others in [_other_langs(unit, span.lang)]
        ]
        for found in places
    ]


def _other_langs(unit: UnitText, lang: str) -> list[str]:
    return [other for other in sorted(unit.texts) if other != lang and unit.texts[other].strip()]


def settings() -> dict[str, object]:
    """The localisation thresholds, for the reproducibility signature of the checks using them."""
    return {
        "min_z": MIN_Z,
        "min_margin": MIN_MARGIN,
        "counterpart_margin": COUNTERPART_MIN_MARGIN,
        "max_recurrences": MAX_RECURRENCES,
    }


class GlossaryCheck(Check):
    """A check against a glossary; with an encoder it can also point at likely renderings."""

    def __init__(self, glossary: Glossary, encoder=None) -> None:
        self.glossary = glossary
        self.encoder = encoder

    def settings(self) -> dict[str, object]:
        """Where an encoder localises renderings, its thresholds; else nothing to pin."""
        return settings() if self.encoder is not None else {}
