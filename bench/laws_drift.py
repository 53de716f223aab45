"""Drift injected into official kk/ru law texts from adilet.zan.kz (a script, not a test).

Each law is read, aligned and cut into units as `tilmash` does; then into one language of a
seeded sample of units that both languages hold (a part one language lacks, of a later edition,
has no counterpart to drift from) one kind of drift is injected at a time: (a) subpoint: a sub-point
("1) ...") is deleted; (b) number: a digit is changed (not in the numbering that opens a
unit); (c) clause: a comma-delimited clause is dropped; (d) term: a content word is replaced
by one from another law; (e) negation: "не" (ru) or "емес" (kk) is removed. Each law is then
checked as `tilmash check` checks it (compare.report.check_group: every default check, the
editorial notes with them, findings inside a missing part folded, majors inside an article of
another edition or on a repealed part made minor; the gap check reads a lexicon learned from
the law's own units, drifted ones included, as a run of that size learns one:
compare.checks.run.trusted_lexicon); per kind the script prints recall (the kind's own checks /
any major flag) and precision (the share of flags on injected units that name the injected
language), as bench/drift.py does on NTREX, and a line on the default word check (gap) alone,
with the share of untouched units it flags.

--word-checks adds the opt-in checks that read the lexicon (replaced, uniformity), and a
sixth kind: (f)
rendering: in each language, RENDERED_TERMS words met in RENDERED_MIN_UNITS units or more get
another rendering (one word from another law, the same for the term) in RENDERED_UNITS of
their units, as a translator would who renders a term otherwise now and then. The line on
the word checks alone then covers all three. --lexicon-only leaves the embedding checks out
(no model needed once the laws are aligned).
Laws are split into halves by size (alternately); --split tune is for tuning thresholds.
Data: ../shared/data, never copied. Usage: python3 bench/laws_drift.py [--smallest N]
[--split tune|report|all] [--rate 0.05] [--seed 0] [--word-checks] [--lexicon-only]
"""

from __future__ import annotations

import argparse
import random
import re
import time
from dataclasses import replace

from drift import Injection, clause, lexicon_score, number, score, term
from laws import LAWS, pairs

from realdata import require

from compare.align.documents import Alignment, align_group
from compare.checks.base import Finding, UnitText
from compare.checks.context import split_apparatus
from compare.checks.run import (
    DEFAULT_WORD_CHECKS,
    WORD_CHECKS,
    check_langs,
    trusted_lexicon,
    unit_texts,
)
from compare.corpus import Corpus, load_corpus
from compare.embed import load_encoder
from compare.lexicon.learn import learn, unit_bags
from compare.profile import Profile
from compare.readers.structure import numbering
from compare.report import check_group
from compare.stem import tokens

LANGS = ("kk", "ru")
# The checks whose finding an injected drift should raise.
EXPECTED = {
    "subpoint": ("structure", "omission"),
    "number": ("numbers", "structure"),
    "clause": ("omission", "gap"),
    "term": ("meaning",),
    "negation": ("meaning",),
}
# With --word-checks, the opt-in word check that should raise a finding too.
WORD_CHECK = {"term": "replaced", "rendering": "uniformity"}
RENDERED_TERMS = 2  # terms per law and language given another rendering
RENDERED_MIN_UNITS = 10  # units a term must occur in to be one
RENDERED_UNITS = 2  # units per term where it is rendered otherwise
_SUBPOINT = re.compile(r"\s*\d{1,3}(?:-\d{1,3})?\)\s")
_NEGATION = {"ru": re.compile(r"\bне\s+", re.IGNORECASE), "kk": re.compile(r"\s+емес\b")}


def subpoint(unit: UnitText, lang: str) -> UnitText | None:
    """The unit without its `lang` text when that text is a numbered sub-point."""
    if not _SUBPOINT.match(unit.texts.get(lang, "")):
        return None
    return replace(
        unit,
        texts={**unit.texts, lang: ""},
        passages={**unit.passages, lang: ()},
        paths={**unit.paths, lang: ()},
    )


def negation(text: str, lang: str) -> str | None:
    """The text with its first negation word taken out."""
    found = _NEGATION[lang].search(text)
    return text[: found.start()] + " " + text[found.end() :] if found else None


