"""Terminal views and JSON summaries of library results (no computation happens here)."""

from __future__ import annotations

from rich.table import Table

from compare.align.documents import Alignment
from compare.corpus import Corpus


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left")
    for column in columns:
        table.add_column(column)
    return table


def corpus_table(corpus: Corpus) -> Table:
    table = _table("Documents", "id", "format", "lang", "declared", "detected", "passages")
    for doc in corpus.documents.values():
        detected = f"{doc.detected.lang} {doc.detected.confidence:.0%}"
        if doc.lang_mismatch:
            detected = f"[yellow]{detected} ≠[/]"
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
    table = _table("Groups", "group", "relation", "members")
    for group in corpus.groups:
        members = ", ".join(f"{m} ({corpus.documents[m].lang})" for m in group.members)
        table.add_row(group.id, group.relation, members)
    return table


def corpus_summary(corpus: Corpus) -> dict:
    return {
        "documents": [
            {
                "id": doc.id,
                "path": str(doc.path),
                "format": doc.format,
                "encoding": doc.encoding,
                "lang": doc.lang,
                "declared_lang": doc.declared_lang,
                "detected_lang": doc.detected.lang,
                "detected_confidence": round(doc.detected.confidence, 3),
                "lang_mismatch": doc.lang_mismatch,
                "passages": [
                    {"index": p.index, "kind": p.kind, "lang": p.lang, "text": p.text}
                    for p in doc.passages
                ],
            }
            for doc in corpus.documents.values()
        ],
        "groups": [
            {"id": g.id, "relation": g.relation, "members": list(g.members)} for g in corpus.groups
        ],
        "missing_catalogue_texts": list(corpus.missing),
    }


def alignment_table(alignment: Alignment, title: str) -> Table:
    """Aligned units side by side: one row per unit, one column per version, a score each."""
    table = Table(title=f"{title} ({alignment.model})", title_justify="left", show_lines=True)
    table.add_column("#", justify="right")
    table.add_column("score", justify="right")
    for key in alignment.keys:
        table.add_column(key, ratio=1, overflow="fold")
    for unit in alignment.units:
        cells = [unit.text(k) or "[red]— (no counterpart)[/]" for k in alignment.keys]
        score = f"{unit.score:.3f}" if not unit.missing else "[red]omitted[/]"
        table.add_row(str(unit.index), score, *cells)
    return table


SEVERITY_STYLE = {"major": "bold red", "minor": "yellow"}


def findings_table(findings, alignment: Alignment, title: str) -> Table:
    """Findings grouped by severity (they arrive sorted), one row each, with the unit's place."""
    counts = {s: sum(f.severity == s for f in findings) for s in SEVERITY_STYLE}
    summary = ", ".join(f"{n} {s}" for s, n in counts.items())
    table = Table(
        title=f"{title}: {summary or 'no findings'}", title_justify="left", show_lines=True
    )
    for column in ("severity", "check", "unit", "langs", "what", "suggestion", "sure"):
        table.add_column(column, overflow="fold")
    for f in findings:
        table.add_row(
            f"[{SEVERITY_STYLE[f.severity]}]{f.severity}[/]",
            f.check,
            str(f.unit),
            " ".join(f.langs),
            f.message,
            f.suggestion or "",
            f"{f.confidence:.0%}",
        )
    return table


def report_summary(report, html_path, json_path) -> Table:
    """The terminal summary after `tilmash report`: per group, units and findings by severity."""
    table = _table("tilmash report", "group", "relation", "versions", "units", "major", "minor")
    table.columns[0].overflow = "fold"
    for section in report.data.sections:
        counts = {s: sum(f.severity == s for f in section.findings) for s in SEVERITY_STYLE}
        table.add_row(
            section.group,
            section.relation,
            " ".join(section.alignment.keys),
            str(len(section.alignment.units)),
            f"[{SEVERITY_STYLE['major']}]{counts['major']}[/]",
            f"[{SEVERITY_STYLE['minor']}]{counts['minor']}[/]",
        )
    documents = len(report.corpus.documents)
    table.caption = f"{documents} documents · report: {html_path} · findings: {json_path}"
    return table
