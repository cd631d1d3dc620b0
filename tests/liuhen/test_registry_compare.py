"""The store's comparison of organs, actors, cases and relations with their registered
versions (graph/registry_confirm.py, graph/queries/registry_compare.py, session 28): on a clean
store it confirms every one, so none is read field by field; an edit it must not confirm is
still named with the field-by-field comparison's words, including edits Cypher and Python
could read alike if the statement were careless (an end whose id is no string, a value of
another type, a property more, an edge twice); and a record whose values the store might
read otherwise is never sent to it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from graph.chain_audit import verify_store
from graph.falkordb_store import FalkorDBStore
from graph.registry_confirm import confirmed_nodes, node_row, relation_row
from ingest.integrity import ProblemKind
from ingest.records import Case
from ingest.registry import REGISTRY_CHAIN, RegistryKind, Shape, case_shape
from ingest.seals import ChainSealer
from tests.graph.chain_fixtures import (
    CountingStore,
    people_store_recorded,
    seal_key,
    tamper,
)


@pytest.fixture
def sealer(tmp_path: Path) -> ChainSealer:
    return seal_key(tmp_path)


@pytest.fixture
def store(tmp_path: Path, sealer: ChainSealer) -> Iterator[FalkorDBStore]:
    with people_store_recorded(tmp_path, "registry_compare", sealer, "q-0") as opened:
        yield opened


def test_a_clean_store_is_confirmed_whole_by_the_store(
    store: FalkorDBStore, sealer: ChainSealer,
) -> None:
    counting = CountingStore(store)
    report = verify_store(counting, sealer)
    assert report.ok, [p.message for p in report.problems]
    assert {"registry_confirm_organs", "registry_confirm_actors", "registry_confirm_cases",
            "registry_confirm_related", "registry_confirm_party_to"} <= set(counting.statements)
    # nothing read whole to be compared field by field
    assert not {"registry_stored_organs", "registry_stored_actors", "registry_stored_cases",
                "registry_stored_related", "registry_stored_party_to"} & set(counting.statements)


def party_edge_deleted(store: FalkorDBStore) -> None:
    tamper(store, "MATCH (:Actor {id: 'p-lijj'})-[r:PARTY_TO]->(:Case {id: 'c01'}) "
           "WHERE r.id IS NULL DELETE r")


def handler_from_a_node_whose_id_is_a_number(store: FalkorDBStore) -> None:
    tamper(store, "MATCH (c:Case {id: 'c01'}) CREATE ({id: 7})-[:HANDLES]->(c)")


def handler_edge_twice(store: FalkorDBStore) -> None:
    tamper(store, "MATCH (a:Actor {id: 'p-zhoumy'}), (c:Case {id: 'c01'}) "
           "CREATE (a)-[:HANDLES]->(c)")


def case_stage_a_boolean(store: FalkorDBStore) -> None:
    tamper(store, "MATCH (c:Case {id: 'c01'}) SET c.stage = true")


def case_parties_reordered(store: FalkorDBStore) -> None:
    tamper(store, "MATCH (c:Case {id: 'c02'}) SET c.parties = ['p-wugl', 'p-zhangdf']")


def case_property_added(store: FalkorDBStore) -> None:
    tamper(store, "MATCH (c:Case {id: 'c01'}) SET c.verdict = '有罪'")


def case_property_removed(store: FalkorDBStore) -> None:
    tamper(store, "MATCH (c:Case {id: 'c01'}) SET c.cause = null")


def relation_detail_changed(store: FalkorDBStore) -> None:
    tamper(store, "MATCH ()-[r:RELATED {id: 'rel-03'}]->() SET r.detail = '兄弟姐妹'")


def relation_property_added(store: FalkorDBStore) -> None:
    tamper(store, "MATCH ()-[r:RELATED {id: 'rel-03'}]->() SET r.since = 2020")


def relation_detail_a_number(store: FalkorDBStore) -> None:
    tamper(store, "MATCH ()-[r:RELATED {id: 'rel-03'}]->() SET r.detail = 1")


def party_relation_detail_changed(store: FalkorDBStore) -> None:
    tamper(store, "MATCH ()-[r:PARTY_TO {id: 'rel-21'}]->() SET r.detail = '证人'")


def organ_superior_to_a_node_whose_id_is_a_list(store: FalkorDBStore) -> None:
    tamper(store, "MATCH (o:Organ {id: 'bl-al-fy'}) CREATE (o)-[:SUPERIOR_ORGAN]->({id: ['x']})")


def actor_pseudonym_a_string(store: FalkorDBStore) -> None:
    tamper(store, "MATCH (a:Actor {id: 'p-qiangd'}) SET a.pseudonym = 'false'")


EDITS: list[tuple[Callable[[FalkorDBStore], None], ProblemKind, str, str]] = [
    # (edit, kind, what (record id), the words of the field-by-field comparison)
    (party_edge_deleted, ProblemKind.CHANGED, "c01",
     "the edge <-[:PARTY_TO]-(p-lijj) of the record is missing"),
    (handler_from_a_node_whose_id_is_a_number, ProblemKind.CHANGED, "c01",
     "an edge <-[:HANDLES]-(7) the record does not hold"),
    (case_stage_a_boolean, ProblemKind.CHANGED, "c01", "stage is True in the store"),
    (case_parties_reordered, ProblemKind.CHANGED, "c02", "parties is ['p-wugl', 'p-zhangdf']"),
    (case_property_added, ProblemKind.CHANGED, "c01", "verdict is '有罪' in the store"),
    (case_property_removed, ProblemKind.CHANGED, "c01",
     "cause is nothing in the store, '故意伤害' in the record"),
    (relation_detail_changed, ProblemKind.CHANGED, "rel-03", "detail is '兄弟姐妹' in the store"),
    (relation_property_added, ProblemKind.CHANGED, "rel-03", "since is 2020 in the store"),
    (relation_detail_a_number, ProblemKind.CHANGED, "rel-03", "detail is 1 in the store"),
    (party_relation_detail_changed, ProblemKind.CHANGED, "rel-21", "detail is '证人'"),
    (organ_superior_to_a_node_whose_id_is_a_list, ProblemKind.CHANGED, "bl-al-fy",
     "an edge -[:SUPERIOR_ORGAN]->(['x']) the record does not hold"),
    (actor_pseudonym_a_string, ProblemKind.CHANGED, "p-qiangd", "pseudonym is 'false'"),
]


@pytest.mark.parametrize(("edit", "kind", "what", "words"), EDITS,
                         ids=[edit[0].__name__ for edit in EDITS])
def test_an_edit_the_store_does_not_confirm_is_named_field_by_field(
    store: FalkorDBStore, sealer: ChainSealer, edit: Callable[[FalkorDBStore], None],
    kind: ProblemKind, what: str, words: str,
) -> None:
    edit(store)
    counting = CountingStore(store)
    report = verify_store(counting, sealer)
    named = [p for p in report.problems if p.record_id == what]
    assert len(named) == 1, [p.message for p in report.problems]
    assert named[0].kind is kind and named[0].organ == REGISTRY_CHAIN
    assert words in named[0].message, named[0].message


def test_an_edge_twice_is_not_confirmed_and_reads_as_once_field_by_field(
    store: FalkorDBStore, sealer: ChainSealer,
) -> None:
    """The field-by-field comparison holds edges as a set (as before session 28): the store
    does not confirm the case, and the comparison finds nothing to name."""
    handler_edge_twice(store)
    shape = case_shape(Case.model_validate({
        "id": "c01", "number": "（2026）青0121刑初56号", "organ": "bl-al-fy", "stage": "审判",
        "cause": "故意伤害", "parties": ["p-lijj"], "handlers": ["p-zhoumy"]}))
    assert confirmed_nodes(store, RegistryKind.CASE, {"c01": shape}) == set()
    report = verify_store(store, sealer)
    assert report.ok, [p.message for p in report.problems]


def test_a_relation_stored_twice_alike_is_not_confirmed_and_named(
    store: FalkorDBStore, sealer: ChainSealer,
) -> None:
    """Two edges with one relation's id, each as its record says: each is the record's, so
    only the count of the store's answers tells (the field-by-field read names it)."""
    tamper(store, "MATCH (a:Actor)-[r:RELATED {id: 'rel-03'}]->(b:Actor) "
           "CREATE (a)-[:RELATED {id: r.id, kind: r.kind, detail: r.detail}]->(b)")
    report = verify_store(store, sealer)
    named = [p.message for p in report.problems if p.record_id == "rel-03"]
    assert any("is stored 2 times" in message for message in named), named


