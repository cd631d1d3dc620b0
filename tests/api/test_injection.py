"""Injection payloads in every string parameter of every route (path and query, taken from
the app's own OpenAPI schema) and in every string field of the request bodies change
nothing: the graph counts are identical before and after, and no request fails with 5xx."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from graph.store import GraphStore
from tests.api.conftest import ADMIN, NEW_INCIDENT, counts

PAYLOADS = [
    '"}) DETACH DELETE n //',
    "') MATCH (n) DETACH DELETE n //",
    "x` MATCH (n) DETACH DELETE n //",
    "' OR 1=1 --",
    "R1'}) MATCH (n) SET n.hacked = true RETURN n //",
    "$id",
    "\\",
    "CALL db.idx.fulltext.drop('Article')",
    "\x00nul",
    "{{7*7}} ../../etc/passwd <script>",
]


def string_parameters(schema: dict[str, Any]) -> list[tuple[str, str, dict[str, Any], str]]:
    """(method, path, operation, parameter name) for every string path/query parameter."""
    found = []
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            for parameter in operation.get("parameters", []):
                if _is_string(parameter["schema"]) and parameter["in"] in {"path", "query"}:
                    found.append((method.upper(), path, operation, parameter["name"]))
    return found


def _is_string(schema: dict[str, Any]) -> bool:
    options = schema.get("anyOf", [schema])
    return any(o.get("type") == "string" or (o.get("type") == "array"
               and o.get("items", {}).get("type") == "string") for o in options)


def _example(parameter: dict[str, Any]) -> Any:
    schema = parameter["schema"]
    for source in (parameter, schema):
        if source.get("examples"):
            return source["examples"][0]
    return None


def request_for(path: str, operation: dict[str, Any], name: str,
                payload: str) -> tuple[str, dict[str, Any]]:
    """The URL and query with ``payload`` in parameter ``name``, the others at their
    examples (required ones) or left out."""
    query: dict[str, Any] = {}
    for parameter in operation.get("parameters", []):
        value = payload if parameter["name"] == name else _example(parameter)
        if value is None or (parameter["name"] != name and not parameter.get("required")):
            continue
        if parameter["in"] == "path":
            path = path.replace("{" + parameter["name"] + "}", quote(str(value), safe=""))
        elif parameter["in"] == "query":
            query[parameter["name"]] = value
    return path, query


def test_every_string_parameter(client: TestClient, store: GraphStore) -> None:
    schema = client.get("/openapi.json").json()
    targets = string_parameters(schema)
    assert len(targets) >= 30  # every resource's ids, names and filters
    before = counts(store)
    for method, path, operation, name in targets:
        for payload in PAYLOADS:
            url, query = request_for(path, operation, name, payload)
            body = {"text": payload} if path == "/applicable" else None
            response = client.request(method, url, params=query, json=body, headers=ADMIN)
            assert response.status_code < 500, (method, url, query, response.text)
    assert counts(store) == before


@pytest.mark.parametrize("field", ["organ", "case", "intervener", "handler", "instigator",
                                   "recorded_by", "in_name_of", "corrects"])
def test_incident_reference_fields(client: TestClient, store: GraphStore, field: str) -> None:
    """An injected id is an unknown reference: refused, nothing written."""
    before = counts(store)
    for payload in PAYLOADS:
        body = NEW_INCIDENT | {"id": f"inj-{field}", field: payload}
        response = client.post("/incidents", json=body, headers=ADMIN)
        assert response.status_code == 422, (field, payload, response.text)
    assert counts(store) == before


def test_incident_text_fields_are_stored_verbatim(
    writer: TestClient, writer_store: GraphStore
) -> None:
    """Injected free text is just text: each incident adds exactly what a plain one adds, and
    reads back as sent; injected as an id it is refused and nothing is written."""
    def delta(body: dict[str, Any]) -> dict[str, int]:
        before = counts(writer_store)
        response = writer.post("/incidents", json=body, headers=ADMIN)
        assert response.status_code == 201, response.text
        after = counts(writer_store)
        return {k: after.get(k, 0) - before.get(k, 0) for k in after.keys() | before.keys()}

    plain = delta(NEW_INCIDENT | {"id": "inj-plain", "occurred_at": "2025-01-01T10:00:00",
                                  "recorded_at": "2025-01-02T10:00:00"})
    for number, payload in enumerate(p for p in PAYLOADS if "\x00" not in p):
        incident_id = f"inj-text-{number}"
        body = NEW_INCIDENT | {"id": incident_id, "request": payload, "description": payload,
                               "place": payload, "occurred_at": "2025-01-01T10:00:00",
                               "recorded_at": "2025-01-02T10:00:00"}
        assert delta(body) == plain
        stored = writer.get(f"/incidents/{incident_id}", headers=ADMIN).json()
        assert (stored["request"], stored["description"]) == (payload.strip(), payload.strip())
        # An injected id is refused before the store (issue 12: ids are path-safe and bounded).
        before = counts(writer_store)
        as_id = NEW_INCIDENT | {"id": f"{payload} {number}", "occurred_at": "2025-01-01T10:00:00",
                                "recorded_at": "2025-01-02T10:00:00"}
        refused = writer.post("/incidents", json=as_id, headers=ADMIN)
        assert refused.status_code == 422, refused.text
        assert refused.json()["error"]["details"]["errors"][0]["field"] == "body.id"
        assert counts(writer_store) == before


def test_console_payloads_change_nothing(client: TestClient, store: GraphStore) -> None:
    before = counts(store)
    for payload in PAYLOADS:
        for body in ({"query": payload}, {"query": "RETURN $p AS p", "parameters": {"p": payload}},
                     {"query": "RETURN 1 AS one", "parameters": {payload: 1}}):
            response = client.post("/admin/cypher", json=body, headers=ADMIN)
            assert response.status_code in {200, 403, 422}, (body, response.text)
    assert counts(store) == before
