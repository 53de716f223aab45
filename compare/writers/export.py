"""Everything a translator takes into a CAT tool, in one folder: per group the aligned units
(TMX) and the glossary (TBX), and the findings as CSV and XLSX."""

from __future__ import annotations

from pathlib import Path

from compare.errors import TilmashError
from compare.report import ReportData
from compare.writers import atomic_write
from compare.writers.alignment import alignment_to_tmx
from compare.writers.findings import findings_to_csv, findings_to_xlsx
from compare.writers.html_common import slug
from compare.writers.termbase import save_glossary


def export_report(data: ReportData, folder: Path) -> list[Path]:
    """Write the export files into `folder` (created if missing); returns their paths."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise TilmashError(
            f"{folder}: cannot create the export folder ({error.strerror})"
        ) from None
    written = []
    for section in data.sections:
        name = slug(section.group)
        tmx = folder / f"{name}.tmx"
        atomic_write(tmx, alignment_to_tmx(section.alignment))
        written.append(tmx)
        if section.glossary.concepts:
            tbx = folder / f"{name}.tbx"
            save_glossary(section.glossary, tbx)
            written.append(tbx)
    groups = [(s.group, s.findings) for s in data.sections]
    for path, content in (
        (folder / "findings.csv", findings_to_csv(groups)),
        (folder / "findings.xlsx", findings_to_xlsx(groups)),
    ):
        atomic_write(path, content)
        written.append(path)
    return written
