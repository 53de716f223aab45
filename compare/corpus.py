"""Documents, passages and the corpus: files read, languages known, text cut into passages.

A corpus comes either from a manifest (documents/manifest.toml says which files are
translations or versions of which) or from files a user names on the command line or a
folder without a manifest, grouped by name (compare.naming: `x.kk.txt`, `x.ru.txt` are
translations of one text). Everything downstream (alignment, checks,
timelines) works on `Corpus.groups`, never on file names.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TypeVar

from compare.errors import InputError, TilmashError
from compare.lang import (
    LangGuess,
    identify,
    identify_document,
    split_keywords,
    split_sentences,
    strip_label,
)
from compare.lang.rules import REFERENCE_HEADINGS
from compare.manifest import Manifest, inside_folder, load_manifest
from compare.naming import KNOWN_LANGS, group_by_name, ungroupable
from compare.readers import SUPPORTED_SUFFIXES, Block, read_bilingual, read_document
from compare.readers.bilingual import SUFFIXES as BILINGUAL_SUFFIXES
from compare.readers.bilingual import is_bilingual
from compare.readers.structure import APPARATUS

OnDocument = Callable[[Path, int, int], None]  # (file about to be read, files read, files in all)

MANIFEST_NAME = "manifest.toml"

T = TypeVar("T")


@dataclass(frozen=True)
class Passage:
    """The unit tilmash aligns and checks: a sentence, a heading or one keyword."""

    index: int  # position in its document
    text: str
    lang: str
    # "sentence", "heading", "keyword", "entry" (a whole reference), "segment" (of a bilingual
    # file) or "apparatus"
    kind: str
    block: int  # which block (paragraph) of the file it came from
    label: str | None = None  # structural label of that block, e.g. "heading" or "2.1"
    path: str | None = None  # place in the legal structure, e.g. "article 5, sub-point 4)"
    segment: str | None = None  # the segment id a bilingual file gives it (see Block.segment)

    @property
    def normative(self) -> bool:
        """Whether the passage is the text itself, not editorial apparatus (notes, contents)."""
        return self.kind != APPARATUS


@dataclass(frozen=True)
class Document:
    """One file in one language (or "mul" when its passages mix languages)."""

    id: str
    path: Path
    lang: str  # what tilmash works with: the declared language, else the detected one
    detected: LangGuess
    passages: tuple[Passage, ...]
    format: str
    encoding: str | None = None
    declared_lang: str | None = None
    work: str | None = None
    part: str | None = None
    version: str | None = None
    date: dt.date | None = None

    @property
    def lang_mismatch(self) -> bool:
        """True when the manifest declares one language and the text reads as another."""
        return (
            self.declared_lang in KNOWN_LANGS
            and self.detected.lang in KNOWN_LANGS
            and self.detected.lang != self.declared_lang
        )

    @property
    def lang_warning(self) -> str | None:
        """The warning a language mismatch earns, the same wherever it is shown."""
        if not self.lang_mismatch:
            return None
        return (
            f"{self.path}: declared {self.declared_lang!r} but reads as "
            f"{self.detected.lang!r} ({self.detected.confidence:.0%})"
        )


@dataclass(frozen=True)
class DocumentGroup:
    """Documents to compare: translations of one text, or versions of one text in time."""

    id: str
    relation: str  # "translations" or "versions"
    members: tuple[str, ...]  # document ids; versions oldest first
    series: str | None = None  # the manifest group a per-language version group was cut from

    @property
    def family(self) -> str:
        """Groups of one family are the language versions of one version series."""
        return self.series or self.id


@dataclass(frozen=True)
class Corpus:
    documents: dict[str, Document]
    groups: tuple[DocumentGroup, ...]
    manifest: Manifest | None = None
    missing: tuple[str, ...] = field(default=())  # catalogue entries with no saved text
    ungrouped: tuple[Path, ...] = field(default=())  # loose files no other file's name pairs with
    failed: tuple[tuple[str, str], ...] = field(default=())  # (group, why): a file would not read

    def input_files(self) -> list[Path]:
        """Every file read to build the corpus: what no output may ever overwrite."""
        files = [doc.path for doc in self.documents.values()]
        return files + ([self.manifest.path] if self.manifest else [])

    def group_documents(self, group: DocumentGroup) -> list[Document]:
        return [self.documents[m] for m in group.members]

    def version_families(self) -> dict[str, list[Document]]:
        """The documents of each version series, all languages together, by series name."""
        families: dict[str, list[Document]] = {}
        for group in (g for g in self.groups if g.relation == "versions"):
            families.setdefault(group.family, []).extend(self.group_documents(group))
        return families


# Parts of a work whose paragraphs are whole entries, never cut into sentences.
WHOLE_BLOCK_PARTS = frozenset({"references"})


def joined(passages: Iterable[Passage]) -> str:
    """The text of consecutive passages as one string, as units, diffs and examples show it."""
    return " ".join(p.text for p in passages)


# Blocks as readers give them, or as (text, label) pairs.
BlockLike = Block | tuple[str, str | None]


def as_blocks(blocks: Iterable[BlockLike]) -> list[Block]:
    """Blocks from readers' blocks or from (text, label) pairs."""
    return [b if isinstance(b, Block) else Block(*b) for b in blocks]


