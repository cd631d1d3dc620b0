"""Readings of the seed the engine got wrong (session 29), each with its control.

- R3 第五条第（一）项 "泄露司法机关办案工作秘密": what the next sentence says was published
  already (这些都已经在网上公告了) is no secret; a window at the court (诉讼服务窗口) is a
  workplace (R3 第六条); 合议已经合过了 / 打个预防针 before the judgment tell the panel's result.
- R3 第五条第（三）项 "接受…请客送礼": a written opinion taken in (收下书面意见) is papers; the
  officer's own wedding gift (礼金照给) is no benefit; a parcel sent back (快递了…原样退回) and an
  invitation in the inviter's quoted words refused (“…小聚，你也来” / 不去了) are declined.
- R3 第五条第（四）项 "借款": 借你三十万 offered and refused is declined, taken is a violation.
- R3 第五条第（二）项: 建议你委托某律所某律师, 就说我介绍的 recommend a lawyer.
- R3 第七条: advice not to meet someone (提醒…别单独约见) is no meeting; a lawyer who came up
  (凑过来) makes the contact unplanned; a judge meeting the party of a case he tries himself
  (他正在审理的案件) is read under R3, not as an insider asking about another's case (R2).
- R1 第三条 / 第五条第二款: a letter forwarding a petition that asks only for lawful handling
  (请依法处理并函告结果) is no interference, whatever the client believes (以为…能让法院改判); a
  closing denial governs a list (对定罪量刑、证据没有任何意见); a question about a rumour (问这是
  不是“领导打招呼”) is no plea.
- R2 第四条: guidance recorded into the minutes and shown to its giver for his signature (记进
  《案件讨论记录》，请他看过签了字) is the record; a delay that follows from a review (所以宣判推迟)
  was not asked for.
- R2 第九条第（一）项 "请托说情": 帮着想想办法, 多考虑…的困难, 往调解上靠, 别往贩毒上靠, 别让…
  为难人家, 能确认就先确认, 就确认了吧, 按共益债务优先清偿, 别老挑毛病, 立案的时候快一点 are
  pleas; 判得让上面满意，评优才有你 and 片子别送 are other interference (第（五）项); papers handed
  past the procedure (直接拿给承办法官) are passed (第（三）项); “到茶楼来一趟，老板和律师都在”
  is a private meeting (R1 第八条第（二）项).
- R2 第九条第（四）项: a superior who says a family asked him to ask (家里托我问问) probes,
  though refused.
- What the account cannot settle: 职级和身份我们并不清楚 (是否为领导干部), 是不是嫌疑人亲属 and
  和当事人有没有关系 (the counterpart), 是正常的工作协调还是私下见面…说不好 (the procedure, which
  a 私下会见 and its record turn on), 函的具体内容我没看到 (what was asked), 调动文件没写理由
  (the cause of a transfer); an anonymous note pushed under a door is a report; 有人传, 听某局
  的人说 and 几个当事人在等候区议论 are hearsay, unless someone confirmed it (没人证实过 is no
  confirmation); 庭前法官 is no former judge.

Every sentence is written for the test, not taken from any situation set."""

from __future__ import annotations

import pytest

from liuhen.assessment import Assessor
from liuhen.assessment import missing_facts as unknown


def _conduct(assessor: Assessor, situation: str) -> list[str]:
    return assessor.assess(situation).facts.conduct or []


def test_what_was_published_already_is_no_secret(assessor: Assessor) -> None:
    result = assessor.assess("申请人的律师在法院诉讼服务窗口问法官拍卖的时间，法官告诉了他日子，"
                             "让他去网上看拍卖公告。这些都已经在网上公告了。")
    assert "leak" not in (result.facts.conduct or [])
    assert result.facts.at_workplace is True
    assert result.verdict == "lawful"


def test_an_unpublished_figure_told_is_still_a_leak(assessor: Assessor) -> None:
    result = assessor.assess("法官在拍卖公告发出前，把评估的底价告诉了被执行人的朋友。")
    assert "leak" in (result.facts.conduct or [])
    assert result.verdict == "violation"


def test_a_written_opinion_taken_in_is_no_benefit(assessor: Assessor) -> None:
    result = assessor.assess("辩护律师到检察院律师接待室递交意见，嫌疑人的父亲陪着来，检察官"
                             "听完收下书面意见，别的什么都没收。")
    assert "accept_benefit" not in (result.facts.conduct or [])
    assert result.verdict == "lawful"


