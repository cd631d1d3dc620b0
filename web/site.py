"""The web application: server-rendered Chinese pages under ``/ui``, mounted on the API app.

It is a FastAPI app of its own, mounted at ``/ui``, so that its errors are HTML pages (the
API keeps its JSON error shape), its security headers and sessions apply to pages only,
and the API's OpenAPI schema does not list it. The pages call the same services the API
routes call; the services live on the API app (``parent.state.services``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import escape
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.auth import Role
from api.state import ExpiringCache, Services
from core.errors import BackendError, InputError, LiuhenError, NotFoundError
from core.settings import Settings
from liuhen.fonts import cjk_font_path
from web.security import CSRF_FIELD, Session, SessionMiddleware, current_grant, current_role

HERE = Path(__file__).resolve().parent
PREFIX = "/ui"
FONT_FILE = "NotoSansSC-Regular.otf"

ROLE_LABELS = {Role.PUBLIC: "访客", Role.READER: "阅读者", Role.RECORDER: "记录员",
               Role.ADMIN: "管理员"}


class LoginNeeded(Exception):
    def __init__(self, next_path: str) -> None:
        self.next_path = next_path


class PageForbidden(Exception):
    def __init__(self, minimum: Role, role: Role) -> None:
        self.minimum, self.role = minimum, role


def url(path: str, **query: Any) -> str:
    """A page's address: ``url("/regulations/R1")``; None and "" query values left out."""
    pairs = [(k, v) for k, v in query.items() if v not in (None, "")]
    flat = [(k, x) for k, v in pairs for x in (v if isinstance(v, list | tuple) else [v])]
    return PREFIX + path + (("?" + urlencode(flat)) if flat else "")


def article_url(regulation: str, article: int | str, paragraph: int | None = None,
                item: int | None = None) -> str:
    """The one stable address of an article (with an anchor for a paragraph or item)."""
    anchor = ""
    if paragraph:
        anchor = f"#p{paragraph}" + (f"-i{item}" if item else "")
    elif item:
        anchor = f"#i{item}"
    return f"{PREFIX}/regulations/{quote(regulation, safe='')}/articles/{article}{anchor}"


def regulation_url(regulation: str) -> str:
    return f"{PREFIX}/regulations/{quote(regulation, safe='')}"


def numeral(n: int | None) -> str:
    digits = "零一二三四五六七八九"
    if n is None or n < 0:
        return ""
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
    return str(n)


def provision_label(regulation: str, article: int, paragraph: int | None = None,
                    item: int | None = None) -> str:
    """R1 第八条第一款第（二）项."""
    text = f"{regulation} 第{numeral(article)}条"
    if paragraph:
        text += f"第{numeral(paragraph)}款"
    if item:
        text += f"第（{numeral(item)}）项"
    return text


TEMPLATES = Environment(
    loader=FileSystemLoader(HERE / "templates"),
    autoescape=select_autoescape(["html", "svg"], default=True),
    undefined=StrictUndefined,
    auto_reload=False,  # templates are package data: no stat() per render
    trim_blocks=True,
    lstrip_blocks=True,
)
TEMPLATES.globals.update(url=url, article_url=article_url, regulation_url=regulation_url,
                         provision_label=provision_label, numeral=numeral,
                         role_labels=ROLE_LABELS, Role=Role, csrf_field=CSRF_FIELD,
                         zip_self=lambda values: [(v, v) for v in values])


def services_of(request: Request) -> Services:
    services: Services | None = getattr(request.app.state.parent.state, "services", None)
    if services is None:
        raise BackendError("the service has not started")
    return services


def texts_of(request: Request) -> ExpiringCache[tuple[str, ...], Any]:
    """Page contents kept between requests (regulation text changes only on ingest)."""
    texts: ExpiringCache[tuple[str, ...], Any] = request.app.state.texts
    return texts


def settings_of(request: Request) -> Settings:
    settings: Settings = request.app.state.parent.state.settings
    return settings


def session_of(request: Request) -> Session:
    """The visitor's session; a fresh one (sent as a cookie) if they had none."""
    session: Session | None = request.state.session
    if session is None:
        session = request.state.session = Session.fresh()
        request.state.session_changed = True
    return session


