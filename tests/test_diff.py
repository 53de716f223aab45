"""Version diffs: hand-written short versions (added, removed, moved, modified passages, and a
kk/ru pair), and the two reference lists of the 2022 paper shipped in documents/.

Uses the real model (built once per machine into the user cache).
"""

from __future__ import annotations

import json
from pathlib import Path

from rich.console import Console

from compare.corpus import build_document, load_corpus
from compare.diff import diff_documents, word_diff
from compare.lang.translit import latin
from compare.render_versions import diff_table
from compare.writers.versions import diff_to_dict

ROOT = Path(__file__).resolve().parent.parent

# Hand-written: NEW moves the first sentence to the end, changes a number, adds one sentence
# and drops none; OLD_2 drops one.
OLD = [
    "The committee met in Astana on Monday.",
    "It discussed the new migration policy.",
    "Labour migration from neighbouring countries grew by ten percent.",
    "The ministry will publish a report in March.",
    "Students from abroad are welcome.",
    "The session ended at noon.",
]
NEW = [
    "It discussed the new migration policy.",
    "Labour migration from neighbouring countries grew by twelve percent.",
    "The ministry will publish a report in March.",
    "Students from abroad are welcome.",
    "Visa rules for researchers will be simplified.",
    "The committee met in Astana on Monday.",
    "The session ended at noon.",
]


def _doc(doc_id: str, sentences: list[str], lang: str = "en"):
    return build_document(doc_id, [(" ".join(sentences), None)], declared_lang=lang)


def test_added_moved_and_modified_passages(encoder):
    diff = diff_documents(_doc("old", OLD), _doc("new", NEW), encoder)
    statuses = {e.status: e for e in diff.entries if e.status != "unchanged"}
    assert diff.counts() == {"unchanged": 4, "modified": 1, "added": 1, "removed": 0, "moved": 1}
    assert statuses["added"].new_text == NEW[4]
    assert (statuses["moved"].old[0].index, statuses["moved"].new[0].index) == (0, 5)
    assert [(op.op, op.old, op.new) for op in statuses["modified"].changes] == [
        ("replace", "ten", "twelve")
    ]


def test_removed_passage(encoder):
    diff = diff_documents(_doc("old", OLD), _doc("new", OLD[:3] + OLD[4:]), encoder)
    assert [e.old_text for e in (e for e in diff.entries if e.status == "removed")] == [OLD[3]]
    assert diff.counts()["unchanged"] == 5


def test_cross_language_diff_finds_the_added_sentence(encoder):
    """Hand-written: a 2017-style Russian text against a later Kazakh one with one more sentence."""
    ru = [
        "Концепция миграционной политики принята.",
        "Установлена квота приема оралманов.",
        "Трудовая миграция регулируется.",
    ]
    kk = [
        "Көші-қон саясатының тұжырымдамасы қабылданды.",
        "Қандастарды қабылдау квотасы белгіленді.",
        "Шетелдік студенттер тартылады.",
        "Еңбек көші-қоны реттеледі.",
    ]
    diff = diff_documents(_doc("ru", ru, "ru"), _doc("kk", kk, "kk"), encoder)
    assert [e.new_text for e in (e for e in diff.entries if e.status == "added")] == [kk[2]]
    assert all(not e.words for e in diff.entries)  # translations get no word diff


def test_word_diff_compares_through_latin_spelling():
    assert latin("Человеческая") == "Chelovecheskaya"
    ops = word_diff("Юдина Т. 1889", "Uidina T. 1885")
    assert [(op.op, op.old, op.new) for op in ops] == [
        ("respell", "Юдина", "Uidina"),
        ("equal", "Т.", "T."),
        ("replace", "1889", "1885"),  # a number is never a respelling
    ]


def test_reference_lists_of_the_2022_paper(encoder):
    """The two shipped versions of the reference list: original script vs transliterated."""
    corpus = load_corpus([ROOT / "documents"])
    group = next(g for g in corpus.groups if g.id == "kaliaskarova-2022.references")
    diff = diff_documents(*corpus.group_documents(group), encoder)
    counts = diff.counts()
    assert counts["added"] == counts["removed"] == counts["moved"] == 0
    assert len(diff.entries) == 11
    changes = {(op.old, op.new) for e in diff.entries for op in e.changes}
    assert ("1889", "1885") in changes  # Ravenstein's year differs between the lists
    assert ("Press", "Fress") in changes  # a typo in the transliterated list
    park = next(e for e in diff.entries if "Парк" in e.old_text)
    assert park.status == "modified" and park.words  # Cyrillic vs romanised: word diff kept
    assert any(op.op == "delete" and op.old == "Парк" for op in park.words)
    json.dumps(diff_to_dict(diff))
    Console(file=None, width=120, record=True, quiet=True).print(diff_table(diff))
