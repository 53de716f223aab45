"""Which phrase of a text has no counterpart in another version: leave it out and re-compare.

A phrase whose removal brings a text closer to another version says something that version
does not; a phrase whose removal pushes it away has a counterpart there. Each shortened text is
embedded once (and cached), all of a group's in one encoder call.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from compare.checks.base import Span, UnitText
from compare.checks.phrases import clauses, runs, without, word_count
from compare.checks.similarity import text_of

PLAIN_MIN_WORDS = 8  # a shorter sentence without clause marks is not cut into runs


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
