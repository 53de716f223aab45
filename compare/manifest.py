"""The manifest of a corpus folder: which file holds which text, and how the texts relate.

tilmash never guesses from file names which files are translations or versions of one another;
it asks the manifest. Every mistake in the manifest is reported as an InputError naming the
manifest file, so a user can fix it without reading a traceback. The format is described in
documents/README.md.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from compare.errors import InputError

LANGS = frozenset({"en", "kk", "ru", "mul"})
"""Document languages; "mul" (ISO 639-2) marks a text that mixes languages entry by entry."""

TITLE_LANGS = frozenset({"en", "kk", "ru", "ru-Latn"})
"""Title languages; "ru-Latn" is a Russian title in the romanisation a source printed."""

RELATIONS = frozenset({"translations", "versions"})

TEXT_FORMATS = ("html", "docx", "pdf", "txt")
"""Formats a catalogue text may be saved in, in the order tried when several are present."""


@dataclass(frozen=True)
class Work:
    """A publication or act that one or more documents are parts of; carries the attribution."""

    id: str
    title: str
    year: int
    authors: tuple[str, ...] = ()
    journal: str | None = None
    issue: str | None = None
    pages: str | None = None
    doi: str | None = None
    received: dt.date | None = None
    approved: dt.date | None = None
    source: str | None = None
    attribution: str | None = None
    licence: str | None = None


@dataclass(frozen=True)
class ManifestDocument:
    """One shipped file: a part of a work in one language (or "mul"), possibly a named version."""

    id: str
    path: Path
    work: str
    lang: str
    part: str
    version: str | None = None
    date: dt.date | None = None
    note: str | None = None


@dataclass(frozen=True)
class Group:
    """Documents or catalogue entries that are translations or versions of each other.

    Members are kept in the manifest's order, which for versions is oldest first.
    """

    id: str
    relation: str
    members: tuple[str, ...]
    note: str | None = None


@dataclass(frozen=True)
class CatalogueEntry:
    """A known text whose files a user saves; the corpus ships its description, not its text."""

    id: str
    kind: str
    issuer: str
    year: int
    save_as: Path
    langs: tuple[str, ...]
    number: str | None = None
    date: dt.date | None = None
    cited_in: str | None = None
    cited_as: str | None = None
    label: str | None = None
    titles: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    addresses: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    note: str | None = None

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


@dataclass(frozen=True)
class Manifest:
    """Everything a manifest declares, keyed by id in the manifest's order."""

    path: Path
    works: Mapping[str, Work]
    documents: Mapping[str, ManifestDocument]
    groups: Mapping[str, Group]
    catalogue: Mapping[str, CatalogueEntry]

    def groups_of(self, item_id: str) -> tuple[Group, ...]:
        """The groups a document or catalogue entry belongs to, i.e. what it is compared with."""
        return tuple(g for g in self.groups.values() if item_id in g.members)

    def saved_catalogue_texts(self) -> Mapping[str, Mapping[str, Path]]:
        """Catalogue entries with at least one saved text, each as language -> file."""
        return MappingProxyType(
            {e.id: texts for e in self.catalogue.values() if (texts := e.saved_texts())}
        )


# --- value checks: each returns the clean value or raises ValueError with the reason ---------


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"expected a non-empty string, got {value!r}")
    return value


