"""Incidents, actors and organs over one open graph store: what the API serves.

The incident commands (liuhen/incident_commands.py) open the store per call, for the CLI; the
API holds one store for its lifetime and calls these instead. Readers take a :class:`RecordSet`
read from the store (:func:`read_records`) and return pydantic views the API renders as they
are; :class:`IncidentRecorder` appends incidents one at a time, so that concurrent requests
cannot fork an organ's hash chain.

Errors: NotFoundError names what is missing, InputError the bad argument (with its field),
ConflictError an incident id already recorded with other content; BackendError comes from
the store.
"""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    field_serializer,
)

from graph import queries
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
    Located,
    Organ,
    OrganKind,
    RecordBatch,
    RecordSet,
    RecordsInputError,
    Stage,
    validate_batch,
)
from ingest.records_graph import article_items, read_chain, read_record_set, write_plan
from liuhen.classify import ArticleClassifier
from liuhen.errors import ConflictError, InputError, NotFoundError
from liuhen.incidents import (
    INCIDENT_ROLES,
    incidents_involving,
    related_incidents,
    repeat_interveners,
    trace_paths,
)
from liuhen.integrity import ChainHead, genesis_hash, verify
from liuhen.routes import route
from liuhen.summary import parse_quarter, quarterly_summary, render_chart

MAX_PAGE = 500


def china_time(value: datetime) -> str:
    """A stored (naive, China time) date and time as RFC 3339 with its offset: +08:00."""
    return (value if value.tzinfo else value.replace(tzinfo=CHINA)).isoformat()


#: A date and time that leaves the service with its offset (incidents are stored naive, in
#: China time: one clock for deadlines and quarters).
ChinaTime = Annotated[datetime, PlainSerializer(china_time, return_type=str, when_used="json")]
#: How a rejected request body is named in InputError: the API's validation errors say "body".
BODY = "body"


def read_records(store: GraphStore) -> RecordSet:
    """Every record the store holds (organs, actors, relations, cases, incidents)."""
    return read_record_set(store)


# ---------------------------------------------------------------- incidents: views


class ChainPosition(BaseModel):
    """Where an incident sits in its organ's hash chain (全程留痕，有据可查)."""

    seq: int = Field(description="1-based position in the organ's chain")
    prev_hash: str = Field(description="hash of the record before it (genesis for the first)")
    hash: str = Field(description="sha256(prev_hash + canonical JSON of the incident)")


class IncidentItem(Incident):
    """An incident as recorded, and the id of the version that corrects it, if any."""

    superseded_by: str | None = Field(
        default=None, description="the incident that corrects this one (a newer version)"
    )

    @field_serializer("occurred_at", "recorded_at", when_used="json")
    def _with_offset(self, value: datetime) -> str:
        return china_time(value)


class IncidentDetail(IncidentItem):
    versions: list[str] = Field(description="the correction chain, oldest first")
    chain: ChainPosition | None = Field(description="its place in the organ's hash chain")


class IncidentPage(BaseModel):
    total: int = Field(description="incidents matching the filters")
    limit: int
    offset: int
    items: list[IncidentItem]


class Recorded(BaseModel):
    created: bool = Field(description="false when the same incident was already recorded")
    incident: IncidentDetail


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
    records = read_records(store)
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


