"""The one interface through which tilmash turns passages into unit vectors.

Everything above this module sees `Encoder.encode(texts) -> (n, dim) float32` with unit
rows; the model behind it is any sentence-transformers model, or the default one on ONNX
Runtime. The cache is consulted first,
so a text is embedded once per model; texts longer than the model's window are embedded
window by window and averaged rather than silently truncated.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from compare.embed.build import BUILD_INFO
from compare.embed.cache import CacheUnavailable, EmbeddingCache, cache_key
from compare.embed.cores import CoreShare

ProgressCallback = Callable[[int, int], None]  # (texts done, texts to embed)
BATCH = 64


@dataclass(frozen=True)
class ModelInfo:
    """What the reproducibility signature and the cache need to know about a model."""

    name: str
    identity: str  # changes whenever the weights change
    prompt: str  # text put before every passage ("" for models without prompts)


class Encoder:
    """A sentence-transformers model (or an OnnxModel, which offers the same calls) with a
    prompt convention and an embedding cache."""

    def __init__(
        self,
        model,
        info: ModelInfo,
        cache: EmbeddingCache | None = None,
        announce: Callable[[str], None] | None = None,
        share: CoreShare | None = None,
    ) -> None:
        self.model = model
        self.info = info
        self.cache = cache
        self.announce = announce
        self.share = share or CoreShare(None)
        self.dim: int = model.get_embedding_dimension()
        self.max_tokens: int = model.max_seq_length - 2  # room for the two special tokens

    def encode(self, texts: Sequence[str], progress: ProgressCallback | None = None) -> np.ndarray:
        """Unit vectors for texts, from the cache where possible; duplicates embedded once.

        Each batch is stored as soon as it is embedded, so an interrupted run keeps its work.
        """
        keys = [cache_key(self.info.identity, self.info.prompt, t) for t in texts]
        key_of = dict(zip(texts, keys, strict=True))
        vectors = self.cache.get_many(list(set(keys))) if self.cache is not None else {}
        todo = [t for t, k in key_of.items() if k not in vectors]  # each text once
        windows = {t: self._windows(t) for t in todo}
        # Texts of like length share a batch, so little of any batch is padding.
        todo.sort(key=lambda t: -sum(n for _, n in windows[t]))
        done = 0
        with self.share.running():
            for start in range(0, len(todo), BATCH):
                batch = todo[start : start + BATCH]
                self.share.apply()
                vecs = self._embed_batch([windows[t] for t in batch])
                fresh = dict(zip((key_of[t] for t in batch), vecs, strict=True))
                self._store(fresh)
                vectors.update(fresh)
                done += len(batch)
                if progress:
                    progress(done, len(todo))
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, key in enumerate(keys):
            out[row] = vectors[key]
        return out

    def _store(self, fresh: dict[bytes, np.ndarray]) -> None:
        """Commit one batch to the cache; a cache that stops accepting writes is dropped."""
        if self.cache is None:
            return
        try:
            self.cache.put_many(list(fresh.items()))
        except CacheUnavailable as err:
            if self.announce:
                self.announce(f"warning: {err}; going on without the embedding cache")
            self.cache = None

    def _embed_batch(self, texts: list[list[tuple[str, int]]]) -> np.ndarray:
        """One vector per text from its windows, each weighted by its tokens."""
        windows: list[str] = []
        owners: list[tuple[int, int]] = []  # (text index, tokens in window)
        for i, text_windows in enumerate(texts):
            for window, n_tokens in text_windows:
                windows.append(window)
                owners.append((i, n_tokens))
        vecs = self.model.encode(
            windows,
            prompt=self.info.prompt,
            batch_size=BATCH,
            convert_to_numpy=True,
            normalize_embeddings=True,
            show_progress_bar=False,
        )
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for (i, weight), vec in zip(owners, vecs, strict=True):
            out[i] += weight * vec
        return out / np.linalg.norm(out, axis=1, keepdims=True).clip(min=1e-12)

    def _windows(self, text: str) -> list[tuple[str, int]]:
        """Cut a text at token boundaries into pieces that fit the model's window."""
        tokenizer = self.model.tokenizer
        room = self.max_tokens - len(tokenizer.tokenize(self.info.prompt))
        enc = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
        spans = enc["offset_mapping"]
        if len(spans) <= room:
            return [(text, max(len(spans), 1))]
        pieces = []
        for start in range(0, len(spans), room):
            chunk = spans[start : start + room]
            pieces.append((text[chunk[0][0] : chunk[-1][1]], len(chunk)))
        return pieces


def model_info(model, location: str) -> ModelInfo:
    """Name, weight identity and prompt of a loaded sentence-transformers model."""
    folder = Path(location)
    built = folder / BUILD_INFO
    if built.is_file():
        info = json.loads(built.read_text(encoding="utf-8"))
        # Another engine's vectors differ a little: it is another model, for the cache too.
        name = f"{info['name']} ({info['backend']})" if "backend" in info else info["name"]
        # A new recipe can change an engine's vectors without changing its weights.
        recipe = f" {info['recipe']}" if "recipe" in info else ""
        # An engine whose vectors depend on the CPU (its precision) names what it runs in.
        variant = f" {model.variant}" if getattr(model, "variant", "") else ""
        identity = f"{name}{recipe}{variant}@sha256:{info['sha256']}"
    elif folder.is_dir():
        name, identity = folder.name, f"{folder.name}@{_folder_fingerprint(folder)}"
    else:
        name, identity = location, location
    prompts = getattr(model, "prompts", {}) or {}
    # e5 asks for "query: " on symmetric tasks such as bitext mining; other models get none.
    prompt = prompts.get("query", "")
    return ModelInfo(name=name, identity=identity, prompt=prompt)


def _folder_fingerprint(folder: Path) -> str:
    """Cheap identity for a user's model folder: names, sizes and times of its weight files."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.suffix in {".safetensors", ".bin", ".json"} and path.is_file():
            stat = path.stat()
            digest.update(f"{path.relative_to(folder)}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    return digest.hexdigest()[:16]
