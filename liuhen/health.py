"""Whether the graph store answers, for the service's health report."""

from __future__ import annotations

import time

from pydantic import BaseModel, Field

from core.errors import LiuhenError
from graph import queries
from graph.store import GraphStore


class GraphHealth(BaseModel):
    backend: str
    uri: str
    ok: bool
    milliseconds: float | None = Field(description="a round trip to the store (ping)")


def graph_health(store: GraphStore) -> GraphHealth:
    """A ping of the store: whether it answered and how long it took (never raises)."""
    started = time.perf_counter()
    try:
        store.read(queries.PING)
    except LiuhenError:
        return GraphHealth(backend=str(store.backend), uri=store.uri, ok=False,
                           milliseconds=None)
    return GraphHealth(backend=str(store.backend), uri=store.uri, ok=True,
                       milliseconds=round((time.perf_counter() - started) * 1000, 2))
