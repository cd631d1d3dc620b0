"""Tamper evidence over what the incidents' payloads do not hold: organs, actors, cases and
the relations between actors are written as hashed, versioned registry records in one chain of
their own (sealed and anchored like an organ's incident chain, ingest/seals.py), and the
nodes and edges the reads use are compared with the latest registered version of each; an
incident node's properties and edges are compared with its hashed payload.

This module is pure: what a registry record holds, and what node or edge a record (or an
incident) must be stored as. graph/registry.py writes and walks the store.

Properties outside a record that liuhen itself writes are allowed beside it (the incident
chain's head on an organ, the engine's stored assessment and the related-incident indexes on
an incident); any other property, or a missing or different one, is reported.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from ingest.integrity import canonical_json
from ingest.records import Actor, Case, Incident, Organ, Relation, RelationKind

#: The registry chain's name where an organ id would go (genesis hash, seal, anchor log).
#: An organ id never holds ':' (ingest.record_models.ID_PATTERN), so no organ can take it.
REGISTRY_CHAIN = ":registry"


class RegistryKind(StrEnum):
    ORGAN = "organ"
    ACTOR = "actor"
    CASE = "case"
    RELATION = "relation"


#: What a registry record registers.
Registered = Organ | Actor | Case | Relation


#: Properties liuhen writes on a node beside its registered record.
ORGAN_BOOKKEEPING = frozenset({"chain_length", "chain_head", "chain_seal", "chain_lock"})
#: Derived and re-derivable properties of an incident (the engine's assessment, the
#: related-incident indexes), written after the append, outside the hashed payload.
INCIDENT_DERIVED = frozenset({"verdict", "statuses", "interference", "provisions", "regimes",
                              "findings", "missing_facts", "assessed_by", "embedding",
                              "words", "assessment_seal",
                              "assessment_pending"})
#: The engine's stored assessment of an incident, sealed as one text (``assessment_text``)
#: in ``assessment_seal`` when it is written: derived, so not hashed into the payload, but
#: the lists, summaries and repeat interveners read it.
ASSESSMENT_FIELDS = ("verdict", "statuses", "interference", "provisions", "regimes",
                     "findings", "missing_facts", "assessed_by")
ASSESSMENT_SEAL = "assessment"


def assessment_text(incident_id: str, values: Mapping[str, Any]) -> str:
    """What an incident's assessment seal covers: its id and the assessment's fields."""
    return canonical_json({"id": incident_id} | {
        name: (list(values[name]) if isinstance(values.get(name), tuple) else values.get(name))
        for name in ASSESSMENT_FIELDS})


#: The incident chain's own properties, checked by the chain itself.
INCIDENT_CHAIN = frozenset({"seq", "prev_hash", "hash", "payload"})

Edge = tuple[str, str, str, str | None]  # (direction, type, other end's id, role)


def record_id(kind: RegistryKind, entity: str, version: int) -> str:
    """The registry record's key: ``kind:entity:version`` (ids hold no ':')."""
    return f"{kind}:{entity}:{version}"


def registry_payload(kind: RegistryKind, record: Registered,
                     version: int) -> dict[str, Any]:
    """What a registry record's hash covers; its ``id`` is the record's key, as an
    incident payload's is the incident's (the chain checker holds the two equal)."""
    return {"id": record_id(kind, record.id, version), "kind": str(kind),
            "entity": record.id, "version": version, "record": record.model_dump(mode="json")}


def parse_record(kind: RegistryKind, payload: Mapping[str, Any]) -> Registered:
    """The registered record of a registry payload (ValueError if it does not validate)."""
    if kind is RegistryKind.ORGAN:
        return Organ.model_validate(payload.get("record"))
    if kind is RegistryKind.ACTOR:
        return Actor.model_validate(payload.get("record"))
    if kind is RegistryKind.CASE:
        return Case.model_validate(payload.get("record"))
    return Relation.model_validate(payload.get("record"))


@dataclass(frozen=True)
class Shape:
    """A node's (or an edge's) properties and the edges the reads follow from it."""

    properties: dict[str, Any]
    edges: frozenset[Edge] = frozenset()


def _present(values: Mapping[str, Any]) -> dict[str, Any]:
    """Properties as a store keeps them: a null is no property; lists compare as lists."""
    return {k: (list(v) if isinstance(v, tuple) else v) for k, v in values.items()
            if v is not None}


def organ_shape(organ: Organ) -> Shape:
    fields = organ.model_dump(mode="json")
    edges = {("out", "SUPERIOR_ORGAN", organ.superior, None) if organ.superior else None,
             ("out", "PARTY_COMMITTEE", organ.party_committee, None)
             if organ.party_committee else None}
    return Shape(_present(fields | {"caption": organ.name}),
                 frozenset(e for e in edges if e is not None))


#: The edges of an organ and of an actor that their registered records decide.
ORGAN_EDGE_TYPES = ("SUPERIOR_ORGAN", "PARTY_COMMITTEE")
ACTOR_EDGE_TYPES = ("WORKS_AT", "MANAGED_BY")


def actor_shape(actor: Actor) -> Shape:
    fields = actor.model_dump(mode="json")
    edges = {("out", "WORKS_AT", actor.organ, None) if actor.organ else None,
             ("out", "MANAGED_BY", actor.managed_by, None) if actor.managed_by else None}
    return Shape(_present(fields | {"caption": actor.name}),
                 frozenset(e for e in edges if e is not None))


