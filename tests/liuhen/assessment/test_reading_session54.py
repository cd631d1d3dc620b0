"""Readings of the seed the engine got wrong (session 54, sets FS to FV read once FW to FZ had
been commissioned), each with its control.

- R1 第二条 / 第八条第（一）项: a cadre asked to 打个招呼 who 一口回绝 or 直摆手 puts in no word;
  one who 一口答应 and 打了电话 does.
- R2 第十三条: a retiree asked to 去问问 who answers 这种事我不能去 does none of 第九条's acts.
- R1 第十条 / R2 第十一条: 别写进卷里，我担着; 同事问问，登什么记; 记了伤和气; 登记本上是空的;
  别往登记系统里录: the record refused or left empty. A judge who says every call 都得登 refuses
  nothing.
- R3 第七条: 一进门看见被告人的父亲也在, 没坐下就走了, 第二天报告: a chance contact reported in
  time; never reported, a violation.
- R3 第五条第（一）项 / R2 第九条第（四）项: 明早别在家; 账上的钱这两天挪一挪; 要去冻你的股份，早
  做准备; an investigator who tells a suspect's mother 证人的笔录讲的是…; 同案怎么供的…讲给…听:
  what is coming or what the file says, told to the one it concerns. A defence lawyer telling
  the family is no officer's leak.
- R2 第九条第（三）项: papers put on the officer's desk 没走立案窗口 pass outside the procedure;
  papers 走的立案窗口登记 pass by it.
- R3 第五条第（四）项: 借了店里的三轮车 / 借店里送货三轮 from the teller whose 执行异议正在他手上;
  说是借，借条都写了. An officer who borrows a friend's van borrows from no named party.
- R3 第五条第（三）项: 饭钱挂在我个人账上 while 我们告派出所的行政案正在她手上审; a party who
  备了一桌，又递了个信封, sent back, offered a benefit refused.
- R1 第三条 / 第八条第（五）项: 刑期被他亲笔改成了缓刑 in the draft judgment decides the case for
  the court; a 庭长 who corrects a slip in a draft by procedure decides nothing.
- R2 第九条第（四）项 / R3 第五条第（一）项: 合议庭倾向给你判八万 and 合议已经过了，异议肯定驳回
  tell the party addressed the outcome; 怎么交代的，我告诉他…不能透露 refuses.
- R1 第六条: 监控硬盘…调走 moves a thing, not an officer; R2 第七条: a demotion after 酒驾被判了
  拘役, 按处分条例开会研究, has a lawful ground and procedure.
- R1 第三条: 函里有没有写该怎么判，我没看到 leaves the decision open (the 没有写 inside 有没有写
  is the question, passed over); 手续带没带不知道 leaves the procedure open (R2 第五条).
- R3 第八条: 以前在县检察院干过的王律师 in a court's case is no former unit's case.
- R1 第八条第（四）/（五）项: 不准拍卖, 先把查封解了 at a 协调会; 第（二）项: 交代执行局长…跟
  被执行人私下把账说开 (not 没私下见过面).
- R3 第七条: a lawyer who 坐到法官对面 at breakfast is a chance contact; R3 第六条: 吃个饭还要
  批？没报。 waves the approval aside; 借了我们宾馆三间房 borrows.
- R1 第三条 / R3: 以后不管谁打招呼，法官一律照实记 concerns no case; 别人手上的案子我不能过问
  refuses.
- R2 第十一条: 记了会不会得罪人？ asks, it records nothing and refuses nothing.

Every sentence is written for the test, not taken from any situation set."""

from __future__ import annotations

from liuhen.assessment import Assessor
from tests.liuhen.assessment.reading import rules_with_status


def test_a_cadre_who_flatly_refuses_to_put_in_a_word(assessor: Assessor) -> None:
    for text in ("我小叔是县交通局局长，我求他给法官打个招呼，他一口回绝了。",
                 "我想托县林业局的胡局长跟法院打个招呼，他直摆手，让我自己请律师。"):
        refused = assessor.assess(text)
        assert refused.verdict == "lawful", refused.reasons
        assert "plead" in (refused.facts.declined or [])
    done = assessor.assess("我求县交通局局长给法官打个招呼，他一口答应，第二天就打了电话。")
    assert done.verdict == "violation"
    assert "R1-8-1" in rules_with_status(done, "violation")


