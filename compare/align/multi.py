"""Joint alignment of several language versions into units consistent across every pair.

Every pair of languages is aligned on its own; the union of all pairwise links is then
split into connected components (sentences linked directly or through a third language),
and components whose spans cross in any language are merged so the units stay monotone.
Inside a unit where the pairs disagree, the two other pairs may overrule one pair's links
when that costs it little in its own DP values (see :func:`_reconcile`). Where a pair's own
links inside a unit differ from the unit, they are kept as evidence.
"""

from itertools import combinations

import numpy as np
from scipy.sparse import coo_array
from scipy.sparse.csgraph import connected_components

from compare.align.model import Link, Pair, Unit
from compare.align.pair import pair_alignment
from compare.align.params import AlignParams
from compare.align.scoring import PairScorer

Node = tuple[str, int]


def align_many(
    vecs_by_lang: dict[str, np.ndarray],
    lens_by_lang: dict[str, np.ndarray | list[int]] | None = None,
    texts_by_lang: dict[str, list[str]] | None = None,
    **params: float,
) -> list[Unit]:
    """Align two or more versions of one text; returns units in document order.

    ``vecs_by_lang`` maps a language code to its (n, d) unit sentence vectors,
    ``lens_by_lang`` optionally to sentence lengths in characters, ``texts_by_lang`` optionally
    to the sentences themselves (lexical anchors, see :func:`compare.align.align_pair`);
    ``params`` are passed to :func:`compare.align.align_pair` for every pair. Pairs are taken
    in the order of the dict's keys, e.g. ("kk", "ru"), ("kk", "en"), ("ru", "en").
    """
    langs = list(vecs_by_lang)
    vecs = {lang: np.asarray(v, dtype=np.float32) for lang, v in vecs_by_lang.items()}
    lens = {
        lang: np.asarray((lens_by_lang or {}).get(lang, np.ones(len(v))), dtype=np.float64)
        for lang, v in vecs.items()
    }
    texts = texts_by_lang or {}
    results = {
        (a, b): pair_alignment(
            vecs[a], vecs[b], lens[a], lens[b], texts.get(a), texts.get(b), params
        )
        for a, b in combinations(langs, 2)
    }
    pair_links = {pair: links for pair, (links, _) in results.items()}
    scorers = {pair: scorer for pair, (_, scorer) in results.items()}
    sizes = {lang: len(v) for lang, v in vecs.items()}
    views = {
        pair: _PairView(links, sizes[pair[0]], sizes[pair[1]]) for pair, links in pair_links.items()
    }
    groups = _monotone(_components(sizes, pair_links), langs)
    if len(langs) > 2:
        outvote = AlignParams(**params).outvote
        groups = [u for g in groups for u in _reconcile(g, langs, views, scorers, outvote)]
    return [_unit(group, langs, views, scorers) for group in groups]


class _PairView:
    """One pair's links, findable from any sentence of either side."""

    def __init__(self, links: list[Link], n_src: int, n_tgt: int) -> None:
        self.links = links
        self.by_src = np.zeros(n_src, dtype=np.int64)
        self.by_tgt = np.zeros(n_tgt, dtype=np.int64)
        for k, link in enumerate(links):
            self.by_src[list(link.src)] = k
            self.by_tgt[list(link.tgt)] = k

    def inside(self, src: tuple[int, ...], tgt: tuple[int, ...]) -> tuple[Link, ...]:
        ids = sorted(
            {int(k) for k in self.by_src[list(src)]} | {int(k) for k in self.by_tgt[list(tgt)]}
        )
        return tuple(self.links[k] for k in ids)


def _components(
    sizes: dict[str, int], pair_links: dict[Pair, list[Link]]
) -> list[dict[str, list[int]]]:
    """Connected components of the graph whose nodes are sentences and edges pairwise links,
    in the order of their first sentence (languages in the order of `sizes`)."""
    nodes: list[Node] = [(lang, i) for lang, n in sizes.items() for i in range(n)]
    first = dict(zip(sizes, np.cumsum([0, *sizes.values()]).tolist(), strict=False))
    edges = []  # each link joins its sentences to its first one
    for (a, b), links in pair_links.items():
        for link in links:
            linked = [first[a] + i for i in link.src] + [first[b] + j for j in link.tgt]
            edges += [(linked[0], other) for other in linked[1:]]
    rows, cols = zip(*edges, strict=True) if edges else ((), ())
    graph = coo_array((np.ones(len(edges)), (rows, cols)), shape=(len(nodes), len(nodes)))
    _, labels = connected_components(graph, directed=False)
    comps: dict[int, dict[str, list[int]]] = {}
    for node, label in zip(nodes, labels.tolist(), strict=True):
        comps.setdefault(label, {lang: [] for lang in sizes})[node[0]].append(node[1])
    return list(comps.values())


