"""How well each pair of versions of a unit match, judged against the rest of the document.

Raw cosines of e5 vectors are high even for unrelated sentences, so every score here is
relative: a unit's margin is its own cosine minus the best cosine either side has with another
unit of the same document (so a negative margin means some other sentence fits better), and
margins and length ratios are divided by, or centred on, the document's own typical values.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np

from compare.checks.base import UnitText
from compare.checks.context import shared
from compare.checks.phrases import word_count
from compare.robust import median_spread

_MARGIN_FLOOR = 1e-3  # a document whose typical margin is not positive is judged by raw margins
# Honest translations: per-document MAD of log word ratios is 0.12-0.23 on NTREX (median 0.17).
_LENGTH_SCALE_FLOOR = 0.15
_MARGIN_SCALE_FLOOR = 0.01  # margins of a document's units rarely spread less than this


def version_keys(units: Sequence[UnitText]) -> list[str]:
    """The version keys of a group in first-seen order."""
    return list(dict.fromkeys(key for unit in units for key in unit.texts))


def text_of(unit: UnitText, key: str) -> str:
    """A version's text in a unit as given (offsets point into it), "" where it is blank."""
    text = unit.texts.get(key, "")
    return text if text.strip() else ""


def embed_versions(
    encoder, units: Sequence[UnitText], keys: Sequence[str]
) -> dict[str, np.ndarray]:
    """Per version, one unit vector per unit (zeros where the text is empty); one encoder call,
    once per group (see checks.context)."""
    return shared(
        units, ("vectors", id(encoder), tuple(keys)), lambda: _embed(encoder, units, keys)
    )


def _embed(encoder, units: Sequence[UnitText], keys: Sequence[str]) -> dict[str, np.ndarray]:
    texts = [text_of(unit, key) for key in keys for unit in units]
    present = [t for t in texts if t]
    vectors = encoder.encode(present) if present else np.zeros((0, 1), dtype=np.float32)
    dim = vectors.shape[1]
    out = np.zeros((len(texts), dim), dtype=np.float32)
    out[[i for i, t in enumerate(texts) if t]] = vectors
    return {key: out[i * len(units) : (i + 1) * len(units)] for i, key in enumerate(keys)}


@dataclass(frozen=True)
class PairScores:
    """Scores of one pair of versions (a, b) for every unit of a group; NaN where either is empty.

    relative: the unit's margin over the document's median margin (1 = typical, <= 0 = another
    sentence of the document fits better); standing: robust z-score of the margin against the
    document's margins (how unusual it is there: long repetitive texts have many units whose
    margin is a little below 0 and a few far below, where another unit truly fits better);
    length: robust z-score of log(len a / len b) in words
    against the document's typical ratio (negative = b is long for a).
    """

    a: str
    b: str
    margin: np.ndarray
    relative: np.ndarray
    standing: np.ndarray
    length: np.ndarray


def margins(va: np.ndarray, vb: np.ndarray, present: np.ndarray, k: int) -> np.ndarray:
    """cos(a_i, b_i) minus the mean of the k best cosines a_i has with other units' b and b_i
    with other units' a; units without both texts get NaN, and a lone unit its raw cosine."""
    idx = np.flatnonzero(present)
    out = np.full(len(present), np.nan, dtype=np.float64)
    if not len(idx):
        return out
    sims = va[idx] @ vb[idx].T
    own = np.diag(sims).astype(np.float64)
    if len(idx) == 1:
        out[idx] = own
        return out
    np.fill_diagonal(sims, -np.inf)
    kk = min(k, len(idx) - 1)
    rows = np.sort(sims, axis=1)[:, -kk:].mean(axis=1)
    cols = np.sort(sims, axis=0)[-kk:, :].mean(axis=0)
    out[idx] = own - (rows + cols) / 2
    return out


def robust_z(values: np.ndarray, floor: float, reference: np.ndarray | None = None) -> np.ndarray:
    """(x - median) / (1.4826 MAD), the scale floored so that a tight document is not nervous.
    `reference`: which values the median and MAD are read from (all when None or none of them
    is a number), e.g. an unbiased sample when the others were chosen for being unusual."""
    ok = ~np.isnan(values)
    if not ok.any():
        return values
    if reference is not None and (ok & reference).any():
        ok &= reference
    centre, spread = median_spread(values[ok])
    return (values - centre) / max(spread, floor)


def pair_scores(
    units: Sequence[UnitText], vectors: Mapping[str, np.ndarray], k: int
) -> dict[tuple[str, str], PairScores]:
    """Scores for every pair of versions of a group, keyed (a, b) in version order; once per
    group and set of vectors (see checks.context)."""
    return shared(units, ("pair scores", id(vectors), k), lambda: _pair_scores(units, vectors, k))


def _pair_scores(
    units: Sequence[UnitText], vectors: Mapping[str, np.ndarray], k: int
) -> dict[tuple[str, str], PairScores]:
    keys = list(vectors)
    words = {key: np.array([word_count(text_of(u, key)) for u in units], float) for key in keys}
    out = {}
    for a, b in combinations(keys, 2):
        present = (words[a] > 0) & (words[b] > 0)
        margin = margins(vectors[a], vectors[b], present, k)
        typical = np.nanmedian(margin) if present.sum() > 1 else np.nan
        relative = margin / typical if typical > _MARGIN_FLOOR else margin / _MARGIN_FLOOR
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = np.where(present, np.log(words[a] / words[b]), np.nan)
        standing = robust_z(margin, _MARGIN_SCALE_FLOOR)
        length = robust_z(ratio, _LENGTH_SCALE_FLOOR)
        out[(a, b)] = PairScores(a, b, margin, relative, standing, length)
    return out
