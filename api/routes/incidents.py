"""Incidents: record one, correct one (a new version), list with filters, get one, and for
one incident its applicable articles, its reporting route and related incidents. Never
public; writing needs the recorder role."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Path, Query, Response, status
from pydantic import StringConstraints
from starlette.concurrency import run_in_threadpool

from api.auth import Reader, ScopedRecorder
from api.deps import RecordsDep
from api.docs import READ
from api.errors import error_responses
from api.models import IncidentInput, IsoDate
from ingest.records import Channel, Stage
from liuhen.records.readers import MAX_OFFSET, Regime, Verdict
from liuhen.records.views import (
    MAX_PAGE,
    ApplicableToIncident,
    IncidentDetail,
    IncidentPage,
    Recorded,
    RelatedIncidents,
    RouteView,
)

router = APIRouter(tags=["incidents"])

IncidentId = Annotated[str, Path(min_length=1, max_length=100, description="incident id",
                                 examples=["i001", "i047-v2"])]
Id = Annotated[str | None, Query(min_length=1, max_length=100)]
Top = Annotated[int, Query(ge=1, le=50, description="how many")]
# Loose on purpose: the service names an unknown regulation, article or item (InputError).
ArticleKey = Annotated[str, StringConstraints(min_length=1, max_length=20)]

_NEW_INCIDENT: dict[str, Any] = {
    "id": "i901", "organ": "bl-al-fy", "case": "c01", "stage": "审判",
    "intervener": "p-qiangd", "handler": "p-zhoumy", "channel": "电话",
    "request": "希望对被告人李建军从轻处理", "occurred_at": "2026-08-03T19:30:00",
    "recorded_by": "p-zhoumy", "recorded_at": "2026-08-04T09:00:00",
    "place": "承办法官家中（来电）", "at_workplace": False,
    "description": "副县长钱国栋来电，再次询问案件进展并希望从轻处理。"
                   "我答复依法审理，并告知会按规定记录。",
    "expected_articles": [{"regulation": "R1", "article": 8, "item": 1}],
}
_INCIDENT_EXAMPLES: dict[str, Any] = {
    "phone-call": {"summary": "副县长来电说情（R1 第八条（一））", "value": _NEW_INCIDENT},
}
_CORRECTION_EXAMPLES: dict[str, Any] = {
    "correct-time": {
        "summary": "更正来电时间",
        "value": _NEW_INCIDENT | {"id": "i901-v2", "occurred_at": "2026-08-03T20:10:00"},
    },
}


@router.get("/incidents", response_model=IncidentPage, summary="干预、过问、接触记录列表",
            responses=error_responses(*READ))
def list_incidents(
    role: Reader, records: RecordsDep,
    organ: Annotated[str | None, Query(max_length=100, description="recording organ",
                                       examples=["bl-al-fy"])] = None,
    case: Annotated[str | None, Query(max_length=100, examples=["c01"])] = None,
    actor: Annotated[str | None, Query(
        max_length=100, description="in any role: intervener, instigator, officer, recorder",
        examples=["p-qiangd"])] = None,
    stage: Stage | None = None,
    channel: Channel | None = None,
    since: Annotated[IsoDate | None, Query(description="happened on or after")] = None,
    until: Annotated[IsoDate | None, Query(description="happened on or before")] = None,
    include_superseded: Annotated[bool, Query(
        description="also versions a correction replaced")] = False,
    verdict: Annotated[Verdict | None, Query(
        description="the assessment engine's verdict: violation, lawful, undetermined")] = None,
    regulation: Annotated[Regime | None, Query(
        description="a regulation the engine finds engaged (an incident may engage "
        "several)")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="skip this many (page on "
                                 "with next beyond)")] = 0,
    after: Annotated[str | None, Query(min_length=1, max_length=400, pattern=r"^[A-Za-z0-9_-]+$",
                                       description="the next of the page before")] = None,
) -> IncidentPage:
    """Incidents, newest recorded first, filtered (by the engine's stored verdict and
    regulations too: an incident not yet assessed matches neither); the latest version of
    each unless asked. ``next`` is the cursor of the following page."""
    return records.list_incidents(
        organ=organ, case=case, actor=actor, stage=stage, channel=channel,
        since=since, until=until, include_superseded=include_superseded, limit=limit,
        offset=offset, after=after, verdict=verdict, regulation=regulation,
    )


def _recorded(result: Recorded, response: Response) -> Recorded:
    if not result.created:
        response.status_code = status.HTTP_200_OK
    return result


@router.post("/incidents", response_model=Recorded, status_code=status.HTTP_201_CREATED,
             summary="记录一次干预、过问或接触",
             responses=error_responses(400, 409, *READ)
             | {200: {"model": Recorded, "description": "已有完全相同的记录，未重复记录"}})
async def record_incident(
    grant: ScopedRecorder, records: RecordsDep, response: Response,
    incident: Annotated[IncidentInput, Body(openapi_examples=_INCIDENT_EXAMPLES)],
) -> Recorded:
    """Append an incident to its organ's hash chain. Records are append-only: the same
    incident again is a no-op (200); other content under a recorded id is a conflict (409);
    unknown organs, actors or cases and future dates are refused naming the field (422); an
    organ outside the key's scope is forbidden (403). The key's id is recorded with it."""
    # async, with the recording itself in a worker thread (it waits on the store): FastAPI
    # checks a sync route's answer in a second trip to the thread pool, and each trip costs
    # the API process's one interpreter lock a hand-over (docs/benchmarks.md, issue 13,
    # session 10)
    recorded = await run_in_threadpool(
        lambda: records.record(incident.incident(recorded_with=grant.key_id)))
    return _recorded(recorded, response)


@router.get("/incidents/{incident_id}", response_model=IncidentDetail, summary="一条记录",
            responses=error_responses(404, *READ))
def get_incident(role: Reader, records: RecordsDep, incident_id: IncidentId) -> IncidentDetail:
    """One incident, its versions, and its place in the organ's hash chain."""
    return records.incident(incident_id)


