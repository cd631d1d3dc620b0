"""Readings of the seed the engine got wrong (session 34), each with its control.

- R3 第七条: what the other side shouts (家属质问“法官私下见了对方”, 在群里酸了一句“私下碰头”)
  is an allegation; a chance meeting reported the next day stays lawful.
- R1 第三条: 有人在网上说“政法委定了案子” is a charge, and a 纪要 whose words leave 事实认定
  to 人民法院 decides nothing; 一个字没提, 没问具体案子, a report 按议程 at a routine meeting and
  a 评查 that gives no opinion are 第三条's work.
- R3 第五条第（三）项: a gift 还给了他 or 让对方拿回去 is declined; 土特产 brought to the door and
  taken back, with the visitor 没让她进门, are declined too; 新装修的接待室 is no benefit; 在KTV
  碰上 names a place.
- R3 第十条: 举报不实 clears a complaint.
- R3 第八条: 作为…监护人…替她起诉 is the guardian's exception; 原执行局法官 and 以前是中院法官
  name a former judge.
- R3 第五条第（一）项: 他把这事告诉了我 tells the incident, no secret of the case.
- R1 第六条 / R2 第七条: a rotation one asked for (自己报名) is no retaliation; 基本称职 set as the
  grade of one who recorded is. R3 第四条: a
  hearing 往后推了一周 after a granted recusal is what followed, no plea; 往后推一推 asks.
- R3 第六条: 帮忙订包间 asks no outcome, 开玩笑 is no pastime, and a lawyer 在我们院没有代理的
  案子 concerns no case.
- R2 第九条第（一）项: 上点心, 缓缓, 往后推, 过两个月再说 ask for the handling.
- R2 第十一条: 批注“无需记录” is an instruction not to record; 有没有记下来 only asks.
- R2 第九条第（五）项: 考核你自己掂量 presses the judge (no longer read as nothing at all).
- R2 第四条 / 第六条: 在系统里记上了, 在平台写明 are records.
- R3 第五条第（四）项: a lift declined (没上车). R3 第五条第（二）项: “给我推荐个律师吧”…
  “不能推荐” is a recommendation declined.
- R3 第七条: 旁边坐的是律师 is a contact not arranged; 去纪检组登了记 is its report.
- R1 第三条: 这是公开接访还是正式协调 names a procedure as one of two the teller cannot tell
  apart (open); R3 第七条: 有没有去纪检组报 asks, 他也没去纪检组报 says no report was made.
- R1 第三条: 定罪量刑是法院的事 leaves the decision to the court (unless a 但 follows).
  R3 第七条: a dash (——) ends the clause of 不方便, which does not negate the report after it.
- R2 第五条: 看守所来函 is another organ's letter, by procedure; its officer's call for his
  cousin is 第九条's.
- R3 第七条: of a story's several dates, the contact is the first told and the report the one
  in the sentence that tells it (5月7日…拖到5月13日才…报告, with 5月9日, 5月10日 between).
- R2 第九条第（五）项: 在大厅碰到我：“…手动分给…” is said to me; 手动改分要庭长审批 states a rule,
  no approval given. R3 第五条第（三）项: a wife's 我给院纪检组写的情况说明 is her own account, and
  塞给我一个红包 a gift sent back, no papers; a party's 她写的情况说明 a colleague carries in is
  papers all the same. R3 第六条: 没来得及报批 is no approval.
- GUIDE section 4: 私下跟我说，看见… is hearsay, whose truth is open (what the officer
  himself 私下跟我说 is his own account).

Every sentence is written for the test, not taken from any situation set."""

from __future__ import annotations

import pytest

from liuhen.assessment import Assessor
from tests.liuhen.assessment.reading import conduct_read, first_rule


def test_a_familys_charge_is_no_meeting(assessor: Assessor) -> None:
    situation = ("民二庭法官周六在超市排队结账，碰到被告的表姐，对方说了两句案子，法官说不能在这里"
                 "谈，转身走了。周一上午法官填表报告了纪检组。原告的儿子知道后到法院质问“法官私下见了"
                 "被告家属”。")
    result = assessor.assess(situation)
    assert "private_meeting" not in (result.facts.conduct or [])
    assert result.verdict == "lawful"


