"""Formal checks on hand-written kk/ru/en paragraphs with faults put in (tests/data/formal)."""

from __future__ import annotations

from pathlib import Path

import pytest
from formal_corpus import LANGS, faults, units_of

from compare.checks.base import UnitText
from compare.checks.formal import formal_checks
from compare.checks.formal.links import LinksCheck
from compare.checks.formal.punctuation import PunctuationCheck
from compare.checks.formal.scripts import ScriptsCheck
from compare.checks.formal.spacing import SpacingCheck
from compare.checks.formal.spelling import SpellingCheck
from compare.checks.formal.untranslated import UntranslatedCheck
from compare.checks.numbers import NumbersCheck
from compare.checks.run import run_checks
from compare.checks.wording import names_verb
from compare.corpus import load_document
from compare.lang import spelling

DOCUMENTS = Path(__file__).parent.parent / "documents" / "kaliaskarova-2022"
# Faults that remove something: the finding points at what the other versions have.
ABSENCES = ("email missing", "final mark missing", "unbalanced")
HAVE_DICTIONARIES = all(spelling.find_dictionaries(lang) for lang in LANGS)
needs_dictionaries = pytest.mark.skipif(
    not HAVE_DICTIONARIES, reason="hunspell-kk, hunspell-ru and hunspell-en-us not installed"
)


def one(**texts: str) -> UnitText:
    """A single unit with the given version texts."""
    return UnitText(0, texts, {})


def test_every_injected_fault_is_found_in_its_unit_with_its_language_first() -> None:
    found = run_checks(units_of("faulty"), [*formal_checks({}), NumbersCheck()])
    expected = [f for f in faults() if HAVE_DICTIONARIES or f["check"] != "spelling"]
    assert {f["check"] for f in expected} >= {
        "links",
        "untranslated",
        "scripts",
        "spacing",
        "punctuation",
        "capitals",
        "numbers",
    }
    for fault in expected:
        hits = [
            f
            for f in found
            if f.check == fault["check"]
            and f.details["kind"] == fault["finding"]
            and f.unit == int(fault["line"]) - 1
            and f.langs[0] == fault["lang"]
        ]
        assert hits, fault
        assert any(f.fault == fault["lang"] for f in hits), fault  # outputs' "fault" column
        if fault["finding"] in ABSENCES:
            continue  # what is missing has no place in the faulty version's text
        located = [s.text for f in hits for s in f.spans if s.lang == fault["lang"]]
        assert any(text.strip() and text.strip() in fault["injected"] for text in located), fault


def test_the_injected_faults_are_the_only_formal_findings() -> None:
    found = run_checks(units_of("faulty"), formal_checks({}))
    expected = {(f["check"], f["finding"], int(f["line"]) - 1, f["lang"]) for f in faults()}
    assert {(f.check, f.details["kind"], f.unit, f.langs[0]) for f in found} <= expected


def test_clean_paragraphs_raise_no_formal_finding() -> None:
    assert run_checks(units_of("clean"), formal_checks({})) == []


def test_url_and_email_faults_are_major_and_the_rest_minor() -> None:
    found = run_checks(units_of("faulty"), formal_checks({}))
    majors = {f.check for f in found if f.severity == "major"}
    assert majors == {"links", "untranslated"}


def test_an_address_in_one_of_two_versions_is_missing_from_the_other() -> None:
    unit = one(kk="Хат: info@gov.kz.", ru="Письмо: на почту.")
    (finding,) = LinksCheck().run([unit])
    assert finding.langs == ("ru", "kk")
    assert finding.spans[0].text == "info@gov.kz"
    assert finding.severity == "major"


def test_a_russian_sentence_in_a_kazakh_version_is_named() -> None:
    unit = one(
        kk="Заң қабылданды. Министерство планирует провести опрос среди читателей.",
        ru="Закон принят. Министерство планирует провести опрос среди читателей.",
    )
    (finding,) = UntranslatedCheck().run([unit])
    assert finding.langs == ("kk", "ru")
    assert "reads as ru" in finding.message
    assert finding.spans[0].text.startswith("Министерство")


def test_a_quoted_name_kept_in_another_language_is_not_untranslated() -> None:
    """The ru text of a law keeps the name of a Kazakh award as it is ("Алтын белгі")."""
    unit = one(
        kk='3) "Алтын белгі" белгісін алған оқушылар;',
        ru='3) учащиеся, получившие знак "Алтын белгі";',
    )
    assert UntranslatedCheck().run([unit]) == []
    quoted = one(ru='Он сказал: "Біз бүгін жаңа мектепті ашып, балаларды қуана қарсы алдық".')
    assert "reads as kk" in UntranslatedCheck().run([quoted])[0].message


@needs_dictionaries
def test_the_shipped_abstract_look_alikes_are_found_with_their_fix() -> None:
    references = (DOCUMENTS / "references.original.mul.txt").read_text("utf-8")
    authors = (DOCUMENTS / "author-info.kk.txt").read_text("utf-8")
    unit = one(references=references, kk=authors)
    found = ScriptsCheck({"references": "mul"}).run([unit])
    fixes = {(f.langs[0], f.spans[0].text, f.suggestion) for f in found}
    assert ("references", "pecypc", "Retype as 'ресурс'.") in fixes
    assert ("kk", "Λ", "Retype as 'Л'.") in fixes


