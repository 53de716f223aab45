"""Extraction and normalisation of numbers, years, dates and percentages in kk, ru and en.

All examples are hand-written in the style of the corpus (journal abstracts, policy documents,
reference lists) and of news text; none is copied from a data set.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from compare.quantities import Quantity, describe, extract, extract_dates


def values(text: str, lang: str) -> list[tuple[str, object]]:
    return [(q.kind, q.value) for q in extract(text, lang)]


def only(text: str, lang: str) -> Quantity:
    found = extract(text, lang)
    assert len(found) == 1, found
    return found[0]


# ---- dates with month names ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2022 жылғы 30 желтоқсандағы № 961 қаулы", (2022, 12, 30)),
        ("2005 жылдың 30 мамырында болды", (2005, 5, 30)),
        ("2018 жылдың 30 қыркүйегінде дауыс берді", (2018, 9, 30)),  # к → г before a vowel
        ("2021 жылғы 12 тамыз", (2021, 8, 12)),
        ("30 желтоқсан 2022 ж. қабылданды", (2022, 12, 30)),
        ("2022 ж. 1 қаңтардан бастап", (2022, 1, 1)),
        ("қазанның 5-і күні", (None, 10, 5)),
        ("жыл 31-желтоқсанда аяқталады", (None, 12, 31)),  # the day joined by a hyphen
        ("Сайлау қарашада өтеді", (None, 11, None)),
        ("Ақпанның басында", (None, 2, None)),
        ("2022 жылдың қарашасында", (2022, 11, None)),
    ],
)
def test_kazakh_dates(text: str, value: tuple[int | None, ...]) -> None:
    q = [q for q in extract(text, "kk") if q.kind == "date"]
    assert [d.value for d in q] == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("от 30 ноября 2022 года № 961", (2022, 11, 30)),
        ("30 ноября", (None, 11, 30)),
        ("Выборы пройдут в ноябре", (None, 11, None)),
        ("ноябрь 2022 г.", (2022, 11, None)),
        ("после ноябрьских выборов", (None, 11, None)),
        ("в сентябре 2017 г.", (2017, 9, None)),
        ("12–14 мая", None),
    ],
)
def test_russian_dates(text: str, value: tuple[int | None, ...] | None) -> None:
    dates = [q.value for q in extract(text, "ru") if q.kind == "date"]
    assert dates == ([value] if value else [(None, 5, 12), (None, 5, 14)])


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Resolution of November 30, 2022", (2022, 11, 30)),
        ("on 30 November 2022", (2022, 11, 30)),
        ("on the 30th of September", (None, 9, 30)),
        ("since Nov. 30", (None, 11, 30)),
        ("in September 2017", (2017, 9, None)),
        ("in June", (None, 6, None)),
    ],
)
def test_english_dates(text: str, value: tuple[int | None, ...]) -> None:
    assert only(text, "en").value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12.08.2021", (2021, 8, 12)),
        ("2021-08-12", (2021, 8, 12)),
        ("28.08.2007 ж.", (2007, 8, 28)),
        ("2009.12.30", (2009, 12, 30)),  # year first, as Kazakh law notes write it
    ],
)
def test_numeric_dates(text: str, value: tuple[int, int, int]) -> None:
    for lang in ("kk", "ru", "en"):
        assert only(text, lang).value == value


def test_slash_dates_follow_the_language_and_keep_the_other_reading() -> None:
    en, ru = only("08/12/2021", "en"), only("08/12/2021", "ru")
    assert (en.value, en.alt) == ((2021, 8, 12), (2021, 12, 8))
    assert (ru.value, ru.alt) == ((2021, 12, 8), (2021, 8, 12))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Бұл қарашаңырақ", "kk"),  # "ancestral home", not "қараша"
        ("Маусымдық жұмыс", "kk"),  # "seasonal"
        ("Тамаша қарым-қатынастамыз", "kk"),  # ends in "тамыз" inside a word
        ("Я думаю, что это так", "ru"),  # "маю" inside a word
        ("It may rain", "en"),
    ],
)
def test_words_that_only_look_like_months(text: str, lang: str) -> None:
    assert extract(text, lang) == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Маусым аяқталды", "kk"),
        ("Қазан қайнап тұр", "kk"),
        ("Марта пришла", "ru"),
        ("May I", "en"),
    ],
)
def test_month_names_that_are_common_words_are_weak(text: str, lang: str) -> None:
    assert only(text, lang).weak


# ---- years, ranges, decades, centuries ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("2022 ж. өсім болды", "kk", [("year", 2022)]),
        ("2022 жылғы заң", "kk", [("year", 2022)]),
        ("2016 жылы", "kk", [("year", 2016)]),
        ("2023–2027 жылдарға арналған", "kk", [("year", 2023), ("year", 2027)]),
        ("2019 бен 2020 жылдары", "kk", [("year", 2019), ("year", 2020)]),
        ("18 жыл бұрын", "kk", [("number", 18)]),
        ("в 2022 г. и в 2022 году", "ru", [("year", 2022), ("year", 2022)]),
        ("2017-2021 гг.", "ru", [("year", 2017), ("year", 2021)]),
        ("с 2007 по 2015 год", "ru", [("year", 2007), ("year", 2015)]),
        ("in 1870 and 1889.", "en", [("year", 1870), ("year", 1889)]),
        ("в 1990-х годах", "ru", [("decade", 1990)]),
        ("в 30-е годы", "ru", [("decade", 30)]),
        ("in the 1930s", "en", [("decade", 1930)]),
    ],
)
def test_years(text: str, lang: str, expected: list[tuple[str, int]]) -> None:
    assert values(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("XXI века", "ru", 21),
        ("ХХІ ғасыр", "kk", 21),  # Cyrillic Х and І
        ("XIX ғ. соңында", "kk", 19),
        ("in the 21st century", "en", 21),
        ("в 19-м веке", "ru", 19),
        ("na rubezhe XXI veka", "en", 21),  # transliterated Russian
        ("the 21-st century", "en", 21),
        ("17 ғасырдың ортасында", "kk", 17),
    ],
)
def test_centuries(text: str, lang: str, value: int) -> None:
    assert values(text, lang) == [("century", value)]


# ---- numbers: separators, decimals, scales -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("1,997 people", "en", Decimal(1997)),
        ("1 997 человек", "ru", Decimal(1997)),
        ("1\u00a0997 адам", "kk", Decimal(1997)),
        ("1\u2009997 адам", "kk", Decimal(1997)),
        ("1\u202f997 человек", "ru", Decimal(1997)),
        ("380 000 адам", "kk", Decimal(380000)),
        ("3.5 points", "en", Decimal("3.5")),
        ("3,5 балла", "ru", Decimal("3.5")),
        ("7,5 балл", "kk", Decimal("7.5")),
        ("1,234.5 tons", "en", Decimal("1234.5")),
        ("1.234,5 тонн", "ru", Decimal("1234.5")),
        ("10 000,5 тонн", "ru", Decimal("10000.5")),
    ],
)
def test_separators(text: str, lang: str, value: Decimal) -> None:
    assert only(text, lang).value == value


def test_a_single_separator_before_three_digits_keeps_both_readings() -> None:
    en, ru = only("1,997", "en"), only("1,997", "ru")
    assert (en.value, en.alt) == (Decimal(1997), Decimal("1.997"))
    assert (ru.value, ru.alt) == (Decimal("1.997"), Decimal(1997))
    assert en.confidence < only("1 997", "ru").confidence


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("£2.8bn market", "en", Decimal("2.8e9")),
        ("2,8 млрд фунтов", "ru", Decimal("2.8e9")),
        ("2,8 млрд. фунт", "kk", Decimal("2.8e9")),
        ("1,05 миллионға дейін", "kk", Decimal(1050000)),
        ("10 тысяч человек", "ru", Decimal(10000)),
        ("10 мың адам", "kk", Decimal(10000)),
        ("£125m deal", "en", Decimal(125000000)),
        ("£11million deal", "en", Decimal(11000000)),
    ],
)
def test_scale_words(text: str, lang: str, value: Decimal) -> None:
    assert only(text, lang).value == value


def test_numbers_after_abbreviation_periods_in_references() -> None:
    assert values("Vol.70. No.5. P.345-346.", "en") == [
        ("number", Decimal(70)),
        ("number", Decimal(5)),
        ("number", Decimal(345)),
        ("number", Decimal(346)),
    ]


def test_dotted_numbers_that_are_not_thousands_are_codes() -> None:
    assert values("see section 2.1.3", "en") == [("code", (2, 1, 3))]


# ---- percentages, times, written-out numbers -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("15%", "en"),
        ("15 %", "ru"),
        ("15 percent", "en"),
        ("15 per cent", "en"),
        ("15 percentage points", "en"),
        ("15 процентов", "ru"),
        ("15-процентный рост", "ru"),
        ("15 пайыз", "kk"),
        ("15 пайызға өсті", "kk"),
    ],
)
def test_percentages(text: str, lang: str) -> None:
    assert values(text, lang) == [("percent", Decimal(15))]


@pytest.mark.parametrize(
    ("text", "lang"),
    [("10–15%", "ru"), ("от 10 до 15 процентов", "ru"), ("between 10 and 15 percent", "en")],
)
def test_a_percent_word_after_a_range_covers_both_ends(text: str, lang: str) -> None:
    assert values(text, lang) == [("percent", Decimal(10)), ("percent", Decimal(15))]


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("at 3 p.m. on Wednesday", "en", (15, 0)),
        ("at 7.55am", "en", (7, 55)),
        ("в 15:00", "ru", (15, 0)),
        ("сағат 07:55-те", "kk", (7, 55)),
    ],
)
def test_times(text: str, lang: str, value: tuple[int, int]) -> None:
    assert values(text, lang) == [("time", value)]


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("two police vans", "en", 2),
        ("двух человек", "ru", 2),
        ("екі бала", "kk", 2),
        ("4 ойыншының бірі", "kk", 1),
        ("forty-eight", "en", 48),
        ("меньше сорока восьми", "ru", 48),
        ("six million people", "en", 6000000),
        ("three per cent", "en", 3),
        ("in its eighth year", "en", 8),
        ("уже восьмой год", "ru", 8),
        ("на третьей минуте", "ru", 3),
        ("бірінші орынға", "kk", 1),
    ],
)
def test_written_out_numbers_are_weak(text: str, lang: str, value: int) -> None:
    spelled = [q for q in extract(text, lang) if q.weak]
    assert [q.value for q in spelled] == [Decimal(value)]


@pytest.mark.parametrize(
    "text",
    [
        "Бұл құжат азаматтар үшін жасалады.",  # "үшін": for
        "Оның өкілі оны онда ертіп барады.",  # its, it, there
        "Серіктестік онымен бірге есеп береді.",  # with it, together
        "Іс жүзінде қолданылады.",  # in practice
    ],
)
def test_kazakh_words_that_only_look_like_number_words(text: str) -> None:
    assert extract(text, "kk") == []


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("жылдың 85 желтоқсанына дейін", "kk", (None, 12, 85)),
        ("2024 жылғы 45 қаңтардағы", "kk", (2024, 1, 45)),
        ("до 40 декабря", "ru", (None, 12, 40)),
    ],
)
def test_a_number_before_a_month_name_is_its_day_even_when_no_month_has_it(
    text: str, lang: str, value: tuple[int | None, ...]
) -> None:
    """A day mistyped ("85" for "25") is still read as the date's day, to be compared."""
    assert values(text, lang) == [("date", value)]


