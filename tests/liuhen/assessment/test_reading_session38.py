"""Readings of the seed the engine got wrong (session 38, sets BS to BV read), each with its
control.

- Hearsay (GUIDE section 4): 单位里传, 听…说，, 有人在…嘀咕 and 没法核实 tell what was heard, not
  what happened; the plain account stays established.
- R3 第五条第（一）项: a bare 抓捕 (the officer's own work) leaks nothing, 透了风 and 让她抓紧把房子
  处理掉 do; a form's 举报人： field and a 复印件 named as a paper tell nothing; an internal
  approval form 拍照发给 a party's lawyer leaks.
- R3 第五条第（三）项: a gift left on the desk and handed to the 局纪委 was not kept.
- R3 第五条第（四）项: 可以开他的车, 谢绝了 is a loan offered and refused; 借我开两个月 is one
  taken.
- R3 第六条: 查封审批 and 冻结审批单 approve a measure in the case, not the contact; 看到了审批表
  approves nothing; 就喝个茶，报什么批 sought no approval.
- R3 第九、十条: a named complaint whose 经查 found only who handles the case (尚未谈话) stays a
  complaint to verify.
- R1 第八条: a register's form (来源：王法官填报的记录表) names the judge who filled it in as the
  one who records; the cadre he records acts.
- R2 第七条: 免去他的审判长职务 without any procedure removes a recorder.
- R3 第七条: a party's kin turned away at the door (没让他上楼, 没开防盗门, 有事到大队找) and
  reported the next day is a chance contact reported in time.
- R3 第六条 / R2 第五条: papers handed in 到…窗口 with a 回执 go by the procedure.

Every sentence is written for the test, not taken from any situation set."""

from __future__ import annotations

import pytest

from liuhen.assessment import Assessor
from tests.liuhen.assessment.reading import conduct_read, first_rule


@pytest.mark.parametrize("situation", [
    "科里都在传，副市长给我们院长打过电话替被告说情，院长什么也没说。我没法核实。",
    "听办公室主任说，被执行人老板在酒桌上吹，说副县长已经给法院打过招呼了。",
    "有几个当事人在大厅嘀咕，说立案庭的小周收了原告的好处，替他在法官那儿说情。",
])
def test_what_was_heard_is_not_established(assessor: Assessor, situation: str) -> None:
    result = assessor.assess(situation)
    assert result.facts.hearsay is True
    assert result.verdict == "undetermined"


def test_an_account_told_as_seen_is_no_hearsay(assessor: Assessor) -> None:
    situation = "副市长给院长打电话替被告说情，院长当场把通话内容记进了登记表。"
    assert not assessor.assess(situation).facts.hearsay


def test_a_bare_word_for_the_officers_work_leaks_nothing(assessor: Assessor) -> None:
    offered = "被害单位的老板说民警外出抓捕可以开他的车。民警谢绝了，用的是局里的车。"
    taken = "执行法官开着被执行人的车来办事，说：“老王的车，借我开两个月。”"
    result = assessor.assess(offered)
    assert "leak" not in result.facts.conduct
    assert result.verdict == "lawful"
    assert first_rule(assessor, offered) == "R3-5-4"
    assert assessor.assess(taken).verdict == "violation"
    assert first_rule(assessor, taken) == "R3-5-4"


@pytest.mark.parametrize("situation", [
    "听被执行人讲，是法院里的熟人提前透了风，他才在冻结前把钱转走了。",
])
def test_a_hint_heard_of_is_a_leak_to_verify(assessor: Assessor, situation: str) -> None:
    result = assessor.assess(situation)
    assert "leak" in result.facts.conduct
    assert result.verdict == "undetermined"


def test_a_tip_off_to_dispose_of_property_is_a_leak(assessor: Assessor) -> None:
    tipped = ("查封审批周三下来，定在下周一查封。看守所民警看到了内勤桌上的审批表，当晚给嫌疑人"
              "妻子发微信让她抓紧把房子处理掉，他承认消息是他发的。")
    result = assessor.assess(tipped)
    assert result.facts.approved is not True  # the measure's approval, and a form seen
    assert "leak" in result.facts.conduct
    assert result.verdict == "violation"


def test_an_approval_form_sent_to_a_party_leaks(assessor: Assessor) -> None:
    sent = "执行法官深夜用私人微信把还没签发的冻结审批单拍照发给申请人的律师，让他们抓紧。"
    result = assessor.assess(sent)
    assert result.facts.approved is not True
    assert result.verdict == "violation"
    assert first_rule(assessor, sent) == "R3-5-1"


def test_a_contact_approved_beforehand_still_is(assessor: Assessor) -> None:
    situation = "执行法官周六约申请执行人到茶楼谈和解，事先报执行局长审批同意。"
    assert assessor.assess(situation).facts.approved is True


