"""Drift checks on real translations with drift injected: NTREX-128 kk/ru/en (a script, not a test).

Each NTREX line triple is one unit and each document one group. Into one language of a seeded
sample of units one kind of drift is injected at a time: (a) swap: the sentence is replaced by a
neighbouring sentence of the same document; (b) number: a digit or a month name is changed;
(c) clause: a comma-delimited clause or a parenthetical of three words or more is dropped;
(d) term: a content word is replaced by a long word from a sentence of another document.
All checks run on every group; per kind the script prints recall (the injected unit gets a flag
of the kind's own check / any major flag), precision (the share of flags on injected units that
name the injected language) and the share of untouched units with a major flag. Documents are
split into a dev half (for tuning) and a test half (reported by default).

--lexicon adds the checks that read a lexicon learned from all the documents checked (drifted
ones included; compare.lexicon.learn): each kind gets a second row with them, and a line on
their own flags and on the time learning takes against embedding the same texts (estimated
from an uncached encoder on a sample). --dix adds Apertium dictionaries to the learned lexicon.

A second table runs the meaning and omission checks on two independent Kazakh translations of
the same English (WMT19 en-kk against NTREX kk, with en), where every flag is a real difference
between honest translations or a false alarm; --show N prints a sample of them.
Data: ../shared/data, never copied. Usage: python3 bench/drift.py [--split dev|test|all]
[--rate 0.1] [--seed 0] [--show 10] [--kinds term clause] [--lexicon] [--dix FILE.dix ...]
[--no-words] (without the word-alignment check; a line per kind gives its own flags and all)
"""

from __future__ import annotations

import argparse
import random
import re
import time
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

from realdata import DATA, NTREX, NTREX_FILES, ntrex_documents, require

from compare.checks.base import Check, Finding, UnitText
from compare.checks.context import GroupUnits
from compare.checks.gaps import GapCheck
from compare.checks.meaning import MeaningCheck
from compare.checks.numbers import NumbersCheck
from compare.checks.omission import OmissionCheck
from compare.checks.replaced import ReplacedWordCheck
from compare.checks.wordalign import WordAlignCheck
from compare.embed import load_encoder
from compare.lexicon.apertium import read_dictionaries
from compare.lexicon.learn import Lexicon, learn, unit_bags

WMT_KK = DATA / "wmt19_newstest_kk_en" / "en-kk" / "newstest2019.kk"
WMT_MAP = DATA / "wmt19_newstest_kk_en" / "en-kk" / "DERIVED_line_map_to_NTREX.tsv"
LANGS = tuple(NTREX_FILES)
# The checks whose kind of finding an injected drift should raise.
EXPECTED = {
    "swap": ("meaning",),
    "number": ("numbers",),
    "clause": ("omission", "gap", "wordalign"),
    "term": ("meaning", "replaced"),
}
LEXICON_CHECKS = ("replaced", "gap")
EMBED_SAMPLE = 150  # texts embedded without the cache to estimate the embedding time
_CLAUSE = re.compile(r",\s+[^,()]+?(?=,)|\s*\([^()]+\)|,\s+[^,()]+?(?=\.$)")
_WORD = re.compile(r"\b[^\W\d_]{6,}\b")
_DIGIT = re.compile(r"\d")
_MONTHS = {
    "en": "January February March April May June July August September October November December",
    "ru": "январ феврал март апрел ма июн июл август сентябр октябр ноябр декабр",
}


@dataclass(frozen=True)
class Injection:
    """One drifted unit: which group and unit, which language, what was done."""

    group: int
    unit: int
    lang: str
    kind: str


Injector = Callable[[list[str], int, str, random.Random, list[str]], str | None]


def swap(
    sentences: list[str], i: int, lang: str, rng: random.Random, pool: list[str]
) -> str | None:
    """A neighbouring sentence of the same document in place of this one."""
    options = [j for j in (i - 1, i + 1) if 0 <= j < len(sentences)]
    return sentences[rng.choice(options)] if options else None


def number(
    sentences: list[str], i: int, lang: str, rng: random.Random, pool: list[str]
) -> str | None:
    """One digit changed, or (without digits) one month name replaced by another."""
    text = sentences[i]
    digits = [m.start() for m in _DIGIT.finditer(text)]
    if digits:
        at = rng.choice(digits)
        new = rng.choice([d for d in "0123456789" if d != text[at]])
        return text[:at] + new + text[at + 1 :]
    stems = _MONTHS.get(lang, "").split()
    for n, stem in enumerate(stems):
        found = re.search(rf"\b{stem}", text, flags=re.IGNORECASE)
        if found and (stem != "ма" or re.match(r"ма[йяею]\b", text[found.start() :])):
            other = stems[(n + rng.randrange(1, 12)) % 12]
            if stem == "ма" or other == "ма":
                continue  # "мая" and "март" inflect differently
            other = other.capitalize() if found[0][0].isupper() else other
            return text[: found.start()] + other + text[found.end() :]
    return None


