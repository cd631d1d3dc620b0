"""GraphStore on FalkorDB through the falkordb client: the embedded default (a private server
in the data directory, graph/falkordb_server.py) or any client the caller connects.

The falkordb client sends parameters in a ``CYPHER name=value`` header it quotes itself, so
values stay parameters and never become query text.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import falkordb
import redis.asyncio
import redis.asyncio.retry
import redis.exceptions
from falkordb.edge import Edge
from falkordb.node import Node
from falkordb.path import Path as GraphPath
from redis.backoff import NoBackoff

from core.errors import BackendError, InputError, NoAnswerError, WriteRefusedError
from graph.console_guard import (
    bounded_statement,
    check_parameters,
    check_statement,
    return_columns,
)
from graph.falkordb_process import DATA_TIMEOUT_S, HANG_AFTER_S
from graph.falkordb_server import EmbeddedFalkorDB, EmbeddedServerError
from graph.queries import Backend, Query, falkordb_indexes
from graph.schema import KEY, LABELS
from graph.store import (
    GRAPH_NAME,
    READ_ONLY_ROW_CAP,
    Row,
    check_parameter_names,
    check_params,
)

_ALREADY = ("already indexed", "already exists")
_NO_GRAPH = "empty key"
_READ_ONLY = "executed only on read-only queries"
_TIMED_OUT = "timed out"
#: Levels of nesting a console result may have (lists in maps in lists ...).
MAX_RESULT_DEPTH = 64
# FalkorDB 4.16 mishandles some strings (all found by hypothesis, tests/graph):
# - U+0000 ends the query text the client sends; U+0001 is lost from indexes;
# - an indexed value that is empty or starts or ends with ASCII whitespace is not found
#   again through its index;
# and under a unique constraint both of the last two crash the server (SIGSEGV in
# EnforceUniqueEntity). So the store refuses to write them and answers lookups for them
# with nothing, which is the truth: no stored key or text holds them.
_TRIMMED = " \t\n\r\x0b\x0c"
# Parameters and row fields that hold ids (every label's indexed, unique key) or other
# indexed values.
_KEY_PARAMETERS = frozenset({"id", "ids", "title_key", "title_keys", "name_keys"})


@cache
def _is_key(name: str) -> bool:
    return name in _KEY_PARAMETERS or name.endswith("_id")


def unsafe_value(value: object, *, key: bool = False) -> str | None:
    """The first string in ``value`` (nested in lists and dicts) FalkorDB cannot hold;
    ``key``: the string is an indexed value (a parameter or row field named id, ids, *_id,
    title_key(s) or name_keys)."""
    if isinstance(value, str):
        if "\x00" in value or "\x01" in value:
            return value
        if key and (not value or value[0] in _TRIMMED or value[-1] in _TRIMMED):
            return value
        return None
    if isinstance(value, dict):
        for name, element in value.items():
            if isinstance(element, int | float | bool | None):
                continue
            found = unsafe_value(element, key=_is_key(name))
            if found is not None:
                return found
    elif isinstance(value, list | tuple):
        for element in value:
            found = unsafe_value(element, key=key)
            if found is not None:
                return found
    return None


class FalkorDBStore:
    """A FalkorDB graph; ``embedded()`` starts (or attaches to) the data dir's server."""

    backend = Backend.FALKORDB

    def __init__(
        self,
        client: falkordb.FalkorDB,
        *,
        uri: str,
        graph_name: str = GRAPH_NAME,
        server: EmbeddedFalkorDB | None = None,
        unique_constraints: bool = True,
        timeout: float | None = None,
    ) -> None:
        self._client = client
        # the client's wait for one answer, for the messages (the embedded server's by default)
        self._timeout = timeout if timeout is not None or server is None else server.timeout
        self._graph = client.select_graph(graph_name)
        self._uri = uri
        self._server = server
        self._unique_constraints = unique_constraints
        self.graph_name = graph_name
        self._async_client: redis.asyncio.Redis | None = None  # aping's, opened on first use

    @classmethod
    def embedded(cls, data_dir: Path, *, graph_name: str = GRAPH_NAME,
                 attach_only: bool = False, timeout: float = DATA_TIMEOUT_S,
                 hang_after: float = HANG_AFTER_S) -> FalkorDBStore:
        """Start the embedded server in ``data_dir`` (or attach to the running one; with
        ``attach_only``, as a worker of ``liuhen serve --workers``, never start one).
        ``timeout``: the longest a statement waits for its answer (then NoAnswerError);
        ``hang_after``: the supervisor kills and restarts a server that answered no PING so
        long (when this process owns it).

        Raises BackendError naming the directory when the server cannot start.
        """
        server = EmbeddedFalkorDB(data_dir, attach_only=attach_only, timeout=timeout,
                                  hang_after=hang_after)
        uri = f"falkordb+embedded://{server.data_dir}"
        try:
            server.start()
            client = server.client()
        except EmbeddedServerError as error:
            server.stop()
            raise BackendError(
                f"cannot start the embedded graph store at {uri}: {error}"
            ) from error
        return cls(client, uri=uri, graph_name=graph_name, server=server)

    @property
    def uri(self) -> str:
        return self._uri

    async def aping(self, query: Query) -> None:
        """``query`` (a read that returns nothing needed: PING) over a connection of the
        running event loop's own to the embedded server's socket: no thread waits for it.
        Raises BackendError when the store does not answer; ValueError when no embedded
        server runs behind this store (no socket to reach)."""
        if not query.readonly:
            raise ValueError(f"{query.name} writes")
        if self._server is None:
            raise ValueError("aping needs the embedded server's socket")
        if self._async_client is None:
            self._async_client = redis.asyncio.Redis(
                unix_socket_path=str(self._server.socket_path),
                socket_timeout=self._server.timeout,
                # a ping is a read: sent once more when its connection dropped (a restart),
                # never after a timeout (it would wait as long again)
                retry=redis.asyncio.retry.Retry(
                    NoBackoff(), 1, supported_errors=(redis.exceptions.ConnectionError,)))
        try:
            await self._async_client.execute_command("GRAPH.RO_QUERY", self.graph_name,
                                                      query.text)
        except redis.exceptions.ResponseError as error:
            if _NO_GRAPH in str(error):
                return  # the store answered: it holds no graph yet
            raise BackendError(f"graph store at {self._uri} failed: {error}",
                               details={"uri": self._uri}) from error
        except (redis.exceptions.RedisError, OSError) as error:
            raise BackendError(f"graph store at {self._uri} failed: {error}",
                               details={"uri": self._uri}) from error

    async def aclose(self) -> None:
        """Close :meth:`aping`'s connection (on the loop that opened it)."""
        if self._async_client is not None:
            client, self._async_client = self._async_client, None
            await client.aclose()

    @property
    def server(self) -> EmbeddedFalkorDB | None:
        """The embedded server behind this store, if any."""
        return self._server

    def read(self, query: Query, params: Mapping[str, Any] | None = None) -> list[Row]:
        if not query.readonly:
            raise ValueError(f"{query.name} writes: use write()")
        return self._run(query, params, readonly=True)

    def write(self, query: Query, params: Mapping[str, Any] | None = None) -> list[Row]:
        return self._run(query, params, readonly=False)

    def read_only_query(
        self, text: str, params: Mapping[str, Any] | None = None, *, timeout: float = 10.0
    ) -> list[Row]:
        """See GraphStore.read_only_query; also refuses what graph/console_guard.py refuses
        (LOAD CSV, procedures outside its allow-list, integers past 64 bits), on the tokens
        and again on the database's plan, and returns at most READ_ONLY_ROW_CAP rows: the
        database stops producing rows there (a LIMIT around the statement), so a statement
        matching millions of rows costs neither the store nor the API their memory."""
        given = check_parameter_names(params)
        if "\x00" in text or unsafe_value(given) is not None:
            raise InputError("the statement or a parameter holds U+0000 or U+0001, which the "
                             "embedded graph store cannot take", field="query")
        called = check_statement(text)
        check_parameters(given)
        bounded = bounded_statement(text, READ_ONLY_ROW_CAP)
        try:
            self._check_plan(text, given, procedures=len(called))
            result = self._graph.ro_query(bounded or text, given or None,
                                          timeout=max(1, int(timeout * 1000)))
        except redis.exceptions.ResponseError as error:
            message = str(error)
            if _READ_ONLY in message:
                raise WriteRefusedError(
                    "the statement writes; the graph store refused it (GRAPH.RO_QUERY)",
                    details={"uri": self._uri},
                ) from error
            if _NO_GRAPH in message:
                return []
            if _TIMED_OUT in message.lower():
                raise InputError(f"the statement ran longer than {timeout:g} s",
                                 field="query") from error
            raise InputError(f"the graph store rejected the statement: {message}",
                             field="query") from error
        except ValueError as error:  # the client cannot put a parameter into its header
            raise InputError(str(error), field="parameters") from error
        except (redis.exceptions.TimeoutError, redis.exceptions.ConnectionError) as error:
            if _unanswered(error):
                raise self._no_answer("the console's statement", error, write=False) from error
            raise BackendError(f"graph store at {self._uri} failed: {error}",
                               details={"uri": self._uri}) from error
        except (redis.exceptions.RedisError, OSError) as error:
            raise BackendError(f"graph store at {self._uri} failed: {error}",
                               details={"uri": self._uri}) from error
        names = [column[1] for column in result.header]
        # RETURN * (around the statement) lists columns by name: put back the statement's order.
        order = _column_order(return_columns(text), names) if bounded else None
        if order is not None:
            return [{names[index]: _plain(row[index]) for index in order}
                    for row in result.result_set[:READ_ONLY_ROW_CAP]]
        return [{name: _plain(value) for name, value in zip(names, row, strict=True)}
                for row in result.result_set[:READ_ONLY_ROW_CAP]]

    def plan(self, query: Query, params: Mapping[str, Any] | None = None) -> list[str]:
        """The operations FalkorDB plans for ``query`` with these very parameters
        (GRAPH.EXPLAIN), one line each, e.g. ``Node By Label Scan | (a:Actor)``: the plan
        depends on the values (``{id: $x}`` with a null ``$x`` is a scan of the label).
        Nothing is run. Raises BackendError when the store refuses the statement."""
        given = check_params(query, params)
        try:
            return [line.strip() for line in self._graph.explain(query.text, given or None).plan]
        except (redis.exceptions.RedisError, OSError) as error:
            raise BackendError(f"graph store at {self._uri} cannot plan {query.name}: {error}",
                               details={"uri": self._uri, "query": query.name}) from error

    def _check_plan(self, text: str, given: dict[str, Any], *, procedures: int) -> None:
        """The database's own parse of the statement: no LOAD CSV in its plan, and no more
        procedure calls than the tokens showed (all of them on the allow-list)."""
        plan = str(self._graph.explain(text, given or None))
        if "Load CSV" in plan:
            raise InputError("LOAD CSV is refused in the console: it reads files and URLs "
                             "outside the graph", field="query")
        if plan.count("ProcedureCall") > procedures:
            raise InputError("the statement calls a procedure the console does not allow",
                             field="query")

    def ensure_schema(self) -> None:
        for statement in falkordb_indexes():
            self._create_index(statement)
        if self._unique_constraints:
            self._ensure_unique_constraints()

    def _create_index(self, statement: Query) -> None:
        """Run one CREATE INDEX; an index already there is what was asked for. Unlike any other
        write, one that got no answer is sent once more, after the owned server answers again:
        it is idempotent. Seen in CI (session 42): a fresh server hung on its first CREATE
        INDEX, answered no PING, and its supervisor killed and restarted it after
        ``hang_after``; the statement had not landed."""
        for attempt in (1, 2):
            try:
                self._run(statement, None, readonly=False)
                return
            except NoAnswerError:
                if attempt == 2 or self._server is None or not self._server.revive():
                    raise
            except BackendError as error:
                if not any(text in str(error.__cause__) for text in _ALREADY):
                    raise
                return

    def clear(self) -> None:
        try:
            if self.graph_name in self._client.list_graphs():
                self._graph.delete()
        except redis.exceptions.RedisError as error:
            raise BackendError(f"cannot clear the graph at {self._uri}: {error}") from error
        self.ensure_schema()

    def close(self) -> None:
        if self._server is not None:
            self._server.stop()  # only stops a server this process owns
        else:
            self._client.connection.close()

    def _ensure_unique_constraints(self) -> None:
        try:
            existing = {
                (c["label"], tuple(c["properties"]))
                for c in self._graph.list_constraints()
                if c.get("type") == "UNIQUE"
            }
            for name in sorted(LABELS):
                if (name, (KEY,)) not in existing:
                    self._graph.create_node_unique_constraint(name, KEY)
        except redis.exceptions.ResponseError as error:
            if not any(text in str(error) for text in _ALREADY):
                raise BackendError(
                    f"cannot create constraints at {self._uri}: {error}"
                ) from error
        except redis.exceptions.RedisError as error:
            raise BackendError(f"cannot create constraints at {self._uri}: {error}") from error

    def _run(self, query: Query, params: Mapping[str, Any] | None, *, readonly: bool) -> list[Row]:
        if Backend.FALKORDB not in query.backends:
            raise ValueError(f"{query.name} is not a FalkorDB statement")
        given = check_params(query, params)
        bad = unsafe_value(given)
        if bad is not None:
            if readonly:
                return []  # nothing stored holds such a string, so nothing matches
            raise InputError(
                f"{query.name}: the embedded graph store cannot hold {bad[:40]!r} (U+0000 "
                "or U+0001 anywhere, or an empty or space-padded id)",
                field="text",
            )
        run = self._graph.ro_query if readonly else self._graph.query
        try:
            try:
                result = run(query.text, given or None)
            except (redis.exceptions.TimeoutError, redis.exceptions.ConnectionError) as error:
                if not _unanswered(error):
                    raise
                if not readonly or isinstance(error, redis.exceptions.TimeoutError):
                    # A write is never sent twice: it may have landed. A read that timed out
                    # would wait as long again.
                    raise self._no_answer(query.name, error, write=not readonly) from error
                try:  # a read whose connection dropped (the store restarted): once more
                    result = run(query.text, given or None)
                except (redis.exceptions.TimeoutError,
                        redis.exceptions.ConnectionError) as again:
                    if not _unanswered(again):
                        raise
                    raise self._no_answer(query.name, again, write=False) from again
        except NoAnswerError:
            raise
        except redis.exceptions.ResponseError as error:
            if readonly and _NO_GRAPH in str(error):
                return []  # nothing has been written to this graph yet
            raise BackendError(
                f"graph store at {self._uri} failed on {query.name}: {error}",
                details={"uri": self._uri, "query": query.name},
            ) from error
        except (redis.exceptions.RedisError, OSError, ValueError) as error:
            # ValueError: redis-py reading from a connection closed under it ("I/O operation
            # on closed file", seen when the server was restarted during a statement)
            raise BackendError(
                f"graph store at {self._uri} failed on {query.name}: {error}",
                details={"uri": self._uri, "query": query.name},
            ) from error
        names = [column[1] for column in result.header]
        return [dict(zip(names, row, strict=True)) for row in result.result_set]

    def _no_answer(self, name: str, error: redis.exceptions.RedisError, *,
                   write: bool) -> NoAnswerError:
        """The error for a statement sent that got no answer (see :func:`_unanswered`)."""
        if isinstance(error, redis.exceptions.TimeoutError) and self._timeout is not None:
            what = f"did not answer {name} within {self._timeout:g} s"
        else:
            what = f"gave no answer to {name} ({error})"
        outcome = ("; the write may or may not have landed (it was not sent again): read it "
                   "back before writing it again" if write else "")
        return NoAnswerError(
            f"the graph store at {self._uri} {what}{outcome}",
            details={"uri": self._uri, "query": name, "timeout_s": self._timeout,
                     "outcome": "unknown" if write else "nothing written"})

    def __repr__(self) -> str:
        return f"FalkorDBStore({self._uri!r}, graph={self.graph_name!r})"


