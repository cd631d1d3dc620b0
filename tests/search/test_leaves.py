"""The item an article's hit names (search/leaves.py): by the words that set it apart from its
siblings, and the list's catch-all item when no enumerated item is named. The sentences are
written here from the seed's text (R1 第八条, R2 第九条, R3 第五条), not taken from any
evaluation set; each names the item the text gives it, and main's leaf choice (passage BM25 +
0.5 dense, no catch-all) names another one."""

from __future__ import annotations

from dataclasses import replace

import pytest

from search.bm25 import sibling_bm25
from search.index import SearchConfig, SearchIndex
from search.leaves import is_catch_all, leaves

R1 = "领导干部干预司法活动、插手具体案件处理的记录、通报和责任追究规定"
R2 = "司法机关内部人员过问案件的记录和责任追究规定"
R3 = "关于进一步规范司法人员与当事人、律师、特殊关系人、中介组织接触交往行为的若干规定"

# main's leaf setting at 2ff26bc, for the contrasts
MAIN = replace(SearchConfig(), leaf_text_weight=0.0, leaf_dense_weight=0.5, catch_all_floor=0.0)


def article_of(index: SearchIndex, title: str, number: int) -> int:
    for position, start in enumerate(index.article_starts):
        unit = index.units[int(start)]
        if unit.regulation == title and unit.article == number:
            return position
    raise AssertionError(f"{title} 第{number}条 is not indexed")


def item_for(index: SearchIndex, title: str, number: int, query: str,
             config: SearchConfig | None = None) -> int | None:
    shipped = index.config
    index.config = config or shipped
    try:
        return index.units[index.best_unit(article_of(index, title, number),
                                           index.score(query))].item
    finally:
        index.config = shipped


def test_sibling_bm25_weighs_a_word_one_sibling_has_over_a_word_all_share() -> None:
    items = [["领导干部", "请托", "说情"], ["领导干部", "私下", "会见"], ["领导干部", "协调会"]]
    assert sibling_bm25(["领导干部"], items).max() < sibling_bm25(["协调会"], items).max()
    scores = sibling_bm25(["领导干部", "私下", "会见"], items)
    assert int(scores.argmax()) == 1
    assert sibling_bm25(["没有的词"], items).tolist() == [0.0, 0.0, 0.0]
    assert sibling_bm25(["说情"], []).tolist() == []


@pytest.mark.parametrize(("title", "number", "catch_all"), [
    pytest.param(R1, 8, 5, id="R1-8-5 其他违法干预司法活动、妨碍司法公正的行为"),
    pytest.param(R2, 9, 5, id="R2-9-5 其他影响司法人员依法公正处理案件的行为"),
    pytest.param(R3, 5, 6, id="R3-5-6 ……的其他不正当接触交往行为"),
    pytest.param(R2, 8, None, id="R2-8-4 其他没有隶属关系的司法人员… is enumerated"),
])
def test_catch_all_items_are_told_by_their_drafting(
    seed_index: SearchIndex, title: str, number: int, catch_all: int | None
) -> None:
    article = article_of(seed_index, title, number)
    start, end = int(seed_index.article_starts[article]), int(seed_index.article_ends[article])
    found = [seed_index.units[i].item for i in leaves(seed_index.units, start, end)
             if is_catch_all(seed_index.units, i, end)]
    assert found == ([catch_all] if catch_all else [])


def test_an_item_is_chosen_by_its_own_words(seed_index: SearchIndex) -> None:
    # R1 第八条第（三）项: 授意、纵容身边工作人员或者亲属为案件当事人请托说情
    query = "领导干部让自己的秘书出面替被告人向承办法官求情"
    hit = seed_index.search(query, top=1)[0]
    assert (hit.regulation, hit.article, hit.item) == (R1, 8, 3)
    assert item_for(seed_index, R1, 8, query, MAIN) != 3


@pytest.mark.parametrize(("title", "number", "query", "catch_all"), [
    pytest.param(R1, 8, "市长在全市大会上公开点评一起正在审理的案件，给法院施加压力", 5,
                 id="R1-8: public pressure, none of items 1-4"),
    pytest.param(R2, 9, "检察院的一名处长在食堂里当着承办检察官的面议论案子该怎么定性", 5,
                 id="R2-9: a colleague's talk, none of items 1-4"),
])
def test_conduct_no_item_names_goes_to_the_catch_all(
    seed_index: SearchIndex, title: str, number: int, query: str, catch_all: int
) -> None:
    assert item_for(seed_index, title, number, query) == catch_all
    assert item_for(seed_index, title, number, query, MAIN) != catch_all
    # off (floor 0), the same leaf weights do not reach it
    off = replace(SearchConfig(), catch_all_floor=0.0)
    assert item_for(seed_index, title, number, query, off) != catch_all


def test_an_item_named_by_its_words_is_not_replaced_by_the_catch_all(
    seed_index: SearchIndex,
) -> None:
    # R3 第五条第（四）项: 向当事人、律师……借款、租借房屋，借用交通工具
    assert item_for(seed_index, R3, 5, "司法人员向当事人的律师借了一辆车自驾出游") == 4
    # R2 第九条第（三）项: 违反规定为案件当事人或其……亲属转递涉案材料
    assert item_for(seed_index, R2, 9, "检察院的工作人员为当事人的亲属转递涉案材料") == 3


def test_dense_alone_still_names_an_item(seed_index: SearchIndex) -> None:
    # the shipped dense leaf weight is 0 beside BM25; alone, dense must still choose a leaf
    article = article_of(seed_index, R1, 8)
    scores = seed_index.score("领导干部让自己的秘书出面替被告人向承办法官求情")
    assert seed_index.units[seed_index.best_unit(article, scores, "dense")].item is not None
