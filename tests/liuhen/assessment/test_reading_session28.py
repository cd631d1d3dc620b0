"""Readings of the seed the engine got wrong (session 28), each with its control.

- R3 第五条第（三）项 "接受…请客送礼或者其他利益": papers handed in at a window and taken in
  (民警登记后收下), a statement signed for (签收了情况说明), a fee a lawyer took (这个律师收了钱),
  a payment the applicant confirms (申请执行人确认收款) and a gift the officer gave himself at a
  wedding (礼金由他本人随出) are no benefit accepted; a gift never handed in (一直没上交) is.
- R3 第八条 "近亲属代理诉讼或者进行辩护的除外": a brother by birth (胞弟) is one.
- R3 第五条第（一）项 "泄露司法机关办案工作秘密": who sits on the panel (合议庭组成人员, 谁任审判长)
  is told to both sides by law, and a detention house's rules for deposits and parcels are
  every family's; the panel's vote told to one side (合议庭今天评了，二比一) and a search or an
  interview announced for the morrow with 早做准备 / 心里有个数 are tips.
- R3 第九条/第十条: a complaint checked and cleared (经查未发现其收受财物) leaves the allegation
  unproved; what it alleged is no fact.
- R3 第七条 "三日内": 周一（婚宴是上周六） is two days.
- R2 第九条第（一）项 "为案件当事人请托说情": an officer of another organ pleading for a party he
  names as his own cousin or classmate (被告是其表弟, 老板是他高中同学), or in the writer's office
  (在我办公室), pleads to the one handling the case; 多压压原告, 执行的时候松一点 are pleas; a
  question of who handles the case and when it goes to the procuratorate probes (第（四）项).
- R2 第九条第（三）项 "转递涉案材料": a note carried into the cell is passed.
- R1 第八条第（二）项 "要求办案人员…私下会见案件当事人": telling a judge to come to dinner where the
  plaintiff will be (说原告厂里的老板也来) is one, though he declines.
- R1 第八条第（三）项 "授意、纵容身边工作人员或者亲属": the wife of a cadre named by his name
  (副县长侯某某的爱人) pleading waits for whether he put her up to it.
- What the account says it cannot settle (我没法确认, 说不准, 查不出来, 正在核对, 还没确定他的干部
  身份, 值班记录里没有审批材料) leaves the finding resting on it open.

Every sentence is written for the test, not taken from any situation set."""

from __future__ import annotations

import pytest

from liuhen.assessment import Assessor
from liuhen.assessment import missing_facts as unknown
from liuhen.assessment.report_days import report_delay
from tests.liuhen.assessment.reading import rules_with_status as _rules


@pytest.mark.parametrize("situation", [
    "被告人的母亲拿着街道出具的困难证明，连同变更强制措施申请书交到检察院控申窗口，"
    "值班检察官登记后收下。",
    "侦查员持介绍信到监区了解嫌疑人在押表现，管教民警作了介绍，侦查员签收了书面情况说明。",
])
def test_papers_taken_in_are_no_benefit(assessor: Assessor, situation: str) -> None:
    result = assessor.assess(situation)
    assert "accept_benefit" not in (result.facts.conduct or [])
    assert result.verdict != "violation"


def test_a_gift_taken_at_the_window_is_still_a_gift(assessor: Assessor) -> None:
    result = assessor.assess("被告人的母亲把两条香烟放在检察院控申窗口，值班检察官登记后收下。")
    assert "accept_benefit" in (result.facts.conduct or [])


def test_a_fee_the_lawyer_took_is_not_the_officers(assessor: Assessor) -> None:
    result = assessor.assess("当事人在立案大厅抱怨：之前那个律师收了钱不办事，"
                             "问法官能不能给推荐一个律师。"
                             "法官说法院工作人员不能推荐，换不换律师由他自己定。")
    assert "accept_benefit" not in (result.facts.conduct or [])
    assert "recommend_lawyer" not in (result.facts.conduct or [])
    assert result.verdict != "violation"


