"""The terminology matrix: glossary concept × version → the renderings found, with places.

A rendering is a glossary term in any inflection (found as the term checks find it) or, in a
unit where another version names the concept and this one uses none of its terms, the
cognate found there. A concept that a version renders in two ways, or that it never renders
while another version does, is marked inconsistent.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from compare.align.documents import Alignment
from compare.checks.terms import guess_rendering, locate
from compare.glossary import Concept, Glossary
from compare.stem import term_key
from compare.writers.html_common import esc, lang_attr, lang_label, unit_anchor

GUESSED = "guessed"  # status of a rendering that is not a glossary term


@dataclass
class TermUse:
    """One way a version renders a concept, and how often in which units."""

    label: str
    status: str  # a glossary term status ("preferred", "admitted", "deprecated") or GUESSED
    units: dict[int, int] = field(default_factory=dict)  # unit index -> occurrences

    @property
    def count(self) -> int:
        return sum(self.units.values())


Renderings = Mapping[str, Mapping[str, Sequence[TermUse]]]  # concept id -> version key -> uses


def _glossary_uses(concept: Concept, lang: str, text: str) -> list[tuple[str, str]]:
    terms = concept.accepted(lang) + concept.deprecated(lang)
    return [(o.term.text, o.term.status) for o in locate(terms, lang, text, loose=True)]


def find_renderings(alignment: Alignment, glossary: Glossary) -> Renderings:
    """How every version of the alignment renders every concept of the glossary."""
    langs = alignment.langs()
    found: dict[str, dict[str, dict[tuple, TermUse]]] = {
        c.id: {key: {} for key in alignment.keys} for c in glossary.concepts
    }
    for unit in alignment.units:
        texts = {key: unit.text(key) for key in alignment.keys}
        for concept in glossary.concepts:
            uses = {key: _glossary_uses(concept, langs[key], t) for key, t in texts.items()}
            for key, text in texts.items():
                named_elsewhere = any(u for other, u in uses.items() if other != key)
                if not uses[key] and named_elsewhere and text.strip():
                    guess = guess_rendering(concept, langs[key], text)
                    uses[key] = [(guess.text, GUESSED)] if guess else []
            for key, seen in uses.items():
                for label, status in seen:
                    slot = (status == GUESSED, *term_key(label, langs[key]))
                    use = found[concept.id][key].setdefault(slot, TermUse(label, status))
                    use.units[unit.index] = use.units.get(unit.index, 0) + 1
    return {
        cid: {key: tuple(uses.values()) for key, uses in by_key.items()}
        for cid, by_key in found.items()
    }


def _use(group: str, lang: str, use: TermUse) -> str:
    places = ", ".join(f'<a href="#{unit_anchor(group, u)}">{u}</a>' for u in sorted(use.units))
    mark = "≈ " if use.status == GUESSED else ""
    title = {
        GUESSED: "not a glossary term: the form found where other versions name the concept",
        "deprecated": "a deprecated glossary term",
    }.get(use.status, f"{use.status} glossary term")
    return (
        f'<li class="use {use.status}" title="{esc(title)}">{mark}'
        f'<span class="term"{lang_attr(lang)}>{esc(use.label)}</span> '
        f'<span class="count">×{use.count}</span> '
        f'<span class="where">unit{"s" if len(use.units) > 1 else ""} {places}</span></li>'
    )


def _gaps(group: str, units: set[int]) -> str:
    links = ", ".join(f'<a href="#{unit_anchor(group, u)}">{u}</a>' for u in sorted(units))
    return f'<span class="gaps">not in unit{"s" if len(units) > 1 else ""} {links}</span>'


def _row(
    group: str, concept: Concept, uses: Mapping[str, Sequence[TermUse]], langs: Mapping[str, str]
) -> str:
    """A concept's row; a cell notes the units where other versions name the concept and
    this one does not."""
    named = {key: {u for use in uses.get(key, ()) for u in use.units} for key in langs}
    cells, odd = [], False
    for key, lang in langs.items():
        found = uses.get(key, ())
        gaps = set().union(*(units for other, units in named.items() if other != key))
        gaps -= named[key]
        inconsistent = len(found) > 1 or (bool(gaps) and not found)
        odd |= inconsistent
        items = "".join(_use(group, lang, use) for use in found)
        body = f'<ul class="uses">{items}</ul>' if found else '<span class="gap">—</span>'
        state = "inconsistent" if inconsistent else ("partial" if gaps else "ok")
        cells.append(f'<td class="{state}">{body}{_gaps(group, gaps) if gaps else ""}</td>')
    gloss = " / ".join(
        f"<span{lang_attr(lang)}>{esc(terms[0].text)}</span>"
        for lang, terms in concept.terms.items()
        if terms
    )
    state = "inconsistent" if odd else ("consistent" if any(named.values()) else "unused")
    flag = '<span class="flag">inconsistent</span>' if odd else ""
    return (
        f'<tr class="concept {state}"><th scope="row"><span class="cid">{esc(concept.id)}</span>'
        f'{flag}<span class="gloss">{gloss}</span></th>{"".join(cells)}</tr>'
    )


def terms_matrix(
    group: str, alignment: Alignment, glossary: Glossary, renderings: Renderings
) -> str:
    """The matrix for one document group, or a note when it has no glossary."""
    if not glossary.concepts:
        return '<p class="none">No glossary for this group (no keyword lists, none given).</p>'
    langs = alignment.langs()
    head = "".join(
        f'<th scope="col"{lang_attr(langs[k])}>{esc(lang_label(k, langs[k]))}</th>'
        for k in alignment.keys
    )
    rows = "".join(
        _row(group, concept, renderings.get(concept.id, {}), langs) for concept in glossary.concepts
    )
    return (
        f'<table class="terms"><thead><tr><th scope="col">concept</th>{head}</tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )
