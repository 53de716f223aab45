"""The manifest of a corpus folder: which file holds which text, and how the texts relate.

tilmash never guesses from file names which files are translations or versions of one another;
it asks the manifest. Every mistake in the manifest is reported as an InputError naming the
manifest file, so a user can fix it without reading a traceback. The format is described in
documents/README.md.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, Strict, StringConstraints, ValidationError
from pydantic_core import ErrorDetails

from compare.errors import InputError
from compare.readers.bilingual import is_bilingual

TEXT_FORMATS = ("html", "docx", "pdf", "txt")
"""Formats a catalogue text may be saved in, in the order tried when several are present."""


# --- the manifest's tables, as pydantic validates them ---------------------------------------

Text = Annotated[str, Strict(), StringConstraints(pattern=r"\S")]  # not empty, not just spaces
Year = Annotated[int, Strict(), Field(ge=1000, le=9999)]
Date = Annotated[dt.date, Strict()]  # a TOML date, unquoted; not a datetime
Lang = Literal["en", "kk", "ru", "mul"]
"""Document languages; "mul" (ISO 639-2) marks a text that mixes languages entry by entry."""
TextLang = Literal["en", "kk", "ru"]
TitleLang = Literal["en", "kk", "ru", "ru-Latn"]
"""Title languages; "ru-Latn" is a Russian title in the romanisation a source printed."""


class _Table(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Work(_Table):
    """A publication or act that one or more documents are parts of; carries the attribution."""

    id: Text
    title: Text
    year: Year
    authors: tuple[Text, ...] = ()
    journal: Text | None = None
    issue: Text | None = None
    pages: Text | None = None
    doi: Text | None = None
    received: Date | None = None
    approved: Date | None = None
    source: Text | None = None
    attribution: Text | None = None
    licence: Text | None = None


class ManifestDocument(_Table):
    """One shipped file: a part of a work in one language (or "mul"), possibly a named version.
    `path` is relative to the manifest's folder as written, resolved against it once loaded."""

    id: Text
    path: Path
    work: Text
    lang: Lang
    part: Text
    version: Text | None = None
    date: Date | None = None
    note: Text | None = None


class Group(_Table):
    """Documents or catalogue entries that are translations or versions of each other.

    Members are kept in the manifest's order, which for versions is oldest first.
    """

    id: Text
    relation: Literal["translations", "versions"]
    members: tuple[Text, ...]
    note: Text | None = None


class CatalogueEntry(_Table):
    """A known text whose files a user saves; the corpus ships its description, not its text."""

    id: Text
    kind: Text
    issuer: Text
    year: Year
    save_as: Path
    langs: tuple[TextLang, ...]
    number: Text | None = None
    date: Date | None = None
    cited_in: Text | None = None
    cited_as: Text | None = None
    label: Text | None = None
    titles: dict[TitleLang, Text] = {}
    addresses: dict[TextLang, Text] = {}
    note: Text | None = None

    def saved_texts(self) -> Mapping[str, Path]:
        """The saved file per language: save_as + ".<lang>.<format>", first format that exists."""
        found = {}
        for lang in self.langs:
            for fmt in TEXT_FORMATS:
                candidate = self.save_as.with_name(f"{self.save_as.name}.{lang}.{fmt}")
                if candidate.is_file():
                    found[lang] = candidate
                    break
        return MappingProxyType(found)


class _ManifestFile(_Table):
    """The file as written: its [[section]] tables."""

    work: list[Work] = []
    document: list[ManifestDocument] = []
    group: list[Group] = []
    catalogue: list[CatalogueEntry] = []


@dataclass(frozen=True)
class Manifest:
    """Everything a manifest declares, keyed by id in the manifest's order."""

    path: Path
    works: Mapping[str, Work]
    documents: Mapping[str, ManifestDocument]
    groups: Mapping[str, Group]
    catalogue: Mapping[str, CatalogueEntry]

    def saved_catalogue_texts(self) -> Mapping[str, Mapping[str, Path]]:
        """Catalogue entries with at least one saved text, each as language -> file."""
        return MappingProxyType(
            {e.id: texts for e in self.catalogue.values() if (texts := e.saved_texts())}
        )


# --- a pydantic error as one line a user can act on -----------------------------------------

_WHAT = {
    "lang": "language code",
    "langs": "language code",
    "titles": "language code",
    "addresses": "language code",
    "relation": "relation",
}


def _problem(error: ErrorDetails, model: type[BaseModel]) -> str:
    """What is wrong with one key of one table, in the manifest's own terms."""
    key, value, kind = error["loc"][0] if error["loc"] else "", error["input"], error["type"]
    if kind == "extra_forbidden":
        return f"unknown key {key!r} (allowed: {', '.join(model.model_fields)})"
    if kind == "missing":
        return f"missing required key {key!r}"
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return f"bad {_WHAT.get(str(key), str(key))} {value!r} (use one of {expected})"
    if kind.startswith("date"):
        return f"bad date {value!r}: write a TOML date such as 2021-08-12, unquoted"
    if key == "year":
        return f"expected a four-digit year such as 2022, got {value!r}"
    if kind.startswith("string"):
        return f"{key}: expected a non-empty string, got {value!r}"
    if kind in ("tuple_type", "list_type"):
        return f"{key}: expected a list of strings, got {value!r}"
    if kind == "dict_type":
        return f'{key}: expected a table such as {{ ru = "..." }}, got {value!r}'
    return f"{key}: {error['msg']}"


