"""The statements that differ per backend: shortest path and the schema (DDL)."""

from __future__ import annotations

from graph.queries.base import Backend, Query, label, rel_type
from graph.schema import EDGE_INDEXED, KEY, LABELS, RECORD_INDEXED, Label

# --- per backend: shortest path ------------------------------------------------------------

MAX_PATH_HOPS = 10
_PATH_FIELDS = """
    [n IN nodes(path) | {label: labels(n)[0], id: n.id, caption: n.caption}] AS nodes,
    [x IN relationships(path) | {type: type(x), source: startNode(x).id,
                                 target: endNode(x).id}] AS relationships
"""


def shortest_path(backend: Backend, source: str, target: str) -> Query:
    """A shortest undirected path between two nodes (labels allow-listed) of at most
    ``$max_hops`` relationships (Neo4j: MAX_PATH_HOPS, the caller checks the length)."""
    start = f"(a:{label(source)} {{{KEY}: $source}})"
    end = f"(b:{label(target)} {{{KEY}: $target}})"
    if backend is Backend.FALKORDB:
        # FalkorDB's shortestPath() is directed only; algo.SPpaths walks both ways.
        text = f"""
            MATCH {start}, {end}
            CALL algo.SPpaths({{sourceNode: a, targetNode: b, relDirection: 'both',
                               maxLen: $max_hops}})
            YIELD path
            RETURN {_PATH_FIELDS}
        """
        parameters: tuple[str, ...] = ("source", "target", "max_hops")
    else:
        text = f"""
            MATCH path = shortestPath({start}-[*..{MAX_PATH_HOPS}]-{end})
            RETURN {_PATH_FIELDS}
        """
        parameters = ("source", "target")
    return Query(
        f"shortest_path_{backend}_{source.lower()}_{target.lower()}",
        " ".join(text.split()),
        parameters,
        readonly=True,
        backends=frozenset({backend}),
    )


# --- per backend: DDL ----------------------------------------------------------------------

# Properties looked up by equality besides the key (FalkorDB also indexes list members).
INDEXED = ((Label.REGULATION, "title_key"), *RECORD_INDEXED)
FALKORDB_INDEXED = (*INDEXED, (Label.REGULATION, "name_keys"))


def falkordb_indexes() -> list[Query]:
    """Range indexes on every label's key (MERGE is a scan without them) and on INDEXED.
    FalkorDB has no IF NOT EXISTS: the store ignores 'already indexed'."""
    pairs = [(name, KEY) for name in sorted(LABELS)] + [(str(n), p) for n, p in FALKORDB_INDEXED]
    return [
        Query(
            f"falkordb_index_{name.lower()}_{prop}",
            f"CREATE INDEX FOR (n:{label(name)}) ON (n.{prop})",
            readonly=False,
            backends=frozenset({Backend.FALKORDB}),
        )
        for name, prop in pairs
    ] + [
        Query(
            f"falkordb_edge_index_{str(edge).lower()}_{prop}",
            f"CREATE INDEX FOR ()-[r:{rel_type(edge)}]-() ON (r.{prop})",
            readonly=False,
            backends=frozenset({Backend.FALKORDB}),
        )
        for edge, prop in EDGE_INDEXED
    ]


def neo4j_schema() -> list[Query]:
    """A uniqueness constraint on every label's key (it brings its own index), plus INDEXED."""
    statements = [
        Query(
            f"neo4j_constraint_{name.lower()}_{KEY}",
            f"CREATE CONSTRAINT {name.lower()}_{KEY} IF NOT EXISTS "
            f"FOR (n:{label(name)}) REQUIRE n.{KEY} IS UNIQUE",
            readonly=False,
            backends=frozenset({Backend.NEO4J}),
        )
        for name in sorted(LABELS)
    ]
    statements += [
        Query(
            f"neo4j_index_{str(name).lower()}_{prop}",
            f"CREATE INDEX {str(name).lower()}_{prop} IF NOT EXISTS "
            f"FOR (n:{label(name)}) ON (n.{prop})",
            readonly=False,
            backends=frozenset({Backend.NEO4J}),
        )
        for name, prop in INDEXED
    ]
    statements += [
        Query(
            f"neo4j_edge_index_{str(edge).lower()}_{prop}",
            f"CREATE INDEX edge_{str(edge).lower()}_{prop} IF NOT EXISTS "
            f"FOR ()-[r:{rel_type(edge)}]-() ON (r.{prop})",
            readonly=False,
            backends=frozenset({Backend.NEO4J}),
        )
        for edge, prop in EDGE_INDEXED
    ]
    return statements


NEO4J_DELETE_ALL = Query(
    "neo4j_delete_all",
    "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS",
    readonly=False,
    backends=frozenset({Backend.NEO4J}),
)
