"""Outputs an editor acts on, on the fast layer (the fake encoder): findings in JSON, CSV and
XLSX with the language at fault, each version's file and its unit's text; version groups with
language codes and version labels apart."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from compare.corpus import load_corpus
from compare.report import build_report
from compare.writers.findings import (
    CSV_COLUMNS,
    findings_to_csv,
    findings_to_json,
    findings_to_xlsx,
)

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
