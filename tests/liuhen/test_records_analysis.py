"""Tracing actors, their incidents, repeat interveners and related incidents."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from core.errors import NotFoundError
from ingest.records import Incident, ParticipantRole, RecordSet
from liuhen.classify import IncidentEngine
from liuhen.records.analysis import (
    incidents_involving,
    related_incidents,
    repeat_interveners,
    trace_paths,
)


def test_paths_between_a_cadre_and_a_judge(example: RecordSet):
    paths = trace_paths(example, "p-qiangd", "p-zhoumy")
    assert paths and all(len(p.steps) == 2 for p in paths)
    assert {p.nodes[1].id for p in paths} == {"i001", "i012"}
    assert paths[0].text.startswith("钱国栋-[")


def test_paths_through_a_relative_and_a_case(example: RecordSet):
    paths = trace_paths(example, "p-weids", "p-zengxl", through_organs=False)
    assert any([n.kind for n in p.nodes] == ["actor", "incident", "case", "actor"]
               for p in paths)


def test_no_path_and_unknown_actor(example: RecordSet):
    assert trace_paths(example, "p-qiangd", "p-zhoumy", max_hops=1) == []
    with pytest.raises(NotFoundError):
        trace_paths(example, "p-qiangd", "nobody")


def test_incidents_of_an_actor_include_staff(example: RecordSet):
    found = incidents_involving(example, "p-jiangym")
    assert {(x.incident, x.actor, x.via) for x in found} >= {
        ("i003", "p-jiangym", ""), ("i008", "p-jiangym", ""),
        ("i015", "p-dingw", "staff_of:驾驶员")}
    alone = incidents_involving(example, "p-jiangym", with_circle=False)
    assert all(x.actor == "p-jiangym" for x in alone)


def interference(engine: IncidentEngine, records: RecordSet) -> Callable[[Incident], bool]:
    return lambda incident: any(
        p.status == "violation" and (p.alias, p.article) in {("R1", 8), ("R2", 9)}
        for p in engine.assess(incident, records).provisions)


def test_repeat_interveners_count_only_interference(example: RecordSet,
                                                    incident_engine: IncidentEngine):
    judged = interference(incident_engine, example)
    top = {r.actor: r for r in repeat_interveners(example, judged, minimum=3)}
    # p-jiangym's call in i003 asked, besides the progress, "先别上网" (not to put the suspect
    # on the wanted list): a plea for the suspect, R1 第八条第（一）项 as the incident's reviewer
    # label has it (read as a plea since session 34; before, only the progress question was
    # read and the call was undetermined). With i008 and his driver's i015 he reaches three.
    # p-qinhai's third (i038, R2 第九条第（五）项, the catch-all: whether the pressure
    # "影响司法人员依法公正处理案件" is for a reviewer to judge) is not counted.
    # p-luozg's i007 and i020 name him and no conduct the extractor reads (his plea in his own
    # words, a demand relayed): since session 6 undetermined, not counted.
    assert set(top) == {"p-jiangym"}
    assert top["p-jiangym"].incidents == ["i003", "i008", "i015"]
    once = {r.actor: r for r in repeat_interveners(example, judged, minimum=1)}
    assert once["p-luozg"].count == 1  # i009 (a meeting arranged for a party's brother)
    twice = {r.actor: r for r in repeat_interveners(example, judged, minimum=2)}
    assert {"p-jiangym", "p-qinhai"} <= set(twice)
    assert twice["p-qinhai"].organs == ["sl-fy", "bl-fy"]
    # Lawful written guidance twice (R2 第四条: i024, i066) makes nobody a repeat intervener,
    # nor do a complainant's or an approved visitor's incidents.
    assert not set(twice) & {"p-fanzc", "p-dongxl", "p-fangzh", "p-tianxm"}
    raw = {r.actor for r in repeat_interveners(example, minimum=2)}
    assert "p-fanzc" in raw  # what the old count said


def test_participants_have_roles(example: RecordSet):
    incident = example.incidents["i044"]
    roles = incident.roles()
    assert ("p-tianxm", ParticipantRole.COMPLAINANT) in roles
    assert ("p-xumin", ParticipantRole.APPROACHED) in roles
    involved = incidents_involving(example, "p-tianxm", with_circle=False)
    assert {(x.incident, x.role) for x in involved} >= {("i044", "complainant")}


def test_related_incidents(example: RecordSet):
    related = related_incidents(example, "i001", top=3)
    assert related[0].incident == "i012"
    assert "same intervener" in related[0].reasons
    # Versions of the incident itself are never "related".
    assert all(r.incident not in {"i047", "i047-v2"}
               for r in related_incidents(example, "i047-v2"))
