"""Readings of the seed the engine got wrong (session 45, sets CY to DB read once DC to DF had
been written and measured), each with its control.

- R3 第五条第（四）项: 借款人 names the borrower, a party to a loan case, not a loan to the
  officer; a loan from him still is one.
- R3 第六条: 不用办什么手续, 这点小事不用批 is no approval sought; one given is.
- R1 第八条第（二）项: 听她把情况说说 is what the leader asks the officer to hear, not hearsay.
- Plea words: 说了半天好话, 给留点余地, 这个案子就别急着立了, 执行款少扣点、慢点扣.
- R3 第五条第（三）项: a 锦旗 alone, taken at the court, is an honour, no 利益; with two cartons
  of cigarettes it is not alone. A trip 机票酒店都是律所订的 and a bill a lawyer paid for the
  judge are benefits; a guess (肯定收了好处) is none.
- R3 第五条第（二）项: asking the judge to 帮他找个律师 is asking for a recommendation, refused
  here, not a plea.
- R3 第八条: 代理县法院正在审的 names the 县法院 (the 理 of 代理 is no part of its name); one
  派出法庭 named as the former post and as the case's court is the former unit.
- R3 第五条: 老许的执行案正是这位法官在办 makes 老许 a party before the officer.
- R3 第五条第（一）项: 合议庭已经评议完了，你们输 and 下礼拜就去抓，让他这几天别乱跑 leak; 查到哪了
  probes (R2 第九条第（四）项).
- R3 第七条: 偶然碰上也要报告吗？ asks, reports nothing; 一直没向院里任何部门提过 is no report.
- R3 第七条: 喝亲戚的喜酒 is away from the workplace; 补报还来不来得及 asks, reports nothing.
- R3 第六条: onlookers calling an approved visit “上门吃请” name no benefit.
- R3 第八条: a retired judge 出庭代理他亲弟弟 is a former officer, kin excepted.
- R2 第四条: 在办案系统里…批了一句 is written.
- R3 第五条第（二）项: legal aid named, 没有推荐具体哪一位, recommends no lawyer.
- R2 第七条: a rotation of all by tenure (全局统一开展轮岗, 满五年的都要交流) with the 党委会's
  decision, or a move the officer applied for (自己打报告申请), has ground and procedure.

Then (sets DC to DF read, once DG to DJ had been written and measured): the teller's case named by
the officer who handles it (执行我们案子的法官, 手上正办着我们店…的案子, 公司…案子都在这位法官
手上) and a party addressed in a leak (你们赢, 主张你们担七成) make a party; 皮卡 and 试驾车 are
vehicles; fees waived (学费全免了, 开户费和安装费都免了, 保养免单) are benefits, 材料费 no papers;
没有办任何…审批 is no approval; 过问表上就别写了 forbids the record; 调他去 with no procedure
retaliates; a letter asking 支持…的诉请 or 尽量不作…判决 interferes (R1 第八条第（四）项), as does
不让法院拖走 (第（五）项); 量刑建议…赶紧 leaks; 分案系统里动手脚 interferes; 同学的父亲 is no kin
of his; 这家区法院 is the case's court; paying the full price (坚持按价付款) declines a waiver;
洗浴中心 names a place, 了事故 no 了事; 帮问一下 asks someone to probe.

Last (sets DG to DJ read, once DK to DN had been written and measured): 在办我们…的案子, 我们园
and 替我们园说 make the teller's side a party; 比门市价便宜, 免收…费, 律师签单 and 去…旅游 are
benefits, 涉旅游企业 none; a draft 印发前…送到他办公室 and 可以考虑换换 (a lawyer) as before;
偶遇而已，报什么 is no report, 没打报告 and 不用跟院里报 no approval; 合议庭已经评完了 leaks; 村里都
传开了 is hearsay; papers asked to be passed and not taken (没接) are declined.

Every sentence is written for the test, not taken from any situation set."""

from __future__ import annotations

