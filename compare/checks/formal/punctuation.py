"""Sentence-final punctuation that differs between versions, and brackets or quotes left open
or closed without a pair in one version."""

from __future__ import annotations

from collections import Counter

from compare.checks.base import Finding, UnitText
from compare.checks.formal.base import FormalCheck, present, span
from compare.checks.wording import names
from compare.lang.formal import BRACKETS, CLOSERS, ENUMERATOR, FINAL_MARKS

_MARK_NAMES = {"": "no final mark", ".": "a full stop", "!": "'!'", "?": "'?'"}


def final_mark(text: str) -> tuple[str, int]:
    """The mark that ends a text ("" for none; "…" counts as ".") and where it is (or would be)."""
    end = len(text.rstrip().rstrip(CLOSERS).rstrip())
    mark = FINAL_MARKS.get(text[end - 1], "") if end else ""
    return mark, end - 1 if mark else end


def unpaired(text: str) -> list[int]:
    """Positions of brackets and quotes without their pair. Straight double quotes pair with one
    another; "“" closes "„" in a text that uses „…“ (Russian), and opens "”" otherwise."""
    pairs = dict(BRACKETS)
    if "„" not in text:
        del pairs["„"]
    else:
        del pairs["“"]
    closers = {close: open_ for open_, close in pairs.items()}
    enumerators = {m.end() - 1 for m in ENUMERATOR.finditer(text)}
    stacks: dict[str, list[int]] = {open_: [] for open_ in pairs}
    stray: list[int] = []
    for i, char in enumerate(text):
        if char in closers and i not in enumerators:
            stack = stacks[closers[char]]
            if stack:
                stack.pop()
            else:
                stray.append(i)
        elif char in pairs:
            stacks[char].append(i)
    quotes = [i for i, char in enumerate(text) if char == '"']
    if len(quotes) % 2:
        stray.append(quotes[-1])
    return sorted(stray + [i for stack in stacks.values() for i in stack])


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
        mark = marks[fault[0]][0]
        spans = [
            span(unit, k, marks[k][1], marks[k][1] + 1 if marks[k][0] else marks[k][1])
            for k in fault + rest
        ]
        missing = mark == "" and usual == "."
        return [
            self.finding(
                unit,
                fault + rest,
                f"{names(fault)} ends with {_MARK_NAMES.get(mark, repr(mark))}, "
                f"{names(rest)} with {_MARK_NAMES.get(usual, repr(usual))}.",
                spans,
                kind="final mark missing" if missing else "final mark differs",
                confidence=0.8 if missing else 0.6,
                suggestion=f"End {names(fault)} with {usual!r}." if usual else None,
            )
        ]

    def _brackets(self, unit: UnitText, keys: list[str]) -> list[Finding]:
        stray = {key: unpaired(unit.texts[key]) for key in keys}
        # A quote that runs over two units leaves every version unbalanced: that is no fault.
        if len(keys) > 1 and all(stray.values()):
            return []
        findings = []
        for key, positions in stray.items():
            if not positions:
                continue
            marks = " ".join(unit.texts[key][i] for i in positions)
            findings.append(
                self.finding(
                    unit,
                    [key, *(k for k in keys if k != key)],
                    f"Unbalanced brackets or quotes in {key}: {marks} without a pair.",
                    [span(unit, key, i, i + 1) for i in positions],
                    kind="unbalanced",
                    confidence=0.7,
                )
            )
        return findings
