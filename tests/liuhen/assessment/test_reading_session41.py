"""Readings of the seed the engine got wrong (session 41, sets CE to CH read), each with its
control.

- Questions are asked, not answered: 要不要记？ and 需不需要登记 deny no record (an A-not-A
  question), 他报没报告 and 跟院里报备没有？ leave the report open and 这事要补报吗？ makes none,
  这算按程序了解情况吗？ asks whether a procedure was followed, 他算领导干部吗？ leaves the
  cadre's status (R1 第十二条) open; a refusal 法院的人不能给推荐 declines to recommend counsel
  while 换不换律师他自己定 only leaves the choice to the party.
- R1 第三条: 证据和定性一句没谈 denies the 定性 it names.
- R2 第十一条 and R2 第四条: 没往过问登记里写 is no record; 在登记表上写了来电人、时间和内容
  and a 批示 (批了一行字) 归进了卷宗 are records.
- R3 第五条第（一）项: what a party's son shouts (跑到公司来吵，说“法官把报告泄露给对方律师”)
  is his charge, not a leak; a deadline or a filing window told to a lawyer (最晚哪天截止、交到
  哪个窗口), and 已向法院提起公诉, are what the parties are told anyway, while a panel's view is
  not; “周五我们去仓库查封，你心里有个数” and “明早执行局要去你那，赶紧收拾” sent to a debtor tip
  him off.
- R3 第五条第（二）项: “我把领头的电话给你，你去接” hands a lawyer a case (the clients'
  还没请律师 is no refusal); “你们请的这个律师…可以考虑换一下” suggests changing counsel.
- R3 第五条第（三）项: a gift 推了回来 or 挡了回去 was refused.
- R3 第五条第（四）项: 借了…的一辆厢式货车 borrows a vehicle; a 承租人 who is the case's
  检察官 rents from the landlord.
- R3 第五条第（五）项: an officer who 让 the appraiser 把评估值从六百万压到四百万 rigs it.
- R3 第五条第（六）项: 一条条告诉他答辩状怎么写 coaches a party's lawyer; cards in a 茶馆 with
  the case's lawyer are leisure, the teller's own 我找他核实 being no purpose of the contact.
- R2 第九条第（四）项: “会不会报捕，同案的几个都怎么说的？” and “拍卖报名的都有谁？” probe.
- R1 第八条: 说过情 is a plea made; “换个懂企业的检察官来办” asks for another handler, which is
  no plea but 第（五）项's other interference; 定个调子 and 判决前先把方案报县政府看一下 decide
  the case.
- R2 第九条第（三）项: 把异议书…直接塞进执行法官的抽屉 passes papers outside the procedure.
- R3 第十条: a complaint the officer 本人也认了 is confirmed.
- R2 第四条: a leader saying a case 以调解为主, or who 讲了对案子的看法, gives a view on its
  handling, which the handler records.
- R3 第八条: a former officer 从我庭辞职 or 从本院…调到 elsewhere, acting in a case 在我院起诉 or
  在本院二审; one who 还是该院…的审判员 before the court just named; one who 原是市中级人民法院…
  acting 在市中院一起…二审中: each acts in his former unit's case (不是任何一方的监护人 denies
  the exception, not the case). The same officer before a 区法院 does not.
- R1 第三条: a 政法委书记 who 听…汇报 and says only “依法办，定性你们把关” leaves the finding to
  the organ; a 政法委案件督办室 is the 政法委 (an office for cases, no case named 政法委案); a
  visit that named no case is not made one by the teller's own 但还是想确认一下…有没有问题.
- R3 第五条第（二）项 and 第六条: pointing a party to 法律援助, 没有提任何具体律师 or 法院不替你
  挑人, recommends no one (nor does the 法律援助中心's number read out to him); a defence
  lawyer's 书面法律意见 sent to the prosecutor is his work by the procedure, where a gift
  slipped into it is not.
- R3 第五条 from the same buckets: 租住服刑人员…哥哥名下的一套房子 rents from a party's kin;
  “你们可以申请选宏达评估公司…我跟他们熟” steers a party to an intermediary (telling the
  parties they may 申请选定评估机构 does not); “取保申请你这么写” coaches; a 管教 who 帮在押人员
  给…律师带了一封信 carries papers.
- R2 第五条: a 《补充侦查提纲》 sent 通过法律文书, with nothing asked beside it, is the procedure.
- R3 第八条: a former officer who 不代理任何案子 acts in no case of his former unit.
- Hearsay: 同事说，大队长…说过情 passes on what the colleague heard; 邻居说，法官私下劝他 is the
  neighbour's own account of what he was told.
- 要是以后发现…串通: a hypothetical asks about the future, it tells no collusion.

Every sentence is written for the test, not taken from any situation set."""

