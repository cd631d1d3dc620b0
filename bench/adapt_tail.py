"""The top 100 of the STARD hybrid ranking: fusion variants under nested cross-validation
(issue 14, session 14).

    PYTHONPATH=$PWD:$PWD/bench python bench/adapt_tail.py --data-dir DIR --work WORK

The protocol of ``bench/search_adapt.py joint --nested`` (session 7): the 1,085 stard_train
questions outside the CI subset, 5 outer folds (seed 14), the whole LawRefBook; in every split
the query adapter (the shipped settings) and the answer prior are fitted on the training folds
only (outer split f: seed 14 + f; inner split g of outer f: seed 14 + 100 (f + 1) + g, as
``adapt_joint.nested_choice``). What differs is the set of policies and the criterion:

- a policy is a weighted-fusion config (prior weight, regulation weight, BM25 k1 / b) and a
  tail rule: ranks 1..``tail`` are the fused list, the ranks after it are filled by taking in
  turn the next unseen article of each ``sources`` list (the fused list, the fused list without
  the prior, dense alone, BM25 alone), so an article found by one retriever only is not pushed
  beyond 100 by articles both rank middling;
- the criterion, fixed before any figure was seen: for each outer fold the policy with the best
  inner mean of R@10 + R@100 (the issue's two targets) is chosen and the outer fold is ranked
  with it. The session-7 criterion (inner R@10 alone) is reported beside it, for comparison.

BM25 with other k1 / b (``--bm25-grid``) is scored here from the articles re-tokenised by the
index's tokenizer, by the formula bm25s uses (Lucene's); the shipped k1 / b scored this way is
checked against the index's own BM25 before anything is ranked.
"""

from __future__ import annotations

import argparse
import json
import pickle
import statistics
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import numpy.typing as npt
import scipy.sparse as sparse
from adapt_data import AdaptData, recall_row, table
from adapt_joint import Scored, Split, splits
from search_adapt import CHOSEN, LAWREFBOOK, joint_inputs
from search_bench import machine

from search.evaluate import EvalQuery
from search.fusion import UNRANKED, Ranks, ranks_of
from search.index import SearchIndex
from search.scoring import validate_query

Row = dict[str, float]
SOURCES = ("fused", "noprior", "dense", "bm25")


@dataclass(frozen=True)
class Policy:
    name: str
    prior_weight: float = 0.3
    regulation_weight: float = 0.0
    k1: float = 1.2
    b: float = 0.75
    bm25_weight: float = 0.4  # dense: 1 - this
    actor_weight: float = 0.1
    expand: bool = True
    zero_mix: float = 0.0  # share of the zero-shot query's cosine in the dense score
    tail: int = 0  # 0: the fused list to 100
    sources: tuple[str, ...] = ()

    @property
    def base(self) -> tuple[float, float, float, float, float, float, bool, float]:
        return (self.prior_weight, self.regulation_weight, self.k1, self.b, self.bm25_weight,
                self.actor_weight, self.expand, self.zero_mix)

    @property
    def shipped_bm25(self) -> bool:
        return (self.k1, self.b, self.expand) == (1.2, 0.75, True)


def policies() -> list[Policy]:
    out = [Policy("shipped (prior weight 0.3)"), Policy("prior weight 0.6", 0.6)]
    out += [Policy(f"prior weight {w:g}", w) for w in (0.15, 0.2, 0.25, 0.35, 0.4, 0.45)]
    out += [Policy(f"regulation weight {r:g}", regulation_weight=r) for r in (0.05, 0.1, 0.2)]
    out += [Policy(f"BM25 k1 {k1:g} b {b:g}", k1=k1, b=b)
            for k1 in (0.9, 1.2, 1.5, 2.0) for b in (0.5, 0.75, 0.9) if (k1, b) != (1.2, 0.75)]
    out += [Policy(f"bm25/dense {w:g}/{1 - w:g}", bm25_weight=w) for w in (0.3, 0.35, 0.45, 0.5)]
    out += [Policy(f"actor weight {a:g}", actor_weight=a) for a in (0.0, 0.05, 0.2)]
    out += [Policy("no query expansion (BM25)", expand=False)]
    out += [Policy(f"dense: adapted + {a:g} zero-shot", zero_mix=a) for a in (0.2, 0.4)]
    for tail in (30, 50, 70):
        for sources in (("fused", "dense"), ("fused", "dense", "bm25"), ("noprior",),
                        ("fused", "noprior"), ("dense", "bm25")):
            out.append(Policy(f"tail {tail}: {' / '.join(sources)}", tail=tail, sources=sources))
    return out


