"""Search: the articles (narrowed to the paragraph or item) that fit a situation told in
words, and the conduct articles of R1-R3 that apply to a situation."""

from __future__ import annotations

from contextlib import nullcontext
from typing import Annotated, Any

from fastapi import APIRouter, Body, Query
from pydantic import BaseModel, Field, StringConstraints

from api.auth import PublicRead
from api.deps import IndexDep, RecordsDep, RegulationsDep, ServicesDep
from api.docs import PUBLIC
from api.errors import error_responses
from api.routes.regulations import NAME_PATTERN
from core.inputs import WORDY_PATTERN
from liuhen.article_search import SearchHit, search_articles
from liuhen.records.views import ApplicableArticle, Situation
from search.index import MAX_QUERY_CHARS, Mode

router = APIRouter(tags=["search"])

RegulationFilter = Annotated[str, StringConstraints(min_length=1, max_length=200,
                                                    pattern=NAME_PATTERN)]


class SearchResults(BaseModel):
    query: str
    mode: Mode
    regulations: list[str] = Field(description="ids of the regulations searched (all: [])")
    hits: list[SearchHit]


@router.get("/search", response_model=SearchResults, summary="检索适用条文",
            responses=error_responses(404, *PUBLIC))
def search(
    role: PublicRead, regulations: RegulationsDep, index: IndexDep, services: ServicesDep,
    q: Annotated[str, Query(min_length=1, max_length=MAX_QUERY_CHARS, pattern=WORDY_PATTERN,
                            description="the situation or question, in Chinese",
                            examples=["法官私下会见当事人的律师并接受宴请"])],
    top: Annotated[int, Query(ge=1, le=50, description="how many articles")] = 10,
    regulation: Annotated[list[RegulationFilter] | None, Query(
        max_length=10, description="only these regulations (names as for /regulations/{…})",
        examples=[["R3"]])] = None,
    mode: Annotated[Mode, Query(description="bm25, dense or hybrid")] = "hybrid",
) -> SearchResults:
    """Hybrid (BM25 + dense) search over the articles, paragraphs and items of the loaded
    regulations; each hit says why it matched."""
    ids = [regulations.find_regulation(name).id for name in regulation or []]
    if services.search_pool is not None:  # computed in a child: this thread waits on no CPU
        hits = services.search_pool.search(q, top=top, mode=mode, regulation_ids=ids)
    else:
        with services.search_slots or nullcontext():
            hits = search_articles(index, q, top=top, mode=mode, regulation_ids=ids)
    return SearchResults(query=q, mode=mode, regulations=ids, hits=hits)


_SITUATION_EXAMPLES: dict[str, Any] = {
    "leading-cadre": {
        "summary": "领导干部打电话说情",
        "value": {"text": "副县长给承办法官打电话，希望对被告人从轻处理，最好判缓刑",
                  "intervener_kind": "领导干部", "channel": "电话", "top": 3},
    },
    "lawyer-dinner": {
        "summary": "律师宴请法官",
        "value": {"text": "案件代理律师在饭店宴请承办法官，席间送了两瓶茅台",
                  "intervener_kind": "律师", "channel": "当面", "at_workplace": False},
    },
}


@router.post("/applicable", response_model=list[ApplicableArticle],
             summary="一种情形适用哪些条款", responses=error_responses(400, *PUBLIC))
def applicable(
    role: PublicRead, records: RecordsDep,
    situation: Annotated[Situation, Body(openapi_examples=_SITUATION_EXAMPLES)],
) -> list[ApplicableArticle]:
    """The assessment engine's provisions for a situation told in words (and, when known,
    who acted and how): each with its status (violation, lawful, undetermined, context,
    search), the facts and words that decided it, and its verbatim text. ``POST /assess``
    gives the whole assessment (duties, liability, protections)."""
    return records.applicable_to_situation(situation)
