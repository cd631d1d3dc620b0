"""A domain-adapted query encoder for search (issue 14): a linear adapter on the query vectors
of the shipped e5-small, chosen by 5-fold cross-validation on stard_train over the whole
LawRefBook corpus; the passage vectors (and the index) stay those of the shipped model.

    python bench/search_adapt.py cv --data-dir DIR          # the grid, per-fold tables
    python bench/search_adapt.py train --seed 14 --data-dir DIR   # writes the shipped adapter
    python bench/search_adapt.py check --data-dir DIR       # the held-out checks
    python bench/search_adapt.py joint --data-dir DIR       # adapter + prior, CV together

The 150 questions of tests/search/data/stard_ci_subset.json take no part in training or in the
choice; the other 1,085 stard_train questions are split into 5 folds (seed 14). Settings are
chosen by mean CV R@10 (dense for the grid, then hybrid among the best three). Hybrid is the
shipped fusion with NO answer prior, for zero-shot and adapted alike (the shipped prior was
fitted on all of stard_train). ``DIR`` holds the LawRefBook index built with the shipped model
(`liuhen eval ... --corpus ../shared/corpus/lawrefbook` with LIUHEN_DATA_DIR=DIR builds it).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import time
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

import numpy as np
from adapt_corpus import prefix_index
from adapt_data import AdaptData, dense_ranks, hybrid_ranks, prepare, recall_row, table
from adapt_joint import BASE, FUSION, Scored, nested_choice, regulation_sizes, run_variant, splits
from adapt_train import TrainSettings, train
from search_bench import machine  # bench/ is on the path when run as a script

from core.names import normalize_title
from core.settings import REPO_ROOT
from search.embeddings import SentenceTransformerEmbedder, load_embedder
from search.evaluate import EvalQuery, evaluate, load_queries
from search.index import SearchConfig, SearchIndex, open_index
from search.model_convert import E5_SMALL
from search.prior import AnswerPrior
from search.query_adapter import LAWREFBOOK_ADAPTER, QueryAdapter, file_sha256

SHARED = REPO_ROOT.parent / "shared"
LAWREFBOOK = SHARED / "corpus" / "lawrefbook"
STARD = SHARED / "eval" / "stard_train.jsonl"
DEV = SHARED / "eval" / "dev_queries.jsonl"
LONG_FACTS = REPO_ROOT / "data" / "eval" / "long_facts.jsonl"
SEED_CORPUS = REPO_ROOT / "data" / "regulations"
CRIMINAL_LAW = LAWREFBOOK / "刑法" / "刑法.md"
SUBSET_FILE = REPO_ROOT / "tests" / "search" / "data" / "stard_ci_subset.json"
SUBSET_DATA = REPO_ROOT / ".cache" / "test-data" / "stard-subset"
WORK = REPO_ROOT / ".cache" / "adapt"
FOLDS = 5
#: The settings the cross-validation chose (bench output in docs/benchmarks.md, issue 14,
#: session 5); `train` uses them unless told otherwise.
CHOSEN = TrainSettings(epochs=5, temperature=0.05, hard=32)
#: The grid (8 runs of 5 folds: what the session's two shared cores allowed): epochs, the
#: temperature and the hard negatives varied; lr 1e-3, decay 0.01 and batch 32 fixed.
GRID = [TrainSettings(epochs=e, temperature=t, hard=h)
        for e in (5, 20) for t in (0.02, 0.05) for h in (0, 32)]


def split(seed: int) -> tuple[list[EvalQuery], list[EvalQuery], list[list[str]]]:
    """(the 1,085 training questions, the 150 CI-subset questions, the 5 folds of ids)."""
    held = set(json.loads(SUBSET_FILE.read_text("utf-8"))["questions"])
    questions = load_queries(STARD)
    train_set = [q for q in questions if q.id not in held]
    ci = [q for q in questions if q.id in held]
    order = np.random.default_rng(seed).permutation(len(train_set))
    folds = [[train_set[int(i)].id for i in order[f::FOLDS]] for f in range(FOLDS)]
    return train_set, ci, folds


def lawrefbook(data_dir: Path, embedder: SentenceTransformerEmbedder,
               corpus: Path = LAWREFBOOK) -> SearchIndex:
    """The whole LawRefBook index (as `liuhen eval --corpus` builds it), or for trying the
    code out a part of it (``corpus``, indexed as articles only), with no answer prior."""
    config = None if corpus == LAWREFBOOK else SearchConfig(granularity="articles")
    index = open_index(corpus, data_dir, embedder, config)
    if not index.report.loaded:
        print(f"built the LawRefBook index in {index.report.seconds:.0f} s", flush=True)
    index.use_prior(AnswerPrior())  # no prior: the shipped one has seen every question
    return index


def cv_index(args: argparse.Namespace,
             embedder: SentenceTransformerEmbedder) -> tuple[SearchIndex, set[str]]:
    """The corpus of the cross-validation, with no prior, and every LawRefBook title: the
    whole index, or (``--prefix N``) the gold articles plus random others (adapt_corpus.py)."""
    if args.prefix is None:
        index = lawrefbook(args.data_dir, embedder, args.corpus)
        return index, index.regulation_titles()
    index, titles = prefix_index(args.data_dir, embedder, args.seed, args.prefix)
    index.use_prior(AnswerPrior())
    return index, titles


def adapted(data: AdaptData, rows: list[int], weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    return QueryAdapter("cv", weight, bias, "", frozenset()).apply(data.queries[rows])


Runs = list[tuple[list[int], np.ndarray]]


def cross_validate(data: AdaptData, folds: list[list[str]], settings: TrainSettings | None,
                   seed: int) -> Runs:
    """Per fold: the test rows and their query vectors (zero-shot when ``settings`` is None)."""
    out = []
    for f, fold in enumerate(folds):
        test = data.rows(fold)
        if settings is None:
            out.append((test, data.queries[test]))
            continue
        rest = data.rows([q for g, other in enumerate(folds) if g != f for q in other])
        weight, bias = train(data, rest, settings, seed + f)
        out.append((test, adapted(data, test, weight, bias)))
    return out


def fold_rows(data: AdaptData, runs: Runs,
              index: SearchIndex | None) -> list[dict[str, float]]:
    """R@k per fold, dense (``index`` None) or hybrid."""
    out = []
    for rows, vectors in runs:
        gold = [data.gold[r] for r in rows]
        ranks = (dense_ranks(data.articles, vectors, gold) if index is None else
                 hybrid_ranks(index, [data.texts[r] for r in rows], vectors, gold))
        out.append(recall_row(ranks))
    return out


def mean(rows: list[dict[str, float]]) -> dict[str, float]:
    return {k: statistics.fmean(r[k] for r in rows) for k in rows[0]}


def cv_command(args: argparse.Namespace) -> None:
    embedder = load_embedder(E5_SMALL)
    index, _ = cv_index(args, embedder)
    train_set, ci, folds = split(args.seed)
    data = prepare(index, [*train_set, *ci], args.work / "lawrefbook")
    lines = ["## Query adapter (issue 14, session 5): cross-validation", "", *machine(), "",
             f"Model `{embedder.name}`; {index.report.articles} articles; {len(train_set)} "
             f"questions in {FOLDS} folds (seed {args.seed}); "
             f"{sum(1 for r in data.rows([q.id for q in train_set]) if len(data.gold[r]))} "
             "with a gold article in the corpus.", ""]
    print("\n".join(lines), flush=True)
    grid = GRID if args.grid == "full" else [CHOSEN]
    scored: list[tuple[TrainSettings, list[dict[str, float]], Runs]] = []
    zero = fold_rows(data, cross_validate(data, folds, None, args.seed), None)
    grid_lines = ["| settings | dense R@10 mean | min fold | R@100 mean | s |",
                  "|---|---|---|---|---|",
                  f"| zero-shot | {mean(zero)['R@10']:.3f} | "
                  f"{min(r['R@10'] for r in zero):.3f} | {mean(zero)['R@100']:.3f} | 0 |"]
    print("\n".join(grid_lines), flush=True)
    for settings in grid:
        started = time.perf_counter()
        runs = cross_validate(data, folds, settings, args.seed)
        rows = fold_rows(data, runs, None)
        scored.append((settings, rows, runs))
        line = (f"| {settings.label} | {mean(rows)['R@10']:.3f} | "
                f"{min(r['R@10'] for r in rows):.3f} | {mean(rows)['R@100']:.3f} | "
                f"{time.perf_counter() - started:.0f} |")
        print(line, flush=True)
        grid_lines.append(line)
    best = sorted(scored, key=lambda s: -mean(s[1])["R@10"])[:args.hybrid_top]
    hybrid_zero = fold_rows(data, cross_validate(data, folds, None, args.seed), index)
    finalists = []
    for settings, dense, runs in best:
        hybrid = fold_rows(data, runs, index)
        finalists.append((settings, dense, hybrid))
        print(f"hybrid {settings.label}: R@10 {mean(hybrid)['R@10']:.3f}", flush=True)
    chosen, dense, hybrid = max(finalists, key=lambda f: (mean(f[2])["R@10"], mean(f[1])["R@10"]))
    lines += ["### Grid (dense, mean over the 5 folds)", "", *grid_lines, "",
              "Finalists by hybrid CV R@10 (no prior): " + "; ".join(
                  f"`{s.label}` {mean(h)['R@10']:.3f}" for s, _, h in finalists), "",
              f"Chosen: `{chosen.label}` ({json.dumps(chosen.to_dict())})", "",
              f"### Per fold, zero-shot vs adapted ({index.report.articles} articles; hybrid "
              "without prior)", ""]
    per_fold = []
    for f in range(FOLDS):
        per_fold += [(f"fold {f + 1} dense zero-shot", zero[f]), (f"fold {f + 1} dense adapted",
                     dense[f]), (f"fold {f + 1} hybrid zero-shot", hybrid_zero[f]),
                     (f"fold {f + 1} hybrid adapted", hybrid[f])]
    per_fold += [("**mean dense zero-shot**", mean(zero)), ("**mean dense adapted**", mean(dense)),
                 ("**mean hybrid zero-shot**", mean(hybrid_zero)),
                 ("**mean hybrid adapted**", mean(hybrid))]
    lines += [*table(per_fold), ""]
    text = "\n".join(lines) + "\n"
    print(text)
    summary = {"chosen": chosen.to_dict(), "seed": args.seed, "folds": FOLDS,
               "cv_mean": {"dense_zero_shot": mean(zero), "dense_adapted": mean(dense),
                           "hybrid_zero_shot_no_prior": mean(hybrid_zero),
                           "hybrid_adapted_no_prior": mean(hybrid)}}
    (args.work / "cv.json").write_text(json.dumps(summary, indent=1), "utf-8")
    (args.work / "cv.md").write_text(text, "utf-8")


def train_command(args: argparse.Namespace) -> None:
    embedder = load_embedder(E5_SMALL)
    index, all_titles = cv_index(args, embedder)
    train_set, ci, _ = split(args.seed)
    data = prepare(index, [*train_set, *ci], args.work / "lawrefbook")
    settings = replace(CHOSEN, **{k: v for k, v in vars(args).items()
                                  if k in CHOSEN.to_dict() and v is not None})
    weight, bias = train(data, data.rows([q.id for q in train_set]), settings, args.seed)
    titles = frozenset(normalize_title(t) for t in all_titles)
    adapter = QueryAdapter("lawrefbook-stard-linear", weight, bias, embedder.name, titles)
    cv_file = args.work / "cv.json"
    card = {
        "_comment": "written by bench/search_adapt.py train; read by search/query_adapter.py",
        "command": f"python bench/search_adapt.py train --seed {args.seed}"
                   + (f" --prefix {args.prefix}" if args.prefix is not None else ""),
        "seed": args.seed, "settings": settings.to_dict(),
        "data": {"questions": str(STARD.relative_to(SHARED.parent)),
                 "questions_sha256": file_sha256(STARD), "trained_on": len(train_set),
                 "excluded": str(SUBSET_FILE.relative_to(REPO_ROOT)),
                 "corpus": str(LAWREFBOOK.relative_to(SHARED.parent)),
                 "articles": len(index.article_starts),
                 "corpus_part": None if args.prefix is None else
                 "the gold articles of stard_train and random others (bench/adapt_corpus.py)"},
        "max_query_chars": max(len(q.query) for q in train_set),
        "folds": FOLDS,
        "cross_validation": json.loads(cv_file.read_text("utf-8")) if cv_file.is_file() else None,
    }
    adapter.save(args.out, card)
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes), sha256 {file_sha256(args.out)}")


def compare(index: SearchIndex, queries: list[EvalQuery], adapter: QueryAdapter,
            label: str) -> list[tuple[str, dict[str, float]]]:
    """``liuhen eval``'s figures for ``queries``, without and with ``adapter``."""
    out = []
    for name, chosen in (("zero-shot", None), ("adapted", adapter)):
        index.use_query_adapter(chosen)
        report = evaluate(index, queries, modes=("dense", "hybrid"))
        for mode, result in report.results.items():
            row = {f"R@{k}": result.recall(k) for k in (1, 5, 10, 100)}
            row["MRR"] = result.mrr
            out.append((f"{label} {mode} {name}", row))
    index.use_query_adapter(None)
    return out


