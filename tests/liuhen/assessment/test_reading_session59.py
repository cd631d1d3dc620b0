"""Readings of the seed the engine got wrong (session 59, sets GM to GP read once GQ to GT had
been commissioned), each with its control.

- R1 第十二条: a 城投公司's 副总经理 or a 供销社's 主任 is a 领导干部 only if he holds 国家工作人员
  身份, which the title does not say; a state firm's own 董事长 is read as its leader.
- GUIDE section 4: 有人说，… and 没人亲眼见过 tell a rumour, undetermined until verified; 听说这事
  以后 is how the teller learned, not hearsay.
- R3 第五条第（三）、（四）项: the teller who 给执行员…送了 a gift he took is the side of a case
  before him (unless the words set him apart or name a private tie); a lawyer in the case who
  请法官吃了顿便饭 gave a meal; an objector to a seizure (对…查封提异议) is a party.
- R3 第七条: a lawyer's call the judge cut short (说不谈案子就挂了), reported the next day.
- R3 第六条: a judge who 打电话到厂里，通知…开庭 works from his post; whether an outing was
  approved (有没有办外出审批) is open when no one knows.
- R3 第五条第（二）项: an officer who passes the news of a seizure to an auction house 看能不能接
  这个活 introduces the case.
- R2 第五条: a 司法局 officer 带着法院的委托函 asks by procedure.
- R1 第二条: a 县长 who says 法院怎么判，政府都尊重，谁也别去找法院说情 asks nothing.
- R1 第八条: a cadre who sat in the gallery and then talked with the judge, 聊什么没人听见, leaves
  what he said open.
- R3 第四条: an officer who 主动申请不办 a case of a relative's firm stepped aside.
- R2 第四条: a superior court's written guidance that 没写哪一方该赢; a paper that 突然冒出 is no
  meeting by chance, and 厂里议论纷纷 no place anyone met.
- R2 第七条: taking a recorder off the panels and 取消…评优资格 is retaliation; a removal 因…被
  依法查处 and voted by the 人大常委会 has a ground and a procedure.
- R2 第九条第（一）项: a plea recounted in the procuratorate's 信访答复 is found, no complaint.
- R2 第九条第（一）项: a court's own vice-president who pleads for his comrade's firm acts, though
  the story first says 我们厂和宏拓公司是共同被告.

Every sentence is written for the test, not taken from any situation set."""

from __future__ import annotations

import pytest

from liuhen.assessment import Assessor
from liuhen.assessment import missing_facts as unknown
from tests.liuhen.assessment.reading import rules_with_status


@pytest.mark.parametrize("text", [
    "县城投公司的柳副总经理给执行局打电话，让执行员对我们店的冻结“先放一放”。",
    "县供销社的何主任打电话给承办法官，替欠我们货款的那家农资店说情。",
    "城投公司卫副总给法官发微信，请他对那家建材店的查封“高抬贵手”。",
])
def test_a_firm_deputy_or_a_cooperative_head_is_not_a_cadre_by_title(
        assessor: Assessor, text: str) -> None:
    result = assessor.assess(text)
    assert result.verdict == "undetermined", (text, result.reasons)
    assert unknown.IS_LEADER in result.missing_facts, result.missing_facts


@pytest.mark.parametrize("text", [
    "县城投公司董事长给执行局打电话，让执行员对我们店的冻结“先放一放”。",
    "县城投公司的柳副总经理（县委任命的国企领导）给执行局打电话，让执行员对我们店的冻结“先放一放”。",
])
def test_a_state_firm_head_or_an_appointed_deputy_is(assessor: Assessor, text: str) -> None:
    result = assessor.assess(text)
    assert result.verdict == "violation", (text, result.reasons)


def test_a_rumour_told_as_what_someone_said(assessor: Assessor) -> None:
    rumour = assessor.assess("菜场里有人说，镇派出所的副所长找过承办检察官，替偷菜的那个人"
                             "求过情。没人亲眼见过。")
    assert rumour.verdict == "undetermined", rumour.reasons
    assert unknown.REPORT_TRUE in rumour.missing_facts, rumour.missing_facts
    told = assessor.assess("镇派出所的副所长找过承办检察官，替偷菜的那个人求过情。")
    assert told.verdict == "violation", told.reasons


def test_learning_of_it_is_not_hearsay(assessor: Assessor) -> None:
    result = assessor.assess("审我们店那个罚款案的法官连着几个周末到被告局长家里打牌，"
                             "我们店是原告，听说这事以后一直不踏实。")
    assert unknown.REPORT_TRUE not in result.missing_facts, result.missing_facts


