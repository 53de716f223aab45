"""multilingual-e5-small on OpenVINO: on a CPU with bfloat16 matrix units (Intel AMX, AVX-512
BF16) several times the float model's speed with vectors within 1e-4 of it, where int8 weights
moved borderline alignments and findings (README, "Embedding speed").

The engine's folder holds the float graph (exported once, as for ONNX Runtime) in OpenVINO's own
format with float weights; OpenVINO computes its matrix products in bfloat16 where the CPU has
units for it and in float elsewhere. The two give slightly different vectors, so the precision
is part of the engine's identity. Whether the CPU has those units also decides whether the
default engine (`auto`) is this one or torch.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from compare.embed.onnx_model import RUN_BATCH, OnnxModel
from compare.errors import TilmashError

IR_FILE = "model.xml"  # OpenVINO's graph; its weights are model.bin beside it
# The operator whose output is the hidden states after encoder layer {layer} (counted from 1).
LAYER_OUTPUT = "/bert/encoder/layer.{index}/output/LayerNorm/LayerNormalization"


def openvino_module():
    """OpenVINO, or one line saying how to install it."""
    try:
        import openvino
    except ImportError:
        raise TilmashError(
            "backend 'openvino': the openvino package is not installed "
            "(tilmash needs it: pip install openvino)"
        ) from None
    return openvino


def bf16_units() -> bool:
    """Whether OpenVINO computes in bfloat16 on this CPU (it has units for it: Intel AMX or
    AVX-512 BF16)."""
    core = openvino_module().Core()
    return "BF16" in core.get_property("CPU", "OPTIMIZATION_CAPABILITIES")


def convert(onnx_file: Path, out_dir: Path) -> Path:
    """OpenVINO's model of onnx_file (which it replaces) in out_dir; returns its weights file."""
    ov = openvino_module()
    model = ov.convert_model(onnx_file)
    ov.save_model(model, out_dir / IR_FILE, compress_to_fp16=False)
    onnx_file.unlink()
    return (out_dir / IR_FILE).with_suffix(".bin")


class _Compiled:
    """A model compiled for a number of threads, run as an ONNX Runtime session is."""

    def __init__(self, compiled) -> None:
        self._request = compiled.create_infer_request()

    def run(self, _outputs, feeds: dict[str, np.ndarray]) -> list[np.ndarray]:
        return [out.copy() for out in self._request.infer(feeds).values()]


class OpenVinoModel(OnnxModel):
    """The part of a SentenceTransformer that Encoder uses, on OpenVINO's CPU plugin."""

    def __init__(self, folder: Path, threads: int) -> None:
        ov = openvino_module()
        self._core = ov.Core()
        # The precision the vectors are computed in: part of the engine's identity.
        self.variant = "bf16" if bf16_units() else "f32"
        self._model = self._core.read_model(folder / IR_FILE)
        self._layered: dict[tuple[int, int], _Compiled] = {}  # by (threads, layer)
        super().__init__(folder, threads)

    def _session(self):
        """One compiled model per thread count (its threads are fixed when it is compiled)."""
        if self.threads not in self._sessions:
            self._sessions[self.threads] = _Compiled(self._compile(self._model))
        return self._sessions[self.threads]

    def _compile(self, graph):
        return self._core.compile_model(
            graph,
            "CPU",
            {
                "INFERENCE_PRECISION_HINT": self.variant,
                "INFERENCE_NUM_THREADS": self.threads,
                "PERFORMANCE_HINT": "LATENCY",
            },
        )

    def token_states(
        self, texts: Sequence[str], prompt: str, layer: int
    ) -> tuple[np.ndarray, list[tuple[np.ndarray, np.ndarray]]]:
        """Sentence vectors and, per text, its tokens' character offsets in the text and their
        hidden states after encoder layer `layer`, from one pass: a copy of the graph with
        that layer's output as a second output (the sentence vectors are the graph's own)."""
        compiled = self._with_layer(layer)
        encodings = self._encodings(texts, prompt)
        vectors = np.zeros((len(texts), self._dim), dtype=np.float32)
        states: list[tuple[np.ndarray, np.ndarray]] = [None] * len(texts)  # type: ignore[list-item]
        for rows, feeds in self._feeds(encodings, RUN_BATCH):
            pooled, hidden = compiled.run(None, feeds)
            vectors[rows] = pooled
            for r, i in enumerate(rows):
                n = int(feeds["attention_mask"][r].sum())
                offsets = np.asarray(encodings[i].offsets[:n], dtype=np.int64) - len(prompt)
                states[i] = (offsets, hidden[r, :n])
        return vectors, states

    def _with_layer(self, layer: int) -> _Compiled:
        """The graph compiled with layer `layer`'s hidden states as a second output."""
        key = (self.threads, layer)
        if key not in self._layered:
            graph = self._model.clone()  # the sentence graph itself stays as it is
            name = LAYER_OUTPUT.format(index=layer - 1)
            found = [op.output(0) for op in graph.get_ops() if op.get_friendly_name() == name]
            if not found:
                raise TilmashError(f"{self.folder}: the model has no layer {layer} to read")
            graph.add_outputs(found)
            self._layered[key] = _Compiled(self._compile(graph))
        return self._layered[key]
