"""The OpenAPI schema is complete: every route has a summary (in Chinese), a description,
request and response models, documented errors in the one shape, and a Chinese example of
its success response that validates against the response model."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from pydantic import TypeAdapter

from api.app import ROUTERS
from api.docs import examples

CJK = re.compile(r"[\u4e00-\u9fff]")
ROUTES = [r for router in ROUTERS for r in router.routes if isinstance(r, APIRoute)]
BINARY = {"organ_summary_chart", "all_organs_summary_chart"}
NO_TEXT = {"integrity"}  # counts and hashes only: nothing in it is written in Chinese


@pytest.fixture(scope="module")
def schema(client: TestClient) -> dict[str, Any]:
    found: dict[str, Any] = client.get("/openapi.json").json()
    return found


def operations(schema: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [(method, path, op) for path, ops in schema["paths"].items()
            for method, op in ops.items()]


def test_every_route_is_in_the_schema(schema: dict[str, Any]) -> None:
    ids = {op["operationId"] for _, _, op in operations(schema)}
    assert ids == {route.name for route in ROUTES}
    assert len(ids) >= 30


def test_summaries_descriptions_and_models(schema: dict[str, Any]) -> None:
    for method, path, op in operations(schema):
        where = f"{method.upper()} {path}"
        assert op.get("summary") and CJK.search(op["summary"]), where
        assert op.get("description"), where
        success = op["responses"].get("201") or op["responses"]["200"]
        content = success["content"]
        assert any(media.get("schema") for media in content.values()), where
        if op["operationId"] not in BINARY:
            assert "$ref" in str(content["application/json"]["schema"]) or \
                content["application/json"]["schema"].get("type") == "array", where
        if method == "post":
            body = op["requestBody"]["content"]["application/json"]
            assert "$ref" in str(body["schema"]), where
            assert body.get("examples"), where
            assert all(CJK.search(str(e["value"])) for e in body["examples"].values()), where


def test_errors_are_documented_in_the_one_shape(schema: dict[str, Any]) -> None:
    assert "HTTPValidationError" not in schema["components"]["schemas"]
    for method, path, op in operations(schema):
        errors = {status: r for status, r in op["responses"].items() if status >= "400"}
        assert errors, f"{method} {path}"
        for response in errors.values():
            media = response["content"]["application/json"]
            assert media["schema"] == {"$ref": "#/components/schemas/ErrorResponse"}
            assert set(media["example"]["error"]) == {"code", "message", "details"}
        if op.get("parameters") or op.get("requestBody"):
            assert "422" in errors, f"{method} {path}"
        if op.get("security"):
            assert "401" in errors, f"{method} {path}"


def test_every_route_has_a_chinese_example_valid_for_its_model(
    schema: dict[str, Any]
) -> None:
    by_name = {route.name: route for route in ROUTES}
    for _, _, op in operations(schema):
        name = op["operationId"]
        if name in BINARY:
            continue
        example = examples().get(name)
        assert example is not None, f"no example for {name}: run python -m api.examples"
        assert name in NO_TEXT or CJK.search(str(example)), name
        media = (op["responses"].get("201") or op["responses"]["200"])["content"]
        assert media["application/json"]["example"] == example
        TypeAdapter(by_name[name].response_model).validate_python(example)


def test_parameters_are_described(schema: dict[str, Any]) -> None:
    """Path parameters carry a description and an example; query parameters are typed."""
    for method, path, op in operations(schema):
        for parameter in op.get("parameters", []):
            where = f"{method.upper()} {path} {parameter['name']}"
            assert parameter["schema"], where
            if parameter["in"] == "path":
                assert parameter.get("description") or parameter["schema"].get("description"), \
                    where
                assert parameter.get("examples") or parameter["schema"].get("examples"), where


def test_public_routes_say_the_key_is_optional(schema: dict[str, Any]) -> None:
    public = schema["paths"]["/regulations/{regulation}/articles/{article}"]["get"]
    assert public["security"] == [{}, {"APIKeyHeader": []}]
    private = schema["paths"]["/incidents"]["get"]
    assert private["security"] == [{"APIKeyHeader": []}]
    assert "security" not in schema["paths"]["/health"]["get"]
