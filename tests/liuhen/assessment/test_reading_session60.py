"""Readings of the seed the engine got wrong (session 60, sets GQ to GT read once GU to GX had
been commissioned), each with its control.

- R2 第九条第（三）项: papers slipped to a judge 没走诉讼服务中心 were passed 违反规定 (the desk
  not used is no place anyone met); an errand of papers (托他给法官带材料) refused, the party
  sent 自己到诉讼服务中心交, is declined.
- R2 第四条、第十一条: an inspection notice the firm 收到法院寄来 (no one came to the court) of oral
  guidance the officer did not record is the officer's failure to record.
- R1 第八条第（一）项: a cadre asked to put in a word who answers 怎么判是法院的事，不服就上诉
  refused; one who 给庭长打了电话 did as asked; 你们心里有个数 in a call about a case is a plea.
- R3 第七条: a chance meeting reported on the eighth day is late, whatever procedure the
  discipline unit then follows (the report is the officer's own duty); a register entry
  报告，昨天…偶遇 dates the meeting the day before the report.
- R1 第八条第（三）项: 副县长周建华的儿子 and 县委副书记李文涛的妻子 are a cadre's relatives,
  the cadre named with his name between; whether he put them up to it is open.
- R3 第五条第（三）项: 我们送了执行员一张加油卡 and 收下了我送的 tell the teller's gift.
- R3 第七条: 王建国的媳妇, 王建国的案子 in the same story: the kin of a party named in full.
- R2 第四条: guidance written in an approval form's 意见栏 is written guidance.
- R2 第九条第（一）项: 求表姐给承办法官递个话 refused (当场回绝) is declined, done it is a plea.
- R1 第八条第（四）项: 法院要判撤销, 要求法院解除对…的查封 said by a cadre decide the case.
- R3 第五条第（二）项: 得找个懂医疗的律师，我同学马律师就挺好 recommends a lawyer.
- R2 第九条第（五）项: an insider who 非要 the officer 把评估委托给 a named firm interferes.
- GUIDE section 4: 工人们都在传，… tells a rumour, undetermined until verified; 听说这事心里很凉
  after the story is how the teller learned of it (听说这事是… still a rumour).
- R3 第五条第（五）项: 跟评估师打了招呼…按废旧设备评 is collusion with an appraiser; a notice of a
  visit is not.
- R1 第七条: an organ's quarterly 汇总分析 sent to the 政法委 and the court above, or the
  政法委's study reported to the 党委 and copied on, is the duty done (lawful, with 第七条's two
  duties and no deadline); not where it was not done or a call is told beside it, and a plea
  recorded and then reported is still a plea.
- R3 第四条: a party who 要申请回避 has not had the judge step aside; a judge who 申请回避 has.

Every sentence is written for the test, not taken from any situation set."""

from __future__ import annotations

import pytest

from liuhen.assessment import Assessor
from liuhen.assessment import missing_facts as unknown
from tests.conftest import SEED_FILE
from tests.liuhen.assessment.reading import rules_with_status


def test_papers_slipped_past_the_filing_desk(assessor: Assessor) -> None:
    result = assessor.assess("立案庭书记员小易把我们律师写的补充说明私下塞给了承办法官，"
                             "没走诉讼服务中心。")
    assert result.verdict == "violation", result.reasons
    assert "R2-9-3" in rules_with_status(result, "violation"), result.reasons


def test_an_errand_of_papers_refused(assessor: Assessor) -> None:
    refused = assessor.assess("法警老贺的邻居托他给法官带材料，"
                              "他没接，让邻居自己到诉讼服务中心交。")
    assert refused.verdict == "lawful", refused.reasons
    assert "R2-9-3" in rules_with_status(refused, "lawful"), refused.reasons
    done = assessor.assess("法警老贺的邻居托他给法官带材料，他接了，第二天放在了法官桌上。")
    assert done.verdict == "violation", done.reasons


def test_a_notice_received_from_the_court_is_no_meeting_there(assessor: Assessor) -> None:
    result = assessor.assess("今天公司收到法院寄来的督察通报：副院长口头提示执行员注意冻结范围，"
                             "执行员既没要求书面意见，也没把这次口头意见记录在案。")
    assert result.verdict == "violation", result.reasons
    assert "R2-11" in rules_with_status(result, "violation"), result.reasons


def test_a_cadre_who_says_the_court_decides(assessor: Assessor) -> None:
    refused = assessor.assess("我求副县长帮我们的官司说句话，他回：怎么判是法院的事，不服就上诉。")
    assert refused.verdict == "lawful", refused.reasons
    done = assessor.assess("我求副县长帮我们的官司说句话，他回：行。第二天他给庭长打了电话。")
    assert done.verdict == "violation", done.reasons


