"""Questions about actors and organs, answered by the graph store an actor, an organ or a
page at a time (graph/record_reads.py): lists, details, the hierarchy, an actor's incidents
(with relatives and staff), the shortest paths between two actors and repeat interveners
(from the engine's stored ``interference``). Each returns a view of liuhen/records/views.py.

Errors: NotFoundError names what is missing, InputError the bad argument (with its field);
BackendError comes from the store.
"""

from __future__ import annotations

from core.errors import InputError, NotFoundError
from graph.involvement import involvement_page
from graph.queries.records_read import MAX_TRACE_HOPS
from graph.record_reads import (
    actor_count,
    actor_page,
    actors_by_ids,
    incident_payloads,
    incidents_by_ids,
    organ_count,
    organ_page,
    organ_tallies,
    organs_by_ids,
    organs_under,
    organs_upwards,
    relations_of,
    repeat_intervener_rows,
    subordinates,
)
from graph.store import GraphStore
from graph.trace import trace_rows
from ingest.records import CIRCLE_RELATIONS, Actor, ActorKind, Level, Organ, OrganKind
from liuhen.records.readers import decode_cursor, encode_cursor
from liuhen.records.views import (
    MAX_PAGE,
    ActorDetail,
    ActorIncidents,
    ActorPage,
    ActorPaths,
    Hierarchy,
    Involvement,
    OrganDetail,
    OrganPage,
    RelationView,
    RepeatIntervener,
    TraceNode,
    TracePathView,
    TraceStep,
)

MAX_OFFSET = 10_000
TOTAL_CAP = 10_000
ACTOR_PAGE = 100  # an actor's incidents per page unless asked otherwise
REPEAT_LIMIT = 500  # repeat interveners answered, most first
REPEAT_LISTED = 200  # incident ids listed per intervener (``count`` is exact)
#: The incident's roles as the store names them -> the views' names.
ROLE_OF = {"INTERVENED": "intervener", "INSTIGATED": "instigator", "APPROACHED": "handler",
           "RECORDED": "recorded_by", "PARTY_TO": "party"}
_KIND_OF = {"Actor": "actor", "Organ": "organ", "Case": "case", "Incident": "incident"}


def _page_bounds(limit: int, offset: int) -> None:
    if not 1 <= limit <= MAX_PAGE:
        raise InputError(f"limit must be 1..{MAX_PAGE}", field="limit")
    if not 0 <= offset <= MAX_OFFSET:
        raise InputError(f"offset must be 0..{MAX_OFFSET}", field="offset")


def need_actor(store: GraphStore, actor_id: str) -> Actor:
    found = actors_by_ids(store, [actor_id]).get(actor_id)
    if found is None:
        raise NotFoundError(f"no actor {actor_id!r}")
    return found


def need_organ(store: GraphStore, organ_id: str) -> Organ:
    found = organs_by_ids(store, [organ_id]).get(organ_id)
    if found is None:
        raise NotFoundError(f"no organ {organ_id!r}")
    return found


# ---------------------------------------------------------------- actors


def list_actors(store: GraphStore, *, kind: ActorKind | None = None, organ: str | None = None,
                limit: int = 50, offset: int = 0) -> ActorPage:
    """Actors by id, filtered by kind and organ, a page at a time."""
    _page_bounds(limit, offset)
    wanted = str(kind) if kind else None
    items = actor_page(store, kind=wanted, organ=organ, after="", skip=offset, limit=limit)
    total = actor_count(store, kind=wanted, organ=organ, cap=TOTAL_CAP)
    return ActorPage(total=total, limit=limit, offset=offset, items=items)


def actor_detail(store: GraphStore, actor_id: str) -> ActorDetail:
    """An actor, where they work, and every relation they are in."""
    actor = need_actor(store, actor_id)
    organ = organs_by_ids(store, [actor.organ] if actor.organ else []).get(actor.organ or "")
    relations = []
    for row in relations_of(store, [actor_id], with_cases=True):
        relation = row.relation
        out = relation.subject == actor_id
        relations.append(RelationView(
            id=relation.id, kind=str(relation.kind), detail=relation.detail,
            direction="out" if out else "in",
            other=relation.object if out else relation.subject,
            other_name=row.object_name if out else row.subject_name, case=relation.case))
    return ActorDetail(actor=actor, organ_name=organ.name if organ else None,
                       relations=relations)


