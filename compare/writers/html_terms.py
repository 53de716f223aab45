"""The terminology matrix: glossary concept × version → the renderings found, with places.

A rendering is a glossary term in any inflection (found as the term checks find it) or, in a
unit where another version names the concept and this one uses none of its terms, the
cognate found there. A concept that a version renders in two ways, or that it never renders
while another version does, is marked inconsistent.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from compare.align.documents import Alignment
from compare.checks.consistency import GUESSED, Rendering, Renderings
from compare.glossary import Concept, Glossary
from compare.writers.html_common import esc, lang_attr, lang_label, unit_anchor


def _use(group: str, lang: str, use: Rendering) -> str:
    places = ", ".join(f'<a href="#{unit_anchor(group, u)}">{u}</a>' for u in sorted(use.spans))
    mark = "≈ " if use.status == GUESSED else ""
    title = {
        GUESSED: "not a glossary term: the form found where other versions name the concept",
        "deprecated": "a deprecated glossary term",
    }.get(use.status, f"{use.status} glossary term")
    return (
        f'<li class="use {use.status}" title="{esc(title)}">{mark}'
        f'<span class="term"{lang_attr(lang)}>{esc(use.label)}</span> '
        f'<span class="count">×{use.count}</span> '
        f'<span class="where">unit{"s" if len(use.spans) > 1 else ""} {places}</span></li>'
    )


def _gaps(group: str, units: set[int]) -> str:
    links = ", ".join(f'<a href="#{unit_anchor(group, u)}">{u}</a>' for u in sorted(units))
    return f'<span class="gaps">not in unit{"s" if len(units) > 1 else ""} {links}</span>'


def _row(
    group: str, concept: Concept, uses: Mapping[str, Sequence[Rendering]], langs: Mapping[str, str]
) -> str:
    """A concept's row; a cell notes the units where other versions name the concept and
    this one does not."""
    named = {key: {u for use in uses.get(key, ()) for u in use.spans} for key in langs}
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
