from __future__ import annotations

import pytest

from search.expansion import expansion_terms
from search.tokenizer import ChineseTokenizer, cjk_bigrams, normalize_text, vocabulary_terms


@pytest.fixture(scope="module")
def tokenizer() -> ChineseTokenizer:
    return ChineseTokenizer(vocabulary_terms())


@pytest.mark.parametrize(
    "term",
    ["请托说情", "打探案情", "通风报信", "私下会见", "转递涉案材料", "请客送礼", "特殊关系人"],
)
def test_user_dictionary_keeps_terms_whole(tokenizer: ChineseTokenizer, term: str) -> None:
    assert term in tokenizer(f"领导干部为当事人{term}的")


def test_vocabulary_roles_and_defined_terms_are_user_words(r1: object) -> None:
    words = vocabulary_terms([r1])  # type: ignore[list-item]
    assert {"司法机关内部人员", "党委政法委", "请托说情", "领导干部"} <= set(words)
    assert words == sorted(set(words))


def test_stopwords_punctuation_and_emoji_are_dropped(tokenizer: ChineseTokenizer) -> None:
    tokens = tokenizer("法官的朋友吗？！😀 ……")
    assert tokens == ["法官", "朋友"]


def test_same_tokens_for_full_width_and_case(tokenizer: ChineseTokenizer) -> None:
    assert tokenizer("ＡＢＣ　２０１５年") == tokenizer("abc 2015年")
    assert normalize_text("ＡＢＣ") == "abc"


@pytest.mark.parametrize("text", ["", "   ", "！！！。。。", "😀🙏"])
def test_nothing_to_index_gives_no_tokens(tokenizer: ChineseTokenizer, text: str) -> None:
    assert tokenizer(text) == []


def test_bigrams_are_marked_and_stay_inside_cjk_runs() -> None:
    assert cjk_bigrams("借款a说情") == ["#借款", "#说情"]
    assert ChineseTokenizer(bigrams=True)("借款")[-1] == "#借款"


def test_expansion_maps_everyday_words_to_regulation_terms() -> None:
    assert "请客送礼" in expansion_terms("律师给法官送了一个红包")
    assert "打探案情" in expansion_terms("向同事打听案情")
    assert expansion_terms("宪法规定公民的基本权利") == []


def test_spoken_negation_brings_in_the_written_forms() -> None:
    terms = expansion_terms("办案人员两次以上没有记录内部人员过问案件的情况")
    assert "不记录" in terms and "未记录" in terms
    assert {"不报告", "未报告"} <= set(expansion_terms("法官没报告就去见了律师"))
    assert not [t for t in expansion_terms("法官如实记录了过问情况") if t.startswith(("不", "未"))]