def test_a_retiree_who_will_not_go_and_ask(assessor: Assessor) -> None:
    refused = assessor.assess("我姑父从检察院退休了，我请他去问问案子，他说：“这种事我不能去。”")
    assert refused.verdict == "lawful", refused.reasons
    went = assessor.assess("我姑父从检察院退休了，我请他去问问案子，他第二天就去找承办检察官问了"
                           "案子的进展。")
    assert went.verdict != "lawful"


def test_the_record_refused_or_left_empty(assessor: Assessor) -> None:
    for text in ("庭长跟承办法官说：“县长那个电话，别写进卷里，我担着。”",
                 "执行员说：“同事问问，登什么记。”",
                 "执行员说同事打听查封时间那回，记了伤和气，就没记。",
                 "纪检组来查，同事打听案子那一回，登记本上是空的。",
                 "庭长交代：“县长那个电话，别往干预登记系统里录。”"):
        refused = assessor.assess(text)
        assert refused.facts.recorded is not True, text
        assert {"R2-11", "R1-10"} & set(rules_with_status(refused, "violation")), text
    asked = assessor.assess("王法官问我：县委的通知要不要记？记了会不会得罪人？")
    assert asked.facts.recorded is not False
    kept = assessor.assess("法官说：“县长那个电话，按规定都得登记。”当天就登记进了系统。")
    assert kept.facts.recorded is True
    assert not {"R2-11", "R1-10"} & set(rules_with_status(kept, "violation"))


def test_a_chance_meeting_walked_out_of_and_reported(assessor: Assessor) -> None:
    reported = assessor.assess("苗警官回村喝喜酒，一进门看见被告人的父亲也在，没坐下就走了，"
                               "第二天向局纪检组报告了。")
    assert reported.facts.planned is False
    assert "R3-7" in rules_with_status(reported, "lawful"), reported.reasons
    silent = assessor.assess("苗警官回村喝喜酒，一进门看见被告人的父亲也在，没坐下就走了，此后一直"
                             "没有向纪检组报告。")
    assert "R3-7" in rules_with_status(silent, "violation"), silent.reasons


def test_what_is_coming_told_to_the_one_it_concerns(assessor: Assessor) -> None:
    for text in ("法院的保安问清明天要去拘传老卢，当晚给被执行人老卢打电话：“明早别在家。”",
                 "法院开车的小闫跟被执行人说：“账上的钱这两天挪一挪，下礼拜一他们要来扣。”",
                 "法警给被执行人发微信：“下周二执行局要去冻你的股份，早做准备。”",
                 "侦查员跟嫌疑人的母亲说，证人的笔录讲的是他先动的手。",
                 "刑警晚上跑到嫌疑人家里，把同案的人怎么供的，原原本本讲给嫌疑人的母亲听。"):
        told = assessor.assess(text)
        assert "leak" in (told.facts.conduct or []), text
        assert told.verdict == "violation", (text, told.reasons)
    refused = assessor.assess("被害人的家长追问嫌疑人是怎么交代的，我告诉他这是办案中的情况，不能"
                              "透露。")
    assert "leak" not in (refused.facts.conduct or [])
    lawyer = assessor.assess("辩护律师会见后跟被告人的母亲说，他的口供讲的是自己没动手。")
    assert "leak" not in (lawyer.facts.conduct or [])
    assert lawyer.verdict != "violation"


def test_papers_put_on_the_desk_outside_the_window(assessor: Assessor) -> None:
    outside = assessor.assess("法院的司机把当事人的材料直接放到执行员桌上，没走立案窗口。")
    assert outside.facts.via_procedure is False
    assert "R2-9-3" in rules_with_status(outside, "violation")
    inside = assessor.assess("法院的司机把当事人的材料交到立案窗口，走的立案窗口登记。")
    assert "R2-9-3" not in rules_with_status(inside, "violation")


def test_a_vehicle_or_money_borrowed_from_the_teller_with_a_case(assessor: Assessor) -> None:
    for text in ("执行员搬家，借了我们店里的三轮车用了两天，那时我的执行异议正在他手上审。",
                 "晁法官借店里送货三轮一辆，说周一还，至今没还；我被告的货款案就是他在审。",
                 "我的案子在邱执行员手上，他从我这儿拿了五万，说是借，借条都写了。"):
        borrowed = assessor.assess(text)
        assert "borrow" in (borrowed.facts.conduct or []), text
        assert "R3-5-4" in rules_with_status(borrowed, "violation"), (text, borrowed.reasons)
    friend = assessor.assess("执行员借了朋友的面包车搬家。")
    assert "R3-5-4" not in rules_with_status(friend, "violation")


