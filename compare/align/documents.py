"""Alignment of whole documents: passages in, aligned units of passages out.

This is the layer the command line, the checks and the report use. It embeds every passage
once (through the encoder and its cache), runs the joint aligner, and hands back units that
carry the passages themselves, so nobody downstream juggles indices.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import zip_longest

import numpy as np

from compare.align.anchors import anchored_segments
from compare.align.model import Unit
from compare.align.multi import align_many
from compare.align.repealed import repealed_apart
from compare.corpus import (
    KNOWN_LANGS,
    Corpus,
    Document,
    DocumentGroup,
    Passage,
    build_document,
    joined,
)
from compare.errors import TilmashError
from compare.readers.adilet import note_kind


@dataclass(frozen=True)
class AlignedUnit:
    """Passages of every version that say one thing; a version with none omits it here."""

    index: int
    passages: Mapping[str, tuple[Passage, ...]]  # version key -> its passages
    # mean margin over the pairs present (higher = surer); 0.0 for one side; None where no
    # embedding paired the passages (`pairing` says what did)
    score: float | None
    pair_scores: Mapping[str, float] = field(default_factory=dict)  # "kk~ru" -> margin
    disagreements: tuple[str, ...] = ()  # pairs whose own links differ inside this unit

    def text(self, key: str) -> str:
        return joined(self.passages.get(key, ()))

    @property
    def apparatus(self) -> bool:
        """Whether the unit holds editorial apparatus (notes, contents), not the text itself."""
        return not any(p.normative for ps in self.passages.values() for p in ps)

    @property
    def pairing(self) -> str | None:
        """What stands for the score of a unit no embedding paired: "by place" (editorial
        apparatus, paired by where it stands) or "file" (a bilingual file paired it); None for
        a scored unit."""
        if self.score is not None:
            return None
        return "by place" if self.apparatus else "file"

    @property
    def segment(self) -> str | None:
        """The id a bilingual file gives the segment this unit is (None for other texts)."""
        return next((p.segment for ps in self.passages.values() for p in ps), None)

    @property
    def missing(self) -> tuple[str, ...]:
        """Versions with no passage in this unit (omissions, or additions elsewhere)."""
        return tuple(k for k, ps in self.passages.items() if not ps)


@dataclass(frozen=True)
class Alignment:
    """Aligned units of two or more versions, and what they came from."""

    documents: Mapping[str, Document]  # version key -> document, in the order given
    units: tuple[AlignedUnit, ...]
    model: str  # name of the model the passages were embedded with

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(self.documents)

    def langs(self) -> dict[str, str]:
        """The language of each version key (keys are languages unless two versions share one)."""
        return {key: doc.lang for key, doc in self.documents.items()}


def document_keys(documents: Sequence[Document], versions: bool = False) -> list[str]:
    """Name each document by its language (translations) or by its version label (versions);
    document ids where those would repeat."""
    keys = [d.version or d.id for d in documents] if versions else [d.lang for d in documents]
    return keys if len(set(keys)) == len(keys) else [d.id for d in documents]


def aligned_passages(document: Document) -> list[Passage]:
    """The passages alignment embeds: the text itself, not its editorial apparatus."""
    return [p for p in document.passages if p.normative]


def align_documents(
    documents: Sequence[Document],
    encoder,
    progress: Callable[[int, int], None] | None = None,
    versions: bool = False,
    words: bool = False,
) -> Alignment:
    """Align two or more documents that are translations (or, with `versions`, versions) of
    one text. With `words` (an encoder that gives word vectors, for the word-alignment check)
    the pass that embeds the passages keeps the word states of those outside a legal
    structure too, where the engine gives them from that pass (Encoder.encode)."""
    if len(documents) < 2:
        raise TilmashError("alignment needs two or more documents")
    keys = document_keys(documents, versions)
    by_key = dict(zip(keys, documents, strict=True))
    normative = {key: aligned_passages(doc) for key, doc in by_key.items()}
    if segmented(normative):
        return Alignment(by_key, tuple(segment_units(normative)), encoder.info.name)
    texts = [p.text for passages in normative.values() for p in passages]
    if not texts:
        vectors = np.zeros((0, 1))
    elif words:
        free = {p.text for passages in normative.values() for p in passages if not p.path}
        vectors = encoder.encode(texts, progress=progress, words=free)
    else:
        vectors = encoder.encode(texts, progress=progress)
    vecs, lens, start = {}, {}, 0
    for key, passages in normative.items():
        n = len(passages)
        vecs[key] = vectors[start : start + n]
        lens[key] = [len(p.text) for p in passages]
        start += n
    texts_by_key = {key: [p.text for p in passages] for key, passages in normative.items()}
    aligned: list[AlignedUnit] = []
    paths = {key: [p.path for p in passages] for key, passages in normative.items()}
    for segment in anchored_segments(paths):
        part = {key: normative[key][a:b] for key, (a, b) in segment.items()}
        units = align_many(
            {key: vecs[key][a:b] for key, (a, b) in segment.items()},
            {key: lens[key][a:b] for key, (a, b) in segment.items()},
            {key: texts_by_key[key][a:b] for key, (a, b) in segment.items()},
        )
        units = repealed_apart(units, part)
        aligned += [_unit(len(aligned) + k, u, part) for k, u in enumerate(units)]
    aligned += apparatus_units(by_key, start=len(aligned))
    return Alignment(by_key, tuple(aligned), encoder.info.name)


def segmented(passages: Mapping[str, Sequence[Passage]]) -> bool:
    """Whether every passage is a segment of a bilingual file, aligned by the file already."""
    every = [p for ps in passages.values() for p in ps]
    return bool(every) and all(p.segment is not None for p in every)


def segment_units(passages: Mapping[str, Sequence[Passage]]) -> list[AlignedUnit]:
    """One unit per segment, in the file's order (every language's passages count the file's
    segments, see BilingualFile.blocks); a version without text in a segment omits it there.
    No score (None): the file, not an embedding, paired them."""
    where = {p.segment: p.block for ps in passages.values() for p in ps}
    by_key = {key: {p.segment: p for p in ps} for key, ps in passages.items()}
    return [
        AlignedUnit(
            index,
            {key: (found[segment],) if segment in found else () for key, found in by_key.items()},
            score=None,
        )
        for index, segment in enumerate(sorted(where, key=where.__getitem__))
    ]


def translation_groups(corpus: Corpus) -> list[DocumentGroup]:
    """The corpus's groups of translations, the ones `tilmash align` aligns; none is an error
    that says which languages were found."""
    groups = [g for g in corpus.groups if g.relation == "translations"]
    if not groups:
        langs = ", ".join(sorted({d.lang for d in corpus.documents.values()}))
        found = f"the documents are in {langs} only" if langs else "no document text found"
        raise TilmashError(
            f"nothing to align: {found}; give two or more language versions of one text"
        )
    return groups


def align_group(
    corpus: Corpus,
    group: DocumentGroup,
    encoder,
    progress: Callable[[int, int], None] | None = None,
    words: bool = False,
) -> Alignment:
    """Align one group of a corpus; translations must span two or more languages. `words`:
    see align_documents."""
    docs = corpus.group_documents(group)
    versions = group.relation == "versions"
    if not versions and len({d.lang for d in docs}) < 2:
        raise TilmashError(
            f"{', '.join(str(d.path) for d in docs)}: all in {docs[0].lang}; translations "
            "must be in two or more languages"
        )
    return align_documents(docs, encoder, progress, versions=versions, words=words)


def _unit(index: int, unit: Unit, passages_by_key: Mapping[str, list[Passage]]) -> AlignedUnit:
    passages = {
        key: tuple(passages_by_key[key][i] for i in unit.indices.get(key, ()))
        for key in passages_by_key
    }
    return AlignedUnit(
        index=index,
        passages=passages,
        score=unit.score,
        pair_scores={f"{a}~{b}": s for (a, b), s in unit.pair_scores.items()},
        disagreements=tuple(f"{a}~{b}" for a, b in unit.disagreements),
    )


def apparatus_units(documents: Mapping[str, Document], start: int) -> list[AlignedUnit]:
    """Editorial apparatus (notes, contents) aligned only with apparatus: the notes of one kind
    standing at one place of the structure in each version, paired in order; a note with no
    counterpart stands alone.

    These units follow the text's own units, numbered from `start`; they have no score, as
    no embedding decided them.
    """
    places: dict[tuple[str | None, str], dict[str, list[Passage]]] = {}
    for key, doc in documents.items():
        for passage in doc.passages:
            if not passage.normative:
                place = (passage.path, note_kind(passage.text))
                places.setdefault(place, {}).setdefault(key, []).append(passage)
    units: list[AlignedUnit] = []
    for by_key in places.values():
        for row in zip_longest(*(by_key.get(key, []) for key in documents)):
            passages = {key: (p,) if p else () for key, p in zip(documents, row, strict=True)}
            units.append(AlignedUnit(start + len(units), passages, score=None))
    return units


def align_texts(texts: Mapping[str, str], encoder=None) -> Alignment:
    """Align plain texts given as {language or label: text}; the shortest path in Python.

    Paragraphs are separated by blank lines. A key that is a language code (kk, ru, en) is
    taken as the text's language; any other key gets its language detected.
    Example: ``align_texts({"kk": kk_text, "ru": ru_text, "en": en_text}).units``.
    """
    from compare.embed import load_encoder

    documents = [
        build_document(
            key,
            [(b.strip(), None) for b in text.split("\n\n") if b.strip()],
            declared_lang=key if key in KNOWN_LANGS else None,
        )
        for key, text in texts.items()
    ]
    return align_documents(documents, encoder or load_encoder())
