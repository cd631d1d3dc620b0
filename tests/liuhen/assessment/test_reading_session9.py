"""Constructions read in session 9 (issue 11): a gift pushed back, hearsay inside quoted words,
a question about the county's cases as a whole, a lawyer asking to copy the files at the
office, a transfer with no lawful cause, a call that comes in to the officer who records it,
a deputy head of a higher court, pleas for a sentence reduction and for leniency in words
that vary. Every sentence is written for the test from the regulations' own terms, not taken
from any situation set; each change was kept only if no other author's set lost by it
(docs/benchmarks.md, "Assessment engine, session 9")."""

from __future__ import annotations

import pytest

from liuhen.assessment import Assessor
from liuhen.assessment.extractor import Extractor
from liuhen.assessment.lexicon import load_lexicon


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(load_lexicon())


def test_a_gift_pushed_back_is_declined(assessor: Assessor) -> None:
    """推回 is a refusal: R3 第五条第（三）项 is not met, and a chance meeting reported the
    next day is lawful under R3 第七条."""
    result = assessor.assess("法官周六在菜市场碰到被告人的哥哥，对方硬塞给他两条烟，他当场推回。"
                             "第二天他向院纪检监察部门报告了这次接触。")
    assert result.verdict == "lawful"
    kept = assessor.assess("法官周六在菜市场碰到被告人的哥哥，对方塞给他两条烟，他收下了。")
    assert kept.verdict == "violation"


def test_hearsay_inside_quoted_words_is_not_established(assessor: Assessor) -> None:
    """A party's “听说…” about a judge is a report to be verified (R3 第十条), not a finding."""
    heard = assessor.assess("原告在法院门口对书记员说：“听说承办法官收了被告的购物卡。”")
    assert heard.verdict == "undetermined"
    told = assessor.assess("原告在法院门口对书记员说：“我亲眼看见承办法官收了被告的购物卡。”")
    assert told.verdict != "lawful"


def test_a_request_for_the_county_s_cases_as_a_whole_is_no_specific_case(
        assessor: Assessor) -> None:
    """R1 第三条: 了解案件情况，组织研究司法政策 — the whole county's enforcement cases."""
    result = assessor.assess("县委书记在常委会上要求法院院长会后报告一下全县涉企执行案件的"
                             "总体情况，以便研究司法政策。")
    assert result.verdict == "lawful"
    first = result.provisions[0]
    assert (first.alias, first.article) == ("R1", 3)
    assert "依照工作程序了解案件情况" in first.quote


def test_a_lawyer_asking_at_the_office_to_copy_the_files_is_lawful(
        assessor: Assessor) -> None:
    """A lawyer's phone call to the clerk's office line about 阅卷 is work at the workplace."""
    result = assessor.assess("辩护律师打电话到书记员的办公电话，询问能否复制卷宗，"
                             "书记员按规定作了答复。")
    assert result.verdict == "lawful"
    leaked = assessor.assess("书记员下班后在茶馆把卷宗复印件交给了被告人的律师。")
    assert leaked.verdict == "violation"


def test_a_transfer_said_to_lack_any_lawful_cause_is_retaliation(
        extractor: Extractor, assessor: Assessor) -> None:
    """R2 第七条: 非因法定事由，非经法定程序 — when the words say so, it is not left open."""
    facts = extractor.extract("副院长得知法官如实登记了他过问案件的情况后，把法官调去资料室，"
                              "没有任何法定事由。").facts
    assert facts.retaliation is True
    assert "retaliation" not in (facts.weak_conduct or [])
    result = assessor.assess("副院长得知法官如实登记了他过问案件的情况后，把法官调去资料室，"
                             "没有任何法定事由。")
    assert result.verdict == "violation"
    open_question = extractor.extract("副院长得知法官如实登记了他过问案件的情况后，"
                                      "把法官调去资料室。").facts
    assert "retaliation" in (open_question.weak_conduct or [])


