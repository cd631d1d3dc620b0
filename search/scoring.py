"""What a search is configured with and answers: the build and query settings, a hit, the
scores of one query, the build report, and the small pure functions the index ranks with."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from typing import Literal

import numpy as np
import numpy.typing as npt

from core.errors import InputError
from ingest.models import Regulation
from search.embeddings import EmbeddingStats
from search.fusion import reciprocal_rank_fusion
from search.tokenizer import BIGRAM_MARK, normalize_text
from search.units import Granularity

Mode = Literal["bm25", "dense", "hybrid"]
MODES: tuple[Mode, ...] = ("bm25", "dense", "hybrid")
MAX_QUERY_CHARS = 2000  # longer queries are cut (~1,300 tokens; e5 reads 512: search/long_query.py)


@dataclass(frozen=True)
class SearchConfig:
    """How the index is built and queried. Build fields change the index; query fields do not."""

    granularity: Granularity | Literal["auto"] = "auto"
    auto_article_limit: int = 20_000  # above it ``auto`` indexes articles only
    bigrams: bool = True  # CJK character bigrams beside the jieba words
    bm25_k1: float = 1.2
    bm25_b: float = 0.75
    expand: bool = True  # query expansion with the domain thesaurus (BM25 only)
    leaf_choice: Literal["rrf", "scores"] = "scores"
    # Choosing the paragraph or item (search/leaves.py): the share of BM25 over the leaves' own
    # words among siblings (the rest: passage BM25), the dense weight beside BM25's 1.0, and the
    # own-text BM25 an enumerated item needs for its list's catch-all not to be chosen (0: off).
    # Chosen by nested 5-fold cross-validation on data/eval/seed_questions_tune.jsonl
    # (docs/benchmarks.md, issue 14, session 13).
    leaf_text_weight: float = 0.75
    leaf_dense_weight: float = 0.0
    catch_all_floor: float = 3.0
    fusion: Literal["rrf", "weighted"] = "weighted"
    rrf_k: float = 60.0
    bm25_weight: float = 0.4
    dense_weight: float = 0.6
    actor_weight: float = 0.1  # regulation-level boost for the roles the query names
    regulation_weight: float = 0.0  # share of the best article's score of the regulation
    # answer prior (search/prior.py); 0.3 chosen by nested CV (docs/benchmarks.md, issue 14, s7)
    prior_weight: float = 0.3
    depth: int = 1000  # candidates each retriever contributes to the fusion
    # A query longer than this (a judgment's case facts, not a question) is fused by plain RRF
    # (BM25 and dense, k ``rrf_k``, equal weights, no actor boost or prior): on long_facts.jsonl
    # R@5 0.703 against the weighted fusion's 0.656; held out (long_facts2) R@5 0.562 against
    # 0.516 but R@1 0.250 against 0.344 (docs/benchmarks.md, issue 14, session 9).
    # The longest question the shipped weights were chosen on has 155 characters. 0: never.
    long_query_chars: int = 200
    # Such a query loses what the development facts share (search/fact_style.py: BM25 without
    # the tokens a quarter of them hold, its vector minus their mean vector) and is fused with
    # RRF k 5 instead of ``rrf_k``: chosen on long_facts.jsonl by two-fold cross-validation
    # (R@5 0.734 out of fold against 0.703); held out R@5 0.562 -> 0.656, R@1 0.250 -> 0.359
    # (docs/benchmarks.md, issue 14, session 29). False and 60.0: as sessions 9 to 28.
    long_query_style: bool = True
    long_query_rrf_k: float = 5.0

    def build_fields(self) -> dict[str, object]:
        return {"granularity": self.granularity, "auto_article_limit": self.auto_article_limit,
                "bigrams": self.bigrams, "bm25_k1": self.bm25_k1, "bm25_b": self.bm25_b}


@dataclass(frozen=True)
class Hit:
    """One answer: an article, narrowed to the paragraph or item that matched best."""

    rank: int
    regulation: str
    regulation_id: str
    article: int
    article_suffix: int
    article_label: str
    paragraph: int | None
    item: int | None
    text: str
    score: float
    bm25_rank: int | None
    dense_rank: int | None
    matched_terms: list[str]
    actors: list[str]
    reason: str

    def to_dict(self) -> dict[str, object]:
        # What dataclasses.asdict gives, without its recursive deep copy (a tenth of a
        # search's Python time over ten hits): the fields are scalars and lists of strings.
        values = {name: getattr(self, name) for name in _HIT_FIELDS}
        values["matched_terms"] = list(self.matched_terms)
        values["actors"] = list(self.actors)
        return values


_HIT_FIELDS = tuple(each.name for each in fields(Hit))


@dataclass
class QueryScores:
    """Everything one query costs: computed once, ranked in any mode."""

    tokens: list[str]
    bm25: npt.NDArray[np.float32]
    dense: npt.NDArray[np.float32] | None
    actors: list[str]
    actor_ranks: npt.NDArray[np.int64] | None  # per article
    query_chars: int = 0  # length of the query text (long ones are fused differently)


@dataclass
class BuildReport:
    seconds: float = 0.0
    parse_seconds: float = 0.0
    units: int = 0
    articles: int = 0
    regulations: int = 0
    parse_errors: int = 0
    embedding: EmbeddingStats = field(default_factory=EmbeddingStats)
    loaded: bool = False


def rank_score(ranks: npt.NDArray[np.int64]) -> npt.NDArray[np.float32]:
    return reciprocal_rank_fusion([ranks], k=0.0)


def regulation_context(
    fused: npt.NDArray[np.float32], article_regulation: npt.NDArray[np.int64], regulations: int
) -> npt.NDArray[np.float32]:
    """For each article, the best fused score among the articles of its regulation."""
    best = np.zeros(regulations, dtype=np.float32)
    np.maximum.at(best, article_regulation, fused)
    return best[article_regulation]


def validate_query(query: str) -> str:
    """The query stripped and cut to ``MAX_QUERY_CHARS``; ``InputError`` if nothing is left."""
    text = query.strip()
    if not text:
        raise InputError("the query is empty: describe the situation in words", field="query")
    return text[:MAX_QUERY_CHARS]


def matched_terms(query_tokens: Iterable[str], text: str) -> list[str]:
    """Query words found in ``text``, in query order, without words inside a longer match."""
    folded = normalize_text(text)
    found = list(dict.fromkeys(
        t for t in query_tokens if not t.startswith(BIGRAM_MARK) and t in folded
    ))
    return [t for t in found if not any(t != o and t in o for o in found)]


def resolve_granularity(config: SearchConfig, regulations: Sequence[Regulation]) -> Granularity:
    if config.granularity != "auto":
        return config.granularity
    articles = sum(len(r.articles) for r in regulations)
    return "all" if articles <= config.auto_article_limit else "articles"

