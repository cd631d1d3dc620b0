"""The quarterly summary (R1 第七条第一款, R3 第十三条) as JSON and as a chart."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.errors import InputError
from ingest.records import RecordSet
from liuhen.summary import parse_quarter, quarterly_summary, render_chart


def test_counts_for_one_organ_and_quarter(example: RecordSet):
    summary = quarterly_summary(example, "bl-al-fy", 2026, 3)
    assert set(summary.incidents) == {"i001", "i012", "i020", "i023", "i038", "i044", "i068"}
    assert summary.by_article == {"R1-8": 3, "R2-9": 2, "R2-5": 1, "R3-5": 1}
    assert summary.by_item["R1-8-3"] == 1 and summary.by_item["R2-5"] == 1
    assert summary.by_stage == {"审判": 6, "执行": 1}
    assert summary.by_intervener_kind["领导干部"] == 2
    assert summary.by_intervener_level["县"] == 5
    payload = summary.as_dict()
    assert payload["count"] == 7 and payload["quarter"] == "2026Q3"


def test_only_current_versions_count(example: RecordSet):
    summary = quarterly_summary(example, "bl-fy", 2026, 2)
    assert "i047-v2" in summary.incidents and "i047" not in summary.incidents


def test_bad_quarter_or_organ(example: RecordSet):
    with pytest.raises(InputError):
        parse_quarter("2026Q5")
    assert parse_quarter("2026-q2") == (2026, 2)
    with pytest.raises(InputError, match="unknown organ"):
        quarterly_summary(example, "nowhere", 2026, 1)


def test_chart_is_a_png(example: RecordSet, tmp_path: Path):
    chart = render_chart(quarterly_summary(example, None, 2026, 2), tmp_path / "q.png")
    assert chart.path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert chart.ascii_labels == (chart.font is None)
