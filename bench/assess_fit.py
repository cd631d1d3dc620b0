"""Fit the assessment engine's learned priors (liuhen/assessment/prior.py: the article, the item
and the verdict from the words' character n-grams) and measure the engine with them across
authors, beside the engine without them, in the same run.

    PYTHONPATH=. .venv/bin/python bench/assess_fit.py [--validate] [--write] [--seed 0]
        [--through 71] [--folds 5] [--c 100] [--eval-dir DIR]

Training data: only situation sets whose misses we have read, never a set still unread
(data/eval/README.md says which were read and when): A, B and C (situations.jsonl,
situations_dev2.jsonl, situations_dev3.jsonl), D (situations_holdout.jsonl) and the held-out
sets situations_holdout2 ... holdoutN, numbered in the order they were written and read, up to
``--through N`` (211 when the shipped priors were fitted: holdout212-215 were unread). Each set is
one author's, so validation holds out whole sets: ``--validate`` fits on the sets of four of
``--folds`` groups (the sets shuffled with ``--seed``) and measures the engine on the fifth,
every rotation, beside the engine with no prior and with the shipped one on the same
situations. ``--write`` fits on every chosen set and writes data/legal/article_prior.json
(over the gold articles), data/legal/item_prior.json (over the gold items, on the
situations whose gold names one) and data/legal/verdict_prior.json (over the gold verdicts:
liuhen/assessment/doubt.py).
``--eval-dir`` reads the sets from another tree, so another commit's engine (PYTHONPATH) is
measured on the same sets in the same sitting.
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from core.settings import REPO_ROOT, get_settings
from liuhen.assess_commands import assessor_from_settings
from liuhen.assessment import Assessor
from liuhen.assessment.evaluation import VERDICT_OF, Situation, evaluate, read_lines
from liuhen.assessment.prior import ITEM_PRIOR_FILE, PRIOR_FILE, NgramPrior
from liuhen.assessment.verdict_prior import VERDICT_PRIOR_FILE

FIRST_SETS = ("situations.jsonl", "situations_dev2.jsonl", "situations_dev3.jsonl",
              "situations_holdout.jsonl")
READ_THROUGH = 211  # holdout212-215 (HG-HJ) were unread when the shipped priors were fitted


def read_set_files(through: int) -> list[str]:
    """The read situation sets: A-D, then holdout2 ... holdout{through}."""
    return [*FIRST_SETS, *(f"situations_holdout{n}.jsonl" for n in range(2, through + 1))]


# Regularisation, n-grams and vocabulary of all three priors, chosen by grouped
# cross-validation (docs/benchmarks.md "session 37": the verdict prior with doubt.py's
# thresholds; "session 38": the article and item priors with the ranking weights)
C = 100.0
C_VERDICTS = 100.0
LONGEST_NGRAM = 3
NGRAMS_KEPT = 20_000
Target = Literal["articles", "items", "verdicts"]
FILES: dict[Target, Path] = {"articles": PRIOR_FILE, "items": ITEM_PRIOR_FILE,
                             "verdicts": VERDICT_PRIOR_FILE}
FIGURES = ("top1_article", "top3_article", "item_accuracy", "verdict_accuracy",
           "lawful_called_violation", "duty_precision", "duty_recall", "quote_coverage")


def fit(engine: Assessor, situations: Sequence[Situation], seed: int, c: float = C,
        sets: str = "", target: Target = "articles") -> NgramPrior:
    """The prior over the gold articles, over the gold items (R1-8-1 ..., fitted on the
    situations whose gold names one), or over the gold verdicts. A situation with several gold
    articles (items) is one row for each, weighted to one situation in all."""
    rows, labels, weights = [], [], []
    for situation in situations:
        if target == "verdicts":
            keys = [VERDICT_OF[situation.lawful]]
        else:
            keys = list(dict.fromkeys(
                f"{engine.book.alias_of(g.regulation)}-{g.article}"
                + (f"-{g.item}" if target == "items" else "")
                for g in situation.gold if g.item is not None or target == "articles"))
        for key in keys:
            rows.append(situation.query)
            labels.append(key)
            weights.append(1.0 / len(keys))
    vectorizer = TfidfVectorizer(analyzer="char", ngram_range=(1, LONGEST_NGRAM),
                                 sublinear_tf=True, min_df=2, max_features=NGRAMS_KEPT,
                                 dtype=np.float64)
    matrix = vectorizer.fit_transform(rows)
    # tol 1e-6, not scikit-learn's 1e-4: on the 18,257 situations through holdout199 lbfgs
    # stopped at the default after 40 iterations, short of the optimum (training accuracy
    # 0.9964, the verdict prior's confidence halved on sets it was fitted on; session 60)
    model = LogisticRegression(C=c, max_iter=5000, random_state=seed, tol=1e-6)
    model.fit(matrix, labels, sample_weight=np.asarray(weights))
    vocabulary = {str(gram): int(column) for gram, column in vectorizer.vocabulary_.items()}
    return NgramPrior([str(c) for c in model.classes_], vocabulary,
                      vectorizer.idf_.astype(np.float64), model.coef_.astype(np.float64),
                      model.intercept_.astype(np.float64), LONGEST_NGRAM,
                      {"C": c, "seed": seed, "situations": len(situations),
                       "fit": "bench/assess_fit.py", "ngrams_kept": NGRAMS_KEPT,
                       **({"sets": sets} if sets else {})},
                      FILES[target], f"{target[:-1]} prior")


def measure(engine: Assessor, prior: NgramPrior | None, situations: Sequence[Situation],
            item_prior: NgramPrior | None = None,
            verdict_prior: NgramPrior | None = None) -> dict[str, float | None]:
    engine.prior = prior
    engine.item_prior = item_prior
    engine.verdict_prior = verdict_prior
    seed_text = "\n".join(r.body() for r in engine.book.regulations.values())
    report = evaluate(situations, lambda s: engine.assess(s.query, situation_id=s.id),
                      engine.book, seed_text)
    figures = report.figures()
    return {name: figures[name] for name in FIGURES} | {"n": figures["situations"]}


def row(name: str, figures: dict[str, float | None]) -> str:
    cells = " | ".join("-" if figures[f] is None else f"{figures[f]:.3f}" for f in FIGURES)
    return f"| {name} | {figures['n']} | {cells} |"


def pooled(parts: list[dict[str, float | None]]) -> dict[str, float | None]:
    """Situation-weighted mean of fold figures (duty figures too: close enough for folds of
    equal size; the per-fold rows are printed with --folds)."""
    total = sum(int(p["n"] or 0) for p in parts)
    out: dict[str, float | None] = {"n": total}
    for name in FIGURES:
        values = [(p[name], int(p["n"] or 0)) for p in parts if p[name] is not None]
        out[name] = (sum(v * n for v, n in values) / sum(n for _, n in values)  # type: ignore[operator]
                     if values else None)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--validate", action="store_true")
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--c", type=float, default=C)
    parser.add_argument("--folds", type=int, default=5, help="groups of whole sets (--validate)")
    parser.add_argument("--through", type=int, default=READ_THROUGH,
                        help="the last read held-out set, situations_holdoutN.jsonl")
    parser.add_argument("--eval-dir", type=Path, default=REPO_ROOT / "data/eval")
    args = parser.parse_args()
    engine = assessor_from_settings(get_settings())
    assert engine.index is not None
    names = [n for n in read_set_files(args.through) if (args.eval_dir / n).exists()]
    sets = {n: read_lines(args.eval_dir / n, Situation) for n in names}
    described = f"{len(sets)} read sets: situations*.jsonl through holdout{args.through}"
    if args.validate:
        print(f"| engine ({described}, {args.folds} groups of whole sets) | n | "
              + " | ".join(FIGURES) + " |")
        print("|" + "---|" * (len(FIGURES) + 2))
        shipped = engine.prior, engine.item_prior, engine.verdict_prior  # the rows set them
        order = list(sets)
        random.Random(args.seed).shuffle(order)
        groups = [group for k in range(args.folds) if (group := order[k::args.folds])]
        union = [s for group in sets.values() for s in group]
        print(row("rules + search, no prior", measure(engine, None, union)))
        print(row("shipped priors", measure(engine, shipped[0], union, *shipped[1:])))
        folds: list[list[dict[str, float | None]]] = [[], []]
        for held in groups:
            train = [s for n in order if n not in held for s in sets[n]]
            prior = fit(engine, train, args.seed, args.c)
            items = fit(engine, train, args.seed, args.c, target="items")
            verdicts = fit(engine, train, args.seed, C_VERDICTS, target="verdicts")
            situations = [s for n in held for s in sets[n]]
            folds[0].append(measure(engine, prior, situations, items))
            folds[1].append(measure(engine, prior, situations, items, verdicts))
        print(row(f"priors fitted without the set's group (C {args.c:g}), no verdict prior",
                  pooled(folds[0])))
        print(row(f"the same with the verdict prior (C {C_VERDICTS:g})", pooled(folds[1])))
        engine.prior, engine.item_prior, engine.verdict_prior = shipped
    if args.write:
        union = [s for group in sets.values() for s in group]
        for target, path in FILES.items():
            prior = fit(engine, union, args.seed,
                        C_VERDICTS if target == "verdicts" else args.c, described, target)
            Path(path).write_text(json.dumps(prior.to_json(), ensure_ascii=False) + "\n",
                                  "utf-8")
            print(f"wrote {path} ({len(prior.classes)} classes, {len(union)} situations)")


if __name__ == "__main__":
    main()
