"""Readings of the seed the engine got wrong (session 49, sets EQ to ET read once EU to EX had
been written and measured), each with its control.

- R1 第六条 / R2 第七条: a recorder 被挪去装订卷宗, struck 从评优名单上划掉 or whose 绩效…扣到最低
  suffered a personnel action; 没经任何程序 and 也没给任何说法 say it had no legal ground or
  procedure, while a rotation 经院党组研究 keeps the procedure's question.
- R3 第六条: 院里没批过 and 这种事还批什么 say no approval was given; 院里 there is the approver,
  not the place; 在我店后面的仓库, 在我家后院 are no workplace; 院里批过了 approves.
- R3 第五条第（三）项 / 第（四）项: 修了两回车都没收钱 and a lawyer who settles the judge's tab
  (把…法官欠的…结清, 算我请…的) give a benefit; 按价目表扫码付了 is a purchase; 赊了两千多，半年没结
  is a debt owed to a party, settled next day it is none.
- 审我那个合同案期间 makes the teller a party.
- R3 第八条: a former clerk who takes 县法院的案子一件不碰 does not act in his old unit's cases;
  代理了他亲妈的离婚案 is the exception for a close relative; 在他原来那个民庭开庭 and 审判席上坐的
  还是他原来的同事 are his old unit's case.
- R3 第九条 / 第十条: a complaint the overseers answer 未发现串通问题 is settled; R3 第七条: 向院里
  纪检部门交了书面说明 is the report, 第二天 in time, 过了半个月才 late.
- R1 第八条第（四）项: minutes that 确保…不败诉 and send the judgment 出来前先送县政府过目
  settle the outcome; R1 第十条: 这种电话记它干嘛…就当没接过 leaves a plea (讲情) unrecorded.
- R1 第十条 / R2 第十一条: a call that 没提任何案子 (a secretary asking a restaurant's address)
  leaves nothing to record; 没往卷里记 a plea is the violation.
- Hearsay: 听说 of the lawsuit leaves the call the teller 听得一字不落 established. No case:
  我没打过任何官司，也不认识他案子里的人 and 他办的案子跟我球馆一个也不沾.
- Pleas and leaks: 您多向着她点 pleads; 评议是二比一 and 后天我们去你家搜 leak; 请赵律师吧，他跟我们
  庭里熟 recommends a lawyer; a retired judge's words 跟牌友闲聊 are said to no officer.

Round 2 (sets EU to EX read once EY to FB had been written and measured): a tip-off before
a search or an arrest (明天去抓你儿子，让他有个准备; 明早…去你们店查封…值钱的先挪一挪) leaks to
the one told, an official notice (依法去你们店查封，请在场) does not; 备注：免 waives a bill;
借了辆…一分钱没给 and 开的是…辩护律师那辆越野车 borrow; 你那个律师不行，去找… and 找这个刘律师
代理 name a lawyer (我们公司是这个案子的原告 and 老张告我的货款案 make the teller a party);
判决书出来先送他办公室过目 decides the case; 就别登记了 and 那一栏空着 leave it unrecorded;
十天过去，他也没跟院纪检组提过 is no report; 撤出办案组 moves a recorder with 没说理由, while
定了干警轮岗交流方案 and 同批调动的有九个人 state a rotation's ground, and the plea
把…说情的电话…登了记 is only its background.

Every sentence is written for the test, not taken from any situation set."""

from __future__ import annotations

from liuhen.assessment import Assessor
from tests.liuhen.assessment.reading import conduct_read, first_rule, rules_with_status


def test_a_recorder_moved_struck_or_docked_suffered_a_personnel_action(
        assessor: Assessor) -> None:
    for moved in ("王法官如实登记了庭长过问案件的事，年底评优就被庭长划掉了，还被挪去装订卷宗。",
                  "书记员登记了庭长过问案件的电话，当月绩效被庭长扣到最低。"):
        result = assessor.assess(moved)
        assert result.facts.retaliation is True, moved
        assert result.verdict == "violation", moved
        assert "R2-7" in rules_with_status(result, "violation"), moved
    crossed_out = assessor.assess("我把登记本上写错的那一行划掉了。")
    assert crossed_out.facts.retaliation is None


def test_no_procedure_or_explanation_given_leaves_no_lawful_cause(assessor: Assessor) -> None:
    for unexplained in ("李法官把副县长说情的电话登记后，一周后就被调到偏远法庭，没经任何程序。",
                        "张法官登记了副县长打招呼的电话，半个月后调令下来，把他调去乡下法庭，"
                        "也没给任何说法。"):
        result = assessor.assess(unexplained)
        assert result.facts.retaliation is True, unexplained
        assert "retaliation" not in (result.facts.weak_conduct or []), unexplained
        assert "R1-6" in rules_with_status(result, "violation"), unexplained


