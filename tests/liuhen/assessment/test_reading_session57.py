"""Readings of the seed the engine got wrong (session 57, sets GE to GH read once GI to GL had
been commissioned), each with its control.

- R1 第八条第（四）项: a bureau chief's meeting that 要求法院…支持猪场 is no less a demand because
  法官们当场没表态: the silence is the officers', not a disclaimer of the one who asked; a
  speaker who says 他们不表态 of himself still disclaims.
- R1 第八条第（三）项: a cadre 让他的司机 make the call sends him (授意); told of his brother's
  pleas, a cadre who answers “随他去吧，我不管” lets them go on (纵容); 副书记知不知道这事，我说不清
  leaves the cadre's part open, where 副书记知道这事 does not.
- R1 第八条第（一）项: 让养鸡场少赔点 pleads, as 让…多出点 did; so does 你们判的时候把握一下分寸.
- R3 第六条: a meeting 约 in a teahouse without approval stays arranged when 我们公司的司机正好在
  隔壁桌看见了 (the onlooker's chance), and when 我们才知道这件事 (the teller learning of it); a
  meeting 正好碰上 and reported that day is R3 第七条's chance contact.
- R2 第四条: guidance whose form 承办法官没告诉我 leaves open whether it was written; guidance
  shown in writing does not.
- R3 第五条第（三）项: 执行员老孙来厂里清点查封的机器 and takes what I 塞 him: the teller's side is
  the one under the measure; the same visit with an approval shown and nothing taken is lawful.
- R1 第八条第（五）项: “要是判我们输，年底评先进你就别想了” ties a threat to the outcome; 评先进
  你就别想了，名额早定了 ties it to nothing.
- R1 第十条: a chief who tells the judge “那个电话就别记了” in quotes, the judge 听了他的:
  授意不记录; “你记一下” is not.
- R3 第五条第（二）项: the teller who asks 要不要向法院纪检组反映 has made no complaint whose truth
  waits on an inquiry: what he saw is told as done.
- R2 第九条第（一）项: “尽量调解，调不成也别判得太重” pleads: 调不成 negates the mediation, not the
  plea after 也; asking only the hearing date does not plead.
- R3 第六条: the judge of the case who comes alone on a Saturday to 我们厂长办公室 (the firm's
  office, no judicial workplace) to 了解了解情况, with no approval, makes the unapproved contact
  of 第六条, not an inquiry of R2; the same visit approved, with a clerk, is lawful.
- R2 第九条第（五）项: a case 随机分给了张法官 that a clerk 手动改成了 a judge close to the
  defendant is steered; a case 改分给别的法官 after a recusal the president approved is not.
- R2 第九条第（四）项: what an insider 打听 and 当晚就把话传给了嫌疑人他老婆 is carried to a
  party's kin (通风报信); carried to “一个朋友” whose tie is unknown, it stays open.
- R2 第九条第（一）项: 请我帮他印了竞岗演讲稿 and 我帮他向县委政法委反映 are the teller's favours,
  见了我还笑着打招呼 a greeting: none pleads; “你帮帮他” about a relative's case, and
  给法官打招呼…判轻点, still do.
- R3 第六条: 景区法务 and 被告家里人 are people, not places anyone met: a talk in the court's
  调解室 or the procuratorate's 接待室 is at the workplace; a dinner 到被告家里 is not.
- R3 第五条第（三）项: 茶叶店 is a shop, not tea given; 收下了…两盒茶叶 is.
- R3 第五条第（五）项: an appraiser 双方到场摇号选的 and an auction on the 网络司法拍卖平台 is the
  entrustment by procedure; an appraiser the judge 自己指定的, his cousin, is not found lawful.

Every sentence is written for the test, not taken from any situation set."""

from __future__ import annotations

import pytest

from liuhen.assessment import Assessor
from liuhen.assessment import missing_facts as unknown
from tests.liuhen.assessment.reading import rules_with_status


def test_the_officers_silence_is_no_disclaimer_of_the_demand(assessor: Assessor) -> None:
    demand = assessor.assess("县农业局局长召集法院几位法官到局里开协调会，说全县养猪业不能垮，要求"
                             "法院在猪场诉环保局罚款案里支持猪场。法官们当场没表态。")
    assert demand.facts.decision is not False, demand.reasons
    assert "R1-8-4" in rules_with_status(demand, "violation"), demand.reasons
    own = assessor.assess("县委政法委书记在协调会上说，个案他们不表态，证据怎么认定、怎么判由法院"
                          "依法决定。")
    assert own.verdict == "lawful", own.reasons


