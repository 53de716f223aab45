"""Margin scores for candidate links, from sentence vectors embedded once.

A block of consecutive sentences is represented by the sum of its sentence vectors weighted by
length**len_exponent and renormalised, so no run of neighbours is ever re-embedded. Raw cosines
of unrelated e5 vectors are already high, so every score is a margin: the block cosine minus a
blend of (a) the mean cosine each block has with its k nearest sentences on the other side,
searched in a window around the expected position, and (b) the mean cosine each block has with
the sentences just outside its counterpart, the ones that compete for it most directly.

A link's DP value is built from its margin (:meth:`PairScorer.value`): weak margins are pushed
down, merged blocks pay when a sentence at their edge drags them down (an absorbed orphan), and
when texts are given, numbers and names shared by the two blocks add a bonus (:class:`Anchors`).
"""

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from typing import Any

import numpy as np

from compare.align.params import AlignParams
from compare.lang.translit import ONE_LETTER

_CHUNK = 256
_GATHER = 4_000_000  # floats gathered at once when scoring a band


def block_vectors(vecs: np.ndarray, weights: np.ndarray, size: int) -> np.ndarray:
    """Unit vectors of every block of ``size`` sentences, indexed by the block's end (0..n).

    Rows for ends < size are zero, so they score 0 against anything.
    """
    n, dim = vecs.shape
    out = np.zeros((n + 1, dim), dtype=np.float32)
    if size <= n:
        weighted = vecs * weights[:, None]
        acc = weighted[: n - size + 1].copy()
        for t in range(1, size):
            acc += weighted[t : n - size + 1 + t]
        out[size:] = acc / np.maximum(np.linalg.norm(acc, axis=1, keepdims=True), 1e-12)
    return out


def neighbour_means(
    blocks: dict[int, np.ndarray], other: np.ndarray, centres: np.ndarray, radius: int, k: int
) -> dict[int, tuple[np.ndarray, np.ndarray]]:
    """Mean of the top-k cosines, and the top cosine, of each block against the ``other`` rows
    within ±radius of its centre, for the blocks of each size (one block per centre). The
    window of ``other`` rows around each centre is gathered once for every size."""
    out = {
        size: (np.zeros(len(centres), dtype=np.float32), np.zeros(len(centres), dtype=np.float32))
        for size in blocks
    }
    n_other = other.shape[0]
    if n_other == 0:
        return out
    width = min(2 * radius + 1, n_other)
    kk = min(k, width)
    starts = np.clip(np.round(centres).astype(np.int64) - radius, 0, n_other - width)
    offsets = np.arange(width)
    for lo in range(0, len(centres), _CHUNK):
        hi = min(lo + _CHUNK, len(centres))
        if (starts[lo:hi] == starts[lo]).all():  # one window for the whole chunk
            window = np.broadcast_to(
                other[starts[lo] : starts[lo] + width], (hi - lo, width, other.shape[1])
            )
        else:
            window = other[starts[lo:hi, None] + offsets]
        for size, (mean, best) in out.items():
            sims = np.einsum("bd,bwd->bw", blocks[size][lo:hi], window)
            top = np.partition(sims, width - kk, axis=1)[:, width - kk :]
            mean[lo:hi] = top.mean(axis=1)
            best[lo:hi] = top.max(axis=1)
    return out


