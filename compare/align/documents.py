"""Alignment of whole documents: passages in, aligned units of passages out.

This is the layer the command line, the checks and the report use. It embeds every passage
once (through the encoder and its cache), runs the joint aligner, and hands back units that
carry the passages themselves, so nobody downstream juggles indices.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from compare.align.model import Unit
from compare.align.multi import align_many
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


@dataclass(frozen=True)
class AlignedUnit:
    """Passages of every version that say one thing; a version with none omits it here."""

    index: int
    passages: Mapping[str, tuple[Passage, ...]]  # version key -> its passages
    score: float  # mean margin over the pairs present (higher = surer); 0.0 for one side
    pair_scores: Mapping[str, float] = field(default_factory=dict)  # "kk~ru" -> margin
    disagreements: tuple[str, ...] = ()  # pairs whose own links differ inside this unit

    def text(self, key: str) -> str:
        return joined(self.passages.get(key, ()))

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


def align_documents(
    documents: Sequence[Document],
    encoder,
    progress: Callable[[int, int], None] | None = None,
    versions: bool = False,
) -> Alignment:
    """Align two or more documents that are translations (or, with `versions`, versions) of
    one text."""
    if len(documents) < 2:
        raise TilmashError("alignment needs two or more documents")
    keys = document_keys(documents, versions)
    by_key = dict(zip(keys, documents, strict=True))
    texts = [p.text for d in documents for p in d.passages]
    vectors = encoder.encode(texts, progress=progress) if texts else np.zeros((0, 1))
    vecs, lens, start = {}, {}, 0
    for key, doc in by_key.items():
        n = len(doc.passages)
        vecs[key] = vectors[start : start + n]
        lens[key] = [len(p.text) for p in doc.passages]
        start += n
    texts_by_key = {key: [p.text for p in doc.passages] for key, doc in by_key.items()}
    units = align_many(vecs, lens, texts_by_key)
    aligned = tuple(_unit(k, u, by_key) for k, u in enumerate(units))
    return Alignment(by_key, aligned, encoder.info.name)


def align_group(
    corpus: Corpus,
    group: DocumentGroup,
    encoder,
    progress: Callable[[int, int], None] | None = None,
) -> Alignment:
    """Align one group of a corpus; translations must span two or more languages."""
    docs = corpus.group_documents(group)
    versions = group.relation == "versions"
    if not versions and len({d.lang for d in docs}) < 2:
        raise TilmashError(
            f"{', '.join(str(d.path) for d in docs)}: all in {docs[0].lang}; translations "
            "must be in two or more languages"
        )
    return align_documents(docs, encoder, progress, versions=versions)


def _unit(index: int, unit: Unit, documents: Mapping[str, Document]) -> AlignedUnit:
    passages = {
        key: tuple(documents[key].passages[i] for i in unit.indices.get(key, ()))
        for key in documents
    }
    return AlignedUnit(
        index=index,
        passages=passages,
        score=unit.score,
        pair_scores={f"{a}~{b}": s for (a, b), s in unit.pair_scores.items()},
        disagreements=tuple(f"{a}~{b}" for a, b in unit.disagreements),
    )


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
