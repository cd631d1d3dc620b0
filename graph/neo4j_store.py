"""GraphStore on Neo4j 5 through the official driver: ``execute_query`` with reads routed to
readers, uniqueness constraints on every label's key, credentials from Settings."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import neo4j
import neo4j.exceptions
import neo4j.graph

from core.errors import BackendError, InputError, WriteRefusedError
from graph.queries import NEO4J_DELETE_ALL, Backend, Query, neo4j_schema
from graph.store import Row, check_parameter_names, check_params

CONNECTION_TIMEOUT = 5.0
# Raised by the server for a write inside a read transaction.
_ACCESS_MODE = "Neo.ClientError.Statement.AccessMode"


class Neo4jStore:
    """A Neo4j database reached at ``uri``; connectivity is checked on construction."""

    backend = Backend.NEO4J

    def __init__(
        self, uri: str, *, user: str, password: str, database: str | None = None
    ) -> None:
        self._uri = uri
        self._database = database
        try:
            self._driver = neo4j.GraphDatabase.driver(
                uri, auth=(user, password), connection_timeout=CONNECTION_TIMEOUT
            )
            # execute_query retries an unreachable server for 30 s; fail fast instead.
            self._driver.verify_connectivity()
        except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError, ValueError) as error:
            driver = getattr(self, "_driver", None)
            if driver is not None:
                driver.close()
            raise BackendError(
                f"cannot reach Neo4j at {uri}: {error}", details={"uri": uri}
            ) from error

    @property
    def uri(self) -> str:
        return self._uri

    def read(self, query: Query, params: Mapping[str, Any] | None = None) -> list[Row]:
        if not query.readonly:
            raise ValueError(f"{query.name} writes: use write()")
        return self._run(query, params, neo4j.RoutingControl.READ)

    def write(self, query: Query, params: Mapping[str, Any] | None = None) -> list[Row]:
        return self._run(query, params, neo4j.RoutingControl.WRITE)

    def read_only_query(
        self, text: str, params: Mapping[str, Any] | None = None, *, timeout: float = 10.0
    ) -> list[Row]:
        given = check_parameter_names(params)

        @neo4j.unit_of_work(timeout=timeout)
        def work(tx: neo4j.ManagedTransaction) -> list[Row]:
            result = tx.run(neo4j.Query(text), given)  # type: ignore[arg-type]
            return [{k: _plain(v) for k, v in record.items()} for record in result]

        try:
            # A read transaction: the server itself refuses a write in it (AccessMode).
            with self._driver.session(database=self._database,
                                      default_access_mode=neo4j.READ_ACCESS) as session:
                return session.execute_read(work)
        except neo4j.exceptions.ClientError as error:
            if error.code == _ACCESS_MODE:
                raise WriteRefusedError(
                    "the statement writes; Neo4j refused it in a read transaction",
                    details={"uri": self._uri},
                ) from error
            raise InputError(f"Neo4j rejected the statement: {error.message}",
                             field="query") from error
        except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError) as error:
            raise BackendError(f"Neo4j at {self._uri} failed: {error}",
                               details={"uri": self._uri}) from error

    def ensure_schema(self) -> None:
        for statement in neo4j_schema():
            self.write(statement)

    def clear(self) -> None:
        # CALL ... IN TRANSACTIONS needs an auto-commit transaction, not execute_query.
        try:
            with self._driver.session(database=self._database) as session:
                session.run(NEO4J_DELETE_ALL.text).consume()
        except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError) as error:
            raise BackendError(f"cannot clear the graph at {self._uri}: {error}") from error

    def close(self) -> None:
        self._driver.close()

    def _run(
        self, query: Query, params: Mapping[str, Any] | None, routing: neo4j.RoutingControl
    ) -> list[Row]:
        if Backend.NEO4J not in query.backends:
            raise ValueError(f"{query.name} is not a Neo4j statement")
        given = check_params(query, params)
        try:
            records, _, _ = self._driver.execute_query(
                neo4j.Query(query.text),
                given,
                routing_=routing,
                database_=self._database,
            )
        except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError) as error:
            raise BackendError(
                f"Neo4j at {self._uri} failed on {query.name}: {error}",
                details={"uri": self._uri, "query": query.name},
            ) from error
        return [record.data() for record in records]

    def __repr__(self) -> str:
        return f"Neo4jStore({self._uri!r})"


def _plain(value: Any) -> Any:
    """A Neo4j result value as plain Python (see GraphStore.read_only_query)."""
    if isinstance(value, neo4j.graph.Node):
        return {"labels": sorted(value.labels),
                "properties": {k: _plain(v) for k, v in value.items()}}
    if isinstance(value, neo4j.graph.Relationship):
        return {"type": value.type, "properties": {k: _plain(v) for k, v in value.items()}}
    if isinstance(value, neo4j.graph.Path):
        return {"nodes": [_plain(n) for n in value.nodes],
                "relationships": [_plain(r) for r in value.relationships]}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)  # temporal and spatial values
