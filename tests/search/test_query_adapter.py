"""The query adapter (search/query_adapter.py, issue 14): it loads and checks its sha256, it
changes query vectors only on the corpora it was trained for, and the identity adapter gives the
shipped ranking. Real model, real indexes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from api.state import SearchHolder
from core.errors import BackendError
from core.settings import Settings
from liuhen.search_commands import eval_command
from search.embeddings import SentenceTransformerEmbedder
from search.index import SearchIndex
from search.query_adapter import LAWREFBOOK_ADAPTER, QueryAdapter, adapter_for, card_path
from search.service import index_from_settings
from tests.conftest import LAWREFBOOK, REGULATIONS_DIR, need

# A short law of LawRefBook (21 articles): a corpus the shipped adapter was trained over.
SMALL_LAW = Path("宪法相关法") / "国家勋章和国家荣誉称号法(2015-12-27).md"
QUESTIONS = ["法官私下会见当事人的律师", "领导干部为案件当事人请托说情",
             "谁可以被授予国家荣誉称号", "司法人员应当如实记录内部人员过问案件的情况"]


@pytest.fixture(scope="module")
def shipped() -> QueryAdapter:
    return QueryAdapter.load(LAWREFBOOK_ADAPTER)


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("small-lawrefbook")
    (root / SMALL_LAW.parent).mkdir(parents=True)
    shutil.copyfile(need(LAWREFBOOK / SMALL_LAW), root / SMALL_LAW)
    return root


def test_shipped_adapter_is_small_and_not_the_identity(shipped: QueryAdapter) -> None:
    assert LAWREFBOOK_ADAPTER.stat().st_size < 1_000_000
    assert shipped.weight.shape == (384, 384) and shipped.bias.shape == (384,)
    assert not np.allclose(shipped.weight, np.eye(384), atol=1e-3)
    card = json.loads(card_path(LAWREFBOOK_ADAPTER).read_text("utf-8"))
    assert card["seed"] == 14 and card["folds"] == 5
    assert card["data"]["trained_on"] == 1085  # the 150 CI-subset questions left out


def test_a_query_longer_than_every_training_question_keeps_the_models_vector(
        shipped: QueryAdapter) -> None:
    # The card bounds the adapter by its longest training question; a case fact of several
    # hundred characters is outside it (on long facts the adapter lost R@10, docs/benchmarks.md).
    assert shipped.max_query_chars == 155
    rng = np.random.default_rng(14)
    vectors = rng.standard_normal((2, 384)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    short, long = "法官私下会见律师", "经审理查明" * 40
    out = shipped.apply_within([short, long], vectors)
    assert np.allclose(out[0], shipped.apply(vectors[:1])[0])
    assert not np.allclose(out[0], vectors[0], atol=1e-3)
    assert np.array_equal(out[1], vectors[1])


def test_a_changed_weights_file_is_refused(shipped: QueryAdapter, tmp_path: Path) -> None:
    path = tmp_path / "adapter.npz"
    shipped.save(path, {"seed": 0})
    assert np.array_equal(QueryAdapter.load(path).weight, shipped.weight)
    np.savez(path, weight=shipped.weight * 2, bias=shipped.bias)
    with pytest.raises(BackendError, match="sha256"):
        QueryAdapter.load(path)


@pytest.fixture(scope="module")
def small_index(
    small_corpus: Path, e5: SentenceTransformerEmbedder, tmp_path_factory: pytest.TempPathFactory
) -> SearchIndex:
    settings = Settings(data_dir=tmp_path_factory.mktemp("small-data"))
    return index_from_settings(settings, small_corpus, embedder=e5)


def test_adapter_applies_only_to_its_model_and_corpora(
    shipped: QueryAdapter, e5: SentenceTransformerEmbedder, seed_index: SearchIndex,
    small_corpus: Path, small_index: SearchIndex, tmp_path: Path
) -> None:
    settings = Settings(data_dir=tmp_path)
    small = small_index
    assert small.query_adapter is not None and small.query_adapter.name == shipped.name
    plain = e5.embed_queries(QUESTIONS)
    adapted = np.stack(small.embed_queries(QUESTIONS))
    assert np.allclose(adapted, shipped.apply(plain), atol=1e-5)
    assert np.all((adapted * plain).sum(axis=1) < 0.9999)  # the vectors did change
    seed = index_from_settings(settings, REGULATIONS_DIR, embedder=e5)
    assert seed.query_adapter is None  # R1-R3 are not LawRefBook regulations
    assert np.allclose(np.stack(seed.embed_queries(QUESTIONS)), plain, atol=1e-6)
    off = index_from_settings(Settings(data_dir=tmp_path, query_adapter="off"), small_corpus,
                              embedder=e5)
    assert off.query_adapter is None
    assert not shipped.fits("another-model|len256|float", small.regulation_titles())
    assert adapter_for("auto", e5.name, seed_index.regulation_titles(), 384) is None


def test_identity_adapter_gives_the_shipped_ranking(
    seed_index: SearchIndex, e5: SentenceTransformerEmbedder
) -> None:
    before = {q: [(h.regulation, h.article_label) for h in seed_index.search(q, top=10)]
              for q in QUESTIONS}
    seed_index.use_query_adapter(QueryAdapter.identity(e5.dimension))
    try:
        after = {q: [(h.regulation, h.article_label) for h in seed_index.search(q, top=10)]
                 for q in QUESTIONS}
        assert np.allclose(np.stack(seed_index.embed_queries(QUESTIONS)),
                           e5.embed_queries(QUESTIONS), atol=1e-6)
    finally:
        seed_index.use_query_adapter(None)
    assert after == before


def test_eval_names_the_adapter(small_corpus: Path, tmp_path: Path) -> None:
    file = tmp_path / "q.jsonl"
    file.write_text(json.dumps({"id": "a", "query": "谁可以被授予国家荣誉称号",
                                "gold": [{"regulation": "中华人民共和国国家勋章和国家荣誉称号法",
                                          "article": 2}]}, ensure_ascii=False) + "\n", "utf-8")
    settings = Settings(data_dir=tmp_path)
    out = json.loads(eval_command(file, small_corpus, as_json=True, settings=settings))
    assert out["query_adapter"] == "lawrefbook-stard-linear"
    assert "query adapter: lawrefbook-stard-linear" in eval_command(file, small_corpus,
                                                                    settings=settings)


def test_health_names_the_adapter(small_index: SearchIndex, tmp_path: Path) -> None:
    holder = SearchHolder(Settings(data_dir=tmp_path), index=small_index)
    engine = holder.query_engine
    assert engine is not None and engine.endswith(" + query adapter lawrefbook-stard-linear")


def test_auto_leaves_other_models_alone(shipped: QueryAdapter) -> None:
    """A stand-in model (another name and dimension) over LawRefBook regulations gets no
    adapter and no error: the service still opens its index."""
    titles = sorted(shipped.titles)[:20]
    assert adapter_for("auto", "hash-32", titles, 32) is None
    with pytest.raises(BackendError, match="384-d"):
        adapter_for(str(LAWREFBOOK_ADAPTER), "hash-32", titles, 32)
