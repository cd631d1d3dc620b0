"""schemathesis against the app's own OpenAPI schema: every operation, positive and negative
data, all of schemathesis' checks (no 5xx, status codes, content types, response schemas,
auth). At least 1,000 generated requests; slow, CI runs it."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis

# Imported here, at a shallow stack: schemathesis imports it lazily inside a check, deep in
# hypothesis's calls, and pytest's assertion rewriting then parses it there, which on CPython
# 3.11.7 once failed with "SystemError: AST constructor recursion depth mismatch" (CI, session
# 18: an interpreter error, not a finding about the API).
import schemathesis.specs.openapi.object_authorization
import schemathesis.wfc.escalation
from fastapi import FastAPI
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

from api.app import create_app
from tests.api.conftest import ADMIN, api_settings, loaded_app

# schemathesis imports schemathesis.wfc.escalation lazily, on the first case, deep inside
# hypothesis's stack; pytest rewrites the module's asserts there (schemathesis is a pytest
# plugin), and CPython 3.11.7's compiler raised "SystemError: AST constructor recursion depth
# mismatch" doing so in one CI run (session 14). Imported above, it is compiled at a shallow stack.

pytestmark = pytest.mark.slow

EXAMPLES_PER_OPERATION = 45
CALLS: Counter[str] = Counter()
STATUSES: Counter[int] = Counter()


class DeferredApp:
    """An ASGI app forwarding to the app a fixture makes later: the schema (and every
    operation schemathesis collects from it) is bound to an app at import time, but a data
    directory is only prepared when the tests run."""

    target: FastAPI | None = None

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        assert self.target is not None, "the fuzzed_app fixture has not run"
        await self.target(scope, receive, send)


DEFERRED = DeferredApp()
# The schema does not depend on the data: read it from an app that never starts.
schema = schemathesis.openapi.from_dict(create_app(api_settings(Path("/nonexistent"))).openapi())
schema.app = DEFERRED
schema.config.update(base_url="http://testserver")
schema.config.generation.update(max_examples=EXAMPLES_PER_OPERATION)


@pytest.fixture(scope="module")
def fuzzed_app(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[FastAPI]:
    """An app of its own: schemathesis starts its lifespan and writes incidents to it.

    When every operation of the schema was fuzzed in this run (not a -k selection), the
    totals are checked once the last of them is done: here, not in a test of their own,
    so that no test depends on others having run before it."""
    DEFERRED.target = loaded_app(tmp_path_factory.mktemp("fuzz"))
    yield DEFERRED.target
    selected = [item for item in request.session.items
                if getattr(item, "originalname", "") == "test_api_conforms_to_its_schema"]
    if len(selected) == len(list(schema.get_all_operations())):
        check_totals()


def named_by_the_service(response: schemathesis.Response) -> bool:
    """A 422 from the service, naming its field, for what no schema can state: an unknown
    organ, actor or case of an incident, a name several regulations share, a date in the
    future, a Cypher statement that does not parse. Validation against the schema itself
    answers {"errors": [...]} without a single "field"."""
    if response.status_code != 422:
        return False
    details = json.loads(response.content)["error"]["details"]
    return isinstance(details.get("field"), str)


@schemathesis.check
def schema_valid_data_accepted(
    ctx: schemathesis.CheckContext, response: schemathesis.Response, case: schemathesis.Case
) -> bool | None:
    """positive_data_acceptance, except for what only the service can judge (above)."""
    if named_by_the_service(response):
        return None
    return positive_data_acceptance(ctx, response, case)


@schema.parametrize()
@settings(deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case: schemathesis.Case, fuzzed_app: FastAPI) -> None:
    CALLS[case.operation.label] += 1
    response = case.call_and_validate(headers=ADMIN,
                                      # The admin key we send repairs the negative cases
                                      # that drop X-API-Key, so that check misfires.
                                      excluded_checks=[positive_data_acceptance,
                                                       negative_data_rejection],
                                      additional_checks=[schema_valid_data_accepted])
    STATUSES[response.status_code] += 1


def check_totals() -> None:
    """At least a thousand generated requests over 30 operations, none answered with a 5xx."""
    assert sum(CALLS.values()) >= 1000, CALLS
    assert len(CALLS) >= 30, sorted(CALLS)
    assert not any(status >= 500 for status in STATUSES), STATUSES
    print(f"{sum(CALLS.values())} generated requests over {len(CALLS)} operations; "
          f"statuses {dict(sorted(STATUSES.items()))}")