from liuhen.assessment import Assessor
from liuhen.assessment import missing_facts as unknown
from tests.liuhen.assessment.reading import conduct_read, first_rule


def test_the_borrower_is_a_party_not_a_loan(assessor: Assessor) -> None:
    met = "审判员在同学的婚宴上碰到了借款人的代理律师，两人被安排坐同一桌。"
    result = assessor.assess(met)
    assert "borrow" not in (result.facts.conduct or [])
    assert result.verdict == "undetermined"
    assert unknown.REPORTED_IN_TIME in result.missing_facts
    assert "borrow" in conduct_read(assessor, "审判员向借款人借了两万块钱，说下个月还。")


def test_no_procedure_needed_is_no_approval(assessor: Assessor) -> None:
    met = "检察官约辩护律师周末在茶楼谈认罪认罚，"
    scorned = assessor.assess(met + "说都是熟人，不用办什么手续。")
    assert scorned.facts.approved is False
    assert scorned.verdict == "violation"
    assert first_rule(assessor, met + "说都是熟人，不用办什么手续。") == "R3-6"
    assert assessor.assess(met + "事先报院里批准了。").verdict == "lawful"


def test_hearing_her_out_is_no_hearsay(assessor: Assessor) -> None:
    asked = ("副县长把派出所所长叫到一边：“他老婆天天来哭，你找个晚上到茶楼跟她坐坐，"
             "听她把情况说说。”")
    result = assessor.assess(asked)
    assert result.facts.hearsay is not True
    assert result.verdict == "violation"
    assert first_rule(assessor, asked) == "R1-8-2"
    assert assessor.assess("听司机说，副县长给法院院长打过电话。").facts.hearsay is True


def test_more_plea_words(assessor: Assessor) -> None:
    for plea in ("法庭小陈说，县委某部长的秘书打电话替一个当事人说了半天好话。",
                 "中院一位审判员给县法院承办法官打电话：“这家公司跟我们院里有人熟，判的时候给留点余地。”",
                 "检察官给经侦大队打电话：“这人我认识，你们这个案子就别急着立了。”",
                 "司法局一位科长给执行法官打电话：“被执行人是我同学，执行款能不能少扣点、慢点扣？”"):
        assert "plead" in conduct_read(assessor, plea)
        assert assessor.assess(plea).verdict == "violation"
    assert "plead" not in conduct_read(assessor, "执行法官说执行款按判决扣，一分不少。")


def test_a_banner_alone_is_an_honour(assessor: Assessor) -> None:
    for banner in ("判决后，原告来法庭送了一面锦旗，法官收下了。",
                   "当事人到法庭送锦旗，还拎了一篮水果，法官收下锦旗，水果让他带回去了。"):
        assert "accept_benefit" not in conduct_read(assessor, banner)
        assert assessor.assess(banner).verdict == "lawful"
    with_gifts = "判决后，原告来法庭送了一面锦旗和两条烟，法官都收下了。"
    assert assessor.assess(with_gifts).verdict == "violation"
    assert first_rule(assessor, with_gifts) == "R3-5-3"


def test_a_trip_and_a_bill_paid_are_benefits_a_guess_is_none(assessor: Assessor) -> None:
    for paid in ("律所请执行法官去海南考察五天，机票酒店都是律所订的，律所有两个案子在他手上。",
                 "律师替法官把私家车的保养费、换胎钱一共三千多块付了。律师有两个案子在这位法官手上。"):
        assert "accept_benefit" in conduct_read(assessor, paid)
        assert assessor.assess(paid).verdict == "violation"
        assert first_rule(assessor, paid) == "R3-5-3"
    assert assessor.assess("法官去海南参加培训五天，机票酒店都是单位订的。").verdict != "violation"
    guessed = ("司法所干部按法院委托函给承办法官打电话核对被告人住址，做了记录。被告人的亲戚说"
               "“司法所的人给法官打电话，肯定收了好处”，在村里传开了。")
    assert "accept_benefit" not in conduct_read(assessor, guessed)
    assert assessor.assess(guessed).verdict != "violation"


