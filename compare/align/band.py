"""Bands around a path, and coarsening of long documents for the first pass."""

from collections import Counter

import numpy as np
from scipy.ndimage import maximum_filter1d, minimum_filter1d


def full_band(n: int, m: int) -> tuple[np.ndarray, np.ndarray]:
    """Every column in every row."""
    return np.zeros(n + 1, dtype=np.int64), np.full(n + 1, m, dtype=np.int64)


def band_around(points: np.ndarray, n: int, m: int, width: int) -> tuple[np.ndarray, np.ndarray]:
    """Rows' column bounds covering a monotone path of lattice points, widened by ``width``.

    ``points`` is an (p, 2) array of (i, j) in increasing order from (0, 0) to (n, m); the band
    covers the bounding box of every consecutive pair, then grows by ``width`` in both
    directions so the second pass can move off the path.
    """
    lo = np.full(n + 1, m, dtype=np.int64)
    hi = np.zeros(n + 1, dtype=np.int64)
    (i0, j0), (i1, j1) = points[:-1].T, points[1:].T
    for s0, s1, c0, c1 in zip(i0, i1, j0, j1, strict=True):
        lo[s0 : s1 + 1] = np.minimum(lo[s0 : s1 + 1], c0)
        hi[s0 : s1 + 1] = np.maximum(hi[s0 : s1 + 1], c1)
    size = 2 * width + 1
    lo = np.clip(minimum_filter1d(lo, size, mode="nearest") - width, 0, m)
    hi = np.clip(maximum_filter1d(hi, size, mode="nearest") + width, 0, m)
    return lo, hi


def band_centres(lo: np.ndarray, hi: np.ndarray, m: int) -> tuple[np.ndarray, np.ndarray]:
    """Expected target column of each row and expected source row of each column."""
    rows = 0.5 * (lo + hi)
    cols = np.interp(np.arange(m + 1), rows, np.arange(len(lo), dtype=np.float64))
    return rows, cols


def coarsen(vecs: np.ndarray, lens: np.ndarray, factor: int) -> tuple[np.ndarray, np.ndarray]:
    """Sum each run of ``factor`` sentences into one renormalised vector and one length."""
    n = vecs.shape[0]
    groups = -(-n // factor)
    pad = groups * factor - n
    v = np.concatenate([vecs, np.zeros((pad, vecs.shape[1]), vecs.dtype)])
    v = v.reshape(groups, factor, -1).sum(axis=1)
    v /= np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-12)
    ln = np.concatenate([lens, np.zeros(pad, lens.dtype)]).reshape(groups, factor).sum(axis=1)
    return v.astype(np.float32), ln


def coarsen_tokens(tokens: list[Counter[str]], factor: int) -> list[Counter[str]]:
    """Pool the anchor tokens of each run of ``factor`` sentences, as :func:`coarsen` does."""
    return [sum(tokens[k : k + factor], Counter()) for k in range(0, len(tokens), factor)]
