"""Lists in a law: Russian says in the lead-in what Kazakh says at the end of the last sub-point.

An invented kk/ru law on beekeeping in the adilet.zan.kz style, written for these tests. The
lead-in of article 3, paragraph 2 says in ru what the authorised body may do ("вправе
приостановить регистрацию пасеки в случаях:"); kk says it after the last sub-point ("…
омартаны тіркеуді тоқтата тұруға құқылы."), which is no addition of kk: the passage stands in
a neighbouring unit of the same paragraph. A clause dropped from a paragraph is still found.
Uses the real default model.
"""

from __future__ import annotations

import pytest
from law_units import units

from compare.checks.neighbours import list_seam, neighbours
from compare.checks.numbers import NumbersCheck
from compare.checks.omission import OmissionCheck

LAW = [
    (
        "article 1",
        "1-бап. Ара шаруашылығы туралы заңнама",
        "Статья 1. Законодательство о пчеловодстве",
    ),
    (
        "article 1, paragraph 1",
        "1. Ара шаруашылығы туралы заңнама Қазақстан Республикасының Конституциясына негізделеді және осы Заңнан тұрады.",
        "1. Законодательство о пчеловодстве основывается на Конституции Республики Казахстан и состоит из настоящего Закона.",
    ),
    ("article 2", "2-бап. Омарталарды тіркеу", "Статья 2. Регистрация пасек"),
    (
        "article 2, paragraph 1",
        "1. Омарталарды тіркеуді жергілікті атқарушы орган омарта иесінің өтініші бойынша он жұмыс күні ішінде жүзеге асырады.",
        "1. Регистрацию пасек осуществляет местный исполнительный орган по заявлению владельца пасеки в течение десяти рабочих дней.",
    ),
    (
        "article 2, paragraph 2",
        "2. Омарталарды тіркеу қағидаларын, оның ішінде тіркеу куәлігінің нысанын уәкілетті орган бекітеді.",
        "2. Правила регистрации пасек, в том числе форму свидетельства о регистрации, утверждает уполномоченный орган.",
    ),
    (
        "article 3",
        "3-бап. Омарталарды тіркеуді тоқтата тұру",
        "Статья 3. Приостановление регистрации пасек",
    ),
    (
        "article 3, paragraph 1",
        "1. Тіркеуді тоқтата тұру туралы шешім омарта иесіне үш жұмыс күні ішінде жазбаша хабарланады.",
        "1. Решение о приостановлении регистрации сообщается владельцу пасеки письменно в течение трех рабочих дней.",
    ),
    (
        "article 3, paragraph 2",
        "2. Уәкілетті орган мынадай:",
        "2. Уполномоченный орган вправе приостановить регистрацию пасеки в случаях:",
    ),
    (
        "article 3, paragraph 2, sub-point 1)",
        "1) омартада аралардың жұқпалы ауруы анықталған;",
        "1) выявления на пасеке заразной болезни пчел;",
    ),
    (
        "article 3, paragraph 2, sub-point 2)",
        "2) омарта иесі ветеринариялық талаптарды бұзған жағдайларда омартаны тіркеуді тоқтата тұруға құқылы.",
        "2) нарушения владельцем пасеки ветеринарных требований.",
    ),
    (
        "article 4",
        "4-бап. Ара шаруашылығы өнімдерінің қауіпсіздігі",
        "Статья 4. Безопасность продукции пчеловодства",
    ),
    (
        "article 4, paragraph 1",
        "1. Бал мен ара шаруашылығының басқа да өнімдері зертханалық сараптамадан өткеннен кейін ғана сатылады.",
        "1. Мед и другая продукция пчеловодства реализуются только после лабораторной экспертизы.",
    ),
    (
        "article 4, paragraph 2",
        "2. Сараптама жүргізу тәртібін, сараптама мерзімдерін және сараптама нәтижелерін ресімдеу нысанын уәкілетті орган айқындайды.",
        "2. Порядок проведения экспертизы, сроки экспертизы и форму оформления результатов экспертизы определяет уполномоченный орган.",
    ),
]
LEAD_IN, LAST, RULES = 7, 9, 4
# The kk of article 2, paragraph 2 without "оның ішінде тіркеу куәлігінің нысанын" ("в том
# числе форму свидетельства о регистрации").
DROPPED = "2. Омарталарды тіркеу қағидаларын уәкілетті орган бекітеді."


def test_a_lead_in_and_the_last_sub_point_of_its_list_are_neighbours() -> None:
    law = units(LAW)
    assert LAST in neighbours(law, LEAD_IN, ("kk", "ru"))
    assert LEAD_IN in neighbours(law, LAST, ("kk", "ru"))
    # Article 4 is another place: no neighbour of the list.
    assert not {10, 11, 12} & set(neighbours(law, LAST, ("kk", "ru")))


