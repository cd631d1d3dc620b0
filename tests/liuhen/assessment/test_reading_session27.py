"""Readings of the seed the engine got wrong (session 27), each with its control.

- Who acts: an officer who tells of a call made to him (法官说副区长给他打了电话) is the one
  approached; the caller acts (R1 第八条第（一）项 "为案件当事人请托说情的").
- R2 第九条第（一）项 "请托说情": asking that a finding be pushed one way (尽量往高里认, 往高里走一
  走) is a plea; 原告是我老家的 names a tie, not a place away from the workplace.
- R1 第三条 permits 督促…依法履行职责 and forbids only "对案件的证据采信、事实认定、司法裁判等作出
  具体决定": words that leave the decision to the court or procuratorate (由检察院依法决定, 怎么判是
  你们的事) and a ban on pleading (任何人不得打招呼, 其他单位不要打招呼) are no plea and no
  direction; 起不起诉 asks nothing, 能不能别报捕 asks all the same.
- R3 第五条第（三）项 "接受…请客送礼": 没收水果，请她回去, 当场让他们拉回去, 当场塞回去 are
  refusals; 没收钱 (a free loan) is no refusal of the loan (第（四）项 "借用交通工具").
- R3 第五条第（二）项 "为当事人推荐、介绍诉讼代理人": telling a party of legal aid while saying the
  procuratorate recommends no lawyer recommends none.
- R2 第九条第（二）项 "邀请办案人员私下会见案件当事人…近亲属": a dinner to which the suspect's
  father is to be brought along (叫上他表哥一起) is one; with no party named, it is not.
- R2 第九条第（五）项 "其他影响司法人员依法公正处理案件的行为": a judge of the court above saying
  a judgment for one side will be reversed there.
- R3 第六条 governs where contact happens: a telephone call in the course of work (律师打电话问证据
  交换的时间, 法官在电话里告诉当事人可以申请法律援助) arranges no meeting outside the workplace;
  a call late at night is 第七条's contact. The date of an evidence exchange is notified to the
  parties, no secret (第五条第（一）项).
- R1 第八条第（四）项: a demand at a 协调会 that the court not accept a case (暂不受理) is one;
  a party's own application (申请暂缓执行) is no plea.

Every sentence is written for the test, not taken from any situation set."""

from __future__ import annotations

import pytest

from liuhen.assessment import Assessor
from liuhen.assessment import missing_facts as unknown
from tests.liuhen.assessment.reading import rules_with_status as _rules


@pytest.mark.parametrize("situation", [
    "法官说副区长给他打了电话，说张某某是他老同事的儿子，请多关照。",
    "检察官说县委副书记给她打了个电话，要求对犯罪嫌疑人不起诉。",
])
def test_the_caller_named_after_the_teller_acts(assessor: Assessor, situation: str) -> None:
    result = assessor.assess(situation)
    assert result.verdict == "violation"
    assert result.actor_role == "领导干部"
    assert "R1-8-1" in _rules(result, "violation")


def test_a_notice_told_of_a_call_is_no_plea(assessor: Assessor) -> None:
    result = assessor.assess("庭长说上级法院给他打了电话，通知下周召开审判业务培训会。")
    assert result.verdict != "violation"


def test_asking_a_finding_pushed_one_way_is_a_plea(assessor: Assessor) -> None:
    result = assessor.assess("副院长走进承办法官办公室，对承办法官说"
                             "：“原告是我老家的，你尽量往高里认。”"
                             "承办法官答“按证据来”，并作了登记。")
    assert result.verdict == "violation"
    assert "R2-9-1" in _rules(result, "violation")
    assert result.facts.at_workplace is True  # 老家 here is where the party comes from


def test_a_retired_judges_plea_for_a_neighbour(assessor: Assessor) -> None:
    result = assessor.assess("退休法官严某某受邻居之托，给区法院承"
                             "办法官打电话，说邻居家孩子的伤残等级"
                             "“往高里走一走”。承办法官已把通话情况登记。")
    assert result.verdict == "violation"
    assert result.actor_role == "离退休司法人员"
    assert "R2-9-1" in _rules(result, "violation")


def test_the_home_village_as_a_place_stays_a_place(assessor: Assessor) -> None:
    result = assessor.assess("法官春节回老家时，在村里遇到了本案原告，原告拉着他说了几句案子的事。")
    assert result.facts.at_workplace is False
    assert result.verdict == "undetermined"
    assert result.missing_facts == [unknown.REPORTED_IN_TIME]


@pytest.mark.parametrize("situation", [
    "政法委副书记主持联席会议，说具体案件怎么认定、"
    "起不起诉，由检察院依法决定，其他单位不要打招呼。",
    "市委书记在会上讲，这起案件由司法机关依法独立办理，任何人不得打招呼。",
    "政法委书记在督办会上说，怎么判是你们的事，但要依法尽快审结。",
])
def test_leaving_the_decision_to_the_court_is_lawful(assessor: Assessor,
                                                     situation: str) -> None:
    result = assessor.assess(situation)
    assert result.verdict == "lawful"
    assert "R1-8-1" not in _rules(result, "violation")


