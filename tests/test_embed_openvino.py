"""The OpenVINO engine: built from the float model into a temporary cache, its vectors the
float model's to within bfloat16 rounding, its identity its own and naming the precision it
computes in, and a clear line where OpenVINO is missing.
"""

from __future__ import annotations

import json
import sys

import numpy as np
import pytest
from test_embed_onnx import SENTENCES, cache  # noqa: F401  (a fixture: its own temporary cache)
from test_embed_robust import built_model  # noqa: F401  (the fixture the cache is copied from)

from compare.embed import load_encoder
from compare.embed.build import BUILD_INFO, model_is_complete
from compare.embed.encoder import model_info
from compare.embed.onnx_model import OPENVINO, onnx_model_dir
from compare.errors import TilmashError


@pytest.fixture(scope="module")
def openvino_encoder(cache):  # noqa: F811
    messages: list[str] = []
    enc = load_encoder(cache_dir=cache, backend=OPENVINO, announce=messages.append)
    assert any("for OpenVINO (openvino)" in m for m in messages), messages
    return enc


def test_openvino_model_is_built_complete_and_recorded(openvino_encoder, cache):  # noqa: F811
    folder = onnx_model_dir(cache, OPENVINO)
    assert model_is_complete(folder)
    record = json.loads((folder / BUILD_INFO).read_text(encoding="utf-8"))
    assert (record["backend"], record["recipe"]) == (OPENVINO, "v1")
    assert not list(folder.parent.glob(".building-*"))
    expected = {BUILD_INFO, "model.xml", "model.bin", "tokenizer.json"}
    assert {p.name for p in folder.iterdir()} == expected


def test_openvino_vectors_agree_with_the_float_model(openvino_encoder, cache):  # noqa: F811
    theirs = load_encoder(cache_dir=cache, backend="torch").encode(SENTENCES)
    ours = openvino_encoder.encode(SENTENCES)
    cosines = (ours * theirs).sum(axis=1)
    assert cosines.min() >= 0.9995, cosines
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)


def test_openvino_is_its_own_model_and_names_its_precision(openvino_encoder, cache):  # noqa: F811
    float_encoder = load_encoder(cache_dir=cache, backend="torch")
    assert openvino_encoder.info.name == "multilingual-e5-small (openvino)"
    assert openvino_encoder.info.identity != float_encoder.info.identity
    variant = openvino_encoder.model.variant
    assert variant in {"bf16", "f32"}
    assert f" v1 {variant}@sha256:" in openvino_encoder.info.identity
    model = openvino_encoder.model
    other = "f32" if variant == "bf16" else "bf16"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(model, "variant", other)
        assert model_info(model, str(model.folder)).identity != openvino_encoder.info.identity


def test_missing_openvino_is_one_clear_line(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "openvino", None)  # import openvino now fails
    with pytest.raises(TilmashError, match=r"openvino package is not installed"):
        load_encoder(cache_dir=tmp_path, backend=OPENVINO)
    assert not (tmp_path / "models").exists()  # nothing was built