def test_a_gift_handed_to_the_overseers_was_not_kept(assessor: Assessor) -> None:
    handed = ("嫌疑单位的老板趁我不在，把两盒茶叶放在我办公桌上。我发现后打电话让他拿回去，他不来，"
              "我当天交到局纪委登记了。")
    kept = "嫌疑单位的老板趁我不在，把两盒茶叶放在我办公桌上。我发现后就拿回家喝了。"
    assert assessor.assess(handed).verdict == "lawful"
    assert first_rule(assessor, handed) == "R3-5-3"
    assert assessor.assess(kept).verdict != "lawful"


@pytest.mark.parametrize("situation", [
    "举报信（举报人：原告钱某，附身份证复印件）：承办法官在电话里让我换律师，说某某所的律师更"
    "熟悉法院。信已登记。经查，该案承办法官为民二庭刘某，尚未谈话。",
])
def test_a_named_complaint_not_yet_heard_is_to_verify(assessor: Assessor,
                                                      situation: str) -> None:
    result = assessor.assess(situation)
    assert result.facts.complaint is True
    assert "leak" not in result.facts.conduct
    assert result.verdict == "undetermined"


def test_a_copy_named_as_a_paper_leaks_nothing(assessor: Assessor) -> None:
    situation = "原告把借条复印件和转账记录交到立案窗口，窗口登记后出具了回执。"
    assert "leak" not in conduct_read(assessor, situation)


def test_a_registers_form_names_the_cadre_who_acts(assessor: Assessor) -> None:
    situation = ("登记台账第12号。来源：刑庭王法官填报的记录表。内容：周二上午，某区副区长李某打"
                 "到王法官办公室，说某公司是纳税大户，希望判的时候高抬贵手。王法官答复依法办理。")
    result = assessor.assess(situation)
    assert result.facts.actor_role == "领导干部"
    assert result.verdict == "violation"
    assert first_rule(assessor, situation) == "R1-8-1"


def test_removing_a_recorder_from_his_post_is_retaliation(assessor: Assessor) -> None:
    removed = ("刑庭法官把庭长过问案件的情况如实记了下来。第二周，庭长没走任何审批程序，就在庭务"
               "会上宣布免去他的审判长职务。")
    result = assessor.assess(removed)
    assert result.facts.retaliation is True
    assert result.verdict == "violation"


@pytest.mark.parametrize("situation", [
    "晚上九点，被告的哥哥找到王法官家楼下，王法官没让他上楼，叫他白天去法院。第二天一早向纪检组"
    "报告了。",
    "周六在超市门口，一个男的拦住我说他是嫌疑人的弟弟，想问问案子。我说有事到大队找，转身就走了。"
    "周一上班我把经过写成书面材料交给局纪委。",
    "周五晚上，一个邻居来敲门，说他弟弟的案子在我手里，想进屋聊两句。我没开防盗门，隔着门说有事"
    "请到法院，他就走了。周一上班我向纪检组报告了。",
])
def test_kin_turned_away_and_reported_in_time(assessor: Assessor, situation: str) -> None:
    result = assessor.assess(situation)
    assert result.facts.refused is True
    assert result.facts.at_workplace is not True  # (有事请到法院 names where to go)
    assert result.verdict == "lawful"
    assert first_rule(assessor, situation) == "R3-7"


def test_kin_let_in_and_never_reported_is_no_refusal(assessor: Assessor) -> None:
    situation = ("晚上九点，被告的哥哥找到王法官家里，王法官请他进屋坐了半个小时，聊了聊案子，"
                 "事后没有向任何人报告。")
    result = assessor.assess(situation)
    assert not result.facts.refused
    assert result.verdict == "violation"


def test_a_filing_at_the_window_is_by_procedure(assessor: Assessor) -> None:
    filed = "嫌疑人的辩护律师到大队窗口递交取保候审申请书，我们当场登记并出具了回执。"
    at_home = "嫌疑人的辩护律师晚上到侦查员家里递交取保候审申请书，侦查员收下了。"
    result = assessor.assess(filed)
    assert result.facts.via_procedure is True
    assert result.verdict == "lawful"
    assert assessor.assess(at_home).verdict != "lawful"


def test_an_approval_scorned_was_not_sought(assessor: Assessor) -> None:
    scorned = ("周六上午，执行法官约申请人的法务在城西茶馆谈和解方案。我问他有没有报批，他说："
               "“就喝个茶，报什么批。”")
    asked = "周六上午，执行法官约申请人的法务在城西茶馆谈和解方案。他有没有报批，我不清楚。"
    result = assessor.assess(scorned)
    assert result.facts.approved is False
    assert result.verdict == "violation"
    assert first_rule(assessor, scorned) == "R3-6"
    assert assessor.assess(asked).verdict == "undetermined"
