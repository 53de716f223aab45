"""The termbase: concepts with their kk/ru/en terms, read from TBX and CSV (written by
compare.writers.termbase).

A glossary comes from a user's file or from the documents themselves: a paper's trilingual
keyword list is its author's own glossary (keyword i in en = keyword i in kk = keyword i in ru).

TBX: reads TBX-Basic in both generations (TBX 2008 `martif/termEntry/langSet/tig` and
TBX v3 `tbx/conceptEntry/langSec/termSec`, with or without namespace) and writes TBX v3
TBX-Basic (DCA style). A term's status is its termNote type="administrativeStatus"
(preferredTerm-admn-sts, admittedTerm-admn-sts, deprecatedTerm-admn-sts; supersededTerm-admn-sts
reads as deprecated); a term without one is preferred.

CSV: one row per concept, a header naming the columns: an optional "id" and one column per
language ("en", "kk", "ru", in any order). A cell holds the concept's terms in that language,
separated by "|"; a plain term is preferred, "~term" admitted, "!term" deprecated:
    id,en,kk,ru
    c1,brain drain|~brain flight,ақыл-ойдың ағуы,утечка умов|!утечка мозгов
Term notes travel in TBX only.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from compare.errors import InputError
from compare.lang.rules import KNOWN_LANGS
from compare.stem import term_key

LANGS = tuple(sorted(KNOWN_LANGS))  # a CSV glossary's columns, in this order
STATUSES = ("preferred", "admitted", "deprecated")

TBX_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_STATUS_OF_TBX = {
    "preferredTerm-admn-sts": "preferred",
    "admittedTerm-admn-sts": "admitted",
    "deprecatedTerm-admn-sts": "deprecated",
    "supersededTerm-admn-sts": "deprecated",
}
TBX_OF_STATUS = {status: f"{status}Term-admn-sts" for status in STATUSES}
CSV_MARK = {"admitted": "~", "deprecated": "!"}
STATUS_OF_MARK = {mark: status for status, mark in CSV_MARK.items()}
_ISO_639_2 = {"eng": "en", "kaz": "kk", "rus": "ru"}


@dataclass(frozen=True)
class Term:
    """One designation of a concept in one language."""

    text: str
    lang: str
    status: str = "preferred"  # a value of STATUSES
    note: str = ""


@dataclass
class Concept:
    """One idea and its terms per language, preferred ones first."""

    id: str
    terms: dict[str, list[Term]] = field(default_factory=dict)

    def accepted(self, lang: str) -> list[Term]:
        """Terms that may be used: preferred, then admitted."""
        terms = self.terms.get(lang, [])
        return sorted((t for t in terms if t.status != "deprecated"), key=_status_rank)

    def deprecated(self, lang: str) -> list[Term]:
        """Terms that should not be used."""
        return [t for t in self.terms.get(lang, []) if t.status == "deprecated"]

    def preferred(self, lang: str) -> Term | None:
        """The term to suggest in `lang`: the first preferred one, else the first admitted."""
        accepted = self.accepted(lang)
        return accepted[0] if accepted else None

    def add(self, term: Term) -> None:
        """Add `term` unless the concept has it already (in any inflection)."""
        known = {term_key(t.text, term.lang) for t in self.terms.get(term.lang, [])}
        if term_key(term.text, term.lang) not in known:
            self.terms.setdefault(term.lang, []).append(term)


def _status_rank(term: Term) -> int:
    return STATUSES.index(term.status)


@dataclass
class Glossary:
    """A list of concepts, plus remarks on how it was built (for the report)."""

    concepts: list[Concept] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, path: Path | str) -> Glossary:
        """Read a .tbx (or .xml) or .csv file; raise InputError for anything else or bad files."""
        path = Path(path)
        readers = {".tbx": read_tbx, ".xml": read_tbx, ".csv": read_csv}
        if path.suffix.lower() not in readers:
            raise InputError(path, "unknown glossary format: expected .tbx or .csv")
        return readers[path.suffix.lower()](path)

    def merge(self, other: Glossary) -> Glossary:
        """Both glossaries in one: concepts sharing a term become one; this one wins on status."""
        merged = Glossary(
            [
                Concept(c.id, {lang: list(ts) for lang, ts in c.terms.items()})
                for c in self.concepts
            ],
            self.notes + other.notes,
        )
        for concept in other.concepts:
            target = merged._sharing_term(concept)
            if target is None:
                target = Concept(_free_id(concept.id, {c.id for c in merged.concepts}))
                merged.concepts.append(target)
            for terms in concept.terms.values():
                for term in terms:
                    target.add(term)
        return merged

    def _sharing_term(self, concept: Concept) -> Concept | None:
        keys = {(t.lang, term_key(t.text, t.lang)) for ts in concept.terms.values() for t in ts}
        for candidate in self.concepts:
            for terms in candidate.terms.values():
                if any((t.lang, term_key(t.text, t.lang)) in keys for t in terms):
                    return candidate
        return None


def _free_id(wanted: str, taken: set[str]) -> str:
    candidate, n = wanted, 1
    while candidate in taken:
        n += 1
        candidate = f"{wanted}.{n}"
    return candidate


def normalise_lang(code: str) -> str | None:
    """ "kk", "ru" or "en" for a language tag such as "kk-KZ", "RU" or "eng"; None otherwise."""
    primary = code.strip().lower().replace("_", "-").split("-")[0]
    primary = _ISO_639_2.get(primary, primary)
    return primary if primary in LANGS else None


def _unique_ids(path: Path, concepts: Iterable[Concept]) -> None:
    seen: set[str] = set()
    for concept in concepts:
        if concept.id in seen:
            raise InputError(path, f"concept id '{concept.id}' occurs twice")
        seen.add(concept.id)


# --- TBX ---------------------------------------------------------------------------------


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _children(element: etree._Element, *names: str) -> list[etree._Element]:
    return [child for child in element if _local(child) in names]


def _descendants(element: etree._Element, *names: str) -> list[etree._Element]:
    return [node for node in element.iter() if _local(node) in names]


def _tbx_term(path: Path, group: etree._Element, lang: str, entry: str) -> Term:
    """A term from a tig, ntig or termSec element."""
    found = _descendants(group, "term")
    text = " ".join("".join(found[0].itertext()).split()) if found else ""
    if not text:
        raise InputError(path, f"entry '{entry}' has an empty term ({lang})")
    status = "preferred"
    for note in _descendants(group, "termNote"):
        if note.get("type") == "administrativeStatus":
            value = (note.text or "").strip()
            status = _STATUS_OF_TBX.get(value, value)
            if status not in STATUSES:
                raise InputError(path, f"entry '{entry}': unknown administrativeStatus '{value}'")
    note = " ".join("".join(n.itertext()).strip() for n in _descendants(group, "note"))
    return Term(text, lang, status, note)


def read_tbx(path: Path | str) -> Glossary:
    """Concepts of a TBX-Basic file (2008 or v3 names)."""
    path = Path(path)
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    try:
        root = etree.parse(str(path), parser).getroot()
    except etree.XMLSyntaxError as error:
        raise InputError(path, f"not well-formed XML: {error}") from None
    except OSError as error:
        raise InputError(path, f"cannot read: {error}") from None
    if _local(root) not in ("tbx", "martif"):
        raise InputError(path, f"root element is <{_local(root)}>, expected <tbx> or <martif>")
    concepts = []
    for n, entry in enumerate(_descendants(root, "conceptEntry", "termEntry"), 1):
        concept = Concept(entry.get("id") or f"c{n}")
        for section in _children(entry, "langSec", "langSet"):
            code = section.get(XML_LANG) or section.get("lang") or ""
            lang = normalise_lang(code)
            if lang is None:
                raise InputError(path, f"entry '{concept.id}': unknown language '{code}'")
            for group in _children(section, "termSec", "tig", "ntig"):
                concept.terms.setdefault(lang, []).append(_tbx_term(path, group, lang, concept.id))
        concepts.append(concept)
    _unique_ids(path, concepts)
    return Glossary(concepts)


# --- CSV ---------------------------------------------------------------------------------


def _csv_terms(cell: str, lang: str) -> list[Term]:
    terms = []
    for item in (part.strip() for part in cell.split("|")):
        status = STATUS_OF_MARK.get(item[:1], "preferred")
        text = item[1:].strip() if status != "preferred" else item
        if text:
            terms.append(Term(text, lang, status))
    return terms


def _csv_header(path: Path, header: list[str]) -> list[str]:
    """Column names as "id" or language codes; raise InputError when one is neither."""
    columns = []
    for name in (cell.strip() for cell in header):
        lang = normalise_lang(name)
        if name.lower() != "id" and lang is None:
            raise InputError(path, f"unknown language column '{name}' (expected id, en, kk, ru)")
        columns.append(lang or "id")
    if not set(columns) - {"id"}:
        raise InputError(path, "no language columns: the header must name en, kk and/or ru")
    return columns


def read_csv(path: Path | str) -> Glossary:
    """Concepts of a CSV glossary (layout in the module docstring)."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
    except UnicodeDecodeError:
        raise InputError(path, "not UTF-8 text") from None
    except (OSError, csv.Error) as error:
        raise InputError(path, f"cannot read: {error}") from None
    if not rows:
        raise InputError(path, "empty file: expected a header such as id,en,kk,ru")
    columns = _csv_header(path, rows[0])
    concepts = []
    for line, row in enumerate(rows[1:], 2):
        if len(row) > len(columns):
            raise InputError(path, f"line {line} has {len(row)} cells, the header {len(columns)}")
        cells = dict(zip(columns, row, strict=False))
        concept = Concept(cells.get("id", "").strip() or f"c{line - 1}")
        for lang in LANGS:
            terms = _csv_terms(cells.get(lang, ""), lang)
            if terms:
                concept.terms[lang] = terms
        if concept.terms:
            concepts.append(concept)
    _unique_ids(path, concepts)
    return Glossary(concepts)


