"""The numbers check: quantities that differ or are missing between versions of one unit.

The texts are hand-written in the style of the corpus: the decree line of a migration-policy
concept in ru and kk, a reference given twice (original and transliterated), abstract sentences.
"""

from __future__ import annotations

import pytest
from law_units import units

from compare.checks import Finding, UnitText
from compare.checks.numbers import NumbersCheck

DECREE_RU = "Утверждена постановлением Правительства от 30 ноября 2022 года № 961"
DECREE_KK = (
    "Қазақстан Республикасы Үкіметінің 2022 жылғы 30 желтоқсандағы № 961 қаулысымен бекітілген"
)
DECREE_EN = "Approved by Government Resolution No. 961 of November 30, 2022"


def unit(index: int = 0, **texts: str) -> UnitText:
    return UnitText(index, texts, {key: (index,) for key in texts})


def check(**texts: str) -> list[Finding]:
    return NumbersCheck().run([unit(**texts)])


def assert_spans_point_into(finding: Finding, texts: dict[str, str]) -> None:
    for span in finding.spans:
        assert texts[span.lang][span.start : span.end] == span.text


def test_date_30_november_against_30_december() -> None:
    texts = {"ru": DECREE_RU, "kk": DECREE_KK}
    [finding] = check(**texts)
    assert finding.check == "numbers"
    assert finding.severity == "major"
    assert finding.langs == ("ru", "kk")
    assert finding.message == "Date differs: ru says 30 November 2022, kk says 30 December 2022."
    assert finding.suggestion == "Check the kk date against the ru text."
    assert [(s.lang, s.text) for s in finding.spans] == [
        ("ru", "30 ноября 2022 года"),
        ("kk", "2022 жылғы 30 желтоқсандағы"),
    ]
    assert_spans_point_into(finding, texts)
    assert finding.confidence >= 0.9


def test_three_versions_name_the_odd_one() -> None:
    [finding] = check(ru=DECREE_RU, kk=DECREE_KK, en=DECREE_EN)
    assert finding.message == (
        "Date differs: ru and en say 30 November 2022, kk says 30 December 2022."
    )
    assert finding.suggestion == "Check the kk date against the ru and en texts."
    assert len(finding.spans) == 3


def test_reference_with_another_year_in_two_versions_of_one_language() -> None:
    texts = {
        "original": "Ravenstein E.G. The Laws of Migration // Journal of the Royal Statistical "
        "Society. 1889. P. 22.",
        "transliterated": "Ravenstein E.G. The Laws of Migration. Journal of the Royal Statistical "
        "Society. 1885. P. 22.",
    }
    numbers = NumbersCheck(langs={"original": "ru", "transliterated": "en"})
    [finding] = numbers.run([unit(7, **texts)])
    assert finding.unit == 7
    assert finding.severity == "major"
    assert finding.message == "Year differs: original says 1889, transliterated says 1885."
    assert [s.text for s in finding.spans] == ["1889", "1885"]
    assert_spans_point_into(finding, texts)


@pytest.mark.parametrize(
    "texts",
    [
        {
            "en": "The sample was 1,997 people.",
            "ru": "Выборка — 1 997 человек.",
            "kk": "1\u00a0997 адам.",
        },
        {"en": "Adopted 12 August 2021.", "ru": "Принят 12.08.2021.", "kk": "2021 жылғы 12 тамыз."},
        {"en": "Growth was 15 percent.", "ru": "Рост составил 15 %.", "kk": "Өсім 15 пайыз болды."},
        {
            "en": "The 2023–2027 concept.",
            "ru": "Концепция на 2023–2027 годы.",
            "kk": "2023–2027 жылдарға.",
        },
        {"en": "from 2007 to 2015", "ru": "2007-2015 гг.", "kk": "2007–2015 жылдарға арналған"},
        {"en": "in the 21st century", "ru": "в XXI веке", "kk": "ХХІ ғасырда"},
        {"en": "at 3 p.m.", "ru": "в 15:00", "kk": "сағат 15:00-де"},
        {"en": "At 2pm", "ru": "В 2 часа дня"},
        {"en": "£2.8bn market", "ru": "рынок в 2,8 млрд фунтов", "kk": "2,8 млрд. фунт нарық"},
        {"en": "in the 1930s", "ru": "в 30-е годы", "kk": "1930 жылы"},
        {"en": "two children, ten years", "ru": "2 детей, 10 лет", "kk": "екі бала, он жыл"},
        {"en": "in November", "ru": "после ноябрьских выборов", "kk": "қарашада"},
        {"en": "in June", "kk": "маусым айында"},
        {"en": "in its eighth year", "ru": "уже восьмой год", "kk": "8 жыл бойы"},
    ],
)
def test_no_flag_when_quantities_agree_in_other_forms(texts: dict[str, str]) -> None:
    assert check(**texts) == []


