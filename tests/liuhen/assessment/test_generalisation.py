"""General constructions (not word lists), bystanders' words, hearsay and the learned prior,
on situations written here from the text (not taken from any situation set)."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.errors import InputError
from liuhen.assessment import Assessor
from liuhen.assessment.narration import not_done_masked
from liuhen.assessment.prior import load_prior, regime_weights


@pytest.mark.parametrize(
    ("query", "verdict", "article", "item"),
    [
        pytest.param("一名侦查员向犯罪嫌疑人的姐姐借了三万块钱，一直没还", "violation",
                     ("R3", 5), 4, id="borrow-a-sum"),
        pytest.param("检察官对来咨询的被害人说：我给你推荐个律所，他们专做这类案子", "violation",
                     ("R3", 5), 2, id="recommend-a-firm"),
        pytest.param("听说有位法官收了当事人送的购物卡", "undetermined", ("R3", 5), 3,
                     id="hearsay-is-undetermined"),
        pytest.param("市中级人民法院的法官持调查函到区公安分局，依法调取一起案件的笔录", "lawful",
                     ("R2", 5), None, id="other-organ-by-procedure"),
        pytest.param("县委书记在全县政法工作会议上要求依法平等保护企业，没有涉及具体案件",
                     "lawful", ("R1", 3), None, id="no-specific-case"),
    ],
)
def test_constructions(assessor: Assessor, query: str, verdict: str,
                       article: tuple[str, int], item: int | None) -> None:
    result = assessor.assess(query)
    assert result.verdict == verdict, result.reasons
    first = result.provisions[0]
    assert (first.alias, first.article) == article, result.provisions[:3]
    if item is not None:
        assert first.item == item


def test_bystanders_quoted_words_are_not_conduct() -> None:
    masked = not_done_masked("院里有人议论说“他在替当事人说情”。其实他只是依法调取了卷宗。")
    assert "说情" not in masked
    assert "依法调取" in masked
    assert not_done_masked("县长说“判轻点”") == "县长说“判轻点”"


def test_the_prior_is_a_distribution_over_seed_articles() -> None:
    prior = load_prior()
    assert prior is not None  # data/legal/article_prior.json ships
    probabilities = prior.probabilities("一名法官收下了当事人送的购物卡")
    assert abs(sum(probabilities.values()) - 1.0) < 1e-9
    assert set(regime_weights(probabilities)) <= {"R1", "R2", "R3"}
    assert all(c.split("-")[0] in ("R1", "R2", "R3") for c in prior.classes)


def test_the_priors_read_the_words_without_the_search_index(assessor: Assessor) -> None:
    engine = Assessor(assessor.book, None)
    assert engine.prior is not None and engine.item_prior is not None
    # nobody the regulations govern is named: the rules alone know no regime, the prior does
    words = "有人托关系打听一起案件的审理进展，想知道什么时候开庭"
    assert assessor.assess(words).regimes == []
    result = engine.assess(words)
    assert result.regimes and set(result.regimes) <= {"R1", "R2", "R3"}
    assert all(len(key.split("-")) == 3 for key in engine.item_prior.classes)


@pytest.mark.parametrize(("name", "content"), [
    pytest.param("item_prior.json", '{"classes": ["R1-8-1"], "ngrams": ["a"], "idf": [1.0],'
                 ' "coef": [[0.0]], "intercept": [0.0, 1.0], "longest": 3}',
                 id="weights-do-not-match"),
    pytest.param("item_prior.json", '{"classes": ["R1-8-1"]}', id="no-ngrams"),
    pytest.param("item_prior.json", '[1, 2]', id="not-an-object"),
])
def test_a_broken_prior_file_is_named_in_its_error(tmp_path: Path, name: str,
                                                   content: str) -> None:
    broken = tmp_path / name
    broken.write_text(content, "utf-8")
    with pytest.raises(InputError) as raised:
        load_prior(broken)
    assert name in str(raised.value)
    assert "article_prior" not in str(raised.value)

