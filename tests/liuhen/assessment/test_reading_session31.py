"""Readings of the seed the engine got wrong (session 31), each with its control.

- R3 第五条第（五）项 "违规干预…评估、拍卖": an officer telling the valuer 估低一点,
  起拍价往下压一压, or agreeing 评估价按市价五成报, colludes with an intermediary.
- R3 第五条第（六）项 (其他不正当接触交往): an officer coaching a party how to answer (教原告开庭时
  怎么说, 问到那笔钱你就这么答) is no leak and no plea, but it is improper contact all the same; a
  judge explaining in court what a party may apply for (释明) is not.
- R3 第五条第（二）项: a lawyer asked for (能不能给推荐个律师) and refused (拒绝了, 律师您自己选)
  is nothing recommended; 这个律师…换他吧 handed over with a business card is a recommendation.
- R3 第五条第（四）项: a car 借来开了三天 is borrowed.
- R3 第七条 "三日内": 周末…周一报告 is in time whichever weekend day it was, 周末…周三 is open
  (Saturday to Wednesday is four days, Sunday three); 那天的事我没报 is no report, 报没报，不知道
  leaves it open.
- R3 第八条: a case 与本局无关，从没在本局立案 is not the former unit's.
- R1 第八条 / R2 第九条: 刑事责任就别追了 pleads; a cadre asking that each judge's view in the
  deliberation be told him (把合议庭每个人的意见说说) interferes (第（五）项); a township secretary
  asked by his nephew (表舅…（某乡党委书记）) who will not make the call did nothing; a retired
  judge asked to put in a word who refuses made no plea (R2 第九条第（一）项 lawful).
- Who the counterpart is: a teller who speaks of 我那个官司, 办我那笔执行案, or who is told 判你赢,
  is the party; the 承办法官 who calls him is the handler in contact with a party (R3), not an
  insider asking about someone else's case (R2).
- A chance meeting in quotes (“偶遇”) with an arrangement told after it (朋友圈“约了”) is no
  settled chance; a leisure invitation turned down (约去唱歌，费用他们结 — 不宜见面) is no leisure.

Every sentence is written for the test, not taken from any situation set."""

from __future__ import annotations

import pytest

from liuhen.assessment import Assessor
from liuhen.assessment import missing_facts as unknown
from tests.liuhen.assessment.reading import first_rule


def conduct_read(assessor: Assessor, situation: str) -> list[str]:
    return assessor.assess(situation).facts.conduct or []


@pytest.mark.parametrize("situation", [
    "检察官王某委托评估机构对查封的设备估价前，跟该机构经理交代“估低一点”，报告照此出具。",
    "执行法官当着我的面给拍卖公司的人打电话：“起拍价往下压一压，买家我来找。”",
    "侦查员与评估公司经理约定：评估价按市价五成报，再由经理找人接手。",
])
def test_pushing_the_valuer_down_is_collusion(assessor: Assessor, situation: str) -> None:
    result = assessor.assess(situation)
    assert "collusion" in (result.facts.conduct or [])
    assert result.verdict == "violation"
    assert first_rule(assessor, situation) == "R3-5-5"


def test_a_valuation_asked_by_procedure_is_no_collusion(assessor: Assessor) -> None:
    situation = "法院通过摇号选定评估公司，评估师按市场价出具报告，法官按程序送达双方。"
    assert "collusion" not in conduct_read(assessor, situation)


@pytest.mark.parametrize("situation", [
    "承办法官深夜在微信上教原告开庭时怎么说、哪些话别提，还让他聊完就删。",
    "提讯时，侦查员趁同事不在，低声教嫌疑人：“问到那笔钱，你就这么答，别提别的。”",
])
def test_coaching_a_party_is_improper_contact(assessor: Assessor, situation: str) -> None:
    result = assessor.assess(situation)
    assert "coach" in (result.facts.conduct or [])
    assert result.verdict == "violation"
    assert first_rule(assessor, situation) == "R3-5-6"


def test_explaining_a_right_in_court_is_no_coaching(assessor: Assessor) -> None:
    situation = "庭审中，法官向原告释明可以申请证人出庭作证，书记员记入笔录。"
    assert "coach" not in conduct_read(assessor, situation)
    assert assessor.assess(situation).verdict != "violation"