def test_after_a_month_name_only_a_day_that_can_be_one_is_read() -> None:
    assert values("In May 45 people came", "en") == [
        ("date", (None, 5, None)),
        ("number", Decimal(45)),
    ]


# ---- what is not a quantity ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "DOI 10.32523/2616-6887/2022-138-1-79-85",
        "doi:10.1000/182",
        "see https://adilet.zan.kz/rus/docs/P2200000961 for the text",
        "write to author2022@enu.kz",
        "follow @MerPolCC",
        "1. Жалпы ережелер",
        "2.1. Мақсаты",
        "[12] Ravenstein E.G.",
        "- 2. Ravenstein E.G.",
        "Intro\n3) Next item",
        "COVID19 and MP3",
    ],
)
def test_structure_and_identifiers_are_not_quantities(text: str) -> None:
    assert extract(text, "en") == []


def test_a_date_at_the_start_of_a_line_is_not_a_list_label() -> None:
    assert values("12.08.2021 ж. қабылданды", "kk") == [("date", (2021, 8, 12))]


def test_offsets_and_surface_point_into_the_text() -> None:
    text = "Утверждена от 30\u00a0ноября 2022 года № 961; рост 1\u00a0997 человек"
    for q in extract(text, "ru"):
        assert text[q.start : q.end] == q.surface
    assert [q.surface for q in extract(text, "ru")] == [
        "30\u00a0ноября 2022 года",
        "961",
        "1\u00a0997",
    ]


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="de"):
        extract("1997", "de")