def test_asked_to_find_a_lawyer_and_refusing_is_no_plea(assessor: Assessor) -> None:
    refused = ("村民问法官能不能帮他找个律师，法官说：“我不能给你介绍律师，"
               "你可以去法律援助中心申请。”")
    assert "plead" not in conduct_read(assessor, refused)
    assert assessor.assess(refused).verdict == "lawful"
    assert first_rule(assessor, refused) == "R3-5-2"
    assert "plead" in conduct_read(assessor, "当事人的舅舅托法官帮帮忙，案子判轻一点。")


def test_the_county_court_named_after_a_verb(assessor: Assessor) -> None:
    took = "郑法官原在县法院民二庭，去年辞职当了律师，现在代理县法院正在审的一件借贷案，"
    assert assessor.assess(took + "委托人跟他非亲非故。").verdict == "violation"
    assert first_rule(assessor, took + "委托人跟他非亲非故。") == "R3-8"
    assert assessor.assess(took + "委托人是他亲弟弟。").verdict == "lawful"


def test_one_tribunal_named_twice_is_the_former_unit(assessor: Assessor) -> None:
    left = "原来在河口法庭干了十年的刘法官，前年辞职当了律师。这回一起买卖合同案"
    agent = "审，刘律师是被告公司的诉讼代理人，跟老板一家没有亲戚关系。"
    same = assessor.assess(left + "就在河口法庭" + agent)
    assert same.facts.former_unit_case is True
    assert same.verdict == "violation"
    other = assessor.assess(left + "在城关法庭" + agent)
    assert other.verdict != "violation"


def test_the_case_named_as_the_officers_makes_a_party(assessor: Assessor) -> None:
    gifts = "春节前，老许到执行法官家送了两条烟、一箱酒，法官收下了。"
    named = assessor.assess(gifts + "老许的执行案正是这位法官在办。")
    assert named.facts.counterpart == "当事人"
    assert named.verdict == "violation"
    truck = "执行法官借走了我们公司的皮卡，说周末搬家用两天。我们公司的被执行案就是他在办。"
    assert assessor.assess(truck).verdict == "violation"
    assert first_rule(assessor, truck) == "R3-5-4"
    neighbour = assessor.assess("执行法官借走了邻居的皮卡，说周末搬家用两天。")
    assert unknown.COUNTERPART in neighbour.missing_facts


def test_a_rotation_of_all_by_tenure_has_ground_and_procedure(assessor: Assessor) -> None:
    moved = "派出所民警小宋如实记录过副所长过问案件，上个月被调到交警大队。"
    rotation = assessor.assess(moved + "局里说今年全局统一开展基层民警轮岗，同一岗位满五年的都要"
                                       "交流，经局党委会研究决定，同批调整的有四十多人。")
    assert rotation.facts.lawful_ground is True
    assert rotation.verdict == "lawful"
    asked = assessor.assess("法官老陈去年记过一位领导打招呼的电话，上个月调去了立案庭。他说是"
                            "自己打报告申请的，院党组按干部交流的程序研究通过了。")
    assert asked.verdict == "lawful"
    bare = assessor.assess(moved + "局里没有开会研究，也没说任何理由。")
    assert bare.verdict == "violation"
    assert first_rule(assessor, moved + "局里没有开会研究，也没说任何理由。") == "R2-7"


def test_the_deliberation_told_and_an_arrest_warned_of_leak(assessor: Assessor) -> None:
    for leaked in ("法院档案室一位同事晚上悄悄给被告打电话：“合议庭已经评议完了，你们输，"
                   "账上的钱赶紧安排。”",
                   "派出所民警小卢跟开小卖部的刘婶说：“你儿子那几个同伙，我们下礼拜就去抓，"
                   "让他这几天别乱跑。”刘婶是他远房亲戚。"):
        assert "leak" in conduct_read(assessor, leaked)
        assert assessor.assess(leaked).verdict == "violation"
    assert "leak" not in conduct_read(assessor, "刘婶叮嘱孙子放学别乱跑。")


