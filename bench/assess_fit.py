"""Fit the assessment engine's learned article prior (liuhen/assessment/prior.py) and measure the
engine with it across authors, beside the engine without it, in the same run.

    PYTHONPATH=. .venv/bin/python bench/assess_fit.py [--validate] [--folds] [--write] [--seed 0]
        [--eval-dir DIR]

Training data: only situation sets whose misses we have read (SET_FILES: A, B, C and the
held-out sets D to R, each folded into development after its author's figures were taken),
never a set still unread (data/eval/README.md names them). The shipped prior is fitted on A, B
and C (``--sets ABC``, the default); session 15 measured a prior fitted on all eighteen read
sets, leaving one set out at a time, and did not ship it (docs/benchmarks.md, "Assessment
engine, session 15"). Validation across authors: the prior fitted on every other chosen set
and the engine measured on the one left out, every rotation (``--folds`` adds 5-fold on the
union). ``--write`` fits on every chosen set and writes data/legal/article_prior.json.
``--eval-dir`` reads the sets from another tree, so another commit's engine (PYTHONPATH) is
measured on the same sets in the same sitting.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold

from core.settings import REPO_ROOT, get_settings
from liuhen.assess_commands import assessor_from_settings
from liuhen.assessment import Assessor
from liuhen.assessment.evaluation import Situation, evaluate, read_lines
from liuhen.assessment.prior import PRIOR_FILE, ArticlePrior

SET_FILES = {"A": "situations.jsonl", "B": "situations_dev2.jsonl",
             "C": "situations_dev3.jsonl", "D": "situations_holdout.jsonl"} | {
    # the held-out sets E-R, each read (in-sample) once its author's figures were taken;
    # data/eval/README.md names the sets still unread, which never go here
    letter: f"situations_holdout{number}.jsonl"
    for letter, number in zip("EFGHIJKLMNOPQR", range(2, 16), strict=True)}
C = 100.0
FIGURES = ("top1_article", "top3_article", "item_accuracy", "verdict_accuracy",
           "lawful_called_violation", "duty_precision", "duty_recall", "quote_coverage")


def fit(engine: Assessor, situations: Sequence[Situation],
        vectors: dict[str, npt.NDArray[np.float32]], seed: int, c: float = C) -> ArticlePrior:
    rows, labels, weights = [], [], []
    for situation in situations:
        articles = list(dict.fromkeys(
            f"{engine.book.alias_of(g.regulation)}-{g.article}" for g in situation.gold))
        for article in articles:
            rows.append(vectors[situation.query])
            labels.append(article)
            weights.append(1.0 / len(articles))
    model = LogisticRegression(C=c, max_iter=5000, random_state=seed)
    model.fit(np.asarray(rows), labels, sample_weight=np.asarray(weights))
    assert engine.index is not None and engine.index.embedder is not None
    return ArticlePrior(engine.index.embedder.name, [str(c) for c in model.classes_],
                        model.coef_.astype(np.float32), model.intercept_.astype(np.float32),
                        {"C": c, "seed": seed, "situations": len(situations),
                         "fit": "bench/assess_fit.py"})


def measure(engine: Assessor, prior: ArticlePrior | None,
            situations: Sequence[Situation]) -> dict[str, float | None]:
    engine.prior = prior
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
    parser.add_argument("--folds", action="store_true")
    parser.add_argument("--eval-dir", type=Path, default=REPO_ROOT / "data/eval")
    parser.add_argument("--sets", default="ABC",
                        help="letters of the read sets to fit and validate on (ABC: the shipped "
                             "prior's; session 15 measured all of them, docs/benchmarks.md)")
    args = parser.parse_args()
    engine = assessor_from_settings(get_settings())
    assert engine.index is not None
    paths = {k: args.eval_dir / name for k, name in SET_FILES.items() if k in args.sets}
    sets = {k: read_lines(p, Situation) for k, p in paths.items() if p.exists()}
    queries = sorted({s.query for group in sets.values() for s in group})
    vectors: dict[str, npt.NDArray[np.float32]] = {}
    for start in range(0, len(queries), 32):
        batch = queries[start:start + 32]
        for query, vector in zip(batch, engine.index.embed_queries(batch), strict=True):
            assert vector is not None
            vectors[query] = vector
    if args.validate:
        header = "| engine | n | " + " | ".join(FIGURES) + " |"
        print(header)
        print("|" + "---|" * (len(FIGURES) + 2))
        shipped = engine.prior  # before the rows without a prior set it to None
        for name, group in sets.items():
            print(row(f"rules + search, no prior: {name}", measure(engine, None, group)))
        for name, group in sets.items():
            print(row(f"shipped prior: {name}", measure(engine, shipped, group)))
        for name, group in sets.items():
            others = [k for k in sets if k != name]
            if not others:
                continue
            train = [s for k in others for s in sets[k]]
            print(row(f"prior fit on {'+'.join(others)} -> {name}", measure(
                engine, fit(engine, train, vectors, args.seed, args.c), group)))
        if args.folds:
            union = [s for group in sets.values() for s in group]
            parts = []
            for train_at, test_at in KFold(5, shuffle=True, random_state=args.seed).split(union):
                prior = fit(engine, [union[i] for i in train_at], vectors, args.seed, args.c)
                parts.append(measure(engine, prior, [union[i] for i in test_at]))
            print(row(f"prior 5-fold on {'+'.join(sets)} (pooled)", pooled(parts)))
        engine.prior = shipped
    if args.write:
        union = [s for group in sets.values() for s in group]
        prior = fit(engine, union, vectors, args.seed, args.c)
        Path(PRIOR_FILE).write_text(json.dumps(prior.to_json(), ensure_ascii=False) + "\n",
                                    "utf-8")
        print(f"wrote {PRIOR_FILE} ({len(prior.classes)} articles, {len(union)} situations)")


if __name__ == "__main__":
    main()
