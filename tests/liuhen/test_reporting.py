"""Reporting routes walked over the fictional province's organ graph."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.models import Regulation
from ingest.records import RecordSet
from liuhen.reporting import RuleBook, default_rules, route


def hops(example: RecordSet, incident: str, seeds=None) -> list[tuple[str, str, str]]:
    found = route(example.incidents[incident], example, regulations=seeds)
    return [(h.sender.organ or h.sender.person or h.sender.label,
             (h.recipient.organ or h.recipient.person or h.recipient.label)
             + (f"#{h.recipient.unit}" if h.recipient.unit else ""),
             h.basis.label) for h in found.hops]


def test_rule_book_loads_and_every_hop_cites_an_article():
    book = default_rules()
    assert book.rules
    assert all(hop.basis.article for rule in book.rules for hop in rule.hops)


def test_r1_county_court_reports_to_county_committee_and_city_court(example: RecordSet):
    # i001: a deputy county head (managed by the city party committee) pleads in a county case.
    found = hops(example, "i001")
    assert ("bl-al-fy", "bl-al-zfw", "R1 第七条第一款") in found
    assert ("bl-al-fy", "bl-fy", "R1 第七条第一款") in found
    assert ("bl-al-zfw", "bl-al-dw", "R1 第七条第二款") in found
    assert ("bl-al-zfw", "bl-al-jw", "R1 第七条第二款") in found
    assert ("bl-al-zfw", "bl-al-zzb", "R1 第七条第二款") in found
    assert ("bl-al-zfw", "bl-dw", "R1 第七条第二款") in found  # the superior party committee


def test_r1_cadre_managed_by_another_party_organisation(example: RecordSet):
    found = route(example.incidents["i011"], example)
    assert found.facts["manager"] == "other_party_organisation"
    assert [h.recipient.organ for h in found.hops if h.rule == "R1-7-2-other"] == ["ql-jt-dw"]


def test_r1_quarterly_deadline_is_the_quarter_end(example: RecordSet):
    found = route(example.incidents["i001"], example)
    [due] = {h.due for h in found.hops if h.rule == "R1-7-1"}
    assert due == date(2026, 9, 30)


@pytest.mark.parametrize(
    ("incident", "case", "target", "item"),
    [
        pytest.param("i035", "own_staff", "bl-fy#纪检监察部门", "第（一）项", id="own-staff"),
        pytest.param("i024", "own_leader", "bl-al-jw", "第（二）项", id="own-leader"),
        pytest.param("i026", "superior", "bl-fy#纪检监察部门", "第（三）项", id="retired-superior"),
        pytest.param("i027", "unrelated", "ql-sft#纪检监察部门", "第（四）项", id="unrelated"),
    ],
)
def test_r2_article_8_four_cases(example: RecordSet, incident: str, case: str, target: str,
                                 item: str):
    found = route(example.incidents[incident], example)
    assert found.facts["r2_case"] == case
    assert any(to == target and basis.endswith(item) for _, to, basis in
               hops(example, incident))
    if case != "own_staff":  # R2 第八条第二款: the result goes back to the handling organ
        handling = example.incidents[incident].organ
        assert any(to == f"{handling}#纪检监察部门" and basis == "R2 第八条第二款"
                   for _, to, basis in hops(example, incident))


def test_r3_unreported_contact_three_days_and_named_report_one_month(example: RecordSet):
    found = route(example.incidents["i061"], example)
    by_rule = {h.rule: h for h in found.hops}
    assert by_rule["R3-7"].due == date(2026, 8, 9)
    assert by_rule["R3-7"].recipient.unit == "纪检监察部门"
    assert by_rule["R3-10-named"].due == date(2026, 9, 17)
    assert by_rule["R3-10-named"].recipient.label == "举报人 付建军"
    assert {h.recipient.organ for h in found.hops if h.rule == "R3-13"} == {"sl-sq-zfw",
                                                                            "sl-jcy"}


def test_lawful_inquiries_are_not_reported_as_interventions(example: RecordSet):
    for incident in ("i062", "i066", "i068", "i060"):
        rules = {h.rule for h in route(example.incidents[incident], example).hops}
        assert not rules & {"R1-7-1", "R1-7-2", "R2-8-1", "R2-8-2", "R2-8-3", "R2-8-4",
                            "R3-13"}, incident


def test_hops_quote_their_basis(example: RecordSet, seeds: dict[str, Regulation]):
    found = route(example.incidents["i024"], example, regulations=seeds)
    quote = next(h.quote for h in found.hops if h.rule == "R2-8-2" and h.basis.item == 2)
    assert quote.startswith("司法机关纪检监察部门应当及时汇总分析")
    assert "本机关领导干部违反规定干预办案" in quote


def test_every_example_incident_routes_to_resolved_organs(example: RecordSet):
    for incident in example.current_incidents():
        found = route(incident, example)
        assert found.hops, incident.id
        unresolved = [h for h in found.hops if not h.recipient.resolved]
        # Only the provincial organs' superiors (central organs) are outside the data.
        assert all(incident.organ.startswith("ql-") for _ in unresolved), incident.id


def test_unknown_endpoint_in_rule_file_is_refused(tmp_path):
    path = tmp_path / "rules.json"
    path.write_text('{"deadlines": {"now": {"text": "立即"}}, "rules": [{"id": "x", "when": {},'
                    ' "hops": [{"from": "handler", "to": "moon", "action": "a",'
                    ' "deadline": "now", "basis": {"regulation": "R1", "article": 7}}]}]}',
                    "utf-8")
    with pytest.raises(Exception, match="unknown endpoint 'moon'"):
        RuleBook.from_file(path)
