"""The options README documents for check, report and timeline do what it says, and those the
commands share are the same option in each (one declaration: RunOptions, RayOptions).

Runs the command line in this process with the fake encoder, on two short texts written here:
a kk and a ru version whose second passage names the Ministry of Finance in kk only.
"""

from __future__ import annotations

import json
from dataclasses import fields

import pytest
import typer
from typer.testing import CliRunner

from compare import cli, cluster
from compare.cluster import RaySettings
from compare.errors import TilmashError

KK = "2024 жылы бюджет 15 пайызға өсті.\n\n2025 жылы Қаржы министрлігі есеп берді.\n"
RU = "В 2024 году бюджет вырос на 15 процентов.\n\nВ 2025 году Минфин отчитался.\n"
GLOSSARY = "id,kk,ru\nfin,Қаржы министрлігі,Министерство финансов\n"
COMMANDS = ["corpus", "align", "check", "report", "diff", "timeline"]
REVIEW_COMMANDS = ["accept", "ignore", "list", "forget"]


@pytest.fixture
def run(fake_encoder, monkeypatch, tmp_path):
    """`tilmash check` on the two texts, with the fake encoder and the cache in tmp_path:
    run(*options) -> the findings JSON."""
    monkeypatch.setattr(cli, "_load_encoder", lambda *_: fake_encoder)
    (tmp_path / "budget.kk.txt").write_text(KK, encoding="utf-8")
    (tmp_path / "budget.ru.txt").write_text(RU, encoding="utf-8")
    texts = [str(tmp_path / "budget.kk.txt"), str(tmp_path / "budget.ru.txt")]

    def check(*options: str) -> dict:
        args = ["check", *texts, "--json", "--fail-on", "none", *options]
        result = CliRunner().invoke(cli.app, [*args, "--cache-dir", str(tmp_path / "cache")])
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    return check


def checks_found(data: dict) -> set[str]:
    return {f["check"] for group in data["groups"] for f in group["findings"]}


def help_text(*command: str) -> str:
    """A command's --help as words, the table's borders and line breaks gone."""
    result = CliRunner().invoke(cli.app, [*command, "--help"])
    assert result.exit_code == 0, result.output
    return " ".join(result.stdout.replace("│", " ").split())


def options_of(command: str) -> dict[str, tuple]:
    """A command's options as click holds them: name -> (flags, help, default)."""
    group = typer.main.get_command(cli.app)
    return {p.name: (p.opts, p.help, p.default) for p in group.commands[command].params}


def test_check_and_report_take_the_same_run_options_and_timeline_the_same_ray_options():
    check, report, timeline = (options_of(c) for c in ("check", "report", "timeline"))
    for group in (cli.RunOptions, cli.RayOptions):
        for name in (f.name for f in fields(group)):
            assert check[name] == report[name], name
    for name in (f.name for f in fields(cli.RayOptions)):
        assert timeline[name] == check[name], name
    assert check["fail_on"][2] == "major" and check["actors"][2] == 2


def test_ray_help_names_the_extra_to_install():
    """Typer reads help as rich markup; the extra's name must not be read as a tag."""
    assert 'pip install -e ".[ray]"' in help_text("check")


@pytest.mark.parametrize(
    "command", [[c] for c in COMMANDS] + [["review", c] for c in REVIEW_COMMANDS]
)
def test_every_command_has_help_with_an_example(command):
    assert "Example: tilmash " + " ".join(command) in help_text(*command)


@pytest.mark.parametrize("command", ["check", "report", "timeline"])
def test_a_ray_address_implies_ray_and_the_sizes_reach_it(command, monkeypatch, tmp_path):
    """--ray-address without --ray runs on Ray; --ray-actors and --ray-batch size the run.
    Connecting is the first thing a run on Ray does, before any file is read."""
    asked: list[RaySettings] = []

    def connect(settings: RaySettings) -> None:
        asked.append(settings)
        raise TilmashError("stopped at connecting")

    monkeypatch.setattr(cluster, "connect", connect)
    args = ["--ray-address", "ray://head:10001", "--ray-actors", "3", "--ray-batch", "8"]
    result = CliRunner().invoke(cli.app, [command, str(tmp_path / "nothing.txt"), *args])
    assert isinstance(result.exception, TilmashError), result.output
    assert asked == [RaySettings("ray://head:10001", 3, 8)]


