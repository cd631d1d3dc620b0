"""Search over regulations as the API offers it: the hybrid index (search/), optionally
restricted to some regulations, each hit located as 第八条第二款第（三）项.

The restriction masks the other regulations' scores before ranking (BM25 to nothing, dense
below any real similarity, no role boost), so one scoring pass ranks the wanted regulations'
articles first and nothing outside them is returned.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

import numpy as np
from pydantic import BaseModel, Field

from core.errors import InputError
from liuhen.search_commands import location_label
from search.index import Hit, Mode, SearchIndex

_BELOW_ANY_SIMILARITY = -2.0  # cosine similarities of normalised vectors are >= -1


class SearchHit(BaseModel):
    """One answer: an article, narrowed to the paragraph or item that matched best."""

    rank: int
    regulation: str
    regulation_id: str
    article: int
    article_suffix: int = Field(description="之一 is 1; 0 for an ordinary article")
    article_label: str
    paragraph: int | None
    item: int | None
    location: str = Field(description="第八条第二款第（三）项")
    text: str = Field(description="the article, paragraph or item that matched")
    score: float
    bm25_rank: int | None
    dense_rank: int | None
    matched_terms: list[str]
    actors: list[str] = Field(description="roles the query names (司法人员, 律师 …)")
    reason: str


def search_articles(
    index: SearchIndex,
    query: str,
    *,
    top: int = 10,
    mode: Mode = "hybrid",
    regulation_ids: Collection[str] = (),
) -> list[SearchHit]:
    """The ``top`` articles for ``query`` (only of ``regulation_ids`` when given), best first.

    Raises InputError for an empty query or ``top`` below 1, BackendError for ``dense``
    without a model.
    """
    if top < 1:
        raise InputError("top must be at least 1", field="top")
    if not regulation_ids:
        hits = index.search(query, top=top, mode=mode)
    else:
        hits = _restricted(index, query, top, mode, set(regulation_ids))
    return [_view(hit) for hit in hits]


def _restricted(
    index: SearchIndex, query: str, top: int, mode: Mode, wanted: set[str]
) -> list[Hit]:
    scores = index.score(query)
    positions = [i for i, rid in enumerate(index.regulation_ids) if rid in wanted]
    if not positions:
        return []
    articles = np.isin(index.article_regulation, positions)
    units = np.repeat(articles, index.article_ends - index.article_starts)
    masked = replace(
        scores,
        bm25=np.where(units, scores.bm25, 0.0).astype(np.float32),
        dense=None if scores.dense is None else np.where(
            units, scores.dense, _BELOW_ANY_SIMILARITY).astype(np.float32),
        actor_ranks=None if scores.actor_ranks is None else np.where(
            articles, scores.actor_ranks, 0),
    )
    kept = [hit for hit in index.rank(masked, top, mode) if hit.regulation_id in wanted]
    return [replace(hit, rank=rank) for rank, hit in enumerate(kept, start=1)]


def _view(hit: Hit) -> SearchHit:
    return SearchHit.model_validate(hit.to_dict() | {"location": location_label(hit)})
