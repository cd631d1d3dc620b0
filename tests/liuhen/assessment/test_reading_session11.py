"""Constructions read in session 11 (issue 11): what the account itself says is not known
(还没查清, 目前都不清楚, 说法不一) and the findings that wait for it; a request refused; the
former unit named only to be set apart; a recusal; a staff member's relative who asked nothing;
a retired insider's visit that named no case; a request whose outcome stands in quotes; a
tip-off before a detention. Every sentence is written for the test from the regulations' own
terms, not taken from any situation set; each change was kept only if no author's set lost a
verdict by it (docs/benchmarks.md, "Assessment engine, session 11")."""

from __future__ import annotations

import typing

import pytest
from pydantic import ValidationError

from liuhen.assessment import Assessor
from liuhen.assessment import missing_facts as unknown
from liuhen.assessment.facts import Facts, OpenFact
from liuhen.assessment.open_questions import open_questions
from tests.liuhen.assessment.reading import first_provision


@pytest.mark.parametrize(("text", "fact"), [
    ("他被调离审判岗位，这次调动有没有经过党组研究，目前都不清楚。", unknown.LAWFUL_CAUSE),
    ("还没查清出借人与该案有没有利害关系。", unknown.COUNTERPART),
    ("这位科长现在还算不算领导干部，单位里说法不一。", unknown.IS_LEADER),
    ("处长的意见是写在审批单上还是当面说的，承办人记不清了。", unknown.WRITTEN),
    ("最后怎么定的，会议纪要里没有写。", unknown.DECISION),
    ("他为什么要问开庭时间，他没说。", unknown.FOR_A_PARTY),
    ("那笔转账法官是收下了还是退回了，还在调取银行记录。", unknown.ACCEPTED),
])
def test_an_open_question_names_the_fact_it_leaves_open(text: str, fact: str) -> None:
    assert fact in [q.fact for q in open_questions(text)]


@pytest.mark.parametrize("text", [
    "他没说要从轻，只问了开庭时间。",  # a weak marker with no question: conduct denied
    "法官当时不清楚对方是不是当事人，寒暄了几句。",  # what he did not know then (R3 第七条)
    "法官收了当事人送的购物卡，金额多少还没查清。",  # an open amount decides nothing here
])
def test_words_that_leave_no_decisive_fact_open(text: str) -> None:
    facts = {q.fact for q in open_questions(text)}
    assert not facts & {unknown.COUNTERPART, unknown.ACCEPTED, unknown.IS_LEADER}


def test_a_transfer_whose_procedure_is_open_waits_for_it(assessor: Assessor) -> None:
    """R2 第七条: 非因法定事由，非经法定程序 — the account says it does not know either."""
    told = ("书记员如实记录了同事过问案件的情况。半年后他被调离审判岗位，他认为是打击报复。"
            "这次调离有没有经过党组研究、有没有成文的轮岗办法，目前都不清楚。")
    result = assessor.assess(told)
    assert result.verdict == "undetermined"
    assert unknown.LAWFUL_CAUSE in result.missing_facts
    stated = assessor.assess("书记员如实记录了同事过问案件的情况。院长为此把他调离审判岗位，"
                             "没有任何法定事由，明说是打击报复。")
    assert stated.verdict == "violation"


def test_a_loan_from_someone_whose_tie_to_the_case_is_open_waits(assessor: Assessor) -> None:
    """R3 第五条第（四）项 forbids borrowing from 当事人、律师、特殊关系人、中介组织."""
    open_tie = assessor.assess("法官向一位做建材生意的老板借了十万元，写了借条。这位老板与法官"
                               "承办的案件有没有利害关系，还没查清。")
    assert open_tie.verdict == "undetermined"
    assert unknown.COUNTERPART in open_tie.missing_facts
    party = assessor.assess("法官向自己承办案件的原告借了十万元，写了借条。")
    assert party.verdict == "violation"


