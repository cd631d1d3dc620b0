"""One assessment, warm, on this machine: p50/p99 of ``Assessor.assess`` beside a baseline
measured in the same run (the bare hybrid search query the engine makes, ``index.score``).

    PYTHONPATH=. .venv/bin/python bench/assess_bench.py [--runs 300]

Queries: the development set's (data/eval/situations.jsonl) when present, else a few written
here. Target (issue 11): p99 <= 150 ms warm.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

from core.settings import REPO_ROOT, get_settings
from liuhen.assess_commands import assessor_from_settings

FALLBACK = [
    "县委书记给承办法官打电话，说被告人是他朋友的儿子，希望判轻一点",
    "法官收下了当事人送的购物卡",
    "法官周末在商场偶遇本案被告的代理律师，第二天就向纪检监察部门报告了",
    "市委政法委按照工作程序发函，请法院报告案件审理进度，对案件怎么判没有任何意见",
]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=300)
    args = parser.parse_args()
    dev = REPO_ROOT / "data/eval/situations.jsonl"
    queries = ([json.loads(line)["query"] for line in dev.open(encoding="utf-8")
                if line.strip()] if dev.exists() else FALLBACK)
    engine = assessor_from_settings(get_settings())
    assert engine.index is not None
    for query in queries[:20]:  # warm: model, jieba, caches
        engine.assess(query)
    search_ms, assess_ms = [], []
    for run in range(args.runs):
        query = queries[run % len(queries)]
        started = time.perf_counter()
        engine.index.score(query)
        search_ms.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        engine.assess(query)
        assess_ms.append((time.perf_counter() - started) * 1000)
    for name, values in (("search (index.score)", search_ms), ("assess", assess_ms)):
        print(f"{name:<22} p50 {statistics.median(values):6.1f} ms   "
              f"p99 {percentile(values, 0.99):6.1f} ms   max {max(values):6.1f} ms   "
              f"n={len(values)}")


if __name__ == "__main__":
    main()

