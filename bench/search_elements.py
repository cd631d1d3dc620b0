"""Long case facts (issue 14, session 12): an element-level index for crime articles, penalty
stripping and a conduct-only query, each beside the shipped fusion, on the same vectors.

    PYTHONPATH=. .venv/bin/python bench/search_elements.py [--data-dir DIR] [--held-out]

The development set (``data/eval/long_facts.jsonl``): every variant's R@1/5/10 and MRR, the
facts each one gains and loses at R@5 against the shipped fusion, and two-fold cross-validation
of choosing among them by R@5 (three random splits), as session 9 did. ``--held-out``
(``long_facts2.jsonl``) prints aggregates only, for the shipped fusion and ``FINAL`` alone: the
held-out set is measured once, never tuned on.

Element passages: each paragraph of an article that states a penalty (有期徒刑, 拘役, 罚金,
定罪处罚 ...) cut to its conduct, the part before 的，处… (or 的，依照…) of each clause, a
grade of penalty (情节严重的) dropped, items kept whole: 第二百六十四条 gives 盗窃公私财物，数额较大
的，或者多次盗窃、入户盗窃、携带凶器盗窃、扒窃的. ``para``: one passage per such paragraph;
``joined``: one per article; ``strip``: the whole article with every ，处… clause removed. Each
passage carries the title and headings, as the index's units do, and maps back to its article
(max over its passages).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from bench.search_bench import machine
from core.settings import REPO_ROOT
from ingest.models import Article, Paragraph
from search.bm25 import BM25Index
from search.corpus import load_corpus
from search.embeddings import EmbeddingCache, embed_cached, load_embedder
from search.evaluate import EvalQuery, gold_keys, load_queries
from search.fusion import group_max, ranks_of, reciprocal_rank_fusion
from search.index import SearchIndex, embedding_cache_root, open_index
from search.model_convert import E5_SMALL

SHARED = REPO_ROOT.parent / "shared"
CRIMINAL_LAW = SHARED / "corpus" / "lawrefbook" / "刑法" / "刑法.md"
DEV = REPO_ROOT / "data" / "eval" / "long_facts.jsonl"
HELD_OUT = REPO_ROOT / "data" / "eval" / "long_facts2.jsonl"

PENALTY = re.compile(r"有期徒刑|拘役|管制|罚金|死刑|没收财产|定罪处罚|的规定处罚")
CUT = re.compile(r"的[，,]\s*(?:处|判处|并处|依照|依|按照|对|从重|从轻|可以|应当|减轻|免除|给予"
                 r"|追究)")
GRADE = re.compile(r"情节|数额|后果|损失|次数")
STRIP = re.compile(r"[，,]\s*(?:并处|处|判处)[^；;。\n：:]*")
# Judgment procedure, not conduct: the closing evidence list, the arrest, the confession.
PROCEDURE = re.compile(r"上述事实|证实|抓获|到案|供述|投案|归案|报警")
BASE = "RRF(bA,dA)"  # the shipped fusion for long queries (session 9)
FINAL = "RRF(bA,dFmax_para)"  # the best on dev, not shipped: cross-validation says no


def clause_elements(text: str) -> list[str]:
    """The conduct of each clause of ``text``: what stands before 的，处… (grades dropped)."""
    out: list[str] = []
    for sentence in re.split(r"[。；;]", text):
        found = CUT.search(sentence)
        if not found:
            continue
        part = sentence[: found.start() + 1].strip()
        if out and GRADE.search(part) and len(part) <= 30:
            continue  # 情节严重的: a grade of the penalty, not another conduct
        out.append(part)
    return out


def paragraph_element(paragraph: Paragraph) -> str:
    parts = clause_elements(paragraph.text)
    if paragraph.items and parts:
        items = []
        for item in paragraph.items:
            found = CUT.search(item.line)
            items.append(item.line[: found.start() + 1] if found else item.line.rstrip("；;。"))
        return "，".join(parts) + "：" + "；".join(items)
    return "；".join(parts)


def article_elements(article: Article) -> list[str]:
    """Each paragraph's conduct; none when the article states no penalty."""
    if not PENALTY.search(article.text):
        return []
    return [e for e in (paragraph_element(p) for p in article.paragraphs) if e]


