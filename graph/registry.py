"""Organs, actors, cases and relations written as hashed, versioned registry records
(ingest/registry.py): one atomic statement per changed entity writes its node or edge, its
registry record and the registry chain's sealed head (graph/queries/registry.py), so the
store never holds a node the chain does not; an entity whose latest version is already the
one given is skipped, so loading twice writes nothing. ``register_existing`` is the
migration: it registers (version 1) what older versions stored without a record (cases were
registered from session 6 on: a store written before holds them unregistered).

The number of statements per entity is constant (one read of the latest versions per page
of 500, one write per changed entity), whatever the store holds.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, Field, ValidationError

from core.errors import BackendError, ConflictError
from graph.queries import records_read as read_queries
from graph.queries import registry as registry_queries
from graph.queries import registry_groups as group_queries
from graph.queries.base import Query
from graph.store import GraphStore, Row
from ingest.integrity import ChainHead, append, canonical_json, genesis_hash
from ingest.records import Actor, Case, Organ, Relation, RelationKind
from ingest.registry import (
    REGISTRY_CHAIN,
    Registered,
    RegistryKind,
    parse_record,
    record_id,
    registry_payload,
)
from ingest.seals import ChainSealer

PAGE = 500
#: Entities one group statement writes at most (its parameters stay a few hundred KB).
GROUP = 250
# The group statement writing what each single statement writes (graph/queries/
# registry_groups.py).
_GROUP_OF = {
    registry_queries.REGISTRY_APPEND_ORGAN: group_queries.REGISTRY_GROUP_ORGANS,
    registry_queries.REGISTRY_APPEND_ACTOR: group_queries.REGISTRY_GROUP_ACTORS,
    registry_queries.REGISTRY_APPEND_CASE: group_queries.REGISTRY_GROUP_CASES,
    registry_queries.REGISTRY_APPEND_RELATED: group_queries.REGISTRY_GROUP_RELATED,
    registry_queries.REGISTRY_APPEND_PARTY_TO: group_queries.REGISTRY_GROUP_PARTY_TO,
}
#: Attempts at one write when other writers keep moving the registry head.
ATTEMPTS = 20


def stored_registry_head(store: GraphStore) -> tuple[ChainHead, str | None]:
    """The registry chain's head (length 0 at the genesis hash when none) and its seal."""
    rows = store.read(registry_queries.REGISTRY_HEAD, {"chain": REGISTRY_CHAIN})
    if not rows or rows[0]["length"] is None:
        return ChainHead(organ=REGISTRY_CHAIN, length=0,
                         hash=genesis_hash(REGISTRY_CHAIN)), rows[0]["seal"] if rows else None
    return (ChainHead(organ=REGISTRY_CHAIN, length=rows[0]["length"],
                      hash=rows[0]["hash"] or genesis_hash(REGISTRY_CHAIN)), rows[0]["seal"])


def latest_versions(store: GraphStore, kind: RegistryKind, ids: Sequence[str]
                    ) -> dict[str, tuple[int, Registered | None]]:
    """The latest registered version of each id (its record None if it no longer reads)."""
    out: dict[str, tuple[int, Registered | None]] = {}
    for row in store.read(registry_queries.REGISTRY_VERSIONS_OF,
                          {"ids": list(ids), "kind": str(kind)}):
        try:
            record: Registered | None = parse_record(kind, json.loads(row["payload"]))
        except (TypeError, ValueError):
            record = None
        out[row["entity"]] = (row["version"], record)  # ordered by version: the last wins
    return out


def _entity_params(kind: RegistryKind, record: Registered, previous: Registered | None
                   ) -> tuple[Any, dict[str, Any]]:
    if kind is RegistryKind.ORGAN:
        assert isinstance(record, Organ)
        return registry_queries.REGISTRY_APPEND_ORGAN, {
            "name": record.name, "organ_kind": str(record.kind),
            "level": str(record.level) if record.level else None, "region": record.region,
            "superior": record.superior, "party_committee": record.party_committee}
    if kind is RegistryKind.ACTOR:
        assert isinstance(record, Actor)
        return registry_queries.REGISTRY_APPEND_ACTOR, {
            "name": record.name, "pseudonym": record.pseudonym, "position": record.position,
            "organ": record.organ, "kinds": [str(k) for k in record.kinds],
            "retired": record.retired, "managed_by": record.managed_by}
    if kind is RegistryKind.CASE:
        assert isinstance(record, Case)
        return registry_queries.REGISTRY_APPEND_CASE, {
            "number": record.number, "organ": record.organ, "stage": str(record.stage),
            "cause": record.cause, "parties": list(record.parties),
            "handlers": list(record.handlers)}
    assert isinstance(record, Relation)
    old = previous if isinstance(previous, Relation) else record
    ends = {"subject": record.subject, "object": record.object,
            "old_subject": old.subject, "old_object": old.object, "detail": record.detail}
    if record.kind is RelationKind.PARTY_TO:
        return registry_queries.REGISTRY_APPEND_PARTY_TO, ends
    return registry_queries.REGISTRY_APPEND_RELATED, ends | {
        "relation_kind": str(record.kind), "case": record.case}


