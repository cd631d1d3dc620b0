"""The shipped fact style with the real model: a case fact written for this test (in no eval
set, so not in the facts the style was fitted on) finds its article higher without the style
every judgment shares (issue 14, session 29)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from search.corpus import load_corpus
from search.embeddings import SentenceTransformerEmbedder
from search.index import SearchConfig, SearchIndex
from tests.conftest import LAWREFBOOK, need

# 故意伤害 (第二百三十四条) told in a judgment's words, as a 经审理查明 section reads.
INJURY_FACT = (
    "经审理查明：2022年9月14日下午，被告人孙某某在某县农贸市场摆摊时，因摊位界线问题与相邻摊主周某某"
    "发生争吵，被告人孙某某情绪激动，随手抄起摊位上的木质板凳朝周某某头部、肩部连续砸了数下，致周某某倒地，"
    "头部流血不止。周某某被送往医院救治，经诊断为颅骨骨折、左锁骨骨折。经法医鉴定，周某某的损伤程度为轻伤"
    "一级。案发后，被告人孙某某在现场等候，民警到达后将其带回派出所，到案后如实供述了犯罪事实，并赔偿了"
    "周某某医疗费等各项损失三万元，取得谅解。上述事实，有被害人周某某的陈述、证人的证言、法医鉴定意见、"
    "病历资料及被告人的供述等证据证实。"
)
CONFIG = SearchConfig(granularity="articles")
WHOLE = replace(CONFIG, long_query_style=False, long_query_rrf_k=60.0)  # before session 29


@pytest.fixture(scope="module")
def persons_and_property(e5: SentenceTransformerEmbedder, tmp_path_factory: pytest.TempPathFactory
                         ) -> SearchIndex:
    """《刑法》's crimes against the person and against property (第二百三十二条 to 第二百七十六条
    之一, 53 articles): small enough to embed in seconds, and full of articles a fight's facts
    could fit."""
    folder = tmp_path_factory.mktemp("criminal-law") / "刑法"
    folder.mkdir()
    (folder / "刑法.md").write_bytes(need(LAWREFBOOK / "刑法" / "刑法.md").read_bytes())
    regulation = load_corpus(folder.parent)[0][0]
    chapters = [a for a in regulation.articles if 232 <= a.number.number <= 276]
    return SearchIndex.build([regulation.model_copy(update={"articles": chapters})], e5, CONFIG)


def rank_of(index: SearchIndex, config: SearchConfig, fact: str, article: int) -> int:
    index.config = config
    numbers = [hit.article for hit in index.search(fact, top=len(index.article_starts))]
    return numbers.index(article) + 1


def test_an_injury_fact_finds_its_article_higher_without_the_style(
    persons_and_property: SearchIndex,
) -> None:
    assert len(INJURY_FACT) > CONFIG.long_query_chars
    styled = rank_of(persons_and_property, CONFIG, INJURY_FACT, 234)
    whole = rank_of(persons_and_property, WHOLE, INJURY_FACT, 234)
    assert styled < whole, (styled, whole)  # measured: 11 against 23 of 53


def test_the_style_changes_nothing_for_a_question(persons_and_property: SearchIndex) -> None:
    question = "打架把人打成轻伤怎么判"
    persons_and_property.config = CONFIG
    styled = persons_and_property.search(question, top=10)
    persons_and_property.config = WHOLE
    assert persons_and_property.search(question, top=10) == styled
