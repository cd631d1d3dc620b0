"""Which organs, actors, cases and relations the store confirms as their latest registered
versions say (graph/queries/registry_compare.py): the records' values go to the store as
parameters and it answers, per node or edge with a record's id, whether that node holds
exactly them. Only what it confirms skips the field-by-field comparison.

A record is sent only when every value it asks for is a string, a boolean or a list of
strings, every string plain (no control character, quote, backslash or lone surrogate, so
that the store reads back exactly the value Python holds) and every property name a plain
name: Cypher's ``=`` on such values says equal only where Python's ``==`` does. Any other
record is left unconfirmed (compared field by field, as before).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from graph.queries import registry_compare as compare_queries
from graph.queries.base import Backend, Query
from graph.store import GraphStore
from ingest.records import RelationKind
from ingest.registry import ORGAN_BOOKKEEPING, RegistryKind, Shape

_UNPLAIN = re.compile(r'[\x00-\x1f"\\\ud800-\udfff]')
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_DIRECTION = {"out": compare_queries.COMPARE_PARAMS["dir_out"],
              "in": compare_queries.COMPARE_PARAMS["dir_in"]}
_SEP = compare_queries.COMPARE_PARAMS["sep"]
_SKIP = sorted(ORGAN_BOOKKEEPING)

_NODES = {RegistryKind.ORGAN: compare_queries.REGISTRY_CONFIRM_ORGANS,
          RegistryKind.ACTOR: compare_queries.REGISTRY_CONFIRM_ACTORS,
          RegistryKind.CASE: compare_queries.REGISTRY_CONFIRM_CASES}


def _texts(properties: dict[str, Any], skip: frozenset[str], texts: list[str]) -> bool:
    """Whether every property is a plain name outside ``skip`` with a string, boolean or list
    of strings; the strings (names and values) added to ``texts``, for one search."""
    for name, value in properties.items():
        if type(name) is not str or _NAME.fullmatch(name) is None or name in skip:
            return False
        kind = type(value)
        if kind is str:
            texts.append(value)
        elif kind is list:
            if not all(type(item) is str for item in value):
                return False
            texts.extend(value)
        elif kind is not bool:
            return False
    return True


def _plain(texts: list[str]) -> bool:
    return _UNPLAIN.search("".join(texts)) is None


def node_row(entity: str, shape: Shape) -> dict[str, Any] | None:
    """The row a node's statement takes for ``shape`` (an organ's, actor's or case's), or
    None when it holds a value the store may not compare as Python does."""
    texts = [entity]
    if type(entity) is not str or not _texts(shape.properties, ORGAN_BOOKKEEPING, texts):
        return None
    edges = set()
    for direction, kind, other, role in shape.edges:
        if role is not None or direction not in _DIRECTION or type(other) is not str \
                or not _NAME.fullmatch(kind):
            return None
        texts.append(other)
        edges.add(_DIRECTION[direction] + kind + _SEP + other)
    if not _plain(texts):
        return None
    return {"id": entity, "props": shape.properties, "edges": sorted(edges)}


def relation_row(entity: str, shape: Shape, subject: str, target: str) -> dict[str, Any] | None:
    """The row a relation's statement takes, or None (as ``node_row``)."""
    texts = [entity, subject, target]
    if not all(type(text) is str for text in texts) \
            or not _texts(shape.properties, frozenset(), texts) or not _plain(texts):
        return None
    return {"id": entity, "subject": subject, "object": target, "props": shape.properties,
            "edges": []}


def _confirmed(store: GraphStore, statement: Query, rows: list[dict[str, Any]],
               skip: list[str]) -> set[str]:
    """The ids of ``rows`` stored exactly once (one node, one edge) and as the row says."""
    if not rows:
        return set()
    answer = store.read(statement, {"rows": rows, "skip": skip,
                                    **compare_queries.compare_params(statement)})
    seen = Counter(row["id"] for row in answer)
    return {row["id"] for row in answer if row["same"] is True and seen[row["id"]] == 1}


def confirmed_nodes(store: GraphStore, kind: RegistryKind, shapes: dict[str, Shape]) -> set[str]:
    """The organs (actors, cases) of ``shapes`` (by id) the store holds exactly as shaped:
    every property (liuhen's bookkeeping aside) and every edge their records decide. Empty
    on another backend."""
    if store.backend is not Backend.FALKORDB or kind not in _NODES:
        return set()
    rows = [row for entity, shape in shapes.items()
            if (row := node_row(entity, shape)) is not None]
    return _confirmed(store, _NODES[kind], rows, _SKIP)


def confirmed_relations(store: GraphStore, relations: dict[str, tuple[Shape, Any]]
                        ) -> set[str]:
    """The relations of ``relations`` (by id: their shape and record) stored once between
    the ends their records name, with exactly their properties. Empty on another backend."""
    if store.backend is not Backend.FALKORDB:
        return set()
    by_type: dict[bool, list[dict[str, Any]]] = {True: [], False: []}
    for entity, (shape, relation) in relations.items():
        row = relation_row(entity, shape, relation.subject, relation.object)
        if row is not None:
            by_type[relation.kind is RelationKind.PARTY_TO].append(row)
    return (_confirmed(store, compare_queries.REGISTRY_CONFIRM_PARTY_TO, by_type[True], [])
            | _confirmed(store, compare_queries.REGISTRY_CONFIRM_RELATED, by_type[False], []))