def opens_reference_list(blocks: Sequence[BlockLike]) -> bool:
    """A file whose first paragraph is a references heading is a reference list."""
    if not blocks:
        return False
    heading = as_blocks(blocks[:1])[0].text.strip().rstrip(":.").casefold()
    return heading in REFERENCE_HEADINGS


def passages_of(
    blocks: Iterable[BlockLike], lang: str, whole_blocks: bool = False
) -> tuple[Passage, ...]:
    """Cut blocks into passages: keyword lines into their items, other blocks into sentences
    (or, with whole_blocks, each block into one passage, as for reference entries). A block of
    editorial apparatus (a note, the contents) or a segment of a bilingual file is one passage
    of its own kind.

    A label that opens a block ("Abstract.", "Аңдатпа.") is kept as the passages' label, not
    as text, so that the three languages' abstracts align sentence for sentence.
    """
    out: list[Passage] = []
    for block_no, block in enumerate(as_blocks(blocks)):
        text, block_label = block.text, block.label
        opening, rest = strip_label(text)
        keywords = split_keywords(text)
        if block.kind == APPARATUS:
            pieces, kind = [text], APPARATUS
        elif block.segment is not None:  # an empty one is a segment left untranslated
            pieces, kind, opening = [text] if text else [], "segment", None
        elif keywords:
            pieces, kind = keywords, "keyword"
        elif block_label == "heading":
            pieces, kind = [text], "heading"
        elif whole_blocks:
            pieces, kind = [text], "entry"
        else:
            pieces, kind = split_sentences(rest, lang), "sentence"
        label = opening or block_label
        for piece in pieces:
            out.append(
                Passage(len(out), piece, lang, kind, block_no, label, block.path, block.segment)
            )
    return tuple(out)


def load_document(
    path: Path,
    doc_id: str | None = None,
    declared_lang: str | None = None,
    **meta,
) -> Document:
    """Read one file, find its language and cut it into passages. A bilingual file is no one
    document (see load_bilingual): refused, saying what reads it."""
    if is_bilingual(path):
        raise InputError(
            path,
            "a bilingual file holds two or more languages, not one version; "
            f"`tilmash check {path.name}` compares its languages segment by segment",
        )
    raw = read_document(path)
    return build_document(
        doc_id or path.name,
        raw.blocks,
        path=path,
        format=raw.format,
        encoding=raw.encoding,
        declared_lang=declared_lang,
        **meta,
    )


def build_document(
    doc_id: str,
    blocks: Sequence[BlockLike],
    path: Path = Path("-"),
    format: str = "text",
    declared_lang: str | None = None,
    **meta,
) -> Document:
    """A document from blocks of text (paragraphs with optional labels), language detected."""
    blocks = as_blocks(blocks)
    detected = identify_document(b.text for b in blocks)
    lang = declared_lang or detected.lang
    whole = meta.get("part") in WHOLE_BLOCK_PARTS or opens_reference_list(blocks)
    if lang == "mul":  # each passage is judged on its own
        passages = tuple(
            replace(p, lang=identify(p.text).lang) for p in passages_of(blocks, "en", whole)
        )
    else:
        passages = passages_of(blocks, lang, whole)
    return Document(
        id=doc_id,
        path=path,
        lang=lang,
        detected=detected,
        passages=passages,
        format=format,
        declared_lang=declared_lang,
        **meta,
    )


