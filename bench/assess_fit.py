"""Fit the assessment engine's learned article prior (liuhen/assessment/prior.py) and measure the
engine with it across authors, beside the engine without it, in the same run.

    PYTHONPATH=. .venv/bin/python bench/assess_fit.py [--validate] [--write] [--seed 0]
        [--through 67] [--folds 5] [--c 100] [--eval-dir DIR]

Training data: only situation sets whose misses we have read, never a set still unread
(data/eval/README.md says which were read and when): A, B and C (situations.jsonl,
situations_dev2.jsonl, situations_dev3.jsonl), D (situations_holdout.jsonl) and the held-out
sets situations_holdout2 ... holdoutN, numbered in the order they were written and read, up to
``--through N`` (67 when the shipped prior was fitted: holdout68-71 were unread). Each set is
one author's, so validation holds out whole sets: ``--validate`` fits on the sets of four of
``--folds`` groups (the sets shuffled with ``--seed``) and measures the engine on the fifth,
every rotation, beside the engine with no prior and with the shipped one on the same
situations. ``--write`` fits on every chosen set and writes data/legal/article_prior.json
(over the gold articles), data/legal/item_prior.json (over the gold items, on the
situations whose gold names one) and data/legal/verdict_prior.json (the gold verdicts from the
words' character n-grams: liuhen/assessment/doubt.py).
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
import numpy.typing as npt
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from core.settings import REPO_ROOT, get_settings
from liuhen.assess_commands import assessor_from_settings
from liuhen.assessment import Assessor
from liuhen.assessment.evaluation import VERDICT_OF, Situation, evaluate, read_lines
from liuhen.assessment.prior import ITEM_PRIOR_FILE, PRIOR_FILE, ArticlePrior
from liuhen.assessment.verdict_prior import VERDICT_PRIOR_FILE, VerdictPrior

FIRST_SETS = ("situations.jsonl", "situations_dev2.jsonl", "situations_dev3.jsonl",
              "situations_holdout.jsonl")
READ_THROUGH = 67  # holdout68-71 (BS-BV) were unread when the shipped prior was fitted


def read_set_files(through: int) -> list[str]:
    """The read situation sets: A-D, then holdout2 ... holdout{through}."""
    return [*FIRST_SETS, *(f"situations_holdout{n}.jsonl" for n in range(2, through + 1))]


C = 100.0
# The verdict prior (liuhen/assessment/verdict_prior.py): its regularisation, n-grams and
# vocabulary, chosen by the grouped cross-validation with doubt.py's thresholds
# (docs/benchmarks.md "session 37")
C_VERDICTS = 100.0
LONGEST_NGRAM = 3
NGRAMS_KEPT = 20_000
Target = Literal["articles", "items"]
FILES: dict[str, Path] = {"articles": PRIOR_FILE, "items": ITEM_PRIOR_FILE,
                          "verdicts": VERDICT_PRIOR_FILE}
FIGURES = ("top1_article", "top3_article", "item_accuracy", "verdict_accuracy",
           "lawful_called_violation", "duty_precision", "duty_recall", "quote_coverage")


def fit(engine: Assessor, situations: Sequence[Situation],
        vectors: dict[str, npt.NDArray[np.float32]], seed: int, c: float = C,
        sets: str = "", target: Target = "articles") -> ArticlePrior:
    """The prior over the gold articles, or over the gold items (R1-8-1 ..., fitted on the
    situations whose gold names one)."""
    rows, labels, weights = [], [], []
    items = target == "items"
    for situation in situations:
        keys = list(dict.fromkeys(
            f"{engine.book.alias_of(g.regulation)}-{g.article}" + (f"-{g.item}" if items else "")
            for g in situation.gold if g.item is not None or not items))
        for key in keys:
            rows.append(vectors[situation.query])
            labels.append(key)
            weights.append(1.0 / len(keys))
    model = LogisticRegression(C=c, max_iter=5000, random_state=seed)
    model.fit(np.asarray(rows), labels, sample_weight=np.asarray(weights))
    assert engine.index is not None and engine.index.embedder is not None
    return ArticlePrior(engine.index.embedder.name, [str(c) for c in model.classes_],
                        model.coef_.astype(np.float32), model.intercept_.astype(np.float32),
                        {"C": c, "seed": seed, "situations": len(situations),
                         "fit": "bench/assess_fit.py", **({"sets": sets} if sets else {})})


def fit_verdicts(situations: Sequence[Situation], seed: int, c: float = C_VERDICTS,
                 sets: str = "") -> VerdictPrior:
    """The verdict prior over the situations' gold verdicts."""
    vectorizer = TfidfVectorizer(analyzer="char", ngram_range=(1, LONGEST_NGRAM),
                                 sublinear_tf=True, min_df=2, max_features=NGRAMS_KEPT,
                                 dtype=np.float64)
    rows = vectorizer.fit_transform([s.query for s in situations])
    model = LogisticRegression(C=c, max_iter=5000, random_state=seed)
    model.fit(rows, [VERDICT_OF[s.lawful] for s in situations])
    vocabulary = {str(gram): int(column) for gram, column in vectorizer.vocabulary_.items()}
    return VerdictPrior([str(c) for c in model.classes_], vocabulary,
                        vectorizer.idf_.astype(np.float64), model.coef_.astype(np.float64),
                        model.intercept_.astype(np.float64), LONGEST_NGRAM,
                        {"C": c, "seed": seed, "situations": len(situations),
                         "fit": "bench/assess_fit.py", "ngrams_kept": NGRAMS_KEPT,
                         **({"sets": sets} if sets else {})})


def measure(engine: Assessor, prior: ArticlePrior | None, situations: Sequence[Situation],
            item_prior: ArticlePrior | None = None,
            verdict_prior: VerdictPrior | None = None) -> dict[str, float | None]:
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
    queries = sorted({s.query for group in sets.values() for s in group})
    vectors: dict[str, npt.NDArray[np.float32]] = {}
    for start in range(0, len(queries), 32):
        batch = queries[start:start + 32]
        for query, vector in zip(batch, engine.index.embed_queries(batch), strict=True):
            assert vector is not None
            vectors[query] = vector
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
            prior = fit(engine, train, vectors, args.seed, args.c)
            items = fit(engine, train, vectors, args.seed, args.c, target="items")
            verdicts = fit_verdicts(train, args.seed)
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
            prior = fit_verdicts(union, args.seed, sets=described) if target == "verdicts" \
                else fit(engine, union, vectors, args.seed, args.c, described, target)
            Path(path).write_text(json.dumps(prior.to_json(), ensure_ascii=False) + "\n",
                                  "utf-8")
            print(f"wrote {path} ({len(prior.classes)} classes, {len(union)} situations)")


if __name__ == "__main__":
    main()