from __future__ import annotations

import pytest

from liuhen.assessment import Assessor
from tests.liuhen.assessment.reading import conduct_read, first_rule, rules_with_status


def test_an_a_not_a_question_denies_no_record_and_leaves_the_report_open(
        assessor: Assessor) -> None:
    asked = "县长的司机给承办法官打电话，问那个工伤案子办到哪一步了，别的没说。要不要记？"
    result = assessor.assess(asked)
    assert result.facts.recorded is not False
    assert "R1-10" not in rules_with_status(result, "violation")
    told_not_to = "县长的司机给承办法官打电话，问那个工伤案子办到哪一步了，还说这个不要记。"
    assert assessor.assess(told_not_to).facts.recorded is False
    unknown = "执行员在菜市场碰到被执行人，被拉着说了几句。事后他报没报告，谁也说不清。"
    assert assessor.assess(unknown).verdict == "undetermined"
    assert "是否在三日内报告" in assessor.assess(unknown).missing_facts
    silent = "执行员在菜市场碰到被执行人，被拉着说了几句。事后他没报告，到现在一个月了。"
    assert assessor.assess(silent).verdict == "violation"


def test_asking_whether_it_was_by_procedure_is_no_procedure(assessor: Assessor) -> None:
    asked = ("政法委的一位干部用自己手机给承办法官打电话，"
             "问那起合同诈骗案审到哪了。这算按程序了解吗？")
    result = assessor.assess(asked)
    assert result.facts.via_procedure is not True
    assert result.verdict == "undetermined"


def test_asking_whether_a_manager_counts_as_a_cadre_leaves_it_open(assessor: Assessor) -> None:
    asked = "县属国企的一位科室经理给承办检察官打电话，替他的表弟求情。他算领导干部吗？"
    assert assessor.assess(asked).verdict != "violation"
    said = "县委副书记给承办检察官打电话，替他的表弟求情。"
    assert assessor.assess(said).verdict == "violation"


def test_a_meeting_that_left_the_finding_unspoken_is_r1_article_3(assessor: Assessor) -> None:
    unspoken = ("市委政法委召集两家公安分局开会，"
                "只明确那起电信诈骗案由哪家分局侦查，证据和定性一句没谈。")
    result = assessor.assess(unspoken)
    assert "decide_case" not in conduct_read(assessor, unspoken)
    assert result.verdict == "lawful"
    assert first_rule(assessor, unspoken) == "R1-3"
    decided = "市委政法委召集两家公安分局开会，会上把那起电信诈骗案定性为一般民事纠纷。"
    assert "decide_case" in conduct_read(assessor, decided)


def test_where_the_inquiry_was_or_was_not_written_down(assessor: Assessor) -> None:
    unwritten = ("庭长来办公室送文件时顺口问了句“那个物业公司的案子哪天判？"
                 "”承办法官没往过问登记里写。")
    result = assessor.assess(unwritten)
    assert result.facts.recorded is False
    assert result.verdict == "violation"
    assert first_rule(assessor, unwritten) == "R2-11"
    written = ("庭长来办公室送文件时顺口问了句“那个物业公司的案子哪天判？"
               "”承办法官在过问登记里写了时间和原话。")
    assert assessor.assess(written).facts.recorded is True
    assert assessor.assess(written).verdict == "lawful"
    for logged in ("市中院执行局打电话给区法院的执行法官，"
                   "说全市统一改为网络拍卖，让把线下方案调整一下。"
                   "法官挂了电话就在登记表上写了来电人、时间和内容。",
                   "院长在那起建设工程案的审理报告上批了一行字：“请合议庭再核实工程量，依法裁判。”"
                   "批件归进了卷宗。"):
        assert assessor.assess(logged).facts.recorded is True, logged
        assert assessor.assess(logged).verdict == "lawful", logged


