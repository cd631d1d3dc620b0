"""Readings of the seed the engine got wrong (session 61, sets GU to GX read once GY to HB had
been commissioned), each with its control.

- R3 第五条第（三）项: 请执行员…到饭店吃了顿饭 is a meal taken; 都是律师结的账 a bill paid by
  the lawyer; a 洗浴中心 named as where two met is a place, no benefit.
- R3 第五条第（一）项: '下周二我们去冻结你们的账户。' told to the party's lawyer leaks the freeze,
  whether the speech is in “” or in ASCII quotes.
- R3 第五条第（一）项: 你账上的钱注意点, told to the party before a freeze, leaks it.
- R2 第四条: a leader's 批示 on an approval form (审批表上，副院长批示：…; 审批表上批了一句) is
  guidance in writing.
- R1 第八条第（三）项: a secretary sent to ask about a case (书记让我问问那个案子) and nothing more
  said: whether it was a plea for a party is open; a plea said is a violation.
- R1 第十二条: a 行业协会's 会长 holds no state office by the title: 是否为领导干部 is open.
- R3 第七条: 直到第十天…才去报告 is late, whatever else 当天 names in the story; the discipline
  unit's 核实 is its own check, not an inquiry about the case.
- R3 第七条: an officer who 问起我们告…的案子 speaks to the party of that suit.
- R1 第三条: the 政法委 calling for one case's 卷宗 to study it is no study of policy (open); a
  研讨会 on 法律适用 and a visit 按年度计划 that leaves the case to the court are lawful.
- R2 第四条: oral guidance the officer 记入案卷 is recorded.
- R2 第九条第（三）项: an errand of papers answered 她说不行 was refused.
- R2 第九条第（一）项: 替…带的话 is a plea; 罚款可不能撤 names the outcome (which provision then
  governs a colleague who says it is read as before: the outcome words are misread too often in
  stories of a leader's guidance for the colleague's saying it to settle a violation).
- R1 第八条第（三）项: the cadre 说自己根本不知道 or asked 知不知情: his instigation is not told.
- R2 第九条第（四）项: a colleague asking 什么时候拍, no reason given: for a party or not is open.
- R2 第九条第（三）项: a 说明 and 收据 slipped into the judge's drawer are papers passed (which
  regulation then governs the clerk who did it is read as before).
- R2 第十三条: a retired judge who refuses to plead and sends the teller to a lawyer is no
  former officer acting as counsel (R3 第八条).

Every sentence is written for the test, not taken from any situation set."""

from __future__ import annotations

from liuhen.assessment import Assessor
from liuhen.assessment import missing_facts as unknown
from tests.liuhen.assessment.reading import rules_with_status


def test_a_meal_the_officer_was_taken_to(assessor: Assessor) -> None:
    result = assessor.assess("被执行人郑老板请执行员林海到他开的酒楼吃了顿饭，林海吃完没付钱。")
    assert result.verdict == "violation", result.reasons
    assert "R3-5-3" in rules_with_status(result, "violation"), result.reasons


def test_a_bill_paid_by_the_lawyer(assessor: Assessor) -> None:
    result = assessor.assess("葛法官周五和原告的代理律师吕某在酒店吃饭，饭后又去了歌厅，"
                             "两处八百多元，都是吕某结的账。")
    assert result.verdict == "violation", result.reasons
    assert "R3-5-3" in rules_with_status(result, "violation"), result.reasons


def test_a_bathhouse_named_as_a_place_is_no_benefit(assessor: Assessor) -> None:
    result = assessor.assess("周日在一家洗浴中心，葛法官碰到了原告的律师，两人打了个招呼就走开了，"
                             "葛法官当天下午就向院纪检组报告了。")
    assert "R3-5-3" not in rules_with_status(result, "violation"), result.reasons
    assert result.verdict == "lawful", result.reasons


def test_a_freeze_told_in_ascii_quotes_leaks(assessor: Assessor) -> None:
    result = assessor.assess("执行员林海私下给被执行人的律师发微信：'下周二我们去冻结你们的账户。'")
    assert result.verdict == "violation", result.reasons
    assert "R3-5-1" in rules_with_status(result, "violation"), result.reasons


def test_mind_the_money_in_your_account(assessor: Assessor) -> None:
    result = assessor.assess("保全裁定还没执行，执行员林海就打电话告诉被告："
                             "“原告申请保全了，你账上的钱注意一下。”")
    assert result.verdict == "violation", result.reasons
    assert "R3-5-1" in rules_with_status(result, "violation"), result.reasons


def test_a_leaders_note_on_the_approval_form(assessor: Assessor) -> None:
    for text in ("执行案财产处置的审批表上，分管副院长批示：“依法处置，按期结案。”",
                 "分管副院长在查封案的审批表上批了一句：“依法审查异议，听取双方意见。”"):
        result = assessor.assess(text)
        assert result.verdict == "lawful", (text, result.reasons)
        assert "R2-4" in rules_with_status(result, "lawful"), result.reasons


def test_a_secretary_sent_only_to_ask(assessor: Assessor) -> None:
    asked = assessor.assess("市长的秘书给葛法官打电话：“市长让我问问那个拆迁补偿案。”"
                            "别的什么也没说，葛法官做了登记。")
    assert asked.verdict == "undetermined", asked.reasons
    assert unknown.PLEA in asked.missing_facts, asked.missing_facts
    pleaded = assessor.assess("市长的秘书给葛法官打电话：“市长让我问问那个拆迁补偿案，"
                              "能不能照顾一下原告。”")
    assert pleaded.verdict == "violation", pleaded.reasons


