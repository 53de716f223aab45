"""Loading the shipped corpus and loose files into documents, passages and groups."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from compare.cli import app
from compare.corpus import load_corpus, load_document
from compare.errors import InputError, TilmashError

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "documents"


@pytest.fixture(scope="module")
def shipped():
    return load_corpus([DOCS])


def test_shipped_abstracts_are_three_translations(shipped):
    front = next(g for g in shipped.groups if g.id == "kaliaskarova-2022.front")
    assert front.relation == "translations"
    docs = shipped.group_documents(front)
    assert sorted(d.lang for d in docs) == ["en", "kk", "ru"]
    for doc in docs:
        assert doc.detected.lang == doc.declared_lang
        assert not doc.lang_mismatch
        kinds = [p.kind for p in doc.passages]
        assert kinds.count("keyword") == 7  # the author's seven keywords, one passage each
        assert all(p.lang == doc.lang for p in doc.passages)


def test_abstract_label_is_kept_out_of_the_text(shipped):
    kk = shipped.documents["kaliaskarova-2022.front.kk"]
    first = next(p for p in kk.passages if p.label == "Аңдатпа")
    assert first.text.startswith("Мақалада")


def test_reference_entries_stay_whole_and_mixed_languages_are_per_entry(shipped):
    original = shipped.documents["kaliaskarova-2022.references.original"]
    assert original.lang == "mul"
    entries = [p for p in original.passages if p.kind == "entry"]
    assert len(entries) == 11  # the heading and ten references
    assert {"ru", "en"} <= {p.lang for p in entries}
    refs = next(g for g in shipped.groups if g.id == "kaliaskarova-2022.references")
    assert refs.relation == "versions"


def test_policy_catalogue_without_texts_is_listed_as_missing(shipped):
    assert "resolution-961-2022" in shipped.missing


def test_saved_policy_texts_become_versions_and_translations(tmp_path):
    """A user saves two concepts in two languages (hand-written stand-in texts)."""
    import shutil

    docs = tmp_path / "documents"
    shutil.copytree(DOCS, docs)
    policy = docs / "policy"
    texts = {
        "P1700000602.ru.txt": "1. Общие положения\n\nКонцепция миграционной политики на 2017–2021 годы.",
        "P1700000602.kk.txt": "1. Жалпы ережелер\n\n2017–2021 жылдарға арналған көші-қон саясатының тұжырымдамасы.",
        "P2200000961.ru.txt": "1. Общие положения\n\nКонцепция миграционной политики на 2023–2027 годы.",
    }
    for name, text in texts.items():
        (policy / name).write_text(text, encoding="utf-8")
    corpus = load_corpus([docs])
    groups = {g.id: g for g in corpus.groups}
    assert groups["migration-policy-concepts.ru"].members == (
        "resolution-602-2017.ru",
        "resolution-961-2022.ru",
    )
    assert groups["resolution-602-2017"].relation == "translations"
    assert "resolution-961-2022" not in corpus.missing


def test_loose_files_are_one_translation_group(tmp_path):
    """Hand-written two-line texts."""
    (tmp_path / "a.kk.txt").write_text("Көші-қон саясаты өзгерді. Жаңа тұжырымдама қабылданды.")
    (tmp_path / "a.ru.txt").write_text("Миграционная политика изменилась. Принята новая концепция.")
    corpus = load_corpus([tmp_path / "a.kk.txt", tmp_path / "a.ru.txt"])
    (group,) = corpus.groups
    assert group.relation == "translations"
    langs = [corpus.documents[m].lang for m in group.members]
    assert langs == ["kk", "ru"]
    assert [len(corpus.documents[m].passages) for m in group.members] == [2, 2]


def test_a_file_that_does_not_read_fails_its_group_alone(tmp_path):
    """In a corpus run a broken file fails its group (named with the reason) and the other
    groups go on; when it leaves no group to compare, it is the run's error as before."""
    (tmp_path / "a.kk.txt").write_text("Көші-қон саясаты өзгерді.", encoding="utf-8")
    (tmp_path / "a.ru.txt").write_text("Миграционная политика изменилась.", encoding="utf-8")
    (tmp_path / "b.kk.docx").write_bytes(b"not a zip package")
    (tmp_path / "b.ru.txt").write_text("Текст.", encoding="utf-8")
    files = sorted(tmp_path.iterdir())
    corpus = load_corpus(files, grouped_only=True, isolate_bad_files=True)
    assert [g.id for g in corpus.groups] == ["a"]
    ((group, why),) = corpus.failed
    assert group == "b" and why.startswith(f"{tmp_path / 'b.kk.docx'}: not a .docx file")
    with pytest.raises(InputError, match=r"b\.kk\.docx: not a \.docx file"):
        load_corpus(files, grouped_only=True)  # not asked to: one bad file stops the run
    with pytest.raises(InputError, match=r"b\.kk\.docx"):
        load_corpus(files[2:], grouped_only=True, isolate_bad_files=True)


