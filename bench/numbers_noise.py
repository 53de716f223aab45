"""How often the numbers check flags honest translations: NTREX-128 kk/ru/en (a script, not a test).

Each of the 1,997 line triples is one unit. The translations are professional, so a flag is
either extraction noise or a real change made by the translator (a unit converted to metric, a
number dropped). Prints the share of triples with any flag, flags by severity and kind, and with
--show N a random sample of flagged triples to judge by hand. Data: ../shared/data, never copied.
Usage: python3 bench/numbers_noise.py [--show 20] [--seed 0]
"""

from __future__ import annotations

import argparse
import random
import time
from collections import Counter

from realdata import NTREX, NTREX_FILES, ntrex_lines, require

from compare.checks.base import UnitText
from compare.checks.numbers import NumbersCheck


def load_units() -> list[UnitText]:
    lines = {lang: ntrex_lines(lang) for lang in NTREX_FILES}
    count = len(lines["en"])
    assert all(len(v) == count for v in lines.values()), "files are not line-parallel"
    return [
        UnitText(
            i, {lang: lines[lang][i] for lang in NTREX_FILES}, {lang: (i,) for lang in NTREX_FILES}
        )
        for i in range(count)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="print this many flagged triples")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    require(NTREX, "bench/numbers_noise.py")
    units = load_units()
    began = time.perf_counter()
    findings = NumbersCheck().run(units)
    seconds = time.perf_counter() - began
    flagged = sorted({f.unit for f in findings})
    print(f"triples: {len(units)}, flagged: {len(flagged)} ({len(flagged) / len(units):.1%})")
    print(f"findings: {len(findings)} in {seconds:.2f} s")
    for (severity, kind), n in sorted(
        Counter((f.severity, f.details["kind"]) for f in findings).items()
    ):
        print(f"  {severity:5} {kind:8} {n}")
    majors = {f.unit for f in findings if f.severity == "major"}
    print(f"triples with a major flag: {len(majors)} ({len(majors) / len(units):.1%})")

    by_unit = {unit: [f for f in findings if f.unit == unit] for unit in flagged}
    for unit in random.Random(args.seed).sample(flagged, min(args.show, len(flagged))):
        print(f"\n#{unit}")
        for lang, text in units[unit].texts.items():
            print(f"  {lang}: {text}")
        for f in by_unit[unit]:
            print(f"  -> [{f.severity} {f.confidence:.2f}] {f.message}")


if __name__ == "__main__":
    main()
