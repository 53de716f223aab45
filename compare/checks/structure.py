"""Numbered parts of a law that one language version lacks: "ru lacks chapter 3, article 11-1".

Official language versions of a law number their articles, paragraphs and sub-points alike, so
a number found in one version and nowhere in another is named by that number; only the
outermost missing part is named (a missing article, not also each of its paragraphs).
"""

from __future__ import annotations

from collections.abc import Sequence

from compare.checks.base import Check, Finding, Span, UnitText

# The numbers are read from the text itself; a misread number is the usual false alarm.
_CONFIDENCE = 0.9


class MissingPartsCheck(Check):
    """An article, paragraph or sub-point present in some versions and absent from others."""

    name = "structure"

    def run(self, units: Sequence[UnitText]) -> list[Finding]:
        keys = list(dict.fromkeys(key for unit in units for key in unit.texts))
        first_seen: dict[str, dict[str, UnitText]] = {}
        for unit in units:
            for key, paths in unit.paths.items():
                for path in filter(None, paths):
                    first_seen.setdefault(path, {}).setdefault(key, unit)
        findings: list[Finding] = []
        named: list[str] = []
        for path, where in first_seen.items():
            absent = [key for key in keys if key not in where]
            if not absent or any(path.startswith(f"{outer}, ") for outer in named):
                continue
            named.append(path)
            present = tuple(where)
            unit = where[present[0]]
            text = unit.texts[present[0]]
            message = f"{', '.join(absent)} lacks {path}, which {', '.join(present)} has"
            findings.append(
                Finding(
                    self.name,
                    "major",
                    _CONFIDENCE,
                    unit.unit,
                    present,
                    message,
                    (Span(present[0], 0, len(text), text),),
                    suggestion=f"Look for {path} in the {', '.join(absent)} text.",
                    details={"kind": "missing part", "path": path, "missing": absent},
                )
            )
        return findings