def conduct_only(fact: str) -> str:
    """``fact`` without its procedure sentences (the whole fact if nothing else is left)."""
    kept = [s for s in re.split(r"(?<=[。；！？])", fact) if s and not PROCEDURE.search(s)]
    return "".join(kept) or fact


@dataclass
class Extra:
    """Passages beside the index's units, each mapped to an article."""

    article: npt.NDArray[np.int64]
    vectors: npt.NDArray[np.float32]
    bm25: BM25Index


def extra_passages(index: SearchIndex, data_dir: Path) -> dict[str, Extra]:
    regulation = load_corpus(data_dir / "criminal-law")[0][0]
    labels = [index.units[int(s)].article_label for s in index.article_starts]
    assert labels == [a.label for a in regulation.articles], "units and articles disagree"
    sets: dict[str, list[tuple[int, str]]] = {"para": [], "joined": [], "strip": []}
    for number, article in enumerate(regulation.articles):
        context = " ".join((regulation.title, *article.headings))
        elements = article_elements(article)
        sets["para"] += [(number, f"{context}\n{article.label} {e}") for e in elements]
        if elements:
            sets["joined"].append((number, f"{context}\n{article.label} " + "。".join(elements)))
        if PENALTY.search(article.text):
            sets["strip"].append((number, f"{context}\n{STRIP.sub('', article.text)}"))
    assert index.embedder is not None
    cache = EmbeddingCache(embedding_cache_root(data_dir), index.embedder.name)
    out = {}
    for name, rows in sets.items():
        passages = [p for _, p in rows]
        vectors, _ = embed_cached(index.embedder, passages, cache)
        out[name] = Extra(np.asarray([a for a, _ in rows], dtype=np.int64), vectors,
                          BM25Index.build([index.tokenizer(p) for p in passages]))
    return out


Ranks = npt.NDArray[np.int64]


def article_max(values: npt.NDArray[np.float32], articles: npt.NDArray[np.int64],
                count: int) -> npt.NDArray[np.float32]:
    out = np.full(count, -np.inf, dtype=np.float32)
    np.maximum.at(out, articles, values.astype(np.float32))
    return out


def ranked(scores: npt.NDArray[np.float32], floor: float | None = None) -> Ranks:
    """Ranks (0 = none) where articles without a passage (-inf) stay unranked."""
    finite = np.isfinite(scores)
    ranks = ranks_of(np.where(finite, scores, -1e9).astype(np.float32), 1000, floor=floor)
    ranks[~finite] = 0
    return ranks


def rankings(index: SearchIndex, extra: dict[str, Extra], fact: str,
             vector: npt.NDArray[np.float32], conduct: npt.NDArray[np.float32],
             sentences: npt.NDArray[np.float32] | None) -> dict[str, Ranks]:
    """Every single-retriever ranking of the articles for one fact."""
    assert index.vectors is not None
    starts, count = index.article_starts, len(index.article_starts)
    scores = index.score(fact, vector)
    dense = group_max(index.vectors @ vector, starts)
    dense_conduct = group_max(index.vectors @ conduct, starts)
    out = {"bA": ranked(group_max(scores.bm25, starts), 0.0), "dA": ranked(dense),
           "dF": ranked(dense_conduct),
           "bF": ranked(group_max(index.bm25.scores(index.tokenizer(conduct_only(fact))),
                                  starts), 0.0),
           "bU": ranked(group_max(index.bm25.scores(list(dict.fromkeys(scores.tokens))),
                                  starts), 0.0)}
    for name, e in extra.items():
        out["b_" + name] = ranked(article_max(e.bm25.scores(scores.tokens), e.article, count),
                                  0.0)
        element = article_max(e.vectors @ vector, e.article, count)
        out["d_" + name] = ranked(element)
        out["dmax_" + name] = ranked(np.maximum(dense, element))
    para = extra["para"]
    out["dFmax_para"] = ranked(np.maximum(
        dense_conduct, article_max(para.vectors @ conduct, para.article, count)))
    if sentences is not None:
        unit_article = np.searchsorted(starts, np.arange(len(index.units)), "right") - 1
        for name, vectors, articles in (("units", index.vectors, unit_article),
                                        ("para", para.vectors, para.article)):
            per = np.stack([article_max(row, articles, count) for row in sentences @ vectors.T])
            out["smax_" + name] = ranked(per.max(axis=0))
    return out


