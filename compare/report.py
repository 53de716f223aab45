"""The main job: load a corpus, align every group, run every check, gather the report's data.

`tilmash report` calls `build_report` and hands the result to the HTML writer and the JSON
writer; nothing here renders anything. The report's data model lives here, in the library:
the writers only write it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field

from compare.align import AlignParams, align_group
from compare.align.documents import Alignment
from compare.checks.base import Finding, UnitText
from compare.checks.consistency import Renderings, concept_renderings
from compare.checks.run import (
    build_glossary,
    default_checks,
    run_checks,
    run_lexicon,
    unit_texts,
)
from compare.corpus import Corpus
from compare.glossary import Glossary
from compare.lexicon.learn import Lexicon
from compare.signature import Signature
from compare.timeline import Timeline, build_timeline, version_series

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ReportSection:
    """One document group: its alignment, its findings, its glossary and how each version
    renders the glossary's concepts (the terminology matrix)."""

    group: str
    relation: str  # "translations" or "versions"
    alignment: Alignment
    findings: tuple[Finding, ...]
    glossary: Glossary = field(default_factory=Glossary)
    renderings: Renderings = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        group: str,
        relation: str,
        alignment: Alignment,
        findings: Sequence[Finding],
        glossary: Glossary,
        units: Sequence[UnitText] | None = None,
    ) -> ReportSection:
        """A section with the glossary's renderings found in the aligned units (`units`:
        unit_texts(alignment), when the caller has them already)."""
        units = unit_texts(alignment) if units is None else units
        renderings = concept_renderings(glossary, units)
        return cls(group, relation, alignment, tuple(findings), glossary, renderings)


@dataclass(frozen=True)
class TimelineSection:
    """The timeline of one version series in one language."""

    group: str
    timeline: Timeline


@dataclass(frozen=True)
class ReportData:
    """Everything the page shows; `signature` holds Signature.fields()."""

    signature: Mapping[str, str]
    sections: tuple[ReportSection, ...]
    timeline: tuple[TimelineSection, ...] = ()
    title: str = "tilmash report"


@dataclass(frozen=True)
class Report:
    """The report's data and, for the terminal summary and the JSON, every finding."""

    data: ReportData
    corpus: Corpus
    findings: tuple[Finding, ...]
    lexicon: Lexicon | None = None  # learned from the run when word checks were asked for


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
    words: bool = False,
    dictionary: Lexicon | None = None,
) -> Report:
    """Align and check every group of the corpus. `on_group(group id)` may return a progress
    callback for embedding that group's passages. `words` (or a `dictionary`) adds the
    replaced-word and gap checks, on a lexicon learned from all groups' aligned units."""
    sections: list[ReportSection] = []
    settings: dict[str, object] = {"align": asdict(AlignParams())}
    aligned = [
        (group, align_group(corpus, group, encoder, on_group(group.id))) for group in corpus.groups
    ]
    lexicon = run_lexicon([a for _, a in aligned], dictionary) if words or dictionary else None
    for group, alignment in aligned:
        terms = build_glossary(alignment, glossary)
        checks = default_checks(alignment, terms, encoder, lexicon)
        settings.update({c.name: c.settings() for c in checks if c.settings()})
        units = unit_texts(alignment)
        findings = run_checks(units, checks)
        sections.append(
            ReportSection.build(group.id, group.relation, alignment, findings, terms, units)
        )
    signature = Signature(encoder.info.name, encoder.info.identity, settings).fields()
    data = ReportData(signature, tuple(sections), timelines(corpus, encoder, glossary))
    return Report(data, corpus, tuple(f for s in sections for f in s.findings), lexicon)
