"""Constructions read in session 15 (issue 11, sets Q and R): a cadre asked by a friend who
refuses, and the cadre who is himself the one asking; offers sent back or handed to the
inspection department; a lawyer reading the file at the case hall; a relative's visit that
touches no case; a former officer whose old court is not the case's; the report that came
later than a first call; tip-offs and meals paid for by a lawyer. Every sentence is written for
the test from the regulations' own terms, not taken from any situation set; each change was
kept only if no author's set lost a verdict by it (docs/benchmarks.md, "Assessment engine,
session 15")."""

from __future__ import annotations

import pytest

from liuhen.assessment import Assessor
from liuhen.assessment import missing_facts as unknown
from tests.liuhen.assessment.reading import first_provision


def test_a_cadre_whose_friend_asks_him_and_who_refuses_did_nothing(assessor: Assessor) -> None:
    """R1 第八条第（一）项 is 「为案件当事人请托说情的」: asked at home, he refused."""
    result = assessor.assess("副市长老李的战友因为一笔货款被起诉，晚上找到他家里，求他给中院"
                             "“打个招呼”。老李当场回绝，让他请律师应诉。")
    assert result.verdict == "lawful"
    assert first_provision(result) == ("R1", 8, 1)
    assert result.actor_role == "领导干部"


@pytest.mark.parametrize("story", [
    "副区长给承办法官打电话，请他关照一下被告，法官当场拒绝。",
    "副区长给承办法官打电话，请他关照一下被告，法官说这个我不能帮。",
])
def test_a_cadre_who_asks_a_judge_pleaded_whatever_the_judge_answered(
        assessor: Assessor, story: str) -> None:
    """The one asked is the judge named between the cadre and the request: the cadre pleaded."""
    result = assessor.assess(story)
    assert result.verdict == "violation"
    assert first_provision(result) == ("R1", 8, 1)


@pytest.mark.parametrize("story", [
    "律师托法官的堂兄送来两瓶酒和一个红包，法官让堂兄原样带回，第二天书面报告了院纪检组。",
    "检察官在公文包里发现当事人塞进去的一张购物卡，当天交到了检务督察部门。",
])
def test_an_offer_sent_back_or_handed_in_was_not_accepted(
        assessor: Assessor, story: str) -> None:
    """R3 第五条第（三）项 forbids 「接受…请客送礼或者其他利益」: sent back, nothing was taken."""
    result = assessor.assess(story)
    assert result.verdict == "lawful"
    assert first_provision(result) == ("R3", 5, 3)


def test_a_lawyer_reading_the_file_at_the_case_hall_is_received_at_work(
        assessor: Assessor) -> None:
    """R3 第六条: 「应当在工作场所、工作间接待当事人、律师」; copying the file is no leak."""
    result = assessor.assess("辩护律师到检察院案管大厅阅卷，复印了卷宗，书记员在场办理了手续。")
    assert result.verdict == "lawful"
    assert first_provision(result) == ("R3", 6, None)


def test_a_record_that_is_not_in_the_register_was_not_made(assessor: Assessor) -> None:
    """R2 第十一条: 「办案人员不记录或者不如实记录」; 不用登 and an empty register say so."""
    result = assessor.assess("庭长在走廊上跟承办法官说那个案子“抓紧结，别拖”。承办法官觉得这种话"
                             "不用登，登记表上也没有这一条。")
    assert result.verdict == "violation"
    assert first_provision(result) == ("R2", 11, None)


def test_a_tip_off_of_an_imminent_step_is_a_leak(assessor: Assessor) -> None:
    """R3 第五条第（一）项: 「泄露司法机关办案工作秘密」."""
    result = assessor.assess("检察院内勤查看了不属于自己经办的一起诈骗案，私下告诉嫌疑人的哥哥："
                             "“下周就要起诉了，赶紧退赃。”")
    assert result.verdict == "violation"
    # an insider's tip-off is also R2 第九条第（四）项's 「通风报信」
    assert first_provision(result) in (("R3", 5, 1), ("R2", 9, 4))


