"""Constructions read in session 14 (issue 11, sets O and P): a cadre asked to put in a word who
will not; an offer turned down or handed to the discipline department; no opinion on the
outcome, said in so many words; the officer's reply that sends the other to the procedure; a
report whose time the file does not give; a leader who takes up his relative's errand; minutes
that decide a step of the case for the court. Every sentence is written for the test from the
regulations' own terms, not taken from any situation set; each change was kept only if no
author's set lost a verdict by it (docs/benchmarks.md, "Assessment engine, session 14")."""

from __future__ import annotations

import pytest

from liuhen.assessment import Assessor
from liuhen.assessment import missing_facts as unknown
from tests.liuhen.assessment.reading import first_provision


@pytest.mark.parametrize("story", [
    "一个包工头在微信上求副县长：“领导，法院要拍卖我的设备，您帮我打个招呼。”副县长回复："
    "“法院办案我不能过问，你请律师依法提出异议。”",
    "开发商在酒桌上请区长给法院递个话，区长当场说：“这个忙我帮不了，司法的事政府不插手。”",
    "合作社理事长给分管副市长发短信：“市长，我们的官司您能不能跟中院说一声？”副市长回："
    "“这个话我不能说，你们按程序上诉。”",
])
def test_a_cadre_who_will_not_put_in_a_word_did_nothing_of_article_8(
        assessor: Assessor, story: str) -> None:
    """R1 第八条第（一）项 is 「为案件当事人请托说情的」: asked, and refused, he did not."""
    result = assessor.assess(story)
    assert result.verdict == "lawful"
    assert first_provision(result) == ("R1", 8, 1)
    assert result.actor_role == "领导干部"


def test_a_cadre_who_did_as_asked_still_pleaded(assessor: Assessor) -> None:
    result = assessor.assess("开发商请区长给法院递个话，区长第二天就给院长打了电话。")
    assert result.verdict == "violation"
    assert first_provision(result) == ("R1", 8, 1)


def test_a_gift_handed_to_the_discipline_department_was_not_accepted(
        assessor: Assessor) -> None:
    """R3 第五条第（三）项 forbids 「接受…请客送礼或者其他利益」; one handed in was refused."""
    result = assessor.assess("律师临走时把一个装着现金的信封塞在法官办公桌的抽屉里，法官发现后"
                             "当即交到院纪检组并作了书面说明。")
    assert result.verdict == "lawful"
    assert first_provision(result) == ("R3", 5, 3)
    kept = assessor.assess("律师临走时把一个装着现金的信封塞在法官办公桌的抽屉里，法官发现后"
                           "收下了。")
    assert kept.verdict == "violation"


def test_a_car_offered_and_not_taken_was_not_borrowed(assessor: Assessor) -> None:
    result = assessor.assess("被执行人要把自己的车借给执行员周末用，钥匙都递过来了，执行员没接，"
                             "自己坐大巴回了老家。")
    assert result.verdict == "lawful"
    assert first_provision(result) == ("R3", 5, 4)
    borrowed = assessor.assess("执行员借被执行公司的越野车回老家过了个周末。")
    assert borrowed.verdict == "violation"
    assert first_provision(borrowed) == ("R3", 5, 4)


def test_a_word_not_taken_up_is_no_offer_refused(assessor: Assessor) -> None:
    """没有接话 is silence, not a meal turned down: the meal the party paid for stays."""
    result = assessor.assess("检察官被朋友约去吃饭，到了才发现当事人也在，席间当事人想谈案子，"
                             "检察官没有接话，饭钱是当事人付的。")
    assert "accept_benefit" not in (result.facts.declined or [])


@pytest.mark.parametrize("no_opinion", [
    "对罪名和量刑，他没有发表任何意见",
    "他说常委会不对定罪量刑表态",
])
def test_no_opinion_on_the_outcome_said_outright(assessor: Assessor, no_opinion: str) -> None:
    """R1 第三条: a leading organ 「不得对案件的证据采信、事实认定、司法裁判等作出具体决定」;
    the words say it made none."""
    result = assessor.assess("区委政法委书面通知区法院报送一起集资诈骗案的审理进度，协调会上"
                             f"书记强调依法审判、做好信访稳控。{no_opinion}。")
    assert result.verdict == "lawful"
    assert result.facts.decision is False


def test_whether_an_opinion_was_given_asked_is_no_answer(assessor: Assessor) -> None:
    result = assessor.assess("区委政法委书记给区法院院长打电话，想“了解一下”一起拆迁案的情况。"
                             "他有没有提处理意见，材料里都没有写。")
    assert result.verdict == "undetermined"
    assert result.facts.decision is not False


