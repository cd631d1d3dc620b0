"""Questions about incidents, actors and organs, answered over a :class:`RecordSet` read from
the store; each returns a view of liuhen/records/views.py.

Errors: NotFoundError names what is missing, InputError the bad argument (with its field);
BackendError comes from the store.
"""


from __future__ import annotations

import tempfile
import threading
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Literal

from core.errors import InputError, NotFoundError
from graph.records import read_chain, read_record_set
from graph.store import GraphStore
from ingest.models import Regulation
from ingest.records import (
    CHINA,
    Actor,
    ActorKind,
    ArticleRef,
    Case,
    Channel,
    Incident,
    Level,
    Organ,
    OrganKind,
    RecordSet,
    Stage,
)
from liuhen.classify import ArticleClassifier
from liuhen.records.analysis import (
    INCIDENT_ROLES,
    incidents_involving,
    related_incidents,
    trace_paths,
)
from liuhen.records.views import (
    MAX_PAGE,
    ActorDetail,
    ActorIncidents,
    ActorPage,
    ActorPaths,
    ApplicableArticle,
    ApplicableToIncident,
    ChainPosition,
    Hierarchy,
    IncidentDetail,
    IncidentItem,
    IncidentPage,
    OrganDetail,
    OrganPage,
    QuarterlySummary,
    RelatedIncidents,
    RelationView,
    RouteView,
    Situation,
)
from liuhen.reporting import RuleBook, route
from liuhen.summary import parse_quarter, quarterly_summary, render_chart


def _superseded(records: RecordSet) -> dict[str, str]:
    return {i.corrects: i.id for i in records.incidents.values() if i.corrects}


def _item(incident: Incident, superseded: Mapping[str, str]) -> IncidentItem:
    return IncidentItem(**incident.model_dump(), superseded_by=superseded.get(incident.id))


def _need_incident(records: RecordSet, incident_id: str) -> Incident:
    if incident_id not in records.incidents:
        raise NotFoundError(f"no incident {incident_id!r}")
    return records.incidents[incident_id]


def list_incidents(
    records: RecordSet,
    *,
    organ: str | None = None,
    case: str | None = None,
    actor: str | None = None,
    stage: Stage | None = None,
    channel: Channel | None = None,
    since: date | None = None,
    until: date | None = None,
    include_superseded: bool = False,
    limit: int = 50,
    offset: int = 0,
) -> IncidentPage:
    """Incidents, newest first (by when they happened), filtered and a page at a time.

    ``actor`` matches any role: intervener, instigator, officer approached, recorder. Only
    the latest version of each incident is listed unless ``include_superseded``.
    """
    if not 1 <= limit <= MAX_PAGE:
        raise InputError(f"limit must be 1..{MAX_PAGE}", field="limit")
    if offset < 0:
        raise InputError("offset must be >= 0", field="offset")
    superseded = _superseded(records)
    pool = list(records.incidents.values()) if include_superseded else \
        records.current_incidents()
    chosen = [
        i for i in pool
        if (organ is None or i.organ == organ)
        and (case is None or i.case == case)
        and (actor is None or actor in {getattr(i, role) for role in INCIDENT_ROLES})
        and (stage is None or i.stage == stage)
        and (channel is None or i.channel == channel)
        and (since is None or i.occurred_at.date() >= since)
        and (until is None or i.occurred_at.date() <= until)
    ]
    chosen.sort(key=lambda i: (i.occurred_at, i.id), reverse=True)
    return IncidentPage(
        total=len(chosen), limit=limit, offset=offset,
        items=[_item(i, superseded) for i in chosen[offset:offset + limit]],
    )


def incident_detail(store: GraphStore, incident_id: str) -> IncidentDetail:
    """One incident with its versions and its place in the hash chain."""
    records = read_record_set(store)
    incident = _need_incident(records, incident_id)
    chained, _ = read_chain(store)
    position = next(
        (ChainPosition(seq=r.seq, prev_hash=r.prev_hash, hash=r.hash)
         for r in chained if r.record_id == incident_id),
        None,
    )
    return _detail(records, incident, position)


def _detail(
    records: RecordSet, incident: Incident, position: ChainPosition | None
) -> IncidentDetail:
    return IncidentDetail(
        **_item(incident, _superseded(records)).model_dump(),
        versions=[v.id for v in records.versions(incident.id)],
        chain=position,
    )


def applicable_to_incident(
    records: RecordSet, incident_id: str, classifier: ArticleClassifier, *, top: int = 5
) -> ApplicableToIncident:
    """Ranked applicable articles of a recorded incident, with score and reason."""
    incident = _need_incident(records, incident_id)
    ranked = classifier.classify(incident, records, top=top)
    return ApplicableToIncident(
        incident=incident_id,
        articles=[ApplicableArticle(**a.as_dict()) for a in ranked],
        expected=[a.key for a in incident.expected_articles],
    )


_SITUATION_ORGAN = "situation-court"


