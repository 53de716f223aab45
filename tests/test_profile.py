"""Check profiles: tilmash.toml and --checks choose the checks and set their thresholds, and
the report's signature records both."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli import tilmash as tilmash_process
from typer.testing import CliRunner

from compare import cli
from compare.checks.formal import FORMAL_CHECKS
from compare.checks.meaning import MeaningCheck
from compare.checks.numbers import NumbersCheck
from compare.errors import TilmashError
from compare.profile import CONFIG_NAME, Profile, load_profile, select

runner = CliRunner()
FORMAL = {cls.name for cls in FORMAL_CHECKS}


def test_names_and_groups_select_checks() -> None:
    assert select(["numbers", "omission", "formal"], "--checks") == {"numbers", "omission"} | FORMAL
    assert select(["formal", "-spelling"], "--checks") == FORMAL - {"spelling"}
    every_but = select(["-spelling"], "--checks")
    assert "spelling" not in every_but and {"meaning", "numbers", "links"} <= every_but
    assert select([], "--checks") is None


def test_every_check_tilmash_runs_can_be_chosen_and_removals_keep_the_others() -> None:
    every_but = select(["-spelling"], "--checks")
    assert {"edition", "uniformity", "replaced", "gap"} <= every_but
    assert select(["words"], "--checks") == {"replaced", "gap", "uniformity"}


def test_an_unknown_check_is_one_line_naming_where_it_was_written() -> None:
    with pytest.raises(TilmashError, match=r"^--checks: unknown check 'numbrs' \(known: ") as err:
        select(["numbers", "numbrs"], "--checks")
    assert "\n" not in str(err.value)


def _profile(tmp_path: Path, text: str) -> Path:
    path = tmp_path / CONFIG_NAME
    path.write_text(text, encoding="utf-8")
    return path


def test_a_profile_sets_thresholds_and_the_option_replaces_its_selection(tmp_path) -> None:
    path = _profile(tmp_path, 'checks = ["drift"]\n\n[meaning]\nminor = 0.3\nmin_words = 6\n')
    profile = load_profile(path)
    assert profile.checks is not None and "meaning" in profile.checks
    assert "spelling" not in profile.checks
    meaning, numbers = profile.apply([MeaningCheck(encoder=None), NumbersCheck()])
    assert (meaning.minor, meaning.min_words) == (0.3, 6)
    assert numbers.settings() == NumbersCheck().settings()  # untouched
    assert isinstance(meaning.min_words, int)
    assert meaning.settings()["minor"] == 0.3
    only = load_profile(path, "numbers")
    assert only.checks == {"numbers"} and only.settings == profile.settings
    assert [c.name for c in only.apply([MeaningCheck(encoder=None), NumbersCheck()])] == ["numbers"]


def test_no_profile_runs_every_check_with_its_defaults(tmp_path) -> None:
    profile = load_profile(tmp_path / CONFIG_NAME)
    assert profile == Profile()
    assert profile.signature() == {"checks": "all"}


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("[meaning]\nminimum = 0.3\n", "[meaning]: unknown threshold 'minimum' (allowed: k, "),
        ("[meanng]\nminor = 0.3\n", "unknown key 'meanng' (allowed: checks, meaning, "),
        ('[meaning]\nminor = "low"\n', "[meaning] minor: expected a number, got 'low'"),
        ("[meaning]\nmin_words = 4.5\n", "[meaning] min_words: expected a whole number, got 4.5"),
        ('checks = ["numbers", "dates"]\n', "unknown check 'dates'"),
        ("checks = 3\n", "checks: expected a list of check names"),
        ("checks = [numbers\n", "not valid TOML"),
    ],
)
def test_a_bad_profile_is_one_line_naming_the_file(tmp_path, text, problem) -> None:
    path = _profile(tmp_path, text)
    with pytest.raises(TilmashError) as err:
        load_profile(path)
    message = str(err.value)
    assert str(path) in message and problem in message and "\n" not in message


EN = "The programme will cost 5 million tenge and will run until the end of 2027.\n"
RU = "Программа обойдётся в 6 миллионов тенге и продлится до конца 2027 года.\n"


def _docs(folder: Path) -> list[str]:
    (folder / "plan.en.txt").write_text(EN, encoding="utf-8")
    (folder / "plan.ru.txt").write_text(RU, encoding="utf-8")
    return [str(folder / "plan.en.txt"), str(folder / "plan.ru.txt")]


def test_checks_option_selects_and_the_signature_records_it(fake_encoder, monkeypatch, tmp_path):
    monkeypatch.setattr(cli, "_load_encoder", lambda *_: fake_encoder)
    docs = _docs(tmp_path)
    _profile(tmp_path, "[numbers]\nunit_tolerance = 0.1\n")  # found next to the inputs
    cache = ["--cache-dir", str(tmp_path / "cache")]
    result = runner.invoke(
        cli.app, ["check", *docs, "--checks", "numbers", "--json", "--fail-on", "none", *cache]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    checks = {f["check"] for g in data["groups"] for f in g["findings"]}
    assert checks == {"numbers"}
    assert data["signature"]["checks"] == "numbers"
    assert "unit_tolerance=0.1" in data["signature"]["numbers"]
    assert "|checks:numbers|" in data["signature"]["signature"]
    assert "meaning" not in data["signature"]

    everything = runner.invoke(cli.app, ["check", *docs, "--json", "--fail-on", "none", *cache])
    data = json.loads(everything.stdout)
    assert data["signature"]["checks"] == "all" and "meaning" in data["signature"]


def test_an_unknown_check_on_the_command_line_is_one_line_exit_2(tmp_path) -> None:
    docs = _docs(tmp_path)
    result = tilmash_process("check", *docs, "--checks", "numbers,spellling")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "--checks: unknown check 'spellling'" in lines[0]
