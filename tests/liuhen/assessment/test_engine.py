"""The engine on situations written from the text (not from any evaluation set): verdicts,
negation, duties and deadlines exactly as GUIDE.md imposes them, and reasons made only of the
user's words."""

from __future__ import annotations

import pytest

from liuhen.assessment import Assessor, Facts
from liuhen.assessment.missing_facts import LEGAL_PROCEDURE
from liuhen.assessment.verdict import judge


def _keys(result: object) -> set[str]:
    return {f"{d.basis.alias}-{d.basis.article}" for d in result.duties}  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("query", "verdict", "top"),
    [
        pytest.param("县委书记给承办法官打电话，说被告人是他朋友的儿子，希望判轻一点", "violation",
                     ("R1", 8, 1), id="r1-plead"),
        pytest.param("市委政法委按照工作程序发函，请法院报告案件审理进度，对案件怎么判没有任何意见",
                     "lawful", ("R1", 3, None), id="r1-3-lawful"),
        pytest.param("法官收下了当事人送的购物卡", "violation", ("R3", 5, 3), id="r3-gift"),
        pytest.param("律师送来购物卡，法官当场退了回去并向纪检监察部门报告", "lawful",
                     ("R3", 5, 3), id="r3-gift-refused"),
        pytest.param("法官周末在商场偶遇本案被告的代理律师，第二天就向纪检监察部门报告了",
                     "lawful", ("R3", 7, None), id="r3-7-reported-next-day"),
        pytest.param("检察官在健身房偶遇当事人，十天后才向纪检监察部门报告", "violation",
                     ("R3", 7, None), id="r3-7-reported-late"),
        pytest.param("侦查员约当事人在茶馆见面了解情况，材料里没写是否报批", "undetermined",
                     ("R3", 6, None), id="r3-6-approval-unknown"),
    ],
)
def test_verdicts(assessor: Assessor, query: str, verdict: str,
                  top: tuple[str, int, int | None]) -> None:
    result = assessor.assess(query)
    assert result.verdict == verdict, result.reasons
    first = result.provisions[0]
    assert (first.alias, first.article, first.item) == top


def test_negation_cancels_the_conduct(assessor: Assessor) -> None:
    pleads = assessor.assess("县长打电话给法官，为被告人说情")
    denies = assessor.assess("县长打电话给法官问了问案件进展，并未说情")
    assert pleads.verdict == "violation"
    assert denies.verdict != "violation"
    assert "plead" not in (denies.facts.conduct or [])


def test_unapproved_and_approved_flip(assessor: Assessor) -> None:
    base = "法官到当事人家中核实情况"
    assert assessor.assess(base + "，未经批准").verdict == "violation"
    assert assessor.assess(base + "，事先经批准").verdict == "lawful"
    assert assessor.assess(base, Facts(approved=True)).verdict == "lawful"


def test_unplanned_contact_duty_has_the_texts_deadline(assessor: Assessor) -> None:
    result = assessor.assess("法官周末在商场偶遇本案被告的代理律师，第二天就向纪检监察部门报告了")
    duty = next(d for d in result.duties if d.basis.article == 7)
    assert (duty.bearer, duty.recipient, duty.deadline) == ("司法人员", "本单位纪检监察部门",
                                                            "三日内")
    assert result.liability == []
    for d in result.duties:
        assert d.deadline in (None, "三日内", "一个月内")


def test_quarterly_and_prompt_duties_have_no_deadline(assessor: Assessor) -> None:
    result = assessor.assess("县委书记给承办法官打电话，说被告人是他朋友的儿子，希望判轻一点")
    assert _keys(result) == {"R1-5", "R1-7", "R1-8", "R1-11"}
    quarterly = next(d for d in result.duties if d.basis.article == 7 and d.timing == "每季度")
    assert quarterly.deadline is None
    assert quarterly.recipient == "同级党委政法委、上级司法机关"
    liability = result.liability[0]
    assert (liability.basis.alias, liability.basis.article) == ("R1", 9)
    held = {c.title: c.held for c in liability.cites}
    assert held["行政机关公务员处分条例"] is True
    assert held["中国共产党纪律处分条例"] is False


def test_lawful_r1_3_creates_no_duty(assessor: Assessor) -> None:
    result = assessor.assess("市委政法委按照工作程序发函，请法院报告案件审理进度，"
                             "对案件怎么判没有任何意见")
    assert result.duties == [] and result.liability == []


def test_named_report_gets_the_one_month_deadline(assessor: Assessor) -> None:
    result = assessor.assess("当事人实名向法院纪检监察部门举报承办法官收了律师的红包")
    named = [d for d in result.duties if d.deadline == "一个月内"]
    assert len(named) == 1 and named[0].recipient == "举报人"
    assert result.verdict == "undetermined"


def test_recorder_is_protected(assessor: Assessor) -> None:
    result = assessor.assess("法官如实记录了副县长为当事人说情的电话，之后被调离审判岗位，打击报复")
    assert {(p.basis.alias, p.basis.article) for p in result.protections} == {("R1", 6)}
    assert ("R1", 9) in {(x.basis.alias, x.basis.article) for x in result.liability}


def test_reasons_hold_only_the_users_words(assessor: Assessor) -> None:
    query = "副市长的秘书给法官打电话，说市长让他问问能不能关照一下被告"
    result = assessor.assess(query)
    for reason in result.reasons:
        if ": " in reason and not reason.startswith("R"):
            words = reason.split(": ", 1)[1].split("、")
            assert all(word in query for word in words), reason


def test_empty_query_is_refused(assessor: Assessor) -> None:
    from core.errors import InputError

    with pytest.raises(InputError, match="empty"):
        assessor.assess("   ")


@pytest.mark.parametrize(
    ("facts", "verdict"),
    [
        # A coordination meeting (weak conduct words) held by procedure: R1 第三条 turns on
        # whether the procedure was followed and nothing was decided for the case.
        pytest.param(Facts(regimes=["R1"], conduct=["directive"], via_procedure=True),
                     "undetermined", id="weak-conduct-with-procedure"),
        # A plea is a plea, whatever letterhead carries it.
        pytest.param(Facts(regimes=["R1"], conduct=["plead"], via_procedure=True),
                     "violation", id="plea-with-procedure"),
        pytest.param(Facts(regimes=["R1"], conduct=["directive"], via_procedure=False),
                     "violation", id="weak-conduct-without-procedure"),
    ],
)
def test_a_stated_procedure_makes_weak_conduct_undetermined(facts: Facts, verdict: str) -> None:
    findings = judge(facts)
    assert findings.verdict == verdict
    if verdict == "undetermined":
        assert LEGAL_PROCEDURE in findings.missing
