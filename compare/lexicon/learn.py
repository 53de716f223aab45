"""A kk/ru/en lexicon learned from the texts being compared: aligned units are a parallel corpus.

Two stems of different languages that keep occurring in the same units are taken as
translations of each other: their Dice coefficient over the units where each occurs is high, and
they share at least two units. Each stem also gets its *reliability* towards another language:
the share of its units where one of its counterparts is there. A word a translation renders the
same way every time is missed when its counterpart is absent; a word rendered freely is not.
A stem also keeps its *other renderings*: the stems that keep standing in the units where none
of its counterparts does, far more often than where one does (a synonym, a free translation,
another sense of a stem two words share; not the company the stem keeps), so that such a unit
is not taken for a replaced word. Counting is a few sparse matrix
products, so a law of thousands of units learns in seconds.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import permutations

import numpy as np
from scipy import sparse

from compare.checks.base import UnitText
from compare.stem import Token, tokens

MIN_WORD = 3  # shorter words are mostly particles and prepositions
MIN_SHARED = 2  # units two stems must share to be taken as translations
MIN_DICE = 0.3
NEAR_BEST = 0.7  # a counterpart is kept when its Dice is at least this share of the best one
OTHER_SHARE = 0.3  # share of a stem's units without a counterpart that hold its other rendering
OTHER_LIFT = 2.0  # how much likelier the other rendering is there than in any unit
OTHER_UNITS = 3  # units (the one checked among them) where it stands so


@dataclass(frozen=True)
class Entry:
    """One stem's counterparts in another language (stem -> Dice) and how often they show:
    `seen` units hold the stem, `covered` of them one of its counterparts too. `others`: stems
    that keep standing in the units where none of its counterparts does, its other renderings
    (a synonym, a free translation, another sense of the same stem)."""

    counterparts: Mapping[str, float]
    seen: int = 0
    covered: int = 0
    others: frozenset[str] = frozenset()

    def reliability(self) -> float:
        """How sure it is that a counterpart stands beside the stem in a unit that lacks one:
        the share of its other units that hold one, shrunk towards a half for few units
        ((covered + 1) / (other units + 2))."""
        return (self.covered + 1) / (self.seen - 1 + 2)


@dataclass
class Lexicon:
    """Per ordered pair of languages, each stem's Entry."""

    entries: dict[tuple[str, str], dict[str, Entry]] = field(default_factory=dict)

    def get(self, src: str, tgt: str, stem: str) -> Entry | None:
        return self.entries.get((src, tgt), {}).get(stem)

    def merge(self, other: Lexicon) -> Lexicon:
        """This lexicon with `other`'s counterparts added (this one's counts kept)."""
        merged = {pair: dict(table) for pair, table in self.entries.items()}
        for pair, table in other.entries.items():
            mine = merged.setdefault(pair, {})
            for stem, entry in table.items():
                old = mine.get(stem)
                if old is None:
                    mine[stem] = entry
                else:
                    extra = {
                        t: d for t, d in entry.counterparts.items() if t not in old.counterparts
                    }
                    counterparts = {**old.counterparts, **extra}
                    mine[stem] = Entry(counterparts, old.seen, old.covered, old.others)
        return Lexicon(merged)

    def __len__(self) -> int:
        return sum(len(table) for table in self.entries.values())


@lru_cache(maxsize=16384)
def content_words(text: str, lang: str) -> tuple[Token, ...]:
    """A text's words of MIN_WORD letters or more; cached as `tokens` is, since the lexicon
    and the checks that read it each read every unit."""
    return tuple(t for t in tokens(text, lang) if len(t.word) >= MIN_WORD)


@lru_cache(maxsize=16384)
def unit_stems(text: str, lang: str) -> frozenset[str]:
    """The stems of a text's content words (cached: the lexicon learns from them, the gap
    check looks each up)."""
    return frozenset(t.stem for t in content_words(text, lang))


def _matrix(bags: Sequence[frozenset[str]], vocab: Mapping[str, int]) -> sparse.csr_matrix:
    """Units × stems, 1 where the unit holds the stem."""
    rows = [i for i, bag in enumerate(bags) for s in bag if s in vocab]
    cols = [vocab[s] for bag in bags for s in bag if s in vocab]
    data = np.ones(len(rows), dtype=np.float32)
    return sparse.csr_matrix((data, (rows, cols)), shape=(len(bags), len(vocab)))


def _dice(
    x_a: sparse.csr_matrix, x_b: sparse.csr_matrix, shared: sparse.coo_matrix | None = None
) -> sparse.coo_matrix:
    """Dice coefficients of the stem pairs that share MIN_SHARED units and reach MIN_DICE
    (`shared`: units counted per pair, by default every unit holding both)."""
    shared_units = (x_a.T @ x_b).tocoo() if shared is None else shared
    freq_a = np.asarray(x_a.sum(axis=0)).ravel()
    freq_b = np.asarray(x_b.sum(axis=0)).ravel()
    rows, cols, n = shared_units.row, shared_units.col, shared_units.data
    dice = 2 * n / (freq_a[rows] + freq_b[cols])
    kept = (n >= MIN_SHARED) & (dice >= MIN_DICE)
    return sparse.coo_matrix((dice[kept], (rows[kept], cols[kept])), shape=shared_units.shape)