def test_a_private_meeting_told_as_fact(assessor: Assessor) -> None:
    situation = ("民二庭法官周六约被告在茶馆私下见了面，谈了一下午案子，没经任何审批，"
                 "事后也没有报告。")
    assert assessor.assess(situation).verdict == "violation"


def test_a_charge_online_decides_nothing(assessor: Assessor) -> None:
    situation = ("县委政法委开了某欠薪案的协调会，纪要写明“证据采信和裁判由人民法院依法独立作出”，"
                 "对判多少一个字没提。有工人在网上说“政法委开会定了案子”，其实并没有。")
    result = assessor.assess(situation)
    assert "decide_case" not in (result.facts.conduct or [])
    assert result.verdict == "lawful" and first_rule(assessor, situation) == "R1-3"


def test_a_committee_that_decided(assessor: Assessor) -> None:
    situation = "县委政法委开了某欠薪案的协调会，书记在会上定调：被告赔五十万，法院照此判。"
    assert assessor.assess(situation).verdict == "violation"


@pytest.mark.parametrize("situation", [
    "律师来取判决书，走时把两盒茶叶搁在桌上。我追到楼梯口还给了他，当天在登记本上记了一笔。",
    "端午前一家鉴定所给庭里送来两箱粽子，庭长让对方拿回去，在登记本上记了一笔。",
])
def test_a_gift_given_back(assessor: Assessor, situation: str) -> None:
    assert assessor.assess(situation).verdict == "lawful"


def test_a_gift_kept(assessor: Assessor) -> None:
    situation = "律师来取判决书，走时把两盒茶叶搁在桌上，我收下了，没跟谁说。"
    assert assessor.assess(situation).verdict == "violation"


def test_a_complaint_found_untrue(assessor: Assessor) -> None:
    situation = ("纪检组受理了被告的实名举报，说刑庭法官在饭店吃了原告的请。经查，当晚法官在家，"
                 "饭店监控里没有他，书面答复举报人：举报不实。")
    result = assessor.assess(situation)
    assert "accept_benefit" not in (result.facts.conduct or [])
    assert result.verdict == "lawful"


def test_a_former_enforcement_judge_as_guardian(assessor: Assessor) -> None:
    situation = ("原执行局法官孙某五年前调去市司法局。上周他作为小姨的监护人（有居委会的指定文书）"
                 "来我院替小姨起诉，立案庭核对了文书。")
    result = assessor.assess(situation)
    assert result.verdict == "lawful" and first_rule(assessor, situation) == "R3-8"


def test_a_former_judge_for_his_wife(assessor: Assessor) -> None:
    situation = "韩律师以前是市中院法官，现在代理他妻子在中院的一件借款纠纷，委托材料附了结婚证。"
    result = assessor.assess(situation)
    assert result.facts.former_officer is True
    assert result.verdict == "lawful" and first_rule(assessor, situation) == "R3-8"


def test_a_former_judge_for_a_client(assessor: Assessor) -> None:
    situation = ("韩律师以前是市中院法官，辞职后在中院代理一家公司的二审借款纠纷，和这家公司没有亲"
                 "属关系。")
    result = assessor.assess(situation)
    assert result.facts.former_officer is True and result.verdict != "lawful"


def test_the_incident_told_afterwards(assessor: Assessor) -> None:
    situation = ("周五晚上被执行人的弟弟在执行法官家楼下等他，递过来一个红包，法官没接，说有事到法"
                 "院谈。周六上午他交了报告给院纪检组。周一他把这事告诉了我，让我们留意。")
    result = assessor.assess(situation)
    assert "leak" not in (result.facts.conduct or [])
    assert result.verdict == "lawful"


def test_a_rotation_he_asked_for(assessor: Assessor) -> None:
    situation = ("小吴前年登记过副庭长的一次过问。今年院里按轮岗办法调整岗位，小吴是自己报名的，"
                 "调去了执行局，党组会有纪要。")
    result = assessor.assess(situation)
    # (since session 56 党组会有纪要 states the procedure, so the move is read under R2 第七条
    # with its lawful ground rather than passed over)
    assert not result.facts.retaliation or result.facts.lawful_ground is True
    assert result.verdict == "lawful"