def test_a_late_report_is_not_excused_by_the_units_procedure(assessor: Assessor) -> None:
    late = assessor.assess("法官在夜市碰到原告一家，聊了几句赔偿，第八天才向院纪检组补报，"
                           "纪检组说要按规定处理。")
    assert late.verdict == "violation", late.reasons
    assert "R3-7" in rules_with_status(late, "violation"), late.reasons
    in_time = assessor.assess("法官在夜市碰到原告一家，聊了几句赔偿，第二天就向院纪检组报告了。")
    assert in_time.verdict == "lawful", in_time.reasons


def test_a_register_entry_that_dates_the_meeting_back(assessor: Assessor) -> None:
    result = assessor.assess("纪检组登记簿：检察官夏青报告，昨天在菜市场偶遇被告人的哥哥，"
                             "打了个招呼就走了，没谈案子。")
    assert result.facts.report_days == 1, result.facts
    assert result.verdict == "lawful", result.reasons


@pytest.mark.parametrize("text", [
    "副县长周建华的儿子给法官打电话替被告说情，副县长本人知不知道，没人清楚。",
    "县委副书记李文涛的妻子到法院找承办法官，替被执行人求情。",
])
def test_a_cadres_relative_named_with_the_cadres_name(assessor: Assessor, text: str) -> None:
    result = assessor.assess(text)
    assert result.verdict == "undetermined", (text, result.reasons)
    assert unknown.INSTIGATED in result.missing_facts, result.missing_facts


def test_the_cadre_himself_who_pleads(assessor: Assessor) -> None:
    result = assessor.assess("副县长周建华给法官打电话替被告说情。")
    assert result.verdict == "violation", result.reasons


@pytest.mark.parametrize("text", [
    "我们送了执行员一张加油卡，五百块，他收下了。",
    "执行员收下了我送的两瓶酒，说是尝尝。",
])
def test_the_tellers_gift_told_without_give_to(assessor: Assessor, text: str) -> None:
    result = assessor.assess(text)
    assert result.verdict == "violation", (text, result.reasons)
    assert "R3-5-3" in rules_with_status(result, "violation"), result.reasons


def test_the_tellers_gift_with_no_case(assessor: Assessor) -> None:
    result = assessor.assess("我们送了执行员一张加油卡，他收下了。我们跟他没有任何案子。")
    assert result.verdict != "violation", result.reasons


def test_the_kin_of_a_party_named_in_full(assessor: Assessor) -> None:
    result = assessor.assess("民警在超市碰到王建国的媳妇，聊了二十分钟王建国的案子，过了一个月"
                             "也没有向单位纪检部门报告。")
    assert result.facts.counterpart == "特殊关系人", result.facts
    assert result.verdict == "violation", result.reasons


def test_guidance_in_an_approval_forms_opinion_box(assessor: Assessor) -> None:
    result = assessor.assess("执行审批表意见栏，分管副院长写："
                             "先评估后拍卖，附卷备查。交承办人办理。")
    assert result.verdict == "lawful", result.reasons
    assert "R2-4" in rules_with_status(result, "lawful"), result.reasons


def test_a_word_to_pass_on_refused_or_passed(assessor: Assessor) -> None:
    refused = assessor.assess("我表姐在县法院立案庭上班，我求她给韦法官递个话，她当场回绝了。")
    assert refused.verdict == "lawful", refused.reasons
    done = assessor.assess("我表姐在县法院立案庭上班，我求她给韦法官递个话，她第二天就去说了。")
    assert done.verdict == "violation", done.reasons


@pytest.mark.parametrize("text", [
    "副县长召集协调会，说这个罚款案法院要判撤销，会后把纪要发给了法院。",
    "县长主持协调会，要求法院解除对厂里设备的查封，纪要第二天发给了法院。",
])
def test_a_cadre_who_tells_the_court_the_outcome(assessor: Assessor, text: str) -> None:
    result = assessor.assess(text)
    assert result.verdict == "violation", (text, result.reasons)
    assert {"R1-8-4", "R1-8-5"} & rules_with_status(result, "violation"), result.reasons


def test_a_judge_who_names_his_classmate_lawyer(assessor: Assessor) -> None:
    named = assessor.assess("法官对原告说：“你这案子得找个懂医疗的律师，我同学马律师就挺好。”")
    assert named.verdict == "violation", named.reasons
    assert "R3-5-2" in rules_with_status(named, "violation"), named.reasons
    unnamed = assessor.assess("法官对原告说：“你这案子得找个懂医疗的律师，具体找谁你自己定。”")
    assert unnamed.verdict != "violation", unnamed.reasons


def test_a_cadre_who_says_keep_it_in_mind(assessor: Assessor) -> None:
    result = assessor.assess("县委办副主任给法官打电话：“那个案子，"
                             "被告是县里的重点企业，你们心里有个数。”")
    assert result.verdict == "violation", result.reasons