def test_a_call_that_comes_in_to_the_recording_officer(extractor: Extractor) -> None:
    """民警记录：某副局长来电…: the call came to the officer who records it (R2)."""
    facts = extractor.extract("看守所民警记录：市公安局一位副局长来电，说某在押人员是他的亲戚，"
                              "希望关照。").facts
    assert "R2" in (facts.regimes or [])
    assert facts.organ_leader is True


def test_a_deputy_head_of_a_higher_court_calls_a_basic_court_judge(
        extractor: Extractor) -> None:
    """R2 第八条第（三）项: 上级司法机关人员 — the basic court is named only in the heading."""
    facts = extractor.extract("基层法院法官的登记：中级法院一位副院长打来电话，说被告是他"
                              "同学的儿子，希望从轻。").facts
    assert facts.insider_relation == "superior"


def test_a_plea_for_a_sentence_reduction_and_the_prison_s_own_request(
        assessor: Assessor) -> None:
    """希望…减刑 for a friend's son is a plea; 提请减刑 by the prison is its procedure."""
    plea = assessor.assess("市司法局一位副局长给监狱刑罚执行科打电话，说某服刑人员是他朋友的"
                           "儿子，希望这次减刑把他报上去。")
    assert plea.verdict == "violation"
    procedure = assessor.assess("监狱依照工作程序提请中级法院对一名服刑人员减刑，并附上考核材料。")
    assert procedure.verdict != "violation"


@pytest.mark.parametrize("words", ["赔偿数额别卡得太死", "早点判了吧"])
def test_varied_words_of_a_plea(extractor: Extractor, words: str) -> None:
    facts = extractor.extract(f"副县长给承办法官打电话，说原告是他老战友的儿子，{words}。").facts
    assert "plead" in (facts.conduct or [])


def test_an_officer_s_own_account_is_a_record_not_a_complaint(assessor: Assessor) -> None:
    """检察官反映：副检察长找到他…: the officer tells what was asked of him (R2 第九条), no
    complaint about him for the discipline department to verify (R3 第九、十条)."""
    result = assessor.assess("侦查监督科检察官反映：本院一位副检察长找到他，说嫌疑人是自己的"
                             "老同学，能不批捕就不批捕吧。")
    assert result.verdict == "violation"
    assert "R2" in result.regimes
    complaint = assessor.assess("当事人向纪检组反映：承办检察官收了对方的红包。")
    assert complaint.verdict == "undetermined"


def test_a_leader_s_words_on_the_approval_form_are_written_supervision(
        assessor: Assessor) -> None:
    """R2 第四条: 以书面形式提出 — on the case's own approval form, recorded in the file."""
    result = assessor.assess("分管副院长在一起执行案件的审批表上批示：“请依法加快拍卖进度，"
                             "注意保障被执行人一家的基本生活。”")
    assert result.verdict == "lawful"
    assert (result.provisions[0].alias, result.provisions[0].article) == ("R2", 4)
    spoken = assessor.assess("分管副院长在审委会上口头发表意见，承办法官在审理报告里如实写明了"
                             "他的意见。")
    assert spoken.facts.written is not True


def test_telling_a_party_to_change_lawyers_in_plain_words(assessor: Assessor) -> None:
    """R3 第五条第（二）项: 为当事人推荐、介绍诉讼代理人、辩护人 — 换个人吧 about the lawyer."""
    result = assessor.assess("休庭时法官对原告说：“你请的这个律师不懂行，还是换个人吧。”")
    assert result.verdict == "violation"
    assert any((p.alias, p.article, p.item) == ("R3", 5, 2) for p in result.provisions)


def test_a_former_judge_in_another_court_s_case(assessor: Assessor) -> None:
    """R3 第八条 bars only the former unit's cases: 甲区法院 left, 乙区法院's case."""
    result = assessor.assess("一名前法官离开甲区法院后当了律师，现在代理乙区法院审理的一起案件。")
    assert result.verdict == "lawful"


def test_sworn_brotherhood_and_trips_with_a_party_s_father(assessor: Assessor) -> None:
    """Leisure with a 特殊关系人 during the case (R3 第五条第（六）项), each paying his own."""
    result = assessor.assess("案件审理期间，承办法官与被告的父亲结拜兄弟，此后常一起出游，"
                             "费用各付各的。")
    assert result.verdict == "violation"


