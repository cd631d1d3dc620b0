"""What the query adapter is trained and cross-validated on (bench/search_adapt.py): the
questions with their gold articles as rows of the index, the zero-shot query vectors, hard
negatives mined by BM25 and by the zero-shot dense model, and fast article-level scoring.

Everything is computed once per index and kept in an .npz beside the work files, so a grid of
settings only trains and ranks.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from search.evaluate import EvalQuery, gold_keys
from search.index import SearchIndex

Floats = npt.NDArray[np.float32]
Ints = npt.NDArray[np.int64]
CUTOFFS = (1, 5, 10, 100)


@dataclass
class AdaptData:
    """Questions (rows) over one articles-only index."""

    ids: list[str]
    texts: list[str]
    gold: list[Ints]  # article rows of each question's gold answers in the index (may be empty)
    queries: Floats  # zero-shot query vectors, one row per question
    hard: Ints  # mined negatives per question: BM25 pool then dense pool, -1 padded
    articles: Floats  # one vector per article (the index's vectors; articles only)

    def rows(self, ids: Sequence[str]) -> list[int]:
        where = {q: i for i, q in enumerate(self.ids)}
        return [where[q] for q in ids]


def article_rows(index: SearchIndex) -> dict[tuple[str, int, int], int]:
    return {index.article_eval_key(a): a for a in range(len(index.article_starts))}


def prepare(index: SearchIndex, questions: Sequence[EvalQuery], cache: Path,
            pool: int = 100) -> AdaptData:
    """The data of ``questions`` over ``index`` (articles only, with vectors); read from
    ``cache`` when it was made for the same questions and index, else computed and saved."""
    if index.vectors is None or len(index.units) != len(index.article_starts):
        raise SystemExit("the adapter data needs an articles-only index with vectors")
    identity = hashlib.sha256(json.dumps(
        [[q.id for q in questions], len(index.units), index.units[0].passage,
         index.units[-1].passage, pool]).encode()).hexdigest()[:16]
    file = cache.with_name(f"{cache.stem}-{identity}.npz")
    rows = article_rows(index)
    gold = [np.asarray(sorted(rows[k] for k in gold_keys(q) if k in rows), dtype=np.int64)
            for q in questions]
    if file.is_file():
        with np.load(file) as saved:
            queries, hard = saved["queries"], saved["hard"]
    else:
        queries = np.stack(index.embed_queries([q.query for q in questions])).astype(np.float32)
        hard = np.full((len(questions), 2 * pool), -1, dtype=np.int64)
        for i, question in enumerate(questions):
            bm25 = index.score(question.query, queries[i]).bm25
            dense = index.vectors @ queries[i]
            for offset, scores in ((0, bm25), (pool, dense)):
                top = np.argpartition(-scores, pool + len(gold[i]))[:pool + len(gold[i])]
                top = top[np.argsort(-scores[top], kind="stable")]
                top = top[~np.isin(top, gold[i])][:pool]
                hard[i, offset:offset + len(top)] = top
        file.parent.mkdir(parents=True, exist_ok=True)
        np.savez(file, queries=queries, hard=hard)
    return AdaptData([q.id for q in questions], [q.query for q in questions], gold,
                     queries, hard, index.vectors)


def dense_ranks(articles: Floats, queries: Floats, gold: Sequence[Ints]) -> list[int | None]:
    """1-based rank of each question's best gold article by dense score alone (None: no gold
    in the corpus). Ties count against the gold (rank = 1 + articles scoring at least as
    high, other than itself)."""
    out: list[int | None] = []
    for start in range(0, len(queries), 256):
        scores = queries[start:start + 256] @ articles.T
        for row, wanted in zip(scores, gold[start:start + 256], strict=True):
            if len(wanted) == 0:
                out.append(None)
                continue
            best = row[wanted].max()
            out.append(int((row > best).sum()) + 1)
    return out


def hybrid_ranks(index: SearchIndex, texts: Sequence[str], queries: Floats,
                 gold: Sequence[Ints], depth: int = 100) -> list[int | None]:
    """1-based rank of the best gold article in the index's hybrid ranking (its fusion and
    whatever prior it holds) within ``depth``; None beyond it."""
    out: list[int | None] = []
    for text, vector, wanted in zip(texts, queries, gold, strict=True):
        ranked = index.ranked_articles(index.score(text, vector), depth, "hybrid")
        golds = set(wanted.tolist())
        hits = [r for r, article in enumerate(ranked, start=1) if article in golds]
        out.append(hits[0] if hits else None)
    return out


def recall_row(ranks: Sequence[int | None], depth: int = 100) -> dict[str, float]:
    """R@1/5/10/100 and MRR (within ``depth``, as liuhen eval counts it)."""
    n = max(len(ranks), 1)
    row = {f"R@{k}": sum(1 for r in ranks if r is not None and r <= k) / n for k in CUTOFFS}
    row["MRR"] = sum(1 / r for r in ranks if r is not None and r <= depth) / n
    return row


def table(rows: Sequence[tuple[str, dict[str, float]]], first: str = "run") -> list[str]:
    keys = [*(f"R@{k}" for k in CUTOFFS), "MRR"]
    out = [f"| {first} | " + " | ".join(keys) + " |", "|---|" + "---|" * len(keys)]
    for name, row in rows:
        out.append(f"| {name} | " + " | ".join(f"{row[k]:.3f}" for k in keys) + " |")
    return out
