"""The lexicon learned from aligned units, Apertium dictionaries, and saving a lexicon."""

import csv
from pathlib import Path

import numpy as np
import pytest
from lexicon_units import PAIRS, bilingual_units, honest_units, unit

from compare.errors import InputError
from compare.lexicon.apertium import read_dix
from compare.lexicon.learn import _unit_links, learn, unit_bags
from compare.stem import stem
from compare.writers.lexicon import save_lexicon

DIX = """<?xml version="1.0" encoding="UTF-8"?>
<dictionary>
  <sdefs><sdef n="n"/></sdefs>
  <section id="main" type="standard">
    <e><p><l>үкімет<s n="n"/></l><r>правительство<s n="n"/></r></p></e>
    <e r="LR"><p><l>мемлекет<s n="n"/></l><r>государство<s n="n"/></r></p></e>
    <e r="RL"><p><l>ел<s n="n"/></l><r>страна<s n="n"/></r></p></e>
    <e><p><l>ақыл<b/>ой<s n="n"/></l><r>интеллект<s n="n"/></r></p></e>
    <e><i>банк<s n="n"/></i></e>
  </section>
</dictionary>
"""


def test_learns_which_words_translate_each_other():
    lexicon = learn(unit_bags(honest_units()))
    entry = lexicon.get("ru", "kk", "правительств")
    assert entry is not None and list(entry.counterparts) == ["үкімет"]
    assert entry.seen == entry.covered == 4
    assert list(lexicon.get("kk", "en", "салық").counterparts) == ["tax"]
    assert lexicon.get("en", "ru", "law").counterparts.keys() == {"закон"}


def test_a_word_is_not_taken_for_its_company_in_a_fixed_phrase():
    """ "уставный капитал" is "жарғылық капитал" in four units and "капитал" stands alone in
    two more: "уставный" always has kk "капитал" beside it, but in each of those units "капитал"
    is linked to ru "капитал" first, so "уставный" keeps only "жарғылық"."""
    phrase = [
        {"kk": f"Жарғылық капитал және {kk}.", "ru": f"Уставный капитал и {ru}."}
        for kk, ru in (("салық", "налог"), ("заң", "закон"), ("банк", "банк"), ("мектеп", "школа"))
    ]
    alone = [
        {"kk": "Капитал және салық.", "ru": "Капитал и налог."},
        {"kk": "Капитал және заң.", "ru": "Капитал и закон."},
    ]
    units = [unit(i, texts) for i, texts in enumerate([*phrase, *alone])]
    lexicon = learn(unit_bags(units))
    assert list(lexicon.get("ru", "kk", stem("уставный", "ru")).counterparts) == [
        stem("жарғылық", "kk")
    ]


def test_a_word_frequent_beside_the_counterpart_is_no_other_rendering():
    """ru "закон" is "заң" in 15 units and "құқық" in 3; kk "туралы" (about) stands in those 3
    and in 9 of the 15 too: it is the company the word keeps, not another rendering of it."""
    with_law = 0
    units = []
    for u in bilingual_units():
        kk = u.texts["kk"]
        if "Заң" in kk or "заң" in kk:
            with_law += 1
            kk = kk.replace(".", " туралы.") if with_law <= 9 else kk
        units.append(unit(u.unit, {**u.texts, "kk": kk}))
    units += [
        unit(50 + i, {"kk": f"Құқық, {kk} және банк туралы.", "ru": f"Закон, {ru}, а также банк."})
        for i, (kk, ru) in enumerate(PAIRS[2:5])
    ]
    entry = learn(unit_bags(units)).get("ru", "kk", "закон")
    assert entry is not None and list(entry.counterparts) == ["заң"]
    assert "құқық" in entry.others and stem("туралы", "kk") not in entry.others


def test_competitive_linking_takes_the_highest_score_left_first():
    """In one unit the highest pair is linked first, the first in row order among equal
    ones, then the highest among the rows and columns left, while one is above zero."""
    assert list(_unit_links(np.array([[0.5, 0.9], [0.9, 0.4]]))) == [(0, 1), (1, 0)]
    assert list(_unit_links(np.array([[0.8, 0.7, 0.0], [0.6, 0.0, 0.0]]))) == [(0, 0)]
    assert list(_unit_links(np.array([[0.3, 0.0], [0.0, 0.7], [0.2, 0.7]]))) == [(1, 1), (0, 0)]
    assert list(_unit_links(np.zeros((2, 2)))) == []


def test_a_word_seen_once_has_no_counterparts():
    units = honest_units()[:1]
    assert len(learn(unit_bags(units))) == 0


def test_reads_an_apertium_dictionary(tmp_path: Path):
    path = tmp_path / "tiny.kaz-rus.dix"
    path.write_text(DIX, encoding="utf-8")
    lexicon = read_dix(path)
    assert list(lexicon.get("kk", "ru", "үкімет").counterparts) == ["правительств"]
    assert list(lexicon.get("ru", "kk", "правительств").counterparts) == ["үкімет"]
    assert lexicon.get("kk", "ru", "мемлекет") is not None  # LR: left to right only
    assert lexicon.get("ru", "kk", "государств") is None
    assert lexicon.get("kk", "ru", "ел") is None  # RL: right to left only
    assert list(lexicon.get("ru", "kk", "стран").counterparts) == ["ел"]
    assert lexicon.get("ru", "kk", "интеллект") is None  # multi-word lemma left out
    assert list(lexicon.get("kk", "ru", "банк").counterparts) == ["банк"]


def test_dictionary_counterparts_join_the_learned_ones(tmp_path: Path):
    path = tmp_path / "tiny.kaz-rus.dix"
    path.write_text(DIX.replace("правительство", "кабинет"), encoding="utf-8")
    lexicon = learn(unit_bags(honest_units()), read_dix(path))
    assert lexicon.get("kk", "ru", "үкімет").counterparts.keys() == {"правительств"}
    # "кабинет" occurs in no unit, so the dictionary adds nothing the run could check


@pytest.mark.parametrize(
    ("name", "problem"),
    [("tiny.dix", "cannot tell the languages"), ("tiny.kaz-rus.dix", "not a readable .dix")],
)
def test_bad_dictionary_is_one_clear_error(tmp_path: Path, name: str, problem: str):
    path = tmp_path / name
    path.write_text("<dictionary><e>", encoding="utf-8")
    with pytest.raises(InputError, match=problem):
        read_dix(path)


def test_saved_lexicon_lists_each_stem_and_its_counterparts(tmp_path: Path):
    path = tmp_path / "lexicon.csv"
    save_lexicon(learn(unit_bags(honest_units())), path)
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    row = next(r for r in rows if (r["from"], r["to"], r["stem"]) == ("kk", "ru", "үкімет"))
    assert row["counterparts"] == "правительств:1"
    assert (row["units"], row["with_counterpart"]) == ("4", "4")