def test_no_approval_given_and_the_approver_is_no_place(assessor: Assessor) -> None:
    for unapproved in ("刘法官约被告在我店后面的仓库谈执行方案，院里没批过。",
                       "刘法官约原告的代理律师周六在我饭馆包间谈案子，我问单位批了没有，"
                       "他说这种事还批什么。",
                       "刘法官约被告的律师去我店后屋谈调解，院里也确实没人知道这次见面。"):
        result = assessor.assess(unapproved)
        assert result.facts.at_workplace is not True, unapproved
        assert result.verdict == "violation", unapproved
        assert first_rule(assessor, unapproved) == "R3-6"
    approved = assessor.assess("刘法官约被告在我店后面的仓库谈执行方案，院里批过了。")
    assert approved.facts.approved is True
    assert approved.verdict == "lawful"


def test_free_service_and_a_settled_tab_are_benefits_a_paid_bill_is_none(
        assessor: Assessor) -> None:
    for benefit in ("王法官审我那个合同案期间，我给她修了两回车都没收钱，她也没推辞。",
                    "被告的律师把刘法官欠的六百块赊账一次结清，说算我请刘法官的。"
                    "刘法官正办着这个案子。"):
        result = assessor.assess(benefit)
        assert "accept_benefit" in conduct_read(assessor, benefit), benefit
        assert result.facts.counterpart == "当事人", benefit
        assert result.verdict == "violation", benefit
        assert first_rule(assessor, benefit) == "R3-5-3"
    paid = assessor.assess("审我那个案子的赵法官来店里洗车，我说免单，她不肯，"
                           "按价目表扫码付了四十块。")
    assert paid.verdict == "lawful"
    assert "accept_benefit" not in (paid.facts.conduct or [])


def test_a_tab_left_unpaid_with_a_party_is_a_debt(assessor: Assessor) -> None:
    owed = ("赊账本：刘法官从批发商告我们超市那案子立案起，在店里赊了两千多，半年没结。"
            "她就是承办法官。")
    result = assessor.assess(owed)
    assert "borrow" in (result.facts.conduct or [])
    assert result.facts.counterpart == "当事人"
    assert result.verdict == "violation"
    assert first_rule(assessor, owed) == "R3-5-4"
    settled = assessor.assess("刘法官在店里赊了两百块，第二天就来结清了。")
    assert "borrow" not in (settled.facts.conduct or [])
    assert settled.verdict != "violation"


def test_a_former_officer_outside_his_old_unit_or_for_his_mother(assessor: Assessor) -> None:
    elsewhere = assessor.assess("原来在县法院当书记员的小钱辞职做了律师，县法院的案子一件不碰。")
    assert elsewhere.facts.former_unit_case is False
    assert elsewhere.verdict == "lawful"
    mother = assessor.assess("孙律师从县法院辞职后，在县法院代理了他亲妈的离婚案。")
    assert mother.facts.guardian_or_relative is True
    assert mother.verdict == "lawful"
    cousin = assessor.assess("孙律师从县法院辞职后，在县法院代理了他表哥的离婚案。")
    assert cousin.facts.guardian_or_relative is not True
    assert cousin.verdict != "lawful"


def test_his_old_tribunal_and_his_old_colleagues_on_the_bench(assessor: Assessor) -> None:
    for old_unit in ("以前在市法院民庭当法官的钱律师，辞职后开了律所，这回接了一个被告的代理，"
                     "就在他原来那个民庭开庭。被告跟他没有亲戚关系。",
                     "去年从区法院辞职的赵法官，现在当律师，代理一家公司跟我打官司，跟公司没有"
                     "亲属关系。开庭时审判席上坐的还是他原来的同事。"):
        result = assessor.assess(old_unit)
        assert result.facts.former_unit_case is True, old_unit
        assert result.verdict == "violation", old_unit
        assert first_rule(assessor, old_unit) == "R3-8"


def test_pleas_leaks_and_a_lawyer_recommended(assessor: Assessor) -> None:
    plea = "法院的法警是原告的侄子，在食堂找到承办法官：我姑那案子，您多向着她点。"
    assert "plead" in conduct_read(assessor, plea)
    assert assessor.assess(plea).verdict == "violation"
    assert first_rule(assessor, plea) == "R2-9-1"
    for leak in ("合议庭评完议还没宣判，王法官在微信上跟原告的律师说：放心，评议是二比一支持你们。",
                 "刘警官在超市碰上嫌疑人他爸，说了一句：后天我们去你家搜，东西先挪一挪。"):
        assert "leak" in conduct_read(assessor, leak), leak
        assert first_rule(assessor, leak) == "R3-5-1", leak
    told_the_public = "王法官在法庭上宣布：合议庭评议后当庭宣判。"
    assert "leak" not in conduct_read(assessor, told_the_public)
    recommended = "李法官私下跟被告的妈说：请赵律师吧，他跟我们庭里熟，好说话。"
    assert "recommend_lawyer" in conduct_read(assessor, recommended)
    assert first_rule(assessor, recommended) == "R3-5-2"