def test_meals_put_on_the_teller_s_account(assessor: Assessor) -> None:
    put = assessor.assess("我们告派出所的行政案正在她手上审，她在我们餐厅吃的三顿饭都挂在"
                          "我个人账上。")
    assert put.facts.counterpart == "当事人"
    assert "R3-5-3" in rules_with_status(put, "violation"), put.reasons
    paid = assessor.assess("我们告派出所的行政案正在她手上审，她在我们餐厅吃的饭都是自己扫码付的。")
    assert "R3-5-3" not in rules_with_status(paid, "violation")


def test_a_table_laid_and_an_envelope_handed_over_and_sent_back(assessor: Assessor) -> None:
    refused = assessor.assess("查封那天，被执行人让厨房给执行员们备了一桌，又递了个信封，执行员当场"
                              "退回，说这些都不能收。")
    assert "accept_benefit" in (refused.facts.declined or [])
    assert "R3-5-3" in rules_with_status(refused, "lawful"), refused.reasons
    taken = assessor.assess("查封那天，被执行人给执行员递了个信封，执行员收下了。")
    assert "R3-5-3" in rules_with_status(taken, "violation"), taken.reasons


def test_a_sentence_rewritten_by_hand_in_the_draft_judgment(assessor: Assessor) -> None:
    rewritten = assessor.assess("政法委书记让刑庭把判决书稿送去给他把关，退回来时刑期被他亲笔改成了"
                                "缓刑。")
    assert "decide_case" in (rewritten.facts.conduct or [])
    assert rewritten.verdict == "violation", rewritten.reasons
    corrected = assessor.assess("庭长审核判决书稿时，把一处笔误改成了正确的日期，按程序签发。")
    assert "decide_case" not in (corrected.facts.conduct or [])
    assert corrected.verdict != "violation"


def test_the_outcome_told_to_the_party_it_is_for(assessor: Assessor) -> None:
    told = assessor.assess("退休的老检察官打电话给我：“我又去民庭打听了，合议庭倾向给你判八万。”")
    assert told.facts.counterpart == "当事人"
    assert "R2-9-4" in rules_with_status(told, "violation"), told.reasons
    passed = assessor.assess("法官在电话里对申请人说：“合议已经过了，异议肯定驳回，你先别声张。”")
    assert "leak" in (passed.facts.conduct or [])
    assert "R3-5-1" in rules_with_status(passed, "violation"), passed.reasons
    served = assessor.assess("法官在法庭上当庭宣读裁定：异议驳回。")
    assert "leak" not in (served.facts.conduct or [])


def test_a_thing_taken_away_is_no_officer_moved(assessor: Assessor) -> None:
    thing = assessor.assess("县委开了个会，厂里的监控硬盘由公安开了清单调走。")
    assert not thing.facts.retaliation
    officer = assessor.assess("法官把县长的电话记进了登记表，一个月后就被调走了，理由没说。")
    assert officer.facts.retaliation


def test_a_letter_whose_content_the_teller_did_not_see(assessor: Assessor) -> None:
    unseen = assessor.assess("政法委给法院发了督办函，要求限期办结。函里有没有写该怎么判，"
                             "我没看到。")
    assert unseen.verdict == "undetermined", unseen.reasons
    plain = assessor.assess("政法委给法院发了督办函，要求依法限期办结，函里没提任何处理意见。")
    assert "R1-3" in rules_with_status(plain, "lawful")


def test_papers_brought_or_not_is_left_open(assessor: Assessor) -> None:
    unknown = assessor.assess("派出所所长跑到执行局问冻结股份的进展，说是办案需要，手续带没带"
                              "不知道。")
    assert unknown.verdict == "undetermined", unknown.reasons
    assert "是否依照工作程序" in unknown.missing_facts
    brought = assessor.assess("派出所民警带着协查函到执行局，问冻结股份的进展，说是办案需要。")
    assert brought.verdict == "lawful", brought.reasons


