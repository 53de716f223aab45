"""Bilingual files end to end: do findings land on the segment ids that hold the faults?

NTREX-128 documents are written, in a temporary folder, as the files translators deliver:
XLIFF 2.0 en→kk (one <unit> per line) and a TMX of en, kk and ru (one <tu> per line). Into a
seeded sample of segments a digit is changed in the kk text, and into another sample the kk
target is left empty. The files are then read, aligned and checked by tilmash's library path
(load_corpus, build_report) as `tilmash check` runs it. Printed per file kind: the injected
faults found on their own segment id (a numbers finding for a changed digit, an omission finding
for an empty target), findings of those two checks on untouched segments, and every finding per
1,000 untouched segments by check.
--show N prints the first N findings on untouched segments, to judge by hand.
Data: ../shared/data, never copied. Usage: python3 bench/bilingual.py [--docs 20] [--rate 0.08]
[--seed 0] [--show 10]
"""

from __future__ import annotations

import argparse
import random
import re
import tempfile
import time
from collections import Counter
from pathlib import Path
from xml.sax.saxutils import escape

from realdata import NTREX, ntrex_documents, require

from compare.corpus import load_corpus
from compare.embed import load_encoder
from compare.report import build_report

_DIGIT = re.compile(r"\d")


def xliff(doc: int, en: list[str], kk: list[str]) -> str:
    units = "".join(
        f'<unit id="d{doc}-{n}"><segment><source>{escape(s)}</source>'
        f"<target>{escape(t)}</target></segment></unit>\n"
        for n, (s, t) in enumerate(zip(en, kk, strict=True), start=1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="2.0" '
        'xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="kk">\n'
        f'<file id="f{doc}">\n{units}</file>\n</xliff>\n'
    )


def tmx(doc: int, texts: dict[str, list[str]]) -> str:
    units = "".join(
        f'<tu tuid="d{doc}-{n}">'
        + "".join(
            f'<tuv xml:lang="{lang}"><seg>{escape(lines[n - 1])}</seg></tuv>'
            for lang, lines in texts.items()
        )
        + "</tu>\n"
        for n in range(1, len(texts["en"]) + 1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="bench" '
        'creationtoolversion="1" segtype="sentence" o-tmf="none" adminlang="en" srclang="en" '
        f'datatype="plaintext"/>\n<body>\n{units}</body></tmx>\n'
    )


def inject(kk: list[str], doc: int, rate: float, rng: random.Random) -> dict[str, str]:
    """Change a digit in, or empty, a sample of kk lines (in place): {segment id: kind}."""
    faults = {}
    for n, text in enumerate(kk, start=1):
        roll = rng.random()
        digits = [m.start() for m in _DIGIT.finditer(text)]
        if roll < rate and digits:
            at = rng.choice(digits)
            kk[n - 1] = text[:at] + rng.choice([d for d in "0123456789" if d != text[at]])
            kk[n - 1] += text[at + 1 :]
            faults[f"d{doc}-{n}"] = "numbers"
        elif rate <= roll < 2 * rate:
            kk[n - 1] = ""
            faults[f"d{doc}-{n}"] = "omission"
    return faults


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20, help="NTREX documents to use")
    parser.add_argument("--rate", type=float, default=0.08, help="share of segments per fault")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--show", type=int, default=0, help="print this many stray findings")
    args = parser.parse_args()
    require(NTREX, "bench/bilingual.py")
    rng = random.Random(args.seed)
    docs = {lang: ntrex_documents(lang)[: args.docs] for lang in ("en", "kk", "ru")}
    encoder = load_encoder()
    with tempfile.TemporaryDirectory() as tmp:
        files: dict[str, list[Path]] = {"xliff 2.0 en→kk": [], "tmx en+kk+ru": []}
        faults: dict[str, str] = {}
        for d in range(args.docs):
            kk = list(docs["kk"][d])
            faults |= inject(kk, d, args.rate, rng)
            texts = {"en": docs["en"][d], "kk": kk, "ru": docs["ru"][d]}
            for kind, name, text in (
                ("xliff 2.0 en→kk", f"doc{d}.xlf", xliff(d, texts["en"], kk)),
                ("tmx en+kk+ru", f"doc{d}.tmx", tmx(d, texts)),
            ):
                path = Path(tmp) / name
                path.write_text(text, encoding="utf-8")
                files[kind].append(path)
        segments = sum(len(lines) for lines in docs["en"])
        kinds = Counter(faults.values())
        print(
            f"NTREX-128, {args.docs} documents, {segments} segments; injected into kk: "
            f"{kinds['numbers']} changed digits, {kinds['omission']} empty targets"
        )
        for kind, paths in files.items():
            started = time.perf_counter()
            report = build_report(load_corpus(paths), encoder, timelines=False)
            seconds = time.perf_counter() - started
            hits = {(f.check, f.segment) for f in report.findings}
            found = Counter(c for s, c in faults.items() if (c, s) in hits)
            clean = segments - len(faults)
            stray = Counter(
                f.check
                for f in report.findings
                if f.check in ("numbers", "omission") and f.segment not in faults
            )
            per_check = Counter(f.check for f in report.findings if f.segment not in faults)
            print(f"\n{kind}: {len(report.findings)} findings in {seconds:.0f} s")
            for check in ("numbers", "omission"):
                print(
                    f"  {check}: {found[check]}/{kinds[check]} injected found on their segment id;"
                    f" {stray[check]} on the {clean} untouched segments"
                )
            rates = ", ".join(
                f"{check} {n * 1000 / clean:.1f}" for check, n in per_check.most_common()
            )
            print(f"  all findings per 1,000 untouched segments: {rates or 'none'}")
            shown = [f for f in report.findings if f.segment not in faults][: args.show]
            for f in shown:
                print(f"    {f.check} {f.severity} on {f.segment}: {f.message}")
            missing = [f for f in report.findings if f.segment is None]
            if missing:
                print(f"  {len(missing)} findings without a segment id")


if __name__ == "__main__":
    main()
