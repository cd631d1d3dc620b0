"""R1 第五条第二款 for letters in an organisation's name (session 23): "以组织名义向司法机关发文
发函对案件处理提出要求的，或者领导干部身边工作人员、亲属干预司法活动、插手具体案件处理的，司法人员均
应当如实记录并留存相关材料". Interference is the condition for a cadre's staff and relatives only;
a letter that asks something of a case's handling is recorded with its materials even where it
is lawful under R1 第三条, and a letter that only asks to learn about a case asks nothing of its
handling. Every sentence is written for the test, not taken from any situation set."""

from __future__ import annotations

import pytest

from liuhen.assessment import Assessor
from liuhen.assessment.models import Assessment

RECORD_AND_KEEP = "如实记录并留存相关材料"


def _record_and_keep(result: Assessment) -> list[str]:
    """The quotes of the R1 第五条第二款 duties the assessment names."""
    return [d.basis.quote for d in result.duties
            if (d.basis.alias, d.basis.article, d.basis.paragraph) == ("R1", 5, 2)]


@pytest.mark.parametrize("situation", [
    "市委政法委向县法院发出督办函，要求依法加快审理一起拖欠工程款的案件，函中没有对判决提出意见。",
    "区人大常委会办公室给区法院发函，转去一名代表反映的执行案件情况，请法院依法处理并书面答复。",
    "县委政法委以政法委的名义发函，要求检察院在作出起诉决定前先报告案件情况。",
    # a request about the handling in words the conduct cues do not name (妥善处理)
    "市委政法委发函，请区法院依法妥善处理一起拖欠工资的执行案件。",
    # a report asked beside a request about the handling itself
    "市信访局给区法院发来转办单，转去一封来信，请法院依法核查处理并报告处理结果。",
    # an office of an organ sends it (session 24: the sender was read as a cadre, or nobody)
    "县政府办公室给县法院发来一份转送单，转去一封群众来信，请法院依法处理一起房屋买卖纠纷并答复来信人。",
    "区人大常委会信访室给区法院发来附函，转去一封反映执行案件拖延的来信，请法院依法办理。",
])
def test_a_letter_asking_of_a_case_is_recorded_and_kept(assessor: Assessor,
                                                        situation: str) -> None:
    result = assessor.assess(situation)
    assert result.verdict != "violation"  # the duty does not make the letter a violation
    assert _record_and_keep(result) == ["司法人员均应当如实记录并留存相关材料"]
    assert any(d.action == RECORD_AND_KEEP and d.bearer == "司法人员" for d in result.duties)


@pytest.mark.parametrize("situation", [
    # learning about a case asks nothing of its handling
    "市委政法委依照工作程序发函，了解一起合同纠纷案件的办理进展情况。",
    # a document about no particular case
    "市委政法委印发文件，部署全市法院开展涉企案件专项清理工作，没有涉及任何具体案件。",
    # no letter: a meeting and a call are not 发文发函
    "县委政法委按程序召开协调会，要求法院依法尽快审结该案，没有对案件的定性和判决提出意见。",
])
def test_no_letter_asking_of_a_case_no_record_and_keep(assessor: Assessor,
                                                       situation: str) -> None:
    result = assessor.assess(situation)
    assert result.verdict == "lawful"
    assert _record_and_keep(result) == []


def test_a_request_only_to_report_is_read_as_such(assessor: Assessor) -> None:
    """The fact behind the line between 了解案件情况 and a request about the handling."""
    only_report = assessor.assess("市委政法委发函，请市中院书面报告一起集资案的审理进度。")
    also_handle = assessor.assess("市委政法委发函，请市中院依法加快审理一起集资案，并报告进度。")
    assert only_report.facts.reports_only is True
    monthly = assessor.assess("县委政法委向县检察院发出书面通知，要求按月报送一起涉众诈骗案的"
                              "审查起诉进展。")
    assert monthly.facts.reports_only is True
    assert also_handle.facts.reports_only is False


def test_a_courts_own_committee_minutes_are_no_organisations_letter(assessor: Assessor) -> None:
    """审判委员会 is the court's own committee, not an organisation writing to the court."""
    result = assessor.assess("审判委员会讨论一起案件，院长发表了意见，意见写入了审委会会议纪要。")
    assert result.verdict == "lawful"
    assert result.facts.org_letter is not True
    assert _record_and_keep(result) == []
