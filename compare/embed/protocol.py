"""What the rest of tilmash needs of an encoder: unit vectors for texts, and the model's name
and identity for the signature. Alignment, checks, diffs and timelines take any object of
this shape, so tests can run them on a small deterministic encoder without the model."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

import numpy as np

from compare.embed.encoder import ModelInfo

ProgressCallback = Callable[[int, int], None]  # (texts done, texts to embed)


class TextEncoder(Protocol):
    info: ModelInfo
    dim: int

    def encode(self, texts: Sequence[str], progress: ProgressCallback | None = None) -> np.ndarray:
        """(len(texts), dim) float32 unit rows."""
        ...