def test_a_payment_the_applicant_confirms_is_no_benefit(assessor: Assessor) -> None:
    result = assessor.assess("被执行人打执行法官办公室电话，说欠款已经付清，"
                             "问查封的房子什么时候解除。"
                             "法官答复等申请执行人确认收款后出解封裁定。")
    assert "accept_benefit" not in (result.facts.conduct or [])
    assert result.verdict != "violation"


def test_a_gift_never_handed_in_is_kept(assessor: Assessor) -> None:
    result = assessor.assess("嫌疑人的哥哥在看守所门外把一个纸袋塞给下班的管教民警，"
                             "袋里有两瓶酒和一个装着现金的信封，管教民警直到纪委约谈前一直没上交。")
    assert result.verdict == "violation"
    assert "R3-5-3" in _rules(result, "violation")


def test_a_brother_by_birth_is_near_kin(assessor: Assessor) -> None:
    result = assessor.assess("原市法院法官离任后做了律师，他的胞兄在市法院有一起借款纠纷，"
                             "由他担任诉讼代理人。")
    assert result.facts.guardian_or_relative is True
    assert result.verdict == "lawful"


def test_a_former_judge_for_a_client_is_not(assessor: Assessor) -> None:
    result = assessor.assess("原市法院法官离任后做了律师，接受一家公司委托，"
                             "在市法院担任其诉讼代理人，"
                             "与该公司没有亲属关系。")
    assert result.verdict == "violation"


@pytest.mark.parametrize("situation", [
    "开庭前，书记员打电话告诉被告的代理律师合议庭由哪三名法官组成、谁任审判长，"
    "原告同时收到了告知书。",
    "一名退休检察官打电话到看守所，说外甥刚被送进来，问家里怎么存钱、能不能送衣物。"
    "值班民警把存款、送物的时间和要求告诉了他，并记入值班日志。",
])
def test_what_everyone_is_told_is_no_secret(assessor: Assessor, situation: str) -> None:
    result = assessor.assess(situation)
    assert "leak" not in (result.facts.conduct or [])
    assert result.verdict != "violation"


@pytest.mark.parametrize(("situation", "rule"), [
    ("承办法官深夜给原告律师发微信：“合议庭今天评了，二比一，你们输，赶紧想办法。”", "R3-5-1"),
    ("书记员在微信上告诉被执行人的律师：“执行局明早去查封你们的厂房，早做准备。”", "R3-5-1"),
])
def test_the_vote_or_a_search_told_ahead_is_a_tip(assessor: Assessor, situation: str,
                                                  rule: str) -> None:
    result = assessor.assess(situation)
    assert result.verdict == "violation"
    assert rule in _rules(result, "violation")


def test_telling_what_the_panel_said_is_still_a_leak(assessor: Assessor) -> None:
    result = assessor.assess("法官打电话告诉被告律师合议庭的意见是驳回原告诉请。")
    assert result.verdict == "violation"


def test_a_cleared_complaint_proves_nothing(assessor: Assessor) -> None:
    result = assessor.assess("纪检组复函：你反映执行法官收了你家三千元一事，"
                             "经调取银行流水和接待室监控，"
                             "该款是你本人在窗口交纳的执行费，未发现执行法官收受财物。")
    assert "accept_benefit" not in (result.facts.conduct or [])
    assert result.verdict != "violation"


def test_an_upheld_complaint_stands(assessor: Assessor) -> None:
    result = assessor.assess("被执行人的妻子反映执行法官收了她家三千元，经查属实，"
                             "执行法官本人也已承认收下这笔钱。")
    assert result.verdict == "violation"


def test_last_weeks_day_told_after_this_weeks() -> None:
    assert report_delay("周一（聚会是上周六）交了书面报告。") == 2
    assert report_delay("上周五碰到，周六就报告了。") == 1


@pytest.mark.parametrize("situation", [
    "派出所民警打电话给承办法官，称本案被告是其表弟，“赔偿那块你们看着松一点”。"
    "法官当即拒绝并登记。",
    "外地法院的法官打我手机，说被执行人的老板是他大学同学，执行的时候能照顾就照顾一点。"
    "我已记录并报告。",
    "邻县检察院的检察官在我办公室坐了一会儿，说在押的那个人是他爱人的表哥，所务会上帮着说说话。",
])
def test_another_organs_officer_pleading_for_his_own(assessor: Assessor,
                                                    situation: str) -> None:
    result = assessor.assess(situation)
    assert result.verdict == "violation"
    assert "R2-9-1" in _rules(result, "violation")