def test_what_a_party_shouts_is_his_charge_not_a_leak(assessor: Assessor) -> None:
    shouted = ("法官把鉴定意见书分别送达了原告的代理律师和被告。被告的女婿跑到鉴定所来吵，"
               "说“法官把意见书泄露给对方律师”。")
    result = assessor.assess(shouted)
    assert "leak" not in conduct_read(assessor, shouted)
    assert result.verdict != "violation"
    leaked = "法官把合议庭的评议意见偷偷告诉了原告的代理律师。"
    assert "leak" in conduct_read(assessor, leaked)


def test_deadlines_and_filing_steps_are_told_anyway(assessor: Assessor) -> None:
    for told in ("被告的代理律师打电话给承办法官，问答辩期最晚哪天截止、"
                 "答辩状交到哪个窗口。法官告诉了他。",
                 "辩护律师打电话问案子起诉了没有，承办检察官告诉他上周已向法院提起公诉。"):
        assert "leak" not in conduct_read(assessor, told), told
        assert assessor.assess(told).verdict == "lawful", told
    panel = "被告的代理律师打电话给承办法官，问合议庭是怎么评的。法官告诉了他。"
    assert "leak" in conduct_read(assessor, panel)
    assert assessor.assess(panel).verdict == "violation"


def test_warning_a_debtor_of_the_seizure_tips_him_off(assessor: Assessor) -> None:
    for tip in ("执行员周四晚上给被执行人发微信：“周五上午我们去仓库查封，你心里有个数。”",
                "同院的法警给开饭店的被执行人发消息：“明早执行局要去你那，赶紧收拾。”"):
        assert "leak" in conduct_read(assessor, tip), tip
        assert assessor.assess(tip).verdict == "violation", tip
        assert first_rule(assessor, tip) in {"R3-5-1", "R2-9-4"}, tip
    notice = "执行员按规定向被执行人送达了查封裁定，告知其三日内可以提出异议。"
    assert "leak" not in conduct_read(assessor, notice)


def test_handing_a_lawyer_a_case_or_steering_a_party_to_another(assessor: Assessor) -> None:
    handed = ("执行法官给做律师的同学发微信："
              "“那二十多个讨薪的工人还没请律师，我把领头的电话给你，你去接。”")
    result = assessor.assess(handed)
    assert "recommend_lawyer" in conduct_read(assessor, handed)
    assert result.verdict == "violation"
    assert first_rule(assessor, handed) == "R3-5-2"
    steered = "承办检察官对嫌疑人的父亲说：你们请的这个律师不熟悉刑事，可以考虑换一下。"
    assert "recommend_lawyer" in conduct_read(assessor, steered)
    assert assessor.assess(steered).verdict == "violation"
    own = "工人们还没请律师，法官告诉他们可以到法律援助中心申请援助。"
    assert "recommend_lawyer" not in conduct_read(assessor, own)


def test_a_gift_pushed_back_was_refused(assessor: Assessor) -> None:
    for refused in ("中秋前拍卖公司的经理给执行法官送去一箱月饼和一个红包，"
                    "法官在门口就把东西推了回来。",
                    "开庭后被告的老板想塞给法官两条烟，被法官挡了回去。"):
        assert assessor.assess(refused).verdict != "violation", refused
    kept = "中秋前拍卖公司的经理给执行法官送去一箱月饼和一个红包，法官收下了。"
    assert assessor.assess(kept).verdict == "violation"


