"""The side-by-side table's view data: one row per aligned unit, one cell per version.

Findings' spans are character offsets into `AlignedUnit.text(key)`; the text is cut at every
span edge (and passage edge), so overlapping spans become runs of text each marked with all
the findings covering it, coloured by the most severe. templates/units.html.j2 draws it.
"""

from __future__ import annotations

from collections.abc import Sequence, Set
from dataclasses import dataclass
from itertools import pairwise

from compare.align.documents import AlignedUnit, Alignment
from compare.checks.base import SEVERITIES, Finding
from compare.corpus import Passage
from compare.readers.structure import division_of
from compare.report import ReportSection
from compare.writers.html_common import finding_anchor, lang_code

# A pair's margin is coloured by its rank among the document's units, from the weakest
# quarter to the strongest: margins have no absolute scale across documents or models.
RANK_TIERS = ("low", "fair", "good", "high")

# A finding's span in one version's text: start, end, the finding, and its list item's id.
MarkedSpan = tuple[int, int, Finding, str]


@dataclass(frozen=True)
class Piece:
    """A run of a cell's text and the findings covering all of it (none: plain text)."""

    text: str
    severity: str | None = None  # the most severe covering finding's
    title: str = ""  # the covering findings' messages, one a line
    anchors: str = ""  # the covering findings' list item ids, space-separated
    role: str = ""  # "fault": a covering finding is about this version; "ref": all are about others


@dataclass(frozen=True)
class PassageView:
    """One passage of a cell; `lang` is set when it differs from the column's language."""

    pieces: tuple[Piece, ...]
    lang: str | None = None


@dataclass(frozen=True)
class Cell:
    """One version's text in a unit; no passages: the version has no counterpart there."""

    key: str
    lang: str
    passages: tuple[PassageView, ...]


@dataclass(frozen=True)
class Badge:
    """A pair's margin in a unit and its rank tier within the document."""

    pair: str  # "kk–ru"
    margin: float
    tier: str


@dataclass(frozen=True)
class Row:
    """A unit's row: its number, kind of passage, findings (most severe first) and cells, and
    its pairs' margins, or what paired it when no embedding did (AlignedUnit.pairing)."""

    index: int
    kind: str
    findings: tuple[Finding, ...]
    worst: str | None
    cells: tuple[Cell, ...]
    badges: tuple[Badge, ...]
    pairing: str | None = None


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


def _role(key: str, covering: Sequence[tuple[Finding, str]]) -> str:
    """Whether a run of version `key` is at fault, quoted as reference, or (when a covering
    finding does not tell which version is at fault) neither."""
    faults = [f.fault for f, _ in covering]
    if key in faults:
        return "fault"
    return "ref" if None not in faults else ""


def _piece(key: str, text: str, covering: Sequence[tuple[Finding, str]]) -> Piece:
    if not covering:
        return Piece(text)
    return Piece(
        text,
        min((f.severity for f, _ in covering), key=SEVERITIES.index),
        "\n".join(dict.fromkeys(f.message for f, _ in covering)),
        " ".join(anchor for _, anchor in covering),
        _role(key, covering),
    )


def _pieces(
    key: str, text: str, start: int, end: int, spans: Sequence[MarkedSpan]
) -> tuple[Piece, ...]:
    """text[start:end] of version `key`, cut at the edges of every span inside it."""
    inside = [(max(a, start), min(b, end), f, anchor) for a, b, f, anchor in spans]
    inside = [s for s in inside if s[0] < s[1]]
    cuts = sorted({start, end, *(s[0] for s in inside), *(s[1] for s in inside)})
    return tuple(
        _piece(key, text[a:b], [(f, anchor) for s, e, f, anchor in inside if s <= a and e >= b])
        for a, b in pairwise(cuts)
    )


def _cell(unit: AlignedUnit, key: str, lang: str, spans: Sequence[MarkedSpan]) -> Cell:
    text, start, passages = unit.text(key), 0, []
    for passage in unit.passages.get(key, ()):
        end = start + len(passage.text)
        own = lang_code(passage.lang) if passage.lang != lang else None
        passages.append(PassageView(_pieces(key, text, start, end, spans), own))
        start = end + 1  # passages are joined by one space
    return Cell(key, lang, tuple(passages))


def unit_rows(section: ReportSection) -> list[Row]:
    """The rows of one document group's side-by-side table."""
    alignment, group = section.alignment, section.group
    langs = alignment.langs()
    tiers = _tiers(alignment)
    by_unit: dict[int, list[Finding]] = {}
    for finding in section.findings:
        by_unit.setdefault(finding.unit, []).append(finding)
    rows = []
    for unit in alignment.units:
        flagged = by_unit.get(unit.index, [])
        spans: dict[str, list[MarkedSpan]] = {}
        for f in flagged:
            for span in f.spans:
                spans.setdefault(span.lang, []).append(
                    (span.start, span.end, f, finding_anchor(group, f))
                )
        first = next((ps[0] for ps in unit.passages.values() if ps), None)
        badges = tuple(
            Badge(pair.replace("~", "–"), margin, tiers[unit.index, pair])
            for pair, margin in unit.pair_scores.items()
        )
        rows.append(
            Row(
                unit.index,
                _kind_label(first),
                tuple(flagged),
                min((f.severity for f in flagged), key=SEVERITIES.index, default=None),
                tuple(_cell(unit, k, langs[k], spans.get(k, [])) for k in alignment.keys),
                badges,
                unit.pairing,
            )
        )
    return rows


def _kind_label(first: Passage | None) -> str:
    """What a row's number is followed by: the segment id, or the kind of a passage that is
    not a sentence (a heading, a keyword)."""
    if first is None or first.kind == "sentence":
        return ""
    return first.segment or first.kind


@dataclass(frozen=True)
class Article:
    """A division of a law (its article, else its chapter) in the side-by-side table: where its
    units start, how many findings they hold, and whether it starts in a folded stretch, for
    the table of articles."""

    name: str  # "chapter 1, article 5"
    first_unit: int
    findings: int
    folded: bool


def unit_places(section: ReportSection) -> dict[int, str]:
    """Where each unit stands: the segment of a bilingual file ("segment u3"), else the
    division of a law (e.g. "chapter 1, article 5"); empty for a text without either."""
    segments = {u.index: f"segment {u.segment}" for u in section.alignment.units if u.segment}
    return {**_divisions(section), **segments}


def _divisions(section: ReportSection) -> dict[int, str]:
    """The division (e.g. "chapter 1, article 5") each unit of a law stands in."""
    places = {}
    for unit in section.alignment.units:
        path = next((p.path for ps in unit.passages.values() for p in ps if p.path), None)
        if division := division_of(path):
            places[unit.index] = division
    return places


def articles(section: ReportSection, folded: Set[int]) -> list[Article]:
    """The divisions of a law in the order of its units, each once, with its findings;
    `folded`: the units drawn inside folded stretches."""
    places = _divisions(section)
    counts: dict[str, int] = {}
    for finding in section.findings:
        if finding.unit in places:
            counts[places[finding.unit]] = counts.get(places[finding.unit], 0) + 1
    firsts: dict[str, int] = {}
    for unit, name in sorted(places.items()):
        firsts.setdefault(name, unit)
    return [
        Article(name, unit, counts.get(name, 0), unit in folded) for name, unit in firsts.items()
    ]
