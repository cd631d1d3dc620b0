"""The graph storage seam: one Protocol, implemented by FalkorDB (embedded, the default) and
Neo4j 5, selected by one setting (``LIUHEN_GRAPH_URI``).

Callers (graph/loader.py, liuhen/regulation_service.py) are typed against :class:`GraphStore`
and only ever pass statements from graph/queries.py; tests/graph/contract.py is the suite
every implementation passes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any, Protocol, runtime_checkable

from graph.queries import Backend, Query
from liuhen.errors import InputError
from liuhen.settings import Settings

Row = dict[str, Any]
NEO4J_SCHEMES = ("neo4j://", "neo4j+s://", "neo4j+ssc://", "bolt://", "bolt+s://", "bolt+ssc://")
GRAPH_NAME = "liuhen"


@runtime_checkable
class GraphStore(Protocol):
    """A property graph that runs liuhen's statements.

    Values come back as plain Python (str, int, float, bool, None, list, dict): statements
    return properties, never driver node objects. Every method raises BackendError (naming
    the store's ``uri``) when the database cannot be reached or rejects a statement, and
    ValueError when the parameters given are not the ones the statement declares.
    """

    @property
    def backend(self) -> Backend:
        """Which Cypher dialect this store speaks (picks per-backend statements)."""
        ...

    @property
    def uri(self) -> str:
        """Where the store lives, for messages: a bolt/neo4j URI or falkordb+embedded://dir."""
        ...

    def ensure_schema(self) -> None:
        """Create the key indexes / uniqueness constraints for every allow-listed label.
        Idempotent."""
        ...

    def read(self, query: Query, params: Mapping[str, Any] | None = None) -> list[Row]:
        """Run a read-only statement and return its rows (routed to a reader on Neo4j)."""
        ...

    def write(self, query: Query, params: Mapping[str, Any] | None = None) -> list[Row]:
        """Run a statement that may write, in one transaction, and return its rows."""
        ...

    def read_only_query(
        self, text: str, params: Mapping[str, Any] | None = None, *, timeout: float = 10.0
    ) -> list[Row]:
        """Run a statement written by a person (the admin console), not one of graph/queries.py,
        so that the database itself refuses any write: FalkorDB's GRAPH.RO_QUERY, a read
        transaction on Neo4j. Nothing is checked by looking at the text.

        Nodes come back as ``{"labels": [...], "properties": {...}}``, relationships as
        ``{"type": ..., "properties": {...}}``, paths as ``{"nodes": [...],
        "relationships": [...]}``; other values as plain Python. ``timeout`` is in seconds.

        Raises WriteRefusedError when the statement writes (nothing is written), InputError
        for a statement or parameter the database rejects (syntax, types, too slow), and
        BackendError when the database cannot be reached.
        """
        ...

    def clear(self) -> None:
        """Delete every node and relationship; the schema stays (or is recreated)."""
        ...

    def close(self) -> None:
        """Release connections (and stop an embedded server this store started)."""
        ...


PARAMETER_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def check_parameter_names(params: Mapping[str, Any] | None) -> dict[str, Any]:
    """The parameters of a hand-written statement as a dict; InputError naming the first
    name that is not a plain identifier (it would become query text on FalkorDB)."""
    given = dict(params or {})
    for name in given:
        if not isinstance(name, str) or not PARAMETER_NAME.fullmatch(name):
            raise InputError(f"parameter name {name!r} is not an identifier",
                             field="parameters")
    return given


def check_params(query: Query, params: Mapping[str, Any] | None) -> dict[str, Any]:
    """The parameters as a dict; ValueError unless they are exactly the declared ones."""
    given = dict(params or {})
    if set(given) != set(query.parameters):
        raise ValueError(
            f"{query.name} takes {sorted(query.parameters)}, got {sorted(given)}"
        )
    return given


def open_store(settings: Settings, *, graph_name: str = GRAPH_NAME) -> GraphStore:
    """The store ``settings.graph_uri`` selects: empty for the embedded FalkorDB in
    ``settings.data_dir``, neo4j:// or bolt:// for Neo4j. The schema is ensured.

    Raises InputError for an unsupported URI, BackendError when the store is unreachable.
    """
    uri = settings.graph_uri.strip()
    store: GraphStore
    if not uri or uri == "embedded":
        from graph.falkordb_store import FalkorDBStore

        store = FalkorDBStore.embedded(settings.data_dir / "falkordb", graph_name=graph_name)
    elif uri.startswith(NEO4J_SCHEMES):
        from graph.neo4j_store import Neo4jStore

        store = Neo4jStore(
            uri, user=settings.neo4j_user, password=settings.neo4j_password.get_secret_value()
        )
    else:
        raise InputError(
            f"unsupported graph URI {uri!r}: leave it empty for the embedded FalkorDB, or "
            "use neo4j:// or bolt:// for Neo4j",
            field="LIUHEN_GRAPH_URI",
        )
    try:
        store.ensure_schema()
    except BaseException:
        store.close()
        raise
    return store


@contextmanager
def store_session(settings: Settings, *, graph_name: str = GRAPH_NAME) -> Iterator[GraphStore]:
    """``open_store`` as a context manager that closes the store."""
    store = open_store(settings, graph_name=graph_name)
    try:
        yield store
    finally:
        store.close()