def circle(store: GraphStore, actor_id: str) -> dict[str, str]:
    """The actor, their relatives and their staff (and those they are staff of): id -> via."""
    found = {actor_id: ""}
    for row in relations_of(store, [actor_id]):
        relation = row.relation
        if relation.kind not in CIRCLE_RELATIONS:
            continue
        via = f"{relation.kind}:{relation.detail}" if relation.detail else str(relation.kind)
        other = relation.object if relation.subject == actor_id else relation.subject
        found.setdefault(other, via)
    return found


def actor_incidents(store: GraphStore, actor_id: str, *, with_circle: bool = True,
                    limit: int = ACTOR_PAGE, after: str | None = None,
                    newest: bool = False) -> ActorIncidents:
    """The current incidents the actor (and, by default, their relatives and staff) is in,
    as intervener, instigator, officer, recorder, participant or party to its case: a page
    of ``limit`` incidents by when they occurred, oldest (``newest``: newest) first, after
    the cursor ``after`` (the ``next`` of the page before). An incident comes once per
    person and role that ties it to them."""
    if not 1 <= limit <= MAX_PAGE:
        raise InputError(f"limit must be 1..{MAX_PAGE}", field="limit")
    cursor = None
    if after is not None:
        key, incident_id = decode_cursor(after)
        if not key.lstrip("-").isdigit():
            raise InputError("after is not a cursor this service returned as next",
                             field="after")
        cursor = (int(key), incident_id)
    need_actor(store, actor_id)
    people = circle(store, actor_id) if with_circle else {actor_id: ""}
    found, more = involvement_page(store, people, after=cursor, newest=newest, limit=limit)
    damaged: list[str] = []
    incidents = incident_payloads(store, [x.incident for x in found], damaged=damaged)
    out = []
    for item in found:
        incident = incidents.get(item.incident)
        if incident is None:
            continue
        seen: set[tuple[str, str]] = set()
        for person, via, role_name in item.ties:
            role = ROLE_OF.get(str(via)) or role_name or str(via).lower()
            if person is None or (person, role) in seen:
                continue
            seen.add((person, role))
            out.append(Involvement(
                incident=incident.id, actor=person, role=role, via=people[person],
                occurred_at=incident.occurred_at, case=incident.case, organ=incident.organ,
                request=incident.request))
    order = {item.incident: n for n, item in enumerate(found)}
    out.sort(key=lambda x: (order[x.incident], x.role, x.actor))
    last = found[-1] if found else None
    return ActorIncidents(
        actor=actor_id, incidents=out, limit=limit, unreadable=sorted(damaged),
        next=encode_cursor(str(last.key), last.incident) if more and last else None)


def _via(step: list[str | None]) -> str:
    kind, relation_kind, detail, role, _ = step
    if kind == "RELATED":
        return f"{relation_kind}:{detail}" if detail else str(relation_kind)
    if kind == "TOOK_PART":
        return str(role)
    name = str(kind)
    return ROLE_OF.get(name, name.lower()).replace("party", "party_to")


def actor_paths(store: GraphStore, source: str, target: str, *, max_hops: int = 6,
                limit: int = 10, through_organs: bool = True) -> ActorPaths:
    """The shortest paths (up to ``limit``, each at most ``max_hops`` <= 6 edges) between two
    actors through relations, organs, cases and current incidents. Organs connect everyone
    who works there; ``through_organs=False`` leaves them out. Parallel edges between the
    same two nodes (an officer who also recorded) are one step, their names joined."""
    if not 1 <= max_hops <= MAX_TRACE_HOPS:
        raise InputError(f"max_hops must be 1..{MAX_TRACE_HOPS}", field="max_hops")
    if not 1 <= limit <= 100:
        raise InputError("limit must be 1..100", field="limit")
    need_actor(store, source)
    need_actor(store, target)
    if source == target:
        return ActorPaths(source=source, target=target, paths=[])
    rows = trace_rows(store, source, target, max_hops=max_hops, limit=limit * 8,
                      through_organs=through_organs)
    on_paths = {n[1] for r in rows for n in r["nodes"] if n[0] == "Incident"}
    # A damaged incident on a path is left as a node (its id is all a path shows of it).
    stored = incidents_by_ids(store, sorted(on_paths), damaged=[])
    superseded = {i for i, s in stored.items() if s.superseded_by}
    merged: dict[tuple[str, ...], list[list[str]]] = {}
    nodes_of: dict[tuple[str, ...], list[TraceNode]] = {}
    for row in rows:
        nodes = [TraceNode(kind=_KIND_OF[label], id=node_id,  # type: ignore[arg-type]
                           label=f"事件{node_id}" if label == "Incident" else name)
                 for label, node_id, name in row["nodes"]]
        if any(n.kind == "incident" and n.id in superseded for n in nodes):
            continue
        key = tuple(f"{n.kind}:{n.id}" for n in nodes)
        vias = [_via(step) for step in row["steps"]]
        if key not in merged:
            merged[key], nodes_of[key] = [[v] for v in vias], nodes
        else:
            for names, via in zip(merged[key], vias, strict=True):
                if via not in names:
                    names.append(via)
    paths = []
    for key in sorted(merged):
        nodes = nodes_of[key]
        steps = [TraceStep(source=a.id, target=b.id, via="/".join(sorted(names)))
                 for a, b, names in zip(nodes, nodes[1:], merged[key], strict=False)]
        text = nodes[0].label + "".join(f"-[{s.via}]-{n.label}"
                                        for s, n in zip(steps, nodes[1:], strict=True))
        paths.append(TracePathView(length=len(steps), nodes=nodes, steps=steps, text=text))
    return ActorPaths(source=source, target=target, paths=paths[:limit])