def test_the_officers_own_wedding_gift_is_no_benefit(assessor: Assessor) -> None:
    result = assessor.assess("民警周日去喝堂弟的喜酒，到了才发现同桌有他在办盗窃案的嫌疑人舅舅。"
                             "对方想聊案子，他起身换了桌，礼金照给，周二上班向纪委写了书面报告。")
    assert "accept_benefit" not in (result.facts.conduct or [])
    assert result.verdict == "lawful"


def test_a_forwarded_petition_asking_lawful_handling_is_lawful(assessor: Assessor) -> None:
    result = assessor.assess("客户把上访信交到区人大常委会，人大信访室转给区法院，转办单上只写"
                             "“请依法处理并函告结果”。客户以为人大能让法院改判，我告诉他只是转办。")
    assert "plead" not in (result.facts.conduct or [])
    assert result.verdict == "lawful"


def test_a_forwarded_petition_asking_a_judgment_is_not(assessor: Assessor) -> None:
    result = assessor.assess("区人大信访办给区法院发函，要求法院改判此案，支持上访人的诉求。")
    assert result.verdict == "violation"


def test_a_closing_denial_covers_the_whole_list(assessor: Assessor) -> None:
    result = assessor.assess("市委政法委发函了解案件审理进度，只要求通报进度，"
                             "对定罪量刑、证据没有任何意见。")
    assert "decide_case" not in (result.facts.conduct or [])
    assert result.verdict != "violation"


def test_a_question_about_a_rumour_is_no_plea(assessor: Assessor) -> None:
    result = assessor.assess("县委政法委给县法院发督办函，要求对欠薪执行案“依法加快办理，按月报送"
                             "进度”。工人们在群里问这是不是“领导打招呼”，"
                             "我解释督办函只要求依法加快。")
    assert "plead" not in (result.facts.conduct or [])
    assert result.verdict == "lawful"


def test_a_client_suspecting_a_plea_is_no_plea(assessor: Assessor) -> None:
    result = assessor.assess("承办法官告诉我们，副院长在审批系统里书面审核了本案，要求合议庭补充"
                             "评议诉讼时效问题，所以宣判推迟。客户怀疑副院长“打招呼”，"
                             "我解释这是正常监督。")
    assert "plead" not in (result.facts.conduct or [])
    assert "other" not in (result.facts.conduct or [])
    assert result.verdict == "lawful"


def test_a_demand_to_delay_is_still_interference(assessor: Assessor) -> None:
    result = assessor.assess("同院的副庭长找到承办法官，要求把宣判推迟到年后，说当事人是他朋友。")
    assert result.verdict == "violation"


def test_guidance_recorded_into_the_minutes_is_lawful(assessor: Assessor) -> None:
    result = assessor.assess("案件讨论会上，分管刑侦的副局长口头提出先做痕迹比对再决定是否并案。"
                             "我当场记进《案件讨论记录》，会后请他看过签了字。")
    assert "other" not in (result.facts.conduct or [])
    assert result.verdict == "lawful"


def test_the_minutes_shown_to_an_outsider_are_interference(assessor: Assessor) -> None:
    assert "other" in _conduct(assessor, "承办法官把合议笔录拿给当事人的朋友看。")


def test_advice_not_to_meet_is_no_meeting(assessor: Assessor) -> None:
    result = assessor.assess("法官周日参加同学聚会，没想到重整案投资人的经理也在，对方提起案子，"
                             "法官岔开了话题。周二他向院纪检组书面报告了这次偶遇，"
                             "还提醒管理人这几天"
                             "别单独约见投资人。")
    assert "private_meeting" not in (result.facts.conduct or [])
    assert result.verdict == "lawful"


@pytest.mark.parametrize("plea", [
    "“他是我亲家，那个案子你帮着想想办法。”",
    "“多考虑一下被告厂子的困难，尽量往调解上靠。”",
    "“我表侄吸是吸了，你们别往贩毒上靠。”",
    "“那笔债权能确认就先确认，别让管理人为难人家。”",
])
def test_plain_words_of_a_plea(assessor: Assessor, plea: str) -> None:
    result = assessor.assess(f"邻市公安局的一名民警打电话给承办人：{plea}承办人已如实记录。")
    assert "plead" in (result.facts.conduct or [])
    assert result.verdict == "violation"


def test_what_an_officer_thinks_over_is_no_plea(assessor: Assessor) -> None:
    assert "plead" not in _conduct(assessor, "承办人说这个问题他再想想办法查清楚。")