def test_a_cadre_sends_his_own_driver(assessor: Assessor) -> None:
    sent = assessor.assess("县人大副主任让他的司机给执行法官打电话，替那家酒厂说情：“账户先缓"
                           "一缓。”")
    assert sent.facts.instigated is True, sent.reasons
    assert "R1-8-3" in rules_with_status(sent, "violation"), sent.reasons


def test_a_cadre_told_of_the_pleas_lets_them_go_on(assessor: Assessor) -> None:
    tolerated = assessor.assess("副市长的弟弟几次找承办法官替被告求情。有人劝副市长管一管，他说："
                                "“随他去吧，我不管。”")
    assert "R1-8-3" in rules_with_status(tolerated, "violation"), tolerated.reasons
    untold = assessor.assess("副市长的弟弟几次找承办法官替被告求情，法官都登记了。")
    assert untold.verdict == "undetermined"
    assert unknown.INSTIGATED in untold.missing_facts


def test_whether_the_cadre_knew_left_open(assessor: Assessor) -> None:
    open_ = assessor.assess("县委副书记的表弟找到检察官，想让那个老板早点取保。副书记知不知道这事，"
                            "我说不清。")
    assert open_.verdict == "undetermined", open_.reasons
    assert unknown.INSTIGATED in open_.missing_facts
    knew = assessor.assess("县委副书记的表弟找到检察官，想让那个老板早点取保。副书记知道这事。")
    assert knew.verdict == "violation", knew.reasons


def test_measure_asked_in_judging_pleads(assessor: Assessor) -> None:
    asked = assessor.assess("副县长晚上给承办法官家里打电话：“那家建筑公司是纳税大户，你们判的"
                            "时候把握一下分寸。”")
    assert "plead" in (asked.facts.conduct or []), asked.reasons
    assert asked.verdict == "violation", asked.reasons


def test_less_damages_asked_for_a_party_pleads(assessor: Assessor) -> None:
    result = assessor.assess("县委副书记给审理赔偿案的法官打电话，说那个养鸡场不容易，让养鸡场"
                             "少赔点。")
    assert "plead" in (result.facts.conduct or []), result.reasons
    assert result.verdict == "violation", result.reasons


@pytest.mark.parametrize("text", [
    "法官周日约原告的代理律师在茶楼见面，聊了一下午案子，事先没有办审批手续。我们公司的司机正好在"
    "隔壁桌看见了。",
    "执行法官周六约被执行人的老板到农家乐吃饭，没有审批。老板的老婆来厂里闹，我们才知道这件事。",
])
def test_an_onlookers_chance_leaves_the_meeting_arranged(assessor: Assessor, text: str) -> None:
    result = assessor.assess(text)
    assert result.facts.planned is True, (text, result.reasons)
    assert "R3-6" in rules_with_status(result, "violation"), (text, result.reasons)


def test_a_chance_meeting_reported_that_day(assessor: Assessor) -> None:
    result = assessor.assess("法官周日在茶楼正好碰上原告的代理律师，两人打了个招呼就分开了，法官"
                             "当天就向院纪检组报告了。")
    assert result.facts.planned is False
    assert result.verdict == "lawful", result.reasons


def test_the_form_of_guidance_untold(assessor: Assessor) -> None:
    untold = assessor.assess("庭长对这个案子提了指导意见，是口头说的还是写在纸上的，承办法官"
                             "没告诉我。")
    assert untold.verdict == "undetermined", untold.reasons
    assert unknown.WRITTEN in untold.missing_facts
    shown = assessor.assess("庭长对这个案子提了书面指导意见，附在卷里，承办法官给我看了。")
    assert shown.verdict == "lawful", shown.reasons


def test_an_officer_at_the_tellers_premises_takes_a_gift(assessor: Assessor) -> None:
    taken = assessor.assess("执行员老孙来厂里清点查封的机器，临走我往他车上塞了两箱苹果，他"
                            "收下了。")
    assert taken.facts.counterpart == "当事人", taken.reasons
    assert "R3-5-3" in rules_with_status(taken, "violation"), taken.reasons
    approved = assessor.assess("执行员老孙来厂里清点查封的机器，先出示了院里批的外出执行审批表，"
                               "清点完就走了。")
    assert approved.verdict == "lawful", approved.reasons


