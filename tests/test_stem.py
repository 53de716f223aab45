"""Inflection-aware term matching, on real kk/ru/en word forms (hand-picked, not generated)."""

import pytest

from compare.stem import find_term, stem, term_key


@pytest.mark.parametrize(
    ("lang", "forms"),
    [
        ("kk", ["көші-қон", "көші-қонның", "көші-қонды", "көші-қонға", "көші-қонының"]),
        ("kk", ["көші-қонына", "көші-қонында", "көші-қоннан", "көші-қонымен"]),
        ("kk", ["маман", "мамандар", "мамандардың", "мамандарға"]),
        ("kk", ["ел", "елдің", "елден", "елдерінің", "елдеріндегі"]),
        ("kk", ["өсу", "өсуі", "өсіп"]),
        ("kk", ["саясат", "саясаты", "саясатты", "саясатын"]),
        ("kk", ["кітап", "кітапты", "кітаптар", "кітаптың"]),
        ("kk", ["біліктілік", "біліктілігін", "біліктілікке", "біліктілігі"]),
        ("kk", ["меншік", "меншігі", "меншікті", "меншігінің"]),
        ("kk", ["есеп", "есебі", "есепке", "есебіне"]),
        ("kk", ["асыру", "асырудың", "асыруды", "асыруға"]),
        ("kk", ["ағу", "ағуы", "ағып"]),
        ("kk", ["атау", "атауы", "атаулары", "атауларының"]),
        ("kk", ["үкімет", "Yкiметi", "ҮКIМЕТI"]),
        ("ru", ["миграция", "миграции", "миграцией", "миграцию"]),
        ("ru", ["миграционной", "миграционная", "миграционные"]),
        ("en", ["migration", "migrations"]),
    ],
)
def test_inflected_forms_share_a_stem(lang, forms):
    assert len({stem(form, lang) for form in forms}) == 1


def term_matches(term: str, text: str, lang: str) -> list[tuple[int, int]]:
    """Character spans of `term` in `text`, strictly matched."""
    return [(m.start, m.end) for m in find_term(term, text, lang)]


def test_kazakh_stem_keeps_roots_that_look_inflected():
    assert stem("Қазақстанда", "kk") == "қазақстан"
    assert term_matches("Қазақстан", "Қазақстанда және Қазақстанның", "kk") == [(0, 11), (17, 29)]


def test_multi_word_kazakh_term_in_inflected_form():
    text = "Мемлекеттік көші-қон саясатының негізгі бағыттары"
    assert term_matches("көші-қон саясаты", text, "kk") == [(12, 31)]


def test_hyphen_or_space_in_a_compound():
    assert term_matches("көші-қон", "көші қонның", "kk") == [(0, 11)]


def test_russian_multi_word_term_in_another_case():
    text = "Концепция миграционной политики Республики Казахстан"
    spans = term_matches("миграционная политика", text, "ru")
    assert [text[a:b] for a, b in spans] == ["миграционной политики"]


def test_derived_word_matches_only_loosely():
    text = "меры миграционной политики"
    assert term_matches("миграция", text, "ru") == []
    assert [m.kind for m in find_term("миграция", text, "ru", loose=True)] == ["derived"]


def test_typo_is_a_fuzzy_match():
    assert [m.kind for m in find_term("urbanisation", "rapid urbanisaton", "en")] == ["fuzzy"]


def test_exact_and_stemmed_kinds():
    assert find_term("Urbanisation", "urbanisation", "en")[0].kind == "exact"
    assert find_term("урбанизация", "урбанизации", "ru")[0].kind == "stem"


def test_latin_i_in_kazakh_words():
    assert term_matches("білім", "бiлiмнiң сапасы", "kk") == [(0, 8)]


def test_verbal_noun_of_a_vowel_stem_keeps_its_ending():
    """ "атау" (name) is a word of its own, not "ата" (grandfather) of "ата-анасы" (parents)."""
    assert stem("атауы", "kk") == "атау"
    assert stem("атауы", "kk") != stem("ата", "kk")
    assert stem("ағуы", "kk") == "ағ"  # a consonant stem still loses it


def test_latin_lookalikes_in_cyrillic_words():
    assert term_matches("үкімет", "Yкiметi шешімі", "kk") == [(0, 7)]
    assert stem("pecуpc", "kk") == stem("ресурс", "kk")
    assert stem("cудом", "ru") == stem("судом", "ru")
    assert stem("Company", "ru") == "company"  # a Latin word stays Latin


