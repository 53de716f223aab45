"""The replaced-word and gap checks on hand-written kk/ru/en units (tests/lexicon_units.py):
the lexicon is learned from the units being checked, as in a run."""

from lexicon_units import PAIRS, bilingual_units, honest_units, unit

from compare.checks.context import GroupUnits
from compare.checks.counterparts import Forms, content_words
from compare.checks.gaps import CALIBRATION, GapCheck, calibrated
from compare.checks.replaced import CALIBRATION as REPLACED_CALIBRATION
from compare.checks.replaced import STRONG, ReplacedWordCheck
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


def test_a_word_put_where_it_never_stands_names_its_version():
    """kk says "үкімет" (government), a word known in the text, where ru says "совет": the
    word has never followed "және" elsewhere, so kk is the version at fault, not ru."""
    drifted = unit(100, {"kk": "Заң, мектеп және үкімет.", "ru": "Закон, школа, а также совет."})
    units = GroupUnits([*bilingual_units(), drifted])
    findings = ReplacedWordCheck(learn(unit_bags(units))).run(units)
    assert [(f.unit, f.details["lang"]) for f in findings] == [(100, "kk")]
    assert "үкімет" in findings[0].message


def test_a_replaced_word_prints_the_share_real_measured_with_two_versions_only():
    """With two versions the confidence is the share real measured for what the finding rests
    on (here a word found standing in place of the lacking one); a lack three versions confirm
    prints the word's strength."""
    drifted = unit(100, {"kk": "Заң, мектеп және үкімет.", "ru": "Закон, школа, а также совет."})
    units = GroupUnits([*bilingual_units(), drifted])
    (two,) = ReplacedWordCheck(learn(unit_bags(units))).run(units)
    strong = two.details["strength"] >= STRONG
    assert two.details["stand_in"] and not two.details["intruder"]
    assert two.confidence == REPLACED_CALIBRATION["stand-in"][strong] < 0.3
    three = triple("Мысық және заң.", "Правительство, а также закон.", "Government and law.")
    (confirmed,) = checked(three, ReplacedWordCheck)
    assert confirmed.confidence == round(min(0.95, confirmed.details["strength"]), 2)


def test_a_rendering_seen_elsewhere_in_its_place_is_not_a_replaced_word():
    """ru "закон" is "заң" in kk in 15 units and "құқық" in 3: "құқық" is another rendering of
    it, not a word put in another's place; a word seen nowhere in its place still is one."""
    other = [
        unit(50 + i, {"kk": f"Құқық, {kk} және банк.", "ru": f"Закон, {ru}, а также банк."})
        for i, (kk, ru) in enumerate(PAIRS[2:5])
    ]
    drifted = unit(100, {"kk": "Мысық, салық және банк.", "ru": "Закон, налог, а также банк."})
    units = GroupUnits([*bilingual_units(), *other, drifted])
    lexicon = learn(unit_bags(units))
    assert "құқық" in lexicon.get("ru", "kk", "закон").others
    findings = ReplacedWordCheck(lexicon).run(units)
    assert [(f.unit, f.details["lang"]) for f in findings] == [(100, "kk")]


def test_a_texts_forms_hold_a_stem_its_derived_words_and_shorter_forms_of_it():
    """Which words hold a stem: the word itself, a word derived from it ("полицейский" holds
    "полиц"), or one it is derived from, five letters or more; a shorter stem only as it is."""
    words = content_words("Полиция и полицейский участок, а также суд.", "ru")
    forms = Forms(words)
    position = {t.word: i for i, t in enumerate(words)}
    assert forms.holding("полиц") == {position["полиция"], position["полицейский"]}
    # "полиция" is read down to "полиц", which "полицейская" is derived from
    assert forms.holding("полицейская") == {position["полиция"], position["полицейский"]}
    assert forms.holding("участок") == {position["участок"]}
    assert forms.holding("суд") == {position["суд"]}
    assert forms.holding("су") == set() and not forms.holds("школ")
    # a word holding two of the stems counts once
    assert forms.count_holding(["полиц", "полицейская", "суд"]) == 3


