"""The quarterly summaries as R1 第七条第一款 and R3 第十三条 describe them: per regulation,
violations listed and lawful ones apart, recipients named from the organ hierarchy, no due
date, only for a quarter that has ended; R2 summarised by the 纪检监察部门 (R2 第八条).

Replaces tests that pinned the old lumped counts (R1, R2 and R3 together, lawful R1-3/R2-5
counted as interventions, an "unclassified" count for records without reviewer labels) and an
ASCII chart."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from core.errors import InputError
from ingest.records import RecordSet
from liuhen.assessment.rules import Basis, unit_text
from liuhen.classify import IncidentEngine
from liuhen.summary import (
    QuarterlySummary,
    chart_figure,
    parse_quarter,
    quarterly_summary,
    render_chart,
)

AFTER = date(2026, 11, 30)


def summarise(example: RecordSet, engine: IncidentEngine, organ: str | None, year: int,
              quarter: int, today: date = AFTER) -> QuarterlySummary:
    return quarterly_summary(example, organ, year, quarter, book=engine.engine.book,
                             assess=lambda i: engine.assess(i, example), today=today)


def test_per_regulation_with_lawful_apart(example: RecordSet, incident_engine: IncidentEngine):
    summary = summarise(example, incident_engine, "bl-al-fy", 2026, 3)
    assert set(summary.incidents) == {"i001", "i012", "i020", "i023", "i038", "i044", "i068"}
    r1, r3 = summary.sections
    assert (r1.regulation, r3.regulation) == ("R1", "R3")
    # i020 (a county deputy secretary's call relayed: the judge "不了解地方情况", send "一个有经验的
    # 同志") names a cadre and no conduct the extractor reads: since session 6 that is
    # undetermined ("行为是否属于违法干预司法活动"), never a violation from who called.
    assert {e.incident for e in r1.violations} == {"i001", "i012"}
    assert "行为是否属于违法干预司法活动" in next(
        e for e in r1.undetermined if e.incident == "i020").missing_facts
    assert all(e.status == "violation" for e in r1.violations)
    assert "第八条第（三）项" in r1.by_item
    # A complaint (R3 第九条) is not yet an improper contact: listed apart, with what it
    # waits for.
    assert [e.incident for e in r3.undetermined] == ["i044"]
    assert r3.undetermined[0].missing_facts == ["举报反映的情况是否属实"]
    assert not r3.violations
    # R2 is not part of the quarterly report; the lawful inquiry by letter (R2 第五条) is apart.
    assert summary.r2.recipients == [] and "R2 第八条" in summary.r2.note
    assert [e.incident for e in summary.r2.lawful] == ["i068"]
    listed = {e.incident for s in summary.sections for e in s.violations}
    assert "i068" not in listed


def test_recipients_are_named_from_the_hierarchy(example: RecordSet,
                                                 incident_engine: IncidentEngine):
    summary = summarise(example, incident_engine, "bl-al-fy", 2026, 3)
    for section in summary.sections:
        assert [(r.text, r.organ, r.label) for r in section.recipients] == [
            ("同级党委政法委", "bl-al-zfw", "中共安澜县委政法委员会"),
            ("上级司法机关", "bl-fy", "白鹭市中级人民法院")]
    # The provincial court's superior is not in the records: marked unknown, not invented.
    high = summarise(example, incident_engine, "ql-fy", 2026, 2)
    upward = high.sections[0].recipients[1]
    assert upward.resolved is False and upward.organ is None


def test_no_due_date_and_quoted_basis(example: RecordSet, incident_engine: IncidentEngine):
    summary = summarise(example, incident_engine, "bl-al-fy", 2026, 3)
    assert summary.timing == "每季度"
    assert "due" not in QuarterlySummary.model_fields
    regulations = incident_engine.engine.book.regulations
    for section in [*summary.sections, summary.r2]:
        basis = Basis.model_validate({"regulation": section.basis.regulation,
                                      "article": section.basis.article,
                                      "paragraph": section.basis.paragraph})
        assert section.basis.quote in unit_text(regulations, basis)
    assert summary.sections[0].basis.quote.startswith("司法机关应当每季度")
    assert "每季度" in summary.sections[1].basis.quote


def test_a_quarter_is_summarised_only_after_it_ends(example: RecordSet,
                                                    incident_engine: IncidentEngine):
    with pytest.raises(InputError, match="2026Q4 ends on 2026-12-31") as raised:
        summarise(example, incident_engine, "bl-al-fy", 2026, 4)
    assert raised.value.field == "quarter"
    with pytest.raises(InputError, match="after it has ended"):
        summarise(example, incident_engine, "bl-al-fy", 2026, 3, today=date(2026, 9, 30))
    assert summarise(example, incident_engine, "bl-al-fy", 2026, 3,
                     today=date(2026, 10, 1)).count == 7


def test_only_current_versions_count(example: RecordSet, incident_engine: IncidentEngine):
    summary = summarise(example, incident_engine, "bl-fy", 2026, 2)
    assert "i047-v2" in summary.incidents and "i047" not in summary.incidents


def test_bad_quarter_or_organ(example: RecordSet, incident_engine: IncidentEngine):
    with pytest.raises(InputError):
        parse_quarter("2026Q5")
    assert parse_quarter("2026-q2") == (2026, 2)
    with pytest.raises(InputError, match="unknown organ"):
        summarise(example, incident_engine, "nowhere", 2026, 1)


def test_chart_is_a_png_in_chinese(example: RecordSet, incident_engine: IncidentEngine,
                                   tmp_path: Path):
    from matplotlib.text import Text

    summary = summarise(example, incident_engine, "bl-al-fy", 2026, 3)
    figure = chart_figure(summary)
    texts = [t.get_text() for t in figure.findobj(Text)]
    fonts = {t.get_fontname() for t in figure.findobj(Text) if t.get_text()}
    assert fonts == {"Noto Sans SC"}
    title = figure.get_suptitle()
    assert "安澜县人民法院 2026年第三季度" in title
    assert "中共安澜县委政法委员会、白鹭市中级人民法院" in title
    assert "第八条第（一）项" in texts
    words = " ".join(texts)
    assert "R1-8" not in words and "insider" not in words and "bl-al-fy" not in words
    path = render_chart(summary, tmp_path / "q.png")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
