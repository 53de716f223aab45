"""Glossaries out: TBX-Basic in both generations and CSV, in the layouts compare.glossary
reads (its docstring describes them), so a saved glossary loads back as it was.

TBX v3 (root <tbx>, DCA style, ISO 30042:2019) is the current standard; TBX 2008 (root
<martif>, ISO 30042:2008) is what most CAT tools and translate-toolkit read. Both hold the same
concepts, terms, statuses and notes.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from compare.errors import InputError
from compare.glossary import (
    CSV_MARK,
    LANGS,
    STATUS_OF_MARK,
    TBX_NS,
    TBX_OF_STATUS,
    XML_LANG,
    Glossary,
)
from compare.writers import atomic_write


@dataclass(frozen=True)
class TbxDialect:
    """The element names of one TBX generation."""

    namespace: str | None
    root: str
    header: str
    entry: str
    language: str
    term_group: str
    doctype: str | None = None


TBX_DIALECTS = {
    "v3": TbxDialect(TBX_NS, "tbx", "tbxHeader", "conceptEntry", "langSec", "termSec"),
    "2008": TbxDialect(
        None,
        "martif",
        "martifHeader",
        "termEntry",
        "langSet",
        "tig",
        '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">',
    ),
}


def glossary_to_tbx(glossary: Glossary, dialect: str = "v3") -> str:
    """TBX-Basic, UTF-8: TBX v3 ("v3") or TBX 2008 ("2008", root <martif>)."""
    names = TBX_DIALECTS[dialect]

    def tag(name: str) -> str:
        return f"{{{names.namespace}}}{name}" if names.namespace else name

    def sub(parent: etree._Element, name: str, text: str | None = None, **attrs: str):
        element = etree.SubElement(parent, tag(name), attrs)
        element.text = text
        return element

    nsmap = {None: names.namespace} if names.namespace else None
    root = etree.Element(tag(names.root), nsmap=nsmap)
    root.set("type", "TBX-Basic")
    if names.namespace:
        root.set("style", "dca")
    root.set(XML_LANG, "en")
    source = sub(sub(sub(root, names.header), "fileDesc"), "sourceDesc")
    sub(source, "p", "Glossary written by tilmash")
    body = sub(sub(root, "text"), "body")
    for concept in glossary.concepts:
        entry = sub(body, names.entry, id=concept.id)
        for lang, terms in concept.terms.items():
            section = sub(entry, names.language, **{XML_LANG: lang})
            for term in terms:
                group = sub(section, names.term_group)
                sub(group, "term", term.text)
                sub(group, "termNote", TBX_OF_STATUS[term.status], type="administrativeStatus")
                if term.note:
                    sub(group, "note", term.note)
    xml = etree.tostring(
        root, encoding="UTF-8", xml_declaration=True, pretty_print=True, doctype=names.doctype
    )
    return xml.decode("utf-8")


def glossary_to_csv(glossary: Glossary, path: Path) -> str:
    """One row per concept: id,en,kk,ru. `path` names the file in the error for a term that
    CSV cannot hold."""
    for concept in glossary.concepts:
        for terms in concept.terms.values():
            for term in terms:
                if "|" in term.text or term.text[:1] in STATUS_OF_MARK:
                    raise InputError(path, f"term '{term.text}' cannot be written to CSV")
    handle = io.StringIO()
    writer = csv.writer(handle)
    writer.writerow(("id", *LANGS))
    for concept in glossary.concepts:
        cells = [
            "|".join(CSV_MARK.get(t.status, "") + t.text for t in concept.terms.get(lang, []))
            for lang in LANGS
        ]
        writer.writerow((concept.id, *cells))
    return handle.getvalue()


def save_glossary(glossary: Glossary, path: Path | str, tbx: str = "v3") -> None:
    """Write as TBX (`tbx`: "v3" or "2008") or CSV, chosen by the file's suffix, atomically."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".tbx", ".xml"):
        atomic_write(path, glossary_to_tbx(glossary, tbx))
    elif suffix == ".csv":
        atomic_write(path, glossary_to_csv(glossary, path))
    else:
        raise InputError(path, "unknown glossary format: expected .tbx or .csv")