def test_borrowing_a_truck_or_renting_from_the_suspects_family(assessor: Assessor) -> None:
    truck = "执行员小马搬家，借了被执行人运输公司的一辆厢式货车用了一天。"
    assert "borrow" in conduct_read(assessor, truck)
    assert assessor.assess(truck).verdict == "violation"
    assert first_rule(assessor, truck) == "R3-5-4"
    rented = ("租赁合同：出租人是那起走私案嫌疑人的姐姐，"
              "承租人孙某，市检察院检察官，正是该案承办人。")
    assert "borrow" in conduct_read(assessor, rented)
    assert assessor.assess(rented).verdict == "violation"
    own_car = "执行员小马搬家，借了邻居的一辆面包车。"
    assert assessor.assess(own_car).verdict != "violation"


def test_an_officer_having_the_appraisal_pressed_down_rigs_it(assessor: Assessor) -> None:
    pressed = "执行法官让评估公司把那套门面的评估值从六百万压到四百万，说他有个朋友想买。"
    assert "collusion" in conduct_read(assessor, pressed)
    assert assessor.assess(pressed).verdict == "violation"
    assert first_rule(assessor, pressed) == "R3-5-5"
    market = ("评估公司复核后因周边成交价下跌，"
              "把评估值从六百万调为五百五十万，双方当事人都没有异议。")
    assert "collusion" not in conduct_read(assessor, market)


def test_teaching_a_lawyer_how_to_write_his_defence_is_coaching(assessor: Assessor) -> None:
    coached = "民二庭一位法官晚上加了被告代理律师的微信，一条条告诉他答辩状怎么写。"
    assert "coach" in conduct_read(assessor, coached)
    assert assessor.assess(coached).verdict == "violation"
    in_court = "庭审中法官依法向双方释明举证责任和举证期限，书记员记入笔录。"
    assert "coach" not in conduct_read(assessor, in_court)


def test_a_plea_made_a_change_of_prosecutor_asked_and_a_tone_set(assessor: Assessor) -> None:
    made = "小吴承认，副县长上周为那起非法占地案找他说过情，他没照办，也没登记。"
    result = assessor.assess(made)
    assert "plead" in conduct_read(assessor, made)
    assert result.verdict == "violation"
    assert "R1-10" in rules_with_status(result, "violation")
    swap = "县委常委私下对检察长说：那个盗伐林木的案子，换个懂林业的检察官来办，现在这个太死板。"
    assert "other" in conduct_read(assessor, swap)
    assert "plead" not in conduct_read(assessor, swap)
    assert assessor.assess(swap).verdict == "violation"
    assert first_rule(assessor, swap) == "R1-8-5"
    tone = "副县长在协调会上说：今天给那家化工厂的案子定个调子，拍卖先撤回。"
    assert "decide_case" in conduct_read(assessor, tone)
    assert assessor.assess(tone).verdict == "violation"


def test_papers_stuffed_into_a_judges_drawer_are_passed(assessor: Assessor) -> None:
    stuffed = ("区司法局的一位干部把被执行人写的评估异议书直接塞进执行法官的抽屉，"
               "说“你看看”。没有代理手续。")
    assert "pass_materials" in conduct_read(assessor, stuffed)
    assert assessor.assess(stuffed).verdict == "violation"
    filed = "被执行人在诉讼服务中心登记后提交了评估异议书，窗口出具了收据。"
    assert assessor.assess(filed).verdict != "violation"


def test_a_complaint_the_officer_admitted_is_confirmed(assessor: Assessor) -> None:
    admitted = ("原告投诉：开庭前法官对他说“你这个律师不行，换一个吧，我给你个电话”。"
                "院里找法官核实，法官本人也认了。")
    assert assessor.assess(admitted).verdict == "violation"
    open_ = "原告投诉：开庭前法官对他说“你这个律师不行，换一个吧，我给你个电话”。院里还在核实。"
    assert assessor.assess(open_).verdict == "undetermined"


def test_a_hypothetical_about_the_future_tells_no_collusion(assessor: Assessor) -> None:
    asked = "竞买人问我：要是以后发现法官跟评估公司串通压价，他能不能去法院反映？"
    assert "collusion" not in conduct_read(assessor, asked)
    assert assessor.assess(asked).verdict != "violation"


