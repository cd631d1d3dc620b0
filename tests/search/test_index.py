"""BM25 and fusion on a tiny corpus (exact top-k), persistence, and bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import pytest

from core.errors import InputError
from core.settings import REPO_ROOT
from search.bm25 import BM25Index
from search.corpus import load_corpus
from search.embeddings import EmbeddingCache, HashEmbedder, embed_cached
from search.index import SearchConfig, SearchIndex, matched_terms, open_index
from tests.search.conftest import write_regulation

JIA, YI = "测试规定甲", "测试规定乙"


def top(index: SearchIndex, query: str, k: int = 3, mode: str = "hybrid") -> list[tuple]:
    return [(h.regulation, h.article, h.paragraph, h.item)
            for h in index.search(query, top=k, mode=mode)]  # type: ignore[arg-type]


@pytest.fixture
def bm25_index(tiny_corpus: Path, tmp_path: Path) -> SearchIndex:
    return open_index(tiny_corpus, tmp_path / "data", None)


def test_bm25_exact_top_k(bm25_index: SearchIndex) -> None:
    assert top(bm25_index, "领导为当事人请托说情", mode="bm25") == [
        (JIA, 2, None, None), (JIA, 1, None, None), (YI, 2, 1, None)]
    assert top(bm25_index, "检察官向当事人借款", k=2, mode="bm25") == [
        (JIA, 4, 1, 2), (JIA, 1, None, None)]
    assert top(bm25_index, "律师私下会见法官", k=2, mode="bm25") == [
        (YI, 2, 2, None), (YI, 1, None, None)]


def test_bm25_hit_names_ranks_terms_and_reason(bm25_index: SearchIndex) -> None:
    hit = bm25_index.search("检察官向当事人借款", top=1)[0]
    assert (hit.bm25_rank, hit.dense_rank) == (1, None)
    assert hit.text == "（二）向当事人借款或者借用交通工具的。"
    assert hit.matched_terms[:2] == ["当事人", "借款"]
    assert "BM25 #1" in hit.reason and "借款" in hit.reason
    assert json.loads(json.dumps(hit.to_dict(), ensure_ascii=False))["item"] == 2


def test_bm25_scores_every_document_and_ignores_unknown_tokens() -> None:
    index = BM25Index.build([["法官", "送礼"], ["律师"], []])
    assert index.scores(["送礼"]).argmax() == 0
    assert index.scores(["从未出现"]).tolist() == [0.0, 0.0, 0.0]


@pytest.mark.parametrize("fusion", ["rrf", "weighted"])
def test_fusion_exact_top_k_with_stand_in_embedder(
    tiny_corpus: Path, tmp_path: Path, fusion: str
) -> None:
    config = SearchConfig(fusion=fusion, actor_weight=0.0,  # type: ignore[arg-type]
                          bm25_weight=1.0, dense_weight=1.0)
    index = open_index(tiny_corpus, tmp_path / "data", HashEmbedder(), config)
    hits = index.search("领导为当事人请托说情", top=9)
    assert len(hits) == 7  # every article: dense ranks them all
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    if fusion == "rrf":
        for hit in hits:
            expected = sum(1 / (60 + r) for r in (hit.bm25_rank, hit.dense_rank) if r)
            assert hit.score == pytest.approx(expected, abs=1e-6)
    # SHA-256 seeded vectors: the same ranking in every process and every build.
    again = open_index(tiny_corpus, tmp_path / "data2", HashEmbedder(), config)
    assert top(again, "领导为当事人请托说情", 9) == top(index, "领导为当事人请托说情", 9)


def test_rrf_puts_an_article_found_by_both_first() -> None:
    # bm25 ranks articles [A, B, C], dense ranks [B, C, A]: B is 2nd + 1st, best fused.
    from search.fusion import reciprocal_rank_fusion

    fused = reciprocal_rank_fusion([np.array([1, 2, 3]), np.array([3, 1, 2])])
    assert np.argsort(-fused, kind="stable").tolist() == [1, 0, 2]


def test_index_persists_and_rebuilds_only_when_content_changes(
    tiny_corpus: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    first = open_index(tiny_corpus, data, HashEmbedder())
    assert not first.report.loaded and first.report.embedding.embedded == len(first.units)
    second = open_index(tiny_corpus, data, HashEmbedder())
    assert second.report.loaded
    assert top(second, "请托说情") == top(first, "请托说情")
    write_regulation(tiny_corpus, "yi.txt", YI, ["第一条 律师不得向法官行贿。"])
    third = open_index(tiny_corpus, data, HashEmbedder())
    assert not third.report.loaded
    assert third.report.embedding.embedded == 1  # only the changed article is embedded
    assert len(list((data / "search" / "indexes").iterdir())) == 1


def test_a_different_model_means_a_different_index(tiny_corpus: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    open_index(tiny_corpus, data, HashEmbedder(32))
    assert not open_index(tiny_corpus, data, HashEmbedder(16)).report.loaded


def test_embedding_cache_round_trip_keeps_every_key(tmp_path: Path) -> None:
    embedder = HashEmbedder()
    texts = [f"第{i}条" for i in range(300)]  # some SHA-256 prefixes end in a zero byte
    cache = EmbeddingCache(tmp_path, embedder.name)
    vectors, stats = embed_cached(embedder, texts, cache, chunk_size=100)
    assert stats.embedded == 300
    reloaded = EmbeddingCache(tmp_path, embedder.name)
    again, stats = embed_cached(embedder, texts, reloaded)
    assert stats.reused == 300 and stats.embedded == 0
    np.testing.assert_allclose(again, vectors, atol=1e-3)  # float16 on disk


def test_regulation_in_several_files_is_kept_whole(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    write_regulation(folder, "a.txt", "分编法", ["第一条 甲。", "第二条 乙。"])
    write_regulation(folder, "b.txt", "分编法", ["第三条 丙。"])
    write_regulation(folder, "c.txt", "分编法", ["第三条 丙的副本。"])
    regulations, _ = load_corpus(folder)
    numbers = [a.number.number for r in regulations for a in r.articles]
    assert numbers == [1, 2, 3]


@pytest.mark.parametrize("query", ["", "   ", "\n\t"])
def test_empty_query_is_an_input_error(bm25_index: SearchIndex, query: str) -> None:
    with pytest.raises(InputError, match="empty"):
        bm25_index.search(query)


def test_top_must_be_positive(bm25_index: SearchIndex) -> None:
    with pytest.raises(InputError, match="top"):
        bm25_index.search("请托说情", top=0)


def test_not_a_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a directory"):
        open_index(tmp_path / "missing", tmp_path / "data", None)


def test_matched_terms_drop_fragments_of_longer_matches() -> None:
    assert matched_terms(["检察", "检察院", "#检察", "借款", "无关"], "检察院不得借款") == [
        "检察院", "借款"]


def test_writers_saving_the_same_index_at_once_leave_one_whole_copy(
        tiny_corpus: Path, tmp_path: Path) -> None:
    """The search pool's children may rebuild a stale index together: every save succeeds
    and the folder holds one loadable index, with no half-written copy left beside it."""
    index = open_index(tiny_corpus, tmp_path / "data", None)
    folder = tmp_path / "shared-index"
    errors: list[BaseException] = []

    def save_repeatedly() -> None:
        try:
            for _ in range(5):
                index.save(folder, "the-same-key")
        except BaseException as error:  # any failure fails the test below
            errors.append(error)

    writers = [threading.Thread(target=save_repeatedly) for _ in range(4)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    assert errors == []
    again = SearchIndex.load(folder, None, SearchConfig())
    assert len(again.units) == len(index.units)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


_BUILD_IN_A_CHILD = """
import sys
from pathlib import Path
from search.bm25 import BM25Index
units = [["法官", "送礼", "律师"], ["律师", "说情"], [], ["检察官", "借款", "送礼"]]
index = BM25Index.build(units)
index.save(Path(sys.argv[1]))
"""


def test_two_processes_build_the_same_bm25_files(tmp_path: Path) -> None:
    """Each process seeds string hashing anew; the vocabulary (and so the matrix) must not
    depend on it, or a reader meeting one build's vocabulary with another's matrix (search
    children saving one index at once) scores the wrong words."""
    folders = []
    for seed in ("1", "2", "3"):
        folder = tmp_path / f"build-{seed}"
        subprocess.run([sys.executable, "-c", _BUILD_IN_A_CHILD, str(folder)], check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}, cwd=REPO_ROOT, timeout=120)
        folders.append(folder)
    first = {p.name: p.read_bytes() for p in folders[0].iterdir()}
    assert "vocab.index.json" in first
    for folder in folders[1:]:
        assert {p.name: p.read_bytes() for p in folder.iterdir()} == first
