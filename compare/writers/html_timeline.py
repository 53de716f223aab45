"""The timeline: one inline-SVG sparkline per tracked term across versions, and the
replacements mined between versions (оралман → қандас).

The report shows compare.timeline's Timeline as it is: per term its frequency per 10,000 words
in each version, and the recurring replacements with example passages.
"""

from __future__ import annotations

from collections.abc import Sequence

from compare.corpus import joined
from compare.report import TimelineSection
from compare.writers.html_common import esc, lang_attr, slug

EXAMPLES = 2  # example passage pairs shown per replacement


SPARK_WIDTH, SPARK_HEIGHT, SPARK_PAD = 160, 36, 4


def _number(value: float) -> str:
    """A count or a rate, without trailing zeros: 14, 3.46, 1,234."""
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def sparkline(values: Sequence[float], versions: Sequence[str]) -> str:
    """An inline SVG line of `values`, one point per version, each with its value as a tooltip."""
    top = max((*values, 0.0)) or 1.0
    step = (SPARK_WIDTH - 2 * SPARK_PAD) / max(len(values) - 1, 1)
    points = [
        (SPARK_PAD + i * step, SPARK_HEIGHT - SPARK_PAD - v / top * (SPARK_HEIGHT - 2 * SPARK_PAD))
        for i, v in enumerate(values)
    ]
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    dots = "".join(
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.5"><title>{esc(version)}: {_number(value)}</title>'
        "</circle>"
        for (x, y), value, version in zip(points, values, versions, strict=False)
    )
    return (
        f'<svg class="spark" width="{SPARK_WIDTH}" height="{SPARK_HEIGHT}" '
        f'viewBox="0 0 {SPARK_WIDTH} {SPARK_HEIGHT}" role="img" '
        f'aria-label="{esc(", ".join(map(_number, values)))}">'
        f'<polyline points="{line}"/>{dots}</svg>'
    )


def _terms(section: TimelineSection, lang: str) -> str:
    versions = section.timeline.versions
    head = "".join(f'<th scope="col" class="num">{esc(v)}</th>' for v in versions)
    rows = "".join(
        f'<tr class="trend-{slug(term.trend)}"><th scope="row"{lang}>{esc(term.term)}</th>'
        f"<td>{sparkline(term.per_10k, versions)}</td>"
        + "".join(f'<td class="num">{_number(v)}</td>' for v in term.per_10k)
        + f'<td class="trend">{esc(term.trend)}</td></tr>'
        for term in section.timeline.terms
    )
    return (
        f'<table class="timeline"><thead><tr><th scope="col">term</th><th scope="col">per '
        f"10,000 words</th>{head}<th scope='col'>trend</th></tr></thead><tbody>{rows}</tbody>"
        "</table>"
    )


def _example(swap) -> str:
    return f"<q>{esc(joined(swap.old))}</q> → <q>{esc(joined(swap.new))}</q>"


def _replacements(section: TimelineSection, lang: str) -> str:
    replacements = section.timeline.replacements
    if not replacements:
        return '<p class="none">No replacements mined between these versions.</p>'
    rows = "".join(
        f"<tr><td{lang}>{esc(r.old)}</td><td class='arrow'>→</td><td{lang}>{esc(r.new)}</td>"
        f'<td class="num">{r.count}</td>'
        f"<td{lang}>{'<br>'.join(_example(s) for s in r.swaps[:EXAMPLES])}</td></tr>"
        for r in replacements
    )
    return (
        '<table class="replacements"><thead><tr><th scope="col">old</th><th></th>'
        '<th scope="col">new</th><th scope="col">places</th><th scope="col">examples</th>'
        f"</tr></thead><tbody>{rows}</tbody></table>"
    )


def timeline_section(sections: Sequence[TimelineSection]) -> str:
    """Every version series, or a note that the corpus has none."""
    if not sections:
        return '<p class="none">No version series in this corpus.</p>'
    parts = []
    for section in sections:
        lang = lang_attr(section.timeline.lang)
        versions = " → ".join(section.timeline.versions)
        parts.append(
            f'<section class="series" id="timeline-{slug(section.group)}">'
            f"<h3>{esc(section.group)} <small>{esc(versions)}</small></h3>"
            f"{_terms(section, lang)}<h4>Replacements</h4>{_replacements(section, lang)}</section>"
        )
    return "".join(parts)
