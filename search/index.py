"""The hybrid index: BM25 and dense vectors over articles, paragraphs and items, fused per
article, persisted in the data directory and rebuilt only when its content changes."""

from __future__ import annotations

import hashlib
import json
import shutil
import time
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Literal

import numpy as np
import numpy.typing as npt

from ingest.corpus import regulation_files
from ingest.models import Regulation, normalize_title
from liuhen.errors import BackendError, InputError
from search.actors import ActorProfile, actor_ranks, regulation_profiles
from search.bm25 import BM25Index
from search.corpus import load_corpus
from search.embeddings import Embedder, EmbeddingCache, EmbeddingStats, embed_cached
from search.expansion import expansion_terms
from search.fusion import group_max, min_max, ranks_of, reciprocal_rank_fusion, weighted_sum
from search.prior import AnswerPrior, answer_prior
from search.shared_scan import SharedScan
from search.tokenizer import BIGRAM_MARK, ChineseTokenizer, normalize_text, vocabulary_terms
from search.units import Granularity, Unit, corpus_units

#: Bump when the persisted layout or anything that changes the indexed content changes.
INDEX_FORMAT = 2
Mode = Literal["bm25", "dense", "hybrid"]
MODES: tuple[Mode, ...] = ("bm25", "dense", "hybrid")
_SOURCES = (
    Path(__file__).parent / "units.py",
    Path(__file__).parent / "tokenizer.py",
    Path(__file__).parent / "data" / "terms.txt",
    Path(__file__).parent / "data" / "stopwords.txt",
    Path(__file__).parent.parent / "ingest" / "vocabulary.json",
)
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
    leaf_dense_weight: float = 0.5  # against BM25's 1.0, when choosing the paragraph or item
    fusion: Literal["rrf", "weighted"] = "weighted"
    rrf_k: float = 60.0
    bm25_weight: float = 0.4
    dense_weight: float = 0.6
    actor_weight: float = 0.1  # regulation-level boost for the roles the query names
    regulation_weight: float = 0.0  # share of the best article's score of the regulation
    prior_weight: float = 0.6  # answer prior (search/prior.py)
    depth: int = 1000  # candidates each retriever contributes to the fusion

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
        return asdict(self)


