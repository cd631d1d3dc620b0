"""Graph benchmark: load time (seed and whole LawRefBook corpus), article lookup and 3-hop
neighbourhood latency, server memory and disk size, on the embedded FalkorDB.

    .venv/bin/python bench/graph_bench.py                       # print the report
    .venv/bin/python bench/graph_bench.py --append docs/benchmarks.md

Parsing is timed apart from loading (the corpus is parsed once, outside the timed load).
Targets on the 2-core reference machine: whole corpus loaded in under 60 s, lookup p99
under 5 ms.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from core.settings import REPO_ROOT
from graph.falkordb_store import FalkorDBStore
from graph.loader import write_regulations
from ingest.combine import combine_duplicates
from ingest.corpus import read_corpus
from ingest.models import Regulation
from liuhen.regulations.service import RegulationsService

LAWREFBOOK = REPO_ROOT.parent / "shared/corpus/lawrefbook"
SEEDS = REPO_ROOT / "data/regulations"
LOAD_TARGET_S = 60.0
LOOKUP_P99_TARGET_MS = 5.0


def machine() -> list[str]:
    """`date`, nproc, `free -g`, CPU and load average, as the report's header."""
    free = subprocess.run(["free", "-g"], capture_output=True, text=True).stdout.rstrip()
    cpu = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
         if line.startswith("model name")),
        platform.processor(),
    )
    return [
        f"- date: {subprocess.run(['date'], capture_output=True, text=True).stdout.strip()}",
        f"- nproc: {os.cpu_count()}; CPU: {cpu}",
        f"- load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}",
        "- free -g:",
        "",
        "```",
        free,
        "```",
    ]


def percentiles(samples_ms: Sequence[float]) -> tuple[float, float]:
    ordered = sorted(samples_ms)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return statistics.median(ordered), p99


def timed(call: Callable[[], object], count: int) -> list[float]:
    samples = []
    for _ in range(count):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def disk_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


def load(regulations: Sequence[Regulation], data_dir: Path) -> tuple[FalkorDBStore, float]:
    store = FalkorDBStore.embedded(data_dir)
    store.ensure_schema()
    started = time.perf_counter()
    write_regulations(store, regulations)
    return store, time.perf_counter() - started