@pytest.mark.parametrize("text", [
    pytest.param('引号"', id="quote"), pytest.param("反\\斜", id="backslash"),
    pytest.param("换\n行", id="newline"), pytest.param("\x1f", id="unit-separator"),
    pytest.param("\ud800", id="lone-surrogate"),
])
def test_a_value_the_store_might_read_otherwise_is_never_sent(text: str) -> None:
    plain = Shape({"id": "o-1", "name": "某法院"}, frozenset({("out", "SUPERIOR_ORGAN", "o-2",
                                                                None)}))
    assert node_row("o-1", plain) is not None
    assert node_row("o-1", Shape({"id": "o-1", "name": text})) is None
    assert node_row("o-1", Shape({"id": "o-1"}, frozenset({("out", "SUPERIOR_ORGAN", text,
                                                               None)}))) is None
    assert node_row(text, Shape({"id": text})) is None
    assert relation_row("r-1", Shape({"id": "r-1", "detail": text}), "a", "b") is None
    assert relation_row("r-1", Shape({"id": "r-1"}), text, "b") is None


@pytest.mark.parametrize("value", [
    pytest.param(1, id="integer"), pytest.param(1.0, id="float"), pytest.param(None, id="null"),
    pytest.param(["a", 1], id="list-with-a-number"), pytest.param({"a": "b"}, id="map"),
])
def test_only_strings_booleans_and_lists_of_strings_are_sent(value: object) -> None:
    assert node_row("o-1", Shape({"id": "o-1", "flag": True, "kinds": ["a"]})) is not None
    assert node_row("o-1", Shape({"id": "o-1", "x": value})) is None
    assert node_row("o-1", Shape({"id": "o-1", "chain_length": "1"})) is None  # bookkeeping