class TailBM25:
    """BM25 (bm25s' Lucene variant) of every article for any k1 / b, from its token lists."""

    def __init__(self, docs: Sequence[Sequence[str]]) -> None:
        docs = [list(d) if d else [""] for d in docs]
        self.vocab: dict[str, int] = {}
        rows, cols = [], []
        for i, doc in enumerate(docs):
            for token in doc:
                rows.append(i)
                cols.append(self.vocab.setdefault(token, len(self.vocab)))
        self.tf = sparse.csc_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)),
                                    shape=(len(docs), len(self.vocab)))
        self.tf.sum_duplicates()
        self.length = np.asarray([len(d) for d in docs], dtype=np.float32)
        df = np.diff(self.tf.indptr).astype(np.float64)
        n = len(docs)
        self.idf = np.log(1 + (n - df + 0.5) / (df + 0.5)).astype(np.float32)
        self._weights: dict[tuple[float, float], sparse.csc_matrix] = {}

    def weights(self, k1: float, b: float) -> sparse.csc_matrix:
        if (k1, b) not in self._weights:
            norm = k1 * (1 - b + b * self.length / self.length.mean())
            w = self.tf.copy()
            rows = w.indices
            w.data = w.data / (w.data + norm[rows])
            w = w @ sparse.diags(self.idf)
            self._weights[(k1, b)] = sparse.csc_matrix(w, dtype=np.float32)
        return self._weights[(k1, b)]

    def scores(self, tokens: Sequence[str], k1: float, b: float) -> npt.NDArray[np.float32]:
        # as bm25s: a token the query repeats counts once per repetition
        ids = [self.vocab[t] for t in tokens if t and t in self.vocab]
        if not ids:
            return np.zeros(self.tf.shape[0], dtype=np.float32)
        return np.asarray(self.weights(k1, b)[:, ids].sum(axis=1), dtype=np.float32).ravel()


def ordered(scores: npt.NDArray[np.float32], mask: npt.NDArray[np.bool_],
            top: int) -> list[int]:
    order = ranks_of(np.where(mask, scores, -1.0).astype(np.float32), top, floor=-1.0)
    ranked = np.flatnonzero(order)
    return ranked[np.argsort(order[ranked])].tolist()


def ranked_by(ranks: Ranks, top: int) -> list[int]:
    """Entries with a rank in 1..``top``, best first."""
    ranked = np.flatnonzero((ranks > UNRANKED) & (ranks <= top))
    return ranked[np.argsort(ranks[ranked])].tolist()


def interleave(head: Sequence[int], lists: Sequence[Sequence[int]], top: int) -> list[int]:
    """``head``, then the next unseen entry of each of ``lists`` in turn, until ``top``."""
    out, seen = list(head), set(head)
    positions = [0] * len(lists)
    while len(out) < top:
        added = False
        for i, entries in enumerate(lists):
            while positions[i] < len(entries) and entries[positions[i]] in seen:
                positions[i] += 1
            if positions[i] < len(entries) and len(out) < top:
                out.append(entries[positions[i]])
                seen.add(entries[positions[i]])
                positions[i] += 1
                added = True
        if not added:
            break
    return out


def first_gold(ranked: Sequence[int], golds: set[int]) -> int | None:
    return next((r for r, a in enumerate(ranked, start=1) if a in golds), None)


