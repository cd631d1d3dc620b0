"""API keys with roles. reader < recorder < admin: each role may do what the ones before it
may. Regulations and search may be public (settings.public_read); incidents and actors never
are; writing needs recorder; the read-only Cypher console needs admin.

A key may be bound to organs (settings ``api_keys``: ``"key": "recorder:organ1,organ2"``;
a bare ``"recorder"`` covers every organ): it records and corrects incidents of those organs
only (:data:`ScopedRecorder`). Each key has a non-secret id, the first 8 hex digits of its
SHA-256, recorded in every record and correction it makes (``recorded_with``)."""

from __future__ import annotations

import functools
import hashlib
import hmac
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import IntEnum
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.security import APIKeyHeader
from starlette.concurrency import run_in_threadpool

from core.errors import LiuhenError, NotFoundError


class Role(IntEnum):
    PUBLIC = 0
    READER = 1
    RECORDER = 2
    ADMIN = 3


class Unauthorized(LiuhenError):
    status_code = 401
    code = "unauthorized"


class Forbidden(LiuhenError):
    status_code = 403
    code = "forbidden"


api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False,
                              description="an API key from LIUHEN_API_KEYS")


@dataclass(frozen=True)
class KeyGrant:
    """What a key may do: its role, the organs it may record for (None: every organ), and
    its non-secret id."""

    role: Role
    organs: frozenset[str] | None
    key_id: str

    def covers(self, organ: str) -> bool:
        return self.organs is None or organ in self.organs


@functools.lru_cache(maxsize=256)  # the keys are few and fixed; hashed once each
def key_id(key: str) -> str:
    """A key's non-secret id: the first 8 hex digits of its SHA-256."""
    return hashlib.sha256(key.encode()).hexdigest()[:8]


def parse_grant(value: str) -> tuple[Role, frozenset[str] | None]:
    """``"recorder"`` or ``"recorder:organ1,organ2"``; KeyError for an unknown role."""
    role, bound, organs = value.partition(":")
    scope = frozenset(o.strip() for o in organs.split(",") if o.strip()) if bound else None
    return Role[role.strip().upper()], scope


def grant_of(request: Request, key: str | None) -> KeyGrant | None:
    """The grant of ``key`` (None without a key); Unauthorized for an unknown key."""
    if key is None:
        return None
    keys: dict[str, str] = request.app.state.settings.api_keys
    for known, value in keys.items():
        # constant-time comparison: a key's prefix must not be guessable from timing
        if hmac.compare_digest(known.encode(), key.encode()):
            try:
                role, organs = parse_grant(value)
            except KeyError:
                break
            return KeyGrant(role=role, organs=organs, key_id=key_id(known))
    raise Unauthorized("unknown API key (header X-API-Key)")


def role_of(request: Request, key: str | None) -> Role:
    grant = grant_of(request, key)
    return Role.PUBLIC if grant is None else grant.role


#: Set on dependencies that let requests without a key through when public_read is on (the
#: OpenAPI schema then marks the key optional on those routes).
PUBLIC_READ_MARK = "liuhen_public_read"


def require(
    minimum: Role, *, public_when_allowed: bool = False
) -> Callable[..., Awaitable[Role]]:
    """A dependency that lets a request through when its key's role is at least ``minimum``.

    With ``public_when_allowed``, requests without a key pass when settings.public_read is on.
    """

    # async: it only compares strings, so it need not take a worker thread
    async def dependency(request: Request,
                         key: Annotated[str | None, Depends(api_key_header)] = None) -> Role:
        role = role_of(request, key)
        if public_when_allowed and request.app.state.settings.public_read:
            return role
        if role == Role.PUBLIC:
            raise Unauthorized("this resource needs an API key (header X-API-Key)")
        if role < minimum:
            raise Forbidden(f"this needs the {minimum.name.lower()} role; "
                            f"the key has {role.name.lower()}")
        return role

    setattr(dependency, PUBLIC_READ_MARK, public_when_allowed)
    return dependency


PublicRead = Annotated[Role, Depends(require(Role.READER, public_when_allowed=True))]
Reader = Annotated[Role, Depends(require(Role.READER))]
Recorder = Annotated[Role, Depends(require(Role.RECORDER))]
Admin = Annotated[Role, Depends(require(Role.ADMIN))]


async def _organs_touched(request: Request) -> list[tuple[str, str]]:
    """(organ, where) of what a recording request writes: the body's ``organ`` and, for a
    correction, the organ of the incident corrected (looked up; absent: the route answers
    404)."""
    touched: list[tuple[str, str]] = []
    try:
        body: Any = await request.json()
    except ValueError:  # not JSON: the route refuses it
        body = None
    if isinstance(body, dict) and isinstance(body.get("organ"), str):
        touched.append((body["organ"], "body.organ"))
    incident_id = request.path_params.get("incident_id")
    services = getattr(request.app.state, "services", None)
    if isinstance(incident_id, str) and services is not None:
        try:
            stored = await run_in_threadpool(services.records.incident, incident_id)
        except NotFoundError:
            return touched
        touched.append((stored.organ, "path.incident_id"))
    return touched


async def scoped_recorder(request: Request,
                          key: Annotated[str | None, Depends(api_key_header)] = None
                          ) -> KeyGrant:
    """A dependency for routes that record or correct incidents: the key must be a recorder
    (or admin) whose organs include the organ of the incident recorded, and for a
    correction the organ of the incident corrected (403 naming the field otherwise).
    Returns the grant: its ``key_id`` goes into the record (``recorded_with``)."""
    grant = grant_of(request, key)
    if grant is None:
        raise Unauthorized("this resource needs an API key (header X-API-Key)")
    if grant.role < Role.RECORDER:
        raise Forbidden(f"this needs the recorder role; the key has {grant.role.name.lower()}")
    if grant.organs is not None:
        for organ, where in await _organs_touched(request):
            if not grant.covers(organ):
                raise Forbidden(
                    f"this key (id {grant.key_id}) records for {', '.join(sorted(grant.organs))}"
                    f" only, not for {organ!r}", details={"field": where, "organ": organ,
                                                          "key_id": grant.key_id})
    return grant


#: For routes that record or correct: the key's grant, checked against the organs written.
ScopedRecorder = Annotated[KeyGrant, Depends(scoped_recorder)]
