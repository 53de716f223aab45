"""The hand-written kk/ru/en paragraphs with injected formal faults (tests/data/formal), read
by the formal checks' tests and by bench/formal.py."""

from __future__ import annotations

import csv
from pathlib import Path

from compare.checks.base import UnitText

DATA = Path(__file__).parent / "data" / "formal"
LANGS = ("kk", "ru", "en")
_COLUMNS = ("fault", "check", "finding", "lang", "line", "clean", "injected")


def units_of(stem: str) -> list[UnitText]:
    """The line-parallel files of one stem ("clean", "faulty") as units, one line each."""
    lines = {lang: (DATA / f"{stem}.{lang}.txt").read_text("utf-8").splitlines() for lang in LANGS}
    return [
        UnitText(i, {lang: lines[lang][i] for lang in LANGS}, {}) for i in range(len(lines["kk"]))
    ]


def faults() -> list[dict[str, str]]:
    """The injected faults (faults.tsv): what was put in where, and which finding must flag it."""
    with (DATA / "faults.tsv").open(encoding="utf-8") as f:
        rows = [row for row in csv.reader(f, delimiter="\t") if not row[0].startswith("#")]
    return [dict(zip(_COLUMNS, row, strict=True)) for row in rows]