class CsrfToken:
    """The session's CSRF token, made only when a template writes it (most pages have no
    form that writes, and need no session)."""

    def __init__(self, request: Request) -> None:
        self._request = request

    def __str__(self) -> str:
        return session_of(self._request).csrf_token

    def __html__(self) -> str:
        return str(escape(str(self)))


def role_of(request: Request) -> Role:
    session: Session | None = request.state.session
    if session is None:
        return Role.PUBLIC
    return current_role(session, settings_of(request).api_keys)


def recording_scope(request: Request) -> frozenset[str] | None:
    """The organs the visitor's key records for (None: every organ), as the API holds it."""
    session: Session | None = request.state.session
    if session is None:
        return frozenset()
    return current_grant(session, settings_of(request).api_keys)[1]


def need(request: Request, minimum: Role, *, public: bool = False) -> Role:
    """The visitor's role if it is at least ``minimum`` (pages that are ``public`` need none
    while settings.public_read is on); else to the login page, or a 403 page."""
    role = role_of(request)
    if public and settings_of(request).public_read:
        return role
    if role == Role.PUBLIC:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        raise LoginNeeded(target)
    if role < minimum:
        raise PageForbidden(minimum, role)
    return role


def render_text(template: str, **context: Any) -> str:
    return TEMPLATES.get_template(template).render(**context)


def page(request: Request, template: str, *, status: int = 200, nav: str = "",
         **context: Any) -> HTMLResponse:
    """A whole page: ``template`` inside the layout, with who is logged in and the CSRF
    token every writing form carries."""
    html = render_text(template, request=request, role=role_of(request), nav=nav,
                       csrf_token=CsrfToken(request), path=request.url.path, **context)
    return HTMLResponse(html, status_code=status)


def error_page(request: Request, status: int, title: str, message: str) -> HTMLResponse:
    return page(request, "error.html", status=status, title=title, message=message)


def _install_errors(site: FastAPI) -> None:
    @site.exception_handler(LoginNeeded)
    async def login_needed(request: Request, error: LoginNeeded) -> Response:
        return RedirectResponse(url("/login", next=error.next_path), status_code=303)

    @site.exception_handler(PageForbidden)
    async def forbidden(request: Request, error: PageForbidden) -> Response:
        return error_page(request, 403, "无权访问",
                          f"此页面需要“{ROLE_LABELS[error.minimum]}”角色，"
                          f"当前登录的角色是“{ROLE_LABELS[error.role]}”。")

    @site.exception_handler(NotFoundError)
    async def not_found(request: Request, error: NotFoundError) -> Response:
        return error_page(request, 404, "未找到", error.message)

    @site.exception_handler(InputError)
    async def bad_input(request: Request, error: InputError) -> Response:
        return error_page(request, 422, "输入有误", error.message)

    @site.exception_handler(LiuhenError)
    async def liuhen_error(request: Request, error: LiuhenError) -> Response:
        return error_page(request, error.status_code, "出错了", error.message)

    @site.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        titles = {404: "未找到", 405: "不支持的请求方法", 403: "无权访问"}
        message = "没有这个页面。" if error.status_code == 404 else str(error.detail)
        return error_page(request, error.status_code,
                          titles.get(error.status_code, "出错了"), message)


def create_site(parent: FastAPI) -> FastAPI:
    """The pages, as an app to mount at ``/ui`` on ``parent`` (the API app)."""
    from web import account, reader, records

    site = FastAPI(openapi_url=None, docs_url=None, redoc_url=None)
    site.state.parent = parent
    site.state.texts = ExpiringCache(ttl=300.0, max_age=3600.0)
    site.add_middleware(SessionMiddleware)
    _install_errors(site)

    @site.get(f"/static/fonts/{FONT_FILE}", include_in_schema=False)
    def font() -> Response:
        path = cjk_font_path()
        if path is None:
            raise NotFoundError("the CJK font package (pylopdf-fonts-zh-cn) is not installed")
        return FileResponse(path, media_type="font/otf")

    site.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    for module in (reader, account, records):
        site.include_router(module.router)
    return site