def test_the_predicate_before_repealed_points_or_a_closing_part_ends_the_list() -> None:
    """The sub-point that carries the kk predicate is an end of the list when repealed points,
    points whose time ran out, or an unnumbered closing part of the paragraph follow it."""
    lead = ("article 3, paragraph 2", *LAW[LEAD_IN][1:])
    live = ("article 3, paragraph 2, sub-point 2)", *LAW[LAST][1:])
    gone = (
        "article 3, paragraph 2, sub-point 3)",
        "3) алып тасталды – ҚР 21.11.2024 № 136-VIII Заңымен.",
        "3) исключен Законом РК от 21.11.2024 № 136-VIII.",
    )
    closing = (  # an unnumbered part stays at the place of the part before it
        "article 3, paragraph 2, sub-point 2)",
        "Тоқтата тұру туралы шешімге шағым жасалуы мүмкін.",
        "Решение о приостановлении может быть обжаловано.",
    )
    expired = (
        "article 3, paragraph 2, sub-point 3)",
        "3) 01.01.2026 дейін қолданыста болды – ҚР 30.12.2022 № 177-VII Заңымен.",
        "3) действовал до 01.01.2026 в соответствии с Законом РК от 30.12.2022 № 177-VII.",
    )
    first = ("article 3, paragraph 2, sub-point 1)", *LAW[LEAD_IN + 1][1:])
    after_gone = (gone[0], *closing[1:])
    for tail in ([gone], [gone, after_gone], [closing], [expired]):
        law = units([lead, first, live, *tail])
        assert list_seam(law, 2) and 2 in neighbours(law, 0, ("kk", "ru"))
        assert not list_seam(law, 1)


def test_an_unnumbered_lead_in_inside_a_list_opens_a_list_of_its_own() -> None:
    rows = [
        ("article 26, paragraph 4", "4. Мыналар:", "4. Признаются:"),
        ("article 26, paragraph 4, sub-point 1)", "1) ауру;", "1) болезнь;"),
        ("article 26, paragraph 4, sub-point 2)", "2) іссапар.", "2) командировка."),
        (
            "article 26, paragraph 4, sub-point 2)",
            "Растайтын құжат болған кезде:",
            "В качестве уважительной причины при наличии документа признается:",
        ),
        ("article 26, paragraph 4, sub-point 1)", "1) демалыс;", "1) отпуск;"),
        (
            "article 26, paragraph 4, sub-point 2)",
            "2) өзге де себеп дәлелді себеп ретінде танылады.",
            "2) иная причина.",
        ),
        (
            "article 26, paragraph 5",
            "5. Шешім хаттамамен ресімделеді.",
            "5. Решение оформляется протоколом.",
        ),
    ]
    law = units(rows)
    assert list_seam(law, 3) and list_seam(law, 5)
    assert 5 in neighbours(law, 3, ("kk", "ru"))
    assert not list_seam(law, 6)


# "3) мыналармен:" / "3) на сопровождение:": a sub-point that is a lead-in.
POINT = "article 7, paragraph 2, sub-point 3)"
SUB_POINT_LEAD_IN = [
    ("article 7, paragraph 2", "2. Әскери қызметшілердің:", "2. Военнослужащие имеют право:"),
    (POINT, "3) мыналармен:", "3) на сопровождение:"),
    (POINT, "ара өсірушілер тобымен;", "групп пчеловодов;"),
    (POINT, "омарта жүгімен тегін жол жүруге құқығы бар.", "грузов пасеки с бесплатным проездом."),
    (POINT, "Жол жүру тәртібін уәкілетті орган айқындайды.", "Порядок проезда определяет орган."),
    (POINT, "Шығыстар бюджеттен өтеледі.", "Расходы возмещаются из бюджета."),
]
# "Қорытынды өтініш берушіге:" / "Заключение направляется заявителю:": an unnumbered lead-in.
PLACE = "article 43, paragraph 2, sub-point 2)"
UNNUMBERED_LEAD_IN = [
    (PLACE, "2) Комиссия қорытындыны береді.", "2) Комиссия выдает заключение."),
    (PLACE, "Қорытынды өтініш берушіге:", "Заключение направляется заявителю:"),
    (PLACE, "қолма-қол;", "нарочно;"),
    (PLACE, "электрондық пошта бойынша табыс етіледі.", "по адресу электронной почты заявителя."),
    (PLACE, "Өтініш беруші жобаны дайындайды.", "Заявитель готовит проект."),
]


