"""The main job: load a corpus, align every group, run every check, gather the report's data.

`tilmash report` calls `build_report` and hands the result to the HTML writer and the JSON
writer; nothing here renders anything. The report's data model lives here, in the library:
the writers only write it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from contextlib import nullcontext
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path

from compare.align import AlignParams, align_group
from compare.align.documents import Alignment
from compare.checks.base import Finding, UnitText
from compare.checks.consistency import Renderings, concept_renderings
from compare.checks.context import split_apparatus
from compare.checks.gaps import GapCheck
from compare.checks.run import (
    build_glossary,
    check_lang,
    default_checks,
    default_lexicon,
    reads_words,
    run_checks,
    run_lexicon,
    start_checks,
    unit_texts,
)
from compare.checks.wordalign import WordAlignCheck
from compare.checks.worker import CheckWorker, Started, worth_a_worker
from compare.corpus import Corpus, DocumentGroup
from compare.errors import TilmashError
from compare.glossary import Glossary
from compare.lexicon.learn import Lexicon
from compare.profile import Profile
from compare.review import ReviewSummary
from compare.signature import Signature
from compare.timeline import (
    SeriesRunner,
    SeriesTracking,
    Timeline,
    track_series_here,
    version_series,
)

# progress(kind, label, done, total): kind is "group", "embed" or "check"; label says which.
Progress = Callable[[str, str, int, int], None]


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
        text, _ = split_apparatus(units)
        renderings = concept_renderings(glossary, text)
        return cls(group, relation, alignment, tuple(findings), glossary, renderings)


@dataclass(frozen=True)
class TimelineSection:
    """The timeline of one version series in one language."""

    group: str
    timeline: Timeline


@dataclass(frozen=True)
class GroupFailure:
    """A group whose work failed (a worker lost, a file that would not read or align): the
    run goes on without it and the report says why."""

    group: str
    reason: str


@dataclass(frozen=True)
class ReportData:
    """Everything the page shows; `signature` holds Signature.fields()."""

    signature: Mapping[str, str]
    sections: tuple[ReportSection, ...]
    timeline: tuple[TimelineSection, ...] = ()
    title: str = "tilmash report"
    failures: tuple[GroupFailure, ...] = ()
    review: ReviewSummary | None = None  # what the review memory hid (see compare.review)


@dataclass(frozen=True)
class Report:
    """The report's data and, for the terminal summary and the JSON, every finding."""

    data: ReportData
    corpus: Corpus
    findings: tuple[Finding, ...]  # those that count toward --fail-on (none hidden by review)
    lexicon: Lexicon | None = None  # learned from the run when a word check read one


def series_timelines(tracked: Sequence[SeriesTracking]) -> tuple[TimelineSection, ...]:
    """A section per language of every version series tracked."""
    return tuple(
        TimelineSection(f"{series.name} ({line.lang})", line)
        for series in tracked
        for line in series.timelines
    )


class _Reporting:
    """An encoder that reports the progress of every encode call, the checks' included."""

    def __init__(self, encoder, progress: Callable[[int, int], None]) -> None:
        self._encoder, self._progress = encoder, progress

    def encode(self, texts, progress=None, **options):
        return self._encoder.encode(texts, progress or self._progress, **options)

    def __getattr__(self, name: str):
        return getattr(self._encoder, name)


def align_for_checks(
    corpus: Corpus, group: DocumentGroup, encoder, profile: Profile | None = None
) -> Alignment:
    """align_group for the checks: where the word-alignment check will read the group (chosen,
    and it reads the group's languages), the alignment's pass keeps the word states it needs,
    so a cold run reads each passage with the model once."""
    langs = {check_lang(doc.lang) for doc in corpus.group_documents(group)}
    chosen = (profile or Profile()).chooses(WordAlignCheck.name)
    return align_group(corpus, group, encoder, words=chosen and reads_words(langs, encoder))


