"""Everything a translator takes into a CAT tool, in one folder: per group the aligned units
(TMX) and the glossary (TBX), and the findings as CSV and XLSX."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from compare.errors import TilmashError
from compare.report import ReportData
from compare.writers import atomic_write
from compare.writers.alignment import alignment_to_tmx
from compare.writers.findings import findings_to_csv, findings_to_xlsx
from compare.writers.html_common import slug
from compare.writers.termbase import save_glossary

FINDINGS_FILES = ("findings.csv", "findings.xlsx")


def _group_files(folder: Path, group: str) -> tuple[Path, Path]:
    """The group's aligned units (TMX) and glossary (TBX) files."""
    name = slug(group)
    return folder / f"{name}.tmx", folder / f"{name}.tbx"


def export_files(folder: Path, groups: Iterable[str]) -> list[Path]:
    """Every file an export of these groups may write, to check them before any work."""
    return [p for g in groups for p in _group_files(folder, g)] + [
        folder / n for n in FINDINGS_FILES
    ]


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
        tmx, tbx = _group_files(folder, section.group)
        atomic_write(tmx, alignment_to_tmx(section.alignment))
        written.append(tmx)
        if section.glossary.concepts:
            save_glossary(section.glossary, tbx)
            written.append(tbx)
    for path, content in (
        (folder / FINDINGS_FILES[0], findings_to_csv(data.sections)),
        (folder / FINDINGS_FILES[1], findings_to_xlsx(data.sections)),
    ):
        atomic_write(path, content)
        written.append(path)
    return written