def run_split(index: SearchIndex, scored: Scored, data: AdaptData, sp: Split,
              group: Sequence[Policy], bm25: TailBM25 | None, top: int = 100
              ) -> dict[str, list[int | None]]:
    """The rank of each test question's best gold under every policy of ``group`` (one base
    config: the fused scores are computed once per question)."""
    p0 = group[0]
    shipped_config, shipped_prior = index.config, index.article_prior
    out: dict[str, list[int | None]] = {p.name: [] for p in group}
    try:
        index.config = replace(shipped_config, prior_weight=p0.prior_weight,
                               regulation_weight=p0.regulation_weight,
                               bm25_weight=p0.bm25_weight,
                               dense_weight=round(1 - p0.bm25_weight, 2),
                               actor_weight=p0.actor_weight)
        index.use_prior(sp.prior)
        dense = sp.adapted @ data.articles.T
        if p0.zero_mix:
            dense = (1 - p0.zero_mix) * dense + p0.zero_mix * (sp.zero @ data.articles.T)
        for row, row_dense in zip(sp.test, dense, strict=True):
            golds = set(data.gold[row].tolist())
            if not golds:
                for p in group:
                    out[p.name].append(None)
                continue
            scores = replace(scored.scores[row], dense=row_dense.astype(np.float32))
            if not p0.shipped_bm25 and bm25 is not None:
                tokens = (scores.tokens if p0.expand
                          else index.tokenizer(validate_query(data.texts[row])))
                scores = replace(scores, bm25=bm25.scores(tokens, p0.k1, p0.b))
            fused, bm25_ranks, dense_ranks = index.article_scores(scores, "hybrid")
            mask = (bm25_ranks > 0) | (dense_ranks > 0)
            lists: dict[str, list[int]] = {"fused": ordered(fused, mask, top)}
            if any("noprior" in p.sources for p in group):
                plain = fused - p0.prior_weight * index.article_prior * mask
                lists["noprior"] = ordered(plain.astype(np.float32), mask, top)
            lists["dense"] = ranked_by(dense_ranks, top)
            lists["bm25"] = ranked_by(bm25_ranks, top)
            for p in group:
                ranked = (lists["fused"] if p.tail == 0 else
                          interleave(lists["fused"][:p.tail], [lists[s] for s in p.sources], top))
                out[p.name].append(first_gold(ranked, golds))
    finally:
        index.config, index.article_prior = shipped_config, shipped_prior
    return out


def ceiling(index: SearchIndex, scored: Scored, data: AdaptData,
            outer: Sequence[Split]) -> list[str]:
    """Where the best gold of each question lies under the shipped policy: in the fused top
    100, in each retriever's own top 100 or 1000 (the fusion's candidates), or nowhere near."""
    counts: dict[str, int] = {}
    total = 0

    def count(key: str) -> None:
        counts[key] = counts.get(key, 0) + 1

    for sp in outer:
        shipped_prior = index.article_prior
        try:
            index.use_prior(sp.prior)
            dense = sp.adapted @ data.articles.T
            for row, row_dense in zip(sp.test, dense, strict=True):
                golds = data.gold[row]
                total += 1
                if len(golds) == 0:
                    count("no gold article in the corpus")
                    continue
                scores = replace(scored.scores[row], dense=row_dense.astype(np.float32))
                fused, bm25_ranks, dense_ranks = index.article_scores(scores, "hybrid")
                mask = (bm25_ranks > 0) | (dense_ranks > 0)
                in_fused = first_gold(ordered(fused, mask, 100), set(golds.tolist())) is not None
                best_dense = min(int(r) for r in dense_ranks[golds]) if (
                    dense_ranks[golds] > 0).any() else 0
                best_bm25 = min(int(r) for r in bm25_ranks[golds] if r > 0) if (
                    bm25_ranks[golds] > 0).any() else 0
                d100, b100 = 0 < best_dense <= 100, 0 < best_bm25 <= 100
                if in_fused:
                    count("fused top 100")
                    if not d100 and not b100:
                        count("  of which in neither retriever's top 100")
                else:
                    count("missed by the fused top 100")
                    if d100 or b100:
                        count("  of which in dense or BM25 top 100")
                    elif best_dense or best_bm25:
                        count("  of which only in a retriever's ranks 101-1000")
                    else:
                        count("  of which beyond both retrievers' 1000 candidates")
                if d100 or b100:
                    count("union of dense and BM25 top 100")
        finally:
            index.article_prior = shipped_prior
    lines = ["| where the best gold lies (shipped policy, 5 outer folds) | questions | share |",
             "|---|---|---|"]
    keys = ["no gold article in the corpus", "fused top 100",
            "  of which in neither retriever's top 100", "missed by the fused top 100",
            "  of which in dense or BM25 top 100",
            "  of which only in a retriever's ranks 101-1000",
            "  of which beyond both retrievers' 1000 candidates",
            "union of dense and BM25 top 100"]
    lines += [f"| {k} | {counts[k]} | {counts[k] / total:.3f} |" for k in keys if k in counts]
    return lines


