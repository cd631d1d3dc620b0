"""``liuhen serve``: on first start (an empty graph) load the regulations and the example
records with progress shown, load the search index and its model, then serve the app with
uvicorn until interrupted."""

from __future__ import annotations

import gc
import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import uvicorn
from fastapi import FastAPI
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from api.app import create_app
from api.assessment_process import AssessmentProcess
from api.http_limits import HTTP_PROTOCOL
from api.state import SearchHolder
from api.workers import WORKER_COUNT, WORKER_SETTINGS, settings_for_workers
from core.settings import Settings
from graph.connect import store_session
from graph.store import GraphStore
from liuhen.graph_commands import ingest_paths
from liuhen.records.service import RecordsService
from liuhen.regulations.service import RegulationsService

#: How long uvicorn waits for a worker's answer before it replaces it as hung.
WORKER_HEALTHCHECK_SECONDS = 120


def serve(
    settings: Settings,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    console: Console | None = None,
    log_level: str = "info",
    workers: int = 1,
) -> None:
    """Prepare the data directory (first start), load search, and serve until Ctrl-C.

    ``workers`` > 1: that many processes serve (api/workers.py); this one owns and
    supervises the embedded store they share, and builds the search index they load.
    Raises LiuhenError subclasses (BackendError when the graph store cannot start,
    InputError for a missing regulations folder) before anything listens.
    """
    console = console or Console(stderr=True)
    first_start(settings, console=console)
    # The app's own HTTP protocol: a request uvicorn cannot parse is answered in JSON; the
    # h11 bound keeps an incomplete request (headers) from growing past 16 KB.
    options: dict[str, Any] = {"host": host, "port": port, "log_level": log_level,
                               "http": HTTP_PROTOCOL,
                               "h11_max_incomplete_event_size": 16 * 1024}
    if workers <= 1:
        search = load_search(settings, console=console)
        app = create_app(settings, search=search,
                         search_processes=settings.search_processes,
                         assessment_process=settings.assessment_process)
        console.print(f"liuhen API on http://{host}:{port} (OpenAPI at /docs)",
                      highlight=False)
        uvicorn.run(app, **options)
        return
    with store_session(settings) as store:  # owned and supervised while the workers run
        _ensure_search_index(settings, store, console)
        os.environ[WORKER_SETTINGS] = settings_for_workers(settings)
        os.environ[WORKER_COUNT] = str(workers)
        console.print(f"liuhen API on http://{host}:{port} (OpenAPI at /docs), {workers} "
                      "worker processes", highlight=False)
        # One process assesses what every worker records (the workers leave it pending,
        # api/app.py), as with one worker: not a thread in each worker.
        assessor = AssessmentProcess(settings) if settings.assessment_process else None
        if assessor is not None:
            assessor.start()
        try:
            # A worker loads its model and index before it serves; while it does (a minute
            # on a busy machine) uvicorn's health pings may go unanswered for longer than 5 s.
            uvicorn.run("api.workers:worker_app", factory=True, workers=workers,
                        timeout_worker_healthcheck=WORKER_HEALTHCHECK_SECONDS, **options)
        finally:
            if assessor is not None:
                assessor.close()


def _ensure_search_index(settings: Settings, store: GraphStore, console: Console) -> None:
    """Build the search index on disk (when the regulations changed) for the workers to
    load, then let this process's copy go: the parent serves no request."""
    search = load_search(settings, console=console, store=store)
    search.release()
    gc.collect()


def first_start(
    settings: Settings, *, console: Console, records: Path | None = None
) -> bool:
    """When the graph is empty, load ``settings.regulations_dir`` and the example records
    (``records``, default ``settings.example_dir``), with progress; when it holds regulations
    written without the documents search reads back (by an older liuhen), load
    ``settings.regulations_dir`` again. Returns whether anything was loaded."""
    records = settings.example_dir if records is None else records
    with RegulationsService.opened(settings) as regulations:
        empty = not regulations.list_regulations(include_cited=True, limit=1)
        outdated = [] if empty else regulations.without_documents()
    if outdated:
        console.print(f"regulations written by an older liuhen ({', '.join(outdated[:3])} …) "
                      f"keep no document for search: loading {settings.regulations_dir} "
                      "again (`liuhen ingest --force PATH` for other folders)", highlight=False)
        _load_regulations(settings, console, force=True)
        return True
    if not empty:
        return False
    console.print(f"first start: loading {settings.regulations_dir} into the graph store in "
                  f"{settings.data_dir}", highlight=False)
    _load_regulations(settings, console)
    if records.is_dir():
        with console.status(f"loading the example records from {records} …"), \
                RecordsService.opened(settings) as service:
            loaded_records = service.ingest([records], require_seeds=False)
        console.print("example records (fictional): " + ", ".join(
            f"{kind} {count}" for kind, count in loaded_records.counts.items()
            if kind != "unchanged"
        ), highlight=False)
    return True


def _load_regulations(settings: Settings, console: Console, *, force: bool = False) -> None:
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=console, transient=True) as progress:
        tasks: dict[str, TaskID] = {}

        def report(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = progress.add_task(stage, total=total)
            progress.update(tasks[stage], completed=done, total=total)

        loaded = ingest_paths(settings, [settings.regulations_dir], report, force=force)
    console.print(f"regulations: {len(loaded.written)} written ({loaded.articles} articles) "
                  f"in {loaded.parse_seconds + loaded.write_seconds:.1f} s", highlight=False)
    for error in loaded.errors:
        console.print(f"[red]parse error:[/] {error.message}", highlight=False)


def load_search(
    settings: Settings, *, console: Console, store: GraphStore | None = None
) -> SearchHolder:
    """The search index of the regulations the graph store holds (``store``, else one opened
    for the while), with its model, built on first use (embedding every passage once; later
    starts load it from the data directory)."""
    search = SearchHolder(settings, store=store)
    started = time.perf_counter()
    with console.status(f"loading the search index and the model {settings.model} …"):
        index = search.get()
    dense = "BM25 + dense" if index.vectors is not None else "BM25 only"
    console.print(f"search index: {len(index.article_starts)} articles, {len(index.units)} "
                  f"units ({dense}) in {time.perf_counter() - started:.1f} s",
                  highlight=False)
    if search.model_status == "failed":
        console.print(f"[yellow]model unavailable:[/] {search.error}", highlight=False)
    return search


@contextmanager
def serving(app: FastAPI, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Serve ``app`` with uvicorn in a background thread (port 0: any free port) and yield
    its base URL; stop it on leaving. For tests and benchmarks over real HTTP."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False,
                                           http=HTTP_PROTOCOL))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]},
                              name="liuhen-uvicorn", daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 60
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        yield f"http://{host}:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        sock.close()
