"""Incidents appended to their organs' hash chains, one or a group in one statement, and
what each is checked against read in one statement: the write path of the records, with a
number of round trips and an amount of memory that do not depend on how many records the
store holds.

The append compares-and-sets the organ's chain head: it creates the incident, its edges, and
moves the head (with its seal, ingest/seals.py) only if the head is still the one the record
was chained on, all or nothing. A crash at any moment leaves the chain either without the
incident or with it and its head; never a record beyond its head.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from core.errors import BackendError, InputError
from graph.queries import Backend
from graph.queries import records as record_queries
from graph.queries import records_append as append_queries
from graph.store import GraphStore, Row
from ingest.integrity import ChainedRecord, ChainHead, canonical_json, genesis_hash
from ingest.records import Actor, Case, Incident, Organ, RecordSet
from ingest.registry import time_key
from ingest.seals import ChainSealer

#: Records read per page when streaming a chain.
CHAIN_PAGE = 5_000


def ensure_chain_index(store: GraphStore) -> None:
    """The index on (Incident.organ, Incident.seq) the chain pages walk. Idempotent."""
    for statement in (record_queries.RECORD_CHAIN_INDEX_FALKORDB,
                      record_queries.RECORD_CHAIN_INDEX_NEO4J):
        if store.backend not in statement.backends:
            continue
        try:
            store.write(statement)
        except BackendError as error:
            if not any(text in str(error) for text in ("already indexed", "already exists")):
                raise


@dataclass(frozen=True)
class StoredIncident:
    """An incident as stored, with its place in its organ's chain."""

    incident: Incident
    seq: int | None
    prev_hash: str | None
    hash: str | None


@dataclass
class References:
    """What one new incident is validated against, read in one statement."""

    records: RecordSet = field(default_factory=RecordSet)
    head: ChainHead | None = None
    stored: StoredIncident | None = None


def _clean(row: Row) -> dict[str, Any]:
    return {k: v for k, v in row.items() if v is not None}


def _incident(payload: str | None) -> Incident:
    try:
        return Incident.model_validate(json.loads(payload or ""))
    except ValueError as error:
        raise BackendError(f"a stored incident does not read back: {error}") from error


def read_references(store: GraphStore, incident: Incident) -> References:
    """The organs, actors, case and incidents ``incident`` names, its organ's chain head, and
    the stored incident with its id (if any). Raises BackendError for a stored record that
    no longer reads as one."""
    actors = [incident.intervener, incident.instigator, incident.handler,
              incident.recorded_by, *(p.actor for p in incident.participants)]
    params = {
        "organs": sorted({o for o in (incident.organ, incident.in_name_of) if o}),
        "actors": sorted({a for a in actors if a}),
        "case": incident.case,
        "incidents": sorted({i for i in (incident.id, incident.corrects) if i}),
        # a list, empty for most incidents: FalkorDB 4.16 looks `t.id IN $list` up in the
        # index, but `{id: $corrects}` with a null parameter scans every incident
        "corrects": [incident.corrects] if incident.corrects else [],
    }
    rows = store.read(record_queries.RECORD_REFERENCES, params)
    out = References()
    if not rows:
        return out
    row = rows[0]
    try:
        for organ in row["organs"]:
            if organ.get("id") is None:
                continue
            out.records.organs[organ["id"]] = Organ.model_validate(
                _clean({k: v for k, v in organ.items() if not k.startswith("chain_")}))
            if organ["id"] == incident.organ and organ.get("chain_length") is not None:
                out.head = ChainHead(organ=organ["id"], length=organ["chain_length"],
                                     hash=organ.get("chain_head") or genesis_hash(organ["id"]))
        for actor in row["actors"]:
            if actor.get("id") is not None:
                out.records.actors[actor["id"]] = Actor.model_validate(_clean(actor))
        for case in row["cases"]:
            if case.get("id") is not None:
                out.records.cases[case["id"]] = Case.model_validate(_clean(case))
    except ValueError as error:
        raise BackendError(f"a stored record does not read back: {error}") from error
    for stored in row["incidents"]:
        if stored.get("id") is None:
            continue
        found = _incident(stored["payload"])
        out.records.incidents[found.id] = found
        if found.id == incident.id:
            out.stored = StoredIncident(found, stored.get("seq"), stored.get("prev_hash"),
                                        stored.get("hash"))
    for payload in row["correctors"]:
        corrector = _incident(payload)
        out.records.incidents.setdefault(corrector.id, corrector)
    return out