@pytest.mark.parametrize("pressure", [
    "区法院政治部的一位副主任几次对承办法官说“这个案子你判得让上面满意，今年评优才有你”，"
    "承办法官都记录了。",
    "刑警中队一名不管这个案子的民警找到负责送检的侦查员，让他“X光片子别送，只送门诊病历”，"
    "侦查员当天报告并记录。",
])
def test_other_interference_in_plain_words(assessor: Assessor, pressure: str) -> None:
    result = assessor.assess(pressure)
    assert "other" in (result.facts.conduct or [])
    assert result.verdict == "violation"


def test_a_superior_asking_for_a_family_probes_though_refused(assessor: Assessor) -> None:
    result = assessor.assess("本局分管治安的副局长到我办公室，说“嫌疑人家里托我问问，你透个底”。"
                             "我以案件在侦为由拒绝，当天记入过问案件登记表。")
    assert "probe" in (result.facts.conduct or [])
    assert result.verdict != "lawful"


def test_a_request_the_officer_refused_to_pass_on_is_declined(assessor: Assessor) -> None:
    result = assessor.assess("嫌疑人的舅舅托民警帮忙打听案子办到哪一步了，民警当场拒绝，只告诉他"
                             "按程序找律师查询。")
    assert "probe" not in (result.facts.conduct or [])


@pytest.mark.parametrize("situation", [
    "客户发来截图，是承办法官私下发给他的：“建议你委托某律所的王律师，他专做这类案子。”",
    "立案庭法官在便签上写了一位律师的名字和电话递给来立案的老人，说“找他，就说我介绍的”。",
])
def test_a_lawyer_recommended_in_plain_words(assessor: Assessor, situation: str) -> None:
    result = assessor.assess(situation)
    assert "recommend_lawyer" in (result.facts.conduct or [])
    assert result.verdict == "violation"


def test_a_panel_result_told_before_the_judgment_is_a_leak(assessor: Assessor) -> None:
    result = assessor.assess("法官在接待室对被告代理律师说：“合议已经合过了，维持，你先给当事人"
                             "打个预防针。”判决当时还没有宣判。")
    assert "leak" in (result.facts.conduct or [])
    assert result.verdict == "violation"


def test_a_hearing_date_told_at_reception_is_no_leak(assessor: Assessor) -> None:
    result = assessor.assess("法官在接待室告诉被告代理律师开庭的时间和地点。")
    assert "leak" not in (result.facts.conduct or [])


def test_an_unknown_rank_leaves_the_cadre_open(assessor: Assessor) -> None:
    result = assessor.assess("客户公司的副总经理在会上说：“我已经给主审法官打过电话，让他多考虑"
                             "我们公司的难处。”他在公司的职级和身份我们并不清楚。")
    assert result.verdict == "undetermined"
    assert unknown.IS_LEADER in result.missing_facts


def test_whether_the_lender_is_a_relative_stays_open(assessor: Assessor) -> None:
    result = assessor.assess("侦查员向一个姓钱的熟人借了三万元。钱某和在办案件的嫌疑人家来往很多，"
                             "但钱某是不是嫌疑人亲属，没人说得清。")
    assert result.verdict == "undetermined"
    assert unknown.COUNTERPART in result.missing_facts


def test_a_meeting_that_may_have_been_work_stays_open(assessor: Assessor) -> None:
    result = assessor.assess("县委副书记叫审判长到他办公室，同时叫来了重整投资人，"
                             "三人谈了一个小时。"
                             "是正常的工作协调还是私下见面，审判长自己也说不好。")
    assert result.verdict == "undetermined"
    assert unknown.PROCEDURE in result.missing_facts


def test_a_private_meeting_told_plainly_is_a_violation(assessor: Assessor) -> None:
    result = assessor.assess("县委副书记叫审判长晚上到茶楼，私下跟重整投资人见面谈了一个小时。")
    assert result.verdict == "violation"


@pytest.mark.parametrize("situation", [
    "值班室门缝里塞进一张匿名纸条：某法官每个周末和一位律所主任在郊外山庄打牌。已登记，"
    "原件交纪检组。",
    "县里有人传，说某局局长给大队长打过电话，替一个肇事司机求情。",
    "开会间隙听某局的人说，县长给法院院长打过电话，让法院年底前结案。",
])
def test_notes_and_rumours_prove_nothing(assessor: Assessor, situation: str) -> None:
    assert assessor.assess(situation).verdict == "undetermined"


