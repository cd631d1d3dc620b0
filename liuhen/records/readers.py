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
from typing import Any, Literal

from core.errors import InputError, NotFoundError
from graph.records import read_chain, read_record_set
from graph.store import GraphStore
from ingest.models import ArticleNumber
from ingest.records import (
    CHINA,
    Actor,
    ActorKind,
    Channel,
    Incident,
    Level,
    Organ,
    OrganKind,
    RecordSet,
    Stage,
)
from liuhen.assessment import Assessment, Facts
from liuhen.assessment.rules import Basis as RuleBasis
from liuhen.assessment.rules import resolve_article
from liuhen.classify import IncidentEngine, provision_key
from liuhen.records.analysis import (
    incidents_involving,
    related_incidents,
    trace_paths,
)
from liuhen.records.legal import (
    COUNTERPART_ROLES,
    SITUATION_ROLES,
    incident_facts,
    incident_text,
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
    RelatedIncidents,
    RelationView,
    RouteView,
    Situation,
)
from liuhen.reporting import hops
from liuhen.summary import QuarterlySummary, parse_quarter, quarterly_summary, render_chart

Verdict = Literal["violation", "lawful", "undetermined"]
Regime = Literal["R1", "R2", "R3"]


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
    verdict: Verdict | None = None,
    regulation: Regime | None = None,
    assess: Callable[[Incident], Assessment] | None = None,
) -> IncidentPage:
    """Incidents, newest first (by when they happened), filtered and a page at a time.

    ``actor`` matches any role: intervener, instigator, officer approached, recorder,
    participant. Only the latest version of each incident is listed unless
    ``include_superseded``. ``verdict`` (violation, lawful, undetermined) and
    ``regulation`` (an incident may engage several) filter on ``assess``, the engine.
    """
    if (verdict or regulation) and assess is None:
        raise InputError("filtering on verdict or regulation needs the engine",
                         field="verdict")
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
        and (actor is None or actor in {a for a, _ in i.roles()})
        and (stage is None or i.stage == stage)
        and (channel is None or i.channel == channel)
        and (since is None or i.occurred_at.date() >= since)
        and (until is None or i.occurred_at.date() <= until)
    ]
    if assess is not None and (verdict or regulation):
        judged = {i.id: assess(i) for i in chosen}
        chosen = [i for i in chosen
                  if (verdict is None or judged[i.id].verdict == verdict)
                  and (regulation is None or regulation in judged[i.id].regimes)]
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


def _reason(assessment: Assessment, key: str, status: str) -> str:
    """The engine's finding for a provision: its status, the facts that decided it and the
    words typed (or facts given) behind them; never expansion terms."""
    lines = {line.split(": ", 1)[0]: line.split(": ", 1)[1] for line in assessment.reasons
             if ": " in line}
    finding = lines.get(key, "")
    facts = finding.split("(facts: ", 1)[1].rstrip(")").split(", ") if "(facts: " in \
        finding else []
    parts = [status]
    for fact in facts:
        words = lines.get(fact)
        given = next((line for line in assessment.reasons
                      if line.startswith(f"{fact} = ")), None)
        parts.append(f"{fact}: {words}" if words else given or fact)
    return "; ".join(parts)


def applicable(assessment: Assessment, top: int) -> list[ApplicableArticle]:
    """The engine's provisions, each with its verbatim words and why it ranks."""
    out = []
    for provision in assessment.provisions[:top]:
        key = provision_key(provision)
        out.append(ApplicableArticle(
            key=key, regulation=provision.alias,  # type: ignore[arg-type]
            article=provision.article, paragraph=provision.paragraph, item=provision.item,
            score=provision.score, reason=_reason(assessment, key, provision.status),
            status=provision.status, label=f"{provision.alias} {provision.label}",
            text=provision.quote))
    return out


def applicable_to_incident(
    records: RecordSet, incident_id: str, engine: IncidentEngine, *, top: int = 5
) -> ApplicableToIncident:
    """The provisions the engine finds for a recorded incident, ranked, with its verdict."""
    incident = _need_incident(records, incident_id)
    found = engine.assess(incident, records)
    return ApplicableToIncident(
        incident=incident_id, verdict=found.verdict, missing_facts=found.missing_facts,
        regimes=found.regimes, articles=applicable(found, top),
        expected=[a.key for a in incident.expected_articles],
    )


def situation_facts(situation: Situation) -> Facts:
    """What a situation's form fields say, as the engine's facts (the words say the rest)."""
    given: dict[str, object] = {}
    kind = situation.intervener_kind
    if kind is not None and kind in SITUATION_ROLES:
        regime, role = SITUATION_ROLES[kind]
        given |= {"regimes": [regime], "actor_role": role}
        if kind in COUNTERPART_ROLES:
            given["counterpart"] = COUNTERPART_ROLES[kind]
        if role == "领导干部身边工作人员或亲属":
            given["via_staff"] = True
    if situation.retired:
        given |= {"retired": True, "regimes": ["R2"], "actor_role": "离退休司法人员"}
    channel = {Channel.LETTER: "书面", Channel.ORGANISATION_DOCUMENT: "发函",
               Channel.PHONE: "口头", Channel.IN_PERSON: "口头"}.get(situation.channel)
    if channel:
        given["channel"] = channel
    if situation.at_workplace is not None:
        given["at_workplace"] = situation.at_workplace
    if situation.approved is not None:
        given["approved"] = situation.approved
    return Facts(**given)  # type: ignore[arg-type]