def test_list_labels_are_structure() -> None:
    assert check(ru="1. Рост в 2022 году", kk="2. 2022 жылы өсім") == []


def test_doi_and_url_are_not_compared() -> None:
    ru = "Калиаскарова Г.Б. DOI 10.32523/2616-6887/2022-138-1-79-85"
    kk = "Қалиасқарова Г.Б. https://doi.org/10.32523/2616-6887/2022-138-1-80-86 сайтында"
    assert check(ru=ru, kk=kk) == []


def test_a_missing_year_is_major() -> None:
    [finding] = check(
        ru="Закон принят в 2016 году.", kk="Заң қабылданды.", en="The law passed in 2016."
    )
    assert finding.severity == "major"
    assert finding.message == "Year 2016 is in ru and en but not in kk."
    assert finding.suggestion == "Check whether the kk text should mention 2016."
    assert [s.lang for s in finding.spans] == ["ru", "en"]


def test_a_missing_small_number_is_minor() -> None:
    [finding] = check(ru="Выиграли 7 матчей.", en="They won the matches.")
    assert finding.severity == "minor"
    assert finding.message == "Number 7 is in ru but not in en."


def test_a_missing_large_number_is_major() -> None:
    [finding] = check(ru="Выиграли 17 матчей.", en="They won the matches.")
    assert finding.severity == "major"


def test_different_numbers_are_paired() -> None:
    [finding] = check(en="about 30 goals", ru="27 голов", kk="30 гол")
    assert finding.message == "Number differs: en and kk say 30, ru says 27."


def test_a_converted_unit_is_the_same_measure() -> None:
    assert check(en="2 to 4 inches of rain", ru="5–10 см осадков", kk="2-4 дюйм жауын") == []
    assert check(en="winds of 85 mph", ru="ветер до 135 км/ч") == []


def test_the_same_digits_in_another_unit_differ() -> None:
    [finding] = check(en="about 30 yards out", ru="в 27 метрах", kk="30 метр")
    assert finding.message == "Number differs: en and ru say 30 yard, kk says 30 m."


def test_a_kazakh_pair_with_men_is_a_range_that_shares_its_unit() -> None:
    assert check(en="2 to 4 inches of rain", ru="от 5 до 10 см", kk="2 мен 4 дюйм жауын") == []


def test_a_temperature_without_a_scale_matches_its_conversion() -> None:
    assert check(en="highs near 80 degrees", ru="до 27 градусов", kk="80 градус шамасында") == []
    assert check(en="at 80 °F", ru="при 27 °С") == []
    [finding] = check(en="at 80 °F", ru="при 80 °С")
    assert finding.message == "Number differs: en says 80 °F, ru says 80 °C."
    [finding] = check(en="highs near 80 degrees", ru="до 30 градусов")
    assert finding.message == "Number differs: en says 80 degrees, ru says 30 degrees."


def test_a_conversion_in_brackets_restates_its_measure() -> None:
    kk = "салмағы 550 фунт (249 кг) қабан"
    assert check(en="the 550 pound hog", ru="свинья весом в 250 килограмм", kk=kk) == []
    [finding] = check(
        en="at speeds of 800 kph (497 mph)",
        ru="со скоростью 497 км/ч",
        kk="497 миля/сағ (800 км/сағ) жылдамдықпен",
    )
    assert finding.message == "Number differs: en and kk say 800 km/hour, ru says 497 km/hour."


def test_a_distance_is_not_said_to_differ_from_a_speed() -> None:
    findings = check(en="winds of 85 mph, 385 miles away", ru="ветер 135 км/ч, в 360 км от")
    assert [f.message for f in findings] == ["Number differs: en says 385 mile, ru says 360 km."]


def test_a_written_out_number_alone_raises_nothing() -> None:
    assert check(en="One man came.", ru="Пришёл мужчина.", kk="Бір адам келді.") == []


def test_fewer_repetitions_are_minor() -> None:
    [finding] = check(ru="В 2022 году… и в 2022 году.", kk="2022 жылы.")
    assert finding.severity == "minor"
    assert finding.message == "Year 2022 occurs more often in ru than in kk."


def test_an_empty_version_is_left_to_the_omission_check() -> None:
    assert check(ru=DECREE_RU, kk="", en="   ") == []


def test_a_key_that_is_no_language_needs_a_mapping() -> None:
    with pytest.raises(ValueError, match="original"):
        NumbersCheck().run([unit(original="1889", transliterated="1885")])


def test_findings_keep_the_unit_index_and_a_stable_id() -> None:
    units = [unit(0, ru="В 2022 году", kk="2022 жылы"), unit(1, ru=DECREE_RU, kk=DECREE_KK)]
    first, second = NumbersCheck().run(units), NumbersCheck().run(units)
    assert [f.unit for f in first] == [1]
    assert [f.id for f in first] == [f.id for f in second]


