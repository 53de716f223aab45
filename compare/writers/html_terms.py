"""The terminology matrix's view data: glossary concept × version → the renderings found.

A rendering is a glossary term in any inflection (found as the term checks find it) or, in a
unit where another version names the concept and this one uses none of its terms, the
cognate found there. A concept that a version renders in two ways, or that it never renders
while another version does, is marked inconsistent. templates/terms.html.j2 draws it.
"""

from __future__ import annotations

from dataclasses import dataclass

from compare.checks.consistency import Rendering
from compare.glossary import Concept
from compare.report import ReportSection


@dataclass(frozen=True)
class TermCell:
    """How one version renders a concept, and the units where other versions name it and
    this one does not (`gaps`)."""

    lang: str
    uses: tuple[Rendering, ...]
    gaps: tuple[int, ...]
    state: str  # "ok", "partial" or "inconsistent"


@dataclass(frozen=True)
class ConceptRow:
    concept: Concept
    cells: tuple[TermCell, ...]
    state: str  # "consistent", "inconsistent" or "unused"


def _row(section: ReportSection, concept: Concept) -> ConceptRow:
    langs = section.alignment.langs()
    uses = section.renderings.get(concept.id, {})
    named = {key: {u for use in uses.get(key, ()) for u in use.spans} for key in langs}
    cells = []
    for key, lang in langs.items():
        found = tuple(uses.get(key, ()))
        gaps = set().union(*(units for other, units in named.items() if other != key))
        gaps -= named[key]
        inconsistent = len(found) > 1 or (bool(gaps) and not found)
        state = "inconsistent" if inconsistent else ("partial" if gaps else "ok")
        cells.append(TermCell(lang, found, tuple(sorted(gaps)), state))
    odd = any(c.state == "inconsistent" for c in cells)
    state = "inconsistent" if odd else ("consistent" if any(named.values()) else "unused")
    return ConceptRow(concept, tuple(cells), state)


def concept_rows(section: ReportSection) -> list[ConceptRow]:
    """One row per glossary concept, in the glossary's order."""
    return [_row(section, concept) for concept in section.glossary.concepts]