def test_asking_how_far_the_investigation_got_probes(assessor: Assessor) -> None:
    asked = ("经侦民警在队里跟我说：“刑侦的老马为了他表弟，问了我两次你们报的那个案子查到哪了，"
             "我都没往本子上记。”")
    assert "probe" in conduct_read(assessor, asked)
    assert assessor.assess(asked).verdict == "violation"


def test_asking_whether_to_report_is_no_report(assessor: Assessor) -> None:
    met = "上个月初，主审法官去喝亲戚的喜酒，正好跟被告坐同一桌，被告拉着他聊了半天案子。"
    silent = assessor.assess(met + "事后法官一直没向院里任何部门提过这事，已经快一个月了。"
                             "偶然碰上也要报告吗？")
    assert silent.facts.reported is not True
    assert silent.verdict == "violation"
    asked = assessor.assess(met + "偶然碰上也要报告吗？")
    assert asked.verdict == "undetermined"
    assert unknown.REPORTED_IN_TIME in asked.missing_facts


def test_onlookers_words_for_an_approved_visit(assessor: Assessor) -> None:
    visit = ("执行法官要到被执行人家里现场查看，提前填了外出办案审批单，庭长签字批准，"
             "带了两名法警，在人家堂屋里谈了半小时。")
    called = assessor.assess(visit + "村里人围了一圈，说法官“上门吃请”。")
    assert "accept_benefit" not in (called.facts.conduct or [])
    assert called.verdict == "lawful"
    fed = assessor.assess(visit + "被执行人留他吃了饭，还塞给他一条烟，他收下了。")
    assert fed.verdict == "violation"


def test_a_retired_judge_in_court_for_his_brother(assessor: Assessor) -> None:
    court = "县法院退休的一位老法官出庭代理"
    brother = assessor.assess(court + "他亲弟弟的借款官司，案子就在他原来那个法院。")
    assert brother.facts.former_officer is True
    assert brother.verdict == "lawful"
    friend = court + "一个朋友的借款官司，案子就在他原来那个法院，两人不沾亲。"
    assert assessor.assess(friend).verdict == "violation"
    assert first_rule(assessor, friend) == "R3-8"


def test_a_note_in_the_case_system_is_written(assessor: Assessor) -> None:
    advice = "“建议补充调取银行流水后再作决定。”"
    noted = assessor.assess("副检察长在办案系统里对一件审查逮捕案批了一句：" + advice)
    assert noted.facts.written is True
    assert noted.verdict == "lawful"
    called = assessor.assess("副检察长打电话给承办检察官：" + advice)
    assert unknown.ORAL_RECORDED in called.missing_facts


def test_legal_aid_named_and_no_lawyer_chosen(assessor: Assessor) -> None:
    aid = "法官告诉没钱请律师的被告：“可以去法律援助中心申请援助律师。”没有推荐具体哪一位。"
    assert assessor.assess(aid).verdict == "lawful"
    assert first_rule(assessor, aid) == "R3-5-2"
    named = "法官告诉被告：“你可以去法律援助中心，找那儿的王律师，就说我介绍的。”"
    assert assessor.assess(named).verdict == "violation"


def test_a_wedding_feast_is_away_and_a_late_report_asked_about_is_none(assessor: Assessor) -> None:
    feast = ("上个月初，主审法官去喝亲戚的喜酒，正好跟被告坐同一桌，被告拉着他聊了半天案子。"
             "事后法官一直没向院里任何部门提过这事。庭审时被告一脸得意。")
    assert assessor.assess(feast).verdict == "violation"
    assert first_rule(assessor, feast) == "R3-7"
    market = ("检察官在菜市场碰见了他承办案件的被告人父亲，老人拉着他说了半个钟头。"
              "他一直没向院里报告，已经十来天了。")
    late = assessor.assess(market + "他问现在补报还来不来得及。")
    assert late.facts.reported is not True
    assert late.verdict == "violation"
    assert assessor.assess(market.replace("他一直没向院里报告，已经十来天了。",
                                          "第二天就向院纪检组报告了。")).verdict == "lawful"