def changed(unit: UnitText, lang: str, kind: str, rng: random.Random, pool: list[str]):
    """The unit with `kind` injected into its `lang` text, or None when it does not apply:
    a unit one language lacks (a part of a later edition) has nothing to drift from."""
    if not all(unit.texts.get(k, "").strip() for k in LANGS):
        return None
    if kind == "subpoint":
        return subpoint(unit, lang)
    text = unit.texts.get(lang, "")
    if len(text.split()) < 4:
        return None
    # The numbering that opens a unit ("2.", "1)") is its place, read once when the file is read.
    found = numbering(text)
    head, body = (text[: found[2]], text[found[2] :]) if found else ("", text)
    if kind == "negation":
        new = negation(body, lang)
    else:
        injector = {"number": number, "clause": clause, "term": term}[kind]
        new = injector([body], 0, lang, rng, pool)
    new = head + new if new else None
    if not new or new == text:
        return None
    return replace(unit, texts={**unit.texts, lang: new})


def inject(
    laws: dict[int, list[UnitText]], kind: str, rate: float, seed: int, pools
) -> tuple[dict[int, list[UnitText]], list[Injection]]:
    """The laws with `kind` injected into a seeded sample of units of each."""
    rng = random.Random(f"{seed}:{kind}")
    out, done = {}, []
    for g, units in laws.items():
        units = list(units)
        wanted = max(1, round(rate * len(units)))
        for i in rng.sample(range(len(units)), len(units)):
            if wanted == 0:
                break
            lang = rng.choice(LANGS)
            new = changed(units[i], lang, kind, rng, pools[(g, lang)])
            if new is not None:
                units[i] = new
                done.append(Injection(g, units[i].unit, lang, kind))
                wanted -= 1
        out[g] = units
    return out, done


def rendered(
    laws: dict[int, list[UnitText]], seed: int, pools
) -> tuple[dict[int, list[UnitText]], list[Injection]]:
    """The laws with a few of their terms rendered otherwise in a few units (see module doc):
    every word of the term's stem in those units' `lang` text becomes the new rendering."""
    rng = random.Random(f"{seed}:rendering")
    out, done = {}, []
    for g, units in laws.items():
        units = list(units)
        for lang in LANGS:
            where: dict[str, list[int]] = {}
            for i, unit in enumerate(units):
                for stem in {t.stem for t in tokens(unit.texts[lang], lang) if len(t.word) >= 6}:
                    where.setdefault(stem, []).append(i)
            terms = sorted(s for s, found in where.items() if len(found) >= RENDERED_MIN_UNITS)
            taken = {d.unit for d in done if d.group == g}
            for stem in rng.sample(terms, min(RENDERED_TERMS, len(terms))):
                free = [i for i in where[stem] if units[i].unit not in taken]
                new = rng.choice(pools[(g, lang)])
                for i in rng.sample(free, min(RENDERED_UNITS, len(free))):
                    text = units[i].texts[lang]
                    for t in reversed([t for t in tokens(text, lang) if t.stem == stem]):
                        text = text[: t.start] + new + text[t.end :]
                    units[i] = replace(units[i], texts={**units[i].texts, lang: text})
                    done.append(Injection(g, units[i].unit, lang, "rendering"))
                    taken.add(units[i].unit)
        out[g] = units
    return out, done


class Law:
    """One law as read and aligned once: its corpus, its alignment and its units as the checks
    see them, the text's own units (where drift is injected) apart from the editorial notes."""

    def __init__(self, corpus: Corpus, alignment: Alignment) -> None:
        self.corpus, self.alignment = corpus, alignment
        self.every = list(unit_texts(alignment))
        self.units = list(split_apparatus(self.every)[0])

    def with_units(self, drifted: list[UnitText]) -> list[UnitText]:
        """Every unit of the law, the text's own units replaced by `drifted` (same indices)."""
        by_index = {unit.unit: unit for unit in drifted}
        return [by_index.get(unit.unit, unit) for unit in self.every]


def read_laws(chosen, encoder) -> dict[int, Law]:
    """Each law of `chosen` (rows of laws.pairs) read and aligned once, by its position."""
    read = {}
    for g, (_, kk, ru, _) in enumerate(chosen):
        corpus = load_corpus([kk, ru])
        read[g] = Law(corpus, align_group(corpus, corpus.groups[0], encoder))
    return read


