"""Fit the category prior (``search/data/category_prior.json``) on a training eval set.

For each LawRefBook category (the corpus folder: 民法典, 司法解释, 行政法规, ...), the prior is
log((gold answers in the category + 1) / (expected answers if answers fell on articles
uniformly + 1)), scaled to [0, 1]. It encodes which kinds of regulation lay questions are
answered by; fit it on a training split only (``stard_train.jsonl``), never on questions that
are used to measure the result.

    .venv/bin/python bench/search_fit_prior.py [--queries FILE] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import json
import math
from collections import Counter
from pathlib import Path

from search.corpus import load_corpus
from search.evaluate import gold_keys, load_queries
from search.index import CATEGORY_PRIOR_FILE

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def fit(queries_file: Path, corpus: Path) -> dict[str, float]:
    regulations, _ = load_corpus(corpus)
    articles = Counter()
    for regulation in regulations:
        articles[regulation.category] += len(regulation.articles)
    total_articles = sum(articles.values())
    category_of = {r.normalized_title: r.category for r in regulations}
    answers: Counter[str] = Counter()
    for query in load_queries(queries_file):
        for key in gold_keys(query):
            answers[category_of.get(key[0], "")] += 1
    total = sum(answers.values())
    raw = {
        category: math.log((answers[category] + 1) / (count / total_articles * total + 1))
        for category, count in articles.items()
        if category
    }
    low, high = min(raw.values()), max(raw.values())
    return {c: round((v - low) / (high - low), 4) for c, v in sorted(raw.items())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=Path, default=SHARED / "eval" / "stard_train.jsonl")
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "lawrefbook")
    args = parser.parse_args()
    prior = fit(args.queries, args.corpus)
    payload = {"_comment": f"fitted by bench/search_fit_prior.py on {args.queries.name}",
               **prior}
    CATEGORY_PRIOR_FILE.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    print(json.dumps(prior, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