def test_a_letter_forwarded_with_only_by_law_is_lawful(assessor: Assessor) -> None:
    result = assessor.assess("市委办公室把一封群众来信转给市中院，批示“请依法处理并反馈”，"
                             "未对案件提出任何倾向。")
    assert result.verdict == "lawful"
    assert result.facts.urged_lawful_handling


def test_the_place_the_officer_sends_the_other_to_is_not_where_they_met(
        assessor: Assessor) -> None:
    """The judge's reply names the service hall; the contact was a message late at night, and
    whether it was reported within 「三日内」 the file does not say."""
    result = assessor.assess("夜里十一点，执行法官收到被执行人的微信，问能不能先别拍他的房子。"
                             "法官回：“明天上班到诉讼服务中心递材料，按程序办。”此后是否向纪检组"
                             "报告，卷内无记载。")
    assert result.facts.at_workplace is not True
    assert result.facts.via_procedure is not True
    assert result.verdict == "undetermined"


def test_a_report_whose_day_the_log_omits_is_open(assessor: Assessor) -> None:
    result = assessor.assess("11月8日周日晚，书记员在菜市场碰到一起离婚案的被告，对方拉着他诉苦，"
                             "他听了几句就走了。工作日志未写他何时向纪检组报告。")
    assert result.verdict == "undetermined"
    assert unknown.REPORTED_IN_TIME in result.missing_facts


@pytest.mark.parametrize("story", [
    "周三早上法官在公交车上碰到一起合同案被告的律师，对方想聊案子，法官说开庭再谈便下了车。"
    "下午我就去纪检组填了报告单。",
    "12月3日市里开企业家座谈会，主办方排座位时把执行法官和一家被执行企业的老板排在了一桌，"
    "两人没谈案子。12月5日法官向院纪检组报告了同桌情况。",
])
def test_a_chance_contact_reported_in_time_is_lawful(assessor: Assessor, story: str) -> None:
    """R3 第七条: 「应当在三日内向本单位纪检监察部门报告有关情况」, and it was."""
    result = assessor.assess(story)
    assert result.verdict == "lawful"
    assert first_provision(result) == ("R3", 7, None)


def test_a_feed_is_not_a_friend(assessor: Assessor) -> None:
    result = assessor.assess("法官在朋友圈看到一条消息，说某律所在招人。")
    assert result.facts.counterpart != "特殊关系人"


@pytest.mark.parametrize("ask", [
    "县发改局局长在工作群里@了法院执行局长：“这家企业是重点项目，账户冻结请先解一下。”",
    "副县长给执行局长打电话：“那个厂的账户先给他放开，别影响发工资。”",
])
def test_asking_a_freeze_be_lifted_is_a_plea(assessor: Assessor, ask: str) -> None:
    result = assessor.assess(ask)
    assert result.verdict == "violation"
    assert first_provision(result) == ("R1", 8, 1)


def test_minutes_that_decide_a_step_for_the_court_are_a_decision(assessor: Assessor) -> None:
    """R1 第三条's coordination stops at
    「不得对案件的证据采信、事实认定、司法裁判等作出具体决定」."""
    result = assessor.assess("区委政法委召开协调会，会议纪要写明：“某物流公司被查封的车辆暂缓"
                             "拍卖三个月，由区法院负责落实。”")
    assert result.verdict == "violation"
    assert result.facts.decision is True


def test_judge_as_he_says_is_a_decision_and_a_petition_office_no_complaint(
        assessor: Assessor) -> None:
    result = assessor.assess("市信访局长给承办法官打电话：“这个上访户闹得厉害，你们就按他说的判，"
                             "先稳住再说。”法官答“要依法判”，登记了这通电话。")
    assert not result.facts.complaint
    assert result.verdict == "violation"
    assert result.regimes[0] == "R1"


def test_a_directive_to_adjust_the_judgment(assessor: Assessor) -> None:
    result = assessor.assess("区委办督查通知要求区法院对一起涉诉信访案“月底前化解，必要时调整"
                             "判决方案”。")
    assert result.verdict == "violation"


def test_a_leader_who_takes_up_his_relatives_errand(assessor: Assessor) -> None:
    """R1 第八条第（三）项: 「授意、纵容身边工作人员或者亲属为案件当事人请托说情的」."""
    result = assessor.assess("副市长的外甥两次到区法院找法官，替一个朋友的公司说情。后来副市长"
                             "在一次会上对法院院长说：“我外甥找你们那事，你们多关照。”")
    assert result.verdict == "violation"
    assert first_provision(result) == ("R1", 8, 3)
    assert result.facts.instigated is True