@router.post("/incidents/{incident_id}/corrections", response_model=Recorded,
             status_code=status.HTTP_201_CREATED, summary="更正一条记录（新版本）",
             responses=error_responses(400, 404, 409, *READ)
             | {200: {"model": Recorded, "description": "已有完全相同的更正，未重复记录"}})
async def correct_incident(
    grant: ScopedRecorder, records: RecordsDep, response: Response, incident_id: IncidentId,
    correction: Annotated[IncidentInput, Body(openapi_examples=_CORRECTION_EXAMPLES)],
) -> Recorded:
    """Record a new version of an incident: a new incident whose ``corrects`` is this one
    (filled in when left out). The old version stays in the chain, superseded."""
    corrected = await run_in_threadpool(  # as record_incident: one trip to a thread
        lambda: records.correct(incident_id, correction.incident(recorded_with=grant.key_id)))
    return _recorded(corrected, response)


@router.get("/incidents/{incident_id}/articles", response_model=ApplicableToIncident,
            summary="记录适用的条款", responses=error_responses(404, *READ))
def incident_articles(role: Reader, records: RecordsDep, incident_id: IncidentId,
                      top: Top = 5) -> ApplicableToIncident:
    """The assessment engine's provisions for a recorded incident (its words and the facts
    of its records), ranked, each quoted, with the verdict and the facts it waits for."""
    return records.applicable_articles(incident_id, top=top)


@router.get("/incidents/{incident_id}/route", response_model=RouteView,
            summary="报告路径：谁向谁、何时、依据何条",
            responses=error_responses(400, 404, *READ))
def incident_route(
    role: Reader, records: RecordsDep, incident_id: IncidentId,
    article: Annotated[list[ArticleKey] | None, Query(
        max_length=10, description="a reviewer's articles such as R1-8-1 (default: the "
        "engine's assessment); an unknown one is refused naming it", examples=[["R1-8-1"]])
    ] = None,
) -> RouteView:
    """The engine's duties for the incident laid onto the organs of the records: who must do
    what, for whom, by when (only the text's 三日内 / 一个月内), on what basis, each quoted;
    organs the records do not hold are marked unknown (``resolved: false``)."""
    return records.reporting_route(incident_id, articles=article or ())


@router.get("/incidents/{incident_id}/related", response_model=RelatedIncidents,
            summary="相关记录", responses=error_responses(404, *READ))
def related_incidents(role: Reader, records: RecordsDep, incident_id: IncidentId,
                      top: Top = 5) -> RelatedIncidents:
    """Incidents like this one: similar words, the same people, organ, case or articles."""
    return records.related(incident_id, top=top)
