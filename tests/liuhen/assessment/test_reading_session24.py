"""Readings of the seed the engine got wrong (session 24), each with its control.

- R3 第五条 forbids 泄露 "与当事人、律师、特殊关系人、中介组织": a leak to someone else (the
  officer's own 科长, his own wife) is not that item by the words; whether the one told is one of
  the four is the open question, never a violation by itself.
- An insider who demands something of the officer handling a case (庭长要求承办法官…) is read
  under R2 (司法机关内部人员过问案件), not as the officer's own contact under R3.
- R3 第四条 binds "有法律规定的回避情形的，应当自行回避": an officer who did not step aside in a
  case of someone close leaves open whether the tie is such a 情形 (the procedure laws say),
  not whether something was approved.
- R3 第七条: a chance meeting (偶遇案件当事人) reported the next day is lawful; the words 偶遇案件
  were read as the name of a case (偶遇案), so no chance meeting was seen.
- R3 第五条第（三）项 forbids "接受…请客送礼": 接受了律师请的一顿饭 is that, in the text's own
  construction.
- R1 第十条: 不要把…记录在案 is told not to record (only 不把…记录 was read).
- R3 第十四条 makes a friend, classmate or townsman a 特殊关系人 only with a tie to a case.
- R3 第五条第（二）项 covers an intermediary recommended to a party; with no counterpart named
  the open fact is who the other was, not an approval.
- R3 第六条: a contact away from the workplace needs approval; the counterpart's premises one
  goes to (到…鉴定所, 到…评估公司, 外出走访) are such a place, and approved it is lawful.

Every sentence is written for the test, not taken from any situation set."""

from __future__ import annotations

import pytest

from liuhen.assessment import Assessor
from liuhen.assessment import missing_facts as unknown
from tests.liuhen.assessment.reading import rules_with_status as _rules


@pytest.mark.parametrize("situation", [
    "检察官把案件的侦查进展告诉了科长。",
    "执行法官把拍卖保留价告诉了自己的老婆。",
])
def test_a_leak_to_no_one_the_text_names_is_not_a_violation(assessor: Assessor,
                                                             situation: str) -> None:
    result = assessor.assess(situation)
    assert result.verdict == "undetermined"
    assert unknown.COUNTERPART in result.missing_facts
    assert "R3-5-1" not in _rules(result, "violation")


@pytest.mark.parametrize("situation", [
    "法官把评议结果告诉了原告的代理律师。",
    "执行法官把拍卖保留价告诉了被执行人的老婆。",
    # 案卷内容 is what the files hold, not a place in them (案卷里)
    "检察官把案卷内容拍照发给了犯罪嫌疑人的家属。",
])
def test_a_leak_to_a_party_its_lawyer_or_kin_is_one(assessor: Assessor, situation: str) -> None:
    result = assessor.assess(situation)
    assert result.verdict == "violation"
    assert "leak" in result.facts.conduct
    assert result.facts.counterpart is not None


def test_a_division_head_who_demands_the_deliberation_is_an_insider(assessor: Assessor) -> None:
    result = assessor.assess("庭长要求承办法官把一份案件的评议结果告诉他。")
    assert result.facts.regimes == ["R2"]
    assert result.facts.insider_relation == "own_leader"
    assert result.verdict != "violation"
    assert not {r for r in _rules(result, "violation") if r.startswith("R3-")}


def test_a_leader_shown_the_report_is_not_a_violation_by_that_alone(assessor: Assessor) -> None:
    """第四条 gives a court's leader 领导、监督职责 over its cases: reading a report is not by
    itself 第九条第（五）项; a party in the story would make it something else."""
    result = assessor.assess("副院长让承办法官把审理报告拿给他看一看。")
    assert result.verdict == "undetermined"
    assert result.missing_facts == [unknown.CONDUCT]
    for_a_party = assessor.assess("副院长让承办法官把审理报告拿给被告人的哥哥看一看。")
    assert for_a_party.verdict == "violation"


@pytest.mark.parametrize("situation", [
    "法官发现自己承办的离婚案件的原告是他的表姐，但没有申请回避，继续审理了此案。",
    "审判员与本案被告是大学同学，他没有提出回避。",
])
def test_an_officer_who_did_not_step_aside_leaves_the_ground_open(assessor: Assessor,
                                                                 situation: str) -> None:
    result = assessor.assess(situation)
    assert result.verdict == "undetermined"
    assert result.missing_facts == [unknown.RECUSAL_GROUND]
    assert result.facts.recused is False
    top = result.provisions[0]
    assert (top.alias, top.article) == ("R3", 4)
    assert "有法律规定的回避情形的，应当自行回避" in top.quote


def test_an_officer_who_stepped_aside_is_lawful(assessor: Assessor) -> None:
    result = assessor.assess("承办法官的儿子在代理本案原告的律师事务所工作，"
                             "法官主动申请回避，院长批准了。")
    assert result.verdict == "lawful"
    assert result.facts.recused is True


def test_a_chance_meeting_reported_the_next_day_is_lawful(assessor: Assessor) -> None:
    reported = assessor.assess("法官周末在超市偶遇案件当事人，对方想聊案子，法官当即离开，"
                               "第二天向院纪检组报告了情况。")
    assert reported.facts.planned is False
    assert reported.verdict == "lawful"
    assert "R3-7" in _rules(reported, "lawful")
    never = assessor.assess("法官周末在超市偶遇案件当事人，两人聊了十几分钟案子，"
                            "法官一直没有报告。")
    assert never.verdict == "violation"
    assert "R3-7" in _rules(never, "violation")


