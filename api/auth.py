"""API keys with roles. reader < recorder < admin: each role may do what the ones before it
may. Regulations and search may be public (settings.public_read); incidents and actors never
are; writing needs recorder; the read-only Cypher console needs admin."""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable
from enum import IntEnum
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import APIKeyHeader

from core.errors import LiuhenError


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


def role_of(request: Request, key: str | None) -> Role:
    if key is None:
        return Role.PUBLIC
    keys: dict[str, str] = request.app.state.settings.api_keys
    for known, role in keys.items():
        # constant-time comparison: a key's prefix must not be guessable from timing
        if hmac.compare_digest(known.encode(), key.encode()):
            try:
                return Role[role.upper()]
            except KeyError:
                break
    raise Unauthorized("unknown API key (header X-API-Key)")


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
