"""Readings of the seed the engine got wrong (session 55, sets FW to FZ read once GA to GD had
been commissioned), each with its control.

- R3 第十条: a complaint the department 查明 was made while the officer 在市里参加培训 is cleared;
  one it 查明 true is not.
- R3 第八条: a former judge who represents the other side 还在同一个法院 acts in his former unit's
  case; 谈不上回原单位代理 denies the tie.
- R3 第七条: a chance seat at a wedding (入座后发现同桌是…), left, and 当晚就给院纪检组发了一份
  情况说明; 旁边坐的正是… at a parents' meeting, reported two days later; a report asked about
  (报告了没有) is no report made.
- R3 第五条第（四）项: money borrowed while 我们店的账户还在他手里冻着; 租下了被害人家的一套两居室;
  搬进了我们厂的职工宿舍，暂不收租; a 派车单 whose 用车人为承办我厂执行案的殷某: the one lent to
  or housed is the officer who has the case.
- R3 第五条第（一）项: 执行局的人偷偷告诉我，后天要来封我的仓库, told by the one the seal is for;
  a test result 截图发给了嫌疑人媳妇. R2 第九条第（五）项: a colleague who wants the 询问笔录 to
  先过目，有的地方改改措辞.
- R3 第五条第（三）项: a card stuffed in his pocket that he 掏出来放回 is refused; 预收款台账
  counted by an officer with approval is no money taken; a 烟酒店 run together is no gift of
  烟酒 (R3 第五条第（六）项 remains).
- R1 第八条第（一）项: a township secretary who asks for quick enforcement 别让王总白跑 pleads for a
  party; 政法委 asking that a case be closed 依法 does not (R1 第三条).
- R1 第八条第（五）项: 判决书稿先送市政府把把关 before it is pronounced; 报审委会 by procedure is
  the court's own (R2 第四条).
- R3 第四条: a judge who 自己申请了回避, granted, stepped aside; a party's application still
  undecided is not yet a recusal.
- R3 第六条: 批好的外出调查手续 is an approval given (not 还没批好). R2 第十一条: 用车人一栏空着
  on a car sheet leaves no intervention unrecorded; 过问登记表上…那一栏空着 does.
- R2 第九条第（四）项 / R1 第二条: 只问进度，从没问过怎么判 asks nothing of the outcome;
  法院怎么判就怎么执行，别指望我去打招呼 refuses to put in a word. R2 第六条: 法官登记没有，
  我们不知道 leaves the record open.

Every sentence is written for the test, not taken from any situation set."""

from __future__ import annotations

from liuhen.assessment import Assessor
from tests.liuhen.assessment.reading import rules_with_status


def test_a_complaint_cleared_by_where_the_officer_was(assessor: Assessor) -> None:
    cleared = assessor.assess("我给县法院纪检组实名写了举报材料，说执行员常某收了对方的烟酒。纪检组"
                              "受理后查明，举报的那几天常某在市里参加培训，不在本县。")
    assert cleared.facts.complaint_cleared is True
    assert cleared.verdict == "lawful", cleared.reasons
    assert "R3-10" in rules_with_status(cleared, "lawful")
    found = assessor.assess("我给县法院纪检组实名写了举报材料，说执行员常某收了对方的烟酒。纪检组"
                            "受理后查明，常某确实收了，他也承认。")
    assert found.facts.complaint_cleared is not True
    assert found.verdict != "lawful"


def test_a_former_judge_back_in_the_same_court(assessor: Assessor) -> None:
    same = assessor.assess("原来在县法院行政庭当法官的谭某，前年辞职做了律师，现在代理对方告我们，"
                           "案子还在同一个法院审。他跟对方非亲非故。")
    assert same.facts.former_unit_case is True
    assert "R3-8" in rules_with_status(same, "violation")
    denied = assessor.assess("前检察官窦某辞职后当了律师，代理一起民事案子，在县法院打，律师说这"
                             "谈不上回原单位代理。")
    assert denied.facts.former_unit_case is not True
    assert denied.verdict != "violation"


def test_a_chance_seat_left_and_reported(assessor: Assessor) -> None:
    for text in ("执行员祁某去喝同学的喜酒，入座后发现同桌是被执行人乔老板，他马上换了桌，当晚"
                 "就给院纪检组发了一份情况说明。",
                 "执行员去开家长会，旁边坐的正是被执行人公司的会计，她提了一句冻结的事，执行员"
                 "说这里不谈案子，两天后向院纪检组报告了。"):
        reported = assessor.assess(text)
        assert reported.facts.reported is True, text
        assert "R3-7" in rules_with_status(reported, "lawful"), (text, reported.reasons)
    silent = assessor.assess("执行员去开家长会，旁边坐的正是被执行人公司的会计，她提了一句冻结的"
                             "事，此后一直没有向纪检组报告。")
    assert "R3-7" in rules_with_status(silent, "violation"), silent.reasons


