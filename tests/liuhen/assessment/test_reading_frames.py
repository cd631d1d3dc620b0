"""Who acted, read through the frame a situation is told in (issue 11, session 8): a record's
header and signature, the officer who takes a call or a visit, the pronoun of the one
approached. Every sentence here is written for the test from the regulations' own terms (R1
第八条, R2 第九条, R3 第七条), not taken from any situation set."""

from __future__ import annotations

import pytest

from liuhen.assessment import Assessor
from liuhen.assessment.extractor import Extractor
from liuhen.assessment.lexicon import load_lexicon


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(load_lexicon())


def test_the_writer_of_a_record_is_not_the_actor(extractor: Extractor) -> None:
    """法官的工作记录：副市长…: the judge wrote it; the vice-mayor intervened (R1)."""
    facts = extractor.extract("刑庭法官的工作记录：副市长打来电话，为一起合同纠纷的被告说情，"
                              "希望判轻一点。我已如实登记。").facts
    assert facts.actor_role == "领导干部"
    assert facts.regimes == ["R1"]
    signed = extractor.extract("本院分管刑事的副院长把我叫到办公室，说被告人是他的同学，"
                               "让我多照顾。我已登记。——刑庭承办法官").facts
    assert signed.actor_role == "本机关领导干部"
    assert signed.regimes == ["R2"]


def test_the_officer_who_takes_a_call_is_the_one_approached(extractor: Extractor) -> None:
    """检察官接到县委副书记的电话: the deputy secretary acts, the prosecutor receives."""
    facts = extractor.extract("区检察院公诉科检察官接到区委副书记的电话，区委副书记要求对一名"
                              "犯罪嫌疑人不起诉。").facts
    assert facts.actor_role == "领导干部"
    assert facts.regimes == ["R1"]
    police = extractor.extract("县公安局刑侦大队大队长接到副县长的电话，副县长说嫌疑人是"
                               "他的亲戚，别抓了。").facts
    assert police.actor_role == "领导干部"


def test_the_officer_who_records_another_s_call(extractor: Extractor) -> None:
    """法官将县长说情的电话记录在案: recording is not intervening."""
    facts = extractor.extract("县法院法官把县长为一起借贷纠纷的被告说情的电话如实记录在案。").facts
    assert facts.actor_role == "领导干部"


def test_a_party_word_is_not_a_passive(extractor: Extractor) -> None:
    """被告, 被执行人: 被 there names a party, not the one a visit comes to."""
    facts = extractor.extract("县检察院一名检察官把被告写的材料带到县法院，交给承办法官，"
                              "让他看看。").facts
    assert facts.actor_role == "其他司法机关人员"
    assert facts.regimes == ["R2"]


def test_an_insider_who_comes_to_me_approaches_me(extractor: Extractor) -> None:
    """同院法官到我办公室为当事人说情 is R2 第九条第（一）项 even though no role names me."""
    facts = extractor.extract("同院另一个庭的法官到我办公室，说原告是他的老乡，请我关照。"
                              ).facts
    assert facts.regimes == ["R2"]
    assert facts.actor_role == "司法机关内部人员"


def test_a_report_header_that_names_the_actor_is_not_a_record(extractor: Extractor) -> None:
    """庭长在审理报告上批注：… — the head of division writes, and he is the one who acts."""
    facts = extractor.extract("庭长在审理报告上批注：“建议提交专业法官会议讨论。”").facts
    assert facts.actor_role == "本机关领导干部"


def test_a_recorded_call_from_a_leader_is_a_violation(assessor: Assessor) -> None:
    """The verdict follows the actor: R1 第八条第（一）项, with the record duty of R1 第五条."""
    result = assessor.assess("派出所所长的登记：副区长打来电话，为一名被刑事拘留的嫌疑人说情，"
                             "希望尽快放人。所长表示依法办理。")
    assert result.verdict == "violation"
    assert any(p.alias == "R1" and p.article == 8 and p.item == 1
               for p in result.provisions[:3])


def test_a_claimed_or_questioned_status_leaves_the_leader_undetermined(
        assessor: Assessor) -> None:
    """R1 第十二条 governs 具有国家工作人员身份的领导干部: a caller who only calls himself
    “领导”, or whose status the words ask about, pleads without an established status."""
    for words in ("法官的电话记录：一名自称“省里的领导”的人来电，替被告人说情，要求判轻一点。",
                  "某公司副总经理找到承办检察官，替犯罪嫌疑人说情，要求不起诉。此人是否具有"
                  "国家工作人员身份，记录里没有写。"):
        result = assessor.assess(words)
        assert result.verdict == "undetermined", words
        assert result.facts.identity_verified is False
    stated = assessor.assess("副县长打电话给承办法官，替被告人说情，要求判轻一点。")
    assert stated.verdict == "violation"
    # a named sender whose errand is what is claimed (自称“受…委托”): who called is stated
    sent = assessor.assess("县政府办的王秘书来电，自称“受赵副县长委托”，请承办法官对被告人"
                           "从轻处理。")
    assert sent.facts.identity_verified is not False


def test_two_dated_days_give_the_report_delay() -> None:
    """R3 第七条's 三日内, counted between the two calendar dates the words name."""
    from liuhen.assessment.circumstance_facts import report_delay
    assert report_delay("9月8日晚在超市遇到当事人，9月10日向纪检监察部门报告") == 2
    assert report_delay("十二月一日报告：十一月二十六日在车站遇到律师") == 5
    assert report_delay("4月1日遇到律师，须在三日内报告") is None  # one date, and a term
    assert report_delay("3月1日立案，3月9日开庭，3月10日遇到律师，3月11日报告") is None


