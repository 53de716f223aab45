"""How usual a word is where it stands: the other units of its text where it has the same neighbour.

With two versions, a word put in another's place breaks the lexicon both ways: the version it
came into lacks the counterpart of the other version's word, and the other version lacks the
counterpart of the new word. What tells them apart is the text itself: a word a translator
brought in by mistake seldom stands beside its neighbours anywhere else in the document, while
the word it displaced keeps the company it keeps elsewhere ("цифровой майнер" throughout a law,
"уплату майнер" nowhere else). A word's *support* is the number of other units of the group
where the stems next to it stand next to it too (left and right pairs counted apart).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from itertools import pairwise

from compare.checks.base import Span, UnitText
from compare.checks.context import shared
from compare.checks.similarity import text_of
from compare.stem import tokens

Pairs = Mapping[str, Counter]  # per version key: adjacent stem pair -> units holding it


def _pairs(text: str, lang: str) -> set[tuple[str, str]]:
    words = tokens(text, lang)
    return {(a.stem, b.stem) for a, b in pairwise(words)}


def group_pairs(
    units: Sequence[UnitText], keys: Sequence[str], langs: Mapping[str, str]
) -> dict[str, Counter]:
    """Per version key, how many units of the group hold each adjacent pair of stems;
    computed once per group (see checks.context)."""

    def count() -> dict[str, Counter]:
        out: dict[str, Counter] = {key: Counter() for key in keys}
        for unit in units:
            for key in keys:
                out[key].update(_pairs(text_of(unit, key), langs[key]))
        return out

    return shared(units, ("collocations", tuple(keys)), count)


def support(pairs: Pairs, unit: UnitText, key: str, lang: str, start: int) -> int:
    """Other units of the group where the stem of the word at `start` in version `key` has
    the neighbour it has here (left and right counted apart; a word alone has none)."""
    words = tokens(text_of(unit, key), lang)
    at = next((i for i, w in enumerate(words) if w.start == start), None)
    if at is None:
        return 0
    seen = pairs.get(key, Counter())
    around = [(words[i].stem, words[i + 1].stem) for i in (at - 1, at) if 0 <= i < len(words) - 1]
    return sum(max(seen[pair] - 1, 0) for pair in around)


def intrudes(
    pairs: Pairs, unit: UnitText, langs: Mapping[str, str], word: Span, rival: Span
) -> bool:
    """Whether `word` rather than `rival` (a word of another version standing in its place)
    is the one put there by mistake: it has no support where it stands and `rival` has some."""
    mine = support(pairs, unit, word.lang, langs[word.lang], word.start)
    return mine == 0 and support(pairs, unit, rival.lang, langs[rival.lang], rival.start) > 0
