"""Constructions read in session 19 (issue 11, sets AA-AD's lawful situations called
violations, then their violations called lawful): a cadre's relative who asks him to put in a
word and is turned away, a question whether the officer can recommend a lawyer, advice to 找律师,
papers offered and not taken, the name of the 认罪认罚从宽 procedure, a request to supply the
file's facts, an opinion on the outcome expressly withheld (不提意见), a report told as 告诉了纪委,
a vote of the panel told to a prisoner's mother, a lawyer's number handed over, and a copy of a
notice that is no procedure. Every sentence is written for the test from the regulations' own
terms, not taken from any situation set; each change was kept only if the read sets gained
verdicts by it (docs/benchmarks.md, "Assessment engine, session 19")."""

from __future__ import annotations

from liuhen.assessment import Assessor
from tests.liuhen.assessment.reading import first_provision


def test_a_cadre_who_turns_his_relatives_request_away_did_nothing(assessor: Assessor) -> None:
    """R1 第八条第（三）项 needs the cadre 「授意、纵容身边工作人员或者亲属为案件当事人请托说情」;
    a relative who asks him to 说一声 to the court and is refused on the spot names none."""
    result = assessor.assess("副县长的外甥到他办公室，想让副县长“给法院庭长说一声”，把他厂里"
                             "的欠款官司判快一点。副县长当即拒绝，让他找律师按程序办。")
    assert result.verdict == "lawful"
    assert "plead" in (result.facts.declined or [])


def test_a_question_whether_he_can_recommend_a_lawyer_is_no_recommendation(
    assessor: Assessor,
) -> None:
    """「为当事人推荐、介绍诉讼代理人、辩护人」 (R3 第五条第（二）项) is the officer's act; a
    party's question (能不能介绍个律师) and his answer that he cannot (不能给推荐) name none."""
    result = assessor.assess("执行局窗口接待记录：申请人问执行员能不能“介绍个好律师”，执行员说"
                             "法院不能给推荐律师，可以去司法局的公共法律服务中心咨询。")
    assert "recommend_lawyer" not in (result.facts.conduct or [])
    assert result.verdict != "violation"


def test_advice_to_go_to_the_court_and_find_a_lawyer_recommends_none(
    assessor: Assessor,
) -> None:
    """「找法院、找律师」 sends a party to the institutions, no lawyer is named or introduced."""
    result = assessor.assess("检察官在小区遇到邻居，邻居说儿子的案子想找人，检察官说："
                             "“有事就找法院、找律师，我不能管。”当天向院纪检监察部门报告了。")
    assert "recommend_lawyer" not in (result.facts.conduct or [])
    assert result.verdict != "violation"


def test_papers_offered_and_not_taken_were_not_passed(assessor: Assessor) -> None:
    """R1 第八条第（四）项 and R2 第九条第（三）项 turn on papers passed on (转递涉案材料): papers a
    party wanted to hand over (要把材料交给我) and the staff member would not take were not."""
    result = assessor.assess("一位老板在政府门口拦住市长秘书，要把自己案子的材料交给他，"
                             "请他转给法院。秘书没收，说这事应当找法院、找律师。")
    assert "pass_materials" not in (result.facts.conduct or [])
    assert result.verdict != "violation"


def test_the_name_of_a_procedure_is_no_plea(assessor: Assessor) -> None:
    """认罪认罚从宽 is the name of a procedure; a leading organ's meeting on how it is applied,
    with no case in hand, is R1 第三条's 「组织研究司法政策」."""
    result = assessor.assess("区委政法委召集法院、检察院研究认罪认罚从宽适用中量刑建议的共性问题，"
                             "会议只讨论已经审结的案例，没有涉及在办案件。")
    assert "plead" not in (result.facts.conduct or [])
    assert result.verdict == "lawful"
    assert first_provision(result)[:2] == ("R1", 3)


def test_a_request_to_supply_the_facts_of_a_sentence_reduction_is_no_plea(
    assessor: Assessor,
) -> None:
    """「依照工作程序了解案件情况」 (R1 第三条): a leading organ's letter asking the prison to
    supply how a reduction was handled (请…提供…减刑…情况), with no opinion, asks for facts."""
    result = assessor.assess("市委政法委来函，请监狱提供罪犯王某减刑办理情况，用于答复信访人，"
                             "来函没有提处理意见，监狱经审批后按程序回函。")
    assert "plead" not in (result.facts.conduct or [])
    assert result.verdict == "lawful"


