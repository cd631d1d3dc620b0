"""Readings of the seed the engine got wrong (session 25), each with its control.

- R1 第十二条 makes a 领导干部 of someone 在…人大机关…中具有国家工作人员身份: a people's deputy
  (人大代表) or a CPPCC member holds a seat, not an office, so whether he is one is open unless an
  office is named beside the seat; the same holds for a private firm's chairman. A deputy who is
  a party's lawyer acts as the lawyer (R3).
- Attending a public trial or hearing (旁听, 听证员) is none of R1 第八条's acts.
- R2 第七条 / R1 第六条 forbid a transfer 非因法定事由，非经法定程序: when the account says the
  cause is unknown, that is the open fact; 无故 (without cause) is no negation of the transfer.
- A leak to a friend is no 通风报信 for a party (R2 第九条第（四）项) by the word.
- R3 第六条's workplace: a party filing papers 到法院 is there; 法院门口 and 法院附近 are not.
- R3 第七条: an invitation the officer turned down and reported within three days is lawful.
- Evidence taken out or destroyed at someone's request is an interference of its own (R2 第九条
  第（五）项); papers passed on 依照规定 are not 第九条第（三）项's 违反规定 passing.
- R1 第十条 is failing to record 干预: an unrecorded inquiry whose conduct is open leaves 第十条
  open too.
- R3 第十四条: 鉴定人 belong to an intermediary; changing a draw's result is 第五条第（五）项.

Every sentence is written for the test, not taken from any situation set."""

from __future__ import annotations

import pytest

from liuhen.assessment import Assessor
from liuhen.assessment import missing_facts as unknown
from tests.liuhen.assessment.reading import rules_with_status as _rules


@pytest.mark.parametrize("situation", [
    "县人大代表给法官打电话，希望对被告人从轻判处。",
    "市人大代表、某建材公司董事长给执行法官打电话，要求先解冻朋友公司的账户。",
    "某民营企业董事长为本企业一名涉嫌职务侵占的员工向检察院检察长说情。",
])
def test_a_seat_or_a_private_firm_is_no_office(assessor: Assessor, situation: str) -> None:
    result = assessor.assess(situation)
    assert result.verdict == "undetermined"
    assert result.missing_facts == [unknown.IS_LEADER]


@pytest.mark.parametrize("situation", [
    "县人大代表、镇副镇长黄某给法官打电话，希望对被告人从轻判处。",
    "某国有企业董事长为本企业一名涉嫌职务侵占的员工向检察院检察长说情。",
])
def test_a_seat_with_an_office_is_a_leading_cadre(assessor: Assessor, situation: str) -> None:
    result = assessor.assess(situation)
    assert result.verdict == "violation"
    assert "R1-8-1" in _rules(result, "violation")


def test_a_deputy_who_is_the_lawyer_acts_as_the_lawyer(assessor: Assessor) -> None:
    result = assessor.assess("区政协委员、律师韦某是原告公司的代理人，他在会所请承办法官吃饭，"
                             "法官去了，事前没报批。")
    assert result.facts.regimes == ["R3"]
    assert result.verdict == "violation"


@pytest.mark.parametrize("situation", [
    "县人大代表到法院旁听了一起公开开庭审理的案件，庭后没有发表任何意见。",
    "县人大常委会组织人大代表旁听了一起公开开庭审理的案件，座谈时没有人对判决结果发表意见。",
])
def test_attending_a_public_trial_is_lawful(assessor: Assessor, situation: str) -> None:
    result = assessor.assess(situation)
    assert result.facts.audience is True
    assert result.verdict == "lawful"


def test_a_plea_after_the_hearing_is_still_a_plea(assessor: Assessor) -> None:
    result = assessor.assess("市人大常委会副主任旁听庭审后，在休息室找到审判长，"
                             "说被告人是他的亲戚，希望从轻判。")
    assert result.verdict == "violation"


def test_a_transfer_whose_cause_is_unknown_is_open(assessor: Assessor) -> None:
    result = assessor.assess("法官被调离审判岗位，原因不清楚，此前他曾记录过一位领导的过问。")
    assert result.verdict == "undetermined"
    assert unknown.LAWFUL_CAUSE in result.missing_facts
    assert not _rules(result, "violation")


def test_a_transfer_without_cause_after_the_record_is_retaliation(assessor: Assessor) -> None:
    result = assessor.assess("副局长得知民警如实记录了他过问案件的情况后，"
                             "无故把该民警调离刑侦岗位。")
    assert result.facts.retaliation is True
    assert result.verdict == "violation"
    assert "R1-6" in _rules(result, "violation")


def test_a_leak_to_a_friend_is_not_for_a_party(assessor: Assessor) -> None:
    friend = assessor.assess("法官把合议庭评议的情况告诉了一个朋友。")
    assert friend.verdict == "undetermined"
    kin = assessor.assess("法官受朋友之托，把合议庭评议的情况告诉了被告人家属。")
    assert kin.verdict == "violation"