def check_group(
    corpus: Corpus,
    group: DocumentGroup,
    encoder,
    glossary: Glossary | None = None,
    progress: Progress | None = None,
    lexicon: Lexicon | None = None,
    alignment: Alignment | None = None,
    profile: Profile | None = None,
    units: Sequence[UnitText] | None = None,
    words: bool = False,
    started: Started | None = None,
) -> tuple[ReportSection, dict[str, object]]:
    """Align (unless `alignment` is given) and check one group: its report section and the
    settings of the checks that ran. The one unit of work of a run, on this machine or as a
    task on a Ray cluster; with a `lexicon`, the gap check too, and with `words` every word
    check (default_checks); a `profile` chooses the checks and sets their thresholds. `units`
    are the alignment's as the checks see them (unit_texts), unless given
    (bench/laws_drift.py gives them with drift injected); the checks `started` in a worker
    on them (start_text_checks) are gathered from it, not run again."""
    step = progress or (lambda *_: None)
    alignment = alignment or align_for_checks(corpus, group, encoder, profile)
    terms = build_glossary(alignment, glossary)
    chosen = default_checks(alignment, terms, encoder, lexicon, words)
    checks = (profile or Profile()).apply(chosen)
    units = unit_texts(alignment) if units is None else units
    findings = run_checks(
        units, checks, lambda name, i, total: step("check", f"Check {name}", i, total), started
    )
    section = ReportSection.build(group.id, group.relation, alignment, findings, terms, units)
    return section, {c.name: c.settings() for c in checks if c.settings()}


# Learns the word checks' lexicon from the alignments of every group of a run: run_lexicon with
# the user's dictionaries, or default_lexicon (None for a run too small; see build_report).
LexiconLearner = Callable[[Sequence[Alignment]], Lexicon | None]


@dataclass(frozen=True)
class GroupResults:
    """What checking every group of a corpus gives: the sections in the corpus's order, the
    settings of the checks that ran, the groups that failed, and the lexicon the word checks
    read (None without them)."""

    sections: list[ReportSection]
    settings: dict[str, object]
    failures: list[GroupFailure]
    lexicon: Lexicon | None = None


# Checks every group of a corpus: (corpus, encoder, glossary, progress, profile=, learn=,
# words=) -> GroupResults. The default checks them one after another on this machine.
GroupRunner = Callable[[Corpus, object, Glossary | None, Progress], GroupResults]


def check_groups_here(
    corpus: Corpus,
    encoder,
    glossary: Glossary | None,
    progress: Progress,
    profile: Profile | None = None,
    learn: LexiconLearner | None = None,
    words: bool = False,
) -> GroupResults:
    """Every group in turn, in this process. With `learn`, every group is aligned first and
    the word checks (every one with `words`, see check_group) read the lexicon `learn` makes
    from all the alignments. A long group's text-only checks run in a worker process (see
    long_groups), started as soon as the group is aligned: beside the lexicon's learning and
    the other checks."""
    long = long_groups(corpus)
    profile = profile or Profile()
    with CheckWorker() if long else nullcontext() as worker:
        aligned: dict[str, Alignment] = {}
        ahead: dict[str, tuple[Sequence[UnitText], Started]] = {}
        for n, group in enumerate(corpus.groups):
            if learn is None and group.id not in long:
                continue  # aligned when it is checked
            progress("group", f"Aligning {group.id}", n, len(corpus.groups))
            aligned[group.id] = align_for_checks(corpus, group, encoder, profile)
            if worker is not None and group.id in long:
                ahead[group.id] = start_text_checks(
                    aligned[group.id], encoder, glossary, profile, words, worker
                )
        lexicon = learn(list(aligned.values())) if learn is not None else None
        sections: list[ReportSection] = []
        settings: dict[str, object] = {}
        for n, group in enumerate(corpus.groups):
            progress("group", f"Group {group.id}", n, len(corpus.groups))
            units, started = ahead.get(group.id, (None, None))
            section, used = check_group(
                corpus,
                group,
                encoder,
                glossary,
                progress,
                lexicon,
                aligned.get(group.id),
                profile,
                units,
                words,
                started,
            )
            sections.append(section)
            settings.update(used)
    return GroupResults(sections, settings, [], lexicon)