def test_a_report_asked_about_is_none_made(assessor: Assessor) -> None:
    asked = assessor.assess("律师问检察官在茶楼碰见那次报告了没有，检察官笑他：“喝个茶报什么报。”"
                            "后来他也承认没向院里纪检报告过。")
    assert asked.facts.reported is not True
    assert "R3-7" in rules_with_status(asked, "violation"), asked.reasons
    answered = assessor.assess("律师在茶楼碰见检察官，问他报告了没有，检察官说第二天就向院纪检组"
                               "报告了。")
    assert answered.facts.reported is True
    assert "R3-7" in rules_with_status(answered, "lawful")


def test_borrowing_and_lodging_from_the_one_whose_case_he_has(assessor: Assessor) -> None:
    for text in ("执行员邵某跟我借了三万块，说下个月还，那时候我们店的账户还在他手里冻着。",
                 "侦查员魏某立案后租下了被害人家的一套两居室，房租按月转账。",
                 "审我们厂案子的葛法官今年搬进了我们厂的职工宿舍，厂里说暂不收租。"):
        taken = assessor.assess(text)
        assert "borrow" in (taken.facts.conduct or []), text
        assert "R3-5-4" in rules_with_status(taken, "violation"), (text, taken.reasons)
    friend = assessor.assess("执行员邵某跟我借了三万块，说下个月还。")
    assert friend.verdict != "violation"
    colleague = assessor.assess("侦查员魏某租下了同事家的一套两居室，房租按月转账。")
    assert colleague.verdict != "violation"


def test_a_seal_told_to_the_one_it_is_for(assessor: Assessor) -> None:
    told = assessor.assess("房东说：“执行局的人前天偷偷告诉我，下周二要来封我门面，我连夜把货"
                           "搬走了。”")
    assert "leak" in (told.facts.conduct or [])
    assert "R3-5-1" in rules_with_status(told, "violation"), told.reasons
    assert told.facts.counterpart == "当事人"
    news = assessor.assess("执行局的人告诉我，下周二他们要去封一家饭店的门面。")
    assert news.verdict != "violation"


def test_a_card_pulled_out_and_put_back(assessor: Assessor) -> None:
    refused = assessor.assess("我往执行员兜里塞了一张购物卡，他当场掏出来放回桌上，回去就做了"
                              "登记。")
    assert "accept_benefit" in (refused.facts.declined or [])
    assert refused.verdict == "lawful", refused.reasons
    kept = assessor.assess("我往执行员兜里塞了一张购物卡，他笑了笑，没说什么。被执行人就是我。")
    assert "accept_benefit" in (kept.facts.conduct or [])
    assert kept.verdict != "lawful"


def test_words_that_only_look_like_a_benefit(assessor: Assessor) -> None:
    ledger = assessor.assess("我们店的预收款台账，执行员带着审批手续来清点过一次，清完让我签了字。")
    assert "accept_benefit" not in (ledger.facts.conduct or [])
    assert ledger.verdict != "violation"
    shop = assessor.assess("承办执行案的执行员和被执行人合伙开了家烟酒店，天天在店里喝茶打牌。")
    assert "accept_benefit" not in (shop.facts.conduct or [])
    assert "R3-5-6" in rules_with_status(shop, "violation"), shop.reasons
    gift = assessor.assess("承办法官收了当事人送的烟酒。")
    assert "R3-5-3" in rules_with_status(gift, "violation")


def test_a_cadre_who_asks_for_haste_for_a_named_party(assessor: Assessor) -> None:
    pleads = assessor.assess("镇党委书记给执行员打电话，说请你们对那家超市抓紧划款，别让王总白跑。")
    assert "plead" in (pleads.facts.conduct or [])
    assert "R1-8-1" in rules_with_status(pleads, "violation")
    urges = assessor.assess("政法委书记在会上要求执行局依法抓紧办结拖了十个月的案子，没说怎么"
                            "执行。")
    assert urges.verdict == "lawful", urges.reasons
    assert "R1-3" in rules_with_status(urges, "lawful")


def test_a_draft_judgment_sent_to_the_government_first(assessor: Assessor) -> None:
    sent = assessor.assess("副市长让法院把那起行政案的判决书稿先送市政府把把关，看过再宣判。")
    assert "R1-8-5" in rules_with_status(sent, "violation"), sent.reasons
    own = assessor.assess("庭长把判决书稿报审委会讨论，按程序审核。")
    assert own.verdict != "violation"