def applicable_to_situation(
    situation: Situation, engine: IncidentEngine
) -> list[ApplicableArticle]:
    """The provisions the engine finds for a situation told in words (and, when given, who
    acted and how), ranked, each with its status (violation, lawful, undetermined …)."""
    found = engine.engine.assess(situation.text, situation_facts(situation))
    return applicable(found, situation.top)


def parse_article_key(text: str, engine: IncidentEngine) -> tuple[str, int, int | None]:
    """``R1-8-1`` -> (R1, 8, 1), checked against the seed text: InputError naming an unknown
    regulation, article or item."""
    parts = text.strip().split("-")
    if len(parts) not in (2, 3) or not all(p.isdigit() for p in parts[1:]):
        raise InputError(f"{text!r} is not an article key such as R1-8-1 or R3-7",
                         field="article")
    alias, article = parts[0].upper(), int(parts[1])
    item = int(parts[2]) if len(parts) == 3 else None
    if alias not in ("R1", "R2", "R3") or alias != parts[0]:
        raise InputError(f"{text!r}: unknown regulation {parts[0]!r}; expected R1, R2 or R3",
                         field="article")
    book = engine.engine.book
    try:
        parsed = resolve_article(book.regulations, RuleBasis.model_validate(
            {"regulation": alias, "article": article}))
    except (InputError, ValueError) as error:
        raise InputError(f"{text!r}: {alias} has no article {article} "
                         f"({ArticleNumber(number=article).label})",
                         field="article") from error
    items = [i.number for p in parsed.paragraphs for i in p.items]
    if item is not None and item not in items:
        raise InputError(f"{text!r}: {alias} {parsed.number.label} has no item {item}"
                         + (f" (items 1-{max(items)})" if items else " (it has no items)"),
                         field="article")
    return alias, article, item


def paragraph_count(engine: IncidentEngine) -> Callable[[str, int], int]:
    """How many paragraphs an article of R1-R3 has (1 when unknown)."""
    regulations = engine.engine.book.regulations

    def count(alias: str, article: int) -> int:
        try:
            return len(resolve_article(regulations, RuleBasis.model_validate(
                {"regulation": alias, "article": article})).paragraphs)
        except InputError:
            return 1

    return count


def given_article_facts(keys: Sequence[str], engine: IncidentEngine) -> dict[str, Any]:
    """Articles a reviewer names for an incident: their regulations, and the conduct of a
    conduct item (the engine's own rules say which conduct an item describes)."""
    regimes: list[str] = []
    conduct: list[str] = []
    for key in keys:
        alias, article, item = parse_article_key(key, engine)
        regimes.append(alias)
        for rule in engine.engine.book.rules.provisions:
            basis = rule.basis
            if (rule.kind == "conduct" and rule.conduct and basis.regulation == alias
                    and basis.article == article and basis.item == item):
                conduct.append(rule.conduct)
    out: dict[str, Any] = {"regimes": list(dict.fromkeys(regimes))}
    if conduct:
        out["conduct"] = list(dict.fromkeys(conduct))
    return out


def reporting_route(
    records: RecordSet,
    incident_id: str,
    *,
    engine: IncidentEngine,
    articles: Sequence[str] = (),
) -> RouteView:
    """Who must do what, for whom, by when, on what basis: the engine's duties for the
    incident, each bearer and recipient found among the records' organs (or marked unknown).

    ``articles`` (keys such as R1-8-1), when given, are a reviewer's judgement: their
    regulations and conduct items override what the engine reads from the words; an unknown
    regulation, article or item is an InputError naming it."""
    incident = _need_incident(records, incident_id)
    if articles:
        given = incident_facts(incident, records) | given_article_facts(articles, engine)
        found = engine.engine.assess(incident_text(incident), Facts(**given),
                                     situation_id=incident.id)
        source: Literal["given", "assessed"] = "given"
    else:
        found, source = engine.assess(incident, records), "assessed"
    return RouteView(
        incident=incident.id, verdict=found.verdict, missing_facts=found.missing_facts,
        facts=found.facts.model_dump(exclude_none=True),
        hops=hops(found, incident, records, paragraph_count(engine)),
        articles=[provision_key(p) for p in found.provisions if p.source == "rule"
                  and p.status != "context"],
        articles_from=source,
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


def quarterly(records: RecordSet, organ_id: str | None, quarter: str, engine: IncidentEngine,
              *, today: date | None = None) -> QuarterlySummary:
    """The quarterly summaries (R1 第七条第一款, R3 第十三条) of one organ, or of all; the
    quarter must have ended."""
    if organ_id is not None:
        _need_organ(records, organ_id)
    year, number = parse_quarter(quarter)
    return quarterly_summary(
        records, organ_id, year, number, book=engine.engine.book,
        assess=lambda incident: engine.assess(incident, records),
        today=today or datetime.now(CHINA).date())


_CHART_LOCK = threading.Lock()  # matplotlib's pyplot state is not thread-safe


def quarterly_chart(summary: QuarterlySummary) -> bytes:
    """The quarterly summary drawn as a PNG, in Chinese."""
    with tempfile.TemporaryDirectory(prefix="liuhen-chart-") as folder, _CHART_LOCK:
        path = Path(folder) / "chart.png"
        render_chart(summary, path)
        return path.read_bytes()
