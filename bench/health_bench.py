"""/health under console and search load, and recovery from kill -9 of the store (issue 12).

    .venv/bin/python bench/health_bench.py                          # print
    .venv/bin/python bench/health_bench.py --append docs/benchmarks.md --data-dir DIR

Against ``liuhen serve`` in its own process (bench/api_bench.py's Server): 4 threads send
console statements that run until their 5 s timeout (the console runs one at a time: the
others are answered 429 and send again after 50 ms), 6 threads send 60 searches in all,
and one thread asks /health every 20 ms; then the store child is killed (SIGKILL) ``--kills``
times and the time until /health answers 200 with one more restart is measured.

Target: /health p99 <= 100 ms under that load; the service answers again within 5 s of a
store crash.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import tempfile
import threading
import time
from pathlib import Path

import httpx
from api_bench import ADMIN_KEY, QUERIES, SEEDS, Server  # bench/ is on the path as a script
from graph_bench import machine, percentiles

HEALTH_P99_TARGET_MS = 100.0
BACK_TARGET_S = 5.0
SLOW = ("UNWIND range(1, 10000) AS a UNWIND range(1, 10000) AS b WITH a, b "
        "WHERE a + b = -1 RETURN count(*) AS n")


def questions() -> list[str]:
    if QUERIES.exists():
        return [json.loads(line)["query"] for line in QUERIES.read_text().splitlines() if line]
    return ["领导干部干预司法活动", "过问案件", "律师接触交往", "说情打招呼"]


def load_phase(base: str, searches: int) -> dict[str, object]:
    stop = threading.Event()
    health_ms: list[float] = []
    search_ms: list[float] = []
    console = {"ran": 0, "busy": 0, "other": 0}
    lock = threading.Lock()

    def poll_health() -> None:
        with httpx.Client(base_url=base, timeout=30) as http:
            while not stop.is_set():
                started = time.perf_counter()
                ok = http.get("/health").status_code == 200
                elapsed = (time.perf_counter() - started) * 1000
                with lock:
                    health_ms.append(elapsed if ok else float("inf"))
                time.sleep(0.02)

    def run_console() -> None:
        with httpx.Client(base_url=base, timeout=60) as http:
            while not stop.is_set():
                status = http.post("/admin/cypher", headers={"X-API-Key": ADMIN_KEY},
                                   json={"query": SLOW, "timeout": 5.0}).status_code
                key = "busy" if status == 429 else "ran" if status in (200, 422) else "other"
                with lock:
                    console[key] += 1
                if status == 429:
                    time.sleep(0.05)

    asked = questions()
    pending = list(range(searches))

    def run_searches() -> None:
        with httpx.Client(base_url=base, timeout=60) as http:
            while True:
                with lock:
                    if not pending:
                        return
                    number = pending.pop()
                started = time.perf_counter()
                http.get("/search", params={"q": asked[number % len(asked)]})
                with lock:
                    search_ms.append((time.perf_counter() - started) * 1000)

    background = [threading.Thread(target=poll_health)] + \
        [threading.Thread(target=run_console) for _ in range(4)]
    for thread in background:
        thread.start()
    time.sleep(1.0)  # the console is busy before the searches start
    started = time.monotonic()
    searchers = [threading.Thread(target=run_searches) for _ in range(6)]
    for thread in searchers:
        thread.start()
    for thread in searchers:
        thread.join()
    elapsed = time.monotonic() - started
    load = os.getloadavg()
    stop.set()
    for thread in background:
        thread.join()
    p50, p99 = percentiles(health_ms)
    s50, s99 = percentiles(search_ms)
    return {"health_requests": len(health_ms), "health_p50_ms": round(p50, 1),
            "health_p99_ms": round(p99, 1), "health_max_ms": round(max(health_ms), 1),
            "searches": len(search_ms), "search_p50_ms": round(s50, 1),
            "search_p99_ms": round(s99, 1), "seconds": round(elapsed, 1),
            "console": console, "load_average_end": [round(x, 2) for x in load]}


def kill_phase(base: str, data_dir: Path, kills: int) -> list[float]:
    backs: list[float] = []
    pid_file = data_dir / "falkordb" / "falkordb.pid"
    with httpx.Client(base_url=base, timeout=30) as http:
        for _ in range(kills):
            restarts = http.get("/health").json()["supervisor"]["restarts"]
            os.kill(int(pid_file.read_text().strip()), signal.SIGKILL)
            killed = time.perf_counter()
            while True:
                response = http.get("/health")
                if response.status_code == 200 and \
                        response.json()["supervisor"]["restarts"] == restarts + 1:
                    break
                time.sleep(0.02)
            backs.append(time.perf_counter() - killed)
            time.sleep(1.0)
    return backs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, help="kept between runs (first start is slow)")
    parser.add_argument("--port", type=int, default=8766)
    parser.add_argument("--searches", type=int, default=60)
    parser.add_argument("--kills", type=int, default=5)
    parser.add_argument("--startup-timeout", type=float, default=900)
    parser.add_argument("--append", type=Path, help="append the report to this file")
    args = parser.parse_args()
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="liuhen-health-"))
    header = machine()
    server = Server(data_dir, SEEDS, args.port, data_dir.parent / "health_bench.log")
    try:
        server.wait_ready(args.startup_timeout)
        loaded = load_phase(server.base_url, args.searches)
        backs = kill_phase(server.base_url, data_dir, args.kills)
    finally:
        server.stop()
    health_ok = loaded["health_p99_ms"] <= HEALTH_P99_TARGET_MS  # type: ignore[operator]
    lines = [
        "", "### /health under console and search load; recovery from kill -9 (health_bench)",
        "", *header, "",
        "Server: `liuhen serve` in its own process (real model, one uvicorn worker, embedded "
        "FalkorDB). 4 threads send console statements that run to their 5 s timeout (one at "
        "a time; the others get 429 and send again after 50 ms), 6 threads send "
        f"{args.searches} searches, one asks /health every 20 ms.", "",
        f"- /health: {loaded['health_requests']} requests, p50 {loaded['health_p50_ms']} ms, "
        f"p99 {loaded['health_p99_ms']} ms, max {loaded['health_max_ms']} ms: target p99 <= "
        f"{HEALTH_P99_TARGET_MS:g} ms {'met' if health_ok else 'MISSED'}",
        f"- searches: {loaded['searches']} in {loaded['seconds']} s, p50 "
        f"{loaded['search_p50_ms']} ms, p99 {loaded['search_p99_ms']} ms",
        f"- console: {loaded['console']}",
        f"- load average at the end of the load: {loaded['load_average_end']}",
        f"- kill -9 of the store, {len(backs)} times: /health 200 again after "
        + ", ".join(f"{b:.2f}" for b in backs) + f" s (target {BACK_TARGET_S:g} s: "
        + ("met" if backs and max(backs) <= BACK_TARGET_S else "MISSED") + ")",
    ]
    report = "\n".join(lines) + "\n"
    print(report)
    if args.append:
        with args.append.open("a") as out:
            out.write(report)


if __name__ == "__main__":
    main()
