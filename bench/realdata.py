"""Where the benchmarks find the real data (../shared/data, never copied here) and how they read it.

Every bench script imports this module first; it also puts the repository root on sys.path so
the scripts run as plain files from any directory.
"""

from __future__ import annotations

import sys
from itertools import groupby
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data"
NTREX = DATA / "ntrex128_kk_ru_en"
NTREX_FILES = {
    "kk": "newstest2019-ref.kaz.txt",
    "ru": "newstest2019-ref.rus.txt",
    "en": "newstest2019-ref.eng-US.txt",
}


def require(path: Path, script: str) -> None:
    """Exit with one line and code 2 when the data a benchmark needs is not beside the repo."""
    if not path.exists():
        print(f"{script}: {path} not found (the benchmarks need ../shared/data)", file=sys.stderr)
        sys.exit(2)


def ntrex_lines(lang: str) -> list[str]:
    """All NTREX-128 lines of one language, line-parallel across kk, ru and en."""
    return (NTREX / NTREX_FILES[lang]).read_text(encoding="utf-8").splitlines()


def ntrex_documents(lang: str) -> list[list[str]]:
    """NTREX-128 lines grouped into its 123 documents (DOCUMENT_IDS.tsv is line-aligned)."""
    ids = (NTREX / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    pairs = zip(ids, ntrex_lines(lang), strict=True)
    return [[line for _, line in group] for _, group in groupby(pairs, key=lambda p: p[0])]
