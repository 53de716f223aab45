"""Localising and tracing the wording a language uses where it lacks a glossary term.

The units are hand-written for these tests: three trilingual sentences on energy policy whose
kk version says "энергетика" where the glossary has "жаңартылатын энергия", and uses
"энергетика" again in another unit. The embedding tests use the real default model.
"""

from __future__ import annotations

import numpy as np

from compare.checks.base import UnitText
from compare.checks.consistency import ConsistencyCheck
from compare.checks.renderings import pick, windows
from compare.checks.terms import TermsCheck
from compare.glossary import Concept, Glossary, Term

LANGS = ("en", "ru", "kk")
RENEWABLES = Glossary(
    [
        Concept(
            "r1",
            {
                "en": [Term("renewable energy", "en")],
                "kk": [Term("жаңартылатын энергия", "kk")],
                "ru": [Term("возобновляемая энергия", "ru")],
            },
        )
    ]
)
DEVIANT = (
    "The government plans to double the share of renewable energy in the national power "
    "system by 2030.",
    "Правительство планирует удвоить долю возобновляемой энергии в национальной энергосистеме "
    "к 2030 году.",
    "Үкімет 2030 жылға қарай елдің қуат жүйесіндегі баламалы энергетика үлесін екі есе "
    "арттыруды жоспарлап отыр.",
)
FAITHFUL = (
    "The government plans to double the share of renewable energy in the national power "
    "system by 2030.",
    "Правительство планирует удвоить долю возобновляемой энергии в национальной энергосистеме "
    "к 2030 году.",
    "Үкімет 2030 жылға қарай елдің қуат жүйесіндегі жаңартылатын энергия үлесін екі есе "
    "арттыруды жоспарлап отыр.",
)
WIND = (
    "Wind farms in the steppe already supply several cities with electricity.",
    "Ветровые электростанции в степи уже снабжают электричеством несколько городов.",
    "Даладағы жел электр станциялары бірнеше қаланы электр қуатымен қамтамасыз етіп отыр.",
)
REFORMS = (
    "The ministry announced new reforms in the energy sector for next year.",
    "Министерство объявило о новых реформах в энергетике на следующий год.",
    "Министрлік келесі жылға энергетика саласындағы жаңа реформаларды жариялады.",
)


def group(*rows: tuple[str, str, str]) -> list[UnitText]:
    return [
        UnitText(i, dict(zip(LANGS, row, strict=True)), {k: (i,) for k in LANGS})
        for i, row in enumerate(rows)
    ]


def test_windows_keep_to_phrases_and_content_words():
    found = [s.text for s in windows("the share of clean energy, by 2030", "en")]
    assert "clean energy" in found and "share of clean" in found
    assert "of clean" not in found  # a stop word at an edge
    assert "energy, by" not in found and "energy by" not in found  # punctuation ends a phrase


def test_only_a_window_that_stands_out_is_picked():
    spans = windows("one two three four five six seven", "en")
    flat = np.full(len(spans), 0.8)
    assert pick(spans, flat) is None
    peaked = flat + np.linspace(0, 0.001, len(spans))
    peaked[3] = 0.9
    assert pick(spans, peaked) == spans[3]


def test_missing_term_is_localised_in_the_lacking_language(encoder):
    units = group(DEVIANT, WIND, REFORMS)
    (finding,) = TermsCheck(RENEWABLES, encoder).run(units)
    assert finding.unit == 0 and finding.langs == ("en", "ru", "kk")
    assert finding.spans[-1].lang == "kk" and finding.spans[-1].text == "энергетика"
    assert "kk seems to render it as 'энергетика'" in finding.message
    text = units[0].texts["kk"]
    assert text[finding.spans[-1].start : finding.spans[-1].end] == "энергетика"


def test_reused_wording_is_traced_with_its_counterparts(encoder):
    units = group(DEVIANT, WIND, REFORMS)
    (finding,) = ConsistencyCheck(RENEWABLES, encoder).run(units)
    assert finding.check == "consistency" and finding.unit == 2
    assert finding.severity == "minor" and finding.details["kind"] == "reuse"
    assert finding.fault == "kk"  # its en and ru spans are the reference
    assert [(s.lang, s.text) for s in finding.spans] == [
        ("kk", "энергетика"),
        ("en", "energy"),
        ("ru", "энергетике"),
    ]
    assert "in unit 0, where glossary concept r1 has 'жаңартылатын энергия'" in finding.message
    assert finding.id == ConsistencyCheck(RENEWABLES, encoder).run(units)[0].id


def test_nothing_is_flagged_where_the_glossary_term_is_used(encoder):
    units = group(FAITHFUL, WIND, REFORMS)
    assert TermsCheck(RENEWABLES, encoder).run(units) == []
    assert ConsistencyCheck(RENEWABLES, encoder).run(units) == []
