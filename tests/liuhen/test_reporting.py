"""Reporting routes: the assessment engine's duties for an incident laid onto the fictional
province's organ graph. Every hop quotes its basis verbatim; a deadline is only the text's
own (三日内, 一个月内), never a quarter's end; who the records do not hold is marked unknown.

Replaces the tests of the old rule file (data/reporting_rules.json), which asserted answers
the text does not support: a quarter-end due date on every 每季度 hop (R1 第七条 sets no day),
R3 第七条's three-day report on a contact reported through a complaint, and one regulation
per incident."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from core.errors import InputError
from ingest.records import RecordSet
from liuhen.assessment.rules import Basis, unit_text
from liuhen.classify import IncidentEngine
from liuhen.records.readers import reporting_route
from liuhen.records.views import RouteView


def route(example: RecordSet, engine: IncidentEngine, incident: str,
          articles: tuple[str, ...] = ()) -> RouteView:
    return reporting_route(example, incident, engine=engine, articles=articles)


def ends(found: RouteView) -> set[tuple[str, str | None, str | None]]:
    """(basis label, sender organ, recipient organ#unit) of every hop."""
    return {(h.basis.label, h.sender.organ if h.sender else None,
             (h.recipient.organ or h.recipient.label) + (f"#{h.recipient.unit}"
                                                         if h.recipient.unit else "")
             if h.recipient else None) for h in found.hops}


def test_r1_plea_reports_to_the_same_level_committee_and_the_superior_court(
        example: RecordSet, incident_engine: IncidentEngine):
    # i001: a deputy county head (managed by the city party committee) pleads in a county case.
    found = route(example, incident_engine, "i001")
    assert found.verdict == "violation" and "R1-8-1" in found.articles
    hops = ends(found)
    assert ("R1 第七条第一款", "bl-al-fy", "bl-al-zfw") in hops  # 同级党委政法委
    assert ("R1 第七条第一款", "bl-al-fy", "bl-fy") in hops  # 上级司法机关
    assert ("R1 第七条第二款", "bl-al-zfw", "bl-al-dw") in hops  # 报告同级党委
    assert ("R1 第七条第二款", "bl-al-zfw", "bl-dw") in hops  # managed by the city committee
    study = next(h for h in found.hops if h.recipient and h.recipient.organ == "bl-al-dw")
    assert [c.organ for c in study.copies] == ["bl-al-jw", "bl-al-zzb"]  # 同时抄送
    quarterly = [h for h in found.hops if h.basis.label == "R1 第七条第一款"]
    assert {h.timing for h in quarterly} == {"每季度"}
    assert all(h.deadline is None and h.due is None for h in quarterly)


def test_cadre_managed_by_another_party_organisation(example: RecordSet,
                                                     incident_engine: IncidentEngine):
    found = route(example, incident_engine, "i011")  # a state firm's party committee manages
    assert ("R1 第七条第二款", "sl-zfw", "ql-jt-dw") in ends(found)


@pytest.mark.parametrize(
    ("incident", "label", "target"),
    [
        pytest.param("i035", "R2 第八条第（一）项", None, id="own-staff"),
        pytest.param("i030", "R2 第八条第（二）项", "yh-hm-jw", id="own-leader"),
        pytest.param("i026", "R2 第八条第（三）项", "bl-fy#纪检监察部门", id="retired-superior"),
        pytest.param("i027", "R2 第八条第（四）项", "ql-sft#纪检监察部门", id="unrelated"),
    ],
)
def test_r2_article_8_four_cases(example: RecordSet, incident_engine: IncidentEngine,
                                 incident: str, label: str, target: str | None):
    found = route(example, incident_engine, incident)
    handling = example.incidents[incident].organ
    mine = [h for h in found.hops if h.basis.label == label]
    assert len(mine) == 1, [h.basis.label for h in found.hops]
    hop = mine[0]
    assert hop.sender is not None and (hop.sender.organ, hop.sender.unit) == (
        handling, "纪检监察部门")  # the duty is the discipline department's, not the handler's
    got = None if hop.recipient is None else (
        hop.recipient.organ + (f"#{hop.recipient.unit}" if hop.recipient.unit else ""))
    assert got == target
    if target is not None and "#" in target:
        # R2 第八条第二款: the intervener's organ investigates and tells the handling organ
        assert ("R2 第八条第二款", target.split("#")[0], f"{handling}#纪检监察部门") in ends(found)


def test_lawful_conduct_is_not_reported_as_interference(example: RecordSet,
                                                        incident_engine: IncidentEngine):
    # i062 政法委's formal letter (R1 第三条), i068 another organ's inquiry by letter
    # (R2 第五条), i060 an approved visit (R3 第六条), i058 a chance meeting reported the
    # next day (R3 第七条).
    for incident in ("i062", "i068", "i060", "i058"):
        found = route(example, incident_engine, incident)
        assert found.verdict == "lawful", incident
        labels = {h.basis.label for h in found.hops}
        assert not labels & {"R1 第七条第一款", "R1 第七条第二款", "R1 第八条", "R3 第十三条",
                             "R3 第十一条", "R2 第九条"}, (incident, labels)
    assert route(example, incident_engine, "i062").hops == []  # 第三条 imposes no duty


def test_chance_encounter_reported_next_day(example: RecordSet,
                                            incident_engine: IncidentEngine):
    incident = example.incidents["i058"]
    found = route(example, incident_engine, "i058")
    [report] = [h for h in found.hops if h.basis.label == "R3 第七条"]
    assert report.deadline == "三日内" and report.due_from == "接触之日"
    assert report.due == incident.occurred_at.date() + timedelta(days=3)
    assert report.recipient is not None and report.recipient.text == "本单位纪检监察部门"
    assert (report.recipient.organ, report.recipient.unit) == ("yh-hm-fy", "纪检监察部门")


def test_named_report_gets_its_answer_within_a_month_of_acceptance(
        example: RecordSet, incident_engine: IncidentEngine):
    found = route(example, incident_engine, "i061")
    assert found.verdict == "undetermined"
    assert "举报反映的情况是否属实" in found.missing_facts
    [answer] = [h for h in found.hops if h.deadline == "一个月内"]
    assert answer.due == date(2026, 9, 17) and answer.due_from == "受理之日"
    assert answer.recipient is not None and answer.recipient.label == "举报人 付建军"
    assert not [h for h in found.hops if h.deadline == "三日内"]  # not a self-report


def test_no_deadline_but_the_texts_own(example: RecordSet, incident_engine: IncidentEngine):
    for incident in example.current_incidents():
        for hop in route(example, incident_engine, incident.id).hops:
            assert hop.deadline in (None, "三日内", "一个月内"), (incident.id, hop)
            assert (hop.due is None) == (hop.deadline is None), (incident.id, hop)
            assert hop.timing not in ("三日内", "一个月内")


def test_every_hop_quotes_its_basis_verbatim(example: RecordSet,
                                            incident_engine: IncidentEngine):
    regulations = incident_engine.engine.book.regulations
    hops = 0
    for incident in example.current_incidents():
        for hop in route(example, incident_engine, incident.id).hops:
            basis = Basis.model_validate({"regulation": hop.basis.regulation,
                                          "article": hop.basis.article,
                                          "paragraph": hop.basis.paragraph,
                                          "item": hop.basis.item})
            assert hop.quote and hop.quote == hop.basis.quote
            assert hop.quote in unit_text(regulations, basis), (incident.id, hop.rule)
            hops += 1
    assert hops > 200


def test_organs_outside_the_records_are_marked_unknown(example: RecordSet,
                                                       incident_engine: IncidentEngine):
    # i005: the provincial high court; its superior (the supreme court) is not in the data.
    found = route(example, incident_engine, "i005")
    [upward] = [h for h in found.hops if h.recipient and h.recipient.text == "上级司法机关"]
    assert upward.recipient is not None and upward.recipient.resolved is False
    assert upward.recipient.organ is None
    assert upward.recipient.label == "上级司法机关（记录中未载明）"


def test_a_teahouse_meeting_engages_r2_and_r3(example: RecordSet,
                                              incident_engine: IncidentEngine):
    # i030: a county court's vice-president takes the judge to meet the party's lawyer.
    found = route(example, incident_engine, "i030")
    assert {"R2-9-2"} <= set(found.articles)
    assert found.facts["regimes"] == ["R2", "R3"]


@pytest.mark.parametrize(
    ("article", "words"),
    [
        pytest.param("R1-99", "R1 has no article 99", id="no-article"),
        pytest.param("R9-1", "unknown regulation 'R9'", id="no-regulation"),
        pytest.param("R1-8-9", "has no item 9", id="no-item"),
        pytest.param("R3-7-1", "has no item 1", id="article-without-items"),
        pytest.param("R1-八", "not an article key", id="malformed"),
    ],
)
def test_unknown_article_is_named(example: RecordSet, incident_engine: IncidentEngine,
                                  article: str, words: str):
    with pytest.raises(InputError, match=words) as raised:
        route(example, incident_engine, "i001", (article,))
    assert raised.value.field == "article"
    assert "http" not in raised.value.message


def test_a_reviewers_articles_steer_the_assessment(example: RecordSet,
                                                   incident_engine: IncidentEngine):
    found = route(example, incident_engine, "i001", ("R1-8-2",))
    assert found.articles_from == "given"
    assert "R1-8-2" in found.articles and found.verdict == "violation"