def variants(have_sentences: bool) -> dict[str, tuple[list[str], list[float] | None]]:
    """Name -> (rankings fused by RRF k 60, weights)."""
    out: dict[str, tuple[list[str], list[float] | None]] = {
        BASE: (["bA", "dA"], None), FINAL: (["bA", "dFmax_para"], None),
        "RRF(bA,dF)": (["bA", "dF"], None), "RRF(bF,dF)": (["bF", "dF"], None),
        "RRF(bA,dA,dF)": (["bA", "dA", "dF"], None), "RRF(bU,dA)": (["bU", "dA"], None)}
    for name in ("para", "joined", "strip"):
        out[f"RRF(bA,dA,d_{name})"] = (["bA", "dA", "d_" + name], None)
        out[f"RRF(bA,dA,0.5*d_{name})"] = (["bA", "dA", "d_" + name], [1, 1, 0.5])
        out[f"RRF(bA,dA,b_{name})"] = (["bA", "dA", "b_" + name], None)
        out[f"RRF(bA,dA,b_{name},d_{name})"] = (["bA", "dA", "b_" + name, "d_" + name], None)
        out[f"RRF(bA,dA,0.5*b_{name},0.5*d_{name})"] = (
            ["bA", "dA", "b_" + name, "d_" + name], [1, 1, 0.5, 0.5])
        out[f"RRF(b_{name},d_{name})"] = (["b_" + name, "d_" + name], None)
        out[f"RRF(bA,dmax_{name})"] = (["bA", "dmax_" + name], None)
        out[f"RRF(b_{name},dA)"] = (["b_" + name, "dA"], None)
    if have_sentences:
        for name in ("units", "para"):
            out[f"RRF(bA,dA,smax_{name})"] = (["bA", "dA", "smax_" + name], None)
            out[f"RRF(bA,dA,0.5*smax_{name})"] = (["bA", "dA", "smax_" + name], [1, 1, 0.5])
    return out


def gold_rank(fused: npt.NDArray[np.float32], golds: set[int]) -> int | None:
    order = np.lexsort((np.arange(len(fused)), -fused))
    return next((i for i, a in enumerate(order, start=1) if int(a) in golds and fused[a] > 0),
                None)


def metrics(ranks: Sequence[int | None]) -> str:
    n = len(ranks)

    def hit(k: int) -> float:
        return sum(r is not None and r <= k for r in ranks) / n

    mrr = sum(1 / r for r in ranks if r) / n
    return f"{hit(1):.3f} | {hit(5):.3f} | {hit(10):.3f} | {mrr:.3f}"