def test_an_identity_in_dispute_leaves_a_leaders_plea_undetermined(assessor: Assessor) -> None:
    """R1 第十二条: only 具有国家工作人员身份的领导干部 are governed."""
    result = assessor.assess("县交通局一位副局长给执行法官打电话，请求对被执行人宽限几个月。"
                             "他上月已退出领导岗位，他现在算不算领导干部，局里争论不下。")
    assert result.verdict == "undetermined"
    assert unknown.IS_LEADER in result.missing_facts


def test_a_caller_may_name_an_open_fact_and_only_a_known_one() -> None:
    assert Facts(open_facts=[unknown.APPROVAL]).open_facts == [unknown.APPROVAL]
    with pytest.raises(ValidationError):
        Facts(open_facts=["随便什么事实"])
    assert set(typing.get_args(OpenFact)) == set(unknown.OPENABLE)


def test_an_open_fact_given_holds_back_the_finding_it_decides(assessor: Assessor) -> None:
    told = "法官未经审批，在茶楼里与当事人见面，谈了两个小时案情。"
    assert assessor.assess(told).verdict == "violation"
    held = assessor.assess(told, Facts(open_facts=[unknown.APPROVAL]))
    assert held.verdict == "undetermined"
    assert unknown.APPROVAL in held.missing_facts


def test_a_former_unit_named_only_to_be_set_apart(assessor: Assessor) -> None:
    """R3 第八条 forbids only 原任职单位办理案件 — this case was never there."""
    result = assessor.assess("李律师两年前从某县法院辞职，如今在律所执业。他这次代理的案件一直由"
                             "市中级法院审理，和他原来所在的县法院没有任何关系。")
    assert result.verdict == "lawful"
    assert first_provision(result)[:2] == ("R3", 8)


def test_a_request_to_a_leader_refused_on_the_spot_is_no_plea(assessor: Assessor) -> None:
    """The one asked (a 县长) refused: R1 第八条第（一）项's 请托说情 was never made by him."""
    result = assessor.assess("一位老板在饭后拦住县长，想请他跟法院打个招呼，让查封的厂房先缓一缓。"
                             "县长当场回绝：“法院的事按程序办。”")
    assert result.verdict != "violation"


def test_an_extension_asked_by_a_deputy_head_is_a_plea(assessor: Assessor) -> None:
    """R2 第九条第（一）项: 为案件当事人请托说情 — 宽限, 别列入失信名单."""
    result = assessor.assess("分管执行的副院长把执行法官叫到办公室：“被执行人是我战友，能不能"
                             "宽限三个月，先别把他列入失信名单？”执行法官登记在案。")
    assert result.verdict == "violation"
    assert first_provision(result) == ("R2", 9, 1)


def test_the_overseers_step_is_not_the_officers_procedure(assessor: Assessor) -> None:
    """纪委调取的记录: how the facts were found; the message itself leaks a deliberation
    (R3 第五条第（一）项)."""
    result = assessor.assess("纪委调取的聊天记录显示，承办检察官告诉嫌疑人的父亲：“检委会下周"
                             "讨论，目前倾向不起诉。”")
    assert result.verdict == "violation"
    assert first_provision(result) == ("R3", 5, 1)


def test_an_anonymous_letter_is_a_complaint_to_verify(assessor: Assessor) -> None:
    """R3 第十条: 认真进行核查 — what it alleges is not yet established."""
    result = assessor.assess("院纪检组收到一封匿名信，称某法官把合议庭意见透露给了被告的家属。")
    assert result.verdict == "undetermined"
    assert unknown.REPORT_TRUE in result.missing_facts


def test_a_chance_meeting_at_the_market_reported_next_day(assessor: Assessor) -> None:
    """R3 第七条: 因不明情况或者其他原因 … 三日内 — reported the next day."""
    result = assessor.assess("赵法官周日在菜市场被一起案件的被告认了出来，对方拉着他说了几句"
                             "案子的事。周一上午赵法官向院纪检组报告了经过。")
    assert result.verdict == "lawful"
    assert first_provision(result)[:2] == ("R3", 7)


def test_a_relative_with_no_tie_to_any_case(assessor: Assessor) -> None:
    result = assessor.assess("法官的舅舅国庆节来家里住了几天，聊的都是家常。舅舅跟法官手上的"
                             "案件没有任何牵连，也不认识任何一个当事人。")
    assert result.verdict == "lawful"


