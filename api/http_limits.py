"""Bounds on what reaches the app, answered in the one JSON error shape:

- :class:`RequestLimits` (ASGI middleware): a URL over ``MAX_URL_BYTES`` is answered 414, a
  body over ``MAX_BODY_BYTES`` 413, before anything reads or parses it (by its
  Content-Length, or by counting a chunked body as it arrives);
- :data:`HTTP_PROTOCOL`: uvicorn's HTTP protocol, answering a request it cannot parse (raw
  bytes in the request line, a malformed header, a URL over the bound while it arrives)
  in JSON rather than uvicorn's plain text. ``liuhen serve`` and ``serving`` use it.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.protocols.http.h11_impl import H11Protocol

MAX_URL_BYTES = 8 * 1024
MAX_BODY_BYTES = 1024 * 1024


def error_body(code: str, message: str, details: dict[str, object] | None = None) -> bytes:
    """The one error shape (api/errors.py) as bytes, for answers sent below the app."""
    return json.dumps({"error": {"code": code, "message": message, "details": details or {}}},
                      ensure_ascii=False).encode()


async def send_error(send: Send, status: int, code: str, message: str,
                     details: dict[str, object]) -> None:
    body = error_body(code, message, details)
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
        (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


def too_large_message(limit: int) -> str:
    return f"the request body is over {limit:,} bytes; send less"


class RequestLimits:
    """Refuse long URLs (414) and large bodies (413) in the error shape, before the app
    reads them."""

    def __init__(self, app: ASGIApp, *, max_url_bytes: int = MAX_URL_BYTES,
                 max_body_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_url_bytes = max_url_bytes
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        raw_path: bytes = scope.get("raw_path") or scope["path"].encode()
        url_bytes = len(raw_path) + len(scope.get("query_string", b""))
        if url_bytes > self.max_url_bytes:
            await send_error(send, 414, "uri_too_long",
                             f"the URL is {url_bytes:,} bytes, over {self.max_url_bytes:,}",
                             {"field": "url"})
            return
        declared = _content_length(scope)
        if declared == -1:
            await send_error(send, 400, "bad_request",
                             "the Content-Length header is not a number of bytes",
                             {"field": "header.content-length"})
            return
        if declared is not None and declared > self.max_body_bytes:
            await send_error(send, 413, "too_large", too_large_message(self.max_body_bytes),
                             {"field": "body", "limit": self.max_body_bytes})
            return
        await self.app(scope, self._counting(receive), send)

    def _counting(self, receive: Receive) -> Receive:
        """``receive`` that stops a body (chunked, or longer than declared) at the bound:
        the route reading it answers 413 in the error shape."""
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body_bytes:
                    raise HTTPException(413, too_large_message(self.max_body_bytes))
            return message

        return counted


def _content_length(scope: Scope) -> int | None:
    """The declared body length; None when not declared, -1 when not a number."""
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            text = value.decode("latin-1")
            return int(text) if text.isascii() and text.isdigit() else -1
    return None


class JsonH11Protocol(H11Protocol):
    """uvicorn's h11 protocol, answering a request it cannot parse in the error shape."""

    refused = False

    def data_received(self, data: bytes) -> None:
        if not self.refused:  # else: the rest of a refused request, dropped (_answer_and_close)
            super().data_received(data)

    def send_400_response(self, msg: str) -> None:
        _send_unparsable(self, msg)


# How long the rest of a refused request is read and dropped before the connection is closed.
LINGER_S = 2.0


def _answer_and_close(protocol: Any, answer: bytes) -> None:
    """Write ``answer`` and close the connection without losing it. Closing a socket while
    request bytes are still unread makes the kernel send a reset, which can reach the client
    before the answer and destroy it (18 of 300 long-URL requests under load, session 18). So:
    the answer, then the end of our side (FIN); what still arrives is read and dropped
    (``refused``), and the connection closes when the client closes it or LINGER_S passes."""
    protocol.refused = True
    transport = protocol.transport
    transport.write(answer)
    if transport.can_write_eof():
        transport.write_eof()
        protocol.loop.call_later(LINGER_S, transport.close)
    else:
        transport.close()


def _send_unparsable(protocol: Any, msg: str) -> None:
    body = error_body("bad_request", f"the request is not valid HTTP/1.1 ({msg.rstrip('.')}): "
                      "check the request line (method, URL without raw spaces or control "
                      "bytes, version) and the headers", {"field": "request"})
    head = (b"HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\n"
            b"content-length: " + str(len(body)).encode() + b"\r\nconnection: close\r\n\r\n")
    _answer_and_close(protocol, head + body)


HTTP_PROTOCOL: type[Any]
try:
    import httptools
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

    class JsonHttpToolsProtocol(HttpToolsProtocol):
        """uvicorn's httptools protocol, answering a request it cannot parse in the error
        shape, and a URL over MAX_URL_BYTES (while it arrives, not after) with 414."""

        url_too_long = False
        refused = False

        def data_received(self, data: bytes) -> None:
            if not self.refused:  # else: the rest of a refused request, dropped
                super().data_received(data)

        def on_url(self, url: bytes) -> None:
            super().on_url(url)
            if len(self.url) > MAX_URL_BYTES:
                self.url_too_long = True
                raise httptools.HttpParserCallbackError("URL too long")

        def send_400_response(self, msg: str) -> None:
            if not self.url_too_long:
                _send_unparsable(self, msg)
                return
            body = error_body("uri_too_long", f"the URL is over {MAX_URL_BYTES:,} bytes",
                              {"field": "url"})
            _answer_and_close(self, (
                b"HTTP/1.1 414 URI Too Long\r\ncontent-type: application/json\r\n"
                b"content-length: " + str(len(body)).encode() + b"\r\nconnection: close\r\n\r\n"
                + body))

    HTTP_PROTOCOL = JsonHttpToolsProtocol
except ImportError:  # uvicorn without httptools: h11
    HTTP_PROTOCOL = JsonH11Protocol
