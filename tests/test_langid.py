"""Language identification on hand-written sentences (no external data needed).

Every sentence here was written for these tests, in the style of the corpus (abstracts and
policy texts); each runs with lingua when installed and with the langdetect fallback.
"""

from __future__ import annotations

import dataclasses

import pytest

from compare.lang import LangGuess, identify, identify_document
from compare.lang.identify import identify_unless
from compare.lang.models import LangdetectModel, LanguageModel


def _lingua() -> LanguageModel:
    pytest.importorskip("lingua")
    from compare.lang.models import LinguaModel

    return LinguaModel()


@pytest.fixture(scope="module", params=["lingua", "langdetect"])
def model(request: pytest.FixtureRequest) -> LanguageModel:
    return _lingua() if request.param == "lingua" else LangdetectModel()


KAZAKH_WITH_LETTERS = [
    "Мақалада Қазақстандағы зияткерлік көші-қон мәселелері қарастырылады.",
    "2022 ж. өте маңызды өзгерістер болды.",
    "Бұл не?",
    "Бiлгiм келедi.",  # Latin "i" typed for the Kazakh "і"
]
KAZAKH_WITHOUT_LETTERS = [
    "Мен шаршадым.",
    "Ол студент емес.",
    "Олар кенттер мен ауылдар арқылы жүрді.",
    "Студенттер аудиторияда отыр ма?",
]
RUSSIAN = [
    "В статье рассматриваются проблемы интеллектуальной миграции в Казахстане.",
    "Нет, не я, а ты!",
    "Концепция миграционной политики была утверждена в 2022 г. постановлением правительства.",
]
ENGLISH = [
    "The article examines intellectual migration in Kazakhstan.",
    "I don't speak Kazakh.",
    "Brain drain remains a serious problem for developing countries.",
]


@pytest.mark.parametrize("text", KAZAKH_WITH_LETTERS + KAZAKH_WITHOUT_LETTERS)
def test_kazakh(model: LanguageModel, text: str) -> None:
    assert identify(text, model).lang == "kk"


@pytest.mark.parametrize("text", RUSSIAN)
def test_russian(model: LanguageModel, text: str) -> None:
    assert identify(text, model).lang == "ru"


@pytest.mark.parametrize("text", ENGLISH)
def test_english(model: LanguageModel, text: str) -> None:
    assert identify(text, model).lang == "en"


def test_russian_text_quoting_a_kazakh_name_stays_russian(model: LanguageModel) -> None:
    text = "Университет имени Л.Н. Гумилева находится в столице, а «Қазақстан» — это журнал."
    assert identify(text, model).lang == "ru"


# Long sentences in the style of the laws: enough Kazakh-looking or Russian function words to
# outvote anything the statistical model says.
KAZAKH_LAW = (
    "Банк өзінің қызметін Қазақстан Республикасының заңнамасына сәйкес жүзеге асырады және "
    "уәкілетті органның талаптарын орындауға міндетті, сондай-ақ ол өз клиенттерінің "
    "мүдделерін қорғайды."
)
RUSSIAN_LAW = (
    "Банк осуществляет свою деятельность в соответствии с законодательством и по решению "
    "уполномоченного органа, а также в случаях, если это было установлено для него или для "
    "его клиентов."
)


def _every_kind() -> list[str]:
    return [
        *KAZAKH_WITH_LETTERS,
        *KAZAKH_WITHOUT_LETTERS,
        *RUSSIAN,
        *ENGLISH,
        KAZAKH_LAW,
        RUSSIAN_LAW,
        "Il faut bien le faire, dit le ministre.",
        "Migration мен көші-қон policy туралы",
        "2022",
    ]


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_identify_unless_is_identify_where_it_is_another_language(model, lang) -> None:
    for text in _every_kind():
        guess = identify(text, model)
        assert identify_unless(text, lang, model) == (None if guess.lang == lang else guess)


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_identify_unless_leaves_out_only_guesses_less_sure_than_asked(model, lang) -> None:
    for text in _every_kind():
        guess = identify_unless(text, lang, model)
        sure = identify_unless(text, lang, model, at_least=0.75)
        assert sure == guess or (sure is None and guess.confidence < 0.75)


