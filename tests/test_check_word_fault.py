"""Which version a word check blames when only two versions meet, and dropped phrases found by
runs of missing words: hand-written kk/ru units and a lexicon written out by hand, so that each
test sets exactly which words are known and how reliably."""

from lexicon_units import unit

from compare.checks.collocations import group_pairs, support
from compare.checks.context import GroupUnits
from compare.checks.counterparts import unit_evidence
from compare.checks.gaps import GapCheck
from compare.checks.replaced import ReplacedWordCheck
from compare.checks.uniformity import UniformityCheck
from compare.lexicon.learn import Entry, Lexicon
from compare.stem import stem, tokens

LANGS = {"kk": "kk", "ru": "ru"}
# (kk, ru) words the lexicon knows as translations of each other
PAIRS = [
    ("салық", "налог"),
    ("мемлекеттік", "государственный"),
    ("алынады", "взимается"),
    ("цифрлық", "цифровой"),
    ("береді", "выдается"),
]


def lexicon(pairs=PAIRS, seen: int = 12, covered: int = 12) -> Lexicon:
    """Each pair linked both ways; `covered` of `seen` units hold the counterpart."""
    out = Lexicon()
    for src, tgt, i, j in (("kk", "ru", 0, 1), ("ru", "kk", 1, 0)):
        out.entries[(src, tgt)] = {
            stem(p[i], src): Entry({stem(p[j], tgt): 1.0}, seen, covered) for p in pairs
        }
    return out


def background() -> list:
    """Units where each word keeps its company: "государственный налог взимается" and
    "цифровая квота выдается" ("квота" unknown to the lexicon)."""
    tax = {"kk": "Мемлекеттік салық алынады.", "ru": "Государственный налог взимается."}
    quota = {"kk": "Цифрлық квота береді.", "ru": "Цифровая квота выдается."}
    return [unit(i, tax if i % 2 else quota) for i in range(6)]


def named(check_class, before: list, kk: str, ru: str) -> list[tuple[int, str, str]]:
    """(unit, version at fault, word) of each finding of a check over `before` and one unit."""
    units = GroupUnits([*before, unit(99, {"kk": kk, "ru": ru})])
    findings = check_class(lexicon()).run(units)
    return [(f.unit, f.details["lang"], f.details["word"]) for f in findings]


def test_support_counts_the_other_units_where_a_word_has_the_same_neighbour():
    drifted = unit(9, {"kk": "Цифрлық квота береді.", "ru": "Цифровой налог выдается."})
    units = GroupUnits([*background(), drifted])
    pairs = group_pairs(units, ["kk", "ru"], LANGS)
    ru = tokens(drifted.texts["ru"], "ru")
    kk = tokens(drifted.texts["kk"], "kk")
    assert support(pairs, drifted, "ru", "ru", ru[1].start) == 0  # "налог" after "цифровой"
    assert support(pairs, drifted, "kk", "kk", kk[1].start) == 6  # 3 units each side


def test_the_version_holding_the_unusual_word_is_at_fault():
    """ru put "налог" where "квота" stood: kk lacks its counterpart, but ru is at fault."""
    drifted = unit(9, {"kk": "Цифрлық квота береді.", "ru": "Цифровой налог выдается."})
    units = GroupUnits([*background(), drifted])
    findings = ReplacedWordCheck(lexicon()).run(units)
    assert [(f.unit, f.details["lang"], f.details["word"]) for f in findings] == [
        (9, "ru", "налог")
    ]
    assert findings[0].details["lacks"] == {"kk": "квота"}
    assert "ru 'налог' has no counterpart in kk" in findings[0].message


def test_the_lacking_version_is_at_fault_when_its_own_word_is_the_unusual_one():
    """kk put "квота" where "салық" stood: "квота" never follows "мемлекеттік" elsewhere."""
    kk, ru = "Мемлекеттік квота алынады.", "Государственный налог взимается."
    assert named(ReplacedWordCheck, background(), kk, ru) == [(99, "kk", "квота")]


def test_a_word_left_out_with_nothing_in_its_place_is_the_lacking_versions():
    drifted = unit(9, {"kk": "Цифрлық береді.", "ru": "Цифровой налог выдается."})
    units = GroupUnits([*background(), drifted])
    findings = ReplacedWordCheck(lexicon()).run(units)
    assert [(f.unit, f.details["lang"]) for f in findings] == [(9, "kk")]