def test_a_threat_tied_to_the_outcome(assessor: Assessor) -> None:
    tied = assessor.assess("市场监管局的一位副局长在走廊拦住承办法官：“那个罚款案，要是判我们输，"
                           "年底评先进你就别想了。”")
    assert "other" in (tied.facts.conduct or []), tied.reasons
    assert tied.verdict == "violation", tied.reasons
    untied = assessor.assess("县委组织部一位干部跟法官说：“今年评先进你就别想了，名额早定了。”")
    assert "other" not in (untied.facts.conduct or [])
    assert untied.verdict != "violation"


def test_a_chief_tells_the_judge_not_to_record_the_call(assessor: Assessor) -> None:
    told = assessor.assess("执行局长对承办法官说：“县人大主任那个电话就别记了，记下来大家脸上都不"
                           "好看。”承办法官听了他的，没有记录。")
    assert told.facts.told_not_to_record is True, told.reasons
    assert "R1-10" in rules_with_status(told, "violation"), told.reasons
    asked = assessor.assess("执行局长对承办法官说：“县人大主任那个电话你记一下，按规定办。”承办法官"
                            "登记了。")
    assert asked.facts.told_not_to_record is not True
    assert "R1-10" not in rules_with_status(asked, "violation")


def test_a_complaint_only_thought_of_leaves_nothing_unverified(assessor: Assessor) -> None:
    seen = assessor.assess("执行法官在走廊里把我叫到一边，建议我们把现在的律师换掉，说城东所的王"
                           "律师跟执行局熟，还把王律师的电话写在纸条上塞给我。我们想知道这算不算"
                           "违规，要不要向法院纪检组反映。")
    assert unknown.REPORT_TRUE not in seen.missing_facts, seen.reasons
    assert "R3-5-2" in rules_with_status(seen, "violation"), seen.reasons
    made = assessor.assess("有人向法院纪检组反映，执行法官建议当事人把律师换掉，推荐城东所的王"
                           "律师。纪检组还在核查。")
    assert made.verdict == "undetermined"
    assert unknown.REPORT_TRUE in made.missing_facts


def test_a_plea_after_a_failed_mediation(assessor: Assessor) -> None:
    plea = assessor.assess("中院一位法官给承办法官打电话：“那个借款案的被告是我同学的父亲，你们"
                           "尽量调解，调不成也别判得太重。”承办法官记录后报了纪检组。")
    assert "R2-9-1" in rules_with_status(plea, "violation"), plea.reasons
    date = assessor.assess("中院一位法官给承办法官打电话，说那个借款案的被告是他同学的父亲，想问问"
                           "开庭时间。承办法官记录后报了纪检组。")
    assert "plead" not in (date.facts.conduct or [])
    assert date.verdict != "violation"


def test_the_judge_alone_at_the_firms_office_unapproved(assessor: Assessor) -> None:
    alone = assessor.assess("周六上午，审这个案子的孙法官一个人来到我们厂长办公室，说来了解了解"
                            "情况，关起门聊了一个多小时案子。事后纪检组核实，孙法官那天没有办理任何"
                            "外出审批，也没带书记员。")
    assert alone.facts.at_workplace is False, alone.reasons
    assert "R3-6" in rules_with_status(alone, "violation"), alone.reasons
    approved = assessor.assess("周二上午，审这个案子的孙法官带着书记员来到我们厂长办公室了解情况，"
                               "出示了院里批的外出审批表，做了笔录。")
    assert approved.verdict == "lawful", approved.reasons


def test_an_appraiser_drawn_by_lot(assessor: Assessor) -> None:
    drawn = assessor.assess("我们公司被查封的车要拍卖，评估机构是双方到场摇号选的，拍卖挂在网络司法"
                            "拍卖平台上，执行法官只在法院跟评估师交接过材料。")
    assert drawn.facts.via_procedure is True, drawn.reasons
    assert drawn.verdict == "lawful", drawn.reasons
    chosen = assessor.assess("我们公司被查封的车要拍卖，评估机构是执行法官自己指定的，评估价只有"
                             "市价一半，评估师是他的表弟。")
    assert chosen.verdict != "lawful", chosen.reasons


