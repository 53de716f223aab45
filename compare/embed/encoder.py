"""The one interface through which tilmash turns passages into unit vectors.

Everything above this module sees `Encoder.encode(texts) -> (n, dim) float32` with unit
rows; the model behind it is any sentence-transformers model, or the default one on ONNX
Runtime. The cache is consulted first,
so a text is embedded once per model; texts longer than the model's window are embedded
window by window and averaged rather than silently truncated.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from compare.embed.build import BUILD_INFO
from compare.embed.cache import CacheUnavailable, EmbeddingCache, cache_key
from compare.embed.cores import CoreShare

ProgressCallback = Callable[[int, int], None]  # (texts done, texts to embed)
BATCH = 64
WORD_CACHE = "words.sqlite3"  # the word vectors' cache, beside the sentence cache


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
        self._states = None  # what gives token states (compare.embed.words), made when asked
        self._words: EmbeddingCache | None = None  # the word vectors' cache, opened when asked

    def encode(
        self,
        texts: Sequence[str],
        progress: ProgressCallback | None = None,
        words: Collection[str] = (),
    ) -> np.ndarray:
        """Unit vectors for texts, from the cache where possible; duplicates embedded once.

        `words`: the texts among them whose word vectors (word_vectors) will be asked for too.
        Where the engine gives the states from the sentence pass (OpenVINO), that pass keeps
        theirs in the word cache, so asking for them later runs no second pass over the text.
        Each batch is stored as soon as it is embedded, so an interrupted run keeps its work.
        """
        keys = [cache_key(self.info.identity, self.info.prompt, t) for t in texts]
        key_of = dict(zip(texts, keys, strict=True))
        vectors = self.cache.get_many(list(set(keys))) if self.cache is not None else {}
        todo = [t for t, k in key_of.items() if k not in vectors]  # each text once
        windows = {t: self._windows(t) for t in todo}
        one_pass = (
            bool(words) and hasattr(self.model, "token_states") and self._word_cache() is not None
        )
        kept = set(words) if one_pass else set()
        # Texts of like length share a batch, so little of any batch is padding; the texts whose
        # word states are kept are batched apart.
        todo.sort(key=lambda t: -sum(n for _, n in windows[t]))
        parts = [[t for t in todo if t not in kept], [t for t in todo if t in kept]]
        batches = [part[a : a + BATCH] for part in parts for a in range(0, len(part), BATCH)]
        done = 0
        with self.share.running():
            for batch in batches:
                self.share.apply()
                if batch[0] in kept:
                    word_states, vecs = self._word_batch(batch)
                    self._store_words(
                        dict(zip(map(self._word_key, batch), word_states, strict=True))
                    )
                else:
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
        if self.cache is not None and not self._put(self.cache, fresh, "embedding cache"):
            self.cache = None

    def _put(self, cache: EmbeddingCache, fresh: dict[bytes, np.ndarray], name: str) -> bool:
        """Commit one batch to `cache`; False, said in one line, where it refuses the write."""
        try:
            cache.put_many(list(fresh.items()))
        except CacheUnavailable as err:
            if self.announce:
                self.announce(f"warning: {err}; going on without the {name}")
            return False
        return True

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
        return [(text[start:end], n) for start, end, n in self._window_spans(text)]

    def _window_spans(self, text: str) -> list[tuple[int, int, int]]:
        """The pieces of `_windows` as (start, end, tokens)."""
        tokenizer = self.model.tokenizer
        room = self.max_tokens - len(tokenizer.tokenize(self.info.prompt))
        enc = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
        spans = enc["offset_mapping"]
        if len(spans) <= room:
            return [(0, len(text), max(len(spans), 1))]
        pieces = []
        for start in range(0, len(spans), room):
            chunk = spans[start : start + room]
            pieces.append((chunk[0][0], chunk[-1][1], len(chunk)))
        return pieces

    def word_vectors(self, texts: Sequence[str]) -> list[np.ndarray]:
        """Per text, its words' unit vectors (compare.embed.words: the mean of their subwords'
        states at WORD_LAYER), from their own cache where possible (encode keeps them where
        asked to). Where the engine gives the states from the sentence pass (OpenVINO), the
        sentence vectors it gives are cached too, so embedding the same texts afterwards costs
        nothing."""
        keys = [self._word_key(t) for t in texts]
        key_of = dict(zip(texts, keys, strict=True))
        cache = self._word_cache()
        found = cache.get_many(list(set(keys))) if cache is not None else {}
        todo = [t for t, k in key_of.items() if k not in found]
        todo.sort(key=len, reverse=True)
        with self.share.running():
            for start in range(0, len(todo), BATCH):
                batch = todo[start : start + BATCH]
                self.share.apply()
                words, sentences = self._word_batch(batch)
                fresh = {key_of[t]: w.astype(np.float16) for t, w in zip(batch, words, strict=True)}
                self._store_words(fresh)
                if sentences is not None:
                    sentence_key = functools.partial(
                        cache_key, self.info.identity, self.info.prompt
                    )
                    self._store(dict(zip(map(sentence_key, batch), sentences, strict=True)))
                found.update(fresh)
        return [found[key].reshape(-1, self.dim).astype(np.float32) for key in keys]

    def _word_key(self, text: str) -> bytes:
        """The word cache's key of a text: the model's, the layer's and the prompt's."""
        from compare.embed.words import WORD_LAYER

        return cache_key(f"{self.info.identity} words@{WORD_LAYER}", self.info.prompt, text)

    def _store_words(self, fresh: dict[bytes, np.ndarray]) -> None:
        """Commit one batch of word vectors; a word cache that stops accepting writes is
        dropped (for this run's word_vectors, which then compute what they are asked)."""
        if self._words is not None and not self._put(self._words, fresh, "word cache"):
            self._words = None

    def _word_batch(self, texts: list[str]) -> tuple[list[np.ndarray], np.ndarray | None]:
        """Word vectors of texts (window by window, see _windows), and their sentence vectors
        where the engine gives them from the same pass."""
        from compare.embed.words import WORD_LAYER, pool, states_engine

        if self._states is None:
            self._states = states_engine(self.model)
        spans = [self._window_spans(t) for t in texts]
        pieces = [t[a:b] for t, s in zip(texts, spans, strict=True) for a, b, _ in s]
        vectors, states = self._states.token_states(pieces, self.info.prompt, WORD_LAYER)
        words, sentences, at = [], np.zeros((len(texts), self.dim), dtype=np.float32), 0
        for row, (text, windows) in enumerate(zip(texts, spans, strict=True)):
            # Each window's own tokens (not the prompt's, not the special ones; the first
            # word's may begin at the space after the prompt), moved to where the window starts.
            own = [
                (o[inside].clip(min=0) + a, h[inside])
                for (o, h), (a, _, _) in zip(states[at : at + len(windows)], windows, strict=True)
                for inside in [o[:, 1] > np.maximum(o[:, 0], 0)]
            ]
            offsets = np.concatenate([o for o, _ in own])
            words.append(pool(text, offsets, np.concatenate([h for _, h in own])))
            if vectors is not None:
                weights = np.array([n for _, _, n in windows], dtype=np.float32)
                sentences[row] = weights @ vectors[at : at + len(windows)]
            at += len(windows)
        if vectors is None:
            return words, None
        return words, sentences / np.linalg.norm(sentences, axis=1, keepdims=True).clip(min=1e-12)

    def _word_cache(self) -> EmbeddingCache | None:
        """The word vectors' cache, beside the sentence cache (float16: half the room)."""
        if self.cache is None:
            return None
        if self._words is None:
            try:
                self._words = EmbeddingCache(
                    self.cache.path.with_name(WORD_CACHE), dtype=np.float16
                )
            except CacheUnavailable:
                return None
        return self._words


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