@pytest.mark.parametrize("words", [
    "“那笔债权你们就确认了吧。”",
    "“那笔借款按共益债务优先清偿。”",
    "“重整方案你别老挑毛病。”",
    "“立案的时候快一点，拜托了。”",
])
def test_more_plain_words_of_a_plea(assessor: Assessor, words: str) -> None:
    assert "plead" in _conduct(assessor, f"某区区长打电话给审判长说：{words}")


def test_papers_handed_past_the_procedure_are_passed(assessor: Assessor) -> None:
    assert "pass_materials" in _conduct(
        assessor, "立案庭的工作人员说，被告那份情况说明他已经直接拿给承办法官了，省得走流程。")


def test_come_over_where_the_party_waits_is_a_meeting(assessor: Assessor) -> None:
    assert "private_meeting" in _conduct(
        assessor, "市政协副秘书长给审判长打电话：“你今晚到茶楼来一趟，企业老板和他的律师都在。”")


def test_a_loan_offered_and_refused_is_lawful(assessor: Assessor) -> None:
    result = assessor.assess("重整投资人的副总听说法官助理买房差钱，主动提出“借你三十万，"
                             "不急着还”。"
                             "助理当场拒绝，当天向院纪检组报告。")
    assert "borrow" in (result.facts.declined or [])
    assert result.verdict == "lawful"


def test_a_loan_taken_is_a_violation(assessor: Assessor) -> None:
    result = assessor.assess("法官助理买房差钱，向本案申请执行人的老板借了三十万。")
    assert "borrow" in (result.facts.conduct or [])
    assert result.verdict == "violation"


def test_a_parcel_sent_back_is_lawful(assessor: Assessor) -> None:
    result = assessor.assess("端午前一家律所给执行局快递了三盒粽子礼盒，第二天被法官原样退回，"
                             "并在廉政登记本上登记。")
    assert result.verdict == "lawful"


def test_a_parcel_kept_is_a_violation(assessor: Assessor) -> None:
    result = assessor.assess("端午前本案代理律所给承办法官快递了三盒粽子礼盒，法官收下了，"
                             "一直没上交。")
    assert result.verdict == "violation"


def test_an_invitation_in_quotes_refused_is_lawful(assessor: Assessor) -> None:
    result = assessor.assess("辩护律师给侦查员发微信：“周六几个老乡小聚，你也来。”侦查员回："
                             "“案子在办，不去了，有事来队里谈。”")
    assert result.verdict == "lawful"


def test_a_lawyer_who_came_up_reported_next_day_is_lawful(assessor: Assessor) -> None:
    result = assessor.assess("周六在游泳馆，一起盗窃案的辩护律师凑过来问鉴定意见什么时候出。侦查员"
                             "说上班时间到大队谈，没多说，第二天就向局纪委交了书面报告。")
    assert result.facts.planned is False
    assert result.verdict == "lawful"


def test_the_judge_before_the_hearing_is_no_former_judge(assessor: Assessor) -> None:
    result = assessor.assess("原告没有请律师。庭前法官给他一份诉讼风险告知书，告诉他可以向法律"
                             "援助中心申请援助。")
    assert result.facts.former_officer is not True


def test_a_former_judge_acting_as_counsel_is_one(assessor: Assessor) -> None:
    result = assessor.assess("原本院民一庭的前法官辞职当了律师，来本院代理一起民一庭审理的案件。")
    assert result.facts.former_officer is True


def test_talk_in_the_waiting_room_is_hearsay(assessor: Assessor) -> None:
    result = assessor.assess("几个当事人在等候区议论，说被告那边有人，某副市长已经给法院院长"
                             "打过招呼了。我们没法核实，写了情况报告交纪检组。")
    assert result.facts.hearsay is True
    assert result.verdict == "undetermined"


def test_demands_whose_content_is_unknown_stay_open(assessor: Assessor) -> None:
    result = assessor.assess("县委组织部给县法院发了一封函，说某企业的案件“请予关注”。"
                             "函的具体内容我没看到。")
    assert result.verdict == "undetermined"
    assert unknown.DECISION in result.missing_facts