def evaluate_all(index: SearchIndex, scored: Scored, data: AdaptData,
                 named: Mapping[str, Split], chosen: Sequence[Policy],
                 bm25: TailBM25 | None) -> dict[str, dict[str, Row]]:
    """R@k of every policy on every split (by split name)."""
    groups: dict[tuple[float, float, float, float, float, float, bool, float],
                 list[Policy]] = {}
    for p in chosen:
        groups.setdefault(p.base, []).append(p)
    out: dict[str, dict[str, Row]] = {name: {} for name in named}
    for base, group in groups.items():
        started = time.perf_counter()
        for name, sp in named.items():
            for policy, ranks in run_split(index, scored, data, sp, group, bm25).items():
                out[name][policy] = recall_row(ranks)
        outer = [out[f"outer {f}"] for f in range(5)]
        for p in group:
            row = mean([o[p.name] for o in outer])
            print(f"{p.name}: R@10 {row['R@10']:.4f} R@100 {row['R@100']:.5f}", flush=True)
        print(f"  ({base}: {time.perf_counter() - started:.0f} s)", flush=True)
    return out


def mean(rows: Sequence[Row]) -> Row:
    return {k: statistics.fmean(r[k] for r in rows) for k in rows[0]}


def nested(results: Mapping[str, Mapping[str, Row]], chosen: Sequence[Policy],
           criterion: str) -> tuple[list[str], Row]:
    """Per outer fold the policy with the best inner mean of ``criterion`` (ties: the earlier
    policy of the list, the shipped one first); the table lines and the outer mean."""
    lines, rows = [], []
    for f in range(5):
        inner = [results[f"inner {f}.{g}"] for g in range(4)]

        def score(p: Policy, inner: list[Mapping[str, Row]] = inner) -> float:
            keys = criterion.split("+")
            return statistics.fmean(sum(r[p.name][k] for k in keys) for r in inner)

        best = max(chosen, key=score)
        outer = results[f"outer {f}"][best.name]
        rows.append(outer)
        lines.append(f"| {f + 1} | {best.name} | {score(best):.4f} | {outer['R@10']:.3f} | "
                     f"{outer['R@100']:.3f} |")
    return lines, mean(rows)


def all_splits(data: AdaptData, by_id: Mapping[str, EvalQuery],
               sizes: Sequence[tuple[str, str, int]], folds: Sequence[Sequence[str]], seed: int,
               cache: Path) -> dict[str, Split]:
    """The 5 outer splits and the 4 inner splits of each, seeded as session 7's; kept in
    ``cache`` (the adapter trainings take most of the run)."""
    if cache.is_file():
        with cache.open("rb") as handle:
            named: dict[str, Split] = pickle.load(handle)
        return named
    named = {f"outer {f}": s
             for f, s in enumerate(splits(data, by_id, sizes, folds, CHOSEN, seed))}
    print("outer splits fitted", flush=True)
    for f in range(5):
        inner_folds = [fold for g, fold in enumerate(folds) if g != f]
        inner = splits(data, by_id, sizes, inner_folds, CHOSEN, seed + 100 * (f + 1))
        named.update({f"inner {f}.{g}": s for g, s in enumerate(inner)})
        print(f"inner splits of outer fold {f + 1} fitted", flush=True)
    with cache.open("wb") as handle:
        pickle.dump(named, handle)
    return named


