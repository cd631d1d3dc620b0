"""One error shape for every 4xx and 5xx:

    {"error": {"code": "not_found", "message": "...", "details": {...}}}

LiuhenError subclasses carry their status; FastAPI's own validation and HTTP errors are
rendered in the same shape, validation errors naming the field."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from core.errors import LiuhenError

logger = logging.getLogger("liuhen.api")


class ErrorBody(BaseModel):
    code: str
    message: str
    details: dict[str, object] = {}


class ErrorResponse(BaseModel):
    error: ErrorBody


def error_response(status: int, code: str, message: str,
                   details: dict[str, object] | None = None,
                   headers: Mapping[str, str] | None = None) -> JSONResponse:
    body = ErrorResponse(error=ErrorBody(code=code, message=message, details=details or {}))
    return JSONResponse(status_code=status, content=body.model_dump(mode="json"),
                        headers=dict(headers) if headers else None)


_HTTP_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
               405: "method_not_allowed", 409: "conflict", 413: "too_large",
               414: "uri_too_long", 422: "invalid_input", 429: "busy"}


def allowed_methods(app: FastAPI, path: str) -> list[str]:
    """Every method some route of ``app`` answers on ``path``."""
    methods: set[str] = set()
    for route in app.routes:
        included = getattr(route, "original_router", None)  # an included APIRouter
        for inner in included.routes if included is not None else [route]:
            regex = getattr(inner, "path_regex", None)
            if regex is not None and regex.match(path):
                methods |= set(getattr(inner, "methods", None) or ())
    return sorted(methods)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(LiuhenError)
    async def liuhen_error(_: Request, error: LiuhenError) -> JSONResponse:
        return error_response(error.status_code, error.code, error.message, error.details)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, error: RequestValidationError) -> JSONResponse:
        problems = [
            {"field": ".".join(str(part) for part in e["loc"]), "message": e["msg"]}
            for e in error.errors()
        ]
        first = problems[0] if problems else {"field": "?", "message": "invalid"}
        return error_response(
            422, "invalid_input", f"{first['field']}: {first['message']}", {"errors": problems}
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> JSONResponse:
        code = _HTTP_CODES.get(error.status_code, "http_error")
        headers = dict(error.headers or {})
        if error.status_code == 405:
            # Starlette names only the first route matching the path; list every method.
            headers["Allow"] = ", ".join(allowed_methods(request.app, request.url.path)) \
                or headers.get("Allow", "")
        return error_response(error.status_code, code, str(error.detail), headers=headers)

    @app.exception_handler(Exception)
    async def unexpected(_: Request, error: Exception) -> JSONResponse:
        logger.exception("unhandled error", exc_info=error)
        return error_response(500, "internal_error", "internal error; see the server log")


# Documented error responses, one example each (in the words the API really uses).
_EXAMPLES: dict[int, tuple[str, str, str, dict[str, object]]] = {
    400: ("请求体无法解析（不是 UTF-8 的 JSON）", "bad_request",
          "There was an error parsing the body", {}),
    401: ("没有或无效的 API 密钥", "unauthorized",
          "this resource needs an API key (header X-API-Key)", {}),
    403: ("密钥的角色不够", "forbidden", "this needs the recorder role; the key has reader", {}),
    404: ("所查对象不存在", "not_found",
          "《领导干部干预司法活动、插手具体案件处理的记录、通报和责任追究规定》 has no 第九十九条 "
          "(it has 第一条 to 第十四条)", {}),
    409: ("与已记录的内容冲突", "conflict",
          "incident 'i001' is already recorded with other content; records are append-only: "
          "record a correction of 'i001' instead", {"field": "body.id"}),
    422: ("输入不合法（指明字段）", "invalid_input",
          "query.top: Input should be less than or equal to 50", {"errors": [{"field": "query.top",
                                "message": "Input should be less than or equal to 50"}]}),
    429: ("另一条控制台语句正在运行（一次只运行一条）", "busy",
          "another console statement is running; the console runs one at a time: send it "
          "again when that one is done", {"field": "body.query"}),
    503: ("图数据库或模型不可用", "backend_unavailable",
          "graph store at falkordb+embedded:///srv/liuhen/falkordb failed on article: "
          "Connection refused", {}),
}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` for the errors a route can answer, all in the one shape."""
    out: dict[int | str, dict[str, Any]] = {}
    for status in statuses:
        description, code, message, details = _EXAMPLES[status]
        example = {"error": {"code": code, "message": message, "details": details}}
        out[status] = {
            "model": ErrorResponse,
            "description": description,
            "content": {"application/json": {"example": example}},
        }
    return out
