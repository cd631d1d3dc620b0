"""Regulations: the list, one regulation, its table of contents, its articles (paragraphs,
items, citations and references out and in, definitions, duties), defined terms, duties of a
role, and an article's neighbourhood in the graph."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Path, Query, Response
from pydantic import BaseModel, Field

from api.auth import PublicRead
from api.deps import RegulationsDep, ServicesDep
from api.docs import PUBLIC
from api.errors import error_responses
from api.state import Services
from core.inputs import WORDY_PATTERN
from ingest.articles import ARTICLE_NUMBER_PATTERN
from liuhen.regulations.service import MAX_HOPS
from liuhen.regulations.views import (
    ArticleView,
    CitationView,
    CitedBy,
    DefinitionView,
    ReferringArticle,
    RegulationSummary,
    RoleDuty,
    Subgraph,
    TableOfContents,
)

router = APIRouter(tags=["regulations"])


class JsonText(Response):
    """JSON already serialised from its response model (kept so in the text cache)."""

    media_type = "application/json"


async def _kept_json(services: Services, key: tuple[str, ...],
                     answer: Callable[[], BaseModel]) -> Response:
    """``answer()`` as JSON, kept in the text cache under ``key`` (so it may be up to the
    cache's max_age old)."""
    return JsonText(await services.texts.aget(key, lambda: answer().model_dump_json()))


#: A name holds a letter, digit or CJK character (spaces and 《》 are matched without).
NAME_PATTERN = WORDY_PATTERN

RegulationName = Annotated[str, Path(
    min_length=1, max_length=200, pattern=NAME_PATTERN,
    description="title, short title, alias (R1, R2, R3), id, or a unique part of the title",
    examples=["R1", "司法机关内部人员过问案件的记录和责任追究规定", "行政机关公务员处分条例"],
)]
ArticleNumber = Annotated[str, Path(
    min_length=1, max_length=20, pattern=ARTICLE_NUMBER_PATTERN,
    description="article number: 8, 第八条, 133之一",
    examples=["8", "第九条"],
)]
Limit = Annotated[int, Query(ge=1, le=1000, description="page size")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="items to skip")]


@router.get("/regulations", response_model=list[RegulationSummary],
            summary="规定列表", responses=error_responses(*PUBLIC))
def list_regulations(
    role: PublicRead,
    regulations: RegulationsDep,
    category: Annotated[str | None, Query(max_length=50, description="LawRefBook category",
                                          examples=["司法解释"])] = None,
    include_cited: Annotated[bool, Query(
        description="also titles only cited (《…》), whose text is not loaded")] = False,
    limit: Limit = 100,
    offset: Offset = 0,
) -> list[RegulationSummary]:
    """Regulations by id, a page at a time."""
    return regulations.list_regulations(category=category, include_cited=include_cited,
                                        limit=limit, offset=offset)


@router.get("/regulations/{regulation}", response_model=RegulationSummary,
            summary="一部规定", responses=error_responses(404, *PUBLIC))
async def get_regulation(role: PublicRead, services: ServicesDep,
                         regulation: RegulationName) -> Response:
    """One regulation as people name it: 404 names what was asked for."""
    return await _kept_json(services, ("regulation", regulation),
                            lambda: services.regulations.find_regulation(regulation))


@router.get("/regulations/{regulation}/toc", response_model=TableOfContents,
            summary="目录（编、章、节、条）", responses=error_responses(404, *PUBLIC))
async def get_toc(role: PublicRead, services: ServicesDep,
                  regulation: RegulationName) -> Response:
    """Headings (编/章/节) nested, each with the articles directly under it."""
    return await _kept_json(services, ("toc", regulation),
                            lambda: services.regulations.table_of_contents(regulation))


@router.get("/regulations/{regulation}/cited-by", response_model=CitedBy,
            summary="引用该规定的条文", responses=error_responses(404, *PUBLIC))
