"""Fit the answer prior (``search/data/answer_prior.json``, see ``search/prior.py``) on a training
eval set, and measure what it is worth on questions it was not fitted on.

Fit it on a training split only (``stard_train.jsonl``), never on questions used to measure the
result. ``--cv N`` runs N repetitions of 2-fold cross-validation through the real index: fit on
one half of the questions, rank the other half, for no prior, the category prior alone and the
regulation prior; each question is scored once and ranked under every prior.

    .venv/bin/python bench/search_fit_prior.py [--queries FILE] [--corpus DIR] [--cv 3]
        [--write] [--append docs/benchmarks.md]
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Sequence
from pathlib import Path

from core.settings import get_settings
from search.corpus import load_corpus
from search.embeddings import load_embedder
from search.evaluate import EvalQuery, first_match, gold_keys, load_queries
from search.index import QueryScores, SearchIndex, open_index
from search.prior import PRIOR_FILE, AnswerPrior, fit_prior

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CUTOFFS = (10, 100)


def answer_titles(queries: Sequence[EvalQuery]) -> list[str]:
    return [key[0] for query in queries for key in gold_keys(query)]


def recalls(
    index: SearchIndex, scored: Sequence[tuple[EvalQuery, QueryScores]]
) -> dict[int, int]:
    """How many questions have a gold article in the hybrid top k, for each cutoff."""
    found = dict.fromkeys(CUTOFFS, 0)
    for query, scores in scored:
        ranked = index.ranked_articles(scores, max(CUTOFFS))
        rank = first_match([index.article_eval_key(a) for a in ranked], gold_keys(query))
        for k in CUTOFFS:
            found[k] += rank is not None and rank <= k
    return found


def cross_validate(
    index: SearchIndex, queries: list[EvalQuery], sizes: list[tuple[str, str, int]], repeats: int
) -> list[str]:
    vectors = []
    for start in range(0, len(queries), 64):
        vectors += index.embed_queries([q.query for q in queries[start : start + 64]])
    scored = [(q, index.score(q.query, v)) for q, v in zip(queries, vectors, strict=True)]
    totals: dict[str, dict[int, int]] = {}
    for repeat in range(repeats):
        order = list(range(len(scored)))
        random.Random(repeat).shuffle(order)
        halves = [order[: len(order) // 2], order[len(order) // 2 :]]
        for fold in (0, 1):
            train = [queries[i] for i in halves[1 - fold]]
            test = [scored[i] for i in halves[fold]]
            fitted = fit_prior(sizes, answer_titles(train))
            priors = {"no prior": AnswerPrior(),
                      "category prior": AnswerPrior({}, fitted.categories),
                      "regulation prior (default)": fitted}
            for name, prior in priors.items():
                index.use_prior(prior)
                found = recalls(index, test)
                total = totals.setdefault(name, dict.fromkeys(CUTOFFS, 0))
                for k in CUTOFFS:
                    total[k] += found[k]
    index.use_prior(AnswerPrior.load())
    asked = repeats * len(queries)
    rows = [f"| {name} | {found[10] / asked:.3f} | {found[100] / asked:.3f} |"
            for name, found in totals.items()]
    return [f"2-fold cross-validation on {len(queries)} questions, {repeats} random splits "
            f"(prior weight {index.config.prior_weight}; each question ranked once per split "
            "by a prior fitted on the other half):", "",
            "| prior | recall@10 | recall@100 |", "|---|---|---|", *rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=Path, default=SHARED / "eval" / "stard_train.jsonl")
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "lawrefbook")
    parser.add_argument("--cv", type=int, default=0, help="repetitions of 2-fold CV")
    parser.add_argument("--write", action="store_true", help=f"write {PRIOR_FILE.name}")
    parser.add_argument("--append", type=Path, default=None)
    args = parser.parse_args()
    queries = load_queries(args.queries)
    regulations, _ = load_corpus(args.corpus)
    sizes = [(r.title, r.category, len(r.articles)) for r in regulations]
    prior = fit_prior(sizes, answer_titles(queries))
    print(f"fitted on {len(queries)} questions: {len(prior.regulations)} regulations, "
          f"{len(prior.categories)} categories")
    if args.write:
        PRIOR_FILE.write_text(prior.to_json(
            f"fitted by bench/search_fit_prior.py on {args.queries.name}; see search/prior.py"),
            "utf-8")
    if args.cv:
        settings = get_settings()
        index = open_index(args.corpus, settings.data_dir, load_embedder(settings.model))
        lines = [f"#### Answer prior, cross-validated ({time.strftime('%Y-%m-%d')})", "",
                 *cross_validate(index, queries, sizes, args.cv)]
        print("\n".join(lines))
        if args.append is not None:
            with args.append.open("a", encoding="utf-8") as fh:
                fh.write("\n" + "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
