"""The main job: load a corpus, align every group, run every check, gather the report's data.

`tilmash report` calls `build_report` and hands the result to the HTML writer and the JSON
writer; nothing here renders anything.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass

from compare.align import AlignParams, align_group
from compare.checks.base import Finding
from compare.checks.run import build_glossary, default_checks, run_checks
from compare.corpus import Corpus
from compare.glossary import Glossary
from compare.timeline import build_timeline, version_series
from compare.writers.html import ReportData, ReportSection, reproducibility
from compare.writers.html_timeline import TimelineSection

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Report:
    """The report's data and, for the terminal summary and the JSON, every finding."""

    data: ReportData
    corpus: Corpus
    findings: tuple[Finding, ...]


def timelines(corpus: Corpus, encoder, glossary: Glossary | None) -> tuple[TimelineSection, ...]:
    """A timeline per language of every version series with two or more versions in it."""
    return tuple(
        TimelineSection(f"{name} ({lang})", build_timeline(docs, glossary, encoder))
        for name, by_lang in version_series(corpus.version_families()).items()
        for lang, docs in by_lang.items()
    )


def build_report(
    corpus: Corpus,
    encoder,
    glossary: Glossary | None = None,
    on_group: Callable[[str], Progress | None] = lambda _: None,
) -> Report:
    """Align and check every group of the corpus. `on_group(group id)` may return a progress
    callback for embedding that group's passages."""
    sections: list[ReportSection] = []
    settings: dict[str, object] = {"align": asdict(AlignParams())}
    for group in corpus.groups:
        alignment = align_group(corpus, group, encoder, on_group(group.id))
        terms = build_glossary(alignment, glossary)
        checks = default_checks(alignment, terms, encoder)
        settings.update({c.name: c.settings() for c in checks if c.settings()})
        findings = run_checks(alignment, checks)
        sections.append(ReportSection.build(group.id, group.relation, alignment, findings, terms))
    signature = reproducibility(encoder.info.name, encoder.info.identity, settings)
    data = ReportData(signature, tuple(sections), timelines(corpus, encoder, glossary))
    return Report(data, corpus, tuple(f for s in sections for f in s.findings))
