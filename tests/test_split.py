"""Sentence, clause and keyword splitting.

Sentences are hand-written in the style of the corpus (journal abstracts, policy documents),
except the three lines quoted from the corpus, marked "real line".
"""

from __future__ import annotations

import pytest

from compare.lang import split_keywords, split_sentences, strip_label


def one(text: str, lang: str) -> None:
    assert split_sentences(text, lang) == [text]


def test_plain_sentences() -> None:
    text = "Көші-қон өсті. Мамандар кетіп жатыр! Не істеу керек? Жауап бар… Соңы."
    assert split_sentences(text, "kk") == [
        "Көші-қон өсті.",
        "Мамандар кетіп жатыр!",
        "Не істеу керек?",
        "Жауап бар…",
        "Соңы.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "2022 ж. өте маңызды өзгерістер болды.",
        "2021-2022 жж. көші-қон артты.",
        "Ғылым, білім т.б. салалар дамыды.",
        "Жұмыс күші, капитал т.с.с. ресурстар ағылып кетті.",
        "XIX ғ. соңында көші-қон басталды.",
        "Деректер 25 б. келтірілген.",
        "Алматы обл. Қарасай ауданында зерттеу жүргізілді.",
        "Астана қ. Есіл ауданында өтті.",
        "2022 ж. Астанада конференция өтті.",
    ],
)
def test_kazakh_abbreviations(text: str) -> None:
    one(text, "kk")


@pytest.mark.parametrize(
    "text",
    [
        "В 1990-х гг. отток специалистов усилился.",
        "Миграция, т.е. перемещение людей, изучена.",
        "Образование, наука и т.д. нуждаются в поддержке.",
        "Рост цен, налогов и т.п. влияет на отток.",
        "Университет им. Л.Н. Гумилева провел опрос.",
        "Ученые, политики и др. участвовали в обсуждении.",
        "См. ст. 5 и п. 3 ч. 2 закона.",
        "Бюджет составил 3,5 млн. руб. в год.",
        "Расходы выросли до 2 млрд. тенге.",
        "Данные приведены на с. 12 и стр. 15, а также в пп. 4–5.",
        "Конференция прошла в г. Астана в мае.",
    ],
)
def test_russian_abbreviations(text: str) -> None:
    one(text, "ru")


def test_russian_year_mark_can_end_a_sentence() -> None:
    text = "Закон принят в 2022 г. Он вступил в силу позже."
    assert split_sentences(text, "ru") == ["Закон принят в 2022 г.", "Он вступил в силу позже."]


@pytest.mark.parametrize(
    "text",
    [
        "Some countries, e.g. Kazakhstan, lose specialists.",
        "Brain drain, i.e. the loss of skilled people, is studied.",
        "See p. 5 and pp. 10-12 for details.",
        "Mr. Smith and Dr. Brown met at No. 5 Abai Street.",
        "Wages, rents, etc. are lower than in Europe.",
        "Kazakhstan vs. Russia is a common comparison.",
        "Smith et al. (2020) studied the same process.",
        "The data appear in Vol. 3 of the journal.",
        "Tolkien's world was invented by J. R. R. Tolkien himself.",
        "The philosopher I. Kant is quoted here.",
        "G.B. Kaliaskarova described the process.",
    ],
)
def test_english_abbreviations_and_initials(text: str) -> None:
    one(text, "en")


def test_etc_can_end_a_sentence() -> None:
    text = "They study wages, rents, etc. The results follow."
    assert split_sentences(text, "en") == ["They study wages, rents, etc.", "The results follow."]


def test_real_lines_are_one_sentence() -> None:
    # real line
    one("Л.Н. Гумилев атындагы Еуразия ұлттық университеті, Нұр- Сұлтан, Қазақстан", "kk")
    # real line
    one(
        "In connection with this problem, in the late nineteenth century, the English scientist "
        "E. Ravenstein defined migration as a permanent or temporary change in a person's place "
        "of residence [2, p.33].",
        "en",
    )


@pytest.mark.parametrize(
    "text",
    [
        "The rate grew by 3.5 percent in 2021.",
        "The law was adopted on 12.08.2021 by parliament.",
        "The paper is at https://doi.org/10.32523/2616-6887/2022-138-1-79-85 online.",
        "Write to info@enu.kz or to a.b.smith@gmail.com for data.",
        "The site www.gov.kz publishes the text.",
    ],
)
def test_numbers_dates_urls_emails(text: str) -> None:
    one(text, "en")


def test_a_point_numbered_with_a_hyphen_opens_its_sentence() -> None:
    one("3-1. Документы об образовании выдаются выпускникам.", "ru")


