"""The smallest adilet laws as one corpus, on one process and on a local Ray (a script, not a
test): wall time of each, Ray's start-up apart, their ratio, and whether the findings are
identical. Neither run uses the embedding cache, so both embed every passage; with --cached
both read it (fill it first, e.g. with bench/laws.py), which times aligning and checking the
groups as Ray tasks against one process, with vectors both sides read alike. With
--word-checks both runs learn one lexicon over all the laws and run the word checks too.
Data: ../shared/data/adilet_laws_kk_ru, never copied.
Usage: python3 bench/ray_corpus.py [--smallest 3] [--actors 2] [--batch 64] [--cached]
[--word-checks]
"""

from __future__ import annotations

import argparse
import dataclasses
import time
from collections import Counter
from functools import partial

from laws import LAWS, pairs

from realdata import require

from compare.checks.run import WORD_CHECKS
from compare.cluster import RayJob, RaySettings, check_groups_on_ray, connect
from compare.corpus import load_corpus
from compare.embed import load_encoder
from compare.report import build_report
from compare.writers.findings import findings_to_json


def findings_json(report) -> str:
    return findings_to_json(report.data.sections, report.data.signature)


def differences(here, there) -> str:
    """Per check, the findings only here, only on Ray, and on both but not equal (with the
    largest gap between their confidences)."""

    def keyed(report):
        return {(s.group, f.id, f.unit): f for s in report.data.sections for f in s.findings}

    one, two = keyed(here), keyed(there)
    counts: Counter[str] = Counter()
    gap = 0.0
    for key in one.keys() | two.keys():
        a, b = one.get(key), two.get(key)
        if a is None or b is None:
            counts[f"{(a or b).check} only {'here' if b is None else 'on Ray'}"] += 1
        elif a != b:
            fields = [
                f.name for f in dataclasses.fields(a) if getattr(a, f.name) != getattr(b, f.name)
            ]
            counts[f"{a.check} unequal in {'+'.join(fields)}"] += 1
            gap = max(gap, abs(a.confidence - b.confidence))
    listed = "; ".join(f"{what}: {n}" for what, n in sorted(counts.items())) or "none"
    return f"{listed} (confidences differ by up to {gap:.1e})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smallest", type=int, default=3, help="the N smallest laws")
    parser.add_argument("--actors", type=int, default=2, help="embedding actors on Ray")
    parser.add_argument("--batch", type=int, default=64, help="passages per batch on Ray")
    parser.add_argument("--word-checks", action="store_true", help="the word checks too")
    parser.add_argument("--cached", action="store_true", help="both runs read the cache")
    args = parser.parse_args()
    require(LAWS, "bench/ray_corpus.py")
    chosen = pairs(LAWS)[: args.smallest]
    corpus = load_corpus([f for _, kk, ru, _ in chosen for f in (kk, ru)], grouped_only=True)
    words = sum(row[3] for row in chosen)
    print(f"{len(corpus.groups)} laws, {words:,.0f} words per language, ", end="")
    print(f"{sum(len(d.passages) for d in corpus.documents.values()):,} passages")
    encoder = load_encoder(use_cache=args.cached)

    began = time.perf_counter()
    here = build_report(corpus, encoder, timelines=False, words=args.word_checks)
    one = time.perf_counter() - began
    print(f"one process: {one:.1f} s")

    settings = RaySettings(actors=args.actors, batch_size=args.batch)
    began = time.perf_counter()
    connect(settings)
    start = time.perf_counter() - began
    job = RayJob(partial(load_encoder, None, None, args.cached), settings)
    runner = partial(check_groups_on_ray, job=job)
    began = time.perf_counter()
    there = build_report(corpus, encoder, timelines=False, runner=runner, words=args.word_checks)
    on_ray = time.perf_counter() - began
    print(f"Ray start: {start:.1f} s; on Ray ({args.actors} actors, batch {args.batch}): ", end="")
    print(f"{on_ray:.1f} s, {(start + on_ray) / one:.2f}x one process with the start")
    print(f"({on_ray / one:.2f}x without it); groups failed: {len(there.data.failures)}")
    same = findings_json(here) == findings_json(there)
    print(f"findings: {len(here.findings)} here, {len(there.findings)} on Ray, identical: {same}")
    if not same:
        print(f"differences: {differences(here, there)}")
    if args.word_checks:
        named = {cls.name for cls in WORD_CHECKS}
        from_words = sum(f.check in named for f in here.findings)
        print(f"of them from the word checks: {from_words}; ", end="")
        print(f"lexicon: {len(here.lexicon)} entries here, {len(there.lexicon)} on Ray, ", end="")
        print(f"identical: {here.lexicon == there.lexicon}")


if __name__ == "__main__":
    main()