def test_a_treat_accepted_is_one_and_one_declined_is_not(assessor: Assessor) -> None:
    accepted = assessor.assess("法官接受了律师请的一顿饭。")
    assert accepted.verdict == "violation"
    assert "R3-5-3" in _rules(accepted, "violation")
    declined = assessor.assess("法官拒绝接受律师的宴请。")
    assert declined.verdict == "lawful"


def test_a_visit_to_the_counterparts_premises_turns_on_approval(assessor: Assessor) -> None:
    approved = assessor.assess("承办法官经分管院长批准，到受委托的评估公司当面核对评估报告的数据。")
    assert approved.facts.at_workplace is False
    assert approved.verdict == "lawful"
    assert "R3-6" in _rules(approved, "lawful")
    unsaid = assessor.assess("承办法官到受委托的评估公司当面核对评估报告的数据。")
    assert unsaid.verdict == "undetermined"
    assert unsaid.missing_facts == [unknown.APPROVAL]


def test_a_leader_who_says_do_not_record_it_is_r1_10(assessor: Assessor) -> None:
    """R1 第十条: "主管领导授意不记录或者不如实记录的，依纪依法追究主管领导责任"; 不要把…记录
    was read only as 不把…记录."""
    result = assessor.assess("院长指示承办法官不要把市领导的电话记录在案。")
    assert result.facts.recorded is False
    assert result.verdict == "violation"
    assert "R1-10" in _rules(result, "violation")


def test_an_intermediary_recommended_to_a_party_is_r3_5_2(assessor: Assessor) -> None:
    """R3 第五条第（二）项: "…或者为律师、中介组织介绍案件": an appraiser recommended to a party
    is a case brought to an intermediary; a lawyer recommended is the item's first half."""
    result = assessor.assess("法官向当事人推荐了一家评估公司。")
    assert result.verdict == "violation"
    assert "R3-5-2" in _rules(result, "violation")


def test_no_counterpart_named_asks_for_one_not_for_an_approval(assessor: Assessor) -> None:
    """With nobody of R3 第五条's four named, whether there was one is the open fact. (Session
    26: the sentence said 在派出所, which is the officer's workplace, where R3 第六条 receives
    anyone: lawful; the place is left out here so that the open fact stays the counterpart.)"""
    result = assessor.assess("警察依法询问了一名证人。")
    assert result.verdict != "violation"
    assert unknown.APPROVAL not in result.missing_facts
    assert unknown.COUNTERPART in result.missing_facts


def test_a_general_work_report_to_a_party_committee_is_lawful(assessor: Assessor) -> None:
    """R1 第三条 lets the organs that lead judicial work learn of it by work procedure; a report
    on 全县审判工作 concerns no case (R1 第八条 is about 案件处理)."""
    general = assessor.assess("县委书记在县委常委会上听取了县法院院长关于全县审判工作的年度汇报。")
    assert general.facts.specific_case is False
    assert general.verdict == "lawful"
    one_case = assessor.assess("县委书记在县委常委会上听取了县法院院长关于一起涉黑案件的汇报，"
                               "要求对被告人从重判处。")
    assert one_case.verdict == "violation"


def test_an_arrangement_decided_is_no_deliberation_leaked(assessor: Assessor) -> None:
    """庭里定了上门调解 says how the case will be handled, not what was deliberated; 合议庭已经
    定了，判三年 told to a lawyer is a leak."""
    arranged = assessor.assess("庭里定了下周二上门调解。承办法官经庭长批准，到原告家中主持调解，"
                               "被告也到场。")
    assert "leak" not in arranged.facts.conduct
    assert arranged.verdict == "lawful"
    told = assessor.assess("庭长说合议庭已经定了，判三年缓三年，让律师转告家属放心。")
    assert "leak" in told.facts.conduct
    assert told.verdict == "violation"


def test_an_outcome_naming_whom_it_is_about_is_no_plea_or_leak(assessor: Assessor) -> None:
    """拟判缓刑的被告人 names the defendant by the state of his case; the staff of another organ
    asking about him by a commission letter is R2 第五条's lawful inquiry."""
    result = assessor.assess("司法局社区矫正工作人员持法院的委托函，到法院向承办法官了解"
                             "拟判缓刑的被告人的家庭情况。")
    assert not {"plead", "leak"} & set(result.facts.conduct)
    assert result.verdict == "lawful"
    told = assessor.assess("法官把拟判缓刑的结果告诉了被告人的家属。")
    assert "leak" in told.facts.conduct
    assert told.verdict == "violation"


@pytest.mark.parametrize("situation", [
    "法官周末和几个朋友一起钓鱼。",
    "法官收了朋友送的两瓶酒。",
])
def test_a_friend_is_no_special_relation_by_the_word(assessor: Assessor, situation: str) -> None:
    """R3 第十四条: "特殊关系人，是指当事人的父母、配偶、子女、同胞兄弟姐妹和与案件有利害关系或
    可能影响案件公正处理的其他人". A friend, a classmate or a fellow townsman is one only with
    such a tie; private life with them is no R3 第五条 violation by itself."""
    result = assessor.assess(situation)
    assert result.verdict != "violation"
    assert result.facts.counterpart is None
    assert unknown.COUNTERPART in result.missing_facts