def test_cognate_of_a_russian_term_in_kazakh():
    text = "Интеллектуалды әлеует"
    assert find_term("интеллектуальный потенциал", text, "kk", term_lang="ru", loose=True) == []
    matches = find_term("интеллектуальный", text, "kk", term_lang="ru", loose=True)
    assert [(m.start, m.end) for m in matches] == [(0, 14)]


def test_unrelated_words_do_not_match():
    assert term_matches("water resources", "the resources of water", "en") == []
    assert term_matches("көші-қон", "көші жолы", "kk") == []


def test_term_key_ignores_inflection():
    assert term_key("көші-қонның", "kk") == term_key("көші-қон", "kk")


def test_short_or_near_words_are_not_taken_for_the_term():
    assert term_matches("ойын", "бір ой", "kk") == []  # "ой" (thought) is no form of "ойын"
    assert term_matches("ел", "елдің", "kk") == [(0, 5)]
    assert term_matches("country", "the county", "en") == []


@pytest.mark.parametrize(
    "forms",
    [
        # participles in -ған, passive and active, verbal nouns, converbs (law texts)
        ["белгіленген", "белгілеген", "белгілеу", "белгіленгеніне", "белгіленуі"],
        ["төленген", "төлеу", "төлеуге", "төленуге"],
        ["айқындалған", "айқындау", "айқындаған"],
        ["ұсынылған", "ұсынған", "ұсыну", "ұсынбау", "ұсынылуы"],
        ["берілген", "берген", "беру", "беріліп", "бермеу"],
        ["басталған", "басталуына", "бастау", "басталғаны"],
        ["жасалған", "жасау", "жасалмаған"],
        ["пайдаланылған", "пайдалану"],
        ["бөлінген", "бөлу", "бөліп"],
        ["шығу", "шыққан", "шығып"],  # a root's final қ voices before a vowel
        ["кешіктірмей", "кешіктіру"],
        ["бұзғаны", "бұзған", "бұзу"],  # a participle's possessive, not a "бұзға-ны"
        # the present, finite and participle, passive and active
        ["белгіленеді", "белгілейді", "белгілейтін", "белгіленетін"],
        ["айқындалады", "айқындайды", "айқындайтын"],
        ["береді", "беріледі", "беретін", "берілетін"],
        ["жасалмайды", "жасалатын", "жасайды"],
        ["қолданылмайды", "қолданылады", "қолданылатын"],
        ["кешіктірілмейтін", "кешіктіретін"],
        # nouns whose end looks like an ending
        ["тәртіп", "тәртібі", "тәртіпке"],
        ["тұлға", "тұлғаны", "тұлғаның"],
        ["жиналыс", "жиналысы", "жиналыстың"],
    ],
)
def test_kazakh_verb_forms_share_a_stem(forms):
    assert len({stem(form, "kk") for form in forms}) == 1


def test_kazakh_present_keeps_apart_from_the_perfect():
    """As Russian keeps "устанавливает" apart from "установленный" and "установление"."""
    assert stem("белгіленеді", "kk") == "белгілейтін"
    assert stem("белгіленген", "kk") == stem("белгілеу", "kk") == "белгілеу"


@pytest.mark.parametrize(
    ("word", "other"),
    [
        ("қалаған", "қала"),  # wished / city: a vowel stem's verb forms keep their -у
        ("атауы", "ата"),  # name / grandfather
        ("қамауға", "қа"),  # arrest is no negated "қа-"
        ("айыбы", "айы"),  # a fine / a month
        ("ауылға", "ау"),  # a noun keeps its -ыл: only a verb's voice comes off
        ("бөлу", "бө"),  # "бөл", "бол", "кел" keep their л
        ("болған", "бо"),
        ("қалады", "қала"),  # remains / city
        ("жағдайды", "жағдайтын"),  # situation, accusative: no present in -йды
        ("қызметін", "қызм"),  # a noun in -ет with its accusative is no participle in -етін
        ("құжатын", "құж"),
        ("саясатын", "саяс"),
    ],
)
def test_kazakh_words_that_only_look_verbal_keep_apart(word, other):
    assert stem(word, "kk") != stem(other, "kk")
    assert stem(word, "kk") != other


def test_kazakh_nouns_keep_their_stem_in_any_case():
    assert stem("жағдайды", "kk") == stem("жағдайы", "kk") == "жағдай"
    assert stem("қызметін", "kk") == stem("қызметі", "kk") == "қызмет"
    assert stem("ауылға", "kk") == "ауыл"


def test_russian_short_participle_meets_the_full_one():
    assert stem("установлено", "ru") == stem("установленных", "ru") == stem("установлены", "ru")
    assert stem("определяет", "ru") != stem("определение", "ru")
