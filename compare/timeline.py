"""Terms across versions of a text: how often each occurs, which replace which, and whether a
change made in one language version of a release was made in the other too.

Terms are the glossary's plus the key phrases the versions themselves repeat; all are counted
by word family (compare.keyphrases.Lexicon), so inflected forms count together. Replacements
are mined from the word-level differences of passages the aligner pairs between consecutive
versions: a run of one to three words swapped for another, recurring across passages.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from compare.align import align_documents
from compare.corpus import Corpus, Document, Passage, joined
from compare.diff import DiffEntry, VersionDiff, diff_documents
from compare.glossary import Glossary
from compare.keyphrases import KeyPhrase, Lexicon, key_phrases

TRENDS = ("new", "gone", "rising", "falling", "stable")
TREND_CHANGE = 0.5  # relative change of frequency over the series that makes a trend
TREND_MIN_COUNT = 2  # counts that differ by less are noise
MAX_SWAP_WORDS = 3  # longest run of words a replacement may swap


def label(doc: Document) -> str:
    """How a version is named in results: its version label, else its id."""
    return doc.version or doc.id


def order_versions(docs: Sequence[Document]) -> list[Document]:
    """Versions oldest first by their manifest dates when all have one, else as given."""
    if all(d.date for d in docs):
        return sorted(docs, key=lambda d: d.date)
    return list(docs)


# --- term frequencies ------------------------------------------------------------------


@dataclass(frozen=True)
class TermRow:
    """One term through the versions."""

    key: tuple[str, ...]
    term: str  # its glossary form, else its most frequent surface form
    source: str  # "glossary" or "text"
    concept: str | None  # the glossary concept it names
    forms: tuple[str, ...]  # surface forms seen, most frequent first
    counts: tuple[int, ...]  # per version
    per_10k: tuple[float, ...]  # per version, per 10,000 words
    first: str | None  # label of the first version it occurs in
    last: str | None
    trend: str  # a value of TRENDS


@dataclass(frozen=True)
class Timeline:
    lang: str
    versions: tuple[str, ...]  # labels, oldest first
    words: tuple[int, ...]  # words per version
    terms: tuple[TermRow, ...]
    replacements: tuple[Replacement, ...] = ()


def trend(counts: Sequence[int], per_10k: Sequence[float]) -> str:
    """new/gone when absent at one end; else rising/falling when the fitted change over the
    series is at least TREND_CHANGE of the mean frequency and the counts differ enough."""
    if len(counts) > 1 and not counts[0] and any(counts):
        return "new" if counts[-1] else "gone"
    if len(counts) > 1 and counts[0] and not counts[-1]:
        return "gone"
    n, mean = len(per_10k), sum(per_10k) / max(len(per_10k), 1)
    if n < 2 or not mean or max(counts) - min(counts) < TREND_MIN_COUNT:
        return "stable"
    x_mean = (n - 1) / 2
    slope = sum((i - x_mean) * (f - mean) for i, f in enumerate(per_10k)) / sum(
        (i - x_mean) ** 2 for i in range(n)
    )
    change = slope * (n - 1) / mean
    return (
        "rising" if change >= TREND_CHANGE else "falling" if change <= -TREND_CHANGE else "stable"
    )


def count_phrase(
    key: tuple[str, ...], doc: Document, lexicon: Lexicon, forms: Counter[str] | None = None
) -> int:
    """Occurrences of a phrase key in a document's passages; surface forms added to `forms`."""
    n, found = len(key), 0
    for passage in doc.passages:
        words = lexicon.words(passage.text)
        for i in range(len(words) - n + 1):
            window = words[i : i + n]
            if tuple(w.key for w in window) == key and all(w.joined for w in window[1:]):
                found += 1
                if forms is not None:
                    forms[passage.text[window[0].start : window[-1].end]] += 1
    return found


def _word_total(doc: Document, lexicon: Lexicon) -> int:
    return sum(len(lexicon.words(p.text)) for p in doc.passages)


