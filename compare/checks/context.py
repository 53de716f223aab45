"""The units of one document group, with what the checks compute from them shared.

Several checks read the same evidence: meaning and omission both embed every version of every
unit and score each pair of versions; the terms and consistency checks both localise the
renderings of glossary concepts. The runner hands every check one GroupUnits, and the
functions that compute such evidence store it there, so each is computed once per group.
A plain list of units works too (each call then computes afresh), as in a check's own tests.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

from compare.checks.base import UnitText

T = TypeVar("T")


class GroupUnits(tuple[UnitText, ...]):
    """A document group's aligned units (a tuple) and the evidence shared between checks."""

    def __new__(cls, units: Iterable[UnitText]) -> GroupUnits:
        return super().__new__(cls, units)

    def __init__(self, units: Iterable[UnitText]) -> None:
        self._shared: dict[Hashable, object] = {}

    def shared(self, key: Hashable, compute: Callable[[], T]) -> T:
        """compute() the first time `key` is asked for, the stored result after that."""
        if key not in self._shared:
            self._shared[key] = compute()
        return self._shared[key]  # type: ignore[return-value]


def shared(units: Iterable[UnitText], key: Hashable, compute: Callable[[], T]) -> T:
    """compute() once per group when `units` is a GroupUnits, every time otherwise."""
    return units.shared(key, compute) if isinstance(units, GroupUnits) else compute()


def split_apparatus(units: Iterable[UnitText]) -> tuple[GroupUnits, GroupUnits]:
    """The units of the text itself and those of its editorial apparatus (notes, contents):
    a check reads one kind or the other, never both."""
    units = list(units)
    return (
        GroupUnits(u for u in units if not u.apparatus),
        GroupUnits(u for u in units if u.apparatus),
    )
