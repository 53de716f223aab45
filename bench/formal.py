"""The formal checks against translate-toolkit's pofilter, and their false alarms on real text.

(a) The hand-written kk/ru/en paragraphs of tests/data/formal with their injected faults
(faults.tsv): tilmash's formal and numbers checks run on the three files; pofilter runs on
en→kk and en→ru PO files built with translate-toolkit's API (English is the source). A fault
counts as found when a flag of the matching kind is on its line in its language (tilmash: the
language at fault named first; pofilter: a test of the matching kind in a pair with that
language). Flags elsewhere are false alarms, also counted on the clean paragraphs.
(b) Formal findings per 1,000 words on untouched text: NTREX-128 kk/ru/en (line-parallel, one
unit per line, grouped by document) and the first lines of adilet laws kk/ru, aligned by
tilmash itself. With --show N a sample of flags per check is printed to judge by hand.
Data for (b): ../shared/data, never copied. Needs translate-toolkit (pip) for (a).
Usage: python3 bench/formal.py [--laws 3] [--lines 300] [--show 8] [--seed 0]
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from realdata import DATA, NTREX, ROOT, ntrex_documents, require

from compare.checks.base import Finding, UnitText
from compare.checks.context import GroupUnits
from compare.checks.formal import formal_checks
from compare.checks.numbers import NumbersCheck
from compare.checks.run import run_checks
from compare.lang.script import words

LANGS = ("kk", "ru", "en")
LAWS = DATA / "adilet_laws_kk_ru"
LAW_NAMES = ("law_on_advertising", "law_on_education", "law_on_digital_assets", "law_on_banks")
# pofilter tests that report each kind of injected fault.
POFILTER_TESTS = {
    "url": {"urls"},
    "email": {"emails"},
    "untranslated": {"untranslated", "unchanged"},
    "double space": {"doublespacing"},
    "final stop": {"endpunc"},
    "number": {"numbers"},
    "look-alike word": set(),
    "mixed word": set(),
    "space before": {"puncspacing", "endpunc"},
    "unbalanced": {"brackets"},
    "capital": {"startcaps"},
    "final mark": {"endpunc"},
    "spelling": {"spellcheck"},
}


def fault_corpus():
    """tests/formal_corpus.py, which reads the injected paragraphs for the tests too."""
    sys.path.insert(0, str(ROOT / "tests"))
    import formal_corpus

    return formal_corpus


def pofilter(units: Sequence[UnitText]) -> dict[tuple[str, int], set[str]]:
    """pofilter's failing tests per (target language, unit) for en→kk and en→ru."""
    from translate.storage import po

    failures: dict[tuple[str, int], set[str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for lang in ("kk", "ru"):
            store = po.pofile()
            store.setsourcelanguage("en")
            store.settargetlanguage(lang)
            for unit in units:
                entry = store.addsourceunit(unit.texts["en"])
                entry.target = unit.texts[lang]
                entry.addlocation(f"unit:{unit.unit}")
            source, out = Path(tmp) / f"en-{lang}.po", Path(tmp) / f"en-{lang}.out.po"
            source.write_bytes(bytes(store))
            subprocess.run(
                ["pofilter", f"--language={lang}", str(source), str(out)],
                check=True,
                capture_output=True,
            )
            if not out.exists():
                continue
            for entry in po.pofile(out.open("rb")).units:
                for location in entry.getlocations():
                    unit = int(location.split(":")[1])
                    tests = {
                        line.split(")", 1)[1].split(":")[0].strip()
                        for line in entry.getnotes("translator").splitlines()
                        if line.startswith("(pofilter)")
                    }
                    failures.setdefault((lang, unit), set()).update(tests)
    return failures


def tilmash(units: Sequence[UnitText]) -> list[Finding]:
    return run_checks(GroupUnits(units), [*formal_checks({}), NumbersCheck()])


def compare_with_pofilter() -> None:
    corpus = fault_corpus()
    faults = corpus.faults()
    faulty, clean = corpus.units_of("faulty"), corpus.units_of("clean")
    ours, theirs = tilmash(faulty), pofilter(faulty)
    print("(a) injected faults (tests/data/formal), found by tilmash / pofilter")
    kinds = list(dict.fromkeys(f["fault"] for f in faults))
    used: set[int] = set()
    pof_used: set[tuple[str, int, str]] = set()
    totals = Counter()
    for kind in kinds:
        rows = [f for f in faults if f["fault"] == kind]
        t_found = p_found = 0
        for f in rows:
            unit, lang = int(f["line"]) - 1, f["lang"]
            hits = [
                i
                for i, x in enumerate(ours)
                if (x.check, x.details.get("kind"), x.unit, x.langs[0])
                == (f["check"], f["finding"], unit, lang)
            ]
            used.update(hits)
            t_found += bool(hits)
            pairs = ("kk", "ru") if lang == "en" else (lang,)
            tests = {(p, unit, t) for p in pairs for t in theirs.get((p, unit), ())}
            matched = {x for x in tests if x[2] in POFILTER_TESTS[kind]}
            pof_used |= matched
            p_found += bool(matched)
        totals.update(tilmash=t_found, pofilter=p_found, all=len(rows))
        print(
            f"  {kind:16} {len(rows)}  tilmash {t_found}/{len(rows)}"
            f"  pofilter {p_found}/{len(rows)}"
        )
    print(
        f"  {'all':16} {totals['all']}  tilmash {totals['tilmash']}/{totals['all']}"
        f"  pofilter {totals['pofilter']}/{totals['all']}"
    )
    extra = [x for i, x in enumerate(ours) if i not in used]
    pof_extra = [
        (p, u, t) for (p, u), ts in theirs.items() for t in ts if (p, u, t) not in pof_used
    ]
    print(f"  other flags on the faulty files: tilmash {len(extra)}, pofilter {len(pof_extra)}")
    for x in extra:
        print(
            f"    tilmash {x.check}/{x.details.get('kind')} unit {x.unit + 1} {x.langs[0]}: "
            f"{x.message}"
        )
    for p, u, t in sorted(pof_extra):
        print(f"    pofilter en-{p} unit {u + 1}: {t}")
    clean_ours, clean_theirs = tilmash(clean), pofilter(clean)
    print(
        f"  flags on the clean files: tilmash {len(clean_ours)}, pofilter "
        f"{sum(map(len, clean_theirs.values()))}"
    )
    for x in clean_ours:
        print(f"    tilmash {x.check}/{x.details.get('kind')} unit {x.unit + 1}: {x.message}")
    for (p, u), ts in sorted(clean_theirs.items()):
        print(f"    pofilter en-{p} unit {u + 1}: {', '.join(sorted(ts))}")


def ntrex_groups() -> list[GroupUnits]:
    docs = {lang: ntrex_documents(lang) for lang in LANGS}
    groups, at = [], 0
    for d in range(len(docs["en"])):
        lines = {lang: docs[lang][d] for lang in LANGS}
        groups.append(
            GroupUnits(
                UnitText(at + i, {lang: lines[lang][i] for lang in LANGS}, {})
                for i in range(len(lines["en"]))
            )
        )
        at += len(lines["en"])
    return groups


def law_paragraphs(name: str, lang: str, lines: int) -> list[str]:
    """The paragraphs of a law's first lines. The files break a paragraph wherever the site had
    a link ("қолданысқа\nенгізіледі\n) Заңымен."); a paragraph starts indented or after a blank
    line, and a piece joins without a space after "(" or before a closing mark."""
    paragraphs: list[str] = []
    fresh = True
    for line in (LAWS / f"{name}.{lang}.txt").read_text("utf-8").splitlines()[:lines]:
        if not line.strip():
            fresh = True
            continue
        if fresh or line[0].isspace():
            paragraphs.append(line.strip())
        else:
            glue = "" if line.lstrip()[0] in ").,;:" or paragraphs[-1].endswith("(") else " "
            paragraphs[-1] = paragraphs[-1].rstrip() + glue + line.strip()
        fresh = False
    return paragraphs


def law_groups(count: int, lines: int) -> list[GroupUnits]:
    """The first `lines` lines of `count` laws in kk and ru, aligned by tilmash."""
    from compare.align.documents import align_documents
    from compare.checks.run import unit_texts
    from compare.corpus import load_document
    from compare.embed import load_encoder

    encoder = load_encoder()
    groups = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in LAW_NAMES[:count]:
            documents = []
            for lang in ("kk", "ru"):
                path = Path(tmp) / f"{name}.{lang}.txt"
                path.write_text("\n\n".join(law_paragraphs(name, lang, lines)), encoding="utf-8")
                documents.append(load_document(path, doc_id=lang, declared_lang=lang))
            groups.append(unit_texts(align_documents(documents, encoder)))
    return groups


def noise(title: str, groups: Sequence[GroupUnits], show: int, seed: int) -> None:
    checks = formal_checks({})
    began = time.perf_counter()
    found = [f for group in groups for f in run_checks(group, checks)]
    seconds = time.perf_counter() - began
    units = [u for g in groups for u in g]
    total = sum(len(words(t)) for u in units for t in u.texts.values())
    print(
        f"\n(b) {title}: {len(units)} units, {total:,} words, {len(found)} formal flags "
        f"({1000 * len(found) / total:.2f} per 1,000 words) in {seconds:.1f} s"
    )
    kinds = Counter((f.check, f.details.get("kind"), f.severity) for f in found)
    for (check, kind, severity), n in sorted(kinds.items()):
        by_lang = Counter(
            f.langs[0] for f in found if (f.check, f.details.get("kind")) == (check, kind)
        )
        print(
            f"  {check:12} {kind:20} {severity:5} {n:5}  {1000 * n / total:6.2f}/1000  "
            + " ".join(f"{k}:{v}" for k, v in sorted(by_lang.items()))
        )
    rng = random.Random(seed)
    flagged = [(f, group) for group in groups for f in run_checks(group, checks)]
    for check in dict.fromkeys(f.check for f in found):
        flags = [(f, g) for f, g in flagged if f.check == check]
        for f, group in rng.sample(flags, min(show, len(flags))):
            s = f.spans[0] if f.spans else None
            where = next(u for u in group if u.unit == f.unit).texts[s.lang] if s else ""
            context = where[max(s.start - 60, 0) : s.end + 60] if s else ""
            print(f"    [{check}] {f.message} | …{context}…")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--laws", type=int, default=3, help="how many adilet laws (0 to skip)")
    parser.add_argument("--lines", type=int, default=300, help="lines read from each law")
    parser.add_argument("--show", type=int, default=0, help="sample flags per check to print")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    compare_with_pofilter()
    require(NTREX, "bench/formal.py")
    noise("NTREX-128 kk/ru/en", ntrex_groups(), args.show, args.seed)
    if args.laws:
        require(LAWS, "bench/formal.py")
        groups = law_groups(args.laws, args.lines)
        noise(
            f"adilet laws kk/ru, first {args.lines} lines of {args.laws}",
            groups,
            args.show,
            args.seed,
        )


if __name__ == "__main__":
    main()
