"""Readings of the seed the engine got wrong (session 58, sets GI to GL read once GM to GP had
been commissioned), each with its control.

- R1 第八条第（一）项: a cadre asked to 跟法院说说 who 当场回绝 did nothing; one who 打了电话 as
  asked pleaded. A retired judge asked to 递个话 who 摆摆手 did nothing either (R2 第十三条).
- R2 第九条第（三）项: a court policeman asked to 顺手带给 the judge an answer, who 没接 and
  sends the teller to file it, carried nothing; the papers 按程序递交 later are the filing.
- R1 第三条: a 政法委 letter asking only for the progress, 别的什么也没说, leaves nothing open.
- R3 第五条: the officer who says “你们的案子也在我手上”, or calls “明天要冻你们账户”, speaks to
  a party; so does the teller who writes 我们正申请执行…的欠款.
- R1 第八条第（四）项: a county government office's letter 恳请…暂缓扣划 for a 重点企业 is the
  form the item names, not a lawful path; the 政法委's letter asking for the progress is.
- R1 第八条第（三）项: a secretary who reports “书记…亲口交代我…打个招呼” and, asked 是否书记本人
  的意思, answers “是书记让我打的” was sent; a judge who 不清楚是否书记授意 leaves it open. A
  县长 who 转头吩咐秘书 to call the judge sends him.
- R1 第八条第（二）项: “听她当面说说” in a cadre's demand is no hearsay.
- R3 第五条第（二）项: an auction house that says “是张法官介绍的” was given the case.
- R1 第八条第（五）项: a cadre who has the panel's 评议笔录 copied and passes it to a party.
- R2 第四条: the teller's side 想托人去打听 is no insider's probe; guidance 在审批表上写了意见 is
  written.
- R3 第七条: a chance meeting reported the next day stays lawful beside 跟约着吃饭不是一回事 and
  让我问问这算不算.
- R3 第六条: officers 到我的作坊，查封 with an approval meet a party lawfully; a ride 想派车接,
  refused with 法院说不用, is no loan.

Every sentence is written for the test, not taken from any situation set."""

from __future__ import annotations

import pytest

from liuhen.assessment import Assessor
from tests.liuhen.assessment.reading import rules_with_status


@pytest.mark.parametrize("text", [
    "我去找副市长，想请他跟法院说说我那个货款案，他当场回绝：“案子的事找律师，我不管。”",
    "我托人求县委书记跟执行局说说，书记一口回绝了，让我依法提异议。",
])
def test_a_cadre_who_refused_to_put_in_a_word(assessor: Assessor, text: str) -> None:
    result = assessor.assess(text)
    assert result.verdict == "lawful", (text, result.reasons)
    assert "R1-8-1" in rules_with_status(result, "lawful"), result.reasons


def test_a_cadre_who_put_in_the_word_as_asked(assessor: Assessor) -> None:
    result = assessor.assess("我去找副市长，想请他跟法院说说我那个货款案，他第二天就给承办法官"
                             "打了电话。")
    assert result.verdict == "violation", result.reasons


def test_a_retired_judge_who_waved_the_request_away(assessor: Assessor) -> None:
    refused = assessor.assess("我请退休的老庭长帮忙给承办法官递个话，他摆摆手：“退了休也不能"
                              "掺和。”")
    assert refused.verdict == "lawful", refused.reasons
    done = assessor.assess("我请退休的老庭长帮忙给承办法官递个话，他当天就给承办法官打了招呼。")
    assert done.verdict != "lawful", done.reasons


def test_papers_refused_by_the_policeman_and_filed_by_procedure(assessor: Assessor) -> None:
    refused = assessor.assess("老板让我把代理词交给在法院当法警的表哥，请他顺手带给承办法官。"
                              "表哥没接，说得让律师按程序递交。后来律师按程序把材料递交了。")
    assert "pass_materials" not in (refused.facts.conduct or []), refused.reasons
    assert refused.verdict == "lawful", refused.reasons
    carried = assessor.assess("老板让我把代理词交给在法院当法警的表哥，他第二天就带给了承办法官。")
    assert carried.verdict != "lawful", carried.reasons