def test_a_screenshot_of_the_draft_charges_sent_to_a_lawyer_is_a_leak(
        assessor: Assessor) -> None:
    result = assessor.assess("书记员在判决书送达前，把合议庭拟判的刑期截图发给了一位做律师的同学。")
    assert result.verdict == "violation"
    assert first_provision(result) in (("R3", 5, 1), ("R2", 9, 4))


def test_a_meal_the_lawyer_paid_for_is_a_benefit(assessor: Assessor) -> None:
    """R3 第五条第（三）项: 「接受当事人、律师…请客送礼」."""
    result = assessor.assess("经查，法官与其承办案件的原告代理律师在酒楼吃饭，餐费2400元由律师"
                             "结账，法官事后没有报告。")
    assert result.verdict == "violation"
    assert first_provision(result) == ("R3", 5, 3)


@pytest.mark.parametrize("story", [
    "中秋节，法官的姑父到家里坐了坐，大家聊的是收成和孙子上学，席间没有提到任何案件。",
    "检察官的表姐夫春节来家里拜年，他手上没有任何官司，也没托她办事。",
])
def test_a_relatives_visit_about_no_case_is_private_life(
        assessor: Assessor, story: str) -> None:
    """R3 第六、七条 govern contact 「在案件办理过程中」; a relative with no case is none."""
    result = assessor.assess(story)
    assert result.verdict == "lawful"


def test_a_case_raised_at_the_end_of_the_visit_is_still_a_plea(assessor: Assessor) -> None:
    result = assessor.assess("副县长请法官吃饭，席间一开始没有提到案子，临走时才说他表弟那个合同"
                             "纠纷“你多关照”。")
    assert result.verdict == "violation"
    assert first_provision(result) == ("R1", 8, 1)


def test_a_former_officer_in_another_court_is_outside_article_8(assessor: Assessor) -> None:
    """R3 第八条 forbids only 「原任职单位办理案件」."""
    lawful = assessor.assess("离开县法院三年后，律师周某代理了一起在市中院审理的合同纠纷。")
    assert lawful.verdict == "lawful"
    assert first_provision(lawful) == ("R3", 8, None)
    same = assessor.assess("离开县法院三年后，律师周某代理了县法院正在审理的一起合同纠纷。")
    assert same.verdict == "violation"


def test_a_relation_the_file_does_not_give_leaves_the_exception_open(
        assessor: Assessor) -> None:
    """R3 第八条's exception: 「作为当事人的监护人或者近亲属」."""
    result = assessor.assess("离开区法院一年的老马当了律师，代理了区法院正在审理的一起离婚案的"
                             "女方，女方和他什么关系，材料里没写。")
    assert result.verdict == "undetermined"
    assert unknown.GUARDIAN in result.missing_facts


def test_a_party_stopping_the_judge_and_a_same_day_report_is_article_7(
        assessor: Assessor) -> None:
    """R3 第七条: 「在三日内」 to 「本单位纪检监察部门」."""
    result = assessor.assess("被告在停车场拦住下班的法官，要塞给他一个红包。法官推开了，"
                             "回到办公室后就向院纪检组作了说明。")
    assert result.verdict == "lawful"
    # the red packet refused (第五条第（三）项) and the contact reported in time (第七条)
    assert ("R3", 7, None) in [(p.alias, p.article, p.item) for p in result.provisions[:2]]


def test_a_report_to_the_inspection_office_eight_days_later_is_late(
        assessor: Assessor) -> None:
    """A call to one's division head the same day is no report to 「本单位纪检监察部门」."""
    result = assessor.assess("9月2日法官在菜市场碰到了原告，原告要跟他讲案情，他让原告去法院。"
                             "当天他给庭长打电话说了一声，9月10日才向纪检组交了书面报告。")
    assert result.verdict == "violation"
    assert first_provision(result) == ("R3", 7, None)


def test_a_recusal_approved_is_lawful(assessor: Assessor) -> None:
    """R3 第四条: 「有法律规定的回避情形的，应当自行回避」."""
    result = assessor.assess("原告当庭指出审判员与被告的法定代表人是同学，审判员承认，经院长批准后"
                             "退出合议庭。")
    assert result.verdict == "lawful"
    assert first_provision(result) == ("R3", 4, None)


