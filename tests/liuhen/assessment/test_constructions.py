"""Constructions of the language the engine reads (issue 11, session 5): each situation here is
written from the text of the three regulations, not taken from any situation set, and asserts
the verdict, the provision and the duties the text draws from it."""

from __future__ import annotations

import pytest

from liuhen.assessment import Assessor
from liuhen.assessment.extractor import Extractor
from liuhen.assessment.lexicon import load_lexicon
from liuhen.assessment.missing_facts import APPROVAL, GUARDIAN, INSTIGATED, LEGAL_PROCEDURE
from liuhen.assessment.models import Assessment


def _top(result: Assessment) -> tuple[str, int, int | None]:
    first = result.provisions[0]
    return first.alias, first.article, first.item


def _duty_bases(result: Assessment) -> set[tuple[str, int]]:
    return {(d.basis.alias, d.basis.article) for d in result.duties}


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(load_lexicon())


def test_the_type_of_a_case_is_not_its_conduct(extractor: Extractor) -> None:
    """借款案 names the case; 认罪认罚从宽制度 an institution; 控告申诉部门 a department."""
    facts = extractor.extract("市检察院依照工作程序发函，向区法院调阅一起民间借款案的卷宗").facts
    assert "borrow" not in (facts.conduct or [])
    assert "leak" not in (facts.conduct or [])  # the files asked for are not files leaked
    policy = extractor.extract("县委政法委召集政法各单位学习认罪认罚从宽制度，"
                               "没有研究具体案件").facts
    assert "plead" not in (policy.conduct or [])
    assert policy.specific_case is False
    department = extractor.extract("县法院控告申诉部门的一名法官去刑庭找同事聊天").facts
    assert department.complaint is not True


def test_policy_study_with_no_case_is_lawful_r1_3(assessor: Assessor) -> None:
    result = assessor.assess("市委政法委组织两级法院学习认罪认罚从宽制度的适用，没有讨论具体案件。")
    assert result.verdict == "lawful", result.reasons
    assert _top(result)[:2] == ("R1", 3)
    assert result.duties == []  # lawful R1 第三条 conduct creates no duty (GUIDE section 5)


def test_the_actor_is_named_after_the_scene(assessor: Assessor) -> None:
    """一审判决后，… / …正在侦查…，: the clause that sets the scene is not the one who acts."""
    result = assessor.assess("区公安分局正在侦查一起合同诈骗案，区人大常委会副主任找到办案民警，"
                             "要他们别抓这家公司的老板。")
    assert result.verdict == "violation", result.reasons
    assert _top(result)[:2] == ("R1", 8)
    assert {("R1", 5), ("R1", 7), ("R1", 8)} <= _duty_bases(result)
    assert result.regimes == ["R1"]


def test_another_organ_asking_for_files_by_letter_is_lawful_r2_5(assessor: Assessor) -> None:
    result = assessor.assess("当事人申请执行监督后，县检察院向县法院发出调阅卷宗函，调取一起建设工"
                             "程款案"
                             "的执行卷宗。")
    assert result.verdict == "lawful", result.reasons
    assert _top(result)[:2] == ("R2", 5)


def test_a_staff_member_saying_the_cadre_did_not_know_leaves_instigation_open(
        assessor: Assessor) -> None:
    """R1 第八条第（三）项 is the cadre's 授意、纵容: the staff member's word settles nothing."""
    result = assessor.assess("副市长的司机给承办法官打电话替被告人求情，说“这是我自己的意思，"
                             "副市长不知道”。")
    assert result.verdict == "undetermined", result.reasons
    assert INSTIGATED in result.missing_facts
    assert ("R1", 5) in _duty_bases(result)  # the officer still records (R1 第五条)


def test_asking_what_the_sentence_will_be_is_a_probe_not_a_plea(assessor: Assessor) -> None:
    """An outcome word inside a question (会判多少、能不能判缓刑) asks; R2 第五条 then turns
    on the procedure."""
    result = assessor.assess("县公安局一名民警打电话问县法院的法官，一名被告人会判多少，"
                             "能不能判缓刑。")
    assert result.verdict == "undetermined", result.reasons
    assert LEGAL_PROCEDURE in result.missing_facts
    assert "plead" not in (result.facts.conduct or [])


def test_a_possibility_leaves_the_approval_unknown(assessor: Assessor) -> None:
    """没有审批记录，也可能只是没归档: the approval of R3 第六条 is not known either way."""
    result = assessor.assess("法官到一家评估公司的办公室，与评估师当面核对评估报告。卷宗里没有这次"
                             "外出"
                             "的审批单，也可能只是没归档。")
    assert result.verdict == "undetermined", result.reasons
    assert APPROVAL in result.missing_facts
    assert _top(result)[:2] == ("R3", 6)


