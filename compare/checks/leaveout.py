"""Which phrase of a text has no counterpart in another version: leave it out and re-compare.

A phrase whose removal brings a text closer to another version says something that version
does not; a phrase whose removal pushes it away has a counterpart there. Each shortened text is
embedded once (and cached), all of a group's in one encoder call. A unit of n clauses costs n
shortened texts of nearly its whole length, so on a long document with long units the leave-out
costs several times one embedding pass; `within_budget` keeps it to a share of the document.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from compare.checks.base import Span, UnitText
from compare.checks.phrases import clauses, runs, without, word_count
from compare.checks.similarity import text_of

PLAIN_MIN_WORDS = 8  # a shorter sentence without clause marks is not cut into runs
SAMPLE_PART = 0.25  # of a leave-out budget, the share spent on units spread over the document
# Shortened characters any document may spend on a leave-out (a few seconds of encoding): every
# NTREX news document (at most 35k) and the shipped texts stay within it, so are left out whole.
LEAVEOUT_FLOOR = 50_000


@dataclass(frozen=True)
class Piece:
    """A clause of one version of one unit (index into the group's list of units). `share`: the
    part of its text's words it holds; `run`: a stretch of words cut from a sentence without
    clause marks, not a clause of its own."""

    row: int
    span: Span
    share: float = 1.0
    run: bool = False


def pieces_of(
    units: Sequence[UnitText],
    rows: Sequence[int],
    keys: Sequence[str],
    plain_runs: int = 0,
) -> list[Piece]:
    """The clauses of every version of the given units, for texts of two clauses or more;
    `plain_runs`: a text without clause marks is cut into this many equal runs of words
    instead (0: left whole)."""
    out = []
    for row in rows:
        for key in keys:
            text = text_of(units[row], key)
            cut, run = clauses(text), False
            if len(cut) < 2 and plain_runs:
                cut, run = runs(text, plain_runs, PLAIN_MIN_WORDS), True
            if len(cut) < 2:
                continue
            total = word_count(text)
            out += [
                Piece(row, Span(key, s, e, text[s:e]), word_count(text[s:e]) / total, run)
                for s, e in cut
            ]
    return out


def budget_chars(units: Sequence[UnitText], keys: Sequence[str], share: float | None) -> float:
    """The shortened characters a leave-out may embed: `share` of the group's text, or
    LEAVEOUT_FLOOR when that is more (None: no limit)."""
    if share is None:
        return math.inf
    return max(LEAVEOUT_FLOOR, share * sum(len(text_of(u, k)) for u in units for k in keys))


def shortened_chars(units: Sequence[UnitText], piece: Piece) -> int:
    """The characters embedded to leave `piece` out: its text without the piece."""
    return len(text_of(units[piece.row], piece.span.lang)) - len(piece.span.text)


def within_budget(
    units: Sequence[UnitText],
    pieces: Sequence[Piece],
    evidence: np.ndarray,
    budget: float,
    sample_part: float = SAMPLE_PART,
) -> tuple[list[Piece], set[int]]:
    """The pieces whose shortened texts fit in `budget` characters, each unit whole, and the
    rows of the sample that says what a typical gain is. When all fit, all are taken and all
    are the sample (as without a budget). Otherwise `sample_part` of the budget goes to every
    k-th unit, a sample spread over the document and unbiased by `evidence` (so it also finds
    what cheaper evidence misses), and the rest to the units of most `evidence` (one value per
    unit), highest first."""
    cost: dict[int, int] = {}
    for p in pieces:
        cost[p.row] = cost.get(p.row, 0) + shortened_chars(units, p)
    total = sum(cost.values())
    if total <= budget:
        return list(pieces), set(cost)
    rows = list(cost)
    sample = set(rows[:: math.ceil(total / (sample_part * budget))] if sample_part else ())
    left = budget - sum(cost[r] for r in sample)
    chosen = set(sample)
    for row in sorted((r for r in rows if r not in sample), key=lambda r: -evidence[r]):
        if cost[row] <= left:
            chosen.add(row)
            left -= cost[row]
    return [p for p in pieces if p.row in chosen], sample


def gains(
    encoder,
    units: Sequence[UnitText],
    vectors: Mapping[str, np.ndarray],
    pieces: Sequence[Piece],
) -> np.ndarray:
    """(pieces, versions): cos(text without the piece, other version) - cos(text, other version);
    NaN for the piece's own version and for versions empty in that unit."""
    keys = list(vectors)
    out = np.full((len(pieces), len(keys)), np.nan)
    if not pieces:
        return out
    shortened = [
        without(text_of(units[p.row], p.span.lang), p.span.start, p.span.end) for p in pieces
    ]
    reduced = encoder.encode(shortened)
    for col, key in enumerate(keys):
        other = vectors[key][[p.row for p in pieces]]
        own = np.stack([vectors[p.span.lang][p.row] for p in pieces])
        present = np.array(
            [p.span.lang != key and bool(text_of(units[p.row], key)) for p in pieces]
        )
        delta = np.einsum("nd,nd->n", reduced, other) - np.einsum("nd,nd->n", own, other)
        out[present, col] = delta[present]
    return out
