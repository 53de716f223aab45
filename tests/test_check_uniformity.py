"""The terminology-consistency check on hand-written kk/ru units: one term rendered the same way
in every unit but one; the lexicon is learned from the units being checked, as in a run."""

from itertools import product

from lexicon_units import unit

from compare.checks.context import GroupUnits
from compare.checks.uniformity import CALIBRATION, UniformityCheck
from compare.lexicon.learn import learn, unit_bags

OBJECTS = [
    ("деректерді", "данные"),
    ("есепті", "отчет"),
    ("шартты", "договор"),
    ("құжатты", "документ"),
]
VERBS = [("тексереді", "проверяет"), ("сақтайды", "хранит"), ("жібереді", "направляет")]
# The term in the inflections a text gives it.
TERM = {"kk": ("Оператор", "Операторы", "Операторға"), "ru": ("Оператор", "Оператора", "Оператору")}


def texts(n: int, kk_term: str | None = None) -> dict[str, str]:
    """Unit n: the operator does something with something; `kk_term` in place of the kk term."""
    (kk_obj, ru_obj), (kk_verb, ru_verb) = list(product(OBJECTS, VERBS))[n % 12]
    kk = kk_term or TERM["kk"][n % 3]
    return {"kk": f"{kk} {kk_obj} {kk_verb}.", "ru": f"{TERM['ru'][n % 3]} {ru_verb} {ru_obj}."}


def checked(units: list) -> list:
    units = GroupUnits(units)
    return UniformityCheck(learn(unit_bags(units))).run(units)


def test_a_term_rendered_otherwise_in_one_unit_is_flagged_there():
    units = [unit(n, texts(n)) for n in range(12)] + [unit(12, texts(13, "Меншік иесі"))]
    findings = checked(units)
    assert [(f.unit, f.details["lang"], f.severity) for f in findings] == [(12, "kk", "minor")]
    finding = findings[0]
    assert finding.message == (
        "ru 'Оператора' is rendered in kk as 'оператор' in 12 of its 13 units; "
        "kk has none of it here; 'Меншік' may stand in its place."
    )
    assert (finding.details["units"], finding.details["of"]) == (12, 13)
    assert [s.text for s in finding.spans] == ["Оператора", "Меншік"]


def test_a_term_rendered_the_same_way_in_every_inflection_raises_nothing():
    assert checked([unit(n, texts(n)) for n in range(13)]) == []


def test_two_renderings_each_used_often_are_not_a_slip():
    units = [unit(n, texts(n, "Меншік иесі" if n % 3 == 0 else None)) for n in range(15)]
    assert checked(units) == []


def test_versions_of_one_language_are_each_compared_with_the_other_language():
    units = [
        unit(n, {**texts(n), "kk-2019": texts(n, "Меншік иесі" if n == 4 else None)["kk"]})
        for n in range(13)
    ]
    units = GroupUnits(units)
    langs = {"kk": "kk", "ru": "ru", "kk-2019": "kk"}
    check = UniformityCheck(learn(unit_bags(units, langs)), langs=langs)
    assert [(f.unit, f.details["lang"]) for f in check.run(units)] == [(4, "kk-2019")]


def test_the_confidence_is_the_share_real_by_whether_the_stand_in_recurs_in_its_company():
    """A word standing in the term's place alone prints less than one that stands in the same
    company in another unit too, as a rendering used now and then does (CALIBRATION)."""
    once = checked([unit(n, texts(n)) for n in range(12)] + [unit(12, texts(13, "Меншік иесі"))])
    twice = checked(
        [unit(n, texts(n)) for n in range(12)]
        + [unit(n, texts(n + 1, "Меншік иесі")) for n in (12, 13)]
    )
    assert [f.details["alone"] for f in once] == [True]
    assert [f.details["alone"] for f in twice] == [False, False]
    for f in once + twice:
        assert f.confidence == CALIBRATION[f.details["alone"]][f.details["unmatched"]]
    assert once[0].confidence < min(f.confidence for f in twice)
