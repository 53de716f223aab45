"""Consistency inside one language version: one concept rendered in different ways.

Across all units of a document group, each language's renderings of a glossary concept are
collected: the glossary terms it uses (as variants; inflected and derived forms count as the
term itself) and, in units where another language names the concept but this one uses none of
its terms, the cognate rendering found there (see terms.guess_rendering). Two or more
renderings make one finding, which also says when one source term stood behind all of them
("the same term translated two ways").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from compare.checks.base import Check, Finding, Span, UnitText
from compare.checks.terms import Occurrence, guess_rendering, locate, present
from compare.glossary import Concept, Glossary
from compare.stem import term_key

# Glossary variants are found surely; a guessed rendering is only likely.
_CONFIDENCE_VARIANTS = 0.85
_CONFIDENCE_GUESSED = 0.6


@dataclass
class Rendering:
    """One way a language renders a concept, with the units and source terms seen with it."""

    label: str
    guessed: bool
    spans: dict[int, list[Span]] = field(default_factory=dict)  # by unit
    sources: set[tuple[str, str]] = field(default_factory=set)  # (lang, term) in those units


def _collect(
    found: dict[tuple[str, ...], Rendering],
    concept: Concept,
    lang: str,
    unit: UnitText,
    named: dict[str, list[Occurrence]],
) -> None:
    """Add the concept's renderings in one unit's `lang` text to `found`; `named` is
    terms.present() for the unit."""
    text = unit.texts.get(lang, "")
    if not text.strip():
        return
    elsewhere = {a: o for a, o in named.items() if a != lang}
    terms = concept.accepted(lang) + concept.deprecated(lang)
    seen = [(o.term.text, o.span, False) for o in locate(terms, lang, text, loose=True)]
    if not seen and elsewhere:
        guess = guess_rendering(concept, lang, text)
        seen = [(guess.text, guess, True)] if guess else []
    for label, span, guessed in seen:
        key = ("~" if guessed else "=", *term_key(label, lang))
        rendering = found.setdefault(key, Rendering(label, guessed))
        rendering.spans.setdefault(unit.unit, []).append(span)
        rendering.sources |= {(a, o[0].term.text) for a, o in elsewhere.items()}


def _units(rendering: Rendering) -> str:
    numbers = sorted(rendering.spans)
    return ("unit " if len(numbers) == 1 else "units ") + ", ".join(map(str, numbers))


class ConsistencyCheck(Check):
    """Flags a concept that one language version renders in more than one way."""

    name = "consistency"

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary

    def run(self, units: Sequence[UnitText]) -> list[Finding]:
        """One finding per concept and language with two or more renderings."""
        # Unit by unit, so that each text is tokenised once (compare.stem caches recent texts).
        found: dict[tuple[int, str], dict[tuple[str, ...], Rendering]] = {}
        for unit in units:
            for n, concept in enumerate(self.glossary.concepts):
                named = present(concept, unit)
                for lang in sorted(unit.texts):
                    _collect(found.setdefault((n, lang), {}), concept, lang, unit, named)
        return sorted(
            (
                self._finding(self.glossary.concepts[n], lang, list(renderings.values()))
                for (n, lang), renderings in found.items()
                if len(renderings) > 1
            ),
            key=lambda f: (f.unit, f.message),
        )

    def _finding(self, concept: Concept, lang: str, renderings: list[Rendering]) -> Finding:
        # The flag sits on the rarest rendering, at its first unit.
        odd = min(renderings, key=lambda r: (len(r.spans), min(r.spans)))
        unit = min(odd.spans)
        listed = ", ".join(f"'{r.label}' ({_units(r)})" for r in renderings)
        shared = set.intersection(*(r.sources for r in renderings))
        behind = "".join(f"; {a} has '{t}' throughout" for a, t in sorted(shared))
        guessed = any(r.guessed for r in renderings)
        return Finding(
            check=self.name,
            severity="minor",
            confidence=_CONFIDENCE_GUESSED if guessed else _CONFIDENCE_VARIANTS,
            unit=unit,
            langs=(lang,),
            message=(
                f"{lang} renders glossary concept {concept.id} in {len(renderings)} ways: "
                f"{listed}{behind}."
            ),
            spans=tuple(odd.spans[unit]),
            suggestion=(p.text if (p := concept.preferred(lang)) else None),
            details={
                "concept": concept.id,
                "renderings": {r.label: sorted(r.spans) for r in renderings},
            },
        )