# --- keyword lists -----------------------------------------------------------------------


def glossary_from_keywords(keyword_lists: Mapping[str, list[str]]) -> Glossary:
    """The glossary a trilingual keyword list declares: item i of each list is one concept.

    Lists of equal length are aligned by position. When lengths differ, positions stop being
    trustworthy after the first missing or extra item, so only the largest group of languages
    whose lists have one length is aligned; the other languages' keywords become one-language
    concepts, and `notes` says so. (Aligning by meaning is the embedding module's job.)
    """
    lists = {
        lang: [item.strip() for item in items if item.strip()]
        for lang, items in keyword_lists.items()
    }
    lists = {lang: items for lang, items in lists.items() if items}
    by_length: dict[int, list[str]] = {}
    for lang in sorted(lists):
        by_length.setdefault(len(lists[lang]), []).append(lang)
    aligned = max(by_length.values(), key=len, default=[])
    if len(aligned) < 2:
        aligned = []
    glossary = Glossary()
    if aligned:
        for i in range(len(lists[aligned[0]])):
            glossary.concepts.append(
                Concept(
                    f"kw{i + 1}",
                    {lang: [Term(lists[lang][i], lang, note="keyword")] for lang in aligned},
                )
            )
    for lang in sorted(set(lists) - set(aligned)):
        for i, item in enumerate(lists[lang], 1):
            glossary.concepts.append(
                Concept(f"kw-{lang}{i}", {lang: [Term(item, lang, note="keyword")]})
            )
    if len(by_length) > 1:
        counts = ", ".join(f"{lang} {len(lists[lang])}" for lang in sorted(lists))
        left = ", ".join(sorted(set(lists) - set(aligned)))
        glossary.notes.append(
            f"keyword lists differ in length ({counts}): {left} keywords not aligned by position"
        )
    return glossary