def test_the_version_the_others_agree_against_is_at_fault() -> None:
    [finding] = check(ru=DECREE_RU, kk=DECREE_KK, en=DECREE_EN)
    assert finding.fault == "kk"  # ru and en say 30 November


def test_between_two_versions_a_differing_number_has_no_fault_but_a_missing_one_does() -> None:
    [differs] = check(ru=DECREE_RU, kk=DECREE_KK)
    assert differs.fault is None
    [missing] = check(ru="Квота составляет 5 000 человек.", en="The quota is set every year.")
    assert missing.fault == "en"


def test_an_article_citing_itself_by_number_where_the_other_says_this_article_is_minor() -> None:
    """In Article 63, kk cites "63-бабының" where ru says "настоящей статьи": no number is
    missing. The same number missing elsewhere stays major."""
    kk = "3-3. Осы Заңның 63-бабының 3 және 3-2-тармақтарына сәйкес алынған кірістер дербес пайдаланылады."
    ru = "3-3. Доходы, полученные в соответствии с пунктами 3 и 3-2 настоящей статьи, используются самостоятельно."
    rows = [
        ("chapter 9, article 63, paragraph 3-3", kk, ru),
        ("chapter 9, article 64, paragraph 3-3", kk, ru),
        ("chapter 9, article 63, paragraph 3-3", kk, ru.replace("настоящей статьи", "Закона")),
    ]
    findings = NumbersCheck().run(units(rows))
    assert [(f.unit, f.severity) for f in findings] == [(0, "minor"), (1, "major"), (2, "major")]
    assert findings[0].message == (
        "Number 63 is in kk but not in ru (it cites its own article, as 'this article')."
    )


def test_a_date_mistyped_as_a_number_is_one_date_that_differs() -> None:
    """One date mistyped in one version reads as a number there: it is paired with the date
    the other holds, as one finding; between two versions either may be the one to fix."""
    kk = "Заң 97.11.2025 бастап қолданысқа енгізіледі."
    ru = "Закон вводится в действие с 27.11.2025."
    [finding] = check(kk=kk, ru=ru)
    assert finding.severity == "major"
    assert finding.message == "Date differs: kk says 97.11.2025, ru says 27 November 2025."
    assert finding.details["kind"] == "date"
    assert finding.fault is None
    assert_spans_point_into(finding, {"kk": kk, "ru": ru})


def test_two_versions_agreeing_on_a_date_name_the_third_that_mistyped_it() -> None:
    en = "The Law enters into force on 11/27/2025."  # month first in en
    [finding] = check(
        kk="Заң 2025 жылғы 27 қарашадан бастап қолданысқа енгізіледі.",
        ru="Закон вводится в действие с 27.111.2025.",
        en=en,
    )
    assert finding.message == ("Date differs: kk and en say 27 November 2025, ru says 27.111.2025.")
    assert finding.fault == "ru"


def test_a_number_far_from_the_date_stays_a_number_of_its_own() -> None:
    findings = check(
        kk="Заң 4.1.2 тармағына сәйкес қолданысқа енгізіледі.",
        ru="Закон вводится в действие с 27.11.2025.",
    )
    assert sorted(f.message.split()[0] for f in findings) == ["Date", "Number"]
    assert [f.fault for f in findings] == [None, None]


@pytest.mark.parametrize(
    ("kk", "ru", "message"),
    [
        pytest.param(
            "Осы баптың 2-тармағында аталған субъектілердің екінші деңгейдегі банкімен.",
            "Субъектов, указанных в пункте 1 настоящей статьи, с банком второго уровня.",
            "Number differs: kk says 2, ru says 1.",
            id="number words match each other before a number in digits",
        ),
        pytest.param(
            "Осы баптың 0-тармағында аталған негіздер бойынша тарату туралы талап.",
            "Требование о ликвидации по основаниям, указанным в пункте втором настоящей статьи.",
            "Number 0 is in kk but not in ru.",
            id="a number word stands in the place of the number",
        ),
        pytest.param(
            "Тізбе жылдың 85 желтоқсанына дейін орналастырылады.",
            "Перечень размещается до 25 декабря.",
            "Date differs: kk says 85 December, ru says 25 December.",
            id="a day no month has is a date that differs",
        ),
    ],
)
def test_a_changed_number_that_either_version_may_hold_names_neither(
    kk: str, ru: str, message: str
) -> None:
    """A reference changed in one version ("пункте 1" / "2-тармағында" beside "второго
    уровня" / "екінші деңгейдегі"), a number where the other writes a word, a day mistyped:
    one finding, and either version may be the one to fix."""
    [finding] = check(kk=kk, ru=ru)
    assert finding.message == message
    assert finding.fault is None