def test_a_recusal_approved_is_lawful_under_article_four(assessor: Assessor) -> None:
    result = assessor.assess("检察官发现审查起诉的案件中，被害人的代理律师是自己的大学室友，"
                             "当天提交了回避申请，经检察长批准后案件改由他人承办。")
    assert result.verdict == "lawful"
    assert first_provision(result)[:2] == ("R3", 4)
    assert "有法律规定的回避情形的，应当自行回避" in result.provisions[0].quote


def test_a_drivers_cousin_who_asked_nothing(assessor: Assessor) -> None:
    """R1 第八条第（三）项 needs a plea made through the staff member or relative."""
    result = assessor.assess("副县长秘书的堂弟在县法院有一起劳务纠纷。秘书陪他去立案大厅"
                             "递交材料，没有找任何法官，也没有提任何要求。")
    assert result.verdict == "lawful"
    assert first_provision(result) == ("R1", 8, 3)


def test_a_retired_insiders_visit_that_named_no_case(assessor: Assessor) -> None:
    """R2 第二条: 不得违反规定过问和干预其他人员正在办理的案件 — none was asked of."""
    result = assessor.assess("退休多年的老庭长春节去几位老同事家里拜年，坐了一会儿，聊的都是"
                             "家常，法官手上的案子他一句都没问。")
    assert result.verdict == "lawful"
    assert first_provision(result)[:2] == ("R2", 2)
    assert "不得违反规定过问和干预其他人员正在办理的案件" in result.provisions[0].quote


def test_a_letter_asking_for_an_outcome_in_quotes(assessor: Assessor) -> None:
    """R1 第八条第（四）项: 发文件 … 对案件处理提出倾向性意见或者具体要求."""
    result = assessor.assess("县住建局以单位名义给县法院发函，称一起房屋拆迁纠纷“关系重点工程”，"
                             "请法院“认定协议有效，驳回原告诉讼请求”。")
    assert result.verdict == "violation"
    assert first_provision(result) == ("R1", 8, 4)


def test_a_tip_off_before_a_detention(assessor: Assessor) -> None:
    """R3 第五条第（一）项: 泄露司法机关办案工作秘密."""
    result = assessor.assess("一名法警得知执行局次日要对被执行人采取拘留措施，当晚就给被执行人的"
                             "女儿打电话：“明天别让你爸在家。”")
    assert result.verdict == "violation"
    assert first_provision(result) == ("R3", 5, 1)


def test_a_judge_who_told_a_party_to_change_lawyers(assessor: Assessor) -> None:
    """R3 第五条第（二）项: 要求、建议或者暗示当事人更换符合代理条件的律师."""
    result = assessor.assess("立案时，法官私下对原告说，他现在请的律师不懂行，让他把这个律师"
                             "换掉，再找一个熟悉这类案子的。")
    assert result.verdict == "violation"
    assert first_provision(result) == ("R3", 5, 2)


def test_a_talk_whose_subject_is_open_is_not_called_lawful(assessor: Assessor) -> None:
    result = assessor.assess("县委一位副书记把执行局长叫到办公室谈了半小时，局长不愿透露谈了"
                             "什么，谈话是否涉及那起执行案件无从得知。")
    assert result.verdict == "undetermined"


def test_a_complaint_answers_with_what_it_allegesfirst_provision(full_assessor: Assessor) -> None:
    """R3 第九条 allows the complaint; the question is its allegation (R3 第五条) and 第十条's
    verification, which come before it (with the learned prior, as the service ranks)."""
    result = full_assessor.assess("当事人向法院纪检组实名举报：承办法官收了对方律师送的两条烟。")
    assert result.verdict == "undetermined"
    first = [(p.alias, p.article) for p in result.provisions[:2]]
    assert ("R3", 9) not in first
    assert ("R3", 9) in [(p.alias, p.article) for p in result.provisions]


