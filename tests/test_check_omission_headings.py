"""Omission on a law's headings: a title numbered alike in both versions is phrased freely.

The invented kk/ru beekeeping law of test_check_law_lists (adilet.zan.kz style), its article
headings given titles long enough (8 words or more) to be cut into runs, as the site's longer
titles are. With the thresholds at their floor every unit gets its best clause as a finding,
so the test reads how severe each is: minor on the article headings, as the leave-out of a
title's few words is no evidence of a dropped phrase, while the same evidence on a paragraph
stays major. Uses the real default model.
"""

from __future__ import annotations

from law_units import units
from test_check_law_lists import LAW

from compare.checks.omission import OmissionCheck
from compare.embed import load_encoder
from compare.readers.structure import heading_of


def test_heading_of_reads_a_division_heading_and_nothing_else() -> None:
    assert heading_of("14-бап. Осы Заңды қолданысқа енгізу тәртібі") == ("article", "14")
    assert heading_of("Статья 14. Порядок введения в действие настоящего Закона") == (
        "article",
        "14",
    )
    assert heading_of("Глава 2. ЦИФРОВЫЕ АКТИВЫ") == ("chapter", "2")
    for text in (
        "1. Закон вводится в действие по истечении десяти дней.",
        "Статья 5. Требования. Банк обязан раскрыть сведения о своих акционерах.",
        "статьи 14 настоящего Закона",
        "",
    ):
        assert heading_of(text) is None, text


TITLES = {
    "article 1": (
        "1-бап. Қазақстан Республикасының ара шаруашылығы туралы заңнамасы және оны қолдану",
        "Статья 1. Законодательство Республики Казахстан о пчеловодстве и его применение",
    ),
    "article 2": (
        "2-бап. Омарталарды тіркеу тәртібі және тіркеу куәлігін беру мерзімдері",
        "Статья 2. Порядок регистрации пасек и сроки выдачи свидетельства о регистрации",
    ),
    "article 3": (
        "3-бап. Омарталарды тіркеуді тоқтата тұрудың негіздері мен тәртібі",
        "Статья 3. Основания и порядок приостановления регистрации пасек владельцев",
    ),
}
ROWS = [(path, *TITLES.get(path, (kk, ru))) for path, kk, ru in LAW]


def test_an_omission_on_a_heading_numbered_alike_is_minor() -> None:
    law = units(ROWS)
    findings = OmissionCheck(load_encoder(), major=-100.0, minor=-100.0).run(law)
    headings = {u.unit for u in law if u.paths["kk"][0].count(",") == 0}
    on_headings = [f for f in findings if f.unit in headings]
    assert on_headings and all(f.severity == "minor" for f in on_headings)
    assert all("a heading of the same division" in f.message for f in on_headings)
    assert any(f.severity == "major" for f in findings if f.unit not in headings)


def test_headings_of_different_articles_keep_their_severity() -> None:
    """A unit pairing the heading of article 2 with that of article 3 is misread, not phrased
    freely: its finding is not softened."""
    rows = [*ROWS]
    rows[2] = (rows[2][0], rows[2][1], ROWS[5][2])
    law = units(rows)
    findings = OmissionCheck(load_encoder(), major=-100.0, minor=-100.0).run(law)
    assert [f.severity for f in findings if f.unit == 2] == ["major"]
