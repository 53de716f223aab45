"""Cutting sentences into the pieces that the drift checks leave out in turn.

The sentences are hand-written for these tests, in the style of a migration-policy text.
"""

from __future__ import annotations

from compare.checks.base import UnitText
from compare.checks.leaveout import pieces_of
from compare.checks.phrases import clauses, runs, without

PLAIN = "Labour migrants from neighbouring countries work mainly in construction and agriculture."
RU = "Как известно, трудовые мигранты из соседних стран работают в основном в строительстве."


def texts(text: str, cut: list[tuple[int, int]]) -> list[str]:
    return [text[s:e] for s, e in cut]


def test_clauses_lie_between_commas_without_edge_punctuation() -> None:
    assert texts(RU, clauses(RU)) == [
        "Как известно",
        "трудовые мигранты из соседних стран работают в основном в строительстве",
    ]


def test_a_lone_word_joins_its_neighbour() -> None:
    text = "Indeed, migrants work in construction."
    assert texts(text, clauses(text)) == ["Indeed, migrants work in construction"]


def test_without_tidies_the_seam_and_capitalises() -> None:
    start, end = clauses(RU)[0]
    assert without(RU, start, end).startswith("Трудовые мигранты")
    text = "Migrants (mostly from Uzbekistan) work in construction."
    start = text.index("mostly")
    assert without(text, start, text.index(")")) == "Migrants work in construction."


def test_runs_cut_a_plain_sentence_into_equal_stretches_of_words() -> None:
    assert texts(PLAIN, runs(PLAIN, 3, 8)) == [
        "Labour migrants from neighbouring",
        "countries work mainly",
        "in construction and agriculture",
    ]
    assert runs("Migrants work in construction.", 3, 8) == []


def unit(text: str) -> list[UnitText]:
    return [UnitText(0, {"en": text, "ru": RU}, {"en": (0,), "ru": (0,)})]


def test_pieces_are_clauses_and_runs_only_where_a_sentence_has_no_clause_marks() -> None:
    plain = pieces_of(unit(PLAIN), [0], ["en", "ru"], plain_runs=3)
    assert [(p.span.lang, p.run) for p in plain] == [("en", True)] * 3 + [("ru", False)] * 2
    assert pieces_of(unit(PLAIN), [0], ["en"]) == []  # without runs a plain sentence is whole


def test_pieces_know_their_share_of_the_sentence() -> None:
    assert [round(p.share, 2) for p in pieces_of(unit(PLAIN), [0], ["ru"])] == [0.17, 0.83]
