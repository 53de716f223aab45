"""Running every drift check over an alignment, and the glossary the checks share.

The glossary a check uses is the user's (TBX or CSV), merged with the one the documents
declare themselves: a trilingual keyword list is the author's own glossary.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from compare.align.documents import Alignment
from compare.checks.apparatus import UnmatchedNotesCheck
from compare.checks.base import SEVERITIES, Check, Finding, UnitText
from compare.checks.consistency import ConsistencyCheck
from compare.checks.context import GroupUnits, split_apparatus
from compare.checks.editions import EditionCheck, mark_editions, mark_repealed
from compare.checks.gaps import GapCheck
from compare.checks.numbers import NumbersCheck
from compare.checks.replaced import ReplacedWordCheck
from compare.checks.structure import MissingPartsCheck, fold_missing_parts
from compare.checks.terms import TermsCheck
from compare.checks.uniformity import UniformityCheck
from compare.checks.wordalign import MIN_VERSIONS, WordAlignCheck
from compare.checks.worker import CheckWorker, Started, embeds, runs_here
from compare.corpus import KNOWN_LANGS
from compare.glossary import Glossary, glossary_from_keywords
from compare.lexicon.learn import Bag, Lexicon, learn, unit_bags

# Units in two or more languages a run needs for the gap check to run by default: with fewer,
# the lexicon learned from them knows too few words for what it says is missing to be trusted
# (measured on law windows of 17 to 135 units: README, "The gap check by default").
MIN_LEXICON_UNITS = 50


def unit_texts(alignment: Alignment) -> GroupUnits:
    """The alignment as the checks see it: per version key, the unit's text and passages."""
    return GroupUnits(
        UnitText(
            unit=unit.index,
            texts={key: unit.text(key) for key in alignment.keys},
            passages={key: tuple(p.index for p in ps) for key, ps in unit.passages.items()},
            score=unit.score,
            apparatus=unit.apparatus,
            paths={key: tuple(p.path for p in ps) for key, ps in unit.passages.items()},
            segment=unit.segment,
            passage_texts={key: tuple(p.text for p in ps) for key, ps in unit.passages.items()},
        )
        for unit in alignment.units
    )


def declared_glossary(alignment: Alignment) -> Glossary:
    """The glossary the documents' own keyword lists declare (item i ↔ item i)."""
    lists = {
        doc.lang: [p.text for p in doc.passages if p.kind == "keyword"]
        for doc in alignment.documents.values()
    }
    return glossary_from_keywords({lang: items for lang, items in lists.items() if items})


def build_glossary(alignment: Alignment, user_glossary: Glossary | None = None) -> Glossary:
    """The user's termbase (if any) merged with what the documents declare."""
    declared = declared_glossary(alignment)
    return user_glossary.merge(declared) if user_glossary else declared


def check_lang(lang: str) -> str:
    """The language a version's numbers and words are read in: a mixed-language version
    ("mul") is read as English."""
    return lang if lang in KNOWN_LANGS else "en"


def check_langs(alignment: Alignment) -> dict[str, str]:
    """Per version key, the language its numbers and words are read in (check_lang)."""
    return {key: check_lang(lang) for key, lang in alignment.langs().items()}


def run_bags(alignments: Sequence[Alignment]) -> list[Bag]:
    """The stems of every unit of every group of the run (all documents, all versions)."""
    return [
        bag
        for alignment in alignments
        for bag in unit_bags(unit_texts(alignment), check_langs(alignment))
    ]


def run_lexicon(alignments: Sequence[Alignment], known: Lexicon | None = None) -> Lexicon:
    """The lexicon learned from the units of every group of the run, with a dictionary's
    counterparts (`known`) added."""
    return learn(run_bags(alignments), known)


def trusted_lexicon(bags: Sequence[Bag]) -> Lexicon | None:
    """The lexicon learned from `bags` when it is trusted by default (MIN_LEXICON_UNITS of
    them hold two or more languages), None otherwise."""
    return learn(bags) if sum(len(bag) >= 2 for bag in bags) >= MIN_LEXICON_UNITS else None


def default_lexicon(alignments: Sequence[Alignment]) -> Lexicon | None:
    """The lexicon the default word checks read: run_lexicon's, when the run is big enough
    to be trusted (see trusted_lexicon); None for a smaller run."""
    return trusted_lexicon(run_bags(alignments))


# The checks that read the lexicon (run_lexicon): all with --word-checks, the default ones
# (gap) also without it where the run's lexicon is trusted (default_lexicon).
WORD_CHECKS: tuple[type[Check], ...] = (ReplacedWordCheck, GapCheck, UniformityCheck)
DEFAULT_WORD_CHECKS: tuple[type[Check], ...] = (GapCheck,)


def default_checks(
    alignment: Alignment,
    glossary: Glossary,
    encoder,
    lexicon: Lexicon | None = None,
    words: bool = False,
) -> list[Check]:
    """Every check that applies: term checks only when the versions are in different
    languages (a glossary maps languages, not editions); the formal checks always; with a
    `lexicon` (default_lexicon or run_lexicon), where two or more languages meet, the gap
    check, and with `words` (--word-checks) the replaced-word and terminology-uniformity
    checks too (opt-in: with drift injected they miss their bars and flag a quarter of the
    untouched law units, see bench/laws_drift.py --word-checks)."""
    from compare.checks.formal import formal_checks
    from compare.checks.meaning import MeaningCheck
    from compare.checks.omission import OmissionCheck

    langs = check_langs(alignment)
    checks: list[Check] = [
        UnmatchedNotesCheck(),
        EditionCheck(langs=langs),
        MissingPartsCheck(),
        *word_alignment(langs, encoder),
        MeaningCheck(encoder, langs=langs),
        OmissionCheck(encoder, langs=langs),
        NumbersCheck(langs=langs),
    ]
    if len(set(langs.values())) == len(langs) and all(k == v for k, v in langs.items()):
        checks += [TermsCheck(glossary, encoder), ConsistencyCheck(glossary, encoder)]
    if lexicon is not None and len(set(langs.values())) > 1:
        wanted = WORD_CHECKS if words else DEFAULT_WORD_CHECKS
        checks += [cls(lexicon, langs=langs) for cls in wanted]
    return checks + formal_checks(alignment.langs())


