"""Readings of the seed the engine got wrong (session 56, sets GA to GD read once GE to GH had
been commissioned), each with its control.

- R1 第八条第（一）项: a cadre who asks the judge to 判快点、判足额 or 判少点, to 尽快把钱给他执行
  回来，拜托了, to leave an account alone 缓到明年, to 多替她想想 and 让对方多出点, or the
  prosecutor to 往重里诉, pleads for a party; a judgment that came 判得快 is no request.
- R2 第九条第（一）项: a retired judge, two cartons in hand, who asks 那批货早点拍了吧; a
  township 司法所's officer (a 司法行政机关's, R2 第十三条) who pleads by phone is an insider.
- R1 第八条第（五）项: 判决书草稿先送他审阅 before it goes out; a judgment shown once it was
  given is not. R1 第八条第（二）项: 私底下把…的事聊透 with the party; 请吃饭 ... 想当面跟你说说
  with the defendant's father there is a private meeting arranged.
- 放了心 is relief, not 放了 (let go); 把人先放了 still pleads.
- R3 第五条第（三）项: a gift 掏出来推给我, a treat left after 说了两句就走, a “拿回去” said at
  once: refused.
- R2 第七条: a rotation whose 党组会有纪要 and whose officer 政治部…谈了话, or one for which he
  自己报名 and 政治部走完了程序: a legal ground and procedure stated. 我去打听了一圈 is the teller
  asking around, no 打探案情.
- R1 第八条: a bureau chief 作为被告负责人出庭应诉 (or 坐在被告席上) takes the party's part in
  court: lawful, whatever people fear.
- R3 第五条第（四）项: a van lent to 查封我仓库的执行员, or to a judge when 书店是被害单位: the
  teller's side is the party.
- R3 第八条: a former judge 回到他原来的县法院 to act for the other side.
- R3 第五条第（一）项: “明天上午我们过去，你们心里有个数” on the eve of a seal is told to the party
  (told to get ready); R3 第五条第（五）项: an appraiser told 买家我都安排好了 by the officer.
- R2 第九条第（四）项: a retired 庭长 who tells me 合议庭倾向判你退一半货款 tells the party (判你退
  names the one the outcome binds); news of another firm's case does not.
- R1 第八条第（四）项: minutes asking the court to 依法维持原处罚，不作撤销判决 rule out a judgment;
  minutes that leave 怎么判 to the court do not.
- R3 第五条第（二）项: a referral to 法律援助中心 that 没提任何一个律师的名字, called “给他介绍了
  律师” afterwards, recommends no lawyer; 我给你介绍个律师，姓秦 does.
- R3 第五条第（五）项: 公安和法院串通好了整他, shouted by a party's family after a lawful
  inquiry, is a charge, not collusion found; 与评估公司串通…压低三成 in a 通报 is.
- R1 第六条: a 县领导's call the judge 如实登记过 is the past of a transfer made 按干部交流轮岗
  规定，经党组会研究、公示 (店里有人传他是被穿小鞋): lawful, the call no longer left open; a
  transfer with no meeting and no paper is not.
- R1 第三条: a policy seminar on no case that 有人说…就是要给法院定调子 is what others call it, not
  what was done; a secretary who 给那起拆迁案定调子：必须判政府赢 sets the outcome (R1 第八条).
- R2 第四条: an errand the boss 说要托人去问问…被律师劝住了 was never run; one run (托人去问了…
  怎么判) was.
- R3 第十条: a complaint the department answers 经核查…不违反规定 is cleared; one it finds 属实 is
  not.
- R1 第三条: 按工作程序 … 没提别的要求 leaves nothing open. R3 第七条: 要是当时报告一声 is a
  report wished for, never made.

Every sentence is written for the test, not taken from any situation set."""

from __future__ import annotations

import pytest

from liuhen.assessment import Assessor
from tests.liuhen.assessment.reading import rules_with_status


