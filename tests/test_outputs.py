"""Outputs an editor acts on, on the fast layer (the fake encoder): findings in JSON, CSV and
XLSX with the language at fault, each version's file and its unit's text; version groups with
language codes and version labels apart."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import typer
from lxml import etree
from openpyxl import load_workbook
from translate.storage.tbx import tbxfile
from translate.storage.tmx import tmxfile
from typer.testing import CliRunner

from compare import embed
from compare.cli import app
from compare.corpus import load_corpus
from compare.diff import diff_documents
from compare.glossary import XML_LANG, Glossary
from compare.report import build_report
from compare.writers.alignment import TMX_LANGS, alignment_to_tmx
from compare.writers.export import export_report
from compare.writers.findings import (
    CSV_COLUMNS,
    findings_to_csv,
    findings_to_json,
    findings_to_xlsx,
)
from compare.writers.termbase import glossary_to_tbx, save_glossary
from compare.writers.versions import diff_to_json

ABSTRACT = Path(__file__).resolve().parents[1] / "documents" / "kaliaskarova-2022"
FRONT = [ABSTRACT / f"front.{lang}.txt" for lang in ("kk", "ru", "en")]

MANIFEST = """
[[work]]
id = "migration-law"
title = "On population migration"
year = 2014

[[document]]
id = "law-2014"
path = "law-2014.ru.txt"
lang = "ru"
work = "migration-law"
part = "body"
version = "2014"

[[document]]
id = "law-2022"
path = "law-2022.ru.txt"
lang = "ru"
work = "migration-law"
part = "body"
version = "2022"