@dataclass(frozen=True)
class _Pending:
    """An entity to register: its record, the version it becomes, the one it replaces, and
    the single statement (with its entity parameters) that would write it alone."""

    record: Registered
    version: int
    previous: Registered | None
    statement: Query
    entity: dict[str, Any]


def _case_lookups(record: Registered) -> dict[str, Any]:
    """A case's parties and handlers, each once, for the group statement's one-id look-ups."""
    if not isinstance(record, Case):
        return {}
    return {"party_ids": sorted(set(record.parties)),
            "handler_ids": sorted(set(record.handlers))}


class RegistryWriter:
    """Appends registry records for one batch; ``finish`` anchors the head it moved."""

    def __init__(self, store: GraphStore, sealer: ChainSealer | None) -> None:
        self.store = store
        self.sealer = sealer
        self._head: ChainHead | None = None
        self.written = 0

    def register(self, kind: RegistryKind, records: Sequence[Registered]) -> int:
        """Register every record whose latest version differs (or that has none), in groups
        of up to GROUP entities per statement; returns how many were written."""
        before = self.written
        for start in range(0, len(records), PAGE):
            page = records[start:start + PAGE]
            latest = latest_versions(self.store, kind, [r.id for r in page])
            pending: list[_Pending] = []
            for record in page:
                version, previous = latest.get(record.id, (0, None))
                if previous == record:
                    continue
                statement, entity = _entity_params(kind, record, previous)
                pending.append(_Pending(record, version + 1, previous, statement, entity))
                latest[record.id] = (version + 1, record)
            # A page's relations between actors before its party_to relations (each kind in
            # the page's order): a statement writes one kind, and interleaved kinds would cut
            # the groups to a few rows each. No registered entity depends on another of its
            # kind, so the chain's order within a page is free (unless an entity comes twice).
            if len({p.record.id for p in pending}) == len(pending):
                pending.sort(
                    key=lambda p: p.statement is registry_queries.REGISTRY_APPEND_PARTY_TO)
            group: list[_Pending] = []
            named: set[str] = set()
            for item in pending:
                if group and (len(group) == GROUP or group[0].statement is not item.statement
                              or item.record.id in named):
                    self._append_group(kind, group)  # one statement's rows are of one kind
                    group, named = [], set()  # and name an entity once: no row reads
                group.append(item)  # another's writes
                named.add(item.record.id)
            if group:
                self._append_group(kind, group)
        return self.written - before

    def _append_group(self, kind: RegistryKind, group: list[_Pending]) -> None:
        """Write ``group`` in one statement chained on the head (a group of one by its single
        statement), chaining again on a head another writer moved. A group refused with the
        head unmoved names an actor or case not stored: it is written one entity at a time,
        and the single statement's refusal says which."""
        for _ in range(ATTEMPTS):
            head = self._head or stored_registry_head(self.store)[0]
            chained, heads = append([(REGISTRY_CHAIN, record_id(kind, p.record.id, p.version),
                                      registry_payload(kind, p.record, p.version))
                                     for p in group], {REGISTRY_CHAIN: head})
            moved = heads[REGISTRY_CHAIN]
            rows = [p.entity | {
                "record_id": record.record_id, "kind": str(kind), "entity": p.record.id,
                "version": p.version, "seq": record.seq, "prev_hash": record.prev_hash,
                "hash": record.hash, "payload": canonical_json(record.payload)}
                for p, record in zip(group, chained, strict=True)]
            compared: dict[str, Any] = {
                "chain": REGISTRY_CHAIN, "expected_length": head.length,
                "genesis": genesis_hash(REGISTRY_CHAIN), "expected_head": head.hash,
                "seal": (self.sealer.seal(REGISTRY_CHAIN, moved.length, moved.hash)
                         if self.sealer is not None else None)}
            if len(group) == 1:
                written = len(self.store.write(group[0].statement, rows[0] | compared))
            else:
                statement = _GROUP_OF[group[0].statement]
                params = compared | {"length": moved.length, "head": moved.hash, "rows": [
                    row | _case_lookups(p.record) for p, row in zip(group, rows, strict=True)]}
                if "row_count" in statement.parameters:
                    params["row_count"] = len(rows)
                answer = self.store.write(statement, params)
                written = answer[0]["written"] if answer else 0
                if answer and written != len(group):
                    raise BackendError(f"a registry group wrote {written} of {len(group)} "
                                       f"{kind} records")
            if written:
                self._head = moved
                self.written += len(group)
                return
            fresh, _ = stored_registry_head(self.store)
            if fresh == head and len(group) == 1:
                raise BackendError(f"cannot register {kind} {group[0].record.id!r}: an actor "
                                   "or case it names is not stored")
            if fresh == head:
                for pending in group:
                    self._append_group(kind, [pending])
                return
            self._head = fresh  # another writer moved the head: chain on the new one
        raise ConflictError(f"the registry chain kept moving while {len(group)} {kind} "
                            "records were written; try again")

    def finish(self) -> None:
        """Anchor the head this writer moved (outside the store, fsynced)."""
        if self.sealer is not None and self._head is not None and self.written:
            head = self._head
            self.sealer.anchor(REGISTRY_CHAIN, head.length, head.hash,
                               self.sealer.seal(REGISTRY_CHAIN, head.length, head.hash))


