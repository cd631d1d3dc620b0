"""API benchmark over loopback: article GET and search at 1 and 8 concurrent clients,
throughput and p50/p99, against ``liuhen serve`` started as its own process.

    .venv/bin/python bench/api_bench.py                          # seed corpus, print
    .venv/bin/python bench/api_bench.py --append docs/benchmarks.md
    .venv/bin/python bench/api_bench.py --corpus ../shared/corpus/lawrefbook --data-dir DIR

The load comes from wrk (a Lua script picks a random URL per request) when it is installed,
else from Python threads with httpx (--generator). The server is ``api.server.serve``: the
real model, one uvicorn worker, the embedded FalkorDB. Article URLs are every article of the
corpus (up to 1,000 drawn at random); search queries are the 40 dev questions.

Targets on the 2-core reference machine, at 8 clients: article GET p99 under 20 ms; search
at least 50 requests/s with p99 under 250 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

import httpx
from graph_bench import machine, percentiles  # bench/ is on the path when run as a script

from core.settings import REPO_ROOT

SEEDS = REPO_ROOT / "data/regulations"
QUERIES = REPO_ROOT.parent / "shared/eval/dev_queries.jsonl"
ADMIN_KEY = "bench-admin"
ARTICLE_P99_TARGET_MS = 20.0
SEARCH_RPS_TARGET = 50.0
SEARCH_P99_TARGET_MS = 250.0

# What wrk prints at the end, one JSON line (shared by bench/search_http.py).
WRK_DONE = """
done = function(summary, latency, requests)
  io.write(string.format(
    '{"requests": %d, "seconds": %.3f, "p50": %.3f, "p99": %.3f, "non2xx": %d, ' ..
    '"errors": %d}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1e3,
    latency:percentile(99) / 1e3, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write +
    summary.errors.timeout))