def test_a_case_steered_away_from_its_random_judge(assessor: Assessor) -> None:
    steered = assessor.assess("系统本来把那件借款案随机分给了张法官，第二天立案庭的书记员手动改成了"
                              "跟被告老板相熟的李法官，说是“平衡工作量”。")
    assert "other" in (steered.facts.conduct or []), steered.reasons
    # (a limit left: the finding is made under R3 第五条第（六）项, 张法官, the first officer
    # named, read as the actor, where the clerk's act is R2 第九条第（五）项's)
    assert steered.verdict == "violation", steered.reasons
    recused = assessor.assess("张法官发现被告是他表弟，当天写了回避申请，院长批了，案子改分给别的"
                              "法官。")
    assert "other" not in (recused.facts.conduct or [])
    assert recused.verdict == "lawful", recused.reasons


def test_what_was_asked_carried_to_the_suspects_wife(assessor: Assessor) -> None:
    carried = assessor.assess("镇司法所的一名干部去检察院找承办检察官，打听那起盗窃案准备怎么起诉，"
                              "当晚就把话传给了嫌疑人他老婆。")
    assert "leak" in (carried.facts.conduct or []), carried.reasons
    assert carried.verdict == "violation", carried.reasons
    friend = assessor.assess("镇司法所的一名干部去检察院找承办检察官，打听那起盗窃案准备怎么起诉，"
                             "转身告诉了“一个朋友”。这朋友跟案子是什么关系，不清楚。")
    assert friend.verdict == "undetermined", friend.reasons


@pytest.mark.parametrize("text", [
    "严法官去年如实记过一位庭长过问案件的情况。今年他自己报名竞岗去了立案庭，党组会研究过，发了"
    "任职文件，他还请我帮他印了竞岗演讲稿。",
    "柯法官去年如实登记过一回领导过问。今年全院轮岗，他自己写申请去了立案庭，党组会研究通过、"
    "发了任职文件。他见了我还笑着打招呼。",
    "邻居的欠款案执行了一年多，我帮他向县委政法委反映。政法委给县法院发了函：“请依法及时执行，"
    "并将进展报我委。”",
])
def test_a_favour_or_a_greeting_is_no_plea(assessor: Assessor, text: str) -> None:
    result = assessor.assess(text)
    assert "plead" not in (result.facts.conduct or []), (text, result.reasons)
    assert unknown.PLEA not in result.missing_facts, (text, result.reasons)


@pytest.mark.parametrize("text", [
    "副县长给法官打电话：“我表弟那个案子，你帮帮他。”",
    "县长给审理借款案的法官打招呼，说被告是他老同学，判轻点。",
])
def test_help_asked_for_a_case_still_pleads(assessor: Assessor, text: str) -> None:
    result = assessor.assess(text)
    assert "plead" in (result.facts.conduct or []), (text, result.reasons)
    assert result.verdict == "violation", (text, result.reasons)


@pytest.mark.parametrize("text", [
    "我和景区法务在法院调解室跟承办法官谈了一个小时调解方案，书记员全程在场记录。",
    "被告的辩护律师在检察院接待室跟检察官谈了一个钟头量刑，被告家里人说律师跟检察官走得太近。",
])
def test_the_people_of_a_place_are_no_place_met(assessor: Assessor, text: str) -> None:
    result = assessor.assess(text)
    assert result.facts.at_workplace is True, (text, result.reasons)
    assert result.verdict == "lawful", (text, result.reasons)


def test_a_dinner_at_the_defendants_home(assessor: Assessor) -> None:
    result = assessor.assess("承办法官周六晚上到被告家里吃饭，谈了案子，没有审批。")
    assert result.facts.at_workplace is False
    assert result.verdict == "violation", result.reasons


def test_a_tea_shop_is_no_gift(assessor: Assessor) -> None:
    shop = assessor.assess("承办法官在原告开的茶叶店门口碰到原告，说了两句就走了，当天向院纪检组"
                           "报告。")
    assert not [r for r in shop.reasons if r.startswith("accept_benefit")], shop.reasons
    assert shop.verdict == "lawful", shop.reasons
    gift = assessor.assess("承办法官收下了原告送的两盒茶叶。")
    assert "accept_benefit" in (gift.facts.conduct or [])
    assert gift.verdict == "violation"
