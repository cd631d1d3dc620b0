"""登录 and 退出: a visitor logs in with an API key (LIUHEN_API_KEYS, as the API uses it);
the session then carries the key's role, never the key."""

from __future__ import annotations

from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from web.security import CSRF_FIELD, key_fingerprint, role_of_key
from web.site import PREFIX, page, session_of, settings_of, url

router = APIRouter()


async def form_of(request: Request) -> dict[str, str]:
    """The fields of an urlencoded form (the last value of each)."""
    body = (await request.body()).decode("utf-8", errors="replace")
    return {k: v[-1] for k, v in parse_qs(body, keep_blank_values=True).items()}


def safe_next(target: str | None) -> str:
    """Only a page of this site: never another host (open redirect)."""
    if target and target.startswith(PREFIX + "/") and not target.startswith("//") \
            and "\\" not in target:
        return target
    return PREFIX + "/"


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "") -> HTMLResponse:
    return page(request, "login.html", nav="login", next=safe_next(next), error=None)


@router.post("/login", response_class=HTMLResponse)
async def login(request: Request) -> Response:
    form = await form_of(request)
    session = session_of(request)
    target = safe_next(form.get("next"))
    if not session.check_csrf(form.get(CSRF_FIELD)):
        return page(request, "login.html", status=403, nav="login", next=target,
                    error="表单已过期，请重新提交。")
    key = form.get("api_key", "").strip()
    role = role_of_key(key, settings_of(request).api_keys) if key else None
    if role is None:
        return page(request, "login.html", status=401, nav="login", next=target,
                    error="API 密钥无效。")
    request.state.session = session.logged_in(role, key_fingerprint(key))
    request.state.session_changed = True
    return RedirectResponse(target, status_code=303)


@router.post("/logout")
async def logout(request: Request) -> Response:
    form = await form_of(request)
    if not session_of(request).check_csrf(form.get(CSRF_FIELD)):
        return page(request, "error.html", status=403, title="表单已过期",
                    message="请重新提交。")
    request.state.logout = True
    return RedirectResponse(url("/"), status_code=303)
