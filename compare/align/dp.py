"""Monotone dynamic programme over a band of the (source x target) lattice.

Lattice cell (i, j) means "the first i source and j target sentences are aligned". Row i
holds only the columns lo[i] .. lo[i] + width - 1, so memory is the band's area, never n x m.
Link values come precomputed as (rows x width) grids, one per link shape; each row is then a
few vector operations over every shape at once, and insertions (0-1 links inside a row) are
resolved with a running maximum.
"""

from collections.abc import Callable

import numpy as np

GridFn = Callable[[int, int], np.ndarray]

Step = tuple[int, int, int, int]
"""A path step: (end row i, end column j, source sentences a, target sentences b)."""


def banded_dp(
    lo: np.ndarray,
    hi: np.ndarray,
    moves: tuple[tuple[int, int], ...],
    grid: GridFn,
    insert_value: np.ndarray,
) -> list[Step]:
    """Best-scoring monotone path from (0, 0) to (n, m) inside the band.

    ``lo``/``hi`` (length n+1, inclusive, non-decreasing) bound each row's columns and must
    contain (0, 0) and (n, m). ``grid(a, b)`` returns the values of links with a >= 1 source and
    b target sentences ending at (i, lo[i] + t), shaped (n+1, width), -inf where impossible;
    ``insert_value[j]`` is the value of leaving target sentence j (0-based) unaligned.
    """
    n = len(lo) - 1
    width = int((hi - lo).max()) + 1
    row_moves = [mv for mv in moves if mv[0] >= 1]
    grids = np.stack([grid(a, b) for a, b in row_moves])
    insert_cum = np.concatenate([[0.0], np.cumsum(insert_value)])
    cols = np.arange(width)
    # Scores row by row, and one -inf after them for links that would start outside the band.
    flat = np.full((n + 1) * width + 1, -np.inf)
    scores = flat[:-1].reshape(n + 1, width)
    choice = np.full((n + 1, width), -1, dtype=np.int8)
    # Where each move's link starts: row i - a, column t + shift of that row's band.
    a_k, b_k = (np.array(side) for side in zip(*row_moves, strict=True))
    start_rows = np.arange(n + 1)[:, None] - a_k
    shifts = lo[:, None] - b_k - lo[np.maximum(start_rows, 0)]
    for i in range(n + 1):
        from_cols = cols + shifts[i][:, None]
        inside = (from_cols >= 0) & (from_cols < width) & (start_rows[i] >= 0)[:, None]
        cand = flat[np.where(inside, start_rows[i][:, None] * width + from_cols, -1)] + grids[:, i]
        # The first move with the best value; none where no link reaches the cell.
        best = cand.max(axis=0)
        pick = np.where(best > -np.inf, cand.argmax(axis=0), -1)
        if i == 0:
            best[0] = 0.0
        # Insertions: best[t] = max over s < t of best[s] + insert values of columns s..t-1.
        cum = insert_cum[np.minimum(lo[i] + cols, len(insert_cum) - 1)]
        run = np.full(width, -np.inf)
        run[1:] = np.maximum.accumulate(best - cum)[:-1] + cum[1:]
        inserted = run > best
        np.copyto(best, run, where=inserted)
        np.copyto(pick, len(row_moves), where=inserted)
        best[hi[i] - lo[i] + 1 :] = -np.inf
        scores[i] = best
        choice[i] = pick
    return _backtrack(lo, hi, choice, row_moves)


def _backtrack(
    lo: np.ndarray, hi: np.ndarray, choice: np.ndarray, row_moves: list[tuple[int, int]]
) -> list[Step]:
    i = len(lo) - 1
    j = int(hi[i])
    steps: list[Step] = []
    while i > 0 or j > 0:
        k = int(choice[i, j - lo[i]])
        if k < 0:
            raise RuntimeError("alignment band does not connect the document ends")
        a, b = (0, 1) if k == len(row_moves) else row_moves[k]
        steps.append((i, j, a, b))
        i, j = i - a, j - b
    steps.reverse()
    return steps