def _reconcile(
    group: dict[str, list[int]],
    langs: list[str],
    views: dict[Pair, "_PairView"],
    scorers: dict[Pair, PairScorer | None],
    outvote: float,
) -> list[dict[str, list[int]]]:
    """Let two pairs overrule the third inside a unit where the pairs disagree.

    The union of every pair's links lets one pair's mistake (typically a sentence that one
    language omits, linked into a neighbour's link) glue units that the other pairs keep
    apart. For each pair, the units its remaining pairs form on their own are a candidate;
    the candidate that costs the overruled pair least, in its own DP values, wins if that
    cost is below ``outvote``. Otherwise the unit stays whole.
    """
    indices = {lang: tuple(group[lang]) for lang in langs}
    inside = {pair: view.inside(indices[pair[0]], indices[pair[1]]) for pair, view in views.items()}
    if all(_agrees(own, indices[a], indices[b]) for (a, b), own in inside.items()):
        return [group]
    best, best_cost = [group], outvote
    for pair, own in inside.items():
        scorer = scorers[pair]
        if scorer is None:
            continue
        kept = {other: list(links) for other, links in inside.items() if other != pair}
        candidate = _local_units(group, langs, kept)
        cost = sum(scorer.link_value(k.src, k.tgt) for k in own) - sum(
            scorer.link_value(tuple(u[pair[0]]), tuple(u[pair[1]])) for u in candidate
        )
        if cost < best_cost:
            best, best_cost = candidate, cost
    return best


def _agrees(own: tuple[Link, ...], src: tuple[int, ...], tgt: tuple[int, ...]) -> bool:
    """Whether a pair's own links inside a unit are exactly the unit's projection."""
    return not (src and tgt) or (len(own) == 1 and own[0].src == src and own[0].tgt == tgt)


def _local_units(
    group: dict[str, list[int]], langs: list[str], pair_links: dict[Pair, list[Link]]
) -> list[dict[str, list[int]]]:
    """Monotone units of one group's sentences from the given pairs' links alone."""
    base = {lang: group[lang][0] if group[lang] else 0 for lang in langs}
    local = {
        pair: [
            Link(
                tuple(i - base[pair[0]] for i in link.src),
                tuple(j - base[pair[1]] for j in link.tgt),
                link.score,
            )
            for link in links
        ]
        for pair, links in pair_links.items()
    }
    comps = _components({lang: len(group[lang]) for lang in langs}, local)
    return [
        {lang: [i + base[lang] for i in unit[lang]] for lang in langs}
        for unit in _monotone(comps, langs)
    ]


def _monotone(comps: list[dict[str, list[int]]], langs: list[str]) -> list[dict[str, list[int]]]:
    """Emit components in reading order, merging those that cross so every unit is consecutive.

    A component is ready when, in every language it touches, it starts at the next unread
    sentence and is contiguous. A blocked component hands over to the component holding the
    sentence it waits for; when that chain comes back on itself the components in the cycle
    cross each other, and they are merged into one unit.
    """
    owner = {(lang, i): c for c, comp in enumerate(comps) for lang in langs for i in comp[lang]}
    sizes = {lang: sum(len(comp[lang]) for comp in comps) for lang in langs}
    nxt = dict.fromkeys(langs, 0)
    units: list[dict[str, list[int]]] = []
    while any(nxt[lang] < sizes[lang] for lang in langs):
        start = next(lang for lang in langs if nxt[lang] < sizes[lang])
        chain = [owner[(start, nxt[start])]]
        while True:
            current = chain[-1]
            blocker, is_gap = _blocker(comps[current], nxt, owner, langs)
            if blocker is None:
                break
            if is_gap or blocker in chain:
                cut = chain.index(blocker) if blocker in chain else len(chain) - 1
                for other in chain[cut:] + ([] if blocker in chain else [blocker]):
                    if other != chain[cut]:
                        _absorb(comps, owner, chain[cut], other, langs)
                chain = chain[: cut + 1]
            else:
                chain.append(blocker)
        comp = comps[chain[-1]]
        for lang in langs:
            nxt[lang] += len(comp[lang])
        units.append(comp)
    return units


def _blocker(
    comp: dict[str, list[int]],
    nxt: dict[str, int],
    owner: dict[Node, int],
    langs: list[str],
) -> tuple[int | None, bool]:
    """The component this one waits for, and whether it sits inside this one's span."""
    for lang in langs:
        idx = comp[lang]
        if not idx:
            continue
        if idx[0] != nxt[lang]:
            return owner[(lang, nxt[lang])], False
        if idx[-1] != idx[0] + len(idx) - 1:
            gap = next(k for k, i in enumerate(idx, start=idx[0]) if i != k)
            return owner[(lang, gap)], True
    return None, False


def _absorb(
    comps: list[dict[str, list[int]]],
    owner: dict[Node, int],
    into: int,
    other: int,
    langs: list[str],
) -> None:
    for lang in langs:
        for i in comps[other][lang]:
            owner[(lang, i)] = into
        comps[into][lang] = sorted(comps[into][lang] + comps[other][lang])
        comps[other][lang] = []


def _unit(
    group: dict[str, list[int]],
    langs: list[str],
    views: dict[Pair, _PairView],
    scorers: dict[Pair, PairScorer | None],
) -> Unit:
    indices = {lang: tuple(group[lang]) for lang in langs}
    scores: dict[Pair, float] = {}
    disagreements: dict[Pair, tuple[Link, ...]] = {}
    for (a, b), view in views.items():
        src, tgt = indices[a], indices[b]
        scorer = scorers[(a, b)]
        if not (src and tgt) or scorer is None:
            continue
        own = view.inside(src, tgt)
        if _agrees(own, src, tgt):
            scores[(a, b)] = own[0].score
        else:
            scores[(a, b)] = round(scorer.block_margin(src, tgt), 6)
            disagreements[(a, b)] = own
    score = float(np.mean(list(scores.values()))) if scores else 0.0
    return Unit(indices, round(score, 6), scores, disagreements)
