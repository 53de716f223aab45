"""Two versions of one document, passage by passage: unchanged, modified, added, removed, moved.

The versions are aligned as translations would be (the aligner is language-blind), so OLD and
NEW may be in one language or in two. Two sides are compared word by word when they can be:
same language, or the same text in two scripts (a transliterated reference list); words are
matched through a Latin spelling, so "Человеческая" equals "Chelovecheskaya". Sides that are
translations of each other are judged by their embeddings instead, against the document's
own spread of similarities: raw cosines of multilingual embeddings are high for any pair.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
from rapidfuzz import fuzz

from compare.align import align_documents
from compare.corpus import Document, Passage, joined
from compare.lang.translit import latin
from compare.readers.structure import CONTENTS, strip_numbering
from compare.robust import median_spread

STATUSES = ("unchanged", "modified", "added", "removed", "moved")

MODIFIED_Z = -2.0  # a translated pair this far below the document's typical cosine was changed
TRANSLITERATED = 0.5  # share of words with a close spelling on the other side: one text
MOVE_TEXT = 0.6  # word similarity at which a removed and an added passage are one, moved
PATH_TEXT = 0.5  # word similarity at which two passages at one structural place are one passage
RESPELLED = 75  # rapidfuzz ratio at which a replaced word is the same word spelt otherwise
_COSINE_FLOOR = 0.02  # cosines of honest counterparts vary at least this much

_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")


@dataclass(frozen=True)
class WordOp:
    """One step of a word-level diff; `respell` is a word replaced by a close spelling."""

    op: str  # "equal", "replace", "respell", "delete" or "insert"
    old: str
    new: str


@dataclass(frozen=True)
class DiffEntry:
    """Passages of OLD and NEW that stand for each other (one side empty when added/removed)."""

    status: str  # a value of STATUSES
    old: tuple[Passage, ...]
    new: tuple[Passage, ...]
    similarity: float | None = None  # cosine of the two sides' embeddings
    words: tuple[WordOp, ...] = ()  # the word-level diff, when the sides compare word by word

    @property
    def old_text(self) -> str:
        return joined(self.old)

    @property
    def new_text(self) -> str:
        return joined(self.new)

    @property
    def changes(self) -> tuple[WordOp, ...]:
        return tuple(op for op in self.words if op.op != "equal")

    @property
    def path(self) -> str | None:
        """Where the entry stands in the legal structure ("chapter 1, article 1, sub-point
        14)"): NEW's place, else OLD's; None for a text without structure."""
        return next((p.path for p in (*self.new, *self.old) if p.path), None)


@dataclass(frozen=True)
class VersionDiff:
    """The entries of a diff, in OLD's order (added passages where NEW has them)."""

    old: Document
    new: Document
    entries: tuple[DiffEntry, ...]
    model: str

    def counts(self) -> dict[str, int]:
        found = Counter(e.status for e in self.entries)
        return {status: found[status] for status in STATUSES}


def _plain(passages: Sequence[Passage]) -> str:
    """The passages' text without the numbering of points (a renumbered point is the same
    point; its number is in the passage label)."""
    return " ".join(strip_numbering(p.text) for p in passages)