def test_papers_received_at_the_office_are_not_a_benefit(assessor: Assessor) -> None:
    """收下医院证明的复印件 at the reception room: papers for the case (R3 第六条)."""
    result = assessor.assess("检察官在控告申诉接待室接待了在押人员的母亲，收下了医院证明的复印件。")
    assert result.verdict == "lawful"
    gift = assessor.assess("检察官在控告申诉接待室接待了在押人员的母亲，收下了她带来的两条烟。")
    assert gift.verdict == "violation"


def test_an_officer_who_did_not_record_colleagues_inquiries(assessor: Assessor) -> None:
    """R2 第六条 / 第十一条: the inquiries of others in the court, never recorded."""
    result = assessor.assess("纪检组检查发现，书记员小李两次被本院其他庭的人问起案件进展，"
                             "一次也没登记。")
    assert "R2" in result.regimes
    assert any((p.alias, p.article) == ("R2", 11) and p.status == "violation"
               for p in result.provisions)


def test_a_state_functionary_is_not_someone_s_staff(extractor: Extractor) -> None:
    """国家工作人员 is a legal status, not 身边工作人员 (R1 第八条第（三）项)."""
    facts = extractor.extract("某国企总经理（国家工作人员）打电话给审判长，打听合议庭的评议意见。"
                              ).facts
    assert facts.via_staff is not True


def test_a_paper_filed_in_the_case_file_and_a_public_date_are_no_leak(
        extractor: Extractor) -> None:
    """附入案卷 names where a paper went; 公开开庭的日期 is known to anyone: neither is
    R3 第五条第（一）项's 办案工作秘密."""
    filed = extractor.extract("中院以书面答复函提出法律适用意见，答复函已附入案卷。").facts
    assert "leak" not in (filed.conduct or [])
    public = extractor.extract("书记员告诉了来问的同事那起案件公开开庭的日期。").facts
    assert "leak" not in (public.conduct or [])
    secret = extractor.extract("书记员把合议庭的评议意见告诉了被告人的家属。").facts
    assert "leak" in (secret.conduct or [])


def test_a_case_moved_to_another_judge_in_the_assignment_system(assessor: Assessor) -> None:
    """Changing who a case was randomly assigned to: R2 第九条第（五）项's 其他影响司法人员
    依法公正处理案件的行为."""
    result = assessor.assess("立案庭一名工作人员私下修改分案记录，把一起借贷纠纷从随机分到的法官"
                             "名下改到另一位法官名下。")
    assert result.verdict == "violation"
    assert any((p.alias, p.article, p.item) == ("R2", 9, 5) for p in result.provisions)


def test_do_not_let_him_lose_out_is_a_plea(extractor: Extractor) -> None:
    facts = extractor.extract("分管副院长叫住承办法官：“原告是我老乡，你注意一下，别让他吃亏。”"
                              ).facts
    assert "plead" in (facts.conduct or [])


def test_a_judge_of_another_district_court_asks_for_his_relative(assessor: Assessor) -> None:
    """另一区法院: no line of supervision (R2 第八条第（四）项); asking for a relative."""
    result = assessor.assess("另一区法院的法官给我打电话，不是通过协查函，问我审理的那起案件的"
                             "被告人能不能判缓刑，说被告人的母亲是我姨。")
    assert result.verdict == "violation"


def test_mahjong_with_a_party_s_sister_each_paying_is_still_leisure(assessor: Assessor) -> None:
    """R3 第五条第（六）项: a pastime with a 特殊关系人 during the case; nothing was accepted,
    which settles item (三) only."""
    result = assessor.assess("法官在审理一起离婚案期间，多次和原告的姐姐打麻将，每次各自付钱，"
                             "法官没有收受任何东西。")
    assert result.verdict == "violation"
    assert any((p.alias, p.article, p.item) == ("R3", 5, 6) and p.status == "violation"
               for p in result.provisions)