def test_chatter_among_card_players_is_said_to_no_officer(assessor: Assessor) -> None:
    chatter = assessor.assess("退休的老法官在我店里跟牌友闲聊，说那个盗窃案“要我看判个缓刑就够了”，"
                              "他没找过办案的人。")
    assert "plead" not in (chatter.facts.conduct or [])
    assert chatter.verdict != "violation"
    to_a_judge = assessor.assess("退休的老法官跟牌友李庭长闲聊，说那个盗窃案“你判个缓刑就够了”。")
    assert "plead" in (to_a_judge.facts.conduct or [])


def test_a_complaint_found_untrue_is_settled_without_a_report_named(assessor: Assessor) -> None:
    cleared = assessor.assess("我实名举报执行法官在拍卖里做手脚，纪检组两周后书面答复：调取了评估、"
                              "拍卖材料，评估公司是摇号选的，未发现串通问题。")
    assert cleared.facts.complaint_cleared is True
    assert cleared.verdict == "lawful"
    pending = assessor.assess("我实名举报执行法官在拍卖里做手脚，纪检组说正在核查。")
    assert pending.facts.complaint_cleared is None
    assert pending.verdict == "undetermined"


def test_a_written_statement_handed_to_the_overseers_is_the_report(assessor: Assessor) -> None:
    next_day = assessor.assess("李检察官在同学婚礼上碰到一个律师，第二天就向院里纪检部门"
                               "交了书面说明。")
    assert next_day.facts.reported is True
    assert next_day.facts.report_days == 1
    assert next_day.verdict == "lawful"
    late = assessor.assess("李检察官在同学婚礼上碰到一个律师，过了半个月才向院里纪检部门"
                           "交了书面说明。")
    assert late.facts.report_days == 15
    assert late.verdict == "violation"


def test_minutes_that_settle_the_outcome_and_a_judgment_shown_first(assessor: Assessor) -> None:
    minutes = ("县政府专题会议纪要（抄送县法院）：副县长主持。议定：某公司诉县环保局一案事关大局，"
               "法院要确保环保局不败诉，判决书出来前先送县政府过目。")
    result = assessor.assess(minutes)
    assert "decide_case" in (result.facts.conduct or [])
    assert result.verdict == "violation"
    assert first_rule(assessor, minutes) == "R1-8-4"
    lawful = assessor.assess("县政府专题会议纪要（抄送县法院）：副县长主持。议定：环保整治"
                             "依法推进，"
                             "涉诉案件由法院依法审理，政府各部门按时出庭应诉。")
    assert "decide_case" not in (lawful.facts.conduct or [])
    assert lawful.verdict != "violation"


def test_a_plea_the_judge_will_not_record(assessor: Assessor) -> None:
    unrecorded = "王法官修车时说，局长上周来电替被告讲情，“这种电话记它干嘛，就当没接过。”"
    result = assessor.assess(unrecorded)
    assert "plead" in (result.facts.conduct or [])
    assert "R1-10" in rules_with_status(result, "violation")
    recorded = assessor.assess("王法官说局长上周来电替被告讲情，他当天就登记了。")
    assert "R1-10" not in rules_with_status(recorded, "violation")


def test_a_call_that_asked_of_no_case_leaves_nothing_to_record(assessor: Assessor) -> None:
    for no_case in ("副县长的秘书给王法官打电话，问的是饭馆的地址，没提任何案子。"
                    "王法官没往卷里记。",
                    "同庭的李法官问王法官周末去哪儿钓鱼，没提任何案子，王法官没登记。"):
        result = assessor.assess(no_case)
        assert result.verdict == "lawful", no_case
        assert not rules_with_status(result, "violation"), no_case
    asked = assessor.assess("同庭的李法官问王法官那个合同案打算怎么判，王法官没登记。")
    assert "R2-11" in rules_with_status(asked, "violation")
    sent = assessor.assess("副县长的秘书给王法官打电话，替被告说情，王法官没往卷里记。")
    assert "R1-10" in rules_with_status(sent, "violation")


def test_a_call_the_teller_heard_himself_is_no_hearsay(assessor: Assessor) -> None:
    heard = assessor.assess("听说邻居把我告了。县人大副主任来店里，当场给承办法官打电话："
                            "“这案子你多照应我老同学。”我在柜台后面听得一字不落。")
    assert heard.facts.hearsay is None
    assert heard.verdict == "violation"
    rumour = assessor.assess("听说县人大副主任给承办法官打电话，让他多照应我老同学。")
    assert rumour.facts.hearsay is True
    assert rumour.verdict == "undetermined"


