"""Health, integrity and the admin's read-only Cypher console."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.state import Services
from graph.queries import Query
from graph.store import GraphStore
from tests.api.conftest import ADMIN, READER, RECORDER, assert_error, counts, loaded_app
from tests.graph.contract import WRITES


def test_health_needs_no_key(client: TestClient) -> None:
    client.get("/search", params={"q": "说情"})  # the index is loaded from here on
    found = client.get("/health").json()
    assert found["status"] == "ok"
    assert found["graph"]["ok"] is True and found["graph"]["backend"] == "falkordb"
    assert found["model"] == {"name": "hash-32", "status": "loaded", "query_engine": None}
    index = found["index"]
    assert index["status"] == "ready" and index["regulations"] == 4 and index["dense"] is True
    assert index["articles"] == 98 and index["units"] > index["articles"]


def test_integrity(client: TestClient) -> None:
    assert_error(client.get("/integrity"), 401, "unauthorized")
    found = client.get("/integrity", headers=READER).json()
    assert found["ok"] is True and found["problems"] == [] and found["records"] >= 71


def test_integrity_reports_an_altered_record(tmp_path_factory: pytest.TempPathFactory) -> None:
    """An incident edited behind the API's back shows as altered (an app of its own: this
    test writes to the graph directly)."""
    edit = Query("test_edit_payload", "MATCH (i:Incident {id: $id}) SET i.payload = $payload",
                 ("id", "payload"), readonly=False)
    with TestClient(loaded_app(tmp_path_factory.mktemp("tamper"))) as tampered:
        services: Services = tampered.app.state.services  # type: ignore[attr-defined]
        services.store.write(edit, {"id": "i001",
                                    "payload": '{"id": "i001", "request": "改过的"}'})
        found = tampered.get("/integrity", headers=READER).json()
    assert found["ok"] is False
    assert ("altered", "i001") in {(p["kind"], p["record_id"]) for p in found["problems"]}


def test_admin_console_reads(client: TestClient) -> None:
    response = client.post("/admin/cypher", headers=ADMIN, json={
        "query": "MATCH (r:Regulation {id: $id})-[:HAS_ARTICLE]->(a:Article) "
                 "RETURN a.label AS label, a AS article ORDER BY a.position LIMIT 2",
        "parameters": {"id": "领导干部干预司法活动、插手具体案件处理的记录、通报和责任追究规定"},
    })
    assert response.status_code == 200, response.text
    found = response.json()
    assert found["columns"] == ["label", "article"] and found["truncated"] is False
    assert [r["label"] for r in found["rows"]] == ["第一条", "第二条"]
    assert found["rows"][0]["article"]["labels"] == ["Article"]
    odd = client.post("/admin/cypher", headers=ADMIN,
                      json={"query": "RETURN 0.0 / 0.0 AS nan, 1.0 / 0.0 AS inf"}).json()
    assert isinstance(odd["rows"][0]["nan"], str)  # NaN is not JSON
    many = client.post("/admin/cypher", headers=ADMIN,
                       json={"query": "UNWIND range(1, 1500) AS i RETURN i"}).json()
    assert len(many["rows"]) == 1000 and many["truncated"] is True


@pytest.mark.parametrize("statement", WRITES)
def test_admin_console_writes_are_refused_by_the_database(
    client: TestClient, store: GraphStore, statement: str
) -> None:
    before = counts(store)
    response = client.post("/admin/cypher", headers=ADMIN, json={"query": statement})
    assert_error(response, 403, "write_refused")
    assert counts(store) == before


def test_admin_console_needs_admin(client: TestClient) -> None:
    body = {"query": "RETURN 1 AS one"}
    assert_error(client.post("/admin/cypher", json=body), 401, "unauthorized")
    assert_error(client.post("/admin/cypher", json=body, headers=READER), 403, "forbidden")
    assert_error(client.post("/admin/cypher", json=body, headers=RECORDER), 403, "forbidden")


@pytest.mark.parametrize(
    ("body", "field"),
    [
        pytest.param({"query": "MATCH ("}, "query", id="syntax"),
        pytest.param({"query": "RETURN $x AS x", "parameters": {"x y": 1}}, "parameters",
                     id="parameter-name"),
        pytest.param({"query": ""}, "body.query", id="empty"),
        pytest.param({"query": "RETURN 1", "timeout": 99}, "body.timeout", id="timeout"),
    ],
)
def test_admin_console_bad_statements(client: TestClient, body: dict[str, object],
                                      field: str) -> None:
    error = assert_error(client.post("/admin/cypher", headers=ADMIN, json=body),
                         422, "invalid_input")
    found = error["details"].get("field") or error["details"]["errors"][0]["field"]
    assert found == field