def _bilingual_findings(drifted: dict[str, str]) -> list:
    """The gap check's findings on the kk and ru of the honest units and one drifted unit."""
    bilingual = [unit(u.unit, {k: u.texts[k] for k in ("kk", "ru")}) for u in honest_units()]
    units = GroupUnits([*bilingual, unit(10, drifted)])
    return GapCheck(learn(unit_bags(units))).run(units)


def _bilingual(drifted: dict[str, str]) -> list:
    return [(f.unit, f.details["lang"], f.details["kind"]) for f in _bilingual_findings(drifted)]


def test_a_dropped_phrase_prints_the_share_real_measured_for_its_features():
    ru = "Правительство, налог и закон."
    (dropped,) = _bilingual_findings({"kk": "Заң.", "ru": ru})
    (rendered,) = _bilingual_findings({"kk": "Мысық, ит және заң.", "ru": ru})
    assert (dropped.details["lacking"], dropped.details["shorter"]) == (2, True)
    assert (rendered.details["lacking"], rendered.details["shorter"]) == (2, False)
    assert dropped.confidence == calibrated(2, True) > rendered.confidence == calibrated(2, False)


def test_the_calibration_rises_with_the_concepts_lacking_and_never_reads_as_sure():
    for row in CALIBRATION.values():
        assert list(row) == sorted(row) and max(row) < 0.9
    assert calibrated(1, False) < calibrated(9, False) == CALIBRATION[False][-1]


def test_a_word_said_twice_is_one_concept_not_a_phrase():
    assert _bilingual({"kk": "Заң.", "ru": "Налог и закон, налог."}) == []
    assert _bilingual({"kk": "Заң.", "ru": "Налог и закон, школа."}) == [(10, "kk", "dropped")]


def test_an_added_phrase_is_read_where_three_versions_meet_and_a_dropped_one_with_two():
    drifted = triple("Үкімет, салық және заң.", "Закон.", "Law.")
    findings = checked(drifted, GapCheck)
    assert [(f.details["lang"], f.details["kind"]) for f in findings] == [("kk", "added")]
    two = {k: drifted[k] for k in ("kk", "ru")}
    assert _bilingual(two) == [(10, "ru", "dropped")]


def test_with_two_versions_a_word_in_its_usual_company_is_a_free_rendering():
    """kk renders ru "налог" (tax) by "алым" (levy), which stands after the same words in two
    other units: a free rendering, not a word put in another's place, so nothing is flagged;
    "мысық" (cat), which never stands there, still is."""
    levy = [
        unit(60 + i, {"kk": f"{kk}, алым және банк.", "ru": f"{ru}, сбор, а также банк."})
        for i, (kk, ru) in enumerate(PAIRS[3:5])
    ]
    for word, flagged in (("алым", []), ("мысық", [(100, "kk")])):
        drifted = unit(100, {"kk": f"Заң, {word} және банк.", "ru": "Закон, налог, а также банк."})
        units = GroupUnits([*bilingual_units(), *levy, drifted])
        findings = ReplacedWordCheck(learn(unit_bags(units))).run(units)
        assert [(f.unit, f.details["lang"]) for f in findings] == flagged


def test_a_concept_two_versions_hold_needs_the_surer_counterpart():
    """ "совет"/"council" stand in two honest units with kk "кеңес" and in one where kk says
    "мысық": each has a counterpart in 2 of its 3 units (reliability .75). Two versions
    confirming the lack must reach `confirmed_strength` (.8 by default), not `min_strength`."""
    council = [
        unit(20 + i, triple(f"Кеңес және {kk}.", f"Совет, а также {ru}.", f"Council and {en}."))
        for i, (kk, ru, en) in enumerate((("заң", "закон", "law"), ("салық", "налог", "tax")))
    ]
    drifted = unit(30, triple("Мысық және мектеп.", "Совет, а также школа.", "Council and school."))
    units = GroupUnits([*honest_units(), *council, drifted])
    lexicon = learn(unit_bags(units))
    assert ReplacedWordCheck(lexicon).run(units) == []
    check = ReplacedWordCheck(lexicon)
    check.confirmed_strength = 0.75  # as a profile sets it
    findings = check.run(units)
    assert [(f.unit, f.details["lang"]) for f in findings] == [(30, "kk")]
