"""POST /assess: a situation in words (and optional facts) -> the assessment engine's answer
(liuhen/assessment): provisions, verdict, duties, liability, protections, each quoted."""

from __future__ import annotations

import threading
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends
from pydantic import BaseModel, ConfigDict, Field

from api.auth import PublicRead
from api.deps import ServicesDep
from api.docs import PUBLIC
from api.errors import error_responses
from api.state import Services
from core.inputs import WORDY_PATTERN
from ingest.library import RegulationLibrary
from liuhen.assessment import Assessment, Assessor, Facts

router = APIRouter(tags=["assess"])
_lock = threading.Lock()
_engines: dict[int, Assessor] = {}


class AssessRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    query: str = Field(min_length=1, max_length=2000, pattern=WORDY_PATTERN,
                       description="the situation, in Chinese, as a person would tell it")
    facts: Facts | None = Field(default=None, description="known facts; they override what "
                                "is read from the words")


def get_assessor(services: ServicesDep) -> Assessor:
    """One engine per search index (the index loads in the background at start-up)."""
    index = services.search.get()
    with _lock:
        engine = _engines.get(id(index))
        if engine is None or engine.index is not index:
            engine = _build(services, index)
            _engines.clear()
            _engines[id(index)] = engine
        return engine


def _build(services: Services, index: Any) -> Assessor:
    library = RegulationLibrary.from_directory(services.settings.regulations_dir)
    return Assessor.from_regulations({r.id: r for r in library.regulations}, index)


AssessorDep = Annotated[Assessor, Depends(get_assessor)]

_EXAMPLES: dict[str, Any] = {
    "county-secretary": {
        "summary": "县委书记为被告人说情",
        "value": {"query": "县委书记给承办法官打电话，说被告人是他朋友的儿子，希望判轻一点"},
    },
    "approved-visit": {
        "summary": "经批准到当事人家中核实情况",
        "value": {"query": "法官到当事人家中核实情况", "facts": {"approved": True}},
    },
}


@router.post("/assess", response_model=Assessment, summary="评估一种情形",
             responses=error_responses(400, *PUBLIC))
def assess(
    role: PublicRead, engine: AssessorDep,
    request: Annotated[AssessRequest, Body(openapi_examples=_EXAMPLES)],
) -> Assessment:
    """Which provisions apply, whether the conduct is a violation, lawful or undetermined
    (with the missing facts), and the duties, liability and protections that follow, each
    with a verbatim quote of the seed text."""
    return engine.assess(request.query, request.facts)