class IncidentRecorder:
    """Appends incidents to the store one at a time.

    Validation against the stored records, the write and the chain heads happen under one
    lock, so concurrent requests cannot fork an organ's chain or record an id twice. The
    records are cached between writes and read again whenever the chain heads in the store
    differ from the cached ones (someone else appended) or a reference is unknown to the
    cache (someone else added an organ, actor or case). One recorder per process: another
    process writing incidents to the same store at the same moment is not serialised with it.
    """

    def __init__(
        self, store: GraphStore, regulations: Mapping[str, Regulation] | None = None
    ) -> None:
        self._store = store
        self._items = article_items(regulations) if regulations else None
        self._lock = threading.Lock()
        self._records: RecordSet | None = None
        self._heads: dict[str, ChainHead] = {}

    def _stored_heads(self) -> dict[str, ChainHead]:
        return {row["organ"]: ChainHead(**row)
                for row in self._store.read(queries.RECORD_CHAIN_HEADS)}

    def _current(self, *, fresh: bool) -> RecordSet:
        heads = self._stored_heads()
        if fresh or self._records is None or heads != self._heads:
            self._records = read_records(self._store)
            self._heads = heads
        return self._records

    def record(self, incident: Incident, *, now: datetime | None = None) -> Recorded:
        """Validate ``incident`` against the store and append it.

        Recording the identical incident again changes nothing (``created`` false). Raises
        ConflictError when its id is recorded with other content, InputError naming the
        field for a reference to an unknown record, a future date and the like.
        """
        with self._lock:
            plan = None
            for fresh in (False, True):  # the cache may be behind the store: read it again
                records = self._current(fresh=fresh)
                stored = records.incidents.get(incident.id)
                if stored is not None:
                    break
                try:
                    plan = self._validate(incident, records, now)
                    break
                except InputError:
                    if fresh:
                        raise
            if stored is not None:
                if stored != incident:
                    raise ConflictError(
                        f"incident {incident.id!r} is already recorded with other content; "
                        f"records are append-only: record a correction of {incident.id!r} "
                        "instead",
                        details={"field": f"{BODY}.id"},
                    )
                return Recorded(created=False, incident=self._stored_detail(incident))
            assert plan is not None
            heads = dict(self._heads)
            try:
                new_heads = write_plan(self._store, plan, heads)
            except BaseException:
                self._records = None  # part of it may be written: read the store again
                raise
            head = new_heads[incident.organ]
            previous = heads.get(incident.organ)
            records.incidents[incident.id] = incident
            self._heads = {**heads, **new_heads}
            position = ChainPosition(
                seq=head.length, hash=head.hash,
                prev_hash=previous.hash if previous else genesis_hash(incident.organ),
            )
            return Recorded(created=True, incident=_detail(records, incident, position))

    def _stored_detail(self, incident: Incident) -> IncidentDetail:
        return incident_detail(self._store, incident.id)

    def _validate(self, incident: Incident, records: RecordSet,
                  now: datetime | None) -> Any:
        batch = RecordBatch(incidents=[Located(incident, BODY, 1)])
        try:
            return validate_batch(batch, records, now=now, article_items=self._items)
        except RecordsInputError as error:
            raise _body_error(error) from error

    def forget(self) -> None:
        """Drop the cache (after the store was changed behind the recorder's back)."""
        with self._lock:
            self._records = None


def _body_error(error: RecordsInputError) -> InputError:
    """The batch validator's problems, named by request-body field instead of file and line."""
    problems = []
    for problem in error.errors:
        prefix = f"{BODY}:1, field {problem.field!r}: " if problem.field else f"{BODY}:1: "
        field = f"{BODY}.{problem.field}" if problem.field else BODY
        problems.append({"field": field, "message": problem.message.removeprefix(prefix)})
    first = problems[0]
    more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
    out = InputError(f"{first['field']}: {first['message']}{more}")
    out.field = first["field"]
    out.details = {"field": first["field"], "errors": problems}
    return out


# ---------------------------------------------------------------- applicable articles


class ApplicableArticle(BaseModel):
    key: str = Field(description="R1-8-1: regulation alias, article, item")
    regulation: Literal["R1", "R2", "R3"]
    article: int
    item: int | None
    score: float
    reason: str = Field(description="which signals counted: facts, words, search")
    label: str
    text: str


class ApplicableToIncident(BaseModel):
    incident: str
    articles: list[ApplicableArticle]
    expected: list[str] = Field(description="the articles a reviewer judged applicable")


