"""Consistency inside one language version: one concept rendered in different ways.

Across all units of a document group, each language's renderings of a glossary concept are
collected: the glossary terms it uses (as variants; inflected and derived forms count as the
term itself) and, in units where another language names the concept but this one uses none of
its terms, the cognate rendering found there (see terms.guess_rendering). Two or more
renderings make one finding, which also says when one source term stood behind all of them
("the same term translated two ways").

Given an encoder, the phrase that seems to render a concept where a language lacks its terms
(see terms.localised) is traced: its content words met in a few other units of that language
are the same wording used elsewhere, and each such unit gets a finding with the wording's
counterparts in the unit's other languages (see renderings.trace).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from compare.checks.base import Finding, Span, UnitText
from compare.checks.renderings import GlossaryCheck, Reuse, trace
from compare.checks.terms import Gap, Occurrence, guess_rendering, localised, locate, present
from compare.glossary import Concept, Glossary
from compare.stem import term_key

# Glossary variants are found surely; a guessed rendering is only likely.
_CONFIDENCE_VARIANTS = 0.85
_CONFIDENCE_GUESSED = 0.6
# A reused wording rests on two embedding guesses (the rendering and its counterparts).
_CONFIDENCE_REUSED = 0.5
GUESSED = "guessed"  # status of a rendering that is not a glossary term


@dataclass
class Rendering:
    """One way a language renders a concept, with the units and source terms seen with it."""

    label: str
    status: str  # a glossary term status ("preferred", "admitted", "deprecated") or GUESSED
    spans: dict[int, list[Span]] = field(default_factory=dict)  # by unit
    sources: set[tuple[str, str]] = field(default_factory=set)  # (lang, term) in those units

    @property
    def guessed(self) -> bool:
        return self.status == GUESSED

    @property
    def count(self) -> int:
        """Occurrences over all units."""
        return sum(len(spans) for spans in self.spans.values())


@dataclass(frozen=True)
class Seen:
    """One rendering of a concept in one text: its label, where, and its glossary status
    (GUESSED for a cognate that is no glossary term)."""

    label: str
    span: Span
    status: str


def renderings_in(concept: Concept, lang: str, text: str, *, named_elsewhere: bool) -> list[Seen]:
    """How `text` renders the concept: its glossary terms (loosely, deprecated ones too) or,
    where it has none while another language of the unit names the concept, the cognate
    rendering found there."""
    terms = concept.accepted(lang) + concept.deprecated(lang)
    seen = [Seen(o.term.text, o.span, o.term.status) for o in locate(terms, lang, text, loose=True)]
    if seen or not named_elsewhere or not text.strip():
        return seen
    guess = guess_rendering(concept, lang, text)
    return [Seen(guess.text, guess, GUESSED)] if guess else []


def _collect(
    found: dict[tuple[str, ...], Rendering],
    concept: Concept,
    lang: str,
    unit: UnitText,
    named: dict[str, list[Occurrence]],
) -> None:
    """Add the concept's renderings in one unit's `lang` text to `found`; `named` is
    terms.present() for the unit."""
    elsewhere = {a: o for a, o in named.items() if a != lang}
    text = unit.texts.get(lang, "")
    for seen in renderings_in(concept, lang, text, named_elsewhere=bool(elsewhere)):
        key = ("~" if seen.status == GUESSED else "=", *term_key(seen.label, lang))
        rendering = found.setdefault(key, Rendering(seen.label, seen.status))
        rendering.spans.setdefault(unit.unit, []).append(seen.span)
        rendering.sources |= {(a, o[0].term.text) for a, o in elsewhere.items()}


Renderings = dict[str, dict[str, list[Rendering]]]  # concept id -> language -> renderings


def concept_renderings(glossary: Glossary, units: Sequence[UnitText]) -> Renderings:
    """How each language renders each concept of the glossary across all units, renderings
    in the order first met. The consistency check and the report's terminology matrix both
    read this."""
    # Unit by unit, so that each text is tokenised once (compare.stem caches recent texts).
    found: dict[tuple[int, str], dict[tuple[str, ...], Rendering]] = {}
    for unit in units:
        for n, concept in enumerate(glossary.concepts):
            named = present(concept, unit)
            for lang in sorted(unit.texts):
                _collect(found.setdefault((n, lang), {}), concept, lang, unit, named)
    renderings: Renderings = {concept.id: {} for concept in glossary.concepts}
    for (n, lang), by_key in found.items():
        renderings[glossary.concepts[n].id][lang] = list(by_key.values())
    return renderings


def _units(rendering: Rendering) -> str:
    numbers = sorted(rendering.spans)
    return ("unit " if len(numbers) == 1 else "units ") + ", ".join(map(str, numbers))


class ConsistencyCheck(GlossaryCheck):
    """Flags a concept that one language version renders in more than one way."""

    name = "consistency"

    def run(self, units: Sequence[UnitText]) -> list[Finding]:
        """One finding per concept and language with two or more renderings."""
        renderings = concept_renderings(self.glossary, units)
        findings = [
            self._finding(concept, lang, found)
            for concept in self.glossary.concepts
            for lang, found in renderings[concept.id].items()
            if len(found) > 1
        ]
        if self.encoder is not None:
            findings += self._reused(units)
        return sorted(findings, key=lambda f: (f.unit, f.message))

    def _reused(self, units: Sequence[UnitText]) -> list[Finding]:
        """Findings for the units that reuse the wording a language put where it lacked a
        concept's terms; units where it lacked the same concept's terms are left to the terms
        check."""
        found = localised(self.glossary, units, self.encoder)
        homes: dict[tuple[str, str], set[int]] = {}
        for gap, _ in found:
            homes.setdefault((gap.concept.id, gap.lang), set()).add(gap.unit.unit)
        traced = trace(self.encoder, units, [(homes[g.concept.id, g.lang], r) for g, r in found])
        return [
            self._reuse(gap, rendering, reuse)
            for (gap, rendering), reuses in zip(found, traced, strict=True)
            for reuse in reuses
        ]

    def _reuse(self, gap: Gap, rendering: Span, reuse: Reuse) -> Finding:
        """A minor finding: where the lacking language put `rendering`, it uses its words here."""
        lang, (source, occurrences) = gap.lang, next(iter(gap.sources.items()))
        terms = " / ".join(f"'{t.text}'" for t in gap.concept.accepted(lang))
        echoed = ", ".join(f"{s.lang} has '{s.text}'" for s in reuse.counterparts)
        shown = f" ('{rendering.text}')" if rendering.text != reuse.span.text else ""
        return Finding(
            check=self.name,
            severity="minor",
            confidence=_CONFIDENCE_REUSED,
            unit=reuse.unit,
            langs=(lang, *(s.lang for s in reuse.counterparts)),
            message=(
                f"{lang} uses '{reuse.span.text}' here too: the wording{shown} it used for "
                f"{source} '{occurrences[0].span.text}' in unit {gap.unit.unit}, where "
                f"glossary concept {gap.concept.id} has {terms}"
                + (f"; here {echoed}." if echoed else ".")
            ),
            spans=(reuse.span, *reuse.counterparts),
            suggestion=None,
            details={
                "concept": gap.concept.id,
                "kind": "reuse",
                "lang": lang,
                "rendering": {"unit": gap.unit.unit, "text": rendering.text},
            },
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
                "lang": lang,
                "renderings": {r.label: sorted(r.spans) for r in renderings},
            },
        )
