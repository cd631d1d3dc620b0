"""OpenAPI documentation beyond what the routes declare: an example of each route's success
response, taken from a real run over the example data (api/examples.json, written by
``python -m api.examples``), and which routes need no key when ``public_read`` is on.

Examples are put into the finished schema rather than declared on the routes: FastAPI drops
``null`` values from declared examples, which would make them disagree with their models.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

EXAMPLES_FILE = Path(__file__).with_name("examples.json")

# Errors by kind of route: every route that reads the store can fail with 503; a key that
# is not known is 401 even on public routes; 422 comes with any parameter.
PUBLIC = (401, 422, 503)
READ = (401, 403, 422, 503)


@cache
def examples() -> dict[str, Any]:
    """Success examples by route name (operationId)."""
    try:
        loaded: dict[str, Any] = json.loads(EXAMPLES_FILE.read_text("utf-8"))
    except FileNotFoundError:
        return {}
    return loaded


def add_examples(schema: dict[str, Any]) -> None:
    """Put each route's example into its success response (201, else 200) in ``schema``."""
    for operations in schema["paths"].values():
        for operation in operations.values():
            example = examples().get(operation.get("operationId", ""))
            responses = operation.get("responses", {})
            success = responses.get("201") or responses.get("200")
            if example is None or success is None:
                continue
            media = success.get("content", {}).get("application/json")
            if media is not None:
                media["example"] = example


def mark_optional_security(schema: dict[str, Any], public: set[tuple[str, str]]) -> None:
    """An empty requirement beside the key on the (method, path) operations in ``public``:
    they take a key but do not need one."""
    for method, path in public:
        operation = schema["paths"].get(path, {}).get(method)
        if operation is not None and operation.get("security"):
            operation["security"] = [{}, *operation["security"]]