def cross_validate(results: dict[str, list[int | None]], seeds: Sequence[int]) -> list[str]:
    """Two folds: choose by R@5 (MRR breaks ties) on one half, score the choice on the other."""
    n = len(next(iter(results.values())))

    def fold_score(ranks: list[int | None], fold: list[int]) -> tuple[int, float]:
        found = [r for r in (ranks[i] for i in fold) if r is not None]
        return sum(r <= 5 for r in found), sum(1 / r for r in found)

    out = []
    for seed in seeds:
        order = list(range(n))
        random.Random(seed).shuffle(order)
        halves = (order[: n // 2], order[n // 2:])
        total, picks = 0, []
        for chosen_on, scored_on in (halves, halves[::-1]):
            best = max(sorted(results), key=lambda k: fold_score(results[k], chosen_on))
            picks.append(best)
            total += fold_score(results[best], scored_on)[0]
        out.append(f"- split {seed}: R@5 {total / n:.3f} out of fold (shipped {BASE}: "
                   f"{sum(fold_score(results[BASE], h)[0] for h in halves) / n:.3f}); "
                   f"chosen {picks[0]} and {picks[1]}")
    return out


def run(index: SearchIndex, extra: dict[str, Extra], facts: list[EvalQuery],
        names: Callable[[bool], dict[str, tuple[list[str], list[float] | None]]],
        sentences: bool) -> dict[str, list[int | None]]:
    embedder = index.embedder
    assert embedder is not None
    texts = [q.query for q in facts]
    vectors = embedder.embed_queries(texts)
    conduct = embedder.embed_queries([conduct_only(t) for t in texts])
    wanted = [{a for a in range(len(index.article_starts))
               if index.article_eval_key(a) in gold_keys(q)} for q in facts]
    chosen = names(sentences)
    results: dict[str, list[int | None]] = {name: [] for name in chosen}
    for number, fact in enumerate(texts):
        split = None
        if sentences:
            split = embedder.embed_queries([s for s in re.split(r"[。；！？]", fact)
                                            if len(s) >= 4])
        ranks = rankings(index, extra, fact, vectors[number], conduct[number], split)
        for name, (keys, weights) in chosen.items():
            fused = reciprocal_rank_fusion([ranks[k] for k in keys], k=60.0, weights=weights)
            results[name].append(gold_rank(fused, wanted[number]))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=REPO_ROOT / ".cache" / "bench-long")
    parser.add_argument("--held-out", action="store_true",
                        help=f"long_facts2 (held out): aggregates of {BASE} and {FINAL} only")
    args = parser.parse_args()
    print("\n".join(machine()), flush=True)
    started = time.perf_counter()
    embedder = load_embedder(E5_SMALL)
    corpus = args.data_dir / "criminal-law"
    (corpus / "刑法").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(CRIMINAL_LAW, corpus / "刑法" / "刑法.md")
    index = open_index(corpus, args.data_dir, embedder)
    extra = extra_passages(index, args.data_dir)
    print(f"model {embedder.name}, queries {embedder.query_shape.label}; element passages: "
          + ", ".join(f"{k} {len(e.article)}" for k, e in extra.items())
          + f"; ready in {time.perf_counter() - started:.0f} s", flush=True)
    if args.held_out:
        facts = load_queries(HELD_OUT)
        results = run(index, extra, facts,
                      lambda s: {k: v for k, v in variants(s).items() if k in (BASE, FINAL)},
                      sentences=False)
    else:
        facts = load_queries(DEV)
        results = run(index, extra, facts, variants, sentences=True)
    print(f"\n{len(facts)} facts ({'held out' if args.held_out else 'development'})\n")
    print("| variant | R@1 | R@5 | R@10 | MRR | R@5 gained / lost vs shipped |")
    print("|---|---|---|---|---|---|")
    base = results[BASE]
    for name, ranks in sorted(results.items(), key=lambda kv: metrics(kv[1]).split(" | ")[1],
                              reverse=True):
        change = "" if args.held_out else "{} / {}".format(
            sum((r is not None and r <= 5) and not (b is not None and b <= 5)
                for r, b in zip(ranks, base, strict=True)),
            sum((b is not None and b <= 5) and not (r is not None and r <= 5)
                for r, b in zip(ranks, base, strict=True)))
        print(f"| {name} | {metrics(ranks)} | {change} |")
    if not args.held_out:
        print("\nTwo-fold cross-validation of the choice among all variants above:")
        print("\n".join(cross_validate(results, (0, 1, 2))))
    print(f"\nload average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
