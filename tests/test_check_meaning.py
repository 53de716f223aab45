"""The meaning check: a version that says something else, judged against its own document.

The units are hand-written for these tests: short trilingual sentences in the style of a
migration-policy text, one document group of seven units. Uses the real default model.
"""

from __future__ import annotations

import pytest

from compare.checks import Finding, UnitText
from compare.checks.meaning import MeaningCheck
from compare.embed import load_encoder

LANGS = ("en", "ru", "kk")
FAITHFUL = [
    (
        "The government approved a new concept of migration policy for 2023–2027.",
        "Правительство утвердило новую концепцию миграционной политики на 2023–2027 годы.",
        "Үкімет 2023–2027 жылдарға арналған көші-қон саясатының жаңа тұжырымдамасын бекітті.",
    ),
    (
        "The concept aims to attract qualified specialists from abroad.",
        "Концепция направлена на привлечение квалифицированных специалистов из-за рубежа.",
        "Тұжырымдама шетелден білікті мамандарды тартуға бағытталған.",
    ),
    (
        "Ethnic Kazakhs returning to the country receive the status of kandas.",
        "Этнические казахи, возвращающиеся в страну, получают статус кандаса.",
        "Елге оралған этникалық қазақтар қандас мәртебесін алады.",
    ),
    (
        "Regional authorities will provide housing and help with employment.",
        "Местные власти предоставят жильё и помогут с трудоустройством.",
        "Өңірлік билік тұрғын үй береді және жұмысқа орналасуға көмектеседі.",
    ),
    (
        "Intellectual migration is the movement of highly educated people between countries.",
        "Интеллектуальная миграция — это перемещение высокообразованных людей между странами.",
        "Зияткерлік көші-қон – жоғары білімді адамдардың елдер арасындағы қоныс аударуы.",
    ),
    (
        "The number of students leaving for study abroad has grown in recent years.",
        "Число студентов, уезжающих на учёбу за рубеж, в последние годы выросло.",
        "Соңғы жылдары шетелге оқуға кететін студенттер саны өсті.",
    ),
]
# kk speaks of tomorrow's weather in Almaty instead of university funding.
ODD = (
    "Universities will receive additional funding for research laboratories.",
    "Университеты получат дополнительное финансирование для исследовательских лабораторий.",
    "Ертең Алматыда күн бұлтты болады, жаңбыр жауады.",
)


def group(rows, keys=LANGS) -> list[UnitText]:
    return [
        UnitText(i, dict(zip(keys, row, strict=True)), {k: (i,) for k in keys})
        for i, row in enumerate(rows)
    ]


@pytest.fixture(scope="module")
def check() -> MeaningCheck:
    return MeaningCheck(load_encoder())


def assert_spans_point_into(finding: Finding, units: list[UnitText]) -> None:
    texts = units[finding.unit].texts
    for span in finding.spans:
        assert texts[span.lang][span.start : span.end] == span.text


def test_faithful_units_are_not_flagged(check) -> None:
    assert check.run(group(FAITHFUL)) == []


def test_the_odd_language_out_is_named_with_a_span(check) -> None:
    units = group([*FAITHFUL[:3], ODD, *FAITHFUL[3:]])
    [finding] = check.run(units)
    assert finding.check == "meaning"
    assert finding.unit == 3
    assert finding.severity == "major"
    assert finding.details["lang"] == "kk"
    assert finding.message.startswith("kk does not say what en and ru say")
    assert [s.lang for s in finding.spans] == ["kk"]
    assert_spans_point_into(finding, units)
    assert 0.5 <= finding.confidence <= 1


def test_two_versions_under_labels_name_the_unit(check) -> None:
    rows = [(en, ru) for en, ru, _ in FAITHFUL]
    rows[2] = (rows[2][0], ODD[1])
    units = group(rows, keys=("original", "translation"))
    [finding] = check.run(units)
    assert finding.unit == 2
    assert finding.langs == ("original", "translation")
    assert finding.details["lang"] is None
    assert_spans_point_into(finding, units)


def test_finding_ids_are_stable(check) -> None:
    units = group([*FAITHFUL[:3], ODD, *FAITHFUL[3:]])
    first = [f.id for f in check.run(units)]
    assert first and first == [f.id for f in MeaningCheck(load_encoder()).run(units)]
