"""Records read a page, an incident or a neighbourhood at a time (the statements of
graph/queries/records_read.py), and the engine's stored assessments written onto incidents.
Nothing here reads the whole record set: every function's work is bounded by its page, its
incident's neighbourhood or its ``limit``.

Raises BackendError when a stored record no longer reads as one (edited by hand), and
DamagedRecordError when an incident's payload does not: the lists skip such an incident and
name it (``DamagedIncident``) rather than fail for every record on the page (issue 12).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import ValidationError

from core.errors import BackendError, DamagedRecordError
from graph import queries
from graph.queries.records_read import (
    RECORD_ACTORS_FOUND,
    RECORD_INCIDENT_COUNTS,
    RECORD_INCIDENT_PAGES,
    RECORD_INCIDENT_PAYLOADS,
    RECORD_ORGAN_INCIDENT_COUNTS,
    Anchor,
    incident_filters,
)
from graph.record_windows import window_rows, window_total
from graph.store import GraphStore, Row
from ingest.records import (
    CIRCLE_RELATIONS,
    Actor,
    Case,
    Incident,
    Organ,
    RecordSet,
    Relation,
    RelationKind,
)
from ingest.registry import ASSESSMENT_SEAL, assessment_text
from ingest.seals import ChainSealer

ANNOTATE_BATCH = 1000
#: Incidents whose neighbourhoods are read in one go (at 1,000,000 incidents, 100 read one at
#: a time took 1.7 s: the organs above a province's incidents came once for each).
NEIGHBOURHOOD_BATCH = 100
_T = TypeVar("_T", Actor, Organ, Case, Relation)


def annotate_incidents(store: GraphStore, rows: Sequence[Mapping[str, object]],
                       sealer: ChainSealer | None = None) -> None:
    """Store each row's derived properties (liuhen.records.annotations.assessment_row) on the
    incident it names, in batches, with their seal when there is a ``sealer`` (verify holds
    the stored assessment to it); an id with no incident is skipped."""
    rows = [dict(r) | {"assessment_seal": sealer.seal_text(
                ASSESSMENT_SEAL, assessment_text(str(r["id"]), r)) if sealer else None}
            for r in rows]
    for start in range(0, len(rows), ANNOTATE_BATCH):
        store.write(queries.RECORD_ANNOTATE_INCIDENTS,
                    {"rows": [dict(r) for r in rows[start:start + ANNOTATE_BATCH]]})


def link_participants(store: GraphStore, incidents: Iterable[Incident]) -> None:
    """The participants of each incident's payload as TOOK_PART relationships (idempotent)."""
    rows = [{"actor": p.actor, "incident": i.id, "role": str(p.role)}
            for i in incidents for p in i.participants]
    for start in range(0, len(rows), ANNOTATE_BATCH):
        store.write(queries.RECORD_LINK_PARTICIPANTS,
                    {"rows": rows[start:start + ANNOTATE_BATCH]})


def _clean(row: Mapping[str, Any], keep: Iterable[str]) -> dict[str, Any]:
    return {k: row[k] for k in keep if row.get(k) is not None}


def _model(model: type[_T], row: Mapping[str, Any], keep: Iterable[str],
           **implied: str) -> _T:
    try:
        return model.model_validate(_clean(row, keep) | implied)
    except ValidationError as error:
        raise BackendError(f"a stored record does not read back: {error}") from error


_ORGAN = ("id", "name", "kind", "level", "region", "superior", "party_committee")
_ACTOR = ("id", "name", "pseudonym", "position", "organ", "kinds", "retired", "managed_by")
_CASE = ("id", "number", "organ", "stage", "cause", "parties", "handlers")
_RELATION = ("id", "kind", "subject", "object", "detail", "case")


def organ_of(row: Mapping[str, Any]) -> Organ:
    return _model(Organ, row, _ORGAN)


def actor_of(row: Mapping[str, Any]) -> Actor:
    return _model(Actor, row, _ACTOR)