def check_command(args: argparse.Namespace) -> None:
    embedder = load_embedder(E5_SMALL)
    adapter = QueryAdapter.load(args.out)
    _, ci, _ = split(args.seed)
    lines = ["### Held-out checks of the shipped adapter", "", *machine(), "",
             f"Adapter `{args.out.name}` sha256 {file_sha256(args.out)}.", ""]
    rows: list[tuple[str, dict[str, float]]] = []
    sets = set(args.sets.split(","))
    if "full" in sets:
        index, _ = cv_index(args, embedder)
        where = "whole corpus" if args.prefix is None else f"{index.report.articles} articles"
        rows += compare(index, ci, adapter, f"CI 150, {where}, no prior")
        print("\n".join(table(rows, "set")), flush=True)
    subset = json.loads(SUBSET_FILE.read_text("utf-8"))
    prior = AnswerPrior(subset["prior_without_questions"]["regulations"],
                        subset["prior_without_questions"]["categories"])
    if "subset" in sets and (SUBSET_DATA / "lawrefbook-subset").is_dir():
        small = open_index(SUBSET_DATA / "lawrefbook-subset", SUBSET_DATA, embedder,
                           SearchConfig(granularity="articles"))
        small.use_prior(prior)
        rows += compare(small, ci, adapter, "CI 150, subset, held-out prior")
    if "facts" in sets:
        corpus = args.work / "criminal-law"
        (corpus / "刑法").mkdir(parents=True, exist_ok=True)
        shutil.copyfile(CRIMINAL_LAW, corpus / "刑法" / "刑法.md")
        criminal = open_index(corpus, args.work, embedder)
        rows += compare(criminal, load_queries(LONG_FACTS), adapter, "long_facts, 刑法")
    if "dev" in sets:
        seed = open_index(SEED_CORPUS, args.work, embedder)
        rows += compare(seed, load_queries(DEV), adapter, "dev, seed corpus")
    lines += [*table(rows, "set"), ""]
    text = "\n".join(lines) + "\n"
    print(text)
    (args.work / "check.md").write_text(text, "utf-8")