def long_groups(corpus: Corpus) -> set[str]:
    """The groups whose checks pay for a worker process (checks.worker.worth_a_worker)."""
    return {
        group.id
        for group in corpus.groups
        if worth_a_worker(sum(len(doc.passages) for doc in corpus.group_documents(group)))
    }


def start_text_checks(
    alignment: Alignment,
    encoder,
    glossary: Glossary | None,
    profile: Profile,
    words: bool,
    worker: CheckWorker,
) -> tuple[Sequence[UnitText], Started]:
    """A group's units and its text-only checks started on them in `worker`, for check_group:
    those checks read no lexicon, so they start before the run's lexicon is learned."""
    units = unit_texts(alignment)
    terms = build_glossary(alignment, glossary)
    checks = profile.apply(default_checks(alignment, terms, encoder, None, words))
    return units, start_checks(units, checks, worker)


def words_wanted(words: bool, save_lexicon: Path | None) -> bool:
    """Whether the word checks run: when asked for, or when the lexicon they learn is to be
    saved (as CSV: another name is refused, before any work)."""
    if save_lexicon is not None and save_lexicon.suffix.lower() != ".csv":
        raise TilmashError(
            f"{save_lexicon}: the lexicon is written as CSV; give a name ending in .csv"
        )
    return words or save_lexicon is not None


def build_report(
    corpus: Corpus,
    encoder,
    glossary: Glossary | None = None,
    progress: Progress | None = None,
    timelines: bool = True,
    runner: GroupRunner = check_groups_here,
    words: bool = False,
    dictionary: Lexicon | None = None,
    profile: Profile | None = None,
    tracker: SeriesRunner = track_series_here,
) -> Report:
    """Align and check every group of the corpus (with `runner`: here, or on a Ray cluster),
    telling `progress` what is being done; with `timelines`, also track the terms of every
    version series with two or more versions in a language (with `tracker`, here or on Ray,
    as `tilmash timeline` does; the HTML report shows them, a check does not need them; the
    report shows no cross-language check, so it is not made). The gap check reads a lexicon
    learned from all groups' aligned units, when the run is big enough to trust one
    (default_lexicon); `words` (or a `dictionary`) adds the replaced-word and uniformity
    checks, and learns the lexicon whatever the run's size (run_lexicon). The runner aligns
    every group first, here or on Ray, and hands the lexicon to every group's checks. A
    `profile` chooses the checks and sets their thresholds; the signature records both."""
    step = progress or (lambda *_: None)
    encoder = _Reporting(encoder, lambda done, total: step("embed", "Embedding", done, total))
    profile = profile or Profile()
    words = words or dictionary is not None
    learn: LexiconLearner | None = None
    if words:
        learn = partial(run_lexicon, known=dictionary)
    elif profile.chooses(GapCheck.name):
        learn = default_lexicon
    work = partial(runner, profile=profile, learn=learn, words=words)
    checked = work(corpus, encoder, glossary, step)
    sections = checked.sections
    failures = [*(GroupFailure(group, why) for group, why in corpus.failed), *checked.failures]
    step("group", "Groups", len(corpus.groups), len(corpus.groups))
    settings = {"align": asdict(AlignParams()), **profile.signature(), **checked.settings}
    signature = Signature(encoder.info.name, encoder.info.identity, settings).fields()
    tracked = ()
    if timelines:
        series = version_series(corpus.version_families())
        results = tracker(series, encoder, glossary, step, cross_language=False)
        tracked = series_timelines(results.tracked)
        failures += [GroupFailure(f"series {name}", why) for name, why in results.failed]
    data = ReportData(signature, tuple(sections), tracked, failures=tuple(failures))
    return Report(data, corpus, tuple(f for s in sections for f in s.findings), checked.lexicon)
