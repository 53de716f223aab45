"""The meaning check on a law: long repetitive text, where correct short headings and
paragraphs sharing their vocabulary with others must not be major, and a changed meaning is
the finding furthest below the law's own margins (in a law this short the spread of margins is too wide to call it major).

An invented kk/ru law on beekeeping in the adilet.zan.kz style (article headings, numbered
paragraphs and sub-points, the same terms over and over), written for these tests. Uses the
real default model.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from law_units import units

from compare.checks.base import Finding
from compare.checks.meaning import LAW_CONFIDENCE, MeaningCheck, confirmed_in_laws
from compare.embed import load_encoder

LAW = [
    (
        "article 1",
        "1-бап. Ара шаруашылығы туралы заңнама",
        "Статья 1. Законодательство о пчеловодстве",
    ),
    (
        "article 1, paragraph 1",
        "1. Ара шаруашылығы туралы заңнама Қазақстан Республикасының Конституциясына негізделеді.",
        "1. Законодательство о пчеловодстве основывается на Конституции Республики Казахстан.",
    ),
    ("article 2", "2-бап. Омарталарды тіркеу", "Статья 2. Регистрация пасек"),
    (
        "article 2, paragraph 1",
        "1. Омарталарды тіркеуді жергілікті атқарушы орган жүзеге асырады.",
        "1. Регистрацию пасек осуществляет местный исполнительный орган.",
    ),
    (
        "article 2, paragraph 2",
        "2. Омарталарды тіркеу қағидаларын уәкілетті орган бекітеді.",
        "2. Правила регистрации пасек утверждаются уполномоченным органом.",
    ),
    (
        "article 2, paragraph 3",
        "3. Омарта иесі тіркеу үшін өтініш пен омартаның орналасқан жері туралы мәліметтерді береді.",
        "3. Для регистрации владелец пасеки подает заявление и сведения о месте нахождения пасеки.",
    ),
    ("article 3", "3-бап. Омарталарды тіркеуден шығару", "Статья 3. Снятие пасек с регистрации"),
    (
        "article 3, paragraph 1",
        "1. Омарта иесінің өтініші бойынша омарта тіркеуден шығарылады.",
        "1. Пасека снимается с регистрации по заявлению владельца пасеки.",
    ),
    (
        "article 3, paragraph 2",
        "2. Омартаны тіркеуден шығару қағидаларын уәкілетті орган бекітеді.",
        "2. Правила снятия пасек с регистрации утверждаются уполномоченным органом.",
    ),
    (
        "article 4",
        "4-бап. Ара шаруашылығы өнімдерінің қауіпсіздігі",
        "Статья 4. Безопасность продукции пчеловодства",
    ),
    (
        "article 4, paragraph 1",
        "1. Бал мен ара шаруашылығының басқа да өнімдері қауіпсіздік талаптарына сәйкес келуге тиіс.",
        "1. Мед и иная продукция пчеловодства должны соответствовать требованиям безопасности.",
    ),
    (
        "article 4, paragraph 2",
        "2. Ара шаруашылығы өнімдерінің қауіпсіздігін ветеринариялық қызмет бақылайды.",
        "2. Контроль за безопасностью продукции пчеловодства осуществляет ветеринарная служба.",
    ),
    (
        "article 5, paragraph 1",
        "1. Омарта иесі аралардың ауруы туралы ветеринариялық дәрігерге үш күн ішінде хабарлайды.",
        "1. Владелец пасеки в течение трех дней сообщает ветеринарному врачу о болезни пчел.",
    ),
    (
        "article 5, paragraph 2",
        "2. Ауру аралары бар омартаны басқа жерге көшіруге тыйым салынады.",
        "2. Перемещение пасеки с больными пчелами в другое место запрещается.",
    ),
]
# The ru of article 5, paragraph 2 says something else: a subsidy, not a ban on moving.
CHANGED = "2. Владельцу пасеки выплачивается субсидия на приобретение новых ульев за счет бюджета."


@pytest.fixture(scope="module")
def check() -> MeaningCheck:
    return MeaningCheck(load_encoder(), langs={"kk": "kk", "ru": "ru"})


def test_correct_headings_and_paragraphs_of_a_law_are_not_major(check) -> None:
    majors = [f for f in check.run(units(LAW)) if f.severity == "major"]
    assert majors == []


def test_a_changed_meaning_in_a_law_is_flagged_and_furthest_below_the_law(check) -> None:
    rows = [*LAW[:-1], (LAW[-1][0], LAW[-1][1], CHANGED)]
    findings = check.run(units(rows))
    furthest = min(findings, key=lambda f: f.details["standing"])
    assert furthest.unit == len(LAW) - 1
    assert furthest.details["score"] < 0
    # In a law a meaning finding prints the share of its kind found real when read.
    assert {f.confidence for f in findings} <= {LAW_CONFIDENCE, LAW_CONFIDENCE / 2}


def _flag(check: str, unit: int, severity: str = "major") -> Finding:
    return Finding(check, severity, LAW_CONFIDENCE, unit, ("kk", "ru"), "kk and ru differ.")


def test_a_meaning_major_in_a_law_stays_major_only_where_another_check_confirms_it() -> None:
    """Alone, a meaning major in a law proved noise when read (a correct heading or short
    sentence); where another check that reads other evidence flags the unit too, even as a
    minor, it stays major. Free text keeps its majors."""
    law = units(LAW[:4])
    free = [replace(u, paths={}) for u in law]
    findings = [
        _flag("meaning", 0),
        _flag("meaning", 1),
        _flag("omission", 1, "minor"),
        _flag("meaning", 2),
        _flag("scripts", 2, "minor"),  # the formal checks read no meaning
        _flag("numbers", 3),
    ]
    out = confirmed_in_laws(findings, law)
    assert [(f.check, f.unit, f.severity) for f in out] == [
        ("meaning", 0, "minor"),
        ("meaning", 1, "major"),
        ("omission", 1, "minor"),
        ("meaning", 2, "minor"),
        ("scripts", 2, "minor"),
        ("numbers", 3, "major"),
    ]
    assert out[0].confidence == LAW_CONFIDENCE / 2 and "no other check" in out[0].message
    assert confirmed_in_laws(findings, free) == findings