def test_a_teller_with_no_case_before_the_officer(assessor: Assessor) -> None:
    for no_case in ("刑庭的王法官借了我店里的三轮车用了一下，当天就还了。我没打过任何官司，"
                    "也不认识他"
                    "案子里的人。",
                    "检察院的小李常来打球，每次都按标价付钱。他办的案子跟我球馆一个也不沾。"):
        result = assessor.assess(no_case)
        assert result.facts.specific_case is False, no_case
        assert result.verdict == "lawful", no_case
    unknown = assessor.assess("刑庭的王法官借了我店里的三轮车用了一下，当天就还了。")
    assert unknown.verdict == "undetermined"


# Round 2: sets EU to EX read once EY to FB had been written and measured.


def test_a_tip_off_before_a_search_or_an_arrest_leaks(assessor: Assessor) -> None:
    for tip_off in ("李警官喝了酒，跟老王说：“明天去抓你儿子，让他有个准备。”",
                    "侦查员头天晚上给嫌疑人发微信：“明天上午搜你厂房，该收拾的收拾一下。”",
                    "立案庭的小刘私信我：“明早执行局去你们店查封设备，值钱的先挪一挪。”"):
        result = assessor.assess(tip_off)
        assert "leak" in (result.facts.conduct or []), tip_off
        assert result.facts.counterpart is not None, tip_off  # (the one told, or his father)
        assert result.verdict == "violation", tip_off
        assert first_rule(assessor, tip_off) == "R3-5-1", tip_off
    notice = assessor.assess("执行局的王法官通知我：明天上午依法去你们店查封设备，请在场。")
    assert "leak" not in (notice.facts.conduct or [])
    assert notice.verdict != "violation"


def test_a_waived_bill_a_borrowed_car_and_a_lawyer_named(assessor: Assessor) -> None:
    waived = ("维修单：车主王法官，换刹车片，工时费300元，备注：免。——王法官就是审我那个合同官司"
              "的法官。")
    assert "accept_benefit" in conduct_read(assessor, waived)
    assert first_rule(assessor, waived) == "R3-5-3"
    for borrowed in ("刘法官车坏了，跟我借了辆面包车开了一礼拜，一分钱没给。她手上正审老张告我的"
                     "货款案。",
                     "张检察官周末回老家，开的是被告辩护律师那辆越野车，周一才还。"):
        result = assessor.assess(borrowed)
        assert "borrow" in (result.facts.conduct or []), borrowed
        assert result.verdict == "violation", borrowed
    for named in ("开庭前王法官私下跟原告说：“你那个律师不行，去找城北的李明，打这种官司他"
                  "最拿手。”",
                  "陈检察官在工地看他家橱柜，塞给我一张名片：“找这个刘律师代理，他跟法院熟。”"
                  "我们公司是这个案子的原告。"):
        result = assessor.assess(named)
        assert result.facts.counterpart is not None, named
        assert result.verdict == "violation", named
        assert first_rule(assessor, named) == "R3-5-2", named


def test_a_judgment_shown_to_a_cadre_first_and_a_record_left_blank(assessor: Assessor) -> None:
    shown = "刘副县长给民二庭打电话：那个合同案，判决书出来先送他办公室过目。"
    assert "decide_case" in conduct_read(assessor, shown)
    assert assessor.assess(shown).verdict == "violation"
    blank = assessor.assess("大队长在走廊跟办案民警说：“老局长问的那几句就别登记了，给老人家"
                            "留点面子。”"
                            "民警那一栏果然空着没填。")
    assert "R2-11" in rules_with_status(blank, "violation")
    late = assessor.assess("王法官在亲戚婚宴上碰见原告的律师，两人聊了半天案子。十天过去，他也没跟"
                           "院纪检组提过。")
    assert late.facts.reported is False
    assert "R3-7" in rules_with_status(late, "violation")


def test_taken_off_the_case_team_or_moved_by_a_planned_rotation(assessor: Assessor) -> None:
    removed = assessor.assess("张民警把所长过问盗窃案的事登了记，所长当天就把他撤出办案组，"
                              "派去守户籍"
                              "窗口，没开会也没说理由。")
    assert removed.facts.recorded is True
    assert removed.facts.retaliation is True
    assert "R2-7" in rules_with_status(removed, "violation")
    rotated = assessor.assess("李法官去年把副县长替人说情的电话原原本本登了记。今年三月她被调到"
                              "城东法庭。"
                              "院里年初就定了干警轮岗交流方案，党组会研究过，发了正式文件，跟她同批"
                              "调动的有九个人。")
    assert rotated.facts.lawful_ground is True
    assert "plead" not in (rotated.facts.conduct or [])
    assert rotated.verdict == "lawful"
