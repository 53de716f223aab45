"""How findings name versions and point at whole texts (the meaning, omission and other checks)."""

from __future__ import annotations

from collections.abc import Sequence

from compare.checks.base import Span, UnitText
from compare.checks.similarity import text_of


def names(keys: Sequence[str]) -> str:
    """ "kk", "kk and ru", "kk, ru and en"."""
    return " and ".join(keys) if len(keys) < 3 else ", ".join(keys[:-1]) + " and " + keys[-1]


def names_verb(keys: Sequence[str], one: str, many: str) -> str:
    """The versions and a verb that agrees with them: "kk ends", "kk and ru end"."""
    return f"{names(keys)} {one if len(keys) == 1 else many}"


def whole(unit: UnitText, key: str) -> Span:
    """A span over a version's whole text, without the white space around it."""
    text = text_of(unit, key)
    start, end = len(text) - len(text.lstrip()), len(text.rstrip())
    return Span(key, start, end, text[start:end])
