"""Aligned units of a kk/ru law written for the tests: rows of (structure path, kk, ru)."""

from __future__ import annotations

from compare.checks import UnitText


def units(rows) -> list[UnitText]:
    """One unit per row, each version one passage at the row's place in the structure."""
    return [
        UnitText(
            i,
            {"kk": kk, "ru": ru},
            {"kk": (i,), "ru": (i,)},
            paths={"kk": (path,), "ru": (path,)},
        )
        for i, (path, kk, ru) in enumerate(rows)
    ]