_INTERVENER_ORGAN = {
    ActorKind.LEADING_CADRE: (OrganKind.GOVERNMENT, "situation-government"),
    ActorKind.STAFF: (OrganKind.GOVERNMENT, "situation-government"),
    ActorKind.JUDICIAL_INSIDER: (OrganKind.COURT, _SITUATION_ORGAN),
    ActorKind.JUDICIAL_OFFICER: (OrganKind.COURT, _SITUATION_ORGAN),
    ActorKind.CASE_HANDLER: (OrganKind.COURT, _SITUATION_ORGAN),
}


def applicable_to_situation(
    situation: Situation, classifier: ArticleClassifier
) -> list[ApplicableArticle]:
    """The conduct and contact articles of R1-R3 that fit a situation told in words.

    The situation becomes a one-incident record set (a county court, its officer, and an
    intervener of the kind given), so the classifier weighs the same facts as for a recorded
    incident: who acted, through which channel, where, with what approval.
    """
    now = datetime.now(CHINA).replace(tzinfo=None, microsecond=0)
    records = RecordSet()
    court = Organ(id=_SITUATION_ORGAN, name="某县人民法院", kind=OrganKind.COURT,
                  level=Level.COUNTY)
    records.organs[court.id] = court
    kind = situation.intervener_kind
    organ_kind, organ_id = _INTERVENER_ORGAN.get(kind, (None, None)) if kind else (None, None)
    if organ_kind is not None and organ_id is not None and organ_id not in records.organs:
        records.organs[organ_id] = Organ(id=organ_id, name="某县人民政府", kind=organ_kind,
                                         level=Level.COUNTY)
    intervener = Actor(id="situation-intervener", name="干预人", organ=organ_id,
                       kinds=(kind,) if kind else (), retired=situation.retired)
    handler = Actor(id="situation-handler", name="办案人员", organ=court.id,
                    kinds=(ActorKind.JUDICIAL_OFFICER, ActorKind.CASE_HANDLER))
    records.actors.update({intervener.id: intervener, handler.id: handler})
    case = Case(id="situation-case", number="（情形）", organ=court.id, stage=Stage.TRIAL,
                handlers=(handler.id,))
    records.cases[case.id] = case
    incident = Incident(
        id="situation", organ=court.id, case=case.id, stage=Stage.TRIAL,
        intervener=intervener.id, handler=handler.id, channel=situation.channel,
        request=situation.text, occurred_at=now, recorded_by=handler.id, recorded_at=now,
        at_workplace=situation.at_workplace, approved=situation.approved,
    )
    records.incidents[incident.id] = incident
    ranked = classifier.classify(incident, records, top=situation.top)
    return [ApplicableArticle(**a.as_dict()) for a in ranked]


def reporting_route(
    records: RecordSet,
    incident_id: str,
    *,
    classifier: Callable[[], ArticleClassifier],
    regulations: Mapping[str, Regulation],
    articles: Sequence[str] = (),
    rules: RuleBook | None = None,
) -> RouteView:
    """Who must be told about an incident, by whom, by when, on what basis. Articles (keys
    such as R1-8-1) default to the incident's expected ones, else the first article of the
    classifier (asked for only then)."""
    incident = _need_incident(records, incident_id)
    if articles:
        try:
            chosen = [ArticleRef.parse(a) for a in articles]
        except ValueError as error:
            raise InputError(str(error), field="article") from error
        source: Literal["given", "expected", "classified"] = "given"
    elif incident.expected_articles:
        chosen, source = list(incident.expected_articles), "expected"
    else:
        best = classifier().classify(incident, records, top=1)
        chosen, source = [best[0].article], "classified"
    found = route(incident, records, chosen, regulations=regulations, rules=rules)
    return RouteView.model_validate(
        found.as_dict() | {"articles": [a.key for a in chosen], "articles_from": source}
    )


def related(records: RecordSet, incident_id: str, *, top: int = 5) -> RelatedIncidents:
    """Incidents like this one: similar words, the same people, organ, case or articles."""
    found = related_incidents(records, incident_id, top=top)
    return RelatedIncidents(incident=incident_id,
                            related=found)


def _need_actor(records: RecordSet, actor_id: str) -> Actor:
    if actor_id not in records.actors:
        raise NotFoundError(f"no actor {actor_id!r}")
    return records.actors[actor_id]


def actor_detail(records: RecordSet, actor_id: str) -> ActorDetail:
    """An actor, where they work, and every relation they are in."""
    actor = _need_actor(records, actor_id)
    organ = records.organs.get(actor.organ or "")

    def name_of(other: str, kind: str) -> str:
        if kind == "party_to":
            case = records.cases.get(other)
            return case.number if case else other
        found = records.actors.get(other)
        return found.name if found else other

    relations = []
    for relation in records.relations.values():
        if actor_id not in (relation.subject, relation.object):
            continue
        out = relation.subject == actor_id
        other = relation.object if out else relation.subject
        relations.append(RelationView(
            id=relation.id, kind=str(relation.kind), detail=relation.detail,
            direction="out" if out else "in", other=other,
            other_name=name_of(other, str(relation.kind)), case=relation.case,
        ))
    return ActorDetail(actor=actor, organ_name=organ.name if organ else None,
                       relations=relations)


