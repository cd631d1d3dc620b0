"""Verdict safety: lawful conduct is never called a violation. A violation needs the conduct
stated as an act in the situation's own words and no sign of the lawful path; otherwise the
engine answers undetermined and names the fact it waits for. Situations written here from the
text (not taken from any situation set), plus the third author's development set."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.settings import REPO_ROOT
from liuhen.assessment import Assessor
from liuhen.assessment.evaluation import Situation, read_lines
from liuhen.assessment.extractor import Extractor
from liuhen.assessment.lexicon import load_lexicon
from liuhen.assessment.missing_facts import CONDUCT, FORMER_UNIT, IS_LEADER, PROCEDURE, WHO
from liuhen.assessment.models import quote_of
from tests.conftest import SEED_FILE, need

DEV3 = REPO_ROOT / "data/eval/situations_dev3.jsonl"


@pytest.mark.parametrize(
    "query",
    [
        pytest.param("县司法局社区矫正中心依照工作程序，向县法院调取一名缓刑人员的判决书",
                     id="an-outcome-word-in-a-procedure"),
        pytest.param("区检察院依法作出不起诉决定后，区委政法委按照工作程序听取了情况汇报，"
                     "对案件处理没有表态", id="a-briefing-that-decides-nothing"),
        pytest.param("我如实记录过一次过问。后来院里按干部交流制度、经党组研究把我调到立案庭，"
                     "这算不算打击报复？", id="a-question-states-nothing"),
        pytest.param("市委政法委书记在全市政法工作会议上“打招呼”：各单位要依法平等保护企业",
                     id="a-label-in-scare-quotes"),
        pytest.param("法官从丙县法院辞职后做了律师，现在代理丁县法院受理的一起借款案",
                     id="a-former-judge-in-another-court"),
        pytest.param("周日在公园碰到本案原告，法官没有和他谈案子，周一上午就向本院纪检监察部门"
                     "报告了", id="a-chance-contact-reported-next-day"),
        pytest.param("经庭长批准，法官到被告的工厂查看设备，当事人和律师在场",
                     id="a-visit-away-from-work-approved"),
        pytest.param("市委政法委召开联席会议研究涉案企业职工的安置，纪要写明：证据采信和事实认定"
                     "由法院依法独立决定", id="decision-words-in-a-disclaimer"),
        pytest.param("副市长周末去看望在法院工作的老同学，两人在家里下棋", id="a-cadre-and-no-act"),
    ],
)
def test_lawful_conduct_is_never_a_violation(assessor: Assessor, query: str) -> None:
    result = assessor.assess(query)
    assert result.verdict != "violation", result.reasons
    assert result.liability == [] or result.verdict == "undetermined", result.liability


@pytest.mark.parametrize(
    ("query", "item"),
    [
        pytest.param("区长给承办法官打电话说情，希望对被告人判缓刑", ("R1", 8, 1),
                     id="a-plea-stated"),
        pytest.param("区政府以政府名义向区法院发函，请法院对某公司的系列案件暂缓执行",
                     ("R1", 8, 4), id="a-plea-by-formal-letter"),
    ],
)
def test_a_stated_plea_stays_a_violation(assessor: Assessor, query: str,
                                         item: tuple[str, int, int]) -> None:
    """The lawful-path signs do not excuse a plea the words state (a letter is a channel)."""
    result = assessor.assess(query)
    assert result.verdict == "violation", result.reasons
    assert any((p.alias, p.article) == item[:2] for p in result.provisions[:3])


def test_a_former_officer_with_no_unit_named_is_undetermined(assessor: Assessor) -> None:
    result = assessor.assess("一名辞职的法官当了律师，代理了一起合同纠纷案")
    assert result.verdict == "undetermined", result.reasons
    assert FORMER_UNIT in result.missing_facts


def test_a_claimed_identity_is_not_a_leading_cadre(assessor: Assessor) -> None:
    result = assessor.assess("一个自称在省里当领导的人给法官打电话，要求对被告人从轻判决")
    assert result.verdict == "undetermined", result.reasons
    assert set(result.missing_facts) & {IS_LEADER, WHO}


def test_outcome_words_and_labels_are_weak_conduct() -> None:
    extractor = Extractor(load_lexicon())
    weak = extractor.extract("社区矫正机构依照程序调取一起判了缓刑的案件的判决书").facts
    assert "plead" in (weak.weak_conduct or [])
    assert weak.personal_tie is not True
    named = extractor.extract("社区矫正机构依照程序调取一名缓刑犯的判决书").facts
    assert "plead" not in (named.conduct or [])  # 缓刑犯 names a person (session 5)
    stated = extractor.extract("副县长打电话为被告人说情，希望判缓刑").facts
    assert "plead" in (stated.conduct or [])
    assert "plead" not in (stated.weak_conduct or [])


def test_identity_alone_is_no_violation(assessor: Assessor) -> None:
    """R1 第八条第（五）项 (其他违法干预) is a judgement on conduct: a cadre named and no act
    stated waits for the conduct (session 6). Read since session 13 as the head of the
    political-legal committee (a leading organ), the visit waits on R1 第三条's 依照工作程序."""
    result = assessor.assess("县委常委、政法委书记上周到县法院，与执行局的法官见了面")
    assert result.verdict != "violation", result.reasons
    assert {CONDUCT, PROCEDURE} & set(result.missing_facts) or result.verdict == "lawful", \
        result.missing_facts
    cadre = assessor.assess("副县长上周到县法院，与执行局的法官见了面")
    assert cadre.verdict == "undetermined"
    assert CONDUCT in cadre.missing_facts


def test_a_disclaimer_takes_the_decision_words_back() -> None:
    extractor = Extractor(load_lexicon())
    disclaimed = extractor.extract(
        "区委政法委听取法院汇报，副书记说：事实认定和证据采信都由法院依法决定，我们不表态").facts
    assert "decide_case" not in (disclaimed.conduct or [])
    assert disclaimed.decision is False
    stated = extractor.extract(
        "区委政法委副书记在汇报会上说：这个案子的事实认定要按委里的意见来").facts
    assert "decide_case" in (stated.conduct or []), stated.conduct


def test_a_word_beginning_with_a_negator_negates_nothing() -> None:
    """不动产登记中心 is no failure to record."""
    facts = Extractor(load_lexicon()).extract(
        "市委政法委召开联席会议，法院、银行、不动产登记中心参加，研究财产查控协作机制").facts
    assert facts.recorded is not False


@pytest.fixture(scope="module")
def dev3() -> list[Situation]:
    if not DEV3.exists():
        pytest.skip("data/eval/situations_dev3.jsonl is not written")
    return read_lines(Path(DEV3), Situation)


def test_no_lawful_dev3_situation_is_called_a_violation(assessor: Assessor,
                                                         dev3: list[Situation]) -> None:
    called = [s.id for s in dev3 if s.lawful is True
              and assessor.assess(s.query).verdict == "violation"]
    assert called == []


def test_every_dev3_quote_is_verbatim(assessor: Assessor, dev3: list[Situation]) -> None:
    need(SEED_FILE)
    seed = SEED_FILE.read_text("utf-8")
    for situation in dev3:
        result = assessor.assess(situation.query)
        for claim in [*result.provisions, *result.duties, *result.liability]:
            quote = quote_of(claim)
            assert quote and quote in seed, (situation.id, quote)