end
"""

WRK_SCRIPT = """
local paths = {}
for line in io.lines(os.getenv("LIUHEN_BENCH_PATHS")) do paths[#paths + 1] = line end
local failed = 0
math.randomseed(os.time())
request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
response = function(status, headers, body)
  if status ~= 200 then failed = failed + 1 end
end
""" + WRK_DONE


@dataclass
class Result:
    name: str
    clients: int
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    failed: int

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


# ----------------------------------------------------------------------------- the server


class Server:
    """``liuhen serve`` (api.server.serve) in a process of its own."""

    def __init__(self, data_dir: Path, corpus: Path, port: int, log: Path) -> None:
        self.base_url = f"http://127.0.0.1:{port}"
        env = os.environ | {
            "LIUHEN_DATA_DIR": str(data_dir),
            "LIUHEN_REGULATIONS_DIR": str(corpus),
            "LIUHEN_API_KEYS": json.dumps({ADMIN_KEY: "admin"}),
        }
        code = ("from api.server import serve; from core.settings import get_settings; "
                f"serve(get_settings(), '127.0.0.1', {port}, log_level='warning')")
        self.log = log.open("w")
        self.process = subprocess.Popen([sys.executable, "-c", code], env=env, cwd=REPO_ROOT,
                                        stdout=self.log, stderr=subprocess.STDOUT)

    def wait_ready(self, timeout: float) -> dict[str, object]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"the server exited; see {self.log.name}")
            try:
                health: dict[str, object] = httpx.get(f"{self.base_url}/health").json()
                if health.get("status") == "ok":
                    return health
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        raise SystemExit(f"the server was not ready in {timeout:.0f} s; see {self.log.name}")

    def rss_mb(self) -> float:
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


# ----------------------------------------------------------------------------- workloads


def article_paths(base_url: str, limit: int = 1000) -> list[str]:
    """Up to ``limit`` random articles of the loaded corpus, as GET paths."""
    response = httpx.post(f"{base_url}/admin/cypher", headers={"X-API-Key": ADMIN_KEY},
                          json={"query": "MATCH (r:Regulation)-[:HAS_ARTICLE]->(a:Article) "
                                         "WITH r, a, rand() AS x ORDER BY x LIMIT $n "
                                         "RETURN r.id AS regulation, a.key AS article",
                                "parameters": {"n": limit}}, timeout=120)
    response.raise_for_status()
    return [f"/regulations/{quote(row['regulation'], safe='')}/articles/{row['article']}"
            for row in response.json()["rows"]]


def search_paths(top: int = 10) -> list[str]:
    queries = [json.loads(line)["query"] for line in QUERIES.read_text("utf-8").splitlines()]
    return [f"/search?{urlencode({'q': q, 'top': top})}" for q in queries]


def run_wrk(base_url: str, paths: list[str], clients: int, seconds: int,
            name: str) -> Result:
    with tempfile.TemporaryDirectory() as folder:
        script, listing = Path(folder) / "bench.lua", Path(folder) / "paths.txt"
        script.write_text(WRK_SCRIPT)
        listing.write_text("\n".join(paths) + "\n")
        command = ["wrk", f"-t{min(clients, 2)}", f"-c{clients}", f"-d{seconds}s",
                   "--timeout", "10s", "-s", str(script), base_url]
        done = subprocess.run(command, capture_output=True, text=True, check=True,
                              env=os.environ | {"LIUHEN_BENCH_PATHS": str(listing)})
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    return Result(name, clients, summary["requests"], summary["seconds"], summary["p50"],
                  summary["p99"], summary["non2xx"] + summary["errors"])


def run_threads(base_url: str, paths: list[str], clients: int, seconds: int,
                name: str) -> Result:
    samples: list[float] = []
    failed = 0
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(seed: int) -> None:
        nonlocal failed
        rng = random.Random(seed)
        mine, bad = [], 0
        with httpx.Client(base_url=base_url, timeout=10) as http:
            while time.monotonic() < stop:
                started = time.perf_counter()
                response = http.get(rng.choice(paths))
                mine.append((time.perf_counter() - started) * 1000)
                bad += response.status_code != 200
        with lock:
            samples.extend(mine)
            failed += bad

    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    p50, p99 = percentiles(samples)
    return Result(name, clients, len(samples), elapsed, p50, p99, failed)


# ----------------------------------------------------------------------------- report


def verdicts(results: list[Result]) -> list[str]:
    out = []
    for r in results:
        if r.clients != 8:
            continue
        if r.name == "article GET":
            met = r.p99_ms < ARTICLE_P99_TARGET_MS
            out.append(f"- article GET at 8 clients: p99 {r.p99_ms:.1f} ms, target < "
                       f"{ARTICLE_P99_TARGET_MS:.0f} ms: {'met' if met else 'MISSED'}")
        elif r.name == "search":
            met = r.rps >= SEARCH_RPS_TARGET and r.p99_ms < SEARCH_P99_TARGET_MS
            out.append(f"- search at 8 clients: {r.rps:.1f} req/s and p99 {r.p99_ms:.0f} ms, "
                       f"target >= {SEARCH_RPS_TARGET:.0f} req/s and p99 < "
                       f"{SEARCH_P99_TARGET_MS:.0f} ms: {'met' if met else 'MISSED'}")
    return out


def report(corpus: Path, health: dict[str, object], generator: str, seconds: int,
           results: list[Result], rss: float, head: list[str]) -> str:
    index = health["index"]
    model = health["model"]
    assert isinstance(index, dict) and isinstance(model, dict)
    lines = [
        f"## HTTP API over loopback ({corpus.name})", "", *head, "",
        f"Server: `liuhen serve` (api.server.serve) in its own process, one uvicorn worker, "
        f"embedded FalkorDB, model `{model['name']}` ({model['status']}); search index "
        f"{index['regulations']} regulations, {index['articles']} articles, {index['units']} "
        f"units, dense {index['dense']}. Load: {generator}, {seconds} s per row, on the same "
        "2 cores as the server. Article URLs: up to 1,000 random articles; search: the 40 "
        "dev questions, top 10, hybrid.", "",
        "| workload | clients | requests | req/s | p50 ms | p99 ms | failed |",
        "|---|---|---|---|---|---|---|",
        *(f"| {r.name} | {r.clients} | {r.requests:,} | {r.rps:.1f} | {r.p50_ms:.1f} | "
          f"{r.p99_ms:.1f} | {r.failed} |" for r in results),
        "", *verdicts(results), f"- server RSS after the runs: {rss:.0f} MB", "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=SEEDS)
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="keep the graph and index here (default: a temporary folder)")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--seconds", type=int, default=20, help="per workload and level")
    parser.add_argument("--generator", choices=["wrk", "python"],
                        default="wrk" if shutil.which("wrk") else "python")
    parser.add_argument("--embeddings-from", type=Path, default=None,
                        help="a data directory whose passage embeddings to reuse (copied), "
                             "so that indexing a large corpus needs no model run")
    parser.add_argument("--startup-timeout", type=float, default=3600)
    parser.add_argument("--append", type=Path, default=None)
    args = parser.parse_args()
    head = machine()
    temporary = None
    data_dir = args.data_dir
    if data_dir is None:
        temporary = tempfile.TemporaryDirectory(prefix="liuhen-api-bench-")
        data_dir = Path(temporary.name)
    data_dir.mkdir(parents=True, exist_ok=True)
    if args.embeddings_from is not None:
        cache = data_dir / "search" / "embeddings"
        if not cache.exists():
            shutil.copytree(args.embeddings_from / "search" / "embeddings", cache)
    server = Server(data_dir, args.corpus.resolve(), args.port, data_dir / "bench-server.log")
    try:
        health = server.wait_ready(args.startup_timeout)
        run = run_wrk if args.generator == "wrk" else run_threads
        workloads = {"article GET": article_paths(server.base_url), "search": search_paths()}
        results = []
        for name, paths in workloads.items():
            run(server.base_url, paths, 2, 3, name)  # warm up
            for clients in (1, 8):
                results.append(run(server.base_url, paths, clients, args.seconds, name))
                print(results[-1], file=sys.stderr)
        rss = server.rss_mb()
    finally:
        server.stop()
        if temporary is not None:
            temporary.cleanup()
    text = report(args.corpus, health, args.generator, args.seconds, results, rss, head)
    print(text)
    if args.append is not None:
        with args.append.open("a", encoding="utf-8") as out:
            out.write("\n" + text)


if __name__ == "__main__":
    main()