def load_corpus(
    paths: Sequence[Path] = (),
    on_document: OnDocument | None = None,
    allow_outside: bool = False,
    grouped_only: bool = False,
    isolate_bad_files: bool = False,
) -> Corpus:
    """A corpus from a manifest folder, from loose files, or (no paths) from ./documents.
    A manifest's paths must stay inside its folder unless `allow_outside`.

    Loose files are grouped by name (see compare.naming). With `grouped_only` the files that
    join no group are not read at all, and files of which none groups are an error, said
    before any file is read. With `isolate_bad_files` a loose file that cannot be read fails
    its group alone (in `Corpus.failed`) while other groups remain. `on_document(path, done,
    total)` is called before each file.
    """
    if not paths:
        default = Path("documents")
        if not (default / MANIFEST_NAME).is_file():
            raise TilmashError(
                "no paths given and no documents/manifest.toml here; "
                "name the files or folder to compare"
            )
        paths = [default]
    if len(paths) == 1 and paths[0].is_dir() and (paths[0] / MANIFEST_NAME).is_file():
        manifest = load_manifest(paths[0] / MANIFEST_NAME, allow_outside)
        return _from_manifest(manifest, on_document, allow_outside, isolate_bad_files)
    return _from_files(_expand(paths), on_document, grouped_only, isolate_bad_files)


_ANY_SUFFIX = frozenset(SUPPORTED_SUFFIXES) | frozenset(BILINGUAL_SUFFIXES)


