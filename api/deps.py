"""Dependencies the routes declare, as ``Annotated`` aliases: the app's services, its store,
the records and regulations services, and the search index."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi._compat import ModelField
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute

from api.state import Services
from core.errors import BackendError
from graph.store import GraphStore
from liuhen.records.service import RecordsService
from liuhen.regulations.service import RegulationsService
from search.index import SearchIndex


# The lookups of app state are async: a sync dependency would take a worker thread each time.
async def get_services(request: Request) -> Services:
    services: Services | None = getattr(request.app.state, "services", None)
    if services is None:
        # Only when the app is served without its lifespan (which opens the store).
        raise BackendError("the service has not started: run it with its lifespan "
                           "(uvicorn, TestClient as a context manager)")
    return services


ServicesDep = Annotated[Services, Depends(get_services)]


async def get_store(services: ServicesDep) -> GraphStore:
    return services.store


StoreDep = Annotated[GraphStore, Depends(get_store)]


async def get_records_service(services: ServicesDep) -> RecordsService:
    return services.records


RecordsDep = Annotated[RecordsService, Depends(get_records_service)]


async def get_regulations_service(services: ServicesDep) -> RegulationsService:
    return services.regulations


RegulationsDep = Annotated[RegulationsService, Depends(get_regulations_service)]


def get_index(services: ServicesDep) -> SearchIndex:
    return services.search.get()


IndexDep = Annotated[SearchIndex, Depends(get_index)]


_QUERY_NAMES: dict[int, frozenset[str]] = {}  # by id(route): routes are not hashable


def query_params(route: APIRoute) -> list[ModelField]:
    """Every query parameter a route takes, its dependencies' included."""
    found: list[ModelField] = []
    pending = [route.dependant]
    while pending:
        dependant = pending.pop()
        found.extend(dependant.query_params)
        pending.extend(dependant.dependencies)
    return found


def _query_names(route: APIRoute) -> frozenset[str]:
    known = _QUERY_NAMES.get(id(route))
    if known is None:
        known = _QUERY_NAMES[id(route)] = frozenset(p.alias for p in query_params(route))
    return known


async def reject_unknown_query(request: Request) -> None:
    """A query parameter the route does not take is refused (a typo such as ``limt=5``
    would otherwise be ignored without a word)."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    unknown = sorted(set(request.query_params) - _query_names(route))
    if unknown:
        raise RequestValidationError([
            {"loc": ("query", name), "msg": "unknown query parameter",
             "type": "extra_forbidden"} for name in unknown
        ])