@pytest.mark.parametrize("situation", [
    "被告在法院问法官能不能给推荐个律师，法官拒绝了，只说律师自己选，困难可以申请法律援助。",
    "当事人在诉讼服务中心问法官：“您给推荐个靠谱的律师吧？”法官拒绝了，说律师您自己选。",
])
def test_a_lawyer_asked_for_and_refused(assessor: Assessor, situation: str) -> None:
    result = assessor.assess(situation)
    assert "recommend_lawyer" in (result.facts.declined or [])
    assert result.verdict == "lawful"


def test_a_lawyer_asked_for_and_named(assessor: Assessor) -> None:
    situation = "被告问承办法官能不能给推荐个律师，法官把一位律师的电话给了他，让他就找这位。"
    assert assessor.assess(situation).verdict == "violation"


def test_a_card_handed_over_to_change_lawyer(assessor: Assessor) -> None:
    situation = "侦查员递给嫌疑人妻子一张名片：“这个律师跟法院熟，你们现在请的那个不行，换他吧。”"
    result = assessor.assess(situation)
    assert "recommend_lawyer" in (result.facts.conduct or [])
    assert result.verdict == "violation"


def test_a_car_borrowed_to_drive(assessor: Assessor) -> None:
    situation = ("开庭间隙，法官听说原告的律师有辆车空着，就借来开了三天回老家，没付油钱，"
                 "案子还没结。")
    result = assessor.assess(situation)
    assert "borrow" in (result.facts.conduct or [])
    assert result.verdict == "violation"


def test_a_weekend_contact_reported_on_monday(assessor: Assessor) -> None:
    result = assessor.assess("法官周末在游泳馆碰巧遇到给他的案子做评估的估价师，聊了两句就走了，"
                             "周一一上班就向纪检组报告了。")
    assert result.facts.report_days == 2
    assert result.verdict == "lawful"


def test_a_weekend_contact_reported_on_wednesday_is_open(assessor: Assessor) -> None:
    # Saturday to Wednesday is four days, Sunday to Wednesday three: the words do not say which
    result = assessor.assess("法官周末在游泳馆碰巧遇到给他的案子做评估的估价师，聊了两句就走了，"
                             "周三才向纪检组报告。")
    assert result.facts.report_days is None
    assert result.verdict == "undetermined"
    assert unknown.REPORTED_IN_TIME in result.missing_facts


def test_i_did_not_report_it_is_no_report(assessor: Assessor) -> None:
    result = assessor.assess("3月5日我在表哥的寿宴上碰巧和承办法官同桌；后来法官亲口跟我说："
                             "‘那天的事我没报，碰上的不用报。’")
    assert result.facts.reported is False
    assert result.verdict == "violation"


def test_whether_he_reported_is_open(assessor: Assessor) -> None:
    result = assessor.assess("同学聚会上碰见承办我案子的法官，坐一桌，整晚没谈案子。他事后报没报"
                             "纪检组，我不知道。")
    assert result.facts.reported is not False
    assert result.verdict == "undetermined"


def test_a_case_that_has_nothing_to_do_with_the_former_unit(assessor: Assessor) -> None:
    result = assessor.assess("从本局辞职的律师张某为市公安局经侦支队办的一起案子辩护；我查了，"
                             "该案与本局无关，从没在本局立案。")
    assert result.facts.former_unit_case is False
    assert result.verdict == "lawful"


def test_stop_pursuing_the_crime_is_a_plea(assessor: Assessor) -> None:
    situation = "分局副局长把承办人叫去，说那家公司的老板是他同学，“税补上就行，刑事责任就别追了”。"
    assert "plead" in conduct_read(assessor, situation)
    assert assessor.assess(situation).verdict == "violation"


def test_asking_each_judges_view_in_the_deliberation(assessor: Assessor) -> None:
    situation = ("县卫健委主任在评议后给审判长打电话，让他把合议庭每个人的意见说说。"
                 "审判长没说，登记了。")
    result = assessor.assess(situation)
    assert "other" in (result.facts.conduct or [])
    assert result.verdict == "violation"
    assert first_rule(assessor, situation) == "R1-8-5"