def test_a_former_prosecutor_acting_in_a_court_case(assessor: Assessor) -> None:
    elsewhere = assessor.assess("以前在县检察院干过的王律师，现在代理一家旅行社跟我们打官司，案子在"
                                "县法院审。")
    assert elsewhere.facts.former_officer is True
    assert "R3-8" in rules_with_status(elsewhere, "lawful"), elsewhere.reasons
    own = assessor.assess("以前在县法院干过的王律师，现在代理一家旅行社跟我们打官司，案子就在县"
                          "法院审。")
    assert own.facts.former_officer is True
    assert "R3-8" not in rules_with_status(own, "lawful")


def test_a_cadre_at_a_meeting_who_orders_the_seal_lifted(assessor: Assessor) -> None:
    ordered = assessor.assess("常务副县长在协调会上说：“那栋楼今年不准拍卖，执行局先把查封解了，"
                              "明年再说。”")
    assert ordered.verdict == "violation", ordered.reasons
    assert any(rule.startswith("R1-8-") for rule in rules_with_status(ordered, "violation"))
    left = assessor.assess("常务副县长在协调会上说：“那栋楼拍不拍卖，法院依法定，我们只管安置。”")
    assert left.verdict != "violation"


def test_a_chance_breakfast_with_the_defence_walked_away_from(assessor: Assessor) -> None:
    walked = assessor.assess("法官在宾馆吃早餐时，辩护律师端着盘子坐到他对面想聊案子，法官起身换"
                             "了一桌，第二天上午就给院纪检组写了情况说明。")
    assert walked.facts.planned is False
    assert "R3-7" in rules_with_status(walked, "lawful"), walked.reasons


def test_approval_waved_aside(assessor: Assessor) -> None:
    waved = assessor.assess("法官约原告的代理律师在饭店包间谈调解，我问他院里批了没有，他说：“吃个"
                            "饭还要批？没报。”")
    assert waved.facts.approved is False
    assert "R3-6" in rules_with_status(waved, "violation")
    approved = assessor.assess("法官约原告的代理律师在饭店包间谈调解，事先填了外出审批表，"
                               "庭长批了。")
    assert "R3-6" not in rules_with_status(approved, "violation")


def test_rooms_borrowed_by_the_judge_in_the_teller_s_case(assessor: Assessor) -> None:
    rooms = assessor.assess("民二庭的法官借了我们宾馆三间房给亲戚住，说先挂着，到现在没结账；我们告"
                            "旅行社的案子就在这位法官手上。")
    assert "borrow" in (rooms.facts.conduct or [])
    assert "R3-5-4" in rules_with_status(rooms, "violation"), rooms.reasons


def test_a_demotion_after_a_criminal_sentence(assessor: Assessor) -> None:
    grounded = assessor.assess("执行员去年如实登记过同事过问的事，今年被降了级。其实是他酒驾被判了"
                               "拘役，院里按处分条例开会研究后下的处分决定。")
    assert "R2-7" in rules_with_status(grounded, "lawful"), grounded.reasons
    bare = assessor.assess("执行员去年如实登记过同事过问的事，今年被降了级，院里没说任何理由。")
    assert "R2-7" in rules_with_status(bare, "violation")


def test_a_rule_announced_for_every_call_concerns_no_case(assessor: Assessor) -> None:
    rule = assessor.assess("副院长在法院开放日讲：以后不管谁打招呼，法官一律照实记。")
    assert rule.verdict == "lawful", rule.reasons
    one = assessor.assess("副院长给承办法官打招呼，让他对被告从轻。")
    assert one.verdict == "violation"


def test_a_cadre_who_tells_the_head_to_meet_the_party_privately(assessor: Assessor) -> None:
    told = assessor.assess("人大副主任交代执行局长务必到，跟被执行人私下把账说开，别带别的执行员。")
    assert "R1-8-2" in rules_with_status(told, "violation"), told.reasons
    never = assessor.assess("拍卖公司是执行局按规定摇号选的，法官和拍卖公司没私下见过面。")
    assert "private_meeting" not in (never.facts.conduct or [])


def test_a_relative_at_another_court_who_will_not_ask(assessor: Assessor) -> None:
    refused = assessor.assess("我求邻县法院的表姐夫帮着问问我的官司，他说：“别人手上的案子我不能"
                              "过问。”")
    assert refused.verdict == "lawful", refused.reasons
    asked = assessor.assess("我求邻县法院的表姐夫帮着问问我的官司，他第二天就打电话问了承办法官。")
    assert asked.verdict != "lawful"