def gap_lexicon() -> Lexicon:
    """ "налог" and "сбор" surely rendered, "государственный" and "пошлина" less so."""
    out = lexicon(
        [
            ("салық", "налог"),
            ("алым", "сбор"),
            ("мемлекеттік", "государственный"),
            ("баж", "пошлина"),
            ("төлейді", "платит"),
        ]
    )
    ru_kk = out.entries[("ru", "kk")]
    for word in ("государственный", "пошлина"):
        key = stem(word, "ru")
        ru_kk[key] = Entry(ru_kk[key].counterparts, 9, 6)  # reliability 0.7
    return out


def test_a_run_of_missing_words_with_one_sure_is_a_dropped_phrase():
    """kk lacks "государственный налог": one word sure (1.0), one not (0.7), side by side."""
    drifted = unit(0, {"kk": "Ол алым төлейді.", "ru": "Он платит государственный налог и сбор."})
    findings = GapCheck(gap_lexicon()).run([drifted])
    assert [(f.details["lang"], f.details["kind"]) for f in findings] == [("kk", "dropped")]
    assert findings[0].spans[0].text == "государственный налог"


def test_missing_words_apart_are_no_dropped_phrase():
    """ "пошлина" (0.7) and "налог" (1.0) are missing, but "сбор", which kk renders, stands
    between them: words rendered freely here and there, not a phrase cut out."""
    drifted = unit(0, {"kk": "Ол алым төлейді.", "ru": "Пошлина, сбор и налог платит он."})
    assert GapCheck(gap_lexicon()).run([drifted]) == []


def habit() -> list:
    """Ten units where ru "налог" is rendered "салық", and the background."""
    tax = {"kk": "Мемлекеттік салық алынады.", "ru": "Государственный налог взимается."}
    return [*background(), *(unit(10 + i, tax) for i in range(10))]


def test_uniformity_leaves_a_word_that_intrudes_to_the_replaced_check():
    """ru "налог" stands where it never stands: ru brought it in, kk is not inconsistent."""
    assert (
        named(UniformityCheck, habit(), "Цифрлық квота береді.", "Цифровой налог выдается.") == []
    )


def test_uniformity_names_a_usual_word_rendered_otherwise():
    kk, ru = "Мемлекеттік квота алынады.", "Государственный налог взимается."
    assert named(UniformityCheck, habit(), kk, ru) == [(99, "kk", "квота")]


def test_a_replaced_word_beside_a_second_lack_is_still_named():
    """kk also lacks "цифровой" here: two concepts, still a word put in another's place, and
    ru, whose words stand where they never stand, is at fault."""
    drifted = unit(9, {"kk": "Квота береді.", "ru": "Цифровой налог выдается."})
    units = GroupUnits([*background(), drifted])
    findings = ReplacedWordCheck(lexicon()).run(units)
    assert [(f.unit, f.details["lang"]) for f in findings] == [(9, "ru")]
    assert findings[0].details["word"] in {"Цифровой", "налог"}


def test_a_word_said_twice_lacks_its_counterpart_when_it_is_said_once():
    said_twice = {"kk": "Салық алынады.", "ru": "Налог взимается, налог государственный."}
    evidence = unit_evidence(lexicon(), unit(0, said_twice), ["kk", "ru"], LANGS)
    assert [lack.words[0].token.word for lack in evidence.lacks["kk"]] == [
        "налог",
        "государственный",
    ]
    both = {"kk": "Салық алынады, салық мемлекеттік.", "ru": said_twice["ru"]}
    assert unit_evidence(lexicon(), unit(0, both), ["kk", "ru"], LANGS).lacks["kk"] == ()


def test_a_sure_missing_word_among_words_nothing_accounts_for_is_a_dropped_phrase():
    """kk lacks "налог, взимаемый повсеместно ежегодно": one word known, three unknown, side by
    side; two unknown are not enough."""
    ru = "Он платит налог, взимаемый повсеместно ежегодно, и сбор."
    drifted = unit(0, {"kk": "Ол алым төлейді.", "ru": ru})
    findings = GapCheck(gap_lexicon()).run([drifted])
    assert [(f.details["lang"], f.details["kind"]) for f in findings] == [("kk", "dropped")]
    assert findings[0].spans[0].text == "налог, взимаемый повсеместно ежегодно"
    shorter = unit(0, {"kk": "Ол алым төлейді.", "ru": ru.replace(" ежегодно", "")})
    assert GapCheck(gap_lexicon()).run([shorter]) == []