def _validated(path: Path, data: dict[str, Any]) -> _ManifestFile:
    """The file's tables, validated; the first problem as an InputError naming the table."""
    try:
        return _ManifestFile.model_validate(data)
    except ValidationError as err:
        error = err.errors()[0]
    loc = error["loc"]
    section = str(loc[0])
    if len(loc) == 1:
        if error["type"] == "extra_forbidden":
            allowed = ", ".join(f"[[{s}]]" for s in _ManifestFile.model_fields)
            raise InputError(path, f"unknown section {section!r} (allowed: {allowed})")
        raise InputError(path, f"{section!r} must be written as [[{section}]] tables")
    number = int(loc[1])
    table = data[section][number]
    where = f"[[{section}]] #{number + 1}"
    if isinstance(table, dict) and isinstance(table.get("id"), str):
        where = f"{where} (id {table['id']!r})"
    if len(loc) == 2:
        raise InputError(path, f"{where}: expected a table")
    model = _ManifestFile.model_fields[section].annotation.__args__[0]  # list[Model]
    raise InputError(path, f"{where}: {_problem({**error, 'loc': loc[2:]}, model)}")


def _check_year(path: Path, item_id: str, year: int, date: dt.date | None) -> None:
    if date is not None and date.year != year:
        raise InputError(path, f"{item_id!r}: date {date} is not in year {year}")


def read_toml(path: Path, what: str = "the manifest") -> dict[str, Any]:
    """A TOML file's tables; any problem is one InputError naming the file and `what` it is."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8-sig"))  # a BOM is accepted
    except OSError as err:
        raise InputError(path, f"cannot read {what}: {err.strerror or err}") from None
    except UnicodeDecodeError:
        raise InputError(path, f"{what} is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as err:
        raise InputError(path, f"not valid TOML: {err}") from None
    except RecursionError:
        raise InputError(path, "not valid TOML: nested too deeply") from None


def _check_ids(path: Path, tables: _ManifestFile) -> None:
    """Ids share one namespace, because a group may name documents and catalogue entries."""
    seen: set[str] = set()
    for table in (*tables.work, *tables.document, *tables.group, *tables.catalogue):
        if table.id in seen:
            raise InputError(path, f"duplicate id {table.id!r}")
        seen.add(table.id)


def _check_group(path: Path, group: Group, manifest: Manifest) -> None:
    if len(group.members) < 2:
        raise InputError(path, f"group {group.id!r}: needs at least two members")
    if len(set(group.members)) != len(group.members):
        raise InputError(path, f"group {group.id!r}: a member is listed twice")
    dates = []
    for member in group.members:
        item = manifest.documents.get(member) or manifest.catalogue.get(member)
        if item is None:
            raise InputError(
                path, f"group {group.id!r}: member {member!r} is not a document or catalogue id"
            )
        if member in manifest.documents and is_bilingual(item.path):
            raise InputError(
                path,
                f"group {group.id!r}: member {member!r} is a bilingual file, compared as a "
                "group of its own; leave it out of [[group]] members",
            )
        dates.append(item.date)
    if group.relation == "versions" and None not in dates and dates != sorted(dates):
        raise InputError(path, f"group {group.id!r}: list versions oldest first")


OUTSIDE_OPTION = "--allow-outside-paths"


def inside_folder(path: Path, item: str, value: str, allow_outside: bool) -> Path:
    """A manifest path, relative to the manifest's folder. It must stay inside that folder
    (symlinks resolved) unless allowed: a manifest from someone else must not pull any
    readable file of the user's into a report."""
    folder = path.parent
    target = folder / value
    if not allow_outside and not target.resolve().is_relative_to(folder.resolve()):
        raise InputError(
            path,
            f"{item}: {value!r} leads outside the manifest's folder; "
            f"pass {OUTSIDE_OPTION} if you trust this manifest",
        )
    return target


def load_manifest(path: Path, allow_outside: bool = False) -> Manifest:
    """Read and check a manifest; paths in it are relative to the manifest's folder and stay
    inside it unless `allow_outside`."""
    path = Path(path)
    data = read_toml(path)
    tables = _validated(path, data)
    if not tables.document and not tables.catalogue:
        raise InputError(
            path, "declares no documents; add [[document]] tables (see documents/README.md)"
        )
    _check_ids(path, tables)

    works = {work.id: work for work in tables.work}
    documents = {}
    for doc in tables.document:
        where = inside_folder(path, f"document {doc.id!r}", str(doc.path), allow_outside)
        if doc.work not in works:
            raise InputError(path, f"document {doc.id!r}: unknown work {doc.work!r}")
        if not where.is_file():
            raise InputError(path, f"document {doc.id!r}: file not found: {where}")
        if is_bilingual(where) and doc.lang != "mul":
            raise InputError(
                path,
                f"document {doc.id!r}: {where.name} is a bilingual file, which gives its own "
                'languages; write lang = "mul"',
            )
        documents[doc.id] = doc.model_copy(update={"path": where})
    catalogue = {}
    for entry in tables.catalogue:
        where = inside_folder(path, f"catalogue {entry.id!r}", str(entry.save_as), allow_outside)
        if entry.cited_in is not None and entry.cited_in not in works:
            raise InputError(path, f"catalogue {entry.id!r}: unknown work {entry.cited_in!r}")
        _check_year(path, entry.id, entry.year, entry.date)
        catalogue[entry.id] = entry.model_copy(update={"save_as": where})
    groups = {group.id: group for group in tables.group}

    manifest = Manifest(
        path=path,
        works=MappingProxyType(works),
        documents=MappingProxyType(documents),
        groups=MappingProxyType(groups),
        catalogue=MappingProxyType(catalogue),
    )
    for group in groups.values():
        _check_group(path, group, manifest)
    return manifest
