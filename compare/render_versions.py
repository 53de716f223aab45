"""Terminal views of version diffs, term timelines, replacements and the cross-language check
(no computation happens here; compare.writers.versions gives the same as JSON)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rich.table import Table
from rich.text import Text

from compare.corpus import Passage, joined
from compare.diff import DiffEntry, VersionDiff, WordOp
from compare.render import PlainTable, styled
from compare.timeline import CrossLanguageChange, Replacement, Timeline

STATUS_STYLE = {
    "unchanged": "dim",
    "modified": "yellow",
    "added": "green",
    "removed": "red",
    "moved": "cyan",
}
TREND_STYLE = {"new": "green", "gone": "red", "rising": "green", "falling": "red", "stable": "dim"}
_BARS = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[float]) -> str:
    """One bar per version, scaled to the largest value; a gap where the term is absent."""
    top = max(values, default=0) or 1
    return "".join(_BARS[round(v / top * (len(_BARS) - 1))] if v else " " for v in values)


def _where(passages: Sequence[Passage]) -> str:
    """Passage numbers, with the structural path (or label) where the source gave one."""
    if not passages:
        return ""
    numbers = f"{passages[0].index}" + (f"-{passages[-1].index}" if len(passages) > 1 else "")
    label = passages[0].path or passages[0].label
    return f"{numbers} ({label})" if label else numbers


def marked_words(ops: Sequence[WordOp]) -> Text:
    """The word diff, readable without colour too: [-deleted-] in red, {+inserted+} in green,
    respellings [~old→new~] in yellow."""
    pieces: list[tuple[str, str]] = []
    for op in ops:
        if op.op == "equal":
            pieces.append((op.new, ""))  # the NEW side's spelling (equal words may differ)
        elif op.op == "respell":
            pieces.append((f"[~{op.old}→{op.new}~]", "yellow"))
        else:
            if op.old:
                pieces.append((f"[-{op.old}-]", "red"))
            if op.new:
                pieces.append((f"{{+{op.new}+}}", "green"))
    return Text(" ").join(Text(text, style=style) for text, style in pieces)


def _entry_cells(entry: DiffEntry) -> tuple[str, str | Text]:
    if entry.words and entry.status != "unchanged":
        return entry.old_text, marked_words(entry.words)
    return entry.old_text, entry.new_text


def diff_table(diff: VersionDiff, *, changed_only: bool = True) -> Table:
    """One row per entry (unchanged ones left out unless asked for), NEW shown as a word diff."""
    counts = ", ".join(f"{n} {s}" for s, n in diff.counts().items() if n)
    table = PlainTable(f"{diff.old.id} → {diff.new.id}: {counts} ({diff.model})", show_lines=True)
    for column in ("status", "old #", "new #", "sim", diff.old.id, diff.new.id):
        table.add_column(column, overflow="fold")
    for entry in diff.entries:
        if changed_only and entry.status == "unchanged":
            continue
        sim = f"{entry.similarity:.2f}" if entry.similarity is not None else ""
        table.add_row(
            styled(entry.status, STATUS_STYLE[entry.status]),
            _where(entry.old),
            _where(entry.new),
            sim,
            *_entry_cells(entry),
        )
    return table


def timeline_table(timeline: Timeline, *, limit: int | None = None) -> Table:
    """One row per term: frequency per 10,000 words in each version, a bar per version, trend."""
    table = PlainTable(f"Terms through versions ({timeline.lang})")
    table.add_column("term", overflow="fold")
    table.add_column("src")
    for version, words in zip(timeline.versions, timeline.words, strict=True):
        table.add_column(f"{version}\n{words} words", justify="right")
    for column in ("", "trend", "first", "last"):
        table.add_column(column)
    for row in timeline.terms[:limit]:
        style = TREND_STYLE[row.trend]
        table.add_row(
            row.term,
            "gloss" if row.source == "glossary" else "text",
            *(f"{f:.1f}" if c else "·" for f, c in zip(row.per_10k, row.counts, strict=True)),
            sparkline(row.per_10k),
            styled(row.trend, style),
            row.first or "",
            row.last or "",
        )
    return table


def replacements_table(replacements: Sequence[Replacement], *, limit: int = 20) -> Table:
    """The most frequent substitutions, each with an example passage pair."""
    table = PlainTable("Recurring replacements", show_lines=True)
    for column in ("old", "new", "count", "where", "example (old → new)"):
        table.add_column(column, overflow="fold")
    for r in replacements[:limit]:
        swap = r.swaps[0]
        steps = sorted({f"{s.old_version} → {s.new_version}" for s in r.swaps})
        example = joined(swap.old) + "\n→ " + joined(swap.new)
        table.add_row(
            styled(r.old, "red"),
            styled(r.new, "green"),
            str(r.count),
            "\n".join(steps),
            example,
        )
    return table


def cross_language_table(changes: Sequence[CrossLanguageChange]) -> Table:
    """Per replacement and other language: how many counterparts kept the old wording."""
    table = PlainTable("Changes across language versions", show_lines=True)
    for column in ("changed in", "release", "replacement", "checked in", "counterparts", "example"):
        table.add_column(column, overflow="fold")
    for c in changes:
        verdicts = Counter(check.verdict for check in c.checks)
        summary = ", ".join(f"{n} {v}" for v, n in verdicts.items())
        odd = next((k for k in c.checks if k.verdict != "same release"), c.checks[0])
        example = f"{c.other}: {odd.other_old}\n→ {odd.other_new}" + (
            f"\n(changed {odd.when})" if odd.when else ""
        )
        style = "red" if c.not_followed else "green"
        table.add_row(
            c.lang,
            f"{c.old_version} → {c.new_version}",
            f"{c.old} → {c.new}",
            c.other,
            styled(summary, style),
            example,
        )
    return table
