"""The omission check: passages with no counterpart, and clauses one version drops or adds.

The units are hand-written for these tests (the faithful ones shared with test_check_meaning):
short trilingual sentences in the style of a migration-policy text. Uses the real default model.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_check_meaning import FAITHFUL, assert_spans_point_into, group

from compare.align import align_documents
from compare.checks import leaveout
from compare.checks.base import UnitText
from compare.checks.omission import OmissionCheck
from compare.checks.run import unit_texts
from compare.checks.similarity import text_of
from compare.corpus import load_corpus
from compare.embed import load_encoder

FRONT = Path(__file__).resolve().parent.parent / "documents" / "kaliaskarova-2022"

# Only ru opens with "As is known,".
ADDED = (
    "Brain drain remains a serious problem for the economy.",
    "Как известно, утечка умов остаётся серьёзной проблемой для экономики.",
    "Ақыл-ойдың ағуы экономика үшін күрделі мәселе болып қала береді.",
)

# ru keeps only the first words of a sentence that has no commas to cut it at.
SHORTENED = (
    "The ministry will open new language courses for returning ethnic Kazakhs in every northern "
    "region next year.",
    "Министерство откроет новые языковые курсы.",
    "Министрлік келесі жылы әрбір солтүстік өңірде оралған этникалық қазақтарға арналған жаңа тіл "
    "курстарын ашады.",
)


@pytest.fixture(scope="module")
def check() -> OmissionCheck:
    return OmissionCheck(load_encoder())


def test_faithful_units_are_not_flagged(check) -> None:
    assert check.run(group(FAITHFUL)) == []


def test_an_added_clause_is_flagged_with_its_span(check) -> None:
    units = group([*FAITHFUL[:4], ADDED, *FAITHFUL[4:]])
    [finding] = check.run(units)
    assert finding.check == "omission"
    assert finding.unit == 4
    assert finding.details["kind"] == "addition"
    assert finding.details["lang"] == "ru"
    assert [(s.lang, s.text) for s in finding.spans] == [("ru", "Как известно")]
    assert finding.message == "ru adds 'Как известно', which en and kk do not have."
    assert_spans_point_into(finding, units)


def test_a_stretch_dropped_from_a_sentence_without_commas_is_found(check) -> None:
    units = group([*FAITHFUL[:4], SHORTENED, *FAITHFUL[4:]])
    [finding] = check.run(units)
    assert (finding.unit, finding.severity) == (4, "major")
    assert (finding.details["kind"], finding.details["lang"]) == ("omission", "ru")
    assert finding.message == (
        "ru lacks words in or around 'in every northern region next year' (en), "
        "which en and kk have."
    )
    assert_spans_point_into(finding, units)


def test_an_empty_counterpart_is_a_major_omission(check) -> None:
    rows = list(FAITHFUL)
    rows[1] = (rows[1][0], rows[1][1], "")
    units = group(rows)
    [finding] = check.run(units)
    assert finding.unit == 1
    assert finding.severity == "major"
    assert finding.details["lang"] == "kk"
    assert finding.message == "kk has no counterpart for this passage of en and ru."
    assert [s.lang for s in finding.spans] == ["en", "ru"]
    assert_spans_point_into(finding, units)


def test_a_missing_heading_is_minor(check) -> None:
    rows = [("Migration policy", "Миграционная политика", ""), *FAITHFUL]
    [finding] = check.run(group(rows))
    assert (finding.unit, finding.severity) == (0, "minor")


def test_finding_ids_are_stable(check) -> None:
    units = group([*FAITHFUL[:4], ADDED, *FAITHFUL[4:]])
    first = [f.id for f in check.run(units)]
    assert first and first == [f.id for f in OmissionCheck(load_encoder()).run(units)]


def test_a_unit_longer_than_any_link_is_not_cut_into_clauses(check) -> None:
    """A unit the versions disagree on (more passages in one than the aligner links at once)
    gets no clause finding, so its cost does not grow with the square of its length."""
    units = group([*FAITHFUL[:4], ADDED, *FAITHFUL[4:]])
    limit = check.max_passages
    merged = UnitText(4, units[4].texts, {**units[4].passages, "ru": tuple(range(limit + 1))})
    assert check.run([*units[:4], merged, *units[5:]]) == []


def test_the_unit_limit_leaves_the_front_matter_findings_identical(check) -> None:
    """The shipped trilingual front matter: every unit is within the limit, so the findings
    with and without it are the same."""
    corpus = load_corpus([FRONT / f"front.{lang}.txt" for lang in ("kk", "ru", "en")])
    units = unit_texts(align_documents(list(corpus.documents.values()), check.encoder))
    unlimited = OmissionCheck(check.encoder, max_passages=None).run(units)
    assert unlimited and check.run(units) == unlimited


class Recording:
    """The encoder, keeping every text it is asked to embed."""

    def __init__(self, encoder) -> None:
        self.encoder, self.texts = encoder, []

    def encode(self, texts, progress=None):
        self.texts += list(texts)
        return self.encoder.encode(texts, progress)


def test_a_short_document_is_left_out_in_full(check) -> None:
    """Within the leave-out floor the budget changes nothing: the same shortened texts are
    embedded and the same finding made as without a budget."""
    units = group([*FAITHFUL[:4], ADDED, *FAITHFUL[4:]])
    runs = {}
    for budget in (None, check.budget):
        recording = Recording(check.encoder)
        runs[budget] = (OmissionCheck(recording, budget=budget).run(units), recording.texts)
    assert runs[None][0] and runs[None] == runs[check.budget]


def test_over_its_budget_the_leaveout_keeps_the_unit_the_length_points_at(
    check, monkeypatch
) -> None:
    """A document whose leave-out costs more than its budget (the floor lifted so that a small
    one does): the unit whose ru is far shorter than the others is still left out and its
    dropped words found, while fewer shortened texts are embedded."""
    monkeypatch.setattr(leaveout, "LEAVEOUT_FLOOR", 0)
    units = group([*FAITHFUL[:4], SHORTENED, *FAITHFUL[4:]])
    full, tight = Recording(check.encoder), Recording(check.encoder)
    expected = OmissionCheck(full, budget=None).run(units)
    found = OmissionCheck(tight, budget=1.0).run(units)
    assert [(f.unit, f.details["lang"]) for f in found] == [(4, "ru")]
    # The same finding; its score is read against the sample and so differs.
    assert [(f.severity, f.message) for f in found] == [(f.severity, f.message) for f in expected]
    assert len(tight.texts) < len(full.texts)
    skipped = set(full.texts) - set(tight.texts)
    assert skipped and not any(text_of(units[4], "ru")[:20] in t for t in skipped)