def check_bm25(index: SearchIndex, scored: Scored, bm25: TailBM25, rows: Sequence[int]) -> float:
    """The largest gap between the index's BM25 and this one at the shipped k1 / b."""
    worst = 0.0
    for row in rows:
        ours = bm25.scores(scored.scores[row].tokens, 1.2, 0.75)
        worst = max(worst, float(np.abs(ours - scored.scores[row].bm25).max()))
    return worst


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--bm25-grid", action="store_true",
                        help="also BM25 k1 / b (the articles are re-tokenised: minutes)")
    parser.add_argument("--prefix", type=int, default=None,
                        help="the cached prefix of bench/adapt_corpus.py's order, at most this "
                        "many articles, instead of the whole corpus (0: all it holds)")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--ceiling", action="store_true",
                        help="only where the golds lie under the shipped policy")
    parser.add_argument("--only", default="", help="comma-separated policy name prefixes")
    parser.add_argument("--corpus", type=Path, default=LAWREFBOOK,
                        help="only to try the code on a part of LawRefBook")
    args = parser.parse_args()
    if args.prefix == 0:
        args.prefix = 10**9
    args.work.mkdir(parents=True, exist_ok=True)
    head = machine()
    print("\n".join(head), flush=True)
    inputs = joint_inputs(args)
    index, folds, data, by_id, sizes, scored = (inputs.search_index, inputs.folds, inputs.data,
                                                inputs.by_id, inputs.sizes, inputs.scored)
    chosen = policies()
    if args.only:
        chosen = [p for p in chosen if p.name.startswith(tuple(args.only.split(",")))]
    bm25 = None
    if args.bm25_grid:
        started = time.perf_counter()
        bm25 = TailBM25([index.tokenizer(u.passage) for u in index.units])
        gap = check_bm25(index, scored, bm25, data.rows(list(by_id))[:50])
        print(f"BM25 from the token lists vs the index's: largest gap {gap:.2e} "
              f"({time.perf_counter() - started:.0f} s)", flush=True)
        if gap > 1e-3:
            raise SystemExit("the token-list BM25 does not reproduce the index's")
    else:
        chosen = [p for p in chosen if p.shipped_bm25]
    started = time.perf_counter()
    named = all_splits(data, by_id, sizes, folds, args.seed,
                       args.work / f"splits-{len(data.articles)}-seed{args.seed}.pkl")
    print(f"splits ready in {time.perf_counter() - started:.0f} s", flush=True)
    if args.ceiling:
        lines = ceiling(index, scored, data, [named[f"outer {f}"] for f in range(5)])
        print("\n".join(["", *head, "", *lines]), flush=True)
        (args.work / "ceiling.md").write_text("\n".join(lines) + "\n", "utf-8")
        return
    results = evaluate_all(index, scored, data, named, chosen, bm25)
    outer_rows = [(p.name, mean([results[f"outer {f}"][p.name] for f in range(5)]))
                  for p in chosen]
    lines = ["### Every policy tried (adapter + fold prior), mean of the 5 outer folds", "",
             *head, "", *table(outer_rows, "policy"), "",
             "| policy | min fold R@10 | min fold R@100 | R@100 hits of 1,085 |",
             "|---|---|---|---|"]
    for p in chosen:
        per = [results[f"outer {f}"][p.name] for f in range(5)]
        hits = sum(round(r["R@100"] * len(folds[f])) for f, r in enumerate(per))
        lines.append(f"| {p.name} | {min(r['R@10'] for r in per):.3f} | "
                     f"{min(r['R@100'] for r in per):.3f} | {hits} |")
    for criterion in ("R@10+R@100", "R@10"):
        notes, row = nested(results, chosen, criterion)
        lines += ["", f"### Nested choice by inner mean {criterion}", "",
                  "| outer fold | chosen | inner criterion | outer R@10 | outer R@100 |",
                  "|---|---|---|---|---|", *notes, "",
                  *table([(f"nested ({criterion}), mean of 5 outer folds", row)]),
                  f"(R@100 {row['R@100']:.5f})"]
    text = "\n".join(lines) + "\n"
    print(text, flush=True)
    (args.work / "tail.md").write_text(text, "utf-8")
    (args.work / "tail.json").write_text(json.dumps(results, indent=1), "utf-8")


if __name__ == "__main__":
    main()