MANIFEST = """
[[work]]
id = "w"
title = "A hand-written test text"
year = 2024

[[document]]
id = "a.kk"
path = "a.kk.txt"
work = "w"
lang = "kk"
part = "a"

[[document]]
id = "a.ru"
path = "a.ru.txt"
work = "w"
lang = "ru"
part = "a"

[[document]]
id = "b.kk"
path = "b.kk.docx"
work = "w"
lang = "kk"
part = "b"

[[document]]
id = "b.ru"
path = "b.ru.txt"
work = "w"
lang = "ru"
part = "b"

[[group]]
id = "a"
relation = "translations"
members = ["a.kk", "a.ru"]

[[group]]
id = "b"
relation = "translations"
members = ["b.kk", "b.ru"]
"""


def test_a_manifest_file_that_does_not_read_fails_its_group_alone(tmp_path):
    """The same for a folder with a manifest: the group of the broken file fails, named with
    the file and the reason; the others go on."""
    (tmp_path / "a.kk.txt").write_text("Көші-қон саясаты өзгерді.", encoding="utf-8")
    (tmp_path / "a.ru.txt").write_text("Миграционная политика изменилась.", encoding="utf-8")
    (tmp_path / "b.kk.docx").write_bytes(b"not a zip package")
    (tmp_path / "b.ru.txt").write_text("Текст.", encoding="utf-8")
    (tmp_path / "manifest.toml").write_text(MANIFEST, encoding="utf-8")
    corpus = load_corpus([tmp_path], isolate_bad_files=True)
    assert [g.id for g in corpus.groups] == ["a"]
    ((group, why),) = corpus.failed
    assert group == "b" and why.startswith(f"{tmp_path / 'b.kk.docx'}: not a .docx file")
    with pytest.raises(InputError, match=r"b\.kk\.docx: not a \.docx file"):
        load_corpus([tmp_path])  # not asked to: one bad file stops the run
    both_bad = MANIFEST.replace('"a.kk.txt"', '"b.kk.docx"')  # then no group is left
    (tmp_path / "manifest.toml").write_text(both_bad, encoding="utf-8")
    with pytest.raises(InputError, match=r"b\.kk\.docx: not a \.docx file"):
        load_corpus([tmp_path], isolate_bad_files=True)


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match=r"nope\.txt"):
        load_document(tmp_path / "nope.txt")


def test_no_documents_folder_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(TilmashError, match=r"no documents/manifest\.toml"):
        load_corpus([])


runner = CliRunner()


def test_cli_corpus_json_lists_documents_and_groups(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["corpus", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    ids = {d["id"] for d in data["documents"]}
    assert "kaliaskarova-2022.front.kk" in ids
    assert any(g["relation"] == "versions" for g in data["groups"])


def test_cli_corpus_table(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["corpus"])
    assert result.exit_code == 0, result.output
    assert "translations" in result.stdout and "kk" in result.stdout
