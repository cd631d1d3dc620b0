"""检索 and 法规阅读: the search page (the landing page) and the regulation reader (list,
table of contents, one page per article). Public while settings.public_read is on, as the
API's regulation and search routes are."""

from __future__ import annotations

import contextlib
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from api.auth import Role
from core.errors import InputError, NotFoundError
from ingest.records import ActorKind, Channel
from liuhen.regulations.views import NodeView
from search.index import MAX_QUERY_CHARS
from web.adapter import VERDICT_LABELS, assess_situation, regulation_names
from web.site import (
    article_url,
    need,
    numeral,
    page,
    regulation_url,
    render_text,
    services_of,
    texts_of,
)
from web.svg import neighbourhood_svg

router = APIRouter()

SEED_ALIASES = ("R1", "R2", "R3")
EXAMPLES = ("副县长给承办法官打电话，希望对被告人从轻处理",
            "律师在饭店宴请承办法官，席间送了两瓶茅台",
            "退休的法院副院长打听案件进展并透露给当事人家属")


# ------------------------------------------------------------------ 检索


@router.get("/", response_class=HTMLResponse)
@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    q: Annotated[str, Query(max_length=MAX_QUERY_CHARS)] = "",
    regulation: Annotated[list[str] | None, Query(max_length=10)] = None,
    top: Annotated[int, Query(ge=1, le=20)] = 6,
) -> HTMLResponse:
    """The landing page: a box for a situation; with ``q``, the answer below it. Every
    search has its own address (GET), so it can be shared."""
    need(request, Role.READER, public=True)
    services = services_of(request)
    chosen = [r for r in (regulation or []) if r]
    query = q.strip()
    assessment = error = None
    if query:
        try:
            assessment = assess_situation(services, query, regulations=chosen, top=top)
        except InputError as failed:
            error = failed.message
    return page(request, "search.html", nav="search", q=query, chosen=chosen,
                regulations=SEED_ALIASES, examples=EXAMPLES, assessment=assessment,
                error=error, verdicts=VERDICT_LABELS, top=top,
                kinds=[str(k) for k in ActorKind], channels=[str(c) for c in Channel])


# ------------------------------------------------------------------ 法规阅读


@router.get("/regulations", response_class=HTMLResponse)
def regulations_page(request: Request) -> HTMLResponse:
    need(request, Role.READER, public=True)
    regulations = services_of(request).regulations
    every = regulations.list_regulations(include_cited=True, limit=1000)
    held = sorted((r for r in every if r.has_text),
                  key=lambda r: (not r.aliases, r.aliases[:1], r.id))
    cited = [r for r in every if not r.has_text]
    return page(request, "regulations.html", nav="regulations", held=held, cited=cited)


@router.get("/regulations/{regulation}", response_class=HTMLResponse)
def toc_page(request: Request, regulation: str) -> HTMLResponse:
    need(request, Role.READER, public=True)
    services = services_of(request)
    toc = services.regulations.table_of_contents(regulation)
    name = regulation_names(services).get(toc.regulation.id, toc.regulation.id)
    if regulation != name:  # one address per regulation: R1, not its title
        return RedirectResponse(regulation_url(name), status_code=301)  # type: ignore[return-value]
    try:
        terms = services.regulations.definitions(regulation=toc.regulation.id)
    except NotFoundError:
        terms = []
    return page(request, "toc.html", nav="regulations", toc=toc, name=name, terms=terms)


def _node_link(names: dict[str, str]) -> object:
    def link(node: NodeView) -> str | None:
        if node.label == "Article" and "#" in node.id:
            regulation_id, key = node.id.rsplit("#", 1)
            return article_url(names.get(regulation_id, regulation_id), key)
        if node.label == "Regulation" and node.id in names:
            return regulation_url(names[node.id])
        return None
    return link


def _article_body(request: Request, regulation: str, article: str) -> str:
    """The article page's content (without the layout); slow: several store reads."""
    services = services_of(request)
    regulations = services.regulations
    view = regulations.get_article(regulation, article)
    names = regulation_names(services)
    name = names.get(view.regulation_id, view.regulation_id)
    into = regulations.references_into(regulation, article)
    graph = regulations.neighbourhood(regulation, article, hops=1, max_nodes=40)
    held = {}
    for citation in view.citations:
        if citation.has_text and citation.target_id not in held:
            with contextlib.suppress(NotFoundError):
                held[citation.target_id] = regulations.table_of_contents(citation.target_id)
    cited: dict[str, object] = {}
    for citation in view.citations:
        cited.setdefault(citation.target_id, citation)
    return render_text("article_body.html", view=view, name=name, into=into, names=names,
                       cited=list(cited.values()), held=held,
                       drawing=neighbourhood_svg(graph, _node_link(names)))  # type: ignore[arg-type]


@router.get("/regulations/{regulation}/articles/{article}", response_class=HTMLResponse)
async def article_page(request: Request, regulation: str, article: str) -> HTMLResponse:
    """One article: paragraphs and items (each with an anchor), citations out and in,
    references, definitions, duties, the cited disciplinary regulations, and a drawing of
    its neighbourhood in the graph. The content is kept (texts_of: up to an hour old after
    the regulations are ingested again, refreshed in the background after 5 minutes), so a
    request costs the layout only."""
    need(request, Role.READER, public=True)
    services = services_of(request)
    names = regulation_names(services)
    if regulation not in names.values() or not article.isascii():  # 第八条, a title …
        view = await run_in_threadpool(services.regulations.get_article, regulation,
                                       article)
        return RedirectResponse(  # type: ignore[return-value]
            article_url(names.get(view.regulation_id, view.regulation_id), view.key),
            status_code=301)
    body = await texts_of(request).aget(
        ("article", regulation, article),
        lambda: _article_body(request, regulation, article))
    title = f"{regulation} 第{numeral(int(article))}条" if article.isdigit() else regulation
    return page(request, "article.html", nav="regulations", body=body, title_text=title)