def get_cited_by(role: PublicRead, regulations: RegulationsDep,
                 regulation: RegulationName) -> CitedBy:
    """Articles that cite a regulation (《…》), whether or not its own text is loaded."""
    return regulations.citations_into(regulation)


@router.get("/regulations/{regulation}/definitions", response_model=list[DefinitionView],
            summary="规定中的定义（本规定所称……）",
            responses=error_responses(404, *PUBLIC))
def get_regulation_definitions(role: PublicRead, regulations: RegulationsDep,
                               regulation: RegulationName) -> list[DefinitionView]:
    """The terms a regulation defines, in text order."""
    return regulations.definitions(regulation=regulation)


@router.get("/regulations/{regulation}/articles/{article}", response_model=ArticleView,
            summary="条文：款、项、引用、援引、定义、职责",
            responses=error_responses(404, *PUBLIC))
async def get_article(role: PublicRead, services: ServicesDep, regulation: RegulationName,
                      article: ArticleNumber) -> Response:
    """One article with its paragraphs (款), items (项), citations of other texts (《》),
    references to other articles, definitions, role mentions and duties. (Answers may be
    up to 30 s old after the regulations are ingested again.)"""
    return await _kept_json(services, ("article", regulation, article),
                            lambda: services.regulations.get_article(regulation, article))


class ArticleCitations(BaseModel):
    cites: list[CitationView] = Field(description="documents this article cites (《…》)")
    references: list[ReferringArticle] = Field(
        description="articles that refer to this one (本规定第八条, 前款 …)"
    )


@router.get("/regulations/{regulation}/articles/{article}/citations",
            response_model=ArticleCitations, summary="条文的引用与被援引",
            responses=error_responses(404, *PUBLIC))
def get_article_citations(role: PublicRead, regulations: RegulationsDep, regulation: RegulationName,
                          article: ArticleNumber) -> ArticleCitations:
    """Citations out of an article and the articles that refer to it."""
    return ArticleCitations(
        cites=regulations.citations_from(regulation, article),
        references=regulations.references_into(regulation, article),
    )


@router.get("/regulations/{regulation}/articles/{article}/neighbourhood",
            response_model=Subgraph, summary="条文在图中的邻域",
            responses=error_responses(404, *PUBLIC))
def get_neighbourhood(
    role: PublicRead, regulations: RegulationsDep, regulation: RegulationName,
    article: ArticleNumber,
    hops: Annotated[int, Query(ge=1, le=MAX_HOPS, description="relationships away")] = 2,
    max_nodes: Annotated[int, Query(ge=1, le=1000, description="stop after this many")] = 200,
) -> Subgraph:
    """Nodes within ``hops`` relationships of an article and the relationships among them."""
    return regulations.neighbourhood(regulation, article, hops=hops, max_nodes=max_nodes)


@router.get("/definitions", response_model=list[DefinitionView], summary="定义的术语",
            responses=error_responses(404, *PUBLIC))
def list_definitions(
    role: PublicRead, regulations: RegulationsDep,
    term: Annotated[str | None, Query(min_length=1, max_length=100, pattern=WORDY_PATTERN,
                                      description="one term; 404 when nothing defines it",
                                      examples=["司法人员"])] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> list[DefinitionView]:
    """Defined terms (本规定所称X，是指…): every definition of one term, or all (paged)."""
    return regulations.definitions(term=term, limit=limit, offset=offset)


@router.get("/roles/{role_name}/duties", response_model=list[RoleDuty],
            summary="某类人员的职责和期限", responses=error_responses(404, *PUBLIC))
def get_duties(
    role: PublicRead, regulations: RegulationsDep,
    role_name: Annotated[str, Path(min_length=1, max_length=50,
                                   description="a role by name or any surface form",
                                   examples=["司法人员", "纪检监察部门"])],
) -> list[RoleDuty]:
    """Duties (with deadlines) the regulations put on a role: 司法人员 report within 3 days…"""
    return regulations.duties_of_role(role_name)