def test_a_plea_after_the_disclaimer_is_still_a_plea(assessor: Assessor) -> None:
    result = assessor.assess("县委书记说这个案子证据由法院依法把关，但被告是纳税大户，最好判缓刑。")
    assert result.verdict == "violation"
    assert "R1-8-1" in _rules(result, "violation")


def test_asking_how_a_case_will_be_judged_is_no_study_of_policy(assessor: Assessor) -> None:
    result = assessor.assess("政法委书记打电话给法院院长，让他们研究一下，看怎么判对稳定有利。")
    assert result.verdict != "lawful"


def test_a_modal_question_still_asks(assessor: Assessor) -> None:
    result = assessor.assess("县检察院副检察长给公安分局办案民警打电话，"
                             "说嫌疑人是他朋友的儿子，问能不能别报捕了。")
    assert result.verdict == "violation"
    assert "R2-9-1" in _rules(result, "violation")


@pytest.mark.parametrize("situation", [
    "法官晚上在家，邻居送来一袋水果，交谈中才知道她是被告人的母亲。法官没收水果，请她回去，"
    "第二天向纪检组书面报告。",
    "民警在菜市场被嫌疑人的母亲认出来，她往民警兜里塞了两条烟，民警当场塞回去走了，第二天向局纪委"
    "写了书面报告。",
])
def test_a_gift_turned_back_and_the_contact_reported_is_lawful(assessor: Assessor,
                                                               situation: str) -> None:
    result = assessor.assess(situation)
    assert result.verdict == "lawful"
    assert "R3-7" in _rules(result, "lawful")
    assert "accept_benefit" in (result.facts.declined or [])


def test_rice_sent_back_from_the_court_gate_is_refused(assessor: Assessor) -> None:
    result = assessor.assess("原告胜诉后把两箱大米送到法庭门口，法官当场让他们拉回去。")
    assert result.verdict == "lawful"
    assert "R3-5-3" in _rules(result, "lawful")


def test_a_free_loan_of_a_truck_is_still_a_loan(assessor: Assessor) -> None:
    result = assessor.assess("合作社把冷藏车借给执行法官拉他家的桃"
                             "子，没收钱。合作社是该法官所办执行案的"
                             "申请执行人。")
    assert result.verdict == "violation"
    assert "R3-5-4" in _rules(result, "violation")


def test_legal_aid_told_and_no_lawyer_recommended(assessor: Assessor) -> None:
    result = assessor.assess("被害人家长打电话问检察官能不能介绍个律"
                             "师。检察官答复可以向法律援助中心申请，"
                             "具体找哪位律师由其自行决定，检察院不推荐。")
    assert result.verdict == "lawful"
    assert "R3-5-2" not in _rules(result, "violation")


def test_a_lawyer_recommended_is_recommended(assessor: Assessor) -> None:
    result = assessor.assess("检察官给被害人家长推荐了一位律师。")
    assert result.verdict == "violation"
    assert "R3-5-2" in _rules(result, "violation")


def test_a_dinner_bringing_the_suspects_father_is_a_private_meeting(assessor: Assessor) -> None:
    result = assessor.assess("派出所副所长约检察官周五晚上吃饭，说叫"
                             "上他表哥一起。他表哥是检察官在办案件的"
                             "嫌疑人的父亲。检察官拒绝并作了记录。")
    assert result.verdict == "violation"
    assert "R2-9-2" in _rules(result, "violation")


def test_a_dinner_bringing_a_cousin_with_no_case_is_none(assessor: Assessor) -> None:
    result = assessor.assess("同事约法官周末吃饭，说叫上他表哥一起。")
    assert "private_meeting" not in (result.facts.conduct or [])
    assert result.verdict != "violation"


def test_a_reversal_threatened_from_above_is_interference(assessor: Assessor) -> None:
    result = assessor.assess("中级法院法官给下级法院承办法官打电话说"
                             "：“你要是判原告赢，到我这里也是改。”"
                             "承办法官作了登记。")
    assert result.verdict == "violation"
    assert "R2-9-5" in _rules(result, "violation")


@pytest.mark.parametrize("situation", [
    "律师打电话问法官证据交换的时间，法官告诉了他。",
    "当事人打电话问法官案子什么时候开庭，法官说等通知。",
    "法官在电话里告诉当事人可以申请法律援助。",
])
def test_a_call_in_the_course_of_work_is_lawful(assessor: Assessor, situation: str) -> None:
    result = assessor.assess(situation)
    assert result.verdict == "lawful"
    assert result.facts.phone_call is True
    assert unknown.APPROVAL not in result.missing_facts


