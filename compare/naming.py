"""Which loose files are translations of one text, read from their names alone.

Files named `abstract.kk.txt`, `abstract_ru.txt` and `abstract-en.docx` share the stem
"abstract" and differ only by a language tag, so they are one translation group. Grouping by
name needs no file to be read, costs one pass over the names, and keeps a folder of hundreds
of texts from becoming one group of hundreds of versions. A group holds at most one file per
language: two files of one stem and one language are an error that names both.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from compare.errors import TilmashError
from compare.lang.rules import KNOWN_LANGS

# Files that group nothing by name are still taken as one group when there are at most this many
# (one per language), e.g. `tilmash check a.txt b.txt` or two editions `old.ru.txt new.ru.txt`.
HANDFUL = len(KNOWN_LANGS)
_TAGGED = re.compile(rf"^(?P<stem>.+?)[._-](?P<lang>{'|'.join(KNOWN_LANGS)})$", re.IGNORECASE)


def language_tag(path: Path) -> tuple[str, str | None]:
    """(stem, language) from a file name: `abstract.kk.txt` → ("abstract", "kk"); a name
    without a tag is its own stem with no language."""
    base = path.name[: -len(path.suffix)] if path.suffix else path.name
    match = _TAGGED.match(base)
    if not match:
        return base, None
    return match["stem"], match["lang"].lower()


@dataclass(frozen=True)
class NameGroups:
    """Loose files sorted by name: translation groups by stem, and the files left alone."""

    groups: dict[str, tuple[Path, ...]]  # group id (the stem, or "files") → files
    ungrouped: tuple[Path, ...]


def group_by_name(files: Sequence[Path]) -> NameGroups:
    """Translation groups of files whose names differ only by a language tag, members in
    kk, ru, en order; when names group nothing, a handful of files is one group as named."""
    by_stem: dict[str, dict[str, Path]] = {}
    untagged: list[Path] = []
    for path in files:
        stem, lang = language_tag(path)
        if lang is None:
            untagged.append(path)
            continue
        same = by_stem.setdefault(stem, {})
        if lang in same:
            raise TilmashError(
                f"{same[lang]} and {path} are both the {lang} version of {stem!r}; "
                "name only one of them, or say which is which in a manifest.toml"
            )
        same[lang] = path
    groups = {
        stem: tuple(langs[lang] for lang in KNOWN_LANGS if lang in langs)
        for stem, langs in by_stem.items()
        if len(langs) > 1
    }
    grouped = {path for members in groups.values() for path in members}
    if not groups and 1 < len(files) <= HANDFUL:
        return NameGroups({"files": tuple(files)}, ())
    return NameGroups(groups, tuple(p for p in files if p not in grouped))


def ungroupable(files: Sequence[Path]) -> TilmashError:
    """The error for files of which no two are language versions of one text by name."""
    if len(files) == 1:
        return TilmashError(
            f"{files[0]}: nothing to compare it with; give two or more language versions "
            "of one text"
        )
    return TilmashError(
        f"none of the {len(files)} files has a language version by name; name them "
        "like text.kk.txt, text.ru.txt, text.en.txt, or list them in a manifest.toml"
    )