def test_the_tellers_case_named_by_the_officer_who_handles_it(assessor: Assessor) -> None:
    for told in ("执行我们案子的法官周末搬家，找我们借了公司的皮卡，用了一整天。",
                 "他手上正办着我们店申请执行的那个案子，周末从我们店借了一台试驾车开回老家。",
                 "公司四十多件案子都在这位法官手上，他租了公司一套宿舍，每月象征性交一百元。"):
        result = assessor.assess(told)
        assert result.facts.counterpart == "当事人"
        assert result.verdict == "violation"
        assert first_rule(assessor, told) == "R3-5-4"
    stranger = assessor.assess("法官周末搬家，找邻居借了一辆皮卡。")
    assert unknown.COUNTERPART in stranger.missing_facts


def test_the_party_addressed_by_the_leak(assessor: Assessor) -> None:
    for leaked in ("主审法官私信我：“合议庭评议完了，你们赢，放心过年。”",
                   "合议庭的年轻法官在微信上跟原告说：“审判长主张过错对半，另外两个主张你们担七成。”"):
        assert "leak" in conduct_read(assessor, leaked)
        assert assessor.assess(leaked).verdict == "violation"
    assert assessor.assess("主审法官宣判时说：“本院认为，原告的诉请成立。”").verdict != "violation"


def test_fees_waived_for_the_officer_are_benefits(assessor: Assessor) -> None:
    for waived in ("审我们退费案的法官，女儿来驾校报名，学费全免了，法官说了声谢谢。",
                   "审我们案子的法官来营业厅办开户，开户费和安装费都免了，法官说了声谢谢。",
                   "审判员正在审客户诉我们店的退车案，老板交代给他的车保养免单，他说了声谢谢。"):
        assert "accept_benefit" in conduct_read(assessor, waived)
        assert assessor.assess(waived).verdict == "violation"
        assert first_rule(assessor, waived) == "R3-5-3"
    paid = "公司给审我们案子的法官家里换了一台热水器，材料费他照价付了。"
    assert "pass_materials" not in conduct_read(assessor, paid)
    assert assessor.assess(paid).verdict != "violation"


def test_no_approval_sought_and_the_register_forbidden(assessor: Assessor) -> None:
    met = "承办法官上周六和被告律师在茶楼把证据过了一遍，没有办任何外出接触的审批。"
    assert assessor.assess(met).facts.approved is False
    assert assessor.assess(met).verdict == "violation"
    forbidden = assessor.assess("分管副院长交代承办法官：“县领导打来的电话，过问表上就别写了。”")
    assert forbidden.facts.told_not_to_record is True
    assert forbidden.verdict == "violation"
    asked = assessor.assess("分管副院长交代承办法官：“县领导打来的那个电话，过问表上要写清楚。”")
    assert asked.facts.told_not_to_record is not True
    assert asked.verdict != "violation"


def test_a_transfer_order_with_no_procedure_retaliates(assessor: Assessor) -> None:
    moved = ("法官如实登记了区长的电话，两周后调令就下来了，调他去最远的派出法庭，"
             "院党组也没研究过。")
    assert assessor.assess(moved).facts.retaliation is True
    assert assessor.assess(moved).verdict == "violation"
    assert first_rule(assessor, moved) == "R1-6"


def test_letters_asking_for_a_side_and_an_obstruction_interfere(assessor: Assessor) -> None:
    for letter in ("区民政局给区法院发函：“建议贵院审理涉某养老院系列案件时，支持养老院的诉请。”",
                   "区商务局给区法院发函，请在审理涉集团案件时尽量不作退车判决。"):
        assert "plead" in conduct_read(assessor, letter)
        assert assessor.assess(letter).verdict == "violation"
        assert first_rule(assessor, letter) == "R1-8-4"
    assert assessor.assess("区民政局给区法院发函，请依法公正审理涉某养老院的系列案件。"
                           ).verdict == "lawful"
    blocked = "街道书记派人守在厂门口，不让法院拖走查封的那台车。"
    assert assessor.assess(blocked).verdict == "violation"
    assert first_rule(assessor, blocked) == "R1-8-5"


