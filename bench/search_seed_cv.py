"""Seed questions (issue 14, session 13): the leaf settings (search/leaves.py) chosen by nested
k-fold cross-validation on data/eval/seed_questions_tune.jsonl.

    PYTHONPATH=$PWD .venv/bin/python bench/search_seed_cv.py [--data-dir DIR] [--check FILE ...]

Each query is scored once; the leaf settings never move an article, so every grid point only
re-chooses the paragraph or item of the top article. Nested: each fold is answered by the grid
point with the best item accuracy on the other folds (ties: the earlier point; main's setting
comes first), over several shuffles. ``--check FILE``: hybrid figures of other sets with main's
leaf setting and the shipped one, from the same scores (a check, never a choice).
"""

from __future__ import annotations

import argparse
import random
import time
from dataclasses import replace
from pathlib import Path

from core.settings import REPO_ROOT, Settings, get_settings
from search.evaluate import EvalQuery, first_match, gold_items, gold_keys, load_queries
from search.index import SearchConfig, SearchIndex
from search.scoring import QueryScores
from search.service import index_from_settings

TUNE = REPO_ROOT / "data" / "eval" / "seed_questions_tune.jsonl"
SEED = REPO_ROOT / "data" / "regulations"
SHIPPED = SearchConfig()
MAIN = replace(SHIPPED, leaf_text_weight=0.0, leaf_dense_weight=0.5, catch_all_floor=0.0)
GRID = {"main (text 0 / dense 0.5 / floor off)": MAIN} | {
    f"text {t} / dense {d} / floor {f or 'off'}": replace(
        SHIPPED, leaf_text_weight=t, leaf_dense_weight=d, catch_all_floor=f)
    for t in (0.0, 0.25, 0.5, 0.75, 1.0) for d in (0.0, 0.25, 0.5, 0.75, 1.0)
    for f in (0.0, 0.5, 1.0, 1.5, 2.0, 3.0)
}

Scored = list[tuple[QueryScores, list[int], int | None]]  # scores, ranked articles, gold rank


def score_all(index: SearchIndex, queries: list[EvalQuery]) -> Scored:
    vectors = index.embed_queries([q.query for q in queries])
    out = []
    for query, vector in zip(queries, vectors, strict=True):
        scores = index.score(query.query, vector)
        articles = index.ranked_articles(scores, 100)
        keys = [index.article_eval_key(a) for a in articles]
        out.append((scores, articles, first_match(keys, gold_keys(query))))
    return out


def item_hits(index: SearchIndex, queries: list[EvalQuery], scored: Scored,
              config: SearchConfig) -> list[bool | None]:
    """Per query: whether the top hit names a gold item (None: no item in the gold)."""
    shipped, index.config = index.config, config
    try:
        out: list[bool | None] = []
        for query, (scores, articles, _) in zip(queries, scored, strict=True):
            wanted = gold_items(query)
            if not wanted:
                out.append(None)
                continue
            top = index.best_unit(articles[0], scores) if articles else None
            key = index.article_eval_key(articles[0]) if articles else None
            out.append(top is not None and (key, index.units[top].item) in wanted)
        return out
    finally:
        index.config = shipped


def accuracy(hits: list[bool | None], members: list[int] | None = None) -> float:
    chosen = [hits[i] for i in (members if members is not None else range(len(hits)))]
    known = [h for h in chosen if h is not None]
    return sum(known) / max(len(known), 1)


def figures(name: str, scored: Scored, hits: list[bool | None]) -> str:
    ranks = [rank for _, _, rank in scored]
    r1 = sum(1 for r in ranks if r == 1) / len(ranks)
    r3 = sum(1 for r in ranks if r is not None and r <= 3) / len(ranks)
    n = sum(1 for h in hits if h is not None)
    return f"| {name} | {r1:.3f} | {r3:.3f} | {accuracy(hits):.3f} ({n}) |"


def cross_validated(per_point: dict[str, list[bool | None]], n: int, k: int,
                    shuffles: int) -> list[str]:
    lines = ["| shuffle | item acc | choices (one per fold) |", "|---|---|---|"]
    pooled_all = []
    for seed in range(shuffles):
        order = list(range(n))
        random.Random(seed).shuffle(order)
        pooled: list[bool | None] = [None] * n
        choices = []
        for fold in (order[i::k] for i in range(k)):
            held = set(fold)
            rest = [i for i in range(n) if i not in held]
            best = max(per_point, key=lambda name: accuracy(per_point[name], rest))
            choices.append(best)
            for i in fold:
                pooled[i] = per_point[best][i]
        pooled_all.append(accuracy(pooled))
        lines.append(f"| {seed} | {accuracy(pooled):.3f} | {'; '.join(choices)} |")
    lines.append(f"| mean | {sum(pooled_all) / len(pooled_all):.3f} | "
                 f"min {min(pooled_all):.3f}, max {max(pooled_all):.3f} |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="default: the settings' data directory (its index is reused)")
    parser.add_argument("--check", type=Path, nargs="*", default=[])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--shuffles", type=int, default=5)
    args = parser.parse_args()
    started = time.perf_counter()
    settings = Settings(data_dir=args.data_dir) if args.data_dir else get_settings()
    index = index_from_settings(settings, SEED)
    queries = load_queries(TUNE)
    scored = score_all(index, queries)
    per_point = {name: item_hits(index, queries, scored, config)
                 for name, config in GRID.items()}
    out = ["| set, leaf setting | R@1 | R@3 | item acc (n) |", "|---|---|---|---|",
           figures("tune (in-sample), main", scored, per_point[next(iter(GRID))]),
           figures("tune (in-sample), shipped", scored,
                   item_hits(index, queries, scored, SHIPPED))]
    for path in args.check:
        checked = load_queries(path)
        checked_scores = score_all(index, checked)
        for name, config in (("main", MAIN), ("shipped", SHIPPED)):
            hits = item_hits(index, checked, checked_scores, config)
            out.append(figures(f"{path.name}, {name}", checked_scores, hits))
    out += ["", f"Nested {args.folds}-fold cross-validation on the tuning set "
            f"({len(per_point)} grid points):", ""]
    out += cross_validated(per_point, len(queries), args.folds, args.shuffles)
    out += ["", "In-sample, every grid point:", "", "| leaf setting | item acc |", "|---|---|"]
    out += [f"| {name} | {accuracy(hits):.3f} |" for name, hits in per_point.items()]
    out.append(f"\n{time.perf_counter() - started:.0f} s")
    print("\n".join(out))


if __name__ == "__main__":
    main()