def test_a_chairman_filing_as_his_companys_representative_is_a_party(
        assessor: Assessor) -> None:
    """A cadre acting for his company in its own case is received at the workplace (R3 第六条)."""
    result = assessor.assess("一家区属国企的总经理以公司法定代表人的身份到法院立案大厅，向承办法官"
                             "提交了上诉状。")
    assert result.verdict == "lawful"
    assert result.actor_role == "当事人"


def test_the_leader_of_a_political_legal_committee_who_refuses_did_nothing(
        assessor: Assessor) -> None:
    result = assessor.assess("一位老板找到区委政法委书记，想请他给法院打个招呼。书记当场拒绝，"
                             "让他依法上诉。")
    assert result.verdict == "lawful"
    assert first_provision(result)[0] == "R1"


def test_a_complaint_found_untrue_does_not_frame_the_established_plea(
        assessor: Assessor) -> None:
    result = assessor.assess("经查，某镇镇长在其表哥涉嫌盗伐林木案审查起诉期间打电话给承办检察官，"
                             "说“能不能不起诉”。另查明，反映检察官收受镇长礼品的问题，经核查不属实。")
    assert result.verdict == "violation"
    assert first_provision(result) == ("R1", 8, 1)


def test_the_wrongdoers_sanction_is_no_retaliation(assessor: Assessor) -> None:
    result = assessor.assess("经查，法官明知律师是为案件而来，仍接受其宴请和烟酒。法官被开除党籍、"
                             "开除公职。")
    assert result.verdict == "violation"
    assert all(p.article not in (6, 7) or p.alias == "R3" for p in result.provisions[:1])
    assert "R2-7" not in [f"{p.alias}-{p.article}" for p in result.provisions[:1]]


@pytest.mark.parametrize(("story", "fact"), [
    ("庭长在电话里对承办法官说那个案子“抓紧审结，别超审限”。问法官登没登记，他说记不清了。",
     unknown.ORAL_RECORDED),
    ("院长在电梯里对法官说“这个案子再放一放”。法官还没决定要不要登记。", unknown.ORAL_RECORDED),
    ("一家评估公司中秋前给几位执行法官送了购物卡，一位法官收下了。目前不清楚这家公司是否参与了"
     "这位法官手上的案件。", unknown.COUNTERPART),
    ("市委政法委召开协调会，会议就一起集资诈骗案的定性形成了一致意见，但没有透露意见的具体内容。",
     unknown.DECISION),
    ("当事人家属实名举报检察官暗示他们换律师，检察院已受理举报，正在核查。", unknown.REPORT_TRUE),
    ("律师在微信上给法官发了一个红包，法官说没点开，截图上看不清是否被领取。", unknown.ACCEPTED),
])
def test_a_fact_the_account_leaves_open_holds_the_verdict(
        assessor: Assessor, story: str, fact: str) -> None:
    """GUIDE section 4: a violation only of what the situation establishes."""
    result = assessor.assess(story)
    assert result.verdict == "undetermined", result.reasons
    assert fact in result.missing_facts


def test_a_question_whether_it_was_the_cadres_idea_is_no_instigation(
        assessor: Assessor) -> None:
    """R1 第八条第（三）项 needs 「授意、纵容」; asked about, not established."""
    result = assessor.assess("法官接到副区长秘书的电话：“区长关心一下那个案子，能轻就轻。”"
                             "法官问是不是区长的意思，秘书说“你自己体会”。法官随后登记。")
    assert result.verdict == "undetermined"
    assert unknown.INSTIGATED in result.missing_facts


def test_two_accounts_of_the_handling_unit_leave_article_8_open(assessor: Assessor) -> None:
    result = assessor.assess("前法官老赵离任后做律师，这次代理市中院二审的一起案件。"
                             "老赵原在区法院，有人说这个案子一审就在区法院，也有人说一审在邻区法院。")
    assert result.verdict == "undetermined"
    assert unknown.FORMER_UNIT in result.missing_facts
