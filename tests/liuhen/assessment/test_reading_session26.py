"""Readings of the seed the engine got wrong (session 26), each with its control.

- R1 第十二条 makes a 领导干部 of someone "在各级党的机关、人大机关、行政机关…以及公司、企业、
  事业单位、社会团体中具有国家工作人员身份的": a village's or a community's own office
  (村党支部书记, 村委会主任, 社区党委书记) is in none of those organs and carries no
  state office by the title, so whether its holder is one is open; a township's or a
  county's office is one.
- The cadre who opens the sentence acts, though a clause of time about his kin's case follows
  him (市长在女婿被起诉后，给主审法官打电话): that clause's passive (被起诉) is the case's, not a
  call he received.
- R3 第五条第（三）项 forbids 接受…请客送礼: a gift put in the officer's car or left for him is
  accepted when he takes it home or does not return it, refused when he returns it at once.
- R2 第九条第（一）项 and 第（二）项 are the insider's own acts: a plea in quotes (能不能别诉了) is
  a plea, and an invitation that names the party who will come (说被告人的妻子也来) is 邀请办案
  人员私下会见 though the officer declined and recorded it. A colleague's invitation is no
  benefit from a party, and a form named 过问登记表 is no inquiry.
- R3 第五条第（一）项 forbids 泄露…办案工作秘密: the hearing date told to a party, a lawyer or
  their kin is what they are notified of by law, no secret, and so is a judgment already
  pronounced or served; the panel's view, before or after, is one. An insider
  asking how much a case will award (打算判多少) for a friend is 打探案情 (R2 第九条第（四）项).
- R1 第八条第（四）项 is a direction on 案件处理: one given at a meeting on work in general
  (依法打击电信诈骗犯罪, 配合法院执行工作), no case named, is none.
- R3 第六条's 工作场所: a trial in session (庭审中, 当庭), a court's enforcement bureau (到执行局)
  and a police station for its officers (在派出所) are the workplace.
- Two accounts of what happened (双方说法不一, 各执一词) leave the account unverified when the
  sentence names no narrower fact.

Every sentence is written for the test, not taken from any situation set."""

from __future__ import annotations

import pytest

from liuhen.assessment import Assessor
from liuhen.assessment import missing_facts as unknown
from tests.liuhen.assessment.reading import rules_with_status as _rules


@pytest.mark.parametrize("situation", [
    "村党支部书记给法官打电话，希望对本村村民从轻判决。",
    "村委会主任到法院找承办法官，替本村一名被告人说情，希望从轻处理。",
    "社区党委书记到法院找法官，为辖区一名被告人求情。",
])
def test_a_village_office_leaves_the_leading_cadre_open(assessor: Assessor,
                                                       situation: str) -> None:
    result = assessor.assess(situation)
    assert result.verdict == "undetermined"
    assert result.missing_facts == [unknown.IS_LEADER]
    assert "R1-8-1" in _rules(result, "undetermined")


@pytest.mark.parametrize("situation", [
    "镇党委书记给法官打电话，要求对本镇一名被告人从轻判处。",
    "县委农村工作办公室主任给法官打电话，希望对被告人从轻判处。",
    "镇党委委员、村党支部书记给法官打电话，希望对本村村民从轻判决。",
])
def test_an_organ_office_is_a_leading_cadre(assessor: Assessor, situation: str) -> None:
    result = assessor.assess(situation)
    assert result.verdict == "violation"
    assert "R1-8-1" in _rules(result, "violation")


def test_a_village_cadre_as_the_party_changes_nothing(assessor: Assessor) -> None:
    result = assessor.assess("村党支部书记因涉嫌贪污被起诉，其妻子给法官送去两万元现金。")
    assert result.verdict == "violation"
    assert "R3-5-3" in _rules(result, "violation")


@pytest.mark.parametrize("situation", [
    "市长在女婿被起诉后，给主审法官打电话，要求判处缓刑。",
    "副市长在其女婿被起诉后，给主审法官打电话，要求判处缓刑。",
    "女婿被起诉后，市长给主审法官打电话，要求判处缓刑。",
])
def test_the_cadre_before_a_clause_of_time_acts(assessor: Assessor, situation: str) -> None:
    result = assessor.assess(situation)
    assert result.actor_role == "领导干部"
    assert result.verdict == "violation"
    assert "R1-8-1" in _rules(result, "violation")


def test_an_officer_who_received_a_call_still_received_it(assessor: Assessor) -> None:
    result = assessor.assess("法官被院长叫到办公室，院长要求他对被告人从轻判处。")
    assert result.actor_role != "司法人员"
    assert result.verdict == "violation"


@pytest.mark.parametrize("situation", [
    "当事人称法官收了他两千元，法官说没收过，双方说法不一。",
    "律师说法官在茶楼泄露了合议庭的评议意见，法官说没有，双方各执一词。",
])
def test_two_accounts_leave_the_account_unverified(assessor: Assessor, situation: str) -> None:
    result = assessor.assess(situation)
    assert result.verdict == "undetermined"
    assert unknown.REPORT_TRUE in result.missing_facts


def test_one_account_checked_stands(assessor: Assessor) -> None:
    result = assessor.assess("纪检组查实，法官收了当事人两千元。")
    assert result.verdict == "violation"
    assert "R3-5-3" in _rules(result, "violation")


@pytest.mark.parametrize("situation", [
    "律师把两瓶白酒寄存在安检口，注明交承办法官，法官下班时把酒拎回了家。",
    "调解结束后，原告的儿子把两条烟塞进法官的车里，法官没有退回。",
])
def test_a_gift_taken_home_or_kept_is_accepted(assessor: Assessor, situation: str) -> None:
    result = assessor.assess(situation)
    assert result.verdict == "violation"
    assert "R3-5-3" in _rules(result, "violation")