@pytest.mark.parametrize("text", [
    "我让出纳给执行员周海送了两盒红枣，他收下了。",
    "我们给执行局梁法官送了一箱土蜂蜜，说是“自家产的”，他收了。",
])
def test_the_teller_who_gives_to_an_officer(assessor: Assessor, text: str) -> None:
    result = assessor.assess(text)
    assert result.verdict == "violation", (text, result.reasons)


def test_the_teller_whose_gift_was_returned_or_who_is_a_friend(assessor: Assessor) -> None:
    returned = assessor.assess("我让出纳给执行员周海送了两盒红枣，他当场退了回来。")
    assert returned.verdict == "lawful", returned.reasons
    friend = assessor.assess("我给老同学周海法官送了两盒红枣，他收下了。")
    assert friend.verdict == "undetermined", friend.reasons


def test_a_lawyer_in_the_case_who_treated_the_judge_to_a_meal(assessor: Assessor) -> None:
    result = assessor.assess("邹律师请审理法官吃了顿便饭。货款案还没判，邹律师代理被告。")
    assert result.verdict == "violation", result.reasons
    assert "R3-5-3" in rules_with_status(result, "violation"), result.reasons


def test_an_objector_to_a_seizure_is_a_party(assessor: Assessor) -> None:
    result = assessor.assess("执行法官借了我店里的三轮车拉了三天货。我不是那起案子的被执行人，"
                             "但正在对我那台机器被查封提异议。")
    assert result.verdict == "violation", result.reasons


def test_a_lawyers_call_cut_short_and_reported_next_day(assessor: Assessor) -> None:
    reported = assessor.assess("夜里十一点，对方的代理律师打了承办法官的手机，法官说不谈案子就"
                               "挂了，第二天报告了院纪检组。")
    assert reported.verdict == "lawful", reported.reasons
    assert "R3-7" in rules_with_status(reported, "lawful"), reported.reasons
    late = assessor.assess("夜里十一点，对方的代理律师打了承办法官的手机，法官说不谈案子就"
                           "挂了，过了十天才报告院纪检组。")
    assert late.verdict == "violation", late.reasons


def test_a_judge_ringing_to_give_the_hearing_date(assessor: Assessor) -> None:
    result = assessor.assess("承办法官打电话到我们厂里，通知工伤案下周四开庭。")
    assert result.verdict == "lawful", result.reasons


def test_an_outing_whose_approval_no_one_knows(assessor: Assessor) -> None:
    result = assessor.assess("我们厂是被执行人。执行法官上周来厂里看被封的设备，厂里没人知道"
                             "他有没有办外出审批。")
    assert result.verdict == "undetermined", result.reasons
    assert unknown.APPROVAL in result.missing_facts, result.missing_facts


def test_the_news_of_a_seizure_passed_to_an_auction_house(assessor: Assessor) -> None:
    result = assessor.assess("执行员把我们仓库被查封、要评估拍卖的消息给了一家拍卖行的经理，"
                             "让他“去找老板谈谈，看能不能接这个活”。")
    assert result.verdict == "violation", result.reasons
    assert "R3-5-2" in rules_with_status(result, "violation"), result.reasons


def test_an_officer_who_came_with_the_courts_letter(assessor: Assessor) -> None:
    result = assessor.assess("县司法局的工作人员带着法院的委托函找承办法官，了解被告人的家庭"
                             "情况，在法院办公室谈的。")
    assert result.verdict == "lawful", result.reasons


def test_a_county_head_who_told_everyone_to_keep_away(assessor: Assessor) -> None:
    result = assessor.assess("县长在全县大会上讲：那起合同案法院怎么判，政府都尊重，谁也别去"
                             "找法院说情。")
    assert result.verdict == "lawful", result.reasons
    asked = assessor.assess("县长打电话问承办法官：那起合同案你们打算怎么判？")
    assert asked.verdict != "lawful", asked.reasons


def test_a_talk_after_the_hearing_no_one_heard(assessor: Assessor) -> None:
    unheard = assessor.assess("县政协的副主席旁听了我们店的庭审，散庭后跟审判长在走廊里聊了"
                              "一会儿，聊什么没人听见。")
    assert unheard.verdict == "undetermined", unheard.reasons
    left = assessor.assess("县政协的副主席旁听了我们店的庭审，散庭后就走了。")
    assert left.verdict == "lawful", left.reasons


