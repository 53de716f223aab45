"""The side-by-side table: one row per aligned unit, one column per version.

Findings' spans are character offsets into `AlignedUnit.text(key)`; the text is cut at every
span edge (and passage edge), so overlapping spans become runs of text each marked with all
the findings covering it, coloured by the most severe.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from compare.align.documents import AlignedUnit, Alignment
from compare.checks.base import SEVERITIES, Finding
from compare.writers.html_common import (
    esc,
    finding_anchor,
    lang_attr,
    lang_label,
    unit_anchor,
)

# A pair's margin is coloured by its rank among the document's units, from the weakest
# quarter to the strongest: margins have no absolute scale across documents or models.
RANK_TIERS = ("low", "fair", "good", "high")

# A finding's span in one version's text: start, end, the finding, and its list item's id.
MarkedSpan = tuple[int, int, Finding, str]


def legend() -> str:
    """What the badges' colours and the highlights mean."""
    quarters = ("weakest quarter", "second quarter", "third quarter", "strongest quarter")
    badges = "".join(
        f'<span class="badge {tier}">{label}</span>'
        for tier, label in zip(RANK_TIERS, quarters, strict=True)
    )
    return (
        '<p class="legend">Pair margin: how much better two versions fit each other than '
        f"either fits its nearest other sentence, coloured by rank in the document: {badges}. "
        'Drift: <mark class="drift major">major</mark> <mark class="drift minor">minor</mark>; '
        "— no counterpart.</p>"
    )


def _tiers(alignment: Alignment) -> dict[tuple[int, str], str]:
    """The rank tier of every (unit, pair) margin, ranked within its pair."""
    by_pair: dict[str, list[tuple[float, int]]] = {}
    for unit in alignment.units:
        for pair, margin in unit.pair_scores.items():
            by_pair.setdefault(pair, []).append((margin, unit.index))
    tiers = {}
    for pair, scored in by_pair.items():
        scored.sort()
        for rank, (_, index) in enumerate(scored):
            share = rank / (len(scored) - 1) if len(scored) > 1 else 1.0
            tiers[index, pair] = RANK_TIERS[min(int(share * len(RANK_TIERS)), len(RANK_TIERS) - 1)]
    return tiers


def _badges(unit: AlignedUnit, tiers: dict[tuple[int, str], str]) -> str:
    badges = []
    for pair, margin in unit.pair_scores.items():
        tier, name = tiers[unit.index, pair], pair.replace("~", "–")
        title = f"{name} margin {margin:.3f}: {tier} for this document"
        badges.append(
            f'<span class="badge {tier}" title="{esc(title)}">'
            f"{esc(name)} <b>{margin:.2f}</b></span>"
        )
    return "".join(badges)


def _mark(piece: str, covering: Sequence[tuple[Finding, str]]) -> str:
    severity = min((f.severity for f, _ in covering), key=SEVERITIES.index)
    title = "\n".join(dict.fromkeys(f.message for f, _ in covering))
    anchors = " ".join(anchor for _, anchor in covering)
    return (
        f'<mark class="drift {severity}" title="{esc(title)}" data-findings="{anchors}">'
        f"{piece}</mark>"
    )


def _marked(text: str, start: int, end: int, spans: Sequence[MarkedSpan]) -> str:
    """text[start:end] as HTML, with every span cut to it and marked."""
    inside = [(max(a, start), min(b, end), f, anchor) for a, b, f, anchor in spans]
    inside = [s for s in inside if s[0] < s[1]]
    cuts = sorted({start, end, *(s[0] for s in inside), *(s[1] for s in inside)})
    out = []
    for a, b in pairwise(cuts):
        piece = esc(text[a:b])
        covering = [(f, anchor) for s, e, f, anchor in inside if s <= a and e >= b]
        out.append(_mark(piece, covering) if covering else piece)
    return "".join(out)


def _cell(unit: AlignedUnit, key: str, lang: str, spans: Sequence[MarkedSpan]) -> str:
    passages = unit.passages.get(key, ())
    if not passages:
        return (
            f'<td class="text omitted"{lang_attr(lang)}>'
            f'<span class="gap" title="no counterpart in {esc(key)}">—</span></td>'
        )
    text, start, parts = unit.text(key), 0, []
    for passage in passages:
        end = start + len(passage.text)
        own = lang_attr(passage.lang) if passage.lang != lang else ""
        parts.append(f'<span class="p"{own}>{_marked(text, start, end, spans)}</span>')
        start = end + 1  # passages are joined by one space
    return f'<td class="text"{lang_attr(lang)}>{" ".join(parts)}</td>'


def _head_cell(unit: AlignedUnit, group: str, findings: Sequence[Finding]) -> str:
    """The row's first cell: its number, the kind of passage, and dots linking to findings."""
    first = next((ps[0] for ps in unit.passages.values() if ps), None)
    kind = first.kind if first and first.kind != "sentence" else ""
    dots = "".join(
        f'<a class="dot {f.severity}" href="#{finding_anchor(group, f.id)}" '
        f'title="{esc(f.severity)} {esc(f.check)}: {esc(f.message)}">●</a>'
        for f in findings
    )
    kind_html = f'<span class="kind">{esc(kind)}</span>' if kind else ""
    return f'<th scope="row" class="n">{unit.index}{kind_html}<span class="dots">{dots}</span></th>'


def units_table(group: str, alignment: Alignment, findings: Sequence[Finding]) -> str:
    """The aligned units of one document group as an HTML table."""
    langs = alignment.langs()
    tiers = _tiers(alignment)
    by_unit: dict[int, list[Finding]] = {}
    for finding in findings:
        by_unit.setdefault(finding.unit, []).append(finding)
    head = "".join(
        f'<th scope="col"{lang_attr(langs[key])}>{esc(lang_label(key, langs[key]))}</th>'
        for key in alignment.keys
    )
    rows = []
    for unit in alignment.units:
        flagged = by_unit.get(unit.index, [])
        spans: dict[str, list[MarkedSpan]] = {}
        for f in flagged:
            for span in f.spans:
                spans.setdefault(span.lang, []).append(
                    (span.start, span.end, f, finding_anchor(group, f.id))
                )
        worst = min((f.severity for f in flagged), key=SEVERITIES.index, default=None)
        classes = "unit" + (f" flagged-{worst}" if worst else "")
        cells = "".join(_cell(unit, k, langs[k], spans.get(k, [])) for k in alignment.keys)
        rows.append(
            f'<tr id="{unit_anchor(group, unit.index)}" class="{classes}">'
            f"{_head_cell(unit, group, flagged)}{cells}"
            f'<td class="badges">{_badges(unit, tiers)}</td></tr>'
        )
    return (
        '<table class="units">'
        f'<thead><tr><th scope="col" class="n">#</th>{head}'
        f'<th scope="col" class="badges">pair margin</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
