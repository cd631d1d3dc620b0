"""Questions about people and incidents, answered over a record set in memory: paths between
two actors, every incident touching an actor (or their relatives and staff), repeat
interveners, and incidents like a given one.

Each answer is a view of liuhen/records/views.py, what the API and the CLI show as it is.
"""

from __future__ import annotations

from collections import Counter, defaultdict, deque
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from core.errors import NotFoundError
from ingest.records import CIRCLE_RELATIONS, Incident, ParticipantRole, RecordSet, RelationKind
from liuhen.records.views import (
    Involvement,
    RelatedIncident,
    RepeatIntervener,
    TraceNode,
    TracePathView,
    TraceStep,
)
from search.bm25 import BM25Index
from search.fusion import ranks_of, reciprocal_rank_fusion
from search.tokenizer import ChineseTokenizer

INCIDENT_ROLES = ("intervener", "instigator", "handler", "recorded_by")


def _need_actor(records: RecordSet, actor_id: str) -> None:
    if actor_id not in records.actors:
        raise NotFoundError(f"no actor {actor_id!r}")


# ---------------------------------------------------------------- paths


def _trace_path(nodes: Sequence[TraceNode], steps: Sequence[TraceStep]) -> TracePathView:
    text = nodes[0].label + "".join(
        f"-[{step.via}]-{node.label}" for step, node in zip(steps, nodes[1:], strict=True))
    return TracePathView(length=len(steps), nodes=list(nodes), steps=list(steps), text=text)


Adjacency = dict[str, list[tuple[str, str]]]


def record_graph(records: RecordSet) -> tuple[dict[str, TraceNode], Adjacency]:
    """Nodes keyed ``kind:id`` and undirected adjacency with the edge's name."""
    nodes: dict[str, TraceNode] = {}
    edges: dict[str, list[tuple[str, str]]] = defaultdict(list)

    def link(a: str, b: str, via: str) -> None:
        if a in nodes and b in nodes:
            edges[a].append((b, via))
            edges[b].append((a, via))

    for organ in records.organs.values():
        nodes[f"organ:{organ.id}"] = TraceNode(kind="organ", id=organ.id, label=organ.name)
    for actor in records.actors.values():
        nodes[f"actor:{actor.id}"] = TraceNode(kind="actor", id=actor.id, label=actor.name)
    for case in records.cases.values():
        nodes[f"case:{case.id}"] = TraceNode(kind="case", id=case.id, label=case.number)
    incidents = records.current_incidents()
    for incident in incidents:
        nodes[f"incident:{incident.id}"] = TraceNode(kind="incident", id=incident.id,
                                                     label=f"事件{incident.id}")
    for actor in records.actors.values():
        if actor.organ:
            link(f"actor:{actor.id}", f"organ:{actor.organ}", "works_at")
    for relation in records.relations.values():
        target = f"case:{relation.object}" if relation.kind == RelationKind.PARTY_TO \
            else f"actor:{relation.object}"
        via = str(relation.kind) + (f":{relation.detail}" if relation.detail else "")
        link(f"actor:{relation.subject}", target, via)
    for case in records.cases.values():
        link(f"case:{case.id}", f"organ:{case.organ}", "handled_by")
        for party in case.parties:
            link(f"actor:{party}", f"case:{case.id}", "party_to")
        for handler in case.handlers:
            link(f"actor:{handler}", f"case:{case.id}", "handles")
    for incident in incidents:
        node = f"incident:{incident.id}"
        link(node, f"case:{incident.case}", "about_case")
        for role in INCIDENT_ROLES:
            actor_id = getattr(incident, role)
            if actor_id:
                link(f"actor:{actor_id}", node, role)
        for participant in incident.participants:
            link(f"actor:{participant.actor}", node, str(participant.role))
    # Parallel edges (handler and recorded_by of one incident) become one, labels joined.
    for node, neighbours in edges.items():
        merged: dict[str, list[str]] = {}
        for neighbour, via in neighbours:
            if via not in merged.setdefault(neighbour, []):
                merged[neighbour].append(via)
        edges[node] = [(n, "/".join(vias)) for n, vias in merged.items()]
    return nodes, edges


