"""A lexicon out as CSV, for a reviewer: one row per stem and target language, its counterparts
with their Dice coefficients, and in how many units the stem and one of its counterparts stood
(a dictionary's counterpart scores 1)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from compare.lexicon.learn import Lexicon
from compare.writers import atomic_write

COLUMNS = ("from", "to", "stem", "counterparts", "units", "with_counterpart", "reliability")


def lexicon_to_csv(lexicon: Lexicon) -> str:
    """Rows sorted by language pair, then by stem; counterparts "stem:dice|stem:dice"."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for (src, tgt), table in sorted(lexicon.entries.items()):
        for stem, entry in sorted(table.items()):
            ranked = sorted(entry.counterparts.items(), key=lambda item: (-item[1], item[0]))
            writer.writerow(
                [
                    src,
                    tgt,
                    stem,
                    "|".join(f"{t}:{d:g}" for t, d in ranked),
                    entry.seen,
                    entry.covered,
                    f"{entry.reliability():.2f}",
                ]
            )
    return out.getvalue()


def save_lexicon(lexicon: Lexicon, path: Path) -> None:
    atomic_write(path, lexicon_to_csv(lexicon))
