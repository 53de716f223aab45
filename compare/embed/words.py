"""Word vectors from the encoder's token states, for aligning the words of two versions
(checks.wordalign): each word of a text (compare.stem's words) is the mean of its subwords'
hidden states after one middle layer of the model, as a unit vector. SimAlign (Jalili Sabet et
al. 2020) found middle layers align words best; on multilingual-e5-small layer WORD_LAYER did
(README, "Word alignment").

OpenVINO gives the states from the pass that gives the sentence vectors (a second output of its
graph, OpenVinoModel.token_states); the other engines run the model on torch for them.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from compare.embed.build import default_model_dir
from compare.stem import word_spans

WORD_LAYER = 6
TORCH_BATCH = 16  # texts per torch run

# Per text: its tokens' [start, end) character offsets and their hidden states.
TokenStates = list[tuple[np.ndarray, np.ndarray]]


def pool(text: str, offsets: np.ndarray, states: np.ndarray) -> np.ndarray:
    """(words, dim) unit rows: each word of `text` as the mean of the states of the tokens
    inside it (a zero row for a word no token covers, as past the model's window)."""
    spans = np.asarray(word_spans(text), dtype=np.int64).reshape(-1, 2)
    out = np.zeros((len(spans), states.shape[1]), dtype=np.float32)
    if not len(spans):
        return out
    real = offsets[:, 1] > np.maximum(offsets[:, 0], 0)  # special tokens and the prompt have none
    starts, ends = offsets[real, 0], offsets[real, 1]
    word = np.searchsorted(spans[:, 1], starts, side="right")  # first word ending after it
    inside = (word < len(spans)) & (ends > spans[np.minimum(word, len(spans) - 1), 0])
    counts = np.bincount(word[inside], minlength=len(spans)).astype(np.float32)
    np.add.at(out, word[inside], states[real][inside].astype(np.float32))
    out /= counts.clip(min=1)[:, None]
    return out / np.linalg.norm(out, axis=1, keepdims=True).clip(min=1e-9)


class TorchStates:
    """The model on torch (transformers) with its hidden states out, for the engines whose
    graph gives only the sentence vector."""

    def __init__(self, model, tokenizer) -> None:
        self.model = model.eval()
        self.tokenizer = tokenizer

    @classmethod
    def load(cls, folder: Path) -> TorchStates:
        """The model saved in `folder` (a sentence-transformers folder of the default model)."""
        from transformers import AutoModel, AutoTokenizer

        return cls(AutoModel.from_pretrained(folder), AutoTokenizer.from_pretrained(folder))

    def token_states(
        self, texts: Sequence[str], prompt: str, layer: int
    ) -> tuple[None, TokenStates]:
        """No sentence vectors (the engine's own differ a little); per text its tokens'
        offsets in it and their states after encoder layer `layer`."""
        import torch

        out: TokenStates = []
        for start in range(0, len(texts), TORCH_BATCH):
            batch = [prompt + t for t in texts[start : start + TORCH_BATCH]]
            enc = self.tokenizer(
                batch, return_offsets_mapping=True, padding=True, return_tensors="pt"
            )
            offsets = enc.pop("offset_mapping").numpy() - len(prompt)
            with torch.inference_mode():
                hidden = self.model(**enc, output_hidden_states=True).hidden_states[layer]
            for row, mask in enumerate(enc["attention_mask"].numpy()):
                keep = mask.astype(bool)
                out.append((offsets[row][keep], hidden[row].numpy()[keep]))
        return None, out


def states_engine(model):
    """What gives `model`'s token states: the engine itself where it can (OpenVINO), its own
    torch model (sentence-transformers), else the default model on torch (ONNX Runtime)."""
    if hasattr(model, "token_states"):
        return model
    if hasattr(model, "folder"):
        return TorchStates.load(default_model_dir(model.folder.parent.parent))
    return TorchStates(model[0].auto_model, model.tokenizer)