[[group]]
id = "law"
relation = "versions"
members = ["law-2014", "law-2022"]
"""
LAW_2014 = (
    "Статья 1. Настоящий закон регулирует миграцию населения.\n\n"
    "Статья 2. Квота составляет 5 тысяч человек в год.\n"
)
LAW_2022 = (
    "Статья 1. Настоящий закон регулирует миграцию населения.\n\n"
    "Статья 2. Квота составляет 6 тысяч человек в год.\n"
)


@pytest.fixture(scope="module")
def abstract(fake_encoder):
    return build_report(load_corpus(FRONT), fake_encoder, timelines=False).data


@pytest.fixture(scope="module")
def law(fake_encoder, tmp_path_factory):
    folder = tmp_path_factory.mktemp("law")
    (folder / "manifest.toml").write_text(MANIFEST, encoding="utf-8")
    (folder / "law-2014.ru.txt").write_text(LAW_2014, encoding="utf-8")
    (folder / "law-2022.ru.txt").write_text(LAW_2022, encoding="utf-8")
    return build_report(load_corpus([folder]), fake_encoder, timelines=False).data


def test_every_finding_carries_fault_files_unit_and_texts(abstract) -> None:
    data = json.loads(findings_to_json(abstract.sections, abstract.signature))
    (group,) = data["groups"]
    assert [v["lang"] for v in group["versions"]] == ["kk", "ru", "en"]
    assert [v["file"] for v in group["versions"]] == [str(p) for p in FRONT]
    assert group["findings"], "the abstract is known to have findings"
    alignment = abstract.sections[0].alignment
    faults = 0
    for record, finding in zip(group["findings"], abstract.sections[0].findings, strict=True):
        unit = alignment.units[record["unit"]]
        assert [p["lang"] for p in record["passages"]] == ["kk", "ru", "en"]
        for passage in record["passages"]:
            assert passage["file"] == str(FRONT[("kk", "ru", "en").index(passage["lang"])])
            assert passage["text"] == unit.text(passage["lang"])
            assert passage["indices"] == [p.index for p in unit.passages[passage["lang"]]]
        assert record["fault"] == finding.fault and record["fault_version"] is None
        assert record["versions"] == [] and "lang" not in record["details"]
        faults += record["fault"] is not None
    assert faults, "omissions and term findings name the language at fault"


def test_version_groups_keep_language_codes_and_labels_apart(law) -> None:
    data = json.loads(findings_to_json(law.sections, law.signature))
    (group,) = data["groups"]
    assert group["relation"] == "versions"
    assert [(v["lang"], v["version"]) for v in group["versions"]] == [
        ("ru", "2014"),
        ("ru", "2022"),
    ]
    (number,) = [f for f in group["findings"] if f["check"] == "numbers"]
    assert number["langs"] == ["ru"] and number["versions"] == ["2014", "2022"]
    assert [(s["lang"], s["version"], s["text"]) for s in number["spans"]] == [
        ("ru", "2014", "5 тысяч"),
        ("ru", "2022", "6 тысяч"),
    ]
    codes = {s["lang"] for f in group["findings"] for s in f["spans"]}
    codes |= {f["fault"] for f in group["findings"]} | {
        lang for f in group["findings"] for lang in f["langs"]
    }
    assert codes <= {"ru", None}


def test_csv_has_a_text_and_a_file_column_per_version(law, abstract) -> None:
    sections = (*abstract.sections, *law.sections)
    rows = list(csv.DictReader(io.StringIO(findings_to_csv(sections))))
    names = ["kk", "ru", "en", "ru 2014", "ru 2022"]
    assert list(rows[0]) == [
        *CSV_COLUMNS,
        *(f"text {n}" for n in names),
        *(f"file {n}" for n in names),
    ]
    assert len(rows) == sum(len(s.findings) for s in sections)
    (number,) = [r for r in rows if r["group"] == "law" and r["check"] == "numbers"]
    assert "5 тысяч" in number["text ru 2014"] and "6 тысяч" in number["text ru 2022"]
    assert number["file ru 2022"].endswith("law-2022.ru.txt") and number["text kk"] == ""
    assert number["spans"] == "ru 2014: 5 тысяч | ru 2022: 6 тысяч"
    front = [r for r in rows if r["group"] == "front"]
    assert all(r["file kk"].endswith("front.kk.txt") for r in front)
    assert all(r["text kk"] or r["text ru"] or r["text en"] for r in front)


def test_xlsx_reads_back_formatted_with_the_csv_rows(abstract, tmp_path) -> None:
    path = tmp_path / "findings.xlsx"
    path.write_bytes(findings_to_xlsx(abstract.sections))
    sheet = load_workbook(path).active
    table = list(csv.reader(io.StringIO(findings_to_csv(abstract.sections))))
    read = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    assert [r[:6] for r in read] == [r[:6] for r in table]
    header = [c.value for c in sheet[1]]
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(header)).column_letter}{len(table)}"
    width = {
        h: sheet.column_dimensions[sheet.cell(1, n).column_letter].width
        for n, h in enumerate(header, 1)
    }
    assert width["message"] == 60 and width["text kk"] == 50 and width["file kk"] == 30
    assert width["severity"] == 10
    message = header.index("message") + 1
    assert all(sheet.cell(r, message).alignment.wrap_text for r in range(2, sheet.max_row + 1))
    assert not sheet.cell(2, header.index("unit") + 1).alignment.wrap_text


# --- the command line: -o -, -q, -v and --fail-on (the fake encoder stands in for the model) --

runner = CliRunner()
FRONT_ARGS = [str(p) for p in FRONT]


@pytest.fixture
def fake_model(monkeypatch, fake_encoder):
    monkeypatch.setattr(embed, "load_encoder", lambda *args, **kwargs: fake_encoder)


def test_check_o_dash_prints_json_or_with_csv_csv(fake_model) -> None:
    as_json = runner.invoke(app, ["check", *FRONT_ARGS, "-o", "-", "--fail-on", "none"])
    assert as_json.exit_code == 0, as_json.output
    (group,) = json.loads(as_json.stdout)["groups"]
    assert group["findings"] and "Wrote" not in as_json.stderr
    as_csv = runner.invoke(app, ["check", *FRONT_ARGS, "-o", "-", "--csv", "--fail-on", "none"])
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert [r["id"] for r in rows] == [f["id"] for f in group["findings"]]


def test_align_o_dash_prints_json(fake_model) -> None:
    result = runner.invoke(app, ["align", *FRONT_ARGS, "-o", "-"])
    assert result.exit_code == 0, result.output
    (alignment,) = json.loads(result.stdout)
    assert set(alignment["versions"]) == {"kk", "ru", "en"}


def test_quiet_prints_only_the_result_and_verbose_what_was_read(fake_model, tmp_path) -> None:
    out = tmp_path / "f.json"
    quiet = runner.invoke(app, ["check", *FRONT_ARGS, "-o", str(out), "-q", "--fail-on", "none"])
    assert quiet.exit_code == 0 and quiet.stderr == ""
    assert json.loads(out.read_text(encoding="utf-8"))["groups"]
    normal = runner.invoke(app, ["check", *FRONT_ARGS, "-o", str(out), "--fail-on", "none"])
    assert normal.stderr.startswith("Wrote ")
    verbose = runner.invoke(app, ["check", *FRONT_ARGS, "-o", str(out), "-v", "--fail-on", "none"])
    said = verbose.stderr
    for path in FRONT:
        assert f"read {path}: txt, {path.suffixes[0][1:]}, 17 passages, utf-8\n" in said
    assert "model fake-trigrams (fake-trigrams@sha256:0)" in said
    for step in ("Read the documents in ", "Aligned and checked in ", "Wrote "):
        assert step in said
    assert quiet.stdout == normal.stdout  # the result is the same however much is said


@pytest.mark.parametrize("command", ["corpus", "align", "check", "report", "diff", "timeline"])
def test_every_command_takes_quiet_and_verbose(command) -> None:
    names = {
        opt for param in typer.main.get_command(app).commands[command].params for opt in param.opts
    }
    assert {"-q", "--quiet", "-v", "--verbose"} <= names
    both = runner.invoke(app, [command, "-q", "-v", "a.txt", "b.txt"])
    assert both.exit_code == 2 and "give -q or -v, not both" in both.output


def test_check_and_report_fail_on_major_by_default(fake_model, tmp_path) -> None:
    commands = typer.main.get_command(app).commands
    defaults = {
        name: next(p.default for p in commands[name].params if p.name == "fail_on")
        for name in ("check", "report")
    }
    assert defaults == {"check": "major", "report": "major"}
    report = runner.invoke(app, ["report", *FRONT_ARGS, "-o", str(tmp_path / "r.html"), "-q"])
    assert report.exit_code == 1  # the abstract has major findings


# --- CAT tool files, read back by translate-toolkit ------------------------------------------


def _present(unit, keys) -> list[str]:
    return [k for k in keys if unit.passages.get(k)]


def test_tmx_keeps_every_unit_a_finding_points_at(abstract) -> None:
    section = abstract.sections[0]
    alignment = section.alignment
    store = tmxfile.parsestring(alignment_to_tmx(alignment).encode("utf-8"))
    assert {f.unit for f in section.findings} <= {int(u.getid()) for u in store.units}
    assert len(store.units) == len(alignment.units)
    alone = [u for u in alignment.units if len(_present(u, alignment.keys)) == 1]
    assert alone, "the fake alignment leaves some kk and ru sentences on their own"
    root = etree.fromstring(alignment_to_tmx(alignment).encode("utf-8"))
    for unit in alone:
        (tu,) = root.xpath(f"//tu[@tuid='{unit.index}']")
        (there,) = _present(unit, alignment.keys)
        missing = [k for k in alignment.keys if k != there]
        assert tu.xpath("prop[@type='x-missing']/text()") == [" ".join(missing)]
        segs = {tuv.get(XML_LANG): tuv.findtext("seg") for tuv in tu.xpath("tuv")}
        # the text itself, and an empty kk (the file's source language) where kk lacks it
        assert segs == {
            TMX_LANGS[there]: unit.text(there),
            **({} if there == "kk" else {"kk-KZ": ""}),
        }


def test_translate_toolkit_reads_two_languages_of_three_so_pairs_get_their_own_tmx(
    abstract, tmp_path
) -> None:
    section = abstract.sections[0]
    alignment = section.alignment
    both = next(u for u in alignment.units if len(_present(u, alignment.keys)) == 3)
    three = tmxfile.parsestring(alignment_to_tmx(alignment).encode("utf-8"))
    first = next(u for u in three.units if int(u.getid()) == both.index)
    assert (first.source, first.target) == (both.text("kk"), both.text("ru"))  # no en
    written = {p.name for p in export_report(abstract, tmp_path)}
    pairs = {f"front.{a}-{b}.tmx" for a, b in (("kk", "ru"), ("kk", "en"), ("ru", "en"))}
    assert pairs <= written
    for a, b in (("kk", "ru"), ("kk", "en"), ("ru", "en")):
        store = tmxfile((tmp_path / f"front.{a}-{b}.tmx").open("rb"))
        units = {int(u.getid()): u for u in store.units}
        expected = [u for u in alignment.units if _present(u, (a, b))]
        assert sorted(units) == [u.index for u in expected]
        for unit in expected:
            read = units[unit.index]
            assert (read.source or "", read.target or "") == (unit.text(a), unit.text(b))


def test_tbx_2008_is_read_by_translate_toolkit_and_by_tilmash(abstract, tmp_path) -> None:
    glossary = abstract.sections[0].glossary
    assert glossary.concepts
    text = glossary_to_tbx(glossary, "2008")
    assert etree.fromstring(text.encode("utf-8")).tag == "martif"
    store = tbxfile.parsestring(text.encode("utf-8"), sourcelanguage="en", targetlanguage="kk")
    assert [u.getid() for u in store.units] == [c.id for c in glossary.concepts]
    for unit, concept in zip(store.units, glossary.concepts, strict=True):
        assert unit.source == concept.terms["en"][0].text
        assert unit.target == concept.terms["kk"][0].text
        assert unit.gettarget("ru") == concept.terms["ru"][0].text
    path = tmp_path / "g.2008.tbx"
    save_glossary(glossary, path, "2008")
    assert Glossary.load(path).concepts == glossary.concepts
    with pytest.raises(AssertionError):  # why TBX 2008 is written beside TBX v3
        tbxfile.parsestring(glossary_to_tbx(glossary).encode("utf-8"))
    exported = {p.name for p in export_report(abstract, tmp_path / "cat")}
    assert {"front.tbx", "front.2008.tbx"} <= exported


def test_diff_json_names_each_documents_language_and_version(law, fake_encoder) -> None:
    old, new = law.sections[0].alignment.documents.values()
    data = json.loads(diff_to_json(diff_documents(old, new, fake_encoder)))
    assert data["documents"] == {
        "old": {"document": "law-2014", "lang": "ru", "version": "2014", "file": str(old.path)},
        "new": {"document": "law-2022", "lang": "ru", "version": "2022", "file": str(new.path)},
    }
