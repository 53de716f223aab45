"""The terms and consistency checks on small hand-written trilingual units."""

from compare.checks.base import UnitText
from compare.checks.consistency import GUESSED, ConsistencyCheck, renderings_in
from compare.checks.terms import TermsCheck
from compare.glossary import Concept, Glossary, Term

URBANISATION = Concept(
    "u1",
    {
        "en": [Term("urbanisation", "en"), Term("urban growth", "en", "admitted")],
        "kk": [Term("қалалану", "kk")],
        "ru": [Term("урбанизация", "ru"), Term("огорождение", "ru", "deprecated")],
    },
)
GLOSSARY = Glossary([URBANISATION])


def _unit(n: int, **texts: str) -> UnitText:
    return UnitText(n, texts, {lang: (n,) for lang in texts})


def _terms(*units: UnitText):
    return TermsCheck(GLOSSARY).run(list(units))


def test_missing_equivalent_is_flagged_with_the_glossary_term():
    (finding,) = _terms(
        _unit(
            4,
            en="Urbanisation is fast.",
            kk="Қалалар тез өсуде.",
            ru="Урбанизация идёт быстро.",
        )
    )
    assert finding.check == "terms" and finding.severity == "major"
    assert finding.unit == 4 and finding.langs == ("en", "ru", "kk")
    assert finding.fault == "kk"  # the version to fix; en and ru are the reference
    assert finding.suggestion == "қалалану"
    assert [(s.lang, s.text) for s in finding.spans] == [
        ("en", "Urbanisation"),
        ("ru", "Урбанизация"),
    ]
    assert "kk has none of 'қалалану'" in finding.message
    assert 0.5 < finding.confidence < 1


def test_inflected_equivalents_raise_nothing():
    unit = _unit(
        0,
        en="The pace of urbanisation is high.",
        kk="Қалаланудың қарқыны жоғары.",
        ru="Темпы урбанизации высоки.",
    )
    assert _terms(unit) == []


def test_empty_language_is_left_to_the_omission_check():
    assert _terms(_unit(0, en="Urbanisation is fast.", kk="", ru="Урбанизация идёт.")) == []


def test_admitted_source_term_gives_a_minor_finding():
    (finding,) = _terms(_unit(0, en="Urban growth is fast.", ru="Города растут."))
    assert finding.severity == "minor" and finding.suggestion == "урбанизация"


def test_deprecated_term_is_flagged_with_the_preferred_one():
    (finding,) = _terms(_unit(0, en="Urbanisation is fast.", ru="Огорождение идёт быстро."))
    assert finding.severity == "major" and finding.suggestion == "урбанизация"
    assert finding.fault == "ru"
    assert [(s.lang, s.text) for s in finding.spans] == [
        ("en", "Urbanisation"),
        ("ru", "Огорождение"),
    ]


def test_cognate_rendering_is_named_and_pointed_at():
    (finding,) = _terms(
        _unit(0, en="Urbanisation is fast.", kk="Урбанизацияның қарқыны жоғары.", ru="")
    )
    assert finding.langs == ("en", "kk")
    assert "seems to render it as 'Урбанизацияның'" in finding.message
    assert finding.spans[-1].lang == "kk" and finding.spans[-1].text == "Урбанизацияның"


def test_fuzzy_source_match_is_less_sure():
    sure = _terms(_unit(0, en="Urbanisation is fast.", ru="Города растут."))[0]
    typo = _terms(_unit(0, en="Urbanisaton is fast.", ru="Города растут."))[0]
    assert typo.confidence < sure.confidence


def test_ids_are_made_of_text_not_of_places():
    unit = _unit(3, en="Urbanisation is fast.", kk="Қалалар өсуде.")
    first, again = _terms(unit)[0], _terms(unit)[0]
    moved = _terms(_unit(4, en="Urbanisation is fast.", kk="Қалалар өсуде."))[0]
    other = _terms(_unit(3, en="Urbanisation is fast.", ru="Города растут."))[0]
    assert first.id == again.id == moved.id and first.id.startswith("term-")
    assert first.id != other.id


E_GOVERNMENT = Concept(
    "g1",
    {
        "en": [Term("e-government", "en"), Term("electronic government", "en", "admitted")],
        "ru": [Term("электронное правительство", "ru")],
    },
)


def _consistency(glossary: Glossary, *units: UnitText):
    return ConsistencyCheck(glossary).run(list(units))


def test_two_glossary_variants_in_one_language():
    (finding,) = _consistency(
        Glossary([E_GOVERNMENT]),
        _unit(0, en="E-government portal."),
        _unit(1, en="Services of e-government."),
        _unit(2, en="Electronic government grows."),
    )
    assert finding.check == "consistency" and finding.langs == ("en",)
    assert finding.fault == "en"
    assert finding.unit == 2 and finding.spans[0].text == "Electronic government"
    assert finding.details["renderings"] == {"e-government": [0, 1], "electronic government": [2]}
    assert finding.suggestion == "e-government"


def test_one_variant_in_several_inflections_is_consistent():
    units = [
        _unit(0, ru="Электронное правительство."),
        _unit(1, ru="Услуги электронного правительства."),
    ]
    assert _consistency(Glossary([E_GOVERNMENT]), *units) == []


def test_same_source_term_rendered_two_ways():
    (finding,) = _consistency(
        GLOSSARY,
        _unit(0, ru="Урбанизация идёт.", kk="Урбанизация жүріп жатыр."),
        _unit(1, ru="Темпы урбанизации.", kk="Қалалану қарқыны."),
        _unit(2, ru="Урбанизация и рост.", kk="Қалалану және өсу."),
    )
    assert finding.langs == ("kk",) and finding.unit == 0
    assert "ru has 'урбанизация' throughout" in finding.message
    assert finding.details["renderings"] == {"Урбанизация": [0], "қалалану": [1, 2]}
    assert finding.confidence < 0.8


def test_renderings_in_reports_terms_with_status_and_cognates_only_when_named_elsewhere():
    text = "Урбанизацияның қарқыны жоғары."
    assert renderings_in(URBANISATION, "kk", text, named_elsewhere=False) == []
    (seen,) = renderings_in(URBANISATION, "kk", text, named_elsewhere=True)
    assert (seen.label, seen.status) == ("Урбанизацияның", GUESSED)
    (term,) = renderings_in(URBANISATION, "ru", "Огорождение идёт.", named_elsewhere=True)
    assert (term.label, term.status, term.span.text) == ("огорождение", "deprecated", "Огорождение")