def test_a_grade_set_on_the_recorder(assessor: Assessor) -> None:
    situation = ("小吴前年登记过副庭长的一次过问。今年考核时副庭长提议把小吴定为“基本称职”，"
                 "理由一条没写。")
    result = assessor.assess(situation)
    assert result.facts.retaliation is True and result.verdict == "violation"


def test_a_hearing_put_off_after_a_recusal(assessor: Assessor) -> None:
    situation = ("审判员发现被告的法定代表人是他姐夫，当天申请回避，院长批了，换了另一位审判员，"
                 "开庭往后推了一周。")
    result = assessor.assess(situation)
    assert "plead" not in (result.facts.conduct or []) and result.verdict == "lawful"


def test_a_reunion_with_a_lawyer_who_has_no_case(assessor: Assessor) -> None:
    situation = ("大学同学聚会，AA制，做律师的老同学帮忙订的包间。去之前我查过，他在我们院没有代理"
                 "的案子。席间有人开玩笑说以后找我办事，我说别开这个玩笑。")
    result = assessor.assess(situation)
    assert result.facts.specific_case is False and "plead" not in (result.facts.conduct or [])
    assert result.verdict == "lawful"


def test_a_new_reception_room_is_no_benefit(assessor: Assessor) -> None:
    situation = "律师来诉讼服务中心新装修的律师接待室提交证据目录，书记员在场，全程录像。"
    assert "accept_benefit" not in conduct_read(assessor, situation)


def test_a_report_on_a_malls_valuation_names_no_place(assessor: Assessor) -> None:
    situation = "执行法官让评估公司的人到法院会议室，把某商场评估报告的问题过一遍，登记了进出时间。"
    assert assessor.assess(situation).facts.at_workplace is not False


@pytest.mark.parametrize("plea", ["麻烦你上点心", "拍卖的事给他缓缓", "开庭往后推一推",
                                  "先别立，过两个月再说"])
def test_an_insiders_plea_for_his_nephew(assessor: Assessor, plea: str) -> None:
    situation = f"同院执行局的副局长到立案庭找我，说原告是他外甥：“{plea}。”我登记了。"
    result = assessor.assess(situation)
    assert "plead" in (result.facts.conduct or []) or "other" in (result.facts.conduct or [])
    assert result.verdict == "violation"


def test_an_instruction_not_to_record(assessor: Assessor) -> None:
    situation = ("承办法官在平台录入了同院某庭长来电说情的情况，第二天这一条被撤回，撤回单上庭长"
                 "批注“同事之间沟通，无需记录”。")
    result = assessor.assess(situation)
    assert result.verdict == "violation" and "R2-11" in {
        f"{p.alias}-{p.article}" for p in result.provisions[:3]}


def test_whether_it_was_recorded_is_asked(assessor: Assessor) -> None:
    situation = ("副院长在走廊跟承办法官说了句“那个借款案，利息算得偏高，再斟酌斟酌”。法官后来有没"
                 "有记下来，我没看见。")
    result = assessor.assess(situation)
    assert result.facts.recorded is not False and result.verdict == "undetermined"


def test_a_grade_held_over_the_judge(assessor: Assessor) -> None:
    situation = ("副庭长（不在合议庭）到承办法官办公室说：“这个案子要是判区政府输，年底考核你自己"
                 "掂量。”")
    # (whether the organ's own leader went beyond 第四条's 监督职责 the engine leaves open; what it
    # must not do is call the threat lawful)
    result = assessor.assess(situation)
    assert "other" in (result.facts.conduct or []) and result.verdict != "lawful"


@pytest.mark.parametrize("situation", [
    "县委政法委书记来法院调研，问每月收案多少、审限内结案率，没问具体案子。",
    "市委政法委听取中院执行工作汇报，领导提了“依法依规”的要求，对哪个案子一个字没提。",
    "区委政法委月度例会上，法院院长按议程汇报了某命案的审理进度，会上没人提意见。",
    "县委政法委执法监督科来院评查，抽了十件卷只看程序，没对哪件案子提意见。",
])
def test_a_leading_organs_routine_work(assessor: Assessor, situation: str) -> None:
    result = assessor.assess(situation)
    assert result.verdict == "lawful" and first_rule(assessor, situation) == "R1-3"