def _unanswered(error: redis.exceptions.RedisError) -> bool:
    """Whether ``error`` says a statement was sent and no answer came: a timeout reading
    it, or the connection closed before it. Not a connection that could not be made (nothing
    was sent) or a store answering that it is loading (it refused the statement)."""
    if isinstance(error, redis.exceptions.BusyLoadingError):
        return False
    return "connecting" not in str(error)


def _column_order(statement: list[str] | None, header: list[str]) -> list[int] | None:
    """Where each of the statement's columns is in ``header`` (sorted by name), in the
    statement's order; None when they cannot all be matched. An unaliased column is named by
    its text up to the next clause, comments included, so it may only start with ours."""
    if statement is None or len(statement) != len(header):
        return None
    order: list[int] = []
    for column in statement:
        found = [i for i, name in enumerate(header) if i not in order and name == column] or \
            [i for i, name in enumerate(header) if i not in order and name.startswith(column)]
        if len(found) != 1 and not (found and header[found[0]] == column):
            return None
        order.append(found[0])
    return order


def _plain(value: Any, depth: int = 0) -> Any:
    """A FalkorDB result value as plain Python (see GraphStore.read_only_query). InputError
    past MAX_RESULT_DEPTH levels of nesting (JSON encoders stop at a few hundred)."""
    if depth > MAX_RESULT_DEPTH:
        raise InputError(f"a value of the result is nested deeper than {MAX_RESULT_DEPTH} "
                         "levels", field="query")
    deeper = depth + 1
    if isinstance(value, Node):
        return {"labels": list(value.labels or []), "properties": {
            k: _plain(v, deeper) for k, v in (value.properties or {}).items()}}
    if isinstance(value, Edge):
        return {"type": value.relation, "properties": {
            k: _plain(v, deeper) for k, v in (value.properties or {}).items()}}
    if isinstance(value, GraphPath):
        return {"nodes": [_plain(n, deeper) for n in value.nodes()],
                "relationships": [_plain(e, deeper) for e in value.edges()]}
    if isinstance(value, dict):
        return {str(k): _plain(v, deeper) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v, deeper) for v in value]
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return value