def test_a_call_late_at_night_is_an_unplanned_contact(assessor: Assessor) -> None:
    result = assessor.assess("律师晚上十点给承办法官打电话，聊了二十多分钟。")
    assert result.verdict == "undetermined"
    assert result.missing_facts == [unknown.REPORTED_IN_TIME]


def test_a_call_made_for_the_party_is_no_call_of_the_party(assessor: Assessor) -> None:
    result = assessor.assess("县人大常委会副主任为一起借款案被告打来电话说情。")
    assert not result.facts.phone_call
    assert result.verdict == "violation"
    assert "R1-8-1" in _rules(result, "violation")


def test_a_demand_at_a_meeting_not_to_accept_a_case(assessor: Assessor) -> None:
    result = assessor.assess("县长在专题协调会上讲，法院对园区某企业的"
                             "破产申请暂不受理，这句话写进了会议纪要。")
    assert result.verdict == "violation"
    assert "R1-8-4" in _rules(result, "violation")


def test_a_partys_application_is_no_plea(assessor: Assessor) -> None:
    result = assessor.assess("被执行人向法院申请暂缓执行，执行法官依法审查后报院长批准。")
    assert "plead" not in (result.facts.conduct or [])
    assert result.verdict != "violation"


def test_a_plea_left_unrecorded_is_the_handlers_failure(assessor: Assessor) -> None:
    result = assessor.assess("民二庭庭长到承办法官办公室为原告说情"
                             "，承办法官在登记系统里没有任何登记。")
    assert result.verdict == "violation"
    assert "R2-11" in _rules(result, "violation")


def test_the_approval_of_an_application_is_no_plea(assessor: Assessor) -> None:
    result = assessor.assess("被执行人申请暂缓执行，执行法官报请院长，院长在审批表上书面签了"
                             "“同意暂缓两个月”，审批表入卷。")
    assert "plead" not in (result.facts.conduct or [])
    assert result.verdict == "lawful"


def test_a_decision_put_off_on_request_is_still_a_plea(assessor: Assessor) -> None:
    result = assessor.assess("院长把执行法官叫到办公室，说被执行人老板是他同学，"
                             "“你那个拘留决定先放一放”。")
    assert "plead" in (result.facts.conduct or [])
    assert result.verdict == "violation"


def test_a_won_case_named_is_no_plea(assessor: Assessor) -> None:
    result = assessor.assess("某超市货款案胜诉后，原告把两箱大米送到法庭门口，法官当场让拉回去。")
    assert "plead" not in (result.facts.conduct or [])
    assert result.facts.at_workplace is not False  # 超市 names the party, not a place
    assert result.verdict == "lawful"


def test_what_enforcement_found_told_to_the_applicant_is_no_leak(assessor: Assessor) -> None:
    result = assessor.assess("执行法官在执行接待室约见申请执行人，把查控到的被执行人的"
                             "银行账户和车辆情况告诉了他，请他提供其他财产线索。")
    assert "leak" not in (result.facts.conduct or [])
    assert result.verdict == "lawful"


def test_a_freezing_told_before_it_is_done_is_a_leak(assessor: Assessor) -> None:
    result = assessor.assess("执行法官在冻结被执行人账户前两天，给被执行人老板发微信“下周有动作”，"
                             "老板当晚把钱转走，申请执行人落空。")
    assert result.verdict == "violation"
    assert "R3-5-1" in _rules(result, "violation")


@pytest.mark.parametrize("situation", [
    "派出所所长打电话约法官周五晚上吃饭，说“那个借款案的被告是我老乡，他也来”。法官拒绝了，"
    "当天填了过问登记表。",
    "交警大队民警打电话请刑侦民警周六晚上去酒店吃饭，说就几个老同学。刑侦民警问还有谁，"
    "他说抢劫案嫌疑人的哥哥也来。刑侦民警当即拒绝，记入过问登记。",
])
def test_an_invitation_telling_the_party_will_come_is_a_private_meeting(
        assessor: Assessor, situation: str) -> None:
    result = assessor.assess(situation)
    assert result.verdict == "violation"
    assert "R2-9-2" in _rules(result, "violation")


def test_a_police_chief_is_another_organs_officer_to_a_judge(assessor: Assessor) -> None:
    result = assessor.assess("派出所所长打电话约法官周五晚上吃饭，说“那个借款案的被告是我老乡，"
                             "他也来”。法官拒绝了，当天填了过问登记表。")
    assert result.actor_role == "其他司法机关人员"
    assert result.facts.insider_relation == "unrelated"


def test_a_probation_candidate_named_is_no_plea_for_probation(assessor: Assessor) -> None:
    result = assessor.assess("司法局社区矫正科科长打电话给法官，询问一名缓刑候选被告人的情况，"
                             "说要做调查评估，没有出示委托函。")
    assert "plead" not in (result.facts.conduct or [])
    assert result.verdict == "undetermined"