@dataclass(frozen=True)
class StoredIncident:
    """An incident as stored: the record, its chain position, the version that corrects it,
    and the engine's stored assessment (``assessed_by`` None: not yet assessed)."""

    incident: Incident
    seq: int | None
    prev_hash: str | None
    hash: str | None
    superseded_by: str | None
    verdict: str | None
    assessed_by: str | None
    statuses: list[str] = field(default_factory=list)
    regimes: list[str] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)
    missing_facts: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class DamagedIncident:
    """An incident whose stored payload does not read back: its id and recording time (node
    properties, so that a page can name it and its cursor can move past it)."""

    id: str
    recorded_at: str


def stored_incident(row: Mapping[str, Any]) -> StoredIncident:
    """Raises DamagedRecordError when the payload is not an incident any more."""
    try:
        incident = Incident.model_validate(json.loads(row["payload"]))
    except (TypeError, ValueError) as error:
        raise DamagedRecordError(
            f"incident {row.get('id')!r} does not read back ({error}); liuhen verify reports "
            "how its record differs", details={"record_id": row.get("id")}) from error
    correctors = row.get("superseded_by") or []
    return StoredIncident(
        incident=incident, seq=row.get("seq"), prev_hash=row.get("prev_hash"),
        hash=row.get("hash"), superseded_by=min(correctors) if correctors else None,
        verdict=row.get("verdict"), assessed_by=row.get("assessed_by"),
        statuses=list(row.get("statuses") or []), regimes=list(row.get("regimes") or []),
        findings=list(row.get("findings") or []),
        missing_facts=list(row.get("missing_facts") or []))


# ---------------------------------------------------------------- incidents


@dataclass(frozen=True)
class IncidentQuery:
    """The filters of an incident list (dates as ISO text: ``until`` exclusive)."""

    organ: str | None = None
    case: str | None = None
    actor: str | None = None
    stage: str | None = None
    channel: str | None = None
    since: str | None = None
    until: str | None = None
    verdict: str | None = None
    regulation: str | None = None
    all_versions: bool = False

    @property
    def anchor(self) -> Anchor:
        return ("actor" if self.actor else "case" if self.case else
                "organ" if self.organ else "all")

    def parameters(self) -> dict[str, Any]:
        anchor = self.anchor
        out: dict[str, Any] = {name: getattr(self, name) for name in incident_filters(anchor)}
        if anchor != "all":
            out[anchor] = getattr(self, anchor)
        return out | {"all_versions": self.all_versions}


def _readable(row: Mapping[str, Any]) -> StoredIncident | DamagedIncident:
    try:
        return stored_incident(row)
    except DamagedRecordError:
        return DamagedIncident(id=str(row.get("id")), recorded_at=str(row.get("recorded_at")))


def incident_page(store: GraphStore, query: IncidentQuery, *, after: tuple[str, str] | None,
                  skip: int, limit: int) -> list[StoredIncident | DamagedIncident]:
    """A page newest first by (recorded_at, id), after the cursor ``after``; an incident whose
    payload does not read back comes as a DamagedIncident in its place."""
    if query.anchor == "all":  # a window of recording time at a time (graph/record_windows)
        rows = window_rows(store, query.parameters(), after=after, wanted=skip + limit)
        return [_readable(r) for r in rows[skip:]]
    params = query.parameters() | {
        "after_at": after[0] if after else None, "after_id": after[1] if after else None,
        "skip": skip, "limit": limit}
    return [_readable(r) for r in store.read(RECORD_INCIDENT_PAGES[query.anchor], params)]


def incident_count(store: GraphStore, query: IncidentQuery, *, cap: int) -> int:
    """How many incidents match, counted up to ``cap``."""
    if query.anchor == "all":
        return window_total(store, query.parameters(), cap=cap)
    rows = store.read(RECORD_INCIDENT_COUNTS[query.anchor], query.parameters() | {"cap": cap})
    return int(rows[0]["total"]) if rows else 0


