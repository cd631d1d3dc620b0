"""Search throughput over HTTP (issue 14): ``/search`` at 1 and 8 clients with wrk, unique
queries, for a baseline server (another checkout, e.g. main, one worker) and for this
checkout's ``liuhen serve --workers N``, in one run over one data directory.

    .venv/bin/python bench/search_http.py --baseline-repo /work/main --workers 1,2
    .venv/bin/python bench/search_http.py --corpus ../shared/corpus/lawrefbook \\
        --data-dir DIR --embeddings-from DIR --append docs/benchmarks.md

Queries: every question of the dev set, STARD's training questions and the situation sets
(about 1,700 distinct texts). Each wrk thread walks its own slice of them in order, so no
query is sent twice until the list is used up (the report says when it was: a row of more
requests than queries). The load average is read at the start and end of every row: on a
busy machine the figures are figures under that load.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import httpx
from api_bench import WRK_DONE  # bench/ is on the path when run as a script
from graph_bench import machine

from core.settings import REPO_ROOT

SEEDS = REPO_ROOT / "data/regulations"
QUESTION_FILES = (
    REPO_ROOT.parent / "shared/eval/dev_queries.jsonl",
    REPO_ROOT.parent / "shared/eval/stard_train.jsonl",
    *sorted((REPO_ROOT / "data/eval").glob("situations*.jsonl")),
)
MAX_QUERY_CHARS = 500  # the API's bound is higher; long case facts are another workload

WRK_SCRIPT = """
local paths = {}
for line in io.lines(os.getenv("LIUHEN_BENCH_PATHS")) do paths[#paths + 1] = line end
local threads = {}
local counter = 0
setup = function(thread)
  counter = counter + 1
  thread:set("first", counter)
  table.insert(threads, thread)
end
init = function(args)
  position = first
  step = tonumber(os.getenv("LIUHEN_BENCH_THREADS"))
end
request = function()
  local path = paths[((position - 1) % #paths) + 1]
  position = position + step
  return wrk.format("GET", path)
end
response = function(status, headers, body)
  if status ~= 200 then failed = (failed or 0) + 1 end
end
""" + WRK_DONE


@dataclass
class Row:
    server: str
    clients: int
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    failed: int
    load_before: float
    load_after: float

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def questions() -> list[str]:
    """Every distinct question of the sets, in file order."""
    seen: dict[str, None] = {}
    for path in QUESTION_FILES:
        for line in path.read_text("utf-8").splitlines():
            text = json.loads(line)["query"].strip()
            if 0 < len(text) <= MAX_QUERY_CHARS:
                seen.setdefault(text, None)
    return list(seen)


class Server:
    """``liuhen serve`` of ``repo`` (its code, its interpreter path) in a process of its own."""

    def __init__(self, repo: Path, data_dir: Path, corpus: Path, port: int, workers: int,
                 log: Path) -> None:
        self.base_url = f"http://127.0.0.1:{port}"
        env = os.environ | {"LIUHEN_DATA_DIR": str(data_dir),
                            "LIUHEN_REGULATIONS_DIR": str(corpus), "PYTHONPATH": str(repo)}
        extra = f", workers={workers}" if workers > 1 else ""
        code = ("from api.server import serve; from core.settings import get_settings; "
                f"serve(get_settings(), '127.0.0.1', {port}, log_level='warning'{extra})")
        self.log = log.open("w")
        self.process = subprocess.Popen([sys.executable, "-c", code], env=env, cwd=repo,
                                        stdout=self.log, stderr=subprocess.STDOUT)

    def wait_ready(self, workers: int, timeout: float) -> None:
        """Until ``workers`` distinct processes have answered /health with status ok."""
        deadline = time.monotonic() + timeout
        seen: set[int] = set()
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"the server exited; see {self.log.name}")
            try:
                with httpx.Client(timeout=5) as http:  # a new connection: any worker
                    health = http.get(f"{self.base_url}/health").json()
                if health.get("status") == "ok":
                    seen.add(int(health.get("process", 0)))
                    if len(seen) >= workers:
                        return
            except (httpx.HTTPError, ValueError):
                pass
            time.sleep(0.3)
        raise SystemExit(f"the server was not ready in {timeout:.0f} s; see {self.log.name}")

    def rss_mb(self) -> float:
        """Resident memory of the server and every process under it (proportional share of
        shared pages, PSS, where the kernel reports it)."""
        total = 0
        for pid in [self.process.pid, *_descendants(self.process.pid)]:
            try:
                text = Path(f"/proc/{pid}/smaps_rollup").read_text()
            except OSError:
                continue
            total += next(int(line.split()[1]) for line in text.splitlines()
                          if line.startswith("Pss:"))
        return total / 1024

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


def _descendants(pid: int) -> list[int]:
    found = []
    for child in Path(f"/proc/{pid}/task").glob("*/children"):
        for text in child.read_text().split():
            found += [int(text), *_descendants(int(text))]
    return found


def run_wrk(base_url: str, paths: list[str], clients: int, seconds: int) -> dict[str, float]:
    threads = min(clients, 2)
    with tempfile.TemporaryDirectory() as folder:
        script, listing = Path(folder) / "bench.lua", Path(folder) / "paths.txt"
        script.write_text(WRK_SCRIPT)
        listing.write_text("\n".join(paths) + "\n")
        command = ["wrk", f"-t{threads}", f"-c{clients}", f"-d{seconds}s", "--timeout", "10s",
                   "-s", str(script), base_url]
        done = subprocess.run(command, capture_output=True, text=True, check=True,
                              env=os.environ | {"LIUHEN_BENCH_PATHS": str(listing),
                                                "LIUHEN_BENCH_THREADS": str(threads)})
    summary: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return summary


def measure(server: Server, name: str, paths: list[str], seconds: int) -> list[Row]:
    rows = []
    warm = paths[-200:]  # warm-up queries, kept out of the measured slice
    run_wrk(server.base_url, warm, 2, 3)
    measured = paths[:-200]
    for clients in (1, 8):
        before = os.getloadavg()[0]
        summary = run_wrk(server.base_url, measured, clients, seconds)
        rows.append(Row(name, clients, int(summary["requests"]), summary["seconds"],
                        summary["p50"], summary["p99"],
                        int(summary["non2xx"] + summary["errors"]), before,
                        os.getloadavg()[0]))
        print(rows[-1], file=sys.stderr)
    return rows


def report(title: str, head: list[str], corpus: Path, health: dict[str, object], queries: int,
           seconds: int, rows: list[Row], memory: dict[str, float]) -> str:
    index = health["index"]
    assert isinstance(index, dict)
    lines = [
        f"### {title}", "", *head, "",
        f"Corpus `{corpus.name}`: {index['regulations']} regulations, {index['articles']} "
        f"articles, {index['units']} units, dense {index['dense']}. wrk on the same 2 cores "
        f"as the servers, {seconds} s per row; {queries:,} distinct queries, each wrk thread "
        "walking its own slice in order (a row of more requests than queries repeats some). "
        "The load average (1 min) is read before and after each row.", "",
        "| server | clients | requests | req/s | p50 ms | p99 ms | failed | load before/after |",
        "|---|---|---|---|---|---|---|---|",
        *(f"| {r.server} | {r.clients} | {r.requests:,} | {r.rps:.1f} | {r.p50_ms:.1f} | "
          f"{r.p99_ms:.1f} | {r.failed} | {r.load_before:.1f} / {r.load_after:.1f} |"
          for r in rows),
        "",
        *(f"- memory of `{name}` (PSS, server and children, after its rows): {mb:,.0f} MB"
          for name, mb in memory.items()),
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=SEEDS)
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="the graph and index (default: a temporary folder)")
    parser.add_argument("--baseline-repo", type=Path, default=None,
                        help="a checkout whose `liuhen serve` (one worker) is measured first")
    parser.add_argument("--workers", default="1,2",
                        help="worker counts of this checkout's server to measure")
    parser.add_argument("--port", type=int, default=8766)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--embeddings-from", type=Path, default=None,
                        help="a data directory whose passage embeddings to reuse (copied)")
    parser.add_argument("--startup-timeout", type=float, default=3600)
    parser.add_argument("--title", default="Search over HTTP, baseline and workers")
    parser.add_argument("--append", type=Path, default=None)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed")
    head = machine()
    temporary = None
    data_dir = args.data_dir
    if data_dir is None:
        temporary = tempfile.TemporaryDirectory(prefix="liuhen-search-http-")
        data_dir = Path(temporary.name)
    data_dir.mkdir(parents=True, exist_ok=True)
    if args.embeddings_from is not None:
        cache = data_dir / "search" / "embeddings"
        if not cache.exists():
            shutil.copytree(args.embeddings_from / "search" / "embeddings", cache)
    texts = questions()
    paths = [f"/search?{urlencode({'q': q, 'top': 10})}" for q in texts]
    servers: list[tuple[str, Path, int]] = []
    if args.baseline_repo is not None:
        servers.append((f"baseline {args.baseline_repo.name}, 1 worker",
                        args.baseline_repo.resolve(), 1))
    servers += [(f"this branch, {n} worker{'s' if n > 1 else ''}", REPO_ROOT, n)
                for n in (int(part) for part in args.workers.split(","))]
    rows: list[Row] = []
    memory: dict[str, float] = {}
    health: dict[str, object] = {}
    try:
        for name, repo, workers in servers:
            server = Server(repo, data_dir, args.corpus.resolve(), args.port, workers,
                            data_dir / "bench-server.log")
            try:
                server.wait_ready(workers, args.startup_timeout)
                health = httpx.get(f"{server.base_url}/health", timeout=10).json()
                rows += measure(server, name, paths, args.seconds)
                memory[name] = server.rss_mb()
            finally:
                server.stop()
    finally:
        if temporary is not None:
            temporary.cleanup()
    text = report(args.title, head, args.corpus, health, len(paths) - 200, args.seconds, rows,
                  memory)
    print(text)
    if args.append is not None:
        with args.append.open("a", encoding="utf-8") as out:
            out.write("\n" + text)


if __name__ == "__main__":
    main()
