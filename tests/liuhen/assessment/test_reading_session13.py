"""Constructions read in session 13 (issue 11, set N): complaints told through a hotline, a post
or a letter; approvals and minutes not found; a claimed identity; a retired cadre named before
his retirement; a leader who only asks that the law be followed; an officer's own answer quoted
(“不清楚”) that leaves nothing open. Every sentence is written for the test from the
regulations' own terms, not taken from any situation set; each change was kept only if no
author's set lost a verdict by it (docs/benchmarks.md, "Assessment engine, session 13")."""

from __future__ import annotations

import pytest

from liuhen.assessment import Assessor
from liuhen.assessment import missing_facts as unknown
from tests.liuhen.assessment.reading import first_provision


@pytest.mark.parametrize("channel", [
    "12389热线接到电话，来电人说",
    "一名网友在朋友圈发文，说",
    "区检察院纪检组收到一封信，信上说",
])
def test_a_complaint_through_a_channel_is_not_yet_established(
        assessor: Assessor, channel: str) -> None:
    """R3 第十条: the department 「认真进行核查」; what a complaint says is not yet a finding."""
    result = assessor.assess(f"{channel}某派出所民警收了嫌疑人家属两条烟。")
    assert result.verdict == "undetermined"
    assert unknown.REPORT_TRUE in result.missing_facts
    established = assessor.assess("经查，某派出所民警收了嫌疑人家属两条烟。")
    assert established.verdict == "violation"


def test_a_letter_pressed_on_an_officer_is_no_complaint(assessor: Assessor) -> None:
    result = assessor.assess("法官下班路上被原告的弟弟拦住，对方要塞给他一封信，法官没有接。")
    assert not result.facts.complaint


def test_a_signature_that_names_nobody_is_no_named_report(assessor: Assessor) -> None:
    """R3 第十条's one-month feedback is owed to a 实名 reporter; "一些群众" is no name."""
    anonymous = assessor.assess("县法院纪检组收到一封信，署名“一些知情群众”，反映执行法官收受"
                                "被执行人的礼品。")
    assert not anonymous.facts.named_report
    named = assessor.assess("县法院纪检组收到一封信，署名王某并留下电话，反映执行法官收受"
                            "被执行人的礼品。")
    assert named.facts.named_report


def test_the_unit_under_investigation_is_not_the_officers_workplace(assessor: Assessor) -> None:
    result = assessor.assess("检察官在办案期间，接受了被调查单位安排的一次外地考察，"
                             "食宿全包。")
    assert result.facts.at_workplace is not True
    assert not result.facts.retaliation
    assert result.verdict == "violation"
    assert first_provision(result) == ("R3", 5, 3)


@pytest.mark.parametrize("doubt", ["局里找不到他的审批单", "纪检组没查到这次见面的审批"])
def test_an_approval_not_found_is_an_open_question(assessor: Assessor, doubt: str) -> None:
    """R3 第六条 turns on 「办理审批手续并获批准」: not found on file is not yet not given."""
    result = assessor.assess(f"侦查员在酒店和嫌疑人的辩护律师谈了一个小时，{doubt}。")
    assert result.verdict == "undetermined"
    assert unknown.APPROVAL in result.missing_facts


def test_minutes_not_yet_obtained_leave_the_decision_open(assessor: Assessor) -> None:
    """R1 第三条's limit 「不得…作出具体决定」 cannot be judged from minutes nobody has read."""
    result = assessor.assess("市委政法委召集公检法开会研究一起涉黑案件，是否定了量刑幅度，"
                             "会议纪要原文还没调到。")
    assert result.verdict == "undetermined"
    assert unknown.DECISION in result.missing_facts


def test_a_cadre_retired_after_his_title_is_no_serving_cadre(assessor: Assessor) -> None:
    """R1 第十二条 names serving cadres; 老局长退下来后 is a retiree, whatever his new post."""
    result = assessor.assess("老局长退下来后在县老年协会当会长，他给承办法官打电话为被告人"
                             "说情。")
    assert result.verdict == "undetermined"
    assert unknown.IS_LEADER in result.missing_facts


def test_a_caller_who_only_claims_to_be_a_secretary(assessor: Assessor) -> None:
    claimed = assessor.assess("一名男子打电话给承办检察官，自称副市长的秘书，问嫌疑人能不能"
                              "取保，检察官问他姓名，他挂了电话。")
    assert claimed.verdict == "undetermined"
    confirmed = assessor.assess("一名男子到法院自称局长的秘书，说“局长交代了”，请法官把案子"
                                "压一压。当晚局长本人又打电话问法官“我秘书去过了吧”。")
    assert confirmed.verdict == "violation"


def test_driving_a_partys_car_is_borrowing_transport(assessor: Assessor) -> None:
    """R3 第五条第（四）项: 借用…交通工具."""
    result = assessor.assess("民警五一假期开了被害人哥哥名下的一辆轿车回老家，用了四天。")
    assert result.verdict == "violation"
    assert first_provision(result) == ("R3", 5, 4)


def test_introducing_a_partys_family_to_a_lawyer_friend(assessor: Assessor) -> None:
    """R3 第五条第（二）项: 为当事人推荐、介绍诉讼代理人、辩护人."""
    result = assessor.assess("检察官把被告人的家属推荐给自己的老朋友——一位刑辩律师。")
    assert result.verdict == "violation"
    assert first_provision(result) == ("R3", 5, 2)


def test_an_officers_quoted_answer_leaves_nothing_open(assessor: Assessor) -> None:
    """他说“不清楚”: his answer then, not the file's doubt; four days is past 「三日内」."""
    result = assessor.assess("3月3日晚，法官在超市偶遇被告人的母亲，对方问判决书为何还没"
                             "送达，法官说“不清楚，你问书记员”。3月7日法官向院纪检组书面报告。")
    assert result.facts.report_days == 4
    assert result.verdict == "violation"
    assert first_provision(result) == ("R3", 7, None)


