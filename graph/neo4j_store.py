"""GraphStore on Neo4j 5 through the official driver: ``execute_query`` with reads routed to
readers, uniqueness constraints on every label's key, credentials from Settings."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import neo4j
import neo4j.exceptions

from graph.queries import NEO4J_DELETE_ALL, Backend, Query, neo4j_schema
from graph.store import Row, check_params
from liuhen.errors import BackendError

CONNECTION_TIMEOUT = 5.0


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
