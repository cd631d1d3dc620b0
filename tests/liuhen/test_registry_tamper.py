"""Tamper evidence over what the incidents' payloads do not hold (issue 12, finding 6):
organs, actors, cases and relations are hashed, versioned registry records, and every node and
edge the reads use must match the latest version; every incident node must match its
hashed payload. Each hand edit below changes what /actors or the records reads answer;
``liuhen verify`` must name what changed and where, and a clean store verifies clean."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from graph.chain_audit import verify_store
from graph.falkordb_store import FalkorDBStore
from graph.record_reads import actors_by_ids, cases_by_ids
from graph.registry import stored_registry_head
from ingest.integrity import IntegrityReport, ProblemKind, canonical_json, record_hash
from ingest.registry import REGISTRY_CHAIN
from ingest.seals import ChainSealer
from liuhen.records.recorder import IncidentRecorder
from tests.graph.chain_fixtures import new_incident, people_store, seal_key, tamper

ORGAN = "bl-al-fy"


@pytest.fixture
def sealer(tmp_path: Path) -> ChainSealer:
    return seal_key(tmp_path)


@pytest.fixture
def store(tmp_path: Path, sealer: ChainSealer) -> Iterator[FalkorDBStore]:
    with people_store(tmp_path, "registry_tamper", sealer) as opened:
        recorder = IncidentRecorder(opened, sealer=sealer)
        recorder.record(new_incident("t-0", participants=[
            {"actor": "p-lijj", "role": "requester"}]))
        recorder.record(new_incident("t-1"))
        yield opened


def rename_actor(store: FalkorDBStore) -> None:
    tamper(store, "MATCH (a:Actor {id: 'p-qiangd'}) SET a.name = '无名氏', a.caption = '无名氏'")


def change_actor_role(store: FalkorDBStore) -> None:
    tamper(store, "MATCH (a:Actor {id: 'p-qiangd'}) SET a.kinds = ['当事人']")


def add_relation(store: FalkorDBStore) -> None:
    tamper(store, "MATCH (a:Actor {id: 'p-qiangd'}), (b:Actor {id: 'p-zhoumy'}) "
           "CREATE (a)-[:RELATED {id: 'rel-forged', kind: 'relative', detail: '配偶'}]->(b)")


def add_relation_without_id(store: FalkorDBStore) -> None:
    tamper(store, "MATCH (a:Actor {id: 'p-qiangd'}), (b:Actor {id: 'p-zhoumy'}) "
           "CREATE (a)-[:RELATED {kind: 'relative', detail: '配偶'}]->(b)")


def remove_relation(store: FalkorDBStore) -> None:
    tamper(store, "MATCH ()-[r:RELATED {id: 'rel-23'}]->() DELETE r")


def rename_organ(store: FalkorDBStore) -> None:
    tamper(store, "MATCH (o:Organ {id: 'bl-al-fy'}) SET o.name = '某法院'")


def move_organ_in_the_hierarchy(store: FalkorDBStore) -> None:
    tamper(store, "MATCH (o:Organ {id: 'bl-al-fy'})-[r:SUPERIOR_ORGAN]->() DELETE r")
    tamper(store, "MATCH (o:Organ {id: 'bl-al-fy'}), (s:Organ {id: 'ql-fy'}) "
           "SET o.superior = 'ql-fy' CREATE (o)-[:SUPERIOR_ORGAN]->(s)")


def change_incident_time(store: FalkorDBStore) -> None:
    tamper(store, "MATCH (i:Incident {id: 't-0'}) SET i.occurred_at = '2019-01-01T00:00:00'")


def move_incident_edge_to_another_actor(store: FalkorDBStore) -> None:
    tamper(store, "MATCH (:Actor {id: 'p-qiangd'})-[r:INTERVENED]->(:Incident {id: 't-0'}) "
           "DELETE r")
    tamper(store, "MATCH (a:Actor {id: 'p-xumin'}), (i:Incident {id: 't-0'}) "
           "CREATE (a)-[:INTERVENED]->(i)")


def change_participant_role(store: FalkorDBStore) -> None:
    tamper(store, "MATCH (:Actor {id: 'p-lijj'})-[r:TOOK_PART]->(:Incident {id: 't-0'}) "
           "SET r.role = 'victim'")


def rename_case(store: FalkorDBStore) -> None:
    tamper(store, "MATCH (c:Case {id: 'c01'}) SET c.number = '（2026）青0121刑初1号', "
           "c.caption = '（2026）青0121刑初1号'")


def move_case_to_another_organ(store: FalkorDBStore) -> None:
    """The property and the edge moved together, as a careful editor would."""
    tamper(store, "MATCH (c:Case {id: 'c01'})-[r:HANDLED_BY]->() DELETE r")
    tamper(store, "MATCH (c:Case {id: 'c01'}), (o:Organ {id: 'ql-fy'}) "
           "SET c.organ = 'ql-fy' CREATE (c)-[:HANDLED_BY]->(o)")


def delete_case(store: FalkorDBStore) -> None:
    tamper(store, "MATCH (c:Case {id: 'c03'}) DETACH DELETE c")


def add_forged_case(store: FalkorDBStore) -> None:
    tamper(store, "MATCH (o:Organ {id: 'bl-al-fy'}) "
           "CREATE (c:Case {id: 'c-forged', number: '（2026）青0121民初9号', "
           "caption: '（2026）青0121民初9号', organ: 'bl-al-fy', stage: '审判', cause: '', "
           "parties: [], handlers: []})-[:HANDLED_BY]->(o)")


def remove_case_party(store: FalkorDBStore) -> None:
    tamper(store, "MATCH (:Actor {id: 'p-lijj'})-[r:PARTY_TO]->(:Case {id: 'c01'}) "
           "WHERE r.id IS NULL DELETE r")


def add_case_handler(store: FalkorDBStore) -> None:
    tamper(store, "MATCH (a:Actor {id: 'p-xumin'}), (c:Case {id: 'c01'}) "
           "CREATE (a)-[:HANDLES]->(c)")


def move_about_case_edge(store: FalkorDBStore) -> None:
    tamper(store, "MATCH (:Incident {id: 't-0'})-[r:ABOUT_CASE]->() DELETE r")
    tamper(store, "MATCH (i:Incident {id: 't-0'}), (c:Case {id: 'c02'}) "
           "CREATE (i)-[:ABOUT_CASE]->(c)")


def rewrite_registry_record_with_its_head(store: FalkorDBStore) -> None:
    """The actor renamed, and its registry record and the head rewritten to agree: only the
    seal and the anchor kept outside the store can tell."""
    rows = tamper(store, "MATCH (r:RegistryRecord) WITH r ORDER BY r.seq DESC LIMIT 1 "
                  "RETURN r.id AS id, r.payload AS payload, r.prev_hash AS prev, "
                  "r.seq AS seq, r.entity AS entity, r.kind AS kind")
    last = rows[0]
    payload = json.loads(last["payload"])
    payload["record"]["detail"] = "改写"
    new_hash = record_hash(payload, last["prev"])
    tamper(store, "MATCH (r:RegistryRecord {id: $id}) SET r.payload = $payload, r.hash = $hash",
           id=last["id"], payload=canonical_json(payload), hash=new_hash)
    tamper(store, "MATCH (h:RegistryHead) SET h.chain_head = $hash", hash=new_hash)


CASES: list[tuple[Callable[[FalkorDBStore], None], ProblemKind, str, str, str]] = [
    # (edit, kind, where, what (record id), a word of the message)
    (rename_actor, ProblemKind.CHANGED, REGISTRY_CHAIN, "p-qiangd", "name"),
    (change_actor_role, ProblemKind.CHANGED, REGISTRY_CHAIN, "p-qiangd", "kinds"),
    (add_relation, ProblemKind.UNREGISTERED, REGISTRY_CHAIN, "rel-forged", "p-zhoumy"),
    (remove_relation, ProblemKind.REMOVED, REGISTRY_CHAIN, "rel-23", "p-lijj -> p-qiangd"),
    (rename_organ, ProblemKind.CHANGED, REGISTRY_CHAIN, "bl-al-fy", "name"),
    (move_organ_in_the_hierarchy, ProblemKind.CHANGED, REGISTRY_CHAIN, "bl-al-fy",
     "SUPERIOR_ORGAN"),
    (change_incident_time, ProblemKind.CHANGED, ORGAN, "t-0", "occurred_at"),
    (move_incident_edge_to_another_actor, ProblemKind.CHANGED, ORGAN, "t-0", "p-xumin"),
    (change_participant_role, ProblemKind.CHANGED, ORGAN, "t-0", "victim"),
    (rename_case, ProblemKind.CHANGED, REGISTRY_CHAIN, "c01", "number"),
    (move_case_to_another_organ, ProblemKind.CHANGED, REGISTRY_CHAIN, "c01", "ql-fy"),
    (delete_case, ProblemKind.REMOVED, REGISTRY_CHAIN, "c03", "case 'c03'"),
    (add_forged_case, ProblemKind.UNREGISTERED, REGISTRY_CHAIN, "case:c-forged", "c-forged"),
    (remove_case_party, ProblemKind.CHANGED, REGISTRY_CHAIN, "c01", "p-lijj"),
    (add_case_handler, ProblemKind.CHANGED, REGISTRY_CHAIN, "c01", "p-xumin"),
    (move_about_case_edge, ProblemKind.CHANGED, ORGAN, "t-0", "c02"),
]


def _clean(report: IntegrityReport) -> None:
    assert report.ok, [p.message for p in report.problems]
    assert report.registered > 0 and report.records == 2


def test_a_clean_store_verifies_clean(store: FalkorDBStore, sealer: ChainSealer) -> None:
    report = verify_store(store, sealer)
    _clean(report)
    # every organ, actor and relation of the example is registered once
    assert report.registered == stored_registry_head(store)[0].length


@pytest.mark.parametrize(("edit", "kind", "where", "what", "word"), CASES,
                         ids=[case[0].__name__ for case in CASES])
def test_each_tamper_case_is_detected_and_named(
    store: FalkorDBStore, sealer: ChainSealer, edit: Callable[[FalkorDBStore], None],
    kind: ProblemKind, where: str, what: str, word: str,
) -> None:
    _clean(verify_store(store, sealer))
    edit(store)
    report = verify_store(store, sealer)
    assert not report.ok
    named = [p for p in report.problems if p.record_id == what]
    assert named, [p.message for p in report.problems]
    assert {p.kind for p in named} == {kind}
    assert {p.organ for p in named} == {where}
    assert any(word in p.message for p in named), [p.message for p in named]


def test_a_relation_added_without_an_id_is_detected(
    store: FalkorDBStore, sealer: ChainSealer,
) -> None:
    add_relation_without_id(store)
    report = verify_store(store, sealer)
    assert [p.kind for p in report.problems] == [ProblemKind.UNREGISTERED]
    assert "p-qiangd -> p-zhoumy" in report.problems[0].message


def test_a_registry_record_rewritten_with_its_head_is_caught_by_seal_and_anchor(
    store: FalkorDBStore, sealer: ChainSealer,
) -> None:
    rewrite_registry_record_with_its_head(store)
    report = verify_store(store, sealer)
    kinds = {p.kind for p in report.problems if p.organ == REGISTRY_CHAIN}
    assert {ProblemKind.SEAL_MISMATCH, ProblemKind.ANCHOR_MISMATCH} <= kinds, report.problems


def test_a_renamed_actor_changes_what_the_reads_answer(store: FalkorDBStore) -> None:
    """Why the registry matters: the reads answer from the nodes, not from a payload."""
    assert actors_by_ids(store, ["p-qiangd"])["p-qiangd"].name != "无名氏"
    rename_actor(store)
    assert actors_by_ids(store, ["p-qiangd"])["p-qiangd"].name == "无名氏"


def test_a_renamed_case_changes_what_the_reads_answer(store: FalkorDBStore) -> None:
    assert cases_by_ids(store, ["c01"])["c01"].number == "（2026）青0121刑初56号"
    rename_case(store)
    assert cases_by_ids(store, ["c01"])["c01"].number == "（2026）青0121刑初1号"


def test_a_case_moved_with_the_incident_moved_too_is_detected_at_both(
    store: FalkorDBStore, sealer: ChainSealer,
) -> None:
    """Moving a case to another organ and its incident's ABOUT_CASE edge to another case:
    each edit named at what it changed, nothing else reported."""
    move_case_to_another_organ(store)
    move_about_case_edge(store)
    problems = verify_store(store, sealer).problems
    assert {(p.kind, p.organ, p.record_id) for p in problems} == {
        (ProblemKind.CHANGED, ORGAN, "t-0"), (ProblemKind.CHANGED, REGISTRY_CHAIN, "c01")}
    assert len(problems) == 2