def test_roman_numerals_and_english_words_in_cyrillic_text_are_not_look_alikes() -> None:
    unit = one(ru="В XVIII веке, как пишет Oxford Press, слово copy …")
    assert ScriptsCheck().run([unit]) == []


def test_double_spaces_typed_in_a_text_file_reach_the_check(tmp_path: Path) -> None:
    path = tmp_path / "a.kk.txt"
    path.write_text("Бұл  сөйлем екі бос орынмен жазылған.\n", encoding="utf-8")
    document = load_document(path, declared_lang="kk")
    unit = one(kk=document.passages[0].text)
    (finding,) = SpacingCheck().run([unit])
    assert finding.details["kind"] == "double space"


def test_a_missing_dictionary_is_said_once_and_the_other_checks_run(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(spelling, "dictionary_folders", lambda: [tmp_path])
    said: list[str] = []
    check = SpellingCheck(announce=said.append)
    units = units_of("faulty")
    assert check.run(units) == [] and check.run(units) == []
    assert len(said) == 3 and all("not checked" in line for line in said)
    assert any("kk_KZ" in line and "hunspell-kk" in line for line in said)
    others = [c for c in formal_checks({}) if c.name != "spelling"]
    assert run_checks(units, others)


@needs_dictionaries
def test_a_kazakh_typo_in_a_words_first_letter_is_found_with_its_word() -> None:
    # Near words are looked up by length and first or last letter: this typo keeps the last.
    unit = one(kk="Оқырмандар көп. Мұнда ықырмандар отыр, оқырмандар келді.")
    [found] = SpellingCheck().run([unit])
    assert found.spans[0].text == "ықырмандар" and found.suggestion == "'оқырмандар'?"


def test_a_letter_swapped_all_through_a_version_is_one_finding() -> None:
    units = [
        UnitText(i, {"kk": f"{i}) мемлекеттiк бiлiм беру ұйымы;", "ru": f"{i}) организация;"}, {})
        for i in range(1, 5)
    ]
    (finding,) = ScriptsCheck().run(units)
    assert finding.unit == 1 and finding.details["words"] == 8
    assert finding.spans[0].text == "мемлекеттiк"
    assert finding.suggestion == "Replace 'i' by 'і' throughout kk."


HONEST = [
    pytest.param(
        [LinksCheck()],
        one(
            kk="Заң: https://adilet.zan.kz/kaz/docs/K950001000_ (қараңыз).",
            ru="Закон: https://adilet.zan.kz/rus/docs/K950001000_ (см.).",
        ),
        id="localised addresses are one page",
    ),
    pytest.param(
        [SpellingCheck()],
        one(
            en="The tenge fell; Qazaqstan's akimat said the tenge would recover.",
            ru="Тенге упал; акимат заявил, что тенге восстановится.",
        ),
        id="names, terms and words of other versions are no misspellings",
        marks=needs_dictionaries,
    ),
    pytest.param(
        formal_checks({}),
        one(
            kk="7) «Болашақ» халықаралық стипендиясы – Президент тағайындайтын стипендия.",
            ru="7) международная стипендия «Болашак» – стипендия, учреждаемая Президентом;",
        ),
        id="list items and their closing marks are not compared",
    ),
    pytest.param(
        formal_checks({}),
        one(en='He said: "We will build the road.', ru="Он сказал: «Мы построим дорогу."),
        id="a quote that runs into the next unit is no fault",
    ),
    pytest.param(
        [PunctuationCheck()],
        one(kk="8-ден 17-ге дейін (17-ні қоспағанда)", ru="от 8 до 17 (не включая 17)"),
        id="a number that ends a parenthetical closes it",
    ),
]


@pytest.mark.parametrize(("checks", "unit"), HONEST)
def test_honest_text_raises_no_finding(checks, unit) -> None:
    assert run_checks([unit], checks) == []


def test_messages_agree_with_one_or_more_languages() -> None:
    assert names_verb(["kk"], "ends", "end") == "kk ends"
    assert names_verb(["kk", "ru"], "ends", "end") == "kk and ru end"
    (found,) = PunctuationCheck().run(
        [one(kk="Заң (2020 қабылданды.", ru="Закон (2020) принят.", en="The law (2020) passed.")]
    )
    assert found.message.endswith("; ru and en pair them.")


def test_a_list_item_inside_a_bracket_left_open_is_still_unbalanced() -> None:
    """A list item's number closes only a bracket left open before it: a version whose
    bracket nothing closes is still named, and the other's list items pair with nothing."""
    (found,) = PunctuationCheck().run(
        [one(kk="Заң (2020 қабылданды.", ru="Закон (2020) принят подпунктами 1) и 2).")]
    )
    assert found.message == "Unbalanced brackets in kk: ( without a pair; ru pairs them."