def test_another_organs_inquiry_by_procedure_ranks_before_the_duty_to_record(
        full_assessor: Assessor) -> None:
    """R2 第五条 (依照法律程序或者工作程序) answers the question; 第六条's recording follows."""
    result = full_assessor.assess("区公安分局侦查员持协助调查函到法院，因履行职责需要向承办法官"
                                  "了解一起诈骗案的审理进度，承办法官登记在案。")
    assert result.verdict == "lawful"
    assert first_provision(result)[:2] == ("R2", 5)


def test_an_invitation_in_quotes_refused(assessor: Assessor) -> None:
    """R3 第五条第（三）项 forbids 接受…请客: an invitation turned down is none accepted."""
    result = assessor.assess("被告的代理律师托朋友带话，想请承办法官周末“聚一聚，吃个便饭”。"
                             "法官当即拒绝，没有赴约。")
    assert result.verdict == "lawful"
    assert first_provision(result) == ("R3", 5, 3)


def test_recognised_at_a_school_meeting_and_reported_next_day(assessor: Assessor) -> None:
    """R3 第七条: 因不明情况或者其他原因 … 三日内 — a parents' meeting, reported the next day."""
    result = assessor.assess("法官周四晚上去女儿学校开家长会，被一起案件原告的父亲认出，对方想跟"
                             "他聊案子。法官说不方便，转身离开，周五上午向院纪检组报告。")
    assert result.verdict == "lawful"
    assert first_provision(result)[:2] == ("R3", 7)


def test_a_judge_who_recused_himself_whoever_tells_it(assessor: Assessor) -> None:
    result = assessor.assess("审判员发现分到的一起买卖合同纠纷中，原告是他的堂兄，当天提出"
                             "自行回避，经院长批准后案件改由其他审判员承办。")
    assert result.verdict == "lawful"
    assert first_provision(result)[:2] == ("R3", 4)


def test_a_work_report_heard_with_only_the_law_said(assessor: Assessor) -> None:
    """R1 第三条: 依照工作程序了解案件情况 — not 第八条第（四）项, which needs an opinion."""
    result = assessor.assess("副市长在听取市中级法院年度工作汇报时，对一起非法集资案只说了一句"
                             "“依法办理”，没有对定罪量刑提出任何意见。")
    assert result.verdict == "lawful"
    assert first_provision(result)[:2] == ("R1", 3)


def test_a_family_dinner_where_no_case_was_named(assessor: Assessor) -> None:
    result = assessor.assess("国庆节，检察官和在区税务局当科长的姨父一家吃了顿饭。姨父一家在"
                             "检察院没有任何案件，饭桌上也没人提到任何案件。")
    assert result.verdict == "lawful"


def test_a_superiors_written_reply_to_a_request_for_instructions(assessor: Assessor) -> None:
    """R2 第四条: 上级司法机关工作人员 … 应当依照程序以书面形式提出 — a written reply to the
    handler's own 请示 is that."""
    result = assessor.assess("基层法院就一起劳动争议案件的法律适用向中级法院请示，中级法院"
                             "研究后作出书面答复，承办法官将答复附卷。")
    assert result.verdict == "lawful"
    assert first_provision(result)[:2] == ("R2", 4)
    pleaded = assessor.assess("基层法院向中级法院请示后，中级法院庭长打电话让承办法官对被告"
                              "从轻判处，没有任何书面答复。")
    assert pleaded.verdict != "lawful"


def test_an_unnamed_former_court_and_a_word_pointing_back_to_it(assessor: Assessor) -> None:
    """R3 第八条: 不得担任原任职单位办理案件的诉讼代理人 — 某区法院 … 该区法院 is one court."""
    same = assessor.assess("原某区法院刑庭法官周某辞职后做了律师，今年代理了一起正在该区法院"
                           "审理的借款纠纷，委托人与他没有任何亲属关系。")
    assert same.verdict == "violation"
    assert first_provision(same)[:2] == ("R3", 8)
    other = assessor.assess("原甲区法院法官周某辞职后做了律师，今年代理了一起正在乙区法院审理的"
                            "借款纠纷，委托人与他没有任何亲属关系。")
    assert other.verdict == "lawful"
