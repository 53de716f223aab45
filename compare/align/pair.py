"""Pairwise alignment: a coarse 1-1 pass finds the path, a banded m:n pass refines it."""

from collections import Counter
from dataclasses import replace

import numpy as np

from compare.align.band import band_around, band_centres, coarsen, coarsen_tokens, full_band
from compare.align.dp import Step, banded_dp
from compare.align.model import Link
from compare.align.params import AlignParams
from compare.align.scoring import Anchors, PairScorer, anchor_tokens

_FIRST_PASS_MOVES = ((1, 1), (1, 0), (0, 1))


def align_pair(
    src_vecs: np.ndarray,
    tgt_vecs: np.ndarray,
    src_lens: np.ndarray | list[int] | None = None,
    tgt_lens: np.ndarray | list[int] | None = None,
    src_texts: list[str] | None = None,
    tgt_texts: list[str] | None = None,
    **params: float,
) -> list[Link]:
    """Align two versions of one text; returns monotone links covering every sentence once.

    ``src_vecs``/``tgt_vecs`` are (n, d) and (m, d) L2-normalised sentence embeddings;
    ``src_lens``/``tgt_lens`` their lengths in characters (optional; given for both sides
    they sharpen m:n decisions). ``params`` override fields of :class:`AlignParams`. Link
    scores are margins, higher = better (see :class:`Link`). ``src_texts``/``tgt_texts``
    (optional) add lexical anchors: numbers and names shared by two blocks.
    """
    return pair_alignment(src_vecs, tgt_vecs, src_lens, tgt_lens, src_texts, tgt_texts, params)[0]


def pair_alignment(
    src_vecs: np.ndarray,
    tgt_vecs: np.ndarray,
    src_lens: np.ndarray | list[int] | None,
    tgt_lens: np.ndarray | list[int] | None,
    src_texts: list[str] | None,
    tgt_texts: list[str] | None,
    params: dict[str, float],
) -> tuple[list[Link], PairScorer | None]:
    """:func:`align_pair`, also returning the scorer so links of any shape can be valued
    later (None when a side is empty)."""
    p = AlignParams(**params)
    x, y = _as_vectors(src_vecs), _as_vectors(tgt_vecs)
    lx, ly = _as_lengths(src_lens, len(x)), _as_lengths(tgt_lens, len(y))
    use_lengths = src_lens is not None and tgt_lens is not None
    n, m = len(x), len(y)
    if n == 0 or m == 0:
        nulls = [Link((i,), (), 0.0) for i in range(n)] + [Link((), (j,), 0.0) for j in range(m)]
        return nulls, None
    tokens = None
    if src_texts is not None and tgt_texts is not None and p.anchor_weight:
        tokens = [anchor_tokens(t) for t in src_texts], [anchor_tokens(t) for t in tgt_texts]
    if min(n, m) <= p.band:  # the band around any path covers the whole lattice
        lo, hi = full_band(n, m)
    else:
        lo, hi = band_around(_first_pass(x, y, lx, ly, p, use_lengths, tokens), n, m, p.band)
    rows, cols = band_centres(lo, hi, m)
    sizes = tuple(range(1, p.max_block + 1))
    anchors = None if tokens is None else Anchors(*tokens)
    scorer = PairScorer(x, y, lx, ly, sizes, rows, cols, p, use_lengths, anchors)
    steps = _banded_path(scorer, lo, hi, p.moves(), np.full(m, p.skip))
    return _links(steps, scorer), scorer


def _first_pass(
    x: np.ndarray,
    y: np.ndarray,
    lx: np.ndarray,
    ly: np.ndarray,
    p: AlignParams,
    use_lengths: bool,
    tokens: tuple[list[Counter[str]], list[Counter[str]]] | None,
) -> np.ndarray:
    """Lattice points of a 1-1 path, found on groups of sentences small enough to search fully."""
    n, m = len(x), len(y)
    factor = 1
    while (n // factor + 1) * (m // factor + 1) > p.coarse_cells:
        factor *= 2
    (cx, clx), (cy, cly) = coarsen(x, lx, factor), coarsen(y, ly, factor)
    cn, cm = len(cx), len(cy)
    lo, hi = full_band(cn, cm)
    rows = np.arange(cn + 1) * (cm / cn)
    cols = np.arange(cm + 1) * (cn / cm)
    everywhere = replace(p, knn_radius=max(cn, cm))
    anchors = None
    if tokens is not None:
        anchors = Anchors(coarsen_tokens(tokens[0], factor), coarsen_tokens(tokens[1], factor))
    scorer = PairScorer(cx, cy, clx, cly, (1,), rows, cols, everywhere, use_lengths, anchors)
    steps = _banded_path(scorer, lo, hi, _FIRST_PASS_MOVES, np.full(cm, p.skip))
    ends = np.array([(0, 0)] + [(i, j) for i, j, _, _ in steps], dtype=np.int64) * factor
    return np.minimum(ends, [n, m])


def _banded_path(
    scorer: PairScorer,
    lo: np.ndarray,
    hi: np.ndarray,
    moves: tuple[tuple[int, int], ...],
    insert_value: np.ndarray,
) -> list[Step]:
    """The DP's best path through the band, every link shape valued in one pass."""
    grids = scorer.grids([(a, b) for a, b in moves if a >= 1], lo, hi)
    return banded_dp(lo, hi, moves, lambda a, b: grids[(a, b)], insert_value)


def _links(steps: list[Step], scorer: PairScorer) -> list[Link]:
    """Turn path steps into links, scoring all links of one shape in a single call."""
    scores = np.zeros(len(steps))
    by_shape: dict[tuple[int, int], list[int]] = {}
    for k, (_, _, a, b) in enumerate(steps):
        by_shape.setdefault((a, b), []).append(k)
    for (a, b), ks in by_shape.items():
        ends = np.array([steps[k][:2] for k in ks])
        if a and b:
            scores[ks] = scorer.link_margins(ends, a, b)
        elif a:
            scores[ks] = scorer.null_scores("src", ends[:, 0] - 1)
        else:
            scores[ks] = scorer.null_scores("tgt", ends[:, 1] - 1)
    return [
        Link(tuple(range(i - a, i)), tuple(range(j - b, j)), round(float(score), 6))
        for (i, j, a, b), score in zip(steps, scores, strict=True)
    ]


def _as_vectors(vecs: np.ndarray) -> np.ndarray:
    arr = np.asarray(vecs, dtype=np.float32)
    return arr.reshape(0, 1) if arr.size == 0 else arr


def _as_lengths(lens: np.ndarray | list[int] | None, n: int) -> np.ndarray:
    if lens is None:
        return np.ones(n, dtype=np.float64)
    arr = np.asarray(lens, dtype=np.float64)
    if arr.shape != (n,):
        raise ValueError(f"expected {n} sentence lengths, got shape {arr.shape}")
    return arr
