"""Articles of different editions: the kk note cites an amendment the ru note does not.

Hand-written kk and ru fixtures of an invented law in the adilet.zan.kz layout (footnotes
"Сноска." / "Ескерту." after an article, the amending law's number on a line of its own).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from compare.align.documents import AlignedUnit, Alignment, apparatus_units
from compare.checks.base import Finding, UnitText
from compare.checks.editions import EditionCheck, amendment_dates, mark_editions, mark_repealed
from compare.checks.run import run_checks, unit_texts
from compare.corpus import load_document

RU = """Статья 1. Регистрация пасек

      1. Регистрацию пасек осуществляет местный исполнительный орган.

      Сноска. Статья 1 с изменением, внесенным Законом РК от 18.07.2025\x20
№ 215-VIII
 (вводится в действие с 01.01.2026).

Статья 2. Ветеринарный контроль

      1. Ветеринарный контроль на пасеках осуществляет уполномоченный орган.

      Сноска. Статья 2 с изменением, внесенным Законом РК от 7 мая 2007 года № 244.
"""

KK = """1-бап. Омарталарды тіркеу

      1. Омарталарды тіркеуді жергілікті атқарушы орган он жұмыс күні ішінде жүзеге асырады.

      Ескерту. 1-бапқа өзгеріс енгізілді – ҚР 18.07.2025\x20
№ 215-VIII
 (01.01.2026 бастап қолданысқа енгізіледі); 16.01.2026\x20
№ 259-VIII
 (алғашқы ресми жарияланған күнінен кейін күнтізбелік алпыс күн өткен соң қолданысқа\x20
енгізіледі
) Заңдарымен.

2-бап. Ветеринариялық бақылау

      1. Омарталарда ветеринариялық бақылауды уәкілетті орган жүзеге асырады.

      Ескерту. 2-бапқа өзгеріс енгізілді - ҚР 2007.05.07 № 244 Заңымен.
"""


def _documents(tmp_path: Path, kk: str = KK, ru: str = RU):
    out = {}
    for lang, text in (("kk", kk), ("ru", ru)):
        path = tmp_path / f"law.{lang}.txt"
        path.write_text(text, encoding="utf-8")
        out[lang] = load_document(path, declared_lang=lang)
    return out


def test_the_dates_of_amending_laws_not_of_entry_into_force() -> None:
    note = KK.split("Ескерту. ")[1].split("2-бап")[0]
    assert amendment_dates(note, "kk") == [(2025, 7, 18), (2026, 1, 16)]
    assert amendment_dates("Законом РК от 7 мая 2007 года № 244.", "ru") == [(2007, 5, 7)]
    assert amendment_dates("ҚР 2007.05.07 № 244 Заңымен.", "kk") == [(2007, 5, 7)]


def test_an_article_whose_notes_cite_a_later_amendment_is_named_once(tmp_path: Path) -> None:
    documents = _documents(tmp_path)
    units = unit_texts(Alignment(documents, tuple(apparatus_units(documents, 0)), "test"))
    [finding] = EditionCheck(langs={"kk": "kk", "ru": "ru"}).run(units)
    assert finding.details["division"] == "article 1"
    assert finding.details["later"] == ["kk"] and finding.fault == "ru"
    assert "16 January 2026" in finding.message


def test_majors_inside_an_article_of_another_edition_become_minor(tmp_path: Path) -> None:
    documents = _documents(tmp_path)
    law = [
        AlignedUnit(i, {k: (d.passages[p],) for k, d in documents.items()}, 1.0)
        for i, p in enumerate((1, 4))
    ]
    notes = apparatus_units(documents, len(law))
    texts = unit_texts(Alignment(documents, (*law, *notes), "test"))
    assert [t.paths["kk"] for t in texts[:2]] == [
        ("article 1, paragraph 1",),
        ("article 2, paragraph 1",),
    ]
    omitted = [
        Finding("omission", "major", 0.95, u, ("kk", "ru"), "'он жұмыс күні ішінде' (kk) ...")
        for u in (0, 1)
    ]

    class Omitted:
        name, reads_apparatus = "omission", False

        def run(self, units: list[UnitText]) -> list[Finding]:
            return omitted

    findings = run_checks(texts, [EditionCheck(), Omitted()])
    by_unit = {(f.check, f.unit): f for f in findings}
    assert by_unit[("omission", 0)].severity == "minor"
    assert "article 1 is of a later edition in kk" in by_unit[("omission", 0)].message
    assert by_unit[("omission", 1)].severity == "major"
    assert mark_editions(omitted, texts) == omitted


def test_majors_on_a_repealed_part_become_minor_but_not_a_missing_part() -> None:
    """A repealed point cites the repealing law in each language's own way ("ҚР 2007.05.07
    № 244" / "от 07.05.2007 № 244 (порядок введения в действие см. ст.2)")."""
    rows = [
        (
            "4) Алынып тасталды - ҚР 2007.05.07 № 244 Заңымен.",
            "4) (исключен - от 07.05.2007 № 244);",
        ),
        ("5) Омарта иесі тіркеу куәлігін алады.", "5) Владелец пасеки получает свидетельство."),
    ]
    units = [
        UnitText(i, {"kk": kk, "ru": ru}, {}, paths={"kk": ("article 2",), "ru": ("article 2",)})
        for i, (kk, ru) in enumerate(rows)
    ]
    findings = [
        Finding("omission", "major", 0.6, 0, ("kk", "ru"), "'порядок введения' (ru) ..."),
        Finding("structure", "major", 0.9, 0, ("kk", "ru"), "ru lacks article 2, sub-point 6)"),
        Finding("numbers", "major", 0.72, 1, ("kk", "ru"), "Number 5 is in kk but not in ru."),
    ]
    marked = mark_repealed(findings, units)
    assert [f.severity for f in marked] == ["minor", "major", "major"]
    assert marked[0].message.endswith("(a repealed part).")