def adjacent_sum(
    vecs: np.ndarray, other: np.ndarray, left: np.ndarray, right: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Sum and count of the cosines between each row's vector and other[left], other[right]
    (indices off either end contribute nothing)."""
    last = other.shape[0] - 1
    return _present_sum(
        [
            (_rowdot(other[np.clip(idx, 0, last)], vecs), (idx >= 0) & (idx <= last))
            for idx in (left, right)
        ]
    )


def _present_sum(parts: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    """Sum and count of the cosines ``sims`` over the ``(sims, present)`` parts, in their order,
    leaving out those whose neighbour is not ``present``."""
    total = np.zeros(parts[0][0].shape, dtype=np.float32)
    count = np.zeros(parts[0][0].shape, dtype=np.float32)
    for sims, present in parts:
        total += np.where(present, sims, 0.0)
        count += present
    return total, count


def _rowdot(cells: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """cells (k, w, d) against rows (k, d) -> (k, w)."""
    return np.matmul(cells, rows[..., None])[..., 0]


def weights_of(lens: np.ndarray, exponent: float) -> np.ndarray:
    """Per-sentence weights for block sums: longer sentences carry more of the meaning."""
    return np.power(np.maximum(lens, 1.0), exponent).astype(np.float32)


class PairScorer:
    """Scores links ``src[i-a:i] -> tgt[j-b:j]`` for the banded DP.

    ``src_centres[i]`` is the expected target position of source lattice row i and
    ``tgt_centres[j]`` the expected source position of target column j; they place the
    neighbour windows. Without ``use_lengths`` the length terms are left out.
    """

    def __init__(
        self,
        src: np.ndarray,
        tgt: np.ndarray,
        src_lens: np.ndarray,
        tgt_lens: np.ndarray,
        sizes: tuple[int, ...],
        src_centres: np.ndarray,
        tgt_centres: np.ndarray,
        params: AlignParams,
        use_lengths: bool = True,
        anchors: "Anchors | None" = None,
    ) -> None:
        self.p = params
        self.anchors = anchors
        self.src, self.tgt = src, tgt
        self.use_lengths = use_lengths
        self.src_lens, self.tgt_lens = np.maximum(src_lens, 1.0), np.maximum(tgt_lens, 1.0)
        self.src_cum = np.concatenate([[0.0], np.cumsum(self.src_lens, dtype=np.float64)])
        self.tgt_cum = np.concatenate([[0.0], np.cumsum(self.tgt_lens, dtype=np.float64)])
        self.log_ratio = np.log((self.src_cum[-1] + 1.0) / (self.tgt_cum[-1] + 1.0))
        self.src_centres, self.tgt_centres = src_centres, tgt_centres
        sw, tw = (
            weights_of(src_lens, params.len_exponent),
            weights_of(tgt_lens, params.len_exponent),
        )
        self.src_w, self.tgt_w = sw, tw
        self.src_blocks = {s: block_vectors(src, sw, s) for s in sizes}
        self.tgt_blocks = {s: block_vectors(tgt, tw, s) for s in sizes}
        radius, k = params.knn_radius, params.k
        src_stats = neighbour_means(self.src_blocks, tgt, src_centres, radius, k)
        tgt_stats = neighbour_means(self.tgt_blocks, src, tgt_centres, radius, k)
        self.src_nn = {s: st[0] for s, st in src_stats.items()}
        self.tgt_nn = {s: st[0] for s, st in tgt_stats.items()}
        # How far a lone sentence's best single match stands above its neighbour mean.
        self.src_best = src_stats[1][1][1:] - src_stats[1][0][1:]
        self.tgt_best = tgt_stats[1][1][1:] - tgt_stats[1][0][1:]
        # DP values are in units of this document's typical best-match margin, so the fixed
        # penalties mean the same for sharp and for blurry embeddings.
        typical = np.median(np.concatenate([self.src_best, self.tgt_best]))
        self.unit = float(max(typical, 1e-3))

    def grids(
        self, shapes: list[tuple[int, int]], lo: np.ndarray, hi: np.ndarray
    ) -> dict[tuple[int, int], np.ndarray]:
        """DP values of links a -> b (a >= 1) of every shape ending at (i, lo[i] + t) for every
        band cell, -inf where the link does not fit; each shaped (n+1, width). All shapes are
        valued together a chunk of rows at a time (see :class:`_Cells`)."""
        n, m = self.src.shape[0], self.tgt.shape[0]
        width = int((hi - lo).max()) + 1
        out = {shape: np.full((n + 1, width), -np.inf, dtype=np.float32) for shape in shapes}
        fitting = [(a, b) for a, b in shapes if a <= n and b <= m]
        reach = max(self.tgt_blocks)
        rows_per_chunk = max(1, _GATHER // ((width + reach + 1) * self.src.shape[1] * (reach + 1)))
        for r0 in range(1, n + 1, rows_per_chunk):
            rows = np.arange(r0, min(r0 + rows_per_chunk, n + 1))
            cells = _Cells(self, rows, lo[rows], width)
            last = np.minimum(hi[rows, None], m)
            for a, b in fitting:
                ok = (rows[:, None] >= a) & (cells.cols >= b) & (cells.cols <= last)
                values = self.p.skip * a if b == 0 else cells.value(a, b)
                out[(a, b)][rows] = np.where(ok, values, -np.inf)
        return out

    def link_margins(self, ends: np.ndarray, a: int, b: int) -> np.ndarray:
        """Margins of links a -> b (a, b >= 1) ending at the lattice points ``ends`` (k, 2)."""
        return _Cells(self, ends[:, 0], ends[:, 1], 1).margin(a, b)[:, 0]

    def null_scores(self, side: str, indices: np.ndarray) -> np.ndarray:
        """Scores of leaving sentences of ``side`` unaligned: minus their best margins."""
        best = self.src_best if side == "src" else self.tgt_best
        return -best[indices]

    def link_value(self, src_idx: tuple[int, ...], tgt_idx: tuple[int, ...]) -> float:
        """The DP value of any link, of any size, null links included (their ``skip``); the
        orphan term, defined for the DP's block sizes only, is left out."""
        p = self.p
        if not (src_idx and tgt_idx):
            return p.skip * (len(src_idx) + len(tgt_idx))
        src_len = self.src_cum[src_idx[-1] + 1] - self.src_cum[src_idx[0]]
        tgt_len = self.tgt_cum[tgt_idx[-1] + 1] - self.tgt_cum[tgt_idx[0]]
        margin = np.float64(self.block_margin(src_idx, tgt_idx))
        out = float(self._value(margin, len(src_idx), len(tgt_idx), src_len, tgt_len))
        if self.anchors is not None:
            out += p.anchor_weight * self.anchors.dice_of(src_idx, tgt_idx)
        return out

    def _value(self, margin, a: int, b: int, src_len, tgt_len):  # arrays or scalars
        """A link's value from its margin: in units, weak margins pushed down, scaled and
        shifted by length agreement, with a gain and a cost per sentence beyond 1-1."""
        p = self.p
        extra = a + b - 2
        m = margin / self.unit
        # A link barely above its neighbours is more likely wrong than a sentence left out.
        m = m - p.weak_weight * np.maximum(0.0, p.weak_floor - m)
        out = -p.merge_penalty * extra
        if self.use_lengths:
            ratio = np.maximum(src_len + p.len_smooth, 1.0) / np.maximum(
                tgt_len + p.len_smooth, 1.0
            )
            dev = np.abs(np.log(ratio) - self.log_ratio)
            m = m * np.log2(1.0 + np.exp(-dev))
            out = out - p.length_weight * dev
        return out + (1.0 + p.size_gain * extra) * m

    def block_margin(self, src_idx: tuple[int, ...], tgt_idx: tuple[int, ...]) -> float:
        """The margin of :meth:`margin` for any two blocks of consecutive sentences."""
        p = self.p
        s, t = list(src_idx), list(tgt_idx)
        sv = _unit_sum(self.src[s], self.src_w[s])
        tv = _unit_sum(self.tgt[t], self.tgt_w[t])
        s_nn = neighbour_means(
            {1: sv[None]}, self.tgt, self.src_centres[[s[-1] + 1]], p.knn_radius, p.k
        )[1]
        t_nn = neighbour_means(
            {1: tv[None]}, self.src, self.tgt_centres[[t[-1] + 1]], p.knn_radius, p.k
        )[1]
        t_sum, t_cnt = adjacent_sum(
            sv[None], self.tgt, np.array([[t[0] - 1]]), np.array([[t[-1] + 1]])
        )
        s_sum, s_cnt = adjacent_sum(
            tv[None], self.src, np.array([[s[0] - 1]]), np.array([[s[-1] + 1]])
        )
        knn = 0.5 * (s_nn[0] + t_nn[0])
        cos = np.array([[tv @ sv]])
        return float(_blend(cos, knn, t_sum + s_sum, t_cnt + s_cnt, p.adjacent)[0, 0])


class _Cells:
    """Links of any shape ending at the cells (rows[k], starts[k] + t), t < width.

    The target sentences and blocks around each row's cells are gathered once for every link
    shape, and a cosine that several shapes use (a block's cosine, the cosines with the
    sentence after each cell) is computed once. Each cosine is taken with the same kind of
    product, on the same (row, width) layout, as for a single shape, so values do not depend
    on which shapes are valued together.
    """

    def __init__(self, scorer: PairScorer, rows: np.ndarray, starts: np.ndarray, width: int):
        self.s, self.rows = scorer, rows
        m = scorer.tgt.shape[0]
        reach = max(scorer.tgt_blocks)
        self.reach, self.width = reach, width
        # Columns starts-reach-1 .. starts+width-1: each cell's sentences before its largest
        # block, its blocks, and the sentence after it.
        around = starts[:, None] + np.arange(-reach - 1, width)
        self.cols = around[:, reach + 1 :]
        # Rows that all start at one column share one window (a full band, the first pass).
        self.same = bool((starts == starts[0]).all())
        self.sentences = _window(scorer.tgt, np.clip(around, 0, m - 1), self.same)
        self.block_columns = np.clip(around[:, reach:], 0, m)
        self._memo: dict[tuple, Any] = {}

    def dice(self, a: int, b: int) -> np.ndarray:
        """Anchor Dice of links a -> b at every cell."""
        tokens = self._once(("tokens",), self._tokens)
        return tokens.dice(self.rows, a, b, self.columns(b))

    def _tokens(self) -> "_SpanTokens":
        # Every block of a cell lies inside these spans (a cell's column is clipped to b..m).
        rows, starts, reach, m = self.rows, self.cols[:, 0], self.reach, self.s.tgt.shape[0]
        return self.s.anchors.spans(
            (max(int(rows.min()) - reach, 0), int(rows.max())),
            (
                max(min(int(starts.min()), m) - reach, 0),
                min(max(int(starts.max()) + self.width - 1, reach), m),
            ),
        )

    def _once(self, key: tuple, make: Callable[[], Any]) -> Any:
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]

    def src_block(self, a: int, shift: int = 0) -> np.ndarray:
        """Source blocks of size a ending at each row - shift, (k, d)."""
        return self._once(("src", a, shift), lambda: self.s.src_blocks[a][self.rows - shift])

    def blocks(self, b: int) -> np.ndarray:
        """Target blocks of size b ending at each cell's column and the one before it,
        (k, width + 1, d)."""
        return self._once(
            ("blocks", b), lambda: _window(self.s.tgt_blocks[b], self.block_columns, self.same)
        )

    def tgt_block(self, b: int) -> np.ndarray:
        """Target blocks of size b ending at each cell, (k, width, d)."""
        return self.blocks(b)[:, 1:]

    def columns(self, b: int) -> np.ndarray:
        """Each cell's column, as the lookups of a link of b target sentences index it."""
        return self._once(
            ("columns", b), lambda: np.minimum(np.maximum(self.cols, b), self.s.tgt.shape[0])
        )

    def cos(self, a: int, b: int) -> np.ndarray:
        return self._once(("cos", a, b), lambda: _rowdot(self.tgt_block(b), self.src_block(a)))

    def margin(self, a: int, b: int) -> np.ndarray:
        """Margins of links src[i-a:i] -> tgt[j-b:j] at every cell, (k, width)."""
        s, rows, w = self.s, self.rows, self.width
        n, m = s.src.shape[0], s.tgt.shape[0]
        js = self.columns(b)
        sv, tv = self.src_block(a), self.tgt_block(b)
        knn = 0.5 * (s.src_nn[a][rows, None] + s.tgt_nn[b][js])
        before = self.sentences[:, self.reach - b : self.reach - b + w]
        after = self._once(("after", a), lambda: _rowdot(self.sentences[:, self.reach + 1 :], sv))
        tgt_side = _present_sum([(_rowdot(before, sv), js - b - 1 >= 0), (after, js < m)])
        src_before = (rows - a - 1)[:, None]
        src_side = _present_sum(
            [
                (_celldot(tv, s.src[np.clip(src_before[:, 0], 0, n - 1)]), src_before >= 0),
                (
                    self._once(
                        ("src after", b), lambda: _celldot(tv, s.src[np.minimum(rows, n - 1)])
                    ),
                    rows[:, None] < n,
                ),
            ]
        )
        total, count = tgt_side[0] + src_side[0], tgt_side[1] + src_side[1]
        return _blend(self.cos(a, b), knn, total, count, s.p.adjacent)

    def orphans(self, a: int, b: int) -> np.ndarray:
        """How much better the block stripped of its first or last sentence matches the other
        side than the whole block does, in units. An absorbed orphan always sits at an edge of
        a link (the path is monotone) and drags the block's cosine down; a true part of a merge
        raises it."""
        cos = self.cos(a, b)
        best = np.full(cos.shape, -np.inf, dtype=np.float32)
        if a > 1:
            best = np.maximum(best, self.cos(a - 1, b))
            best = np.maximum(best, _rowdot(self.tgt_block(b), self.src_block(a - 1, shift=1)))
        if b > 1:
            # Target blocks of size b-1 ending at each cell's column and the one before it.
            stripped = _celldot(self.blocks(b - 1), self.src_block(a))
            best = np.maximum(np.maximum(best, stripped[:, 1:]), stripped[:, :-1])
        return np.maximum(0.0, best - cos) / self.s.unit

    def value(self, a: int, b: int) -> np.ndarray:
        """DP values of links a -> b (a, b >= 1) at every cell, see :meth:`PairScorer._value`."""
        s, rows = self.s, self.rows
        js = self.columns(b)
        src_len = (s.src_cum[rows] - s.src_cum[rows - a])[:, None]
        tgt_len = s.tgt_cum[js] - s.tgt_cum[js - b]
        out = s._value(self.margin(a, b), a, b, src_len, tgt_len)
        if s.anchors is not None:
            out = out + s.p.anchor_weight * self.dice(a, b)
        if a + b > 2:
            out = out - s.p.orphan_weight * self.orphans(a, b)
        return out


