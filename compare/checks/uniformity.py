"""Terminology consistency across a group: a word rendered one way throughout but in a few units.

For each word of a version met in MIN_UNITS units or more, the learned lexicon (see
compare.lexicon.learn) names its counterparts in each version of another language; the one it
links most strongly is the word's usual rendering. When that rendering stands beside the word
in at least `min_strength` of its units and is missing from at most MAX_OUTLIERS, each of those
units is one minor finding on the version that renders it otherwise, with the counts: it holds
another learned counterpart there ("kk has 'X' here"), or the word that seems to stand in the
rendering's place is named; a unit where nothing does, or that misses more than MAX_MISSING
usual renderings, is cut or worded otherwise and left alone. Both directions are read (ru→kk
flags kk, kk→ru flags ru); a unit flagged both ways between two versions keeps the direction
whose rendering is the more uniform. Inflected and derived forms count as one word (see
checks.counterparts). What Xbench calls inconsistency in source and target, read through
stems in three languages and across versions (every version key is compared with every version
of another language); the group (one document, or one law) is its scope. The confidence a
finding prints is the share of such findings that proved real (CALIBRATION).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from compare.checks.base import Finding, Span, UnitText
from compare.checks.collocations import group_pairs, intrudes, support
from compare.checks.counterparts import (
    Forms,
    Lack,
    LexiconCheck,
    UnitEvidence,
    Word,
    content_words,
    group_evidence,
    word_span,
)
from compare.checks.replaced import stand_in
from compare.checks.similarity import text_of, version_keys
from compare.lexicon.learn import Lexicon
from compare.stem import Token, find_term

MIN_UNITS = 10  # units a word must occur in for its rendering to be a habit
MIN_STEM = 4  # shorter stems are mostly function words ("осы", "при"), rendered freely
MAX_OUTLIERS = 3  # more units without the rendering are a second habit, not a slip
MAX_MISSING = 1  # a unit missing more usual renderings is cut or worded otherwise
# The share of findings real by whether the word standing in the rendering's place has no
# support where it stands (`alone`: no other unit has it beside its neighbours there), then
# whether it is a word whose learned counterparts every other version lacks (`unmatched`), as
# (real + 1) / (findings + 2) of what bench/word_confidence.py --check uniformity --drift
# --half tune counted (the tune half of the 12 smallest laws, two terms per law and language
# rendered otherwise in two of their units; 277 findings, 26 real: on a rendered unit, naming
# its version): supported 5/63, 17/99; alone 1/43, 3/72. A word rendered otherwise recurs in
# the same company; a word alone where it stands is more often a unit worded freely.
CALIBRATION = {False: (0.09, 0.18), True: (0.04, 0.05)}


@dataclass(frozen=True)
class Occurrence:
    """A source word in one unit and, per counterpart found beside it, the target word."""

    unit: UnitText
    token: Token
    renderings: Mapping[str, Token]  # counterpart stem -> the target word holding it
    best: str  # the counterpart the lexicon links most strongly to the word


@dataclass(frozen=True)
class Outlier:
    """A unit where a word of version `src` lacks its usual rendering in version `tgt`."""

    occurrence: Occurrence
    src: str
    tgt: str
    rendering: str  # the usual rendering, as written where first met
    count: int  # units with the usual rendering
    total: int  # units with the source word

    @property
    def share(self) -> float:
        return self.count / self.total


def occurrences(
    lexicon: Lexicon,
    units: Sequence[UnitText],
    src: str,
    tgt: str,
    langs: Mapping[str, str],
) -> dict[str, list[Occurrence]]:
    """Per source stem the lexicon knows, its first word in each unit holding both versions,
    with the counterparts found beside it."""
    found: dict[str, list[Occurrence]] = {}
    for unit in units:
        if not (text_of(unit, src) and text_of(unit, tgt)):
            continue
        targets = content_words(text_of(unit, tgt), langs[tgt])
        forms = Forms(targets)
        seen: set[str] = set()
        for token in content_words(text_of(unit, src), langs[src]):
            entry = lexicon.get(langs[src], langs[tgt], token.stem)
            if entry is None or token.stem in seen or len(token.stem) < MIN_STEM:
                continue
            seen.add(token.stem)
            renderings = {
                c: targets[min(where)]
                for c in entry.counterparts
                for where in (forms.holding(c),)
                if where
            }
            best = max(entry.counterparts, key=lambda c: entry.counterparts[c])
            found.setdefault(token.stem, []).append(Occurrence(unit, token, renderings, best))
    return found


def outliers(
    found: Mapping[str, Sequence[Occurrence]],
    src: str,
    tgt: str,
    langs: Mapping[str, str],
    min_share: float,
) -> list[Outlier]:
    """The occurrences without their stem's usual rendering, where that rendering is a habit
    (see module doc). The usual rendering is the counterpart the lexicon links most strongly,
    not the one met most often: a word keeps company with others ("присвоение квалификации",
    "біліктілік беру"), and the company is no rendering. A unit holding a close spelling of
    the rendering ("порядке" for "порядок", whose stems differ) has it."""
    out = []
    for occs in found.values():
        usual = occs[0].best
        count = sum(usual in o.renderings for o in occs)
        if (
            len(occs) < MIN_UNITS
            or count < min_share * len(occs)
            or len(occs) - count > MAX_OUTLIERS
        ):
            continue
        label = next(o.renderings[usual].word for o in occs if usual in o.renderings)
        out += [
            Outlier(o, src, tgt, label, count, len(occs))
            for o in occs
            if usual not in o.renderings
            and not find_term(label, text_of(o.unit, tgt), langs[tgt], loose=True)
        ]
    return out


def surest(found: Sequence[Outlier]) -> list[Outlier]:
    """Per unit and pair of versions, the outliers of the direction whose rendering is the
    more uniform: a word put in another's place breaks a habit both ways."""
    best: dict[tuple[int, frozenset[str]], tuple[str, float]] = {}
    for o in found:
        key = (o.occurrence.unit.unit, frozenset((o.src, o.tgt)))
        if o.share > best.get(key, ("", -1.0))[1]:
            best[key] = (o.tgt, o.share)
    return [
        o for o in found if best[(o.occurrence.unit.unit, frozenset((o.src, o.tgt)))][0] == o.tgt
    ]


