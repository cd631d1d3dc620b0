"""Hybrid search over regulations: BM25 (bm25s, jieba) and dense vectors (sentence-transformers),
fused per article, narrowed to the paragraph or item that applies."""

from search.embeddings import Embedder, HashEmbedder, SentenceTransformerEmbedder, load_embedder
from search.index import Hit, SearchConfig, SearchIndex, open_index
from search.service import index_from_settings

__all__ = [
    "Embedder",
    "HashEmbedder",
    "Hit",
    "SearchConfig",
    "SearchIndex",
    "SentenceTransformerEmbedder",
    "index_from_settings",
    "load_embedder",
    "open_index",
]