class JointInputs(NamedTuple):
    """What the joint (adapter + prior) cross-validations start from."""

    embedder: SentenceTransformerEmbedder
    search_index: SearchIndex
    train_set: list[EvalQuery]
    folds: list[list[str]]
    data: AdaptData
    by_id: dict[str, EvalQuery]
    sizes: list[tuple[str, str, int]]
    scored: Scored


def joint_inputs(args: argparse.Namespace) -> JointInputs:
    """The index, the training questions and their folds, and each question's BM25 and actor
    ranks computed once (reused by every variant)."""
    embedder = load_embedder(E5_SMALL)
    index, _ = cv_index(args, embedder)
    train_set, ci, folds = split(args.seed)
    data = prepare(index, [*train_set, *ci], args.work / "lawrefbook")
    by_id = {q.id: q for q in train_set}
    sizes = regulation_sizes(index)
    started = time.perf_counter()
    scored = Scored.of(index, data, data.rows(list(by_id)))
    print(f"scored {len(by_id)} questions in {time.perf_counter() - started:.0f} s", flush=True)
    return JointInputs(embedder, index, train_set, folds, data, by_id, sizes, scored)


def joint_command(args: argparse.Namespace) -> None:
    """Adapter and answer prior fitted together on the training folds (adapt_joint.py)."""
    embedder, index, train_set, folds, data, by_id, sizes, scored = joint_inputs(args)
    variants = BASE + (FUSION if args.variants == "all" else [])
    outer = splits(data, by_id, sizes, folds, CHOSEN, args.seed)
    per_variant: dict[str, list[dict[str, float]]] = {}
    for variant in variants:
        per_variant[variant.name] = [recall_row(run_variant(index, scored, data, s, variant))
                                     for s in outer]
        row = mean(per_variant[variant.name])
        print(f"{variant.name}: R@10 {row['R@10']:.3f} R@100 {row['R@100']:.3f}", flush=True)
    lines = ["### Adapter and answer prior cross-validated together", "", *machine(), "",
             f"Model `{embedder.name}`; {index.report.articles} articles; {len(train_set)} "
             f"questions in {FOLDS} folds (seed {args.seed}); adapter `{CHOSEN.label}` and "
             "answer prior fitted on the 4 training folds of each fold.", ""]
    per_fold = [(f"fold {f + 1} {v.name}", per_variant[v.name][f])
                for f in range(FOLDS) for v in BASE]
    per_fold += [(f"**mean {v.name}**", mean(per_variant[v.name])) for v in BASE]
    lines += [*table(per_fold), ""]
    if args.variants == "all":
        lines += ["#### Every variant tried (adapter + fold prior unless named), mean of 5 folds",
                  "", *table([(v.name, mean(per_variant[v.name])) for v in variants]), "",
                  "| variant | min fold R@10 | min fold R@100 |", "|---|---|---|",
                  *(f"| {v.name} | {min(r['R@10'] for r in per_variant[v.name]):.3f} | "
                    f"{min(r['R@100'] for r in per_variant[v.name]):.3f} |" for v in variants),
                  ""]
    if args.nested:
        candidates = [v for v in variants if v.adapter and v.prior]
        chosen_rows, notes = [], []
        for f in range(FOLDS):
            best, inner = nested_choice(index, scored, data, by_id, sizes, folds, f,
                                        candidates, CHOSEN, args.seed)
            chosen_rows.append(per_variant[best.name][f])
            notes.append(f"| {f + 1} | {best.name} | {inner[best.name]:.3f} | "
                         f"{per_variant[best.name][f]['R@10']:.3f} |")
            print(notes[-1], flush=True)
        lines += [f"#### Nested choice among the {len(candidates)} adapter + prior variants "
                  "(inner 4-fold CV inside each outer fold's training folds)", "",
                  "| outer fold | chosen | inner mean R@10 | outer R@10 |", "|---|---|---|---|",
                  *notes, "", *table([("nested choice, mean of 5 outer folds",
                                       mean(chosen_rows))]), ""]
    text = "\n".join(lines) + "\n"
    print(text)
    (args.work / "joint.md").write_text(text, "utf-8")
    (args.work / "joint.json").write_text(json.dumps(
        {"seed": args.seed, "folds": per_variant}, indent=1), "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("cv", "train", "check", "joint"):
        command = sub.add_parser(name)
        command.add_argument("--data-dir", type=Path, required=True,
                             help="data dir holding the LawRefBook index of the shipped model")
        command.add_argument("--seed", type=int, default=14)
        command.add_argument("--work", type=Path, default=WORK)
        command.add_argument("--out", type=Path, default=LAWREFBOOK_ADAPTER)
        command.add_argument("--prefix", type=int, default=None,
                             help="cross-validate over the gold articles and random others, "
                             "at most this many articles (bench/adapt_corpus.py)")
        command.add_argument("--corpus", type=Path, default=LAWREFBOOK,
                             help="only to try the code on a part of LawRefBook")
    sub.choices["cv"].add_argument("--grid", choices=("full", "chosen"), default="full")
    sub.choices["cv"].add_argument("--hybrid-top", type=int, default=3)
    for field, kind in (("epochs", int), ("lr", float), ("temperature", float), ("hard", int),
                        ("pool", int), ("decay", float), ("batch", int)):
        sub.choices["train"].add_argument(f"--{field}", type=kind, default=None)
    sub.choices["check"].add_argument("--sets", default="full,subset,facts,dev")
    sub.choices["joint"].add_argument("--variants", choices=("base", "all"), default="base")
    sub.choices["joint"].add_argument("--nested", action="store_true",
                                      help="choose among the variants by inner CV per fold")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    {"cv": cv_command, "train": train_command, "check": check_command,
     "joint": joint_command}[args.command](args)


if __name__ == "__main__":
    main()
