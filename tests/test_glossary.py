"""Glossary model, TBX and CSV in/out, and glossaries derived from keyword lists.

All glossaries here are small hand-written fixtures.
"""

import pytest
from lxml import etree

from compare.errors import InputError
from compare.glossary import Concept, Glossary, Term, glossary_from_keywords, normalise_lang
from compare.writers.termbase import save_glossary


def _sample() -> Glossary:
    return Glossary(
        [
            Concept(
                "c1",
                {
                    "en": [Term("water resources", "en"), Term("water supply", "en", "admitted")],
                    "kk": [Term("су ресурстары", "kk", note="заң тілі")],
                    "ru": [
                        Term("водные ресурсы", "ru"),
                        Term("водный запас", "ru", "deprecated"),
                    ],
                },
            ),
            Concept("c2", {"en": [Term("returnee", "en")], "kk": [Term("қандас", "kk")]}),
        ]
    )


def _plain(glossary: Glossary, notes: bool = True) -> list:
    return [
        (
            c.id,
            {
                lang: [(t.text, t.status, t.note if notes else "") for t in ts]
                for lang, ts in c.terms.items()
            },
        )
        for c in glossary.concepts
    ]


def test_tbx_round_trip(tmp_path):
    path = tmp_path / "g.tbx"
    save_glossary(_sample(), path)
    assert _plain(Glossary.load(path)) == _plain(_sample())
    root = etree.parse(str(path)).getroot()
    assert etree.QName(root).localname == "tbx" and root.get("type") == "TBX-Basic"
    assert path.read_bytes().startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    assert "су ресурстары" in path.read_text(encoding="utf-8")


def test_reads_tbx_2008_martif(tmp_path):
    path = tmp_path / "old.tbx"
    path.write_text(
        """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en"><text><body>
  <termEntry id="e7">
    <langSet xml:lang="ru-RU">
      <tig><term>возвращенец</term>
        <termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></tig>
      <tig><term>репатриант</term></tig>
    </langSet>
    <langSet xml:lang="en"><tig><term>returnee</term></tig></langSet>
  </termEntry>
</body></text></martif>""",
        encoding="utf-8",
    )
    (concept,) = Glossary.load(path).concepts
    assert concept.id == "e7"
    assert [t.text for t in concept.deprecated("ru")] == ["возвращенец"]
    assert concept.preferred("ru").text == "репатриант"
    assert concept.preferred("en").text == "returnee"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("<tbx><text><body><conceptEntry>", "not well-formed XML"),
        ("<glossary/>", "root element is <glossary>"),
        (
            '<tbx><text><body><conceptEntry id="a"><langSec xml:lang="de">'
            "<termSec><term>x</term></termSec></langSec></conceptEntry></body></text></tbx>",
            "unknown language 'de'",
        ),
        (
            '<tbx><text><body><conceptEntry id="a"><langSec xml:lang="en"><termSec><term>x</term>'
            '<termNote type="administrativeStatus">maybe</termNote></termSec></langSec>'
            "</conceptEntry></body></text></tbx>",
            "unknown administrativeStatus 'maybe'",
        ),
    ],
)
def test_bad_tbx(tmp_path, content, problem):
    path = tmp_path / "bad.tbx"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        Glossary.load(path)
    assert problem in caught.value.problem
    assert caught.value.path == path
    assert "\n" not in str(caught.value)


def test_csv_round_trip(tmp_path):
    path = tmp_path / "g.csv"
    save_glossary(_sample(), path)
    assert _plain(Glossary.load(path)) == _plain(_sample(), notes=False)
    assert "водные ресурсы|!водный запас" in path.read_text(encoding="utf-8")


def test_csv_markers_and_column_order(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text("RU,en\nрепатриант|!возвращенец,returnee|~repatriate\n", encoding="utf-8")
    (concept,) = Glossary.load(path).concepts
    assert concept.id == "c1"
    assert [(t.text, t.status) for t in concept.terms["ru"]] == [
        ("репатриант", "preferred"),
        ("возвращенец", "deprecated"),
    ]
    assert [t.text for t in concept.accepted("en")] == ["returnee", "repatriate"]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("", "empty file"),
        ("id\nc1\n", "no language columns"),
        ("en,de\nwater,Wasser\n", "unknown language column 'de'"),
        ("en,kk\nwater,су,extra\n", "line 2 has 3 cells"),
        ("id,en\na,water\na,river\n", "concept id 'a' occurs twice"),
    ],
)
def test_bad_csv(tmp_path, content, problem):
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=problem):
        Glossary.load(path)


def test_unknown_format(tmp_path):
    with pytest.raises(InputError, match="unknown glossary format"):
        Glossary.load(tmp_path / "g.json")


def test_language_tags():
    assert [normalise_lang(c) for c in ("kk-KZ", "RU", "eng", "de")] == ["kk", "ru", "en", None]


def test_keywords_of_equal_length_align_by_position():
    glossary = glossary_from_keywords(
        {
            "en": ["water resources", "returnee"],
            "kk": ["су ресурстары", "қандас"],
            "ru": ["водные ресурсы", "репатриант"],
        }
    )
    assert [c.preferred("kk").text for c in glossary.concepts] == ["су ресурстары", "қандас"]
    assert glossary.concepts[1].preferred("ru").text == "репатриант"
    assert glossary.notes == []


def test_keywords_of_unequal_length_align_only_the_matching_lists():
    glossary = glossary_from_keywords(
        {"en": ["water", "land"], "ru": ["вода", "земля"], "kk": ["су", "жер", "орман"]}
    )
    aligned = [c for c in glossary.concepts if len(c.terms) > 1]
    assert [sorted(c.terms) for c in aligned] == [["en", "ru"], ["en", "ru"]]
    assert sum(1 for c in glossary.concepts if list(c.terms) == ["kk"]) == 3
    assert "kk keywords not aligned" in glossary.notes[0]


def test_merge_joins_concepts_sharing_an_inflected_term():
    first = Glossary([Concept("a", {"ru": [Term("водные ресурсы", "ru")]})])
    second = Glossary(
        [
            Concept(
                "a",
                {"ru": [Term("водных ресурсов", "ru", "deprecated")], "kk": [Term("су", "kk")]},
            ),
            Concept("a", {"en": [Term("land", "en")]}),
        ]
    )
    merged = first.merge(second)
    assert [c.id for c in merged.concepts] == ["a", "a.2"]
    assert [(t.text, t.status) for t in merged.concepts[0].terms["ru"]] == [
        ("водные ресурсы", "preferred")
    ]
    assert merged.concepts[0].preferred("kk").text == "су"
    assert first.concepts[0].terms.keys() == {"ru"}