def test_a_sentencing_offer_passed_on_and_a_case_steered(assessor: Assessor) -> None:
    told = ("退休检察官找承办检察官聊了半天，出来就给被告人家里打电话：“准备起诉了，"
            "量刑建议三年，赶紧去赔钱。”")
    assert "leak" in conduct_read(assessor, told)
    assert assessor.assess(told).verdict == "violation"
    steered = "立案庭干警受原告家属之托，在分案系统里动手脚，把案子改成分给好说话的李法官。"
    assert "other" in conduct_read(assessor, steered)
    assert assessor.assess(steered).verdict == "violation"


def test_a_former_judge_for_a_friends_father_in_this_court(assessor: Assessor) -> None:
    friend = ("许律师前年还是区法院民一庭的审判员，辞职后进了律所，这回代理区法院民一庭审理的案子，"
              "原告是他大学同学的父亲，不是他亲戚。")
    assert assessor.assess(friend).facts.guardian_or_relative is not True
    assert assessor.assess(friend).verdict == "violation"
    this_court = ("保险公司告我们店，对方代理律师是去年刚从这家区法院辞职的前法官，"
                  "跟保险公司没有亲属关系。")
    assert assessor.assess(this_court).verdict == "violation"
    assert first_rule(assessor, this_court) == "R3-8"


def test_paying_the_full_price_declines_the_waiver(assessor: Assessor) -> None:
    service = "审我们店案子的法官来做保养，老板交代免单，"
    paid = service + "他坚持按价付款，开了发票才走。"
    assert assessor.assess(paid).verdict == "lawful"
    assert first_rule(assessor, paid) == "R3-5-3"
    assert assessor.assess(service + "他说了声谢谢就把车开走了。").verdict == "violation"


def test_a_bathhouse_owner_and_an_accident_are_no_benefit_or_plea(assessor: Assessor) -> None:
    met = ("承办法官周日在超市碰到了被告洗浴中心的老板，对方上来就说案子的事，法官说了句"
           "“到法院谈”就走了。周一上班他就写了情况报给院纪检组。")
    assert "accept_benefit" not in conduct_read(assessor, met)
    assert assessor.assess(met).verdict == "lawful"
    copied = "检察官带着调卷函到法院档案室，登记后复制了事故现场照片。"
    assert "plead" not in conduct_read(assessor, copied)
    assert assessor.assess(copied).verdict == "lawful"
    assert "plead" in conduct_read(assessor, "他托人跟法官说，赔点钱了事，别判刑。")


def test_asked_to_help_find_out_and_doing_it_probes(assessor: Assessor) -> None:
    asked = "我托在法院上班的表哥帮问一下退车案的进度，"
    done = asked + "他第二天就去找承办法官问了，回来说下个月开庭。"
    assert "probe" in conduct_read(assessor, done)
    assert assessor.assess(done).verdict == "violation"
    assert first_rule(assessor, done) == "R2-9-4"
    refused = asked + "他说“别人手上的案子我不能问”，一口回了，也没去问。"
    assert assessor.assess(refused).verdict != "violation"


def test_a_query_that_ends_on_a_cue_word_is_read(assessor: Assessor) -> None:
    # the filters look at the characters after a cue (材料费, 洗浴中心的老板); the end of the
    # text must be no error
    for cut_short in ("律师把材料", "法官去了洗浴", "原告送了锦旗，法官收下", "他借款"):
        assert assessor.assess(cut_short).verdict in ("lawful", "violation", "undetermined")


