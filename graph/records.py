"""Records in the graph store: a validated batch written with the statements of the records
block of graph/queries.py, and the whole record set (and the incidents' hash chains) read
back.

A batch is validated whole against what the store already holds before anything is written
(ingest.records.validate_batch), so bad input never leaves a half-loaded graph. Organs,
actors, cases and relations are registered records (graph/registry.py): a changed one is a
new version, an unchanged one is skipped (loading twice changes nothing);
incidents are only ever CREATEd, each in one statement with its place in its organ's hash
chain and the organ's new head (graph/chains.py), so a crash never leaves a record beyond
its head. Should the store fail in the middle of a write, running the same ingest again
completes it: the written records compare equal and are skipped.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from core.errors import BackendError, ConflictError
from graph import queries
from graph.chains import MAX_GROUP, append_incident, append_incidents, stored_head
from graph.registry import RegistryWriter
from graph.store import GraphStore, Row
from ingest.integrity import ChainedRecord, ChainHead, chain_incidents
from ingest.library import article_items
from ingest.models import Regulation
from ingest.records import (
    Actor,
    BatchPlan,
    Case,
    Incident,
    Organ,
    RecordSet,
    RecordT,
    Relation,
    load_records,
)
from ingest.registry import RegistryKind
from ingest.seals import ChainSealer


def write_plan(
    store: GraphStore, plan: BatchPlan, heads: Mapping[str, ChainHead], *,
    sealer: ChainSealer | None = None,
) -> dict[str, ChainHead]:
    """Write a validated plan; returns the new chain heads of the organs that grew. With a
    ``sealer``, the heads are sealed and anchored (ingest/seals.py)."""
    # Organs, actors, cases and relations: one atomic statement each that writes the node
    # (or edge) with its edges and its hashed, versioned registry record
    # (graph/registry.py); unchanged ones are skipped. Cases come after the organs and
    # actors their edges point at, relations after the cases a party_to names.
    registry = RegistryWriter(store, sealer)
    registry.register(RegistryKind.ORGAN, plan.organs)
    registry.register(RegistryKind.ACTOR, plan.actors)
    registry.register(RegistryKind.CASE, plan.cases)
    registry.register(RegistryKind.RELATION, plan.relations)
    registry.finish()
    chained, new_heads = chain_incidents(plan.incidents, heads)
    # Atomic compare-and-set statements in chain order, each a run of up to MAX_GROUP new
    # incidents (a correction alone): a crash leaves every chain whole (a prefix of the
    # batch written), and running the ingest again completes it.
    for run in _runs(list(zip(plan.incidents, chained, strict=True))):
        incident, record = run[0]
        written = (append_incidents(store, run, sealer=sealer) if incident.corrects is None
                   else append_incident(store, incident, record, sealer=sealer))
        if not written:
            raise ConflictError(
                f"the chain of organ {incident.organ!r} moved while the batch was written "
                f"(at incident {incident.id!r} or the {len(run) - 1} after it); run the "
                "ingest again to add the rest")
    if sealer is not None:
        for head in new_heads.values():
            sealer.anchor(head.organ, head.length, head.hash,
                          sealer.seal(head.organ, head.length, head.hash))
    return new_heads


def _runs(chained: list[tuple[Incident, ChainedRecord]]
          ) -> Iterable[list[tuple[Incident, ChainedRecord]]]:
    """``chained`` in order, cut into runs of up to MAX_GROUP new incidents; a correction is
    a run of its own (its statement also links the version it corrects)."""
    run: list[tuple[Incident, ChainedRecord]] = []
    for pair in chained:
        if pair[0].corrects is not None or len(run) == MAX_GROUP:
            if run:
                yield run
            run = []
        if pair[0].corrects is not None:
            yield [pair]
            continue
        run.append(pair)
    if run:
        yield run


def _clean(row: Row) -> dict[str, Any]:
    return {k: v for k, v in row.items() if v is not None}


def _read_into(
    into: dict[str, RecordT], model: type[RecordT], store: GraphStore, query: queries.Query,
    **implied: str,
) -> None:
    """Validate every row ``query`` reads (nulls dropped, ``implied`` added) as a ``model``,
    stored in ``into`` by id. Raises ValueError for a row that does not validate."""
    for row in store.read(query):
        record = model.model_validate(_clean(row) | implied)
        into[record.id] = record


def read_chain(store: GraphStore) -> tuple[list[ChainedRecord], dict[str, ChainHead]]:
    """Every stored incident as a chained record, and the organs' chain heads."""
    records = []
    for row in store.read(queries.RECORD_INCIDENT_CHAIN):
        try:
            payload = json.loads(row["payload"])
        except (TypeError, ValueError):
            payload = {"unreadable": str(row["payload"])}
        records.append(ChainedRecord(organ=row["organ"], seq=row["seq"], record_id=row["id"],
                                     payload=payload, prev_hash=row["prev_hash"] or "",
                                     hash=row["hash"] or ""))
    heads = {row["organ"]: ChainHead(**row) for row in store.read(queries.RECORD_CHAIN_HEADS)}
    return records, heads


def read_record_set(store: GraphStore) -> RecordSet:
    """Everything the records block holds, as validated models.

    Raises BackendError when a stored record no longer reads as one (edited by hand).
    """
    out = RecordSet()
    try:
        _read_into(out.organs, Organ, store, queries.RECORD_ORGANS)
        _read_into(out.actors, Actor, store, queries.RECORD_ACTORS)
        _read_into(out.cases, Case, store, queries.RECORD_CASES)
        _read_into(out.relations, Relation, store, queries.RECORD_ACTOR_RELATIONS)
        # A PARTY_TO relationship stores no kind: its type is the kind.
        _read_into(out.relations, Relation, store, queries.RECORD_PARTY_RELATIONS,
                   kind="party_to")
        chain, _ = read_chain(store)
        for record in sorted(chain, key=lambda r: (r.payload.get("recorded_at", ""), r.organ,
                                                   r.seq)):
            incident = Incident.model_validate(record.payload)
            out.incidents[incident.id] = incident
    except ValueError as error:
        raise BackendError(f"a stored record does not read back: {error}") from error
    return out


def ingest_files(
    store: GraphStore,
    paths: Iterable[Path],
    *,
    now: datetime | None = None,
    regulations: Mapping[str, Regulation] | None = None,
    dry_run: bool = False,
    sealer: ChainSealer | None = None,
) -> BatchPlan:
    """Read, validate against the store, and write record files. Raises RecordsInputError
    (nothing written) for bad input, BackendError when the store fails."""
    existing = read_record_set(store)
    plan = load_records(paths, existing, now=now,
                        article_items=article_items(regulations) if regulations else None)
    if not dry_run:
        heads = {}
        for organ in {i.organ for i in plan.incidents}:
            head, _ = stored_head(store, organ)
            if head is not None:
                heads[organ] = head
        write_plan(store, plan, heads, sealer=sealer)
    return plan
