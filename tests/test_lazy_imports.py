"""Libraries a run on plain text does not use are not imported by it (each costs a start-up
of most of a second): checked in a fresh interpreter, since this one has imported them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

READ_AND_ALIGN = """
import sys
from pathlib import Path
import compare.align.multi, compare.keyphrases
from compare.corpus import load_corpus
loaded = load_corpus([Path(p) for p in sys.argv[1:]])
assert len(loaded.documents) == 2, loaded.documents
print(" ".join(m for m in ("docx", "bs4", "pypdf", "markdown_it", "scipy.cluster") if m in sys.modules))
"""


def test_reading_text_files_imports_no_other_format_library(tmp_path):
    kk = tmp_path / "note.kk.txt"
    ru = tmp_path / "note.ru.txt"
    kk.write_text("Бұл құжат банктер туралы заңның қысқаша мазмұны.\n", encoding="utf-8")
    ru.write_text("Этот документ кратко излагает закон о банках.\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", READ_AND_ALIGN, str(kk), str(ru)],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        check=True,
    )
    assert done.stdout.split() == []
