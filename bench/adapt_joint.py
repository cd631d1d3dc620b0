"""The query adapter and the answer prior cross-validated together (issue 14, session 7), for
``bench/search_adapt.py joint``.

In each of the 5 folds (the folds of ``search_adapt.split``) the adapter AND the answer prior are
fitted on the 4 other folds only; the held-out fold is ranked by the real index's hybrid ranking
(``SearchIndex.ranked_articles``) with the adapted query vectors and that fold's prior. Each
question's BM25 scores are computed once and reused by every variant (a variant changes only how
the scores are fused), so a table of fusion variants costs seconds per variant, not a re-scoring.

A variant is a set of ``SearchConfig`` query fields (fusion, weights, candidate depth, prior
weight). Choosing among variants by the same CV figures is selection on CV; ``nested`` instead
chooses, for each outer fold, the variant with the best mean R@10 over inner folds made of the 4
training folds only (adapter and prior re-fitted on 3 of them), so the held-out fold never takes
part in the choice.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np
from adapt_data import AdaptData, Floats, recall_row
from adapt_train import TrainSettings, train

from search.evaluate import EvalQuery, gold_keys
from search.index import SearchIndex
from search.prior import AnswerPrior, fit_prior
from search.query_adapter import QueryAdapter
from search.scoring import QueryScores

Row = dict[str, float]


@dataclass(frozen=True)
class Variant:
    """How the held-out fold is ranked: adapter or not, fold prior or not, and query fields of
    ``SearchConfig`` that differ from the shipped ones."""

    name: str
    adapter: bool = True
    prior: bool = True
    config: Mapping[str, object] = field(default_factory=dict)


#: The rows the brief asks for, with the fusion of main before session 7 (weighted, 0.4 / 0.6,
#: depth 1000, prior weight 0.6, set explicitly: the shipped default became 0.3 after this CV).
_MAIN = {"prior_weight": 0.6}
BASE = [Variant("hybrid zero-shot, no prior", adapter=False, prior=False, config=_MAIN),
        Variant("hybrid zero-shot, fold prior", adapter=False, config=_MAIN),
        Variant("hybrid adapted, no prior", prior=False, config=_MAIN),
        Variant("hybrid adapted + fold prior (prior weight 0.6)", config=_MAIN)]
#: Fusion variants tried with adapter and fold prior (every one is reported).
FUSION = [
    *(Variant(f"adapted + prior, prior weight {w:g}", config={**_MAIN, "prior_weight": w})
      for w in (0.3, 0.45, 0.8, 1.0)),
    *(Variant(f"adapted + prior, bm25/dense {b:g}/{1 - b:g}",
              config={**_MAIN, "bm25_weight": b, "dense_weight": round(1 - b, 2)})
      for b in (0.3, 0.5)),
    *(Variant(f"adapted + prior, depth {d}", config={**_MAIN, "depth": d}) for d in (300, 3000)),
    Variant("adapted + prior, no actor boost", config={**_MAIN, "actor_weight": 0.0}),
    *(Variant(f"adapted + prior, rrf k={k:g}", config={**_MAIN, "fusion": "rrf", "rrf_k": k})
      for k in (20.0, 60.0)),
]


def regulation_sizes(index: SearchIndex) -> list[tuple[str, str, int]]:
    """(title, category, articles) per regulation of the index, as ``fit_prior`` takes them."""
    counts: Counter[tuple[str, str]] = Counter()
    for start in index.article_starts:
        unit = index.units[int(start)]
        counts[(unit.regulation, unit.category)] += 1
    return [(title, category, n) for (title, category), n in counts.items()]


def fold_prior(sizes: Sequence[tuple[str, str, int]],
               questions: Sequence[EvalQuery]) -> AnswerPrior:
    """The answer prior fitted on ``questions`` only (as bench/search_fit_prior.py fits it)."""
    return fit_prior(sizes, [key[0] for q in questions for key in gold_keys(q)])


@dataclass
class Scored:
    """BM25 and the actor ranks of every question, computed once (dense is added per run)."""

    scores: dict[int, QueryScores]

    @classmethod
    def of(cls, index: SearchIndex, data: AdaptData, rows: Sequence[int]) -> Scored:
        out = {}
        for row in rows:
            scores = index.score(data.texts[row], data.queries[row])
            out[row] = replace(scores, dense=None)
        return cls(out)


def ranks(index: SearchIndex, scored: Scored, data: AdaptData, rows: Sequence[int],
          vectors: Floats, depth: int = 100) -> list[int | None]:
    """1-based rank of each question's best gold article in the index's hybrid ranking (its
    current config and prior), None beyond ``depth`` or without gold in the corpus."""
    out: list[int | None] = []
    dense = vectors @ data.articles.T
    for row, row_dense in zip(rows, dense, strict=True):
        if len(data.gold[row]) == 0:
            out.append(None)
            continue
        scores = replace(scored.scores[row], dense=row_dense.astype(np.float32))
        ranked = index.ranked_articles(scores, depth, "hybrid")
        golds = set(data.gold[row].tolist())
        hits = [r for r, article in enumerate(ranked, start=1) if article in golds]
        out.append(hits[0] if hits else None)
    return out


@dataclass
class Split:
    """One train / test split: the test rows, their zero-shot and adapted vectors, the prior."""

    test: list[int]
    zero: Floats
    adapted: Floats
    prior: AnswerPrior


def make_split(data: AdaptData, by_id: Mapping[str, EvalQuery],
               sizes: Sequence[tuple[str, str, int]], train_ids: Sequence[str],
               test_ids: Sequence[str], settings: TrainSettings, seed: int) -> Split:
    test = data.rows(test_ids)
    weight, bias = train(data, data.rows(train_ids), settings, seed)
    adapter = QueryAdapter("cv", weight, bias, "", frozenset())
    return Split(test, data.queries[test], adapter.apply(data.queries[test]),
                 fold_prior(sizes, [by_id[q] for q in train_ids]))


def run_variant(index: SearchIndex, scored: Scored, data: AdaptData, split: Split,
                variant: Variant) -> list[int | None]:
    shipped_config, shipped_prior = index.config, index.article_prior
    try:
        index.config = replace(shipped_config, **variant.config)  # type: ignore[arg-type]
        index.use_prior(split.prior if variant.prior else AnswerPrior())
        return ranks(index, scored, data, split.test,
                     split.adapted if variant.adapter else split.zero)
    finally:
        index.config, index.article_prior = shipped_config, shipped_prior


def splits(data: AdaptData, by_id: Mapping[str, EvalQuery],
           sizes: Sequence[tuple[str, str, int]], folds: Sequence[Sequence[str]],
           settings: TrainSettings, seed: int) -> list[Split]:
    """One split per fold: fitted on the other folds, tested on it (seed + fold, as ``cv``)."""
    return [make_split(data, by_id, sizes,
                       [q for g, other in enumerate(folds) if g != f for q in other], fold,
                       settings, seed + f)
            for f, fold in enumerate(folds)]


def mean(rows: Sequence[Row]) -> Row:
    return {k: statistics.fmean(r[k] for r in rows) for k in rows[0]}


def nested_choice(index: SearchIndex, scored: Scored, data: AdaptData,
                  by_id: Mapping[str, EvalQuery], sizes: Sequence[tuple[str, str, int]],
                  folds: Sequence[Sequence[str]], outer: int, variants: Sequence[Variant],
                  settings: TrainSettings, seed: int) -> tuple[Variant, dict[str, float]]:
    """The variant with the best mean R@10 over inner folds made of the training folds of
    ``outer`` (adapter and prior fitted on 3 of them, tested on the 4th); and every variant's
    inner mean R@10."""
    inner_folds = [fold for f, fold in enumerate(folds) if f != outer]
    inner = splits(data, by_id, sizes, inner_folds, settings, seed + 100 * (outer + 1))
    inner_r10 = {v.name: statistics.fmean(
        recall_row(run_variant(index, scored, data, s, v))["R@10"] for s in inner)
        for v in variants}
    best = max(variants, key=lambda v: inner_r10[v.name])
    return best, inner_r10
