"""The service itself: health (graph store and its supervisor, model, search index),
integrity of the incident records' hash chains, and the admin's read-only Cypher console,
which runs one statement at a time."""

from __future__ import annotations

import asyncio
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body
from pydantic import BaseModel, ConfigDict, Field, StrictFloat

import liuhen
from api.auth import Admin, Reader
from api.deps import RecordsDep, ServicesDep, StoreDep
from api.docs import READ
from api.errors import error_responses
from api.state import IndexStatus, ModelStatus, Services
from core.errors import BackendError, LiuhenError
from graph.console_guard import check_parameters, check_statement
from graph.falkordb_store import FalkorDBStore
from graph.store import GraphStore
from ingest.integrity import IntegrityReport
from liuhen.console import EXAMPLES as console_examples
from liuhen.console import ConsoleResult, run_read_only
from liuhen.health import GraphHealth, graph_health

router = APIRouter(tags=["service"])


class ModelHealth(BaseModel):
    name: str | None
    status: ModelStatus
    query_engine: str | None = Field(
        default=None, description="what embeds single queries: onnxruntime, or torch and why, "
        "and the query adapter applied after it if one is on (search/query_adapter.py)"
    )


class IndexHealth(BaseModel):
    status: IndexStatus
    regulations: int | None
    articles: int | None
    units: int | None = Field(description="articles, paragraphs and items indexed")
    dense: bool = Field(description="dense vectors beside BM25")
    seconds: float | None = Field(description="how long loading (or building) took")
    error: str | None


class StoreSupervision(BaseModel):
    """What the supervisor of the embedded store saw and did."""

    state: Literal["running", "restarting", "down", "attached", "stopped"] = Field(
        description="running; restarting (its process died); down (a restart failed and is "
                    "tried again); attached (another process owns the store)")
    restarts: int = Field(description="times the store was restarted since the API started")
    last_restart_at: datetime | None = None
    last_restart_reason: str | None = Field(
        default=None, description="why, e.g. 'redis-server killed by SIGKILL'")
    last_error: str | None = Field(default=None, description="why the last restart failed")


def store_supervision(store: GraphStore) -> StoreSupervision | None:
    """The supervisor's report of an embedded store (None for Neo4j, or a store the API does
    not run)."""
    server = store.server if isinstance(store, FalkorDBStore) else None
    if server is None:
        return None
    seen = server.supervision()
    return StoreSupervision(
        state=seen.state, restarts=seen.restarts,
        last_restart_at=None if seen.last_restart_at is None
        else datetime.fromtimestamp(seen.last_restart_at, UTC),
        last_restart_reason=seen.last_restart_reason, last_error=seen.last_error)


class Health(BaseModel):
    status: Literal["ok", "starting", "degraded"] = Field(
        description="starting: the search index is still loading; degraded: it failed"
    )
    version: str
    uptime_seconds: float
    process: int = Field(description="id of the process that answered (one of the workers "
                                     "of `liuhen serve --workers N`)")
    graph: GraphHealth
    supervisor: StoreSupervision | None = Field(
        default=None, description="the embedded store's supervisor (absent on Neo4j)")
    model: ModelHealth
    index: IndexHealth


#: Threads for /health's ping when no GraphWatch runs (an app whose lifespan did not start
#: one). A sync route would run on the app's one worker pool (40 threads), and under load
#: every one of them can be busy with a search: /health queued behind them was answered after
#: 9 s at p50 with 60 searches in flight (bench/health_bench.py, session 6).
_HEALTH_THREADS = ThreadPoolExecutor(max_workers=4, thread_name_prefix="liuhen-health")


@router.get("/health", response_model=Health, summary="服务状态：图数据库、模型、索引",
            responses=error_responses(422, 503))
async def health(services: ServicesDep) -> Health:
    """Whether the graph store answers, the model is loaded and the search index is ready.
    No key needed. 503 (with this report in ``details``) when the graph store is down: its
    process found dead, or no answer to the pings a thread of the service sends it every
    quarter second for the last 10 s (``graph.checked_seconds_ago`` says how old the ping
    reported is)."""
    if services.graph_watch is None:
        graph = await asyncio.get_running_loop().run_in_executor(
            _HEALTH_THREADS, graph_health, services.store)
    else:  # the watch's last ping: on the event loop, no thread, no store round trip
        graph = services.graph_watch.current()
    return health_report(services, graph)


def health_report(services: Services, graph: GraphHealth) -> Health:
    """The /health report around ``graph`` (never blocks)."""
    store, search = services.store, services.search
    index = search.peek()
    report = Health(
        status="degraded" if search.status == "failed" or not graph.ok
        else "ok" if search.status == "ready" else "starting",
        version=liuhen.__version__,
        uptime_seconds=round(time.time() - services.started, 1),
        process=os.getpid(),
        graph=graph,
        supervisor=store_supervision(store),
        model=ModelHealth(name=search.model_name, status=search.model_status,
                          query_engine=search.query_engine),
        index=IndexHealth(
            status=search.status,
            regulations=len(index.regulation_ids) if index else None,
            articles=len(index.article_starts) if index else None,
            units=len(index.units) if index else None,
            dense=bool(index is not None and index.vectors is not None),
            seconds=search.seconds, error=search.error,
        ),
    )
    if not graph.ok:
        raise BackendError(f"the graph store at {store.uri} does not answer",
                           details=report.model_dump(mode="json"))
    return report


@router.get("/integrity", response_model=IntegrityReport, summary="核验记录的哈希链",
            responses=error_responses(*READ))
def integrity(role: Reader, records: RecordsDep) -> IntegrityReport:
    """Check every organ's hash chain (全程留痕，有据可查): ``ok`` false lists each record
    that was altered, reordered or removed."""
    return records.verify()


class ConsoleBusy(LiuhenError):
    """Another console statement is running: the console runs one at a time, so that it
    never takes more than one of the store's threads from everyone else."""

    status_code = 429
    code = "busy"


#: Held while a console statement runs; a second one is refused at once, never queued.
_CONSOLE = threading.Lock()


class ConsoleQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    query: str = Field(min_length=1, max_length=10_000, description="one Cypher statement")
    parameters: dict[str, Any] = Field(default_factory=dict,
                                       description="$name -> value (JSON values)")
    timeout: StrictFloat = Field(default=5.0, gt=0, le=30, description="seconds")


@router.post("/admin/cypher", response_model=ConsoleResult, summary="只读 Cypher 查询（管理员）",
             responses=error_responses(400, 429, *READ))
def admin_cypher(
    role: Admin, store: StoreDep,
    body: Annotated[ConsoleQuery, Body(openapi_examples=console_examples)],
) -> ConsoleResult:
    """Run one Cypher statement read-only: the database refuses any write (FalkorDB
    GRAPH.RO_QUERY, a Neo4j read transaction), answered 403 ``write_refused``. At most
    1,000 rows come back (the store stops producing rows past them). ``LOAD CSV`` and
    procedures other than db.labels, db.relationshipTypes, db.propertyKeys, db.indexes,
    db.constraints and db.idx.fulltext.queryNodes are refused (422). One statement runs at
    a time: another sent meanwhile is answered 429 ``busy`` at once."""
    # On the tokens for every backend (Neo4j too); the embedded store checks its plan as well.
    check_statement(body.query)
    check_parameters(body.parameters)
    if not _CONSOLE.acquire(blocking=False):
        raise ConsoleBusy("another console statement is running; the console runs one at a "
                          "time: send it again when that one is done",
                          details={"field": "body.query"})
    try:
        return run_read_only(store, body.query, body.parameters, timeout=body.timeout)
    finally:
        _CONSOLE.release()

