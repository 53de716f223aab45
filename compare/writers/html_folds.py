"""The side-by-side table of a long document, folded: stretches without findings collapse.

A law of thousands of units is mostly unchanged text; its findings would drown in it. So a
run of consecutive units with no finding, beyond a few units of context around each flagged
unit, is drawn as one closed <details> row ("41 unchanged units (120–160): chapter 1, article
12 – chapter 2, article 14") that opens without JavaScript. Its rows are in the page as they
are, so every anchor still has its target; report.js opens a fold when a link leads into it,
and the table of articles says which articles start inside one. Short texts are not folded.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby

from compare.report import ReportSection
from compare.writers.html_units import Article, Row, articles, unit_places, unit_rows

FOLD_FROM = 50  # a table of fewer units is read whole
CONTEXT = 2  # units shown on each side of a unit with findings
LEAST = 4  # a quiet run of fewer units is shown rather than folded


@dataclass(frozen=True)
class Fold:
    """Consecutive units without findings, drawn as one closed row that opens to show them."""

    rows: tuple[Row, ...]
    label: str


@dataclass(frozen=True)
class SideBySide:
    """One group's table as drawn: its rows and folds in order, and its table of articles."""

    blocks: tuple[Row | Fold, ...]
    articles: tuple[Article, ...]


def _label(rows: Sequence[Row], places: dict[int, str]) -> str:
    """ "41 unchanged units (120–160): chapter 1, article 12 – chapter 2, article 14"."""
    first, last = rows[0].index, rows[-1].index
    label = f"{len(rows)} unchanged units ({first}–{last})"
    named = [places[r.index] for r in rows if r.index in places]
    if not named:
        return label
    span = named[0] if named[0] == named[-1] else f"{named[0]} – {named[-1]}"
    return f"{label}: {span}"


def fold_rows(
    rows: Sequence[Row], places: dict[int, str], context: int = CONTEXT, least: int = LEAST
) -> list[Row | Fold]:
    """`rows` with every run of at least `least` rows farther than `context` rows from a row
    with findings folded into one Fold."""
    flagged = [n for n, row in enumerate(rows) if row.findings]
    shown = {k for n in flagged for k in range(n - context, n + context + 1)}
    blocks: list[Row | Fold] = []
    for visible, run in groupby(enumerate(rows), key=lambda item: item[0] in shown):
        stretch = tuple(row for _, row in run)
        if visible or len(stretch) < least:
            blocks.extend(stretch)
        else:
            blocks.append(Fold(stretch, _label(stretch, places)))
    return blocks


def side_by_side(section: ReportSection) -> SideBySide:
    """A group's side-by-side table, folded when it is long."""
    rows = unit_rows(section)
    places = unit_places(section)
    blocks = fold_rows(rows, places) if len(rows) >= FOLD_FROM else list(rows)
    folded = {r.index for b in blocks if isinstance(b, Fold) for r in b.rows}
    return SideBySide(tuple(blocks), tuple(articles(section, folded)))
