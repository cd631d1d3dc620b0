"""Long queries (case facts) lose the facts' shared style and are fused by plain RRF; questions
keep the weighted fusion and their scores (issue 14, sessions 9 and 29)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np

from search.embeddings import HashEmbedder
from search.fact_style import FactStyle, embedder_key, shipped_fact_style
from search.fusion import reciprocal_rank_fusion
from search.index import SearchConfig, SearchIndex, open_index

QUESTION = "领导干部插手具体案件应当如何记录"
FACT = ("经审理查明：被告人某某系某县法院工作人员，"
        + "因案件处理问题多次向承办法官打听案情并要求从轻处理，" * 8
        + "上述事实，有证人证言等证据证实。")


def index_with(tiny_corpus: Path, tmp_path: Path, config: SearchConfig) -> SearchIndex:
    """An index of the tiny corpus that takes the long-query path, as an index holding the
    regulation the case facts answer into (the 刑法) does."""
    index = open_index(tiny_corpus, tmp_path / "data", HashEmbedder(), config)
    index.long_facts = True
    return index


def test_the_shipped_style_fits_the_criminal_law_and_not_the_seed(tiny_corpus: Path,
                                                                  tmp_path: Path) -> None:
    style = shipped_fact_style()
    assert style.fits({"中华人民共和国刑法"})
    assert style.fits({"中华人民共和国刑法", "中华人民共和国民法典"})
    assert not style.fits({"司法机关内部人员过问案件的记录和责任追究规定"})
    seed_like = open_index(tiny_corpus, tmp_path / "data", HashEmbedder(), SearchConfig())
    assert not seed_like.long_facts


def test_an_index_the_facts_do_not_answer_into_fuses_long_text_as_questions(
        tiny_corpus: Path, tmp_path: Path) -> None:
    """Over the seed regulations a long text is an account of an incident: weighted fusion,
    whole scores, as for a question."""
    index = open_index(tiny_corpus, tmp_path / "data", HashEmbedder(), SearchConfig())
    scores = index.score(FACT)
    shipped = index.article_scores(scores, "hybrid")[0]
    index.config = replace(index.config, long_query_chars=0, long_query_style=False)
    assert np.array_equal(shipped, index.article_scores(index.score(FACT), "hybrid")[0])


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
    expected = reciprocal_rank_fusion([bm25_ranks, dense_ranks], k=index.config.long_query_rrf_k)
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


def styled(index: SearchIndex) -> SearchIndex:
    """``index`` with a fact style that shares two words of FACT and has a mean vector for its
    model, so that a long query's scores would change if it applied."""
    assert index.embedder is not None
    mean = index.embedder.embed_queries(["上述事实，有证人证言等证据证实。"])[0]
    index.fact_style = FactStyle(frozenset({"证人", "证言", "法官"}),
                                 {embedder_key(index.embedder): mean})
    return index


def test_a_question_keeps_its_scores_whatever_the_style(tiny_corpus: Path,
                                                         tmp_path: Path) -> None:
    index = styled(index_with(tiny_corpus, tmp_path, SearchConfig()))
    shipped = index.score(QUESTION)
    index.config = replace(index.config, long_query_style=False)
    plain = index.score(QUESTION)
    assert np.array_equal(shipped.bm25, plain.bm25)
    assert shipped.dense is not None and plain.dense is not None
    assert np.array_equal(shipped.dense, plain.dense)
    assert shipped.tokens == plain.tokens


def test_a_long_fact_is_scored_without_the_style(tiny_corpus: Path, tmp_path: Path) -> None:
    index = styled(index_with(tiny_corpus, tmp_path, SearchConfig()))
    styled_scores = index.score(FACT)
    index.config = replace(index.config, long_query_style=False)
    whole = index.score(FACT)
    assert styled_scores.tokens == whole.tokens  # the reasons still name every matched word
    content = index.fact_style.content_tokens(whole.tokens)
    assert "法官" in whole.tokens and "法官" not in content
    assert np.allclose(styled_scores.bm25, index.bm25.scores(content))
    assert not np.allclose(styled_scores.bm25, whole.bm25)
    assert styled_scores.dense is not None and whole.dense is not None
    assert not np.allclose(styled_scores.dense, whole.dense)


def test_a_caller_may_score_a_long_text_whole(tiny_corpus: Path, tmp_path: Path) -> None:
    """The assessment engine's accounts of incidents (up to 315 characters) are no case facts."""
    index = styled(index_with(tiny_corpus, tmp_path, SearchConfig()))
    whole = index.score(FACT, fact_style=False)
    index.config = replace(index.config, long_query_style=False)
    plain = index.score(FACT)
    assert np.array_equal(whole.bm25, plain.bm25)
    assert whole.dense is not None and plain.dense is not None
    assert np.array_equal(whole.dense, plain.dense)
