"""Applicable articles for the example incidents, and how often the first ones are right.

Measured 2026-11 on the 70 example incidents (the words of data/conduct_terms.json and the
incidents were written by the same team, so these are optimistic):
BM25 + facts + words: article@1 0.87, @3 1.00; item@1 0.74, @3 0.96.
"""

from __future__ import annotations

import pytest

from core.settings import get_settings
from ingest.models import Regulation
from ingest.records import RecordSet
from liuhen.classify import ArticleClassifier, measure
from search.index import SearchIndex


@pytest.fixture(scope="module")
def bm25_classifier(seeds: dict[str, Regulation]) -> ArticleClassifier:
    return ArticleClassifier(SearchIndex.build(list(seeds.values()), None), seeds)


def test_ranked_with_score_and_reason(bm25_classifier: ArticleClassifier, example: RecordSet):
    ranked = bm25_classifier.classify(example.incidents["i012"], example, top=3)
    assert ranked[0].article.key == "R1-8-3"
    assert "staff or a relative" in ranked[0].reason
    assert "search (BM25)" in ranked[0].reason
    assert [a.score for a in ranked] == sorted((a.score for a in ranked), reverse=True)
    assert ranked[0].text.startswith("授意、纵容身边工作人员")


def test_role_facts_decide_the_regulation(bm25_classifier: ArticleClassifier,
                                          example: RecordSet):
    # The same plea from a county leader, a court insider and a party's lawyer.
    assert bm25_classifier.classify(example.incidents["i001"], example)[0].article.regulation \
        == "R1"
    assert bm25_classifier.classify(example.incidents["i023"], example)[0].article.regulation \
        == "R2"
    assert bm25_classifier.classify(example.incidents["i048"], example)[0].article.regulation \
        == "R3"


def test_lawful_inquiries_rank_their_permission_first(bm25_classifier: ArticleClassifier,
                                                      example: RecordSet):
    assert bm25_classifier.classify(example.incidents["i062"], example)[0].article.key == "R1-3"
    assert bm25_classifier.classify(example.incidents["i060"], example)[0].article.key == "R3-6"


def test_accuracy_on_the_example_incidents(bm25_classifier: ArticleClassifier,
                                           example: RecordSet):
    accuracy = measure(bm25_classifier, example.current_incidents(), example)
    assert accuracy.incidents >= 60
    assert accuracy.top1_article >= 0.85
    assert accuracy.top3_article >= 0.95
    assert accuracy.top1_item >= 0.70
    assert accuracy.top3_item >= 0.90


def test_without_search_facts_and_words_still_rank(seeds: dict[str, Regulation],
                                                   example: RecordSet):
    accuracy = measure(ArticleClassifier(None, seeds), example.current_incidents(), example)
    assert accuracy.top1_article >= 0.8


@pytest.mark.slow
def test_accuracy_with_the_dense_model(seeds: dict[str, Regulation], example: RecordSet):
    from search.embeddings import load_embedder

    settings = get_settings()
    embedder = load_embedder(settings.model, settings.model_cache_dir)
    classifier = ArticleClassifier(SearchIndex.build(list(seeds.values()), embedder), seeds)
    accuracy = measure(classifier, example.current_incidents(), example)
    assert accuracy.top1_article >= 0.85
    assert accuracy.top3_item >= 0.9
