"""Constructions read in session 12 (issue 11): a relative of an officer with no case; papers
received, not a benefit; a leisure invitation turned down; a clerk or driver of a judicial organ
(an insider of R2 第十三条, not yet a 司法人员 of R3 第十四条); a tip-off told after the plan
it betrays. Every sentence is written for the test from the regulations' own terms, not taken
from any situation set; each change was kept only if no author's set lost a verdict by it
(docs/benchmarks.md, "Assessment engine, session 12")."""

from __future__ import annotations

import pytest

from liuhen.assessment import Assessor
from liuhen.assessment import missing_facts as unknown
from liuhen.assessment.open_questions import open_questions
from tests.liuhen.assessment.reading import first_provision


def test_an_officers_relative_with_no_case_is_private_life(assessor: Assessor) -> None:
    """R3 第六、七条 govern contact 「在案件办理过程中」: a cousin with no case is no party."""
    result = assessor.assess("检察官的表哥周末来检察官家里喝茶，两人聊聊家常。"
                             "表哥和他家人在这个检察院都没有任何案件。")
    assert result.verdict == "lawful"
    assert result.facts.actor_role != "司法机关内部人员"
    with_a_case = assessor.assess("检察官的表哥周末来检察官家里喝茶，请他在表哥的合同纠纷案里"
                                  "多帮帮忙。")
    assert with_a_case.verdict != "lawful"


@pytest.mark.parametrize("papers", ["代理词", "辩护意见书", "补充证据材料"])
def test_papers_received_are_no_benefit(assessor: Assessor, papers: str) -> None:
    result = assessor.assess(f"律师在法院接待室把{papers}交给法官，法官收下{papers}，附入卷宗。")
    assert result.verdict == "lawful"
    assert "accept_benefit" not in (result.facts.conduct or [])


def test_an_envelope_received_is_still_a_benefit(assessor: Assessor) -> None:
    result = assessor.assess("律师塞给法官一个信封，法官收下了。")
    assert result.verdict == "violation"
    assert first_provision(result) == ("R3", 5, 3)


@pytest.mark.parametrize("refusal", ["法官说不去", "法官婉拒了，让他有事到法院来谈",
                                     "法官没有答应"])
def test_a_leisure_invitation_turned_down(assessor: Assessor, refusal: str) -> None:
    """R3 第五条第（六）项 is contact that happened; an invitation refused is none."""
    result = assessor.assess(f"代理律师约承办法官周末一起去钓鱼，{refusal}。")
    assert result.verdict == "lawful"
    went = assessor.assess("代理律师约承办法官周末一起去钓鱼，法官去了。")
    assert went.verdict == "violation"


def test_a_clerk_tipping_off_a_party_is_an_insider_probing(assessor: Assessor) -> None:
    """The plan told first, then a court clerk (not a 司法人员 of R3 第十四条, an insider of
    R2 第十三条) warns the party: R2 第九条第（四）项's 通风报信."""
    result = assessor.assess("检察院定于周五搜查嫌疑人的仓库。周四晚上，检察院的一名司机给"
                             "嫌疑人发微信：“后天有人来，货赶紧转走。”")
    assert result.verdict == "violation"
    assert first_provision(result) == ("R2", 9, 4)
    assert result.facts.staff_only is True


def test_a_clerks_loan_from_a_party_waits_for_his_duties(assessor: Assessor) -> None:
    """R3 第五条第（四）项 binds 司法人员, whom 第十四条 defines by their duties; a driver's are
    not told."""
    result = assessor.assess("检察院的一名司机向案件当事人借了三万元。")
    assert result.verdict == "undetermined"
    assert unknown.JUDICIAL_DUTY in result.missing_facts
    judge = assessor.assess("承办法官向案件当事人借了三万元。")
    assert judge.verdict == "violation"
    assert first_provision(judge) == ("R3", 5, 4)


def test_a_named_letter_of_complaint_waits_for_the_inquiry(assessor: Assessor) -> None:
    """R3 第九条 lets anyone report, 第十条 has the report checked: the letter's charge is not
    yet a finding, whatever it says."""
    result = assessor.assess("实名举报信：“某县检察院的一名检察官在审查起诉期间收受了辩护律师"
                             "送的两箱茅台，请调查。”")
    assert result.verdict == "undetermined"
    assert unknown.REPORT_TRUE in result.missing_facts
    assert "violation" not in {p.status for p in result.provisions}


def test_a_return_claimed_without_proof_is_open(assessor: Assessor) -> None:
    result = assessor.assess("检察官在家收到辩护律师寄来的一盒茶叶。检察官说已经寄回去了，"
                             "但提供不了寄件凭证。")
    assert result.verdict == "undetermined"
    assert unknown.ACCEPTED in result.missing_facts


