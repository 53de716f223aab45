"""Term timelines, replacement mining and the cross-language check.

The versions are hand-written test data, not real policy texts: three short releases of a
"concept" in kk and ru, where the Kazakh text replaces a term in release 2 and the Russian text
only in release 3. Uses the real model (built once per machine into the user cache).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

from compare.corpus import build_document
from compare.glossary import Concept, Glossary, Term
from compare.keyphrases import Lexicon, key_phrases
from compare.render_versions import sparkline, timeline_table
from compare.timeline import (
    build_timeline,
    consecutive_diffs,
    cross_language_changes,
    mine_replacements,
    order_versions,
    track_series,
    trend,
)
from compare.writers.versions import cross_language_to_dict, timeline_to_dict

KK = [
    "Көші-қон саясатының тұжырымдамасы қабылданды. Оралмандарды қабылдау квотасы белгіленді. "
    "Оралмандарға тұрғын үй беріледі. Еңбек көші-қоны реттеледі.",
    "Көші-қон саясатының тұжырымдамасы қабылданды. Қандастарды қабылдау квотасы белгіленді. "
    "Қандастарға тұрғын үй беріледі. Еңбек көші-қоны реттеледі.",
    "Көші-қон саясатының жаңа тұжырымдамасы қабылданды. Қандастарды қабылдау квотасы "
    "белгіленді. Қандастарға тұрғын үй беріледі. Еңбек көші-қоны реттеледі. "
    "Шетелдік студенттер тартылады.",
]
RU = [
    "Концепция миграционной политики принята. Установлена квота приема оралманов. "
    "Оралманам предоставляется жилье. Трудовая миграция регулируется.",
    "Концепция миграционной политики принята. Установлена квота приема оралманов. "
    "Оралманам предоставляется жилье. Трудовая миграция регулируется.",
    "Новая концепция миграционной политики принята. Установлена квота приема кандасов. "
    "Кандасам предоставляется жилье. Трудовая миграция регулируется. "
    "Привлекаются иностранные студенты.",
]


def _series(texts: list[str], lang: str):
    return [
        build_document(f"v{i}.{lang}", [(t, None)], declared_lang=lang, version=f"v{i}")
        for i, t in enumerate(texts, 1)
    ]


def _row(timeline, term: str):
    return next(r for r in timeline.terms if r.term == term)


def test_inflected_forms_count_together_in_kazakh_and_russian():
    glossary = Glossary(
        [
            Concept(
                "returnee",
                {
                    "kk": [Term("қандас", "kk"), Term("оралман", "kk", "deprecated")],
                    "ru": [Term("кандас", "ru"), Term("оралман", "ru", "deprecated")],
                },
            )
        ]
    )
    kk = build_timeline(_series(KK, "kk"), glossary)
    assert _row(kk, "оралман").counts == (2, 0, 0)  # Оралмандарды, Оралмандарға
    assert set(_row(kk, "оралман").forms) == {"Оралмандарды", "Оралмандарға"}
    assert _row(kk, "қандас").counts == (0, 2, 2)
    assert (_row(kk, "қандас").trend, _row(kk, "оралман").trend) == ("new", "gone")
    assert _row(kk, "қандас").first == "v2"
    ru = build_timeline(_series(RU, "ru"), glossary)
    assert _row(ru, "оралман").counts == (2, 2, 0)  # оралманов, Оралманам
    assert _row(ru, "кандас").counts == (0, 0, 2)
    assert ru.words == (14, 14, 18)
    assert _row(ru, "кандас").per_10k[2] == round(2 * 10_000 / 18, 2)
    json.dumps(timeline_to_dict(ru))
    assert timeline_table(ru).row_count == len(ru.terms)


def test_lexicon_joins_word_families_and_key_phrases_skip_stop_words():
    lexicon = Lexicon(["Қазақстан және Қазақстанда", "Қазақстанның көші-қон саясаты"], "kk")
    assert lexicon.key("Қазақстан") == lexicon.key("Қазақстанда") == lexicon.key("Қазақстанның")
    texts = ["Migration policy of Kazakhstan.", "The migration policy and the policies."]
    phrases = key_phrases(texts, Lexicon(texts, "en"))
    assert phrases[0].text.lower() == "migration policy" and phrases[0].count == 2
    assert all(p.text not in ("the", "and") for p in phrases)


def test_trend_and_sparkline():
    assert trend((1, 4, 9), (1.0, 4.0, 9.0)) == "rising"
    assert trend((9, 4, 1), (9.0, 4.0, 1.0)) == "falling"
    assert trend((5, 5, 6), (5.0, 5.0, 6.0)) == "stable"
    assert trend((0, 0, 3), (0.0, 0.0, 3.0)) == "new"
    assert trend((0, 3, 0), (0.0, 3.0, 0.0)) == "gone"
    assert sparkline((0.0, 1.0, 2.0)) == " ▅█"


def test_order_versions_by_date():
    a, b = _series(KK[:2], "kk")
    dated = [replace(a, date=dt.date(2017, 1, 1)), replace(b, date=dt.date(2007, 1, 1))]
    assert [d.id for d in order_versions(dated)] == ["v2.kk", "v1.kk"]
    assert [d.id for d in order_versions([a, b])] == ["v1.kk", "v2.kk"]


def test_replacement_mining_keys_by_word_family(encoder):
    replacements = mine_replacements(consecutive_diffs(_series(KK, "kk"), encoder))
    top = replacements[0]
    assert (top.old_key, top.new_key, top.count) == (("оралман",), ("қандас",), 2)
    assert {s.old_version for s in top.swaps} == {"v1"}
    assert len(replacements) == 1  # "жаңа" is an insertion, not a replacement


def test_cross_language_check_sees_the_russian_text_lag_behind(encoder):
    changes = cross_language_changes({"kk": _series(KK, "kk"), "ru": _series(RU, "ru")}, encoder)
    kk = next(c for c in changes if c.lang == "kk")
    assert (kk.old_version, kk.new_version, kk.other) == ("v1", "v2", "ru")
    assert [k.verdict for k in kk.checks] == ["later", "later"]
    assert kk.checks[0].when == "v2 → v3" and "оралманов" in kk.checks[0].other_new
    ru = next(c for c in changes if c.lang == "ru")
    assert (ru.old_version, ru.new_version) == ("v2", "v3")
    assert {k.verdict for k in ru.checks} == {"earlier"}
    json.dumps(cross_language_to_dict(changes))


def test_track_series_gives_what_the_separate_steps_give(encoder):
    by_lang = {"kk": _series(KK, "kk"), "ru": _series(RU, "ru")}
    tracked = track_series("concept", by_lang, None, encoder)
    assert tracked.timelines == tuple(build_timeline(d, None, encoder) for d in by_lang.values())
    assert list(tracked.cross_language) == cross_language_changes(by_lang, encoder)
    # The report's series: the same timelines, no cross-language check made.
    for_report = track_series("concept", by_lang, None, encoder, cross_language=False)
    assert for_report.timelines == tracked.timelines and for_report.cross_language == ()
    # One language, or releases that do not match by position: no cross-language check.
    assert track_series("kk only", {"kk": by_lang["kk"]}, None, encoder).cross_language == ()
    uneven = {"kk": by_lang["kk"], "ru": by_lang["ru"][:2]}
    assert track_series("uneven", uneven, None, encoder).cross_language == ()