def _candidates(versions, glossary, lexicon, phrases) -> dict[tuple[str, ...], tuple]:
    """Terms to follow: (term, source, concept) per key, glossary terms first."""
    lang = lexicon.lang
    found: dict[tuple[str, ...], tuple] = {}
    for concept in glossary.concepts if glossary else ():
        for term in concept.terms.get(lang, []):
            found.setdefault(lexicon.key(term.text), (term.text, "glossary", concept.id))
    # Phrases are sought per version, so that text every version repeats is not counted as
    # recurring; a phrase counts once, with its highest count in any version.
    best: dict[tuple[str, ...], KeyPhrase] = {}
    for doc in versions:
        for phrase in key_phrases((p.text for p in doc.passages), lexicon, limit=phrases):
            if phrase.key not in best or phrase.count > best[phrase.key].count:
                best[phrase.key] = phrase
    for phrase in sorted(best.values(), key=lambda p: -p.count)[:phrases]:
        found.setdefault(phrase.key, (phrase.text, "text", None))
    return found


def version_series(
    groups: Mapping[str, Sequence[Document]],
) -> dict[str, dict[str, list[Document]]]:
    """Version series by name, each split by language and ordered oldest first; a language
    needs two or more versions to have a timeline."""
    series: dict[str, dict[str, list[Document]]] = {}
    for name, docs in groups.items():
        by_lang: dict[str, list[Document]] = {}
        for doc in docs:
            by_lang.setdefault(doc.lang, []).append(doc)
        kept = {lang: order_versions(d) for lang, d in by_lang.items() if len(d) > 1}
        if kept:
            series.setdefault(name, {}).update(kept)
    return series


def series_of(corpus: Corpus) -> dict[str, dict[str, list[Document]]]:
    """The version series to track in a corpus: its manifest's version groups, or (files
    named without a manifest) all its documents as versions of one text."""
    if corpus.manifest is None:
        return version_series({"files": list(corpus.documents.values())})
    return version_series(corpus.version_families())


def build_timeline(
    versions: Sequence[Document],
    glossary: Glossary | None = None,
    encoder=None,
    *,
    diffs: Sequence[VersionDiff] | None = None,
    phrases: int = 30,
    min_count: int = 2,
) -> Timeline:
    """Term frequencies through versions of one language (oldest first); with an encoder (or
    the consecutive diffs already made with one), also the replacements mined between
    consecutive versions."""
    lang = versions[0].lang
    lexicon = Lexicon((p.text for doc in versions for p in doc.passages), lang)
    labels = tuple(label(d) for d in versions)
    totals = tuple(_word_total(d, lexicon) for d in versions)
    rows = []
    for key, (term, source, concept) in _candidates(versions, glossary, lexicon, phrases).items():
        forms: Counter[str] = Counter()
        counts = tuple(count_phrase(key, d, lexicon, forms) for d in versions)
        per_10k = tuple(
            round(c * 10_000 / max(t, 1), 2) for c, t in zip(counts, totals, strict=True)
        )
        seen = [lbl for lbl, c in zip(labels, counts, strict=True) if c]
        rows.append(
            TermRow(
                key=key,
                term=term,
                source=source,
                concept=concept,
                forms=tuple(f for f, _ in forms.most_common()),
                counts=counts,
                per_10k=per_10k,
                first=seen[0] if seen else None,
                last=seen[-1] if seen else None,
                trend=trend(counts, per_10k),
            )
        )
    rows.sort(key=lambda r: (r.source != "glossary", -sum(r.counts), r.term))
    if diffs is None and encoder is not None and len(versions) > 1:
        diffs = consecutive_diffs(versions, encoder)
    replacements = tuple(mine_replacements(diffs, min_count)) if diffs else ()
    return Timeline(lang, labels, totals, tuple(rows), replacements)


# --- replacement mining ----------------------------------------------------------------


@dataclass(frozen=True)
class Swap:
    """One passage pair in which a replacement was made."""

    old_version: str
    new_version: str
    old: tuple[Passage, ...]
    new: tuple[Passage, ...]


@dataclass(frozen=True)
class Replacement:
    """A substitution that recurs: OLD's words in old passages, NEW's in their counterparts."""

    old_key: tuple[str, ...]
    new_key: tuple[str, ...]
    old: str  # most frequent surface forms
    new: str
    count: int  # passage pairs it was made in
    swaps: tuple[Swap, ...]


