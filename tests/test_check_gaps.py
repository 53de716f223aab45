"""The gap check's rules against free renderings, on kk/ru units of an invented law in the
adilet.zan.kz layout (tests/law_units.py), with the lexicon learned from them and from the
hand-written units of tests/lexicon_units.py, as in a run."""

from law_units import units as law_units
from lexicon_units import bilingual_units

from compare.checks.context import GroupUnits
from compare.checks.gaps import GapCheck
from compare.lexicon.learn import learn, unit_bags


def flagged(rows) -> list[tuple[int, str]]:
    """(unit, version lacking a phrase) of the gap check's findings on the law `rows` checked
    after the hand-written units."""
    units = GroupUnits([*bilingual_units(first=100), *law_units(rows)])
    return [(f.unit, f.details["lang"]) for f in GapCheck(learn(unit_bags(units))).run(units)]


LIST = [
    ("article 2", "2-бап. Кеңес", "Статья 2. Совет"),
    ("article 2, paragraph 1", "1. Кеңес мынадай:", "1. Совет, школа и больница в случаях:"),
    ("article 2, paragraph 1, sub-point 1)", "1) заң;", "1) закона;"),
    ("article 2, paragraph 1, sub-point 2)", "2) салық мектеп, аурухана.", "2) налога."),
]


def test_a_lead_in_said_at_the_end_of_the_list_is_not_dropped():
    """Kazakh says what the Russian lead-in says ("школа и больница") after the last
    sub-point: neither the lead-in nor the last sub-point lacks a phrase. Without the
    sub-point saying it, the kk lead-in lacks it."""
    assert flagged(LIST) == []
    cut = [*LIST[:3], (LIST[3][0], "2) салық.", "2) налога.")]
    assert flagged(cut) == [(1, "kk")]


def test_each_version_lacking_a_phrase_of_the_other_is_a_free_rendering():
    """kk and ru each say two concepts the other lacks: no phrase dropped. When ru says three
    kk lacks, kk lacks a phrase beside the free rendering."""
    row = ("article 3, paragraph 1", "1. Заң, мектеп, аурухана.", "1. Закон, правительство, налог.")
    assert flagged([row]) == []
    more = (*row[:2], "1. Закон, правительство, налог, совет.")
    assert flagged([more]) == [(0, "kk")]


def test_a_parenthetical_one_version_lacks_is_a_dropped_phrase():
    """ru says in brackets two words the lexicon does not know; kk has no bracket there: kk
    lacks a phrase. The same words outside brackets, or kk with a parenthetical of its own,
    are no evidence."""
    row = (
        "article 4, paragraph 1",
        "1. Заң мен салық.",
        "1. Закон и налог (директоры, управляющие).",
    )
    assert flagged([row]) == [(0, "kk")]
    loose = (*row[:2], "1. Закон и налог, директоры, управляющие.")
    assert flagged([loose]) == []
    both = (row[0], "1. Заң мен салық (директорлар, басқарушылар).", row[2])
    assert flagged([both]) == []
