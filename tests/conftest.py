"""Fixtures shared by the suite: the real encoder (built once per run) and a fake one.

The suite runs with its own cache folder ($TILMASH_CACHE_DIR, for this process and the
command-line processes it starts), so the run records, embedding cache and core slots of
tests stay out of the user's; only the built model is the user's, found through a link.

Two layers run in CI: checks, pipelines and writers are exercised quickly with `fake_encoder`
(character trigrams hashed into a vector: deterministic, no model), and the real-model tests
take `encoder`, the default multilingual-e5-small, loaded once per test process.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import pytest

from compare.embed import CACHE_ENV, cache_root, load_encoder
from compare.embed.encoder import Encoder, ModelInfo
from compare.embed.protocol import ProgressCallback, TextEncoder


class FakeEncoder:
    """Bag of hashed character trigrams of the lower-cased text: equal texts get equal
    vectors and texts sharing words get close ones, in any language, without a model."""

    info = ModelInfo("fake-trigrams", "fake-trigrams@sha256:0", "")
    dim = 256

    def encode(self, texts: Sequence[str], progress: ProgressCallback | None = None) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            padded = "  " + " ".join(text.lower().split()) + "  "
            for i in range(len(padded) - 2):
                digest = hashlib.blake2b(padded[i : i + 3].encode(), digest_size=4).digest()
                out[row, int.from_bytes(digest) % self.dim] += 1.0
            out[row] /= max(float(np.linalg.norm(out[row])), 1e-9)
        if progress:
            progress(len(texts), len(texts))
        return out


@pytest.fixture(scope="session", autouse=True)
def test_cache(tmp_path_factory) -> Iterator[Path]:
    """A cache folder for the whole run whose `models` is the user's models folder: the model
    built once is used as it is (never copied or rebuilt), everything else is written here."""
    models = cache_root() / "models"
    models.mkdir(parents=True, exist_ok=True)  # a first build lands where a user's run puts it
    folder = tmp_path_factory.mktemp("cache")
    (folder / "models").symlink_to(models, target_is_directory=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(CACHE_ENV, str(folder))
        yield folder


@pytest.fixture(scope="session")
def encoder(test_cache) -> Encoder:
    """The default model, as a user's first run builds it (cached for the whole run)."""
    return load_encoder()


@pytest.fixture(scope="session")
def fake_encoder() -> TextEncoder:
    return FakeEncoder()