def test_an_approval_claimed_and_not_remembered_is_open(assessor: Assessor) -> None:
    """R3 第六条: 确需…在非工作场所接触的，应依照相关规定办理审批手续并获批准. A party's firm is
    no workplace; an approval the approver does not remember is not established."""
    result = assessor.assess("检察官曾到嫌疑人企业的办公室查看账册，卷里没有审批材料。"
                             "检察官说“跟科长说过”，科长说记不清了。")
    assert result.verdict == "undetermined"
    assert unknown.APPROVAL in result.missing_facts
    unapproved = assessor.assess("法官到被告公司办公室核对账目，没有办理审批手续。")
    assert unapproved.verdict == "violation"
    assert first_provision(unapproved) == ("R3", 6, None)


def test_a_contact_not_yet_reported_within_three_days_is_not_late(assessor: Assessor) -> None:
    """R3 第七条: 应当在三日内…报告. Two days after, 还没报告 is not yet a failure."""
    recent = assessor.assess("前天晚上检察官在小区门口碰到了案件的辩护律师，聊了几句。"
                             "检察官说还没报告。")
    assert recent.verdict == "undetermined"
    assert unknown.REPORTED_IN_TIME in recent.missing_facts
    late = assessor.assess("上个月检察官在小区门口碰到了案件的辩护律师，聊了几句，至今没有报告。")
    assert late.verdict == "violation"
    assert first_provision(late) == ("R3", 7, None)


def test_an_oral_opinion_noted_but_unchecked_is_open(assessor: Assessor) -> None:
    """R2 第四条: 口头提出的，由办案人员记录在案; a notebook not yet examined proves no record."""
    result = assessor.assess("副庭长对承办法官口头提出“这个案子要追加被告”，承办法官说记在笔记本上"
                             "了，笔记本还没调取核对。")
    assert result.verdict == "undetermined"
    assert unknown.ORAL_RECORDED in result.missing_facts


def test_a_card_handed_when_asked_which_lawyer_is_a_recommendation(assessor: Assessor) -> None:
    """R3 第五条第（二）项: 为当事人推荐、介绍诉讼代理人、辩护人."""
    result = assessor.assess("立案后当事人问检察官该请哪位律师，检察官递给他一张名片：“找这位，"
                             "他跟我们院里很熟。”")
    assert result.verdict == "violation"
    assert first_provision(result) == ("R3", 5, 2)
    offered = assessor.assess("侦查员周末在球场碰到嫌疑人的律师，对方递来名片，他没接，第二天就向"
                              "纪检部门报告了。")
    assert offered.verdict == "lawful"


def test_a_colleague_named_by_nickname_who_pleads(assessor: Assessor) -> None:
    """R2 第九条第（一）项: an insider 为案件当事人请托说情; the handler's refusal and record
    do not change what the colleague did. A cigarette handed over is no papers passed."""
    result = assessor.assess("隔壁科室的老陈递给我一支烟：“被告是我表弟，你高抬贵手。”"
                             "我说这个不行，当天做了登记。")
    assert result.verdict == "violation"
    assert first_provision(result) == ("R2", 9, 1)
    assert "pass_materials" not in (result.facts.conduct or [])


def test_papers_slipped_in_outside_the_receiving_procedure(assessor: Assessor) -> None:
    """R2 第九条第（三）项: 违反规定为案件当事人…转递涉案材料."""
    result = assessor.assess("本院执行局干警小赵把申请执行人写的一份情况说明夹在内部文件里放到"
                             "承办法官桌上，说“当事人托我带一下”，没有走诉讼服务中心的收转手续。")
    assert result.verdict == "violation"
    assert first_provision(result) == ("R2", 9, 3)


def test_a_firm_whose_ownership_is_unknown_leaves_the_cadre_open(assessor: Assessor) -> None:
    """R1 第十二条 reaches 公司、企业…中具有国家工作人员身份的领导干部: a chairman of a firm
    that may be private is not yet one."""
    result = assessor.assess("一家建材公司的总经理在饭局后拦住审判长，请他对被告人“多关照关照”。"
                             "这家公司是不是国企，审判长也不清楚。")
    assert result.verdict == "undetermined"
    assert unknown.IS_LEADER in result.missing_facts


def test_an_opinion_whose_content_was_not_minuted_is_open(assessor: Assessor) -> None:
    """R1 第三条 lets the 政法委 统筹协调; 不得…作出具体决定 — what was said is not told."""
    result = assessor.assess("市委政法委副书记召集公检法开案件协调会，纪要只写了“副书记提出了处理"
                             "意见”，意见的具体内容没有记载。")
    assert result.verdict == "undetermined"
    assert unknown.DECISION in result.missing_facts


def test_repeated_questions_whose_purpose_is_unproven_stay_open(assessor: Assessor) -> None:
    """The handler's own answer (按程序办) is no procedure of the one who asked."""
    result = assessor.assess("某区住建局副局长一个月里三次打电话问承办法官“那个合同纠纷准备怎么"
                             "处理”。法官每次都答“按程序办”，并做了登记。他为什么反复问，目前没有"
                             "证据。")
    assert result.verdict == "undetermined"
    assert unknown.FOR_A_PARTY in result.missing_facts