def test_a_secretary_named_in_brackets_who_will_not_call(assessor: Assessor) -> None:
    result = assessor.assess("我求舅舅（某乡党委书记）给审我案子的法官打个招呼，他说：‘这个电话我不"
                             "会打，你有理就去法院讲。’他也确实没打。")
    assert result.verdict == "lawful"


def test_a_secretary_who_did_call(assessor: Assessor) -> None:
    result = assessor.assess("我求舅舅（某乡党委书记）给审我案子的法官打个招呼，第二天他就给"
                             "法官打了电话，让法官关照一下。")
    assert result.verdict == "violation"


def test_a_retired_judge_who_refuses_to_plead(assessor: Assessor) -> None:
    situation = ("邻居托退休法官老王去找承办法官说情，老王拒绝了：“退休了也是法院的人，这个招呼不能"
                 "打。”他没给任何法官打过电话。")
    result = assessor.assess(situation)
    assert "plead" in (result.facts.declined or [])
    assert result.verdict == "lawful"


def test_a_retired_judge_who_pleads(assessor: Assessor) -> None:
    result = assessor.assess("退休法官老王受邻居之托，找到承办法官说：“那孩子不容易，你判轻点。”")
    assert result.verdict == "violation"


@pytest.mark.parametrize("situation", [
    "记账本 去年中秋：给执行局王法官送了两箱酒，他正在办我那笔执行案，嘴上说下不为例，还是收下了。",
    "我那个货款官司还没判，承办法官打电话说要搬家，借我店里的货车用两天。我把车和钥匙给了他。",
])
def test_the_teller_of_his_own_lawsuit_is_the_party(assessor: Assessor, situation: str) -> None:
    result = assessor.assess(situation)
    assert result.facts.counterpart == "当事人"
    assert result.verdict == "violation"


def test_the_handler_who_tells_the_party_the_outcome(assessor: Assessor) -> None:
    situation = ("开庭后第二天晚上，承办法官私下打我手机：“合议庭已经定了，判你赢，你先别声张。”"
                 "那时还没宣判。")
    result = assessor.assess(situation)
    assert result.facts.counterpart == "当事人"
    assert result.verdict == "violation"
    assert first_rule(assessor, situation) == "R3-5-1"


def test_a_judge_speaking_of_his_own_case_is_no_party(assessor: Assessor) -> None:
    result = assessor.assess("我是承办法官，我承办的那个案子开庭前，庭长来问过一次进度，"
                             "我如实记录了。")
    assert result.facts.counterpart is None


def test_a_quoted_chance_with_an_arrangement_after_it(assessor: Assessor) -> None:
    result = assessor.assess("执行法官周末在钓鱼场“偶遇”申请执行人公司的法务，一起钓了半天鱼，周一"
                             "向纪检组报告了；那位法务前一天在朋友圈发过“明天约了贵人钓鱼”。")
    assert result.facts.planned is None
    assert result.verdict == "undetermined"


def test_a_leisure_invitation_turned_down(assessor: Assessor) -> None:
    result = assessor.assess("承办法官委托的鉴定机构负责人，在鉴定意见出具前约法官去KTV唱歌，说费用"
                             "他们来结。法官回复：“鉴定意见出来之前我们不宜见面。”")
    assert result.verdict == "lawful"


def test_a_complaint_found_untrue_is_lawful(assessor: Assessor) -> None:
    result = assessor.assess("纪检组受理了当事人的实名举报，反映法官接受对方律师宴请。经调取监控，"
                             "查明当晚是该律师与朋友聚餐，法官并不在场。已书面反馈举报人。")
    assert result.facts.complaint is True
    assert result.facts.complaint_cleared is True
    assert result.verdict == "lawful"


def test_a_complaint_not_yet_verified_waits(assessor: Assessor) -> None:
    result = assessor.assess("纪检组受理了当事人的实名举报，反映法官接受对方律师宴请，正在核查。")
    assert result.facts.complaint_cleared is not True
    assert result.verdict == "undetermined"
    assert unknown.REPORT_TRUE in result.missing_facts


