"""The statements of a path search between two actors that meets in the middle
(graph/trace.py): every walk of up to ``left`` steps from one actor and of up to ``right``
from the other (left + right = the bound) that end at the same node, the two halves joined
on that node, the shortest first. FalkorDB plans ``middle = meeting`` as a hash join of the
two walks (25 ms for an actor of 3 relationships and one of 2,089 at 1,000,000 incidents;
comparing the two ends' ``id`` properties instead took 7 s, a product of the walks).

Why not the store's ``allShortestPaths`` (records_read.RECORD_TRACE_PATHS, kept as the
reference the tests compare with): it grows from one end only. For that pair it took about
400 ms to find no path of 4 relationships from either end: the third and fourth steps run
through a court's thousands of staff and cases. Tried and slower (docs/benchmarks.md, "Paths
that meet in the middle"): a search driven from Python a step at a time (reading a step's tens
of thousands of node ids out of the store costs about 20 microseconds each), one statement
per exact length asked 1, 2, 3, ... in turn (each walks a busy actor's edges again), and
FalkorDB's ``algo.SPpaths`` (3 ms from one end, 7.9 s from the other).

Values travel as parameters only; the types formatted in are module constants and the walk
lengths integers of this module's own range."""

from __future__ import annotations

from graph.queries.base import Backend, Query, read_statement
from graph.queries.records_read import MAX_TRACE_HOPS, TRACE_TYPES, TRACE_TYPES_WITH_ORGANS

#: An actor with more relationships than this is busy: which of two busy actors walks the
#: longer half matters little, and counting all of a busy actor's edges costs as much as a
#: walk over them (70 ms for the top intervener of 1,000,000 incidents).
BUSY = 1000


def split(hops: int) -> tuple[int, int]:
    """The two walks of a path of at most ``hops`` relationships: the longer first."""
    return (hops + 1) // 2, hops // 2


def _degree(through_organs: bool) -> Query:
    types = TRACE_TYPES_WITH_ORGANS if through_organs else TRACE_TYPES
    return read_statement(
        f"trace_degree_{'with_organs' if through_organs else 'without_organs'}",
        f"""
        MATCH (:Actor {{id: $id}})-[r:{types}]-()
        WITH r LIMIT $busy
        RETURN count(r) AS degree
        """,
        "id", "busy",
    )


def _shortest(through_organs: bool, hops: int) -> Query:
    left, right = split(hops)
    types = TRACE_TYPES_WITH_ORGANS if through_organs else TRACE_TYPES
    # Sorted by length, and a path of d < hops relationships comes once for each place it
    # can be split: its rows with the longest first walk come first (the caller keeps those).
    text = f"""
        MATCH there = (:Actor {{id: $source}})-[:{types}*0..{left}]-(middle),
              back = (:Actor {{id: $target}})-[:{types}*0..{right}]-(meeting)
        WHERE middle = meeting
        WITH there, back, length(there) + length(back) AS hops, length(there) AS first
        ORDER BY hops, first DESC
        LIMIT $limit
        WITH hops, first, nodes(there) + reverse(nodes(back))[1..] AS path_nodes,
             relationships(there) + reverse(relationships(back)) AS path_steps
        RETURN hops, first,
               [n IN path_nodes | [labels(n)[0], n.id, coalesce(n.name, n.number, n.id)]]
               AS nodes,
               [r IN path_steps | [type(r), r.kind, r.detail, r.role, startNode(r).id]]
               AS steps
        """
    # FalkorDB only: Neo4j plans the two walks as a product (its linter warns of it) and has
    # a shortest-path search that grows from both ends of its own (RECORD_TRACE_PATHS).
    return Query(f"trace_shortest_{'with_organs' if through_organs else 'without_organs'}_{hops}",
                 " ".join(text.split()), ("source", "target", "limit"), readonly=True,
                 backends=frozenset({Backend.FALKORDB}))


#: through organs -> how many relationships an actor has, counted up to ``$busy``.
TRACE_DEGREE: dict[bool, Query] = {flag: _degree(flag) for flag in (True, False)}
#: (through organs, at most so many relationships) -> the walks from ``$source`` (the longer)
#: and ``$target`` that meet, shortest first, at most ``$limit`` rows.
TRACE_SHORTEST: dict[tuple[bool, int], Query] = {
    (flag, hops): _shortest(flag, hops)
    for flag in (True, False) for hops in range(1, MAX_TRACE_HOPS + 1)}