def _missed(outlier: Outlier) -> tuple[int, str, str]:
    return (outlier.occurrence.unit.unit, outlier.tgt, outlier.rendering)


def _instead(outlier: Outlier, evidence: UnitEvidence) -> tuple[Span, bool] | None:
    """What version `tgt` has where the usual rendering should be, and whether it is another
    learned counterpart: that counterpart, or the word that seems to stand in its place (see
    replaced.stand_in); None when nothing does (the unit is cut or worded otherwise)."""
    occ, tgt = outlier.occurrence, outlier.tgt
    other = next(iter(occ.renderings.values()), None)
    if other is not None:
        return word_span(occ.unit, Word(tgt, other, 0.0)), True
    source = Word(outlier.src, occ.token, outlier.share)
    here = stand_in(occ.unit, tgt, Lack(tgt, (source,), outlier.share), evidence)
    return (here, False) if here is not None else None


class UniformityCheck(LexiconCheck):
    """Flags the few units where a word's usual rendering in another version is missing.

    `min_strength`: the least share of a word's units that hold its usual rendering.
    Keys of UnitText.texts are languages unless `langs` maps them to one.
    """

    name = "uniformity"
    threshold_names = ("min_strength",)

    def run(self, units: Sequence[UnitText]) -> list[Finding]:
        keys = version_keys(units)
        langs = {k: self.langs.get(k, k) for k in keys}
        found = [
            o
            for src in keys
            for tgt in keys
            if langs[src] != langs[tgt]
            for o in outliers(
                occurrences(self.lexicon, units, src, tgt, langs),
                src,
                tgt,
                langs,
                self.min_strength,
            )
        ]
        if not found:
            return []
        evidence = dict(
            zip(
                (u.unit for u in units),
                group_evidence(self.lexicon, units, keys, langs),
                strict=True,
            )
        )
        kept = surest(found)
        pairs = group_pairs(units, keys, langs)
        missing = Counter((unit, tgt) for unit, tgt, _ in {_missed(o) for o in kept})
        findings = []
        for o in kept:
            if missing[(o.occurrence.unit.unit, o.tgt)] > MAX_MISSING:
                continue
            here = _instead(o, evidence[o.occurrence.unit.unit])
            if here is None:
                continue
            said = word_span(o.occurrence.unit, Word(o.src, o.occurrence.token, o.share))
            if here[1] or not intrudes(pairs, o.occurrence.unit, langs, said, here[0]):
                unit, word = o.occurrence.unit, here[0]
                alone = support(pairs, unit, o.tgt, langs[o.tgt], word.start) == 0
                unmatched = any(
                    w.token.start == word.start
                    for w in evidence[unit.unit].unmatched.get(o.tgt, ())
                )
                findings.append(self._finding(o, *here, alone, unmatched))
        return findings

    def _finding(
        self, outlier: Outlier, here: Span, variant: bool, alone: bool, unmatched: bool
    ) -> Finding:
        occ, src, tgt = outlier.occurrence, outlier.src, outlier.tgt
        unit = occ.unit
        said = word_span(unit, Word(src, occ.token, outlier.share))
        instead = (
            f"{tgt} has '{here.text}' here"
            if variant
            else f"{tgt} has none of it here; '{here.text}' may stand in its place"
        )
        return Finding(
            check=self.name,
            severity="minor",
            confidence=CALIBRATION[alone][unmatched],
            unit=unit.unit,
            langs=(tgt, src),
            message=(
                f"{src} '{said.text}' is rendered in {tgt} as '{outlier.rendering}' in "
                f"{outlier.count} of its {outlier.total} units; {instead}."
            ),
            spans=(said, here),
            details={
                "kind": "inconsistent",
                "lang": tgt,
                "source": {src: said.text},
                "rendering": outlier.rendering,
                "units": outlier.count,
                "of": outlier.total,
                "word": here.text,
                "alone": alone,
                "unmatched": unmatched,
            },
        )
