"""Legal-structure labels on hand-written blocks in the style of adilet.zan.kz texts (ru, kk, en)."""

from compare.readers.base import Block
from compare.readers.structure import label_blocks, numbering, repealed, strip_numbering


def _labels(texts: list[str]) -> list[str | None]:
    return [b.label for b in label_blocks([Block(t) for t in texts])]


def test_section_carries_down_to_paragraphs_and_sub_points():
    labels = _labels(
        [
            "Раздел 3. Анализ текущей ситуации",
            "Текст раздела без номера.",
            "1. Настоящая Концепция определяет цели.",
            "2.1. Внешняя миграция растет.",
            "1) привлечение квалифицированных кадров;",
            "а) из стран СНГ;",
            "Продолжение подпункта.",
            "2.2 Внутренняя миграция.",
            "Раздел 4. Цели",
        ]
    )
    assert labels == [
        "section 3",
        "section 3",
        "section 3, paragraph 1",
        "section 3, paragraph 2.1",
        "section 3, paragraph 2.1, sub-point 1)",
        "section 3, paragraph 2.1, sub-point 1), item а)",
        "section 3, paragraph 2.1, sub-point 1), item а)",
        "section 3, paragraph 2.2",
        "section 4",
    ]


def test_kazakh_number_first_and_english_divisions():
    assert _labels(["3-бөлім. Талдау", "5-бап. Мақсаттар", "2-тарау"]) == [
        "section 3",
        "section 3, article 5",
        "section 3, chapter 2",
    ]
    assert _labels(["Section 3", "Article 5", "Глава II. Цели"]) == [
        "section 3",
        "section 3, article 5",
        "section 3, chapter II",
    ]


def test_numbering_as_the_law_site_writes_it():
    """A sub-point without its space, a repealed point in brackets, Roman numerals with the
    Cyrillic "І" of Kazakh texts."""
    assert numbering("2)военных действий;")[:2] == ("sub-point", "2)")
    assert numbering("2. (исключен - от 7 мая 2007 года № 244)")[:2] == ("paragraph", "2")
    assert numbering("3. исключен Законом РК от 06.04.2024 № 71-VIII")[:2] == ("paragraph", "3")
    assert numbering("4. алып тасталды - ҚР 2012.12.24")[:2] == ("paragraph", "4")
    assert numbering("5. \u018fскери қызметшілерге куәлік беріледі.")[:2] == ("paragraph", "5")
    # Kazakh puts the numbers of the points a paragraph excepts first
    text = "14. 1, 3, 4-1 және 11-1-тармақтарды қоспағанда, осы баптың талаптары қолданылмайды."
    assert numbering(text)[:2] == ("paragraph", "14")
    assert numbering("2. 3 және 4-тармақтарда көзделген құжаттар тапсырылады.")[:2] == (
        "paragraph",
        "2",
    )
    assert numbering("ІІ-тарау. ЖАУАПКЕРШІЛІГІ ШЕКТЕУЛІ")[:2] == ("chapter", "II")
    assert numbering("ІІІ тарау. Жарғылық капитал")[:2] == ("chapter", "III")
    assert numbering("Іс-әрекет жасалады.") is None


def test_numbers_that_are_not_numbering_are_left_alone():
    for text in ("1.5 million people moved.", "2022 жылы қабылданды.", "Section civil law"):
        assert numbering(text) is None
    assert _labels(["Plain text."]) == [None]


def test_headings_keep_the_readers_label_and_text_is_unchanged():
    blocks = label_blocks([Block("Раздел 1. Общие положения", "heading"), Block("1. Текст.")])
    assert blocks[0].label == "heading"
    assert blocks[1] == Block("1. Текст.", "section 1, paragraph 1")
    assert strip_numbering("2.1. Внешняя миграция") == "Внешняя миграция"
    assert strip_numbering("3-бөлім. Талдау") == "Талдау"


def test_kazakh_divisions_typed_with_the_latin_i():
    """Kazakh pages often type the Latin "i" for "і": "1 Бөлiм", "2 БӨЛIМ" are sections."""
    assert _labels(["1 Бөлiм", "1-тарау. Жалпы ережелер", "2 БӨЛIМ"]) == [
        "section 1",
        "section 1, chapter 1",
        "section 2",
    ]


def test_a_repealed_part_is_told_from_one_that_speaks_of_exclusion():
    for text in (
        "3. исключен Законом РК от 06.04.2024 № 71-VIII",
        "4) Алынып тасталды - ҚР 2007.05.07 № 244 Заңымен.",
        "5) алып тасталды – ҚР 21.11.2024 № 136-VIII",
        "Статья 20. (Исключена Законом РК от 06.07.2007 N 278)",
        "Статья 9. Число участников (Статья 9 исключена - Законом РК от 16 мая 2003 г.",
    ):
        assert repealed(text), text
    for text in ("1) исключительных случаев;", "2. Суд исключает из реестра требования:"):
        assert not repealed(text), text


def test_an_article_heading_written_without_its_word_is_read_as_the_article():
    """Kazakh texts sometimes drop "-бап" from an inserted article's heading; a paragraph 2-1
    after paragraph 2, or a repealed point, stays a paragraph."""
    blocks = label_blocks(
        [
            Block(t)
            for t in (
                "18-бап. Тіркеу",
                "1. Тіркеуді орган жүргізеді.",
                "18-1. Уәкілетті органның құзыреті",
                "1. Уәкілетті орган қағидаларды бекітеді.",
                "2. Орган тізілімді жүргізеді.",
                "2-1. Тізілімге енгізу тегін",
                "3. алып тасталды - ҚР 2009.04.22 № 151-IV Заңымен",
                "9. 2013 жылғы 1 қаңтарға дейін берілген куәліктер жарамды.",
                "10. 1-сыныпқа балалар алты жастан қабылданады.",
                "11. - 12. Исключены Законом РК от 17.07.2009 N 188.",
            )
        ]
    )
    assert [b.path for b in blocks] == [
        "article 18",
        "article 18, paragraph 1",
        "article 18-1",
        "article 18-1, paragraph 1",
        "article 18-1, paragraph 2",
        "article 18-1, paragraph 2-1",
        "article 18-1, paragraph 3",
        "article 18-1, paragraph 9",
        "article 18-1, paragraph 10",
        "article 18-1, paragraph 11",
    ]
    assert blocks[2].label == "heading"
