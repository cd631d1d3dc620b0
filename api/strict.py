"""Query integers taken as written, never silently mended: pydantic's lax mode would strip
the spaces around ``"5 "`` and read ``+5`` as 5, so a client's mistake would pass unseen.
Such values are refused with the field named, in the one error shape."""

from __future__ import annotations

import re
import types
import typing
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute

from api.deps import query_params

#: What a query integer may look like: digits, a minus sign for negatives; no "+", spaces,
#: underscores or leading zeros past the first digit.
INTEGER = re.compile(r"-?(?:0|[1-9][0-9]*)")

_INT_NAMES: dict[int, frozenset[str]] = {}  # by id(route): routes are not hashable


def _takes_int(annotation: Any) -> bool:
    if annotation is int:
        return True
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _takes_int(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return any(_takes_int(arg) for arg in typing.get_args(annotation))
    return False


def _integer_query_names(route: APIRoute) -> frozenset[str]:
    known = _INT_NAMES.get(id(route))
    if known is None:
        known = _INT_NAMES[id(route)] = frozenset(
            p.alias for p in query_params(route) if _takes_int(p.field_info.annotation))
    return known


def _problem(location: str, name: str, message: str) -> dict[str, Any]:
    return {"loc": (location, name), "msg": message, "type": "value_error"}


async def reject_lenient_values(request: Request) -> None:
    """Refuse a query integer with spaces around it or written other than as digits with an
    optional minus sign (``+5``, ``5.0``, ``1_000``). Ids in paths and query strings are
    taken as sent (the schema allows any string there: one with spaces is simply not found);
    ids in bodies are held to their pattern (api/models.py)."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    problems: list[dict[str, Any]] = []
    integers = _integer_query_names(route)
    for name, value in request.query_params.multi_items():
        if name in integers and value != value.strip():
            problems.append(_problem("query", name, "spaces before or after the value are "
                                     "not taken (they would be dropped silently)"))
        elif name in integers and not INTEGER.fullmatch(value):
            problems.append(_problem("query", name, "an integer written as digits, such as 5 "
                                     "or -5 (not +5, 5.0 or 1_000)"))
    if problems:
        raise RequestValidationError(problems)
