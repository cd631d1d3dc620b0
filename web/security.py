"""Sessions, CSRF tokens and the security headers of the web pages.

A session is a signed cookie (HMAC-SHA256), ``HttpOnly``, ``SameSite=Strict``, expiring
after :data:`SESSION_SECONDS`. It carries a random nonce (the CSRF token is an HMAC of it)
and, after login, the role and a SHA-256 fingerprint of the API key: a key removed from
LIUHEN_API_KEYS ends every session opened with it, at the next request.

The signing secret is LIUHEN_WEB_SECRET when set (sessions then survive a restart and are
shared by several processes), else random per process.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass, replace

from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.auth import Role, parse_grant

COOKIE = "liuhen_session"
SESSION_SECONDS = 8 * 3600
CSRF_FIELD = "csrf_token"
STATIC_PREFIX = "/ui/static/"

#: Everything from the app itself; no inline script or style; no framing.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def _secret() -> bytes:
    configured = os.environ.get("LIUHEN_WEB_SECRET", "")
    return configured.encode() if configured else secrets.token_bytes(32)


SECRET = _secret()


def key_fingerprint(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@dataclass(frozen=True)
class Session:
    nonce: str
    issued: float
    role: str | None = None
    key: str | None = None  # fingerprint of the API key, never the key

    @classmethod
    def fresh(cls) -> Session:
        return cls(nonce=secrets.token_urlsafe(18), issued=time.time())

    @property
    def csrf_token(self) -> str:
        return hmac.new(SECRET, b"csrf:" + self.nonce.encode(), hashlib.sha256).hexdigest()

    def check_csrf(self, token: str | None) -> bool:
        return token is not None and hmac.compare_digest(token, self.csrf_token)

    def logged_in(self, role: Role, fingerprint: str) -> Session:
        """A new session (new nonce: a token seen before login is worthless after it)."""
        return replace(Session.fresh(), role=role.name.lower(), key=fingerprint)

    def encode(self) -> str:
        payload = base64.urlsafe_b64encode(json.dumps(
            {"n": self.nonce, "t": self.issued, "r": self.role, "k": self.key},
            separators=(",", ":")).encode()).decode().rstrip("=")  # no quoting needed
        return f"{payload}.{_sign(payload)}"

    @classmethod
    def decode(cls, value: str | None, *, now: float | None = None) -> Session | None:
        """The session a cookie holds; None when unsigned, altered or expired."""
        if not value or "." not in value:
            return None
        payload, signature = value.rsplit(".", 1)
        if not hmac.compare_digest(signature, _sign(payload)):
            return None
        try:
            data = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
            session = cls(nonce=str(data["n"]), issued=float(data["t"]), role=data["r"],
                          key=data["k"])
        except (ValueError, KeyError, TypeError):
            return None
        if (now or time.time()) - session.issued > SESSION_SECONDS:
            return None
        return session


def _sign(payload: str) -> str:
    return hmac.new(SECRET, b"session:" + payload.encode(), hashlib.sha256).hexdigest()


def current_grant(session: Session, api_keys: Mapping[str, str]
                  ) -> tuple[Role, frozenset[str] | None]:
    """The role of the session's key and the organs it records for (None: every organ), if
    that key is still configured; else PUBLIC. A grant is read as the API reads it
    (``api.auth.parse_grant``: ``"recorder:organ1,organ2"`` is a recorder bound to two)."""
    if session.role is None or session.key is None:
        return Role.PUBLIC, None
    for key, grant in api_keys.items():
        if hmac.compare_digest(key_fingerprint(key), session.key):
            try:
                return parse_grant(grant)
            except KeyError:
                return Role.PUBLIC, None
    return Role.PUBLIC, None


def current_role(session: Session, api_keys: Mapping[str, str]) -> Role:
    """The role of the session's key, if that key is still configured; else PUBLIC."""
    return current_grant(session, api_keys)[0]


def role_of_key(key: str, api_keys: Mapping[str, str]) -> Role | None:
    """The role an API key has (compared in constant time), or None when unknown."""
    for known, grant in api_keys.items():
        if hmac.compare_digest(known.encode(), key.encode()):
            try:
                return parse_grant(grant)[0]
            except KeyError:
                return None
    return None


def set_cookie(response: Response, session: Session, *, secure: bool) -> None:
    response.set_cookie(COOKIE, session.encode(), max_age=SESSION_SECONDS, path="/ui",
                        httponly=True, samesite="strict", secure=secure)


def clear_cookie(response: Response) -> None:
    response.delete_cookie(COOKIE, path="/ui", httponly=True, samesite="strict")


class SessionMiddleware:
    """Every page gets the security headers and the session its cookie holds (None when the
    cookie is missing, altered or old: a fresh one is made only when a page needs it, for a
    CSRF token, see web.site.session_of); a new or replaced session is sent back. Static
    files get the headers and a day's caching, no session.

    Plain ASGI rather than ``@app.middleware``: Starlette's BaseHTTPMiddleware runs each
    response through a task and a stream, which cost more than the whole article page."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        static = request.url.path.startswith(STATIC_PREFIX)
        state = scope.setdefault("state", {})
        if not static:
            state["session"] = Session.decode(request.cookies.get(COOKIE))
            state["session_changed"] = False

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS.items():
                    if name not in headers:
                        headers[name] = value
                if static:
                    headers["Cache-Control"] = "public, max-age=86400"
                else:
                    if "cache-control" not in headers:
                        headers["Cache-Control"] = "no-store"
                    session: Session | None = state.get("session")
                    cookie = Response()
                    if state.get("logout"):
                        clear_cookie(cookie)
                    elif session is not None and state.get("session_changed"):
                        set_cookie(cookie, session, secure=scope.get("scheme") == "https")
                    for raw_name, raw_value in cookie.raw_headers:
                        if raw_name == b"set-cookie":
                            headers.append("set-cookie", raw_value.decode("latin-1"))
            await send(message)

        await self.app(scope, receive, send_with_headers)
