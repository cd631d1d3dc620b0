"""Dense embeddings: the ``Embedder`` seam, the real sentence-transformers model, a deterministic
stand-in for plumbing tests, and a cache of passage vectors keyed by the passage's own hash.

The cache makes rebuilding cheap: only passages whose text (or model) changed are embedded again,
and an interrupted embedding run resumes where it stopped.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import json
import os
import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

from core.errors import BackendError, InputError
from core.settings import QueryWeights
from search.long_query import QueryShape, embed_shaped, torch_encode_ids

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

    from search.onnx_query import OnnxQueryEncoder

Vectors = npt.NDArray[np.float32]
Precision = Literal["fp32", "bf16", "int8"]
QueryEngine = Literal["auto", "onnx", "torch"]
SMALL_BATCH = 4  # up to this many queries take the single-query path
#: What a query may use (search/long_query.py); chosen on data/eval/long_facts.jsonl, see
#: docs/search.md. Passages stay at ``max_seq_length``.
DEFAULT_QUERY_SHAPE = QueryShape(tokens=512)


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into L2-normalised vectors; queries and passages may be embedded differently.

    ``name`` identifies the model and every setting that changes the vectors, so cached passage
    vectors are reused only for the same name. Both methods return float32 ``[len(texts), dim]``
    and raise ``BackendError`` when the model cannot run.
    """

    @property
    def name(self) -> str: ...

    @property
    def dimension(self) -> int: ...

    def embed_queries(self, texts: Sequence[str]) -> Vectors: ...

    def embed_passages(self, texts: Sequence[str]) -> Vectors: ...