class _Unasked:
    """A model that must not be asked about Cyrillic text."""

    name = "unasked"

    def __init__(self, kazakh_bound: float = 8.0) -> None:
        self.kazakh_bound = kazakh_bound

    def kazakh_logit(self, text: str) -> float:
        raise AssertionError(f"asked about {text!r}")

    def english_logit(self, text: str) -> float:
        raise AssertionError(f"asked about {text!r}")


def test_identify_unless_does_not_ask_the_model_where_the_words_settle_it() -> None:
    assert identify_unless(KAZAKH_LAW, "kk", _Unasked()) is None
    assert identify_unless(RUSSIAN_LAW, "ru", _Unasked()) is None
    with pytest.raises(AssertionError):  # the other way round the model has its say
        identify_unless(KAZAKH_LAW, "ru", _Unasked())


def test_identify_unless_does_not_ask_the_model_where_no_answer_would_be_sure_enough() -> None:
    # One Kazakh-looking word (+1) against the most the model says (-2): Russian at 0.73 at most.
    assert identify_unless("Мен шаршадым.", "kk", _Unasked(2.0), at_least=0.75) is None
    with pytest.raises(AssertionError):
        identify_unless("Мен шаршадым.", "kk", _Unasked(2.0))


def test_other_latin_language_is_other() -> None:
    assert identify("Il faut bien le faire, dit le ministre.", _lingua()).lang == "other"


@pytest.mark.parametrize(
    "text",
    ["", "   \n", "2022", "12.08.2021 — 3,5 %", "Migration мен көші-қон policy туралы"],
    ids=["empty", "blank", "year", "numbers", "mixed-script"],
)
def test_no_language(model: LanguageModel, text: str) -> None:
    guess = identify(text, model)
    assert guess.lang == "other"
    assert guess.confidence <= 0.5


def test_confidence_is_a_probability(model: LanguageModel) -> None:
    for text in KAZAKH_WITH_LETTERS + RUSSIAN + ENGLISH:
        assert 0.0 <= identify(text, model).confidence <= 1.0


def test_guess_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        LangGuess("kk", 1.0).lang = "ru"  # type: ignore[misc]


def test_deterministic(model: LanguageModel) -> None:
    text = "Аш бала тоқ баламен ойнамайды."
    assert len({identify(text, model) for _ in range(5)}) == 1


def test_default_model() -> None:
    assert identify("Мақалада көші-қон мәселелері қарастырылады.").lang == "kk"


def test_document_is_weighted_by_length(model: LanguageModel) -> None:
    passages = [
        "Мақалада Қазақстандағы зияткерлік көші-қон мәселелері жан-жақты қарастырылады.",
        "Зерттеу нәтижелері мемлекеттік көші-қон саясатын жетілдіруге арналған.",
        "Аннотация",
        "12.08.2021",
    ]
    guess = identify_document(passages, model)
    assert guess.lang == "kk"
    assert 0.5 < guess.confidence <= 1.0


def test_empty_document(model: LanguageModel) -> None:
    assert identify_document([], model) == LangGuess("other", 0.0)
    assert identify_document(["", "123"], model) == LangGuess("other", 0.0)


def test_a_document_in_none_of_kk_ru_en_is_named_by_langdetect(model):
    french = [
        "La politique migratoire du Kazakhstan a changé en 2020.",
        "Les rapatriés reçoivent un logement.",
    ]
    guess = identify_document(french, model)
    assert (guess.lang, guess.other) == ("other", "fr")
    german = ["Die Migrationspolitik Kasachstans wurde im Jahr 2020 geändert."]
    assert identify_document(german, model).other == "de"
    assert identify_document(["Көші-қон саясаты 2020 жылы өзгерді."], model).other is None
