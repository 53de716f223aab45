"""Two versions of a law in the adilet layout (hand-written, tests/data/migration): the diff
names each changed definition by its article and sub-point, and the timeline mines the
renaming "оралман" → "кандас" (ru) / "қандас" (kk) in both languages.

Uses the real model (built once per machine into the user cache).
"""

from __future__ import annotations

import json
from pathlib import Path

from rich.console import Console

from compare.corpus import load_document
from compare.diff import diff_documents
from compare.render_versions import diff_table
from compare.timeline import consecutive_diffs, mine_replacements
from compare.writers.versions import diff_to_dict

DATA = Path(__file__).parent / "data" / "migration"
ARTICLE_1 = "chapter 1, article 1"


def _versions(lang: str):
    return [load_document(DATA / f"law.v{n}.{lang}.txt", declared_lang=lang) for n in (1, 2)]


def _by_path(diff) -> dict[str | None, str]:
    return {e.path: e.status for e in diff.entries if e.status != "unchanged"}


def test_diff_names_the_changed_sub_points_by_number(encoder):
    diff = diff_documents(*_versions("ru"), encoder)
    changed = _by_path(diff)
    assert changed[f"{ARTICLE_1}, sub-point 3)"] == "modified"
    assert changed[f"{ARTICLE_1}, sub-point 3-1)"] == "added"
    assert changed[f"{ARTICLE_1}, sub-point 4)"] == "modified"
    assert changed["chapter 1, article 2, paragraph 2"] == "modified"
    assert "chapter 1, article 3, paragraph 1" not in changed
    three = next(e for e in diff.entries if e.path == f"{ARTICLE_1}, sub-point 3)")
    assert "на срок не более пяти лет" in " ".join(op.new for op in three.changes)
    entries = diff_to_dict(diff)["entries"]
    assert {e["path"] for e in entries} >= {f"{ARTICLE_1}, sub-point 3-1)"}
    json.dumps(entries)
    console = Console(width=400, record=True)
    console.print(diff_table(diff))
    assert "article 1, sub-point 3-1)" in console.export_text()


def test_entries_follow_the_order_of_the_law(encoder):
    diff = diff_documents(*_versions("kk"), encoder)
    paths = [e.path for e in diff.entries if e.path and "sub-point" in e.path]
    points = [p.rsplit(" ", 1)[1] for p in paths]
    assert points == ["1)", "2)", "3)", "3-1)", "4)", "5)"]
    assert _by_path(diff)[f"{ARTICLE_1}, sub-point 3-1)"] == "added"


def test_renaming_is_mined_in_both_languages(encoder):
    ru = mine_replacements(consecutive_diffs(_versions("ru"), encoder))
    kk = mine_replacements(consecutive_diffs(_versions("kk"), encoder))
    top_ru = ru[0]
    assert (top_ru.old.lower()[:7], top_ru.new.lower()[:6], top_ru.count) == (
        "оралман",
        "кандас",
        4,
    )
    top_kk = kk[0]
    assert (top_kk.old_key, top_kk.new_key, top_kk.count) == (("оралман",), ("қандас",), 4)
