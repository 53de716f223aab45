"""Loose files grouped by name: one translation group per stem, never one group of a folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from compare.cli import app
from compare.corpus import load_corpus
from compare.errors import TilmashError
from compare.naming import group_by_name, language_tag

runner = CliRunner()
# Hand-written one-sentence texts, one per language.
TEXTS = {
    "kk": "Көші-қон саясаты өзгерді.",
    "ru": "Миграционная политика изменилась.",
    "en": "Migration policy has changed.",
}


def _write(folder: Path, names: dict[str, str]) -> list[Path]:
    paths = []
    for name, lang in names.items():
        (folder / name).write_text(TEXTS[lang], encoding="utf-8")
        paths.append(folder / name)
    return paths


@pytest.mark.parametrize(
    ("name", "stem", "lang"),
    [
        ("abstract.kk.txt", "abstract", "kk"),
        ("abstract_ru.docx", "abstract", "ru"),
        ("law-2017-EN.html", "law-2017", "en"),
        ("abstract.txt", "abstract", None),
        ("token.txt", "token", None),
        ("en.txt", "en", None),
    ],
)
def test_language_tag(name, stem, lang):
    assert language_tag(Path(name)) == (stem, lang)


def test_files_group_by_stem_in_language_order():
    files = [Path(n) for n in ("b.en.txt", "a.ru.txt", "b_kk.txt", "a.kk.txt", "c.en.txt")]
    named = group_by_name(files)
    assert named.groups == {
        "b": (Path("b_kk.txt"), Path("b.en.txt")),
        "a": (Path("a.kk.txt"), Path("a.ru.txt")),
    }
    assert named.ungrouped == (Path("c.en.txt"),)


def test_a_handful_of_files_that_group_nothing_is_one_group_as_named():
    files = [Path("x.txt"), Path("y.txt"), Path("old.ru.txt")]
    assert group_by_name(files).groups == {"files": tuple(files)}


def test_two_files_of_one_language_and_stem_are_an_error_naming_both():
    with pytest.raises(TilmashError, match=r"a\.ru\.txt and a_ru\.md are both the ru version"):
        group_by_name([Path("a.kk.txt"), Path("a.ru.txt"), Path("a_ru.md")])


def test_named_files_load_as_before(tmp_path):
    files = _write(tmp_path, {"a.kk.txt": "kk", "a.ru.txt": "ru", "a.en.txt": "en"})
    (group,) = load_corpus(files).groups
    assert (group.id, group.relation, group.members) == (
        "a",
        "translations",
        tuple(p.name for p in files),
    )


def test_folder_of_fifty_files_groups_by_stem_without_a_model(tmp_path, monkeypatch):
    """`tilmash corpus` on a folder without a manifest: 50 files, 16 groups of three, a file
    whose stem has no other language and a file without a language tag."""
    langs = ("kk", "ru", "en")
    names = {f"text{n // 3:02d}.{langs[n % 3]}.txt": langs[n % 3] for n in range(49)}
    names["notes.txt"] = "en"
    _write(tmp_path, names)
    monkeypatch.setenv("TILMASH_CACHE_DIR", str(tmp_path / "no-model-here"))
    result = runner.invoke(app, ["corpus", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    groups = {g["id"]: g["members"] for g in data["groups"]}
    assert len(groups) == 16
    assert groups["text05"] == ["text05.kk.txt", "text05.ru.txt", "text05.en.txt"]
    assert len(data["documents"]) == 50
    assert "no language version by name, so in no group: notes.txt, text16.kk.txt" in (
        result.stderr
    )
    assert not (tmp_path / "no-model-here").exists()


def test_folder_that_groups_nothing_is_one_clear_line(tmp_path):
    _write(tmp_path, {f"note{n}.txt": "en" for n in range(6)})
    result = runner.invoke(app, ["check", str(tmp_path)])
    assert result.exit_code != 0
    assert "none of the 6 files has a language version by name" in str(result.exception)
    assert "manifest.toml" in str(result.exception)