@dataclass
class QueryScores:
    """Everything one query costs: computed once, ranked in any mode."""

    tokens: list[str]
    bm25: npt.NDArray[np.float32]
    dense: npt.NDArray[np.float32] | None
    actors: list[str]
    actor_ranks: npt.NDArray[np.int64] | None  # per article


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
        self._layout()

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
        """Write the index to ``folder`` (replaced whole; readers never see half of one)."""
        tmp = folder.with_name(f".{folder.name}.tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        self.bm25.save(tmp / "bm25")
        with (tmp / "units.jsonl").open("w", encoding="utf-8") as fh:
            for unit in self.units:
                fh.write(json.dumps(asdict(unit), ensure_ascii=False) + "\n")
        if self.vectors is not None:
            np.save(tmp / "vectors.npy", self.vectors.astype(np.float16))
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
        old = folder.with_name(f".{folder.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        if folder.exists():
            folder.rename(old)
        tmp.rename(folder)
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
            vectors_file = folder / "vectors.npy"
            vectors = None
            if embedder is not None and vectors_file.is_file():
                vectors = np.load(vectors_file).astype(np.float32)
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
        self, query: str, query_vector: npt.NDArray[np.float32] | None = None
    ) -> QueryScores:
        """Score every unit for ``query`` with each retriever (``query_vector``: the query's
        embedding, if already computed). Raises ``InputError`` if the query is empty."""
        text = validate_query(query)
        tokens = self.tokenizer(text)
        if self.config.expand:
            tokens += self.tokenizer(" ".join(expansion_terms(text)))
        bm25 = self.bm25.scores(tokens)
        dense = None
        if self.embedder is not None and self.vectors is not None:
            if query_vector is None:
                query_vector = self.embedder.embed_queries([text])[0]
            dense = (self._shared_scan(query_vector) if self._shared_scan is not None
                     else self.vectors @ query_vector)
        actors, ranks = actor_ranks(text, self.profiles, self.regulation_ids)
        article_actor_ranks = ranks[self.article_regulation] if ranks is not None else None
        return QueryScores(tokens, bm25, dense, actors, article_actor_ranks)

    def embed_queries(self, queries: Sequence[str]) -> list[npt.NDArray[np.float32] | None]:
        """Query vectors for a batch of queries (None each without a model); faster than one
        by one. Raises ``InputError`` if a query is empty."""
        texts = [validate_query(q) for q in queries]
        if self.embedder is None or self.vectors is None:
            return [None] * len(texts)
        return list(self.embedder.embed_queries(texts))

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
            fused = _rank_score(bm25_ranks)
        elif mode == "dense" or (dense_article is not None and not bm25_ranks.any()):
            fused = _rank_score(dense_ranks)
        elif dense_article is None:
            fused = _rank_score(bm25_ranks)
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
        """The paragraph or item of ``article`` that matches best (the article if it has none)."""
        start, end = int(self.article_starts[article]), int(self.article_ends[article])
        leaves = [i for i in range(start, end) if self._is_leaf(i, end)]
        if not leaves:
            return start
        if len(leaves) == 1:
            return leaves[0]
        local = np.asarray(leaves, dtype=np.int64)
        if self.config.leaf_choice == "scores":
            combined = np.zeros(len(local), dtype=np.float32)
            if mode != "dense":
                combined += min_max(scores.bm25[local])
            if mode != "bm25" and scores.dense is not None:
                combined += self.config.leaf_dense_weight * min_max(scores.dense[local])
            return int(local[int(np.argmax(combined))]) if combined.any() else start
        rankings = []
        if mode != "dense":
            rankings.append(ranks_of(scores.bm25[local], len(local), floor=0.0))
        if mode != "bm25" and scores.dense is not None:
            rankings.append(ranks_of(scores.dense[local], len(local)))
        if not any(r.any() for r in rankings):
            return start
        fused = reciprocal_rank_fusion(rankings, k=self.config.rrf_k)
        return int(local[int(np.argmax(fused))])

    def _is_leaf(self, i: int, end: int) -> bool:
        unit = self.units[i]
        if unit.item is not None:
            return True
        if unit.paragraph is None:
            return False
        following = self.units[i + 1] if i + 1 < end else None
        return not (following is not None and following.paragraph == unit.paragraph
                    and following.item is not None)

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


def _rank_score(ranks: npt.NDArray[np.int64]) -> npt.NDArray[np.float32]:
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


# ------------------------------------------------------------------------------- persistence


def corpus_fingerprint(root: Path) -> str:
    """SHA-256 over every regulation file under ``root``: relative path and bytes."""
    digest = hashlib.sha256()
    for path in regulation_files(root):
        digest.update(str(path.relative_to(root)).encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def build_key(root: Path, embedder: Embedder | None, config: SearchConfig) -> str:
    """What the persisted index depends on: corpus files, parser and tokenizer sources, config,
    embedding model. A different key means a rebuild."""
    digest = hashlib.sha256()
    digest.update(corpus_fingerprint(root).encode())
    ingest_dir = Path(__file__).parent.parent / "ingest"
    for source in (*sorted(ingest_dir.glob("*.py")), *sorted(ingest_dir.glob("*.json")),
                   *_SOURCES):
        digest.update(source.name.encode() + b"\0" + source.read_bytes())
    payload = {"format": INDEX_FORMAT, "config": config.build_fields(),
               "embedder": embedder.name if embedder is not None else None}
    digest.update(json.dumps(payload, sort_keys=True).encode())
    return digest.hexdigest()


def index_folder(data_dir: Path, root: Path, embedder: Embedder | None = None) -> Path:
    """One index per corpus folder and model, under ``data_dir/search/indexes/``."""
    identity = f"{root.resolve()}\0{embedder.name if embedder is not None else 'bm25'}"
    slug = hashlib.sha256(identity.encode()).hexdigest()[:16]
    return data_dir / "search" / "indexes" / f"{root.resolve().name}-{slug}"


def embedding_cache_root(data_dir: Path) -> Path:
    return data_dir / "search" / "embeddings"


def open_index(
    root: Path,
    data_dir: Path,
    embedder: Embedder | None,
    config: SearchConfig | None = None,
) -> SearchIndex:
    """The index of the regulations under ``root``: loaded from ``data_dir`` when its build key
    matches, else built (latest version of each regulation) and saved.

    Raises ``InputError`` when ``root`` is not a folder of regulations, ``BackendError`` when the
    data directory cannot be written.
    """
    config = config or SearchConfig()
    if not root.is_dir():
        raise InputError("not a directory", file=root)
    key = build_key(root, embedder, config)
    folder = index_folder(data_dir, root, embedder)
    manifest_file = folder / "manifest.json"
    try:
        manifest = json.loads(manifest_file.read_text("utf-8"))
    except (OSError, ValueError):
        manifest = None
    if manifest is not None and manifest.get("build_key") == key:
        try:
            return SearchIndex.load(folder, embedder, config)
        except BackendError:
            pass  # rebuild below
    started = time.perf_counter()
    regulations, report = load_corpus(root)
    parse_seconds = time.perf_counter() - started
    if not regulations:
        raise InputError("no regulations found", file=root)
    cache = (
        EmbeddingCache(embedding_cache_root(data_dir), embedder.name)
        if embedder is not None else None
    )
    index = SearchIndex.build(regulations, embedder, config, cache)
    index.report = replace(index.report, parse_seconds=parse_seconds,
                           parse_errors=len(report.errors),
                           seconds=index.report.seconds + parse_seconds)
    try:
        index.save(folder, key)
    except OSError as error:
        raise BackendError(f"cannot write the search index to {folder}: {error}") from error
    return index
