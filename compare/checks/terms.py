"""Terminology drift: a glossary concept named in one language of a unit but not in another.

Presence is claimed strictly (the term or an inflected form of it) and absence only loosely
(not even a derived word or a close spelling is there), so that a flag needs both. Where the
language lacking the term seems to render the concept otherwise, the finding points there: at
a cognate of another language's term, or (given an encoder) at the phrase that stands out as
the concept's rendering (see compare.checks.renderings).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from compare.checks.base import Finding, Span, UnitText
from compare.checks.context import shared
from compare.checks.renderings import GlossaryCheck, Query, localise
from compare.glossary import Concept, Glossary, Term
from compare.stem import TermMatch, find_term

# How sure a match is, by the kind of match (compare.stem.KINDS).
MATCH_CONFIDENCE = {"exact": 0.95, "stem": 0.9, "derived": 0.7, "fuzzy": 0.6}
# How sure an absence is: the Kazakh suffix stripper misses more forms than Snowball does.
ABSENCE_CONFIDENCE = {"kk": 0.85}
_ABSENCE_DEFAULT = 0.95
# Languages written in one script, whose terms a text may borrow: Kazakh uses Russian loans.
COGNATE_SOURCES = {"kk": ("ru",), "ru": ("kk",)}


@dataclass(frozen=True)
class Occurrence:
    """A concept's term found in one language's text."""

    term: Term
    match: TermMatch
    span: Span


def _span(lang: str, text: str, match: TermMatch) -> Span:
    return Span(lang, match.start, match.end, text[match.start : match.end])


def locate(terms: Sequence[Term], lang: str, text: str, *, loose: bool = False) -> list[Occurrence]:
    """Occurrences of `terms` in `text`, longest first where two overlap, in text order."""
    found = [
        Occurrence(term, match, _span(lang, text, match))
        for term in terms
        for match in find_term(term.text, text, lang, loose=loose)
    ]
    found.sort(key=lambda o: (o.match.start, o.match.start - o.match.end))
    kept: list[Occurrence] = []
    for occurrence in found:
        if not kept or occurrence.match.start >= kept[-1].match.end:
            kept.append(occurrence)
    return kept


def guess_rendering(concept: Concept, lang: str, text: str) -> Span | None:
    """Where `text` seems to render the concept without its glossary terms: a cognate of the
    concept's term in a language of the same script ("интеллектуалды миграция" for a Russian
    "интеллектуальная миграция")."""
    for source in COGNATE_SOURCES.get(lang, ()):
        for term in concept.accepted(source):
            matches = find_term(term.text, text, lang, term_lang=source, loose=True)
            if matches:
                return _span(lang, text, matches[0])
    return None


def present(concept: Concept, unit: UnitText) -> dict[str, list[Occurrence]]:
    """Per language of the unit, the concept's accepted terms found strictly."""
    found = {lang: locate(concept.accepted(lang), lang, text) for lang, text in unit.texts.items()}
    return {lang: occurrences for lang, occurrences in found.items() if occurrences}


def lacks(concept: Concept, lang: str, unit: UnitText, named: dict[str, list[Occurrence]]) -> bool:
    """Whether `lang` uses none of the concept's terms, not even loosely or a deprecated one,
    while another language of the unit names the concept (`named` is present() for the unit)."""
    text = unit.texts.get(lang, "")
    return (
        bool(text.strip())
        and any(a != lang for a in named)
        and bool(concept.accepted(lang))
        and not locate(concept.deprecated(lang), lang, text)
        and not locate(concept.accepted(lang), lang, text, loose=True)
    )


@dataclass(frozen=True)
class Gap:
    """A language of a unit that lacks a concept's terms while other languages name it."""

    unit: UnitText
    concept: Concept
    lang: str
    sources: dict[str, list[Occurrence]]  # the other languages' occurrences

    def query(self) -> Query:
        """What to search the language's text for: its own term, and the words the other
        languages used here."""
        own = tuple(t.text for t in self.concept.accepted(self.lang)[:1])
        used = tuple(o[0].span.text for o in self.sources.values())
        return Query(self.lang, self.unit.texts[self.lang], (own, used))


def localised(glossary: Glossary, units: Sequence[UnitText], encoder) -> list[tuple[Gap, Span]]:
    """Every gap without a cognate rendering whose rendering stands out among its text's
    phrases, with that rendering; once per group (the terms and consistency checks both read
    it, see checks.context)."""
    key = ("localised", id(glossary), id(encoder))
    return shared(units, key, lambda: _localised(glossary, units, encoder))