def incident_props(incident: Incident, record: ChainedRecord) -> Row:
    """The properties of an incident node (what the append statement writes)."""
    return {
        "id": incident.id, "caption": incident.request[:24], "organ": incident.organ,
        "case": incident.case, "stage": str(incident.stage), "channel": str(incident.channel),
        "intervener": incident.intervener, "instigator": incident.instigator,
        "handler": incident.handler, "corrects": incident.corrects,
        "recorded_by": incident.recorded_by,
        "occurred_at": incident.occurred_at.isoformat(),
        "recorded_at": incident.recorded_at.isoformat(),
        "occurred_key": time_key(incident.occurred_at),
        "recorded_key": time_key(incident.recorded_at),
        "seq": record.seq, "prev_hash": record.prev_hash, "hash": record.hash,
        "payload": canonical_json(record.payload),
    }


def append_incident(
    store: GraphStore, incident: Incident, record: ChainedRecord, *,
    sealer: ChainSealer | None,
) -> bool:
    """Append ``incident`` (chained as ``record``) in one statement; False (nothing written)
    when the organ's head is no longer the one ``record`` was chained on.

    Raises BackendError when the store fails (the unique key on Incident.id refuses a second
    node with the same id: the caller reads the store again to tell which).
    """
    organ = incident.organ
    expected_length = record.seq - 1
    seal = sealer.seal(organ, record.seq, record.hash) if sealer is not None else None
    params = incident_props(incident, record) | {
        "expected_length": expected_length, "expected_head": record.prev_hash,
        "genesis": genesis_hash(organ), "seal": seal,
        "participant_ids": sorted({p.actor for p in incident.participants}),
        "participants": [{"actor": p.actor, "role": str(p.role)}
                         for p in incident.participants],
        # lists of zero or one id: a null `{id: $x}` is a label scan on FalkorDB 4.16
        "instigator_ids": [incident.instigator] if incident.instigator else [],
        "handler_ids": [incident.handler] if incident.handler else [],
        "corrects_ids": [incident.corrects] if incident.corrects else [],
    }
    written = store.write(append_queries.RECORD_APPEND_INCIDENT, params)
    return bool(written)


#: Incidents one group-commit statement appends at most (its parameters stay small).
MAX_GROUP = 64


def append_incidents(
    store: GraphStore, chained: Sequence[tuple[Incident, ChainedRecord]], *,
    sealer: ChainSealer | None,
) -> bool:
    """Append several new incidents (none a correction), chained on their organs' heads in
    the order given, in one statement: a group commit. False, with nothing written, when any
    organ's head is no longer the one the batch was chained on.

    Raises InputError for an empty batch, one over MAX_GROUP, a correction in it or an
    organ's records out of order; BackendError when the store fails (the unique key on
    Incident.id refuses the whole batch if one id is stored already).
    """
    if not chained or len(chained) > MAX_GROUP:
        raise InputError(f"a group append takes 1 to {MAX_GROUP} incidents, not {len(chained)}")
    first: dict[str, ChainedRecord] = {}
    last: dict[str, ChainedRecord] = {}
    rows = []
    for incident, record in chained:
        if incident.corrects is not None:
            raise InputError(f"incident {incident.id!r} corrects another: append it alone")
        before = last.get(incident.organ)
        if before is not None and (record.seq != before.seq + 1
                                   or record.prev_hash != before.hash):
            raise InputError(f"incident {incident.id!r} does not follow {before.record_id!r} "
                             f"in the chain of {incident.organ!r}")
        first.setdefault(incident.organ, record)
        last[incident.organ] = record
        rows.append(incident_props(incident, record) | {
            "participant_ids": sorted({p.actor for p in incident.participants}),
            "participants": [{"actor": p.actor, "role": str(p.role)}
                             for p in incident.participants],
        })
    organs = [{
        "organ": organ, "expected_length": first[organ].seq - 1,
        "expected_head": first[organ].prev_hash, "genesis": genesis_hash(organ),
        "length": record.seq, "head": record.hash,
        "seal": sealer.seal(organ, record.seq, record.hash) if sealer is not None else None,
    } for organ, record in last.items()]
    written = store.write(append_queries.RECORD_GROUP_APPEND, {
        "organs": organs, "organ_count": len(organs), "rows": rows, "row_count": len(rows)})
    if written and len(written) != len(rows):
        raise BackendError(f"a group append wrote {len(written)} of {len(rows)} incidents")
    return bool(written)


