"""Terminal views and JSON summaries of library results (no computation happens here).

Every table is a `PlainTable`: file names, passages, terms and ids are shown as written, never
read as rich markup, so "[sic]" stays in the text and "[/]" cannot break the output; styles
are given as `styled(...)` cells.
"""

from __future__ import annotations

from collections.abc import Mapping

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from compare.align.documents import Alignment
from compare.corpus import Corpus


def plain(value: object) -> RenderableType:
    """A cell, title or header shown as written (a rich renderable is kept as it is)."""
    return Text(value) if isinstance(value, str) else value


def styled(value: str, style: str) -> Text:
    return Text(value, style=style)


class PlainTable(Table):
    """A rich Table whose strings are never read as markup."""

    def __init__(self, title: str, *columns: str, **options) -> None:
        super().__init__(title=plain(title), title_justify="left", **options)
        for column in columns:
            self.add_column(column)

    def add_column(self, header: RenderableType = "", *args, **options) -> None:
        super().add_column(plain(header), *args, **options)

    def add_row(self, *cells: RenderableType | None, **options) -> None:
        super().add_row(*(plain(c) for c in cells), **options)


def corpus_table(corpus: Corpus) -> Table:
    table = PlainTable("Documents", "id", "format", "lang", "declared", "detected", "passages")
    for doc in corpus.documents.values():
        named = f" ({doc.detected.other})" if doc.detected.other else ""
        detected = f"{doc.detected.lang}{named} {doc.detected.confidence:.0%}"
        if doc.lang_mismatch:
            detected = styled(f"{detected} ≠", "yellow")
        table.add_row(
            doc.id,
            doc.format,
            doc.lang,
            doc.declared_lang or "-",
            detected,
            str(len(doc.passages)),
        )
    return table


def groups_table(corpus: Corpus) -> Table:
    table = PlainTable("Groups", "group", "relation", "members")
    for group in corpus.groups:
        members = ", ".join(f"{m} ({corpus.documents[m].lang})" for m in group.members)
        table.add_row(group.id, group.relation, members)
    return table


def alignment_table(alignment: Alignment, title: str) -> Table:
    """Aligned units side by side: one row per unit, one column per version, a score each."""
    table = PlainTable(f"{title} ({alignment.model})", show_lines=True)
    table.add_column("#", justify="right")
    table.add_column("score", justify="right")
    for key in alignment.keys:
        table.add_column(key, ratio=1, overflow="fold")
    for unit in alignment.units:
        cells = [unit.text(k) or styled("— (no counterpart)", "red") for k in alignment.keys]
        score = styled("omitted", "red") if unit.missing else unit.pairing or f"{unit.score:.3f}"
        table.add_row(str(unit.index), score, *cells)
    return table


SEVERITY_STYLE = {"major": "bold red", "minor": "yellow"}


def findings_table(
    findings, alignment: Alignment, title: str, unlisted: Mapping[str, int] | None = None
) -> Table:
    """Findings grouped by severity (they arrive sorted), one row each, with the unit's place;
    `unlisted`: minors left out of the rows, counted per check (checks.run.listed), said in the
    title's count and the caption."""
    unlisted = unlisted or {}
    counts = {s: sum(f.severity == s for f in findings) for s in SEVERITY_STYLE}
    counts["minor"] += sum(unlisted.values())
    summary = ", ".join(f"{n} {s}" for s, n in counts.items())
    table = PlainTable(f"{title}: {summary or 'no findings'}", show_lines=True)
    if unlisted:
        each = ", ".join(f"{check} {n}" for check, n in unlisted.items())
        table.caption = plain(
            f"{sum(unlisted.values())} minor findings not listed ({each}): --all lists them, "
            "-o findings.json|.csv|.xlsx writes every finding."
        )
    for column in ("severity", "check / id", "unit", "langs", "what", "suggestion", "sure"):
        table.add_column(column, overflow="fold")
    table.columns[1].no_wrap = True  # an id is copied whole into `tilmash review`
    for f in findings:
        reviewed = f.details.get("review")
        table.add_row(
            styled(f.severity, SEVERITY_STYLE[f.severity]),
            f"{f.check}\n{f.id}",
            f"{f.unit} (segment {f.segment})" if f.segment else str(f.unit),
            " ".join(f.langs),
            f"({reviewed}) {f.message}" if reviewed else f.message,
            f.suggestion or "",
            f"{f.confidence:.0%}",
        )
    return table


def review_table(review) -> Table:
    """The decisions of a review file (compare.review.Review), one row each."""
    table = PlainTable(str(review.path), "id", "status", "date", "check", "note", "finding")
    table.columns[0].no_wrap = True
    for fid, d in sorted(review.decisions.items()):
        table.add_row(fid, d.status, d.date.isoformat(), d.check, d.note, d.message)
    if not review.decisions:
        table.caption = plain("no findings accepted or ignored yet")
    return table


def report_summary(report, html_path, json_path) -> Table:
    """The terminal summary after `tilmash report`: per group, units and findings by severity."""
    table = PlainTable("tilmash report", "group", "relation", "versions", "units", "major", "minor")
    table.columns[0].overflow = "fold"
    for section in report.data.sections:
        counts = {s: sum(f.severity == s for f in section.findings) for s in SEVERITY_STYLE}
        table.add_row(
            section.group,
            section.relation,
            " ".join(section.alignment.keys),
            str(len(section.alignment.units)),
            styled(str(counts["major"]), SEVERITY_STYLE["major"]),
            styled(str(counts["minor"]), SEVERITY_STYLE["minor"]),
        )
    for failure in report.data.failures:
        table.add_row(failure.group, styled("failed", SEVERITY_STYLE["major"]), failure.reason)
    documents = len(report.corpus.documents)
    table.caption = plain(f"{documents} documents · report: {html_path} · findings: {json_path}")
    return table
