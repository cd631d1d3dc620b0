"""The app factory: ``liuhen serve``, uvicorn (``uvicorn --factory api.app:app_from_env``) and
the tests all build the app with :func:`create_app`.

The app opens one graph store when it starts and closes it when it stops; the search index
(and its model) loads in the background from the start, and requests that need it wait.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import Depends, FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute
from starlette.concurrency import run_in_threadpool

import liuhen
import web
from api.auth import PUBLIC_READ_MARK
from api.deps import reject_unknown_query
from api.docs import add_examples, mark_optional_security
from api.errors import install_error_handlers
from api.http_limits import RequestLimits
from api.routes import actors, assess, incidents, organs, regulations, search, system
from api.state import SearchHolder, Services, freeze_heap
from api.strict import reject_lenient_values
from core.settings import Settings, get_settings
from graph.connect import open_store
from liuhen.health import GraphWatch
from search.embeddings import Embedder

#: Seconds the app waits for the graph watch to stop when it shuts down.
WATCH_STOP_TIMEOUT_S = 5.0

DESCRIPTION = """\
留痕 liuhen: the three 2015 regulations against interference in judicial work (R1 领导干部干预
司法活动, R2 司法机关内部人员过问案件, R3 司法人员与当事人、律师等接触交往) as a knowledge graph,
with search over their articles and the incidents recorded under them.

**Keys.** Send `X-API-Key`. Roles: `reader` < `recorder` < `admin`. Regulations and search
may need no key (setting `public_read`); incidents, actors and organs always need one; writing
needs `recorder`; the read-only Cypher console needs `admin`.

**Errors.** Every 4xx and 5xx has one shape:
`{"error": {"code": "not_found", "message": "...", "details": {...}}}`; a bad input names
its field (`query.top`, `body.organ`).
"""

ROUTERS = (regulations.router, search.router, incidents.router, actors.router,
           organs.router, system.router, assess.router)


def create_app(
    settings: Settings,
    *,
    embedder: Embedder | None = None,
    search: SearchHolder | None = None,
    load_search_at_start: bool = True,
    worker: bool = False,
    search_processes: int = 0,
    assessment_process: bool = False,
) -> FastAPI:
    """The liuhen API over the store and regulations ``settings`` name.

    ``embedder`` replaces the model ``settings.model`` names (tests use the deterministic
    stand-in); ``search`` is a search index already loaded (``liuhen serve`` loads it
    before it starts listening, with progress shown). Otherwise the index loads in the
    background from start-up (``load_search_at_start``) or on the first request needing it.
    ``worker``: one of the processes of ``liuhen serve --workers N``, which connects to the
    embedded store the parent runs and supervises, and never starts one (api/workers.py).
    ``search_processes`` > 0: /search is computed by that many processes of the app's
    (api/search_pool.py), started once the store runs and before the app serves.
    ``assessment_process``: new incidents are assessed and indexed by a process of their
    own (api/assessment_process.py) instead of a thread of this one; a ``worker`` leaves
    them to the process its parent runs when ``settings.assessment_process`` is on.
    """

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        store = open_store(settings, attach_only=worker)
        holder = search or SearchHolder(settings, embedder=embedder)
        services: Services | None = None
        watching: asyncio.Task[None] | None = None  # the graph watch's pings on this loop
        try:
            services = app.state.services = Services.open(settings, store, holder)
            # /health reads the store's state from this watch: no round trip on the request
            services.graph_watch = watch = GraphWatch(store)
            if watch.on_the_loop():
                watching = asyncio.get_running_loop().create_task(watch.watch_on_loop())
                await watch.first_answer()
            else:
                await run_in_threadpool(watch.start)
            if search_processes > 0:
                # Imported here: api.search_pool hands settings over as api.workers does,
                # and api.workers builds its app with this module.
                from api.search_pool import SearchPool

                # The children attach to the store this process now runs, and load the
                # index from the data directory while the app does not serve yet.
                services.search_pool = SearchPool(settings, search_processes)
                await run_in_threadpool(services.search_pool.start)
            # assessment and related indexing of new incidents, off the request path
            if assessment_process:
                from api.assessment_process import AssessmentProcess  # as SearchPool

                services.records.assessed_elsewhere = True
                services.assessment_process = AssessmentProcess(settings)
                services.assessment_process.start()
            elif worker and settings.assessment_process:
                # `liuhen serve --workers N`: the parent's one assessment process assesses
                # what every worker records (api/server.py); a thread in each worker shared
                # its interpreter lock with the writers (p99 of one writer 180-270 ms)
                services.records.assessed_elsewhere = True
            else:
                services.records.start_worker()
            if load_search_at_start and holder.peek() is None:
                holder.start_loading()
            freeze_heap()
            yield
        finally:
            app.state.services = None
            if watching is not None:
                watching.cancel()
                # bounded: the app's shutdown must end even if the watch does not
                with contextlib.suppress(asyncio.CancelledError, TimeoutError):
                    await asyncio.wait_for(watching, WATCH_STOP_TIMEOUT_S)
            if services is not None:
                if services.graph_watch is not None:
                    services.graph_watch.stop()
                services.records.stop_worker()
                if services.search_pool is not None:
                    services.search_pool.close()
                if services.assessment_process is not None:
                    services.assessment_process.close()
            store.close()

    app = FastAPI(
        title="liuhen 留痕",
        version=liuhen.__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        generate_unique_id_function=_operation_id,
        dependencies=[Depends(reject_unknown_query), Depends(reject_lenient_values)],
        # A path with a slash too many is not found (JSON 404), not redirected: the redirect
        # answered a 307 whose Location reflected the Host header.
        redirect_slashes=False,
    )
    app.add_middleware(RequestLimits)
    app.state.settings = settings
    app.state.services = None
    install_error_handlers(app)
    for router in ROUTERS:
        app.include_router(router)
    web.install(app)  # the pages under /ui, and / -> /ui/
    _complete_openapi(app, settings)
    return app


def app_from_env() -> FastAPI:
    """The app on the settings of the environment (LIUHEN_*): for ``uvicorn --factory``."""
    return create_app(get_settings())


def _operation_id(route: APIRoute) -> str:
    return route.name


def _complete_openapi(app: FastAPI, settings: Settings) -> None:
    """The schema FastAPI builds, plus the success examples and, with ``public_read``, the
    key marked optional on the public routes."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(title=app.title, version=app.version,
                             description=app.description, routes=app.routes)
        add_examples(schema)
        if settings.public_read:
            mark_optional_security(schema, {
                (method.lower(), route.path_format)
                for router in ROUTERS for route in router.routes
                if isinstance(route, APIRoute) and _is_public(route)
                for method in route.methods or ()
            })
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def _is_public(route: APIRoute) -> bool:
    return any(getattr(dependency.call, PUBLIC_READ_MARK, False)
               for dependency in route.dependant.dependencies)