# ------------------------------------------------------------ pages of what is stored


_ID_PAGES = {RegistryKind.ORGAN: registry_queries.REGISTRY_ORGAN_IDS,
             RegistryKind.ACTOR: registry_queries.REGISTRY_ACTOR_IDS,
             RegistryKind.CASE: registry_queries.REGISTRY_CASE_IDS}


def stored_ids(store: GraphStore, kind: RegistryKind, *, page: int = 1_000
               ) -> Iterator[list[str]]:
    """The ids of the stored organs (actors, cases), a page at a time."""
    statement = _ID_PAGES[kind]
    after = ""
    while True:
        ids = [row["id"] for row in store.read(statement, {"after": after, "limit": page})]
        if ids:
            yield ids
        if len(ids) < page:
            return
        after = ids[-1]


def stored_relation_edges(store: GraphStore, *, page: int = 1_000) -> Iterator[list[Row]]:
    """The relation edges that carry an id (RELATED, PARTY_TO), by id, a page at a time; a
    page never ends inside the edges sharing one id."""
    after = ""
    while True:
        rows = store.read(registry_queries.REGISTRY_RELATION_EDGES,
                          {"after": after, "limit": page})
        full = len(rows) == page
        if full and rows[0]["id"] != rows[-1]["id"]:
            last = rows[-1]["id"]
            rows = [r for r in rows if r["id"] != last]
        if rows:
            yield rows
        if not full:
            return
        after = rows[-1]["id"]


def unregistered(store: GraphStore, kind: RegistryKind, ids: Sequence[str]) -> list[str]:
    """The ids of ``ids`` no registry record of ``kind`` holds."""
    found = {row["entity"] for row in store.read(registry_queries.REGISTRY_REGISTERED,
                                                 {"ids": list(ids), "kind": str(kind)})}
    return [i for i in ids if i not in found]


def relation_of_edge(row: Row) -> Relation:
    """The relation an edge row of REGISTRY_RELATION_EDGES stores."""
    fields = {"id": row["id"], "subject": row["subject"], "object": row["object"],
              "detail": row["detail"] or ""}
    if row["type"] == "PARTY_TO":
        return Relation.model_validate(fields | {"kind": RelationKind.PARTY_TO})
    return Relation.model_validate(fields | {"kind": row["kind"], "case": row["case"]})


# ------------------------------------------------------------ the migration


class RegistrationReport(BaseModel):
    """What registering the organs, actors, cases and relations stored without a record
    did."""

    registered: dict[str, int] = Field(default_factory=dict,
                                       description="version-1 records written per kind")
    not_registered: list[str] = Field(default_factory=list,
                                      description="stored entities that do not read as a "
                                      "record, each with the reason")


def register_existing(store: GraphStore, sealer: ChainSealer | None, *,
                      dry_run: bool = False) -> RegistrationReport:
    """Register (version 1) every organ, actor, case and relation stored without a registry
    record, as it is stored; incidents are never touched, and an entity that has a record is
    never written again (running it twice registers nothing the second time). ``dry_run``:
    count, write nothing."""
    report = RegistrationReport()
    writer = RegistryWriter(store, sealer)
    for kind, by_ids, model in (
            (RegistryKind.ORGAN, read_queries.RECORD_ORGANS_BY_IDS, Organ),
            (RegistryKind.ACTOR, read_queries.RECORD_ACTORS_BY_IDS, Actor),
            (RegistryKind.CASE, read_queries.RECORD_CASES_BY_IDS, Case)):
        count = 0
        for ids in stored_ids(store, kind):
            missing = unregistered(store, kind, ids)
            records: list[Registered] = []
            for row in store.read(by_ids, {"ids": missing}) if missing else []:
                try:
                    records.append(model.model_validate(
                        {k: v for k, v in row.items() if v is not None}))
                except ValidationError as error:
                    report.not_registered.append(f"{kind} {row['id']}: {_first(error)}")
            count += len(records)
            if not dry_run:
                writer.register(kind, records)
        report.registered[str(kind)] = count
    count = 0
    for rows in stored_relation_edges(store):
        unnamed = set(unregistered(store, RegistryKind.RELATION, [r["id"] for r in rows]))
        relations: list[Registered] = []
        for row in rows:
            if row["id"] not in unnamed:
                continue
            try:
                relations.append(relation_of_edge(row))
            except ValidationError as error:
                report.not_registered.append(f"relation {row['id']}: {_first(error)}")
        count += len(relations)
        if not dry_run:
            writer.register(RegistryKind.RELATION, relations)
    report.registered[str(RegistryKind.RELATION)] = count
    writer.finish()
    return report


def _first(error: ValidationError) -> str:
    first = error.errors()[0]
    return f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}"