def test_an_officer_who_asked_not_to_handle_a_relatives_case(assessor: Assessor) -> None:
    result = assessor.assess("执行员发现被执行的那家公司的出纳是他堂妹，主动申请不办这个案子，"
                             "院长批准后换了人。")
    assert result.verdict == "lawful", result.reasons
    assert "R3-4" in rules_with_status(result, "lawful"), result.reasons


def test_a_superior_courts_written_guidance_that_names_no_winner(assessor: Assessor) -> None:
    result = assessor.assess("官司打到一半，突然冒出一份市中院的文件，厂里议论纷纷：中院就几起"
                             "同类案件向县法院发出书面指导意见，只讲法律适用，没写哪一方该赢。")
    assert result.verdict == "lawful", result.reasons
    assert "R2-4" in rules_with_status(result, "lawful"), result.reasons


def test_a_recorder_taken_off_the_panels(assessor: Assessor) -> None:
    result = assessor.assess("副庭长过问一起案子，被承办法官如实记录。之后他宣布这位法官退出"
                             "全部合议庭，还取消了她当年的评优资格。院里没有任何法定事由，也没"
                             "走任何程序。")
    assert result.verdict == "violation", result.reasons
    assert "R2-7" in rules_with_status(result, "violation"), result.reasons


def test_a_recorders_removal_on_a_ground_and_by_a_vote(assessor: Assessor) -> None:
    result = assessor.assess("那位曾如实记录领导过问的法官今年被免去审判员职务。法院公告说，她因"
                             "违反工作纪律被纪检监察机关依法查处，县人大常委会依法表决免职。"
                             "这种情况算对记录人的打击报复吗？")
    assert result.verdict == "lawful", result.reasons


def test_a_plea_recounted_in_the_answer_to_a_petition(assessor: Assessor) -> None:
    result = assessor.assess("检察院给我们的信访答复里写着：“派出所所长来电，称嫌疑人系其亲戚，"
                             "请求对其从轻处理。承办检察官当即拒绝，已如实登记。”")
    assert result.verdict == "violation", result.reasons


def test_a_vice_president_after_the_scene_is_set(assessor: Assessor) -> None:
    result = assessor.assess("工伤案里，我们厂和一家安装公司是共同被告。副院长把承办法官叫到办公"
                             "室，说安装公司老板是他战友：“责任你看着分，别让他们赔太多。”")
    assert result.verdict == "violation", result.reasons


@pytest.mark.parametrize("text", [
    "县政府专题会议纪要（主送县法院）：“对华丰公司不服税务罚款一案，请县法院从稳定就业出发，"
    "依法判决撤销或减少罚款。”",
    "副县长在协调会上说：“那起罚款案，处罚必须维持，不然执法没法干。”会后纪要盖章发给了法院。",
])
def test_minutes_that_tell_the_court_the_outcome(assessor: Assessor, text: str) -> None:
    result = assessor.assess(text)
    assert result.verdict == "violation", (text, result.reasons)
    assert "R1-8-4" in rules_with_status(result, "violation"), result.reasons


def test_a_cadre_who_let_his_secretarys_plea_go_on(assessor: Assessor) -> None:
    tolerated = assessor.assess("副县长知道秘书在替一家公司找法官说情，只对秘书说了句“你看着办，"
                                "别把我扯进去”。")
    assert tolerated.verdict == "violation", tolerated.reasons
    assert "R1-8-3" in rules_with_status(tolerated, "violation"), tolerated.reasons
    stopped = assessor.assess("副县长知道秘书在替一家公司找法官说情，当场对秘书说：“马上停下，"
                              "不许再找法官。”")
    assert stopped.verdict != "violation", stopped.reasons


def test_a_fear_of_retaliation_is_no_retaliation(assessor: Assessor) -> None:
    result = assessor.assess("我实名向法院纪检组举报执行员收了被执行人的礼，纪检组受理登记后，"
                             "第十五天书面答复：经查，举报不属实。有人说举报法院的人会被“穿小鞋”。"
                             "我这样举报合规吗？")
    assert result.verdict == "lawful", result.reasons
    assert unknown.LAWFUL_CAUSE not in result.missing_facts, result.missing_facts


def test_a_kind_asked_about_is_not_named(assessor: Assessor) -> None:
    result = assessor.assess("跟我们打租赁官司的房主，他的连襟请承办法官吃了顿饭，说是老朋友"
                             "聚聚。连襟算不算“特殊关系人”？")
    assert result.verdict == "undetermined", result.reasons