def test_more_of_the_tellers_cases_and_benefits(assessor: Assessor) -> None:
    for borrowed in ("执行局吴法官在办我们申请执行宏达公司的案子，上周跟我们借了酒店的商务车。",
                     "区法院执行局一位法官周末搬家，跟我们园借了校车和司机。他手上正办着我们园那起"
                     "学费执行案。"):
        assert assessor.assess(borrowed).facts.counterpart == "当事人"
        assert assessor.assess(borrowed).verdict == "violation"
    for benefit in ("审我们诉长运公司案的审判长报了我们社的云南游，比门市价便宜两千四。",
                    "大二班新生的父亲是区法院民庭法官，正在审本园的租赁纠纷，园里免收了他孩子的保教费。",
                    "宴会预订登记：预订人周律师，请承办法官吃饭，消费两千六，周律师签单。周律师是原告的"
                    "代理律师，孙法官是承办人。",
                    "律师请承办法官一家去海南旅游，费用全包。"):
        assert "accept_benefit" in conduct_read(assessor, benefit)
        assert assessor.assess(benefit).verdict == "violation"
    touristy = assessor.assess("县委下了个文件：各部门不得干预法院审理涉旅游企业的案件。")
    assert "accept_benefit" not in (touristy.facts.conduct or [])
    assert touristy.verdict != "violation"


def test_a_plea_for_the_teller_a_draft_a_lawyer_to_change(assessor: Assessor) -> None:
    pleaded = "派出所的李警官给承办法官打电话，替我们园说了几句好话，法官已如实登记。"
    assert assessor.assess(pleaded).verdict == "violation"
    assert first_rule(assessor, pleaded) == "R2-9-1"
    draft = "副区长让秘书通知区法院：那起烫伤案，判决书印发前先把稿子送到他办公室，他帮忙把把关。"
    assert "other" in conduct_read(assessor, draft)
    change = ("孙法官在调解室里跟我说：“你们现在这个律师不太懂行，城南的马律师办这类案子有经验，"
              "可以考虑换换。”")
    assert assessor.assess(change).verdict == "violation"
    assert first_rule(assessor, change) == "R3-5-2"


def test_no_report_scorned_and_no_approval_sought(assessor: Assessor) -> None:
    feast = "喜宴上，承办法官和原告坐到了一桌，聊了一整晚。半个月后律师问他有没有报告，"
    assert assessor.assess(feast + "他说：“偶遇而已，报什么。”").verdict == "violation"
    assert assessor.assess(feast + "他没回答。").verdict == "undetermined"
    cafe = "承办法官约原告晚上在小区门口的咖啡馆谈调解方案，法官说没打报告，怕麻烦。"
    assert assessor.assess(cafe).facts.approved is False
    assert assessor.assess(cafe).verdict == "violation"
    home = "晚上九点多，执行局冯法官叫我一起去被执行人家里做做工作，说不用跟院里报。"
    assert assessor.assess(home).facts.approved is False


def test_the_deliberation_done_leaks_and_a_rumour_is_hearsay(assessor: Assessor) -> None:
    told = ("宣判前三天，主审法官在法院门口碰见原告律师，随口一句：“合议庭已经评完了，"
            "大概判园方担七成。”")
    assert "leak" in conduct_read(assessor, told)
    assert assessor.assess(told).verdict == "violation"
    rumour = assessor.assess("村里都传开了：审我们案子的孙法官，过年收了原告送的一只羊。")
    assert rumour.facts.hearsay is True
    assert rumour.verdict == "undetermined"


def test_papers_not_taken_when_asked_are_declined(assessor: Assessor) -> None:
    asked = "家属想让在司法局上班的女婿把材料捎给法官，"
    refused = assessor.assess(asked + "女婿没接，让他们自己去诉讼服务中心递交。")
    assert "pass_materials" in (refused.facts.declined or [])
    assert refused.verdict != "violation"
    done = assessor.assess(asked + "女婿第二天就捎给了法官。")
    assert "pass_materials" in (done.facts.conduct or [])