def current_heads(store: GraphStore, organs: Iterable[str]) -> dict[str, ChainHead]:
    """The chain heads of those of ``organs`` that have one, in one statement."""
    found = heads_of(store, sorted(set(organs)))
    return {organ: ChainHead(organ=organ, length=length, hash=digest or genesis_hash(organ))
            for organ, (length, digest, _seal) in found.items() if length is not None}


def incident_versions(store: GraphStore, incident_id: str) -> tuple[list[str], str | None]:
    """The incident's correction chain (oldest first) and the version correcting it."""
    rows = store.read(record_queries.RECORD_INCIDENT_VERSIONS, {"id": incident_id})
    if not rows:
        return [incident_id], None
    older = sorted((v for v in rows[0]["older"] if v.get("id") is not None),
                   key=lambda v: -v["distance"])
    newer = sorted((v for v in rows[0]["newer"] if v.get("id") is not None),
                   key=lambda v: v["distance"])
    versions = [v["id"] for v in older] + [incident_id] + [v["id"] for v in newer]
    superseded_by = next((v["id"] for v in newer if v["distance"] == 1), None)
    return list(dict.fromkeys(versions)), superseded_by


# ------------------------------------------------------------ streaming reads


def stored_head(store: GraphStore, organ: str) -> tuple[ChainHead | None, str | None]:
    """The organ's chain head and its seal (None, None for an organ without a head)."""
    rows = store.read(record_queries.RECORD_HEAD_OF, {"organ": organ})
    if not rows or rows[0]["length"] is None:
        return None, rows[0]["seal"] if rows else None
    row = rows[0]
    return (ChainHead(organ=organ, length=row["length"],
                      hash=row["hash"] or genesis_hash(organ)), row["seal"])


#: A head as stored: (length, hash, seal), None for each that is not set.
HeadRow = tuple[Any, Any, Any]


def chain_organs(store: GraphStore) -> list[str]:
    """Every organ that has a head or records (their number, not the records', is held)."""
    organs = {row["organ"] for row in store.read(record_queries.RECORD_CHAIN_ORGANS)
              if row["organ"] is not None}
    return sorted(organs | set(chain_heads(store)))


def incident_count(store: GraphStore) -> int:
    rows = store.read(record_queries.RECORD_INCIDENT_COUNT)
    return int(rows[0]["incidents"]) if rows else 0


def chain_heads(store: GraphStore) -> dict[str, HeadRow]:
    """Every organ that has a head (or a seal), with it: one entry per organ, never per
    record. FalkorDB answers in one joined string, the other backends a page at a time."""
    if store.backend is Backend.FALKORDB:
        found = store.read(record_queries.RECORD_HEADS_ALL_JOINED, _JOINED_HEAD_PARAMS)
        heads = _joined_heads(found[0]["heads"] if found else None)
        if heads is not None:
            return heads
    heads = {}
    after = ""
    while True:
        page = store.read(record_queries.RECORD_HEAD_PAGE, {"after": after, "limit": 1_000})
        heads.update((row["organ"], _head_row(row)) for row in page)
        if len(page) < 1_000:
            return heads
        after = page[-1]["organ"]


def heads_of(store: GraphStore, organs: list[str]) -> dict[str, HeadRow]:
    """The heads of those of ``organs`` that have one (or a seal), in one statement."""
    if store.backend is Backend.FALKORDB:
        found = store.read(record_queries.RECORD_HEADS_OF_JOINED,
                           {"organs": organs, **_JOINED_HEAD_PARAMS})
        heads = _joined_heads(found[0]["heads"] if found else None)
        if heads is not None:
            return heads
    rows = store.read(record_queries.RECORD_HEADS_OF, {"organs": organs})
    return {row["organ"]: _head_row(row) for row in rows
            if row["length"] is not None or row["seal"] is not None}


def _head_row(row: Row) -> HeadRow:
    return (row["length"], row["hash"] or None, row["seal"] or None)


def _joined_heads(text: str | None) -> dict[str, HeadRow] | None:
    """Heads from their joined string; None when one does not read back as written (a
    separator in a hand-edited value, a length that is no integer)."""
    heads: dict[str, HeadRow] = {}
    if not text:
        return heads
    try:
        for line in text.split(_RECORD_SEP):
            organ, length, digest, seal = line.split(_FIELD_SEP)
            if not length and not seal:
                continue  # neither head nor seal (an organ heads_of named)
            heads[organ] = (int(length) if length else None, digest or None, seal or None)
    except ValueError:
        return None
    return heads