@pytest.mark.parametrize("record", ["当天在系统里把这句话记上了",
                                    "当天在平台写明了时间、人员和原话"])
def test_a_reminder_on_procedure_recorded(assessor: Assessor, record: str) -> None:
    situation = ("分管副院长在走廊提醒承办法官：“注意审限，程序上别出问题。”没说实体怎么判。"
                 f"法官{record}。")
    result = assessor.assess(situation)
    assert result.facts.recorded is True and result.verdict == "lawful"


def test_a_lift_declined(assessor: Assessor) -> None:
    situation = "下雨天，代理我手上案子的律师在法院门口说顺路开车送我回家，我没上车，自己打的车。"
    result = assessor.assess(situation)
    assert "borrow" in (result.facts.declined or [])
    assert result.verdict == "lawful"


def test_eggs_sent_back_from_the_door(assessor: Assessor) -> None:
    situation = ("被告的母亲拎了一袋土特产到法官家，法官没让她进门，当晚把东西送回她家，第二天一早"
                 "报告了纪检组。")
    assert assessor.assess(situation).verdict == "lawful"


def test_a_lawyer_seated_next_to_him_by_chance(assessor: Assessor) -> None:
    situation = ("孩子开家长会，旁边坐的是律师孟某，他有一件案子在我这儿等开庭。他问开庭时间，我说"
                 "看传票。第二天上午我就去纪检组登了记。")
    result = assessor.assess(situation)
    assert result.facts.planned is False and result.facts.reported is True
    assert result.verdict == "lawful"


def test_a_recommendation_asked_and_refused(assessor: Assessor) -> None:
    situation = ("来立案的大爷说：“给我推荐个好律师吧。”我说这个我们不能推荐，墙上有律师名册，让他"
                 "自己选。")
    result = assessor.assess(situation)
    assert "recommend_lawyer" in (result.facts.declined or [])
    assert result.verdict == "lawful"


def test_a_recommendation_made(assessor: Assessor) -> None:
    situation = "来立案的大爷问找谁打官司，我给他推荐了律师钱某，把钱律师的电话给了他。"
    assert assessor.assess(situation).verdict == "violation"


def test_hearsay_of_papers_passed(assessor: Assessor) -> None:
    situation = ("一位书记员私下跟我说，看见副庭长把被告的一袋材料拿进了承办法官办公室。承办法官说"
                 "没见过。")
    result = assessor.assess(situation)
    assert result.facts.hearsay is True and result.verdict == "undetermined"


def test_met_at_a_ktv_report_unknown(assessor: Assessor) -> None:
    situation = ("周一晚上同学过生日，执行法官在KTV碰上了评估公司的经理，聊了几句。今天周五，不知道"
                 "他有没有向纪检组报告。")
    result = assessor.assess(situation)
    assert "accept_benefit" not in (result.facts.conduct or [])
    assert result.verdict == "undetermined"


def test_the_officers_own_word_is_no_hearsay(assessor: Assessor) -> None:
    situation = ("副县长来电替被告说情，承办法官没有登记。他事后私下跟我说：“县领导的话，记了"
                 "不好看。”")
    result = assessor.assess(situation)
    assert result.facts.hearsay is not True and result.verdict == "violation"


def test_a_procedure_named_as_one_of_two(assessor: Assessor) -> None:
    situation = ("市委政法委一位副书记把执行局长和被执行人老板叫到会议室谈话。这是公开接访还是正式"
                 "协调，没人知道。")
    assert assessor.assess(situation).verdict == "undetermined"


def test_a_procedure_named_as_the_one(assessor: Assessor) -> None:
    situation = ("市委政法委一位副书记把执行局长和被执行人老板叫到会议室，按正式协调程序谈了执行款"
                 "的安排，"
                 "没有对案件提出具体意见。")
    assert assessor.assess(situation).verdict == "lawful"


def test_whether_he_went_to_report_is_asked(assessor: Assessor) -> None:
    situation = ("上周六法官在菜市场碰到被害人的女儿，对方说了十来分钟案子。有没有去纪检组报，他没"
                 "说。今天周三。")
    result = assessor.assess(situation)
    assert result.facts.reported is not False and result.verdict == "undetermined"


