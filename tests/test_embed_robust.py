"""The encoder under bad conditions: unwritable or damaged caches, killed and interrupted runs,
a model that is not on the machine, runs at the same time.

Every test that damages a model or a cache works in its own temporary cache folder, on a copy
of the built model (from the user cache when it is there, else built once for this module).
Signals are real: the command runs as a subprocess and is interrupted or killed. The runs use
the float (torch) engine, whose model every other engine is built from; the ONNX engines' own
build is tested in test_embed_onnx.py.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from filelock import FileLock

from compare.embed import BACKEND_ENV, build, cache_root, load_encoder
from compare.embed.build import lock_is_free
from compare.embed.cache import CacheUnavailable, EmbeddingCache, cache_key
from compare.embed.cores import CoreShare
from compare.errors import TilmashError

ROOT = Path(__file__).resolve().parent.parent
LANG_LINES = {
    "kk": "Бұл {i} нөмірлі абзац, онда {i} саны мен {y} жыл аталады.",
    "ru": "Это абзац номер {i}, в нём названы число {i} и {y} год.",
    "en": "This is paragraph number {i}; it names the number {i} and the year {y}.",
}


@pytest.fixture(scope="module")
def built_model(tmp_path_factory) -> Path:
    """A complete model folder to copy: the user's, or one built here."""
    folder = build.default_model_dir(cache_root())
    if build.model_is_complete(folder):
        return folder
    return build.ensure_default_model(tmp_path_factory.mktemp("built"), announce=lambda _: None)


def copy_model(built: Path, cache: Path) -> Path:
    """A cache folder holding its own copy of the built model; returns the copy."""
    target = build.default_model_dir(cache)
    target.parent.mkdir(parents=True)
    shutil.copytree(built, target)
    return target


@pytest.fixture(scope="module")
def model_cache(built_model, tmp_path_factory) -> Path:
    cache = tmp_path_factory.mktemp("cache")
    copy_model(built_model, cache)
    return cache