def _window(vecs: np.ndarray, indices: np.ndarray, same: bool) -> np.ndarray:
    """vecs[indices] for (k, c) indices; when every row holds the same indices, one row's
    vectors seen k times, not copied."""
    if same:
        return np.broadcast_to(vecs[indices[0]], (*indices.shape, vecs.shape[1]))
    return vecs[indices]


def _celldot(cells: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """cells (k, w, d) against rows (k, d) -> (k, w), each cosine summed on its own, so a
    cosine's value does not depend on the cells beside it."""
    return np.einsum("kwd,kd->kw", cells, rows)


def _unit_sum(vecs: np.ndarray, weights: np.ndarray) -> np.ndarray:
    acc = (vecs * weights[:, None]).sum(axis=0)
    return acc / max(float(np.linalg.norm(acc)), 1e-12)


def _blend(
    cos: np.ndarray, knn: np.ndarray, adj_sum: np.ndarray, adj_cnt: np.ndarray, weight: float
) -> np.ndarray:
    """cos minus the neighbour baseline: knn mean blended with the adjacent-sentence mean."""
    adj = np.where(adj_cnt > 0, adj_sum / np.maximum(adj_cnt, 1.0), knn)
    return cos - (1.0 - weight) * knn - weight * adj


# Thousands separators between digit groups ("4'478", "1 000", "1.000") are dropped so that
# every language writes a number the same way; any other punctuation splits it.
_THOUSANDS = re.compile(r"(?<=\d)[ '’.,\u00a0\u202f](?=\d{3}(?!\d))")
_NUMBER = re.compile(r"\d+")
_WORD = re.compile(r"[^\W\d_]+")
_VOWELS = set("aeiouy_")


def anchor_tokens(text: str) -> Counter[str]:
    """Tokens that survive translation unchanged: numbers, and a consonant skeleton of
    capitalised words inside the sentence (names), so "Putin"/"Путин" both give "ptn"."""
    tokens: Counter[str] = Counter(_NUMBER.findall(_THOUSANDS.sub("", text)))
    words = _WORD.findall(text)
    for word in words[1:]:
        if len(word) >= 4 and word[0].isupper() and not word.isupper():
            tokens["@" + _skeleton(word)] += 1
    return tokens


def _skeleton(word: str) -> str:
    """First three consonants of the word, transliterated to Latin and stripped of accents."""
    plain = unicodedata.normalize("NFKD", word.lower().translate(ONE_LETTER))
    cons = [c for c in plain if c.isascii() and c.isalpha() and c not in _VOWELS]
    return "".join(cons[:3])


class Anchors:
    """Dice overlap of the anchor tokens of any two blocks of consecutive sentences.

    Each side's tokens are held as integer ids per sentence. The blocks of a band are counted
    densely over the tokens both sides' sentences there hold, the only ones two blocks can
    share."""

    def __init__(self, src_tokens: list[Counter[str]], tgt_tokens: list[Counter[str]]) -> None:
        self.src_tokens, self.tgt_tokens = src_tokens, tgt_tokens
        vocabulary: dict[str, int] = {}
        self.src = _TokenTable(src_tokens, vocabulary)
        self.tgt = _TokenTable(tgt_tokens, vocabulary)

    def dice_of(self, src_idx: tuple[int, ...], tgt_idx: tuple[int, ...]) -> float:
        """Dice coefficient of the token multisets of any two blocks."""
        s = sum((self.src_tokens[i] for i in src_idx), Counter())
        t = sum((self.tgt_tokens[j] for j in tgt_idx), Counter())
        total = sum(s.values()) + sum(t.values())
        return 2.0 * _shared(s, t) / total if total else 0.0

    def spans(self, src: tuple[int, int], tgt: tuple[int, int]) -> "_SpanTokens":
        """The tokens of the source sentences src[0]..src[1]-1 and the target sentences
        tgt[0]..tgt[1]-1, for the Dice of blocks inside those spans."""
        return _SpanTokens(self, src, tgt)


class _SpanTokens:
    """Token counts of the blocks inside a source and a target span, counted densely over the
    tokens both spans hold (the only ones two of their blocks can share)."""

    def __init__(self, anchors: Anchors, src: tuple[int, int], tgt: tuple[int, int]) -> None:
        self.anchors, self.src_first, self.tgt_first = anchors, src[0], tgt[0]
        vocabulary = np.intersect1d(anchors.src.held(*src), anchors.tgt.held(*tgt))
        self.src_cum = anchors.src.cumulative(*src, vocabulary)
        self.tgt_cum = anchors.tgt.cumulative(*tgt, vocabulary)

    def dice(self, rows: np.ndarray, a: int, b: int, js: np.ndarray) -> np.ndarray:
        """Dice coefficient of the token multisets of src[i-a:i] and tgt[j-b:j], (k, w); 0
        where a block does not fit."""
        s_first, t_first = self.src_first, self.tgt_first
        s_block = (
            self.src_cum[:, rows - s_first]
            - self.src_cum[:, np.maximum(rows - a, s_first) - s_first]
        )
        t_block = (
            self.tgt_cum[:, js - t_first] - self.tgt_cum[:, np.maximum(js - b, t_first) - t_first]
        )
        shared = np.minimum(s_block[:, :, None], t_block).sum(axis=0)
        total = self.anchors.src.total(rows, a)[:, None] + self.anchors.tgt.total(js, b)
        fits = (rows >= a)[:, None] & (js >= b)
        return np.where(fits, 2.0 * shared / np.maximum(total, 1), 0.0).astype(np.float32)


class _TokenTable:
    """One side's anchor tokens: (sentence, token id, count) sorted by sentence."""

    def __init__(self, tokens: list[Counter[str]], vocabulary: dict[str, int]) -> None:
        entries = np.array(
            [
                (i, vocabulary.setdefault(token, len(vocabulary)), count)
                for i, counter in enumerate(tokens)
                for token, count in counter.items()
            ],
            dtype=np.int64,
        ).reshape(-1, 3)
        self.sentence, self.ids, self.counts = entries.T
        self.indptr = np.searchsorted(self.sentence, np.arange(len(tokens) + 1))
        self.total_cum = np.concatenate(
            [[0], np.cumsum(np.bincount(self.sentence, self.counts, len(tokens)))]
        ).astype(np.int64)

    def held(self, first: int, end: int) -> np.ndarray:
        """Sorted ids of the tokens sentences first..end-1 hold."""
        return np.unique(self.ids[self.indptr[first] : self.indptr[end]])

    def cumulative(self, first: int, end: int, vocabulary: np.ndarray) -> np.ndarray:
        """Counts of each ``vocabulary`` token (sorted ids) in sentences first..first+r-1 at
        column r, shaped (len(vocabulary), end - first + 1)."""
        span = slice(self.indptr[first], self.indptr[end])
        ids = self.ids[span]
        at = np.minimum(np.searchsorted(vocabulary, ids), max(len(vocabulary) - 1, 0))
        known = vocabulary[at] == ids if len(vocabulary) else np.zeros(len(ids), dtype=bool)
        dense = np.zeros((len(vocabulary), end - first + 1), dtype=np.int32)
        dense[at[known], self.sentence[span][known] - first + 1] = self.counts[span][known]
        return np.cumsum(dense, axis=1, dtype=np.int32)

    def total(self, ends: np.ndarray, size: int) -> np.ndarray:
        """Number of tokens of the blocks of ``size`` sentences ending at ``ends``."""
        return self.total_cum[ends] - self.total_cum[np.maximum(ends - size, 0)]


def _shared(s: Counter[str], t: Counter[str]) -> int:
    """Size of the intersection of two multisets (the sum of `s & t` without building it)."""
    if len(t) < len(s):
        s, t = t, s
    return sum(min(n, t[w]) for w, n in s.items() if w in t)
