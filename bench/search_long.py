"""Long queries (issue 14): how many tokens of a query reach the model, measured on long case
facts and on short questions, with the baseline (queries cut at 256 tokens) in the same run.

    .venv/bin/python bench/search_long.py [--data-dir DIR] [--append docs/benchmarks.md]

Sets: ``data/eval/long_facts.jsonl`` (64 case facts written for this project from the elements
of 刑法 articles) and ``long_facts2.jsonl`` (64 more, held out: report, never tune) over
《中华人民共和国刑法》 alone; ``dev_queries.jsonl`` over the seed corpus;
the CI subset of STARD (``tests/search/data/stard_ci_subset.json``) over its LawRefBook subset,
when its index is in the data directory (the test builds it: ``.cache/test-data/stard-subset``).
Every query shape is ranked in BM25, dense, the shipped hybrid and plain RRF (BM25 and dense,
k 60, equal weights, no actor boost or prior): the issue's reference; and the weighted fusion for
every query (``long_query_chars=0``), as shipped before session 9; and every mode as shipped
before session 29 (a long query scored whole and fused by RRF k 60: ``BEFORE_S29``).
"""

from __future__ import annotations

import argparse
import json
import shutil
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
from search_bench import machine  # bench/ is on the path when run as a script

from core.settings import REPO_ROOT
from search.embeddings import SentenceTransformerEmbedder, load_embedder
from search.evaluate import EvalQuery, EvalReport, evaluate, load_queries
from search.index import SearchConfig, SearchIndex, open_index
from search.long_query import QueryShape, query_windows, torch_encode_ids
from search.model_convert import E5_SMALL
from search.prior import AnswerPrior

SHARED = REPO_ROOT.parent / "shared"
CRIMINAL_LAW = SHARED / "corpus" / "lawrefbook" / "刑法" / "刑法.md"
LONG_FACTS = REPO_ROOT / "data" / "eval" / "long_facts.jsonl"
LONG_FACTS2 = REPO_ROOT / "data" / "eval" / "long_facts2.jsonl"  # held out (issue 14, s9)
DEV = SHARED / "eval" / "dev_queries.jsonl"
STARD = SHARED / "eval" / "stard_train.jsonl"
SEED = REPO_ROOT / "data" / "regulations"
SUBSET_FILE = REPO_ROOT / "tests" / "search" / "data" / "stard_ci_subset.json"
SUBSET_DATA = REPO_ROOT / ".cache" / "test-data" / "stard-subset"

SHAPES = (QueryShape(256), QueryShape(512), QueryShape(256, 128), QueryShape(128, 64))
PLAIN_RRF = SearchConfig(fusion="rrf", bm25_weight=1.0, dense_weight=1.0, actor_weight=0.0,
                         prior_weight=0.0, long_query_chars=0)
# What shipped from session 9 to 28 for a query past long_query_chars: plain RRF k 60 of the
# whole query (no fact style, search/fact_style.py).
BEFORE_S29 = {"long_query_style": False, "long_query_rrf_k": 60.0}


def rows(index: SearchIndex, queries: list[EvalQuery], base: SentenceTransformerEmbedder,
         shapes: tuple[QueryShape, ...]) -> list[str]:
    """One table row per (shape, mode): R@1/5/10/100 and MRR."""
    shipped = index.config
    out = ["| query shape | mode | R@1 | R@5 | R@10 | R@100 | MRR |",
           "|---|---|---|---|---|---|---|"]
    for shape in shapes:
        index.embedder = base.with_query_shape(shape)
        index.config = shipped
        reports: dict[str, EvalReport] = {"": evaluate(index, queries)}
        index.config = PLAIN_RRF
        reports["plain RRF"] = evaluate(index, queries, modes=("hybrid",))
        index.config = replace(shipped, long_query_chars=0)  # every query fused as before s9
        reports["hybrid, weighted always (before s9)"] = evaluate(index, queries,
                                                                  modes=("hybrid",))
        index.config = replace(shipped, **BEFORE_S29)
        reports["before s29: "] = evaluate(index, queries)
        index.config = shipped
        for kind, report in reports.items():
            for mode, result in report.results.items():
                name = kind + mode if kind.endswith(": ") else kind or mode
                out.append(f"| {shape.label} | {name} | {result.recall(1):.3f} | "
                           f"{result.recall(5):.3f} | {result.recall(10):.3f} | "
                           f"{result.recall(100):.3f} | {result.mrr:.3f} |")
    index.embedder = base
    return out


