"""Version comparison on real texts.

1. WMT19 en->kk and NTREX-128 kk are two independent Kazakh translations of the same 62 English
   news documents: each document is diffed as two versions, and the substitutions that recur
   across their modified passages are the two translators' systematic term choices.
2. The two reference lists of the 2022 paper shipped in documents/ (original script vs
   transliterated): which references changed, and how.
3. The Law "On population migration" as amended in 2014 and 2022 (kk, ru): the diff's counts;
   the 2014 Markdown mirror opens with a table of contents, which is no change to the law.

Usage: python bench/versions.py [--top N] [--examples N]
Reads ../shared/data relative to the repository root (never copied here); exits 2 when missing.
"""

from __future__ import annotations

import argparse
import re
import time
from collections import Counter
from itertools import groupby

from rich.console import Console

import realdata

from compare.corpus import Document, build_document, load_corpus, load_document
from compare.diff import diff_documents
from compare.embed import load_encoder
from compare.render_versions import diff_table, replacements_table
from compare.timeline import mine_replacements

NUMBER = re.compile(r"\d+")
WMT = realdata.DATA / "wmt19_newstest_kk_en" / "en-kk"
MIGRATION = realdata.DATA / "migration_law_versions_kk_ru_en"
MIGRATION_VERSIONS = ("v2014-06-12.toc-art1-3", "v2022-07-14.art1-3")


def wmt_ntrex_pairs() -> list[tuple[Document, Document]]:
    """(WMT19 kk, NTREX kk) per shared document, lines as paragraphs."""
    wmt = (WMT / "newstest2019.kk").read_text(encoding="utf-8").splitlines()
    ntrex = realdata.ntrex_lines("kk")
    rows = [line.split("\t") for line in (WMT / "DERIVED_line_map_to_NTREX.tsv").open()][1:]
    pairs = []
    for doc_id, group in groupby(rows, key=lambda r: r[2].strip()):
        lines = [(int(w) - 1, int(n) - 1) for w, n, _ in group]
        versions = []
        for name, source, col in (("wmt19", wmt, 0), ("ntrex", ntrex, 1)):
            blocks = [(source[line[col]], None) for line in lines]
            versions.append(
                build_document(f"{doc_id}.{name}", blocks, declared_lang="kk", version=name)
            )
        pairs.append((versions[0], versions[1]))
    return pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=20, help="substitutions to show")
    args = parser.parse_args()
    realdata.require(WMT, "bench/versions.py")
    console = Console(width=140)
    encoder = load_encoder()

    started = time.perf_counter()
    pairs = wmt_ntrex_pairs()
    diffs = [diff_documents(a, b, encoder) for a, b in pairs]
    replacements = mine_replacements(diffs)
    totals: dict[str, int] = {}
    for diff in diffs:
        for status, n in diff.counts().items():
            totals[status] = totals.get(status, 0) + n
    seconds = time.perf_counter() - started
    console.print(
        f"[bold]WMT19 kk vs NTREX kk[/]: {len(pairs)} documents, "
        f"{sum(len(a.passages) for a, _ in pairs)} / {sum(len(b.passages) for _, b in pairs)} "
        f"passages, {seconds:.1f} s; entries: {totals}; "
        f"{len(replacements)} substitutions recur in 2+ passage pairs"
    )
    console.print(replacements_table(replacements, limit=args.top))

    corpus = load_corpus([realdata.ROOT / "documents"])
    group = next(g for g in corpus.groups if g.id == "kaliaskarova-2022.references")
    diff = diff_documents(*corpus.group_documents(group), encoder)
    console.print(diff_table(diff))
    for entry in diff.entries:  # numbers the word diff changed (list numbering is ignored)
        old = Counter(n for op in entry.changes for n in NUMBER.findall(op.old))
        new = Counter(n for op in entry.changes for n in NUMBER.findall(op.new))
        if old != new:
            gone, came = ", ".join((old - new).elements()), ", ".join((new - old).elements())
            where = entry.old[0].index
            console.print(f"entry {where}: numbers only old: {gone or '-'}; new: {came or '-'}")

    realdata.require(MIGRATION, "bench/versions.py")
    for lang in ("kk", "ru"):
        old, new = (
            load_document(
                MIGRATION / f"migration-law-Z1100000477.{v}.{lang}.md", declared_lang=lang
            )
            for v in MIGRATION_VERSIONS
        )
        counts = diff_documents(old, new, encoder).counts()
        console.print(f"[bold]migration law 2014 → 2022 ({lang})[/]: {counts}")


if __name__ == "__main__":
    main()
