"""Accuracy and speed of `compare.lang.identify` on real kk/ru/en sentences (a script, not a test).

Reads NTREX-128 and Tatoeba from ../shared/data next to the repository (never copied into it) and
prints, per model, accuracy per language for all sentences and for sentences of five or more
words, plus sentences per second. Usage: python3 bench/langid.py [--model lingua|langdetect|all]
"""

from __future__ import annotations

import argparse
import sys
import time

from rich.console import Console
from rich.table import Table

from realdata import DATA, NTREX, NTREX_FILES, require

from compare.lang.identify import identify
from compare.lang.models import LangdetectModel, LanguageModel, LinguaModel

TATOEBA = "tatoeba_kk_ru_en"
OPUS = f"{TATOEBA}/opus_mt_testsets"
CORPORA = {
    "NTREX-128": {lang: [f"{NTREX.name}/{name}"] for lang, name in NTREX_FILES.items()},
    "Tatoeba": {
        "kk": [
            f"{OPUS}/eng-kaz_Cyrl/tatoeba-test-v2021-08-07.kaz_Cyrl",
            f"{OPUS}/kaz_Cyrl-rus/tatoeba-test-v2021-08-07.kaz_Cyrl",
            f"{TATOEBA}/laser_v1/tatoeba.kaz-eng.kaz",
        ],
        "ru": [f"{OPUS}/kaz_Cyrl-rus/tatoeba-test-v2021-08-07.rus"],
        "en": [
            f"{OPUS}/eng-kaz_Cyrl/tatoeba-test-v2021-08-07.eng",
            f"{TATOEBA}/laser_v1/tatoeba.kaz-eng.eng",
        ],
    },
}
MODELS = {"lingua": LinguaModel, "langdetect": LangdetectModel}
MIN_WORDS = 5


def load(paths: list[str]) -> list[str]:
    """Unique non-empty lines of the files, in first-seen order (Tatoeba repeats sentences)."""
    lines = (line.strip() for p in paths for line in (DATA / p).read_text("utf-8").splitlines())
    return list(dict.fromkeys(line for line in lines if line))


def score(model: LanguageModel, gold: str, sentences: list[str]) -> tuple[list[str], float]:
    """Sentences the model got wrong and the run time in seconds."""
    start = time.perf_counter()
    wrong = [s for s in sentences if identify(s, model).lang != gold]
    return wrong, time.perf_counter() - start


def accuracy(total: list[str], wrong: list[str]) -> str:
    return f"{1 - len(wrong) / len(total):.2%} ({len(total) - len(wrong)}/{len(total)})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", choices=[*MODELS, "all"], default="all")
    parser.add_argument("--errors", action="store_true", help="list misidentified sentences")
    args = parser.parse_args()
    require(DATA, "bench/langid.py")
    console = Console()
    names = list(MODELS) if args.model == "all" else [args.model]
    for name in names:
        start = time.perf_counter()
        model = MODELS[name]()
        identify("Сәлем, әлем!", model), identify("Hello, world!", model)
        warm_up = time.perf_counter() - start
        table = Table(title=f"identify() with {name} (load {warm_up:.1f} s)")
        for column in ("corpus", "lang", "all sentences", f">= {MIN_WORDS} words", "sent/s"):
            table.add_column(column, justify="left" if column in ("corpus", "lang") else "right")
        for corpus, files in CORPORA.items():
            pooled: list[str] = []
            pooled_wrong: list[str] = []
            for lang, paths in files.items():
                sentences = load(paths)
                wrong, seconds = score(model, lang, sentences)
                long = [s for s in sentences if len(s.split()) >= MIN_WORDS]
                long_wrong = [s for s in wrong if len(s.split()) >= MIN_WORDS]
                table.add_row(
                    corpus,
                    lang,
                    accuracy(sentences, wrong),
                    accuracy(long, long_wrong),
                    f"{len(sentences) / seconds:,.0f}",
                )
                pooled += sentences
                pooled_wrong += wrong
                if args.errors:
                    for s in wrong:
                        console.print(f"[dim]{corpus} {lang} -> {identify(s, model)}: {s}[/dim]")
            long = [s for s in pooled if len(s.split()) >= MIN_WORDS]
            long_wrong = [s for s in pooled_wrong if len(s.split()) >= MIN_WORDS]
            table.add_row(
                corpus,
                "all",
                accuracy(pooled, pooled_wrong),
                accuracy(long, long_wrong),
                "",
                end_section=True,
            )
        console.print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