def test_asking_whether_the_case_goes_on_is_a_probe_not_a_plea(assessor: Assessor) -> None:
    asked = ("派出所民警的表弟因盗窃被刑警队刑拘。民警跑去问承办侦查员：“我表弟这事会不会报捕，"
             "同案的几个都怎么说的？”侦查员没答，登记上报。")
    assert "probe" in conduct_read(assessor, asked)
    assert "plead" not in conduct_read(assessor, asked)
    assert assessor.assess(asked).verdict == "violation"
    assert first_rule(assessor, asked) == "R2-9-4"


def test_what_a_colleague_passes_on_is_hearsay(assessor: Assessor) -> None:
    passed_on = "同事说，治安大队长私下替张某说过情，找的是我们教导员。教导员没跟我提过。"
    result = assessor.assess(passed_on)
    assert result.facts.hearsay is True
    assert result.verdict == "undetermined"
    own = "治安大队长私下替张某向我们教导员说过情，教导员当天就登记上报了。"
    assert assessor.assess(own).verdict == "violation"
    told_to_him = "邻居老周说，承办法官私下劝他：“你这官司找王律师吧，他跟我们庭熟。”"
    assert assessor.assess(told_to_him).facts.hearsay is not True
    assert assessor.assess(told_to_him).verdict == "violation"


def test_a_report_asked_about_is_neither_made_nor_denied(assessor: Assessor) -> None:
    asked = ("上个月执行员小宋在同学聚会上和被执行人坐一桌，聊了一个晚上。我问他跟院里报备没有，"
             "他说：“碰巧坐一起，报什么。”到现在也没报。")
    result = assessor.assess(asked)
    assert result.facts.reported is False
    assert result.verdict == "violation"
    assert first_rule(assessor, asked) == "R3-7"
    late = ("上个月执行员小宋在同学聚会上和被执行人坐一桌，"
            "聊了一个晚上，两个月了也没向院纪检组报告。"
            "他问我：这事要补报吗？")
    assert assessor.assess(late).facts.reported is False
    made = "上周执行员小宋在同学聚会上和被执行人坐一桌，第二天就向院纪检组作了报告。"
    assert assessor.assess(made).facts.reported is True
    assert assessor.assess(made).verdict == "lawful"


def test_the_tellers_own_check_is_no_purpose_of_the_contact(assessor: Assessor) -> None:
    checked = ("有人看见检察官老孟每周三晚上在一家茶馆跟一个辩护律师打牌，那位律师代理着他手上的"
               "案子。我找他核实，他认了，说就是消遣。")
    result = assessor.assess(checked)
    assert result.facts.purpose == "social"
    assert result.verdict == "violation"
    assert first_rule(assessor, checked) == "R3-5-6"
    by_him = "检察官老孟找辩护律师核实一份证人证言的来源，在院里的律师接待室谈了半小时。"
    assert assessor.assess(by_him).facts.purpose == "work"


def test_asking_who_registered_for_an_auction_is_a_probe(assessor: Assessor) -> None:
    asked = ("民二庭的一位法官给拍卖公司打电话：“下周那场拍卖报名的都有谁？被执行人是我小舅子，"
             "他想知道。”拍卖公司说竞买人信息保密，没给。")
    assert "probe" in conduct_read(assessor, asked)
    public = "民二庭的一位法官问拍卖公司下周那场拍卖在哪个平台挂网，公司把公开的公告链接发给了他。"
    assert "probe" not in conduct_read(assessor, public)


def test_having_the_judgment_vetted_before_it_is_given_decides_the_case(
        assessor: Assessor) -> None:
    vetted = "副县长在协调会上说：那批讨薪案，判决前先把方案报县政府看一下。"
    assert "decide_case" in conduct_read(assessor, vetted)
    assert assessor.assess(vetted).verdict == "violation"
    schedule = "副县长在协调会上说：那批讨薪案，请法院依法尽快审结。"
    assert "decide_case" not in conduct_read(assessor, schedule)