@pytest.mark.parametrize("rows", [SUB_POINT_LEAD_IN, UNNUMBERED_LEAD_IN])
def test_a_lead_in_opens_a_list_of_unnumbered_paragraphs_that_ends_with_its_sentence(rows) -> None:
    """A sub-point that is a lead-in, or an unnumbered lead-in, opens a list of unnumbered
    paragraphs (kk puts the predicate at the end of its last); the paragraphs after the one
    that ends the sentence continue the paragraph, not its list."""
    law = units(rows)
    assert list_seam(law, 3) and 3 in neighbours(law, 1, ("kk", "ru"))
    assert not any(list_seam(law, row) for row in range(4, len(law)))


def test_the_last_sub_point_after_a_nested_list_ends_the_outer_list() -> None:
    """A sub-point that is a lead-in ("2) отбасы жағдайлары бойынша:") opens a list that ends
    before the next sub-point; the paragraph's last sub-point, where kk puts the predicate of
    the paragraph's lead-in, is still the end of the outer list."""
    paragraph = "article 26, paragraph 3"
    rows = [
        (paragraph, "3. Әскери қызметші:", "3. Военнослужащий вправе уволиться:"),
        (f"{paragraph}, sub-point 1)", "1) ауырған;", "1) по болезни;"),
        (f"{paragraph}, sub-point 2)", "2) отбасы жағдайлары бойынша:", "2) по семейным при:"),
        (f"{paragraph}, sub-point 2)", "жұбайы көшкен;", "переезде супруга;"),
        (f"{paragraph}, sub-point 2)", "бала күтімі қажет болған кезде;", "уходе за ребенком;"),
        (
            f"{paragraph}, sub-point 3)",
            "3) судья болып сайланған жағдайда, қызметтен шығуға құқығы бар.",
            "3) в случае избрания судьей.",
        ),
        ("article 26, paragraph 4", "4. Шешім хаттамамен ресімделеді.", "4. Решение оформляется."),
    ]
    law = units(rows)
    assert list_seam(law, 5) and 5 in neighbours(law, 0, ("kk", "ru"))
    assert list_seam(law, 4) and not list_seam(law, 3) and not list_seam(law, 6)


def test_a_list_ends_before_an_unnumbered_lead_in_that_opens_a_list_of_its_own() -> None:
    """After the paragraph's list and a closing paragraph, "Банк:" / "Банк обязан:" opens a
    list numbered anew: the last sub-point of the first list, where kk puts the predicate of
    the paragraph's lead-in, is still that list's end."""
    point = "article 20, paragraph 11, sub-point"
    rows = [
        (
            "article 20, paragraph 11",
            "11. Уәкілетті орган келісімді:",
            "11. Уполномоченный орган отзывает согласие в случаях:",
        ),
        (f"{point} 1)", "1) мәліметтердің анық еместігі;", "1) недостоверности сведений;"),
        (
            f"{point} 2)",
            "2) талаптар сақталмаған жағдайларда кері қайтарып алады.",
            "2) несоблюдения требований.",
        ),
        (f"{point} 2)", "Келісім бір рет беріледі.", "Согласие выдается один раз."),
        (f"{point} 2)", "Банк:", "Банк обязан:"),
        (f"{point} 1)", "1) хабарлайды;", "1) сообщить;"),
        (f"{point} 2)", "2) шартты бұзуға міндетті.", "2) расторгнуть договор."),
    ]
    law = units(rows)
    assert list_seam(law, 2) and 2 in neighbours(law, 0, ("kk", "ru"))
    assert list_seam(law, 6) and 6 in neighbours(law, 4, ("kk", "ru"))


def test_unnumbered_parts_under_a_numbered_paragraph_end_with_the_first_sentence_end() -> None:
    """ "3. …, егер өзгерістер:" opens unnumbered parts; kk says the paragraph's predicate at the
    end of the part that ends the sentence ("… келісімі талап етіледі." / "… назначение
    помещений."), and the paragraph's next sentence is no end of the list."""
    paragraph = "article 40, paragraph 3"
    rows = [
        (
            paragraph,
            "3. Омарталарды қайта жоспарлау кезінде, егер өзгерістер:",
            "3. При перепланировке пасек требуется согласие владельцев, если изменения "
            "затрагивают:",
        ),
        (paragraph, "ұялардың конструкцияларын;", "конструкции ульев;"),
        (
            paragraph,
            "омартаның мақсатын қозғайтын жағдайларда, иелерінің келісімі талап етіледі.",
            "назначение пасеки.",
        ),
        (paragraph, "Келісім жазбаша ресімделеді.", "Согласие оформляется письменно."),
        ("article 40, paragraph 4", "4. Шешім хаттамамен ресімделеді.", "4. Решение оформляется."),
    ]
    law = units(rows)
    assert list_seam(law, 2) and 2 in neighbours(law, 0, ("kk", "ru"))
    assert not list_seam(law, 1) and not list_seam(law, 4)