def _localised(glossary: Glossary, units: Sequence[UnitText], encoder) -> list[tuple[Gap, Span]]:
    gaps = []
    for unit in units:
        for concept in glossary.concepts:
            named = present(concept, unit)
            gaps += [
                Gap(unit, concept, lang, {a: o for a, o in sorted(named.items()) if a != lang})
                for lang in sorted(unit.texts)
                if lacks(concept, lang, unit, named)
                and not guess_rendering(concept, lang, unit.texts[lang])
            ]
    found = localise(encoder, [gap.query() for gap in gaps])
    return [(gap, rendering) for gap, rendering in zip(gaps, found, strict=True) if rendering]


def _quote(terms: Sequence[Term]) -> str:
    return " / ".join(f"'{t.text}'" for t in terms)


Rendered = dict[tuple[int, str, str], Span]  # (unit, concept id, lang) -> localised rendering


class TermsCheck(GlossaryCheck):
    """Flags a unit where a language names a glossary concept and another language does not
    use the concept's term (or uses a deprecated one). With an encoder, a language lacking the
    term gets the phrase that seems to render the concept pointed at."""

    name = "terms"

    def run(self, units: Sequence[UnitText]) -> list[Finding]:
        """Findings for every unit and concept, in unit order."""
        rendered: Rendered = {}
        if self.encoder is not None:
            rendered = {
                (gap.unit.unit, gap.concept.id, gap.lang): span
                for gap, span in localised(self.glossary, units, self.encoder)
            }
        return [
            finding
            for unit in units
            for concept in self.glossary.concepts
            for finding in self._check(unit, concept, rendered)
        ]

    def _check(self, unit: UnitText, concept: Concept, rendered: Rendered) -> list[Finding]:
        sources = present(concept, unit)
        findings = []
        for lang, text in sorted(unit.texts.items()):
            accepted = concept.accepted(lang)
            if not text.strip() or not accepted:
                continue
            others = {a: occ for a, occ in sorted(sources.items()) if a != lang}
            deprecated = locate(concept.deprecated(lang), lang, text)
            if deprecated:
                findings.append(self._deprecated(unit, concept, lang, accepted, others, deprecated))
            elif lacks(concept, lang, unit, sources):
                rendering = guess_rendering(concept, lang, text) or rendered.get(
                    (unit.unit, concept.id, lang)
                )
                findings.append(self._missing(unit, concept, lang, others, rendering))
        return findings

    def _deprecated(
        self,
        unit: UnitText,
        concept: Concept,
        lang: str,
        accepted: list[Term],
        sources: dict[str, list[Occurrence]],
        deprecated: list[Occurrence],
    ) -> Finding:
        """A finding for a deprecated term; major unless an accepted term is used as well."""
        preferred = accepted[0]
        also_accepted = bool(locate(accepted, lang, unit.texts[lang]))
        used = deprecated[0]
        return Finding(
            check=self.name,
            severity="minor" if also_accepted else "major",
            confidence=MATCH_CONFIDENCE[used.match.kind],
            unit=unit.unit,
            langs=(*sources, lang),
            message=(
                f"{lang} uses the deprecated '{used.span.text}' for glossary concept "
                f"{concept.id}; the glossary prefers '{preferred.text}'."
            ),
            spans=tuple(found[0].span for found in sources.values())
            + tuple(o.span for o in deprecated),
            suggestion=preferred.text,
            details={"concept": concept.id, "kind": "deprecated", "lang": lang},
        )

    def _missing(
        self,
        unit: UnitText,
        concept: Concept,
        lang: str,
        sources: dict[str, list[Occurrence]],
        rendering: Span | None,
    ) -> Finding:
        """A finding for a language that has none of the concept's terms while others do;
        `rendering` is where it seems to render the concept instead, if anywhere."""
        firsts = [occurrences[0] for occurrences in sources.values()]
        named = " and ".join(f"{a} uses '{o[0].span.text}'" for a, o in sources.items())
        tail = (
            f"{lang} seems to render it as '{rendering.text}'."
            if rendering
            else f"{lang} may render it differently."
        )
        preferred = concept.preferred(lang)
        best = max(MATCH_CONFIDENCE[o.match.kind] for o in firsts)
        return Finding(
            check=self.name,
            severity=("major" if any(o.term.status == "preferred" for o in firsts) else "minor"),
            confidence=round(best * ABSENCE_CONFIDENCE.get(lang, _ABSENCE_DEFAULT), 3),
            unit=unit.unit,
            langs=(*sources, lang),
            message=(
                f"{named} (glossary concept {concept.id}) but {lang} has none of "
                f"{_quote(concept.accepted(lang))}; {tail}"
            ),
            spans=tuple(o.span for o in firsts) + ((rendering,) if rendering else ()),
            suggestion=preferred.text if preferred else None,
            details={"concept": concept.id, "kind": "missing", "lang": lang},
        )
