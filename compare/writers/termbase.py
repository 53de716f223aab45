"""Glossaries out: TBX v3 TBX-Basic (DCA style) and CSV, in the layouts compare.glossary reads
(its docstring describes both), so a saved glossary loads back as it was."""

from __future__ import annotations

import csv
import io
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


def glossary_to_tbx(glossary: Glossary) -> str:
    """TBX v3 TBX-Basic, UTF-8."""

    def sub(parent: etree._Element, name: str, text: str | None = None, **attrs: str):
        element = etree.SubElement(parent, f"{{{TBX_NS}}}{name}", attrs)
        element.text = text
        return element

    root = etree.Element(f"{{{TBX_NS}}}tbx", nsmap={None: TBX_NS})
    root.set("type", "TBX-Basic")
    root.set("style", "dca")
    root.set(XML_LANG, "en")
    source = sub(sub(sub(root, "tbxHeader"), "fileDesc"), "sourceDesc")
    sub(source, "p", "Glossary written by tilmash")
    body = sub(sub(root, "text"), "body")
    for concept in glossary.concepts:
        entry = sub(body, "conceptEntry", id=concept.id)
        for lang, terms in concept.terms.items():
            section = sub(entry, "langSec", **{XML_LANG: lang})
            for term in terms:
                group = sub(section, "termSec")
                sub(group, "term", term.text)
                sub(group, "termNote", TBX_OF_STATUS[term.status], type="administrativeStatus")
                if term.note:
                    sub(group, "note", term.note)
    xml = etree.tostring(root, encoding="UTF-8", xml_declaration=True, pretty_print=True)
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


def save_glossary(glossary: Glossary, path: Path | str) -> None:
    """Write as TBX or CSV, chosen by the file's suffix, atomically."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".tbx", ".xml"):
        atomic_write(path, glossary_to_tbx(glossary))
    elif suffix == ".csv":
        atomic_write(path, glossary_to_csv(glossary, path))
    else:
        raise InputError(path, "unknown glossary format: expected .tbx or .csv")