def consecutive_diffs(versions: Sequence[Document], encoder) -> list[VersionDiff]:
    """The diff of every version against the next one."""
    return [diff_documents(a, b, encoder) for a, b in pairwise(versions)]


def _changed(diffs: Iterable[VersionDiff]) -> Iterable[tuple[VersionDiff, DiffEntry]]:
    """Entries of the diffs that changed words (modified, or moved and modified)."""
    for diff in diffs:
        for entry in diff.entries:
            if entry.status in ("modified", "moved") and entry.changes:
                yield diff, entry


def swapped_runs(
    old: str, new: str, lexicon: Lexicon
) -> Iterable[tuple[tuple[str, ...], tuple[str, ...], str, str]]:
    """Runs of one to MAX_SWAP_WORDS words of OLD replaced by such a run in NEW, compared by word
    family (an inflection is no replacement); each as (old key, new key, old text, new text).
    Stop words at a run's ends are left out, so that "об оралманах" → "о кандасах" is the
    renaming "оралман" → "кандас" its other passages make.
    A run rewritten together with the words after it ("оралман – этникалық қазақ ..." →
    "қандас – бұрын ...") also yields the swap of its first words, so that a renaming made
    while a definition was reworded recurs with the plain renamings.
    """
    a, b = lexicon.words(old), lexicon.words(new)
    matcher = difflib.SequenceMatcher(None, [w.key for w in a], [w.key for w in b], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        run_a, run_b = _content(a[i1:i2]), _content(b[j1:j2])
        if tag != "replace" or not (run_a and run_b):
            continue
        if len(run_a) != len(run_b):
            yield (run_a[0].key,), (run_b[0].key,), _text(old, run_a[:1]), _text(new, run_b[:1])
        if max(len(run_a), len(run_b)) <= MAX_SWAP_WORDS:
            yield _keys(run_a), _keys(run_b), _text(old, run_a), _text(new, run_b)


def _keys(run: Sequence) -> tuple[str, ...]:
    return tuple(w.key for w in run)


def _text(text: str, run: Sequence) -> str:
    return text[run[0].start : run[-1].end]


def _content(run: Sequence) -> Sequence:
    """A run of words without the stop words at its ends (empty when all are stop words)."""
    start, end = 0, len(run)
    while start < end and run[start].stop:
        start += 1
    while end > start and run[end - 1].stop:
        end -= 1
    return run[start:end]


def mine_replacements(diffs: Sequence[VersionDiff], min_count: int = 2) -> list[Replacement]:
    """Substitutions made in at least `min_count` passage pairs of the diffs (one language),
    most frequent first, each with every passage pair it was made in."""
    changed = list(_changed(diffs))
    texts = (t for _, e in changed for t in (e.old_text, e.new_text))
    lexicon = Lexicon(texts, diffs[0].new.lang if diffs else "")
    swaps: dict[tuple, list[Swap]] = {}
    surfaces: dict[tuple, Counter[tuple[str, str]]] = {}
    for diff, entry in changed:
        seen = set()
        for old_key, new_key, old, new in swapped_runs(entry.old_text, entry.new_text, lexicon):
            pair = (old_key, new_key)
            surfaces.setdefault(pair, Counter())[(old, new)] += 1
            if pair not in seen:
                seen.add(pair)
                swap = Swap(label(diff.old), label(diff.new), entry.old, entry.new)
                swaps.setdefault(pair, []).append(swap)
    found = [
        Replacement(k[0], k[1], *surfaces[k].most_common(1)[0][0], len(s), tuple(s))
        for k, s in swaps.items()
        if len(s) >= min_count
    ]
    return sorted(found, key=lambda r: (-r.count, r.old, r.new))


# --- cross-language check --------------------------------------------------------------

VERDICTS = ("same release", "earlier", "later", "not followed")


@dataclass(frozen=True)
class CounterpartCheck:
    """How the other language treated one passage pair in which a replacement was made."""

    verdict: str  # a value of VERDICTS: when the counterpart changed too, if ever
    when: str | None  # the step ("old → new") at which it changed, for earlier/later
    changed_old: str
    changed_new: str
    other_old: str
    other_new: str


@dataclass(frozen=True)
class CrossLanguageChange:
    """A replacement made in `lang` between two releases, checked against `other`."""

    lang: str
    other: str
    old_version: str
    new_version: str
    old: str
    new: str
    count: int  # passage pairs it was made in
    checks: tuple[CounterpartCheck, ...]

    @property
    def not_followed(self) -> int:
        """Passage pairs whose counterpart in `other` did not change at this release."""
        return sum(c.verdict != "same release" for c in self.checks)


class _Series:
    """One language's releases, their consecutive diffs, and passage tracking through them."""

    def __init__(self, docs: Sequence[Document], diffs: Sequence[VersionDiff]) -> None:
        self.docs = list(docs)
        self.diffs = list(diffs)

    def step(self, i: int) -> str:
        return f"{label(self.docs[i])} → {label(self.docs[i + 1])}"

    def _entry(self, i: int, passages: Sequence[Passage], side: str) -> DiffEntry | None:
        """The entry of diff i holding any of `passages` on `side` ("old" or "new")."""
        wanted = {p.index for p in passages}
        for entry in self.diffs[i].entries:
            if wanted & {p.index for p in getattr(entry, side)}:
                return entry
        return None

    def changed_after(self, i: int, passages: Sequence[Passage]) -> int | None:
        """The first diff from i on that changes these passages of version i, if any."""
        return self._first_change(range(i, len(self.diffs)), passages, "old", "new")

    def changed_before(self, i: int, passages: Sequence[Passage]) -> int | None:
        """The last diff before version i that changed these passages of version i, if any."""
        return self._first_change(range(i - 1, -1, -1), passages, "new", "old")

    def _first_change(
        self, steps: range, passages: Sequence[Passage], side: str, other: str
    ) -> int | None:
        """Follow passages through the diffs in `steps` (found on `side`, carried on as their
        `other` side) to the first diff that changes them; None once they appear or vanish."""
        for j in steps:
            entry = self._entry(j, passages, side)
            if entry is None or entry.status in ("added", "removed"):
                return None
            if entry.status != "unchanged":
                return j
            passages = getattr(entry, other)
        return None


def _counterpart(alignment, lang: str, other: str, passages: Sequence[Passage]) -> tuple:
    wanted = {p.index for p in passages}
    found: list[Passage] = []
    for unit in alignment.units:
        if wanted & {p.index for p in unit.passages[lang]}:
            found.extend(unit.passages[other])
    return tuple(found)


def comparable_releases(series_by_lang: Mapping[str, Sequence[Document]]) -> bool:
    """Whether the languages' releases can be compared across languages: two or more
    languages with the same number of releases (matched by position)."""
    return len(series_by_lang) > 1 and len({len(d) for d in series_by_lang.values()}) == 1


def cross_language_changes(
    series_by_lang: Mapping[str, Sequence[Document]],
    encoder,
    min_count: int = 1,
    diffs: Mapping[str, Sequence[VersionDiff]] | None = None,
) -> list[CrossLanguageChange]:
    """For each replacement mined in one language between consecutive releases, whether the
    other languages' counterpart passages changed at the same release, earlier, later or never.

    Releases are matched by position: series_by_lang[lang][i] are the texts of release i.
    Changes with passages the other language did not follow come first. `diffs` may give
    each language's consecutive diffs already made.
    """
    if not comparable_releases(series_by_lang):
        raise ValueError("need two or more languages with the same number of releases")
    langs = list(series_by_lang)
    releases = {len(docs) for docs in series_by_lang.values()}
    diffs = diffs or {}
    series = {
        lang: _Series(docs, diffs.get(lang) or consecutive_diffs(docs, encoder))
        for lang, docs in series_by_lang.items()
    }
    alignments = [
        align_documents([series_by_lang[lang][i] for lang in langs], encoder)
        for i in range(releases.pop())
    ]
    out = []
    for lang in langs:
        for replacement in mine_replacements(series[lang].diffs, min_count):
            for other in (o for o in langs if o != lang):
                out.extend(_checked(replacement, lang, other, series, alignments, min_count))
    return sorted(out, key=lambda c: (-c.not_followed, -c.count, c.lang, c.old))


def _checked(replacement, lang, other, series, alignments, min_count) -> list[CrossLanguageChange]:
    """The replacement's passage pairs grouped by release step, each checked in `other`."""
    ours, theirs = series[lang], series[other]
    by_step: dict[int, list[CounterpartCheck]] = {}
    for swap in replacement.swaps:
        i = [label(d) for d in ours.docs].index(swap.old_version)
        before = _counterpart(alignments[i], lang, other, swap.old)
        after = _counterpart(alignments[i + 1], lang, other, swap.new)
        if not (before and after):
            continue
        verdict, when = "not followed", None
        if joined(before) != joined(after):
            verdict = "same release"
        elif (j := theirs.changed_before(i, before)) is not None:
            verdict, when = "earlier", theirs.step(j)
        elif (j := theirs.changed_after(i + 1, after)) is not None:
            verdict, when = "later", theirs.step(j)
        by_step.setdefault(i, []).append(
            CounterpartCheck(
                verdict,
                when,
                joined(swap.old),
                joined(swap.new),
                joined(before),
                joined(after),
            )
        )
    return [
        CrossLanguageChange(
            lang,
            other,
            label(ours.docs[i]),
            label(ours.docs[i + 1]),
            replacement.old,
            replacement.new,
            len(checks),
            tuple(checks),
        )
        for i, checks in sorted(by_step.items())
        if len(checks) >= min_count
    ]


# --- one series, all of it -----------------------------------------------------------


@dataclass(frozen=True)
class SeriesTracking:
    """Everything `tilmash timeline` shows of one version series: a timeline per language
    and, where the languages' releases match, the cross-language check."""

    name: str
    timelines: tuple[Timeline, ...]
    cross_language: tuple[CrossLanguageChange, ...]


def track_series(
    name: str,
    series_by_lang: Mapping[str, Sequence[Document]],
    glossary: Glossary | None,
    encoder,
    cross_language: bool = True,
) -> SeriesTracking:
    """Timelines and (unless `cross_language` is False: the report does not show it) the
    cross-language check of one series; each language's consecutive diffs are made once and
    serve both."""
    diffs = {lang: consecutive_diffs(docs, encoder) for lang, docs in series_by_lang.items()}
    timelines = tuple(
        build_timeline(docs, glossary, encoder, diffs=diffs[lang])
        for lang, docs in series_by_lang.items()
    )
    crossed = (
        cross_language_changes(series_by_lang, encoder, diffs=diffs)
        if cross_language and comparable_releases(series_by_lang)
        else []
    )
    return SeriesTracking(name, timelines, tuple(crossed))


@dataclass(frozen=True)
class SeriesResults:
    """What tracking every version series of a run gives: the series tracked, in order, and
    each series whose work failed (a worker lost on Ray), by name with the reason, so that
    the run says which timelines it lacks."""

    tracked: list[SeriesTracking]
    failed: list[tuple[str, str]] = field(default_factory=list)


# Tracks every version series of a run: (series, encoder, glossary, progress,
# cross_language=) -> SeriesResults, in the series' order; progress(kind, label, done,
# total) as build_report's. The default tracks them here; compare.cluster's on Ray.
SeriesRunner = Callable[..., SeriesResults]


def track_series_here(
    series: Mapping[str, Mapping[str, Sequence[Document]]],
    encoder,
    glossary: Glossary | None,
    progress: Callable[[str, str, int, int], None],
    cross_language: bool = True,
) -> SeriesResults:
    """Every version series (`series_of`, `version_series`) in turn, in this process."""
    tracked = []
    for n, (name, by_lang) in enumerate(series.items()):
        progress("group", f"Tracking {name}", n, len(series))
        tracked.append(track_series(name, by_lang, glossary, encoder, cross_language))
    progress("group", "Tracked", len(series), len(series))
    return SeriesResults(tracked)
