"""Walks over the graph from a node: the breadth-first neighbourhood and a shortest path,
relationships taken in either direction."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from core.errors import InputError, NotFoundError
from graph import queries
from graph.queries import MAX_PATH_HOPS, Backend
from graph.schema import LABELS, checked_label
from graph.store import GraphStore
from liuhen.regulations.views import EdgeView, NodeRef, NodeView, PathView, Subgraph


def node_view(store: GraphStore, ref: NodeRef) -> NodeView:
    """The node ``ref`` names with its caption. Raises InputError (label not allow-listed),
    NotFoundError."""
    label = checked_label(ref.label)
    rows = store.read(queries.node(label), {"id": ref.id})
    if not rows:
        raise NotFoundError(f"no {label} with id {ref.id!r}")
    return NodeView(label=label, id=rows[0]["id"], caption=rows[0]["caption"])


def expand(store: GraphStore, center: NodeView, *, hops: int, max_nodes: int) -> Subgraph:
    """The nodes within ``hops`` relationships of ``center`` (either direction) and the
    relationships among them, breadth first; stops at ``max_nodes`` (``truncated``)."""
    seen: dict[str, NodeView] = {center.id: center}
    edges: dict[tuple[str, str, str], EdgeView] = {}
    frontier: dict[str, list[str]] = {center.label: [center.id]}
    truncated = False
    # Rows per query: enough for max_nodes new nodes and the edges among them, without
    # reading all ~10^4 mentions of a hub such as 人民法院.
    limit = 2 * max_nodes + 50
    for _ in range(hops):
        found: dict[str, list[str]] = defaultdict(list)
        for label in sorted(frontier):
            rows = store.read(
                queries.neighbours(label),
                {"ids": sorted(frontier[label]), "limit": limit},
            )
            if len(rows) == limit:
                truncated = True
            for row in rows:
                if row["id"] not in seen:
                    if len(seen) >= max_nodes or row["label"] not in LABELS:
                        truncated = truncated or len(seen) >= max_nodes
                        continue
                    seen[row["id"]] = NodeView(
                        label=row["label"], id=row["id"], caption=row["caption"]
                    )
                    found[row["label"]].append(row["id"])
                source, target = (
                    (row["source"], row["id"]) if row["outgoing"] else (row["id"], row["source"])
                )
                edges[(source, row["type"], target)] = EdgeView(
                    type=row["type"], source=source, target=target
                )
        frontier = found
        if not frontier:
            break
    return Subgraph(
        center=center,
        hops=hops,
        nodes=list(seen.values()),
        edges=sorted(edges.values(), key=lambda e: (e.source, e.type, e.target)),
        truncated=truncated,
    )


def find_path(
    store: GraphStore, source: NodeRef, target: NodeRef, *, max_hops: int = 6
) -> PathView:
    """A shortest path between two nodes, relationships taken in either direction.

    Raises InputError (label not allow-listed, max_hops outside 1..MAX_PATH_HOPS) and
    NotFoundError (an end is missing, or no path within ``max_hops``).
    """
    if not 1 <= max_hops <= MAX_PATH_HOPS:
        raise InputError(f"max_hops must be 1..{MAX_PATH_HOPS}", field="max_hops")
    start, end = node_view(store, source), node_view(store, target)
    if start.id == end.id and start.label == end.label:
        return PathView(nodes=[start], edges=[])
    statement = queries.shortest_path(store.backend, start.label, end.label)
    params: dict[str, Any] = {"source": start.id, "target": end.id}
    if store.backend is Backend.FALKORDB:
        params["max_hops"] = max_hops
    rows = [
        row for row in store.read(statement, params)
        if len(row["relationships"]) <= max_hops
    ]
    if not rows:
        raise NotFoundError(
            f"no path between {start.label} {start.id!r} and {end.label} {end.id!r} "
            f"within {max_hops} hops"
        )
    best = min(rows, key=lambda r: len(r["relationships"]))
    return PathView(
        nodes=[NodeView(**n) for n in best["nodes"]],
        edges=[EdgeView(**e) for e in best["relationships"]],
    )