def _competitive(
    x_a: sparse.csr_matrix, x_b: sparse.csr_matrix, dice: sparse.coo_matrix
) -> sparse.coo_matrix:
    """Dice again, counting only the units where the two stems are linked to each other: in
    each unit the pair of highest Dice is linked first, then the next among the stems left, one
    counterpart per stem (competitive linking), so a word's company in a fixed phrase ("уставный
    капитал": "жарғылық капитал") does not pass for its translation."""
    table = dice.tocsr()
    where = np.full(table.shape[1], -1)
    rows, cols = [], []
    for u in range(x_a.shape[0]):
        here_a, here_b = (
            x_a.indices[x_a.indptr[u] : x_a.indptr[u + 1]],
            x_b.indices[x_b.indptr[u] : x_b.indptr[u + 1]],
        )
        if not len(here_a) or not len(here_b):
            continue
        for i, j in _unit_links(_block(table, here_a, here_b, where)):
            rows.append(here_a[i])
            cols.append(here_b[j])
    links = sparse.csr_matrix(
        (np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=table.shape
    )
    return _dice(x_a, x_b, links.tocoo())


def _unit_links(scores: np.ndarray) -> Iterator[tuple[int, int]]:
    """The (row, column) pairs competitive linking takes from one unit's block of scores:
    the highest first (the first in row order among equal ones), then the highest of the rows
    and columns left, while any is above zero. One sort of the block's scores, not a search of
    the whole block for each link."""
    rows, cols = np.nonzero(scores > 0)
    order = np.argsort(-scores[rows, cols], kind="stable")
    used_rows: set[int] = set()
    used_cols: set[int] = set()
    for i, j in zip(rows[order].tolist(), cols[order].tolist(), strict=True):
        if i not in used_rows and j not in used_cols:
            used_rows.add(i)
            used_cols.add(j)
            yield i, j


def _block(
    table: sparse.csr_matrix, rows: np.ndarray, cols: np.ndarray, where: np.ndarray
) -> np.ndarray:
    """`table[rows][:, cols]` as a dense array, gathered from the CSR arrays directly: for the
    few stems of one unit, scipy's fancy indexing costs many times the gathering itself, once
    for each of a long law's thousands of units. `where` is -1 for every column of `table`; it
    is lent for the call and left as it was."""
    where[cols] = np.arange(len(cols))
    starts = table.indptr[rows]
    lengths = table.indptr[rows + 1] - starts
    flat = np.repeat(starts - np.cumsum(lengths) + lengths, lengths) + np.arange(lengths.sum())
    at = where[table.indices[flat]]
    hit = at >= 0
    block = np.zeros((len(rows), len(cols)), dtype=table.dtype)
    block[np.repeat(np.arange(len(rows)), lengths)[hit], at[hit]] = table.data[flat][hit]
    where[cols] = -1
    return block


def _direction(
    dice: sparse.coo_matrix, vocab_src: list[str], vocab_tgt: list[str]
) -> dict[str, dict[str, float]]:
    """Per source stem, its counterparts: Dice at least NEAR_BEST of its best one."""
    best: dict[int, float] = {}
    for i, d in zip(dice.row, dice.data, strict=True):
        best[i] = max(best.get(i, 0.0), d)
    out: dict[str, dict[str, float]] = {}
    for i, j, d in zip(dice.row, dice.col, dice.data, strict=True):
        if d >= NEAR_BEST * best[i]:
            out.setdefault(vocab_src[i], {})[vocab_tgt[j]] = round(float(d), 3)
    return out


def _mutual(
    forth: Mapping[str, Mapping[str, float]], back: Mapping[str, Mapping[str, float]]
) -> dict[str, dict[str, float]]:
    """The counterparts each side keeps for the other: a word frequent everywhere ("және",
    "and") is near the best of many words, but none of them is near its own best."""
    out = {}
    for s, cs in forth.items():
        kept = {t: d for t, d in cs.items() if s in back.get(t, {})}
        if kept:
            out[s] = kept
    return out


def _coverage(
    x_src: sparse.csr_matrix,
    x_tgt: sparse.csr_matrix,
    table: Mapping[str, Mapping[str, float]],
    index_src: Mapping[str, int],
    index_tgt: Mapping[str, int],
) -> tuple[np.ndarray, np.ndarray, sparse.csr_matrix, sparse.csr_matrix]:
    """Per source stem: units holding it, units holding it and one of its counterparts, and
    how often each target stem stands in the units holding it without one and with one
    (stems × stems each)."""
    rows = [index_src[s] for s, cs in table.items() for t in cs]
    cols = [index_tgt[t] for cs in table.values() for t in cs]
    links = sparse.csr_matrix(
        (np.ones(len(rows), dtype=np.float32), (rows, cols)),
        shape=(x_src.shape[1], x_tgt.shape[1]),
    )
    found = (x_tgt @ links.T) > 0  # units × source stems: a counterpart is there
    seen = np.asarray(x_src.sum(axis=0)).ravel()
    covered_units = x_src.multiply(found)
    covered = np.asarray(covered_units.sum(axis=0)).ravel()
    bare = (x_src - covered_units).tocsr()  # units × source stems: held without a counterpart
    return seen, covered, (bare.T @ x_tgt).tocsr(), (covered_units.T @ x_tgt).tocsr()


def _others(
    bare: sparse.csr_matrix,
    beside: sparse.csr_matrix,
    lacking: int,
    covered: int,
    usual: np.ndarray,
    stem: int,
) -> set[int]:
    """The target stems that keep standing where source stem `stem` has no counterpart (in
    `lacking` units): in OTHER_UNITS and OTHER_SHARE of those units, OTHER_LIFT times likelier
    than in any unit (`usual`: each target stem's share of all units) and than in the
    `covered` units where a counterpart stands (`beside`: units per stem pair), so that a
    word frequent in such units ("және", and) is not taken for another rendering. The rows
    are read from the CSR arrays directly (see _block)."""
    targets = bare.indices[bare.indptr[stem] : bare.indptr[stem + 1]]
    units = bare.data[bare.indptr[stem] : bare.indptr[stem + 1]]
    if not lacking or not len(targets):
        return set()
    share = units / lacking
    where = np.full(beside.shape[1], -1)
    along = _block(beside, np.array([stem]), targets, where)[0] / max(covered, 1)
    kept = (
        (units >= OTHER_UNITS)
        & (share >= OTHER_SHARE)
        & (share >= OTHER_LIFT * np.maximum(usual[targets], along))
    )
    return set(targets[kept].tolist())


Bag = Mapping[str, frozenset[str]]  # one unit: per language, the stems it holds


def unit_bags(units: Iterable[UnitText], langs: Mapping[str, str] | None = None) -> list[Bag]:
    """Per unit, the stems of each language's text (`langs`: version key -> language; a
    second version in a language already seen is left out)."""
    out = []
    for unit in units:
        bag: dict[str, frozenset[str]] = {}
        for key, text in unit.texts.items():
            lang = (langs or {}).get(key, key)
            if lang not in bag and text.strip():
                bag[lang] = unit_stems(text, lang)
        out.append(bag)
    return out


def _add_known(
    table: dict[str, dict[str, float]],
    known: Mapping[str, Entry],
    index_src: Mapping[str, int],
    index_tgt: Mapping[str, int],
) -> None:
    """Add a dictionary's counterparts that occur in the units to the stems the units hold."""
    for stem in index_src.keys() & known.keys():
        extra = {t: 1.0 for t in known[stem].counterparts if t in index_tgt}
        if extra:
            table[stem] = {**extra, **table.get(stem, {})}


def learn(bags: Iterable[Bag], known: Lexicon | None = None) -> Lexicon:
    """A lexicon from aligned units given as per-language stems (see unit_bags); a unit
    missing a language does not count for that language's pairs. `known`: counterparts from a
    dictionary (see lexicon.apertium), added to the learned ones for the stems the units hold;
    how reliable each stem's counterparts are comes from the units all the same."""
    bags = list(bags)
    langs = sorted({lang for bag in bags for lang in bag})
    lexicon = Lexicon()
    for a, b in ((a, b) for a, b in permutations(langs, 2) if a < b):
        both = [bag for bag in bags if bag.get(a) and bag.get(b)]
        if len(both) < MIN_SHARED:
            continue
        side = {lang: [bag[lang] for bag in both] for lang in (a, b)}
        vocab, index, x = {}, {}, {}
        for lang in (a, b):
            counts: dict[str, int] = {}
            for stems in side[lang]:
                for s in stems:
                    counts[s] = counts.get(s, 0) + 1
            vocab[lang] = sorted(counts)
            index[lang] = {s: i for i, s in enumerate(vocab[lang])}
            x[lang] = _matrix(side[lang], index[lang])
        links = _competitive(x[a], x[b], _dice(x[a], x[b]))
        forth = _direction(links, vocab[a], vocab[b])
        back = _direction(links.T.tocoo(), vocab[b], vocab[a])
        for src, tgt, table in ((a, b, _mutual(forth, back)), (b, a, _mutual(back, forth))):
            if known:
                _add_known(table, known.entries.get((src, tgt), {}), index[src], index[tgt])
            seen, covered, bare, beside = _coverage(x[src], x[tgt], table, index[src], index[tgt])
            usual = np.asarray(x[tgt].sum(axis=0)).ravel() / len(both)
            lexicon.entries[(src, tgt)] = {
                s: Entry(
                    cs,
                    int(seen[i]),
                    int(covered[i]),
                    frozenset(
                        vocab[tgt][j]
                        for j in _others(
                            bare, beside, int(seen[i] - covered[i]), int(covered[i]), usual, i
                        )
                    )
                    - cs.keys(),
                )
                for s, cs in table.items()
                for i in (index[src][s],)
            }
    return lexicon
