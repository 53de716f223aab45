"""Drift injected into official kk/ru law texts from adilet.zan.kz (a script, not a test).

Each law is read, aligned and cut into units as `tilmash` does; then into one language of a
seeded sample of units one kind of drift is injected at a time: (a) subpoint: a sub-point
("1) ...") is deleted; (b) number: a digit is changed (not in the numbering that opens a
unit); (c) clause: a comma-delimited clause is dropped; (d) term: a content word is replaced
by one from another law; (e) negation: "не" (ru) or "емес" (kk) is removed. The checks
`tilmash` runs on a law (structure, meaning, omission, numbers) run on every law, findings
inside a missing part folded as in the report; per kind the script prints recall (the kind's
own checks / any major flag) and precision (the share of flags on injected units that name
the injected language), as bench/drift.py does on NTREX.

--word-checks adds the checks that read a lexicon learned from each law's own units, drifted
ones included (replaced, gap, uniformity; compare.lexicon.learn), and a sixth kind: (f)
rendering: in each language, RENDERED_TERMS words met in RENDERED_MIN_UNITS units or more get
another rendering (one word from another law, the same for the term) in RENDERED_UNITS of
their units, as a translator would who renders a term otherwise now and then. Each kind then
gets a second row with the word checks and a line on their flags alone, with the share of
untouched units they flag. --lexicon-only leaves the embedding checks out (no model needed
once the laws are aligned).
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

from compare.align.documents import align_group
from compare.checks.base import Finding, UnitText
from compare.checks.context import GroupUnits, split_apparatus
from compare.checks.gaps import GapCheck
from compare.checks.meaning import MeaningCheck
from compare.checks.numbers import NumbersCheck
from compare.checks.omission import OmissionCheck
from compare.checks.replaced import ReplacedWordCheck
from compare.checks.run import unit_texts
from compare.checks.structure import MissingPartsCheck, fold_missing_parts
from compare.checks.uniformity import UniformityCheck
from compare.corpus import load_corpus
from compare.embed import load_encoder
from compare.lexicon.learn import learn, unit_bags
from compare.readers.structure import numbering
from compare.stem import tokens

LANGS = ("kk", "ru")
# The checks whose finding an injected drift should raise.
EXPECTED = {
    "subpoint": ("structure", "omission"),
    "number": ("numbers", "structure"),
    "clause": ("omission",),
    "term": ("meaning",),
    "negation": ("meaning",),
}
# With --word-checks, the word check that should raise a finding too.
WORD_CHECK = {"clause": "gap", "term": "replaced", "rendering": "uniformity"}
WORD_CHECKS = (ReplacedWordCheck, GapCheck, UniformityCheck)
RENDERED_TERMS = 2  # terms per law and language given another rendering
RENDERED_MIN_UNITS = 10  # units a term must occur in to be one
RENDERED_UNITS = 2  # units per term where it is rendered otherwise
_SUBPOINT = re.compile(r"\s*\d{1,3}(?:-\d{1,3})?\)\s")
_NEGATION = {"ru": re.compile(r"\bне\s+", re.IGNORECASE), "kk": re.compile(r"\s+емес\b")}


def subpoint(unit: UnitText, lang: str) -> UnitText | None:
    """The unit without its `lang` text when that text is a numbered sub-point."""
    text = unit.texts.get(lang, "")
    if not _SUBPOINT.match(text) or not all(unit.texts.get(k, "").strip() for k in LANGS):
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
    """The unit with `kind` injected into its `lang` text, or None when it does not apply."""
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


def word_checks(units: list[UnitText]) -> list:
    """The checks that read a lexicon learned from the law's own units."""
    lexicon = learn(unit_bags(units))
    return [check(lexicon) for check in WORD_CHECKS]


def run_checks(
    checks, laws: dict[int, list[UnitText]], words: bool = False
) -> dict[tuple[int, int], list[Finding]]:
    """Findings of all checks (with `words`, the word checks too) by (law, unit), findings
    inside a missing part folded into it."""
    found: dict[tuple[int, int], list[Finding]] = {}
    for g, units in laws.items():
        units = GroupUnits(units)
        every = [*checks, *(word_checks(list(units)) if words else [])]
        findings = [f for check in every for f in check.run(units)]
        for f in fold_missing_parts(findings, units):
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
    langs = dict(zip(LANGS, LANGS, strict=True))
    checks = [
        MissingPartsCheck(),
        MeaningCheck(encoder, langs=langs),
        OmissionCheck(encoder, langs=langs),
        NumbersCheck(langs=langs),
    ]
    if args.lexicon_only:
        checks = []
    laws = {}
    for g, (name, kk, ru, _) in enumerate(chosen):
        corpus = load_corpus([kk, ru])
        units, _notes = split_apparatus(unit_texts(align_group(corpus, corpus.groups[0], encoder)))
        laws[g] = list(units)
        print(f"law {g}: {name}, {len(units)} units", flush=True)
    law_words = {
        (g, lang): [w for u in units for w in re.findall(r"\b[^\W\d_]{6,}\b", u.texts[lang])]
        for g, units in laws.items()
        for lang in LANGS
    }
    # A replaced term comes from another law.
    pools = {(g, lang): law_words[((g + 1) % len(laws), lang)] for g, lang in law_words}
    print(f"{'kind':10} {'units':>6} {'recall own':>11} {'recall major':>13} {'precision':>10}")
    for kind in kinds:
        began = time.perf_counter()
        if kind == "rendering":
            groups, done = rendered(laws, args.seed, pools)
        else:
            groups, done = inject(laws, kind, args.rate, args.seed, pools)
        found = run_checks(checks, groups, words)
        own = (*EXPECTED.get(kind, ()), *([WORD_CHECK[kind]] if kind in WORD_CHECK else []))
        s = score(own if words else EXPECTED[kind], found, done, groups)
        print(
            f"{kind:10} {s['n']:6} {s['recall_own']:11.3f} {s['recall_major']:13.3f} "
            f"{s['precision']:10.3f}   untouched with major {s['untouched_major']:.4f} "
            f"({time.perf_counter() - began:.0f} s)",
            flush=True,
        )
        if words:
            print(f"  word checks alone: {alone(found, done, groups)}", flush=True)


def alone(found, done: list[Injection], groups) -> str:
    """Per word check: recall, precision of its flags on injected units, untouched units it
    flags."""
    out = []
    for check in (c.name for c in WORD_CHECKS):
        mine = {key: [f for f in fs if f.check == check] for key, fs in found.items()}
        s = lexicon_score(mine, done, groups, (check,))
        out.append(
            f"{check} {s['recall']:.3f} / {s['precision']:.3f} ({s['flags']} flags), "
            f"untouched {s['untouched_flagged']:.4f}"
        )
    return "; ".join(out)


if __name__ == "__main__":
    main()