def write_texts(folder: Path, n: int) -> list[Path]:
    """kk/ru/en files of n one-sentence paragraphs each."""
    folder.mkdir(exist_ok=True)
    paths = []
    for lang, line in LANG_LINES.items():
        path = folder / f"text.{lang}.txt"
        lines = (line.format(i=i, y=1800 + i) for i in range(n))
        path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def _ctrl_c_as_in_a_terminal() -> None:
    """A suite started in the background (`pytest &`) ignores SIGINT and its children would
    inherit that; the run under test takes Ctrl-C as a user's terminal delivers it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start(*args: str, python: list[str] | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, *(python or ["-m", "compare"]), *args],
        cwd=ROOT,
        env={**os.environ, BACKEND_ENV: "torch"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_ctrl_c_as_in_a_terminal,
    )


def wait_for(condition, proc: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def interrupt(proc: subprocess.Popen, presses: int = 4, patience: float = 20) -> None:
    """Ctrl-C as a user presses it: again if the run has not stopped `patience` seconds later
    (once, on a machine at load 20, the first press during the build was not taken)."""
    for _ in range(presses):
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=patience)
            return
        except subprocess.TimeoutExpired:
            continue


def finish(proc: subprocess.Popen, timeout: float = 300) -> tuple[int, str]:
    _, stderr = proc.communicate(timeout=timeout)
    assert "Traceback" not in stderr, stderr
    return proc.returncode, stderr


def test_uncreatable_cache_folder_is_one_line(tmp_path):
    (tmp_path / "a-file").write_text("x")
    folder = tmp_path / "a-file" / "cache"
    texts = write_texts(tmp_path / "in", 2)
    code, stderr = finish(start("align", *map(str, texts), "--cache-dir", str(folder)))
    assert code == 2
    assert stderr.count("\n") == 1 and str(folder) in stderr and "cannot build the model" in stderr


def test_read_only_folder_with_a_built_model_uses_it(tmp_path, built_model, monkeypatch):
    target = copy_model(built_model, tmp_path)

    def read_only(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(args[0]))

    monkeypatch.setattr(build, "FileLock", read_only)
    assert build.ensure_default_model(tmp_path, announce=lambda _: None) == target
    with pytest.raises(TilmashError, match=re.escape(f"{tmp_path / 'other' / 'models'}: cannot")):
        build.ensure_default_model(tmp_path / "other", announce=lambda _: None)


def test_read_only_cache_file_is_a_typed_error(tmp_path, monkeypatch):
    def read_only(path, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("compare.embed.cache.FileLock", read_only)
    with pytest.raises(CacheUnavailable, match="cannot write the embedding cache"):
        EmbeddingCache(tmp_path / "embeddings.sqlite3")


def test_unwritable_embedding_cache_runs_without_it(tmp_path, built_model):
    copy_model(built_model, tmp_path)
    (tmp_path / "embeddings.sqlite3").mkdir()  # sqlite cannot open it: no cache, same vectors
    messages: list[str] = []
    encoder = load_encoder(cache_dir=tmp_path, announce=messages.append, backend="torch")
    assert encoder.cache is None
    assert any("running without the embedding cache" in m for m in messages), messages
    vecs = encoder.encode(["Бір сөйлем.", "Одно предложение."])
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)


def test_size_check_finds_truncated_and_missing_files(tmp_path):
    folder = tmp_path / "model"
    folder.mkdir()
    (folder / "model.safetensors").write_bytes(b"w" * 100)
    (folder / "tokenizer.json").write_bytes(b"{}")
    files = {"model.safetensors": 100, "tokenizer.json": 2}
    (folder / build.BUILD_INFO).write_text(json.dumps({"files": files}))
    assert build.model_is_complete(folder)
    (folder / "model.safetensors").write_bytes(b"w" * 50)
    assert not build.model_is_complete(folder)
    (folder / "model.safetensors").write_bytes(b"w" * 100)
    (folder / "tokenizer.json").unlink()
    assert not build.model_is_complete(folder)
    (folder / build.BUILD_INFO).write_text("{trunc")
    assert not build.model_is_complete(folder)


def test_next_build_removes_dead_build_folders_only(tmp_path, monkeypatch):
    def fake_build(out_dir, image_path=None):
        (out_dir / "model.safetensors").write_bytes(b"w")
        (out_dir / build.BUILD_INFO).write_text("{}")

    monkeypatch.setattr(build, "build_model", fake_build)
    models = tmp_path / "models"
    target = build.default_model_dir(tmp_path)
    dead = [models / f".building-{target.name}-dead", models / ".building-old1234"]
    busy = models / ".building-other-model-busy"
    for folder in [*dead, busy]:
        folder.mkdir(parents=True)
        (folder / "model.safetensors").write_bytes(b"half")
    with FileLock(models / "other-model.lock"):  # another model's build is running
        build.ensure_default_model(tmp_path, announce=lambda _: None)
        assert busy.is_dir() and dead[1].is_dir()  # the other build may own either
        assert not dead[0].exists()
    assert build.model_is_complete(target)
    (target / "model.safetensors").unlink()  # damaged: rebuilt, and now no build is running
    build.ensure_default_model(tmp_path, announce=lambda _: None)
    assert build.model_is_complete(target)
    assert sorted(p.name for p in models.iterdir() if p.name.startswith(".")) == []


def test_interrupted_killed_and_damaged_builds_recover(tmp_path, built_model):
    """A real first build: Ctrl-C leaves nothing; SIGKILL leaves a folder the next build
    removes; a truncated model is found and rebuilt, and the run goes on."""
    cache = tmp_path / "cache"
    texts = [str(p) for p in write_texts(tmp_path / "in", 3)]
    models = cache / "models"
    target = build.default_model_dir(cache)

    def building() -> bool:
        return any(models.glob(".building-*/_hf/model.safetensors"))

    proc = start("align", *texts, "--cache-dir", str(cache))
    wait_for(building, proc)
    interrupt(proc)
    code, stderr = finish(proc)
    assert code == 130 and "interrupted" in stderr
    assert not target.exists() and not list(models.glob(".building-*"))
    assert lock_is_free(Path(f"{target}.lock"))

    proc = start("align", *texts, "--cache-dir", str(cache))
    wait_for(building, proc)
    proc.kill()
    proc.wait()
    assert list(models.glob(".building-*"))  # what a killed build leaves

    copy_model(built_model, tmp_path / "copy")
    os.replace(build.default_model_dir(tmp_path / "copy"), target)
    weights = target / "model.safetensors"
    with weights.open("r+b") as fh:
        fh.truncate(weights.stat().st_size // 2)
    code, stderr = finish(start("align", *texts, "--cache-dir", str(cache)))
    assert code == 0, stderr
    assert "Building" in stderr
    assert build.model_is_complete(target)
    assert not list(models.glob(".building-*"))


def test_model_not_on_this_machine_is_one_line_without_network(tmp_path):
    guard = (
        "import socket, sys\n"
        "def no_network(*args, **kwargs):\n"
        "    sys.stderr.write('NETWORK USED\\n')\n"
        "    raise OSError('no network in this test')\n"
        "socket.socket.connect = socket.getaddrinfo = no_network\n"
        "from compare.cli import main\n"
        "sys.argv[0] = 'tilmash'\n"
        "main()\n"
    )
    texts = [str(p) for p in write_texts(tmp_path / "in", 2)]
    env = {**os.environ, "HF_HUB_OFFLINE": "0", "HF_HOME": str(tmp_path / "hf")}
    env.pop("TILMASH_ALLOW_DOWNLOAD", None)
    args = ["align", *texts, "--cache-dir", str(tmp_path / "c"), "--model", "nobody/no-model"]
    proc = subprocess.run(
        [sys.executable, "-c", guard, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2, proc.stderr
    assert "NETWORK USED" not in proc.stderr and "Traceback" not in proc.stderr
    assert proc.stderr.count("\n") == 1
    assert "not in the local Hugging Face cache" in proc.stderr
    assert "TILMASH_ALLOW_DOWNLOAD=1" in proc.stderr


@pytest.fixture(scope="module")
def encoder(model_cache):
    return load_encoder(cache_dir=model_cache, announce=lambda _: None, backend="torch")


def test_interrupted_run_keeps_its_batches(tmp_path, model_cache, encoder, monkeypatch):
    """Ctrl-C during embedding: the batches embedded so far are in the cache, and the next
    run embeds only the rest."""
    from compare.corpus import load_corpus

    paths = write_texts(tmp_path / "in", 200)
    db = model_cache / "embeddings.sqlite3"
    before = len(EmbeddingCache(db))

    def stored() -> int:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            return conn.execute("SELECT COUNT(*) FROM vectors").fetchone()[0]

    proc = start("align", *map(str, paths), "--cache-dir", str(model_cache))
    wait_for(lambda: db.exists() and stored() > before, proc)
    proc.send_signal(signal.SIGINT)
    code, _ = finish(proc)
    assert code == 130
    kept = stored() - before
    passages = [p.text for d in load_corpus(paths).documents.values() for p in d.passages]
    assert len(passages) == 600 and 0 < kept < 600

    embedded: list[str] = []

    def fake(texts, **kwargs):
        embedded.extend(texts)
        return np.ones((len(texts), encoder.dim), np.float32)

    monkeypatch.setattr(encoder.model, "encode", fake)
    encoder.encode(passages)
    assert len(embedded) == 600 - kept
    assert all(lock_is_free(p) for p in (model_cache / "runs").glob("*.lock"))


def test_each_batch_is_committed_and_the_cache_stays_open(encoder, model_cache, monkeypatch):
    """While a long run embeds, its finished batches are visible and another run can write."""
    texts = [f"Сынақ сөйлемі нөмір {i}." for i in range(150)]
    keys = [cache_key(encoder.info.identity, encoder.info.prompt, t) for t in texts]
    other = EmbeddingCache(model_cache / "embeddings.sqlite3")
    other._db.execute("PRAGMA busy_timeout = 2000")
    seen: list[int] = []

    def fake(batch, **kwargs):
        seen.append(len(other.get_many(keys)))
        other.put_many([(cache_key("other-run", "", str(len(seen))), np.ones(3, np.float32))])
        return np.ones((len(batch), encoder.dim), np.float32)

    monkeypatch.setattr(encoder.model, "encode", fake)
    encoder.encode(texts)
    assert seen == [0, 64, 128]
    assert len(other.get_many(keys)) == 150


def test_runs_at_the_same_time_share_the_cores(tmp_path):
    import torch

    before = torch.get_num_threads()
    first, second = CoreShare(tmp_path), CoreShare(tmp_path)
    try:
        with first.running():
            first.apply()
            assert torch.get_num_threads() == first.cores
            with second.running():
                first.apply()
                assert torch.get_num_threads() == max(1, first.cores // 2)
            first.apply()
            assert torch.get_num_threads() == first.cores
    finally:
        torch.set_num_threads(before)
    assert "OMP_WAIT_POLICY" in os.environ  # waiting threads sleep instead of spinning
