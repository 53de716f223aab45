"""Numbered parts of a law that one language version lacks: "ru lacks chapter 3, article 11-1".

Official language versions of a law number their articles, paragraphs and sub-points alike, so
a number found in one version and nowhere in another is named by that number; only the
outermost missing part is named (a missing article, not also each of its paragraphs), and the
other checks' findings inside it are folded into that one finding (see `fold_missing_parts`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from compare.checks.base import Check, Finding, Span, UnitText

# The numbers are read from the text itself; a misread number is the usual false alarm.
_CONFIDENCE = 0.9


class MissingPartsCheck(Check):
    """An article, paragraph or sub-point present in some versions and absent from others."""

    name = "structure"

    def run(self, units: Sequence[UnitText]) -> list[Finding]:
        keys = list(dict.fromkeys(key for unit in units for key in unit.texts))
        first_seen: dict[str, dict[str, tuple[UnitText, str]]] = {}
        for unit in units:
            for key, paths in unit.paths.items():
                for path in filter(None, paths):
                    first_seen.setdefault(numbered(path), {}).setdefault(key, (unit, path))
        # Per version, its parts one level deeper than another part with the same last number:
        # a sub-point "1)" of an unnumbered paragraph stands there at "article 30, sub-point 1)",
        # the other version's at "article 30, paragraph 1, sub-point 1)".
        deeper: dict[str, set[tuple[str, str]]] = {key: set() for key in keys}
        for part, where in first_seen.items():
            levels = part.split(", ")
            for key in where:
                deeper[key].add((", ".join(levels[:-2]), levels[-1]))
        # A version that numbers none of its parts (a list written without numbers) lacks no
        # numbered part: its text is there, unnumbered, and the aligner pairs it.
        numbering = {key for where in first_seen.values() for key in where}
        findings: list[Finding] = []
        named: list[str] = []
        for part, where in first_seen.items():
            absent = [key for key in keys if key not in where and key in numbering]
            present = tuple(where)
            unit, path = where[present[0]]
            if not absent or any(within(p, outer) for outer in named for p in (part, path)):
                continue
            levels = part.split(", ")
            if all((", ".join(levels[:-1]), levels[-1]) in deeper[key] for key in absent):
                continue
            named.append(path)
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
                    details={
                        "kind": "missing part",
                        "path": path,
                        "missing": absent,
                        "lang": absent[0] if len(absent) == 1 else None,
                    },
                )
            )
        return findings


def numbered(path: str) -> str:
    """A part as the versions number it: from its article on, when it lies in one (articles
    are numbered through the whole law, while a version may begin a chapter one article
    earlier or later), else from its chapter on (chapters are numbered through the law too,
    while a version may lack a section's heading), else the whole path."""
    parts = path.split(", ")
    starts = [
        next((i for i, p in enumerate(parts) if p.startswith(f"{level} ")), None)
        for level in ("article", "chapter")
    ]
    return ", ".join(parts[next((i for i in starts if i is not None), 0) :])


def within(path: str | None, part: str) -> bool:
    """Whether a structural path is `part` or lies inside it."""
    return bool(path) and (path == part or path.startswith(f"{part}, "))


def fold_missing_parts(findings: Sequence[Finding], units: Sequence[UnitText]) -> list[Finding]:
    """The findings without those of other checks on units where a version lies wholly inside
    a part that a structure finding names as missing, and without a number finding for the
    number of the part where it begins: a missing article is one finding, not also one
    omission per paragraph and a numbers finding for its number."""
    missing = [f for f in findings if f.check == MissingPartsCheck.name]
    if not missing:
        return list(findings)
    parts = [str(f.details["path"]) for f in missing]
    numbers = {f.unit: set(re.findall(r"\d+", str(f.details["path"]))) for f in missing}
    by_index = {unit.unit: unit for unit in units}

    def folded(finding: Finding) -> bool:
        unit = by_index.get(finding.unit)
        if finding.check == MissingPartsCheck.name or unit is None:
            return False
        values = finding.details.get("values")
        number = isinstance(values, Mapping) and bool(values) and finding.unit in numbers
        if number and {str(v) for v in values.values()} <= numbers[finding.unit]:
            return True
        # A version holding only text of the missing part: the aligner had nothing in the
        # other versions to pair it with, so whatever stands beside it differs.
        return any(
            paths and all(within(p, part) for p in paths)
            for paths in (list(filter(None, ps)) for ps in unit.paths.values())
            for part in parts
        )

    return [f for f in findings if not folded(f)]
