"""The main commands end to end on the shipped corpus, as a user runs them (real model)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from compare.cli import app

ROOT = Path(__file__).resolve().parent.parent
PAPER = ROOT / "documents" / "kaliaskarova-2022"
FRONT = [str(PAPER / f"front.{lang}.txt") for lang in ("kk", "ru", "en")]
runner = CliRunner()


@pytest.fixture(scope="module")
def checked() -> dict:
    result = runner.invoke(app, ["check", *FRONT, "--json", "--fail-on", "none"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_check_json_names_group_signature_and_findings(checked):
    assert checked["signature"]["signature"].startswith("tilmash:")
    assert "major=" in checked["signature"]["meaning"]
    assert "max_share=0.6" in checked["signature"]["omission"]
    (group,) = checked["groups"]
    checks = {f["check"] for f in group["findings"]}
    assert "terms" in checks
    for finding in group["findings"]:
        assert finding["severity"] in ("major", "minor")
        assert 0 < finding["confidence"] <= 1
        assert finding["message"]


def test_check_exit_code_follows_fail_on(checked):
    majors = any(f["severity"] == "major" for g in checked["groups"] for f in g["findings"])
    assert majors
    assert runner.invoke(app, ["check", *FRONT, "--fail-on", "major"]).exit_code == 1
    assert runner.invoke(app, ["check", *FRONT, "--fail-on", "none"]).exit_code == 0


def test_check_csv_has_one_row_per_finding(checked):
    result = runner.invoke(app, ["check", *FRONT, "--csv", "--fail-on", "none"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == sum(len(g["findings"]) for g in checked["groups"])
    assert rows[0]["group"] and rows[0]["severity"] in ("major", "minor")


def test_check_bad_fail_on_is_a_usage_error_before_any_work():
    result = runner.invoke(app, ["check", *FRONT, "--fail-on", "sometimes"])
    assert result.exit_code == 2
    assert "Invalid value for '--fail-on'" in result.output
    assert "'sometimes' is not one of" in result.output


def test_report_on_documents_writes_html_json_and_exports(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    out = tmp_path / "report.html"
    args = ["report", "-o", str(out), "--export", str(tmp_path / "cat"), "--fail-on", "none"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'lang="kk"' in page
    data = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    assert {g["group"] for g in data["groups"]} >= {
        "kaliaskarova-2022.front",
        "kaliaskarova-2022.references",
    }
    assert "kaliaskarova-2022" in result.stdout and "major" in result.stdout
    exported = {p.name for p in (tmp_path / "cat").iterdir()}
    assert {"kaliaskarova-2022.front.tmx", "kaliaskarova-2022.front.tbx"} <= exported
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "cat" / "findings.xlsx").active
    assert sheet.max_row == 1 + sum(len(g["findings"]) for g in data["groups"])


def test_report_refuses_a_non_html_name(tmp_path):
    result = runner.invoke(app, ["report", *FRONT, "-o", str(tmp_path / "r.pdf")])
    assert "ending in .html" in str(result.exception)


def test_diff_of_the_two_reference_lists_finds_the_changed_year():
    old, new = (PAPER / "references.original.mul.txt", PAPER / "references.transliterated.en.txt")
    result = runner.invoke(app, ["diff", str(old), str(new), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["counts"]["added"] == data["counts"]["removed"] == 0
    changed = [e for e in data["entries"] if e["status"] == "modified"]
    assert any("1889" in json.dumps(e, ensure_ascii=False) for e in changed)


def test_timeline_tracks_a_replaced_term(tmp_path):
    """Hand-written versions: a term replaced in the later one."""
    (tmp_path / "v1.ru.txt").write_text(
        "Оралманы получают поддержку государства.\n\nКвота оралманов устанавливается ежегодно.",
        encoding="utf-8",
    )
    (tmp_path / "v2.ru.txt").write_text(
        "Кандасы получают поддержку государства.\n\nКвота кандасов устанавливается ежегодно.",
        encoding="utf-8",
    )
    files = [str(tmp_path / "v1.ru.txt"), str(tmp_path / "v2.ru.txt")]
    result = runner.invoke(app, ["timeline", *files, "--json"])
    assert result.exit_code == 0, result.output
    (series,) = json.loads(result.stdout)
    (timeline,) = series["timelines"]
    trends = {t["term"].lower(): t["trend"] for t in timeline["terms"]}
    assert trends.get("оралманы") == "gone" and trends.get("кандасы") == "new"
    (swap,) = timeline["replacements"]
    assert (swap["old"].lower(), swap["new"].lower(), swap["count"]) == ("оралманы", "кандасы", 2)
