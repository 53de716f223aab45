"""The ONNX Runtime engines: built from the float model into a temporary cache, their vectors
the float model's (float) or close to them (int8), each its own identity, and no torch where no
vector is needed.

The float model is copied from the user cache when it is built there (else built here); the
ONNX models are built from it in this module's own cache folder, so the builds are tested too.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from test_embed_robust import built_model, copy_model  # noqa: F401  (a fixture and its helper)

from compare.embed import load_encoder
from compare.embed.build import BUILD_INFO, model_is_complete
from compare.embed.encoder import model_info
from compare.embed.onnx_model import ONNX_FP32, ONNX_INT8, RUN_BATCH, onnx_model_dir
from compare.errors import TilmashError

ROOT = Path(__file__).resolve().parent.parent
SENTENCES = [
    "Қазақстан тәуелсіздік алған сәттен бастап әлем елдерімен еркін қарым-қатынас орнатты.",
    "Көші-қон саясатының тұжырымдамасы 2017 жылы қабылданды.",
    "С момента обретения независимости Казахстан свободно взаимодействовал со странами мира.",
    "Концепция миграционной политики была принята в 2017 году.",
    "Since independence, Kazakhstan has freely engaged with the countries of the world.",
    "The migration policy concept was adopted in 2017.",
]


@pytest.fixture(scope="module")
def cache(built_model, tmp_path_factory) -> Path:  # noqa: F811
    folder = tmp_path_factory.mktemp("onnx-cache")
    copy_model(built_model, folder)
    return folder


@pytest.fixture(scope="module")
def onnx_encoder(cache):
    messages: list[str] = []
    enc = load_encoder(cache_dir=cache, backend=ONNX_INT8, announce=messages.append)
    assert any(f"for ONNX Runtime ({ONNX_INT8})" in m for m in messages), messages
    return enc


@pytest.fixture(scope="module")
def float_onnx_encoder(cache):
    return load_encoder(cache_dir=cache, backend=ONNX_FP32)


@pytest.mark.parametrize("backend", [ONNX_INT8, ONNX_FP32])
def test_onnx_model_is_built_complete_and_recorded(
    onnx_encoder, float_onnx_encoder, cache, backend
):
    folder = onnx_model_dir(cache, backend)
    assert model_is_complete(folder)
    record = json.loads((folder / BUILD_INFO).read_text(encoding="utf-8"))
    assert record["backend"] == backend
    assert not list(folder.parent.glob(".building-*"))
    assert {p.name for p in folder.iterdir()} == {BUILD_INFO, "model.onnx", "tokenizer.json"}


def test_onnx_vectors_agree_with_the_float_model(onnx_encoder, float_onnx_encoder, cache):
    float_encoder = load_encoder(cache_dir=cache, backend="torch")
    theirs = float_encoder.encode(SENTENCES)
    same = (float_onnx_encoder.encode(SENTENCES) * theirs).sum(axis=1)
    assert same.min() >= 0.9999, same
    ours = onnx_encoder.encode(SENTENCES)
    cosines = (ours * theirs).sum(axis=1)
    assert np.median(cosines) >= 0.99, cosines
    assert cosines.min() >= 0.98, cosines
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    kk, _, ru, _, en, _ = ours
    assert kk @ ru > 0.8 and kk @ en > 0.8


def test_each_engine_is_its_own_model(onnx_encoder, float_onnx_encoder, cache):
    float_encoder = load_encoder(cache_dir=cache, backend="torch")
    engines = (onnx_encoder, float_onnx_encoder, float_encoder)
    assert len({e.info.identity for e in engines}) == 3
    assert onnx_encoder.info.name == "multilingual-e5-small (onnx-int8)"
    assert float_onnx_encoder.info.name == "multilingual-e5-small (onnx)"
    assert {e.info.prompt for e in engines} == {"query: "}


def test_rows_come_back_in_input_order_from_length_sorted_batches(onnx_encoder, monkeypatch):
    texts = [("слово " * n).strip() + f" {n}" for n in (3, 40, 1, 25, 7, 60, 2)]
    texts += [f"Сөйлем {i}: " + "сөз " * (i % 9) for i in range(130)]
    batches: list[list[str]] = []

    def by_text(windows, **kwargs):
        batches.append(list(windows))
        rows = np.zeros((len(windows), onnx_encoder.dim), np.float32)
        for row, window in enumerate(windows):
            rows[row, hash(window) % onnx_encoder.dim] = 1.0
        return rows

    monkeypatch.setattr(onnx_encoder.model, "encode", by_text)
    monkeypatch.setattr(onnx_encoder, "cache", None)
    vectors = onnx_encoder.encode(texts)
    for text, vector in zip(texts, vectors, strict=True):
        assert vector[hash(text) % onnx_encoder.dim] == pytest.approx(1.0)
    tokens = [len(onnx_encoder.model.tokenizer.tokenize(t)) for b in batches for t in b]
    assert tokens == sorted(tokens, reverse=True)  # the longest first, across all batches


def test_onnx_runtime_runs_at_most_run_batch_texts_at_once(onnx_encoder, monkeypatch):
    session = onnx_encoder.model._session()
    widths: list[int] = []

    class Recording:
        def run(self, outputs, feeds):
            widths.append(len(feeds["input_ids"]))
            return session.run(outputs, feeds)

    monkeypatch.setattr(onnx_encoder.model, "_session", Recording)
    texts = [f"Сөйлем {i}: " + "сөз " * (i % 7) for i in range(3 * RUN_BATCH + 5)]
    vectors = onnx_encoder.model.encode(texts, prompt="query: ", batch_size=64)
    assert widths == [RUN_BATCH] * 3 + [5]
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_the_recipe_is_part_of_the_identity(onnx_encoder, cache, tmp_path):
    folder = onnx_model_dir(cache, ONNX_INT8)
    record = json.loads((folder / BUILD_INFO).read_text(encoding="utf-8"))
    other = tmp_path / "other-recipe"
    other.mkdir()
    (other / BUILD_INFO).write_text(json.dumps({**record, "recipe": "v0"}), encoding="utf-8")
    assert f" {record['recipe']}@sha256:" in onnx_encoder.info.identity
    assert model_info(onnx_encoder.model, str(other)).identity != onnx_encoder.info.identity


def test_the_onnx_engine_runs_without_torch(onnx_encoder, cache):
    code = (
        "import sys\n"
        "from compare.embed import load_encoder\n"
        f"enc = load_encoder(cache_dir={str(cache)!r}, backend='onnx-int8', use_cache=False)\n"
        "assert enc.encode(['Сәлем, әлем!']).shape == (1, 384)\n"
        "print('torch' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip() == "False"


def test_corpus_command_loads_no_model_engine():
    code = (
        "import sys\n"
        "from compare.cli import app\n"
        "try:\n"
        f"    app(['corpus', {str(ROOT / 'documents')!r}])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in ('torch', 'onnxruntime', 'transformers') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_unknown_backend_and_backend_with_a_named_model_are_clear_errors(cache):
    with pytest.raises(TilmashError, match="backend 'gpu': unknown"):
        load_encoder(cache_dir=cache, backend="gpu")
    with pytest.raises(TilmashError, match="runs the default model only"):
        load_encoder(model="/some/model", cache_dir=cache, backend="onnx-int8")