def trace_paths(
    records: RecordSet, source: str, target: str, *, max_hops: int = 6, limit: int = 10,
    through_organs: bool = True,
) -> list[TracePathView]:
    """The shortest paths (up to ``limit``, each at most ``max_hops`` edges) between two
    actors through relations, organs, cases and incidents. Organs connect everyone who works
    there; ``through_organs=False`` leaves them out. Raises NotFoundError for an unknown actor.
    """
    _need_actor(records, source)
    _need_actor(records, target)
    nodes, edges = record_graph(records)
    start, goal = f"actor:{source}", f"actor:{target}"
    if not through_organs:
        edges = {k: [(n, v) for n, v in vs if not n.startswith("organ:")]
                 for k, vs in edges.items() if not k.startswith("organ:")}
    # Breadth-first with every shortest predecessor kept, then enumerate paths.
    depth = {start: 0}
    parents: dict[str, list[tuple[str, str]]] = defaultdict(list)
    queue = deque([start])
    while queue:
        node = queue.popleft()
        if depth[node] >= max_hops or (goal in depth and depth[node] >= depth[goal]):
            continue
        for neighbour, via in edges.get(node, []):
            if neighbour not in depth:
                depth[neighbour] = depth[node] + 1
                queue.append(neighbour)
            if depth[neighbour] == depth[node] + 1:
                parents[neighbour].append((node, via))
    if goal not in depth or start == goal:
        return []
    out: list[TracePathView] = []

    def walk(node: str, suffix: list[tuple[str, str]]) -> None:
        if len(out) >= limit:
            return
        if node == start:
            keys = [start] + [n for n, _ in suffix]
            steps = [TraceStep(source=nodes[a].id, target=nodes[b].id, via=via)
                     for a, (b, via) in zip(keys, suffix, strict=False)]
            out.append(_trace_path([nodes[k] for k in keys], steps))
            return
        for parent, via in sorted(parents[node]):
            walk(parent, [(node, via), *suffix])

    walk(goal, [])
    return out


# ---------------------------------------------------------------- involvement


def circle(records: RecordSet, actor_id: str) -> dict[str, str]:
    """The actor, their relatives and their staff (and those they are staff of): id -> via."""
    found = {actor_id: ""}
    for relation in records.relations.values():
        if relation.kind not in CIRCLE_RELATIONS:
            continue
        via = f"{relation.kind}:{relation.detail}" if relation.detail else str(relation.kind)
        if relation.subject == actor_id:
            found.setdefault(relation.object, via)
        elif relation.object == actor_id:
            found.setdefault(relation.subject, via)
    return found


def incidents_involving(
    records: RecordSet, actor_id: str, *, with_circle: bool = True
) -> list[Involvement]:
    """Every current incident the actor (and, by default, their relatives and staff) is in,
    as intervener, instigator, officer, recorder or party to its case; oldest first."""
    _need_actor(records, actor_id)
    people = circle(records, actor_id) if with_circle else {actor_id: ""}
    out = []
    for incident in records.current_incidents():
        case = records.cases.get(incident.case)
        roles = [(getattr(incident, role), role) for role in INCIDENT_ROLES]
        roles += [(p.actor, str(p.role)) for p in incident.participants]
        roles += [(party, "party") for party in (case.parties if case else ())]
        for person, role in roles:
            if person in people:
                out.append(Involvement(
                    incident=incident.id, actor=person, role=role, via=people[person],
                    occurred_at=incident.occurred_at, case=incident.case,
                    organ=incident.organ, request=incident.request))
    out.sort(key=lambda x: (x.occurred_at, x.incident, x.role))
    return out


def repeat_interveners(records: RecordSet,
                       interfered: Callable[[Incident], bool] | None = None, *,
                       minimum: int = 2) -> list[RepeatIntervener]:
    """Actors who intervened (or had someone intervene for them) in at least ``minimum``
    current incidents that ``interfered`` says were violations (the engine: R1 第八条 or
    R2 第九条), most first. Victims, complainants, requesters, the officers approached,
    recorders and lawful guidance or inquiries are not counted. Without ``interfered``
    (no engine at hand) every incident counts: the records' raw roles, not a judgement."""
    by_actor: dict[str, list[Incident]] = defaultdict(list)
    for incident in records.current_incidents():
        people = {a for a, role in incident.roles() if role == ParticipantRole.INTERVENER}
        if people and (interfered is None or interfered(incident)):
            for person in sorted(people):
                by_actor[person].append(incident)
    out = [
        RepeatIntervener(
            actor=actor_id, name=records.actors[actor_id].name, count=len(found),
            incidents=[i.id for i in found],
            organs=list(dict.fromkeys(i.organ for i in found)),
        )
        for actor_id, found in by_actor.items() if len(found) >= minimum
    ]
    return sorted(out, key=lambda r: (-r.count, r.actor))