def _words(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _close(a: str, b: str) -> bool:
    """The same word spelt otherwise: letters only (a changed number is a change)."""
    return (
        a.isalpha() and b.isalpha() and fuzz.ratio(latin(a).lower(), latin(b).lower()) >= RESPELLED
    )


def _shared(words: Sequence[str], others: Sequence[str]) -> float:
    """Share of `words` with an equal or close spelling among `others`."""
    if not words:
        return 0.0
    pool = {latin(w).lower() for w in others}
    found = sum(latin(w).lower() in pool or any(_close(w, o) for o in others) for w in words)
    return found / len(words)


def _comparable(old: Sequence[Passage], new: Sequence[Passage], old_words, new_words) -> bool:
    """Whether two sides are one text (same language, or one transliterated), not a translation."""
    if {p.lang for p in old} == {p.lang for p in new} and len({p.lang for p in old}) == 1:
        return True
    a = [w for w in old_words if w[0].isalnum()]
    b = [w for w in new_words if w[0].isalnum()]
    return min(_shared(a, b), _shared(b, a)) >= TRANSLITERATED


def word_diff(old: str, new: str) -> tuple[WordOp, ...]:
    """Word-level operations turning OLD into NEW; words compared in Latin spelling, each
    operation quoting its stretch of text as written."""
    a, b = list(_TOKEN.finditer(old)), list(_TOKEN.finditer(new))
    matcher = difflib.SequenceMatcher(
        None, [latin(m[0]) for m in a], [latin(m[0]) for m in b], autojunk=False
    )
    ops: list[WordOp] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        old_part = old[a[i1].start() : a[i2 - 1].end()] if i2 > i1 else ""
        new_part = new[b[j1].start() : b[j2 - 1].end()] if j2 > j1 else ""
        if tag == "replace" and i2 - i1 == j2 - j1 == 1 and _close(old_part, new_part):
            tag = "respell"
        ops.append(WordOp(tag, old_part, new_part))
    return tuple(ops)


def _mean(vectors: dict[int, np.ndarray], passages: Sequence[Passage]) -> np.ndarray:
    vec = np.sum([vectors[p.index] for p in passages], axis=0)
    return vec / max(float(np.linalg.norm(vec)), 1e-12)


def _compare(old, new, old_vecs, new_vecs) -> DiffEntry:
    """A provisional entry for two aligned sides: word diff where possible, cosine always."""
    similarity = float(_mean(old_vecs, old) @ _mean(new_vecs, new))
    old_text, new_text = _plain(old), _plain(new)
    if not _comparable(old, new, _words(old_text), _words(new_text)):
        return DiffEntry("modified", old, new, similarity)
    words = word_diff(old_text, new_text)
    status = "modified" if any(op.op != "equal" for op in words) else "unchanged"
    return DiffEntry(status, old, new, similarity, words)


def diff_documents(old: Document, new: Document, encoder) -> VersionDiff:
    """Classify every passage of OLD and NEW (any languages): passages at one structural place
    in both ("article 1, sub-point 14)") are paired first, the rest are aligned."""
    if old.id == new.id:
        new = replace(new, id=f"{new.id} (new)")
    old, new = _without_contents(old), _without_contents(new)
    old_vecs = _vectors(old, encoder)
    new_vecs = _vectors(new, encoder)
    entries = _path_pairs(old, new, old_vecs, new_vecs)
    paired_old = {p.index for e in entries for p in e.old}
    paired_new = {p.index for e in entries for p in e.new}
    rest_old = replace(old, passages=tuple(p for p in old.passages if p.index not in paired_old))
    rest_new = replace(new, passages=tuple(p for p in new.passages if p.index not in paired_new))
    alignment = align_documents([rest_old, rest_new], encoder, versions=True)
    key_old, key_new = alignment.keys
    for unit in alignment.units:
        a, b = unit.passages[key_old], unit.passages[key_new]
        if a and b:
            entries.append(_compare(a, b, old_vecs, new_vecs))
        elif a or b:
            entries.append(DiffEntry("removed" if a else "added", a, b))
    entries = _judge_translations(_in_order(entries))
    entries = _find_moves(entries, old_vecs, new_vecs)
    return VersionDiff(old, new, tuple(entries), alignment.model)


def compared_passages(doc: Document) -> tuple[Passage, ...]:
    """The passages a diff compares (and embeds): all but a table of contents, which repeats
    the headings compared where they stand; a contents one version lacks is no change."""
    return tuple(p for p in doc.passages if p.label != CONTENTS)


def _without_contents(doc: Document) -> Document:
    return replace(doc, passages=compared_passages(doc))


def _vectors(doc: Document, encoder) -> dict[int, np.ndarray]:
    """The embedding of each passage, by its index in the document."""
    vectors = encoder.encode([p.text for p in doc.passages])
    return {p.index: vector for p, vector in zip(doc.passages, vectors, strict=True)}


def _by_path(doc: Document) -> dict[tuple[str, str], tuple[Passage, ...]]:
    """The text's passages grouped by their structural place (and kind: a heading and the
    sentence under it share a place)."""
    groups: dict[tuple[str, str], list[Passage]] = {}
    for passage in doc.passages:
        if passage.normative and passage.path:
            groups.setdefault((passage.path, passage.kind), []).append(passage)
    return {key: tuple(group) for key, group in groups.items()}


def _path_pairs(old: Document, new: Document, old_vecs, new_vecs) -> list[DiffEntry]:
    """Entries for the places both versions hold that still say one thing: in one language,
    sharing PATH_TEXT of their words; across languages, not unusually far apart in meaning
    against the other places' pairs. A place whose text was replaced by another (definitions
    renumbered) is left to the aligner."""
    new_groups = _by_path(new)
    candidates = [
        _compare(group, new_groups[key], old_vecs, new_vecs)
        for key, group in _by_path(old).items()
        if key in new_groups
    ]
    typical = _typical(candidates)
    kept = []
    for entry in candidates:
        if entry.words:
            a = [latin(w).lower() for w in _words(_plain(entry.old))]
            b = [latin(w).lower() for w in _words(_plain(entry.new))]
            same = difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= PATH_TEXT
        else:
            same = (entry.similarity - typical[0]) / typical[1] >= MODIFIED_Z
        if same:
            kept.append(entry)
    return kept


def _in_order(entries: Sequence[DiffEntry]) -> list[DiffEntry]:
    """Entries in OLD's order; an added passage after the OLD passage that NEW's preceding
    passage stands for."""
    placed = sorted((p.index, e.old[0].index) for e in entries if e.old and e.new for p in e.new)
    new_at = [n for n, _ in placed]

    def key(entry: DiffEntry) -> tuple[int, int, int]:
        if entry.old:
            return (entry.old[0].index, 0, 0)
        first = entry.new[0].index
        before = bisect.bisect_left(new_at, first)
        return (placed[before - 1][1] if before else -1, 1, first)

    return sorted(entries, key=key)


def _translated(entries: Sequence[DiffEntry]) -> list[int]:
    """Aligned entries judged by embeddings: both sides present, no word diff."""
    return [i for i, e in enumerate(entries) if e.similarity is not None and not e.words]


def _typical(entries: Sequence[DiffEntry]) -> tuple[float, float] | None:
    """Median and robust spread of the cosines of aligned translated sides (None if none)."""
    cosines = np.array([entries[i].similarity for i in _translated(entries)])
    if not len(cosines):
        return None
    centre, spread = median_spread(cosines)
    return centre, max(spread, _COSINE_FLOOR)


def _judge_translations(entries: list[DiffEntry]) -> list[DiffEntry]:
    """Aligned translated sides are modified when their cosine is unusually low."""
    typical = _typical(entries)
    out = list(entries)
    for i in _translated(entries):
        z = (out[i].similarity - typical[0]) / typical[1]
        out[i] = replace(out[i], status="modified" if z < MODIFIED_Z else "unchanged")
    return out


def _move_score(removed: DiffEntry, added: DiffEntry, old_vecs, new_vecs, typical) -> float | None:
    """How surely an added passage is a removed one put elsewhere; None when it is not."""
    old_words, new_words = _words(_plain(removed.old)), _words(_plain(added.new))
    if _comparable(removed.old, added.new, old_words, new_words):
        a = [latin(w).lower() for w in old_words]
        b = [latin(w).lower() for w in new_words]
        ratio = difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
        return ratio if ratio >= MOVE_TEXT else None
    if typical is None:
        return None
    cosine = float(_mean(old_vecs, removed.old) @ _mean(new_vecs, added.new))
    z = (cosine - typical[0]) / typical[1]
    return cosine if z >= MODIFIED_Z else None


def _find_moves(entries: list[DiffEntry], old_vecs, new_vecs) -> list[DiffEntry]:
    """Pair removed with added passages that say the same, best pairs first, one to one."""
    removed = [i for i, e in enumerate(entries) if e.status == "removed"]
    added = [j for j, e in enumerate(entries) if e.status == "added"]
    typical = _typical(entries)
    candidates = []
    for i in removed:
        for j in added:
            score = _move_score(entries[i], entries[j], old_vecs, new_vecs, typical)
            if score is not None:
                candidates.append((score, i, j))
    out: dict[int, DiffEntry | None] = dict(enumerate(entries))
    for _, i, j in sorted(candidates, reverse=True):
        if (
            out[i] is None
            or out[j] is None
            or out[i].status != "removed"
            or out[j].status != "added"
        ):
            continue
        pair = _compare(entries[i].old, entries[j].new, old_vecs, new_vecs)
        out[i], out[j] = replace(pair, status="moved"), None
    return [e for e in out.values() if e is not None]
