"""The hybrid index: BM25 and dense vectors over articles, paragraphs and items, fused per
article, persisted in the data directory and rebuilt only when its content changes. Its
settings, hits and the pure functions it ranks with are in search/scoring.py (importable from
here too)."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import asdict, replace
from pathlib import Path

import numpy as np
import numpy.typing as npt

from core.errors import BackendError, InputError
from core.names import normalize_title
from core.processes import pid_alive
from ingest.models import Regulation
from search.actors import ActorProfile, actor_ranks, regulation_profiles
from search.bm25 import BM25Index
from search.corpus import load_corpus
from search.embeddings import Embedder, EmbeddingCache, EmbeddingStats, embed_cached
from search.expansion import expansion_terms
from search.fact_style import embedder_key, shipped_fact_style
from search.fusion import group_max, ranks_of, reciprocal_rank_fusion, weighted_sum
from search.index_keys import (
    INDEX_FORMAT,
    build_key,
    corpus_fingerprint,
    embedding_cache_root,
    index_folder,
)
from search.leaves import best_leaf, leaves
from search.prior import AnswerPrior, answer_prior
from search.query_adapter import QueryAdapter
from search.scoring import (
    MAX_QUERY_CHARS,
    MODES,
    BuildReport,
    Hit,
    Mode,
    QueryScores,
    SearchConfig,
    matched_terms,
    rank_score,
    regulation_context,
    resolve_granularity,
    validate_query,
)
from search.shared_scan import SharedScan
from search.tokenizer import ChineseTokenizer, vocabulary_terms
from search.units import Unit, corpus_units
from search.vector_file import HALF_NAME, load_vectors

__all__ = [
    "INDEX_FORMAT", "MAX_QUERY_CHARS", "MODES", "BuildReport", "Documents", "Hit", "Mode",
    "QueryScores", "SearchConfig", "SearchIndex", "build_key", "corpus_fingerprint",
    "embedding_cache_root", "index_folder", "matched_terms", "open_cached", "open_index",
    "regulation_context", "resolve_granularity", "validate_query",
]


class SearchIndex:
    """Units, their BM25 index and (with an embedder) their vectors; ``search`` ranks articles."""

    def __init__(
        self,
        units: Sequence[Unit],
        tokenizer: ChineseTokenizer,
        bm25: BM25Index,
        vectors: npt.NDArray[np.float32] | None,
        embedder: Embedder | None,
        profiles: dict[str, ActorProfile],
        config: SearchConfig,
    ) -> None:
        if vectors is not None and len(vectors) != len(units):
            raise BackendError(f"{len(vectors)} vectors for {len(units)} units")
        self.units = list(units)
        self.tokenizer = tokenizer
        self.bm25 = bm25
        self.vectors = vectors
        self.embedder = embedder if vectors is not None else None
        self.profiles = profiles
        self.config = config
        self.report = BuildReport(units=len(self.units))
        self._shared_scan: SharedScan | None = None
        self._leaf_token_cache: dict[int, list[str]] = {}
        self.query_adapter: QueryAdapter | None = None
        self.fact_style = shipped_fact_style()  # long queries only (search/fact_style.py)
        self._layout()
        # the long-query path only over a regulation the case facts answer into (the 刑法)
        self.long_facts = self.fact_style.fits(self.regulation_titles())

    def _layout(self) -> None:
        keys = [u.article_key for u in self.units]
        starts = [i for i, key in enumerate(keys) if i == 0 or key != keys[i - 1]]
        self.article_starts = np.asarray(starts, dtype=np.int64)
        self.article_ends = np.append(self.article_starts[1:], len(self.units)).astype(np.int64)
        reg_ids = sorted({u.regulation_id for u in self.units})
        self.regulation_ids = reg_ids
        reg_index = {r: i for i, r in enumerate(reg_ids)}
        self.article_regulation = np.asarray(
            [reg_index[self.units[s].regulation_id] for s in starts], dtype=np.int64
        )
        self.use_prior(answer_prior())
        self.report.articles = len(starts)
        self.report.regulations = len(reg_ids)

    def use_query_adapter(self, adapter: QueryAdapter | None) -> None:
        """Adapt every query vector with ``adapter`` from now on (None: the model's own)."""
        if adapter is not None and self.embedder is not None \
                and adapter.dimension != self.embedder.dimension:
            raise BackendError(f"a {adapter.dimension}-d query adapter for a "
                               f"{self.embedder.dimension}-d model")
        self.query_adapter = adapter

    def regulation_titles(self) -> set[str]:
        """The titles of the regulations indexed (as the units carry them)."""
        return {self.units[int(s)].regulation for s in self.article_starts}

    def use_prior(self, prior: AnswerPrior) -> None:
        """Rank with ``prior`` from now on (default: the fitted ``search/data`` one)."""
        first_units = [self.units[int(s)] for s in self.article_starts]
        self.article_prior = np.asarray(
            [prior.of(u.regulation, u.category) for u in first_units], dtype=np.float32
        )

    # ----------------------------------------------------------------------------- building

    @classmethod
    def build(
        cls,
        regulations: Sequence[Regulation],
        embedder: Embedder | None,
        config: SearchConfig | None = None,
        cache: EmbeddingCache | None = None,
    ) -> SearchIndex:
        """Index every unit of ``regulations``; vectors come from ``cache`` where it has them."""
        config = config or SearchConfig()
        started = time.perf_counter()
        granularity = resolve_granularity(config, regulations)
        units = corpus_units(regulations, granularity)
        if not units:
            raise InputError("no articles to index")
        tokenizer = ChineseTokenizer(vocabulary_terms(regulations), bigrams=config.bigrams)
        bm25 = BM25Index.build(
            [tokenizer(u.passage) for u in units], k1=config.bm25_k1, b=config.bm25_b
        )
        vectors, stats = None, EmbeddingStats()
        if embedder is not None:
            vectors, stats = embed_cached(embedder, [u.passage for u in units], cache)
        index = cls(units, tokenizer, bm25, vectors, embedder, regulation_profiles(regulations),
                    config)
        index.report.embedding = stats
        index.report.seconds = time.perf_counter() - started
        return index

    def save(self, folder: Path, build_key: str) -> None:
        """Write the index to ``folder`` (replaced whole; readers never see half of one).

        Several processes may build the same index at once (the search pool's children on a
        data directory whose index is stale): each writes a folder of its own and renames it
        into place; one that finds another's already there keeps that one."""
        _remove_dead_writers(folder)
        token = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
        tmp = folder.with_name(f".{folder.name}.{token}.tmp")
        tmp.mkdir(parents=True)
        self.bm25.save(tmp / "bm25")
        with (tmp / "units.jsonl").open("w", encoding="utf-8") as fh:
            for unit in self.units:
                fh.write(json.dumps(asdict(unit), ensure_ascii=False) + "\n")
        if self.vectors is not None:
            np.save(tmp / HALF_NAME, self.vectors.astype(np.float16))
        profiles = {r: p.to_dict() for r, p in self.profiles.items()}
        (tmp / "profiles.json").write_text(json.dumps(profiles, ensure_ascii=False), "utf-8")
        manifest = {
            "format": INDEX_FORMAT,
            "build_key": build_key,
            "embedder": self.embedder.name if self.embedder is not None else None,
            "user_words": list(self.tokenizer.user_words),
            "config": self.config.build_fields(),
            "units": len(self.units),
            "report": {k: v for k, v in asdict(self.report).items() if k != "embedding"},
        }
        (tmp / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), "utf-8")
        old = folder.with_name(f".{folder.name}.{token}.old")
        with contextlib.suppress(FileNotFoundError):  # another writer moved it first
            folder.rename(old)
        try:
            tmp.rename(folder)
        except OSError:
            # another process renamed its copy into place between our two renames (a
            # directory is not renamed over a non-empty one): the same build, keep it
            shutil.rmtree(tmp, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)

    @classmethod
    def load(
        cls, folder: Path, embedder: Embedder | None, config: SearchConfig | None = None
    ) -> SearchIndex:
        """Read an index written by ``save``. Raises ``BackendError`` if it is unreadable."""
        config = config or SearchConfig()
        try:
            manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
            with (folder / "units.jsonl").open(encoding="utf-8") as fh:
                units = [Unit(**json.loads(line)) for line in fh]
            bm25 = BM25Index.load(folder / "bm25", len(units))
            vectors = None
            if embedder is not None and (folder / HALF_NAME).is_file():
                vectors = load_vectors(folder)  # mapped read-only, shared by processes
            raw_profiles = json.loads((folder / "profiles.json").read_text("utf-8"))
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise BackendError(f"search index at {folder} is unreadable: {error}") from error
        tokenizer = ChineseTokenizer(manifest["user_words"],
                                     bigrams=bool(manifest["config"].get("bigrams", False)))
        profiles = {r: ActorProfile.from_dict(p) for r, p in raw_profiles.items()}
        index = cls(units, tokenizer, bm25, vectors, embedder, profiles, config)
        index.report.loaded = True
        return index

    def share_scans(self, max_batch: int = 16) -> None:
        """Serve the dense scans of concurrent ``score`` calls with one pass over the vectors
        (``search/shared_scan.py``): for servers; a single caller gains nothing."""
        if self.vectors is not None and self._shared_scan is None:
            self._shared_scan = SharedScan(self.vectors, max_batch=max_batch)

    # ----------------------------------------------------------------------------- querying

    def score(
        self, query: str, query_vector: npt.NDArray[np.float32] | None = None, *,
        fact_style: bool = True,
    ) -> QueryScores:
        """Score every unit for ``query`` with each retriever (``query_vector``: the query's
        embedding, if already computed by ``embed_queries``, so already adapted); a long query
        without the style of case facts unless ``fact_style`` is False (search/fact_style.py).
        Raises ``InputError`` if the query is empty."""
        text = validate_query(query)
        tokens = self.tokenizer(text)
        if self.config.expand:
            tokens += self.tokenizer(" ".join(expansion_terms(text)))
        style = (self.fact_style if fact_style and self.long_facts and self.config.long_query_style
                 and 0 < self.config.long_query_chars < len(text) else None)
        bm25 = self.bm25.scores(tokens if style is None else style.content_tokens(tokens))
        dense = None
        if self.embedder is not None and self.vectors is not None:
            if query_vector is None:
                query_vector = self._adapted([text], self.embedder.embed_queries([text]))[0]
            if style is not None:
                query_vector = style.centred(query_vector, embedder_key(self.embedder))
            dense = (self._shared_scan(query_vector) if self._shared_scan is not None
                     else self.vectors @ query_vector)
        actors, ranks = actor_ranks(text, self.profiles, self.regulation_ids)
        article_actor_ranks = ranks[self.article_regulation] if ranks is not None else None
        return QueryScores(tokens, bm25, dense, actors, article_actor_ranks, len(text))

    def embed_queries(self, queries: Sequence[str]) -> list[npt.NDArray[np.float32] | None]:
        """Query vectors for a batch of queries (None each without a model); faster than one
        by one. Raises ``InputError`` if a query is empty."""
        texts = [validate_query(q) for q in queries]
        if self.embedder is None or self.vectors is None:
            return [None] * len(texts)
        return list(self._adapted(texts, self.embedder.embed_queries(texts)))

    def _adapted(self, texts: Sequence[str],
                 vectors: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
        if self.query_adapter is None:
            return vectors
        return self.query_adapter.apply_within(texts, vectors)

    def search(self, query: str, top: int = 10, mode: Mode = "hybrid") -> list[Hit]:
        """The ``top`` articles for ``query``, best first. Raises ``InputError``."""
        if top < 1:
            raise InputError("top must be at least 1", field="top")
        return self.rank(self.score(query), top, mode)

    def article_scores(
        self, scores: QueryScores, mode: Mode
    ) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """Per-article fused score, BM25 rank and dense rank (0 = not among the candidates)."""
        config = self.config
        one_per_article = len(self.article_starts) == len(self.units)
        bm25_article = (scores.bm25 if one_per_article
                        else group_max(scores.bm25, self.article_starts))
        bm25_ranks = ranks_of(bm25_article, config.depth, floor=0.0)
        dense_ranks = np.zeros(len(self.article_starts), dtype=np.int64)
        dense_article = None
        if scores.dense is not None:
            dense_article = (scores.dense if one_per_article
                             else group_max(scores.dense, self.article_starts))
            dense_ranks = ranks_of(dense_article, config.depth)
        if mode == "dense" and dense_article is None:
            raise BackendError("dense search needs an embedding model; none is loaded")
        if mode == "bm25":
            fused = rank_score(bm25_ranks)
        elif mode == "dense" or (dense_article is not None and not bm25_ranks.any()):
            fused = rank_score(dense_ranks)
        elif dense_article is None:
            fused = rank_score(bm25_ranks)
        elif self.long_facts and 0 < config.long_query_chars < scores.query_chars:
            fused = reciprocal_rank_fusion([bm25_ranks, dense_ranks], k=config.long_query_rrf_k)
        elif config.fusion == "rrf":
            rankings, weights = [bm25_ranks, dense_ranks], [config.bm25_weight,
                                                            config.dense_weight]
            if scores.actor_ranks is not None and config.actor_weight > 0:
                rankings.append(np.where(bm25_ranks + dense_ranks > 0, scores.actor_ranks, 0))
                weights.append(config.actor_weight)
            fused = reciprocal_rank_fusion(rankings, k=config.rrf_k, weights=weights)
        else:
            fused = weighted_sum(
                [bm25_article, dense_article],
                [config.bm25_weight, config.dense_weight],
                [bm25_ranks > 0, dense_ranks > 0],
            )
            if scores.actor_ranks is not None and config.actor_weight > 0:
                ranked = scores.actor_ranks > 0
                fused[ranked] += config.actor_weight / scores.actor_ranks[ranked]
            if config.prior_weight > 0:
                fused += config.prior_weight * self.article_prior * (
                    (bm25_ranks > 0) | (dense_ranks > 0))
            if config.regulation_weight > 0:
                fused += config.regulation_weight * regulation_context(
                    fused, self.article_regulation, len(self.regulation_ids))
        return fused, bm25_ranks, dense_ranks

    def ranked_articles(self, scores: QueryScores, top: int, mode: Mode = "hybrid") -> list[int]:
        """Indices of the ``top`` best articles (those with any score), best first."""
        return self._ranked(*self.article_scores(scores, mode), top, mode)

    def _ranked(
        self,
        fused: npt.NDArray[np.float32],
        bm25_ranks: npt.NDArray[np.int64],
        dense_ranks: npt.NDArray[np.int64],
        top: int,
        mode: Mode,
    ) -> list[int]:
        candidates = {"bm25": bm25_ranks > 0, "dense": dense_ranks > 0}.get(
            mode, (bm25_ranks > 0) | (dense_ranks > 0))
        order = ranks_of(np.where(candidates, fused, -1.0).astype(np.float32), top, floor=-1.0)
        ranked = np.flatnonzero(order)
        return ranked[np.argsort(order[ranked])].tolist()

    def article_eval_key(self, article: int) -> tuple[str, int, int]:
        """(normalised title, number, suffix): how eval answers name an article."""
        unit = self.units[int(self.article_starts[article])]
        return (normalize_title(unit.regulation), unit.article, unit.article_suffix)

    def rank(self, scores: QueryScores, top: int, mode: Mode = "hybrid") -> list[Hit]:
        fused, bm25_ranks, dense_ranks = self.article_scores(scores, mode)
        hits = []
        ranked = self._ranked(fused, bm25_ranks, dense_ranks, top, mode)
        for position, article in enumerate(ranked, start=1):
            unit = self.best_unit(article, scores, mode)
            matched = matched_terms(scores.tokens, self.units[unit].text)
            hits.append(self._hit(position, unit, float(fused[article]),
                                  int(bm25_ranks[article]), int(dense_ranks[article]),
                                  matched, scores.actors, mode))
        return hits

    def best_unit(self, article: int, scores: QueryScores, mode: Mode = "hybrid") -> int:
        """The paragraph or item of ``article`` that matches best (the article if it has none;
        how they are told apart: ``search/leaves.py``)."""
        start, end = int(self.article_starts[article]), int(self.article_ends[article])
        local = leaves(self.units, start, end)
        if not local:
            return start
        if len(local) == 1:
            return local[0]
        best = best_leaf(local, self.units, end, scores, self.config, mode, self._leaf_tokens)
        return start if best is None else best

    def _leaf_tokens(self, i: int) -> list[str]:
        # A leaf's own text, tokenised once (a few dozen leaves in the seed corpus; none where
        # only articles are indexed). Two threads may both fill an entry: the same list.
        tokens = self._leaf_token_cache.get(i)
        if tokens is None:
            tokens = self._leaf_token_cache[i] = self.tokenizer(self.units[i].text)
        return tokens

    def _hit(
        self, rank: int, i: int, score: float, bm25_rank: int, dense_rank: int,
        matched: list[str], actors: list[str], mode: Mode,
    ) -> Hit:
        unit = self.units[i]
        parts = []
        if mode != "dense":
            parts.append(f"BM25 #{bm25_rank}" if bm25_rank else "BM25 no match")
        if mode != "bm25" and self.embedder is not None:
            parts.append(f"dense #{dense_rank}" if dense_rank else "dense beyond candidates")
        if matched:
            parts.append("terms " + "、".join(matched))
        governed = [a for a in actors if a in self.profiles.get(unit.regulation_id,
                                                                ActorProfile()).roles]
        if governed and mode == "hybrid":
            parts.append("governs " + "、".join(governed))
        return Hit(
            rank=rank, regulation=unit.regulation, regulation_id=unit.regulation_id,
            article=unit.article, article_suffix=unit.article_suffix,
            article_label=unit.article_label, paragraph=unit.paragraph, item=unit.item,
            text=unit.text, score=round(score, 6), bm25_rank=bm25_rank or None,
            dense_rank=dense_rank or None, matched_terms=matched, actors=actors,
            reason="; ".join(parts),
        )



# ------------------------------------------------------------------------------- persistence


Documents = Callable[[], tuple[Sequence[Regulation], int]]
"""documents() -> (the regulations to index, how many could not be read): called only when
the index is (re)built."""


def _remove_dead_writers(folder: Path) -> None:
    """The half-written copies of writers that died (their process id is gone)."""
    for stale in folder.parent.glob(f".{folder.name}.*-*.*"):
        pid = stale.name[len(folder.name) + 2:].split("-", 1)[0]
        if pid.isdigit() and not pid_alive(int(pid)):
            shutil.rmtree(stale, ignore_errors=True)


def open_cached(
    folder: Path,
    content_key: str,
    documents: Documents,
    data_dir: Path,
    embedder: Embedder | None,
    config: SearchConfig | None = None,
) -> SearchIndex:
    """The index kept in ``folder``: loaded when its build key (``content_key`` and the rest,
    see :func:`build_key`) matches, else built from ``documents()`` and saved.

    Raises ``InputError`` when there is nothing to index, ``BackendError`` when the data
    directory cannot be written.
    """
    config = config or SearchConfig()
    key = build_key(content_key, embedder, config)
    try:
        manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    except (OSError, ValueError):
        manifest = None
    if manifest is not None and manifest.get("build_key") == key:
        try:
            return SearchIndex.load(folder, embedder, config)
        except BackendError:
            pass  # rebuild below
    started = time.perf_counter()
    regulations, problems = documents()
    read_seconds = time.perf_counter() - started
    if not regulations:
        raise InputError("no regulations to index")
    cache = (
        EmbeddingCache(embedding_cache_root(data_dir), embedder.name)
        if embedder is not None else None
    )
    index = SearchIndex.build(regulations, embedder, config, cache)
    index.report = replace(index.report, parse_seconds=read_seconds, parse_errors=problems,
                           seconds=index.report.seconds + read_seconds)
    try:
        index.save(folder, key)
    except OSError as error:
        raise BackendError(f"cannot write the search index to {folder}: {error}") from error
    return index


def open_index(
    root: Path,
    data_dir: Path,
    embedder: Embedder | None,
    config: SearchConfig | None = None,
) -> SearchIndex:
    """The index of the regulation files under ``root`` (latest version of each), kept in
    ``data_dir`` and rebuilt when a file changes.

    Raises ``InputError`` when ``root`` is not a folder of regulations, ``BackendError`` when the
    data directory cannot be written.
    """
    if not root.is_dir():
        raise InputError("not a directory", file=root)

    def parsed() -> tuple[Sequence[Regulation], int]:
        regulations, report = load_corpus(root)
        if not regulations:
            raise InputError("no regulations found", file=root)
        return regulations, len(report.errors)

    return open_cached(index_folder(data_dir, root, embedder), corpus_fingerprint(root),
                       parsed, data_dir, embedder, config)
