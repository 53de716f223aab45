"""The documentation says what is true of the repository: every relative link in README.md and
bench/RESULTS.md reaches a file (and a heading, where it names one), the Quickstart gives
exactly the two commands a new user runs, with what they need declared in pyproject.toml, and
README.md names every option the command line has and no option it lacks."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import click
import pytest
import typer

from compare import cli

ROOT = Path(__file__).resolve().parent.parent
DOCS = ["README.md", "bench/RESULTS.md"]
QUICKSTART = ['pip install -e ".[test]" && tilmash report', "python -m pytest"]
FENCE = re.compile(r"^```.*?^```", re.DOTALL | re.MULTILINE)
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")


def prose(path: Path) -> str:
    """The file's text without its fenced code blocks, where brackets are not links."""
    return FENCE.sub("", path.read_text(encoding="utf-8"))


def anchors(path: Path) -> set[str]:
    """The anchors GitHub gives the file's headings: lower case, punctuation dropped, spaces
    as hyphens, a repeated heading numbered."""
    seen: set[str] = set()
    for heading in re.findall(r"^#{1,6} (.+)$", prose(path), re.MULTILINE):
        slug = re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
        n, base = 0, slug
        while slug in seen:
            n += 1
            slug = f"{base}-{n}"
        seen.add(slug)
    return seen


def section(text: str, heading: str) -> str:
    """The text under a level-2 heading, up to the next one."""
    start = text.index(f"\n## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end >= 0 else len(text)]


@pytest.mark.parametrize("doc", DOCS)
def test_every_relative_link_reaches_a_file_and_its_heading(doc):
    source = ROOT / doc
    links = [t for t in LINK.findall(prose(source)) if not re.match(r"[a-z]+:", t)]
    assert links, f"{doc} has no relative links to check"
    for target in links:
        file, _, anchor = target.partition("#")
        path = (source.parent / file).resolve() if file else source
        assert path.is_file(), f"{doc}: link to a missing file: {target}"
        if anchor and path.suffix == ".md":
            assert anchor in anchors(path), f"{doc}: link to a missing heading: {target}"


def test_the_measured_record_is_linked_from_the_readme_and_back():
    readme = prose(ROOT / "README.md")
    assert "](bench/RESULTS.md" in section(readme, "Measured")
    assert "](../README.md#measured)" in prose(ROOT / "bench/RESULTS.md")


def test_quickstart_gives_the_install_and_report_command_then_the_tests():
    quickstart = section((ROOT / "README.md").read_text(encoding="utf-8"), "Quickstart")
    blocks = re.findall(r"^```bash\n(.*?)^```", quickstart, re.DOTALL | re.MULTILINE)
    assert [b.strip() for b in blocks] == QUICKSTART


def test_what_the_quickstart_runs_is_declared():
    """The `test` extra installs pytest, and `tilmash` is the command line's entry point."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert any(d.startswith("pytest") for d in project["optional-dependencies"]["test"])
    assert project["scripts"]["tilmash"].startswith("compare.cli:")
    assert (ROOT / "documents" / "manifest.toml").is_file()


def options(command: click.Command) -> set[str]:
    """Every long option of a command and of the commands under it."""
    found = {o for p in command.params for o in p.opts if o.startswith("--")}
    for sub in getattr(command, "commands", {}).values():
        found |= options(sub)
    return found - {"--help"}


def test_readme_names_every_option_of_the_command_line_and_no_other():
    """The benchmarks' own flags, in the Measured section, are not the command line's."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    usage = readme.replace(section(readme, "Measured"), "")
    named = set(re.findall(r"(?<![\w-])--[a-z][\w-]*", usage)) - {"--help"}
    have = options(typer.main.get_command(cli.app))
    assert sorted(have - named) == [], "options README does not name"
    assert sorted(named - have) == [], "options README names that the command line lacks"
