"""Whether the confidence a word check prints is the share of such findings real (a script).

Two populations, both from the official kk/ru laws (bench/laws.py; laws alternate by size
between a tune half, to choose the calibration on, and a report half, to verify it on):

--check gap (the default), replaced or uniformity (with the opt-in word checks on, as
--word-checks runs it).

- untouched: every law of the half as `tilmash check` checks it. Each law is its own official
  translation, so a finding is real only where the version named truly lacks the words; a
  seeded sample stratified by printed confidence is printed with both versions of its unit, to
  read and label real or noise (a CSV `law,unit,lang,real`, kept outside the repository);
  --labels then prints, per confidence band, the printed mean against the share read real.
- --drift: the 12 smallest laws' half with drift injected into one unit in twenty
  (bench/laws_drift.py, --seed: for gap a comma-delimited clause dropped, for replaced a
  content word replaced by one from another law; for uniformity two terms per law and
  language rendered otherwise in two of their units), checked the same way; a finding on an
  injected unit naming the injected version is real, any other is counted noise (the readings
  of the untouched laws bear that out).
Both print, per band of printed confidence and per the features the check calibrates on
(gap: version shorter, concepts lacking; replaced, uniformity: FEATURES below), the findings
and the share real: the counts its CALIBRATION is made of.
Data: ../shared/data, never copied.
Usage: python3 bench/word_confidence.py --half tune|report [--check gap|replaced|uniformity]
[--drift] [--sample 40] [--seed 0]
[--labels FILE] [--dump FILE]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
from collections import Counter
from pathlib import Path

from drift import pointed
from laws import LAWS, half, pairs
from laws_drift import inject, read_laws, rendered, run_checks, term_pools

from realdata import require

from compare.corpus import load_corpus
from compare.embed import load_encoder
from compare.profile import Profile
from compare.report import build_report

BANDS = (0.0, 0.3, 0.5, 0.7, 0.9, 1.01)  # bands of printed confidence
DRIFT_LAWS = 12  # the smallest laws the drift run reads, as in the README's laws_drift rows
# The drift each check is measured on.
INJECTED = {"gap": "clause", "replaced": "term", "uniformity": "rendering"}
# The features a check's confidence is calibrated on, read from its findings' details.
FEATURES = {
    "gap": ("shorter", "lacking"),
    "replaced": ("intruder", "stand_in"),
    "uniformity": ("alone", "unmatched"),
}


def band(confidence: float) -> int:
    """The index of the band `confidence` falls in."""
    return next(i for i in range(len(BANDS) - 1) if confidence < BANDS[i + 1])


def row(law: str, finding, texts: dict[str, str], real: bool | None = None) -> dict:
    """One finding as the script reads it."""
    features = {k: finding.details.get(k) for k in FEATURES[finding.check]}
    return {
        "features": tuple(min(v, 4) if isinstance(v, int) else v for v in features.values()),
        "law": law,
        "unit": finding.unit,
        "lang": finding.details["lang"],
        "confidence": finding.confidence,
        "message": finding.message,
        "details": dict(finding.details),
        "real": real,
        "texts": texts,
    }


def untouched(chosen, encoder, check: str) -> list[dict]:
    """Every finding of `check` on the chosen laws, unchanged."""
    out = []
    for name, kk, ru, _ in chosen:
        report = build_report(load_corpus([kk, ru]), encoder, words=check != "gap")
        units = report.data.sections[0].alignment.units
        for f in report.findings:
            if f.check == check:
                unit = units[f.unit]
                out.append(row(name, f, {k: unit.text(k) for k in unit.passages}))
    return out


def drifted(chosen, encoder, seed: int, check: str) -> list[dict]:
    """Every finding of `check` on the chosen laws with its drift injected, labelled real or
    noise."""
    read = read_laws(chosen, encoder)
    laws = {g: law.units for g, law in read.items()}
    pools = term_pools(laws)
    if INJECTED[check] == "rendering":
        groups, done = rendered(laws, seed, pools)
    else:
        groups, done = inject(laws, INJECTED[check], 0.05, seed, pools)
    found = run_checks(encoder, read, groups, Profile(None), check != "gap")
    hit = {(d.group, d.unit): d.lang for d in done}
    texts = {(g, u.unit): u.texts for g, us in groups.items() for u in read[g].with_units(us)}
    return [
        row(chosen[g][0], f, dict(texts[(g, u)]), hit.get((g, u)) in pointed(f))
        for (g, u), fs in found.items()
        for f in fs
        if f.check == check
    ]


def sample(rows: list[dict], n: int, seed: int) -> list[dict]:
    """A seeded sample of `n` rows, as even across the bands as they allow."""
    rng = random.Random(seed)
    by_band: dict[int, list[dict]] = {}
    for r in rows:
        by_band.setdefault(band(r["confidence"]), []).append(r)
    for rs in by_band.values():
        rng.shuffle(rs)
    picked: list[dict] = []
    while len(picked) < n and any(by_band.values()):
        for b in sorted(by_band):
            if by_band[b] and len(picked) < n:
                picked.append(by_band[b].pop())
    return picked


def table(rows: list[dict], title: str, key) -> None:
    """Per value of `key`: findings, printed mean, share real (rows with a label)."""
    print(f"{title:14} {'n':>5} {'printed':>8} {'real':>6}")
    groups: dict[object, list[dict]] = {}
    for r in rows:
        if r["real"] is not None:
            groups.setdefault(key(r), []).append(r)
    for value, rs in sorted(groups.items()):
        printed = sum(r["confidence"] for r in rs) / len(rs)
        real = sum(r["real"] for r in rs) / len(rs)
        print(f"{value!s:14} {len(rs):5} {printed:8.2f} {real:6.2f}")


def labelled(rows: list[dict], labels: Path) -> None:
    """Sets `real` as read on the rows a reading labelled, and leaves the others unlabelled
    (the tables then count the findings read only)."""
    with labels.open(encoding="utf-8") as handle:
        read = {
            (r["law"], int(r["unit"]), r["lang"]): r["real"] == "1" for r in csv.DictReader(handle)
        }
    for r in rows:
        r["real"] = read.get((r["law"], r["unit"], r["lang"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("tune", "report"), required=True)
    parser.add_argument("--check", choices=tuple(INJECTED), default="gap")
    parser.add_argument("--drift", action="store_true", help="drift injected, labelled by it")
    parser.add_argument("--sample", type=int, default=0, help="print N findings to read")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--labels", type=Path, help="CSV law,unit,lang,real of readings")
    parser.add_argument("--dump", type=Path, help="write every finding as JSON lines here")
    args = parser.parse_args()
    require(LAWS, "bench/word_confidence.py")
    encoder = load_encoder()
    if args.drift:
        chosen = pairs(LAWS)[:DRIFT_LAWS][(args.half == "report") :: 2]
        rows = drifted(chosen, encoder, args.seed, args.check)
    else:
        chosen = [r for i, r in enumerate(pairs(LAWS)) if half(i) == args.half]
        rows = untouched(chosen, encoder, args.check)
    if args.labels:
        labelled(rows, args.labels)
    if args.dump:
        args.dump.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    counts = Counter(band(r["confidence"]) for r in rows)
    per_band = [counts[b] for b in range(len(BANDS) - 1)]
    print(f"{len(rows)} {args.check} findings; per band from {BANDS[:-1]}: {per_band}")
    print(f"at >= 0.9: {sum(r['confidence'] >= 0.9 for r in rows)}")
    table(rows, "band", lambda r: f"{BANDS[band(r['confidence'])]:.1f}+")
    table(rows, ",".join(FEATURES[args.check]), lambda r: r["features"])
    for r in sample(rows, args.sample, args.seed):
        print(
            f"\n== {r['law']},{r['unit']},{r['lang']} conf {r['confidence']:.2f} "
            f"{dict(zip(FEATURES[args.check], r['features'], strict=True))} real {r['real']}"
        )
        print(f"  {r['message']}")
        for key, text in r["texts"].items():
            print(f"  [{key}] {text[:700]}")


if __name__ == "__main__":
    main()
