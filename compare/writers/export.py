"""Everything a translator takes into a CAT tool, in one folder: per group the aligned units
(TMX: all versions in one file and, with three or more versions, one file per pair) and the
glossary (TBX v3 and TBX 2008), and the findings as CSV and XLSX."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations
from pathlib import Path

from compare.align.documents import document_keys
from compare.corpus import Corpus
from compare.errors import TilmashError
from compare.report import ReportData
from compare.writers import atomic_write
from compare.writers.alignment import alignment_to_tmx
from compare.writers.findings import findings_to_csv, findings_to_xlsx
from compare.writers.html_common import slug
from compare.writers.termbase import save_glossary

FINDINGS_FILES = ("findings.csv", "findings.xlsx")
TBX_FILES = {"v3": "{}.tbx", "2008": "{}.2008.tbx"}  # by TBX generation


def tmx_pairs(keys: Sequence[str]) -> list[tuple[str, str]]:
    """The version pairs that get a TMX of their own: every pair when there are three or more
    versions, since tools that read two <tuv> per <tu> (translate-toolkit) see only the first
    two versions of a three-language TMX."""
    return list(combinations(keys, 2)) if len(keys) > 2 else []


def _tmx_files(folder: Path, group: str, keys: Sequence[str]) -> dict[tuple[str, ...], Path]:
    """The group's TMX files by the versions each holds: all of them, then each pair."""
    name = slug(group)
    pairs = {pair: folder / f"{name}.{slug('-'.join(pair))}.tmx" for pair in tmx_pairs(keys)}
    return {tuple(keys): folder / f"{name}.tmx", **pairs}


def _tbx_files(folder: Path, group: str) -> dict[str, Path]:
    return {dialect: folder / pattern.format(slug(group)) for dialect, pattern in TBX_FILES.items()}


def export_files(folder: Path, corpus: Corpus) -> list[Path]:
    """Every file an export of the corpus's groups may write (each group's TMX named by the
    keys its alignment will have), to check them before any work."""
    paths = []
    for group in corpus.groups:
        docs = corpus.group_documents(group)
        keys = document_keys(docs, group.relation == "versions")
        paths += [
            *_tmx_files(folder, group.id, keys).values(),
            *_tbx_files(folder, group.id).values(),
        ]
    return paths + [folder / n for n in FINDINGS_FILES]


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
        for keys, tmx in _tmx_files(folder, section.group, section.alignment.keys).items():
            atomic_write(tmx, alignment_to_tmx(section.alignment, keys))
            written.append(tmx)
        if section.glossary.concepts:
            for dialect, tbx in _tbx_files(folder, section.group).items():
                save_glossary(section.glossary, tbx, dialect)
                written.append(tbx)
    for path, content in (
        (folder / FINDINGS_FILES[0], findings_to_csv(data.sections)),
        (folder / FINDINGS_FILES[1], findings_to_xlsx(data.sections)),
    ):
        atomic_write(path, content)
        written.append(path)
    return written