@pytest.mark.parametrize("text", [
    "县政协副主席给民二庭法官打电话：“那笔货款的官司，判快点、判足额，我这个老同学等着用钱。”",
    "副院长把承办法官叫到办公室，说被告是县里的重点企业，这案子判少点、判慢点。",
    "县财政局局长给执行局长打电话：“老方那个工程款的案子，尽快把钱给他执行回来，拜托了。”",
    "镇党委书记给执行员打电话，说那个厂的账户先别动，缓到明年再说。",
    "副县长给承办法官打电话，说原告是他表妹，“判的时候多替她想想，让那个饭店多出点”。",
    "县委常委给检察官打电话，说被害人是他的老乡，“这个打人的，您可得往重里诉”。",
])
def test_a_cadre_asks_the_handler_for_an_outcome(assessor: Assessor, text: str) -> None:
    result = assessor.assess(text)
    assert "plead" in (result.facts.conduct or []), (text, result.reasons)
    assert result.verdict == "violation", (text, result.reasons)


def test_a_quick_judgment_told_is_no_request(assessor: Assessor) -> None:
    told = assessor.assess("县政协副主席跟我聊起来，说那个货款案子法院判得快，一个月就结了。")
    assert "plead" not in (told.facts.conduct or [])
    assert told.verdict != "violation"


def test_a_retired_judge_asks_for_the_auction(assessor: Assessor) -> None:
    asks = assessor.assess("退休的老法官拿着申请人送的两条烟，找到执行员：“那个案子，仓库里的货"
                           "早点拍了吧。”")
    assert "plead" in (asks.facts.conduct or [])
    assert "R2-9-1" in rules_with_status(asks, "violation"), asks.reasons


def test_a_draft_judgment_sent_to_a_cadre_first(assessor: Assessor) -> None:
    draft = assessor.assess("县委副书记来电，要求那起货款案的判决书草稿先送他审阅，他看过再发。")
    assert "R1-8-5" in rules_with_status(draft, "violation"), draft.reasons
    after = assessor.assess("我那个朋友的合同官司在县法院判完了，判决书还是判完以后他才拿给我看"
                            "的。")
    assert after.verdict != "violation"


def test_a_private_talk_with_the_party_arranged(assessor: Assessor) -> None:
    meet = assessor.assess("县林业局局长打电话让审我们行政案的审判长周六来局里的茶室，跟我“私底下"
                           "把罚款的事聊透”。审判长没去。")
    assert "private_meeting" in (meet.facts.conduct or [])
    assert "R1-8-2" in rules_with_status(meet, "violation"), meet.reasons
    dinner = assessor.assess("检察院的小钱给刑庭承办法官发微信：“周五晚上老韩请吃饭，就是被告人"
                             "他爸，想当面跟你说说孩子的事，我也去。”法官回了“不去”，截图存进了"
                             "过问记录。")
    assert "private_meeting" in (dinner.facts.conduct or [])


def test_relief_is_no_release_asked(assessor: Assessor) -> None:
    relieved = assessor.assess("书记员小金去年如实记了庭长的一次过问，今年被调去立案庭。她给我看了"
                               "院党组的会议纪要：书记员三年一轮岗，名单去年就定了，我这才放了"
                               "心。")
    assert "plead" not in (relieved.facts.conduct or [])
    assert relieved.verdict != "violation", relieved.reasons
    release = assessor.assess("派出所所长给办案民警打电话：“那个打架的小伙子是我外甥，人先放了"
                              "算了。”")
    assert "plead" in (release.facts.conduct or [])


@pytest.mark.parametrize("text", [
    "我是被执行人，往执行员口袋里塞了一条烟，他当场掏出来推给我，转身就走。",
    "被执行人在饭馆碰见执行员，非拉他入座请客，执行员说了两句就走了，第二天报告了院纪检组。",
    "被执行人把一盒茶叶塞进执行员包里，执行员拿出来放到桌上：“拿回去，该怎么办就怎么办。”",
])
def test_a_gift_or_a_treat_turned_down(assessor: Assessor, text: str) -> None:
    result = assessor.assess(text)
    assert "accept_benefit" in (result.facts.declined or []), (text, result.reasons)
    assert result.verdict == "lawful", (text, result.reasons)