# ---------------------------------------------------------------- related incidents


class IncidentTextIndex:
    """Hybrid search over incident descriptions: BM25 with our jieba tokenizer, plus dense
    vectors when an embedder (search.embeddings.Embedder) is given, fused by reciprocal rank."""

    def __init__(self, incidents: Sequence[Incident], embedder: Any | None = None) -> None:
        self.incidents = list(incidents)
        self.tokenizer = ChineseTokenizer()
        texts = [self.text(i) for i in self.incidents]
        self.bm25 = BM25Index.build([self.tokenizer(t) for t in texts])
        self.embedder = embedder
        self.vectors = embedder.embed_passages(texts) if embedder is not None else None

    @staticmethod
    def text(incident: Incident) -> str:
        return f"{incident.request}。{incident.description}"

    def scores(self, query: str) -> np.ndarray:
        """Fused score per incident, in index order."""
        rankings = [ranks_of(self.bm25.scores(self.tokenizer(query)), len(self.incidents),
                             floor=0.0)]
        if self.embedder is not None and self.vectors is not None:
            vector = self.embedder.embed_queries([query])[0]
            rankings.append(ranks_of(self.vectors @ vector, len(self.incidents)))
        return reciprocal_rank_fusion(rankings)


def related_incidents(
    records: RecordSet,
    incident_id: str,
    *,
    index: IncidentTextIndex | None = None,
    top: int = 5,
    articles: dict[str, Sequence[str]] | None = None,
) -> list[RelatedIncident]:
    """Earlier or later incidents like ``incident_id``: similar words (hybrid search over the
    descriptions), the same intervener or their circle, the same officer, organ or case, and
    the same applicable articles (``articles``: incident id -> article keys; default the
    expected ones). Raises NotFoundError for an unknown incident."""
    if incident_id not in records.incidents:
        raise NotFoundError(f"no incident {incident_id!r}")
    target = records.incidents[incident_id]
    versions = {v.id for v in records.versions(incident_id)}
    pool = [i for i in records.current_incidents() if i.id not in versions]
    index = index or IncidentTextIndex(pool)
    fused = index.scores(IncidentTextIndex.text(target))
    text_rank = ranks_of(fused, len(fused), floor=0.0)
    text_score = {i.id: float(s) for i, s in zip(index.incidents, fused, strict=True)}
    ranks = {i.id: int(r) for i, r in zip(index.incidents, text_rank, strict=True)}
    best = max(text_score.values(), default=0.0) or 1.0

    def keys_of(incident: Incident) -> set[str]:
        given = articles.get(incident.id) if articles else None
        if given is not None:
            return set(given)
        return {a.key for a in incident.expected_articles}

    target_circle = set(circle(records, target.intervener))
    if target.instigator:
        target_circle |= set(circle(records, target.instigator))
    target_keys = keys_of(target)
    out = []
    for other in pool:
        reasons: list[str] = []
        score = 0.0
        if text_score.get(other.id, 0.0) > 0:
            score += text_score[other.id] / best
            reasons.append(f"similar description (#{ranks[other.id]})")
        people = {other.intervener, other.instigator} - {None}
        if target.intervener in people or (target.instigator and target.instigator in people):
            score += 1.0
            reasons.append("same intervener")
        elif people & target_circle:
            score += 0.6
            reasons.append("intervener's relative or staff")
        if other.handler and other.handler == target.handler:
            score += 0.3
            reasons.append("same officer approached")
        if other.case == target.case:
            score += 0.5
            reasons.append("same case")
        elif other.organ == target.organ:
            score += 0.2
            reasons.append("same organ")
        shared = keys_of(other) & target_keys
        if shared:
            score += 0.5
            reasons.append("same articles " + ", ".join(sorted(shared)))
        if reasons:
            out.append(RelatedIncident(incident=other.id, score=round(score, 4),
                                       reasons=reasons, request=other.request,
                                       occurred_at=other.occurred_at))
    out.sort(key=lambda r: (-r.score, r.incident))
    return out[:top]


def counts_by_intervener(records: RecordSet) -> Counter[str]:
    return Counter(i.intervener for i in records.current_incidents())