class Situation(BaseModel):
    """A situation described in words, with what is known of who acted and how."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=2000, description="what happened, in Chinese")
    intervener_kind: ActorKind | None = Field(
        default=None, description="who intervened, asked or made contact"
    )
    retired: bool = Field(default=False, description="the intervener has retired")
    channel: Channel = Field(default=Channel.OTHER, description="how")
    at_workplace: bool | None = Field(default=None, description="met at the workplace")
    approved: bool | None = Field(
        default=None, description="a contact away from work was approved in advance"
    )
    top: int = Field(default=5, ge=1, le=30)


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


# ---------------------------------------------------------------- routes and related


class EndpointView(BaseModel):
    label: str
    organ: str | None
    unit: str | None
    person: str | None
    resolved: bool = Field(description="false when the records lack this organ or person")


class BasisView(BaseModel):
    regulation: str
    article: int
    paragraph: int | None
    item: int | None
    label: str = Field(description="R1 第七条第二款")


class HopView(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    step: int
    rule: str
    sender: EndpointView = Field(alias="from")
    recipient: EndpointView = Field(alias="to")
    action: str
    deadline: str
    due: date | None
    basis: BasisView
    quote: str = Field(description="the words of the basis")


class RouteView(BaseModel):
    incident: str
    facts: dict[str, Any] = Field(description="the facts the rules were matched against")
    hops: list[HopView]
    articles: list[str]
    articles_from: Literal["given", "expected", "classified"]


def reporting_route(
    records: RecordSet,
    incident_id: str,
    *,
    classifier: Callable[[], ArticleClassifier],
    regulations: Mapping[str, Regulation],
    articles: Sequence[str] = (),
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
    found = route(incident, records, chosen, regulations=regulations)
    return RouteView.model_validate(
        found.as_dict() | {"articles": [a.key for a in chosen], "articles_from": source}
    )


class RelatedIncident(BaseModel):
    incident: str
    score: float
    reasons: list[str]
    request: str
    occurred_at: ChinaTime


class RelatedIncidents(BaseModel):
    incident: str
    related: list[RelatedIncident]


def related(records: RecordSet, incident_id: str, *, top: int = 5) -> RelatedIncidents:
    """Incidents like this one: similar words, the same people, organ, case or articles."""
    found = related_incidents(records, incident_id, top=top)
    return RelatedIncidents(incident=incident_id,
                            related=[RelatedIncident(**r.as_dict()) for r in found])


# ---------------------------------------------------------------- actors


class RelationView(BaseModel):
    id: str
    kind: str
    detail: str
    direction: Literal["out", "in"] = Field(
        description="out: the actor is the subject (A 秘书 of B); in: the object"
    )
    other: str = Field(description="the actor (or, for party_to, the case) at the other end")
    other_name: str
    case: str | None


class ActorDetail(BaseModel):
    actor: Actor
    organ_name: str | None
    relations: list[RelationView]


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


class ActorPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[Actor]


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


class Involvement(BaseModel):
    incident: str
    actor: str = Field(description="who is in the incident: the actor, or their relative/staff")
    role: str = Field(description="intervener, instigator, handler, recorded_by or party")
    via: str = Field(description="'' for the actor; else how the person is tied to them")
    occurred_at: ChinaTime
    case: str
    organ: str
    request: str


class ActorIncidents(BaseModel):
    actor: str
    incidents: list[Involvement]


def actor_incidents(
    records: RecordSet, actor_id: str, *, with_circle: bool = True
) -> ActorIncidents:
    """Every current incident of an actor (and, by default, their relatives and staff)."""
    found = incidents_involving(records, actor_id, with_circle=with_circle)
    return ActorIncidents(actor=actor_id, incidents=[Involvement(**x.as_dict()) for x in found])


class TraceNode(BaseModel):
    kind: Literal["actor", "organ", "case", "incident"]
    id: str
    label: str


class TraceStep(BaseModel):
    source: str
    target: str
    via: str = Field(description="the relation walked: relative:配偶, works_at, intervener…")


class TracePathView(BaseModel):
    length: int
    nodes: list[TraceNode]
    steps: list[TraceStep]
    text: str


class ActorPaths(BaseModel):
    source: str
    target: str
    paths: list[TracePathView]


def actor_paths(
    records: RecordSet, source: str, target: str, *, max_hops: int = 6, limit: int = 10,
    through_organs: bool = True,
) -> ActorPaths:
    """The shortest paths between two actors through relations, organs, cases, incidents."""
    paths = trace_paths(records, source, target, max_hops=max_hops, limit=limit,
                        through_organs=through_organs)
    return ActorPaths(source=source, target=target,
                      paths=[TracePathView.model_validate(p.as_dict()) for p in paths])


class RepeatIntervener(BaseModel):
    actor: str
    name: str
    count: int
    incidents: list[str]
    organs: list[str]


def repeat_intervener_list(records: RecordSet, *, minimum: int = 2) -> list[RepeatIntervener]:
    """Actors who intervened in at least ``minimum`` current incidents, most first."""
    return [RepeatIntervener(**r.as_dict())
            for r in repeat_interveners(records, minimum=minimum)]


# ---------------------------------------------------------------- organs


class OrganPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[Organ]


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


class OrganDetail(BaseModel):
    organ: Organ
    superior_name: str | None
    party_committee_name: str | None
    staff: int = Field(description="actors who work (or worked) there")
    cases: int = Field(description="cases it handles")
    incidents: int = Field(description="current incidents it recorded")


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


class Hierarchy(BaseModel):
    organ: Organ
    superiors: list[Organ] = Field(description="the superior, its superior, … up to 中央")
    subordinates: list[Organ] = Field(description="organs whose superior this one is")
    party_committee: Organ | None = Field(description="the same-level 党委")
    same_level: list[Organ] = Field(
        description="other organs under the same party committee (政法委, 纪委监委, …)"
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


class QuarterlySummary(BaseModel):
    organ: str | None = Field(description="None: every organ")
    organ_name: str
    quarter: str
    start: date
    end: date
    basis: list[str]
    count: int
    incidents: list[str]
    by_article: dict[str, int]
    by_item: dict[str, int]
    by_stage: dict[str, int]
    by_intervener_kind: dict[str, int]
    by_intervener_level: dict[str, int]
    unclassified: int = Field(description="incidents without applicable articles")


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


# ---------------------------------------------------------------- integrity


class Problem(BaseModel):
    kind: Literal["altered", "broken_link", "reordered", "removed", "head_mismatch",
                  "unknown_head"]
    organ: str
    seq: int | None
    record_id: str | None
    message: str


class IntegrityReport(BaseModel):
    ok: bool = Field(description="every organ's chain is intact")
    organs: int
    records: int
    problems: list[Problem]


def verify_store(store: GraphStore) -> IntegrityReport:
    """Check every organ's hash chain as stored; ``ok`` false lists each problem."""
    chained, heads = read_chain(store)
    return IntegrityReport.model_validate(verify(chained, heads).as_dict())

