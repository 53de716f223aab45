"""What a cold `tilmash check` gives the model: the texts and characters each pass reads, and
the texts read more than once (a script, not a test).

The check runs as `tilmash check` does (build_report, no timelines) on the default model with
an embedding cache of its own, empty (the built models are the user's, linked), the engine's
passes counted: `encode` (sentence vectors) and, where the engine has it (OpenVINO),
`token_states` (sentence vectors and word states from one pass). Prints per pass its calls,
texts and characters, the texts read twice or more, what the caches hold after, and the CPU
and wall seconds of the check. `--ntrex N`: the first N documents of NTREX-128's dev half (as
bench/drift.py splits it), kk/ru/en, one line a paragraph.
Usage: python bench/cold_check.py FILE_OR_FOLDER... | --ntrex N
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from collections import Counter
from pathlib import Path

from drift import split_documents

from realdata import NTREX, ntrex_documents, require

from compare.corpus import load_corpus
from compare.embed import cache_root, load_encoder
from compare.embed.cache import EmbeddingCache
from compare.embed.encoder import WORD_CACHE
from compare.report import build_report

PASSES = ("encode", "token_states")


def ntrex_files(folder: Path, count: int) -> list[Path]:
    """The first `count` dev documents of NTREX-128 written as kk/ru/en text files."""
    docs = {lang: ntrex_documents(lang) for lang in ("kk", "ru", "en")}
    paths = []
    for doc in split_documents(len(docs["en"]), 0)["dev"][:count]:
        for lang, texts in docs.items():
            paths.append(folder / f"ntrex{doc:03d}.{lang}.txt")
            paths[-1].write_text("\n\n".join(texts[doc]) + "\n", encoding="utf-8")
    return paths


def counted_encoder(root: Path):
    """The default model with its cache in `root` and every text its passes read counted."""
    (root / "models").symlink_to(cache_root() / "models", target_is_directory=True)
    encoder = load_encoder(cache_dir=root)
    read: Counter[tuple[str, str]] = Counter()
    for name in PASSES:
        if hasattr(encoder.model, name):
            real = getattr(encoder.model, name)

            def counted(texts, *args, _real=real, _name=name, **options):
                read.update((_name, t) for t in texts)
                return _real(texts, *args, **options)

            setattr(encoder.model, name, counted)
    return encoder, read


def stored(path: Path) -> int:
    """The vectors a cache file holds (0: no file)."""
    return len(EmbeddingCache(path)) if path.exists() else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--ntrex", type=int, help="NTREX dev documents to check instead")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root, texts = Path(tmp) / "cache", Path(tmp) / "texts"
        root.mkdir()
        paths = args.paths
        if args.ntrex:
            require(NTREX, "cold_check.py")
            texts.mkdir()
            paths = ntrex_files(texts, args.ntrex)
        encoder, read = counted_encoder(root)
        corpus = load_corpus(paths)
        start, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_SELF)
        build_report(corpus, encoder, timelines=False)
        after = resource.getrusage(resource.RUSAGE_SELF)
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        print(f"{encoder.info.name}, {len(corpus.groups)} groups")
        for name in PASSES:
            mine = [t for (n, t), k in read.items() for _ in range(k) if n == name]
            print(f"  {name}: {len(mine)} texts, {sum(map(len, mine))} characters")
        times = Counter(t for (_, t), k in read.items() for _ in range(k))
        again = [t for t, k in times.items() if k > 1]
        print(f"  texts read more than once: {len(again)} of {len(times)}")
        words = stored(root / WORD_CACHE)
        print(
            f"  cached after: {stored(encoder.cache.path)} sentence vectors, {words} texts' words"
        )
        print(f"  check: {time.perf_counter() - start:.1f} s wall, {cpu:.1f} s CPU")


if __name__ == "__main__":
    main()