def test_an_associations_head_is_no_cadre_by_the_title(assessor: Assessor) -> None:
    result = assessor.assess("县家具行业协会会长给执行员林海打招呼：“那家木器厂的设备先别拍。”")
    assert result.verdict == "undetermined", result.reasons
    assert unknown.IS_LEADER in result.missing_facts, result.missing_facts


def test_reported_on_the_tenth_day_whatever_else_is_same_day(assessor: Assessor) -> None:
    result = assessor.assess("执行员林海在庙会上碰巧和被执行人坐在一起聊了几句。"
                             "他直到第十天才向院纪检组报告，纪检组后来也核实了当天的情况。")
    assert result.verdict == "violation", result.reasons
    assert "R3-7" in rules_with_status(result, "violation"), result.reasons


def test_the_officer_asks_of_our_suit(assessor: Assessor) -> None:
    result = assessor.assess("周日在公园我碰巧遇到民一庭葛法官，他主动问起我们告建材公司的案子，"
                             "聊了半个小时。他一直没向院里报告，已经过去一个月了。")
    assert result.verdict == "violation", result.reasons
    assert result.facts.counterpart == "当事人", result.reasons
    assert "R3-7" in rules_with_status(result, "violation"), result.reasons


def test_a_case_file_called_for_is_no_study_of_policy(assessor: Assessor) -> None:
    called = assessor.assess("县委政法委书记给法院院长打电话，"
                             "让法院把那起挪用公款案的卷宗送到政法委，过几天开会研究一下。")
    assert called.verdict == "undetermined", called.reasons
    seminar = assessor.assess("县委政法委组织法院、检察院开研讨会，讨论渔业处罚案件的法律适用，"
                              "纪要写明：“具体案件由法院依法独立审理。”")
    assert seminar.verdict == "lawful", seminar.reasons
    assert "R1-3" in rules_with_status(seminar, "lawful"), seminar.reasons


def test_a_visit_by_the_annual_plan(assessor: Assessor) -> None:
    result = assessor.assess("县委政法委书记按年度工作安排到县法院调研执行工作，"
                             "听取了执行局的汇报。")
    assert result.verdict == "lawful", result.reasons
    assert "R1-3" in rules_with_status(result, "lawful"), result.reasons


def test_oral_guidance_entered_in_the_file(assessor: Assessor) -> None:
    result = assessor.assess("分管副院长口头提出：“建议合议庭再核对一下鉴定意见。”"
                             "承办法官把这句话原样记入案卷。")
    assert result.verdict == "lawful", result.reasons
    assert "R2-4" in rules_with_status(result, "lawful"), result.reasons


def test_an_errand_answered_she_said_no(assessor: Assessor) -> None:
    refused = assessor.assess("我表姐在法院当书记员。我让她把证据材料捎给承办法官，"
                              "她说不行，让我去诉讼服务中心递交。")
    assert refused.verdict == "lawful", refused.reasons
    done = assessor.assess("我表姐在法院当书记员。我让她把证据材料捎给承办法官，"
                           "她第二天就带过去了。")
    assert done.verdict == "violation", done.reasons


def test_words_carried_for_another_and_an_outcome_demanded(assessor: Assessor) -> None:
    carried = assessor.assess("副院长把执行员叫到办公室说：“那套设备要尽快拍，"
                              "这是我替信用社主任带的话。”")
    assert carried.verdict == "violation", carried.reasons
    demanded = assessor.assess("刑庭法官老吕不是承办人，却对行政庭法官说："
                               "“渔政局那个案子，罚款可不能撤。”")
    assert "decide_case" in (demanded.facts.conduct or []), demanded.reasons


def test_the_cadre_denies_or_is_asked_whether_he_knew(assessor: Assessor) -> None:
    for text in ("副市长的秘书打电话给葛法官：“那个罚款案能不能从轻？”后来我问副市长，"
                 "他说自己根本不知道这事。",
                 "县人大副主任的儿子拉住葛法官，说被告是他表哥，希望多照顾。"
                 "我不知道副主任本人知不知情。"):
        result = assessor.assess(text)
        assert result.verdict == "undetermined", (text, result.reasons)
        assert unknown.INSTIGATED in result.missing_facts, result.missing_facts


def test_when_will_it_be_auctioned(assessor: Assessor) -> None:
    result = assessor.assess("民一庭一位法官问执行员林海“那套设备什么时候拍”，林海做了登记。")
    assert result.verdict == "undetermined", result.reasons
    assert unknown.FOR_A_PARTY in result.missing_facts, result.missing_facts


def test_a_retired_judge_who_refuses_is_no_counsel(assessor: Assessor) -> None:
    result = assessor.assess("我托退休的原民一庭副庭长老葛帮忙，想让他找执行法官说说情，"
                             "他当场拒绝，说“退休了也不能打招呼，你找律师依法提执行异议”。")
    assert result.verdict == "lawful", result.reasons
    assert not result.facts.former_officer, result.reasons


def test_a_clerk_slips_his_kins_papers_into_the_drawer(assessor: Assessor) -> None:
    result = assessor.assess("立案庭书记员小邱是孙某的表弟。他没走立案庭，"
                             "直接把孙某写的“还款说明”和两张收据塞进吕法官的抽屉。")
    assert "pass_materials" in (result.facts.conduct or []), result.reasons
