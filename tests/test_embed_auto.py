"""The default engine, `auto`: OpenVINO where OpenVINO says the CPU has bfloat16 units, torch
elsewhere and for a named model, a named engine as named, and torch (with one line saying why)
where the OpenVINO engine cannot be built or loaded.

The CPU's answer is monkeypatched (compare.embed.openvino_model.bf16_units); the encoders are
the real ones, loaded from the suite's cache (the user's built models) or, where a build is
made to fail, from a temporary cache.
"""

from __future__ import annotations

import sys

import pytest
from test_embed_robust import built_model, copy_model  # noqa: F401  (a fixture and its helper)

from compare.embed import BACKEND_ENV, build, cache_root, load_encoder, openvino_model
from compare.embed.onnx_model import OPENVINO, onnx_model_dir

FLOAT = "multilingual-e5-small"
ON_OPENVINO = "multilingual-e5-small (openvino)"


@pytest.fixture
def cpu(monkeypatch):
    """Sets what OpenVINO answers when asked whether this CPU has bfloat16 units."""
    monkeypatch.delenv(BACKEND_ENV, raising=False)

    def answer(bf16: bool) -> None:
        monkeypatch.setattr(openvino_model, "bf16_units", lambda: bf16)

    return answer


def test_bf16_units_choose_openvino(cpu, capsys):
    cpu(True)
    encoder = load_encoder()
    assert encoder.info.name == ON_OPENVINO
    assert " v1 bf16@sha256:" in encoder.info.identity  # the cache key names the engine used
    assert "running on torch" not in capsys.readouterr().err


def test_no_bf16_units_choose_torch(cpu, capsys):
    cpu(False)
    assert load_encoder().info.name == FLOAT
    assert load_encoder(backend="auto").info.name == FLOAT
    assert "OpenVINO" not in capsys.readouterr().err


def test_a_named_model_runs_on_torch_without_complaint(cpu, capsys, monkeypatch):
    cpu(True)
    folder = str(build.default_model_dir(cache_root()))
    assert load_encoder(model=folder).info.name == FLOAT
    monkeypatch.setenv(BACKEND_ENV, "auto")
    assert load_encoder(model=folder).info.name == FLOAT
    assert capsys.readouterr().err == ""


def test_a_named_engine_is_the_engine_run(cpu, monkeypatch):
    cpu(True)
    monkeypatch.setenv(BACKEND_ENV, "torch")
    assert load_encoder().info.name == FLOAT
    cpu(False)
    monkeypatch.setenv(BACKEND_ENV, OPENVINO)
    assert load_encoder().info.name == ON_OPENVINO


def test_openvino_that_fails_to_build_falls_back_to_torch_in_one_line(
    cpu,
    built_model,  # noqa: F811
    tmp_path,
    monkeypatch,
):
    copy_model(built_model, tmp_path)  # the failed build happens in this cache, not the user's

    def fails(onnx_file, out_dir):
        raise RuntimeError("Conversion of the graph failed\nmore detail")

    monkeypatch.setattr(openvino_model, "convert", fails)
    cpu(True)
    messages: list[str] = []
    encoder = load_encoder(cache_dir=tmp_path, announce=messages.append)
    assert encoder.info.name == FLOAT
    assert [m for m in messages if "OpenVINO" in m and "Building" not in m] == [
        "OpenVINO engine unavailable (Conversion of the graph failed); running on torch"
    ]
    folder = onnx_model_dir(tmp_path, OPENVINO)
    assert not folder.exists()
    assert not list(folder.parent.glob(".building-*"))
    with pytest.raises(RuntimeError, match="Conversion of the graph failed"):
        load_encoder(cache_dir=tmp_path, backend=OPENVINO)  # asked for by name: not replaced


def test_openvino_missing_falls_back_to_torch_in_one_line(cpu, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "openvino", None)  # import openvino now fails
    assert load_encoder().info.name == FLOAT
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "openvino package is not installed" in err[0], err
    assert err[0].endswith("running on torch")