def test_the_former_court_is_the_former_unit(assessor: Assessor) -> None:
    result = assessor.assess("法官辞职后第二个月，就担任原法院审理的一起合同纠纷的诉讼代理人。")
    assert result.facts.former_unit_case is True
    assert result.verdict == "violation"
    assert "R3-8" in _rules(result, "violation")


@pytest.mark.parametrize("situation", [
    "某局作为行政诉讼的被告，局长亲自到法院递交了答辩状。",
    "律师到检察院提交了辩护意见书。",
])
def test_papers_filed_at_the_court_are_filed_at_the_workplace(assessor: Assessor,
                                                              situation: str) -> None:
    result = assessor.assess(situation)
    assert result.facts.at_workplace is True
    assert result.verdict == "lawful"


def test_the_courts_gate_is_not_its_workplace(assessor: Assessor) -> None:
    result = assessor.assess("律师到法院门口拦住承办法官，塞给他一个信封。")
    assert result.facts.at_workplace is not True
    assert result.verdict != "lawful"


def test_an_invitation_turned_down_and_reported_is_lawful(assessor: Assessor) -> None:
    reported = assessor.assess("周六晚上，原告的代理律师打电话约承办法官私下见面聊聊案子，"
                               "法官当场回绝，周一上午向院纪检组报告了这通电话。")
    assert reported.facts.refused is True
    assert reported.verdict == "lawful"
    assert "R3-7" in _rules(reported, "lawful")
    late = assessor.assess("周六晚上，原告的代理律师打电话约承办法官私下见面聊聊案子，"
                           "法官当场回绝，过了十天才向院纪检组报告。")
    assert late.verdict == "violation"


def test_evidence_taken_out_at_a_leaders_request_is_interference(assessor: Assessor) -> None:
    result = assessor.assess("公安局刑侦大队长让办案民警把案卷里一份证人证言抽出来，"
                             "说对嫌疑人不利。")
    assert result.verdict == "violation"
    assert "R2-9-5" in _rules(result, "violation")


def test_papers_passed_by_the_procedure_are_lawful(assessor: Assessor) -> None:
    lawful = assessor.assess("看守所民警依照规定把在押人员写给检察官的信件转交给承办检察官。")
    assert lawful.verdict == "lawful"
    for_the_family = assessor.assess("公安局一名民警替嫌疑人家属把一封求情信转交给承办检察官。")
    assert for_the_family.verdict == "violation"


def test_another_court_asking_waits_on_its_duty_and_procedure(assessor: Assessor) -> None:
    result = assessor.assess("另一个法院的法官打电话向承办法官了解案件情况，没有说明原因。")
    assert result.facts.insider_relation == "unrelated"
    assert result.verdict == "undetermined"
    assert unknown.LEGAL_PROCEDURE in result.missing_facts


def test_an_unrecorded_inquiry_leaves_article_ten_open(assessor: Assessor) -> None:
    inquiry = assessor.assess("县委书记给法院院长打电话询问一起案件的审理进度，通话内容没有记录。")
    assert inquiry.verdict == "undetermined"
    assert unknown.CONDUCT in inquiry.missing_facts
    plea = assessor.assess("县委书记给承办法官打电话为被告人说情，希望判缓刑，法官没有记录。")
    assert plea.verdict == "violation"
    assert "R1-10" in _rules(plea, "violation")


def test_an_anonymous_letter_not_yet_verified_is_open(assessor: Assessor) -> None:
    result = assessor.assess("干部监督处收到匿名来信，反映某局长曾为一起案件向法院打招呼，"
                             "目前尚未核实。")
    assert result.verdict == "undetermined"
    assert result.missing_facts == [unknown.REPORT_TRUE]


def test_an_appraisers_treat_and_a_rigged_draw(assessor: Assessor) -> None:
    fishing = assessor.assess("承办法官周末和司法鉴定所的鉴定人一起去钓鱼，费用由鉴定所承担。")
    assert fishing.facts.counterpart == "中介组织"
    assert fishing.verdict == "violation"
    rigged = assessor.assess("技术室工作人员私下改变摇号结果，把鉴定委托给了自己朋友开的鉴定所。")
    assert rigged.verdict == "violation"
    assert "R3-5-5" in _rules(rigged, "violation")
    drawn = assessor.assess("法院通过随机摇号确定了鉴定机构，整个过程有录像。")
    assert drawn.verdict == "lawful"


def test_a_meal_the_owner_would_not_charge_for_is_a_benefit(assessor: Assessor) -> None:
    result = assessor.assess("民警下班后到犯罪嫌疑人家属开的饭店吃饭，对方没有收钱。")
    assert result.verdict == "violation"
    assert "R3-5-3" in _rules(result, "violation")


def test_a_minor_suspects_parents_are_of_the_case(assessor: Assessor) -> None:
    """R3 第十四条 names 当事人的父母 among the 特殊关系人: 父母 was read only as 父亲 or 母亲."""
    gift = assessor.assess("检察官收下了涉罪未成年人父母送来的一面锦旗和两条香烟。")
    assert gift.facts.counterpart is not None
    assert gift.verdict == "violation"
    assert "R3-5-3" in _rules(gift, "violation")