def test_a_sub_point_that_ends_the_lead_in_sentence_before_the_list_ends_is_its_end() -> None:
    """kk may say the lead-in's predicate at a sub-point that ends its sentence in both
    versions, with more sub-points after it ("6) … болып табылса, … беруге құқылы емес." /
    "6) является организацией, имеющей … рейтинг."); a sub-point that goes on does not."""
    said = [
        ("2. Банк, егер заңды тұлға:", "2. Банк не вправе выдавать займы, если лицо:"),
        ("1) тіркелмеген;", "1) не зарегистрировано;"),
        (
            "2) рейтингі бар ұйым болып табылса, қарыз беруге құқылы емес.",
            "2) является организацией, имеющей рейтинг.",
        ),
        ("3) мәліметтер болмаған;", "3) не имеет сведений;"),
        ("4) тексерілмеген жағдайда.", "4) не проверено."),
    ]
    paths = ["article 8, paragraph 2", *(f"article 8, paragraph 2, sub-point {n})" for n in "1234")]
    rows = [(path, kk, ru) for path, (kk, ru) in zip(paths, said, strict=True)]
    law = units(rows)
    assert list_seam(law, 2) and 0 in neighbours(law, 2, ("kk", "ru"))
    assert list_seam(law, 4) and not list_seam(law, 1) and not list_seam(law, 3)
    # A sub-point one version lacks is no end of the lead-in's sentence: it is missing there.
    rows[2] = (rows[2][0], rows[2][1], "")
    assert not list_seam(units(rows), 2)


@pytest.fixture(scope="module")
def check(encoder) -> OmissionCheck:
    return OmissionCheck(encoder, langs={"kk": "kk", "ru": "ru"})


def test_a_predicate_moved_to_the_last_sub_point_is_not_omitted(check, encoder) -> None:
    assert LAST not in {f.unit for f in check.run(units(LAW))}
    # Judged on its own unit, without its neighbours, it would be.
    alone = OmissionCheck(encoder, langs={"kk": "kk", "ru": "ru"}, beside=float("inf"))
    [finding] = [f for f in alone.run(units(LAW)) if f.unit == LAST]
    assert finding.details["beside"] < 0
    # An end of a list is list syntax before it is an omission: minor whatever the gain.
    assert finding.severity == "minor"


def test_the_lead_in_that_says_it_is_minor_at_most(check) -> None:
    assert {f.severity for f in check.run(units(LAW)) if f.unit == LEAD_IN} <= {"minor"}


def test_a_dropped_clause_is_still_found(check) -> None:
    rows = list(LAW)
    rows[RULES] = (LAW[RULES][0], DROPPED, LAW[RULES][2])
    [finding] = [f for f in check.run(units(rows)) if f.unit == RULES]
    assert finding.severity == "major"
    assert finding.details["lang"] == "kk"
    assert "форму свидетельства" in finding.spans[0].text


def test_a_number_said_in_the_lead_in_of_one_and_the_list_end_of_the_other_is_minor() -> None:
    rows = [
        (
            "article 41, paragraph 7",
            "7. Кепілді кредитордың талаптарын қанағаттандыру мынадай:",
            "7. Удовлетворение требований залогового кредитора осуществляется в порядке, "
            "предусмотренном пунктом 4 статьи 40 настоящего Закона, в случаях:",
        ),
        ("article 41, paragraph 7, sub-point 1)", "1) мүлік болмаған;", "1) отсутствия имущества;"),
        (
            "article 41, paragraph 7, sub-point 2)",
            "2) шығыстар өтелмеген жағдайларда, осы Заңның 40-бабының 4-тармағында көзделген "
            "тәртіппен жүзеге асырылады.",
            "2) непогашения расходов.",
        ),
        (
            "article 41, paragraph 8",
            "8. Кредитор 15 күн ішінде хабарлайды.",
            "8. Кредитор сообщает в течение 10 дней.",
        ),
    ]
    findings = NumbersCheck(langs={"kk": "kk", "ru": "ru"}).run(units(rows))
    by_unit = {f.unit: f for f in findings}
    assert by_unit[0].severity == by_unit[2].severity == "minor"
    assert "other end of the list" in by_unit[0].message
    assert by_unit[3].severity == "major"