def test_a_date_before_the_number_of_the_act_it_cites() -> None:
    one("10. Алып тасталды - ҚР 2009.07.17. N 188-IV Заңымен.", "kk")
    one("3. Исключен Законом РК от 17.07.2009. № 188-IV.", "ru")
    one(
        "6. Исключен Законом РК от 10.01.2006 г. N 116 (порядок введения в действие см. ст.2).",
        "ru",
    )
    assert len(split_sentences("Закон принят 17.07.2009. Новое предложение.", "ru")) == 2


def test_url_at_sentence_end() -> None:
    text = "See https://doi.org/10.32523/2616-6887/2022-138-1-79-85. Next sentence."
    assert split_sentences(text, "en")[1] == "Next sentence."


def test_closing_quotes_and_brackets_stay() -> None:
    text = "Ол «Бұл дұрыс.» деп жауап берді. Тағы (мысал.) бар. “Иә!” Жоқ."
    assert split_sentences(text, "kk") == [
        "Ол «Бұл дұрыс.» деп жауап берді.",
        "Тағы (мысал.) бар.",
        "“Иә!”",
        "Жоқ.",
    ]


def test_question_inside_quotes_continues_in_lower_case() -> None:
    one("«Что делать?» — спросил автор статьи.", "ru")


def test_clauses_start_new_passages() -> None:
    text = (
        "1. Общие положения\n"
        "1.1. Настоящая Концепция определяет цели. Она действует до 2027 г.\n"
        "2. Задачи: 1) развитие человеческого капитала; 2) снижение оттока.\n"
        "а) первое направление;\n"
        "б) второе направление."
    )
    assert split_sentences(text, "ru") == [
        "1. Общие положения",
        "1.1. Настоящая Концепция определяет цели.",
        "Она действует до 2027 г.",
        "2. Задачи:",
        "1) развитие человеческого капитала;",
        "2) снижение оттока.",
        "а) первое направление;",
        "б) второе направление.",
    ]


def test_wrapped_lines_and_blank_lines() -> None:
    text = "Мақалада көші-қон\nмәселелері қарастырылады.\n\nЕкінші абзац"
    assert split_sentences(text, "kk") == [
        "Мақалада көші-қон мәселелері қарастырылады.",
        "Екінші абзац",
    ]


def test_sentence_starting_with_a_number() -> None:
    text = "The survey ended in 2019. 120 people answered it."
    assert split_sentences(text, "en") == ["The survey ended in 2019.", "120 people answered it."]


def test_other_language_uses_all_lists() -> None:
    assert split_sentences("2022 ж. өте жақсы. См. ст. 5 закона. End.", "other") == [
        "2022 ж. өте жақсы.",
        "См. ст. 5 закона.",
        "End.",
    ]


def test_empty_text() -> None:
    assert split_sentences("", "kk") == []
    assert split_sentences("  \n\n ", "en") == []


def test_kazakh_keyword_line() -> None:
    # real line
    line = (
        "Түйін сөздер: зияткерлік көші-қон, ақыл-ойдың ағуы, мамандар, инновациялар, процесс, "
        "ақыл-ой айналымы, адами капитал."
    )
    assert split_keywords(line) == [
        "зияткерлік көші-қон",
        "ақыл-ойдың ағуы",
        "мамандар",
        "инновациялар",
        "процесс",
        "ақыл-ой айналымы",
        "адами капитал",
    ]


@pytest.mark.parametrize(
    ("line", "items"),
    [
        (
            "Keywords: migration, brain drain, human capital.",
            ["migration", "brain drain", "human capital"],
        ),
        ("Ключевые слова: миграция; утечка умов; кадры", ["миграция", "утечка умов", "кадры"]),
        ("Key words — migration · policy · Kazakhstan.", ["migration", "policy", "Kazakhstan"]),
        ("Түйінді сөздер: көші-қон, саясат.", ["көші-қон", "саясат"]),
    ],
)
def test_keyword_lines(line: str, items: list[str]) -> None:
    assert split_keywords(line) == items


def test_text_without_keyword_label_is_not_a_keyword_line() -> None:
    assert split_keywords("The article analyzes migration, which reflects relations.") == []
    assert split_keywords("Abstract. Migration, policy, Kazakhstan.") == []


@pytest.mark.parametrize(
    ("text", "label", "rest"),
    [
        (
            "Аңдатпа. Мақалада көші-қон қарастырылады.",
            "Аңдатпа",
            "Мақалада көші-қон қарастырылады.",
        ),
        ("Аннотация: В статье изучена миграция.", "Аннотация", "В статье изучена миграция."),
        ("Abstract. The article studies migration.", "Abstract", "The article studies migration."),
        ("ABSTRACT\nThe article studies migration.", "ABSTRACT", "The article studies migration."),
    ],
)
def test_strip_label(text: str, label: str, rest: str) -> None:
    assert strip_label(text) == (label, rest)


def test_no_label() -> None:
    text = "Abstracts of this kind are short."
    assert strip_label(text) == (None, text)