def test_a_counterpart_found_on_arrival_is_a_chance_contact(extractor: Extractor) -> None:
    """应邀赴宴，入座后发现同桌的是被告的哥哥: the dinner was planned, the contact with the
    party was not (R3 第七条 不明情况), so no approval under 第六条 is asked."""
    facts = extractor.extract("周六晚上，法官应老同学邀请去聚餐，入座后发现同桌一人是其承办案件"
                              "被告的哥哥。").facts
    assert facts.planned is False
    queue = extractor.extract("检察官周日在商场排队，发现前面是他承办案件的被害人。").facts
    assert queue.planned is False


def test_a_chance_contact_reported_within_three_days_is_lawful(assessor: Assessor) -> None:
    result = assessor.assess("10月4日（周六）晚，侦查员在小区门口遇到所办案件犯罪嫌疑人的"
                             "姐姐，寒暄两句便走开。10月6日，他向本单位纪检监察部门报告了此事。")
    assert result.verdict == "lawful"
    late = assessor.assess("10月4日（周六）晚，侦查员在小区门口遇到所办案件犯罪嫌疑人的"
                           "姐姐，寒暄两句便走开。10月12日，他才向本单位纪检监察部门报告。")
    assert late.verdict == "violation"


def test_demanding_internal_case_papers_is_another_interference(assessor: Assessor) -> None:
    """Neither a plea nor a meeting: R1 第八条第（五）项
    “其他违法干预司法活动、妨碍司法公正的行为”."""
    result = assessor.assess("副市长打电话给县法院院长，要求把一起合同纠纷案的审理报告"
                             "先送给他过目。")
    assert result.verdict == "violation"
    assert any((p.alias, p.article, p.item) == ("R1", 8, 5) for p in result.provisions[:3])


def test_steering_the_assignment_of_a_case_is_another_interference(
        assessor: Assessor) -> None:
    """R2 第九条第（五）项 “其他影响司法人员依法公正处理案件的行为”."""
    result = assessor.assess("法院立案庭一名干警受熟人之托，私自把一起借款纠纷分给了自己熟悉的"
                             "法官。")
    assert result.verdict == "violation"
    assert any((p.alias, p.article, p.item) == ("R2", 9, 5) for p in result.provisions[:3])
    plain = assessor.assess("法院立案庭按随机分案系统把一起借款纠纷分给了民一庭。")
    assert plain.verdict != "violation"


@pytest.mark.parametrize("request_words", [
    "能不能暂时不查封他的厂房",   # asking that a measure not be taken
    "就当给我一个面子",           # 给…面子: a favour asked
    "赔偿数额那块帮着压一压",     # 压一压: to hold down
])
def test_ordinary_forms_of_a_plea(extractor: Extractor, request_words: str) -> None:
    """R1 第八条第（一）项 “为案件当事人请托说情的” in words the lexicon's list lacks."""
    facts = extractor.extract(f"副县长给承办法官打电话，说被告是他的朋友，“{request_words}”。"
                              ).facts
    assert "plead" in (facts.conduct or [])


def test_a_negation_governs_an_enumeration(extractor: Extractor) -> None:
    """没有对罪名、量刑提出任何意见: 、 does not end the negation's reach."""
    text = extractor.lexicon.analyse("副县长没有对罪名、量刑幅度提出意见")
    hits = text.find(("意见",))
    assert hits and all(m.negated for m in hits)


def test_a_disclosure_ruled_out_is_no_leak(extractor: Extractor) -> None:
    """法官告诉她判决前不能透露合议庭的意见: R3 第五条第（一）项's 泄露 did not happen."""
    facts = extractor.extract("被告人的姐姐在法院接待室问法官，法官告诉她宣判前不能透露"
                              "合议庭的意见。").facts
    assert "leak" not in (facts.conduct or [])
    leaked = extractor.extract("法官私下告诉被告人的姐姐合议庭的评议意见。").facts
    assert "leak" in (leaked.conduct or [])


def test_a_denied_role_is_no_counterpart(assessor: Assessor) -> None:
    """R3 governs contact with 当事人、律师、特殊关系人、中介组织 (第五条): a meal with someone
    the words say is none of them is no violation, and without the role the verdict waits."""
    result = assessor.assess("检察官周末和堂兄在饭店喝酒。堂兄在工厂上班，不是检察官所办任何"
                             "案件的当事人或者律师。")
    assert result.facts.counterpart is None
    assert result.verdict != "violation"


def test_an_insider_s_invitation_where_a_party_turns_up(assessor: Assessor) -> None:
    """R2 第九条第（二）项 “邀请办案人员私下会见案件当事人或其辩护人”: the officer learnt of
    the party only on arrival (R3 第七条), and the one who invited still arranged it; when the
    words doubt that he arranged it, no violation is found."""
    result = assessor.assess("同院另一个庭的法官请承办法官周五下班后吃饭，到了饭店承办法官才"
                             "发现原告也在座。承办法官当即离开，当天向本院纪检监察部门报告。")
    assert "private_meeting" in (result.facts.conduct or [])
    assert result.verdict == "violation"
    assert any((p.alias, p.article, p.item) == ("R2", 9, 2) for p in result.provisions[:3])
    doubted = assessor.assess("同院另一个庭的法官请承办法官周五下班后吃饭，到了饭店承办法官"
                              "才发现原告也在座。那位法官说原告是自己来的，不知道是不是他安排的。")
    assert "private_meeting" not in (doubted.facts.conduct or [])