def test_word_checks_flag_adds_the_word_checks(run):
    assert not {"replaced", "gap", "uniformity"} & set(run()["signature"])
    assert {"replaced", "gap", "uniformity"} <= set(run("--word-checks")["signature"])


def test_glossary_terms_are_checked(run, tmp_path):
    (tmp_path / "terms.csv").write_text(GLOSSARY, encoding="utf-8")
    assert "terms" not in checks_found(run())
    data = run("--glossary", str(tmp_path / "terms.csv"))
    (terms,) = [f for g in data["groups"] for f in g["findings"] if f["check"] == "terms"]
    assert "Қаржы министрлігі" in terms["message"] and "(glossary concept fin)" in terms["message"]


def test_a_profile_named_anywhere_is_read(run, tmp_path):
    profile = tmp_path / "profiles" / "strict.toml"
    profile.parent.mkdir()
    profile.write_text("[numbers]\nunit_tolerance = 0.1\n", encoding="utf-8")
    assert "unit_tolerance=0.1" not in run()["signature"]["numbers"]
    assert "unit_tolerance=0.1" in run("--profile", str(profile))["signature"]["numbers"]
    missing = CliRunner().invoke(cli.app, ["check", "--profile", str(tmp_path / "no.toml")])
    assert str(missing.exception) == f"{tmp_path / 'no.toml'}: no such profile file"


def test_a_review_file_named_anywhere_hides_what_it_accepted(run, tmp_path):
    """--review names the review file for check and for review accept; the file beside the
    inputs (the default) is another, which hides nothing."""
    review = tmp_path / "reviews" / "budget.toml"
    review.parent.mkdir()
    (finding,) = run("--review", str(review))["groups"][0]["findings"]
    cache = ["--cache-dir", str(tmp_path / "cache")]
    accept = [*cache, "--review", str(review), "--note", "checked by hand"]
    accepted = CliRunner().invoke(cli.app, ["review", "accept", finding["id"], *accept])
    assert accepted.exit_code == 0, accepted.output
    assert finding["id"] in review.read_text(encoding="utf-8")
    assert run("--review", str(review))["groups"][0]["findings"] == []
    assert [f["id"] for f in run()["groups"][0]["findings"]] == [finding["id"]]


def test_check_counts_minors_past_the_listed_limit_and_all_lists_them(
    fake_encoder, monkeypatch, tmp_path
):
    """The table lists every major; past LISTED_MINORS a group's minors are counted per check
    in the title and caption, not listed; --all lists them; the JSON holds them either way."""
    from compare.checks import run as run_module

    monkeypatch.setattr(cli, "_load_encoder", lambda *_: fake_encoder)
    (tmp_path / "budget.kk.txt").write_text(KK, encoding="utf-8")
    (tmp_path / "budget.ru.txt").write_text(RU, encoding="utf-8")
    texts = [str(tmp_path / "budget.kk.txt"), str(tmp_path / "budget.ru.txt")]
    args = ["check", *texts, "--fail-on", "none", "--cache-dir", str(tmp_path / "cache")]

    def table(*options: str) -> str:
        result = CliRunner().invoke(cli.app, [*args, *options], env={"COLUMNS": "200"})
        assert result.exit_code == 0, result.output
        return " ".join(result.stdout.replace("│", " ").split())

    (finding,) = json.loads(table("--json"))["groups"][0]["findings"]
    assert finding["severity"] == "minor"
    assert finding["id"] in table() and "not listed" not in table()
    monkeypatch.setattr(run_module, "LISTED_MINORS", 0)
    counted = table()
    assert finding["id"] not in counted and "1 minor" in counted
    assert f"1 minor findings not listed ({finding['check']} 1): --all lists them" in counted
    assert finding["id"] in table("--all") and "not listed" not in table("--all")
    assert json.loads(table("--json"))["groups"][0]["findings"] == [finding]


def test_listed_keeps_every_major_and_counts_the_minors_per_check():
    from compare.checks.base import Finding
    from compare.checks.run import listed

    def finding(check: str, severity: str) -> Finding:
        return Finding(check, severity, 0.5, 0, ("kk", "ru"), "m")

    found = [finding("numbers", "major"), *(finding("meaning", "minor") for _ in range(3))]
    found.append(finding("gap", "minor"))
    assert listed(found, 4) == (found, {})
    assert listed(found, None) == (found, {})
    assert listed(found, 3) == (found[:1], {"meaning": 3, "gap": 1})