def test_whether_to_change_counsel_left_to_the_party_with_a_refusal_to_recommend(
        assessor: Assessor) -> None:
    refused = ("申请人在接待室问执行法官能不能给他推荐个靠谱的律师，法官说法院的人不能给推荐，"
               "换不换律师他自己定。")
    result = assessor.assess(refused)
    assert "recommend_lawyer" in (result.facts.declined or [])
    assert result.verdict == "lawful"
    assert first_rule(assessor, refused) == "R3-5-2"


def test_a_leaders_view_on_the_handling_is_guidance_to_record(assessor: Assessor) -> None:
    for view in ("庭长在走廊上跟承办法官说，那起相邻权纠纷以调解为主。法官当天记入了系统。",
                 "分管副院长到承办法官办公室，口头讲了对案子的看法。法官当天记入了系统。"):
        result = assessor.assess(view)
        assert "guidance" in conduct_read(assessor, view), view
        assert result.verdict == "lawful", view
    chat = "庭长在走廊上跟承办法官聊了几句孩子上学的事。"
    assert "guidance" not in conduct_read(assessor, chat)


@pytest.mark.parametrize("former", [
    "前年从我庭辞职的原法官韦某，这个月作为一家物业公司的诉讼代理人在我院起诉十户业主，"
    "他和物业公司没有任何亲属关系。",
    "2016年从本院民一庭调到市司法局、后来辞职做律师的李某，这次代理一起在本院二审的借款纠纷，"
    "委托人与他没有亲属关系。",
    "中院开庭审理一起职务侵占上诉案，上诉人委托的律师冯某，三年前还是该院刑二庭的审判员，"
    "辞职后到律所执业，与上诉人没有亲属关系。",
    "何某原是市中级人民法院民一庭的审判员，前年辞职做了律师，今年担任一家商贸公司在市中院一起"
    "租赁合同纠纷二审中的诉讼代理人，与该公司没有亲属关系，也不是任何一方的监护人。",
])
def test_a_former_officer_acting_in_his_own_courts_case(assessor: Assessor, former: str) -> None:
    result = assessor.assess(former)
    assert result.facts.former_unit_case is True, former
    assert result.verdict == "violation", former
    assert first_rule(assessor, former) == "R3-8", former


def test_a_former_officer_acting_before_another_court(assessor: Assessor) -> None:
    elsewhere = ("何某原是市中级人民法院民一庭的审判员，"
                 "前年辞职做了律师，今年担任一家商贸公司在区法院"
                 "一起租赁合同纠纷一审中的诉讼代理人，与该公司没有亲属关系。")
    result = assessor.assess(elsewhere)
    assert result.facts.former_unit_case is False
    assert result.verdict != "violation"


def test_a_report_heard_with_the_finding_left_to_the_organ_is_r1_article_3(
        assessor: Assessor) -> None:
    left = "政法委书记听公安局汇报一起诈骗案的进展，最后只说了句“依法办，定性你们把关”。"
    result = assessor.assess(left)
    assert result.facts.decision is False
    assert result.verdict == "lawful"
    assert first_rule(assessor, left) == "R1-3"
    decided = "政法委书记听公安局汇报一起诈骗案的进展，最后说“这个案子就定性为诈骗，你们照此办”。"
    assert assessor.assess(decided).verdict == "violation"


def test_a_case_office_of_a_leading_organ_is_the_organ(assessor: Assessor) -> None:
    letter = ("市委政法委案件督办室给区法院发了一封函，"
              "只问一起合同诈骗案审到哪一步了，没提任何处理意见。")
    result = assessor.assess(letter)
    assert result.facts.leading_organ is True
    assert result.verdict == "lawful"
    assert first_rule(assessor, letter) == "R1-3"


def test_a_former_officer_who_takes_no_case(assessor: Assessor) -> None:
    adviser = "原县法院执行法官孔某辞职后到一家保险公司做法务，只管内部合规，不代理任何案子。"
    result = assessor.assess(adviser)
    assert result.facts.former_unit_case is False
    assert result.verdict == "lawful"
    acting = ("原县法院执行法官孔某辞职后做了律师，"
              "这个月代理一起在县法院执行的案件，与委托人无亲属关系。")
    assert assessor.assess(acting).verdict == "violation"


