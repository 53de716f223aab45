"""Aligning real documents end to end: the shipped trilingual abstract, writers and the CLI.

Uses the real model (built once per machine into the user cache).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from typer.testing import CliRunner

from compare.align import align_documents, align_texts
from compare.cli import app
from compare.corpus import load_corpus
from compare.embed import load_encoder
from compare.writers.alignment import alignment_to_json, alignment_to_tmx, alignment_to_tsv

ROOT = Path(__file__).resolve().parent.parent
FRONT = ROOT / "documents" / "kaliaskarova-2022"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="module")
def abstract():
    corpus = load_corpus([FRONT / f"front.{lang}.txt" for lang in ("kk", "ru", "en")])
    return align_documents(list(corpus.documents.values()), load_encoder())


def test_abstract_aligns_title_sentences_and_keywords(abstract):
    assert abstract.keys == ("kk", "ru", "en")
    # Every passage of the three front-matter files is paired with the same-numbered one.
    assert len(abstract.units) == len(abstract.documents["en"].passages)
    for unit in abstract.units:
        indices = {key: [p.index for p in ps] for key, ps in unit.passages.items()}
        assert indices["kk"] == indices["ru"] == indices["en"] == [unit.index]
    keywords = [u for u in abstract.units if u.passages["en"][0].kind == "keyword"]
    assert [u.text("en") for u in keywords][:2] == ["intellectual migration", "brain drain"]


def test_merged_sentence_becomes_a_two_to_one_unit_and_omission_is_kept():
    """Hand-written: the Russian joins two Kazakh sentences; English leaves the third out."""
    kk = (
        "Көші-қон саясатының жаңа тұжырымдамасы 2022 жылы қабылданды. "
        "Ол 2023-2027 жылдарға арналған. "
        "Тұжырымдама шетелдегі қандастарды елге қайтаруға бағытталған. "
        "Құжатты Үкімет бекітті."
    )
    ru = (
        "Новая концепция миграционной политики, рассчитанная на 2023-2027 годы, была принята "
        "в 2022 году. "
        "Концепция направлена на возвращение соотечественников из-за рубежа. "
        "Документ утвердило Правительство."
    )
    en = (
        "A new migration policy concept was adopted in 2022. It covers the years 2023-2027. "
        "The document was approved by the Government."
    )
    result = align_texts({"kk": kk, "ru": ru, "en": en})
    shapes = [tuple(len(u.passages[k]) for k in ("kk", "ru", "en")) for u in result.units]
    assert shapes == [(2, 1, 2), (1, 1, 0), (1, 1, 1)]
    assert result.units[1].missing == ("en",)


def test_tmx_has_one_tu_per_unit_with_a_tuv_per_language(abstract):
    root = ET.fromstring(alignment_to_tmx(abstract))
    assert root.get("version") == "1.4"
    units = root.findall("./body/tu")
    assert len(units) == len(abstract.units)
    first = units[0]
    assert [tuv.get(XML_LANG) for tuv in first.findall("tuv")] == ["kk-KZ", "ru-RU", "en"]
    assert first.find("prop[@type='x-score']") is not None
    assert first.find("tuv/seg").text == "Г.Б. Калиаскарова"


def test_json_and_tsv_carry_every_unit(abstract):
    data = json.loads(alignment_to_json(abstract))
    assert len(data["units"]) == len(abstract.units)
    assert data["units"][11]["passages"]["kk"][0]["text"] == abstract.units[11].text("kk")
    rows = list(csv.reader(io.StringIO(alignment_to_tsv(abstract)), delimiter="\t"))
    assert rows[0] == ["unit", "score", "kk", "ru", "en"]
    assert len(rows) == len(abstract.units) + 1


runner = CliRunner()


def test_cli_align_writes_tmx_atomically(tmp_path):
    out = tmp_path / "abstract.tmx"
    files = [str(FRONT / f"front.{lang}.txt") for lang in ("kk", "ru", "en")]
    result = runner.invoke(app, ["align", *files, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert ET.parse(out).getroot().tag == "tmx"
    assert [p.name for p in tmp_path.iterdir()] == ["abstract.tmx"]  # no temporary left


def test_cli_align_refuses_documents_in_one_language(tmp_path):
    """Hand-written Kazakh texts."""
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Көші-қон саясаты өзгерді. Жаңа тұжырымдама қабылданды.")
    result = runner.invoke(app, ["align", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    assert result.exit_code != 0
    assert "two or more languages" in str(result.exception)


def test_cli_align_unknown_output_format(tmp_path):
    files = [str(FRONT / f"front.{lang}.txt") for lang in ("kk", "en")]
    result = runner.invoke(app, ["align", *files, "-o", str(tmp_path / "x.docx")])
    assert "unknown output format" in str(result.exception)