def incidents_by_ids(store: GraphStore, ids: Sequence[str], *,
                     damaged: list[str] | None = None) -> dict[str, StoredIncident]:
    """The stored incidents of ``ids`` that exist. Raises DamagedRecordError for one whose
    payload does not read back, unless ``damaged`` is given: then its id is appended there
    and it is left out (for answers about many incidents, which one damaged record must not
    stop)."""
    if not ids:
        return {}
    rows = store.read(queries.RECORD_INCIDENTS_BY_IDS, {"ids": list(dict.fromkeys(ids))})
    out: dict[str, StoredIncident] = {}
    for row in rows:
        found = stored_incident(row) if damaged is None else _readable(row)
        if isinstance(found, StoredIncident):
            out[found.incident.id] = found
        elif damaged is not None:
            damaged.append(found.id)
    return out


def incident_payloads(store: GraphStore, ids: Sequence[str], *,
                      damaged: list[str] | None = None) -> dict[str, Incident]:
    """What the stored incidents of ``ids`` say, without their chain or assessment; a damaged
    one as in ``incidents_by_ids``."""
    if not ids:
        return {}
    out: dict[str, Incident] = {}
    for row in store.read(RECORD_INCIDENT_PAYLOADS, {"ids": list(dict.fromkeys(ids))}):
        try:
            out[row["id"]] = stored_incident(row).incident
        except DamagedRecordError:
            if damaged is None:
                raise
            damaged.append(str(row["id"]))
    return out


def incident_versions(store: GraphStore, incident_id: str) -> list[str]:
    """The correction chain through an incident, oldest first."""
    rows = store.read(queries.RECORD_CORRECTION_CHAIN, {"id": incident_id})
    corrects = {r["id"]: r["corrects"] for r in rows}
    corrected_by = {c: i for i, c in corrects.items() if c}
    first = next((i for i, c in sorted(corrects.items()) if not c or c not in corrects), None)
    chain: list[str] = []
    while first is not None and first not in chain:
        chain.append(first)
        first = corrected_by.get(first)
    return chain


def stale_incidents(store: GraphStore, engine: str, *, after: str,
                    limit: int) -> list[Incident]:
    """Incidents never assessed or assessed by another engine, by id after ``after``."""
    rows = store.read(queries.RECORD_STALE_INCIDENTS,
                      {"engine": engine, "after": after, "limit": limit})
    return [stored_incident(r).incident for r in rows]


def pending_incidents(store: GraphStore, *, limit: int) -> list[str]:
    """Ids of incidents recorded and not yet assessed (the flag the append sets)."""
    return [row["id"] for row in store.read(queries.RECORD_PENDING_INCIDENTS,
                                            {"limit": limit})]


# ---------------------------------------------------------------- actors, organs, cases


def actors_by_ids(store: GraphStore, ids: Iterable[str]) -> dict[str, Actor]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    return {a.id: a for a in map(actor_of, store.read(queries.RECORD_ACTORS_BY_IDS,
                                                      {"ids": wanted}))}


def organs_by_ids(store: GraphStore, ids: Iterable[str]) -> dict[str, Organ]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    return {o.id: o for o in map(organ_of, store.read(queries.RECORD_ORGANS_BY_IDS,
                                                      {"ids": wanted}))}


def cases_by_ids(store: GraphStore, ids: Iterable[str]) -> dict[str, Case]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    rows = store.read(queries.RECORD_CASES_BY_IDS, {"ids": wanted})
    return {c.id: c for c in (_model(Case, r, _CASE) for r in rows)}