def test_a_loan_from_one_who_is_no_party_of_any_case(assessor: Assessor) -> None:
    result = assessor.assess("法官买房差五万元，向大学同学借了钱并写了借条。院纪检组核实过，"
                             "这位同学不是他经手任何案件的当事人或律师，与在办案件没有利害关系。")
    assert result.facts.specific_case is False
    assert result.verdict == "lawful"


def test_a_loan_case_is_no_loan(assessor: Assessor) -> None:
    situation = ("县公安局经侦大队出具协助调查函，向承办法官了解几起借款纠纷的当事人和借款情况。"
                 "法官按函件作了答复并登记。")
    assert "borrow" not in conduct_read(assessor, situation)
    assert assessor.assess(situation).verdict == "lawful"


def test_an_insider_who_would_not_carry_the_papers(assessor: Assessor) -> None:
    situation = ("我想让在县公安局上班的表弟帮我把一份书证直接递给承办法官，他拒绝了，"
                 "说得按程序交到法院立案窗口。第二天我自己去窗口交了，拿了收据。")
    result = assessor.assess(situation)
    assert "pass_materials" in (result.facts.declined or [])
    assert result.verdict == "lawful"


def test_an_insider_who_carried_the_papers(assessor: Assessor) -> None:
    situation = "在县公安局上班的表弟把我写的一份情况说明私下递给了承办法官，让他看着办。"
    assert assessor.assess(situation).verdict == "violation"


@pytest.mark.parametrize(("situation", "fact"), [
    ("县政协委员、商会会长以个人名义给法院写信，替被告说话，要求慎重判决。他在政协里算不算领导干部，"
     "我弄不清。", unknown.IS_LEADER),
    ("副县长的秘书给执行法官打电话，问某公司的执行能不能缓一缓。是副县长让他打的，还是他自己要打"
     "的，秘书没说。", unknown.INSTIGATED),
    ("从县法院离职两年的申某代理赵某在县法院打官司；赵某说申某是他家里人，到底是兄弟还是远房亲戚，"
     "没人说得清。", unknown.GUARDIAN),
    ("原分局侦查员辞职后做律师，为一起走私案嫌疑人辩护；该案先由他原来的分局立案，后指定另一分局"
     "侦查，卷里看不出现在的承办单位是谁。", unknown.FORMER_UNIT),
    ("法官后来跟我说，审委会讨论前副院长到他办公室口头讲了对案子的看法。他当时记没记下来，他没说，"
     "我也没问。", unknown.ORAL_RECORDED),
])
def test_what_the_account_leaves_open(assessor: Assessor, situation: str, fact: str) -> None:
    result = assessor.assess(situation)
    assert result.verdict == "undetermined"
    assert fact in result.missing_facts


def test_a_letter_promised_later_is_no_procedure_yet(assessor: Assessor) -> None:
    result = assessor.assess("县检察院一名检察官打电话来，想了解我们在办案件里的行贿线索，说是办案"
                             "需要。问他要协查函，他说函随后补。")
    assert result.verdict == "undetermined"


def test_a_notice_that_says_nothing_of_the_outcome_is_settled(assessor: Assessor) -> None:
    # 没说该怎么判 denies an opinion on the outcome; it asks nothing
    result = assessor.assess("市委政法委书面督办通知要求法院依法尽快审结，并报告结案情况，"
                             "通知里没说该怎么判。")
    assert result.verdict == "lawful"
    assert not result.missing_facts


def test_told_to_get_ready_before_the_arrest(assessor: Assessor) -> None:
    situation = ("经查，热线值班检察官接到嫌疑人母亲的电话，告诉对方“批捕意见已经报上去了，让他早做"
                 "准备”。次日嫌疑人去向不明。")
    assert "leak" in conduct_read(assessor, situation)
    assert assessor.assess(situation).verdict == "violation"


def test_a_plea_recorded_as_a_question_of_progress(assessor: Assessor) -> None:
    # R2 第十一条 / R1 第十条 "不如实记录": written down as something else
    result = assessor.assess("过问登记表上，侦查员把本局另一科科长的来电记成“询问工作进度”，科长在"
                             "电话里实际说的是“老梁是我亲戚，涉税金额往下算算”。")
    assert result.facts.recorded is False
    assert "plead" in (result.facts.conduct or [])
    assert result.verdict == "violation"


