"""Fixtures shared by the suite: the real encoder (built once per run) and a fake one.

Two layers run in CI: checks, pipelines and writers are exercised quickly with `fake_encoder`
(character trigrams hashed into a vector: deterministic, no model), and the real-model tests
take `encoder`, the default multilingual-e5-small, loaded once per test process.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np
import pytest

from compare.embed import load_encoder
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


@pytest.fixture(scope="session")
def encoder() -> Encoder:
    """The default model, as a user's first run builds it (cached for the whole run)."""
    return load_encoder()


@pytest.fixture(scope="session")
def fake_encoder() -> TextEncoder:
    return FakeEncoder()
