"""``liuhen verify``'s registry check from one pass over the registry chain (session 12): the
joined pages (graph/registry_pages.py) give each entity's latest version in the same pass as
the chain's hashes; where they cannot (a record whose position is no integer, two records of
one entity at its highest version, a payload that no longer hashes), the entities are read
again by id as before, and either way the same edits are found with the same words. The
store answers only the ids and relation edges that mismatch the registry."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph import registry_pages
from graph.chain_audit import verify_store
from graph.falkordb_store import FalkorDBStore
from graph.queries import registry as registry_queries
from graph.registry import RegistryWriter, latest_versions
from ingest.integrity import IntegrityReport, ProblemKind
from ingest.records import Organ
from ingest.registry import REGISTRY_CHAIN, RegistryKind
from ingest.seals import ChainSealer
from tests.graph.chain_fixtures import people_store, seal_key, tamper

ORGAN = "bl-al-fy"


@pytest.fixture
def sealer(tmp_path: Path) -> ChainSealer:
    return seal_key(tmp_path)


@pytest.fixture
def store(tmp_path: Path, sealer: ChainSealer) -> Iterator[FalkorDBStore]:
    with people_store(tmp_path, "registry_pass", sealer) as opened:
        yield opened


def _messages(report: IntegrityReport) -> list[str]:
    return [p.message for p in report.problems]


def _renamed(store: FalkorDBStore, sealer: ChainSealer, name: str) -> None:
    """A second registered version of ORGAN, written as liuhen writes it."""
    (_, organ), = latest_versions(store, RegistryKind.ORGAN, [ORGAN]).values()
    assert isinstance(organ, Organ)
    writer = RegistryWriter(store, sealer)
    assert writer.register(RegistryKind.ORGAN, [organ.model_copy(update={"name": name})]) == 1
    writer.finish()


def test_the_joined_pages_are_the_nested_pages(store: FalkorDBStore) -> None:
    read = list(registry_pages.chain_pages(store, 7))  # small pages: several boundaries
    assert read and all(exact for _, exact in read)
    joined = [row for rows, _ in read for row in rows]
    nested = store.read(registry_queries.REGISTRY_CHAIN_PAGE, {"after": 0, "limit": 100_000})
    assert [{k: v for k, v in row.items() if k != "above"} for row in joined] == nested
    # every entity of the example has one version: none holds another at or above it
    assert {row["above"] for row in joined} == {None}


def test_a_later_version_is_the_one_checked(store: FalkorDBStore, sealer: ChainSealer) -> None:
    _renamed(store, sealer, "改名法院")
    report = verify_store(store, sealer)
    assert report.ok, _messages(report)  # version 2 is stored, and version 2 is checked
    above = {row["version"]: row["above"] for rows, _ in registry_pages.chain_pages(store, 1000)
             for row in rows if row["entity"] == ORGAN and row["kind"] == "organ"}
    assert above == {1: 2, 2: None}
    tamper(store, "MATCH (o:Organ {id: $id}) SET o.name = $name", id=ORGAN, name="旧名")
    named = [p for p in verify_store(store, sealer).problems if p.record_id == ORGAN]
    assert [p.kind for p in named] == [ProblemKind.CHANGED]
    assert "registered version 2" in named[0].message and "name" in named[0].message


@pytest.mark.parametrize("irregular", [
    pytest.param("MATCH (r:RegistryRecord {entity: $id}) SET r.seq = toString(r.seq)",
                 id="a-position-no-integer"),
    pytest.param("MATCH (r:RegistryRecord {entity: $id}) "
                 "CREATE (:RegistryRecord {id: r.id + $id, kind: r.kind, entity: r.entity, "
                 "version: r.version, seq: r.seq, prev_hash: r.prev_hash, hash: r.hash, "
                 "payload: r.payload})", id="two-records-at-the-highest-version"),
    pytest.param("MATCH (r:RegistryRecord) WITH r ORDER BY r.seq LIMIT 1 "
                 "SET r.payload = r.payload + $id", id="a-payload-altered"),
])
def test_where_the_pass_cannot_tell_the_latest_the_entities_are_read_again(
    store: FalkorDBStore, sealer: ChainSealer, irregular: str,
) -> None:
    """A renamed organ is named the same way whether the pass found the latest versions or
    the entity pages had to; the irregular record is named by the chain check."""
    tamper(store, "MATCH (o:Organ {id: $id}) SET o.name = $name", id=ORGAN, name="无名")
    clean_pass = [p for p in verify_store(store, sealer).problems if p.record_id == ORGAN]
    tamper(store, irregular, id=ORGAN)
    report = verify_store(store, sealer)
    named = [p for p in report.problems if p.record_id == ORGAN]
    assert [(p.kind, p.message) for p in named] == [(p.kind, p.message) for p in clean_pass]
    assert [p.kind for p in named] == [ProblemKind.CHANGED] and "name" in named[0].message
    assert any(p.organ == REGISTRY_CHAIN and p.record_id != ORGAN for p in report.problems), \
        _messages(report)


def test_the_store_answers_only_what_mismatches(store: FalkorDBStore,
                                                sealer: ChainSealer) -> None:
    assert not any(list(registry_pages.unregistered_pages(store, kind, 1000)) for kind in (
        RegistryKind.ORGAN, RegistryKind.ACTOR, RegistryKind.CASE))
    assert not list(registry_pages.relation_mismatches(store, 1000))
    tamper(store, "CREATE (:Organ {id: 'o-forged'}), (:Organ {id: 'o-forged-2'}), "
           "(:Actor {id: 'a-forged'})")
    tamper(store, "MATCH (s:Actor)-[r:RELATED]->(t:Actor) WITH s, r, t ORDER BY r.id LIMIT 1 "
           "CREATE (s)-[:RELATED {id: r.id, kind: r.kind, detail: r.detail}]->(t)")
    tamper(store, "MATCH (a:Actor {id: 'p-qiangd'}), (b:Actor {id: 'p-zhoumy'}) "
           "CREATE (a)-[:RELATED {id: 'rel-forged', kind: 'relative'}]->(b)")
    pages = list(registry_pages.unregistered_pages(store, RegistryKind.ORGAN, 1))
    assert pages == [["o-forged"], ["o-forged-2"]]  # a page at a time, in id order
    mismatched = [row for rows in registry_pages.relation_mismatches(store, 1000)
                  for row in rows]
    assert [(row["registered"], len(row["edges"])) for row in mismatched] in (
        [(True, 2), (False, 1)], [(False, 1), (True, 2)])
    report = verify_store(store, sealer)
    found = {(p.kind, p.record_id) for p in report.problems}
    assert {(ProblemKind.UNREGISTERED, "organ:o-forged"),
            (ProblemKind.UNREGISTERED, "organ:o-forged-2"),
            (ProblemKind.UNREGISTERED, "actor:a-forged"),
            (ProblemKind.UNREGISTERED, "rel-forged")} <= found
    assert any("is stored on 2 edges" in p.message for p in report.problems)
    assert any("p-qiangd -> p-zhoumy" in p.message for p in report.problems)
