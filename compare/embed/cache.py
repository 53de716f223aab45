"""On-disk embedding cache: each text is embedded once per model, ever.

SQLite in WAL mode lets two tilmash runs read and write the same cache at once; a key is
the hash of the model identity, the prompt and the text, so a changed model or prompt
never returns stale vectors.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from filelock import FileLock

from compare.errors import TilmashError


class CacheUnavailable(TilmashError):
    """The cache folder or file cannot be written (read-only, full, locked too long)."""


def cache_key(model_identity: str, prompt: str, text: str) -> bytes:
    return hashlib.sha256(f"{model_identity}\x00{prompt}\x00{text}".encode()).digest()


class EmbeddingCache:
    """A persistent map from cache keys to vectors (float32, or `dtype`) of any length."""

    def __init__(self, path: Path, dtype: type = np.float32) -> None:
        self.path = path
        self.dtype = dtype
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Switching to WAL needs the database to itself: runs that open a new cache at the
            # same moment take turns here instead of failing with "database is locked".
            with FileLock(f"{path}.lock"):
                self._db = sqlite3.connect(path, timeout=60, check_same_thread=False)
                self._db.execute("PRAGMA journal_mode=WAL")
                # A commit per batch waits for no flush to disk: a run that is stopped keeps
                # its work all the same; only a crash of the machine itself may lose the last
                # batches (never the file), which are embedded again. A long law commits a
                # hundred batches, each flush some milliseconds of waiting.
                self._db.execute("PRAGMA synchronous=NORMAL")
                self._db.execute(
                    "CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, vec BLOB NOT NULL)"
                )
                self._db.commit()
        except (OSError, sqlite3.OperationalError) as err:
            raise CacheUnavailable(f"{path}: cannot write the embedding cache ({err})") from None
        except sqlite3.DatabaseError as err:
            raise TilmashError(
                f"{path}: embedding cache unreadable ({err}); delete it to start a new one"
            ) from None

    def get_many(self, keys: Sequence[bytes]) -> dict[bytes, np.ndarray]:
        found: dict[bytes, np.ndarray] = {}
        for start in range(0, len(keys), 500):  # stay under SQLite's bound-parameter limit
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(f"SELECT key, vec FROM vectors WHERE key IN ({marks})", chunk)
            for key, blob in rows:
                found[key] = np.frombuffer(blob, dtype=self.dtype)
        return found

    def put_many(self, items: Sequence[tuple[bytes, np.ndarray]]) -> None:
        """Store vectors in one short transaction, so that other runs wait for it briefly."""
        rows = [(key, np.asarray(vec, dtype=self.dtype).tobytes()) for key, vec in items]
        try:
            with self._db:
                self._db.executemany("INSERT OR IGNORE INTO vectors (key, vec) VALUES (?, ?)", rows)
        except sqlite3.OperationalError as err:
            raise CacheUnavailable(
                f"{self.path}: cannot write the embedding cache ({err})"
            ) from None

    def __len__(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM vectors").fetchone()[0]

    def close(self) -> None:
        self._db.close()