def test_a_vague_family_tie_leaves_the_exception_open(assessor: Assessor) -> None:
    """R3 第八条's exception is the guardian or a close relative: 家里人 does not say which."""
    result = assessor.assess("从甲县法院离任的一名前法官在甲县法院代理一起买卖合同纠纷，他说当事人"
                             "是"
                             "“家里人”，没有说明是什么亲属关系。")
    assert result.verdict == "undetermined", result.reasons
    assert GUARDIAN in result.missing_facts


@pytest.mark.parametrize(
    ("query", "verdict"),
    [
        pytest.param("检察官周六在公园碰上了他办的案子的被告人家属，聊了几句。第六天他才向本院纪检"
                     "监察部门补报。", "violation", id="reported-on-the-sixth-day"),
        pytest.param("法官周日去河边钓鱼，碰上一起在审案件的原告代理律师，两人聊了一下午，"
                     "他没跟单位讲。", "violation", id="told-nobody"),
        pytest.param("民警去朋友家吃饭，发现被害人的代理律师也在，两人没有谈案子。第二天他向"
                     "所在派出所的纪检监察部门作了报告。", "lawful",
                     id="found-there-reported-next-day"),
    ],
)
def test_an_unplanned_contact_turns_on_the_three_day_report(assessor: Assessor, query: str,
                                                            verdict: str) -> None:
    result = assessor.assess(query)
    assert result.verdict == verdict, result.reasons
    assert _top(result)[:2] == ("R3", 7)
    report = [d for d in result.duties if (d.basis.alias, d.basis.article) == ("R3", 7)]
    assert report and report[0].deadline == "三日内"
    assert report[0].recipient == "本单位纪检监察部门"


@pytest.mark.parametrize(
    ("query", "item"),
    [
        pytest.param("县法院院长对承办法官说：“原告老板是我同学，你们把这个案子的财产保全解除掉，"
                     "把查封撤了吧。”", ("R2", 9, 1), id="halting-a-step"),
        pytest.param("政法委书记在案件协调会上说：“被告人是被迫参与的，就按从犯认定。”",
                     ("R1", 8, 5), id="deciding-a-fact"),
        pytest.param("执行法官对申请执行人说：“要评估的话，你找城南那家评估公司，我熟。”",
                     ("R3", 5, 2), id="sending-a-party-to-an-intermediary"),
    ],
)
def test_stated_conduct_in_other_words(assessor: Assessor, query: str,
                                       item: tuple[str, int, int]) -> None:
    result = assessor.assess(query)
    assert result.verdict == "violation", result.reasons
    assert _top(result) == item


def test_the_recorder_told_first_is_not_the_intervener(assessor: Assessor) -> None:
    """如实记录了某副市长的说情 ... 后来副市长让人把他调离: R1 第八条 and 第六条 (retaliation
    without a legal cause or procedure), not an R3 contact of the recorder."""
    result = assessor.assess("区法院法官如实记录了一位副市长为被告人说情的经过。半年后，副市长授意"
                             "有关部门把这名法官调离审判岗位，没有任何法定事由，也没有走程序。")
    assert result.verdict == "violation", result.reasons
    assert "R1" in result.regimes and "R3" not in result.regimes
    assert {(p.alias, p.article) for p in result.provisions[:3]} >= {("R1", 8)}
    assert any((p.alias, p.article) == ("R1", 6) for p in result.provisions)
    assert result.protections  # R1 第六条 protects the one who recorded


def test_a_declined_banquet_is_lawful(assessor: Assessor) -> None:
    """R3 第五条第（三）项 forbids 接受 a banquet: an invitation turned down is no contact."""
    result = assessor.assess("庭审结束后，原告的律师在法院门口拦住法官，说在饭店订了一桌，“大家认识"
                             "一下”。"
                             "法官当场拒绝了。")
    assert result.verdict == "lawful", result.reasons
    assert _top(result)[:2] == ("R3", 5)
    assert not any((d.basis.alias, d.basis.article) == ("R3", 11) for d in result.duties)


def test_a_gift_left_and_kept_is_accepted(assessor: Assessor) -> None:
    result = assessor.assess("原告的父亲在法官家门口放了两袋自家产的大米，法官没有退回。")
    assert result.verdict == "violation", result.reasons
    assert _top(result) == ("R3", 5, 3)
    assert ("R3", 11) in _duty_bases(result)


def test_an_outcome_already_reached_is_no_plea(assessor: Assessor) -> None:
    """已作出不起诉决定 tells the state of the case; a letter about it asks nothing of it."""
    result = assessor.assess("县税务局向县检察院发函，询问检察院已作出不起诉决定的一起案件中追缴税"
                             "款的处理情况。")
    assert "plead" not in (result.facts.conduct or [])
    assert result.verdict != "violation", result.reasons