def test_asking_who_handles_the_case_probes(assessor: Assessor) -> None:
    result = assessor.assess("县司法局一名科员打电话到看守所，说自己是在押人员的表哥，"
                             "问他在里面认没认，"
                             "办案的民警是谁，啥时候送检察院。值班民警没有回答，记录后报所长。")
    assert result.verdict == "violation"
    assert "R2-9-4" in _rules(result, "violation")


def test_a_note_carried_into_the_cell_is_passed(assessor: Assessor) -> None:
    result = assessor.assess("管教民警把在押人员妻子写的纸条带进监室交给了他，"
                             "纸条上写着让他什么都别说。")
    assert "pass_materials" in (result.facts.conduct or [])


def test_dinner_where_the_plaintiff_will_be_is_a_meeting(assessor: Assessor) -> None:
    result = assessor.assess("镇长给法庭庭长打电话，让他周六中午到镇食堂“一起吃个便饭”，"
                             "说原告公司的经理也来。"
                             "庭长当场回绝并登记。")
    assert result.verdict == "violation"
    assert "R1-8-2" in _rules(result, "violation")


def test_a_dinner_with_no_party_is_none(assessor: Assessor) -> None:
    result = assessor.assess("镇长给法庭庭长打电话，让他周六中午到镇食堂“一起吃个便饭”，"
                             "说是给他过个生日。")
    assert "R1-8-2" not in _rules(result, "violation")


def test_a_cadres_wife_named_by_his_name_waits(assessor: Assessor) -> None:
    result = assessor.assess("副市长钱某某的爱人到法院找承办法官，说被告是她娘家外甥，"
                             "请法官多关照。"
                             "钱某某本人知不知道这事，不清楚。")
    assert result.actor_role == "领导干部身边工作人员或亲属"
    assert result.verdict == "undetermined"
    assert unknown.INSTIGATED in result.missing_facts


@pytest.mark.parametrize(("situation", "fact"), [
    ("副院长口头对承办法官讲了他对本案法律适用的看法。法官有没有记录在案，我没法确认。",
     unknown.ORAL_RECORDED),
    ("一家公司的总经理拦住法院副院长，请法院多考虑企业的难处。他算不算国家工作人员，公司也说不准。",
     unknown.IS_LEADER),
    ("法官在周末收了一个老板送的两箱酒。局里正在核对这个老板名下的企业有没有在本院涉案。",
     unknown.COUNTERPART),
])
def test_what_the_account_cannot_settle_stays_open(assessor: Assessor, situation: str,
                                                   fact: str) -> None:
    result = assessor.assess(situation)
    assert result.verdict == "undetermined"
    assert fact in result.missing_facts


def test_not_knowing_beforehand_casts_no_doubt_on_the_report(assessor: Assessor) -> None:
    result = assessor.assess("检察官周六参加老乡聚会，事先不知道嫌疑人的弟弟也会来。"
                             "席间对方问案子，"
                             "检察官说不能谈，提前离席，周一上午向院纪检组书面报告。")
    assert result.facts.reported is True
    assert result.verdict == "lawful"
    assert "R3-7" in _rules(result, "lawful")


def test_a_report_in_doubt_stays_open(assessor: Assessor) -> None:
    result = assessor.assess("检察官周六参加老乡聚会，事先不知道嫌疑人的弟弟也会来。"
                             "事后有没有向院纪检组报告，不清楚。")
    assert result.verdict == "undetermined"
    assert unknown.REPORTED_IN_TIME in result.missing_facts


def test_whether_a_meeting_was_arranged_left_open(assessor: Assessor) -> None:
    result = assessor.assess("检察官在高铁上与他承办案件的辩护律师邻座，聊了一路，"
                             "次日向纪检组报告称纯属偶遇；"
                             "但有人说律师是看到他购票后才换的座位，检察官事先知不知道，不清楚。")
    assert result.verdict == "undetermined"


