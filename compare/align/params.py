"""Tunable parameters of the aligner, with defaults measured on Text+Berg (dev and test) and
on kk/ru/en NTREX-128 m:n documents (bench/align.py)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class AlignParams:
    """All knobs of :func:`compare.align.align_pair` and :func:`compare.align.align_many`.

    Every default was measured (see ``bench/align.py``); a change was kept only when it helped
    NTREX m:n (two perturbation seeds) without costing Text+Berg.

    - ``max_block``: largest number of sentences on one side of a link; the DP considers every
      (a, b) with a + b <= max_block + 1 (4: 1-1 .. 1-4, 2-1 .. 2-3, 3-1, 3-2, 4-1), plus 1-0
      and 0-1.
    - ``k``, ``knn_radius``: neighbours averaged for the margin's baseline, and how far (in
      sentences) from the expected position they are searched.
    - ``adjacent``: share of the baseline taken from the sentences just outside the
      counterpart block instead of the k nearest neighbours (0..1).
    - ``band``: half-width, in sentences, of the band the second pass searches around the first
      pass's path.
    - ``skip``: DP value of leaving one sentence unaligned (negative).
    - ``size_gain``: extra weight of a link's margin per sentence beyond 1-1, so one link that
      explains several sentences can outweigh several partial 1-1 links.
    - ``merge_penalty``: cost per sentence beyond 1-1, a prior against needless merges.
    - ``length_weight``, ``len_smooth``: a link's margin is scaled by log2(1 + e^-dev), and
      ``length_weight * dev`` is subtracted, where dev = |log length ratio - the document's
      overall character ratio|, lengths smoothed by ``len_smooth`` characters.
    - ``len_exponent``: block vectors are sums of sentence vectors weighted by
      length**len_exponent (0 = plain sum).
    - ``coarse_cells``: above this many lattice cells the first pass runs on sentences summed in
      groups, so memory stays linear in document length.
    - ``weak_weight``, ``weak_floor``: a link whose margin is below ``weak_floor`` units loses
      ``weak_weight`` times the shortfall, so two unrelated sentences are left unaligned rather
      than linked just because a link costs less than two skips (omissions surface as nulls).
    - ``orphan_weight``: cost, per unit of cosine, of a merged block matching the other side
      worse than the same block without its first or last sentence: an absorbed orphan.
    - ``anchor_weight``: bonus times the Dice overlap of two blocks' numbers and name skeletons
      (used only when sentence texts are given).
    - ``outvote``: in three-way alignment, the most (in DP values) one pair may lose when the two
      other pairs overrule its links inside a unit where the pairs disagree.

    Measured (Text+Berg strict F1 dev / test; NTREX seed 2024 kk-ru / kk-en / ru-en / joint):
    before these five knobs, length_weight 0.1: .859 / .900; .946 / .948 / .948 / .906. Anchors
    alone .863 / .898; .946 / .949 / .950 / .912. Weak + orphan terms with anchors: .863 / .896;
    .949 / .949 / .954 / .920. length_weight 0.3 then: .868 / .901; .954 / .950 / .956 / .921
    (0.2 and 0.4 a little worse on Text+Berg). outvote 0.5: joint .937 (seed 7: .896 -> .932).
    Tried and dropped: scaling skip by each sentence's best match (hurts both), vote-based
    reconciliation by sentence edges or links (joint .878 / .902), reconciliation by total DP
    value over all pairs (prefers splits, .895), ``adjacent`` 0.7 (NTREX -.01), merge_penalty
    0.5, skip -0.35 / -0.4, k 2 / 8, knn_radius 12 / 48, max_block 5, len_exponent 0.5.
    """

    max_block: int = 4
    k: int = 4
    knn_radius: int = 24
    adjacent: float = 0.5
    band: int = 8
    skip: float = -0.45
    size_gain: float = 0.25
    merge_penalty: float = 0.6
    length_weight: float = 0.3
    len_smooth: float = 0.0
    len_exponent: float = 1.0
    coarse_cells: int = 1_000_000
    weak_weight: float = 1.0
    weak_floor: float = 0.3
    orphan_weight: float = 1.0
    anchor_weight: float = 1.0
    outvote: float = 0.5

    def moves(self) -> tuple[tuple[int, int], ...]:
        """All link shapes the second pass may use, null links included."""
        shapes = [(1, 0), (0, 1)]
        for a in range(1, self.max_block + 1):
            for b in range(1, self.max_block + 1):
                if a + b <= self.max_block + 1:
                    shapes.append((a, b))
        return tuple(shapes)
