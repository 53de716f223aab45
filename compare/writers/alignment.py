"""Aligned units as TMX 1.4b, JSON and TSV: the formats CAT tools and pipelines read."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

from lxml import etree

from compare import __version__
from compare.align.documents import Alignment
from compare.glossary import XML_LANG

TMX_LANGS = {"kk": "kk-KZ", "ru": "ru-RU", "en": "en"}


def alignment_record(alignment: Alignment) -> dict:
    """One alignment as plain data: its versions and its units with their scores."""
    return {
        "tool": f"tilmash {__version__}",
        "model": alignment.model,
        "versions": {
            key: {
                "document": doc.id,
                "path": str(doc.path),
                "lang": doc.lang,
                "version": key if key != doc.lang else None,
            }
            for key, doc in alignment.documents.items()
        },
        "units": [
            {
                "index": unit.index,
                "segment": unit.segment,
                "score": None if unit.score is None else round(unit.score, 4),
                "pair_scores": {k: round(v, 4) for k, v in unit.pair_scores.items()},
                "disagreements": list(unit.disagreements),
                "passages": {
                    key: [{"index": p.index, "kind": p.kind, "text": p.text} for p in ps]
                    for key, ps in unit.passages.items()
                },
            }
            for unit in alignment.units
        ],
    }


def alignment_to_json(alignment: Alignment) -> str:
    return json.dumps(alignment_record(alignment), ensure_ascii=False, indent=2) + "\n"


def alignments_to_json(alignments: Sequence[Alignment]) -> str:
    """Several alignments (one per group) as one JSON list."""
    records = [alignment_record(a) for a in alignments]
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def alignment_to_tsv(alignment: Alignment) -> str:
    """One row per unit: index, score, then each version's text (empty where omitted)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(["unit", "score", *alignment.keys])
    for unit in alignment.units:
        score = "" if unit.score is None else f"{unit.score:.4f}"  # empty: paired unscored
        writer.writerow([unit.index, score, *(unit.text(k) for k in alignment.keys)])
    return out.getvalue()


def alignment_to_tmx(alignment: Alignment, keys: Sequence[str] | None = None) -> str:
    """TMX 1.4b: one <tu> per unit with a <tuv xml:lang> per version present, scores as <prop>.

    `keys` chooses the versions written (default: all, in the alignment's order; the first is
    the header's srclang). Every unit with text in one of them is written, so no unit a finding
    points at is left out; the versions a unit lacks are named in <prop type="x-missing">.
    Where the first version lacks the unit, its <tuv> is written with an empty <seg/>: readers
    that take the second <tuv> as the target (translate-toolkit) then find the text as a
    translation of nothing rather than lose it, and no source segment matches an empty one.

    Two versions in the same language (e.g. two editions) cannot share a TMX language; their
    version key is then written as a <prop type="x-version"> on the <tuv>.
    """
    langs = alignment.langs()
    keys = list(keys or alignment.keys)
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(
        root,
        "header",
        creationtool="tilmash",
        creationtoolversion=__version__,
        datatype="plaintext",
        segtype="sentence",
        adminlang="en",
        srclang=TMX_LANGS.get(langs[keys[0]], langs[keys[0]]),
        **{"o-tmf": "tilmash"},
    )
    body = etree.SubElement(root, "body")
    for unit in alignment.units:
        present = [k for k in keys if unit.passages.get(k)]
        if not present:
            continue
        tu = etree.SubElement(body, "tu", tuid=str(unit.index))
        if unit.score is not None:  # None: no embedding paired the unit (AlignedUnit.pairing)
            etree.SubElement(tu, "prop", type="x-score").text = f"{unit.score:.4f}"
        for pair, score in unit.pair_scores.items():
            if set(pair.split("~")) <= set(present):
                etree.SubElement(tu, "prop", type=f"x-score:{pair}").text = f"{score:.4f}"
        if unit.segment is not None:  # the id of the bilingual file's segment
            etree.SubElement(tu, "prop", type="x-segment").text = unit.segment
        missing = [k for k in keys if k not in present]
        if missing:
            etree.SubElement(tu, "prop", type="x-missing").text = " ".join(missing)
        for key in [keys[0], *present] if keys[0] in missing else present:
            tuv = etree.SubElement(tu, "tuv", {XML_LANG: TMX_LANGS.get(langs[key], langs[key])})
            if key != langs[key]:
                etree.SubElement(tuv, "prop", type="x-version").text = key
            etree.SubElement(tuv, "seg").text = unit.text(key)
    xml = etree.tostring(root, encoding="UTF-8", xml_declaration=True, pretty_print=True)
    return xml.decode("utf-8")
