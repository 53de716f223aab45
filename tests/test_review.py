"""Review memory: findings accepted or ignored stay hidden until their text changes, and a
passage inserted earlier keeps their ids."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from test_cli import tilmash as tilmash_process
from typer.testing import CliRunner

from compare import cli
from compare.checks.base import UnitText
from compare.checks.numbers import NumbersCheck
from compare.checks.run import run_checks
from compare.review import REVIEW_NAME, load_review

runner = CliRunner()

EN = [
    "The ministry approved the new water programme for the northern regions last spring.",
    "The programme will cost 5 million tenge and will run until the end of 2027.",
    "Local councils must report their progress to the ministry every quarter.",
]
RU = [
    "Министерство утвердило новую программу водоснабжения для северных регионов прошлой весной.",
    "Программа обойдётся в 6 миллионов тенге и продлится до конца 2027 года.",
    "Местные советы должны ежеквартально отчитываться перед министерством о ходе работ.",
]
PREFACE = {
    "en": "This report was prepared by the planning department at the request of the government.",
    "ru": "Настоящий доклад подготовлен отделом планирования по просьбе правительства.",
}


def _units(paragraphs: dict[str, list[str]]) -> list[UnitText]:
    count = len(next(iter(paragraphs.values())))
    return [
        UnitText(n, {lang: ps[n] for lang, ps in paragraphs.items()}, {"en": (n,), "ru": (n,)})
        for n in range(count)
    ]


def _numbers(paragraphs: dict[str, list[str]]):
    (finding,) = run_checks(_units(paragraphs), [NumbersCheck()])
    return finding


def test_an_id_is_made_of_text_not_of_the_unit_number() -> None:
    before = _numbers({"en": EN, "ru": RU})
    after = _numbers({"en": [PREFACE["en"], *EN], "ru": [PREFACE["ru"], *RU]})
    assert (before.unit, after.unit) == (1, 2)
    assert after.id == before.id
    assert after.fingerprint == before.fingerprint


def test_an_edit_of_the_passage_keeps_the_id_and_changes_the_fingerprint() -> None:
    before = _numbers({"en": EN, "ru": RU})
    edited = [RU[0], RU[1].replace("продлится", "будет действовать"), RU[2]]
    after = _numbers({"en": EN, "ru": edited})
    assert after.id == before.id
    assert after.fingerprint != before.fingerprint


def _write(folder: Path, preface: bool = False, edited: bool = False) -> list[str]:
    paths = []
    for lang, paragraphs in (("en", EN), ("ru", RU)):
        text = list(paragraphs)
        if edited and lang == "ru":
            text[1] = text[1].replace("продлится", "будет действовать")
        if preface:
            text.insert(0, PREFACE[lang])
        path = folder / f"plan.{lang}.txt"
        path.write_text("\n\n".join(text) + "\n", encoding="utf-8")
        paths.append(str(path))
    return paths


@pytest.fixture
def tilmash(encoder, monkeypatch, tmp_path):
    """The command line in this process with the real model, its run records in tmp_path."""
    monkeypatch.setattr(cli, "_load_encoder", lambda *_: encoder)
    cache = ["--cache-dir", str(tmp_path / "cache")]

    def invoke(*args: str):
        return runner.invoke(cli.app, [*args, *cache])

    return invoke


def _findings(result) -> tuple[dict[str, dict], dict | None]:
    return _findings_in(result.stdout)


def _findings_in(text: str) -> tuple[dict[str, dict], dict | None]:
    """The findings of findings JSON by id, and what it says about the review."""
    data = json.loads(text)
    return {f["id"]: f for g in data["groups"] for f in g["findings"]}, data.get("review")


def test_accepted_finding_is_hidden_until_its_text_changes(tilmash, tmp_path) -> None:
    docs = _write(tmp_path)
    first, _ = _findings(tilmash("check", *docs, "--json", "--fail-on", "none"))
    (number,) = [fid for fid, f in first.items() if f["check"] == "numbers"]
    assert first[number]["severity"] == "major"

    accepted = tilmash("review", "accept", number, "--note", "the ru budget is the later one")
    assert accepted.exit_code == 0, accepted.output
    sidecar = tmp_path / REVIEW_NAME
    decision = load_review(sidecar).decisions[number]
    assert (decision.status, decision.note, decision.check) == (
        "accepted",
        "the ru budget is the later one",
        "numbers",
    )

    again = tilmash("check", *docs, "--json", "--fail-on", "major")
    shown, review = _findings(again)
    assert number not in shown
    assert review["hidden"] == 1 and review["changed"] == 0
    assert "1 finding hidden by review (.tilmash-review.toml)" in review["line"]
    majors = [f for f in shown.values() if f["severity"] == "major"]
    assert again.exit_code == (1 if majors else 0)  # the hidden major does not count

    marked, _ = _findings(tilmash("check", *docs, "--json", "--show-reviewed"))
    assert marked[number]["details"]["review"] == "accepted"

    _write(tmp_path, preface=True)  # a paragraph inserted before it: still the same finding
    moved, review = _findings(tilmash("check", *docs, "--json", "--fail-on", "none"))
    assert number not in moved and review["hidden"] == 1

    _write(tmp_path, preface=True, edited=True)  # its passage edited: shown again, as changed
    changed = tilmash("check", *docs, "--json", "--fail-on", "major")
    shown, review = _findings(changed)
    assert shown[number]["details"]["review"] == "changed"
    assert review["changed"] == 1 and review["hidden"] == 0
    assert changed.exit_code == 1


def test_ignore_needs_a_note_and_forget_shows_the_finding_again(tilmash, tmp_path) -> None:
    docs = _write(tmp_path)
    first, _ = _findings(tilmash("check", *docs, "--json", "--fail-on", "none"))
    (number,) = [fid for fid, f in first.items() if f["check"] == "numbers"]
    assert tilmash("review", "ignore", number).exit_code == 2  # --note is required
    assert tilmash("review", "ignore", number, "--note", " ").exit_code == 2  # and says why
    assert tilmash("review", "ignore", number, "--note", "a false alarm").exit_code == 0
    listed = tilmash("review", "list")
    assert number in listed.stdout and "ignored" in listed.stdout
    assert load_review(tmp_path / REVIEW_NAME).decisions[number].note == "a false alarm"

    unknown = tilmash("review", "accept", "numb-0000000000")
    assert isinstance(unknown.exception, cli.TilmashError)
    assert "not a finding of the last run" in str(unknown.exception)

    assert tilmash("review", "forget", number).exit_code == 0
    assert load_review(tmp_path / REVIEW_NAME).decisions == {}
    shown, review = _findings(tilmash("check", *docs, "--json", "--fail-on", "none"))
    assert number in shown and review["hidden"] == 0


def test_report_remembers_its_run_and_applies_the_review_as_check_does(tilmash, tmp_path) -> None:
    docs = _write(tmp_path)
    page = tmp_path / "r.html"
    assert tilmash("report", *docs, "-o", str(page), "--fail-on", "none").exit_code == 0
    first, _ = _findings_in(page.with_suffix(".json").read_text("utf-8"))
    (number,) = [fid for fid, f in first.items() if f["check"] == "numbers"]
    assert tilmash("review", "accept", number).exit_code == 0  # learnt from the report's run

    again = tilmash("report", *docs, "-o", str(page), "--fail-on", "none")
    assert "1 finding hidden by review" in again.stdout
    shown, review = _findings_in(page.with_suffix(".json").read_text("utf-8"))
    assert number not in shown and review["hidden"] == 1
    checked, review = _findings(tilmash("check", *docs, "--json", "--fail-on", "none"))
    assert checked.keys() == shown.keys() and review["hidden"] == 1


def test_a_malformed_review_file_is_one_line_before_any_work(tmp_path) -> None:
    docs = _write(tmp_path)
    sidecar = tmp_path / REVIEW_NAME
    content = '[findings.numb-0123456789]\nstatus = "maybe"\n'
    sidecar.write_text(content, encoding="utf-8")
    result = tilmash_process("check", *docs)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(sidecar) in lines[0] and "status must be one of accepted, ignored" in lines[0]
    assert sidecar.read_text(encoding="utf-8") == content


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("[findings.x", "not valid TOML"),
        ("note = 1\n", "holds [findings.ID] tables only"),
        ('[findings.a]\nstatus = "accepted"\ndate = 2026-11-29\n', "fingerprints"),
        ('[findings.a]\nstatus = "accepted"\ndate = "today"\nfingerprints = ["0"]\n', "date"),
        ("[findings]\na = 1\n", "[findings.a]: expected a table"),
        (
            '[findings.a]\nstatus = "accepted"\ndate = 2026-11-29\nfingerprints = ["0"]\nseen = 1\n',
            "[findings.a]: unknown key 'seen'",
        ),
        (
            '[findings.a]\nstatus = "accepted"\ndate = 2026-11-29T10:00:00\nfingerprints = ["0"]\n',
            "date must be a TOML date",
        ),
        (
            '[findings.a]\nstatus = "accepted"\ndate = 2026-11-29\nfingerprints = []\n',
            "fingerprints must be a list of strings",
        ),
        (
            '[findings.a]\nstatus = "accepted"\ndate = 2026-11-29\nfingerprints = ["0"]\nnote = 1\n',
            "[findings.a]: note must be a string",
        ),
    ],
)
def test_each_malformed_review_file_names_its_problem(tmp_path, content, problem) -> None:
    sidecar = tmp_path / REVIEW_NAME
    sidecar.write_text(content, encoding="utf-8")
    with pytest.raises(cli.TilmashError, match=re.escape(problem)) as error:
        load_review(sidecar)
    assert str(sidecar) in str(error.value) and "\n" not in str(error.value)


def test_the_html_report_and_json_say_what_the_review_hid(fake_encoder, tmp_path) -> None:
    import datetime as dt

    from compare.corpus import load_corpus
    from compare.report import build_report
    from compare.review import Decision, Review, apply_review
    from compare.writers.findings import findings_to_json
    from compare.writers.html import render_report

    report = build_report(load_corpus([Path(p) for p in _write(tmp_path)]), fake_encoder)
    first, second = report.findings[:2]
    decided = {first.id: Decision("ignored", (first.fingerprint,), dt.date(2026, 11, 29), "n/a")}
    review = Review(tmp_path / REVIEW_NAME, decided)

    hidden = apply_review(report, review)
    assert first not in hidden.findings and second in hidden.findings
    page = render_report(hidden.data)
    assert "1 finding hidden by review (.tilmash-review.toml)" in page
    assert first.id not in page and second.id in page

    shown = apply_review(report, review, show_reviewed=True)
    assert first.id not in {f.id for f in shown.findings}  # shown, but not counted
    page = render_report(shown.data)
    assert '<span class="reviewed" title="review memory">ignored</span>' in page
    assert "shown marked" in page
    sections = shown.data.sections
    data = json.loads(findings_to_json(sections, shown.data.signature, shown.data.review))
    assert data["review"]["hidden"] == 1 and data["review"]["shown"] is True


def test_review_without_a_readable_last_run_is_one_line(tmp_path) -> None:
    from compare.review import last_run, record_path

    cache, sidecar = tmp_path / "cache", tmp_path / REVIEW_NAME
    with pytest.raises(cli.TilmashError, match="no run to review yet"):
        last_run(None, cache)
    with pytest.raises(cli.TilmashError, match="no run on it yet"):
        last_run(sidecar, cache)
    record = record_path(sidecar, cache)
    record.parent.mkdir(parents=True)
    record.write_text("{not json", encoding="utf-8")
    with pytest.raises(cli.TilmashError, match="unreadable; run tilmash check again"):
        last_run(sidecar, cache)


def test_the_suite_records_runs_in_its_own_cache_and_finds_the_built_model_outside_it(
    fake_encoder, monkeypatch, tmp_path, test_cache
) -> None:
    import platformdirs

    from compare.embed import cache_root
    from compare.review import record_path

    monkeypatch.setattr(cli, "_load_encoder", lambda *_: fake_encoder)
    docs = _write(tmp_path)
    assert runner.invoke(cli.app, ["check", *docs, "--fail-on", "none"]).exit_code == 0
    assert cache_root() == test_cache
    assert record_path(tmp_path / REVIEW_NAME, test_cache).is_file()
    home = Path(platformdirs.user_cache_dir("tilmash"))
    assert not record_path(tmp_path / REVIEW_NAME, home).exists()
    models = (test_cache / "models").resolve()
    assert models.is_dir() and not models.is_relative_to(test_cache.resolve())
