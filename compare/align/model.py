"""The plain values the aligner returns: pairwise links and multi-way units."""

from dataclasses import dataclass, field

Pair = tuple[str, str]


@dataclass(frozen=True)
class Link:
    """One pairwise alignment link: consecutive source and target sentence indices.

    Either side may be empty (an omission ``(i,) -> ()`` or an addition ``() -> (j,)``).
    ``score`` is a margin, higher = better: for a non-empty link it is the cosine of the two
    blocks minus the mean cosine each block has with its k nearest neighbours on the other
    side (about -0.1 .. 0.3 in practice; above 0 means the blocks are closer to each other than
    to their typical neighbours). For a null link it is minus how far the sentence's best single
    match nearby stands above its k-nearest mean, so a clear omission scores high too.
    """

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    score: float


@dataclass(frozen=True)
class Unit:
    """One multi-way alignment unit: the sentences of every language that say the same thing.

    ``indices`` maps each language to consecutive sentence indices (possibly empty).
    ``pair_scores`` holds the margin (see :class:`Link`) of every language pair whose two
    sides are both non-empty; ``score`` is their mean (0.0 when fewer than two languages are
    present). ``disagreements`` maps a language pair to that pair's own links inside this unit
    when they differ from the unit's projection onto the pair: a split into several non-empty
    links usually means a merge in a third language; a null link means the pair saw an
    omission that the other pairs bridged, a drift signal for later checks.
    """

    indices: dict[str, tuple[int, ...]]
    score: float
    pair_scores: dict[Pair, float] = field(default_factory=dict)
    disagreements: dict[Pair, tuple[Link, ...]] = field(default_factory=dict)
