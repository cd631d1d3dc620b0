"""The worker processes of ``liuhen serve --workers N``.

The parent (api/server.py) owns the embedded FalkorDB: it starts it, supervises it (restarts
it once when it dies or answers no PING for LIUHEN_STORE_PING_TIMEOUT_S) and publishes what
its supervisor saw in the store's lock file. It builds the search index on disk, then
uvicorn spawns N workers, each calling
:func:`worker_app`. A worker attaches to the parent's store over its unix socket (it never
starts one, so a dead store is restarted once, by the parent, not by each worker), loads the
index from disk with the passage vectors memory-mapped read-only (one copy in the page cache
for all workers, search/index.py) and its own query model, and only then accepts connections.

The parent hands its settings to the workers in one environment variable (the workers are
spawned, not forked): the ``Settings`` it was given may differ from the environment's.
"""

from __future__ import annotations

import json
import os
from typing import Any

from fastapi import FastAPI

from api.app import create_app
from api.state import SearchHolder
from core.errors import BackendError
from core.settings import Settings
from graph.connect import open_store

WORKER_SETTINGS = "LIUHEN_SERVE_WORKER_SETTINGS"
WORKER_COUNT = "LIUHEN_SERVE_WORKERS"


def embed_threads(workers: int) -> int:
    """Threads embedding queries in each of ``workers`` processes: the cores shared out, at
    least one (one process alone keeps QueryBatcher's one per core). More would have the
    workers' ONNX runs take turns on the same cores."""
    return max(1, (os.cpu_count() or 1) // max(1, workers))


def settings_for_workers(settings: Settings) -> str:
    """``settings`` as the JSON text :func:`worker_app` reads back (secrets included: the
    variable lives only in the environment of this user's processes, as LIUHEN_* do)."""
    values: dict[str, Any] = settings.model_dump(mode="json")
    values["neo4j_password"] = settings.neo4j_password.get_secret_value()
    return json.dumps(values, ensure_ascii=False)


def worker_app() -> FastAPI:
    """The app of one worker (``uvicorn.run(..., factory=True)`` calls it in the worker):
    the parent's settings, the parent's store, the index loaded before the worker serves.

    Raises BackendError when the parent's store does not answer or the index cannot load.
    """
    text = os.environ.get(WORKER_SETTINGS)
    if text is None:
        raise BackendError(f"{WORKER_SETTINGS} is not set: workers are started by "
                           "`liuhen serve --workers N`")
    settings = Settings.model_validate(json.loads(text))
    search = SearchHolder(settings,
                          embed_threads=embed_threads(int(os.environ.get(WORKER_COUNT, "1"))))
    store = open_store(settings, attach_only=True)
    try:
        search.attach(store)
        search.get()  # this worker accepts no connection before its index is ready
    finally:
        store.close()  # the app opens its own for its lifetime
    return create_app(settings, search=search, worker=True)
