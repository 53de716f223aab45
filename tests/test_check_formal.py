"""Formal checks on hand-written kk/ru/en paragraphs with faults put in (tests/data/formal)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from compare.checks.base import UnitText
from compare.checks.formal import formal_checks
from compare.checks.formal.links import LinksCheck
from compare.checks.formal.scripts import ScriptsCheck
from compare.checks.formal.spacing import SpacingCheck
from compare.checks.formal.spelling import SpellingCheck
from compare.checks.formal.untranslated import UntranslatedCheck
from compare.checks.numbers import NumbersCheck
from compare.checks.run import run_checks
from compare.corpus import load_document
from compare.lang import spelling

DATA = Path(__file__).parent / "data" / "formal"
DOCUMENTS = Path(__file__).parent.parent / "documents" / "kaliaskarova-2022"
LANGS = ("kk", "ru", "en")
# Faults that remove something: the finding points at what the other versions have.
ABSENCES = ("email missing", "final mark missing", "unbalanced")
HAVE_DICTIONARIES = all(spelling.find_dictionaries(lang) for lang in LANGS)
needs_dictionaries = pytest.mark.skipif(
    not HAVE_DICTIONARIES, reason="hunspell-kk, hunspell-ru and hunspell-en-us not installed"
)


def units_of(stem: str) -> list[UnitText]:
    """The line-parallel files of one stem as units, one line each."""
    lines = {lang: (DATA / f"{stem}.{lang}.txt").read_text("utf-8").splitlines() for lang in LANGS}
    return [
        UnitText(i, {lang: lines[lang][i] for lang in LANGS}, {}) for i in range(len(lines["kk"]))
    ]


def faults() -> list[dict[str, str]]:
    names = ["fault", "check", "finding", "lang", "line", "clean", "injected"]
    with (DATA / "faults.tsv").open(encoding="utf-8") as f:
        rows = [row for row in csv.reader(f, delimiter="\t") if not row[0].startswith("#")]
    return [dict(zip(names, row, strict=True)) for row in rows]


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


def test_localised_addresses_are_the_same_page() -> None:
    unit = UnitText(
        0,
        {
            "kk": "Заң: https://adilet.zan.kz/kaz/docs/K950001000_ (қараңыз).",
            "ru": "Закон: https://adilet.zan.kz/rus/docs/K950001000_ (см.).",
        },
        {},
    )
    assert LinksCheck().run([unit]) == []


def test_an_address_in_one_of_two_versions_is_missing_from_the_other() -> None:
    unit = UnitText(0, {"kk": "Хат: info@gov.kz.", "ru": "Письмо: на почту."}, {})
    (finding,) = LinksCheck().run([unit])
    assert finding.langs == ("ru", "kk")
    assert finding.spans[0].text == "info@gov.kz"
    assert finding.severity == "major"


def test_a_russian_sentence_in_a_kazakh_version_is_named() -> None:
    unit = UnitText(
        0,
        {
            "kk": "Заң қабылданды. Министерство планирует провести опрос среди читателей.",
            "ru": "Закон принят. Министерство планирует провести опрос среди читателей.",
        },
        {},
    )
    (finding,) = UntranslatedCheck().run([unit])
    assert finding.langs == ("kk", "ru")
    assert "reads as ru" in finding.message
    assert finding.spans[0].text.startswith("Министерство")


@needs_dictionaries
def test_the_shipped_abstract_look_alikes_are_found_with_their_fix() -> None:
    references = (DOCUMENTS / "references.original.mul.txt").read_text("utf-8")
    authors = (DOCUMENTS / "author-info.kk.txt").read_text("utf-8")
    unit = UnitText(0, {"references": references, "kk": authors}, {})
    found = ScriptsCheck({"references": "mul"}).run([unit])
    fixes = {(f.langs[0], f.spans[0].text, f.suggestion) for f in found}
    assert ("references", "pecypc", "Retype as 'ресурс'.") in fixes
    assert ("kk", "Λ", "Retype as 'Л'.") in fixes


def test_roman_numerals_and_english_words_in_cyrillic_text_are_not_look_alikes() -> None:
    unit = UnitText(0, {"ru": "В XVIII веке, как пишет Oxford Press, слово copy …"}, {})
    assert ScriptsCheck().run([unit]) == []


def test_double_spaces_typed_in_a_text_file_reach_the_check(tmp_path: Path) -> None:
    path = tmp_path / "a.kk.txt"
    path.write_text("Бұл  сөйлем екі бос орынмен жазылған.\n", encoding="utf-8")
    document = load_document(path, declared_lang="kk")
    unit = UnitText(0, {"kk": document.passages[0].text}, {})
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
def test_names_terms_and_words_of_other_versions_are_not_misspellings() -> None:
    unit = UnitText(
        0,
        {
            "en": "The tenge fell; Qazaqstan's akimat said the tenge would recover.",
            "ru": "Тенге упал; акимат заявил, что тенге восстановится.",
        },
        {},
    )
    assert SpellingCheck().run([unit]) == []


def test_a_letter_swapped_all_through_a_version_is_one_finding() -> None:
    units = [
        UnitText(i, {"kk": f"{i}) мемлекеттiк бiлiм беру ұйымы;", "ru": f"{i}) организация;"}, {})
        for i in range(1, 5)
    ]
    (finding,) = ScriptsCheck().run(units)
    assert finding.unit == 1 and finding.details["words"] == 8
    assert finding.spans[0].text == "мемлекеттiк"
    assert finding.suggestion == "Replace 'i' by 'і' throughout kk."


def test_list_items_and_their_closing_marks_are_not_compared() -> None:
    unit = UnitText(
        0,
        {
            "kk": "7) «Болашақ» халықаралық стипендиясы – Президент тағайындайтын стипендия.",
            "ru": "7) международная стипендия «Болашак» – стипендия, учреждаемая Президентом;",
        },
        {},
    )
    assert run_checks([unit], formal_checks({})) == []


def test_a_quote_that_runs_into_the_next_unit_is_no_fault() -> None:
    unit = UnitText(
        0,
        {
            "en": 'He said: "We will build the road.',
            "ru": "Он сказал: «Мы построим дорогу.",
        },
        {},
    )
    assert run_checks([unit], formal_checks({})) == []