RU_ANNOUNCED = """Статья 1. Регистрация пасек

      1. Регистрацию пасек осуществляет местный исполнительный орган.

      Сноска. Статья 1 с изменением, внесенным Законом РК от 18.07.2025\x20
№ 215-VIII
 (вводится в действие с 01.01.2026).

Примечание ИЗПИ!

      Статья 2 предусматривается в редакции Закона РК от 16.01.2026\x20
№ 259-VIII
 (вводится в действие с 01.07.2026).

Статья 2. Ветеринарный контроль

      1. Ветеринарный контроль на пасеках осуществляет уполномоченный орган.

      Сноска. Статья 2 с изменением, внесенным Законом РК от 18.07.2025 № 215-VIII.
"""

KK_ANNOUNCED = """1-бап. Омарталарды тіркеу

      1. Омарталарды тіркеуді жергілікті атқарушы орган жүзеге асырады.

      Ескерту. 1-бапқа өзгеріс енгізілді – ҚР 18.07.2025\x20
№ 215-VIII
 (01.01.2026 бастап қолданысқа енгізіледі) Заңымен.

2-бап. Ветеринариялық бақылау

      1. Омарталарда ветеринариялық бақылауды уәкілетті орган он күн ішінде жүзеге асырады.

      Ескерту. 2-бап жаңа редакцияда – ҚР 18.07.2025 № 215-VIII; 16.01.2026\x20
№ 259-VIII
 (01.07.2026 бастап қолданысқа енгізіледі) Заңдарымен.
"""


def test_a_note_announcing_an_amendment_is_not_that_edition(tmp_path: Path) -> None:
    """The ru "Примечание ИЗПИ!" saying that Article 2 is to be amended by the law of 16 January
    2026 stands before Article 2, in Article 1: it shows that ru lacks that amendment, so
    Article 2 is named (kk later) and Article 1 is not (ru is not later there)."""
    documents = _documents(tmp_path, kk=KK_ANNOUNCED, ru=RU_ANNOUNCED)
    units = unit_texts(Alignment(documents, tuple(apparatus_units(documents, 0)), "test"))
    [finding] = EditionCheck(langs={"kk": "kk", "ru": "ru"}).run(units)
    assert finding.details["division"] == "article 2"
    assert finding.details["later"] == ["kk"]


def test_a_part_one_version_keeps_only_as_repealed_is_minor() -> None:
    """kk lists each repealed sub-point ("8) алып тасталды ..."), ru writes them as one range:
    nothing of the law is missing, so the structure finding is minor; a part that has text
    stays major."""
    units = [
        UnitText(
            0,
            {"kk": "8) алып тасталды - ҚР 2011.10.24 N 487-IV Заңымен;", "ru": ""},
            {},
            paths={"kk": ("article 4, sub-point 8)",), "ru": ()},
        ),
        UnitText(
            1,
            {"kk": "9) омарта иесі тіркеу куәлігін алады;", "ru": ""},
            {},
            paths={"kk": ("article 4, sub-point 9)",), "ru": ()},
        ),
    ]
    findings = [
        Finding("structure", "major", 0.9, u, ("kk",), f"ru lacks {p}", details={"path": p})
        for u, p in ((0, "article 4, sub-point 8)"), (1, "article 4, sub-point 9)"))
    ]
    assert [f.severity for f in mark_repealed(findings, units)] == ["minor", "major"]
    ranged = UnitText(
        2,
        {
            "kk": "9. Алып тасталды - ҚР 2009.07.17. N 188-IV Заңымен. 10. Алып тасталды.",
            "ru": "9. - 10. Исключены Законом РК от 17.07.2009 N 188.",
        },
        {},
        paths={
            "kk": ("article 5, paragraph 9", "article 5, paragraph 10"),
            "ru": ("article 5, paragraph 9",),
        },
    )
    lacks = Finding("structure", "major", 0.9, 2, ("kk",), "ru lacks article 5, paragraph 10")
    lacks = replace(lacks, details={"path": "article 5, paragraph 10"})
    assert mark_repealed([lacks], [ranged])[0].severity == "minor"
