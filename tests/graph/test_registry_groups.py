"""The registry's group writes (graph/queries/registry_groups.py): a batch of organs, actors,
cases and relations written a group per statement leaves exactly the store that one statement
per entity leaves (every node, property, edge and registry record, and the head), for new
entities and for new versions whose edges move; a relation naming an actor that is not stored
is refused with the same words as before; a head moved by another writer is chained on again;
and no group statement scans a label (embedded FalkorDB, real statements)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.errors import BackendError
from graph.chain_audit import verify_store
from graph.falkordb_store import FalkorDBStore
from graph.records import ingest_files, write_plan
from graph.registry import GROUP, RegistryWriter, stored_registry_head
from graph.store import GraphStore, Row
from ingest.records import Actor, BatchPlan, Relation, RelationKind
from ingest.registry import Registered, RegistryKind
from ingest.seals import ChainSealer
from tests.graph.chain_fixtures import EXAMPLE, PEOPLE, CountingStore, tamper
from tests.graph.test_plans import PlanningStore, label_scans

KINDS = (("organs", RegistryKind.ORGAN), ("actors", RegistryKind.ACTOR),
         ("cases", RegistryKind.CASE), ("relations", RegistryKind.RELATION))


def _people(folder: Path, edit: dict[str, dict[str, object]] | None = None) -> Path:
    """The example's people as record files, each record of a kind updated by ``edit``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in PEOPLE:
        lines = [json.loads(line) for line in
                 (EXAMPLE / f"{name}.jsonl").read_text("utf-8").splitlines() if line]
        lines = [row | (edit or {}).get(name, {}) for row in lines]
        (folder / f"{name}.jsonl").write_text(
            "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in lines), "utf-8")
    return folder


def _plan(store: GraphStore, folder: Path) -> BatchPlan:
    return ingest_files(store, [folder], dry_run=True)


def _one_at_a_time(store: GraphStore, plan: BatchPlan, sealer: ChainSealer) -> None:
    """The plan's entities written one statement each (a page of one is a group of one), in
    the order the group writer takes a page: relations between actors before party_to."""
    writer = RegistryWriter(store, sealer)
    for name, kind in KINDS:
        records = list(plan.of_kind(name))
        if kind is RegistryKind.RELATION:
            records.sort(key=lambda r: isinstance(r, Relation) and r.kind == "party_to")
        for record in records:
            writer.register(kind, [record])
    writer.finish()


def _dump(store: GraphStore) -> tuple[list[Row], list[Row]]:
    """Every node (labels and properties) and every edge (type, ends, properties), sorted."""
    nodes = tamper(store, "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
    edges = tamper(store, "MATCH (a)-[e]->(b) RETURN type(e) AS type, a.id AS start, "
                   "b.id AS end, properties(e) AS props")
    return (sorted(nodes, key=lambda r: json.dumps(r, sort_keys=True, ensure_ascii=False)),
            sorted(edges, key=lambda r: json.dumps(r, sort_keys=True, ensure_ascii=False)))


@pytest.fixture
def two_stores(tmp_path: Path) -> Iterator[tuple[FalkorDBStore, FalkorDBStore]]:
    grouped = FalkorDBStore.embedded(tmp_path / "fdb", graph_name="grouped")
    single = FalkorDBStore.embedded(tmp_path / "fdb", graph_name="single")
    try:
        for store in (grouped, single):
            store.ensure_schema()
        yield grouped, single
    finally:
        grouped.close()
        single.close()


def test_groups_leave_the_store_one_statement_per_entity_leaves(
    two_stores: tuple[FalkorDBStore, FalkorDBStore], sealer: ChainSealer, tmp_path: Path,
) -> None:
    grouped, single = two_stores
    counting = CountingStore(grouped)
    people = _people(tmp_path / "people")
    write_plan(counting, _plan(grouped, people), {}, sealer=sealer)
    _one_at_a_time(single, _plan(single, people), sealer)
    assert stored_registry_head(grouped) == stored_registry_head(single)
    assert _dump(grouped) == _dump(single)
    # 89 organs, 105 actors, 20 cases, 22 relations between actors: one statement of each
    # kind; the one party_to relation alone is its single statement
    written = [name for name in counting.statements
               if name.startswith("registry_") and ("group" in name or "append" in name)]
    assert sorted(written) == [
        "registry_append_party_to", "registry_group_actors", "registry_group_cases",
        "registry_group_organs", "registry_group_related"]
    assert verify_store(grouped, sealer).ok


def test_new_versions_in_groups_move_their_edges_as_single_writes_do(
    two_stores: tuple[FalkorDBStore, FalkorDBStore], sealer: ChainSealer, tmp_path: Path,
) -> None:
    grouped, single = two_stores
    people = _people(tmp_path / "people")
    for store in two_stores:
        write_plan(store, _plan(store, people), {}, sealer=sealer)
    # every actor to another organ, every case to another organ with other handlers, every
    # organ under another superior: version 2 of each, whose old edges must all go
    moved = _people(tmp_path / "moved", {
        "actors": {"organ": "ql-fy", "position": "调任"},
        "cases": {"organ": "ql-fy", "handlers": ["p-dengj"]},
        "organs": {"region": "调整后"}})
    write_plan(grouped, _plan(grouped, moved), {}, sealer=sealer)
    _one_at_a_time(single, _plan(single, moved), sealer)
    assert stored_registry_head(grouped) == stored_registry_head(single)
    assert _dump(grouped) == _dump(single)
    works_at = tamper(grouped, "MATCH (:Actor)-[:WORKS_AT]->(o:Organ) RETURN DISTINCT o.id AS id")
    assert works_at == [{"id": "ql-fy"}]
    report = verify_store(grouped, sealer)
    assert report.ok, [p.message for p in report.problems]


def test_a_relation_naming_an_actor_not_stored_is_refused_by_name(
    two_stores: tuple[FalkorDBStore, FalkorDBStore], sealer: ChainSealer, tmp_path: Path,
) -> None:
    grouped, _ = two_stores
    write_plan(grouped, _plan(grouped, _people(tmp_path / "people")), {}, sealer=sealer)
    length = stored_registry_head(grouped)[0].length
    actors = [row["id"] for row in tamper(grouped, "MATCH (a:Actor) RETURN a.id AS id "
                                          "ORDER BY id LIMIT 3")]
    relations: list[Registered] = [
        Relation(id="grp-ok-1", subject=actors[0], object=actors[1], kind=RelationKind.COLLEAGUE),
        Relation(id="grp-bad", subject=actors[0], object="p-nobody", kind=RelationKind.COLLEAGUE),
        Relation(id="grp-ok-2", subject=actors[1], object=actors[2], kind=RelationKind.COLLEAGUE)]
    writer = RegistryWriter(grouped, sealer)
    with pytest.raises(BackendError, match="relation 'grp-bad'"):
        writer.register(RegistryKind.RELATION, relations)
    # as one statement per relation wrote them: the one before is in, nothing after it
    assert stored_registry_head(grouped)[0].length == length + 1
    stored = tamper(grouped, "MATCH ()-[e:RELATED]->() WHERE e.id STARTS WITH 'grp-' "
                    "RETURN e.id AS id")
    assert stored == [{"id": "grp-ok-1"}]
    assert verify_store(grouped, sealer).ok


def test_a_head_moved_by_another_writer_is_chained_on_again(
    two_stores: tuple[FalkorDBStore, FalkorDBStore], sealer: ChainSealer, tmp_path: Path,
) -> None:
    grouped, _ = two_stores
    plan = _plan(grouped, _people(tmp_path / "people"))
    first, other = RegistryWriter(grouped, sealer), RegistryWriter(grouped, sealer)
    first.register(RegistryKind.ORGAN, plan.organs[:40])  # first caches the head it moved
    other.register(RegistryKind.ORGAN, plan.organs[40:])  # ... which another writer moves
    first.register(RegistryKind.ACTOR, plan.actors)  # chained on the stale head: refused
    assert first.written == 40 + len(plan.actors)
    assert stored_registry_head(grouped)[0].length == len(plan.organs) + len(plan.actors)
    report = verify_store(grouped, sealer)
    assert report.ok, [p.message for p in report.problems]


def test_group_statements_find_every_node_by_index(
    two_stores: tuple[FalkorDBStore, FalkorDBStore], sealer: ChainSealer, tmp_path: Path,
) -> None:
    grouped, _ = two_stores
    planning = PlanningStore(grouped)
    people = _people(tmp_path / "people")
    write_plan(planning, _plan(grouped, people), {}, sealer=sealer)
    moved = _people(tmp_path / "moved", {"cases": {"organ": "ql-fy", "handlers": ["p-dengj"]}})
    write_plan(planning, _plan(grouped, moved), {}, sealer=sealer)
    for name in ("registry_group_organs", "registry_group_actors", "registry_group_cases",
                 "registry_group_related"):
        assert label_scans(planning, name) == [], name
    # a relation's previous edge is found by its id's index, never by walking every edge of
    # its subject (a lawyer of thousands of cases made that walk grow with the store)
    # (the example has one party_to relation: a group of one, the single statement)
    for name, edge in (("registry_group_related", "RELATED"),
                       ("registry_append_party_to", "PARTY_TO")):
        plans = [line for plan in planning.plans[name] for line in plan]
        assert f"Edge By Index Scan | [old:{edge}]" in plans, name
        assert not [line for line in plans if "Traverse" in line and "[old:" in line], name


def test_a_page_larger_than_a_group_is_written_in_several(
    two_stores: tuple[FalkorDBStore, FalkorDBStore], sealer: ChainSealer,
) -> None:
    grouped, single = two_stores
    actors = [{"id": f"p-many-{n:04d}", "name": f"某{n}", "organ": "ql-fy"}
              for n in range(GROUP + 7)]
    records: list[Registered] = [Actor.model_validate(a) for a in actors]
    counting = CountingStore(grouped)
    RegistryWriter(counting, sealer).register(RegistryKind.ACTOR, records)
    alone = RegistryWriter(single, sealer)
    for record in records:
        alone.register(RegistryKind.ACTOR, [record])
    assert counting.statements.count("registry_group_actors") == 2
    assert stored_registry_head(grouped) == stored_registry_head(single)
    assert _dump(grouped) == _dump(single)
