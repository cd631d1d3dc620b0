"""Constructions read in session 12 (issue 11): a relative of an officer with no case; papers
received, not a benefit; a leisure invitation turned down; a clerk or driver of a judicial organ
(an insider of R2 第十三条, not yet a 司法人员 of R3 第十四条); a tip-off told after the plan
it betrays. Every sentence is written for the test from the regulations' own terms, not taken
from any situation set; each change was kept only if no author's set lost a verdict by it
(docs/benchmarks.md, "Assessment engine, session 12")."""

from __future__ import annotations

import pytest

from liuhen.assessment import Assessor
from liuhen.assessment import missing_facts as unknown


def _first(result: object) -> tuple[str, int, int | None]:
    first = result.provisions[0]  # type: ignore[attr-defined]
    return first.alias, first.article, first.item


def test_an_officers_relative_with_no_case_is_private_life(assessor: Assessor) -> None:
    """R3 第六、七条 govern contact 「在案件办理过程中」: a cousin with no case is no party."""
    result = assessor.assess("检察官的表哥周末来检察官家里喝茶，两人聊聊家常。"
                             "表哥和他家人在这个检察院都没有任何案件。")
    assert result.verdict == "lawful"
    assert result.facts.actor_role != "司法机关内部人员"
    with_a_case = assessor.assess("检察官的表哥周末来检察官家里喝茶，请他在表哥的合同纠纷案里"
                                  "多帮帮忙。")
    assert with_a_case.verdict != "lawful"


@pytest.mark.parametrize("papers", ["代理词", "辩护意见书", "补充证据材料"])
def test_papers_received_are_no_benefit(assessor: Assessor, papers: str) -> None:
    result = assessor.assess(f"律师在法院接待室把{papers}交给法官，法官收下{papers}，附入卷宗。")
    assert result.verdict == "lawful"
    assert "accept_benefit" not in (result.facts.conduct or [])


def test_an_envelope_received_is_still_a_benefit(assessor: Assessor) -> None:
    result = assessor.assess("律师塞给法官一个信封，法官收下了。")
    assert result.verdict == "violation"
    assert _first(result) == ("R3", 5, 3)


@pytest.mark.parametrize("refusal", ["法官说不去", "法官婉拒了，让他有事到法院来谈",
                                     "法官没有答应"])
def test_a_leisure_invitation_turned_down(assessor: Assessor, refusal: str) -> None:
    """R3 第五条第（六）项 is contact that happened; an invitation refused is none."""
    result = assessor.assess(f"代理律师约承办法官周末一起去钓鱼，{refusal}。")
    assert result.verdict == "lawful"
    went = assessor.assess("代理律师约承办法官周末一起去钓鱼，法官去了。")
    assert went.verdict == "violation"


def test_a_clerk_tipping_off_a_party_is_an_insider_probing(assessor: Assessor) -> None:
    """The plan told first, then a court clerk (not a 司法人员 of R3 第十四条, an insider of
    R2 第十三条) warns the party: R2 第九条第（四）项's 通风报信."""
    result = assessor.assess("检察院定于周五搜查嫌疑人的仓库。周四晚上，检察院的一名司机给"
                             "嫌疑人发微信：“后天有人来，货赶紧转走。”")
    assert result.verdict == "violation"
    assert _first(result) == ("R2", 9, 4)
    assert result.facts.staff_only is True


def test_a_clerks_loan_from_a_party_waits_for_his_duties(assessor: Assessor) -> None:
    """R3 第五条第（四）项 binds 司法人员, whom 第十四条 defines by their duties; a driver's are
    not told."""
    result = assessor.assess("检察院的一名司机向案件当事人借了三万元。")
    assert result.verdict == "undetermined"
    assert unknown.JUDICIAL_DUTY in result.missing_facts
    judge = assessor.assess("承办法官向案件当事人借了三万元。")
    assert judge.verdict == "violation"
    assert _first(judge) == ("R3", 5, 4)
