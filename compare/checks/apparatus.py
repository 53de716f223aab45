"""Editorial notes in one language with no counterpart in another: a fact to show, not drift.

adilet.zan.kz adds notes to each language of a law on its own ("ЗҚАИ-ның ескертпесі!" over a
Kazakh sub-point where the Russian text has one note for the whole law), so a missing note
never means the law's text differs; it is reported as a minor finding of its own kind.
"""

from __future__ import annotations

from collections.abc import Sequence

from compare.checks.base import Check, Finding, Span, UnitText

# Not a judgement on the translation: only the note's place is certain.
_CONFIDENCE = 0.5


class UnmatchedNotesCheck(Check):
    """A note, contents or notice in some versions and not in others."""

    name = "apparatus"
    reads_apparatus = True

    def run(self, units: Sequence[UnitText]) -> list[Finding]:
        findings = []
        for unit in units:
            present = [key for key, text in unit.texts.items() if text]
            absent = [key for key, text in unit.texts.items() if not text]
            if not present or not absent:
                continue
            place = next((path for k in present for path in unit.paths.get(k, ()) if path), None)
            where = f" at {place}" if place else " before the text"
            message = (
                f"the {', '.join(present)} note{where} has no {', '.join(absent)} counterpart "
                "(editorial apparatus, not the text of the law)"
            )
            spans = tuple(Span(k, 0, len(unit.texts[k]), unit.texts[k]) for k in present)
            findings.append(
                Finding(self.name, "minor", _CONFIDENCE, unit.unit, tuple(present), message, spans)
            )
        return findings
