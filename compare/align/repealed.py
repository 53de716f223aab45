"""Repealed parts that only one version keeps, set apart from the live part they were linked to.

A law's versions keep repealed sub-points differently: Kazakh may keep "д) (алып тасталды)"
where Russian drops the item. The aligner has no counterpart for so short a passage and may
link it together with its live neighbour ("г-1) ..." / "г-1) ..."), and checks that read
whole units then take the neighbour for a part one version lacks. A repealed part at the edge
of a unit whose place no other version's passage in that unit has becomes a unit of its own,
where it reads as what it is: a repeal that one version shows and the other does not.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from compare.align.model import Unit
from compare.corpus import Passage
from compare.readers.structure import numbering, repealed


def _alone(passage: Passage, unit: Unit, key: str, passages: Mapping[str, Sequence[Passage]]):
    """Whether `passage` only says its numbered part was repealed, and no other version's
    passage in `unit` stands at its place."""
    if passage.path is None or numbering(passage.text) is None or not repealed(passage.text):
        return False
    return all(
        passages[other][i].path != passage.path
        for other, indices in unit.indices.items()
        if other != key
        for i in indices
    )


def repealed_apart(units: Sequence[Unit], passages: Mapping[str, Sequence[Passage]]) -> list[Unit]:
    """The units with each repealed part that stands alone at the start or end of a longer unit
    (see `_alone`) made a unit of its own before or after it."""
    out: list[Unit] = []
    for unit in units:
        before: list[Unit] = []
        after: list[Unit] = []
        indices = dict(unit.indices)
        for key in indices:
            while len(indices[key]) > 1 and _alone(
                passages[key][indices[key][0]], unit, key, passages
            ):
                before.append(_only(key, indices[key][0], unit))
                indices[key] = indices[key][1:]
            while len(indices[key]) > 1 and _alone(
                passages[key][indices[key][-1]], unit, key, passages
            ):
                after.insert(0, _only(key, indices[key][-1], unit))
                indices[key] = indices[key][:-1]
        kept = unit if indices == unit.indices else replace(unit, indices=indices)
        out += [*before, kept, *after]
    return out


def _only(key: str, index: int, unit: Unit) -> Unit:
    """A unit of one passage of version `key`, the others empty."""
    return Unit({other: (index,) if other == key else () for other in unit.indices}, 0.0)