def test_the_tellers_own_doubt_is_no_case_raised_later(assessor: Assessor) -> None:
    visit = ("县委书记来院调研，听取服务民营企业的工作汇报，"
             "提了两条意见。全程没有提任何一个在办案件。"
             "但我还是想确认一下这样的调研有没有问题。")
    result = assessor.assess(visit)
    assert result.facts.specific_case is False
    assert result.verdict == "lawful"
    raised = ("县委书记来院调研，听取服务民营企业的工作汇报，开始没有提任何一个在办案件。"
              "但临走时他说那家纸厂的案子要“多关照”。")
    assert assessor.assess(raised).facts.specific_case is not False
    assert assessor.assess(raised).verdict == "violation"


def test_a_document_of_the_procedure_with_nothing_asked_beside_it_is_r2_article_5(
        assessor: Assessor) -> None:
    outline = ("审查起诉期间，区检察院检察官通过法律文书向派出所发出《补充侦查提纲》，"
               "列明需补查的三项证据。")
    result = assessor.assess(outline)
    assert result.verdict == "lawful"
    assert first_rule(assessor, outline) == "R2-5"
    pleaded = ("审查起诉期间，区检察院检察官通过法律文书向派出所发出《补充侦查提纲》，又私下打电话"
               "让承办民警对嫌疑人“高抬贵手”，嫌疑人是他表弟。")
    assert assessor.assess(pleaded).verdict == "violation"


def test_pointing_a_party_to_legal_aid_recommends_no_one(assessor: Assessor) -> None:
    for aid in ("开庭前被告问法官没钱请律师怎么办，法官告诉他可以向法律援助中心申请援助，"
                "没有提任何具体律师。",
                "被告人说请不起律师，审判长把法律援助中心的电话念给他，说“律师由中心指派，法院不替你挑人”。"):
        result = assessor.assess(aid)
        assert "recommend_lawyer" in (result.facts.declined or []), aid
        assert result.verdict == "lawful", aid
        assert first_rule(assessor, aid) == "R3-5-2", aid
    named = "被告人说请不起律师，审判长说：“你去找城西的周律师，他跟我们熟。”"
    assert assessor.assess(named).verdict == "violation"


def test_the_defences_written_opinion_is_its_work(assessor: Assessor) -> None:
    opinion = "辩护律师给承办检察官寄了一份书面法律意见，建议对嫌疑人作不起诉处理。"
    result = assessor.assess(opinion)
    assert result.verdict == "lawful"
    assert first_rule(assessor, opinion) == "R3-6"
    with_cards = "辩护律师给承办检察官寄了一份书面法律意见，里面夹了两张购物卡。"
    assert assessor.assess(with_cards).verdict == "violation"


def test_more_of_r3_article_5_from_the_open_bucket(assessor: Assessor) -> None:
    rented = ("监区民警吴某去年起租住服刑人员李某哥哥名下的一套房子，"
              "按月付租金。李某在他的监区服刑。")
    assert "borrow" in conduct_read(assessor, rented)
    assert assessor.assess(rented).verdict == "violation"
    steered = "执行法官私下对申请人说：“摇号前你们可以申请选宏达评估公司，那家估得高，我跟他们熟。”"
    assert "recommend_lawyer" in conduct_read(assessor, steered)
    assert assessor.assess(steered).verdict == "violation"
    rights = "执行法官告知双方当事人可以申请选定评估机构，由法院在名册中摇号确定。"
    assert "recommend_lawyer" not in conduct_read(assessor, rights)
    coached = "侦查员用私人微信对嫌疑人的律师说：“取保申请你这么写，理由就写身体有病，我这边好批。”"
    assert "coach" in conduct_read(assessor, coached)
    assert assessor.assess(coached).verdict == "violation"
    carried = "看守所管教帮在押人员给外面的律师带了一封信，没有经过检查登记。"
    assert "pass_materials" in conduct_read(assessor, carried)
