"""The admin console's limits (issue 12): one statement at a time, rows bounded inside the
database, no LOAD CSV or procedures that reach outside the graph, deep results and huge
integers refused in the error shape."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from api.server import serving
from graph.falkordb_store import FalkorDBStore
from graph.store import READ_ONLY_ROW_CAP, GraphStore
from tests.api.conftest import ADMIN, app_over_copy, assert_error

# About 10^8 rows to look at: runs until its timeout (4 s).
SLOW = ("UNWIND range(1, 10000) AS a UNWIND range(1, 10000) AS b WITH a, b "
        "WHERE a + b = -1 RETURN count(*) AS n")


def console(client: TestClient, query: str, **body: object) -> Any:
    return client.post("/admin/cypher", headers=ADMIN, json={"query": query, **body})


def test_a_second_console_statement_is_refused_not_queued(
        loaded_data: Path, tmp_path: Path) -> None:
    with serving(app_over_copy(loaded_data, tmp_path / "data")) as base, \
            httpx.Client(base_url=base, timeout=60) as http:
        first: dict[str, httpx.Response] = {}

        def run_slow() -> None:  # sent again while a probe below holds the console
            while True:
                first["response"] = http.post("/admin/cypher", headers=ADMIN,
                                              json={"query": SLOW, "timeout": 4.0})
                if first["response"].status_code != 429:
                    return

        running = threading.Thread(target=run_slow)
        running.start()
        try:
            second = None
            while running.is_alive():  # until the first holds the console
                second = http.post("/admin/cypher", headers=ADMIN,
                                   json={"query": "RETURN 1 AS one"})
                if second.status_code == 429:
                    break
            assert second is not None
            error = assert_error(second, 429, "busy")
            assert running.is_alive()  # answered while the first still runs
            assert "one at a time" in error["message"]
        finally:
            running.join()
        # The first ran into its timeout: a JSON error naming the statement.
        assert_error(first["response"], 422, "invalid_input")
        assert http.post("/admin/cypher", headers=ADMIN,
                         json={"query": "RETURN 1 AS one"}).status_code == 200


def test_rows_stop_at_the_cap_inside_the_store(client: TestClient, store: GraphStore) -> None:
    assert isinstance(store, FalkorDBStore)
    rows = store.read_only_query("UNWIND range(1, 3000000) AS i RETURN i")
    assert len(rows) == READ_ONLY_ROW_CAP and rows[-1] == {"i": READ_ONLY_ROW_CAP}
    found = console(client, "UNWIND range(1, 3000000) AS i RETURN i").json()
    assert len(found["rows"]) == 1000 and found["truncated"] is True


def test_columns_keep_the_statement_order(client: TestClient) -> None:
    found = console(client, "MATCH (r:Regulation) RETURN r.id AS zeta, count(r) AS alpha, "
                            "r.id // a comment at the end").json()
    # The store names an unaliased column by its text, a trailing comment included.
    assert found["columns"][:2] == ["zeta", "alpha"] and found["columns"][2].startswith("r.id")


@pytest.mark.parametrize("query", [
    "LOAD CSV FROM 'http://127.0.0.1:9/x.csv' AS row RETURN row",
    "load /* hidden */ csv with headers from 'file:///etc/passwd' as row return row",
    "MATCH (r:Regulation) WITH r LOAD CSV FROM r.id AS row RETURN row",
    "CALL dbms.procedures() YIELD name RETURN name",
    "CALL db.idx.fulltext.createNodeIndex('Article', 'text')",
    "CALL algo.BFS(null, 1, null) YIELD nodes RETURN nodes",
    "RETURN 1 AS one; RETURN 2 AS two",
])
def test_statements_reaching_outside_the_graph_are_refused(client: TestClient,
                                                            query: str) -> None:
    error = assert_error(console(client, query), 422, "invalid_input")
    assert error["details"]["field"] == "query"


@pytest.mark.parametrize("query", [
    "RETURN 'LOAD CSV FROM x' AS text, \"CALL dbms.x()\" AS other",
    "CALL db.labels()",
    "CALL db.labels() YIELD label RETURN label ORDER BY label",
    "CALL db.propertyKeys() YIELD propertyKey RETURN count(propertyKey) AS keys",
    "MATCH (n:Regulation) RETURN n.load AS load, n.call AS call LIMIT 1",
])
def test_look_alikes_and_allowed_procedures_run(client: TestClient, query: str) -> None:
    response = console(client, query)
    assert response.status_code == 200, response.text


def test_deep_nesting_is_a_json_error(client: TestClient) -> None:
    """The store parses nesting in exponential time (20 levels: 24 s), so deep statements and
    parameters are refused before they reach it; a result nested deeper than the API
    renders (built by the statement, not written in it) is refused too."""
    deep = assert_error(console(client, "RETURN " + "[" * 400 + "1" + "]" * 400 + " AS x"),
                        422, "invalid_input")
    assert deep["details"]["field"] == "query" and "nested" in deep["message"]
    value: object = 1
    for _ in range(400):
        value = [value]
    param = assert_error(console(client, "RETURN $x AS x", parameters={"x": value}),
                         422, "invalid_input")
    assert param["details"]["field"] == "parameters.x"
    built = assert_error(console(client, "RETURN reduce(x = 1, i IN range(1, 100) | [x]) AS x"),
                         422, "invalid_input")
    assert "nested deeper" in built["message"]
    assert console(client, "RETURN " + "[" * 8 + "1" + "]" * 8 + " AS x").status_code == 200


def test_integers_past_64_bits_are_refused_not_clamped(client: TestClient) -> None:
    error = assert_error(console(client, "RETURN $x AS x", parameters={"x": 2**64}),
                         422, "invalid_input")
    assert error["details"]["field"] == "parameters.x"
    nested = assert_error(console(client, "RETURN $x AS x", parameters={"x": [1, -(2**63) - 1]}),
                          422, "invalid_input")
    assert nested["details"]["field"] == "parameters.x"
    assert_error(console(client, "RETURN 92233720368547758070 AS x"), 422, "invalid_input")
    edge = console(client, "RETURN $x AS x", parameters={"x": 2**63 - 1}).json()
    assert edge["rows"] == [{"x": 2**63 - 1}]


def test_a_huge_collect_stops_at_the_stores_memory_cap(client: TestClient) -> None:
    """20 million values collected took +1.0 GB in the store (issue 12, finding 4); the
    store's QUERY_MEM_CAPACITY (512 MB) stops it, and the store answers after it."""
    for query in ("UNWIND range(1, 20000000) AS i RETURN size(collect(i)) AS n",
                  "RETURN size(range(1, 50000000)) AS n"):
        error = assert_error(console(client, query), 422, "invalid_input")
        assert error["details"]["field"] == "query" and "mem" in error["message"]
    assert console(client, "RETURN 1 AS one").json()["rows"] == [{"one": 1}]
