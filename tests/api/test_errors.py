"""The one error shape, pinned: every 4xx and 5xx the API answers is
``{"error": {"code", "message", "details"}}``, whatever raised it."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.app import create_app
from api.errors import install_error_handlers
from core.errors import BackendError, ParseError
from core.settings import Settings
from tests.api.conftest import READER, RECORDER, assert_error


def test_not_found_is_pinned(client: TestClient) -> None:
    response = client.get("/incidents/i999", headers=READER)
    assert response.status_code == 404
    assert response.json() == {
        "error": {"code": "not_found", "message": "no incident 'i999'", "details": {}}
    }


def test_validation_error_is_pinned(client: TestClient) -> None:
    response = client.get("/search", params={"q": "说情", "top": 0})
    assert response.status_code == 422
    assert response.json() == {
        "error": {
            "code": "invalid_input",
            "message": "query.top: Input should be greater than or equal to 1",
            "details": {"errors": [{"field": "query.top",
                                    "message": "Input should be greater than or equal to 1"}]},
        }
    }


def test_auth_errors_are_pinned(client: TestClient) -> None:
    assert client.get("/incidents").json() == {"error": {
        "code": "unauthorized",
        "message": "this resource needs an API key (header X-API-Key)", "details": {}}}
    assert client.get("/incidents", headers={"X-API-Key": "guess"}).json() == {"error": {
        "code": "unauthorized", "message": "unknown API key (header X-API-Key)",
        "details": {}}}
    assert client.post("/admin/cypher", json={"query": "RETURN 1"},
                       headers=RECORDER).json() == {"error": {
        "code": "forbidden", "message": "this needs the admin role; the key has recorder",
        "details": {}}}


def test_service_input_error_names_the_field(client: TestClient) -> None:
    error = assert_error(client.get("/regulations/规定"), 422, "invalid_input")  # which one?
    assert error["details"]["field"] == "regulation"


def test_unknown_path_and_method(client: TestClient) -> None:
    assert_error(client.get("/no/such/route"), 404, "not_found")
    response = client.delete("/regulations/R1")
    assert_error(response, 405, "method_not_allowed")
    assert response.headers["allow"] == "GET"


def test_malformed_json_body(client: TestClient) -> None:
    response = client.post("/applicable", content=b"{not json",
                           headers={"content-type": "application/json"})
    error = assert_error(response, 422, "invalid_input")
    assert error["details"]["errors"][0]["field"].startswith("body")


@pytest.fixture(scope="module")
def bare() -> TestClient:
    """Handlers alone, on routes that raise what the services may raise."""
    app = FastAPI()
    install_error_handlers(app)

    @app.get("/backend")
    def backend() -> None:
        raise BackendError("graph store at falkordb+embedded:///x failed on ping: refused",
                           details={"uri": "falkordb+embedded:///x"})

    @app.get("/parse")
    def parse() -> None:
        raise ParseError("no articles", file=Path("r9.txt"), line=3)

    @app.get("/bug")
    def bug() -> None:
        raise RuntimeError("a bug: secret internals must not leak")

    return TestClient(app, raise_server_exceptions=False)


def test_backend_error(bare: TestClient) -> None:
    error = assert_error(bare.get("/backend"), 503, "backend_unavailable")
    assert error["details"] == {"uri": "falkordb+embedded:///x"}


def test_error_with_file_and_line(bare: TestClient) -> None:
    error = assert_error(bare.get("/parse"), 422, "parse_error")
    assert error["details"] == {"file": "r9.txt", "line": 3, "field": None}


def test_unexpected_error_hides_its_text(bare: TestClient) -> None:
    error = assert_error(bare.get("/bug"), 500, "internal_error")
    assert "secret" not in error["message"] and error["details"] == {}


def test_not_started_is_a_backend_error(tmp_path: Path) -> None:
    """Served without its lifespan (so without a store), the app says so in the shape."""
    unstarted = TestClient(create_app(Settings(data_dir=tmp_path)))  # no `with`: no lifespan
    error = assert_error(unstarted.get("/regulations/R1"), 503, "backend_unavailable")
    assert "lifespan" in error["message"]