def test_a_letter_that_said_nothing_else(assessor: Assessor) -> None:
    result = assessor.assess("县委政法委给中院发了正式公函，请法院书面说明那起买卖合同案的审理"
                             "进度，别的什么也没说。")
    assert result.verdict == "lawful", result.reasons
    assert "R1-3" in rules_with_status(result, "lawful"), result.reasons


@pytest.mark.parametrize("text", [
    "执行法官老卢周末搬家，借了我们厂的货车用了三天，说“反正你们的案子也在我手上，不用客气”。",
    "执行员小贺搬家，找我们厂借了一辆面包车。当时我们正申请执行那家超市的货款，案子就在他手上。",
])
def test_the_officer_borrows_from_the_party_he_names(assessor: Assessor, text: str) -> None:
    result = assessor.assess(text)
    assert result.facts.counterpart == "当事人", (text, result.reasons)
    assert "R3-5-4" in rules_with_status(result, "violation"), (text, result.reasons)


def test_a_borrowed_van_from_someone_of_no_stated_case(assessor: Assessor) -> None:
    result = assessor.assess("执行员小贺搬家，找我们厂借了一辆面包车。")
    assert result.verdict == "undetermined", result.reasons


def test_the_freeze_told_to_the_party_the_night_before(assessor: Assessor) -> None:
    result = assessor.assess("对方申请保全的前一天晚上，执行员给我们会计打电话：“明天要冻你们"
                             "账户，赶紧把钱转走。”")
    assert result.verdict == "violation", result.reasons


def test_a_government_office_letter_asking_a_delay(assessor: Assessor) -> None:
    letter = assessor.assess("县政府办公室给中院发来一封函：“该厂系我县重点企业，恳请贵院对其被"
                             "冻结的账户暂缓扣划。”")
    assert "R1-8-4" in rules_with_status(letter, "violation"), letter.reasons
    progress = assessor.assess("县委政法委给中院发来一封函，请法院书面说明该案的审理进度。")
    assert progress.verdict == "lawful", progress.reasons


def test_the_secretary_says_the_secretary_of_the_county_sent_him(assessor: Assessor) -> None:
    sent = assessor.assess("区委书记的秘书给承办法官打电话，说“书记亲口交代我跟你打个招呼，那家"
                           "酒厂的案子你们掂量着办”。法官问是否书记本人的意思，秘书答“是书记"
                           "让我打的”。")
    assert sent.facts.instigated is True, sent.reasons
    assert "R1-8-3" in rules_with_status(sent, "violation"), sent.reasons
    unsure = assessor.assess("区委书记的秘书给承办法官打电话替那家酒厂打招呼，法官不清楚是否"
                             "书记授意。")
    assert unsure.verdict == "undetermined", unsure.reasons


def test_a_county_head_turns_and_orders_his_secretary(assessor: Assessor) -> None:
    result = assessor.assess("县长听我说完，转头吩咐秘书小邓给法院的承办法官打电话，说县里希望"
                             "我们厂能赢。")
    assert result.facts.instigated is True, result.reasons
    assert "R1-8-3" in rules_with_status(result, "violation"), result.reasons


def test_listening_to_her_in_a_demand_is_no_hearsay(assessor: Assessor) -> None:
    demand = assessor.assess("县政协副主席给承办法官打电话：“被告他爸天天来找我，你明晚去江边"
                             "茶馆坐坐，听他当面说说，别在法院见。”法官没答应，登记了。")
    assert demand.facts.hearsay is not True, demand.reasons
    assert "R1-8-2" in rules_with_status(demand, "violation"), demand.reasons
    rumour = assessor.assess("听邻居说，承办法官收了被告家两条烟。")
    assert rumour.facts.hearsay is True, rumour.reasons
    assert rumour.verdict != "violation", rumour.reasons


def test_the_auction_house_the_judge_sent(assessor: Assessor) -> None:
    result = assessor.assess("拍卖行的经理找到我们公司说：“是执行局张法官介绍的，你们这单交给"
                             "我们放心。”")
    assert "R3-5-2" in rules_with_status(result, "violation"), result.reasons