def test_a_gift_kept_is_still_taken(assessor: Assessor) -> None:
    kept = assessor.assess("被执行人往执行员口袋里塞了一条烟，执行员拍了拍口袋说“下不为例”。")
    assert kept.verdict != "lawful"


def test_a_rotation_with_its_steps_told(assessor: Assessor) -> None:
    for text in ("有人说执行员老鲁是因为记了副院长的过问才被调去立案庭的。院党组前年就定了执行员"
                 "满五年必须轮岗的制度，党组会有纪要，调动前政治部专门找他谈了话。",
                 "书记员小郁记了上级法院那通过问电话，今年被调去审管办。她自己报名参加了法官助理"
                 "遴选，考上了，院里按遴选办法发了文，政治部走完了程序。"):
        result = assessor.assess(text)
        assert result.facts.lawful_ground is True, text
        assert "R2-7" not in rules_with_status(result, "violation"), (text, result.reasons)
    bare = assessor.assess("书记员小郁记了上级法院那通过问电话，两周后就被调去了后勤，没开党组"
                           "会，也没有任何文件。")
    assert "R2-7" in rules_with_status(bare, "violation"), bare.reasons


def test_the_teller_asking_around_is_no_probe(assessor: Assessor) -> None:
    asked = assessor.assess("有人说执行员是因为记录了过问被调走的，我去打听了一圈，院里是按轮岗"
                            "方案调的。")
    assert "probe" not in (asked.facts.conduct or [])
    probe = assessor.assess("检察院的同事跑去法院打听承办法官打算怎么判。")
    assert "probe" in (probe.facts.conduct or [])


@pytest.mark.parametrize("text", [
    "我们告县林业局的行政案开庭，局长作为被告负责人出庭应诉，在庭上一条条替处罚辩护，庭后还跟"
    "审判长握了手。",
    "开庭那天，市场监管局的局长亲自坐在被告席上。局长到法院来，算不算给法院压力？",
])
def test_the_head_of_a_party_organ_in_court(assessor: Assessor, text: str) -> None:
    result = assessor.assess(text)
    assert result.facts.audience is True, text
    assert result.verdict == "lawful", (text, result.reasons)


def test_a_cadre_at_court_who_pleads_outside_the_trial(assessor: Assessor) -> None:
    pleads = assessor.assess("开庭前，县林业局局长在法院走廊拉住审判长说：“罚款的事，判的时候多替"
                             "我们想想。”")
    assert pleads.verdict != "lawful"


def test_the_teller_named_as_the_party(assessor: Assessor) -> None:
    for text in ("车辆登记：厂里的货车借给查封我仓库的执行员曲某搬家，往返一趟，油费未收。",
                 "来访登记：刑庭法官来店里借了送货的三轮车周末用，周一还回，未收钱。（小赵侵占"
                 "案，书店是被害单位，案子还没判。）"):
        result = assessor.assess(text)
        assert result.facts.counterpart == "当事人", (text, result.reasons)
        assert "R3-5-4" in rules_with_status(result, "violation"), (text, result.reasons)
    stranger = assessor.assess("车辆登记：厂里的货车借给执行员曲某搬家，往返一趟，油费未收。")
    assert stranger.verdict != "violation"


def test_a_former_judge_back_in_his_court(assessor: Assessor) -> None:
    back = assessor.assess("原民一庭法官辞职当了律师，现在代理那家装修公司，回到他原来的县法院"
                           "跟我们打官司。他跟公司老板非亲非故。")
    assert back.facts.former_unit_case is True
    assert "R3-8" in rules_with_status(back, "violation"), back.reasons
    elsewhere = assessor.assess("原民一庭法官辞职当了律师，现在代理那家装修公司，在邻县法院跟我们"
                                "打官司，他从没在邻县法院干过。")
    assert elsewhere.verdict != "violation"