@pytest.mark.parametrize(
    ("text", "lang", "words"),
    [
        ("от 30 ноября 2022 года", "ru", "30 November 2022"),
        ("в ноябре", "ru", "November"),
        ("15 %", "ru", "15%"),
        ("10 000 адам", "kk", "10,000"),
        ("3,5", "ru", "3.5"),
        ("XXI ғасыр", "kk", "the 21st century"),
        ("1990-х", "ru", "the 1990s"),
        ("3 p.m.", "en", "15:00"),
    ],
)
def test_describe(text: str, lang: str, words: str) -> None:
    assert describe(only(text, lang)) == words


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Сноска. Статья 13 с изменениями, внесенными законами РК от 7 мая 2007 года № 244, "
            "от 18.07.2025 № 215-VIII (вводится в действие с 1 января 2026 г.) и в 10:30 "
            "пятью процентами, 2,5 % и 1 000 тенге, XX век, 2009.12.30.",
            "ru",
        ),
        (
            "Ескерту. 13-бапқа өзгеріс енгізілді – ҚР 2022 жылғы 30 желтоқсандағы № 177-VII, "
            "16.01.2026 № 259-VIII Заңдарымен; 5 пайыз, қазанның 5-і, 3 млн теңге.",
            "kk",
        ),
        ("On 30 November 2022 and 08/12/2021, at 9:15, three per cent of 1,000 USD.", "en"),
    ],
)
def test_extract_dates_are_the_dates_extract_finds(text: str, lang: str) -> None:
    dates = [q for q in extract(text, lang) if q.kind == "date"]
    assert dates
    assert extract_dates(text, lang) == dates


def test_every_month_word_passes_the_quick_look_for_one() -> None:
    from compare.quantities import MONTHS, _month_starts

    for lang, forms in MONTHS.items():
        for form in forms:
            for written in (form, form.upper(), form.capitalize()):
                assert _month_starts(lang).search(f"от 5 {written} 2020"), (lang, written)


def test_list_items_written_without_spaces_are_each_a_number() -> None:
    """ "подпунктах 1),7),9)": a comma after a list item's bracket is no decimal comma."""
    assert values("в подпунктах 1),7),9) и 10)", "ru") == [
        ("number", Decimal(n)) for n in (1, 7, 9, 10)
    ]