def test_an_insider_who_insists_on_an_appraiser(assessor: Assessor) -> None:
    result = assessor.assess("区司法局一名干部反复给执行员打电话，"
                             "非要他把设备的评估委托给宏达评估公司。")
    assert result.verdict == "violation", result.reasons
    assert "R2-9-5" in rules_with_status(result, "violation"), result.reasons


def test_a_partys_threat_to_apply_for_recusal_is_no_recusal(assessor: Assessor) -> None:
    threatened = assessor.assess("被告的律师约承办法官在茶楼包间谈调解方案，法官去了，"
                                 "没办任何审批手续。原告听说后要申请回避。")
    assert threatened.verdict == "violation", threatened.reasons
    stepped_aside = assessor.assess("法官的表弟是原告，法官申请回避，院长批准了。")
    assert stepped_aside.verdict == "lawful", stepped_aside.reasons
    assert "R3-4" in rules_with_status(stepped_aside, "lawful"), stepped_aside.reasons


def test_a_word_with_the_appraiser_to_value_low(assessor: Assessor) -> None:
    low = assessor.assess("执行员事先跟评估师打了招呼，说申请人急着要钱，"
                          "按废旧设备评，报告就做成了三十万。")
    assert low.verdict == "violation", low.reasons
    assert "R3-5-5" in rules_with_status(low, "violation"), low.reasons
    notice = assessor.assess("执行员按程序跟评估公司打了招呼，约定周三到厂里看设备。")
    assert notice.verdict != "violation", notice.reasons


def test_what_the_workers_are_all_saying(assessor: Assessor) -> None:
    rumour = assessor.assess("厂里的工人们都在传，副县长给执行局打过招呼，让先别扣我们的钱。")
    assert rumour.verdict == "undetermined", rumour.reasons
    assert unknown.REPORT_TRUE in rumour.missing_facts, rumour.missing_facts
    told = assessor.assess("副县长给执行局打过招呼，让先别扣我们的钱。")
    assert told.verdict == "violation", told.reasons


@pytest.mark.parametrize("text", [
    "院审管办把第二季度领导干部打招呼的登记汇总成分析报告，七月初报给了县委政法委和市中院。",
    "区委政法委研究了法院报来的季度汇总，报告区委，同时抄送区纪委监委和区委组织部。",
])
def test_an_organs_quarterly_reporting_is_its_duty_done(assessor: Assessor, text: str) -> None:
    result = assessor.assess(text)
    assert result.verdict == "lawful", (text, result.reasons)
    assert "R1-7" in rules_with_status(result, "lawful"), result.reasons
    seed = SEED_FILE.read_text(encoding="utf-8")
    quarterly = [d for d in result.duties if d.basis.alias == "R1" and d.basis.article == 7]
    assert {d.basis.paragraph for d in quarterly} == {1, 2}, result.duties
    assert all(d.basis.quote in seed and d.deadline is None for d in quarterly), quarterly


@pytest.mark.parametrize("text", [
    "法院这个季度没有把领导干部过问案件的情况汇总报送政法委。",
    "法院每季度汇总报送政法委，但政法委书记看到后给法官打电话，让改判。",
])
def test_reporting_not_done_or_beside_a_call_is_not_that(assessor: Assessor, text: str) -> None:
    result = assessor.assess(text)
    assert result.verdict != "lawful", (text, result.reasons)


def test_a_plea_recorded_and_then_reported_is_still_a_plea(assessor: Assessor) -> None:
    result = assessor.assess("副县长给法官打电话替被告说情，法官记录在案，"
                             "法院季度汇总后报送了县委政法委。")
    assert result.verdict == "violation", result.reasons
    assert "R1-8-1" in rules_with_status(result, "violation"), result.reasons


def test_hearing_of_the_story_told_is_not_hearsay(assessor: Assessor) -> None:
    learned = assessor.assess("退休的老院长拎着茶叶找执行法官，让他对欠款的网店“别太急”，"
                              "法官没收茶叶，记进了登记表。我们等了半年，听说这事心里很凉。")
    assert learned.verdict == "violation", learned.reasons
    rumour = assessor.assess("我们等了半年，听说这事是副县长给执行局打过招呼，让先别扣我们的钱。")
    assert rumour.verdict == "undetermined", rumour.reasons
    assert unknown.REPORT_TRUE in rumour.missing_facts, rumour.missing_facts


def test_the_kin_of_a_party_named_as_your_own(assessor: Assessor) -> None:
    result = assessor.assess("在分局当民警的邻居小蒋给小葛的妈发微信：“你家小葛的案子下礼拜就起诉，"
                             "卷里有监控，赶紧找人。”")
    assert result.facts.counterpart == "特殊关系人", result.facts
    assert result.verdict == "violation", result.reasons