def _expand(paths: Sequence[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() in _ANY_SUFFIX)
            if not found:
                raise InputError(path, "folder holds no readable documents")
            files.extend(found)
        else:
            files.append(path)
    return files


class _Reading:
    """Files read one after another for a corpus run: progress is reported before each, and
    a file that does not read is set aside under its key (the file, or the manifest id it
    serves) when `may_fail(key)` allows, instead of stopping the run."""

    def __init__(self, on_document: OnDocument | None, total: int, may_fail) -> None:
        self.on_document, self.total, self.may_fail = on_document, total, may_fail
        self.done = 0
        self.bad: dict = {}

    def reached(self, path: Path) -> None:
        """Say that `path` is about to be read."""
        if self.on_document:
            self.on_document(path, self.done, self.total)
        self.done += 1

    def read(self, key, path: Path, load: Callable[[], T]) -> T | None:
        """What `load` makes of `path`, or None when it failed and was set aside."""
        self.reached(path)
        try:
            return load()
        except InputError as error:
            if not self.may_fail(key):
                raise
            self.bad.setdefault(key, error)
            return None

    def spoils(self, members: Iterable) -> bool:
        return any(m in self.bad for m in members)

    def failed(self, groups: dict[str, Sequence]) -> tuple[tuple[str, str], ...]:
        """(group, why) for each group a set-aside file belongs to, why naming the file."""
        return tuple(
            (group, str(next(self.bad[m] for m in members if m in self.bad)))
            for group, members in groups.items()
            if self.spoils(members)
        )

    def check_left(self, groups: Sequence) -> None:
        """A run whose bad files leave no group to compare stops on the first of them."""
        if self.bad and not groups:
            raise next(iter(self.bad.values()))


def _from_files(
    files: list[Path], on_document, grouped_only: bool, isolate_bad_files: bool
) -> Corpus:
    """Bilingual files (XLIFF, TMX, PO) are each a group of their own; the other files are
    grouped by name. With `isolate_bad_files`, a grouped file that cannot be read fails its
    group alone."""
    bilingual = list(dict.fromkeys(p for p in files if is_bilingual(p)))
    files = [p for p in files if not is_bilingual(p)]
    named = group_by_name(files)
    if grouped_only and not named.groups and not bilingual:
        raise ungroupable(files)
    grouped = {path for members in named.groups.values() for path in members}
    to_read = [p for p in files if p in grouped] if grouped_only else files
    reading = _Reading(
        on_document,
        len(to_read) + len(bilingual),
        lambda path: isolate_bad_files and path in grouped and len(named.groups) > 1,
    )
    documents: dict[str, Document] = {}
    ids: dict[Path, str] = {}
    for path in to_read:
        doc = reading.read(path, path, partial(load_document, path, _unique_id(path, documents)))
        if doc is not None:
            documents[doc.id] = doc
            ids.setdefault(path, doc.id)
    groups = [
        DocumentGroup(stem, "translations", member_ids)
        for stem, members in named.groups.items()
        if not reading.spoils(members)
        and len(member_ids := tuple(dict.fromkeys(ids[p] for p in members))) > 1
    ]
    for path in bilingual:
        reading.reached(path)
        docs = load_bilingual(path)
        documents.update((doc.id, doc) for doc in docs)
        groups.append(DocumentGroup(path.name, "translations", tuple(d.id for d in docs)))
    reading.check_left(groups)
    return Corpus(
        documents, tuple(groups), ungrouped=named.ungrouped, failed=reading.failed(named.groups)
    )


def load_bilingual(path: Path, name: str | None = None, **meta) -> list[Document]:
    """The documents of a bilingual file, one per language (ids "name:kk", the name the
    file's own by default), each passage one segment of the file: translations already
    aligned by the file."""
    bilingual = read_bilingual(path)
    return [
        build_document(
            f"{name or path.name}:{lang}",
            bilingual.blocks(lang),
            path=path,
            format=bilingual.format,
            declared_lang=lang,
            **meta,
        )
        for lang in bilingual.langs
    ]


def _unique_id(path: Path, taken: dict) -> str:
    doc_id, n = path.name, 2
    while doc_id in taken:
        doc_id, n = f"{path.name}#{n}", n + 1
    return doc_id


def _from_manifest(
    manifest: Manifest, on_document, allow_outside: bool = False, isolate_bad_files: bool = False
) -> Corpus:
    """The manifest's documents and saved catalogue texts, grouped as it says. With
    `isolate_bad_files`, a file of a group member that cannot be read fails the groups that
    member is in (a catalogue entry's saved texts are that entry's translation group)."""
    catalogue_texts = manifest.saved_catalogue_texts()
    in_groups = {m for group in manifest.groups.values() for m in group.members}
    candidates = (
        {group.id: group.members for group in manifest.groups.values()}
        | {doc.id: (doc.id,) for doc in manifest.documents.values() if is_bilingual(doc.path)}
        | {entry_id: (entry_id,) for entry_id, texts in catalogue_texts.items() if len(texts) > 1}
    )
    reading = _Reading(
        on_document,
        len(manifest.documents) + sum(len(texts) for texts in catalogue_texts.values()),
        lambda key: isolate_bad_files and (key in in_groups or key in candidates),
    )
    documents: dict[str, Document] = {}
    own_groups: list[DocumentGroup] = []  # bilingual files, each a group of its own
    for entry in manifest.documents.values():
        meta = {
            "work": entry.work,
            "part": entry.part,
            "version": entry.version,
            "date": entry.date,
        }
        if is_bilingual(entry.path):
            docs = reading.read(
                entry.id, entry.path, partial(load_bilingual, entry.path, entry.id, **meta)
            )
            if docs:
                own_groups.append(
                    DocumentGroup(entry.id, "translations", tuple(d.id for d in docs))
                )
        else:
            load = partial(load_document, entry.path, entry.id, entry.lang, **meta)
            docs = [reading.read(entry.id, entry.path, load)]
        documents.update((doc.id, doc) for doc in docs or () if doc is not None)
    # Saved texts of catalogue entries (e.g. policy documents) join as one document per language.
    expanded: dict[str, list[str]] = {}
    for entry_id, texts in catalogue_texts.items():
        entry = manifest.catalogue[entry_id]
        for lang, path in texts.items():
            saved = os.path.relpath(path, manifest.path.parent)  # may be a symlink leading out
            inside_folder(manifest.path, f"catalogue {entry_id!r}", saved, allow_outside)
            doc = reading.read(
                entry_id,
                path,
                partial(
                    load_document,
                    path,
                    doc_id=f"{entry_id}.{lang}",
                    declared_lang=lang,
                    version=entry_id,
                    date=entry.date,
                ),
            )
            if doc is not None:
                documents[doc.id] = doc
                expanded.setdefault(entry_id, []).append(doc.id)
    for entry_id in reading.bad:
        expanded.pop(entry_id, None)
    failed = reading.failed(candidates)
    spoiled = {group for group, _ in failed}
    groups = (
        *own_groups,
        *(g for g in _groups(manifest, documents, expanded) if g.family not in spoiled),
    )
    reading.check_left(groups)
    missing = tuple(e for e in manifest.catalogue if e not in catalogue_texts)
    return Corpus(documents, groups, manifest, missing, failed=failed)


def _groups(manifest: Manifest, documents: dict, expanded: dict) -> tuple[DocumentGroup, ...]:
    """Manifest groups over the documents actually loaded.

    A version group of catalogue entries becomes one version series per language, and each
    saved catalogue entry in two or more languages becomes a translation group.
    """
    groups: list[DocumentGroup] = []
    for group in manifest.groups.values():
        if all(m in documents for m in group.members):
            groups.append(DocumentGroup(group.id, group.relation, group.members))
            continue
        by_lang: dict[str, list[str]] = {}
        for member in group.members:
            for doc_id in expanded.get(member, []):
                by_lang.setdefault(documents[doc_id].lang, []).append(doc_id)
        for lang, members in sorted(by_lang.items()):
            if len(members) > 1:
                groups.append(
                    DocumentGroup(f"{group.id}.{lang}", group.relation, tuple(members), group.id)
                )
    for entry_id, doc_ids in expanded.items():
        if len(doc_ids) > 1:
            groups.append(DocumentGroup(entry_id, "translations", tuple(doc_ids)))
    return tuple(groups)