@pytest.mark.parametrize(("situation", "fact"), [
    ("旅游团出发后法官才发现他承办案件的被告也在团里，两人同桌吃过几次饭，费用各自交给旅行社。"
     "回来后法官有没有向单位报告，我们不知道。", unknown.REPORTED_IN_TIME),
    ("法官上周到律所会议室查看账册，律师在场。法官是否事先经院里批准，"
     "我们没有问。", unknown.APPROVAL),
    ("执行法官和评估公司人员约在查封的仓库门口见面。这次外出有没有经过审批，审批记录还没调出来。",
     unknown.APPROVAL),
])
def test_open_questions_of_report_and_approval(assessor: Assessor, situation: str,
                                               fact: str) -> None:
    result = assessor.assess(situation)
    assert result.verdict == "undetermined"
    assert fact in result.missing_facts


def test_an_inquiry_never_recorded_is_a_failure_to_record(assessor: Assessor) -> None:
    result = assessor.assess("院纪检组检查过问登记时发现："
                             "政治部一名干部两次打电话问承办法官某合同案准备怎么判，"
                             "法官都回答了，过问登记系统里一条也没有。")
    assert result.verdict == "violation"
    assert "R2-11" in _rules(result, "violation")


def test_a_meeting_never_put_up_for_approval(assessor: Assessor) -> None:
    result = assessor.assess("律师与承办法官周五晚上在茶楼包间见面，谈了两个小时的案情，"
                             "法官承认这次见面没有报院里批。")
    assert result.verdict == "violation"


@pytest.mark.parametrize(("situation", "rule"), [
    ("县政协副主席打电话给派出所所长，称被刑拘的那个人是其外甥，要求“不要立刑事案，罚点款算了”。"
     "所长拒绝并记录。",
     "R1-8-1"),
    ("市国土局以单位名义致函区法院，请法院在审理中确认某公司对争议厂房享有所有权，"
     "函件盖有公章。", "R1-8-4"),
    ("民警把同案嫌疑人的供述内容讲给了另一名嫌疑人的父亲听。", "R3-5-1"),
])
def test_demands_and_a_confession_told(assessor: Assessor, situation: str, rule: str) -> None:
    result = assessor.assess(situation)
    assert result.verdict == "violation"
    assert rule in _rules(result, "violation")


def test_a_letter_asking_lawful_handling_is_no_demand(assessor: Assessor) -> None:
    result = assessor.assess("市国土局以单位名义致函区法院，请法院依法审理某公司的厂房权属纠纷，"
                             "函件盖有公章。")
    assert result.verdict != "violation"


def test_hearsay_that_opens_on_a_room_is_hearsay(assessor: Assessor) -> None:
    result = assessor.assess("据说接待室有个民警常跟来送东西的家属讲某律所的李律师路子广。"
                             "这话是保洁员跟我说的。")
    assert result.facts.hearsay is True
    assert result.verdict == "undetermined"


@pytest.mark.parametrize("situation", [
    "被告人的妻子到检察院登记窗口交了一份谅解书，问案子什么时候移送法院。检察官告诉她按程序办理。",
    "律师会见结束后在会见楼问管教民警在押人员的血压怎么样，民警说按时吃药，其他的不便说。",
])
def test_the_window_and_the_meeting_block_are_workplaces(assessor: Assessor,
                                                         situation: str) -> None:
    result = assessor.assess(situation)
    assert result.facts.at_workplace is True
    assert result.verdict != "violation"



def test_telling_a_lawyer_that_a_co_accused_confessed(assessor: Assessor) -> None:
    result = assessor.assess("律师在会见楼问值班民警：“同案那个人是不是已经交代了？”民警随口答："
                             "“早撂了。”")
    assert result.verdict == "violation"
    assert "R3-5-1" in _rules(result, "violation")


def test_papers_passed_with_no_slip_seen_wait(assessor: Assessor) -> None:
    result = assessor.assess("书记员拿来一袋补充证据，说是诉服中心转来的，当事人当面交的。"
                             "流转单没看到，我还没去核实。")
    assert result.verdict == "undetermined"
    assert unknown.PROCEDURE in result.missing_facts
