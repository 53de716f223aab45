"""Monotone m:n alignment of two or more language versions of one text.

Sentences are embedded once; blocks of neighbours are represented by weighted sums of their
sentence vectors. Every score is a margin over each side's nearest neighbours, never an
absolute cosine. Pairs are aligned in two passes (coarse 1-1 path, then m:n inside a band),
so time and memory grow linearly with document length; several languages are reconciled into
one set of units consistent across every pair.

`align_documents` and `align_texts` are the entry points for documents and plain texts;
`align_pair` and `align_many` work on vectors.
"""

from compare.align.documents import (
    AlignedUnit,
    Alignment,
    align_documents,
    align_group,
    align_texts,
    translation_groups,
)
from compare.align.model import Link, Unit
from compare.align.multi import align_many
from compare.align.pair import align_pair
from compare.align.params import AlignParams

__all__ = [
    "AlignParams",
    "AlignedUnit",
    "Alignment",
    "Link",
    "Unit",
    "align_documents",
    "align_group",
    "align_many",
    "align_pair",
    "align_texts",
    "translation_groups",
]
