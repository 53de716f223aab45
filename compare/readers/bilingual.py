"""Bilingual files translators deliver: XLIFF 1.2 and 2.x, TMX and PO, read with translate-toolkit.

Such a file is already aligned segment by segment, so it is read as one text per language, each
block one segment under the file's own id for it (the XLIFF unit or trans-unit id, the TMX tuid,
the PO msgctxt or source location), and the segments are compared as the file pairs them. The
languages come from the file: srcLang/trgLang or source-language/target-language, each TMX
<tuv>'s xml:lang (a TMX may hold three), the PO Language header.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from compare.errors import InputError
from compare.glossary import normalise_lang
from compare.lang import identify_document
from compare.lang.rules import KNOWN_LANGS
from compare.lang.split import tidy_space
from compare.readers.base import Block

SUFFIXES: dict[str, str] = {".xlf": "xliff", ".xliff": "xliff", ".tmx": "tmx", ".po": "po"}
_XLIFF2 = re.compile(rb"<xliff\b[^>]*\bversion\s*=\s*[\"']2\.")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class Segment:
    """One segment: its id in the file and its text in each language ("" where untranslated)."""

    id: str
    texts: dict[str, str]


@dataclass(frozen=True)
class BilingualFile:
    """A bilingual file's languages (the source first) and its segments in file order."""

    path: Path
    format: str  # "xliff", "tmx" or "po"
    langs: tuple[str, ...]
    segments: tuple[Segment, ...]

    def blocks(self, lang: str) -> list[Block]:
        """One block per segment of the file, empty where `lang` has no text for it, so that
        every language's blocks count the segments alike."""
        return [Block(s.texts.get(lang, ""), segment=s.id) for s in self.segments]


def is_bilingual(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES


def read_bilingual(path: Path) -> BilingualFile:
    """Read an .xlf/.xliff, .tmx or .po file; a malformed file, a language missing or other
    than kk, ru and en, or a file without segments raises InputError naming the file."""
    fmt = SUFFIXES[path.suffix.lower()]
    data = path.read_bytes()
    try:
        store = _parse(fmt, data)
    except etree.XMLSyntaxError as exc:
        raise InputError(path, f"malformed XML: {exc.msg}") from None
    # translate-toolkit lets ValueError, AssertionError, StopIteration and others escape on
    # files that are not what their suffix says.
    except Exception as exc:
        why = f": {str(exc).splitlines()[0]}" if str(exc) else ""
        raise InputError(path, f"not a readable {fmt.upper()} file{why}") from None
    if fmt == "tmx":  # every <tu>: one without the source language is still a segment
        rows = _tmx_rows(path, store, store.units)
    else:
        units = [u for u in store.units if u.istranslatable() and not u.isobsolete()]
        source, target = _pair_langs(path, fmt, store, units)
        rows = [
            (_unit_id(fmt, u, n), {source: _text(u.source), target: _text(u.target)})
            for n, u in enumerate(units, start=1)
        ]
    ids = _unique([segment_id for segment_id, _ in rows])
    segments = [Segment(i, texts) for i, (_, texts) in zip(ids, rows, strict=True)]
    if not segments:
        raise InputError(path, f"no segments found in this {fmt.upper()} file")
    langs = tuple(dict.fromkeys(lang for s in segments for lang in s.texts))
    if len(langs) < 2:
        raise InputError(path, f"only one language ({', '.join(langs)}) in this file")
    return BilingualFile(path, fmt, langs, tuple(segments))


def _parse(fmt: str, data: bytes):
    from translate.storage import po, tmx, xliff, xliff2

    if fmt == "xliff":
        return (xliff2.Xliff2File if _XLIFF2.search(data[:2000]) else xliff.Xliff1File)(data)
    return {"tmx": tmx.tmxfile, "po": po.pofile}[fmt](data)


def _text(value: object) -> str:
    return tidy_space(str(value or ""))


def _unit_id(fmt: str, unit, number: int) -> str:
    """XLIFF: the unit's id ("u1", or "u1::s2" for a unit's second segment), without the file
    it is in; PO: the msgctxt, else the first source location, else the entry's number."""
    if fmt == "xliff":
        return str(unit.getid()).split("\x04")[-1]
    return unit.getcontext() or next(iter(unit.getlocations()), None) or str(number)


def _unique(ids: Sequence[str]) -> list[str]:
    """Ids as given, a repeated one numbered from its second occurrence ("a.c:10 (2)")."""
    seen: dict[str, int] = {}
    out = []
    for segment_id in ids:
        seen[segment_id] = seen.get(segment_id, 0) + 1
        out.append(segment_id if seen[segment_id] == 1 else f"{segment_id} ({seen[segment_id]})")
    return out


def _pair_langs(path: Path, fmt: str, store, units) -> tuple[str, str]:
    """(source, target) of an XLIFF or PO file; a PO file names only its target, so its source
    is its X-Source-Language header, else the language its msgids read as."""
    if fmt == "po":
        source = store.parseheader().get("X-Source-Language")
        if not source:
            source = identify_document(_text(u.source) for u in units).lang
            if source not in KNOWN_LANGS:
                raise InputError(
                    path, "cannot tell the msgids' language; add an X-Source-Language header"
                )
        where = ("X-Source-Language header", "Language header")
    else:
        from translate.storage.xliff2 import Xliff2File

        # translate-toolkit reads a missing srcLang as "en"; the file must say it
        xliff2 = isinstance(store, Xliff2File)
        source = store.document.getroot().get("srcLang") if xliff2 else store.getsourcelanguage()
        where = (
            "source language (srcLang, source-language)",
            "target language (trgLang, target-language)",
        )
    langs = (_known(path, source, where[0]), _known(path, store.gettargetlanguage(), where[1]))
    if langs[0] == langs[1]:
        raise InputError(path, f"source and target are both {langs[0]!r}")
    return langs


def _known(path: Path, code: str | None, what: str) -> str:
    if not code:
        raise InputError(path, f"no {what}")
    lang = normalise_lang(code)
    if lang is None:
        raise InputError(
            path,
            f"language {code!r} ({what}) is not one tilmash compares: {', '.join(KNOWN_LANGS)}",
        )
    return lang


def _tmx_rows(path: Path, store, units) -> list[tuple[str, dict[str, str]]]:
    """Each <tu>'s tuid (else its position) and the text of every <tuv> in it, not only the
    first two; the header's srclang first."""
    source = store.getsourcelanguage()
    rows = []
    for number, unit in enumerate(units, start=1):
        nodes = sorted(unit.getlanguageNodes(), key=lambda n: _tuv_lang(n) != source)
        texts: dict[str, str] = {}
        for node in nodes:
            lang = _known(path, _tuv_lang(node), "xml:lang of a <tuv>")
            if lang in texts:
                raise InputError(path, f"two <tuv> in {lang} in <tu> number {number}")
            texts[lang] = _text(unit.getNodeText(node))
        rows.append((unit.xmlelement.get("tuid") or str(number), texts))
    return rows


def _tuv_lang(node) -> str | None:
    return node.get(_XML_LANG) or node.get("lang")