def test_a_judge_who_asked_to_step_aside(assessor: Assessor) -> None:
    stepped = assessor.assess("分到这个案子的审判员是原告的外甥女婿，他自己申请了回避，院长批准后"
                              "换了人。")
    assert stepped.facts.recused is True
    assert "R3-4" in rules_with_status(stepped, "lawful")
    pending = assessor.assess("原告申请了回避，说审判员是被告的亲戚，院长还没批。")
    assert pending.facts.recused is not True


def test_an_approval_already_granted(assessor: Assessor) -> None:
    granted = assessor.assess("法官带着批好的外出调查手续来店里，查看了当事人的进货单。")
    assert granted.facts.approved is True
    assert "R3-6" in rules_with_status(granted, "lawful")
    pending = assessor.assess("法官说外出调查的手续还没批好，先来店里看看进货单。")
    assert pending.facts.approved is not True
    assert "R3-6" not in rules_with_status(pending, "lawful")


def test_a_blank_field_on_a_form_that_records_no_intervention(assessor: Assessor) -> None:
    car = assessor.assess("派车单：车辆送法院的同志去市里，用车人一栏空着。")
    assert car.facts.recorded is not False
    assert "R2-11" not in rules_with_status(car, "violation")
    register = assessor.assess("庭长问过法官案子准备怎么判，法官的过问登记表上，处理情况那一栏"
                               "空着。")
    assert register.facts.recorded is False
    assert "R2-11" in rules_with_status(register, "violation")


def test_a_question_never_asked_and_a_word_never_put_in(assessor: Assessor) -> None:
    progress = assessor.assess("庭长每周例会都过一遍在办案件的进度，法官照样在系统里登记一笔。庭长"
                               "只问进度，从没问过怎么判。")
    assert "probe" not in (progress.facts.conduct or [])
    asked = assessor.assess("庭长问过承办法官，这个案子准备怎么判。")
    assert "probe" in (asked.facts.conduct or [])
    county = assessor.assess("县长来车间转了一圈，问工伤官司到哪步了，他说：“法院怎么判就怎么执行，"
                             "别指望我去打招呼。”")
    assert "plead" in (county.facts.declined or [])
    assert county.verdict == "lawful", county.reasons
    pleaded = assessor.assess("县长来车间转了一圈，说：“我去跟法官打个招呼，工伤官司让他判轻点。”")
    assert pleaded.verdict == "violation"


def test_whether_a_question_was_recorded_left_open(assessor: Assessor) -> None:
    unknown = assessor.assess("副庭长问过承办法官那个案子准备判几年。法官登记没有，我们不知道。")
    assert unknown.verdict == "undetermined", unknown.reasons
    recorded = assessor.assess("副庭长问过承办法官那个案子准备判几年，法官当天登记了。")
    assert recorded.verdict == "lawful"
    assert "R2-6" in rules_with_status(recorded, "lawful")


def test_a_car_sheet_that_sends_the_firm_car_for_the_officer(assessor: Assessor) -> None:
    lent = assessor.assess("派车单：商务车一辆，用车人为承办我厂执行案的殷某，事由：回老家吃喜酒，"
                           "往返两天。")
    assert "borrow" in (lent.facts.conduct or [])
    assert "R3-5-4" in rules_with_status(lent, "violation")
    own = assessor.assess("派车单：商务车一辆，用车人为厂办主任，事由：去市里送货。")
    assert "borrow" not in (own.facts.conduct or [])


def test_a_result_screenshotted_to_the_family(assessor: Assessor) -> None:
    sent = assessor.assess("派出所民警是嫌疑人媳妇的表舅，他登录办案系统查了嫌疑人的血液检测结果，"
                           "截图发给了嫌疑人媳妇。")
    assert "leak" in (sent.facts.conduct or [])
    assert "R3-5-1" in rules_with_status(sent, "violation")
    own = assessor.assess("民警把自己手机截图发给了同事。")
    assert "leak" not in (own.facts.conduct or [])


def test_a_colleague_who_wants_the_record_reworded(assessor: Assessor) -> None:
    reworded = assessor.assess("同一个局的民警找到承办的同事，要把肇事案的询问笔录拿去先过目，有的"
                               "地方改改措辞。同事拒绝了，如实登记。")
    assert "other" in (reworded.facts.conduct or [])
    assert "R2-9-5" in rules_with_status(reworded, "violation")
    corrected = assessor.assess("书记员核对笔录，发现两个错字，按程序更正了。")
    assert corrected.verdict != "violation"