def test_a_business_partnership_with_a_lawyer_is_improper_contact(assessor: Assessor) -> None:
    result = assessor.assess("一名刑庭法官和常在本庭出庭的一位律师合伙开了一家汽车修理厂。")
    assert result.verdict == "violation", result.reasons
    assert _top(result) == ("R3", 5, 6)


def test_telling_a_party_a_decision_not_yet_final_leaks_it(assessor: Assessor) -> None:
    """R3 第五条第（一）项: 泄露司法机关办案工作秘密 — a decision not yet approved."""
    result = assessor.assess("合议庭的意见还没报批，承办法官就私下告诉被告人的妻子：“放心，会判缓刑"
                             "。”")
    assert result.verdict == "violation", result.reasons
    assert _top(result) == ("R3", 5, 1)


def test_guidance_given_in_a_meeting_and_recorded_is_lawful_r2_4(assessor: Assessor) -> None:
    result = assessor.assess("在审判委员会会议上，分管副院长就一起合同纠纷案的法律适用口头提出了意"
                             "见，"
                             "承办法官把意见写进了审理报告。")
    assert result.verdict == "lawful", result.reasons
    assert _top(result)[:2] == ("R2", 4)


def test_a_former_officer_gets_the_notice_but_no_integrity_file(assessor: Assessor) -> None:
    """R3 第八条: a violation gets R3 第十一条's 通报; R3 第十二条 (个人廉政档案) and 第十三条
    (不正当接触、交往 summed up each quarter) concern serving officers' contacts."""
    result = assessor.assess("原甲县检察院的一名检察官辞职做了律师，现在为一家公司的会计在甲县检察"
                             "院"
                             "审查起诉阶段担任辩护人，两人没有亲属关系。")
    assert result.verdict == "violation", result.reasons
    assert _top(result)[:2] == ("R3", 8)
    assert _duty_bases(result) == {("R3", 11)}
    relative = assessor.assess("原甲县法院的一名法官辞职做了律师，在甲县法院为他的亲弟弟代理一起合"
                               "同纠纷。")
    assert relative.verdict == "lawful", relative.reasons
    assert relative.duties == []


@pytest.mark.parametrize(
    ("query", "article"),
    [
        pytest.param("副庭长口头让我对一个合同案的法律适用再斟酌一下，我觉得是正常指导，就没记。",
                     ("R2", 11), id="not-written-down"),
        pytest.param("副县长的秘书打电话要求法官尽快解除查封，法官在记录里只写了一句“县政府来电询问"
                     "进展”。",
                     ("R1", 10), id="recorded-as-something-else"),
    ],
)
def test_not_recording_or_recording_untruthfully(assessor: Assessor, query: str,
                                                 article: tuple[str, int]) -> None:
    """R1 第十条 / R2 第十一条: 不记录或者不如实记录."""
    result = assessor.assess(query)
    assert result.verdict == "violation", result.reasons
    assert article in {(p.alias, p.article) for p in result.provisions[:3]}


def test_a_letter_that_only_asks_for_lawful_handling_is_no_failure_to_record(
        assessor: Assessor) -> None:
    """只写了 describes the letter, not the officer's record."""
    result = assessor.assess("县委政法委依照工作程序向县法院发函，了解一起执行积案的进度，函中只写"
                             "了"
                             "“请依法处理”。")
    assert result.facts.recorded is not False
    assert result.verdict == "lawful", result.reasons


def test_an_organ_letter_asking_to_refrain_from_measures_is_r1_8_4(assessor: Assessor) -> None:
    result = assessor.assess("市发改委以委党组名义致函市中院，请求对几家重点项目企业的案件慎用查封"
                             "措施。")
    assert result.verdict == "violation", result.reasons
    assert _top(result) == ("R1", 8, 4)
    assert ("R1", 5) in _duty_bases(result)  # 如实记录并留存相关材料 (R1 第五条第二款)


def test_a_report_in_the_week_after_is_counted_across_the_week() -> None:
    from liuhen.assessment.circumstance_facts import report_delay

    assert report_delay("上周三在车站碰到当事人，下周一才向纪检报告") == 5
    assert report_delay("周三碰到律师，周五向纪检监察部门报告") == 2
    assert report_delay("第三天向纪检监察部门报告") == 2
    # 3 or 4 days after, as the contact's own day is counted or not: within 三日 or not
    assert report_delay("在车站碰到律师，第四天才向纪检监察部门报告") is None
    assert report_delay("在车站碰到律师，第五天才向纪检监察部门报告") == 4