def latency(base: SentenceTransformerEmbedder, texts: list[str],
            shapes: tuple[QueryShape, ...] = SHAPES) -> list[str]:
    """Single-query embedding time per shape: the ONNX path, and torch on one thread."""
    import torch

    out = ["| query shape | ONNX Runtime p50 / p99 ms | torch (bf16, 1 thread) p50 / p99 ms |",
           "|---|---|---|"]
    prompt = (base._model.prompts or {}).get("query", "")
    for shape in shapes:
        embedder = base.with_query_shape(shape)
        embedder.embed_queries(texts[:2])
        onnx, torch_ms = [], []
        for text in texts:
            started = time.perf_counter()
            embedder.embed_queries([text])
            onnx.append((time.perf_counter() - started) * 1000)
        before = torch.get_num_threads()
        torch.set_num_threads(1)
        try:
            for text in texts:
                windows = query_windows(base._model.tokenizer, prompt, text, shape)
                started = time.perf_counter()
                torch_encode_ids(base._model, windows, bf16=base.precision == "bf16")
                torch_ms.append((time.perf_counter() - started) * 1000)
        finally:
            torch.set_num_threads(before)
        o, t = np.array(onnx), np.array(torch_ms)
        out.append(f"| {shape.label} | {np.percentile(o, 50):.0f} / {np.percentile(o, 99):.0f} | "
                   f"{np.percentile(t, 50):.0f} / {np.percentile(t, 99):.0f} |")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=REPO_ROOT / ".cache" / "bench-long")
    parser.add_argument("--append", type=Path, default=None)
    parser.add_argument("--no-latency", action="store_true")
    parser.add_argument("--sets", default="facts,facts2,dev,stard",
                        help="comma-separated: facts, facts2 (held out), dev, stard")
    parser.add_argument("--shapes", default=",".join(s.label for s in SHAPES),
                        help="comma-separated query shapes: " + ", ".join(s.label for s in SHAPES))
    args = parser.parse_args()
    shapes = tuple(s for s in SHAPES if s.label in args.shapes.split(","))
    lines = ["## Long queries: 256 tokens, 512, or windows (issue 14)", "", *machine(), ""]
    started = time.perf_counter()
    base = load_embedder(E5_SMALL, query_shape=QueryShape(256))
    lines.append(f"Model `{base.name}` (passages cut at 256 tokens in every row), "
                 f"precision {base.precision}, single queries on {base.query_engine}; "
                 f"loaded in {time.perf_counter() - started:.0f} s.")
    lines.append("")

    sets = set(args.sets.split(","))
    corpus = args.data_dir / "criminal-law"
    (corpus / "刑法").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(CRIMINAL_LAW, corpus / "刑法" / "刑法.md")
    facts = load_queries(LONG_FACTS)
    tokenizer = base._model.tokenizer
    lengths = [len(tokenizer("query: " + q.query)["input_ids"]) for q in facts]
    criminal = open_index(corpus, args.data_dir, base)
    lines += [] if "facts" not in sets else [
              f"### {LONG_FACTS.name}: {len(facts)} case facts over 《中华人民共和国刑法》 "
              f"({criminal.report.articles} articles)", "",
              f"Query length in tokens: median {np.median(lengths):.0f}, max {max(lengths)}; "
              f"{sum(n > 256 for n in lengths)} of {len(facts)} longer than 256.", "",
              *rows(criminal, facts, base, shapes), ""]
    held_out = load_queries(LONG_FACTS2)
    lines += [] if "facts2" not in sets else [
              f"### {LONG_FACTS2.name} (held out): {len(held_out)} case facts over "
              f"《中华人民共和国刑法》", "", *rows(criminal, held_out, base, shapes), ""]
    print("\n".join(lines), flush=True)

    seed = open_index(SEED, args.data_dir, base)
    dev = load_queries(DEV)
    lines += [] if "dev" not in sets else [
              f"### dev_queries.jsonl over the seed corpus ({len(dev)} questions)", "",
              *rows(seed, dev, base, shapes), ""]

    subset_corpus = SUBSET_DATA / "lawrefbook-subset"
    if "stard" not in sets:
        pass
    elif subset_corpus.is_dir():
        subset = json.loads(SUBSET_FILE.read_text("utf-8"))
        by_id = {q.id: q for q in load_queries(STARD)}
        questions = [by_id[i] for i in subset["questions"]]
        index = open_index(subset_corpus, SUBSET_DATA, base, SearchConfig(granularity="articles"))
        raw = subset["prior_without_questions"]
        index.use_prior(AnswerPrior(raw["regulations"], raw["categories"]))
        lines += [f"### STARD CI subset ({len(questions)} questions, {index.report.articles} "
                  "articles; prior fitted without these questions)", "",
                  *rows(index, questions, base, shapes), ""]
    else:
        lines += ["(STARD CI subset not built: run tests/search/test_stard_subset.py first)", ""]
    if not args.no_latency:
        lines += ["### Single-query embedding time, long facts", "",
                  *latency(base, [q.query for q in facts], shapes), ""]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.append is not None:
        with args.append.open("a", encoding="utf-8") as fh:
            fh.write("\n" + text)


if __name__ == "__main__":
    main()