class HashEmbedder:
    """A deterministic stand-in: each text maps to a unit vector seeded from its SHA-256.

    It knows nothing of meaning; use it only where a test is about plumbing.
    """

    def __init__(self, dimension: int = 32) -> None:
        self._dimension = dimension

    @property
    def name(self) -> str:
        return f"hash-{self._dimension}"

    @property
    def dimension(self) -> int:
        return self._dimension

    def _embed(self, texts: Sequence[str]) -> Vectors:
        out = np.empty((len(texts), self._dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            seed = int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "little")
            vector = np.random.default_rng(seed).standard_normal(self._dimension)
            out[row] = vector / np.linalg.norm(vector)
        return out

    def embed_queries(self, texts: Sequence[str]) -> Vectors:
        return self._embed(texts)

    def embed_passages(self, texts: Sequence[str]) -> Vectors:
        return self._embed(texts)


def bf16_supported() -> bool:
    """Whether this CPU runs bfloat16 matrix products natively (AVX-512 BF16 or AMX)."""
    import torch

    try:
        return bool(torch.ops.mkldnn._is_mkldnn_bf16_supported())
    except (AttributeError, RuntimeError):
        return False


class SentenceTransformerEmbedder:
    """A sentence-transformers model with E5-style ``query``/``passage`` prompts.

    ``precision``: ``fp32``; ``bf16`` autocast (same vectors to ~1e-5 cosine on CPUs with native
    bfloat16, about twice as fast); ``int8`` dynamic quantisation of the linear layers.
    ``query_encoder``: embeds short batches of queries instead of torch (``search/onnx_query.py``).
    """

    def __init__(
        self,
        model: SentenceTransformer,
        model_name: str,
        *,
        max_seq_length: int = 256,
        precision: Precision = "fp32",
        batch_size: int = 32,
        query_encoder: OnnxQueryEncoder | None = None,
        query_engine_note: str = "",
        query_shape: QueryShape = DEFAULT_QUERY_SHAPE,
    ) -> None:
        import torch

        self._query_shape = query_shape
        self._query_encoder = query_encoder
        self._query_engine_note = query_engine_note
        self._model_name = model_name
        self._precision = precision
        self._batch_size = batch_size
        model.max_seq_length = max_seq_length
        if precision == "int8":
            model = torch.ao.quantization.quantize_dynamic(  # type: ignore[attr-defined]
                model, {torch.nn.Linear}, dtype=torch.qint8
            )
        self._model = model
        self._max_seq_length = max_seq_length
        prompts = getattr(model, "prompts", {}) or {}
        self._has_prompts = "query" in prompts and "passage" in prompts
        dimension = model.get_embedding_dimension()
        if dimension is None:
            raise BackendError(f"model {model_name!r} does not state its embedding dimension")
        self._dimension = int(dimension)

    @property
    def name(self) -> str:
        # bf16 reproduces fp32 vectors, so the two share cached passages; int8 does not.
        kind = "int8" if self._precision == "int8" else "float"
        return f"{self._model_name}|len{self._max_seq_length}|{kind}"

    @property
    def dimension(self) -> int:
        return self._dimension

    @property
    def precision(self) -> Precision:
        return self._precision

    @property
    def query_shape(self) -> QueryShape:
        """How many tokens of a query reach the model (queries may be longer than passages)."""
        return self._query_shape

    def with_query_shape(self, shape: QueryShape) -> SentenceTransformerEmbedder:
        """The same model (and passage vectors) with queries shaped by ``shape``."""
        other = copy.copy(self)
        other._query_shape = shape
        return other

    @property
    def query_engine(self) -> str:
        """Which engine embeds single queries, and if torch, why not ONNX Runtime."""
        if self._query_encoder is not None:
            return "onnxruntime"
        return f"torch ({self._query_engine_note})" if self._query_engine_note else "torch"

    def _encode(self, texts: Sequence[str], prompt_name: str) -> Vectors:
        import torch

        if not texts:
            return np.zeros((0, self._dimension), dtype=np.float32)
        prompt = prompt_name if self._has_prompts else None
        try:
            with torch.inference_mode(), torch.autocast(
                "cpu", dtype=torch.bfloat16, enabled=self._precision == "bf16"
            ):
                vectors = self._model.encode(
                    list(texts),
                    prompt_name=prompt,
                    batch_size=self._batch_size,
                    normalize_embeddings=True,
                    convert_to_numpy=True,
                    show_progress_bar=False,
                )
        except RuntimeError as error:
            raise BackendError(f"model {self._model_name!r} failed: {error}") from error
        return np.asarray(vectors, dtype=np.float32)

    def embed_queries(self, texts: Sequence[str]) -> Vectors:
        # One query is too small to split across threads: on a busy 2-core machine the second
        # thread waits for a core and the tail latency grows tenfold (docs/benchmarks.md).
        if not texts:
            return np.zeros((0, self._dimension), dtype=np.float32)
        small = len(texts) <= SMALL_BATCH
        prompts = getattr(self._model, "prompts", {}) or {}
        prompt = prompts.get("query", "") if self._has_prompts else ""
        if small and self._query_encoder is not None:
            try:
                return embed_shaped(texts, self._model.tokenizer, prompt, self._query_shape,
                                    self._query_encoder.encode_ids)
            except Exception as error:  # onnxruntime raises its own exception types
                raise BackendError(f"model {self._model_name!r} failed: {error}") from error

        def encode_ids(batch: Sequence[Sequence[int]]) -> Vectors:
            return torch_encode_ids(self._model, batch, bf16=self._precision == "bf16",
                                    batch_size=self._batch_size)

        try:
            with torch_threads(1 if small else None):
                return embed_shaped(texts, self._model.tokenizer, prompt, self._query_shape,
                                    encode_ids)
        except RuntimeError as error:
            raise BackendError(f"model {self._model_name!r} failed: {error}") from error

    def embed_passages(self, texts: Sequence[str]) -> Vectors:
        return self._encode(texts, "passage")


@contextlib.contextmanager
def torch_threads(count: int | None) -> Iterator[None]:
    """Run the block with ``count`` torch threads (None: leave as is)."""
    import torch

    before = torch.get_num_threads()
    if count is None or count == before:
        yield
        return
    torch.set_num_threads(count)
    try:
        yield
    finally:
        torch.set_num_threads(before)


def load_embedder(
    model: str,
    cache_dir: Path | None = None,
    *,
    max_seq_length: int = 256,
    precision: Precision | Literal["auto"] = "auto",
    query_engine: QueryEngine = "auto",
    query_shape: QueryShape = DEFAULT_QUERY_SHAPE,
    query_weights: QueryWeights = "fp32",
) -> SentenceTransformerEmbedder:
    """Load ``model`` (the packaged e5-small, a hub id or a path) as an ``Embedder``.

    ``auto`` precision is bf16 where the CPU has it, else fp32. ``query_engine``: ``auto`` embeds
    single queries with ONNX Runtime when the model exports and checks out, else torch; ``onnx``
    insists (``BackendError`` if it cannot); ``torch`` never tries. ``query_shape``: how many
    tokens of a query the model reads (``search/long_query.py``). ``query_weights``: the ONNX
    query graph's weights, fp32 or int8 (``search/onnx_query.py``). Raises ``BackendError``.
    """
    from search.model_convert import (
        E5_SMALL,
        default_cache_dir,
        ensure_e5_small,
        load_sentence_transformer,
    )
    from search.onnx_query import OnnxQueryEncoder, OnnxUnavailable

    chosen: Precision = (
        ("bf16" if bf16_supported() else "fp32") if precision == "auto" else precision
    )
    try:
        st_model = load_sentence_transformer(model, cache_dir)
    except (OSError, ValueError) as error:
        raise BackendError(f"cannot load embedding model {model!r}: {error}") from error
    st_model.max_seq_length = max_seq_length
    limit = _model_max_tokens(st_model)
    if query_shape.tokens > limit:
        query_shape = QueryShape(limit, min(query_shape.stride, limit) if query_shape.stride
                                 else None)
    encoder, note = None, "not requested"
    if query_engine != "torch" and chosen == "int8":
        note = "int8 vectors come from torch's quantised model"
    elif query_engine != "torch":
        # The packaged model's folder name is keyed by its content; other models by their name.
        identity = str(ensure_e5_small(cache_dir)) if model == E5_SMALL else model
        try:
            encoder = OnnxQueryEncoder.open(
                st_model, identity, cache_dir or default_cache_dir(), query_shape.tokens,
                query_weights,
            )
            note = ""
        except OnnxUnavailable as error:
            note = str(error)
    if query_engine == "onnx" and encoder is None:
        raise BackendError(f"ONNX query path unavailable for {model!r}: {note}")
    return SentenceTransformerEmbedder(
        st_model, model, max_seq_length=max_seq_length, precision=chosen,
        query_encoder=encoder, query_engine_note=note, query_shape=query_shape,
    )


def _model_max_tokens(model: SentenceTransformer) -> int:
    """The longest input the transformer has position embeddings for (512 for e5)."""
    config = getattr(model[0], "auto_model", None)
    limit = getattr(getattr(config, "config", None), "max_position_embeddings", 514)
    return int(limit) - 2 if limit > 512 else int(limit)  # XLM-R offsets positions by 2


# --------------------------------------------------------------------------- passage cache


def text_key(text: str) -> bytes:
    """The 16-byte key a passage is cached under."""
    return hashlib.sha256(text.encode("utf-8")).digest()[:16]


def _slug(name: str) -> str:
    readable = re.sub(r"[^A-Za-z0-9._-]+", "_", name)[:60]
    return f"{readable}-{hashlib.sha256(name.encode()).hexdigest()[:12]}"


@dataclass
class EmbeddingStats:
    """What one ``embed_cached`` call did."""

    reused: int = 0
    embedded: int = 0
    seconds: float = 0.0

    @property
    def passages_per_second(self) -> float:
        return self.embedded / self.seconds if self.seconds > 0 else 0.0


class EmbeddingCache:
    """Passage vectors on disk (float16) under ``root/<model slug>/``, keyed by text hash."""

    def __init__(self, root: Path, embedder_name: str) -> None:
        self.folder = root / _slug(embedder_name)
        self.embedder_name = embedder_name
        self._keys: dict[bytes, int] = {}
        self._vectors: npt.NDArray[np.float16] | None = None
        self._load()

    def _load(self) -> None:
        keys_file, vectors_file = self.folder / "keys.npy", self.folder / "vectors.npy"
        if not (keys_file.is_file() and vectors_file.is_file()):
            return
        try:
            keys = np.load(keys_file)
            vectors = np.load(vectors_file)
        except (OSError, ValueError):
            return  # a damaged cache is only lost work, never wrong answers
        if len(keys) != len(vectors):
            return
        if keys.ndim != 2 or keys.shape[1:] != (16,):
            return
        self._keys = {row.tobytes(): i for i, row in enumerate(keys)}
        self._vectors = vectors

    def __len__(self) -> int:
        return len(self._keys)

    def lookup(self, keys: Sequence[bytes]) -> list[int | None]:
        return [self._keys.get(k) for k in keys]

    def vectors(self, rows: Sequence[int]) -> Vectors:
        if self._vectors is None:
            raise KeyError("empty cache")
        return self._vectors[np.asarray(rows, dtype=np.int64)].astype(np.float32)

    def add(self, keys: Sequence[bytes], vectors: Vectors) -> None:
        new = [i for i, k in enumerate(keys) if k not in self._keys]
        if not new:
            return
        block = vectors[new].astype(np.float16)
        start = len(self._keys)
        self._vectors = block if self._vectors is None else np.concatenate([self._vectors, block])
        for offset, i in enumerate(new):
            self._keys[keys[i]] = start + offset

    def save(self) -> None:
        """Write atomically: a reader sees the old cache or the new one, never half of one."""
        if self._vectors is None:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        ordered = sorted(self._keys.items(), key=lambda kv: kv[1])
        # uint8 rows, not "S16": numpy's bytes dtype drops trailing zero bytes.
        keys = np.frombuffer(b"".join(k for k, _ in ordered), dtype=np.uint8).reshape(-1, 16)
        pid = os.getpid()
        for name, array in (("vectors.npy", self._vectors), ("keys.npy", keys)):
            tmp = self.folder / f".{name}.{pid}.tmp"
            with tmp.open("wb") as fh:
                np.save(fh, array)
            tmp.replace(self.folder / name)
        meta = {"model": self.embedder_name, "count": len(keys)}
        (self.folder / "meta.json").write_text(json.dumps(meta, ensure_ascii=False))


def embed_cached(
    embedder: Embedder,
    passages: Sequence[str],
    cache: EmbeddingCache | None,
    *,
    chunk_size: int = 2048,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[Vectors, EmbeddingStats]:
    """Vectors for ``passages`` in order; cached ones are reused, the rest embedded and cached.

    The cache is saved after every chunk so an interrupted run loses at most one chunk.
    """
    if cache is not None and cache.embedder_name != embedder.name:
        raise InputError(
            f"cache is for {cache.embedder_name!r}, embedder is {embedder.name!r}", field="cache"
        )
    stats = EmbeddingStats()
    keys = [text_key(p) for p in passages]
    rows = cache.lookup(keys) if cache is not None else [None] * len(passages)
    missing = sorted({k: i for i, (k, r) in enumerate(zip(keys, rows, strict=True)) if r is None}
                     .values())
    stats.reused = len(passages) - len(missing)
    fresh: dict[bytes, npt.NDArray[np.float32]] = {}
    started = time.perf_counter()
    for start in range(0, len(missing), chunk_size):
        chunk = missing[start : start + chunk_size]
        vectors = embedder.embed_passages([passages[i] for i in chunk])
        chunk_keys = [keys[i] for i in chunk]
        if cache is not None:
            cache.add(chunk_keys, vectors)
            cache.save()
        fresh.update(zip(chunk_keys, vectors, strict=True))
        stats.embedded += len(chunk)
        if progress is not None:
            progress(stats.embedded, len(missing))
    stats.seconds = time.perf_counter() - started
    out = np.empty((len(passages), embedder.dimension), dtype=np.float32)
    cached_rows = [(i, r) for i, r in enumerate(rows) if r is not None]
    if cached_rows and cache is not None:
        out[[i for i, _ in cached_rows]] = cache.vectors([r for _, r in cached_rows])
    for i, key in enumerate(keys):
        if rows[i] is None:
            out[i] = fresh[key]
    return out, stats