def organs_upwards(store: GraphStore, ids: Iterable[str]) -> dict[str, Organ]:
    """The organs, their superiors and party committees, all the way up."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    return {o.id: o for o in map(organ_of, store.read(queries.RECORD_ORGANS_UPWARDS,
                                                      {"ids": wanted}))}


def organs_under(store: GraphStore, committees: Iterable[str]) -> dict[str, Organ]:
    """Every organ whose party committee is one of ``committees`` (同级)."""
    wanted = sorted(set(committees))
    if not wanted:
        return {}
    return {o.id: o for o in map(organ_of, store.read(queries.RECORD_ORGANS_UNDER_COMMITTEES,
                                                      {"ids": wanted}))}


def subordinates(store: GraphStore, organ_id: str, *, limit: int) -> list[Organ]:
    return [organ_of(r) for r in store.read(queries.RECORD_SUBORDINATE_ORGANS,
                                            {"id": organ_id, "limit": limit})]


@dataclass(frozen=True)
class RelationRow:
    relation: Relation
    subject_name: str
    object_name: str


def relations_of(store: GraphStore, actor_ids: Iterable[str], *,
                 with_cases: bool = False) -> list[RelationRow]:
    """Every relation the actors are in (either end); ``with_cases``: their party_to too."""
    wanted = sorted(set(actor_ids))
    if not wanted:
        return []
    out = [RelationRow(_model(Relation, r, _RELATION), r.get("subject_name") or r["subject"],
                       r.get("object_name") or r["object"])
           for r in store.read(queries.RECORD_RELATIONS_OF_ACTORS, {"ids": wanted})]
    if with_cases:
        out += [RelationRow(_model(Relation, r, _RELATION, kind=RelationKind.PARTY_TO),
                            r["subject"], r.get("object_name") or r["object"])
                for r in store.read(queries.RECORD_PARTY_RELATIONS_OF_ACTORS,
                                    {"ids": wanted})]
    return sorted(out, key=lambda r: r.relation.id)


def actor_page(store: GraphStore, *, kind: str | None, organ: str | None, after: str,
               skip: int, limit: int) -> list[Actor]:
    rows = store.read(queries.RECORD_ACTOR_PAGE, {"kind": kind, "organ": organ,
                                                  "after": after, "skip": skip,
                                                  "limit": limit})
    return [actor_of(r) for r in rows]


def actor_count(store: GraphStore, *, kind: str | None, organ: str | None, cap: int) -> int:
    rows = store.read(queries.RECORD_ACTOR_COUNT, {"kind": kind, "organ": organ, "cap": cap})
    return int(rows[0]["total"]) if rows else 0


def organ_page(store: GraphStore, *, kind: str | None, level: str | None, after: str,
               skip: int, limit: int) -> list[Organ]:
    rows = store.read(queries.RECORD_ORGAN_PAGE, {"kind": kind, "level": level,
                                                  "after": after, "skip": skip,
                                                  "limit": limit})
    return [organ_of(r) for r in rows]


def organ_count(store: GraphStore, *, kind: str | None, level: str | None, cap: int) -> int:
    rows = store.read(queries.RECORD_ORGAN_COUNT, {"kind": kind, "level": level, "cap": cap})
    return int(rows[0]["total"]) if rows else 0


def organ_tallies(store: GraphStore, organ_id: str) -> dict[str, int]:
    """Staff, cases and current incidents of an organ."""
    rows = store.read(queries.RECORD_ORGAN_TALLIES, {"id": organ_id})
    row = rows[0] if rows else {}
    return {k: int(row.get(k) or 0) for k in ("staff", "cases", "incidents")}


def region_organs(store: GraphStore, committee: str, *, limit: int) -> list[str]:
    """Every organ under ``committee`` (a 党委) and the 党委s below it."""
    return [r["id"] for r in store.read(queries.RECORD_ORGANS_OF_REGION,
                                        {"committee": committee, "limit": limit})]


# ---------------------------------------------------------------- people


def repeat_intervener_rows(store: GraphStore, *, minimum: int, listed: int,
                           limit: int) -> list[Row]:
    return store.read(queries.RECORD_REPEAT_INTERVENERS,
                      {"minimum": minimum, "listed": listed, "limit": limit,
                       "role": "intervener"})


def quarter_rows(store: GraphStore, organs: Sequence[str] | None, start: str, end: str, *,
                 limit: int) -> list[Row]:
    """The current incidents ``organs`` (None: every organ) recorded in [start, end), oldest
    first."""
    bounds = {"start": start, "end": end, "limit": limit}
    if organs is None:
        return store.read(queries.RECORD_QUARTER_INCIDENTS, bounds)
    return store.read(queries.RECORD_QUARTER_INCIDENTS_OF_ORGANS,
                      bounds | {"organs": sorted(set(organs))})


# ---------------------------------------------------------------- neighbourhoods


def _listed(fields: Sequence[str], values: Sequence[Any] | None) -> dict[str, Any] | None:
    """A row returned as a list (``[a.id, a.name, …]``) as a dict; None for a missing node."""
    if not values or values[0] is None:
        return None
    return dict(zip(fields, values, strict=True))


Found = dict[str, StoredIncident]  # the stored incidents of a batch, by id


def neighbourhood(store: GraphStore, incident_id: str) -> tuple[StoredIncident, RecordSet] | None:
    """The incident and what the engine reads about it, as a small RecordSet (see
    ``neighbourhoods``); None when there is no such incident."""
    found, out = neighbourhoods(store, [incident_id])
    return (found[incident_id], out) if incident_id in found else None


def neighbourhoods(store: GraphStore, incident_ids: Sequence[str]
                   ) -> tuple[Found, RecordSet]:
    """The incidents (those stored, by id) and what the engine reads about them, as one small
    RecordSet, in three statements: the incidents and their cases; the people they name
    (intervener, instigator, officer, recorder, participants) with their relatives and staff
    (CIRCLE_RELATIONS, the only relations the engine reads: a lawyer of 23,430 clients at
    1,000,000 incidents took 5 s to read with all of his) and the people at the other end;
    their organs, managing organs and the handling organs with every organ above them, their
    party committees and the organs beside those (同级). Read for a batch at once, what
    incidents share (a province's organs, a busy actor's relatives) is read once: the
    engine's facts of an incident are the same over the batch's set as over its own
    (tests/liuhen/test_record_reads.py)."""
    out, found = RecordSet(), {}
    for row in store.read(queries.RECORD_INCIDENTS_WITH_CASES,
                          {"ids": list(dict.fromkeys(incident_ids))}):
        stored = stored_incident(row)
        found[stored.incident.id] = stored
        out.incidents[stored.incident.id] = stored.incident
        case = _listed(_CASE, row.get("case_fields"))
        if case is not None:
            out.cases[case["id"]] = _model(Case, case, _CASE)
    named = sorted({a for stored in found.values() for a, _ in stored.incident.roles()})
    for row in store.read(queries.RECORD_ACTORS_WITH_RELATIONS,
                          {"ids": named, "kinds": sorted(CIRCLE_RELATIONS)}):
        for fields in (row["actor"], row["other"]):
            actor = _listed(_ACTOR, fields)
            if actor is not None and actor["id"] not in out.actors:
                out.actors[actor["id"]] = actor_of(actor)
        relation = _listed(_RELATION, row["relation"])
        if relation is not None:
            out.relations[relation["id"]] = _model(Relation, relation, _RELATION)
    seeds = {s.incident.organ for s in found.values()} | {
        a.organ for a in out.actors.values() if a.organ} | {
        a.managed_by for a in out.actors.values() if a.managed_by}
    out.organs.update({o.id: o for o in map(organ_of, store.read(
        queries.RECORD_ORGANS_AROUND, {"ids": sorted(seeds)}))})
    return found, out


def neighbourhood_batches(store: GraphStore, incident_ids: Sequence[str], *,
                          size: int = NEIGHBOURHOOD_BATCH
                          ) -> Iterator[tuple[Sequence[str], Found, RecordSet]]:
    """``neighbourhoods`` of ``size`` incidents at a time, each with its ids."""
    for start in range(0, len(incident_ids), size):
        batch = incident_ids[start:start + size]
        yield (batch, *neighbourhoods(store, batch))


# ---------------------------------------------------------------- the web pages' lookups


def actors_found(store: GraphStore, text: str, *, limit: int) -> list[Actor]:
    """The actor whose id is ``text``, then those whose name begins with it by id: at most
    ``limit``."""
    named = [actor_of(r) for r in store.read(RECORD_ACTORS_FOUND,
                                             {"text": text, "limit": limit})]
    by_id = actors_by_ids(store, [text]).get(text)
    if by_id is None:
        return named
    return [by_id, *(a for a in named if a.id != text)][:limit]


def organ_incident_counts(store: GraphStore, organ_ids: Iterable[str]) -> dict[str, int]:
    """How many current incidents each organ recorded (0 for an organ without any)."""
    wanted = sorted(set(organ_ids))
    if not wanted:
        return {}
    return {r["id"]: int(r["incidents"] or 0)
            for r in store.read(RECORD_ORGAN_INCIDENT_COUNTS, {"ids": wanted})}
