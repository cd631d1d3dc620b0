"""The element passages and the conduct-only query of bench/search_elements.py, on the real
《刑法》: what the figures for the element-level index (issue 14, session 12) rest on."""

from __future__ import annotations

import shutil

import pytest

from bench.search_elements import CRIMINAL_LAW, STRIP, article_elements, conduct_only
from ingest.models import Article
from search.corpus import load_corpus


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Article]:
    if not CRIMINAL_LAW.is_file():
        pytest.skip(f"{CRIMINAL_LAW} is not on this machine")
    root = tmp_path_factory.mktemp("criminal-law")
    (root / "刑法").mkdir()
    shutil.copyfile(CRIMINAL_LAW, root / "刑法" / "刑法.md")
    regulation = load_corpus(root)[0][0]
    return {a.label: a for a in regulation.articles}


def test_an_element_is_the_conduct_without_its_penalty_or_grades(
        articles: dict[str, Article]) -> None:
    assert article_elements(articles["第二百六十四条"]) == [
        "盗窃公私财物，数额较大的，或者多次盗窃、入户盗窃、携带凶器盗窃、扒窃的"]
    assert article_elements(articles["第二百三十二条"]) == ["故意杀人的"]


def test_items_are_kept_under_their_paragraph(articles: dict[str, Article]) -> None:
    first = article_elements(articles["第一百三十三条之一"])[0]
    assert first.startswith("在道路上驾驶机动车，有下列情形之一的：（一）追逐竞驶")
    assert "（二）醉酒驾驶机动车的" in first and "拘役" not in first


def test_no_crime_element_carries_a_penalty(articles: dict[str, Article]) -> None:
    # 分则 (第一百零二条 on) defines the crimes; a few 总则 articles that name a penalty as a
    # condition (第七条 最高刑为三年以下有期徒刑的) also give an "element": measured as they are
    elements = [e for a in articles.values() if a.number.number >= 102
                for e in article_elements(a)]
    assert len(elements) > 600
    assert not [e for e in elements if "有期徒刑" in e or "罚金" in e]
    assert article_elements(articles["第十三条"]) == []


def test_stripping_removes_every_penalty_clause(articles: dict[str, Article]) -> None:
    text = STRIP.sub("", articles["第二百六十六条"].text)
    assert text.startswith("第二百六十六条 诈骗公私财物，数额较大的")
    assert "有期徒刑" not in text and "罚金" not in text


def test_conduct_only_drops_the_procedure_sentences() -> None:
    fact = ("经审理查明：被告人甲窃取乙的手机一部。次日，甲被公安机关抓获，到案后如实供述。"
            "上述事实，有被害人陈述等证据证实。")
    assert conduct_only(fact) == "经审理查明：被告人甲窃取乙的手机一部。"
    assert conduct_only("上述事实，有证据证实。") == "上述事实，有证据证实。"