def reads_words(langs: Iterable[str], encoder) -> bool:
    """Whether the word-alignment check reads a group whose versions are in `langs` (as
    check_lang reads them): three or more languages meet and the encoder gives word vectors
    (the model's, not a test's stand-in). It reads free text only (see checks.wordalign)."""
    return len(set(langs)) >= MIN_VERSIONS and hasattr(encoder, "word_vectors")


def word_alignment(langs: dict[str, str], encoder) -> list[Check]:
    """The word-alignment check where it reads anything (reads_words). It reads the word
    states the alignment's pass kept (report.align_for_checks) where the engine gives them
    from that pass."""
    return [WordAlignCheck(encoder, langs=langs)] if reads_words(langs.values(), encoder) else []


def check_classes() -> tuple[type[Check], ...]:
    """Every check tilmash has (each applies where default_checks says), for selecting them
    by name (compare.profile)."""
    from compare.checks.formal import FORMAL_CHECKS
    from compare.checks.meaning import MeaningCheck
    from compare.checks.omission import OmissionCheck

    drift = (
        UnmatchedNotesCheck,
        EditionCheck,
        MissingPartsCheck,
        MeaningCheck,
        OmissionCheck,
        NumbersCheck,
        WordAlignCheck,
    )
    return (*drift, TermsCheck, ConsistencyCheck, *WORD_CHECKS, *FORMAL_CHECKS)


def start_checks(
    units: Sequence[UnitText], checks: Sequence[Check], worker: CheckWorker
) -> Started:
    """Start in `worker` those of `checks` that read text only (see checks.worker), each on
    the units it reads; run_checks gathers their findings."""
    text, notes = split_apparatus(units)
    return worker.start([(c, _reads(c, text, notes)) for c in checks if not runs_here(c)])


def _reads(check: Check, text: GroupUnits, notes: GroupUnits) -> GroupUnits:
    """The units a check reads: the text's own, or its editorial apparatus (never both)."""
    return notes if check.reads_apparatus else text


def run_checks(
    units: Sequence[UnitText],
    checks: Sequence[Check],
    on_check: Callable[[str, int, int], None] | None = None,
    started: Started | None = None,
) -> list[Finding]:
    """All findings over a group's units (see unit_texts), most severe and surest first, then
    in document order. Each check reads either the text's own units or the apparatus units
    (editorial notes), never both; findings inside a missing part fold into it, and majors
    inside a part of different editions or on a repealed part become minors (see
    checks.editions), as do meaning majors in a law that no other check confirms (see
    checks.meaning.confirmed_in_laws). Each finding carries its unit's text (Finding.context),
    which its id and fingerprint are made of, and in a bilingual file its segment's id.
    The checks `started` in a worker (start_checks) are not run again: their findings are
    gathered from it, and are those they would have found here. `on_check(name, checks done,
    checks in all)` is called before each check that runs here, and before waiting for the
    worker's."""
    from compare.checks.meaning import confirmed_in_laws

    text, notes = split_apparatus(units)
    away = started.names if started else frozenset()
    # While a worker works, the checks that embed nothing run first: the engine, when it
    # embeds, keeps every core busy.
    here = sorted((c for c in checks if c.name not in away), key=embeds)
    found: dict[str, list[Finding]] = {}
    for done, check in enumerate(here):
        if on_check:
            on_check(check.name, done, len(checks))
        found[check.name] = check.run(_reads(check, text, notes))
    if started:
        if on_check:
            on_check("the text-only ones, in a worker process", len(here), len(checks))
        found |= started.findings()
    findings = [f for check in checks for f in found[check.name]]
    by_index = {unit.unit: unit for unit in units}
    findings = [
        replace(
            f,
            context=by_index[f.unit].texts if f.unit in by_index else {},
            segment=by_index[f.unit].segment if f.unit in by_index else None,
        )
        for f in mark_repealed(
            mark_editions(confirmed_in_laws(fold_missing_parts(findings, text), text), text), text
        )
    ]
    return sorted(findings, key=lambda f: (SEVERITIES.index(f.severity), -f.confidence, f.unit))


# A terminal table lists a group's minors only while they are at most this many: past it (the
# 1,500 minors of a long law) a table is read by no one, so they are counted per check instead.
# Every major is listed, and the written outputs (-o, --json, --csv) hold every finding.
LISTED_MINORS = 100


def listed(
    findings: Sequence[Finding], most_minors: int | None = LISTED_MINORS
) -> tuple[list[Finding], dict[str, int]]:
    """The findings a terminal table lists, in their order, and the minors it leaves out,
    counted per check (most first): every finding while the minors are at most `most_minors`
    (None: always), otherwise the majors."""
    minors = [f for f in findings if f.severity == "minor"]
    if most_minors is None or len(minors) <= most_minors:
        return list(findings), {}
    counts = Counter(f.check for f in minors)
    return [f for f in findings if f.severity != "minor"], dict(counts.most_common())


def at_or_above(findings: Sequence[Finding], severity: str) -> list[Finding]:
    """Findings at least as severe as `severity` ("major" or "minor")."""
    limit = SEVERITIES.index(severity)
    return [f for f in findings if SEVERITIES.index(f.severity) <= limit]