def test_a_gift_returned_at_once_is_refused(assessor: Assessor) -> None:
    result = assessor.assess("调解结束后，原告的儿子把两条烟塞进法官的车里，法官当即退回并登记。")
    assert result.verdict == "lawful"


def test_papers_carried_are_no_gift(assessor: Assessor) -> None:
    result = assessor.assess("书记员把两箱卷宗送到档案室归档。")
    assert "accept_benefit" not in (result.facts.conduct or [])


def test_a_plea_in_quotes_is_a_plea(assessor: Assessor) -> None:
    result = assessor.assess("副检察长在走廊里叫住承办检察官：“那个醉驾的小伙子是我战友的儿子，"
                             "你看看能不能别诉了。”检察官回到办公室就把这句话记了下来。")
    assert result.verdict == "violation"
    assert "R2-9-1" in _rules(result, "violation")


def test_an_invitation_naming_the_party_is_a_private_meeting(assessor: Assessor) -> None:
    result = assessor.assess("看守所民警请承办法官周六吃饭，说被告人的妻子也来，法官没有去，"
                             "当天作了登记。")
    assert result.verdict == "violation"
    assert "R2-9-2" in _rules(result, "violation")


def test_a_colleagues_dinner_is_no_benefit_from_a_party(assessor: Assessor) -> None:
    result = assessor.assess("同事请法官吃饭，到了饭店才发现被告的哥哥也在，法官当即离开，"
                             "第二天报告了纪检组，不知道是不是同事安排的。")
    assert result.verdict != "violation"
    assert "R3-5-3" not in _rules(result, "violation")
    assert "accept_benefit" not in (result.facts.conduct or [])


def test_the_inquiry_forms_name_is_no_inquiry(assessor: Assessor) -> None:
    result = assessor.assess("律师到法院律师接待室递交辩护意见，法官接待后在过问登记表上写明了"
                             "来访时间。")
    assert result.verdict == "lawful"
    assert "learn_case" not in (result.facts.conduct or [])


@pytest.mark.parametrize("situation", [
    "当事人到法院诉讼服务中心询问自己的案子打算什么时候开庭，工作人员告诉了开庭时间。",
    "律师打电话问书记员开庭时间，书记员告诉了他。",
    "被告人的母亲问法官什么时候开庭，法官告诉了她开庭时间。",
])
def test_the_hearing_date_is_no_secret(assessor: Assessor, situation: str) -> None:
    result = assessor.assess(situation)
    assert result.verdict != "violation"
    assert "R3-5-1" not in _rules(result, "violation")


@pytest.mark.parametrize("situation", [
    "法官把合议庭的评议结果告诉了被告人的母亲。",
    "法官提前告诉律师，合议庭已经决定驳回起诉。",
])
def test_the_panels_view_is_a_secret(assessor: Assessor, situation: str) -> None:
    assert assessor.assess(situation).verdict == "violation"


def test_asking_what_a_case_will_award_for_a_friend_is_probing(assessor: Assessor) -> None:
    result = assessor.assess("商事庭庭长微信问承办法官，替朋友问一下那个借款案打算判多少利息，"
                             "承办法官回了个大概数字。")
    assert result.verdict == "violation"
    assert "R2-9-4" in _rules(result, "violation")


@pytest.mark.parametrize("situation", [
    "法官在宣判后把判决结果告诉了当事人。",
    "判决书已经送达，法官在电话里把判决结果告诉了被告人的母亲。",
])
def test_a_pronounced_judgment_is_no_secret(assessor: Assessor, situation: str) -> None:
    result = assessor.assess(situation)
    assert result.verdict != "violation"
    assert "R3-5-1" not in _rules(result, "violation")


@pytest.mark.parametrize("situation", [
    "宣判前，法官把判决结果告诉了被告人的母亲。",
    "宣判后，法官把合议庭评议时的不同意见告诉了败诉方的律师。",
])
def test_a_judgment_before_it_is_pronounced_or_the_deliberation_is(
        assessor: Assessor, situation: str) -> None:
    assert assessor.assess(situation).verdict == "violation"


@pytest.mark.parametrize("situation", [
    "县委书记在全县政法工作会议上要求政法各单位依法严厉打击电信诈骗犯罪。",
    "区长在政府常务会议上要求各部门积极配合法院执行工作。",
])
def test_a_direction_on_work_is_no_direction_on_a_case(assessor: Assessor,
                                                       situation: str) -> None:
    result = assessor.assess(situation)
    assert result.verdict == "lawful"
    assert not _rules(result, "violation")


def test_a_direction_on_a_named_case_is_one(assessor: Assessor) -> None:
    result = assessor.assess("区长在政府常务会议上要求法院对某公司的借贷纠纷案暂缓执行。")
    assert result.verdict == "violation"
    assert "R1-8-4" in _rules(result, "violation")


@pytest.mark.parametrize("situation", [
    "当事人在庭审中向法官递交了一份补充证据，法官当庭组织质证。",
    "被执行人到执行局主动缴纳执行款，执行法官开具了收据。",
    "民警在派出所询问证人，制作了询问笔录。",
])
def test_the_courtroom_and_the_bureau_are_the_workplace(assessor: Assessor,
                                                        situation: str) -> None:
    result = assessor.assess(situation)
    assert result.facts.at_workplace is True
    assert result.verdict == "lawful"


def test_outside_the_bureau_is_not(assessor: Assessor) -> None:
    result = assessor.assess("被执行人在执行局门口拦住执行法官，塞给他一个装有两千元的信封，"
                             "法官收下了。")
    assert result.facts.at_workplace is not True
    assert result.verdict == "violation"