def test_nothing_else_asked_is_said_not_left_open(assessor: Assessor) -> None:
    result = assessor.assess("县委政法委维稳科按工作程序打电话给执行局，只问那个冻结案有没有"
                             "上访苗头，没提别的要求。")
    assert result.verdict == "lawful", result.reasons
    assert "R1-3" in rules_with_status(result, "lawful")


def test_a_report_only_wished_for(assessor: Assessor) -> None:
    wished = assessor.assess("法官周末在书店碰上原告的律师，两人坐下聊了半个钟头。十天过去了，他"
                             "一直没跟院纪检组说这回事。律师说，要是当时报告一声，本来什么事都"
                             "没有。")
    assert wished.facts.reported is not True
    assert "R3-7" in rules_with_status(wished, "violation"), wished.reasons
    made = assessor.assess("法官周末在书店碰上原告的律师，两人坐下聊了半个钟头，第二天他就向院"
                           "纪检组报告了。")
    assert made.facts.reported is True


def test_minutes_that_rule_out_a_judgment(assessor: Assessor) -> None:
    ruled = assessor.assess("县政府专题会议纪要（抄送县法院）：为了全县的整治大局，请县法院行政庭"
                            "对一家木器厂诉县林业局的案子依法维持原处罚，不作撤销判决。主持人："
                            "常务副县长。")
    assert ruled.verdict == "violation", ruled.reasons
    left = assessor.assess("县政府专题会议纪要（抄送县法院）：请县法院行政庭依法审理一家木器厂诉县"
                           "林业局的案子，怎么判由法院决定。")
    assert left.verdict != "violation"


def test_collusion_shouted_is_no_collusion_found(assessor: Assessor) -> None:
    shouted = assessor.assess("派出所按协助查询函到法院执行局查了老范名下的存款，执行局登记后给了"
                              "结果。老范的家属跑到店里骂，说公安和法院串通好了整他。")
    assert "collusion" not in (shouted.facts.conduct or []), shouted.reasons
    assert shouted.verdict == "lawful", shouted.reasons
    found = assessor.assess("院纪检组通报：执行员邓某与评估公司串通，把被执行人的厂房估价压低"
                            "三成。")
    assert "collusion" in (found.facts.conduct or [])
    assert "R3-5-5" in rules_with_status(found, "violation"), found.reasons


def test_a_recorded_inquiry_behind_a_lawful_transfer(assessor: Assessor) -> None:
    lawful = assessor.assess("孟法官前年如实登记过一位县领导过问案子的电话。今年院里按干部交流轮岗"
                             "规定，经党组会研究、公示，下文把孟法官调到立案庭，店里有人传他是被穿"
                             "小鞋。")
    assert lawful.facts.lawful_ground is True
    assert "R1-6" in rules_with_status(lawful, "lawful"), lawful.reasons
    assert lawful.verdict == "lawful", lawful.reasons
    bare = assessor.assess("孟法官前年如实登记过一位县领导过问案子的电话。今年院里没开党组会，也"
                           "没有任何文件，就把他调到了立案庭。")
    assert bare.verdict != "lawful", bare.reasons


def test_a_legal_aid_referral_called_a_recommendation(assessor: Assessor) -> None:
    referral = assessor.assess("老蔡说请不起律师，立案庭的法官告诉他可以去县法律援助中心申请，没提"
                               "任何一个律师的名字。老蔡回去跟人说法官“给他介绍了律师”。")
    assert "recommend_lawyer" in (referral.facts.declined or []), referral.reasons
    assert referral.verdict == "lawful", referral.reasons
    named = assessor.assess("老蔡说请不起律师，立案庭的法官跟他说：“别去法律援助中心了，我给你"
                            "介绍个律师，姓秦，你就说是我让你去的。”")
    assert named.verdict != "lawful", named.reasons