def test_a_secretary_speaking_is_no_record_and_a_meal_declined_no_removal(
        assessor: Assessor) -> None:
    said = assessor.assess("县委政法委书记在协调会上说：“这个案子应当判无罪，你们按这个意见办。”")
    assert said.facts.recorded is not True
    declined = assessor.assess("镇长给法院院长打电话约吃饭，院长说：“饭就免了，有事到法院谈。”")
    assert not declined.facts.retaliation


def test_a_procedure_followed_is_no_opinion_to_follow(assessor: Assessor) -> None:
    """R1 第三条: 「依照工作程序了解案件情况」; 按照…程序 names the procedure, not an opinion."""
    result = assessor.assess("市委常委会按照重大事项请示报告程序，听取中院党组关于一起案件审理"
                             "工作的汇报。市委书记最后说：“依法审判，常委会不对量刑表态。”")
    assert result.verdict == "lawful"
    assert first_provision(result) == ("R1", 3, None)


def test_a_petition_forwarded_as_it_came_is_lawful(assessor: Assessor) -> None:
    result = assessor.assess("区委办信访科的转办单写着：“来信人反映其劳动争议判决不公，现将原信"
                             "转区法院，请依法依规处理。”转办单上没有领导批示，也没有要求反馈"
                             "处理意见。")
    assert result.verdict == "lawful"
    assert result.facts.urged_lawful_handling


def test_a_tip_off_of_a_seizure_is_a_leak(assessor: Assessor) -> None:
    """R3 第五条第（一）项: 「泄露司法机关办案工作秘密」."""
    result = assessor.assess("执行员头天晚上给被执行人发微信：“明早查封你的仓库。”第二天仓库已"
                             "经搬空。")
    assert result.verdict == "violation"
    assert first_provision(result) == ("R3", 5, 1)


@pytest.mark.parametrize("story", [
    "区法院纪检组收到一封没有署名的信，说某法官常和一家评估公司的人打牌，输赢都算对方的。",
    "有人在单位的工作群里说，某法官把还没评议的意见透给了原告的舅舅。",
    "一份判决还没宣判就传到了被告家里，庭里怀疑是书记员小刘透露的。",
])
def test_what_is_only_told_or_suspected_is_not_yet_established(
        assessor: Assessor, story: str) -> None:
    result = assessor.assess(story)
    assert result.verdict == "undetermined"
    assert unknown.REPORT_TRUE in result.missing_facts


def test_what_someone_said_and_the_officer_bears_out_is_established(
        assessor: Assessor) -> None:
    result = assessor.assess("有人说刑庭的李法官租的房子是一家律所主任的，李法官自己也承认了，"
                             "说房租按市场价付的。")
    assert result.verdict == "violation"


def test_a_visit_that_touches_no_case_is_no_contact_of_the_rules(assessor: Assessor) -> None:
    result = assessor.assess("法官的二姨来城里办事，顺路到法官家里吃了顿饭。二姨跟法官手上的"
                             "任何案子都没有关系。")
    assert result.verdict == "lawful"
    assert result.facts.specific_case is False


def test_a_circuit_hearing_point_is_the_courts_workplace(assessor: Assessor) -> None:
    """R3 第六条: 「应当在工作场所、工作间接待当事人」."""
    result = assessor.assess("人民法庭在乡政府大院设了巡回审判点，法官每周四在那里接待当事人并"
                             "登记。")
    assert result.verdict == "lawful"
    assert result.facts.at_workplace is True


def test_the_committee_deciding_a_case_is_the_organs_procedure(assessor: Assessor) -> None:
    sat = assessor.assess("检察委员会第五次会议纪要：讨论一起拟不起诉的故意伤害案，检察长主持，"
                          "承办检察官汇报后委员逐一发表意见，按多数意见作出决定。")
    assert sat.verdict == "lawful"
    assert sat.facts.via_procedure is True
    bypassed = assessor.assess("副检察长口头要求承办检察官对一起盗窃案“必须作出不起诉决定”，"
                               "没有书面提出，也没有提交检察委员会讨论。")
    assert bypassed.verdict != "lawful"
    called = assessor.assess("审委会讨论前一天晚上，分管副院长给承办法官打电话，让他按自己的"
                             "意见汇报。")
    assert called.facts.via_procedure is not True


def test_the_violation_ranks_before_another_actors_lawful_step(assessor: Assessor) -> None:
    """Two actors: the colleague who arranged the meeting broke R2 第九条第（二）项
    (「邀请办案人员私下会见案件当事人」); the judge who left and reported the next day kept
    R3 第七条. The violation is what the situation turns on and comes first."""
    result = assessor.assess("同院执行局的一位同事约民一庭法官周六去茶楼喝茶，到了才发现他手上"
                             "一起合同案的原告律师也在。法官坐了几分钟就走了，第二天上午向院纪检组"
                             "作了报告。")
    assert result.verdict == "violation"
    assert first_provision(result) == ("R2", 9, 2)
    statuses = {(p.alias, p.article, p.item): p.status for p in result.provisions}
    assert statuses.get(("R3", 7, None)) == "lawful"


