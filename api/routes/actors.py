"""Actors: list, one actor with their relations, the incidents involving them (and their
relatives and staff), paths between two actors, and repeat interveners. Never public."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from api.auth import Reader
from api.deps import RecordsDep
from api.docs import READ
from api.errors import error_responses
from ingest.records import ActorKind
from liuhen.records.views import (
    MAX_PAGE,
    ActorDetail,
    ActorIncidents,
    ActorPage,
    ActorPaths,
    RepeatIntervener,
)

router = APIRouter(tags=["actors"])

ActorId = Annotated[str, Path(min_length=1, max_length=100, description="actor id",
                              examples=["p-qiangd"])]


@router.get("/actors", response_model=ActorPage, summary="人员列表",
            responses=error_responses(*READ))
def list_actors(
    role: Reader, records: RecordsDep,
    kind: ActorKind | None = None,
    organ: Annotated[str | None, Query(max_length=100, description="where they work",
                                       examples=["bl-al-fy"])] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> ActorPage:
    """Actors by id, filtered by kind and organ."""
    return records.list_actors(kind=kind, organ=organ, limit=limit, offset=offset)


@router.get("/actors/repeat-interveners", response_model=list[RepeatIntervener],
            summary="多次干预的人员", responses=error_responses(*READ))
def repeat_interveners(
    role: Reader, records: RecordsDep,
    minimum: Annotated[int, Query(ge=1, le=1000, description="at least this many")] = 2,
) -> list[RepeatIntervener]:
    """Actors who intervened (or had someone intervene for them) in at least ``minimum``
    current incidents, most first."""
    return records.repeat_interveners(minimum=minimum)


@router.get("/actors/{actor_id}", response_model=ActorDetail, summary="一名人员及其关系",
            responses=error_responses(404, *READ))
def get_actor(role: Reader, records: RecordsDep, actor_id: ActorId) -> ActorDetail:
    """An actor, where they work, and every relation they are in (relatives, staff,
    superiors, colleagues, lawyers, cases they are party to)."""
    return records.actor(actor_id)


@router.get("/actors/{actor_id}/incidents", response_model=ActorIncidents,
            summary="涉及该人员（及其亲属、身边工作人员）的记录",
            responses=error_responses(404, *READ))
def actor_incidents(
    role: Reader, records: RecordsDep, actor_id: ActorId,
    with_circle: Annotated[bool, Query(description="include relatives and staff")] = True,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="incidents per page")] = 100,
    after: Annotated[str | None, Query(min_length=1, max_length=400, pattern=r"^[A-Za-z0-9_-]+$",
                                       description="the next of the page before")] = None,
    newest: Annotated[bool, Query(description="newest first")] = False,
) -> ActorIncidents:
    """The current incidents the actor (and, by default, their relatives and staff) is in,
    as intervener, instigator, officer, recorder or party, a page at a time by when they
    occurred (oldest first unless ``newest``); ``next`` continues."""
    return records.actor_incidents(actor_id, with_circle=with_circle, limit=limit,
                                   after=after, newest=newest)


@router.get("/actors/{actor_id}/paths/{other_id}", response_model=ActorPaths,
            summary="两名人员之间的关系路径", responses=error_responses(404, *READ))
def actor_paths(
    role: Reader, records: RecordsDep, actor_id: ActorId,
    other_id: Annotated[str, Path(min_length=1, max_length=100, description="the other actor",
                                  examples=["p-zhoumy"])],
    max_hops: Annotated[int, Query(ge=1, le=6)] = 6,
    limit: Annotated[int, Query(ge=1, le=50, description="at most this many paths")] = 10,
    through_organs: Annotated[bool, Query(
        description="let a shared organ connect its staff")] = True,
) -> ActorPaths:
    """The shortest paths between two actors through relations, organs, cases and
    incidents (empty when none is within ``max_hops``)."""
    return records.actor_paths(actor_id, other_id, max_hops=max_hops, limit=limit,
                               through_organs=through_organs)
