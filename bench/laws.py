"""Findings on official kk/ru law texts from adilet.zan.kz (a script, not a test).

Each pair in ../shared/data/adilet_laws_kk_ru is one law in its two official languages, so
every finding on it is either noise or a real slip of the official translation. Prints, per
pair and overall, majors and minors per 1,000 words (words: the mean of the two files'
whitespace-separated words) and the seconds each pair took; the issue's bar is at most 0.5
major per 1,000 words overall. Findings about editorial apparatus (notes with no counterpart)
and articles whose notes show the languages at different editions are counted in their own
column, not as drift. Laws alternate by size between a tune half
(even positions, smallest first) and a report half (odd positions), as in bench/laws_drift.py:
thresholds are tuned on the first and reported on the second; the totals are printed per half.
Data: ../shared/data, never copied.
`--sure 0.9` also prints every other finding printed at that confidence or more, to read how
often such confidence is borne out.
Usage: python3 bench/laws.py [--half tune|report] [--smallest N] [--only NAME ...] [--show N]
[--sure C] [--data FOLDER]
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from realdata import DATA, require

from compare.corpus import load_corpus
from compare.embed import load_encoder
from compare.report import build_report

LAWS = DATA / "adilet_laws_kk_ru"
APPARATUS_CHECKS = frozenset({"apparatus", "edition"})
HALVES = ("tune", "report")


def half(position: int) -> str:
    """The half a law belongs to by its position in size order (smallest first)."""
    return HALVES[position % 2]


def pairs(folder: Path) -> list[tuple[str, Path, Path, float]]:
    """(name, kk file, ru file, words) for every law with both languages, smallest first."""
    out = []
    for kk in sorted(folder.glob("*.kk.txt")):
        name = kk.name.removesuffix(".kk.txt")
        ru = folder / f"{name}.ru.txt"
        if ru.is_file():
            words = sum(len(p.read_text(encoding="utf-8").split()) for p in (kk, ru)) / 2
            out.append((name, kk, ru, words))
    return sorted(out, key=lambda row: row[3])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=LAWS, help="folder of <law>.kk/ru.txt pairs")
    parser.add_argument("--smallest", type=int, default=0, help="only the N smallest laws")
    parser.add_argument("--only", nargs="*", default=[], help="only these laws (file stems)")
    parser.add_argument("--show", type=int, default=0, help="print majors of each law, up to N")
    parser.add_argument("--half", choices=HALVES, help="only the laws of one half")
    parser.add_argument("--sure", type=float, help="also print findings at this confidence or more")
    args = parser.parse_args()
    require(args.data, "bench/laws.py")
    chosen = [(half(i), *row) for i, row in enumerate(pairs(args.data))]
    if args.half:
        chosen = [row for row in chosen if row[0] == args.half]
    if args.only:
        chosen = [row for row in chosen if row[1] in args.only]
    if args.smallest:
        chosen = chosen[: args.smallest]
    encoder = load_encoder()
    totals: dict[str, Counter[str]] = {}
    print(
        f"{'law':42} {'half':6} {'words':>7} {'major/1k':>9} {'minor/1k':>9} {'notes':>6} {'s':>6}"
    )
    for part, name, kk, ru, words in chosen:
        began = time.perf_counter()
        report = build_report(load_corpus([kk, ru]), encoder)
        seconds = time.perf_counter() - began
        majors = [f for f in report.findings if f.severity == "major"]
        majors = [f for f in majors if f.check not in APPARATUS_CHECKS]
        sure = [f for f in report.findings if args.sure is not None and f.confidence >= args.sure]
        counts = Counter(
            "apparatus" if f.check in APPARATUS_CHECKS else f.severity for f in report.findings
        )
        counts.update(words=round(words), sure=len(sure), laws=1)
        for key in (part, "all"):
            totals.setdefault(key, Counter()).update(counts)
        print(
            f"{name:42} {part:6} {words:7.0f} {1000 * counts['major'] / words:9.2f} "
            f"{1000 * counts['minor'] / words:9.2f} {counts['apparatus']:6} {seconds:6.0f}",
            flush=True,
        )
        units = report.data.sections[0].alignment.units
        shown = majors[: args.show]
        for finding in shown + [f for f in sure if f not in shown]:
            unit = units[finding.unit]
            print(
                f"  {finding.check} {finding.severity} {finding.confidence:.2f} "
                f"unit {finding.unit}: {finding.message}"
            )
            for key in unit.passages:
                labels = {p.label for p in unit.passages[key]}
                print(f"    {key} {sorted(map(str, labels))}: {unit.text(key)[:300]}")
    for key, total in totals.items():
        label = f"{key} ({total['laws']} laws)"
        print(
            f"{label:42} {'':6} {total['words']:7} "
            f"{1000 * total['major'] / total['words']:9.2f} "
            f"{1000 * total['minor'] / total['words']:9.2f} {total['apparatus']:6}"
            + (f"  {total['sure']} at >= {args.sure}" if args.sure is not None else "")
        )


if __name__ == "__main__":
    main()
