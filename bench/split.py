"""Sentence-splitting accuracy on NTREX-128, where each line is one sentence (a script, not a test).

Each document's lines are joined and split again; a predicted sentence counts as right when it
equals a gold line. Lines without a final mark (headlines) are joined with a blank line, as a
reader would give them as blocks of their own; the others with a space. Prints line-level
precision, recall and F1 per language for `compare.lang.split_sentences`, and for pysbd when it
is installed. Data: ../shared/data.
Usage: python3 bench/split.py [--errors]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from collections.abc import Callable

from rich.console import Console
from rich.table import Table

from realdata import NTREX, NTREX_FILES, ntrex_documents, require

from compare.lang.split import split_sentences

_FINAL = re.compile(r"[.!?…][\"'»”’)\]]*$")
Splitter = Callable[[str, str], list[str]]


def documents(lang: str) -> list[list[str]]:
    """Gold sentences of each NTREX document, white space normalised."""
    return [[" ".join(line.split()) for line in doc] for doc in ntrex_documents(lang)]


def join(lines: list[str]) -> str:
    return "".join(line + (" " if _FINAL.search(line) else "\n\n") for line in lines)


def pysbd_splitter() -> Splitter | None:
    try:
        import pysbd
    except ImportError:
        return None
    segmenters = {lang: pysbd.Segmenter(language=lang, clean=False) for lang in NTREX_FILES}
    return lambda text, lang: [
        s.strip()
        for block in text.split("\n\n")
        for s in segmenters[lang].segment(block)
        if s.strip()
    ]


def evaluate(split: Splitter, lang: str, docs: list[list[str]], errors: bool) -> tuple[str, ...]:
    right = predicted = gold = 0
    start = time.perf_counter()
    for doc in docs:
        found = split(join(doc), lang)
        hits = Counter(found) & Counter(doc)
        right += sum(hits.values())
        predicted += len(found)
        gold += len(doc)
        if errors:
            for sentence in sorted((Counter(found) - hits).elements()):
                print(f"  {lang} predicted, not gold: {sentence}")
    seconds = time.perf_counter() - start
    precision, recall = right / predicted, right / gold
    f1 = 2 * precision * recall / (precision + recall)
    return f"{precision:.2%}", f"{recall:.2%}", f"{f1:.2%}", f"{gold / seconds:,.0f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list wrongly split sentences")
    args = parser.parse_args()
    require(NTREX, "bench/split.py")
    splitters: dict[str, Splitter | None] = {"tilmash": split_sentences, "pysbd": pysbd_splitter()}
    table = Table(title="NTREX-128: rejoined documents split again, line-level scores")
    for column in ("splitter", "lang", "precision", "recall", "F1", "sent/s"):
        table.add_column(column, justify="left" if column in ("splitter", "lang") else "right")
    for name, split in splitters.items():
        if split is None:
            continue
        for lang in NTREX_FILES:
            table.add_row(name, lang, *evaluate(split, lang, documents(lang), args.errors))
        table.add_section()
    Console().print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