def _year(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1000 <= value <= 9999:
        raise ValueError(f"expected a four-digit year such as 2022, got {value!r}")
    return value


def _date(value: Any) -> dt.date:
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise ValueError(f"bad date {value!r}: write a TOML date such as 2021-08-12, unquoted")
    return value


def _lang(value: Any, allowed: frozenset[str] = LANGS) -> str:
    if value not in allowed:
        raise ValueError(f"bad language code {value!r} (use one of {', '.join(sorted(allowed))})")
    return value


def _relation(value: Any) -> str:
    if value not in RELATIONS:
        raise ValueError(f"unknown relation {value!r} (use one of {', '.join(sorted(RELATIONS))})")
    return value


def _texts(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise ValueError(f"expected a list of strings, got {value!r}")
    return tuple(_text(v) for v in value)


def _langs(value: Any) -> tuple[str, ...]:
    return tuple(_lang(v, LANGS - {"mul"}) for v in _texts(value))


def _by_lang(allowed: frozenset[str]) -> Callable[[Any], Mapping[str, str]]:
    def check(value: Any) -> Mapping[str, str]:
        if not isinstance(value, dict):
            raise ValueError(f'expected a table such as {{ ru = "..." }}, got {value!r}')
        return MappingProxyType({_lang(k, allowed): _text(v) for k, v in value.items()})

    return check


Spec = Mapping[str, tuple[Callable[[Any], Any], bool]]  # key -> (check, required)

WORK: Spec = {
    "id": (_text, True),
    "title": (_text, True),
    "year": (_year, True),
    "authors": (_texts, False),
    "journal": (_text, False),
    "issue": (_text, False),
    "pages": (_text, False),
    "doi": (_text, False),
    "received": (_date, False),
    "approved": (_date, False),
    "source": (_text, False),
    "attribution": (_text, False),
    "licence": (_text, False),
}
DOCUMENT: Spec = {
    "id": (_text, True),
    "path": (_text, True),
    "work": (_text, True),
    "lang": (_lang, True),
    "part": (_text, True),
    "version": (_text, False),
    "date": (_date, False),
    "note": (_text, False),
}
GROUP: Spec = {
    "id": (_text, True),
    "relation": (_relation, True),
    "members": (_texts, True),
    "note": (_text, False),
}
CATALOGUE: Spec = {
    "id": (_text, True),
    "kind": (_text, True),
    "issuer": (_text, True),
    "year": (_year, True),
    "save_as": (_text, True),
    "langs": (_langs, True),
    "number": (_text, False),
    "date": (_date, False),
    "cited_in": (_text, False),
    "cited_as": (_text, False),
    "label": (_text, False),
    "titles": (_by_lang(TITLE_LANGS), False),
    "addresses": (_by_lang(LANGS - {"mul"}), False),
    "note": (_text, False),
}
SECTIONS: Mapping[str, Spec] = {
    "work": WORK,
    "document": DOCUMENT,
    "group": GROUP,
    "catalogue": CATALOGUE,
}


def _fields(path: Path, where: str, table: Any, spec: Spec) -> dict[str, Any]:
    """Check one [[section]] table against its spec; return the present keys, checked."""
    if not isinstance(table, dict):
        raise InputError(path, f"{where}: expected a table")
    if isinstance(table.get("id"), str):
        where = f"{where} (id {table['id']!r})"
    for key in table:
        if key not in spec:
            raise InputError(path, f"{where}: unknown key {key!r} (allowed: {', '.join(spec)})")
    for key, (_, required) in spec.items():
        if required and key not in table:
            raise InputError(path, f"{where}: missing required key {key!r}")
    try:
        return {key: spec[key][0](value) for key, value in table.items()}
    except ValueError as err:
        raise InputError(path, f"{where}: {err}") from None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8-sig"))  # a BOM is accepted
    except OSError as err:
        raise InputError(path, f"cannot read the manifest: {err.strerror or err}") from None
    except UnicodeDecodeError:
        raise InputError(path, "the manifest is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as err:
        raise InputError(path, f"not valid TOML: {err}") from None
    except RecursionError:
        raise InputError(path, "not valid TOML: nested too deeply") from None


def _sections(path: Path, data: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Each [[section]] checked table by table; unknown sections are errors."""
    out: dict[str, list[dict[str, Any]]] = {}
    for name, tables in data.items():
        if name not in SECTIONS:
            allowed = ", ".join(f"[[{s}]]" for s in SECTIONS)
            raise InputError(path, f"unknown section {name!r} (allowed: {allowed})")
        if not isinstance(tables, list):
            raise InputError(path, f"{name!r} must be written as [[{name}]] tables")
        spec = SECTIONS[name]
        out[name] = [
            _fields(path, f"[[{name}]] #{n}", t, spec) for n, t in enumerate(tables, start=1)
        ]
    return out


def _check_year(path: Path, item_id: str, year: int, date: dt.date | None) -> None:
    if date is not None and date.year != year:
        raise InputError(path, f"{item_id!r}: date {date} is not in year {year}")


def _check_ids(path: Path, sections: dict[str, list[dict[str, Any]]]) -> None:
    """Ids share one namespace, because a group may name documents and catalogue entries."""
    seen: set[str] = set()
    for tables in sections.values():
        for table in tables:
            if table["id"] in seen:
                raise InputError(path, f"duplicate id {table['id']!r}")
            seen.add(table["id"])


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
    sections = _sections(path, _read_toml(path))
    if not sections.get("document") and not sections.get("catalogue"):
        raise InputError(
            path, "declares no documents; add [[document]] tables (see documents/README.md)"
        )
    _check_ids(path, sections)

    works = {t["id"]: Work(**t) for t in sections.get("work", [])}
    documents = {}
    for t in sections.get("document", []):
        where = inside_folder(path, f"document {t['id']!r}", t["path"], allow_outside)
        doc = ManifestDocument(**{**t, "path": where})
        if doc.work not in works:
            raise InputError(path, f"document {doc.id!r}: unknown work {doc.work!r}")
        if not doc.path.is_file():
            raise InputError(path, f"document {doc.id!r}: file not found: {doc.path}")
        documents[doc.id] = doc
    catalogue = {}
    for t in sections.get("catalogue", []):
        where = inside_folder(path, f"catalogue {t['id']!r}", t["save_as"], allow_outside)
        entry = CatalogueEntry(**{**t, "save_as": where})
        if entry.cited_in is not None and entry.cited_in not in works:
            raise InputError(path, f"catalogue {entry.id!r}: unknown work {entry.cited_in!r}")
        _check_year(path, entry.id, entry.year, entry.date)
        catalogue[entry.id] = entry
    groups = {t["id"]: Group(**t) for t in sections.get("group", [])}

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
