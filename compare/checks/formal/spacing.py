"""Double spaces and stray spaces before closing punctuation or after opening brackets.

Readers keep the spaces typed inside a line of a text or Word file, so these are the author's.
"""

from __future__ import annotations

import re

from compare.checks.base import Finding, UnitText
from compare.checks.formal.base import FormalCheck, present, span
from compare.lang.formal import NO_SPACE_AFTER, NO_SPACE_BEFORE

_DOUBLE = re.compile(r"(?<=\S)[ \u00a0]{2,}(?=\S)")
# A space before a closing mark; before "." only where the period ends something (a sentence,
# an initial: "Λ .Н."), not where it starts a name (".NET") or a number (".5").
_BEFORE = re.compile(
    rf"(?<=\S)[ \u00a0]+(?=[{re.escape(NO_SPACE_BEFORE.replace('.', ''))}]"
    r"|\.(?:\s|$|[^\W\d_]\.))"
)
_AFTER = re.compile(rf"(?<=[{re.escape(NO_SPACE_AFTER)}])[ \u00a0]+(?=\S)")


class SpacingCheck(FormalCheck):
    """Flags runs of two or more spaces and spaces on the wrong side of punctuation."""

    name = "spacing"

    def check_unit(self, unit: UnitText) -> list[Finding]:
        findings = []
        for key in present(unit):
            text = unit.texts[key]
            for m in _DOUBLE.finditer(text):
                findings.append(self._flag(unit, key, m, "double space", "Double space", 0.9))
            for m in _BEFORE.finditer(text):
                mark = text[m.end()]
                message = f"Space before {mark!r}"
                findings.append(self._flag(unit, key, m, "space before", message, 0.8))
            for m in _AFTER.finditer(text):
                message = f"Space after {text[m.start() - 1]!r}"
                findings.append(self._flag(unit, key, m, "space after", message, 0.7))
        return findings

    def _flag(self, unit, key, match, kind, message, confidence) -> Finding:
        start, end = match.span()
        text = unit.texts[key]
        context = span(unit, key, max(start - 1, 0), min(end + 1, len(text)))
        return self.finding(
            unit,
            [key],
            f"{message} in {key}: {context.text.strip()!r}.",
            [context],
            kind=kind,
            confidence=confidence,
            suggestion="One space." if kind == "double space" else "Remove the space.",
        )
