"""A version that starts with a lower-case letter where the others start with a capital, or the
reverse: a sentence lost its start, or a fragment was pasted in."""

from __future__ import annotations

from collections import Counter

from compare.checks.base import Finding, UnitText
from compare.checks.formal.base import FormalCheck, present, span
from compare.checks.wording import names, names_verb
from compare.lang.formal import ENUMERATOR


def first_letter(text: str) -> int | None:
    """Where the first letter is, after quotes and brackets; None when a digit or nothing comes
    first, or the text is a list item ("1) ...", "а) ..."), whose first word may be a name in
    one language and not in another."""
    if ENUMERATOR.match(text.lstrip()):
        return None
    for i in range(len(text)):
        if text[i].isalpha():
            return i
        if text[i].isdigit():
            return None
    return None


class CapitalsCheck(FormalCheck):
    """Flags versions whose first letter is in the other case than the rest's."""

    name = "capitals"

    def check_unit(self, unit: UnitText) -> list[Finding]:
        starts = {}
        for key in present(unit):
            at = first_letter(unit.texts[key])
            if at is not None:
                starts[key] = at
        cases = {key: unit.texts[key][at].isupper() for key, at in starts.items()}
        if len(set(cases.values())) < 2:
            return []
        count = Counter(cases.values())
        # The minority is at fault; between two versions, the one in lower case.
        usual = count[True] >= count[False]
        fault = [k for k, upper in cases.items() if upper != usual]
        rest = [k for k, upper in cases.items() if upper == usual]
        what = "a lower-case letter" if usual else "a capital"
        spans = [span(unit, k, starts[k], starts[k] + 1) for k in fault + rest]
        return [
            self.finding(
                unit,
                fault + rest,
                f"{names_verb(fault, 'starts', 'start')} with {what}, {names(rest)} "
                f"{'with a capital' if usual else 'in lower case'}.",
                spans,
                kind="capital",
                confidence=0.7 if len(cases) > 2 else 0.6,
                suggestion="Capitalise the first letter." if usual else None,
                fault=fault,
            )
        ]