def test_papers_asked_to_be_carried_and_refused_were_not_passed(assessor: Assessor) -> None:
    """R2 第九条第（三）项 is 「违反规定为案件当事人…转递涉案材料的」: asked, refused, not done;
    the lawyer's own filing at the office is the procedure."""
    result = assessor.assess("被告人的姐姐托在法院当法警的同学把一份悔过书带给承办法官，同学当场"
                             "拒绝了，让她交给辩护律师。律师后来到法院诉讼服务中心递交了材料。")
    assert "pass_materials" not in (result.facts.conduct or [])
    assert result.verdict != "violation"
    carried = assessor.assess("被告人的姐姐托在法院当法警的同学把一份悔过书带给承办法官，同学"
                              "第二天就转交了。")
    assert "pass_materials" in (carried.facts.conduct or [])


@pytest.mark.parametrize(("story", "fact"), [
    ("当事人通过微信给执行法官转了一张电子购物卡，系统显示已被领取。法官称当天就退了，"
     "但未见退回记录。", unknown.ACCEPTED),
    ("县公安局一名侦查员打电话问检察官一起案件的审查进度，说是工作需要，没有出示任何协查手续。",
     unknown.PROCEDURE),
])
def test_papers_not_seen_leave_their_fact_open(assessor: Assessor, story: str,
                                               fact: str) -> None:
    result = assessor.assess(story)
    assert result.verdict == "undetermined"
    assert fact in result.missing_facts


def test_supervision_of_the_work_touching_no_case(assessor: Assessor) -> None:
    result = assessor.assess("市人大常委会听取和审议市中院关于审判执行工作的专项报告，组成人员"
                             "提出改进意见，没有涉及任何个案。")
    assert result.verdict == "lawful"
    assert result.facts.specific_case is False


def test_a_meal_a_lawyer_paid_for_after_a_lawful_meeting(assessor: Assessor) -> None:
    """Two acts: the meeting in the reception room is R3 第六条's; the dinner the lawyer paid for
    is 「接受…请客送礼」 (R3 第五条第（三）项), whatever came before it."""
    result = assessor.assess("法官在法院接待室依法接待了原告律师，律师提交了代理意见。当晚律师又约"
                             "法官吃饭，法官去了，饭钱是律师付的。")
    assert result.verdict == "violation"
    assert ("R3", 5, 3) in {(p.alias, p.article, p.item) for p in result.provisions
                            if p.status == "violation"}
    wedding = assessor.assess("我在同学的婚宴上碰到手上一个案子的被告律师，被安排在同一桌，"
                              "饭钱是新郎家出的。")
    assert wedding.verdict != "violation"


def test_a_gift_sent_through_a_relative_and_returned(assessor: Assessor) -> None:
    result = assessor.assess("律师庭后通过法官的表哥送去两条烟，法官当场退回，第二天向纪检组"
                             "报告。")
    assert result.verdict == "lawful"
    assert "accept_benefit" in (result.facts.declined or [])


def test_pressing_for_an_arrest_is_interference_not_a_plea(assessor: Assessor) -> None:
    """Urging an arrest for stability is no plea for a party: R2 第九条第（五）项's
    「其他影响司法人员依法公正处理案件的行为」."""
    result = assessor.assess("派出所所长给承办检察官打电话，催他尽快批准逮捕一名嫌疑人，说“这个人"
                             "不抓，辖区不稳定”。")
    assert result.verdict == "violation"
    assert first_provision(result) == ("R2", 9, 5)


def test_an_opinion_given_at_the_committees_sitting(assessor: Assessor) -> None:
    result = assessor.assess("检察长在检委会上发表意见，主张对该案提起公诉，最终检委会多数意见"
                             "决定起诉。")
    assert result.verdict == "lawful"
    assert first_provision(result) == ("R2", 4, None)


def test_an_interviews_frame_and_the_recorders_step(assessor: Assessor) -> None:
    """The judge who tells a reporter is not the actor; his 如实登记 is his duty done, not the
    procedure the caller followed: a cadre's bare 过问 stays open on conduct."""
    result = assessor.assess("记者采访时，一名法官说，去年县里一位局长给他打电话过问一起土地案，他"
                             "按规定做了登记，局长后来再没有联系。")
    assert result.actor_role == "领导干部"
    assert result.verdict == "undetermined"
    assert unknown.CONDUCT in result.missing_facts
