"""Long laws in the HTML report: how much folding unchanged stretches saves (a script, not a
test).

Builds the report of one kk/ru law as `tilmash report` does (the embedding cache is used, so
run it on laws whose embeddings are cached) and renders it twice in one run: unfolded (every
unit a row, as before folding) and folded. Prints, for each: the page's size in bytes, the
unit rows, the rows a reader sees without opening a fold, and the folds; and the findings.
Data: ../shared/data, never copied.
Usage: python3 bench/fold.py [--law law_on_digital_assets ...]
"""

from __future__ import annotations

import argparse
import sys

from lxml import html as lxml_html

from realdata import DATA, require

from compare.corpus import load_corpus
from compare.embed import load_encoder
from compare.report import build_report
from compare.writers import html_folds
from compare.writers.html import render_report

LAWS = DATA / "adilet_laws_kk_ru"


def page_figures(page: str) -> tuple[int, int, int, int]:
    """(bytes, unit rows, rows outside folds, folds) of a rendered report."""
    tree = lxml_html.fromstring(page)
    rows = tree.xpath("//tr[contains(@class, 'unit')]")
    shown = [r for r in rows if not r.xpath("ancestor::details")]
    return len(page.encode()), len(rows), len(shown), len(tree.xpath("//tr[@class='fold']"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--law", nargs="+", default=["law_on_digital_assets"])
    args = parser.parse_args()
    encoder = load_encoder()
    print(f"{'law':36} {'page':9} {'bytes':>10} {'rows':>6} {'shown':>6} {'folds':>6} findings")
    for law in args.law:
        files = [LAWS / f"{law}.{lang}.txt" for lang in ("kk", "ru")]
        for path in files:
            require(path, "bench/fold.py")
        report = build_report(load_corpus(files), encoder, timelines=False)
        folded = render_report(report.data)
        fold_from, html_folds.FOLD_FROM = html_folds.FOLD_FROM, sys.maxsize
        try:
            unfolded = render_report(report.data)
        finally:
            html_folds.FOLD_FROM = fold_from
        for name, page in (("unfolded", unfolded), ("folded", folded)):
            size, rows, shown, folds = page_figures(page)
            print(
                f"{law:36} {name:9} {size:10,d} {rows:6d} {shown:6d} {folds:6d}"
                f" {len(report.findings)}",
                flush=True,
            )


if __name__ == "__main__":
    main()