def test_whether_the_teller_is_tied_to_the_party_stays_open(assessor: Assessor) -> None:
    result = assessor.assess("一位法官的丈夫在安检口跟值班员聊天，说他妻子那个受贿案合议定了，"
                             "要判八年，是她昨晚在家说的。这位家属和案件当事人有没有关系，"
                             "我们不清楚。")
    assert unknown.COUNTERPART in (result.facts.open_facts or [])


def test_a_judge_meeting_the_party_of_his_own_case_is_read_under_r3(assessor: Assessor) -> None:
    result = assessor.assess("民一庭法官周日去喝表哥的喜酒，发现邻座是他正在审理的租赁纠纷案原告"
                             "的儿子，对方问了两句开庭的事，法官没接话。")
    assert result.facts.regimes == ["R3"]
    assert result.verdict == "undetermined"
    assert unknown.REPORTED_IN_TIME in result.missing_facts


def test_an_insider_asking_about_anothers_case_stays_under_r2(assessor: Assessor) -> None:
    result = assessor.assess("同院执行局的一名法官打电话给民一庭承办法官，替原告的儿子问判决"
                             "什么时候下来。")
    assert "R2" in (result.facts.regimes or [])


def test_a_transfer_without_a_stated_reason_stays_open(assessor: Assessor) -> None:
    result = assessor.assess("法官在系统里录入了一条领导干部过问案件的记录，一个月后被调到"
                             "人民法庭。调动文件没写理由。")
    assert result.verdict == "undetermined"
    assert unknown.LAWFUL_CAUSE in result.missing_facts


def test_hearsay_nobody_confirmed_stays_hearsay(assessor: Assessor) -> None:
    result = assessor.assess("协调会茶歇时听某局的人说，副县长给法院院长打过电话，让法院"
                             "“年底前务必把案子结了”。法院那边没人跟我证实过。")
    assert result.facts.hearsay is True
    assert result.verdict == "undetermined"


def test_hearsay_confirmed_is_no_longer_hearsay(assessor: Assessor) -> None:
    result = assessor.assess("听某局的人说，副县长给法院院长打过电话，让法院年底前务必"
                             "把案子结了。经查属实，院长也承认了。")
    assert result.facts.hearsay is not True


def test_a_dinner_the_party_paid_for_the_officer_is_a_benefit(assessor: Assessor) -> None:
    result = assessor.assess("申请执行人发微信给他的律师：“我昨晚请执行法官吃饭了，花了两千多。”")
    assert "accept_benefit" in (result.facts.conduct or [])


def test_telling_a_father_the_accomplices_confessed_is_a_leak(assessor: Assessor) -> None:
    result = assessor.assess("侦查员在电话里对嫌疑人的父亲说：“你儿子的同伙昨天全撂了，"
                             "让律师早点想办法。”")
    assert "leak" in (result.facts.conduct or [])
    assert result.verdict == "violation"


def test_random_assignment_changed_by_hand_is_interference(assessor: Assessor) -> None:
    assert "other" in _conduct(assessor, "审管办的一名干部受被告亲属之托，在后台把一起案件由随机"
                                         "分案改为指定给一位与该亲属相熟的法官。")


def test_an_officer_pleading_for_his_comrades_child_is_an_insider(assessor: Assessor) -> None:
    result = assessor.assess("县检察院一位副检察长给刑侦大队打电话：“那个肇事的孙某是我战友的"
                             "孩子，认定的时候手下留点情。”大队已登记。")
    assert "plead" in (result.facts.conduct or [])
    assert "R2" in (result.facts.regimes or [])
    assert result.verdict == "violation"


def test_a_judge_who_meets_a_lawyer_across_the_road_is_read_under_r3(assessor: Assessor) -> None:
    result = assessor.assess("民二庭法官约被告的代理律师到法院对面的茶馆核对证据，谈了一个小时，"
                             "事先没有办理任何外出审批。")
    assert result.facts.regimes == ["R3"]
    assert result.verdict == "violation"


def test_a_judge_who_asks_a_colleague_to_meet_a_lawyer_stays_under_r2(assessor: Assessor) -> None:
    result = assessor.assess("民二庭法官约同院执行局的法官到茶馆，见被告的代理律师。")
    assert "R2" in (result.facts.regimes or [])


def test_a_visit_in_the_lawyers_reception_register_is_at_the_workplace(
        assessor: Assessor) -> None:
    result = assessor.assess("律师接待登记：9:30律师吴某约见刑庭承办法官，递交补充证据，"
                             "书记员在场，"
                             "10:05结束。")
    assert result.facts.at_workplace is True
    assert result.verdict == "lawful"