def repeat_interveners(store: GraphStore, *, minimum: int = 2) -> list[RepeatIntervener]:
    """Actors who intervened (or had someone intervene for them) in at least ``minimum``
    current incidents the engine's stored assessment found interference (R1 第八条 or R2
    第九条), most first (at most REPEAT_LIMIT). Incidents not yet assessed are not counted."""
    if minimum < 1:
        raise InputError("minimum must be at least 1", field="minimum")
    rows = repeat_intervener_rows(store, minimum=minimum, listed=REPEAT_LISTED,
                                  limit=REPEAT_LIMIT)
    return [RepeatIntervener(actor=r["actor"], name=r["name"], count=r["count"],
                             incidents=list(r["incidents"]),
                             organs=list(dict.fromkeys(r["organs"])))
            for r in rows]


# ---------------------------------------------------------------- organs


def list_organs(store: GraphStore, *, kind: OrganKind | None = None,
                level: Level | None = None, limit: int = 50, offset: int = 0) -> OrganPage:
    """Organs by id, filtered by kind and level, a page at a time."""
    _page_bounds(limit, offset)
    wanted_kind, wanted_level = (str(kind) if kind else None), (str(level) if level else None)
    items = organ_page(store, kind=wanted_kind, level=wanted_level, after="", skip=offset,
                       limit=limit)
    total = organ_count(store, kind=wanted_kind, level=wanted_level, cap=TOTAL_CAP)
    return OrganPage(total=total, limit=limit, offset=offset, items=items)


def organ_detail(store: GraphStore, organ_id: str) -> OrganDetail:
    """An organ with its superior, party committee and counts."""
    organ = need_organ(store, organ_id)
    around = organs_by_ids(store, [o for o in (organ.superior, organ.party_committee) if o])
    superior = around.get(organ.superior or "")
    committee = around.get(organ.party_committee or "")
    tallies = organ_tallies(store, organ_id)
    return OrganDetail(
        organ=organ, superior_name=superior.name if superior else None,
        party_committee_name=committee.name if committee else None,
        staff=tallies["staff"], cases=tallies["cases"], incidents=tallies["incidents"])


def superiors_of(organ: Organ, organs: dict[str, Organ]) -> list[Organ]:
    """The organ's superior, its superior, and so on (among ``organs``)."""
    out: list[Organ] = []
    current = organs.get(organ.superior or "")
    while current is not None and current not in out:
        out.append(current)
        current = organs.get(current.superior or "")
    return out


def organ_hierarchy(store: GraphStore, organ_id: str) -> Hierarchy:
    """Where an organ stands: its superiors, subordinates and same-level organs."""
    organ = need_organ(store, organ_id)
    above = organs_upwards(store, [organ_id])
    beside = organs_under(store, [organ.party_committee] if organ.party_committee else [])
    return Hierarchy(
        organ=organ, superiors=superiors_of(organ, above),
        subordinates=subordinates(store, organ_id, limit=MAX_PAGE),
        party_committee=above.get(organ.party_committee or ""),
        same_level=sorted((o for o in beside.values()
                           if o.id not in {organ.id, organ.party_committee}),
                          key=lambda o: o.id))