def list_actors(
    records: RecordSet, *, kind: ActorKind | None = None, organ: str | None = None,
    limit: int = 50, offset: int = 0,
) -> ActorPage:
    """Actors by id, filtered by kind and organ, a page at a time."""
    chosen = sorted(
        (a for a in records.actors.values()
         if (kind is None or kind in a.kinds) and (organ is None or a.organ == organ)),
        key=lambda a: a.id,
    )
    return ActorPage(total=len(chosen), limit=limit, offset=offset,
                     items=chosen[offset:offset + limit])


def actor_incidents(
    records: RecordSet, actor_id: str, *, with_circle: bool = True
) -> ActorIncidents:
    """Every current incident of an actor (and, by default, their relatives and staff)."""
    found = incidents_involving(records, actor_id, with_circle=with_circle)
    return ActorIncidents(actor=actor_id, incidents=found)


def actor_paths(
    records: RecordSet, source: str, target: str, *, max_hops: int = 6, limit: int = 10,
    through_organs: bool = True,
) -> ActorPaths:
    """The shortest paths between two actors through relations, organs, cases, incidents."""
    paths = trace_paths(records, source, target, max_hops=max_hops, limit=limit,
                        through_organs=through_organs)
    return ActorPaths(source=source, target=target,
                      paths=paths)


def list_organs(
    records: RecordSet, *, kind: OrganKind | None = None, level: Level | None = None,
    limit: int = 50, offset: int = 0,
) -> OrganPage:
    """Organs by id, filtered by kind and level, a page at a time."""
    chosen = sorted(
        (o for o in records.organs.values()
         if (kind is None or o.kind == kind) and (level is None or o.level == level)),
        key=lambda o: o.id,
    )
    return OrganPage(total=len(chosen), limit=limit, offset=offset,
                     items=chosen[offset:offset + limit])


def _need_organ(records: RecordSet, organ_id: str) -> Organ:
    if organ_id not in records.organs:
        raise NotFoundError(f"no organ {organ_id!r}")
    return records.organs[organ_id]


def organ_detail(records: RecordSet, organ_id: str) -> OrganDetail:
    organ = _need_organ(records, organ_id)
    superior = records.organs.get(organ.superior or "")
    committee = records.organs.get(organ.party_committee or "")
    return OrganDetail(
        organ=organ,
        superior_name=superior.name if superior else None,
        party_committee_name=committee.name if committee else None,
        staff=sum(a.organ == organ_id for a in records.actors.values()),
        cases=sum(c.organ == organ_id for c in records.cases.values()),
        incidents=sum(i.organ == organ_id for i in records.current_incidents()),
    )


def organ_hierarchy(records: RecordSet, organ_id: str) -> Hierarchy:
    """Where an organ stands: its superiors, subordinates and same-level organs."""
    organ = _need_organ(records, organ_id)
    superiors: list[Organ] = []
    current = records.organs.get(organ.superior or "")
    while current is not None and current not in superiors:
        superiors.append(current)
        current = records.organs.get(current.superior or "")
    committee = records.organs.get(organ.party_committee or "")
    return Hierarchy(
        organ=organ,
        superiors=superiors,
        subordinates=sorted((o for o in records.organs.values() if o.superior == organ_id),
                            key=lambda o: o.id),
        party_committee=committee,
        same_level=sorted(
            (o for o in records.organs.values()
             if organ.party_committee and o.party_committee == organ.party_committee
             and o.id not in {organ.id, organ.party_committee}),
            key=lambda o: o.id,
        ),
    )


def quarterly(records: RecordSet, organ_id: str | None, quarter: str) -> QuarterlySummary:
    """The quarterly summary (R1 第七条第一款, R3 第十三条) of one organ, or of all."""
    if organ_id is not None:
        _need_organ(records, organ_id)
    year, number = parse_quarter(quarter)
    summary = quarterly_summary(records, organ_id, year, number)
    return QuarterlySummary.model_validate(summary.as_dict())


_CHART_LOCK = threading.Lock()  # matplotlib's pyplot state is not thread-safe


def quarterly_chart(records: RecordSet, organ_id: str | None, quarter: str) -> bytes:
    """The quarterly summary drawn as a PNG (bar charts by item, stage, kind and level)."""
    if organ_id is not None:
        _need_organ(records, organ_id)
    year, number = parse_quarter(quarter)
    summary = quarterly_summary(records, organ_id, year, number)
    with tempfile.TemporaryDirectory(prefix="liuhen-chart-") as folder, _CHART_LOCK:
        path = Path(folder) / "chart.png"
        render_chart(summary, path)
        return path.read_bytes()
