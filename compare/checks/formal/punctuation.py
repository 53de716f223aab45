"""Sentence-final punctuation that differs between versions, and brackets or quotes left open
or closed without a pair in one version."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from compare.checks.base import Finding, UnitText
from compare.checks.formal.base import FormalCheck, present, span
from compare.checks.wording import names, names_verb
from compare.lang.formal import (
    BRACKET_FAMILIES,
    BRACKETS,
    CLOSERS,
    ENUMERATOR,
    FINAL_MARKS,
    SELF_PAIRED,
)

_MARK_NAMES = {"": "no final mark", ".": "a full stop"}


def final_mark(text: str) -> tuple[str, int]:
    """The kind of mark that ends a text ("" for none, "." for ". … ; :", "!", "?") and where
    it is (or would be)."""
    end = len(text.rstrip().rstrip(CLOSERS).rstrip())
    mark = FINAL_MARKS.get(text[end - 1], "") if end else ""
    return mark, end - 1 if mark else end


@cache
def _marks(chars: str) -> re.Pattern[str]:
    """Any one of `chars`: the few marks of a text found without a look at each character."""
    return re.compile(f"[{re.escape(chars)}]")


def pairing(text: str) -> dict[str, list[int]]:
    """Per family of marks the text has ("brackets", "quotes"), where its unpaired marks are
    (an empty list when all pair up)."""
    pairs = {o: c for o, c in BRACKETS.items() if o != ("“" if "„" in text else "„")}
    self_paired = [q for q in SELF_PAIRED if q in text]
    if "”" in text or "„" in text:  # "“" has its pair: it is no self-paired quote
        self_paired = [q for q in self_paired if q != "“"]
    if "“" in text:
        self_paired = [q for q in self_paired if q != "”"]
    pairs = {o: c for o, c in pairs.items() if o not in self_paired and c not in self_paired}
    closers = {close: open_ for open_, close in pairs.items()}
    enumerators = {m.end() - 1 for m in ENUMERATOR.finditer(text)}
    found: dict[str, list[int]] = {}
    stacks: dict[str, list[int]] = {open_: [] for open_ in pairs}
    for mark in _marks("".join(sorted({*pairs, *closers}))).finditer(text):
        i, char = mark.start(), mark[0]
        if char in closers and i not in enumerators:
            family = found.setdefault(BRACKET_FAMILIES[closers[char]], [])
            stack = stacks[closers[char]]
            if stack:
                stack.pop()
            else:
                family.append(i)
        elif char in pairs:
            found.setdefault(BRACKET_FAMILIES[char], [])
            stacks[char].append(i)
    for at in sorted(enumerators):  # a number that ends a parenthetical: "(не включая 17)"
        left_open = [i for i in stacks.get("(", []) if i < at]
        if left_open:
            stacks["("].remove(left_open[-1])
    for open_, stack in stacks.items():
        found.get(BRACKET_FAMILIES[open_], []).extend(stack)
    for quote in self_paired:
        at = [i for i, char in enumerate(text) if char == quote]
        found.setdefault("quotes", []).extend(at[-1:] if len(at) % 2 else [])
    return {family: sorted(stray) for family, stray in found.items()}


class PunctuationCheck(FormalCheck):
    """Flags a final mark that differs from the other versions' and unbalanced brackets."""

    name = "punctuation"

    def check_unit(self, unit: UnitText) -> list[Finding]:
        keys = present(unit)
        return self._final(unit, keys) + self._brackets(unit, keys)

    def _final(self, unit: UnitText, keys: list[str]) -> list[Finding]:
        marks = {key: final_mark(unit.texts[key]) for key in keys}
        kinds = Counter(mark for mark, _ in marks.values())
        if len(kinds) < 2:
            return []
        usual, count = kinds.most_common(1)[0]
        if count * 2 <= len(keys):  # no majority: a version without a mark is the odd one
            usual = next(mark for mark, _ in marks.values() if mark)
        fault = [k for k in keys if marks[k][0] != usual]
        rest = [k for k in keys if marks[k][0] == usual]
        mark, usual = (
            unit.texts[k][marks[k][1]] if marks[k][0] else "" for k in (fault[0], rest[0])
        )
        spans = [
            span(unit, k, marks[k][1], marks[k][1] + 1 if marks[k][0] else marks[k][1])
            for k in fault + rest
        ]
        missing = mark == "" and usual in ".…"
        return [
            self.finding(
                unit,
                fault + rest,
                f"{names_verb(fault, 'ends', 'end')} with {_MARK_NAMES.get(mark, repr(mark))}, "
                f"{names(rest)} with {_MARK_NAMES.get(usual, repr(usual))}.",
                spans,
                kind="final mark missing" if missing else "final mark differs",
                confidence=0.8 if missing else 0.6,
                suggestion=f"End {names(fault)} with {usual!r}." if usual else None,
                fault=fault,
            )
        ]

    def _brackets(self, unit: UnitText, keys: list[str]) -> list[Finding]:
        """A version's unpaired marks, where another version pairs all marks of that family (a
        quote that runs on into the next unit leaves every version unbalanced: no fault)."""
        status = {key: pairing(unit.texts[key]) for key in keys}
        findings = []
        for key, families in status.items():
            for family, stray in families.items():
                balanced = [k for k in keys if k != key and status[k].get(family) == []]
                if not stray or (len(keys) > 1 and not balanced):
                    continue
                marks = " ".join(unit.texts[key][i] for i in stray)
                findings.append(
                    self.finding(
                        unit,
                        [key, *balanced],
                        f"Unbalanced {family} in {key}: {marks} without a pair"
                        + (f"; {names_verb(balanced, 'pairs', 'pair')} them." if balanced else "."),
                        [span(unit, key, i, i + 1) for i in stray],
                        kind="unbalanced",
                        confidence=0.7,
                    )
                )
        return findings
