"""The replaced-word and gap checks on hand-written kk/ru/en units (tests/lexicon_units.py):
the lexicon is learned from the units being checked, as in a run."""

from lexicon_units import honest_units, unit

from compare.checks.context import GroupUnits
from compare.checks.gaps import GapCheck
from compare.checks.replaced import ReplacedWordCheck
from compare.lexicon.learn import learn, unit_bags


def triple(kk: str, ru: str, en: str) -> dict[str, str]:
    return {"kk": kk, "ru": ru, "en": en}


def checked(drifted: dict[str, str], check_class):
    units = GroupUnits([*honest_units(), unit(10, drifted)])
    check = check_class(learn(unit_bags(units)))
    return check.run(units)


def test_replaced_word_is_named_with_its_language():
    drifted = triple("Мысық және заң.", "Правительство, а также закон.", "Government and law.")
    findings = checked(drifted, ReplacedWordCheck)
    assert len(findings) == 1
    finding = findings[0]
    assert (finding.unit, finding.details["lang"]) == (10, "kk")
    assert finding.details["lacks"] == {"ru": "Правительство", "en": "Government"}
    assert finding.details["word"] == "Мысық"
    assert "kk has no counterpart of ru 'Правительство', en 'Government'" in finding.message


def test_honest_units_raise_nothing():
    units = GroupUnits(honest_units())
    lexicon = learn(unit_bags(units))
    assert ReplacedWordCheck(lexicon).run(units) == []
    assert GapCheck(lexicon).run(units) == []


def test_dropped_phrase_is_located_in_the_other_version():
    drifted = triple("Заң.", "Правительство, налог, а также закон.", "Government, tax and law.")
    findings = checked(drifted, GapCheck)
    assert [(f.unit, f.details["lang"], f.details["kind"]) for f in findings] == [
        (10, "kk", "dropped")
    ]
    assert findings[0].spans[0].text == "Правительство, налог, а также"


def test_versions_in_one_language_are_not_compared_by_the_lexicon():
    units = GroupUnits([unit(0, {"ru": "Правительство и закон.", "ru-2019": "Школа и закон."})])
    check = ReplacedWordCheck(learn(unit_bags(honest_units())), langs={"ru-2019": "ru"})
    assert check.run(units) == []


def test_with_two_versions_a_dropped_phrase_is_not_also_an_added_one():
    bilingual = [unit(u.unit, {k: u.texts[k] for k in ("kk", "ru")}) for u in honest_units()]
    drifted = unit(10, {"kk": "Заң.", "ru": "Правительство, налог, а также закон."})
    units = GroupUnits([*bilingual, drifted])
    findings = GapCheck(learn(unit_bags(units))).run(units)
    assert [(f.unit, f.details["lang"], f.details["kind"]) for f in findings] == [
        (10, "kk", "dropped")
    ]