def test_a_panel_leaning_told_to_the_one_it_binds(assessor: Assessor) -> None:
    told = assessor.assess("县法院退休的老庭长在茶馆跟我说：“我回院里帮你问了，合议庭倾向判你退"
                           "一半货款。”")
    assert told.facts.counterpart == "当事人", told.reasons
    assert "R2-9-4" in rules_with_status(told, "violation"), told.reasons
    news = assessor.assess("县法院退休的老庭长在茶馆跟我说，听说合议庭倾向判那家公司退一半货款。")
    assert news.verdict != "violation"


def test_a_township_justice_office_is_a_judicial_organ(assessor: Assessor) -> None:
    pleads = assessor.assess("镇司法所的干事受原告之托，给承办法官打电话说情：“这家人不容易，赔偿"
                             "判高点。”")
    assert pleads.facts.actor_role == "司法机关内部人员", pleads.reasons
    assert "R2-9-1" in rules_with_status(pleads, "violation"), pleads.reasons


def test_a_meeting_others_call_setting_the_tone(assessor: Assessor) -> None:
    called = assessor.assess("县委政法委召开研讨会，讨论涉企案件怎样依法文明执行，没有谈任何一个具"
                             "体案子，会议通知是正式下发的。有人说政法委开会就是要给法院定调子。")
    assert called.verdict == "lawful", called.reasons
    assert "R1-3" in rules_with_status(called, "lawful")
    set_tone = assessor.assess("县委政法委书记在协调会上给那起拆迁案定调子：必须判政府赢。")
    assert set_tone.verdict == "violation", set_tone.reasons


def test_an_errand_talked_out_of_is_not_done(assessor: Assessor) -> None:
    stopped = assessor.assess("中院就法律适用给区法院发了书面答复，附在卷里。老板不放心，说要托人"
                              "去问问中院的庭长到底什么意思，被律师劝住了。")
    assert "probe" not in (stopped.facts.conduct or []), stopped.reasons
    assert stopped.verdict == "lawful", stopped.reasons
    done = assessor.assess("中院就法律适用给区法院发了书面答复，附在卷里。老板不放心，托人去问了"
                           "承办法官合议庭倾向怎么判。")
    assert done.verdict != "lawful", done.reasons


def test_a_complaint_the_department_found_no_breach(assessor: Assessor) -> None:
    cleared = assessor.assess("我实名向法院纪检组反映，审我们案子的法官和对方律师一起吃饭。纪检组"
                              "受理后第三周回了电话，说经核查那是法院职工食堂的工作餐，不违反规定。")
    assert cleared.facts.complaint_cleared is True
    assert "R3-10" in rules_with_status(cleared, "lawful"), cleared.reasons
    found = assessor.assess("我实名向法院纪检组反映，审我们案子的法官和对方律师一起吃饭。纪检组受理"
                            "后第三周回了电话，说情况属实，法官已经被停职。")
    assert found.facts.complaint_cleared is not True
    assert found.verdict != "lawful"


def test_told_to_get_ready_is_told_to_the_party(assessor: Assessor) -> None:
    told = assessor.assess("执行法官在查封前一天晚上给那家公司的财务打电话：“明天上午我们过去，你们"
                           "心里有个数。”第二天到场，账户上的钱已经转走了。")
    assert told.facts.counterpart == "当事人", told.reasons
    assert "R3-5-1" in rules_with_status(told, "violation"), told.reasons
    bare = assessor.assess("执行法官在查封前一天晚上给那家公司的财务打电话：“明天上午我们过去。”")
    assert bare.verdict != "violation"


def test_buyers_arranged_for_an_auction(assessor: Assessor) -> None:
    arranged = assessor.assess("评估师私下给我看执行员发给他的微信：“按六十万出，别高了，买家我都"
                               "安排好了。”")
    assert "collusion" in (arranged.facts.conduct or []), arranged.reasons
    assert "R3-5-5" in rules_with_status(arranged, "violation"), arranged.reasons
    moving = assessor.assess("执行员说搬家的车我都安排好了，周六上午就去拉仓库里的货。")
    assert "collusion" not in (moving.facts.conduct or [])