def test_a_cadre_who_will_tell_the_court_how_to_judge(assessor: Assessor) -> None:
    situation = ("县政协副主席打电话给我，说他已经让法院把我那个案子的卷宗复印一份送给他，“我看了再"
                 "告诉法院怎么判”。")
    result = assessor.assess(situation)
    assert "decide_case" in (result.facts.conduct or [])
    assert result.verdict == "violation"


def test_a_case_steered_to_a_chosen_judge(assessor: Assessor) -> None:
    situation = ("县法院立案庭的邓某跟我说：“你那个租房的案子，本来该轮到别人，我给你分到老周"
                 "手上了。”")
    result = assessor.assess(situation)
    assert "other" in (result.facts.conduct or [])
    assert result.verdict == "violation"


def test_a_former_officer_of_our_own_branch(assessor: Assessor) -> None:
    result = assessor.assess("去年辞职当律师的原分局侦查员潘某，持委托书来分局担任嫌疑人崔某的"
                             "辩护人；崔某案由本分局侦查，潘某与崔某没有亲属关系。")
    assert result.facts.former_unit_case is True
    assert result.verdict == "violation"


def test_a_former_officer_of_a_named_other_branch(assessor: Assessor) -> None:
    result = assessor.assess("原城东分局侦查员辞职当了律师，在城西分局侦查的一起案件中担任辩护人。")
    assert result.facts.former_unit_case is not True
    assert result.verdict != "violation"


def test_a_doorbell_rung_at_night_is_no_arranged_meeting(assessor: Assessor) -> None:
    result = assessor.assess("晚上九点多，嫌疑人的姐姐提着水果按我家门铃。我没开门，隔着门让她白天"
                             "去大队。第二天一早把这事写成书面说明交到局纪委，水果她带走了。")
    assert result.facts.planned is False
    assert result.verdict == "lawful"


def test_a_doorbell_answered_and_never_reported(assessor: Assessor) -> None:
    result = assessor.assess("晚上嫌疑人的姐姐按我家门铃，我开门让她进来坐了半小时，聊了案子，一直"
                             "没跟单位说。")
    assert result.verdict == "violation"


@pytest.mark.parametrize("situation", [
    "某国有集团董事长（国家工作人员身份）宣判前打电话问合议庭成员：“你们评议倾向是什么？”",
    "县委常委找到院长，要求合议庭评议结果“出来先告诉我一声”，院长拒绝了。",
    "区委副书记打电话到检察院，说要看某案的讯问笔录和同步录音录像，“明天上午送到区委办”。",
])
def test_a_cadre_after_the_deliberation_or_the_file(assessor: Assessor, situation: str) -> None:
    result = assessor.assess(situation)
    assert "other" in (result.facts.conduct or [])
    assert result.verdict == "violation"


def test_a_party_asking_when_the_judgment_comes_is_no_interference(assessor: Assessor) -> None:
    situation = "原告打电话问书记员案子什么时候宣判，书记员说合议庭还在评议，宣判会通知。"
    assert "other" not in conduct_read(assessor, situation)
    assert assessor.assess(situation).verdict != "violation"


def test_an_assessment_for_a_proposed_probation_is_no_plea(assessor: Assessor) -> None:
    situation = ("县司法局社区矫正工作人员持法院的调查评估委托函，为拟适用缓刑的被告人做调查评估，"
                 "向承办法官书面了解犯罪事实概要，已登记。")
    assert "plead" not in conduct_read(assessor, situation)
    assert assessor.assess(situation).verdict == "lawful"


def test_asking_for_probation_is_a_plea(assessor: Assessor) -> None:
    situation = "县司法局的科长老刘是被告人的舅舅，他找到承办法官说：“孩子还小，给他判个缓刑吧。”"
    assert "plead" in conduct_read(assessor, situation)
    assert assessor.assess(situation).verdict == "violation"


def test_one_who_left_our_bureau_in_a_case_it_never_handled(assessor: Assessor) -> None:
    result = assessor.assess("律师邵某2021年从我局治安大队离职，现在代理县法院正在审理的一起"
                             "民间借贷纠纷。这起纠纷从来没有经过我局办理。")
    assert result.facts.former_unit_case is False
    assert result.verdict != "violation"