def test_a_cadre_asked_to_put_in_a_word(assessor: Assessor) -> None:
    """R1 第八条第（一）项 is the cadre's own 请托说情: asked by a party's father, he refuses
    (lawful) or does it (a violation)."""
    refused = assessor.assess("原告的父亲托副市长给法院打个招呼。副市长说：“这个忙我帮不了，"
                              "判决要依法来。”")
    assert refused.verdict == "lawful"
    assert refused.facts.actor_role == "领导干部"
    did = assessor.assess("原告的父亲托副市长给法院打个招呼。副市长第二天就给院长打了电话。")
    assert did.verdict == "violation"
    assert first_provision(did) == ("R1", 8, 1)


def test_a_cadre_saying_he_cannot_put_in_a_word_has_not_pleaded(assessor: Assessor) -> None:
    """不能给法院打招呼: a modal negation with its object between rules the plea out."""
    result = assessor.assess("副区长在电话里对老战友说：“你那个案子我不能给法院打招呼，有意见请律师"
                             "依法提。”")
    assert result.verdict != "violation"
    assert "plead" not in (result.facts.conduct or [])


def test_a_congress_office_letter_naming_the_judgment(assessor: Assessor) -> None:
    """R1 第八条第（四）项: 以…发文件等形式，超越职权对案件处理提出倾向性意见或者具体要求."""
    result = assessor.assess("某区人大常委会办公室给区法院发来《关于某合同纠纷案的督办意见》："
                             "“本案原告应当胜诉，请法院据此判决。”")
    assert result.verdict == "violation"
    assert first_provision(result) == ("R1", 8, 4)


def test_an_officer_of_another_organ_asking_by_wechat(assessor: Assessor) -> None:
    """R2 第九条第（四）项: 为…打探案情, by a judge of another court of a prosecutor's case."""
    result = assessor.assess("外区法院一名法官加上本院承办检察官的微信，问：“那个诈骗案什么时候"
                             "起诉？我表哥是被害人。”检察官回复“不便透露”，并报告了纪检组。")
    assert result.verdict == "violation"
    assert first_provision(result) == ("R2", 9, 4)


def test_a_former_prosecutor_defending_a_non_relative_in_the_former_unit(
        assessor: Assessor) -> None:
    """R3 第八条: 不得担任原任职单位办理案件的…辩护人, 但是作为…近亲属…的除外; 非亲属 is no
    exception."""
    result = assessor.assess("市检察院离职检察官孙某，半年后在原单位审查起诉的一起案件中，为非亲属"
                             "被告人担任辩护人。")
    assert result.verdict == "violation"
    assert first_provision(result) == ("R3", 8, None)


def test_seatmates_on_a_train_and_a_report_nine_days_later(assessor: Assessor) -> None:
    """R3 第七条: 因不明情况…接触…应当在三日内…报告; 5月4日 to 5月13日 is late."""
    result = assessor.assess("法官5月4日坐动车，与本案原告的代理律师邻座，两人聊了一路。法官直到"
                             "5月13日才向纪检组报告。")
    assert result.verdict == "violation"
    assert first_provision(result) == ("R3", 7, None)


@pytest.mark.parametrize(("text", "fact"), [
    ("这位代表除代表身份外是否担任公职，记录里没写。", unknown.IS_LEADER),
    ("这句话有没有记进卷里，承办人说记不清了。", unknown.ORAL_RECORDED),
    ("礼品是否退回，目前只有他本人的说法。", unknown.ACCEPTED),
])
def test_more_open_questions(text: str, fact: str) -> None:
    assert fact in [q.fact for q in open_questions(text)]


def test_a_retired_former_court_leader_pleading_for_a_friend(assessor: Assessor) -> None:
    """R2 第十三条第二款: 司法机关离退休人员违反规定干预办案的，适用本规定; 第九条第（一）项."""
    result = assessor.assess("已经退休的原中院庭长给区法院一位执行法官打电话：“我朋友的厂子被你们"
                             "查封了，你们别急着拍，给人家留条活路。”法官说会依法办理，并记录了来电。")
    assert result.verdict == "violation"
    assert first_provision(result) == ("R2", 9, 1)


def test_an_approval_filled_in_after_the_meeting_is_not_a_lawful_approval(
        assessor: Assessor) -> None:
    """R3 第六条: 确需…在非工作场所…接触的，应依照相关规定办理审批手续并获批准."""
    result = assessor.assess("检察官6月3日在茶楼与一家拍卖公司的经理见面，核对拍卖底价。6月6日他才"
                             "补填了外出审批表，分管领导补签了同意。")
    assert result.verdict != "lawful"
    assert result.facts.approved is False


def test_a_register_silent_on_the_cadres_knowledge_is_no_failure_to_record(
        assessor: Assessor) -> None:
    """The judge registered the relative's plea (R1 第五条第二款); 登记表没有记载 whether the cadre
    knew is the question R1 第八条第（三）项 leaves open, not R1 第十条's failure to record."""
    result = assessor.assess("县委某副书记的妻子到法院找承办法官，说原告是她外甥，“请多照顾”。"
                             "法官按规定登记，附卷。副书记是否知情，登记表没有记载。")
    assert result.verdict == "undetermined"
    assert result.facts.recorded is not False
