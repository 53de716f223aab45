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
from compare.checks.phrases import clauses, without
from compare.checks.similarity import text_of


@dataclass(frozen=True)
class Piece:
    """A clause of one version of one unit (index into the group's list of units)."""

    row: int
    span: Span


def pieces_of(units: Sequence[UnitText], rows: Sequence[int], keys: Sequence[str]) -> list[Piece]:
    """The clauses of every version of the given units, for texts of two clauses or more."""
    out = []
    for row in rows:
        for key in keys:
            text = text_of(units[row], key)
            cut = clauses(text)
            if len(cut) > 1:
                out += [Piece(row, Span(key, s, e, text[s:e])) for s, e in cut]
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
