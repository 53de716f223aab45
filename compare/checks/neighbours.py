"""Whether a passage one version seems to lack stands in a neighbouring unit of the same place.

Kazakh and Russian build a law's lists differently: Russian says in the lead-in what Kazakh
says at the end of the last sub-point ("…являются:" / "…болып табылады."), and a long
sentence of one version may be two of the other, which the aligner pairs one to one and one to
none. The passage then looks omitted in its unit although its counterpart stands in another
unit of the same article and paragraph. Joined with that neighbour in both versions, leaving
the passage out moves its version away from the other instead of closer: it is not omitted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from compare.checks.base import Span, UnitText
from compare.checks.context import shared
from compare.checks.phrases import without
from compare.checks.similarity import text_of
from compare.checks.structure import within
from compare.readers.structure import numbering, repealed

# Levels of a list: a unit's place is its path without them (its article and paragraph).
_LIST_LEVELS = ("sub-point", "item")


@dataclass(frozen=True)
class Absence:
    """`span` of unit `row` (in its own version) that version `missing` seems to lack."""

    row: int
    span: Span
    missing: str


def place(path: str | None) -> str | None:
    """The article and paragraph of a structural path, without its sub-points and items."""
    parts = [p for p in (path or "").split(", ") if p.split(" ")[0] not in _LIST_LEVELS]
    return ", ".join(parts) or None


def _places(unit: UnitText, whole: bool) -> set[str]:
    paths = {p for ps in unit.paths.values() for p in ps if p}
    return paths if whole else {q for p in paths if (q := place(p))}


def _run(units: Sequence[UnitText], row: int) -> range:
    """The rows around `row` that share its place."""
    own = _places(units[row], whole=False)
    if not own:
        return range(row, row + 1)
    start, end = row, row + 1
    while start > 0 and _places(units[start - 1], whole=False) & own:
        start -= 1
    while end < len(units) and _places(units[end], whole=False) & own:
        end += 1
    return range(start, end)


def _leads(unit: UnitText) -> bool:
    """Whether a version of the unit ends in a colon: a lead-in to the list after it."""
    return any(text.rstrip().endswith(":") for text in unit.texts.values())


def _list_end(units: Sequence[UnitText], lead: int) -> int:
    """The last row of the list a lead-in opens (see _find_list_end), found once per group: every
    row after a lead-in asks for it, as do the lead-in's own and the checks' questions."""
    return shared(units, ("list end", lead), lambda: _find_list_end(units, lead))


def _find_list_end(units: Sequence[UnitText], lead: int) -> int:
    """The last row of the list a lead-in opens: the rows after it whose paths lie inside its.
    An unnumbered lead-in inside a list ("В качестве уважительной причины признается:" after
    sub-point 2)) opens a list of its own, numbered anew or not numbered, and so does a
    sub-point that is a lead-in ("12) сопровождения:"). Such a list ends with the first part
    that ends its sentence ("... к месту погребения и обратно.", "... по адресу электронной
    почты заявителя."); the paragraphs after it continue the paragraph, not its list. A list
    ends before an unnumbered lead-in after it ("Банк:" after sub-point 6) and a closing
    paragraph), which opens a list of its own."""
    found = [numbering(t) for t in units[lead].texts.values() if t.strip()]
    numbered = any(found)
    point = bool(found) and all(f is not None and f[0] in _LIST_LEVELS for f in found)
    outer = _places(units[lead], whole=numbered)
    end = lead
    while end + 1 < len(units):
        paths = _places(units[end + 1], whole=True)
        if not paths or not all(any(within(p, o) for o in outer) for p in paths):
            break
        if _leads(units[end + 1]) and not any(map(numbering, units[end + 1].texts.values())):
            break
        end += 1
        if (point or not numbered) and _ends_sentence(units[end]):
            break
    return end


def _ends_sentence(unit: UnitText) -> bool:
    """Whether every version of the unit ends a sentence (a list's last item ends with ".")."""
    texts = [t.rstrip() for t in unit.texts.values() if t.strip()]
    return bool(texts) and all(t.endswith(".") for t in texts)


def _list_ends(units: Sequence[UnitText], lead: int) -> list[int]:
    """Where the list a lead-in opens ends: its last row, and its last sub-point that is not
    repealed (the predicate a language puts at the end of a list stands there when repealed
    points or an unnumbered closing part follow); a list of unnumbered parts under a numbered
    paragraph ("3. …, егер өзгерістер:" / "несущие конструкции;" … "функциональное назначение
    квартир.") ends with the first part that ends its sentence, the paragraphs after it
    continuing the paragraph. Empty when no list follows."""
    end = _list_end(units, lead)
    rows = range(lead + 1, end + 1)
    points = [r for r in rows if _live_point(units[r])]
    if not points:
        points = [r for r in rows if _ends_sentence(units[r])][:1]
    return list(dict.fromkeys([end, *points[-1:]])) if end != lead else []


def _live_point(unit: UnitText) -> bool:
    """Whether every version of the unit opens with a list number and is not repealed."""
    texts = [t for t in unit.texts.values() if t.strip()]
    return bool(texts) and all(
        (found := numbering(t)) is not None and found[0] in _LIST_LEVELS and not repealed(t)
        for t in texts
    )


def _closes(unit: UnitText) -> bool:
    """Whether a sub-point every version holds ends the sentence of its lead-in in each, with
    sub-points after it: one language may say the lead-in's predicate there ("6) … болып
    табылса, банктік қарыздар … беруге құқылы емес." / "6) является организацией, имеющей …
    рейтинг.")."""
    versions = unit.texts.values()
    return all(t.strip() for t in versions) and _live_point(unit) and _ends_sentence(unit)


def _list_partners(units: Sequence[UnitText], row: int, rows: range) -> list[int]:
    """For a lead-in, the ends of its list; for an end of a list, or a sub-point that closes
    the lead-in's sentence before it ends (`_closes`), its lead-in: the nearest
    lead-in before it whose list reaches it. Past a list nested in an earlier sub-point ("2)
    по семейным обстоятельствам при:"), which has ended, only the outer list's last live
    sub-point is its end (the paragraphs after a nested list continue that sub-point)."""
    if _leads(units[row]):
        return _list_ends(units, row)
    nested = False
    for lead in range(row - 1, rows.start - 1, -1):
        if not _leads(units[lead]):
            continue
        if _list_end(units, lead) >= row:
            ends = row in _list_ends(units, lead) or _closes(units[row])
            ends = ends and (not nested or _live_point(units[row]))
            return [lead] if ends else []
        nested = True
    return []


def list_partners(units: Sequence[UnitText], row: int) -> list[int]:
    """For a lead-in with its list after it, the ends of that list; for an end of such a list,
    its lead-in: the other half of one sentence, whose words the languages share out
    differently. Found once per group and row: the gap, meaning, omission and numbers checks
    all ask."""
    return shared(
        units, ("list partners", row), lambda: _list_partners(units, row, _run(units, row))
    )


def list_seam(units: Sequence[UnitText], row: int) -> bool:
    """Whether the unit is a lead-in with its list after it, or an end of such a list."""
    return bool(list_partners(units, row))


def neighbours(units: Sequence[UnitText], row: int, keys: Sequence[str]) -> list[int]:
    """Rows of the same place where every version in `keys` has text: the nearest before and
    after, and the other end of a list the unit begins or ends (a lead-in, the ends of its
    list)."""
    rows = _run(units, row)
    full = [r for r in rows if r != row and all(text_of(units[r], k) for k in keys)]
    before = [r for r in full if r < row]
    after = [r for r in full if r > row]
    ends = [r for r in _list_partners(units, row, rows) if r in full]
    return list(dict.fromkeys(before[-1:] + after[:1] + ends))


def _context(units: Sequence[UnitText], rows: Sequence[int], key: str, cut: Absence | None) -> str:
    texts = []
    for r in rows:
        text = text_of(units[r], key)
        if cut is not None and r == cut.row:
            text = without(text, cut.span.start, cut.span.end)
        texts.append(text)
    return " ".join(t for t in texts if t.strip())


def neighbour_gains(encoder, units: Sequence[UnitText], absences: Sequence[Absence]) -> list[float]:
    """Per absence, the least over its neighbours (see `neighbours`) of how much leaving the
    span out of the unit and neighbour joined brings its version closer to the other version's
    unit and neighbour joined; +inf where it has no neighbour. Negative: its counterpart is
    there. All texts are embedded in one encoder call."""
    jobs: list[tuple[int, str, str, str]] = []
    for i, a in enumerate(absences):
        for n in neighbours(units, a.row, (a.span.lang, a.missing)):
            rows = sorted((a.row, n))
            other = _context(units, rows, a.missing, None)
            full = _context(units, rows, a.span.lang, None)
            cut = _context(units, rows, a.span.lang, a)
            jobs.append((i, full, cut, other))
    best = [float("inf")] * len(absences)
    if not jobs:
        return best
    texts = list(dict.fromkeys(t for _, *three in jobs for t in three))
    vectors = dict(zip(texts, encoder.encode(texts), strict=True))
    for i, full, cut, other in jobs:
        gain = float(np.dot(vectors[cut], vectors[other]) - np.dot(vectors[full], vectors[other]))
        best[i] = min(best[i], gain)
    return best