def chains_rows(store: GraphStore, organs: list[str], limit: int) -> list[Row] | None:
    """The records of several organs (positions >= 1) in one statement, in (organ, seq, id)
    order; None when they are more than ``limit`` or a row does not read back as written
    (the caller then reads those organs one by one)."""
    if store.backend is not Backend.FALKORDB:
        rows = store.read(record_queries.RECORD_CHAINS_PAGE,
                          {"organs": organs, "limit": limit + 1})
        if len(rows) > limit:
            return None
    else:
        found = store.read(record_queries.RECORD_CHAINS_PAGE_JOINED, {
            "organs": organs, "limit": limit + 1, "field_sep": _FIELD_SEP,
            "record_sep": _RECORD_SEP, "empty": ""})
        text = found[0]["page"] if found else None
        rows = []
        if text:
            lines = text.split(_RECORD_SEP)
            if len(lines) > limit:
                return None
            try:
                for line in lines:
                    organ, seq, record_id, prev_hash, digest, payload = line.split(_FIELD_SEP, 5)
                    rows.append({"organ": organ, "seq": int(seq), "id": record_id,
                                 "prev_hash": prev_hash, "hash": digest, "payload": payload})
            except ValueError:  # a separator inside a hand-edited value, a seq no integer
                return None
    if any(not isinstance(row["seq"], int) or not isinstance(row["id"], str)
           or not isinstance(row["organ"], str) for row in rows):
        return None
    rows.sort(key=lambda row: (row["organ"], row["seq"], row["id"]))
    return rows


def stream_chain(store: GraphStore, organ: str, *, page: int = CHAIN_PAGE
                 ) -> Iterator[ChainedRecord]:
    """The organ's records in (seq, id) order, read a page at a time."""
    for row in stream_rows(store, organ, page=page):
        yield chained_record(organ, row)


def stream_rows(store: GraphStore, organ: str, *, page: int = CHAIN_PAGE) -> Iterator[Row]:
    """The organ's records as stored (seq, id, prev_hash, hash, payload text) in (seq, id)
    order, a page at a time: keyset on seq, and a page never ends in the middle of a
    position that several records claim."""
    after = 0
    while True:
        rows = _page(store, organ, after, page)
        if not rows:
            return
        full = len(rows) == page
        if full and rows[0]["seq"] != rows[-1]["seq"]:
            last_seq = rows[-1]["seq"]
            rows = [r for r in rows if r["seq"] != last_seq]  # read that position whole next
        # else one position fills a whole page (a hand-made pile-up): the rest of it is
        # skipped, which the checker reports as the duplicates it has already seen
        yield from rows
        if not full:
            return
        after = rows[-1]["seq"]


_FIELD_SEP, _RECORD_SEP = "\x1f", "\x1e"
_JOINED_HEAD_PARAMS = {"field_sep": _FIELD_SEP, "record_sep": _RECORD_SEP, "empty": ""}


def _page(store: GraphStore, organ: str, after: int, limit: int) -> list[Row]:
    if store.backend is not Backend.FALKORDB:
        return store.read(record_queries.RECORD_CHAIN_PAGE,
                          {"organ": organ, "after": after, "limit": limit})
    found = store.read(record_queries.RECORD_CHAIN_PAGE_JOINED, {
        "organ": organ, "after": after, "limit": limit, "field_sep": _FIELD_SEP,
        "record_sep": _RECORD_SEP, "empty": ""})
    text = found[0]["page"] if found else None
    if not text:
        return []
    rows = []
    try:
        for line in text.split(_RECORD_SEP):
            seq, record_id, prev_hash, digest, payload = line.split(_FIELD_SEP, 4)
            rows.append({"seq": int(seq), "id": record_id, "prev_hash": prev_hash,
                         "hash": digest, "payload": payload})
    except ValueError:  # a separator inside a hand-edited value, a seq that is no integer
        return store.read(record_queries.RECORD_CHAIN_PAGE,
                          {"organ": organ, "after": after, "limit": limit})
    return rows


def chained_record(organ: str, row: Row) -> ChainedRecord:
    try:
        payload = json.loads(row["payload"])
        if not isinstance(payload, dict):
            raise ValueError("not an object")
    except (TypeError, ValueError):
        payload = {"unreadable": str(row["payload"])}
    seq = row["seq"] if isinstance(row["seq"], int) and row["seq"] >= 1 else 1
    # Built without validation: every field is already of its type (a page of thousands).
    return ChainedRecord.model_construct(organ=organ, seq=seq, record_id=str(row["id"]),
                                         payload=payload, prev_hash=row["prev_hash"] or "",
                                         hash=row["hash"] or "")