def clause(
    sentences: list[str], i: int, lang: str, rng: random.Random, pool: list[str]
) -> str | None:
    """A comma-delimited clause or a parenthetical of three words or more taken out."""
    text = sentences[i]
    found = [m for m in _CLAUSE.finditer(text) if len(m[0].split()) >= 3]
    if not found:
        return None
    cut = rng.choice(found)
    rest = text[: cut.start()] + text[cut.end() :]
    return rest if len(rest.split()) >= 4 else None


def term(
    sentences: list[str], i: int, lang: str, rng: random.Random, pool: list[str]
) -> str | None:
    """A lower-case word of six letters or more replaced by one from another document."""
    text = sentences[i]
    words = [m for m in _WORD.finditer(text) if m[0].islower()]
    if not words:
        return None
    old = rng.choice(words)
    new = rng.choice([w for w in pool if w.lower() != old[0].lower()])
    return text[: old.start()] + new + text[old.end() :]


INJECTORS: dict[str, Injector] = {"swap": swap, "number": number, "clause": clause, "term": term}


def split_documents(count: int, seed: int) -> dict[str, list[int]]:
    """Document indices of the dev and test halves, fixed by the seed."""
    order = list(range(count))
    random.Random(seed).shuffle(order)
    return {"dev": sorted(order[: count // 2]), "test": sorted(order[count // 2 :])}


def make_units(texts: dict[str, list[str]]) -> list[UnitText]:
    keys = list(texts)
    n = len(texts[keys[0]])
    return [UnitText(i, {k: texts[k][i] for k in keys}, {k: (i,) for k in keys}) for i in range(n)]


def inject(
    docs: dict[str, list[list[str]]], groups: list[int], kind: str, rate: float, seed: int
) -> tuple[dict[int, list[UnitText]], list[Injection]]:
    """The groups with `kind` injected into a seeded sample of units (at least one per group)."""
    rng = random.Random(f"{seed}:{kind}")
    pools = {
        lang: [m[0] for g, doc in enumerate(docs[lang]) for s in doc for m in _WORD.finditer(s)]
        for lang in LANGS
    }
    out, done = {}, []
    for g in groups:
        texts = {lang: list(docs[lang][g]) for lang in LANGS}
        n = len(texts["en"])
        wanted = max(1, round(rate * n))
        for i in rng.sample(range(n), n):
            if wanted == 0:
                break
            lang = rng.choice(LANGS)
            new = INJECTORS[kind](docs[lang][g], i, lang, rng, pools[lang])
            if new and new != texts[lang][i]:
                texts[lang][i] = new
                done.append(Injection(g, i, lang, kind))
                wanted -= 1
        out[g] = GroupUnits(make_units(texts))
    return out, done


def pointed(finding: Finding) -> set[str]:
    """The languages a finding names as the one to fix (all its languages when it cannot tell)."""
    named = finding.details.get("lang")
    if isinstance(named, str):
        return {named}
    values = finding.details.get("values")
    if isinstance(values, dict) and len(values) > 1:
        counts = {v: list(values.values()).count(v) for v in values.values()}
        least = min(counts.values())
        if least < max(counts.values()):
            return {k for k, v in values.items() if counts[v] == least}
    return set(finding.langs)


def run_checks(
    checks: Sequence[Check], groups: dict[int, list[UnitText]]
) -> dict[tuple[int, int], list[Finding]]:
    """Findings of all checks by (group, unit)."""
    found: dict[tuple[int, int], list[Finding]] = {}
    for g, units in groups.items():
        for check in checks:
            for f in check.run(units):
                found.setdefault((g, f.unit), []).append(f)
    return found


def score(
    expected: Collection[str],
    found: dict[tuple[int, int], list[Finding]],
    done: list[Injection],
    groups,
) -> dict[str, float]:
    """Recall (the `expected` checks, any major), precision of flags on injected units (the
    share naming the injected language), untouched major rate."""
    hit = {(d.group, d.unit): d for d in done}
    own = sum(any(f.check in expected for f in found.get(key, [])) for key in hit)
    major = sum(any(f.severity == "major" for f in found.get(key, [])) for key in hit)
    flags = [(f, hit[key].lang) for key in hit for f in found.get(key, [])]
    right = sum(lang in pointed(f) for f, lang in flags)
    untouched = [
        (g, u.unit) for g, units in groups.items() for u in units if (g, u.unit) not in hit
    ]
    false_major = sum(any(f.severity == "major" for f in found.get(key, [])) for key in untouched)
    by_check = {
        name: sum(
            any(f.severity == "major" and f.check == name for f in found.get(key, []))
            for key in untouched
        )
        / max(len(untouched), 1)
        for name in sorted({f.check for fs in found.values() for f in fs})
    }
    return {
        "n": len(hit),
        "recall_own": own / max(len(hit), 1),
        "recall_major": major / max(len(hit), 1),
        "precision": right / max(len(flags), 1),
        "flags": len(flags),
        "untouched_major": false_major / max(len(untouched), 1),
        "untouched_by_check": by_check,
    }


def lexicon_score(
    found: dict[tuple[int, int], list[Finding]],
    done: list[Injection],
    groups,
    checks: Collection[str] | None = LEXICON_CHECKS,
) -> dict[str, float]:
    """Some checks (`checks`, None: all) alone: recall, precision on injected units, untouched
    units flagged."""
    hit = {(d.group, d.unit): d for d in done}
    mine = {
        key: [f for f in fs if checks is None or f.check in checks] for key, fs in found.items()
    }
    flags = [(f, hit[key].lang) for key in hit for f in mine.get(key, [])]
    untouched = sum(len(units) for units in groups.values()) - len(hit)
    flagged = sum(1 for key, fs in mine.items() if fs and key not in hit)
    return {
        "recall": sum(bool(mine.get(key)) for key in hit) / max(len(hit), 1),
        "precision": sum(lang in pointed(f) for f, lang in flags) / max(len(flags), 1),
        "flags": len(flags),
        "untouched_flagged": flagged / max(untouched, 1),
    }


def learn_run(groups: dict[int, list[UnitText]], known: Lexicon | None) -> tuple[Lexicon, float]:
    """The lexicon learned from every unit of the run, and the seconds it took."""
    began = time.perf_counter()
    lexicon = learn(unit_bags(u for units in groups.values() for u in units), known)
    return lexicon, time.perf_counter() - began


def embedding_seconds(groups: dict[int, list[UnitText]], seed: int) -> float:
    """Seconds to embed every text of the run without the cache, from a sample of EMBED_SAMPLE."""
    texts = [t for units in groups.values() for u in units for t in u.texts.values()]
    sample = random.Random(seed).sample(texts, min(EMBED_SAMPLE, len(texts)))
    encoder = load_encoder(use_cache=False)
    began = time.perf_counter()
    encoder.encode(sample)
    return (time.perf_counter() - began) * len(texts) / len(sample)


def wmt_units() -> dict[int, list[UnitText]]:
    """WMT19 en-kk Kazakh ("kk-wmt") against NTREX Kazakh and English, grouped by document."""
    wmt = WMT_KK.read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in WMT_MAP.read_text(encoding="utf-8").splitlines()[1:]]
    ntrex = {lang: [s for doc in ntrex_documents(lang) for s in doc] for lang in ("kk", "en")}
    groups: dict[str, list[UnitText]] = {}
    for wmt_line, ntrex_line, doc in rows:
        i, j = int(wmt_line) - 1, int(ntrex_line) - 1
        texts = {"kk": ntrex["kk"][j], "kk-wmt": wmt[i], "en": ntrex["en"][j]}
        group = groups.setdefault(doc, [])
        group.append(UnitText(len(group), texts, {k: (j,) for k in texts}))
    return dict(enumerate(groups.values()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test", "all"), default="test")
    parser.add_argument("--rate", type=float, default=0.1, help="share of units injected")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--show", type=int, default=0, help="print this many WMT19 flags")
    parser.add_argument(
        "--kinds",
        nargs="+",
        choices=list(INJECTORS),
        default=list(INJECTORS),
        help="kinds of drift to inject (default: all)",
    )
    parser.add_argument("--no-wmt", action="store_true", help="skip the WMT19 table")
    parser.add_argument(
        "--no-words", action="store_true", help="without the word-alignment check (wordalign)"
    )
    parser.add_argument("--lexicon", action="store_true", help="add the lexicon checks")
    parser.add_argument(
        "--lexicon-only",
        action="store_true",
        help="run only the lexicon checks (no embedding; for comparing lexicons quickly)",
    )
    parser.add_argument(
        "--dix", nargs="+", type=Path, default=[], help="Apertium dictionaries for the lexicon"
    )
    args = parser.parse_args()
    require(NTREX, "bench/drift.py")
    encoder = load_encoder()
    checks = [MeaningCheck(encoder), OmissionCheck(encoder), NumbersCheck()]
    if not args.no_words:
        checks.append(WordAlignCheck(encoder))
    if args.lexicon_only:
        checks = []
    docs = {lang: ntrex_documents(lang) for lang in LANGS}
    halves = split_documents(len(docs["en"]), args.seed)
    chosen = halves["dev"] + halves["test"] if args.split == "all" else halves[args.split]

    known = read_dictionaries(args.dix) if args.dix else None

    console = Console()
    table = Table(title=f"Injected drift, NTREX-128 {args.split} documents ({len(chosen)})")
    for column in ("kind", "units", "recall (own check)", "recall (any major)", "precision"):
        table.add_column(column, justify="right")
    table.add_column("flags on injected", justify="right")
    table.add_column("untouched with major", justify="right")
    table.add_column("of which by check")
    notes = []
    for kind in args.kinds:
        began = time.perf_counter()
        groups, done = inject(docs, chosen, kind, args.rate, args.seed)
        found = run_checks(checks, groups)
        rows = [(kind, found)]
        for name, named in (("wordalign", ("wordalign",)), ("any check", None)):
            if named is None or not args.no_words:
                mine = lexicon_score(found, done, groups, named)
                notes.append(
                    f"{kind}: {name}: recall {mine['recall']:.3f}, precision "
                    f"{mine['precision']:.3f} ({mine['flags']} flags), untouched units flagged "
                    f"(any severity) {mine['untouched_flagged']:.3f}"
                )
        if args.lexicon or args.lexicon_only or known:
            lexicon, learned = learn_run(groups, known)
            more = run_checks([ReplacedWordCheck(lexicon), GapCheck(lexicon)], groups)
            both = {
                key: found.get(key, []) + more.get(key, []) for key in found.keys() | more.keys()
            }
            rows.append((f"{kind} + lexicon", both))
            own = lexicon_score(both, done, groups)
            notes.append(
                f"{kind}: lexicon checks alone: recall {own['recall']:.3f}, precision "
                f"{own['precision']:.3f} ({own['flags']} flags), untouched units flagged "
                f"(any severity) {own['untouched_flagged']:.3f}; lexicon of {len(lexicon)} "
                f"entries learned in {learned:.1f} s"
            )
        for name, result in rows:
            s = score(EXPECTED[kind], result, done, groups)
            table.add_row(
                f"{name} ({'/'.join(EXPECTED[kind])})",
                str(s["n"]),
                f"{s['recall_own']:.3f}",
                f"{s['recall_major']:.3f}",
                f"{s['precision']:.3f}",
                str(s["flags"]),
                f"{s['untouched_major']:.3f}",
                ", ".join(f"{n} {rate:.3f}" for n, rate in s["untouched_by_check"].items()),
            )
        console.log(f"{kind}: {time.perf_counter() - began:.0f} s")
    if args.lexicon or args.lexicon_only or known:
        notes.append(
            f"embedding the run's texts without the cache: about "
            f"{embedding_seconds(groups, args.seed):.0f} s (from {EMBED_SAMPLE} texts)"
        )
    console.print(table)
    for note in notes:
        console.print(note, highlight=False)
    if WMT_KK.exists() and not args.no_wmt:
        wmt_report(console, encoder, args.show, args.seed)


def wmt_report(console: Console, encoder, show: int, seed: int) -> None:
    """How many units two honest Kazakh translations get flagged, and a sample to judge."""
    langs = {"kk": "kk", "kk-wmt": "kk", "en": "en"}
    checks = [MeaningCheck(encoder, langs=langs), OmissionCheck(encoder, langs=langs)]
    groups = wmt_units()
    found = run_checks(checks, groups)
    total = sum(len(units) for units in groups.values())
    flagged = [key for key, fs in found.items() if fs]
    major = [key for key, fs in found.items() if any(f.severity == "major" for f in fs)]
    for check in checks:
        units = {key for key, fs in found.items() if any(f.check == check.name for f in fs)}
        console.print(f"  {check.name}: {len(units)} units flagged")
    console.print(
        f"WMT19 kk vs NTREX kk (+en): {total} units in {len(groups)} documents; "
        f"flagged {len(flagged)} ({len(flagged) / total:.1%}), "
        f"major {len(major)} ({len(major) / total:.1%})"
    )
    for g, u in random.Random(seed).sample(sorted(flagged), min(show, len(flagged))):
        console.print(f"\n[bold]doc {g} unit {u}[/bold]")
        for key, text in groups[g][u].texts.items():
            console.print(f"  {key}: {text}", highlight=False)
        for f in found[(g, u)]:
            console.print(f"  -> [{f.severity} {f.confidence}] {f.message}", highlight=False)


if __name__ == "__main__":
    main()
