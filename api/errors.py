"""One error shape for every 4xx and 5xx:

    {"error": {"code": "not_found", "message": "...", "details": {...}}}

LiuhenError subclasses carry their status; FastAPI's own validation and HTTP errors are
rendered in the same shape, validation errors naming the field."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from liuhen.errors import LiuhenError

logger = logging.getLogger("liuhen.api")


class ErrorBody(BaseModel):
    code: str
    message: str
    details: dict[str, object] = {}


class ErrorResponse(BaseModel):
    error: ErrorBody


def error_response(status: int, code: str, message: str,
                   details: dict[str, object] | None = None) -> JSONResponse:
    body = ErrorResponse(error=ErrorBody(code=code, message=message, details=details or {}))
    return JSONResponse(status_code=status, content=body.model_dump(mode="json"))


_HTTP_CODES = {401: "unauthorized", 403: "forbidden", 404: "not_found",
               405: "method_not_allowed", 409: "conflict", 422: "invalid_input"}


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
    async def http_error(_: Request, error: StarletteHTTPException) -> JSONResponse:
        code = _HTTP_CODES.get(error.status_code, "http_error")
        return error_response(error.status_code, code, str(error.detail))

    @app.exception_handler(Exception)
    async def unexpected(_: Request, error: Exception) -> JSONResponse:
        logger.exception("unhandled error", exc_info=error)
        return error_response(500, "internal_error", "internal error; see the server log")