def case_shape(case: Case) -> Shape:
    """A case's properties and the edges its record decides: the organ handling it, its
    handlers, and its parties (PARTY_TO edges without an id; one with an id is a relation)."""
    fields = case.model_dump(mode="json")
    edges = {("out", "HANDLED_BY", case.organ, None)}
    edges.update(("in", "HANDLES", actor, None) for actor in case.handlers)
    edges.update(("in", "PARTY_TO", actor, None) for actor in case.parties)
    return Shape(_present(fields | {"caption": case.number}), frozenset(edges))


def relation_shape(relation: Relation) -> Shape:
    """A relation is an edge: its properties, and its one 'edge' is (type, subject, object)."""
    props: dict[str, Any]
    if relation.kind is RelationKind.PARTY_TO:
        props = {"id": relation.id, "detail": relation.detail}
        edge: Edge = ("PARTY_TO", relation.subject, relation.object, None)
    else:
        props = {"id": relation.id, "kind": str(relation.kind), "detail": relation.detail,
                 "case": relation.case}
        edge = ("RELATED", relation.subject, relation.object, None)
    return Shape(_present(props), frozenset({edge}))


def record_shape(kind: RegistryKind, record: Registered) -> Shape:
    if kind is RegistryKind.ORGAN:
        assert isinstance(record, Organ)
        return organ_shape(record)
    if kind is RegistryKind.ACTOR:
        assert isinstance(record, Actor)
        return actor_shape(record)
    if kind is RegistryKind.CASE:
        assert isinstance(record, Case)
        return case_shape(record)
    assert isinstance(record, Relation)
    return relation_shape(record)


#: Node properties of an incident that mirror its payload (what the reads filter on).
INCIDENT_MIRRORED = ("id", "caption", "organ", "case", "stage", "channel", "intervener",
                     "instigator", "handler", "corrects", "occurred_at", "recorded_at",
                     "occurred_key", "recorded_key")

_EPOCH = datetime(1970, 1, 1)


def time_key(moment: datetime) -> int:
    """Whole seconds since 1970-01-01 of a naive China time (as incidents store times): an
    integer the store's range index answers with both bounds, in the order of the ISO text
    (finer than a second, the text decides; graph/record_windows.py). Mirrored on the node,
    so verify holds it against the payload: the lists page by it."""
    return (moment.replace(tzinfo=None) - _EPOCH) // timedelta(seconds=1)


def incident_shape(incident: Incident) -> Shape:
    """What an incident node must hold besides its chain fields, and every edge at it except
    the CORRECTS edges of later versions (checked at those)."""
    props = {"id": incident.id, "caption": incident.request[:24], "organ": incident.organ,
             "case": incident.case, "stage": str(incident.stage),
             "channel": str(incident.channel), "intervener": incident.intervener,
             "instigator": incident.instigator, "handler": incident.handler,
             "corrects": incident.corrects, "occurred_at": incident.occurred_at.isoformat(),
             "recorded_at": incident.recorded_at.isoformat(),
             "occurred_key": time_key(incident.occurred_at),
             "recorded_key": time_key(incident.recorded_at)}
    edges: set[Edge] = {("out", "RECORDED_IN", incident.organ, None),
                        ("out", "ABOUT_CASE", incident.case, None),
                        ("in", "INTERVENED", incident.intervener, None),
                        ("in", "RECORDED", incident.recorded_by, None)}
    if incident.instigator:
        edges.add(("in", "INSTIGATED", incident.instigator, None))
    if incident.handler:
        edges.add(("out", "APPROACHED", incident.handler, None))
    if incident.corrects:
        edges.add(("out", "CORRECTS", incident.corrects, None))
    edges.update(("in", "TOOK_PART", p.actor, str(p.role)) for p in incident.participants)
    return Shape(_present(props), frozenset(edges))


def _show(value: Any) -> str:
    return "nothing" if value is None else repr(value)


def differences(expected: Shape, properties: Mapping[str, Any], edges: Iterable[Edge], *,
                allowed: frozenset[str] = frozenset()) -> list[str]:
    """What the stored properties and edges change of ``expected``, in words (empty: none).
    ``allowed`` names properties liuhen writes beside the record."""
    out: list[str] = []
    stored = {k: (list(v) if isinstance(v, tuple) else v) for k, v in properties.items()
              if v is not None}
    for name in sorted(set(expected.properties) | set(stored)):
        if name in allowed and name not in expected.properties:
            continue
        want, have = expected.properties.get(name), stored.get(name)
        if want != have:
            out.append(f"{name} is {_show(have)} in the store, {_show(want)} in the record")
    found = frozenset(edges)
    for edge in sorted(found - expected.edges, key=repr):
        out.append(f"an edge {_edge(edge)} the record does not hold")
    for edge in sorted(expected.edges - found, key=repr):
        out.append(f"the edge {_edge(edge)} of the record is missing")
    return out


def _edge(edge: Edge) -> str:
    direction, kind, other, role = edge
    if direction not in ("out", "in"):  # a relation's edge: (type, subject, object, None)
        return f"({kind})-[:{direction}]->({other})"
    arrow = f"-[:{kind}]->" if direction == "out" else f"<-[:{kind}]-"
    return f"{arrow}({other})" + (f" as {role}" if role else "")
