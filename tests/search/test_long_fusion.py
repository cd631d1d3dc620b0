"""Long queries (case facts) are fused by plain RRF; questions keep the weighted fusion
(issue 14, session 9)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np

from search.embeddings import HashEmbedder
from search.fusion import reciprocal_rank_fusion
from search.index import SearchConfig, SearchIndex, open_index

QUESTION = "领导干部插手具体案件应当如何记录"
FACT = ("经审理查明：被告人某某系某县法院工作人员，"
        + "因案件处理问题多次向承办法官打听案情并要求从轻处理，" * 8
        + "上述事实，有证人证言等证据证实。")


def index_with(tiny_corpus: Path, tmp_path: Path, config: SearchConfig) -> SearchIndex:
    return open_index(tiny_corpus, tmp_path / "data", HashEmbedder(), config)


def test_the_fact_is_past_the_threshold_and_the_question_is_not() -> None:
    limit = SearchConfig().long_query_chars
    assert len(QUESTION) <= limit < len(FACT)


def test_a_question_ranks_as_with_the_weighted_fusion_only(tiny_corpus: Path,
                                                           tmp_path: Path) -> None:
    index = index_with(tiny_corpus, tmp_path, SearchConfig())
    scores = index.score(QUESTION)
    shipped = index.article_scores(scores, "hybrid")[0]
    index.config = replace(index.config, long_query_chars=0)
    before = index.article_scores(scores, "hybrid")[0]
    assert np.array_equal(shipped, before)


def test_a_long_fact_is_fused_by_plain_rrf(tiny_corpus: Path, tmp_path: Path) -> None:
    index = index_with(tiny_corpus, tmp_path, SearchConfig())
    scores = index.score(FACT)
    fused, bm25_ranks, dense_ranks = index.article_scores(scores, "hybrid")
    assert bm25_ranks.any() and dense_ranks.any()
    expected = reciprocal_rank_fusion([bm25_ranks, dense_ranks], k=index.config.rrf_k)
    assert np.allclose(fused, expected)
    index.config = replace(index.config, long_query_chars=0)
    weighted = index.article_scores(scores, "hybrid")[0]
    assert not np.allclose(weighted, expected)


def test_single_retriever_modes_ignore_the_length(tiny_corpus: Path, tmp_path: Path) -> None:
    index = index_with(tiny_corpus, tmp_path, SearchConfig())
    scores = index.score(FACT)
    for mode in ("bm25", "dense"):
        shipped = index.article_scores(scores, mode)[0]
        index.config = replace(index.config, long_query_chars=0)
        assert np.array_equal(shipped, index.article_scores(scores, mode)[0])
        index.config = SearchConfig()
