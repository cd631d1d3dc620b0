"""The graph storage seam: one Protocol, implemented by FalkorDB (embedded, the default) and
Neo4j 5, selected by one setting (``LIUHEN_GRAPH_URI``).

Callers (graph/loader.py, liuhen/regulations/) are typed against :class:`GraphStore`
and only ever pass statements from graph/queries/; tests/graph/contract.py is the suite
every implementation passes. The backends import this module, never the reverse: the one
place that knows both backends is graph/connect.py (``open_store``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Protocol, runtime_checkable

from core.errors import InputError
from graph.queries import Backend, Query

Row = dict[str, Any]
GRAPH_NAME = "liuhen"
#: The most rows ``read_only_query`` returns: the console shows 1,000 and says whether
#: there were more.
READ_ONLY_ROW_CAP = 1_001


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
        """Run a statement written by a person (the admin console), not one of graph/queries/,
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
