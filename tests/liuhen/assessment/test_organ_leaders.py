"""R1 第十二条 names 审判机关、检察机关 and 行政机关 among the organs whose leading cadres R1
governs: the head or a deputy head of a court, a procuratorate or a police bureau who interferes
in a case is a 领导干部 of R1 as well as an insider of R2 第十三条. The engine reads such a
situation under both, with R1's items, duties and liability quoted; a division head, a retiree
and lawful supervision add nothing of R1. Situations written from the text for this test."""

from __future__ import annotations

from liuhen.assessment import Assessor, Facts
from liuhen.assessment.models import Assessment
from liuhen.assessment.verdict import judge

SEED_R1_12 = ("本规定所称领导干部，是指在各级党的机关、人大机关、行政机关、政协机关、审判机关、"
              "检察机关、军事机关以及公司、企业、事业单位、社会团体中具有国家工作人员身份的领导干部")


def _rules(result: Assessment) -> dict[str, str]:
    """``R1-8-1`` -> status, for the provisions the rules decided."""
    return {f"{p.alias}-{p.article}" + (f"-{p.item}" if p.item else ""): p.status
            for p in result.provisions if p.source == "rule"}


def test_the_seed_defines_leaders_to_include_courts_and_procuratorates(
        assessor: Assessor) -> None:
    text = assessor.book.regulations["R1"].body()
    assert SEED_R1_12 in text


def test_a_deputy_chief_procurator_pleading_is_read_under_r1_and_r2(assessor: Assessor) -> None:
    result = assessor.assess("县检察院副检察长找到承办检察官，说犯罪嫌疑人是他的表弟，"
                             "希望对他从轻处理")
    assert result.verdict == "violation", result.reasons
    assert set(result.regimes) >= {"R1", "R2"}
    rules = _rules(result)
    assert rules.get("R2-9-1") == "violation"
    assert rules.get("R1-8-1") == "violation"
    r1_eight = next(p for p in result.provisions if (p.alias, p.article, p.item) == ("R1", 8, 1))
    assert r1_eight.quote in assessor.book.regulations["R1"].body()
    duties = {(d.basis.alias, d.basis.article, d.basis.paragraph): d for d in result.duties}
    quarterly = duties[("R1", 7, 1)]
    assert quarterly.deadline is None  # 每季度 is no date
    assert quarterly.basis.quote in assessor.book.regulations["R1"].body()
    assert ("R2", 8, 1) in duties
    liability = {(item.basis.alias, item.basis.article): item for item in result.liability}
    assert liability[("R1", 9)].condition == "造成后果或者恶劣影响的"


def test_lawful_supervision_by_a_court_president_adds_no_r1(assessor: Assessor) -> None:
    result = assessor.assess("院长通过审判管理系统向合议庭书面提出意见，提示注意新的司法解释，"
                             "意见已附卷")
    assert result.verdict == "lawful", result.reasons
    assert not any(key.startswith("R1-") for key in _rules(result))


def test_a_retired_deputy_president_is_no_r1_cadre(assessor: Assessor) -> None:
    result = assessor.assess("已经退休的原县法院副院长找到承办法官，为被告人说情，让他判轻点")
    assert "R1-8-1" not in _rules(result)
    assert result.facts.organ_leader is not True


def test_a_division_head_is_not_read_as_the_organs_leader(assessor: Assessor) -> None:
    result = assessor.assess("法院执行局长找到承办执行法官，为被执行人说情，让他暂缓冻结账户")
    assert result.facts.organ_leader is not True
    assert not any(key.startswith("R1-") for key in _rules(result))


def test_r2_findings_have_their_r1_counterparts_with_the_same_status() -> None:
    facts = Facts(regimes=["R2"], conduct=["pass_materials"], insider_relation="own_leader",
                  personal_tie=True, organ_leader=True, retaliation=True)
    findings = judge(facts)
    statuses = {f.rule: f.status for f in findings.items}
    assert statuses["R2-9-3"] == "violation"
    assert statuses["R1-8-5"] == "violation"  # 转递材料 has no item of its own in R1 第八条
    assert statuses["R1-6"] == statuses["R2-7"]
    assert {"R1.8.violation", "R1.interference"} <= findings.triggers


def test_an_unrecorded_inquiry_without_interference_is_no_r1_matter() -> None:
    facts = Facts(regimes=["R2"], insider_relation="own_leader", organ_leader=True,
                  conduct=["guidance"], written=False, recorded=False)
    findings = judge(facts)
    rules = {f.rule for f in findings.items}
    assert "R2-11" in rules
    assert not any(rule.startswith("R1-") for rule in rules)
