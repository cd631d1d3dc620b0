"""The registry's write path and migration: loading twice writes no new version, a changed
actor is a new version that verifies clean and that the reads answer, a store written before
the registry is registered by ``repair`` (never an incident rewritten), and the engine's
stored assessment is sealed so that a verdict changed by hand shows."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.chain_audit import repair_store, verify_store
from graph.falkordb_store import FalkorDBStore
from graph.queries import records as record_queries
from graph.record_reads import actors_by_ids, annotate_incidents
from graph.records import ingest_files
from graph.registry import stored_registry_head
from graph.store import GraphStore
from ingest.integrity import ProblemKind
from ingest.seals import ChainSealer
from liuhen.records.recorder import IncidentRecorder
from tests.graph.chain_fixtures import (
    EXAMPLE,
    PEOPLE,
    new_incident,
    people_store_recorded,
    seal_key,
    tamper,
)


@pytest.fixture
def sealer(tmp_path: Path) -> ChainSealer:
    return seal_key(tmp_path)


@pytest.fixture
def store(tmp_path: Path, sealer: ChainSealer) -> Iterator[FalkorDBStore]:
    with people_store_recorded(tmp_path, "registry_writes", sealer, "t-0") as opened:
        yield opened


def test_loading_the_same_people_again_writes_no_version(
    store: FalkorDBStore, sealer: ChainSealer, tmp_path: Path,
) -> None:
    length = stored_registry_head(store)[0].length
    ingest_files(store, [tmp_path / "people"], sealer=sealer)
    assert stored_registry_head(store)[0].length == length


def test_a_changed_actor_is_a_new_version_that_verifies_and_reads(
    store: FalkorDBStore, sealer: ChainSealer, tmp_path: Path,
) -> None:
    length = stored_registry_head(store)[0].length
    changed = tmp_path / "changed"
    changed.mkdir()
    actor = json.loads((EXAMPLE / "actors.jsonl").read_text("utf-8").splitlines()[0])
    actor["position"] = "安澜县人民法院副院长"
    (changed / "actors.jsonl").write_text(json.dumps(actor, ensure_ascii=False) + "\n",
                                          encoding="utf-8")
    ingest_files(store, [changed], sealer=sealer)
    assert stored_registry_head(store)[0].length == length + 1
    rows = tamper(store, "MATCH (r:RegistryRecord {entity: $id}) RETURN r.version AS v "
                  "ORDER BY v", id=actor["id"])
    assert [r["v"] for r in rows] == [1, 2]
    assert actors_by_ids(store, [actor["id"]])[actor["id"]].position == "安澜县人民法院副院长"
    report = verify_store(store, sealer)
    assert report.ok, [p.message for p in report.problems]


def test_a_case_moved_to_another_organ_is_a_new_version_with_its_edges_moved(
    store: FalkorDBStore, sealer: ChainSealer, tmp_path: Path,
) -> None:
    length = stored_registry_head(store)[0].length
    changed = tmp_path / "moved"
    changed.mkdir()
    case = json.loads((EXAMPLE / "cases.jsonl").read_text("utf-8").splitlines()[0])
    case |= {"organ": "ql-fy", "handlers": ["p-dengj"]}
    (changed / "cases.jsonl").write_text(json.dumps(case, ensure_ascii=False) + "\n",
                                         encoding="utf-8")
    ingest_files(store, [changed], sealer=sealer)
    assert stored_registry_head(store)[0].length == length + 1
    edges = tamper(store, "MATCH (c:Case {id: $id}) RETURN "
                   "[(c)-[:HANDLED_BY]->(o) | o.id] AS organs, "
                   "[(a)-[:HANDLES]->(c) | a.id] AS handlers", id=case["id"])
    assert edges == [{"organs": ["ql-fy"], "handlers": ["p-dengj"]}]
    report = verify_store(store, sealer)
    assert report.ok, [p.message for p in report.problems]


def _legacy_people(store: GraphStore) -> None:
    """Organs, actors, cases and relations as liuhen wrote them before the registry (cases:
    before session 6), with the statements it wrote them with."""
    rows = {name: [json.loads(line) for line in
                   (EXAMPLE / f"{name}.jsonl").read_text("utf-8").splitlines() if line]
            for name in PEOPLE}
    for organ in rows["organs"]:
        organ.setdefault("superior", None)
        organ.setdefault("party_committee", None)
        organ.setdefault("level", None)
        organ.setdefault("region", "")
    for actor in rows["actors"]:
        actor.update({k: actor.get(k, d) for k, d in (
            ("pseudonym", False), ("position", ""), ("organ", None), ("kinds", []),
            ("retired", False), ("managed_by", None))})
    for case in rows["cases"]:
        case.update({k: case.get(k, d) for k, d in (
            ("cause", ""), ("parties", []), ("handlers", []))})
    organs, actors, cases = rows["organs"], rows["actors"], rows["cases"]
    relations = [r | {"detail": r.get("detail", ""), "case": r.get("case")}
                 for r in rows["relations"]]
    for statement, batch in (
            (record_queries.RECORD_UPSERT_ORGANS, organs),
            (record_queries.RECORD_LINK_ORGAN_SUPERIORS, [o for o in organs if o["superior"]]),
            (record_queries.RECORD_LINK_ORGAN_COMMITTEES,
             [o for o in organs if o["party_committee"]]),
            (record_queries.RECORD_UPSERT_ACTORS, actors),
            (record_queries.RECORD_LINK_ACTOR_ORGANS, [a for a in actors if a["organ"]]),
            (record_queries.RECORD_LINK_ACTOR_MANAGERS, [a for a in actors if a["managed_by"]]),
            (record_queries.RECORD_UPSERT_CASES, cases),
            (record_queries.RECORD_LINK_CASES, cases),
            (record_queries.RECORD_LINK_CASE_PARTIES,
             [{"case": c["id"], "actor": a} for c in cases for a in c["parties"]]),
            (record_queries.RECORD_LINK_CASE_HANDLERS,
             [{"case": c["id"], "actor": a} for c in cases for a in c["handlers"]]),
            (record_queries.RECORD_UPSERT_ACTOR_RELATIONS,
             [r for r in relations if r["kind"] != "party_to"]),
            (record_queries.RECORD_UPSERT_PARTY_RELATIONS,
             [r for r in relations if r["kind"] == "party_to"])):
        store.write(statement, {"rows": batch})


def test_repair_registers_a_store_written_before_the_registry(tmp_path: Path) -> None:
    sealer = seal_key(tmp_path)
    store = FalkorDBStore.embedded(tmp_path / "fdb", graph_name="legacy")
    try:
        store.ensure_schema()
        _legacy_people(store)
        IncidentRecorder(store, sealer=sealer).record(new_incident("t-0"))
        incident = tamper(store, "MATCH (i:Incident) RETURN i.id AS id, i.payload AS p, "
                          "i.hash AS h, i.seq AS s")
        before = verify_store(store, sealer)
        assert {p.kind for p in before.problems} == {ProblemKind.UNREGISTERED}
        dry = repair_store(store, sealer, dry_run=True)
        registered = {"organ": 89, "actor": 105, "case": 20, "relation": 23}
        assert dry.registration.registered == registered
        assert stored_registry_head(store)[0].length == 0  # a dry run writes nothing
        done = repair_store(store, sealer)
        assert done.registration.registered == dry.registration.registered
        assert done.registration.not_registered == []
        after = verify_store(store, sealer)
        assert after.ok, [p.message for p in after.problems]
        assert after.registered == sum(registered.values())
        assert tamper(store, "MATCH (i:Incident) RETURN i.id AS id, i.payload AS p, "
                      "i.hash AS h, i.seq AS s") == incident  # the incident untouched
        again = repair_store(store, sealer)  # idempotent: nothing left to register
        assert again.registration.registered == dict.fromkeys(registered, 0)
        assert stored_registry_head(store)[0].length == sum(registered.values())
    finally:
        store.close()


def _assessment(incident_id: str) -> dict[str, object]:
    return {"id": incident_id, "verdict": "violation", "statuses": ["R1:violation"],
            "interference": True, "provisions": ["R1-8-1"], "regimes": ["R1"],
            "findings": ["R1-8-1|violation|第八条第（一）项"], "missing_facts": [],
            "assessed_by": "test-engine"}


def test_a_verdict_changed_by_hand_is_detected(
    store: FalkorDBStore, sealer: ChainSealer,
) -> None:
    annotate_incidents(store, [_assessment("t-0")], sealer)
    assert verify_store(store, sealer).ok
    tamper(store, "MATCH (i:Incident {id: 't-0'}) SET i.verdict = 'lawful', "
           "i.interference = false")
    problems = verify_store(store, sealer).problems
    assert [(p.kind, p.organ, p.record_id) for p in problems] == [
        (ProblemKind.CHANGED, "bl-al-fy", "t-0")]
    assert "verdict 'lawful'" in problems[0].message


def test_an_assessment_written_without_the_seal_is_detected(
    store: FalkorDBStore, sealer: ChainSealer,
) -> None:
    annotate_incidents(store, [_assessment("t-0")])
    problems = verify_store(store, sealer).problems
    assert [p.record_id for p in problems] == ["t-0"]
    assert "not sealed" in problems[0].message