def test_the_panels_minutes_passed_to_a_party(assessor: Assessor) -> None:
    result = assessor.assess("县委统战部部长让法院把合议庭的评议笔录复印一份给他，转手又发给了"
                             "被告的老板。")
    assert "R1-8-5" in rules_with_status(result, "violation"), result.reasons


def test_the_tellers_side_asking_around_is_no_probe(assessor: Assessor) -> None:
    result = assessor.assess("中院法官打电话给承办法官，就该类案件的法律适用提出指导意见，没提"
                             "怎么判，承办法官记入了登记表。厂里还有人想托人去中院打听。")
    assert "probe" not in (result.facts.conduct or []), result.reasons
    assert result.verdict == "lawful", result.reasons


def test_guidance_written_on_the_approval_form(assessor: Assessor) -> None:
    result = assessor.assess("院长在保全审批表上写了意见：“请审查担保是否充分，依法办理。”")
    assert result.facts.written is True, result.reasons
    assert "R2-4" in rules_with_status(result, "lawful"), result.reasons


def test_a_chance_meeting_reported_beside_comparisons(assessor: Assessor) -> None:
    result = assessor.assess("承办法官参加表弟的婚宴，进门才发现原告公司的老板也被安排在同一桌。"
                             "他换到别的桌，第二天上午填了《非工作场所接触当事人情况报告表》交给"
                             "院纪检监察室。老板让我问问这算不算私下接触，我说跟约着吃饭不是一"
                             "回事。")
    assert not {"probe", "private_meeting"} & set(result.facts.conduct or []), result.reasons
    assert result.verdict == "lawful", result.reasons
    arranged = assessor.assess("承办法官周六约被告老板到饭店吃饭，事先没有办审批手续。")
    assert arranged.verdict == "violation", arranged.reasons


def test_officers_sealing_at_the_tellers_workshop_with_approval(assessor: Assessor) -> None:
    result = assessor.assess("执行员和法警拿着经批准的查封审批表到我的作坊，查封了两台机器，全程"
                             "录像。")
    assert result.facts.counterpart == "当事人", result.reasons
    assert result.verdict == "lawful", result.reasons


def test_a_ride_offered_and_declined(assessor: Assessor) -> None:
    result = assessor.assess("法官去现场勘验经庭长批准，双方当事人都在场。我们原想派车接送法官，"
                             "法院说不用，自己派车。")
    assert "borrow" not in (result.facts.conduct or []), result.reasons
    assert result.verdict == "lawful", result.reasons


def test_a_gift_returned_that_someone_supposed_taken(assessor: Assessor) -> None:
    supposed = assessor.assess("律师到法院接待室递交代理意见，临走在桌上留了两盒月饼，法官追出去"
                               "当场退回。被告的弟弟听说后，以为法官收了礼。")
    assert "accept_benefit" not in (supposed.facts.conduct or []), supposed.reasons
    assert supposed.verdict == "lawful", supposed.reasons
    kept = assessor.assess("律师到法院接待室递交代理意见，临走在桌上留了两盒月饼，法官收下了。")
    assert "R3-5-3" in rules_with_status(kept, "violation"), kept.reasons


def test_no_objection_to_the_change_of_judge_names_no_lawyer(assessor: Assessor) -> None:
    result = assessor.assess("承办法官的表弟在被告公司上班，他自己申请回避，院长依法批准，案子改由"
                             "另一位法官审理。原告的律师对换人没有异议。")
    assert "recommend_lawyer" not in (result.facts.conduct or []), result.reasons
    assert result.verdict == "lawful", result.reasons


def test_an_inquiry_made_under_an_entrustment_letter(assessor: Assessor) -> None:
    entrusted = assessor.assess("县司法局社区矫正科的工作人员受法院委托做调查评估，按委托函向"
                                "承办检察官了解被告人的基本情况，谈话有记录。")
    assert entrusted.facts.via_procedure is True, entrusted.reasons
    assert entrusted.verdict == "lawful", entrusted.reasons
    asked = assessor.assess("县司法局的工作人员向承办检察官了解被告人的基本情况。")
    assert asked.verdict == "undetermined", asked.reasons
