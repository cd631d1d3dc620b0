"""Evaluation in the format of shared/eval/README.md: recall@k and MRR at article level, item
accuracy of the top hit, for BM25 alone, dense alone and hybrid from the same query scores."""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from core.errors import InputError
from core.names import normalize_title
from search.index import MODES, Mode, SearchIndex

CUTOFFS = (1, 3, 5, 10, 100)


class GoldAnswer(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")

    regulation: str = Field(min_length=1)
    article: int = Field(ge=1)
    article_suffix: int = Field(default=0, ge=0)
    item: int | None = Field(default=None, ge=1)


class EvalQuery(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")

    id: str
    query: str
    gold: tuple[GoldAnswer, ...] = Field(min_length=1)


def load_queries(path: Path) -> list[EvalQuery]:
    """Read a JSONL eval file. Raises ``InputError`` naming the file, line and field."""
    try:
        lines = path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read eval file: {error}", file=path) from error
    queries = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            queries.append(EvalQuery.model_validate_json(line))
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or None
            raise InputError(first["msg"], file=path, line=number, field=where) from error
    if not queries:
        raise InputError("no queries in eval file", file=path)
    return queries


ArticleKey = tuple[str, int, int]


def gold_keys(query: EvalQuery) -> set[ArticleKey]:
    return {(normalize_title(g.regulation), g.article, g.article_suffix) for g in query.gold}


def gold_items(query: EvalQuery) -> set[tuple[ArticleKey, int]]:
    return {
        ((normalize_title(g.regulation), g.article, g.article_suffix), g.item)
        for g in query.gold
        if g.item is not None
    }


def first_match(ranked: Sequence[ArticleKey], gold: set[ArticleKey]) -> int | None:
    """1-based rank of the first gold article in ``ranked``; None if absent."""
    return next((i for i, key in enumerate(ranked, start=1) if key in gold), None)


@dataclass
class ModeResult:
    """Scores of one retrieval mode over an eval set."""

    ranks: list[int | None] = field(default_factory=list)
    item_hits: list[bool] = field(default_factory=list)

    def recall(self, k: int) -> float:
        return sum(1 for r in self.ranks if r is not None and r <= k) / max(len(self.ranks), 1)

    @property
    def mrr(self) -> float:
        return sum(1 / r for r in self.ranks if r is not None) / max(len(self.ranks), 1)

    @property
    def item_accuracy(self) -> float | None:
        return sum(self.item_hits) / len(self.item_hits) if self.item_hits else None

    def summary(self) -> dict[str, float | int | None]:
        out: dict[str, float | int | None] = {
            f"recall@{k}": round(self.recall(k), 4) for k in CUTOFFS
        }
        out["mrr"] = round(self.mrr, 4)
        accuracy = self.item_accuracy
        out["item_accuracy"] = None if accuracy is None else round(accuracy, 4)
        out["item_queries"] = len(self.item_hits)
        return out


@dataclass
class EvalReport:
    queries: int
    results: dict[str, ModeResult]
    seconds: float
    misses: dict[str, list[str]]

    def to_dict(self) -> dict[str, object]:
        return {
            "queries": self.queries,
            "seconds": round(self.seconds, 2),
            "modes": {mode: r.summary() for mode, r in self.results.items()},
        }


def evaluate(
    index: SearchIndex, queries: Sequence[EvalQuery], modes: Sequence[Mode] = MODES
) -> EvalReport:
    """Run every query once; rank it in each mode; score the rankings."""
    available = [m for m in modes if m == "bm25" or index.embedder is not None]
    results: dict[str, ModeResult] = {mode: ModeResult() for mode in available}
    misses: dict[str, list[str]] = {mode: [] for mode in available}
    depth = max(CUTOFFS)
    started = time.perf_counter()
    vectors: list = []
    for start in range(0, len(queries), 64):  # batches embed far faster than single queries
        vectors += index.embed_queries([q.query for q in queries[start : start + 64]])
    for query, vector in zip(queries, vectors, strict=True):
        scores = index.score(query.query, vector)
        wanted, wanted_items = gold_keys(query), gold_items(query)
        for mode in available:
            articles = index.ranked_articles(scores, depth, mode)
            keys = [index.article_eval_key(a) for a in articles]
            rank = first_match(keys, wanted)
            results[mode].ranks.append(rank)
            if rank != 1:
                misses[mode].append(query.id)
            if wanted_items:
                top = index.best_unit(articles[0], scores, mode) if articles else None
                hit = top is not None and (keys[0], index.units[top].item) in wanted_items
                results[mode].item_hits.append(hit)
    return EvalReport(len(queries), results, time.perf_counter() - started, misses)


def format_report(report: EvalReport, title: str) -> str:
    """A plain-text table: one row per mode."""
    header = f"{'mode':<8}" + "".join(f"{'R@' + str(k):>8}" for k in CUTOFFS)
    header += f"{'MRR':>8}{'item acc':>10}"
    lines = [title, header]
    for mode, result in report.results.items():
        s = result.summary()
        accuracy = s["item_accuracy"]
        row = f"{mode:<8}" + "".join(f"{s[f'recall@{k}']:>8.3f}" for k in CUTOFFS)
        row += f"{s['mrr']:>8.3f}"
        row += f"{accuracy:>10.3f}" if isinstance(accuracy, float) else f"{'-':>10}"
        lines.append(row)
    items = next(iter(report.results.values())).item_hits if report.results else []
    lines.append(f"{report.queries} queries ({len(items)} with an item), "
                 f"{report.seconds:.1f} s")
    return "\n".join(lines)


def report_json(report: EvalReport, **extra: object) -> str:
    return json.dumps({**extra, **report.to_dict()}, ensure_ascii=False, indent=2)
