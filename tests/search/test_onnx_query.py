"""The ONNX Runtime query path: same vectors as torch, refused where it cannot be exact."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from sentence_transformers import SentenceTransformer
from sentence_transformers.sentence_transformer.modules import Pooling

from api.state import QueryBatcher
from core.errors import BackendError
from search.embeddings import SentenceTransformerEmbedder, load_embedder
from search.evaluate import gold_keys, load_queries
from search.index import SearchIndex
from search.onnx_query import MIN_COSINE_INT8, OnnxQueryEncoder, OnnxUnavailable
from tests.conftest import EVAL_DIR

DEV_QUERIES = EVAL_DIR / "dev_queries.jsonl"

QUERIES = [
    "法官收了律师送的购物卡，应当怎么处理",
    "副省长打电话让法院对一个案子从轻判",
    "退休的老院长私下向承办法官打听案情",
    "檢察官與當事人私下會面",  # traditional characters
    "a judge had dinner with the defence lawyer 🍲",
]


def test_onnx_queries_match_torch(e5: SentenceTransformerEmbedder) -> None:
    assert e5.query_engine == "onnxruntime"
    onnx = np.vstack([e5.embed_queries([q]) for q in QUERIES])
    torch_vectors = e5.embed_queries(QUERIES + ["padding"] * 3)[: len(QUERIES)]  # torch path
    cosine = (onnx * torch_vectors).sum(axis=1)
    assert cosine.min() >= 0.9999, cosine
    assert np.allclose(np.linalg.norm(onnx, axis=1), 1.0, atol=1e-5)


def test_api_batcher_reports_and_uses_the_onnx_path(e5: SentenceTransformerEmbedder) -> None:
    batcher = QueryBatcher(e5, workers=1)
    assert batcher.query_engine == "onnxruntime"  # what /health shows
    vector = batcher.embed_queries([QUERIES[0]])
    assert float(vector[0] @ e5.embed_queries([QUERIES[0]])[0]) >= 0.99999


def test_padded_small_batch_matches_single_queries(e5: SentenceTransformerEmbedder) -> None:
    batch = e5.embed_queries(QUERIES[:4])  # four lengths: padding inside the ONNX graph
    singles = np.vstack([e5.embed_queries([q]) for q in QUERIES[:4]])
    assert (batch * singles).sum(axis=1).min() >= 0.99999


def test_damaged_export_is_rebuilt(e5: SentenceTransformerEmbedder, tmp_path: Path) -> None:
    model = e5._model
    OnnxQueryEncoder.open(model, "test-identity", tmp_path, 256)
    (exported,) = (tmp_path / "onnx").glob("*.onnx")
    exported.write_bytes(b"not an onnx graph")
    encoder = OnnxQueryEncoder.open(model, "test-identity", tmp_path, 256)
    assert exported.stat().st_size > 1_000_000
    vector = encoder.encode([QUERIES[0]])
    assert float(vector[0] @ e5.embed_queries([QUERIES[0]])[0]) >= 0.9999


def test_other_pooling_is_refused(e5: SentenceTransformerEmbedder, tmp_path: Path) -> None:
    transformer = e5._model[0]
    cls_model = SentenceTransformer(
        modules=[transformer, Pooling(transformer.get_embedding_dimension(), "cls")],
        device="cpu",
    )
    with pytest.raises(OnnxUnavailable, match="mean pooling"):
        OnnxQueryEncoder.open(cls_model, "cls-model", tmp_path, 256)
    assert not (tmp_path / "onnx").exists()

    # The same model from a folder (what LIUHEN_MODEL may name): auto falls back, onnx refuses.
    folder = tmp_path / "cls-model"
    cls_model.save(str(folder))
    fallback = load_embedder(str(folder), tmp_path / "cache")
    assert fallback.query_engine.startswith("torch (") and "mean pooling" in fallback.query_engine
    with pytest.raises(BackendError, match="ONNX query path unavailable"):
        load_embedder(str(folder), tmp_path / "cache", query_engine="onnx")


def test_int8_weights_stay_close_to_torch_and_are_quantised_once(
        e5: SentenceTransformerEmbedder, tmp_path: Path) -> None:
    """The int8 graph is a file of its own beside the fp32 one, about a quarter of its size, and
    its vectors lie within MIN_COSINE_INT8 of torch's (a broken quantisation would not)."""
    model = e5._model
    encoder = OnnxQueryEncoder.open(model, "int8-identity", tmp_path, 256, "int8")
    files = {p.name: p.stat().st_size for p in (tmp_path / "onnx").glob("*.onnx")}
    (full,) = [n for n in files if not n.endswith("-int8.onnx")]
    (quantised,) = [n for n in files if n.endswith("-int8.onnx")]
    assert files[quantised] < files[full] / 3
    got = encoder.encode(QUERIES)
    expected = e5.embed_queries(QUERIES + ["padding"] * 3)[: len(QUERIES)]  # torch path
    cosine = (got * expected).sum(axis=1)
    assert cosine.min() >= MIN_COSINE_INT8, cosine
    assert cosine.min() < 0.9999  # int8 weights do change the vectors: this is not fp32
    modified = (tmp_path / "onnx" / quantised).stat().st_mtime_ns
    OnnxQueryEncoder.open(model, "int8-identity", tmp_path, 256, "int8")
    assert (tmp_path / "onnx" / quantised).stat().st_mtime_ns == modified  # not quantised again


def test_int8_query_weights_rank_the_seed_questions_as_fp32_does(
        e5: SentenceTransformerEmbedder, seed_index: SearchIndex, tmp_path: Path) -> None:
    """Hybrid search over the seed with int8 query vectors: on the dev questions the gold article
    comes first at most one question less often than with fp32 (measured: one more, 0.900 ->
    0.925; docs/benchmarks.md, session 18)."""
    queries = load_queries(DEV_QUERIES)
    int8 = OnnxQueryEncoder.open(e5._model, "int8-rank", tmp_path, 256, "int8")

    def firsts(vectors: list[np.ndarray]) -> int:
        hits = 0
        for query, vector in zip(queries, vectors, strict=True):
            scores = seed_index.score(query.query, vector)
            articles = seed_index.ranked_articles(scores, 1, "hybrid")
            hits += bool(articles) and seed_index.article_eval_key(articles[0]) in gold_keys(query)
        return hits

    full = firsts([e5.embed_queries([q.query])[0] for q in queries])
    quantised = firsts([int8.encode([q.query])[0] for q in queries])
    assert quantised >= full - 1, (full, quantised)