def run(corpus: Path, lookups: int, hops_samples: int, note: str = "") -> list[str]:
    lines = ["## Graph store (embedded FalkorDB)", "", *machine(), ""]
    if note:
        lines += [note, ""]
    seeds, _ = combine_duplicates(read_corpus(SEEDS).regulations)
    started = time.perf_counter()
    report = read_corpus(corpus)
    parse_s = time.perf_counter() - started
    regulations, _ = combine_duplicates(report.regulations)
    articles = sum(len(r.articles) for r in regulations)
    with tempfile.TemporaryDirectory(prefix="liuhen-bench-") as tmp:
        seed_store, seed_s = load(seeds, Path(tmp) / "seed")
        seed_articles = sum(len(r.articles) for r in seeds)
        seed_store.close()

        store, load_s = load(regulations, Path(tmp) / "corpus")
        try:
            started = time.perf_counter()
            write_regulations(store, regulations)
            rerun_s = time.perf_counter() - started
            assert store.server is not None and store.server.pid is not None
            rss = rss_mb(store.server.pid)
            aof = disk_mb(store.server.db_dir)

            rng = random.Random(20261127)
            picks = [(r.id, a.number.key) for r in regulations for a in r.articles]
            sample = [picks[rng.randrange(len(picks))] for _ in range(lookups)]
            regs = RegulationsService(store)
            queue = iter(sample * 2)
            for _ in range(50):  # warm the plan cache
                regs.get_article(*next(queue))
            queue = iter(sample)
            lookup = timed(lambda: regs.get_article(*next(queue)), lookups)
            # The same articles again, best of 5 each: the lookup's own cost, without the
            # scheduling noise of a shared 2-core machine.
            best = [min(timed(partial(regs.get_article, *pick), 5)) for pick in sample]
            newest: dict[str, Regulation] = {}
            for regulation in regulations:  # a title means its newest version
                kept = newest.get(regulation.normalized_title)
                if kept is None or regulation.version_date > kept.version_date:
                    newest[regulation.normalized_title] = regulation
            titled = sorted(newest.values(), key=lambda r: r.id)
            named = [(r.title, r.articles[0].number.key)
                     for r in (rng.choice(titled) for _ in range(lookups))]
            queue = iter(named)
            by_title = timed(lambda: regs.get_article(*next(queue)), lookups)
            hop_sample = iter(sample[:hops_samples])
            sizes: list[int] = []

            def three_hops() -> None:
                sizes.append(len(regs.neighbourhood(*next(hop_sample), hops=3).nodes))

            hops = timed(three_hops, min(hops_samples, len(sample)))
            client = store.server.client().connection
            client.execute_command("BGREWRITEAOF")
            time.sleep(0.5)
            while any(client.info("persistence")[flag]
                      for flag in ("aof_rewrite_in_progress", "aof_rewrite_scheduled")):
                time.sleep(0.2)
            time.sleep(1.0)  # the old AOF files are removed in the background
            aof_compact = disk_mb(store.server.db_dir)
        finally:
            store.close()

    lookup_p50, lookup_p99 = percentiles(lookup)
    best_p50, best_p99 = percentiles(best)
    title_p50, title_p99 = percentiles(by_title)
    hop_p50, hop_p99 = percentiles(hops)
    lines += [
        f"Corpus: {corpus.name}, {len(regulations)} regulations, {articles:,} articles "
        f"(parsed in {parse_s:.1f} s, not part of the load).",
        "",
        "| measure | value | target |",
        "|---|---|---|",
        f"| seed load ({len(seeds)} regulations, {seed_articles} articles) | {seed_s:.2f} s "
        f"({seed_articles / seed_s:,.0f} articles/s) | |",
        f"| whole corpus load | {load_s:.1f} s ({articles / load_s:,.0f} articles/s) | "
        f"< {LOAD_TARGET_S:.0f} s: {'met' if load_s < LOAD_TARGET_S else 'MISSED'} |",
        f"| second load (nothing changed) | {rerun_s:.1f} s | |",
        f"| article lookup by id, {lookups:,} random articles, p50 / p99 | "
        f"{lookup_p50:.2f} / {lookup_p99:.2f} ms | p99 < {LOOKUP_P99_TARGET_MS:.0f} ms: "
        f"{'met' if lookup_p99 < LOOKUP_P99_TARGET_MS else 'MISSED'} |",
        f"| the same, best of 5 per article (without scheduling noise), p50 / p99 | "
        f"{best_p50:.2f} / {best_p99:.2f} ms | |",
        f"| article lookup by full title (name resolution), p50 / p99 | "
        f"{title_p50:.2f} / {title_p99:.2f} ms | |",
        f"| 3-hop neighbourhood (max 200 nodes, mean {statistics.mean(sizes):.0f}), "
        f"{len(hops)} articles, p50 / p99 | {hop_p50:.1f} / {hop_p99:.1f} ms | |",
        f"| server RSS after load | {rss:.0f} MB | |",
        f"| disk (AOF) after load / after BGREWRITEAOF | {aof:.0f} MB / {aof_compact:.0f} MB | |",
        "",
    ]
    return lines


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--corpus", type=Path, default=LAWREFBOOK)
    parser.add_argument("--lookups", type=int, default=1000)
    parser.add_argument("--hops-samples", type=int, default=200)
    parser.add_argument("--append", type=Path, help="append the report to this Markdown file")
    parser.add_argument("--note", default="", help="a line to put under the machine facts")
    args = parser.parse_args(argv)
    lines = run(args.corpus, args.lookups, args.hops_samples, args.note)
    text = "\n".join(lines) + "\n"
    print(text)
    if args.append:
        args.append.parent.mkdir(parents=True, exist_ok=True)
        with args.append.open("a", encoding="utf-8") as out:
            out.write("\n" + text)


if __name__ == "__main__":
    main()