def test_a_meal_only_meant_is_no_meal(assessor: Assessor) -> None:
    result = assessor.assess("律师约承办法官谈案子，法官让他周三到法院接待室，书记员在场记录。"
                             "律师后来说，本来想请法官吃顿饭，看这阵势没敢提。")
    assert result.verdict == "lawful", result.reasons


def test_a_bosss_title_alone_is_no_cadre(assessor: Assessor) -> None:
    result = assessor.assess("我们公司的祁副总周日夜里转给我一条语音，是公安局一个熟人发的："
                             "“经侦下周二要冻你们账户，你早做准备。”")
    assert result.verdict == "violation", result.reasons
    assert unknown.IS_LEADER not in result.missing_facts, result.missing_facts


def test_a_call_by_the_custody_procedure(assessor: Assessor) -> None:
    result = assessor.assess("看守所民警按提审工作程序打电话给法院，核对被告人的开庭日期，以便"
                             "安排押送。")
    assert result.verdict == "lawful", result.reasons
    asked = assessor.assess("看守所民警打电话给承办法官，问被告人能不能判缓刑。")
    assert asked.verdict != "lawful", asked.reasons


def test_a_cadre_who_asked_the_outcome_to_tip_off_a_party(assessor: Assessor) -> None:
    result = assessor.assess("县工信局长打电话问承办法官那起买卖合同案打算怎么判，说想提前给"
                             "被告公司通个气。")
    assert result.verdict == "violation", result.reasons


def test_the_next_step_told_to_the_applicant_at_the_office(assessor: Assessor) -> None:
    result = assessor.assess("我是申请执行人，到执行员的办公室交了被执行人的财产线索，他登记"
                             "以后告诉了我下一步的执行程序，书记员在旁边记录。")
    assert result.verdict == "lawful", result.reasons


def test_guidance_recorded_filed_and_told_to_both_sides(assessor: Assessor) -> None:
    result = assessor.assess("市中院对口指导的法官在电话里就那起欠款案的举证责任提了意见，承办"
                             "法官当场记录在案，附进了卷宗，开庭时也告诉了双方。")
    assert result.verdict == "lawful", result.reasons


def test_a_loan_guaranteed_is_the_cases_not_the_officers(assessor: Assessor) -> None:
    result = assessor.assess("我们曾为一家建筑公司向小贷公司的借款做过担保，法院要拍卖我们的一台"
                             "货车。评估机构是当众摇号选定的，执行员只在法院评估室跟评估师交接材料，"
                             "书记员全程在场记录。")
    assert result.verdict == "lawful", result.reasons


def test_a_superior_courts_notice_asking_why_a_case_is_late(assessor: Assessor) -> None:
    result = assessor.assess("市中院审管办给县法院发了书面通知，列出超审限的案件，要求说明那起"
                             "买卖合同案延期审理的原因，只问程序，不涉及实体怎么判。")
    assert result.verdict == "lawful", result.reasons
    pressed = assessor.assess("市中院一位庭长打电话给县法院承办法官，要求那起买卖合同案推迟开庭。")
    assert pressed.verdict != "lawful", pressed.reasons


def test_a_committee_that_convened_after_a_familys_protest(assessor: Assessor) -> None:
    result = assessor.assess("伤者家属连着几天在公司门口拉横幅。县委政法委按工作程序召集法院、"
                             "人社局开协调会，会上明确“赔偿多少由法院依法判决”，对证据和责任一句"
                             "也没表态。")
    assert result.verdict == "lawful", result.reasons
    assert "R1-3" in rules_with_status(result, "lawful"), result.reasons


def test_a_cadre_who_said_he_does_not_meddle(assessor: Assessor) -> None:
    refused = assessor.assess("我去找副县长，想让他替我那个查封案说句话。他说法院的案子他不过问，"
                              "让我找律师提异议，一个电话也没打。")
    assert refused.verdict == "lawful", refused.reasons
    done = assessor.assess("我去找副县长，想让他替我那个查封案说句话。他第二天就给执行法官打了"
                           "电话。")
    assert done.verdict == "violation", done.reasons


def test_an_officer_who_agreed_a_low_valuation(assessor: Assessor) -> None:
    result = assessor.assess("院纪检组查明：执行员事先跟评估公司的评估师商量好，把市价三十万的"
                             "挖掘机估成十二万，再让拍卖行安排熟人以起拍价拍走。")
    assert result.verdict == "violation", result.reasons
    assert "R3-5-5" in rules_with_status(result, "violation"), result.reasons