def test_a_leak_to_a_partys_lawyer_by_a_colleague_is_r2_9_4(assessor: Assessor) -> None:
    result = assessor.assess("民庭一名法官助理把同事承办案件的合议庭评议意见透露给了原告的代理律师"
                             "。")
    assert result.verdict == "violation", result.reasons
    assert _top(result) == ("R2", 9, 4)


def test_a_kin_word_of_someone_else_is_not_the_exception(assessor: Assessor) -> None:
    """R3 第八条's exception is the party's guardian or close relative, not 儿子的同学."""
    result = assessor.assess("从乙区法院离任的前法官做了律师，在乙区法院为他儿子的同学代理一起劳动"
                             "争议。")
    assert result.verdict == "violation", result.reasons
    assert _top(result)[:2] == ("R3", 8)


def test_a_narrating_officer_is_the_one_approached(assessor: Assessor) -> None:
    result = assessor.assess("我是承办法官。院长听完汇报后口头说“这个案子再调解一次”，我当场记进了"
                             "审理报告。")
    assert result.verdict == "lawful", result.reasons
    assert _top(result)[:2] == ("R2", 4)


def test_a_leader_inside_a_judicial_organ_is_an_insider(assessor: Assessor) -> None:
    """公安分局副局长 is a 司法机关内部人员 (R2 第十三条), his own organ's leader
    (R2 第八条（二）)."""
    result = assessor.assess("某公安分局一位副局长对办案民警说：“那个老板是我同学，人先放了。”")
    assert result.verdict == "violation", result.reasons
    assert result.regimes[0] == "R2"
    assert _top(result) == ("R2", 9, 1)
    assert result.actor_role == "本机关领导干部"


def test_a_retired_leader_is_no_longer_the_organs_leader(assessor: Assessor) -> None:
    result = assessor.assess("县法院退休的老院长给承办法官打电话：“被告人是我外甥，别判实刑。”")
    assert result.verdict == "violation", result.reasons
    assert result.facts.retired is True
    assert result.facts.insider_relation == "colleague"


def test_meeting_a_party_at_a_wedding_is_an_unplanned_contact(assessor: Assessor) -> None:
    result = assessor.assess("法官在朋友的婚宴上和本案原告同桌，聊了几句，事后一直没有向单位报告。")
    assert result.verdict == "violation", result.reasons
    assert _top(result)[:2] == ("R3", 7)


def test_a_not_yet_final_result_told_to_a_lawyer_is_a_leak(extractor: Extractor) -> None:
    facts = extractor.extract("书记员把合议庭还没宣判的评议结果告诉了原告的律师").facts
    assert "leak" in (facts.conduct or [])
    negated = extractor.extract("书记员没有把评议结果告诉任何人").facts
    assert "leak" not in (negated.conduct or [])


def test_a_cadre_told_whose_relative_goes_on_pleading_tolerates_it(assessor: Assessor) -> None:
    """R1 第八条第（三）项 纵容: told of it, the relative's pleas went on."""
    result = assessor.assess("副市长的妻子多次找承办法官替被告求情。法院向副市长本人反映后，副市长"
                             "说"
                             "“我管不了她”，之后他妻子照样来找。")
    assert result.verdict == "violation", result.reasons
    assert _top(result) == ("R1", 8, 3)
    assert ("R1", 5) in _duty_bases(result)


def test_a_retired_cadre_is_not_established_as_a_leading_cadre(assessor: Assessor) -> None:
    """R1 第十二条 names serving cadres; unlike R2 第十三条第二款 it says nothing of retirees."""
    result = assessor.assess("已经退休三年的原副县长给承办法官打电话，为一起合同纠纷的被告说情。")
    assert result.verdict == "undetermined", result.reasons
    assert "是否为领导干部" in result.missing_facts
    serving = assessor.assess("副县长给承办法官打电话，为一起合同纠纷的被告说情。")
    assert serving.verdict == "violation", serving.reasons


def test_a_chance_contact_reported_on_the_fourth_day_waits_for_the_count(
        assessor: Assessor) -> None:
    """R3 第七条: 「三日内」. 第四天 is 3 or 4 days after: not a confident verdict either way."""
    result = assessor.assess("法官李某周末在超市偶遇自己承办案件的被告代理律师，寒暄了几句，"
                             "第四天才向院纪检监察部门报告。")
    assert result.verdict == "undetermined", result.reasons
    fifth = assessor.assess("法官李某周末在超市偶遇自己承办案件的被告代理律师，寒暄了几句，"
                            "第五天才向院纪检监察部门报告。")
    assert fifth.verdict == "violation", fifth.reasons
