"""Which words of a unit have no counterpart in another version, by a bilingual lexicon.

The evidence the replaced-word and gap checks share, computed once per group. A word is
*missing* from a version when the lexicon knows its counterparts there and none of them is in
that version's text, or when the word stands there more often than its counterparts do (a
repeated term one version says once less); how much that says is the word's reliability (the
share of its other units where a counterpart stands beside it). With three languages a missing
concept is *confirmed* when two versions both hold it (two words the lexicon links) and both
lack it in the third: the third version is the one at fault. A word of one version whose
counterparts are missing from every other version is *unmatched*: something that version adds or
puts in another's place. A missing word is *rendered otherwise* when the other version holds, among
the words none of whose counterparts stand in this one, one of its other renderings
(lexicon.learn.Entry.others); a concept lacked by such a word is no evidence for either check.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from typing import ClassVar

from compare.checks.base import Check, Span, UnitText
from compare.checks.context import shared
from compare.checks.similarity import text_of, version_keys
from compare.lexicon.learn import Entry, Lexicon, content_words, unit_stems
from compare.stem import Token

MIN_SEEN = 3  # units a word must occur in for its absence to say anything
MIN_RELIABILITY = 0.6
MIN_STRENGTH = 0.8  # the least reliability of the words a flag rests on (tuned on NTREX dev)
DERIVED_MIN = 5  # shortest stem that may stand for the words derived from it
STAND_IN_MIN = 4  # shortest word taken for one standing in for another


@dataclass(frozen=True, slots=True)
class Word:
    """One word of one version of a unit, with how surely its counterpart is expected."""

    key: str
    token: Token
    reliability: float
    # a stem the lexicon saw standing in its place elsewhere stands in the other version
    rendered_otherwise: bool = False


@dataclass(frozen=True, slots=True)
class Lack:
    """A concept the versions `holders` render (by `words`) and version `key` does not."""

    key: str
    words: tuple[Word, ...]  # one per holding version, in version order
    strength: float  # the least reliability among the words

    @property
    def holders(self) -> tuple[str, ...]:
        return tuple(w.key for w in self.words)


@dataclass(frozen=True)
class UnitEvidence:
    """Per version of a unit: the concepts it lacks, the words no other version matches, and
    the words no other version accounts for (the lexicon knows no counterpart of theirs there,
    nor is any of them a counterpart of another version's word)."""

    lacks: Mapping[str, tuple[Lack, ...]]
    unmatched: Mapping[str, tuple[Word, ...]]
    unaccounted: Mapping[str, tuple[Word, ...]] = field(default_factory=dict)
    # (version, other version): starts of the words whose counterpart the other one holds
    matched: Mapping[tuple[str, str], frozenset[int]] = field(default_factory=dict)


class Forms:
    """The word forms of a text's words, indexed: which words hold a stem, or a word derived
    from it or it from one ("полиц" in "полицейск"), is a few look-ups in its forms, kept
    sorted, not a scan of the text. Each form keeps the positions of its words as the bits of
    an int, not a set: the gap check indexes every version of every unit of a law."""

    def __init__(self, words: Sequence[Token]) -> None:
        self.exact: dict[str, int] = {}  # form -> bit i set when word i holds it
        for i, token in enumerate(words):
            bit = 1 << i
            for form in token.forms:
                self.exact[form] = self.exact.get(form, 0) | bit
        self.ordered = sorted(self.exact)

    def holding(self, stem: str) -> set[int]:
        """The positions of the words that hold `stem`."""
        bits = self._holding(stem)
        return {i for i in range(bits.bit_length()) if bits >> i & 1}

    def count_holding(self, stems: Iterable[str]) -> int:
        """How many words hold one of `stems`."""
        bits = 0
        for stem in stems:
            bits |= self._holding(stem)
        return bits.bit_count()

    def _holding(self, stem: str) -> int:
        """The words that hold `stem`, as bits."""
        bits = 0
        for form in self._forms_holding(stem):
            bits |= self.exact[form]
        return bits

    def holds(self, stem: str) -> bool:
        """Whether a word holds `stem`, stopping at the first (the gap check asks this of every
        stem's counterparts in every unit)."""
        return stem in self.exact or next(self._forms_holding(stem), None) is not None

    def _forms_holding(self, stem: str) -> Iterator[str]:
        """The forms that hold `stem`: itself, those derived from it, those it derives from."""
        if stem in self.exact:
            yield stem
        if len(stem) < DERIVED_MIN:
            return
        i = bisect_left(self.ordered, stem)
        while i < len(self.ordered) and self.ordered[i].startswith(stem):
            yield self.ordered[i]
            i += 1
        yield from (stem[:k] for k in range(DERIVED_MIN, len(stem)) if stem[:k] in self.exact)


def _present(entry: Entry | None, forms: Forms) -> bool | None:
    """Whether a counterpart of the stem whose lexicon `entry` this is stands among `forms`
    (None: the lexicon cannot tell)."""
    if entry is None or entry.seen < MIN_SEEN:
        return None
    return any(forms.holds(c) for c in entry.counterparts)


def rendered_in(lexicon: Lexicon, word: Word, lang: str, other: str, forms: Forms) -> bool:
    """Whether the words `forms` (of language `other`) hold a counterpart of `word` (of
    language `lang`)."""
    return bool(_present(lexicon.get(lang, other, word.token.stem), forms))


def _held(entry: Entry, targets: Forms) -> int:
    """How many words of `targets` hold a counterpart of the stem whose lexicon `entry` this
    is: a word said twice is missing once when its counterpart is said once."""
    return targets.count_holding(entry.counterparts)


def _linked(lexicon: Lexicon, a: Word, la: str, b: Word, lb: str) -> bool:
    """Whether the lexicon takes two words of two languages for translations."""
    one = lexicon.get(la, lb, a.token.stem)
    two = lexicon.get(lb, la, b.token.stem)
    return bool(
        (one and b.token.forms & one.counterparts.keys())
        or (two and a.token.forms & two.counterparts.keys())
    )


def unit_evidence(
    lexicon: Lexicon, unit: UnitText, keys: Sequence[str], langs: Mapping[str, str]
) -> UnitEvidence:
    """What the lexicon says is missing in each version of one unit."""
    present = [k for k in keys if text_of(unit, k)]
    words = {k: content_words(text_of(unit, k), langs[k]) for k in present}
    forms = {k: Forms(words[k]) for k in present}
    # missing[src][tgt]: words of src whose counterparts in tgt are absent
    missing: dict[str, dict[str, list[Word]]] = {k: {} for k in present}
    matched: dict[tuple[str, str], set[int]] = {}
    absent: dict[tuple[str, str], list[Token]] = {}
    # (version, other version): per stem of the version's words, its lexicon entry there and
    # _present's answer, each looked up once
    entries: dict[tuple[str, str], dict[str, Entry | None]] = {}
    answers: dict[tuple[str, str], dict[str, bool | None]] = {}
    for src in present:
        for tgt in present:
            if langs[src] == langs[tgt]:
                continue
            table = lexicon.entries.get((langs[src], langs[tgt]), {})
            stems = unit_stems(text_of(unit, src), langs[src])
            known = entries[(src, tgt)] = {s: table.get(s) for s in stems}
            here = answers[(src, tgt)] = {s: _present(e, forms[tgt]) for s, e in known.items()}
            nth: dict[str, int] = {}
            held: dict[str, int] = {}  # per stem said again, _held's answer
            for token in words[src]:
                there = here[token.stem]
                if there is None:
                    continue
                nth[token.stem] = nth.get(token.stem, 0) + 1
                if there and nth[token.stem] > 1:
                    if token.stem not in held:
                        entry = known[token.stem]
                        held[token.stem] = _held(entry, forms[tgt])  # type: ignore[arg-type]
                    there = held[token.stem] >= nth[token.stem]
                if there:
                    matched.setdefault((src, tgt), set()).add(token.start)
                else:
                    absent.setdefault((src, tgt), []).append(token)
    for (src, tgt), lost in absent.items():
        done = matched.get((tgt, src), set())
        free = {f for t in words[tgt] if t.start not in done for f in t.forms}
        out = missing[src].setdefault(tgt, [])
        for token in lost:
            entry = entries[(src, tgt)][token.stem]
            otherwise = not entry.others.isdisjoint(free)  # type: ignore[union-attr]
            out.append(Word(src, token, entry.reliability(), otherwise))  # type: ignore[union-attr]
    lacks: dict[str, list[Lack]] = {}
    for key in present:
        holders = [k for k in present if k != key and langs[k] != langs[key]]
        found: list[Lack] = []
        if len(holders) == 1:
            found = [Lack(key, (w,), w.reliability) for w in missing[holders[0]].get(key, [])]
        for a, b in ((a, b) for i, a in enumerate(holders) for b in holders[i + 1 :]):
            for wa in missing[a].get(key, []):
                for wb in missing[b].get(key, []):
                    if _linked(lexicon, wa, langs[a], wb, langs[b]):
                        found.append(Lack(key, (wa, wb), min(wa.reliability, wb.reliability)))
                        break
        lacks[key] = [lack for lack in found if lack.strength >= MIN_RELIABILITY]
    unmatched: dict[str, tuple[Word, ...]] = {}
    for key in present:
        others = [k for k in present if langs[k] != langs[key]]
        by_token: dict[int, list[Word]] = {}
        for tgt in others:
            for word in missing[key].get(tgt, []):
                by_token.setdefault(id(word.token), []).append(word)
        weakest = (
            min(ws, key=attrgetter("reliability"))
            for ws in by_token.values()
            if len(ws) == len(others)
        )
        unmatched[key] = tuple(w for w in weakest if w.reliability >= MIN_RELIABILITY)
    unaccounted = {
        key: _unaccounted(key, words, entries, answers, langs, present) for key in present
    }
    return UnitEvidence(
        {k: tuple(v) for k, v in lacks.items()},
        unmatched,
        unaccounted,
        {k: frozenset(v) for k, v in matched.items()},
    )


def _unaccounted(
    key: str,
    words: Mapping[str, Sequence[Token]],
    entries: Mapping[tuple[str, str], Mapping[str, Entry | None]],
    answers: Mapping[tuple[str, str], Mapping[str, bool | None]],
    langs: Mapping[str, str],
    present: Sequence[str],
) -> tuple[Word, ...]:
    """The words of `key` (of STAND_IN_MIN letters or more) that nothing in the other
    versions accounts for. `entries` and `answers`: per pair of versions, each stem's lexicon
    entry towards the other and whether a counterpart of it stands there (_present's answers),
    found by unit_evidence for every word."""
    others = [k for k in present if langs[k] != langs[key]]
    claimed = set().union(
        *(e.counterparts for k in others for e in entries[(k, key)].values() if e is not None)
    )
    out = []
    for token in words[key]:
        if len(token.word) < STAND_IN_MIN or not claimed.isdisjoint(token.forms):
            continue
        if any(answers[(key, k)][token.stem] for k in others):
            continue
        out.append(Word(key, token, 0.0))
    return tuple(out)


def group_evidence(
    lexicon: Lexicon, units: Sequence[UnitText], keys: Sequence[str], langs: Mapping[str, str]
) -> list[UnitEvidence]:
    """unit_evidence for every unit of a group, computed once per group (see checks.context)."""
    return shared(
        units,
        ("counterparts", id(lexicon), tuple(keys)),
        lambda: [unit_evidence(lexicon, unit, keys, langs) for unit in units],
    )


def word_span(unit: UnitText, word: Word) -> Span:
    """The span of one word in its version's text."""
    text = text_of(unit, word.key)
    return Span(word.key, word.token.start, word.token.end, text[word.token.start : word.token.end])


def quoted(words: Sequence[Word], unit: UnitText) -> str:
    """ "en 'government', ru 'правительство'"."""
    return ", ".join(f"{w.key} '{word_span(unit, w).text}'" for w in words)


def strong_lacks(evidence: UnitEvidence, key: str, min_strength: float) -> list[Lack]:
    """The concepts `key` lacks, confirmed at `min_strength`, each holder word counted once;
    none resting on a word rendered otherwise."""
    out, used = [], set()
    for lack in evidence.lacks.get(key, ()):
        ids = {(w.key, w.token.start) for w in lack.words}
        otherwise = any(w.rendered_otherwise for w in lack.words)
        if lack.strength >= min_strength and not ids & used and not otherwise:
            out.append(lack)
            used |= ids
    return out


class LexiconCheck(Check):
    """A check that reads the lexicon's evidence. `min_strength`: the least reliability of the
    words taken as evidence. Keys of UnitText.texts are languages unless `langs` maps them."""

    default_strength: ClassVar[float] = MIN_STRENGTH  # min_strength when none is given

    def __init__(
        self,
        lexicon: Lexicon,
        langs: Mapping[str, str] | None = None,
        min_strength: float | None = None,
    ) -> None:
        self.lexicon = lexicon
        self.langs = dict(langs or {})
        self.min_strength = self.default_strength if min_strength is None else min_strength

    def lacking(
        self, units: Sequence[UnitText]
    ) -> Iterator[tuple[UnitText, str, UnitEvidence, list[Lack]]]:
        """Every unit and version key, with the unit's evidence and the concepts that version
        lacks at the check's strength: the walk both word checks make."""
        keys = version_keys(units)
        langs = {k: self.langs.get(k, k) for k in keys}
        for unit, found in zip(
            units, group_evidence(self.lexicon, units, keys, langs), strict=True
        ):
            for key in keys:
                yield unit, key, found, strong_lacks(found, key, self.min_strength)