def term_pools(laws: dict[int, list[UnitText]]) -> dict[tuple[int, str], list[str]]:
    """Per law and language, the words a replaced term is drawn from: the next law's."""
    vocabulary = {
        (g, lang): [w for u in units for w in re.findall(r"\b[^\W\d_]{6,}\b", u.texts[lang])]
        for g, units in laws.items()
        for lang in LANGS
    }
    return {(g, lang): vocabulary[((g + 1) % len(laws), lang)] for g, lang in vocabulary}


def run_checks(
    encoder, laws: dict[int, Law], groups: dict[int, list[UnitText]], profile: Profile, words: bool
) -> dict[tuple[int, int], list[Finding]]:
    """Findings by (law, unit) of each law with its drifted units, checked as `tilmash check`
    checks it (check_group), the word checks on a lexicon learned from the law's own units,
    drifted ones included: the gap check where the law is big enough (trusted_lexicon), every
    word check with `words`."""
    found: dict[tuple[int, int], list[Finding]] = {}
    for g, units in groups.items():
        law = laws[g]
        every = law.with_units(units)
        bags = unit_bags(every, check_langs(law.alignment))
        section, _ = check_group(
            law.corpus,
            law.corpus.groups[0],
            encoder,
            lexicon=learn(bags) if words else trusted_lexicon(bags),
            alignment=law.alignment,
            profile=profile,
            units=every,
            words=words,
        )
        for f in section.findings:
            found.setdefault((g, f.unit), []).append(f)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smallest", type=int, default=8, help="the N smallest laws")
    parser.add_argument("--split", choices=("tune", "report", "all"), default="report")
    parser.add_argument("--rate", type=float, default=0.05, help="share of units injected")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--kinds", nargs="*", default=None, help="kinds to inject")
    parser.add_argument("--word-checks", action="store_true", help="add the word checks")
    parser.add_argument(
        "--lexicon-only", action="store_true", help="run the word checks only (no embedding)"
    )
    args = parser.parse_args()
    require(LAWS, "bench/laws_drift.py")
    words = args.word_checks or args.lexicon_only
    kinds = args.kinds or [*EXPECTED, *(["rendering"] if words else [])]
    chosen = pairs(LAWS)[: args.smallest]
    if args.split != "all":
        chosen = chosen[(args.split == "report") :: 2]
    encoder = load_encoder()
    # --lexicon-only: the word checks alone, chosen as `tilmash check --checks` chooses.
    profile = Profile(frozenset(c.name for c in WORD_CHECKS) if args.lexicon_only else None)
    read = read_laws(chosen, encoder)
    for g, (name, *_) in enumerate(chosen):
        print(f"law {g}: {name}, {len(read[g].units)} units", flush=True)
    laws = {g: law.units for g, law in read.items()}
    pools = term_pools(laws)
    print(f"{'kind':10} {'units':>6} {'recall own':>11} {'recall major':>13} {'precision':>10}")
    for kind in kinds:
        began = time.perf_counter()
        if kind == "rendering":
            groups, done = rendered(laws, args.seed, pools)
        else:
            groups, done = inject(laws, kind, args.rate, args.seed, pools)
        found = run_checks(encoder, read, groups, profile, words)
        own = (*EXPECTED.get(kind, ()), *([WORD_CHECK[kind]] if kind in WORD_CHECK else []))
        s = score(own if words else EXPECTED[kind], found, done, groups)
        print(
            f"{kind:10} {s['n']:6} {s['recall_own']:11.3f} {s['recall_major']:13.3f} "
            f"{s['precision']:10.3f}   untouched with major {s['untouched_major']:.4f} "
            f"({time.perf_counter() - began:.0f} s)",
            flush=True,
        )
        checks = WORD_CHECKS if words else DEFAULT_WORD_CHECKS
        print(f"  word checks alone: {alone(found, done, groups, checks)}", flush=True)


def alone(found, done: list[Injection], groups, checks) -> str:
    """Per word check of `checks`: recall, precision of its flags on injected units, untouched
    units it flags."""
    out = []
    for check in (c.name for c in checks):
        mine = {key: [f for f in fs if f.check == check] for key, fs in found.items()}
        s = lexicon_score(mine, done, groups, (check,))
        out.append(
            f"{check} {s['recall']:.3f} / {s['precision']:.3f} ({s['flags']} flags), "
            f"untouched {s['untouched_flagged']:.4f}"
        )
    return "; ".join(out)


if __name__ == "__main__":
    main()
