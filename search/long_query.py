"""Queries longer than a passage: how many tokens of a query reach the model, and how a query
longer than that becomes one vector.

A lay question is ~20 tokens, but a case fact (a judgment's 经审理查明 section) runs to several
hundred characters, ~0.67 tokens a character: at the passages' 256 tokens the end of the fact
never reaches the model (issue 14). ``QueryShape`` says what a query may use: up to ``tokens``
tokens (e5-small reads 512), or, with ``stride``, overlapping windows of ``tokens`` tokens each
starting ``stride`` tokens after the last, whose vectors are averaged into one. A query that fits
in one window is encoded exactly as before, so short questions get the same vectors.

Both query engines (ONNX Runtime and torch) encode token ids through ``encode_ids``; the windows
are cut here, once, so both engines see the same tokens.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

Vectors = npt.NDArray[np.float32]
EncodeIds = Callable[[Sequence[Sequence[int]]], Vectors]


@dataclass(frozen=True)
class QueryShape:
    """How much of a query the model reads: ``tokens`` per input (special tokens and the
    ``query: `` prompt included); with ``stride``, windows of that size every ``stride``
    tokens, mean-pooled, instead of cutting the query."""

    tokens: int = 512
    stride: int | None = None

    def __post_init__(self) -> None:
        if self.tokens < 16:
            raise ValueError(f"a query needs at least 16 tokens, not {self.tokens}")
        if self.stride is not None and not 0 < self.stride <= self.tokens:
            raise ValueError(f"stride {self.stride} must lie in 1..{self.tokens}")

    @property
    def label(self) -> str:
        return f"q{self.tokens}" + (f"w{self.stride}" if self.stride else "")


def query_windows(
    tokenizer: Any, prompt: str, text: str, shape: QueryShape
) -> list[list[int]]:
    """Token ids (with special tokens) of each window of ``prompt + text``: one window, cut at
    ``shape.tokens``, unless the shape has a stride and the text is longer. Every window starts
    with the prompt."""
    specials = 2  # <s> ... </s> (XLM-R), [CLS] ... [SEP] (BERT)
    full = tokenizer(prompt + text, add_special_tokens=True, truncation=False,
                     verbose=False)["input_ids"]  # no "longer than 256" warning: we cut it
    if shape.stride is None or len(full) <= shape.tokens:
        return [full[: shape.tokens - 1] + full[-1:] if len(full) > shape.tokens else full]
    head, tail = full[:1], full[-1:]
    prompt_ids = tokenizer(prompt, add_special_tokens=False)["input_ids"] if prompt else []
    body = full[1:-1]
    if body[: len(prompt_ids)] == prompt_ids:
        body = body[len(prompt_ids):]
    room = shape.tokens - specials - len(prompt_ids)
    step = min(shape.stride, room)
    windows = []
    start = 0
    while True:
        windows.append(head + prompt_ids + body[start : start + room] + tail)
        if start + room >= len(body):
            break
        start += step
    return windows


def embed_shaped(
    texts: Sequence[str], tokenizer: Any, prompt: str, shape: QueryShape, encode_ids: EncodeIds
) -> Vectors:
    """One L2-normalised vector per text: its windows encoded by ``encode_ids`` (batched
    together) and averaged."""
    windows = [query_windows(tokenizer, prompt, text, shape) for text in texts]
    flat = [w for group in windows for w in group]
    vectors = encode_ids(flat)
    out = np.empty((len(texts), vectors.shape[1]), dtype=np.float32)
    start = 0
    for row, group in enumerate(windows):
        pooled = vectors[start : start + len(group)].mean(axis=0)
        out[row] = pooled / max(float(np.linalg.norm(pooled)), 1e-12)
        start += len(group)
    return out


def pad_ids(
    batch: Sequence[Sequence[int]], pad_id: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Right-padded ``input_ids`` and ``attention_mask`` arrays for ``batch``."""
    width = max(len(ids) for ids in batch)
    input_ids = np.full((len(batch), width), pad_id, dtype=np.int64)
    mask = np.zeros((len(batch), width), dtype=np.int64)
    for row, ids in enumerate(batch):
        input_ids[row, : len(ids)] = ids
        mask[row, : len(ids)] = 1
    return input_ids, mask


def torch_encode_ids(
    model: SentenceTransformer, batch: Sequence[Sequence[int]], *, bf16: bool,
    batch_size: int = 16,
) -> Vectors:
    """The sentence-transformers pipeline (transformer, pooling, normalisation) on token ids,
    in batches of similar length; does not touch the model's ``max_seq_length``."""
    import torch

    pad_id = model.tokenizer.pad_token_id or 0
    order = sorted(range(len(batch)), key=lambda i: len(batch[i]))
    out = np.empty((len(batch), model.get_embedding_dimension() or 0), dtype=np.float32)
    with torch.inference_mode(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
        for start in range(0, len(order), batch_size):
            rows = order[start : start + batch_size]
            input_ids, mask = pad_ids([batch[i] for i in rows], pad_id)
            features = {"input_ids": torch.from_numpy(input_ids),
                        "attention_mask": torch.from_numpy(mask)}
            embedding = model(features)["sentence_embedding"].float()
            embedding = torch.nn.functional.normalize(embedding, dim=-1)
            out[rows] = embedding.numpy()
    return out
