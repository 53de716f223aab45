"""The word-alignment check on the real model: word vectors from the encoder (pooled per word,
cached beside the sentence cache, the same from every engine), a clause one version drops found
and named, honest translations left alone, laws and two versions not read; a cold check reads
each text with the model once, and a law keeps no word states.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from compare.checks.base import UnitText
from compare.checks.run import word_alignment
from compare.checks.wordalign import WordAlignCheck, joined_word_vectors, pieces
from compare.corpus import load_corpus
from compare.embed import cache_root, load_encoder
from compare.embed.cache import EmbeddingCache, cache_key
from compare.embed.encoder import WORD_CACHE
from compare.embed.words import pool
from compare.report import build_report
from compare.stem import word_spans

MIGRATION = Path(__file__).parent / "data" / "migration"

# A short news text in three honest translations (one unit per sentence).
NEWS = [
    {
        "en": "The city council approved the new budget for schools and hospitals on Tuesday.",
        "ru": "Городской совет во вторник утвердил новый бюджет для школ и больниц.",
        "kk": "Қалалық кеңес сейсенбі күні мектептер мен ауруханаларға арналған жаңа бюджетті "
        "бекітті.",
    },
    {
        "en": "The mayor said that the money, which comes from a federal grant, will be spent on "
        "repairs.",
        "ru": "Мэр сказал, что деньги, которые поступят из федерального гранта, будут потрачены "
        "на ремонт.",
        "kk": "Әкімнің айтуынша, федералдық гранттан түсетін қаржы жөндеу жұмыстарына жұмсалады.",
    },
    {
        "en": "Local residents welcomed the decision, although some asked for more parks.",
        "ru": "Местные жители приветствовали это решение, хотя некоторые просили больше парков.",
        "kk": "Жергілікті тұрғындар бұл шешімді құптады, алайда кейбіреулер саябақтарды "
        "көбейтуді сұрады.",
    },
    {
        "en": "Construction work will begin in the spring and should be finished by the end of "
        "next year.",
        "ru": "Строительные работы начнутся весной и должны завершиться к концу следующего года.",
        "kk": "Құрылыс жұмыстары көктемде басталып, келесі жылдың соңына дейін аяқталуы тиіс.",
    },
    {
        "en": "The council will publish a detailed report on its website next month.",
        "ru": "Совет опубликует подробный отчёт на своём сайте в следующем месяце.",
        "kk": "Кеңес келесі айда өз сайтында толық есеп жариялайды.",
    },
]
DROPPED = "Мэр сказал, что деньги будут потрачены на ремонт."  # "from a federal grant" left out


def units(texts: list[dict[str, str]], paths: bool = False) -> list[UnitText]:
    return [
        UnitText(
            i,
            t,
            {k: (i,) for k in t},
            paths={k: (f"article {i + 1}",) for k in t} if paths else {},
        )
        for i, t in enumerate(texts)
    ]


def test_word_vectors_are_one_unit_row_per_word_and_cached(encoder):
    texts = [NEWS[0]["kk"], "Ол келді.", ""]
    first = encoder.word_vectors(texts)
    assert [len(v) for v in first] == [len(word_spans(t)) for t in texts]
    assert np.allclose(np.linalg.norm(first[0], axis=1), 1.0, atol=1e-2)
    assert (encoder.cache.path.parent / WORD_CACHE).is_file()
    again = encoder.word_vectors(texts)
    assert all(np.array_equal(a, b) for a, b in zip(first, again, strict=True))


def test_a_text_longer_than_the_window_has_a_vector_for_every_word(encoder):
    text = " ".join([NEWS[1]["en"]] * 40)  # about 800 tokens: two windows
    assert len(encoder._window_spans(text)) >= 2
    (words,) = encoder.word_vectors([text])
    assert len(words) == len(word_spans(text))
    assert np.allclose(np.linalg.norm(words, axis=1), 1.0, atol=1e-2)


def test_the_word_pass_caches_sentence_vectors_where_the_engine_gives_them(encoder):
    text = "Жаңа мектеп қыркүйекте ашылады."
    encoder.word_vectors([text])
    key = cache_key(encoder.info.identity, encoder.info.prompt, text)
    cached = encoder.cache.get_many([key])
    if not hasattr(encoder.model, "token_states"):
        pytest.skip("this engine's word states come from a pass of their own")
    fresh = load_encoder(use_cache=False).encode([text])[0]
    assert float(cached[key] @ fresh) >= 0.9999


def test_every_engine_gives_the_same_word_vectors(encoder):
    torch_encoder = load_encoder(backend="torch")
    for ours, theirs in zip(
        encoder.word_vectors([NEWS[1]["ru"]]),
        torch_encoder.word_vectors([NEWS[1]["ru"]]),
        strict=True,
    ):
        assert (ours * theirs).sum(axis=1).min() >= 0.99


def test_pooling_averages_subwords_and_leaves_uncovered_words_empty():
    text = "alpha beta gamma"
    offsets = np.array([[0, 0], [0, 3], [3, 5], [6, 10]])  # a special token, alpha in two
    states = np.array([[9.0, 9.0], [1.0, 0.0], [0.0, 1.0], [0.0, 2.0]])
    words = pool(text, offsets, states)
    assert np.allclose(words[0], [2**-0.5, 2**-0.5])
    assert np.allclose(words[1], [0.0, 1.0])
    assert not words[2].any()  # gamma: past the window


def test_honest_translations_get_no_finding(encoder):
    assert WordAlignCheck(encoder).run(units(NEWS)) == []


def test_a_dropped_clause_is_found_and_its_version_named(encoder):
    texts = [dict(t) for t in NEWS]
    texts[1]["ru"] = DROPPED
    findings = WordAlignCheck(encoder).run(units(texts))
    assert [(f.unit, f.fault, f.severity) for f in findings] == [(1, "ru", "minor")]
    words = " ".join(findings[0].details["words"])
    assert "federal" in words or "федерал" in words
    assert findings[0].spans[0].lang in {"en", "kk"}


def test_laws_and_two_versions_are_not_read(encoder):
    texts = [dict(t) for t in NEWS]
    texts[1]["ru"] = DROPPED
    assert WordAlignCheck(encoder).run(units(texts, paths=True)) == []
    two = [{k: t[k] for k in ("en", "ru")} for t in texts]
    assert WordAlignCheck(encoder).run(units(two)) == []
    assert word_alignment({"en": "en", "ru": "ru"}, encoder) == []
    assert word_alignment({"en": "en", "ru": "ru", "kk": "kk"}, object()) == []
    assert len(word_alignment({"en": "en", "ru": "ru", "kk": "kk"}, encoder)) == 1


def test_a_unit_of_two_passages_has_their_words_in_order(encoder):
    first, second = NEWS[0]["ru"], NEWS[1]["ru"]
    unit = UnitText(
        0, {"ru": f"{first} {second}"}, {"ru": (0, 1)}, passage_texts={"ru": (first, second)}
    )
    assert pieces(unit, "ru") == (first, second)
    (words,) = joined_word_vectors(encoder, [pieces(unit, "ru")])
    alone = encoder.word_vectors([first, second])
    assert len(words) == len(word_spans(unit.texts["ru"]))
    assert np.array_equal(words, np.concatenate(alone))
    changed = UnitText(0, {"ru": DROPPED}, {"ru": (0, 1)}, passage_texts={"ru": (first, second)})
    assert pieces(changed, "ru") == (DROPPED,)  # drift put in after alignment: read whole


def cold_encoder(folder: Path):
    """The default model with a cache of its own (empty), its engine's passes counted: every
    text given to the model, by the pass that read it."""
    folder.mkdir()
    (folder / "models").symlink_to(cache_root() / "models", target_is_directory=True)
    encoder = load_encoder(cache_dir=folder)
    read: Counter[tuple[str, str]] = Counter()
    for name in ("encode", "token_states"):
        if hasattr(encoder.model, name):
            real = getattr(encoder.model, name)

            def counted(texts, *args, _real=real, _name=name, **options):
                read.update((_name, t) for t in texts)
                return _real(texts, *args, **options)

            setattr(encoder.model, name, counted)
    return encoder, read


def write_versions(folder: Path, stem: str, texts: dict[str, list[str]]) -> list[Path]:
    paths = []
    for lang, paragraphs in texts.items():
        paths.append(folder / f"{stem}.{lang}.txt")
        paths[-1].write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return paths


def test_a_cold_three_language_check_reads_each_text_with_the_model_once(tmp_path):
    encoder, read = cold_encoder(tmp_path / "cache")
    if not hasattr(encoder.model, "token_states"):
        pytest.skip("this engine's word states come from a pass of their own")
    texts = {lang: [t[lang] for t in NEWS] for lang in ("kk", "ru", "en")}
    texts["ru"][1:2] = [
        "Мэр сказал, что деньги поступят из федерального гранта.",
        "Они будут потрачены на ремонт.",
    ]
    (tmp_path / "news").mkdir()
    report = build_report(
        load_corpus(write_versions(tmp_path / "news", "news", texts)), encoder, timelines=False
    )
    assert "wordalign" in report.data.signature  # the check ran
    assert read, "the run embedded its texts"
    assert max(Counter(t for _, t in read).values()) == 1  # no text read twice
    kept = {t for name, t in read if name == "token_states"}
    assert {*texts["ru"][1:3], NEWS[1]["en"], NEWS[1]["kk"]} <= kept  # the alignment's pass
    assert len(EmbeddingCache(tmp_path / "cache" / WORD_CACHE)) == len(kept)


def test_a_kk_ru_law_keeps_no_word_states(tmp_path):
    encoder, read = cold_encoder(tmp_path / "cache")
    build_report(
        load_corpus([MIGRATION / "law.v1.kk.txt", MIGRATION / "law.v1.ru.txt"]),
        encoder,
        timelines=False,
    )
    assert read and all(name == "encode" for name, _ in read)
    assert not (tmp_path / "cache" / WORD_CACHE).exists()
