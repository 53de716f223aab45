"""The leave-out budget: which units a long document's clause leave-out spends its characters on."""

from __future__ import annotations

import numpy as np

from compare.checks.base import UnitText
from compare.checks.leaveout import LEAVEOUT_FLOOR, budget_chars, pieces_of, within_budget

# Two clauses per version: leaving either out costs about the unit's own length.
TEXT = "The committee met on Monday, and the report was approved."


def units(n: int) -> list[UnitText]:
    return [UnitText(i, {"en": TEXT, "ru": TEXT}, {"en": (i,), "ru": (i,)}) for i in range(n)]


def test_within_the_budget_every_unit_is_left_out_and_is_the_sample() -> None:
    group = units(6)
    pieces = pieces_of(group, range(6), ["en", "ru"])
    chosen, sample = within_budget(group, pieces, np.zeros(6), float("inf"))
    assert chosen == pieces and sample == set(range(6))


def test_over_the_budget_a_spread_sample_and_the_units_of_most_evidence_are_left_out() -> None:
    group = units(40)
    pieces = pieces_of(group, range(40), ["en", "ru"])
    per_unit = sum(len(TEXT) - len(p.span.text) for p in pieces if p.row == 0)
    evidence = np.zeros(40)
    evidence[[7, 23, 31]] = [2.0, 5.0, 3.0]
    chosen, sample = within_budget(group, pieces, evidence, 8 * per_unit)
    rows = {p.row for p in chosen}
    assert sample == {0, 20}  # a quarter of 8 units' worth: every 20th of 40
    assert rows == sample | {7, 23, 31, 1, 2, 3}  # then by evidence, ties in document order
    assert all(p in pieces for p in chosen)


def test_the_budget_is_a_share_of_the_text_above_a_floor() -> None:
    group = units(2)
    assert budget_chars(group, ["en", "ru"], None) == float("inf")
    assert budget_chars(group, ["en", "ru"], 0.25) == LEAVEOUT_FLOOR
