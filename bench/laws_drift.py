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
Laws are split into halves by size (alternately); --split tune is for tuning thresholds.
Data: ../shared/data, never copied. Usage: python3 bench/laws_drift.py [--smallest N]
[--split tune|report|all] [--rate 0.05] [--seed 0]
"""

from __future__ import annotations

import argparse
import random
import re
import time
from dataclasses import replace

from drift import Injection, clause, number, score, term
from laws import LAWS, pairs

from realdata import require

from compare.align.documents import align_group
from compare.checks.base import Finding, UnitText
from compare.checks.context import split_apparatus
from compare.checks.meaning import MeaningCheck
from compare.checks.numbers import NumbersCheck
from compare.checks.omission import OmissionCheck
from compare.checks.run import unit_texts
from compare.checks.structure import MissingPartsCheck, fold_missing_parts
from compare.corpus import load_corpus
from compare.embed import load_encoder
from compare.readers.structure import numbering

LANGS = ("kk", "ru")
# The checks whose finding an injected drift should raise.
EXPECTED = {
    "subpoint": ("structure", "omission"),
    "number": ("numbers", "structure"),
    "clause": ("omission",),
    "term": ("meaning",),
    "negation": ("meaning",),
}
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


def run_checks(checks, laws: dict[int, list[UnitText]]) -> dict[tuple[int, int], list[Finding]]:
    """Findings of all checks by (law, unit), findings inside a missing part folded into it."""
    found: dict[tuple[int, int], list[Finding]] = {}
    for g, units in laws.items():
        findings = [f for check in checks for f in check.run(units)]
        for f in fold_missing_parts(findings, units):
            found.setdefault((g, f.unit), []).append(f)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smallest", type=int, default=8, help="the N smallest laws")
    parser.add_argument("--split", choices=("tune", "report", "all"), default="report")
    parser.add_argument("--rate", type=float, default=0.05, help="share of units injected")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--kinds", nargs="*", default=list(EXPECTED), help="kinds to inject")
    args = parser.parse_args()
    require(LAWS, "bench/laws_drift.py")
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
    laws = {}
    for g, (name, kk, ru, _) in enumerate(chosen):
        corpus = load_corpus([kk, ru])
        units, _notes = split_apparatus(unit_texts(align_group(corpus, corpus.groups[0], encoder)))
        laws[g] = list(units)
        print(f"law {g}: {name}, {len(units)} units", flush=True)
    words = {
        (g, lang): [w for u in units for w in re.findall(r"\b[^\W\d_]{6,}\b", u.texts[lang])]
        for g, units in laws.items()
        for lang in LANGS
    }
    # A replaced term comes from another law.
    pools = {(g, lang): words[((g + 1) % len(laws), lang)] for g, lang in words}
    print(f"{'kind':10} {'units':>6} {'recall own':>11} {'recall major':>13} {'precision':>10}")
    for kind in args.kinds:
        began = time.perf_counter()
        groups, done = inject(laws, kind, args.rate, args.seed, pools)
        s = score(EXPECTED[kind], run_checks(checks, groups), done, groups)
        print(
            f"{kind:10} {s['n']:6} {s['recall_own']:11.3f} {s['recall_major']:13.3f} "
            f"{s['precision']:10.3f}   untouched with major {s['untouched_major']:.4f} "
            f"({time.perf_counter() - began:.0f} s)",
            flush=True,
        )


if __name__ == "__main__":
    main()