def test_not_gone_to_report_for_ten_days(assessor: Assessor) -> None:
    situation = ("上周五同学聚会，法官到了才发现同桌有他手上案子的辩护人，聊了半小时。到今天第十天"
                 "，他也没去纪检组报。")
    result = assessor.assess(situation)
    assert result.facts.reported is False and result.verdict == "violation"


def test_the_sentence_left_to_the_court(assessor: Assessor) -> None:
    situation = ("县委政法委开了非吸案退赔协调会，定了赃款统一进专户。副书记最后说："
                 "“定罪量刑是法院的事，今天不谈。”")
    result = assessor.assess(situation)
    assert "decide_case" not in (result.facts.conduct or []) and result.verdict == "lawful"


def test_whose_business_it_is_then_but(assessor: Assessor) -> None:
    situation = ("县委政法委开协调会，书记说：“这个案子就判五年，定罪量刑是法院的事，"
                 "但要按这个来。”")
    assert assessor.assess(situation).verdict != "lawful"


def test_a_dash_ends_the_refusals_clause(assessor: Assessor) -> None:
    situation = ("便条：你周日在医院排队碰到被告的哥哥——他想说案子，你说不方便就走了——周一写的说明"
                 "我已替你交到院纪检组，签收单在你抽屉里。")
    result = assessor.assess(situation)
    assert result.facts.reported is True and result.verdict == "lawful"


def test_a_detention_houses_letter(assessor: Assessor) -> None:
    situation = ("市看守所来函，说在押人员申请与代理律师会见，请我院书面确认其离婚案是否已立案、"
                 "案号。我们依函回复。")
    result = assessor.assess(situation)
    assert result.facts.insider_relation == "unrelated"
    assert result.verdict == "lawful" and first_rule(assessor, situation) == "R2-5"


def test_a_detention_officers_call_for_his_cousin(assessor: Assessor) -> None:
    situation = ("看守所的民警打电话给我，说在押人员是他表弟，问他那个离婚案什么时候判，"
                 "能不能判快点。")
    assert assessor.assess(situation).verdict == "violation"


def test_a_late_report_among_the_storys_other_days(assessor: Assessor) -> None:
    situation = ("我的情况说明：5月7日（周二）晚上喝同学喜酒，同桌有原告郑某，他聊了十来分钟案子，"
                 "我就换了座位。拖到5月13日（周一）下午才向院纪检组报告。期间5月9日他来窗口补交了"
                 "材料，5月10日我正常上班。")
    result = assessor.assess(situation)
    assert result.facts.report_days == 6 and result.verdict == "violation"


def test_a_colleagues_word_in_the_hall_is_to_me(assessor: Assessor) -> None:
    situation = ("执行局副局长在大厅碰到我：“今天进来的那个股权纠纷，分案时手动分给民二庭董法官，"
                 "别走随机。”手动改分要庭长审批，我没改，记在登记簿上。")
    result = assessor.assess(situation)
    assert "R2" in (result.facts.regimes or []) and result.facts.approved is not True
    assert "other" in (result.facts.conduct or []) and result.verdict != "lawful"


def test_a_judges_wife_sends_an_envelope_back(assessor: Assessor) -> None:
    situation = ("我给院纪检组写的情况说明：上周二门诊，一名自称原告姐姐的女子塞给我一个红包，请我"
                 "跟我丈夫周法官说说。我当场退回，请她离开，此后也没有跟周法官提。")
    result = assessor.assess(situation)
    assert "pass_materials" not in (result.facts.conduct or []) and result.verdict == "lawful"


def test_no_time_to_seek_approval_is_none(assessor: Assessor) -> None:
    situation = ("周五下班，民二庭法官上了原告代理律师的车去饭店谈调解方案。周一他说：“约好的，"
                 "没来得及报批。”")
    result = assessor.assess(situation)
    assert result.facts.approved is not True and result.verdict == "violation"


def test_a_partys_written_account_carried_by_a_colleague(assessor: Assessor) -> None:
    situation = ("同事把一个信封放到刑庭法官桌上：“被告人媳妇托我带的，里面是她写的情况说明，"
                 "你看看。”法官让他拿回去，叫家属通过律师正式提交，记进了过问登记表。")
    assert assessor.assess(situation).verdict == "violation"
