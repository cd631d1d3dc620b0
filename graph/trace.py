"""The shortest paths between two actors, found by walks from both ends that meet in the
middle (the statements and why: graph/queries/trace.py).

The answer is the store's own ``allShortestPaths`` answer (tests compare the two): every
shortest path of at most ``max_hops`` relationships, one row per choice of relationship where
two nodes are joined by more than one, with its nodes as (label, id, name) and its steps as
(type, kind, detail, role, id of the relationship's start node), each from ``source`` to
``target``; at most ``limit`` rows, in the order of their nodes' ids (which ``limit`` of them,
when there are more, is the store's choice).

The store answers the joined walks shortest first; the rows of the shortest length are the
shortest paths, and each is simple (a path that visited a node twice would have a shorter
one). A path shorter than the bound comes once for each place it can be split: the row with
the longest first walk is kept. The longer walk starts from the end with fewer relationships:
a walk's cost is what it passes through. On Neo4j the store's ``allShortestPaths`` answers
(it grows from both ends there).
"""

from __future__ import annotations

from graph.queries.base import Backend
from graph.queries.records_read import RECORD_TRACE_DEGREES, RECORD_TRACE_PATHS
from graph.queries.trace import BUSY, TRACE_DEGREE, TRACE_SHORTEST, split
from graph.store import GraphStore, Row


def _turned(rows: list[Row]) -> list[Row]:
    """Paths found from the other end, turned to run from the source asked for (each step
    names its relationship's own start node: reversed, still true)."""
    return [{**row, "nodes": row["nodes"][::-1], "steps": row["steps"][::-1]} for row in rows]


def _in_order(rows: list[Row]) -> list[Row]:
    return sorted(rows, key=lambda row: ([n[:2] for n in row["nodes"]],
                                         [str(s) for s in row["steps"]]))


def trace_rows(store: GraphStore, source: str, target: str, *, max_hops: int, limit: int,
               through_organs: bool) -> list[Row]:
    """The shortest paths between two actors, each from ``source`` to ``target`` (see the
    module's text); [] when there is none of at most ``max_hops`` or either actor is not
    stored."""
    if source == target:
        return []
    if store.backend is not Backend.FALKORDB:  # Neo4j's own search grows from both ends
        return _in_order(store_shortest_paths(store, source, target, max_hops=max_hops,
                                              limit=limit, through_organs=through_organs))
    degree = {actor: store.read(TRACE_DEGREE[through_organs],
                                {"id": actor, "busy": BUSY})[0]["degree"]
              for actor in (source, target)}
    turned = degree[target] < degree[source]
    start, end = (target, source) if turned else (source, target)
    rows = store.read(TRACE_SHORTEST[(through_organs, max_hops)],
                      {"source": start, "target": end, "limit": limit})
    if not rows:
        return []
    shortest = rows[0]["hops"]
    first = min(split(max_hops)[0], shortest)
    kept = [{"nodes": row["nodes"], "steps": row["steps"]} for row in rows
            if row["hops"] == shortest and row["first"] == first]
    return _in_order(_turned(kept) if turned else kept)


def store_shortest_paths(store: GraphStore, source: str, target: str, *, max_hops: int,
                         limit: int, through_organs: bool) -> list[Row]:
    """The store's ``allShortestPaths`` from the end with fewer relationships (it grows from
    where it starts): the reference trace_rows is tested against, and slower."""
    degrees = {row["id"]: row["degree"] for row in store.read(
        RECORD_TRACE_DEGREES[through_organs], {"ids": [source, target]})}
    turned = degrees.get(target, 0) < degrees.get(source, 0)
    start, end = (target, source) if turned else (source, target)
    rows = store.read(RECORD_TRACE_PATHS[(through_organs, max_hops)],
                      {"source": start, "target": end, "limit": limit})
    return _turned(rows) if turned else rows


__all__ = ["store_shortest_paths", "trace_rows"]