def test_a_question_in_a_transcript_is_no_denial(assessor: Assessor) -> None:
    from liuhen.assessment.open_questions import open_questions
    assert open_questions("问：有没有提到怎么定性？答：没有。") == []


def test_telling_the_discipline_officer_the_same_day_is_a_report(assessor: Assessor) -> None:
    result = assessor.assess("法官在菜市场碰到原告，原告要请他吃早饭，他没去，当天上午就跟"
                             "庭里的纪检员说了。")
    assert result.facts.reported is True
    assert result.verdict == "lawful"


@pytest.mark.parametrize("said", ["要求“依法依规，把事实查清”", "说“法院依法处理就行”"])
def test_asking_that_the_law_be_followed_is_no_direction(assessor: Assessor, said: str) -> None:
    """R1 第三条: 督促司法机关依法履行职责, with no 具体要求 on the case."""
    result = assessor.assess(f"副市长在市政府常务会上提到一起土地纠纷案，{said}，"
                             "没有提任何具体要求。")
    assert result.verdict == "lawful"
    assert "directive" not in (result.facts.conduct or [])
    direction = assessor.assess("副市长在市政府常务会上提到一起土地纠纷案，要求“这个案子判"
                                "原告败诉”。")
    assert direction.verdict == "violation"


def test_a_committee_member_who_heads_the_political_legal_committee(assessor: Assessor) -> None:
    result = assessor.assess("市委常委、政法委书记在月度政法工作例会上听取检察院对一起涉黑"
                             "案件的进展汇报，会议纪要未涉及定罪量刑。")
    assert result.facts.leading_organ
    assert result.verdict == "lawful"
    assert first_provision(result) == ("R1", 3, None)


def test_a_procuratorial_recommendation_is_a_procedure(assessor: Assessor) -> None:
    """R2 第五条: 依照法律程序或者工作程序进行."""
    result = assessor.assess("市检察院检察长给市公安局发了一份《检察建议书》，指出一起伤害案"
                             "立案后两个月没有侦查，建议依法及时侦查。")
    assert result.verdict == "lawful"
    assert first_provision(result) == ("R2", 5, None)


def test_a_meeting_named_after_a_leader_is_no_actor(assessor: Assessor) -> None:
    """局长办公会纪要: the meeting's name; the bureau's own chief gives written guidance (R2
    第四条 「依照程序以书面形式提出」), no cadre of R1 acts."""
    result = assessor.assess("局长办公会纪要：县公安局长对经侦大队一起集资诈骗案的取证方向作出"
                             "书面批示，“重点查清资金去向”，批示附卷。")
    assert result.regimes == ["R2"]
    assert result.verdict == "lawful"
    assert first_provision(result) == ("R2", 4, None)


def test_who_asked_left_open_holds_the_violation(assessor: Assessor) -> None:
    """“上面要求的”，是谁要求的没讲: who acted decides the regulation (R1 第十二条, R2 第十三条)."""
    from liuhen.assessment.open_questions import open_questions
    story = ("县检察院检察长在检委会上要求“对这个案子不起诉”，并说“上面要求的”。"
             "上面是谁要求的，他没讲。")
    assert [q.fact for q in open_questions(story)] == [unknown.WHO]
    assert assessor.assess(story).verdict == "undetermined"
    assert open_questions("检察长在检委会上要求“对这个案子不起诉”，他没讲理由。") == []


def test_an_outcome_named_at_a_meeting_is_a_specific_demand(assessor: Assessor) -> None:
    """R1 第八条第（四）项 names 「倾向性意见或者具体要求」: 不宜追究刑事责任 is one."""
    result = assessor.assess("市人大常委会副主任在个案监督座谈会上提出“这起盗伐林木案的村民"
                             "不宜追究刑事责任”。")
    assert result.verdict == "violation"
    assert first_provision(result) == ("R1", 8, 4)


def test_a_petition_forwarded_to_be_handled_by_law(assessor: Assessor) -> None:
    """A 批示 that forwards a letter “依法处理” and gives no opinion does nothing of R1 第八条;
    one that says how to decide is 第（四）项's 具体要求."""
    forwarded = assessor.assess("县长在一封群众来信上批示“转县法院依法处理”，没有提任何意见。")
    assert forwarded.verdict == "lawful"
    halted = assessor.assess("副县长在协调会上说“这家企业是纳税大户，法院查封要慎重，"
                             "先别动账户”。")
    assert halted.verdict == "violation"
    assert first_provision(halted) == ("R1", 8, 4)


def test_a_division_heads_written_review_is_guidance(assessor: Assessor) -> None:
    """R2 第四条: a leader's 指导性意见 「依照程序以书面形式提出」 is lawful supervision."""
    result = assessor.assess("副庭长审核裁定书时认为事实没查清，在审核意见栏写明理由，提交专业"
                             "法官会议讨论，合议庭复议后维持原判。")
    assert result.verdict == "lawful"
    assert first_provision(result) == ("R2", 4, None)


def test_a_committees_discussion_recorded_is_no_leak(assessor: Assessor) -> None:
    """讨论过程记入笔录 is the record of a deliberation, not its outcome told to anyone (R3
    第五条第（一）项 泄露)."""
    result = assessor.assess("检察委员会讨论一起职务犯罪案件并作出决定，讨论过程记入检委会"
                             "会议记录。")
    assert "leak" not in (result.facts.conduct or [])
    assert result.verdict != "violation"
    told = assessor.assess("检察官把检委会讨论过的意见偷偷告诉了嫌疑人的辩护律师。")
    assert told.verdict == "violation"
