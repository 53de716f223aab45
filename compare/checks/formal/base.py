"""What the formal checks share: each reads one unit at a time, by the language of each version.

Formal checks look at the surface of the text (addresses, scripts, spaces, punctuation,
capitals, spelling), not at its meaning, so a unit is judged on its own.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Mapping, Sequence

from compare.checks.base import Check, Finding, Span, UnitText
from compare.checks.similarity import text_of


class FormalCheck(Check):
    """A check of one unit's versions. A UnitText key is taken as the language code ("kk", "ru",
    "en") unless `langs` maps it to one, as for editions ({"original": "mul"})."""

    def __init__(self, langs: Mapping[str, str] | None = None) -> None:
        self.langs = dict(langs or {})

    def lang(self, key: str) -> str:
        """The language a version is written in."""
        return self.langs.get(key, key)

    def run(self, units: Sequence[UnitText]) -> list[Finding]:
        return [finding for unit in units for finding in self.check_unit(unit)]

    @abstractmethod
    def check_unit(self, unit: UnitText) -> list[Finding]:
        """Findings for one unit."""

    def finding(
        self,
        unit: UnitText,
        langs: Sequence[str],
        message: str,
        spans: Sequence[Span] = (),
        *,
        kind: str,
        confidence: float,
        severity: str = "minor",
        suggestion: str | None = None,
        fault: Sequence[str] | None = None,
    ) -> Finding:
        """A finding of this check; `kind` names what was found (details["kind"]). The versions
        at fault come first in `langs`: the first one alone unless `fault` names them; one
        version at fault is details["lang"]."""
        fault = langs[:1] if fault is None else fault
        return Finding(
            check=self.name,
            severity=severity,
            confidence=round(confidence, 2),
            unit=unit.unit,
            langs=tuple(langs),
            message=message,
            spans=tuple(spans),
            suggestion=suggestion,
            details={"kind": kind, "lang": fault[0] if len(fault) == 1 else None},
        )


def present(unit: UnitText) -> list[str]:
    """The versions of a unit that have text, in the unit's order."""
    return [key for key in unit.texts if text_of(unit, key)]


def span(unit: UnitText, key: str, start: int, end: int) -> Span:
    """A stretch of one version's text."""
    return Span(key, start, end, unit.texts[key][start:end])