def test_an_opinion_on_the_judgment_expressly_withheld(assessor: Assessor) -> None:
    """R1 第八条第（五）项 needs 「对案件的证据采信、事实认定、司法裁判等作出具体决定」;
    「对裁判结果不提意见」 says the meeting made none."""
    result = assessor.assess("县委政法委听取法院关于一批土地纠纷案件审理进度的汇报，要求依法"
                             "审理，纪要写明对案件裁判结果不提意见。")
    assert "decide_case" not in (result.facts.conduct or [])
    assert result.verdict == "lawful"


def test_telling_the_discipline_organ_is_a_report(assessor: Assessor) -> None:
    """R3 第七条: 「应当在三日内向本单位纪检监察部门报告有关情况」; 告诉了纪委 the next day is
    that report, not a leak (R3 第五条第（一）项)."""
    result = assessor.assess("法官下班在超市碰见自己手上案件的被告，被告上前打招呼想聊案子，"
                             "法官没有理会就走了，第二天把这事告诉了院纪委。")
    assert "leak" not in (result.facts.conduct or [])
    assert "probe" not in (result.facts.conduct or [])
    assert result.facts.reported is True
    assert result.verdict == "lawful"


def test_the_vote_of_a_panel_told_to_a_prisoners_mother_is_a_leak(assessor: Assessor) -> None:
    """「泄露司法机关办案工作秘密」 (R3 第五条第（一）项): how the 评审会 voted, told to a
    prisoner's mother at a visit."""
    result = assessor.assess("会见时，监区民警小声告诉罪犯的母亲：“评审会上有两个人不同意给他"
                             "报减刑。”")
    assert "leak" in (result.facts.conduct or [])
    assert result.verdict == "violation"


def test_a_lawyers_number_handed_to_a_party_is_a_recommendation(assessor: Assessor) -> None:
    """「为当事人推荐、介绍诉讼代理人」: the judge names a lawyer and gives the party his number."""
    result = assessor.assess("法官在调解室对被告说：“这类案子你最好请律师。城东有个王律师挺有"
                             "经验，我把电话给你。”")
    assert "recommend_lawyer" in (result.facts.conduct or [])
    assert result.verdict == "violation"


def test_a_copy_of_a_notice_is_no_procedure(assessor: Assessor) -> None:
    """R2 第九条第（三）项 「违反规定为案件当事人…转递涉案材料」: a 通知书复印件 slipped into the
    file by an officer who does not handle the case is a paper passed on, not a procedure."""
    result = assessor.assess("监区发现减刑材料袋里多了一份专利受理通知书复印件，查明是狱政科"
                             "民警从罪犯家属手里拿来直接塞进去的，没有经过呈报。")
    assert result.facts.via_procedure is not True


def test_an_outcome_a_lawyer_applies_for_is_no_insiders_plea(assessor: Assessor) -> None:
    """R2 第九条第（一）项 is the insider's 「为案件当事人请托说情」; 取保 named beside a defence
    lawyer who handed in an application may be the lawyer's own request: the words leave the
    insider's part open, never a violation."""
    result = assessor.assess("检察官说明：周六我在院里加班，某案辩护律师未预约来到检察服务中心，"
                             "值班人员叫我下楼，我在接待室收了他一份取保申请，周一已向院纪检监察部门报告。")
    assert result.facts.plea_outcome_only is True
    assert result.verdict != "violation"


def test_a_plea_in_the_pleaders_own_word_stays_a_violation(assessor: Assessor) -> None:
    """The guard of the rule above: a colleague who asks the judge to “关照” a defendant pleads
    in his own word (R2 第九条第（一）项), whatever the judge then did."""
    result = assessor.assess("本院民庭一名法官托承办法官“关照”一下被告，承办法官当场拒绝，"
                             "并把这件事记录在案。")
    assert not result.facts.plea_outcome_only
    assert result.verdict == "violation"
